"""Two entities side by side: industries, parks, memberships, mechanisms, infrastructure.

Industries are what each side (or a district of it) HAS_INDUSTRY (or, for a park, alliance or
plan, FOCUSES_ON: the relations kept with each holding say which). What both share is computed
by queries/industry_match.py::shared_industries, the one function `links --via industry` also
calls: the same industry is shared ("both"); broader ones reached up BROADER from each side
(any number of steps) are the categories they both fall under, so two places with differently
named industries still meet ("南通 集成电路 and 苏州 电子信息 are both 新一代信息技术产业").
Parks are those a side CO_BUILDS and those LOCATED_IN it, directly or through its districts;
infrastructure the bridges, tunnels, railways, ports and airports that CONNECTS it or one of
its districts (the same reading as `links --via infrastructure`).
Every holding carries the relations that justify it, so each claim keeps its quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph, sort_relations
from graph.store import Store
from queries.errors import QueryError
from queries.industry_match import INDUSTRY_TYPES, industry_holdings, shared_industries
from queries.resolve import resolve
from queries.rollup import Relations, actors, by_other_end, lines_from, places

ASPECTS = ("industries", "parks", "memberships", "mechanisms", "infrastructure")
__all__ = ["ASPECTS", "INDUSTRY_TYPES", "CompareResult", "SameEntity", "compare"]

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
        out: dict[str, Any] = {**self.entity.ref(), "via": [r.to_dict() for r in self.via]}
        if self.entity.props.get("status"):  # a line not yet open says so (as links does)
            out["status"] = self.entity.props["status"]
        return out


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
    # (outer, inner) when one side lies in the other (张家港 in 苏州): the outer side holds what
    # the inner one does (roll-up), so "both" there is the inner side's own; links refuses
    # such a pair for the same reason
    contains: tuple[str, str] | None = None

    @property
    def within_note(self) -> str:
        """Says that one side lies in the other, and what "both" means then ("" if not)."""
        if self.contains is None:
            return ""
        outer, inner = (self.a, self.b) if self.contains[0] == self.a.id else (self.b, self.a)
        return (f"{inner.display} lies in {outer.display}: {outer.name} holds what "
                f"{inner.name} holds (a place acts through its districts and counties), so "
                f"\"both\" lists {inner.name}'s own, not a tie between two places.")

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
        if self.contains is not None:
            out["contains"] = {"outer": self.contains[0], "inner": self.contains[1],
                               "note": self.within_note}
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


def _grouped(rels: list[Relation], types: set[str] | frozenset[str], me: str,
             keep: Callable[[str], bool] = lambda _: True) -> dict[str, list[Relation]]:
    """Outgoing relations of these types, grouped by target id."""
    out: dict[str, list[Relation]] = {}
    for r in rels:
        if r.type in types and r.start == me and r.end != me and keep(r.end):
            out.setdefault(r.end, []).append(r)
    return out


def _parks(me: Entity, rels_of: Relations) -> dict[str, list[Relation]]:
    """Parks the entity co-builds, parks located in it or in its districts (any depth), and
    parks a district, county or company of it co-builds (queries/rollup.py)."""
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
    for actor, chain in sorted(actors(rels_of, me).items()):
        for park, hop in by_other_end(rels_of(actor), actor, {"CO_BUILDS"}).items():
            if label(park) == "Park" and park not in found:
                found[park] = [*hop, *reversed(chain.relations())]
    return found


def _infrastructure(me: Entity, rels_of: Relations) -> dict[str, list[Relation]]:
    """Bridges, tunnels, railways, ports and airports that CONNECTS the entity or a place
    inside it (rollup.lines_from, as `links --via infrastructure` reads them), each by its
    best chain with every relation of its hops (a line's sources, then the roll-up)."""
    return {line: list(chains[0].reversed().relations())
            for line, chains in lines_from(rels_of, places(rels_of, me)).items()}


def compare(store: Store, a: str, b: str) -> CompareResult:
    """How do these two entities compare: industries, parks, memberships, mechanisms,
    infrastructure, shared?"""
    ea, eb = resolve(store, a), resolve(store, b)
    if ea.id == eb.id:
        raise SameEntity(ea)
    rels_of = Relations(store)
    holdings: dict[str, list[dict[str, list[Relation]]]] = {name: [] for name in ASPECTS}
    for me in (ea, eb):
        mine = rels_of(me.id)
        holdings["industries"].append({i: list(chain.relations()) for i, chain in
                                       industry_holdings(rels_of, me).items()})
        holdings["parks"].append(_parks(me, rels_of))
        holdings["memberships"].append(_grouped(mine, {"MEMBER_OF", "PARTICIPATES_IN"}, me.id))
        holdings["mechanisms"].append(_grouped(mine, {"ADOPTS"}, me.id))
        holdings["infrastructure"].append(_infrastructure(me, rels_of))
    # The same computation as links' shared-industry kind; here with every category.
    related = [m for m in shared_industries(rels_of, ea, eb, broad=True) if m.distance > 0]

    ids = {i for side in holdings.values() for group in side for i in group}
    ids |= {i for m in related for i in (m.industry, *m.own("a"), *m.own("b"))}
    entities = rels_of.fetch(ids)

    def side(group: dict[str, list[Relation]]) -> tuple[Holding, ...]:
        return tuple(Holding(entities[i], tuple(rels)) for i, rels in sorted(group.items()))

    aspects = tuple(Aspect(name, side(holdings[name][0]), side(holdings[name][1]))
                    for name in ASPECTS)
    categories = sorted(
        (SharedCategory(entities[m.industry], tuple(entities[i] for i in m.own("a")),
                        tuple(entities[i] for i in m.own("b")))
         for m in related),
        key=lambda s: (-(len(s.a_via) + len(s.b_via)), s.category.id))
    broader = {r.key: r for m in related for chain in (*m.a, *m.b) for r in chain.relations()
               if r.type == "BROADER"}
    contains = ((ea.id, eb.id) if eb.id in places(rels_of, ea) else
                (eb.id, ea.id) if ea.id in places(rels_of, eb) else None)
    return CompareResult(ea, eb, aspects, tuple(categories),
                         tuple(sort_relations(list(broader.values()))), contains)
