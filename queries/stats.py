"""How big the graph is, by label and relationship type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Subgraph
from graph.store import Store


@dataclass(frozen=True)
class Stats:
    store: str
    location: str
    labels: dict[str, int]
    types: dict[str, int]

    @property
    def title(self) -> str:
        return "stats"

    def to_dict(self) -> dict[str, Any]:
        return {"store": self.store, "location": self.location,
                "entities": sum(self.labels.values()), "relations": sum(self.types.values()),
                "labels": self.labels, "types": self.types}

    def subgraph(self) -> Subgraph:
        return Subgraph(nodes=(), edges=())  # counts draw nothing


def stats(store: Store) -> Stats:
    """How many entities of each label and relations of each type does the graph hold?"""
    labels, types = store.counts()
    return Stats(store.kind, store.location, labels, types)
