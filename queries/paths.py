"""Shortest paths between two entities."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Subgraph
from graph.store import Store
from queries.errors import NoPath
from queries.resolve import resolve
from queries.walk import Walk, build_paths, paths_subgraph


@dataclass(frozen=True)
class PathsResult:
    a: Entity
    b: Entity
    paths: tuple[Walk, ...]

    @property
    def title(self) -> str:
        return f"{self.a.display} ↔ {self.b.display}"

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.a.ref(), "to": self.b.ref(),
                "paths": [p.to_dict() for p in self.paths]}

    def subgraph(self) -> Subgraph:
        return paths_subgraph(self.paths, focus=(self.a.id, self.b.id))


def shortest_paths(store: Store, a: str, b: str, *, k: int = 5,
                   max_hops: int = 6) -> PathsResult:
    """How are these two entities connected, by the shortest routes?"""
    ea, eb = resolve(store, a), resolve(store, b)
    id_paths = store.shortest_paths(ea.id, eb.id, max_hops)
    if not id_paths:
        raise NoPath(ea, eb, max_hops)
    return PathsResult(ea, eb, tuple(build_paths(store, id_paths[:k])))
