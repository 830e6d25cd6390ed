"""The graph, or part of it, in formats other tools read: GraphML, GEXF, JSON, CSV and Cypher.

One module per format, each with a `texts(sg, selection)` that returns the exported text by
part; `FORMATS` registers them, and the CLI offers exactly these names.

Every format carries every property of every node and edge:

* node: id, label (the schema label: City, Park, …), name, name_en, aliases, description and
  the label's own properties (level, lon, lat, kind, url, …, and pinyin);
* edge: type, from, to, source (the Source id that states it), evidence, confidence and the
  type's own properties (tier, role, share, note, …).

Format by format:

* graphml, gexf (networkx writers): attributes must be scalars, so lists (aliases) are joined
  with "|". An edge's id is ``from--TYPE--to--source``. GEXF reserves a node's `label` for the
  text Gephi shows and an edge's `type` for directed/undirected, so in GEXF a node's label is
  its name (the schema label is the attribute `schema_label`) and an edge's label is its type.
* json: networkx node-link data (``directed``, ``multigraph``, ``graph``, ``nodes``,
  ``edges``) with edge ends under "from"/"to" (an edge's "source" is its document), read back
  with ``nx.node_link_graph(data, edges="edges", source="from", target="to")``. Lists stay lists.
* csv: two files, ``PATH-nodes.csv`` and ``PATH-edges.csv`` (``nodes.csv``/``edges.csv`` when
  PATH is a directory), UTF-8, lists joined with "|". The edge columns start type, from, to,
  source, evidence, confidence, as `estuary load` reads relation CSVs.
* xlsx: an Excel workbook with sheets 实体 entities, 关系 relations and 来源 sources, headers
  as `estuary load` reads them ("名称 (name)"), lists joined with "|", formula-like cells
  neutralised as in csv; `estuary load` reads it back unchanged. Written to a file only.
* cypher: one statement per line, runnable with ``cypher-shell -f``: a uniqueness constraint,
  a MERGE per node (labels Entity and its schema label, properties as the Neo4j store keeps
  them, lookup keys included) and a MATCH…MERGE per relationship. Labels and types come only
  from the schema; every string is a single-quoted literal with backslashes, quotes, line breaks
  and control characters escaped.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graph.model import Subgraph

# name -> the module whose texts(subgraph, selection) writes it: {"": text}, or
# {"nodes": …, "edges": …} for csv. Modules are imported when used, so the CLI can list the
# names without loading every writer.
FORMATS: dict[str, str] = {
    "graphml": "estuary.output.export.graphml",
    "gexf": "estuary.output.export.gexf",
    "json": "estuary.output.export.json_format",
    "csv": "estuary.output.export.csv_format",
    "cypher": "estuary.output.export.cypher_script",
    "xlsx": "estuary.output.export.xlsx",
}
# Formats written as bytes (not text): never to a terminal.
BINARY_FORMATS = ("xlsx",)


def render(sg: Subgraph, fmt: str, selection: str = "") -> dict[str, Any]:
    """The exported text, by part: {"": text}, or {"nodes": …, "edges": …} for csv."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    texts = importlib.import_module(FORMATS[fmt]).texts
    return texts(sg, selection)  # type: ignore[no-any-return]


def write(sg: Subgraph, fmt: str, out: Path | str, selection: str = "") -> tuple[Path, ...]:
    """Write the export to `out` (csv: two files next to or inside it); the files written."""
    parts = render(sg, fmt, selection)
    if fmt == "csv":
        from estuary.output.export.csv_format import paths

        targets = dict(zip(("nodes", "edges"), paths(out), strict=True))
    else:
        targets = {"": Path(out)}
    for part, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(parts[part], bytes):
            path.write_bytes(parts[part])
            continue
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(parts[part])
    return tuple(targets.values())
