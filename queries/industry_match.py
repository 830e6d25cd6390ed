"""Which industries two entities share: the one computation `compare` and `links` both use.

A side has an industry when it, or a district or county of it (roll-up), HAS_INDUSTRY it or
(a park, alliance or plan) FOCUSES_ON it. Two sides share an industry M at a stated distance,
the BROADER steps from each side's own industries up to M:

- 0: both have M itself;
- 1: one has M, the other an industry one level narrower;
- 2: both have industries one level under M (M is not a top-level category).

Meeting only in a top-level category (`level: category`), or more than one level up on a
side, says little ("both have something in new materials"): such matches are made only when
asked for (`broad=True`, `links --broad`, and compare's categories).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.follow import Follow
from graph.model import Entity, Relation
from queries.rollup import MAX_STEPS, Chain, Relations, by_other_end, places, prefetch_places

BROADER = frozenset({"BROADER"})
# upward() climbs: a broad category's narrower industries are not read
_UP = (Follow("BROADER", "out"),)

INDUSTRY_TYPES = frozenset({"HAS_INDUSTRY", "FOCUSES_ON"})
# What industry_holdings reads of a place: the industries it has (an industry as a side is
# not read with the thousands that have it)
HOLDS = frozenset(Follow(t, "out", frozenset({"Industry"})) for t in sorted(INDUSTRY_TYPES))
TOP_LEVEL = "category"


def industry_holdings(rels: Relations, side: Entity) -> dict[str, Chain]:
    """Every industry the side has (itself or through its districts), with its best chain."""
    found: dict[str, Chain] = {}
    where = places(rels, side)
    rels.prefetch(where, HOLDS)  # (nothing to read after prefetch_places(.., also=))
    for place, chain in sorted(where.items()):
        for industry, hop in by_other_end(rels(place, HOLDS), place,
                                          INDUSTRY_TYPES).items():
            if rels.label(industry) != "Industry":
                continue
            candidate = chain.then(industry, hop, fact=True)
            if industry not in found or candidate.order() < found[industry].order():
                found[industry] = candidate
    return found


def _steps(chain: Chain) -> int:
    """BROADER steps on a chain (containment hops from a district are not counted)."""
    return sum(1 for hop in chain.hops if hop[0].type == "BROADER")


def _parents(rels: Relations, node: str) -> dict[str, tuple[Relation, ...]]:
    return by_other_end(rels(node, _UP), node, BROADER)


def prefetch_upward(rels: Relations, starts: Iterable[str], max_steps: int) -> None:
    """Read what upward() reads from these industries, a level of all of them per read (the
    union of their walks: an industry within max_steps - 1 BROADER steps of one)."""
    rels.prefetch_levels(starts, lambda node: _parents(rels, node), max_steps, _UP)


def upward(rels: Relations, held: dict[str, Chain], max_steps: int) -> dict[str, list[Chain]]:
    """Every industry reachable up BROADER from the held ones within max_steps: for each,
    one chain per held industry that leads there (the shortest way from it)."""
    reach: dict[str, list[Chain]] = {}
    prefetch_upward(rels, held, max_steps)
    for industry, chain in sorted(held.items()):
        seen = {industry: chain}
        frontier = [industry]
        for _ in range(max_steps):
            nxt: list[str] = []
            for node in frontier:
                for parent, hop in _parents(rels, node).items():
                    if parent not in seen:
                        seen[parent] = seen[node].then(parent, hop, fact=False)
                        nxt.append(parent)
            frontier = sorted(nxt)
            if not frontier:
                break
        for node, way in seen.items():
            reach.setdefault(node, []).append(way)
    return {k: sorted(v, key=lambda c: (_steps(c), c.order())) for k, v in reach.items()}


def _own(chain: Chain) -> str:
    """The side's own industry a chain starts from (the end of its HAS_INDUSTRY hop)."""
    first = next(i for i, fact in enumerate(chain.facts) if fact)
    return chain.ids[first + 1]


@dataclass(frozen=True)
class IndustryMatch:
    """An industry both sides reach, each side's chains to it, and the distance between them.

    a[0] and b[0] are the best pair: the fewest BROADER steps, and never the same own
    industry on both sides below the meeting one (that is the same-node match, not a
    taxonomy link: both having 集成电路 does not make them meet again in 半导体).
    """

    industry: str
    a: tuple[Chain, ...]  # best first
    b: tuple[Chain, ...]

    @property
    def distance(self) -> int:
        return _steps(self.a[0]) + _steps(self.b[0])

    def own(self, side: str) -> tuple[str, ...]:
        """The side's own industries under (or equal to) the meeting one."""
        return tuple(sorted({_own(c) for c in (self.a if side == "a" else self.b)}))


def _match(industry: str, up_a: list[Chain], up_b: list[Chain]) -> IndustryMatch | None:
    """The match at `industry` from pairs of chains with different own industries (or the
    industry itself on both sides), or None if there is no such pair."""
    pairs = [(x, y) for x in up_a for y in up_b
             if _own(x) != _own(y) or _own(x) == industry]
    if not pairs:
        return None
    best = min(pairs, key=lambda p: (_steps(p[0]) + _steps(p[1]), p[0].order(), p[1].order()))
    a = [best[0], *(x for x in up_a if x != best[0] and any(x is p[0] for p in pairs))]
    b = [best[1], *(y for y in up_b if y != best[1] and any(y is p[1] for p in pairs))]
    return IndustryMatch(industry, tuple(a), tuple(b))


def shared_industries(rels: Relations, a: Entity, b: Entity, *,
                      broad: bool = False) -> list[IndustryMatch]:
    """Which industries do these two share, the same or at a stated taxonomy distance?"""
    prefetch_places(rels, (a.id, b.id), HOLDS)  # both sides' walks at once
    held_a, held_b = industry_holdings(rels, a), industry_holdings(rels, b)
    steps = MAX_STEPS if broad else 1
    prefetch_upward(rels, [*held_a, *held_b], steps)
    up_a, up_b = upward(rels, held_a, steps), upward(rels, held_b, steps)
    matches = []
    for industry in sorted(set(up_a) & set(up_b)):
        top = rels.fetch({industry})[industry].props.get("level") == TOP_LEVEL
        match = _match(industry, up_a[industry], up_b[industry])
        if match is None or (not broad and (top or match.distance > 2)):
            continue
        matches.append(match)
    return matches
