"""Parts of the graph to draw: everything, one label, or a neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Subgraph
from graph.store import TRAVERSAL_EXCLUDED_LABELS, Store
from queries.neighbors import neighbors


@dataclass(frozen=True)
class GraphView:
    subgraph: Subgraph
    focus_name: str = ""


def graph_view(store: Store, *, label: str | None = None, around: str | None = None,
               depth: int = 2, sources: bool = False) -> GraphView:
    """Which part of the graph should a drawing show?"""
    if around:
        result = neighbors(store, around, depth=depth, label=label)
        return GraphView(result.subgraph(), result.center.display)
    from graph.export import whole_graph

    whole, _ = whole_graph(store)
    nodes = [n for n in whole.nodes
             if (sources or n.label not in TRAVERSAL_EXCLUDED_LABELS)
             and (label is None or n.label == label)]
    keep = {n.id for n in nodes}
    edges = tuple(r for r in whole.edges if r.start in keep and r.end in keep)
    return GraphView(Subgraph(nodes=tuple(nodes), edges=edges))
