"""Who acts for a place: roll-up from districts, counties and seated bodies to the place asked.

A district or county acts for its city (LOCATED_IN, any depth), and a company or agency acts
for the place it is seated in (Organization LOCATED_IN a place), so "Nantong and Shanghai
co-build X" is found when the sources name 港闸区 and 上海市北高新. Every answer keeps the
chain of relations from the place asked to the one that acts, so each claim keeps its quotes.

Only the `Store` protocol's `relations_of` and `entities` are used (cached per question), so
both stores answer alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from graph.follow import Follow, follows
from graph.model import Entity, Relation
from graph.store import Store

CONFIDENCE_RANK = {"high": 3, "medium": 2, "low": 1}
_PLACES = frozenset({"City", "Region"})
LOCATED = frozenset({"LOCATED_IN"})
# What the walks read of a place: what lies in it (LOCATED_IN, incoming), only the places
# (a hub city's seated companies are not read), or only the organisations (actors).
INNER_PLACES = Follow("LOCATED_IN", "in", _PLACES)
SEATED = Follow("LOCATED_IN", "in", frozenset({"Organization"}))
INSIDE = Follow("LOCATED_IN", "in")
# the bridges, tunnels, railways, ports and airports that reach a place
LINES = Follow("CONNECTS", "in", frozenset({"Infrastructure"}))
_CONNECTS = frozenset({"CONNECTS"})
# A bound on walks down the map and up the taxonomy, so a cycle in the data cannot run away.
MAX_STEPS = 8


class Relations:
    """relations_of asked once per entity, and the entities at the other ends, cached.

    A read may name the relation types it follows (`types`: names, or `Follow`s that also
    say the direction and the other end's labels): only those are read (a hub city's
    thousands of other relations, or the companies seated in it, are not), and the cache
    remembers which reads it holds for each entity, so a later read they cover costs nothing.
    What is returned holds every relation the read asks for (it may hold others: callers
    filter by type, direction and label as before)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._rels: dict[str, list[Relation]] = {}
        self._reads: dict[str, list[Follow] | None] = {}  # held; None: every relation
        self.known: dict[str, Entity] = {}

    def __call__(self, entity_id: str,
                 types: Iterable[str | Follow] | None = None) -> list[Relation]:
        wanted = None if types is None else follows(types)
        todo = self._missing(entity_id, wanted)
        if todo is None or todo or entity_id not in self._rels:
            if todo is None:
                rels = self.store.relations_of(entity_id)
            else:
                rels = self.store.relations_of_many([entity_id], todo)[entity_id]
            self._keep(entity_id, rels, todo)
            self.fetch({i for r in rels for i in (r.start, r.end)})
        return self._rels[entity_id]

    def _missing(self, entity_id: str, wanted: list[Follow] | None) -> list[Follow] | None:
        """The reads of `wanted` not held for the entity yet (None: read every relation)."""
        if entity_id in self._reads and self._reads[entity_id] is None:
            return []
        held = self._reads.get(entity_id, [])
        if wanted is None:
            return None
        return [w for w in wanted if not any(h.covers(w) for h in held or ())]

    def _keep(self, entity_id: str, rels: list[Relation], reads: list[Follow] | None) -> None:
        if entity_id in self._rels and reads is not None:  # merged, still sorted by key
            merged = {r.key: r for r in (*self._rels[entity_id], *rels)}
            rels = [merged[k] for k in sorted(merged)]
        self._rels[entity_id] = rels
        held = self._reads.get(entity_id, [])
        self._reads[entity_id] = None if reads is None or held is None else [*held, *reads]

    def prefetch(self, ids: Iterable[str], types: Iterable[str | Follow] | None = None) -> None:
        """Read the relations (that `types` follow, if given) of every id not read yet in
        one round trip (a walk's whole frontier), and the entities at their other ends; a
        single id is left to __call__."""
        wanted = None if types is None else follows(types)
        todo: dict[str, Follow] = {}
        missing = []
        for i in sorted(set(ids)):
            lack = self._missing(i, wanted)
            if lack is None or lack:
                missing.append(i)
                todo.update((f.key(), f) for f in lack or ())
        if len(missing) < 2:
            return
        reads = None if wanted is None else follows(todo.values())
        found = self.store.relations_of_many(missing, reads)
        for entity_id, rels in found.items():
            self._keep(entity_id, rels, reads)
        self.fetch({i for rels in found.values() for r in rels for i in (r.start, r.end)})

    def prefetch_levels(self, starts: Iterable[str], step: Callable[[str], Iterable[str]],
                        max_steps: int, types: Iterable[str | Follow] | None = None) -> None:
        """Read, a level per round trip, what a walk from `starts` reads: the walk goes from
        a node to step(node), at most max_steps levels (the union of every start's walk),
        following relations of `types` (every type if None)."""
        frontier = sorted(set(starts))
        seen = set(frontier)
        for _ in range(max_steps):
            self.prefetch(frontier, types)
            frontier = sorted({o for node in frontier for o in step(node) if o not in seen})
            seen.update(frontier)
            if not frontier:
                break

    def fetch(self, ids: Iterable[str]) -> dict[str, Entity]:
        wanted = set(ids)
        missing = wanted - set(self.known)
        if missing:
            self.known.update(self.store.entities(missing))
        return {i: self.known[i] for i in wanted if i in self.known}

    def label(self, entity_id: str) -> str:
        entity = self.known.get(entity_id)
        return entity.label if entity else ""

    def entity(self, entity_id: str) -> Entity:
        return self.fetch({entity_id})[entity_id]


