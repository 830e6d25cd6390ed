"""The met-in-the-middle path search finds exactly what a plain walk finds."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from graph.embedded import EmbeddedStore
from graph.store import TooManyPaths
from queries.links import _HUB_LEVELS, VIAS


def _reference(store: EmbeddedStore, a: str, b: str, max_len: int,
               inner: frozenset[str]) -> list[list[str]]:
    walk = store._walkable()
    allowed = {n for n in walk if (e := store._entity(n)).label in inner
               and e.props.get("level", "") not in _HUB_LEVELS} | {a, b}
    return sorted(nx.all_simple_paths(walk.subgraph(allowed), a, b, cutoff=max_len),
                  key=lambda p: (len(p), p))


@pytest.mark.parametrize("via", sorted(VIAS))
@pytest.mark.parametrize("max_len", [1, 2, 3, 4])
def test_halves_match_a_plain_walk(embedded_built: EmbeddedStore, via: str,
                                   max_len: int) -> None:
    cities = ["city:nantong", "city:suzhou", "city:shanghai", "city:qidong", "park:sip",
              "industry:new-materials"]
    inner = VIAS[via].inner
    for a, b in itertools.permutations(cities, 2):
        try:
            got = embedded_built.simple_paths(a, b, max_len, inner, exclude_levels=_HUB_LEVELS)
        except TooManyPaths:
            continue
        assert got == _reference(embedded_built, a, b, max_len, inner), (a, b)
