"""The direct relations between two entities, each with its quote and the source stating it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.errors import QueryError
from queries.resolve import resolve


class NoDirectRelation(QueryError):
    def __init__(self, a: Entity, b: Entity) -> None:
        self.a = a
        self.b = b
        super().__init__(
            f"the graph states no direct relation between {a.display} and {b.display}; "
            f"try `estuary path {a.id} {b.id}` or `estuary links {a.id} {b.id}`")


@dataclass(frozen=True)
class Statement:
    """One direct relation, the sentence behind it, and the document that says so."""

    relation: Relation
    source: Entity | None  # None: the relation names a source the graph does not hold

    def to_dict(self) -> dict[str, Any]:
        out = self.relation.to_dict()
        src = self.source
        out["source"] = {"id": self.relation.source,
                         "name": src.name if src else "",
                         "url": str(src.props.get("url", "")) if src else ""}
        return out


@dataclass(frozen=True)
class WhyResult:
    a: Entity
    b: Entity
    statements: tuple[Statement, ...]  # sorted by relation key (type, start, end, source)

    @property
    def title(self) -> str:
        return f"Why {self.a.display} — {self.b.display}"

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.ref(), "b": self.b.ref(),
                "relations": [s.to_dict() for s in self.statements]}

    def subgraph(self) -> Subgraph:
        nodes = sorted({self.a.id: self.a, self.b.id: self.b}.items())
        edges = tuple(s.relation for s in self.statements)
        return Subgraph(nodes=tuple(e for _, e in nodes), edges=edges,
                        focus=(self.a.id, self.b.id),
                        path_edges=frozenset((r.start, r.end) for r in edges))


def why(store: Store, a: str, b: str) -> WhyResult:
    """What does the graph say directly connects these two entities, and on whose authority?"""
    ea, eb = resolve(store, a), resolve(store, b)
    rels = [r for r in store.relations_of(ea.id)
            if {r.start, r.end} == {ea.id, eb.id} and (ea.id != eb.id or r.start == r.end)]
    if not rels:
        raise NoDirectRelation(ea, eb)
    sources = store.entities({r.source for r in rels})
    return WhyResult(ea, eb, tuple(Statement(r, sources.get(r.source)) for r in rels))