def by_other_end(rels: Iterable[Relation], me: str, types: frozenset[str] | set[str], *,
                 outgoing: bool | None = True) -> dict[str, tuple[Relation, ...]]:
    """Relations of these types at `me`, grouped by the other end (outgoing, incoming or
    either way: None), sorted within each group."""
    out: dict[str, list[Relation]] = {}
    for r in rels:
        if r.type not in types or r.start == r.end:
            continue
        if r.start == me and outgoing in (True, None):
            out.setdefault(r.end, []).append(r)
        elif r.end == me and outgoing in (False, None):
            out.setdefault(r.start, []).append(r)
    return {k: tuple(sorted(v, key=lambda r: r.key)) for k, v in sorted(out.items())}


@dataclass(frozen=True)
class Chain:
    """A walk from one side of a question to something it reaches: the ids along it, the
    relations of every hop, and which hops state the fact (the rest are roll-up steps:
    containment, taxonomy)."""

    ids: tuple[str, ...]
    hops: tuple[tuple[Relation, ...], ...] = ()
    facts: tuple[bool, ...] = ()  # per hop: does it state the fact (not a roll-up step)?

    @property
    def end(self) -> str:
        return self.ids[-1]

    def then(self, node: str, rels: tuple[Relation, ...], *, fact: bool) -> Chain:
        return Chain((*self.ids, node), (*self.hops, rels), (*self.facts, fact))

    def reversed(self) -> Chain:
        return Chain(self.ids[::-1], self.hops[::-1], self.facts[::-1])

    @property
    def confidence(self) -> int:
        """The weakest hop's rank (3 high .. 1 low); a hop counts its best-supported relation."""
        ranks = [max(CONFIDENCE_RANK.get(r.confidence, 1) for r in hop) for hop in self.hops]
        return min(ranks, default=3)

    def fact_relations(self) -> tuple[Relation, ...]:
        return tuple(r for hop, fact in zip(self.hops, self.facts, strict=True) if fact
                     for r in hop)

    def relations(self) -> tuple[Relation, ...]:
        return tuple(r for hop in self.hops for r in hop)

    def order(self) -> tuple[int, int, tuple[str, ...]]:
        """Best first: the strongest weakest hop, then the shortest, then by ids."""
        return (-self.confidence, len(self.hops), self.ids)


def _inner_places(rels: Relations, place: str) -> dict[str, tuple[Relation, ...]]:
    return {other: hop for other, hop in
            by_other_end(rels(place, [INNER_PLACES]), place, LOCATED, outgoing=False).items()
            if rels.label(other) in _PLACES}


def prefetch_places(rels: Relations, sides: Iterable[str],
                    also: Iterable[str | Follow] = ()) -> None:
    """Read what places() reads for each of the sides, a level of all of them per read (the
    union of their walks: a place within MAX_STEPS - 1 levels of one side), and the
    relations of types `also` of those places (what the caller reads of them next)."""
    rels.prefetch_levels(sides, lambda place: _inner_places(rels, place), MAX_STEPS,
                         [INNER_PLACES, *also])


def places(rels: Relations, side: Entity) -> dict[str, Chain]:
    """The side itself and every place LOCATED_IN it, any depth, each with its chain."""
    found: dict[str, Chain] = {side.id: Chain((side.id,))}
    frontier = [side.id]
    for _ in range(MAX_STEPS):
        nxt: list[str] = []
        rels.prefetch(frontier, [INNER_PLACES])
        for place in frontier:
            inside = by_other_end(rels(place, [INNER_PLACES]), place, LOCATED, outgoing=False)
            for other, hop in inside.items():
                if other not in found and rels.label(other) in _PLACES:
                    found[other] = found[place].then(other, hop, fact=False)
                    nxt.append(other)
        frontier = sorted(nxt)
        if not frontier:
            break
    return found


def actors(rels: Relations, side: Entity) -> dict[str, Chain]:
    """Who acts for the side: its places and the organisations seated in one of them."""
    found = dict(places(rels, side))
    rels.prefetch(found, [SEATED])
    for place, chain in sorted(found.items()):
        seated = by_other_end(rels(place, [SEATED]), place, LOCATED, outgoing=False)
        for org, hop in seated.items():
            if org not in found and rels.label(org) == "Organization":
                found[org] = chain.then(org, hop, fact=False)
    return found


def lines_from(rels: Relations, starts: dict[str, Chain]) -> dict[str, list[Chain]]:
    """The lines (bridges, tunnels, railways, ports, airports) that CONNECTS one of the
    places, each with its chains from the side (best first): what `links --via
    infrastructure` and `compare`'s infrastructure both read."""
    rels.prefetch(starts, [LINES])
    found: dict[str, list[Chain]] = {}
    for place, chain in sorted(starts.items()):
        for line, hop in by_other_end(rels(place, [LINES]), place, _CONNECTS,
                                      outgoing=False).items():
            if rels.label(line) == "Infrastructure":
                found.setdefault(line, []).append(chain.then(line, hop, fact=True))
    return {k: sorted(v, key=Chain.order) for k, v in sorted(found.items())}


def apart(mine: dict[str, Chain], theirs: dict[str, Chain]) -> dict[str, Chain]:
    """Actors of one side that do not also act for the other (南通 vs 启东: 启东 is both)."""
    return {k: v for k, v in mine.items() if k not in theirs}
