"""What links two entities: typed links (co-built parks, shared industries, …) ranked by
strength, each with its strongest evidence.

Kinds and their meanings are in queries/link_kinds.py, the ranking in queries/strength.py,
roll-up from districts and seated companies to the place asked in queries/rollup.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import product
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.as_of import dated, span
from queries.choices import VIAS
from queries.errors import NoLinks
from queries.link_kinds import KINDS, Candidate, Sides
from queries.resolve import resolve
from queries.rollup import CONFIDENCE_RANK, Chain, Relations, places, prefetch_places
from queries.strength import (
    CONFIDENCE_NAME,
    RANKING,
    distance_factor,
    not_open,
    status_factor,
    strength,
)
from queries.walk import Walk, paths_subgraph, walks_answer

# Paths kept per link (best first); more would only repeat the same facts.
MAX_PATHS_PER_LINK = 20
DEFAULT_TOP = 10


@dataclass(frozen=True)
class Link:
    """One typed link: what links the two sides, how strongly, and the evidence."""

    kind: str
    entity: Entity
    strength: int
    confidence: str  # of the weakest relation on the best path
    sources: tuple[str, ...]  # independent sources stating the link's facts
    evidence: Relation  # the strongest fact on the best path
    paths: tuple[Walk, ...]  # best first; paths[0] is the best path
    paths_total: int
    distance: int | None = None  # taxonomy distance, for shared industries
    since: str | None = None  # when the best path's facts began to hold, as far as dated
    until: str | None = None

    @property
    def undated(self) -> bool:
        return self.since is None and self.until is None

    @property
    def dates(self) -> str:
        """The facts' dates, and a linking line or park not yet open (planned, under
        construction: its status as of its source), so a plan does not read as a tie."""
        status = not_open(self.entity.props.get("status"))
        if self.undated:
            return status or "undated"
        return f"{self.since or ''}–{self.until or ''}" + (f", {status}" if status else "")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind, "kind_meaning": KINDS[self.kind].meaning,
            "entity": self.entity.ref(), "strength": self.strength,
            "confidence": self.confidence, "sources": len(self.sources),
            "source_ids": list(self.sources), "evidence": self.evidence.to_dict(),
            "since": self.since, "until": self.until, "undated": self.undated,
            "status": self.entity.props.get("status"),
            "paths_total": self.paths_total, "paths": [p.to_dict() for p in self.paths]}
        if self.distance is not None:
            out["distance"] = self.distance
        return out


@dataclass(frozen=True)
class LinksResult:
    a: Entity
    b: Entity
    via: str
    links: tuple[Link, ...]  # the top ones, strongest first
    total: int  # links found before --top
    broad: bool = False
    as_of: str | None = None

    @property
    def title(self) -> str:
        when = f" as of {self.as_of}" if self.as_of else ""
        return f"{self.a.display} ↔ {self.b.display}: {self.via} links{when}"

    @property
    def ranking(self) -> str:
        return RANKING

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.a.ref(), "to": self.b.ref(), "via": self.via,
                "kinds": list(VIAS[self.via].kinds), "broad": self.broad, "as_of": self.as_of,
                "ranking": RANKING, "total": self.total,
                "links": [link.to_dict() for link in self.links]}

    def subgraph(self) -> Subgraph:
        paths = [p for link in self.links for p in link.paths]
        sub = paths_subgraph(paths, focus=(self.a.id, self.b.id),
                             highlight=tuple(link.entity.id for link in self.links))
        # The drawn linking nodes say their kind, strength, sources and evidence too, and
        # the page lists the ranked rows beside the graph.
        notes = {link.entity.id: link for link in self.links}
        nodes = tuple(_annotated(n, notes[n.id]) if n.id in notes else n for n in sub.nodes)
        rows = tuple(walks_answer(rank, link.entity, link.paths, kind=KINDS[link.kind].title,
                                  strength=link.strength,
                                  strength_text=f"{link.strength} · {link.confidence} · "
                                                f"{len(link.sources)} source(s) · {link.dates}")
                     for rank, link in enumerate(self.links, 1))
        return replace(sub, nodes=nodes, answers=rows)


def _annotated(entity: Entity, link: Link) -> Entity:
    """The linking entity with its row in front of its description (what the page shows)."""
    ev = link.evidence
    quote = f"“{ev.evidence}” " if ev.evidence else ""
    row = (f"[{KINDS[link.kind].title} · strength {link.strength} · {len(link.sources)} "
           f"source(s) · {link.dates} · {ev.type} {quote}({ev.source})]")
    return replace(entity, description=f"{row} {entity.description}".strip())


def _walk(rels: Relations, a: Chain, b: Chain) -> Walk:
    back = b.reversed()
    ids = (*a.ids, *back.ids[1:])
    known = rels.fetch(ids)
    return Walk(nodes=tuple(known[i] for i in ids), hops=(*a.hops, *back.hops))


def _evidence(chains: tuple[Chain, Chain]) -> Relation:
    facts = [r for c in chains for r in c.fact_relations()] or [
        r for c in chains for r in c.relations()]
    return min(facts, key=lambda r: (-CONFIDENCE_RANK.get(r.confidence, 1), not r.evidence,
                                     r.key))


def _link(rels: Relations, cand: Candidate) -> Link:
    best = (cand.a[0], cand.b[0])
    pairs = sorted(product(cand.a, cand.b),
                   key=lambda p: (-min(p[0].confidence, p[1].confidence),
                                  len(p[0].hops) + len(p[1].hops), p[0].ids, p[1].ids))
    confidence = min(best[0].confidence, best[1].confidence)
    sources = tuple(sorted({r.source for c in (*cand.a, *cand.b) for r in c.fact_relations()}))
    # corroborated as far as its less-supported side is: a shared industry is two statements
    # (A has it, B has it), and three sources for A's make B's no surer
    sides = [s for s in ({r.source for c in chains for r in c.fact_relations()}
                         for chains in (cand.a, cand.b)) if s]
    corroborated = min((len(s) for s in sides), default=0)
    entity = rels.entity(cand.entity)
    weight = (KINDS[cand.kind].weight * distance_factor(cand.distance)
              * status_factor(entity.props.get("status")))
    # The link's own dates: its facts', not those of the roll-up (a district's renaming).
    since, until = span(hop for c in best for hop, fact in zip(c.hops, c.facts, strict=True)
                        if fact)
    return Link(kind=cand.kind, entity=entity,
                strength=strength(weight, confidence, corroborated),
                confidence=CONFIDENCE_NAME[confidence], sources=sources,
                evidence=_evidence(best),
                paths=tuple(_walk(rels, x, y) for x, y in pairs[:MAX_PATHS_PER_LINK]),
                paths_total=len(pairs), distance=cand.distance, since=since, until=until)


def _contains(rels: Relations, a: Entity, b: Entity) -> bool:
    """Does one side lie in the other (a district in its city)?"""
    return b.id in places(rels, a) or a.id in places(rels, b)


def _rank(link: Link) -> tuple[Any, ...]:
    return (-link.strength, list(KINDS).index(link.kind), link.distance or 0, link.entity.id)


def links(store: Store, a: str, b: str, *, via: str = "industry", top: int | None = DEFAULT_TOP,
          broad: bool = False, as_of: str | None = None) -> LinksResult:
    """What links these two entities (industries, parks, memberships, …), strongest first?"""
    if via not in VIAS:
        raise ValueError(f"unknown via {via!r}; choose from {', '.join(VIAS)}")
    store = dated(store, as_of)
    ea, eb = resolve(store, a), resolve(store, b)
    kinds = VIAS[via].kinds
    found: list[Link] = []
    rels = Relations(store)
    if ea.id != eb.id:
        sides = Sides(rels, ea, eb, broad=broad)
        # both sides' places, a level per read, with what the kinds read of them
        prefetch_places(rels, (ea.id, eb.id), frozenset().union(*(KINDS[k].reads for k in kinds)))
        finders = list(dict.fromkeys(KINDS[k].find for k in kinds))
        for find in finders:
            found += [_link(rels, c) for c in find(sides) if c.kind in kinds]
    if not found:
        hints = tuple(h for h, useful in (
            ("--via any", via != "any"),
            ("--broad", not broad and "shared-industry" in kinds)) if useful)
        inside = ea.id != eb.id and _contains(rels, ea, eb)
        raise NoLinks(ea, eb, via, hints=hints, as_of=as_of, inside=inside)
    ranked = sorted(found, key=_rank)
    shown = ranked if top is None else ranked[:top]
    return LinksResult(ea, eb, via, tuple(shown), len(ranked), broad, as_of)
