"""The kinds of link between two entities, each with a stated meaning and how to find it.

A side acts through itself, its districts and counties, and (for parks and learning) the
companies and agencies seated in it (queries/rollup.py). Every kind returns candidates: the
linking entity and, for each side, the chains of relations that reach it (best first).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from graph.follow import Follow, follow
from graph.model import Entity
from queries.industry_match import HOLDS, industry_holdings, shared_industries
from queries.rollup import (
    INSIDE,
    LINES,
    LOCATED,
    Chain,
    Relations,
    actors,
    apart,
    by_other_end,
    lines_from,
    places,
    prefetch_places,
)

# What the kinds read of the actors (organisations included), asked in one read.
_ACTOR_TYPES = frozenset({"CO_BUILDS", "COOPERATES_WITH", "LEARNS_FROM"})
# Kinds that reach the seated organisations (actors) or all that lies in a place (located)
# read everything LOCATED_IN the places with them; the others only the places.
_ACTOR_READS = frozenset({*_ACTOR_TYPES, INSIDE})
_UPSTREAM = frozenset({"UPSTREAM_OF"})


@dataclass(frozen=True)
class Candidate:
    kind: str
    entity: str
    a: tuple[Chain, ...]  # chains from side a to the entity, best first
    b: tuple[Chain, ...]
    distance: int | None = None  # taxonomy distance, for shared industries


class Sides:
    """The two sides of a question and what each reaches, computed once and shared by kinds."""

    def __init__(self, rels: Relations, a: Entity, b: Entity, *, broad: bool = False) -> None:
        self.rels, self.a, self.b, self.broad = rels, a, b, broad

    @cached_property
    def places(self) -> tuple[dict[str, Chain], dict[str, Chain]]:
        prefetch_places(self.rels, (self.a.id, self.b.id))  # both sides' walks at once
        pa, pb = places(self.rels, self.a), places(self.rels, self.b)
        return apart(pa, pb), apart(pb, pa)

    @cached_property
    def actors(self) -> tuple[dict[str, Chain], dict[str, Chain]]:
        aa, ab = actors(self.rels, self.a), actors(self.rels, self.b)
        # the actors' relations that kinds read next, organisations' included
        self.rels.prefetch([*aa, *ab], _ACTOR_TYPES)
        return apart(aa, ab), apart(ab, aa)

    @cached_property
    def located(self) -> tuple[dict[str, Chain], dict[str, Chain]]:
        """What stands for each side: its places and anything LOCATED_IN one of them."""
        out = []
        self.rels.prefetch([*self.places[0], *self.places[1]], [INSIDE])
        for mine in self.places:
            found = dict(mine)
            for place, chain in sorted(mine.items()):
                inside = by_other_end(self.rels(place, [INSIDE]), place, LOCATED,
                                      outgoing=False)
                for other, hop in inside.items():
                    if other not in found:
                        found[other] = chain.then(other, hop, fact=False)
            out.append(found)
        return out[0], out[1]

    def reach(self, starts: dict[str, Chain], types: frozenset[str] | set[str],
              labels: frozenset[str] | None = None,
              outgoing: bool | None = True) -> dict[str, list[Chain]]:
        """From each start, the entities one relation of these types away (facts)."""
        found: dict[str, list[Chain]] = {}
        # only the direction and the labels kept below are read (not a hub's whole list)
        direction = None if outgoing is None else "out" if outgoing else "in"
        reads = [follow(t, direction, labels) for t in sorted(types)]
        self.rels.prefetch(starts, reads)
        for start, chain in sorted(starts.items()):
            for other, hop in by_other_end(self.rels(start, reads), start, types,
                                           outgoing=outgoing).items():
                if labels is None or self.rels.label(other) in labels:
                    found.setdefault(other, []).append(chain.then(other, hop, fact=True))
        return found


def _best(chains: list[Chain]) -> tuple[Chain, ...]:
    return tuple(sorted(chains, key=Chain.order))


_PARK = frozenset({"Park"})


def _parks(s: Sides) -> list[Candidate]:
    roles = []
    for side_places, side_actors in zip(s.places, s.actors, strict=True):
        roles.append((s.reach(side_actors, {"CO_BUILDS"}, _PARK),
                      s.reach(side_places, {"LOCATED_IN"}, _PARK, outgoing=False),
                      s.reach(side_actors, {"COOPERATES_WITH"}, _PARK, outgoing=None)))
    (build_a, host_a, partner_a), (build_b, host_b, partner_b) = roles
    out = []
    for park in sorted(set(build_a) | set(host_a) | set(partner_a)):
        a_has = build_a.get(park, []) + host_a.get(park, [])
        b_has = build_b.get(park, []) + host_b.get(park, [])
        if park in build_a and park in build_b:
            out.append(Candidate("co-built-park", park, _best(build_a[park]),
                                 _best(build_b[park])))
        elif a_has and b_has:
            out.append(Candidate("hosted-park", park, _best(a_has), _best(b_has)))
        elif a_has and park in partner_b:
            out.append(Candidate("partner-park", park, _best(a_has), _best(partner_b[park])))
        elif b_has and park in partner_a:
            out.append(Candidate("partner-park", park, _best(partner_a[park]), _best(b_has)))
    return out


def _shared(s: Sides, types: frozenset[str], kind: str,
            labels: frozenset[str] | None = None) -> list[Candidate]:
    pa, pb = s.places
    # both sides at once (nothing if links() read them); what they join, not their members
    s.rels.prefetch([*pa, *pb], [follow(t, "out", labels) for t in sorted(types)])
    mine, theirs = s.reach(pa, types, labels), s.reach(pb, types, labels)
    skip = set(pa) | set(pb)
    return [Candidate(kind, t, _best(mine[t]), _best(theirs[t]))
            for t in sorted(set(mine) & set(theirs)) if t not in skip]


_MEMBERSHIP = frozenset({"MEMBER_OF", "PARTICIPATES_IN"})
_ADOPTS = frozenset({"ADOPTS"})
_MECHANISM = frozenset({"Mechanism"})
# what links() reads of the places for these kinds (as _shared reads them)
_JOINS = frozenset(follow(t, "out") for t in sorted(_MEMBERSHIP))
_ADOPTED = frozenset({follow("ADOPTS", "out", _MECHANISM)})


def _memberships(s: Sides) -> list[Candidate]:
    return _shared(s, _MEMBERSHIP, "shared-membership")


def _mechanisms(s: Sides) -> list[Candidate]:
    return _shared(s, _ADOPTS, "shared-mechanism", _MECHANISM)


# what links() reads of the places for infrastructure: the lines that reach them
_CONNECTED = frozenset({LINES})


def _infrastructure(s: Sides) -> list[Candidate]:
    """Bridges, tunnels, railways, ports and airports that CONNECTS a place of each side (a
    district's too): the Yangtze crossings are what cross-river cooperation stands on."""
    pa, pb = s.places
    mine, theirs = lines_from(s.rels, pa), lines_from(s.rels, pb)
    return [Candidate("shared-infrastructure", t, tuple(mine[t]), tuple(theirs[t]))
            for t in sorted(set(mine) & set(theirs))]


def _industries(s: Sides) -> list[Candidate]:
    return [Candidate("shared-industry", m.industry, m.a, m.b, m.distance)
            for m in shared_industries(s.rels, s.a, s.b, broad=s.broad)]


def _chain(s: Sides) -> list[Candidate]:
    prefetch_places(s.rels, (s.a.id, s.b.id), HOLDS)  # both sides' walks at once
    held = (industry_holdings(s.rels, s.a), industry_holdings(s.rels, s.b))
    # only the chains between the two sides' industries (a category's thousands are not read)
    between = [follow("UPSTREAM_OF", ends={*held[0], *held[1]})]
    s.rels.prefetch([*held[0], *held[1]], between)
    found: dict[str, tuple[list[Chain], list[Chain]]] = {}
    for side in (0, 1):
        mine, theirs = held[side], held[1 - side]
        for industry, chain in sorted(mine.items()):
            ups = by_other_end(s.rels(industry, between), industry, _UPSTREAM,
                               outgoing=None)
            for other, hop in ups.items():
                if other not in theirs or other == industry:
                    continue
                downstream = hop[0].end
                if downstream == other:  # mine supplies theirs: walk on to theirs
                    ours, their = chain.then(other, hop, fact=True), theirs[other]
                else:  # theirs supplies mine: they walk on to mine
                    ours, their = chain, theirs[other].then(industry, hop, fact=True)
                pair = found.setdefault(downstream, ([], []))
                pair[side].append(ours)
                pair[1 - side].append(their)
    return [Candidate("industry-chain", d, _best(a), _best(b))
            for d, (a, b) in sorted(found.items())]


_COOPERATES = frozenset({"COOPERATES_WITH"})


def _cooperation(s: Sides) -> list[Candidate]:
    """One side (or a district, county, company or agency of it) COOPERATES_WITH the other
    (or one of its own): the tie stated between them, with no third thing in between. The
    row names the end of the relation that is not a side itself (the smaller id when neither
    is; the second side when both are), so swapping the sides names the same company's row;
    a park that partners a side is partner-park's, not this kind's (unless it is a side)."""
    mine, theirs = s.actors
    sides = {s.a.id, s.b.id}
    found: dict[str, tuple[list[Chain], list[Chain]]] = {}
    for other, chains in sorted(s.reach(mine, _COOPERATES, outgoing=None).items()):
        if other not in theirs:
            continue
        for chain in chains:
            start, hop = chain.ids[-2], chain.hops[-1]
            if any(s.rels.label(i) == "Park" and i not in sides for i in (start, other)):
                continue  # a park's partnership: partner-park
            ends = sorted((start, other), key=lambda i: (i in sides, i != s.b.id, i))
            if ends[0] == other:  # named on the other side's end
                pair = found.setdefault(other, ([], []))
                pair[0].append(chain)
                pair[1].append(theirs[other])
            else:  # named on this side's end: the other side walks on to it
                pair = found.setdefault(start, ([], []))
                pair[0].append(mine[start])
                pair[1].append(theirs[other].then(start, hop, fact=True))
    return [Candidate("cooperation", e, _best(a), _best(b)) for e, (a, b) in sorted(found.items())]


def _learning(s: Sides) -> list[Candidate]:
    found: dict[str, tuple[list[Chain], list[Chain]]] = {}
    for side in (0, 1):
        learned = s.reach(s.actors[side], {"LEARNS_FROM"})
        models = s.located[1 - side]
        for model, chains in sorted(learned.items()):
            if model in models:
                pair = found.setdefault(model, ([], []))
                pair[side].extend(chains)
                pair[1 - side].append(models[model])
    return [Candidate("learning", m, _best(a), _best(b)) for m, (a, b) in sorted(found.items())]


@dataclass(frozen=True)
class Kind:
    name: str
    title: str
    meaning: str
    weight: float  # how much this kind of link says about the two sides (strength.py)
    find: Callable[[Sides], list[Candidate]]
    # the relation types it reads of each side's places (besides LOCATED_IN), so that
    # links() reads them with the places, a level of both sides per read
    reads: frozenset[str | Follow] = frozenset()


_KINDS = [
    Kind("co-built-park", "co-built park",
         "both sides build it: each, or a district, county, company or agency of it, "
         "CO_BUILDS the park", 1.0, _parks, _ACTOR_READS),
    Kind("hosted-park", "hosted park",
         "one side builds or hosts the park and it lies in the other (LOCATED_IN)", 0.5,
         _parks, _ACTOR_READS),
    Kind("partner-park", "partner park",
         "one side builds or hosts the park and it COOPERATES_WITH the other", 0.4, _parks,
         _ACTOR_READS),
    Kind("cooperation", "cooperation",
         "one side, or a district, county, company or agency of it, COOPERATES_WITH the other "
         "or one of its own (a tie stated between them)", 0.5, _cooperation, _ACTOR_READS),
    Kind("shared-industry", "shared industry",
         "both have the industry, or industries one BROADER level from it (distance; the "
         "weight shrinks with it); top-level categories only with --broad", 0.6, _industries,
         HOLDS),
    Kind("industry-chain", "industry chain",
         "one side's industry is UPSTREAM_OF the other's", 0.35, _chain, HOLDS),
    Kind("shared-membership", "shared membership",
         "both are MEMBER_OF or PARTICIPATES_IN the same alliance, circle or initiative",
         0.45, _memberships, _JOINS),
    Kind("shared-mechanism", "shared mechanism", "both ADOPTS the same mechanism", 0.3,
         _mechanisms, _ADOPTED),
    Kind("shared-infrastructure", "infrastructure",
         "a bridge, tunnel, railway, port or airport CONNECTS both sides (a district or county "
         "of either)",
         0.4, _infrastructure, _CONNECTED),
    Kind("learning", "learning / model",
         "one side LEARNS_FROM the other or something in it (a model it follows)", 0.3,
         _learning, _ACTOR_READS),
]
KINDS: dict[str, Kind] = {k.name: k for k in _KINDS}
