"""The embedded store: one SQLite file (graph/sqlite_schema.py) from which each question reads
only the rows it needs, so opening costs the same whatever the graph's size.

Writes (load, unload) are one transaction each, serialised by a file lock, so a crash or a
concurrent `estuary load` never leaves half a load, and a reader sees the old graph or the new
one. A store object reads from one snapshot (the graph as it was at its first read) until it
writes, as the JSON store, which read its file once, did. A JSON store of the previous
version (format 1) is migrated once, on first open (graph/embedded_file.py). A first load
into a file that does not exist yet builds the whole file and renames it into place.

A file or folder that cannot be written is opened read-only: questions work, a write is one
StoreError saying so. Any SQLite error on a read (a damaged, locked or unreadable file) is a
StoreError naming the file and what to do (sqlite_schema.read_error), never a traceback.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph import sqlite_schema as db
from graph.embedded_file import (
    build_file,
    create_file,
    migrate,
    remove_stale_temporaries,
    write_lock,
)
from graph.embedded_names import ranked_ids
from graph.embedded_walks import WalkReads
from graph.embedded_writes import apply_bundle, remove
from graph.follow import Follow, follows, is_plain
from graph.model import Entity, Relation, sort_relations
from graph.names import entity_keys, normalize
from graph.sqlite_schema import reading
from graph.store import (
    TRAVERSAL_EXCLUDED_LABELS,
    LoadSummary,
    NameKeys,
    Progress,
    StoreError,
)

if TYPE_CHECKING:

    from graph.bundle import Bundle

_EXCLUDED = tuple(TRAVERSAL_EXCLUDED_LABELS)
_NOT_EXCLUDED = f"label NOT IN ({db.marks(len(_EXCLUDED))})"
_REL = "SELECT start_id, end_id, type, source, data FROM relations"


class EmbeddedStore(WalkReads):
    """The graph in a SQLite file; loads the bundled data on first use."""

    kind = "embedded"

    def __init__(self, path: Path, *, legacy: Path | None = None) -> None:
        """Open the store at `path`; `legacy`, a JSON store to migrate into it if `path` does
        not exist yet (the default store's old graph.json, which is then kept as it is)."""
        self.path = path
        self.location = str(path)
        if path.is_dir():
            raise StoreError(f"{path} is a directory: --db must name a file (e.g. "
                             f"{path / 'graph.db'})")
        if path.exists() and not path.is_file():  # /dev/zero, a FIFO: never read
            raise StoreError(f"{path} is not a regular file: --db must name the store's file")
        remove_stale_temporaries(self.target)
        if not path.exists() and legacy is not None and legacy.is_file():
            migrate(path, self.target, legacy, keep_source=True)
        self._conn: sqlite3.Connection
        self._on_disk = False
        self.read_only = ""  # how the file is opened (_access): "" when it can be written
        if path.exists():
            if not db.is_sqlite(self.target):
                migrate(path, self.target, self.target, keep_source=False)
            self._connect()
        else:  # nothing to read yet: an empty graph until the first load creates the file
            self._conn = db.connect(":memory:")
            db.create(self._conn)

    @property
    def target(self) -> Path:
        """The file the store lives in: a symlinked store is written through to its target."""
        return Path(os.path.realpath(self.path))

    def _access(self) -> str:
        """How the file can be opened (sqlite_schema.connect's read_only): "" to read and
        write; "ro" if it or its folder cannot be written; "immutable" if the folder cannot
        be written and holds no WAL index to share with a writer."""
        target = self.target
        if os.access(target.parent, os.W_OK):
            return "" if os.access(target, os.W_OK) else "ro"
        return "ro" if target.with_name(target.name + "-shm").exists() else "immutable"

    def _connect(self) -> None:
        conn: sqlite3.Connection | None = None
        self.read_only = self._access()
        try:
            conn = db.connect(self.target, read_only=self.read_only)
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
            found = json.loads(row[0]) if row else None
        except (sqlite3.DatabaseError, ValueError) as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorname", "") not in (
                    "SQLITE_ERROR", "SQLITE_NOTADB"):
                raise StoreError(db.read_error(self.path, exc)) from None
            raise StoreError(f"cannot read the embedded store {self.path}: {exc}. It is not "
                             "an estuary store: point --db at another file.") from None
        if found != db.FORMAT:
            conn.close()
            raise StoreError(f"cannot read the embedded store {self.path}: a SQLite file of "
                             f"format {found!r}, expected {db.FORMAT}. It is not an estuary "
                             "store (or a newer one): point --db at another file.")
        self._conn = conn
        self._on_disk = True

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[_Write]:
        """One write transaction on the file (created if need be), under the file lock; the
        body says whether it changed the graph or metadata (else the file stays as it was)."""
        self._writable()
        with write_lock(self.path, self.target), self._transaction() as write:
            yield write
        self._checkpoint()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the embedded store {self.path} is read-only (the file or its "
                             "folder cannot be written): questions work, a load or unload "
                             "does not; copy the file somewhere writable and point --db at "
                             "the copy")

    @contextmanager
    def _transaction(self) -> Iterator[_Write]:
        """_writing's transaction, the write lock held."""
        if not self._on_disk:
            self._create_file()
        conn = self._conn
        if conn.in_transaction:
            conn.execute("COMMIT")  # leave the read snapshot: write on the newest graph
        conn.execute(f"PRAGMA cache_size = {db.WRITE_CACHE}")
        try:
            conn.execute("BEGIN IMMEDIATE")
            write = _Write(conn)
            yield write
            if write.changed:
                bump = conn.execute("SELECT value FROM meta WHERE key = 'generation'"
                                    ).fetchone()
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)",
                             (str(int(json.loads(bump[0])) + 1 if bump else 1),))
                conn.execute("DELETE FROM hub_scores")  # whole-graph measures are stale
                conn.execute("DELETE FROM hub_metrics")
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot write the store {self.target}: {exc}; it is "
                                 "unchanged") from None
            raise
        finally:
            conn.execute(f"PRAGMA cache_size = {db.READ_CACHE}")

    def _checkpoint(self) -> None:
        """Copy the WAL into the file now, as far as no reader's snapshot needs it, without
        waiting: the file alone then holds the graph (a copy of it is a whole store)."""
        conn = self._conn
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error:
            pass
        finally:
            conn.execute("PRAGMA busy_timeout = 30000")

    def _create_file(self) -> None:
        create_file(self.target)
        self._conn.close()
        self._connect()

    def close(self) -> None:
        self._conn.close()

    def bundled_digest(self) -> str | None:
        value = self.meta_items("bundled_digest").get("bundled_digest")
        return None if value is None else str(value)

    def load(self, bundle: Bundle, progress: Progress | None = None,
             meta: dict[str, Any] | None = None, *,
             base: tuple[Bundle, dict[str, Any]] | None = None) -> LoadSummary:
        """Upsert a bundle and its metadata in one transaction: all or nothing. `base`, a
        bundle and metadata to upsert first in the same transaction (the bundled data under
        a user's first load, so that a new file is built whole: embedded_file.build_file);
        the summary is then this bundle's, as if `base` had been loaded before."""
        self._writable()
        entities, relations = list(bundle.entities.values()), list(bundle.relations.values())
        first = None if base is None else (list(base[0].entities.values()),
                                           list(base[0].relations.values()), base[1])
        with write_lock(self.path, self.target):
            if not self._on_disk and not self.target.exists():
                # A first load builds the file whole, then publishes it (embedded_file).
                summary = build_file(self.target, entities, relations, meta or {}, progress,
                                     base=first)
                self._conn.close()
                self._connect()
                return summary
            with self._transaction() as write:
                changed = False
                if first is not None:
                    done = apply_bundle(write.conn, first[0], first[1], None)
                    changed = _set_meta(write.conn, first[2]) or bool(done.changed)
                summary = apply_bundle(write.conn, entities, relations, progress)
                meta_changed = _set_meta(write.conn, meta or {})
                write.changed = changed or summary.changed or meta_changed
        self._checkpoint()
        return summary

    @property
    def is_new(self) -> bool:
        """No file yet: the first load builds it whole (see `load`'s `base`)."""
        return not self._on_disk and not self.target.exists()

    def unload(self, relations: Iterable[tuple[str, str, str, str]], entities: Iterable[str],
               *, drop_meta: Iterable[str] = (), set_meta: dict[str, str] | None = None,
               ) -> tuple[int, list[str], list[str]]:
        """Remove these relations, then those of these entities that no relation uses any
        more, and update the metadata, all or nothing: (relations removed, entities removed,
        entities kept because other relations still use them)."""
        with self._writing() as write:
            conn = write.conn
            removed, gone, kept = remove(conn, relations, entities)
            dropped = sum(conn.execute("DELETE FROM meta WHERE key = ?", (key,)).rowcount
                          for key in drop_meta)
            meta_changed = _set_meta(conn, set_meta or {})
            write.changed = bool(removed or gone or dropped or meta_changed)
        return removed, gone, kept

    # -- reading -----------------------------------------------------------------------------

    def _read(self) -> sqlite3.Connection:
        """The connection, inside this store's read snapshot (begun at its first read)."""
        if not self._conn.in_transaction:
            self._conn.execute("BEGIN")
        return self._conn

    @reading
    def meta_items(self, prefix: str) -> dict[str, str]:
        """The store's metadata whose keys start with `prefix` (e.g. the load ledger)."""
        rows = self._read().execute(
            "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key",
            (len(prefix), prefix)).fetchall()
        return {k: json.loads(v) for k, v in rows
                if k not in ("format", "generation") or prefix == k}

    @reading
    def label_of(self, entity_id: str) -> str | None:
        row = self._read().execute("SELECT label FROM entities WHERE id = ?",
                                   (entity_id,)).fetchone()
        return row[0] if row else None

    def _entity_rows(self, ids: list[str]) -> dict[str, str]:
        conn = self._read()
        found: dict[str, str] = {}
        for chunk in db.chunks(ids):
            found.update(conn.execute(f"SELECT id, data FROM entities WHERE id IN "
                                      f"({db.marks(len(chunk))})", chunk))
        return found

    @reading
    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        wanted = list(dict.fromkeys(ids))
        rows = self._entity_rows(wanted)
        return {i: db.entity_of(rows[i]) for i in wanted if i in rows}

    @reading
    def find_by_key(self, key: str) -> list[Entity]:
        ids = {i for (i,) in self._read().execute("SELECT id FROM lookup_keys WHERE key = ?",
                                                  (normalize(key),))}
        ids.add(key)  # an id is its own key (kept below only if it exists)
        found = self.entities(sorted(ids))
        return list(found.values())

    @reading
    def all_entities(self) -> list[Entity]:
        return self._all_entities(excluded=False)

    def _all_entities(self, *, excluded: bool) -> list[Entity]:
        sql = "SELECT id, data FROM entities" + ("" if excluded else f" WHERE {_NOT_EXCLUDED}")
        rows = self._read().execute(sql, () if excluded else _EXCLUDED).fetchall()
        return [db.entity_of(data) for _, data in sorted(rows)]

    @reading
    def name_candidates(self, grams: Iterable[str], label: str | None,
                        limit: int, offset: int = 0) -> list[Entity]:
        ranked = ranked_ids(self._read(), sorted(set(grams)), label, limit, offset)
        found = self.entities(ranked)
        return [found[i] for i in ranked]

    @reading
    def name_keys(self, grams: Iterable[str], label: str | None, limit: int,
                  offset: int = 0, min_shared: int = 1) -> list[NameKeys]:
        # only the candidates sharing min_shared grams are read (the order's first ones)
        ranked = ranked_ids(self._read(), sorted(set(grams)), label, limit, offset, min_shared)
        found = self.entities(ranked)
        return [NameKeys(i, found[i].name, entity_keys(found[i])) for i in ranked]

    @reading
    def relations_of(self, entity_id: str) -> list[Relation]:
        rows = self._read().execute(
            f"{_REL} WHERE start_id = ? UNION ALL {_REL} WHERE end_id = ? AND start_id != ?",
            (entity_id, entity_id, entity_id)).fetchall()
        return sort_relations([db.relation_of(r) for r in rows])

    @reading
    def relations_of_many(self, ids: Iterable[str], types: Iterable[str | Follow] | None = None
                          ) -> dict[str, list[Relation]]:
        wanted = sorted(set(ids))
        found: dict[str, list[Relation]] = {i: [] for i in wanted}
        conn = self._read()
        reads = None if types is None else follows(types)
        if reads is not None and not is_plain(reads):
            return self._relations_following(conn, wanted, reads)
        kinds = None if reads is None else [f.type for f in reads]
        of_type = "" if kinds is None else f" AND type IN ({db.marks(len(kinds))})"
        # A relation belongs to its start's list (first half) and, unless a self loop, to its
        # end's (second half); both ends may be in the same chunk.
        for chunk in db.chunks(wanted, db.CHUNK // 2 - len(kinds or ())):
            marks = db.marks(len(chunk))
            for at_end, *row in conn.execute(
                    f"SELECT 0, start_id, end_id, type, source, data FROM relations "
                    f"WHERE start_id IN ({marks}){of_type} UNION ALL "
                    f"SELECT 1, start_id, end_id, type, source, data FROM relations "
                    f"WHERE end_id IN ({marks}) AND start_id != end_id{of_type}",
                    [*chunk, *(kinds or ()), *chunk, *(kinds or ())]):
                found[row[1] if at_end else row[0]].append(db.relation_of(tuple(row)))
        return {i: sort_relations(rels) for i, rels in found.items()}

    @staticmethod
    def _relations_following(conn: sqlite3.Connection, wanted: list[str],
                             reads: list[Follow]) -> dict[str, list[Relation]]:
        """relations_of_many for reads with a direction, the other end's labels or ids: a
        half per direction the node may stand at, each read's label test a lookup of the
        other end by its id (a hub's relations of other types are not read at all)."""
        found: dict[str, list[Relation]] = {i: [] for i in wanted}
        halves = []  # (at_end, SQL condition, its parameters)
        for at_end, mine, other, side in ((0, "start_id", "end_id", "out"),
                                          (1, "end_id", "start_id", "in")):
            conds, params = [], []
            for f in reads:
                if f.direction not in (None, side):
                    continue
                cond = "type = ?"
                params.append(f.type)
                if at_end and f.direction is None:  # (a self loop: in the start's half)
                    cond += " AND start_id != end_id"
                if f.labels is not None:
                    labels = sorted(f.labels)
                    cond += (f" AND (SELECT label FROM entities WHERE id = {other}) "
                             f"IN ({db.marks(len(labels))})")
                    params.extend(labels)
                if f.ends is not None:  # (one parameter, however many ids)
                    cond += f" AND {other} IN (SELECT value FROM json_each(?))"
                    params.append(json.dumps(sorted(f.ends)))
                conds.append(f"({cond})")
            if conds:
                halves.append((at_end, mine, " OR ".join(conds), params))
        room = db.CHUNK - sum(len(h[3]) for h in halves)
        for chunk in db.chunks(wanted, max(room // max(len(halves), 1), 1)):
            marks = db.marks(len(chunk))
            sql = " UNION ALL ".join(
                f"SELECT {at_end}, start_id, end_id, type, source, data FROM relations "
                f"WHERE {mine} IN ({marks}) AND ({conds})" for at_end, mine, conds, _ in halves)
            args = [x for _, _, _, params in halves for x in (*chunk, *params)]
            for at_end, *row in conn.execute(sql, args):
                found[row[1] if at_end else row[0]].append(db.relation_of(tuple(row)))
        return {i: sort_relations(rels) for i, rels in found.items()}

    @reading
    def all_relations(self) -> list[Relation]:
        return sort_relations([db.relation_of(r) for r in self._read().execute(_REL)])

    @reading
    def relations_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relation]:
        conn = self._read()
        rels: list[Relation] = []
        for x, y in {tuple(sorted(p)) for p in pairs}:
            for a, b in ((x, y), (y, x)):  # (a self loop is listed twice, as it always was)
                rels.extend(db.relation_of(r) for r in conn.execute(
                    f"{_REL} WHERE start_id = ? AND end_id = ?", (a, b)))
        return sort_relations(rels)

    @reading
    def relations_among(self, ids: Iterable[str]) -> list[Relation]:
        conn = self._read()
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (id TEXT PRIMARY KEY) "
                     "WITHOUT ROWID")
        conn.execute("DELETE FROM temp.wanted")
        conn.executemany("INSERT OR IGNORE INTO temp.wanted VALUES (?)", ((i,) for i in ids))
        # `+end_id`: read each wanted entity's outgoing relations and keep those ending among
        # the wanted, rather than seek every (start, end) pair of them.
        rows = conn.execute(
            "SELECT r.start_id, r.end_id, r.type, r.source, r.data FROM temp.wanted w "
            "JOIN relations r ON r.start_id = w.id "
            "WHERE +r.end_id IN (SELECT id FROM temp.wanted)").fetchall()
        conn.execute("DELETE FROM temp.wanted")
        return sort_relations([db.relation_of(r) for r in rows])

    @reading
    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        conn = self._read()
        labels = dict(conn.execute("SELECT label, COUNT(*) FROM entities GROUP BY label"))
        types = dict(conn.execute("SELECT type, COUNT(*) FROM relations GROUP BY type"))
        return dict(sorted(labels.items())), dict(sorted(types.items()))

    # -- whole-graph measures, cached until the next load or unload (queries/hubs.py) --------

    @reading
    def top_scores(self, metric: str, label: str | None,
                   limit: int) -> list[tuple[str, float, int]] | None:
        """The cached ranking by `metric` (best first, ties by id), or None if not cached."""
        conn = self._read()
        if not conn.execute("SELECT 1 FROM hub_metrics WHERE metric = ?", (metric,)).fetchone():
            return None
        sql = ("SELECT h.id, h.score, h.degree FROM hub_scores h JOIN entities e "
               "ON e.id = h.id WHERE h.metric = ?"
               + ("" if label is None else " AND e.label = ?")
               + " ORDER BY h.score DESC, h.id LIMIT ?")
        params = [metric, *([] if label is None else [label]), max(limit, 0)]
        return [(i, s, d) for i, s, d in conn.execute(sql, params)]

    def save_scores(self, metric: str, score: dict[str, float], degree: dict[str, int]) -> None:
        """Cache a whole-graph measure, unless the graph changed since this store read it
        (or the file cannot be written: the next question computes it again)."""
        conn = self._read()
        row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        if not self._on_disk:
            return
        try:
            conn.execute("COMMIT")
            conn.execute("BEGIN IMMEDIATE")
            now = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            if now == row:
                conn.execute("DELETE FROM hub_scores WHERE metric = ?", (metric,))
                conn.executemany("INSERT INTO hub_scores VALUES (?, ?, ?, ?)",
                                 ((metric, i, s, degree[i]) for i, s in score.items()))
                conn.execute("INSERT OR REPLACE INTO hub_metrics VALUES (?)", (metric,))
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")


class _Write:
    """A write transaction under way, and whether it changed anything."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.changed = False


def _set_meta(conn: sqlite3.Connection, meta: dict[str, Any]) -> bool:
    """Write the metadata that differs from what the store holds (and only that)."""
    changed = False
    for key, value in meta.items():
        text = db.meta_value(value)
        old = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if old is None or old[0] != text:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, text))
            changed = True
    return changed
