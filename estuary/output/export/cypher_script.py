"""A Cypher script, one statement a line, runnable with ``cypher-shell -f``.

Nodes and relationships take exactly the shape the Neo4j store gives them
(`graph.cypher.node_properties` / `relationship_properties`); every string is a single-quoted
literal with backslashes, quotes, line breaks and control characters escaped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from graph import cypher
from graph.model import Subgraph, sort_relations
from graph.store import StoreError

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


def cypher_lines(sg: Subgraph) -> Iterable[str]:
    yield (f"// estuary export: {len(sg.nodes)} nodes, {len(sg.edges)} relationships; "
           "run with cypher-shell -f FILE")
    yield cypher.CONSTRAINTS[0] + ";"
    for e in sg.nodes:
        yield (f"MERGE (n:{cypher.ENTITY} {{id: {cypher_string(e.id)}}}) "
               f"SET n = {cypher_map(cypher.node_properties(e))}, n:{cypher.label(e.label)};")
    for r in sort_relations(list(sg.edges)):
        yield (f"MATCH (a:{cypher.ENTITY} {{id: {cypher_string(r.start)}}}) "
               f"MATCH (b:{cypher.ENTITY} {{id: {cypher_string(r.end)}}}) "
               f"MERGE (a)-[r:{cypher.rel_type(r.type)} {{source: {cypher_string(r.source)}}}]"
               f"->(b) SET r = {cypher_map(cypher.relationship_properties(r))};")


def cypher_statements(script: str) -> list[str]:
    """The statements of a script `texts` wrote (one a line), without the semicolons."""
    return [line.rstrip().removesuffix(";") for line in script.splitlines()
            if line.strip() and not line.lstrip().startswith("//")]


def texts(sg: Subgraph, selection: str = "") -> dict[str, str]:
    return {"": "\n".join(cypher_lines(sg)) + "\n"}
