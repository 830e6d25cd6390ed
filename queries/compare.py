"""Two entities side by side: industries, parks, memberships and mechanisms, and what they share.

Industries are what each side HAS_INDUSTRY (or, for a park, alliance or plan, FOCUSES_ON: the
relation kept with each holding says which); following BROADER upwards (any number of steps)
gives the categories they fall under, so two places with differently named industries still
meet in a common category ("南通 集成电路 and 苏州 电子信息 are both 新一代信息技术产业").
Parks are those a side CO_BUILDS and those LOCATED_IN it, directly or through its districts.
Every holding carries the relations that justify it, so each claim keeps its quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph, sort_relations
from graph.store import Store
from queries.errors import QueryError
from queries.resolve import resolve

ASPECTS = ("industries", "parks", "memberships", "mechanisms")
INDUSTRY_TYPES = frozenset({"HAS_INDUSTRY", "FOCUSES_ON"})

# Places a park may sit in, directly or through a district: containment walks through these.
_PLACES = frozenset({"City", "Region"})
# A bound on walks up the taxonomy and down the map, so a cycle in the data cannot run away.
_MAX_STEPS = 8


class SameEntity(QueryError):
    def __init__(self, entity: Entity) -> None:
        super().__init__(f"both sides are {entity.display} [{entity.id}]: compare two "
                         "different entities")


@dataclass(frozen=True)
class Holding:
    """Something one side has, with the relations that say so (a chain for a district's park)."""

    entity: Entity
    via: tuple[Relation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.ref(), "via": [r.to_dict() for r in self.via]}


@dataclass(frozen=True)
class Aspect:
    """One aspect of the comparison: what each side has, and the ids both have."""

    name: str
    a: tuple[Holding, ...]  # sorted by entity id
    b: tuple[Holding, ...]

    @property
    def shared(self) -> tuple[str, ...]:
        return tuple(sorted({h.entity.id for h in self.a} & {h.entity.id for h in self.b}))

    def only(self, side: str) -> tuple[Holding, ...]:
        mine, other = (self.a, self.b) if side == "a" else (self.b, self.a)
        theirs = {h.entity.id for h in other}
        return tuple(h for h in mine if h.entity.id not in theirs)

    def to_dict(self) -> dict[str, Any]:
        return {"a": [h.to_dict() for h in self.a], "b": [h.to_dict() for h in self.b],
                "shared": list(self.shared)}


@dataclass(frozen=True)
class SharedCategory:
    """A broader industry both sides reach, and the industries of each side under it."""

    category: Entity
    a_via: tuple[Entity, ...]  # the first side's own industries under it (itself if held)
    b_via: tuple[Entity, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"category": self.category.ref(), "a_via": [e.ref() for e in self.a_via],
                "b_via": [e.ref() for e in self.b_via]}


@dataclass(frozen=True)
class CompareResult:
    a: Entity
    b: Entity
    aspects: tuple[Aspect, ...]  # in ASPECTS order
    categories: tuple[SharedCategory, ...]  # most industries under it first, then by id
    broader: tuple[Relation, ...]  # BROADER steps from the sides' industries to those categories

    def aspect(self, name: str) -> Aspect:
        return next(a for a in self.aspects if a.name == name)

    def shared_entities(self, name: str) -> tuple[Entity, ...]:
        ids = set(self.aspect(name).shared)
        return tuple(h.entity for h in self.aspect(name).a if h.entity.id in ids)

    @property
    def title(self) -> str:
        return f"{self.a.display} vs {self.b.display}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"a": self.a.ref(), "b": self.b.ref()}
        for aspect in self.aspects:
            out[aspect.name] = aspect.to_dict()
        shared: dict[str, Any] = {name: [e.ref() for e in self.shared_entities(name)]
                                  for name in ASPECTS}
        shared["categories"] = [c.to_dict() for c in self.categories]
        out["shared"] = shared
        return out

    def subgraph(self) -> Subgraph:
        nodes: dict[str, Entity] = {self.a.id: self.a, self.b.id: self.b}
        edges: dict[tuple[str, str, str, str], Relation] = {}
        for aspect in self.aspects:
            for holding in (*aspect.a, *aspect.b):
                nodes[holding.entity.id] = holding.entity
                edges.update((r.key, r) for r in holding.via)
        for cat in self.categories:
            nodes[cat.category.id] = cat.category
            nodes.update((e.id, e) for e in (*cat.a_via, *cat.b_via))
        edges.update((r.key, r) for r in self.broader)
        ids = set(nodes)
        kept = [e for k, e in sorted(edges.items()) if e.start in ids and e.end in ids]
        shared = {i for aspect in self.aspects for i in aspect.shared}
        shared |= {c.category.id for c in self.categories}
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)), edges=tuple(kept),
                        focus=(self.a.id, self.b.id), highlight=tuple(sorted(shared)))


