"""GEXF for Gephi: a node's label is its name, the schema label the attribute `schema_label`."""

from __future__ import annotations

from estuary.output.export.records import to_networkx
from graph.model import Subgraph


def texts(sg: Subgraph, selection: str = "") -> dict[str, str]:
    import networkx as nx

    return {"": "\n".join(nx.generate_gexf(to_networkx(sg, gexf=True))) + "\n"}
