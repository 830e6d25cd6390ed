"""The graph, or part of it, in formats other tools read: GraphML, GEXF, JSON, CSV and Cypher.

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
* cypher: one statement per line, runnable with ``cypher-shell -f``: a uniqueness constraint,
  a MERGE per node (labels Entity and its schema label, properties as the Neo4j store keeps
  them, lookup keys included) and a MATCH…MERGE per relationship. Labels and types come only
  from the schema; every string is a single-quoted literal with backslashes, quotes, line breaks
  and control characters escaped.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph import cypher
from graph.model import Entity, Relation, Subgraph, sort_relations
from graph.names import entity_keys
from graph.store import StoreError

if TYPE_CHECKING:
    import networkx as nx

    from graph.store import Store

FORMATS = ("graphml", "gexf", "json", "csv", "cypher")
LIST_SEPARATOR = "|"
NODE_COLUMNS = ("id", "label", "name", "name_en", "aliases", "description")
EDGE_COLUMNS = ("type", "from", "to", "source", "evidence", "confidence")


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


# -- what to export --------------------------------------------------------------------------

def whole_graph(store: Store) -> tuple[Subgraph, tuple[str, ...]]:
    """Every entity and relation, with the Source nodes the relations and entities cite.

    The Store lists sources only through what cites them, so a Source nothing refers to is
    missed; the second value warns when the store counts more Sources than were found.
    """
    entities = {e.id: e for e in store.all_entities()}
    relations = store.all_relations()
    cited = {i for r in relations for i in (r.start, r.end, r.source)}
    cited |= {str(e.props["source"]) for e in entities.values() if e.props.get("source")}
    entities.update(store.entities(cited - set(entities)))
    labels, _ = store.counts()
    found = sum(1 for e in entities.values() if e.label == "Source")
    warnings: tuple[str, ...] = ()
    if labels.get("Source", 0) > found:
        warnings = (f"{labels['Source'] - found} Source node(s) that nothing cites are not "
                    "exported",)
    nodes = tuple(entities[k] for k in sorted(entities))
    edges = tuple(r for r in relations if r.start in entities and r.end in entities)
    return Subgraph(nodes=nodes, edges=edges), warnings


# -- records ---------------------------------------------------------------------------------

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
    """A value GraphML and GEXF can hold: lists joined with "|", mappings as JSON."""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


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


# -- networkx formats ------------------------------------------------------------------------

def to_networkx(sg: Subgraph, *, gexf: bool = False) -> nx.MultiDiGraph:
    """A MultiDiGraph with scalar attributes (GEXF naming if asked, see the module doc)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    node_rows = []
    for e in sg.nodes:
        row = {k: scalar(v) for k, v in node_record(e).items() if k != "id"}
        if gexf:
            row["schema_label"] = row.pop("label")
            row["label"] = e.name
        node_rows.append((e.id, row))
    edge_rows = []
    for r in sort_relations(list(sg.edges)):
        row = {k: scalar(v) for k, v in edge_record(r).items() if k not in ("from", "to")}
        if gexf:
            row["label"] = row.pop("type")
            row["id"] = edge_id(r)
        edge_rows.append((r, row))
    _harmonise([row for _, row in node_rows])
    _harmonise([row for _, row in edge_rows])
    g.add_nodes_from(node_rows)
    for r, row in edge_rows:
        g.add_edge(r.start, r.end, key=edge_id(r), **row)
    return g


def graphml_text(sg: Subgraph) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(sg))) + "\n"


def gexf_text(sg: Subgraph) -> str:
    import networkx as nx

    return "\n".join(nx.generate_gexf(to_networkx(sg, gexf=True))) + "\n"


def json_text(sg: Subgraph, selection: str = "") -> str:
    """Node-link JSON (edge ends under "from"/"to"), every property kept as it is."""
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"generator": "estuary", "selection": selection},
        "nodes": [node_record(e) for e in sg.nodes],
        "edges": [{**edge_record(r), "key": edge_id(r)}
                  for r in sort_relations(list(sg.edges))],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


# -- csv -------------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _table(records: list[dict[str, Any]], first: tuple[str, ...]) -> str:
    extra = sorted({k for rec in records for k in rec} - set(first))
    columns = [*first, *extra]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for rec in records:
        writer.writerow([_cell(rec.get(c)) for c in columns])
    return buf.getvalue()


def csv_texts(sg: Subgraph) -> tuple[str, str]:
    """The nodes table and the edges table."""
    return (_table([node_record(e) for e in sg.nodes], NODE_COLUMNS),
            _table([edge_record(r) for r in sort_relations(list(sg.edges))], EDGE_COLUMNS))