class _Graph:
    """relations_of asked once per entity, and the entities at the other ends, cached."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rels: dict[str, list[Relation]] = {}
        self.known: dict[str, Entity] = {}

    def __call__(self, entity_id: str) -> list[Relation]:
        if entity_id not in self.rels:
            rels = self.store.relations_of(entity_id)
            self.rels[entity_id] = rels
            self.fetch({i for r in rels for i in (r.start, r.end)})
        return self.rels[entity_id]

    def fetch(self, ids: set[str]) -> dict[str, Entity]:
        missing = ids - set(self.known)
        if missing:
            self.known.update(self.store.entities(missing))
        return {i: self.known[i] for i in ids if i in self.known}

    def label(self, entity_id: str) -> str:
        entity = self.known.get(entity_id)
        return entity.label if entity else ""


def _grouped(rels: list[Relation], types: set[str] | frozenset[str], me: str,
             keep: Callable[[str], bool] = lambda _: True) -> dict[str, list[Relation]]:
    """Outgoing relations of these types, grouped by target id."""
    out: dict[str, list[Relation]] = {}
    for r in rels:
        if r.type in types and r.start == me and r.end != me and keep(r.end):
            out.setdefault(r.end, []).append(r)
    return out


def _parks(me: Entity, rels_of: _Graph) -> dict[str, list[Relation]]:
    """Parks the entity co-builds, and parks located in it or in its districts (any depth)."""
    label = rels_of.label
    found = _grouped(rels_of(me.id), {"CO_BUILDS"}, me.id, lambda i: label(i) == "Park")
    # Walk containment downwards: the parks in a place, then in the places inside it.
    chains: dict[str, list[Relation]] = {me.id: []}
    frontier = [me.id]
    for _ in range(_MAX_STEPS):
        nxt: list[str] = []
        for place in frontier:
            for r in rels_of(place):
                if r.type != "LOCATED_IN" or r.end != place or r.start in chains:
                    continue
                kind = label(r.start)
                if kind == "Park":
                    found.setdefault(r.start, []).extend([r, *reversed(chains[place])])
                elif kind in _PLACES:
                    chains[r.start] = [*chains[place], r]
                    nxt.append(r.start)
        frontier = sorted(set(nxt))
        if not frontier:
            break
    return found


def _ancestors(industries: list[str], rels_of: _Graph) -> tuple[
        dict[str, set[str]], list[Relation]]:
    """For every industry reachable upwards via BROADER: which of `industries` lead to it.

    An industry leads to itself. Also returns every BROADER step walked.
    """
    leads: dict[str, set[str]] = {i: {i} for i in industries}
    steps: dict[tuple[str, str, str, str], Relation] = {}
    frontier = sorted(industries)
    for _ in range(_MAX_STEPS):
        nxt: set[str] = set()
        for node in frontier:
            for r in rels_of(node):
                if r.type == "BROADER" and r.start == node and r.end != node:
                    steps[r.key] = r
                    before = len(leads.setdefault(r.end, set()))
                    leads[r.end] |= leads[node]
                    if len(leads[r.end]) != before:
                        nxt.add(r.end)
        frontier = sorted(nxt)
        if not frontier:
            break
    return leads, sort_relations(list(steps.values()))


def _steps_to(targets: set[str], steps: list[Relation]) -> list[Relation]:
    """The BROADER steps that lie on some way up to one of `targets`."""
    reach = set(targets)
    changed = True
    while changed:
        changed = False
        for r in steps:
            if r.end in reach and r.start not in reach:
                reach.add(r.start)
                changed = True
    return [r for r in steps if r.end in reach]


def compare(store: Store, a: str, b: str) -> CompareResult:
    """How do these two entities compare: industries, parks, memberships, mechanisms, shared?"""
    ea, eb = resolve(store, a), resolve(store, b)
    if ea.id == eb.id:
        raise SameEntity(ea)
    rels_of = _Graph(store)
    holdings: dict[str, list[dict[str, list[Relation]]]] = {name: [] for name in ASPECTS}
    leads: list[dict[str, set[str]]] = []
    steps: dict[tuple[str, str, str, str], Relation] = {}
    for me in (ea, eb):
        mine = rels_of(me.id)
        industries = _grouped(mine, INDUSTRY_TYPES, me.id)
        holdings["industries"].append(industries)
        holdings["parks"].append(_parks(me, rels_of))
        holdings["memberships"].append(_grouped(mine, {"MEMBER_OF", "PARTICIPATES_IN"}, me.id))
        holdings["mechanisms"].append(_grouped(mine, {"ADOPTS"}, me.id))
        up, walked = _ancestors(sorted(industries), rels_of)
        leads.append(up)
        steps.update((r.key, r) for r in walked)

    ids = {i for side in holdings.values() for group in side for i in group}
    common = (set(leads[0]) & set(leads[1])) - (set(holdings["industries"][0])
                                                & set(holdings["industries"][1]))
    ids |= common | {i for c in common for side in leads for i in side[c]}
    entities = rels_of.fetch(ids)

    def side(group: dict[str, list[Relation]]) -> tuple[Holding, ...]:
        return tuple(Holding(entities[i], tuple(rels)) for i, rels in sorted(group.items()))

    aspects = tuple(Aspect(name, side(holdings[name][0]), side(holdings[name][1]))
                    for name in ASPECTS)
    categories = sorted(
        (SharedCategory(entities[c], tuple(entities[i] for i in sorted(leads[0][c])),
                        tuple(entities[i] for i in sorted(leads[1][c])))
         for c in common),
        key=lambda s: (-(len(s.a_via) + len(s.b_via)), s.category.id))
    broader = _steps_to(common, sort_relations(list(steps.values())))
    return CompareResult(ea, eb, aspects, tuple(categories), tuple(broader))
