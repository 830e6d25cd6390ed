"""The neighbourhood of an entity, hop by hop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.resolve import resolve


@dataclass(frozen=True)
class Neighbor:
    entity: Entity
    distance: int

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.ref(), "distance": self.distance}


@dataclass(frozen=True)
class NeighborsResult:
    center: Entity
    depth: int
    label: str | None
    neighbors: tuple[Neighbor, ...]
    edges: tuple[Relation, ...]

    @property
    def title(self) -> str:
        return f"Neighbours of {self.center.display}"

    def to_dict(self) -> dict[str, Any]:
        return {"center": self.center.ref(), "depth": self.depth, "label": self.label,
                "neighbors": [n.to_dict() for n in self.neighbors],
                "relations": [e.to_dict() for e in self.edges]}

    def subgraph(self) -> Subgraph:
        nodes = (self.center, *(n.entity for n in self.neighbors))
        return Subgraph(nodes=nodes, edges=self.edges, focus=(self.center.id,),
                        highlight=tuple(n.entity.id for n in self.neighbors))


def neighbors(store: Store, text: str, *, depth: int = 1,
              label: str | None = None) -> NeighborsResult:
    """What lies within N hops of this entity (optionally only of one label)?"""
    center = resolve(store, text)
    dist = store.distances(center.id, depth)
    dist.pop(center.id, None)
    entities = store.entities(dist)
    found = [Neighbor(entities[i], d) for i, d in dist.items()
             if label is None or entities[i].label == label]
    found.sort(key=lambda n: (n.distance, n.entity.label, n.entity.id))
    ids = {center.id, *(n.entity.id for n in found)}
    return NeighborsResult(center, depth, label, tuple(found),
                           tuple(store.relations_among(ids)))
