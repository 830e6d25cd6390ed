"""GraphML, through networkx's writer (lists joined with "|")."""

from __future__ import annotations

from estuary.output.export.records import to_networkx
from graph.model import Subgraph


def texts(sg: Subgraph, selection: str = "") -> dict[str, str]:
    import networkx as nx

    return {"": "\n".join(nx.generate_graphml(to_networkx(sg))) + "\n"}
