"""What `estuary export` wrote: the result its console, JSON and HTML renderers read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.model import Subgraph


@dataclass(frozen=True)
class ExportResult:
    """What `estuary export` wrote."""

    format: str
    selection: str
    files: tuple[str, ...]  # empty: written to standard output
    graph: Subgraph = field(repr=False)
    warnings: tuple[str, ...] = ()

    @property
    def nodes(self) -> int:
        return len(self.graph.nodes)

    @property
    def edges(self) -> int:
        return len(self.graph.edges)

    def to_dict(self) -> dict[str, Any]:
        return {"format": self.format, "selection": self.selection, "files": list(self.files),
                "nodes": self.nodes, "edges": self.edges, "warnings": list(self.warnings)}

    def subgraph(self) -> Subgraph:
        return self.graph

    @property
    def title(self) -> str:
        return f"Export: {self.selection}"
