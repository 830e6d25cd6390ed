"""Every property of a node or an edge as plain data, and as the scalars graph formats hold."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from estuary.output.sanitize import clean
from graph.model import Entity, Relation, Subgraph, sort_relations

if TYPE_CHECKING:
    import networkx as nx

LIST_SEPARATOR = "|"
NODE_COLUMNS = ("id", "label", "name", "name_en", "aliases", "description")
EDGE_COLUMNS = ("type", "from", "to", "source", "evidence", "confidence")


def node_record(e: Entity) -> dict[str, Any]:
    """Every property of a node, as plain data (aliases a list)."""
    out: dict[str, Any] = {"id": e.id, "label": e.label, "name": e.name, "name_en": e.name_en,
                           "aliases": list(e.aliases), "description": e.description}
    out.update((k, v) for k, v in sorted(e.props.items()) if k not in out and v is not None)
    return out


def edge_record(r: Relation) -> dict[str, Any]:
    """Every property of an edge, as plain data."""
    out: dict[str, Any] = {"type": r.type, "from": r.start, "to": r.end, "source": r.source,
                           "evidence": r.evidence, "confidence": r.confidence}
    out.update((k, v) for k, v in sorted(r.props.items()) if k not in out and v is not None)
    return out


def edge_id(r: Relation) -> str:
    return f"{r.start}--{r.type}--{r.end}--{r.source}"


def scalar(value: Any) -> str | int | float | bool:
    """A value GraphML and GEXF can hold: lists joined with "|", mappings as JSON, and text
    with control characters visibly escaped (XML 1.0 cannot hold them: the file would not be
    well-formed)."""
    if isinstance(value, (list, tuple)):
        return clean(LIST_SEPARATOR.join(str(v) for v in value))
    if isinstance(value, dict):
        return clean(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, (int, float, bool)):
        return value
    return clean(str(value))


def _harmonise(rows: list[dict[str, Any]]) -> None:
    """One type per attribute name (the writers declare it once): mixed types become text."""
    kinds: dict[str, set[type]] = {}
    for row in rows:
        for k, v in row.items():
            kinds.setdefault(k, set()).add(type(v))
    mixed = {k for k, t in kinds.items() if len(t) > 1}
    for row in rows:
        for k in mixed & set(row):
            row[k] = str(row[k])


def to_networkx(sg: Subgraph, *, gexf: bool = False) -> nx.MultiDiGraph:
    """A MultiDiGraph with scalar attributes (GEXF naming if asked, see the package doc)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    node_rows = []
    for e in sg.nodes:
        row = {k: scalar(v) for k, v in node_record(e).items() if k != "id"}
        if gexf:
            row["schema_label"] = row.pop("label")
            row["label"] = clean(e.name)
        node_rows.append((clean(e.id), row))
    edge_rows = []
    for r in sort_relations(list(sg.edges)):
        row = {k: scalar(v) for k, v in edge_record(r).items() if k not in ("from", "to")}
        if gexf:
            row["label"] = row.pop("type")
            row["id"] = clean(edge_id(r))
        edge_rows.append((r, row))
    _harmonise([row for _, row in node_rows])
    _harmonise([row for _, row in edge_rows])
    g.add_nodes_from(node_rows)
    for r, row in edge_rows:
        g.add_edge(clean(r.start), clean(r.end), key=clean(edge_id(r)), **row)
    return g
