"""Parts of the graph to draw: everything, one label, or a neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Subgraph
from graph.store import TRAVERSAL_EXCLUDED_LABELS, Store
from queries.neighbors import neighbors
from queries.whole_graph import whole_graph


@dataclass(frozen=True)
class GraphView:
    """A part of the graph to draw (viz draws it; it has no table of its own)."""

    graph: Subgraph
    focus_name: str = ""
    depth: int = 0

    @property
    def title(self) -> str:
        if self.focus_name:
            return f"Around {self.focus_name} ({self.depth} hops)"
        return "长江口产业创新协同区 knowledge graph"

    def to_dict(self) -> dict[str, Any]:
        return self.graph.to_dict()

    def subgraph(self) -> Subgraph:
        return self.graph


def graph_view(store: Store, *, label: str | None = None, around: str | None = None,
               depth: int = 2, sources: bool = False) -> GraphView:
    """Which part of the graph should a drawing show?"""
    if around:
        result = neighbors(store, around, depth=depth, label=label, limit=None)
        return GraphView(result.subgraph(), result.center.display, depth)
    whole, _ = whole_graph(store)
    nodes = [n for n in whole.nodes
             if (sources or n.label not in TRAVERSAL_EXCLUDED_LABELS)
             and (label is None or n.label == label)]
    keep = {n.id for n in nodes}
    edges = tuple(r for r in whole.edges if r.start in keep and r.end in keep)
    return GraphView(Subgraph(nodes=tuple(nodes), edges=edges))


@dataclass(frozen=True)
class Selection:
    """A part of the graph to export, and how to say which part it is."""

    graph: Subgraph
    description: str
    warnings: tuple[str, ...] = ()


def export_selection(store: Store, *, around: str | None = None, depth: int = 1,
                     link: tuple[str, str] | None = None, via: str = "industry") -> Selection:
    """Which part of the graph should an export hold: a neighbourhood, the paths linking two
    entities, or everything?"""
    if around is not None:
        near = neighbors(store, around, depth=depth, limit=None)  # an export holds it all
        return Selection(near.subgraph(), f"within {depth} hop(s) of {near.center.display} "
                                          f"[{near.center.id}]")
    if link is not None:
        from queries.links import links

        linked = links(store, link[0], link[1], via=via, top=None)
        return Selection(linked.subgraph(),
                         f"{via} links between {linked.a.display} [{linked.a.id}] and "
                         f"{linked.b.display} [{linked.b.id}]")
    graph, warnings = whole_graph(store)
    return Selection(graph, "whole graph", warnings)
