"""Format 1 of the embedded store: the whole graph in one JSON file.

Read only to migrate it to the SQLite file (graph/embedded.py); written only by tests and
benchmarks that need a store as the previous version wrote it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from graph.model import Entity, Relation, sort_relations
from graph.store import StoreError

JSON_FORMAT = 1


def read_json_store(path: Path) -> tuple[list[Entity], list[Relation], dict[str, Any]]:
    """Entities, relations and metadata of a format-1 file, checked as the old store did."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"format {found!r}, expected {JSON_FORMAT}")
        entities: dict[str, Entity] = {}
        for node in data["nodes"]:
            entity = Entity(**{**node, "aliases": tuple(node["aliases"]),
                               "keys": tuple(node.get("keys", ()))})
            entities[entity.id] = entity
        relations: dict[tuple[str, str, str, str], Relation] = {}
        for edge in data["edges"]:
            rel = Relation(**edge)
            if rel.start not in entities or rel.end not in entities:
                raise ValueError(f"relation {rel.type} {rel.start} -> {rel.end} has an "
                                 "endpoint that is not in the file")
            relations[rel.key] = rel
        meta = data.get("meta", {})
        if not isinstance(meta, dict):
            raise ValueError("'meta' is not a mapping")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoreError(
            f"cannot read the embedded store {path}: {exc}. Delete the file to rebuild it "
            "from the bundled data, or point --db at another file.") from None
    return list(entities.values()), list(relations.values()), meta


def write_json_store(path: Path, entities: list[Entity], relations: list[Relation],
                     meta: dict[str, Any]) -> None:
    """Write a format-1 file exactly as the JSON store saved itself."""
    data = {
        "format": JSON_FORMAT,
        "meta": meta,
        "nodes": [asdict(e) for e in sorted(entities, key=lambda e: e.id)],
        "edges": [asdict(r) for r in sort_relations(list(relations))],
    }
    with path.open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
