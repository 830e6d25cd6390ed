"""The embedded store's SQLite file: its tables, and how rows become models and back.

One file, WAL mode: a load is one transaction, so a reader sees the graph before it or after
it, never a part. Each question reads only the rows it needs through these indexes:

- entities (id -> label, JSON of the entity as graph.model serialises it);
- relations (start, end, type, source -> JSON of the rest), keyed so that one entity's outgoing
  relations and the relations between two entities are a range read; an index on the end
  gives the incoming ones;
- lookup_keys (normalised key -> id; find_by_key) and bigrams (gram -> id; name_candidates),
  neither holding Source entities (no name resolves to a source);
- adjacency (a -> b): the walkable graph (undirected, no Source nodes, no self loops, parallel
  relations once), both directions stored, so a BFS layer is one range read per node;
- hub_scores, hub_metrics: whole-graph measures (queries/hubs.py) cached after their first
  computation, and which are cached; any load or unload empties both;
- meta (key -> JSON value): the format, the bundled digest, the load ledger.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Callable
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from graph.model import Entity, Relation
from graph.store import StoreError

_T = TypeVar("_T")

_quote = encode_basestring  # a str as JSON with ensure_ascii=False (what _dumps uses)

FORMAT = 2  # format 1 was the JSON file (graph/embedded_json.py), migrated on first open
HEADER = b"SQLite format 3\x00"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_by_label ON entities (label);
CREATE TABLE IF NOT EXISTS relations (
    start_id TEXT NOT NULL, end_id TEXT NOT NULL, type TEXT NOT NULL, source TEXT NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (start_id, end_id, type, source)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS relations_by_end ON relations (end_id);
CREATE TABLE IF NOT EXISTS lookup_keys (
    key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bigrams (
    gram TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (gram, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS adjacency (
    a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hub_scores (
    metric TEXT NOT NULL, id TEXT NOT NULL, score REAL NOT NULL, degree INTEGER NOT NULL,
    PRIMARY KEY (metric, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS hub_scores_by_rank ON hub_scores (metric, score DESC, id);
CREATE TABLE IF NOT EXISTS hub_metrics (metric TEXT PRIMARY KEY) WITHOUT ROWID;
"""

# Long IN (...) lists are cut into chunks of this many parameters (SQLite's limit is 32766
# on recent versions, 999 on old ones).
CHUNK = 900

# Page cache, in KiB (SQLite's default is 2 MiB): a question reads few pages; a load of
# millions of rows rewrites the same index pages again and again, so keeps more in memory.
READ_CACHE = -65536
WRITE_CACHE = -524288


def connect(path: Path | str, *, read_only: str = "") -> sqlite3.Connection:
    """A connection that manages its own transactions (BEGIN/COMMIT issued by the store).

    `read_only`: "ro" opens the file read-only (its folder may still hold the WAL's side
    files); "immutable" also tells SQLite that nothing changes the file, so it needs no side
    file at all (a read-only folder that has none)."""
    if read_only:
        uri = "file:" + quote(str(Path(path).absolute())) + "?mode=ro"
        if read_only == "immutable":
            uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    # NORMAL in WAL mode: a crash of the process (or of the machine) never corrupts the file
    # nor leaves half a transaction; the machine losing power may lose the last load.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"PRAGMA cache_size = {READ_CACHE}")
    return conn


def create(conn: sqlite3.Connection) -> None:
    """Give an empty database the store's tables, in WAL mode, marked with FORMAT."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    create_tables(conn)
    conn.execute("COMMIT")


def create_tables(conn: sqlite3.Connection) -> None:
    """The store's tables and indexes, marked with FORMAT, in the caller's transaction."""
    # (executescript would COMMIT first: the statements run one by one)
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (json.dumps(FORMAT),))


def read_error(path: Path | str, exc: sqlite3.Error) -> str:
    """What went wrong reading the store's file, and what to do about it (for a StoreError)."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return (f"the embedded store {path} is damaged ({exc}): restore it from a copy, or "
                "move it away and load your files again (a new store starts with the "
                "bundled data)")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (f"the embedded store {path} is locked by another process ({exc}); try again "
                "when it is done (an `estuary load`?)")
    if name.startswith("SQLITE_IOERR"):
        return (f"cannot read the embedded store {path}: a disk I/O error ({exc}); check the "
                "disk, or copy the file elsewhere and point --db at the copy")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")):
        return (f"cannot open the embedded store {path} ({exc}): check the permissions of "
                "the file and of its folder")
    return f"cannot read the embedded store {path}: {exc}"


