"""Shell completion of entity names and ids, read straight from the embedded store's file.

A tab press must answer at once, so this reads the store's file with the standard library only
(no networkx, no pydantic, no Neo4j connection) and matches what was typed against each
entity's id, name, aliases and the normalised lookup keys stored with it (pinyin, English
names). Typer keeps only candidates that start with the typed text, so each candidate does:
`南<TAB>` offers 南通, 南通新机场, …; `city:su<TAB>` offers city:suzhou; `nant<TAB>` offers
nantong, nantongxinjichang, … (pinyin keys, which resolve like the names).

Wire it into an argument with ``typer.Argument(autocompletion=complete_entity)``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

MAX_CANDIDATES = 50
# Characters a shell would split or interpret: a candidate containing one is not offered.
_SHELL_SPECIAL = frozenset(" \t\n&;|<>()$`\\\"'*?[]#~!{}")
_EXCLUDED_LABELS = ("Source",)


def _db_path(ctx: Any) -> Path | None:
    """The embedded store file the command line (or ESTUARY_DB, or the default) points at."""
    root = ctx.find_root() if ctx is not None else None
    params = getattr(root, "params", None) or {}
    if params.get("db"):
        return Path(params["db"]).expanduser()
    if env := os.environ.get("ESTUARY_DB"):
        return Path(env).expanduser()
    try:
        from estuary.stores import default_db_path

        return default_db_path()
    except Exception:  # completion must never fail loudly
        return None


def _nodes(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open("rb") as fh:
            sqlite = fh.read(16) == b"SQLite format 3\x00"
        if sqlite:
            return _sqlite_nodes(path)
        data = json.loads(path.read_text(encoding="utf-8"))  # a JSON store not migrated yet
        return [n for n in data.get("nodes", []) if isinstance(n, dict) and "id" in n]
    except (OSError, ValueError, AttributeError):
        return []


def _sqlite_nodes(path: Path) -> list[dict[str, Any]]:
    """The entities of the SQLite store (graph/sqlite_schema.py), read-only."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT data FROM entities").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return []
    nodes = [json.loads(data) for (data,) in rows]
    return [n for n in nodes if isinstance(n, dict) and "id" in n]


def _plain(text: str) -> bool:
    # Nothing a shell splits, nor anything a terminal acts on (the shell prints candidates).
    from estuary.output.sanitize import is_clean  # only when completing: start-up stays light

    return bool(text) and is_clean(text) and not any(
        ch in _SHELL_SPECIAL or ch.isspace() for ch in text)


def _completion(typed: str, key: str, node: dict[str, Any], unique_names: set[str]) -> \
        tuple[int, str] | None:
    """(rank, value) for one entity, or None if it does not match what was typed.

    Every value starts with exactly what was typed (Typer drops any that do not), and each
    resolves to the entity: its id, a name or alias, or a lookup key (pinyin, English name)
    continued from the typed text.
    """
    entity_id = str(node["id"])
    name = str(node.get("name", ""))
    if not typed:
        return 3, name if name in unique_names and _plain(name) else entity_id
    if entity_id.startswith(typed):
        return ((0 if entity_id == typed else 1), entity_id) if _plain(entity_id) else None
    names = [name, str(node.get("name_en", "")), *(str(a) for a in node.get("aliases") or ())]
    for text in names:
        if text.startswith(typed) and _plain(text):
            return (0 if text == typed else 2), text
    if key and key == typed.casefold():
        keys = sorted(str(k) for k in node.get("keys") or ())
        for k in keys:
            if k.startswith(key) and _plain(k):
                return (0 if k == key else 2), typed + k[len(key):]
    return None


def entity_candidates(nodes: list[dict[str, Any]], incomplete: str,
                      limit: int = MAX_CANDIDATES) -> list[tuple[str, str]]:
    """(value to insert, help text) for the entities whose id, name or key starts so."""
    from estuary.output.sanitize import clean_line
    from graph.names import normalize

    typed = incomplete.strip()
    key = normalize(typed)
    seen_names: dict[str, int] = {}
    for node in nodes:
        name = str(node.get("name", ""))
        seen_names[name] = seen_names.get(name, 0) + 1
    unique_names = {n for n, count in seen_names.items() if count == 1}
    found: dict[str, tuple[tuple[int, int, str], str]] = {}
    for node in nodes:
        if node.get("label") in _EXCLUDED_LABELS:
            continue
        match = _completion(typed, key, node, unique_names)
        if match is None:
            continue
        rank, value = match
        help_text = clean_line(f"{node.get('name', '')} · {node.get('label', '')} {node['id']}")
        order = (rank, len(value), str(node["id"]))
        if value not in found or order < found[value][0]:
            found[value] = (order, help_text)
    ranked = sorted(found.items(), key=lambda item: item[1][0])
    return [(value, help_text) for value, (_, help_text) in ranked[:limit]]


def complete_entity(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Typer autocompletion: entity names (or ids) matching what was typed so far."""
    path = _db_path(ctx)
    if path is None or not path.is_file():
        return []
    return entity_candidates(_nodes(path), incomplete or "")
