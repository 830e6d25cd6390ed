"""Node-link JSON (edge ends under "from"/"to"), every property kept as it is."""

from __future__ import annotations

import json

from estuary.output.export.records import edge_id, edge_record, node_record
from graph.model import Subgraph, sort_relations


def texts(sg: Subgraph, selection: str = "") -> dict[str, str]:
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"generator": "estuary", "selection": selection},
        "nodes": [node_record(e) for e in sg.nodes],
        "edges": [{**edge_record(r), "key": edge_id(r)}
                  for r in sort_relations(list(sg.edges))],
    }
    return {"": json.dumps(data, ensure_ascii=False, indent=1) + "\n"}