def is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(HEADER)) == HEADER


def chunks(items: list[Any], size: int = CHUNK) -> list[list[Any]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def marks(n: int) -> str:
    return ",".join("?" * n)


# -- rows <-> models ---------------------------------------------------------------------------

# sort_keys: one text per value, so "changed?" is a string comparison. A value JSON cannot
# hold (a set) raises TypeError inside the load's transaction, which then rolls back. One
# encoder for every row (json.dumps with options builds one per call).
_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def entity_row(e: Entity) -> tuple[str, str, str]:
    try:
        # The text _dumps gives, byte for byte (its keys in order), without its per-value
        # dispatch: a str field or list item that is no str raises TypeError (_quote's).
        data = ('{"aliases":[' + ",".join(map(_quote, e.aliases)) + '],"description":'
                + _quote(e.description) + ',"id":' + _quote(e.id) + ',"keys":['
                + ",".join(map(_quote, e.keys)) + '],"label":' + _quote(e.label)
                + ',"name":' + _quote(e.name) + ',"name_en":' + _quote(e.name_en)
                + ',"props":' + (_dumps(e.props) if e.props else "{}") + "}")
    except TypeError:
        data = _dumps({"id": e.id, "label": e.label, "name": e.name, "name_en": e.name_en,
                       "aliases": list(e.aliases), "description": e.description,
                       "props": e.props, "keys": list(e.keys)})
    return e.id, e.label, data


_UNQUOTED = re.compile(r'[\x00-\x1f\\]')  # what JSON escapes in a string, but for "


def json_ids(ids: list[str]) -> str:
    """A list of ids as _dumps gives it (ensure_ascii off): joined as they are when none
    needs escaping (a quote, a backslash, a control character), which is the rule."""
    body = '","'.join(ids)
    if body.count('"') == 2 * (len(ids) - 1) and not _UNQUOTED.search(body) and ids:
        return '["' + body + '"]'
    return _dumps(ids)


def entity_of(data: str) -> Entity:
    node = json.loads(data)
    return Entity(**{**node, "aliases": tuple(node["aliases"]),
                     "keys": tuple(node.get("keys", ()))})


def relation_row(r: Relation) -> tuple[str, str, str, str, str]:
    if not r.props and type(r.evidence) is str and type(r.confidence) is str:
        # Most relations: the text _dumps gives, byte for byte, without its per-value
        # dispatch (a third of a large load's Python time went to encoding these).
        data = ('{"confidence":' + _quote(r.confidence) + ',"evidence":'
                + _quote(r.evidence) + ',"props":{}}')
    else:
        data = _dumps({"evidence": r.evidence, "confidence": r.confidence, "props": r.props})
    return r.start, r.end, r.type, r.source, data


def relation_of(row: tuple[str, str, str, str, str]) -> Relation:
    start, end, rtype, source, data = row
    return Relation(type=rtype, start=start, end=end, source=source, **json.loads(data))


def meta_value(value: Any) -> str:
    return _dumps(value)


def reading(method: Callable[..., _T]) -> Callable[..., _T]:
    """A store method's read whose SQLite error (locked, damaged, unreadable file) becomes a
    StoreError that names the file (`self.path`) and what to do, never a traceback."""

    @functools.wraps(method)
    def read(self: Any, *args: Any, **kwargs: Any) -> _T:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise StoreError(read_error(self.path, exc)) from None

    return read
