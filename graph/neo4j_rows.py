"""Neo4j records as estuary's models: entities, relations, plain JSON-ready values.

Kept apart from the store so the store module holds the primitives, and this one the one
mapping from what the driver returns to what queries see (underscore keys are load marks).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.model import Entity, Relation
from graph.names import grams, normalize

_ENTITY_FIELDS = {"id", "name", "name_en", "aliases", "description", "keys"}
_REL_FIELDS = {"source", "evidence", "confidence"}


def own_properties(props: Any) -> dict[str, Any]:
    """A node's or relationship's own properties: underscore keys are estuary's load marks."""
    return {k: v for k, v in dict(props).items() if not k.startswith("_")}


def to_entity(node: Any, label: str) -> Entity:
    props = own_properties(node)
    return Entity(
        id=props["id"], label=label, name=props.get("name", ""),
        name_en=props.get("name_en", ""), aliases=tuple(props.get("aliases") or ()),
        description=props.get("description", ""),
        props={k: v for k, v in sorted(props.items()) if k not in _ENTITY_FIELDS},
        keys=tuple(props.get("keys") or ()))


def to_relation(record: Any) -> Relation:
    props = own_properties(record["props"])
    return Relation(
        type=record["type"], start=record["start"], end=record["end"],
        source=props.get("source", ""), evidence=props.get("evidence", ""),
        confidence=props.get("confidence", "high"),
        props={k: v for k, v in sorted(props.items()) if k not in _REL_FIELDS})


def plain(value: Any) -> Any:
    """Driver values (nodes, relationships, paths, temporals) as JSON-ready data."""
    from neo4j.graph import Node, Path, Relationship

    # underscore keys (name bigrams, load marks) are internal: a user's RETURN n shows data only
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **plain(own_properties(value))}
    if isinstance(value, Relationship):
        return {"type": value.type, **plain(own_properties(value))}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if value is None or isinstance(value, bool | int | float | str):
        return _finite(value)
    return str(value)  # spatial points and anything newer: their Cypher text


def _finite(value: Any) -> Any:
    """Non-finite floats as the strings Cypher prints, so --json output stays JSON."""
    if isinstance(value, float) and value != value:
        return "NaN"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def grams_of(entity_id: str, keys: Iterable[str]) -> set[str]:
    """graph/names.entity_grams from a node's stored keys and id."""
    found: set[str] = set()
    for key in (*keys, normalize(entity_id)):
        found |= grams(key)
    return found


def chars_of(entity_id: str, keys: Iterable[str]) -> set[str]:
    """The characters of an entity's lookup keys and normalised id (what search scores:
    queries/search._keys_of), as tokens: each character `c`, and `c` followed by 2, 3 …
    up to the most times one key holds it. A key scoring a query has a longest common
    subsequence with it of at most the query's tokens the node holds (graph/cypher_names.
    char_units, least_chars), so a node holding too few cannot score it."""
    found: set[str] = set()
    for key in (*keys, normalize(entity_id)):
        seen: dict[str, int] = {}
        for c in key:
            seen[c] = n = seen.get(c, 0) + 1
            found.add(c if n == 1 else f"{c}{n}")
    return found
