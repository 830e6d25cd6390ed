"""Everything the graph says about one entity."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.resolve import resolve


@dataclass(frozen=True)
class RelatedEdge:
    relation: Relation
    other: Entity
    outgoing: bool

    def to_dict(self) -> dict[str, Any]:
        return {"direction": "out" if self.outgoing else "in", "other": self.other.ref(),
                **self.relation.to_dict()}


@dataclass(frozen=True)
class EntityDetail:
    entity: Entity
    relations: tuple[RelatedEdge, ...]  # sorted by type, direction, other id
    sources: tuple[Entity, ...]

    def grouped(self) -> dict[str, list[RelatedEdge]]:
        out: dict[str, list[RelatedEdge]] = {}
        for edge in self.relations:
            out.setdefault(edge.relation.type, []).append(edge)
        return out

    @property
    def title(self) -> str:
        return self.entity.display

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.to_dict(),
            "relations": {t: [e.to_dict() for e in edges] for t, edges in self.grouped().items()},
            "sources": [s.to_dict() for s in self.sources],
        }

    def subgraph(self) -> Subgraph:
        nodes = {self.entity.id: self.entity}
        nodes.update({e.other.id: e.other for e in self.relations})
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(e.relation for e in self.relations),
                        focus=(self.entity.id,))


def show(store: Store, text: str) -> EntityDetail:
    """What does the graph say about this entity, and on whose authority?"""
    entity = resolve(store, text)
    rels = store.relations_of(entity.id)
    others = store.entities({r.end if r.start == entity.id else r.start for r in rels})
    edges = [RelatedEdge(r, others[r.end if r.start == entity.id else r.start],
                         r.start == entity.id) for r in rels]
    edges.sort(key=lambda e: (e.relation.type, not e.outgoing, e.other.id, e.relation.source))
    source_ids = {r.source for r in rels}
    if entity.props.get("source"):
        source_ids.add(entity.props["source"])
    sources = store.entities(source_ids)
    return EntityDetail(entity, tuple(edges), tuple(sources[k] for k in sorted(sources)))