def csv_paths(out: Path | str) -> tuple[Path, Path]:
    """PATH-nodes.csv and PATH-edges.csv, or nodes.csv and edges.csv inside a directory.

    PATH is a directory if it is one already, or if it is written with a trailing slash.
    """
    text = str(out)
    out = Path(out)
    if out.is_dir() or text.endswith(("/", "\\")):
        return out / "nodes.csv", out / "edges.csv"
    base = out.with_suffix("") if out.suffix.lower() == ".csv" else out
    return (base.with_name(base.name + "-nodes.csv"), base.with_name(base.name + "-edges.csv"))


# -- cypher ----------------------------------------------------------------------------------

_CYPHER_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r",
                   "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r"[\\'\"\x00-\x1f\x7f\u2028\u2029]")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal that reads back as exactly `text`."""
    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        return _CYPHER_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"

    return "'" + _NEEDS_ESCAPE.sub(escape, text) + "'"


def cypher_key(name: str) -> str:
    """A property key: bare if it is an identifier, else backtick-quoted."""
    if _IDENTIFIER.match(name):
        return name
    return "`" + name.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StoreError(f"cannot write the number {value} as Cypher")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise StoreError(f"cannot store a {type(value).__name__} as a Neo4j property")


def cypher_map(props: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{cypher_key(k)}: {cypher_literal(v)}"
                           for k, v in props.items() if v is not None) + "}"


def _node_props(e: Entity) -> dict[str, Any]:
    # As the Neo4j store keeps a node (its `_entity_row`): lookup keys included.
    props: dict[str, Any] = {"id": e.id, "name": e.name, "name_en": e.name_en,
                             "aliases": list(e.aliases), "description": e.description,
                             "keys": list(entity_keys(e))}
    props.update((k, v) for k, v in sorted(e.props.items()) if k not in props)
    return props


def _edge_props(r: Relation) -> dict[str, Any]:
    props: dict[str, Any] = {"source": r.source, "evidence": r.evidence,
                             "confidence": r.confidence}
    props.update((k, v) for k, v in sorted(r.props.items()) if k not in props)
    return props


def cypher_lines(sg: Subgraph) -> Iterable[str]:
    yield (f"// estuary export: {len(sg.nodes)} nodes, {len(sg.edges)} relationships; "
           "run with cypher-shell -f FILE")
    yield cypher.CONSTRAINTS[0] + ";"
    for e in sg.nodes:
        yield (f"MERGE (n:{cypher.ENTITY} {{id: {cypher_string(e.id)}}}) "
               f"SET n = {cypher_map(_node_props(e))}, n:{cypher.label(e.label)};")
    for r in sort_relations(list(sg.edges)):
        yield (f"MATCH (a:{cypher.ENTITY} {{id: {cypher_string(r.start)}}}) "
               f"MATCH (b:{cypher.ENTITY} {{id: {cypher_string(r.end)}}}) "
               f"MERGE (a)-[r:{cypher.rel_type(r.type)} {{source: {cypher_string(r.source)}}}]"
               f"->(b) SET r = {cypher_map(_edge_props(r))};")


def cypher_text(sg: Subgraph) -> str:
    return "\n".join(cypher_lines(sg)) + "\n"


def cypher_statements(script: str) -> list[str]:
    """The statements of a script `cypher_text` wrote (one a line), without the semicolons."""
    return [line.rstrip().removesuffix(";") for line in script.splitlines()
            if line.strip() and not line.lstrip().startswith("//")]


# -- writing ---------------------------------------------------------------------------------

def render(sg: Subgraph, fmt: str, selection: str = "") -> dict[str, str]:
    """The exported text, by part: {"": text}, or {"nodes": …, "edges": …} for csv."""
    if fmt == "graphml":
        return {"": graphml_text(sg)}
    if fmt == "gexf":
        return {"": gexf_text(sg)}
    if fmt == "json":
        return {"": json_text(sg, selection)}
    if fmt == "csv":
        nodes, edges = csv_texts(sg)
        return {"nodes": nodes, "edges": edges}
    if fmt == "cypher":
        return {"": cypher_text(sg)}
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write(sg: Subgraph, fmt: str, out: Path | str, selection: str = "") -> tuple[Path, ...]:
    """Write the export to `out` (csv: two files next to or inside it); the files written."""
    parts = render(sg, fmt, selection)
    if fmt == "csv":
        targets = dict(zip(("nodes", "edges"), csv_paths(out), strict=True))
    else:
        targets = {"": Path(out)}
    for part, path in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(parts[part])
    return tuple(targets.values())
