"""The met-in-the-middle path search finds exactly what a plain walk finds."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from graph.embedded import EmbeddedStore
from graph.schema import LABELS, TRAVERSAL_EXCLUDED_LABELS
from graph.store import TooManyPaths

# Path searches the store primitive serves (inner labels): the spread `links` once walked.
_HUB_LEVELS = frozenset({"municipality", "prefecture", "province"})
INNER = {
    "industry": frozenset({"Industry", "Park", "Organization"}),
    "park": frozenset({"Park", "Industry", "Organization", "City"}),
    "mechanism": frozenset({"Mechanism", "Initiative", "Organization", "Region", "Park"}),
    "any": frozenset(LABELS) - set(TRAVERSAL_EXCLUDED_LABELS),
}


def _reference(store: EmbeddedStore, a: str, b: str, max_len: int,
               inner: frozenset[str]) -> list[list[str]]:
    walk = store._walkable()
    allowed = {n for n in walk if (e := store._entity(n)).label in inner
               and e.props.get("level", "") not in _HUB_LEVELS} | {a, b}
    return sorted(nx.all_simple_paths(walk.subgraph(allowed), a, b, cutoff=max_len),
                  key=lambda p: (len(p), p))


@pytest.mark.parametrize("via", sorted(INNER))
@pytest.mark.parametrize("max_len", [1, 2, 3, 4])
def test_halves_match_a_plain_walk(embedded_built: EmbeddedStore, via: str,
                                   max_len: int) -> None:
    cities = ["city:nantong", "city:suzhou", "city:shanghai", "city:qidong", "park:sip",
              "industry:new-materials"]
    inner = INNER[via]
    for a, b in itertools.permutations(cities, 2):
        try:
            got = embedded_built.simple_paths(a, b, max_len, inner, exclude_levels=_HUB_LEVELS)
        except TooManyPaths:
            continue
        assert got == _reference(embedded_built, a, b, max_len, inner), (a, b)


def test_bidirectional_shortest_paths_match_networkx(embedded_built: EmbeddedStore) -> None:
    walk = embedded_built._walkable()
    nodes = sorted(walk)[::7]  # a spread of ~30 entities of every label
    compared = 0
    for a, b in itertools.permutations(nodes, 2):
        try:
            expected = sorted(nx.all_shortest_paths(walk, a, b), key=lambda p: (len(p), p))
        except nx.NetworkXNoPath:
            expected = []
        for max_len in (2, 6):
            want = [p for p in expected if len(p) - 1 <= max_len]
            assert embedded_built.shortest_paths(a, b, max_len) == want, (a, b, max_len)
        compared += 1
    assert compared > 500
