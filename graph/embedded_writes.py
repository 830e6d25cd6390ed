"""Writing the embedded store's tables (graph/sqlite_schema.py) inside the caller's transaction:
upserting entities and relations with their indexes, and removing them.

Rows go in by `executemany` in chunks sorted by key (B-tree inserts in order); the lookup keys,
bigrams and walkable adjacency are kept in step with the rows they index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from graph import sqlite_schema as db
from graph.model import Entity, Relation
from graph.names import entity_grams, entity_keys
from graph.store import TRAVERSAL_EXCLUDED_LABELS, LoadSummary, Progress

_EXCLUDED = frozenset(TRAVERSAL_EXCLUDED_LABELS)
_ENTITY_CHUNK = 5000
_RELATION_CHUNK = 20000
_REL_KEY = "start_id = ? AND end_id = ? AND type = ? AND source = ?"


def _index_rows(e: Entity) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(key, id) and (gram, id) rows of an entity; none for a source (no name finds one)."""
    if e.label in _EXCLUDED:
        return [], []
    return ([(k, e.id) for k in entity_keys(e)], [(g, e.id) for g in entity_grams(e)])


def _unindex(conn: sqlite3.Connection, e: Entity) -> None:
    keys, grams = _index_rows(e)
    conn.executemany("DELETE FROM lookup_keys WHERE key = ? AND id = ?", keys)
    conn.executemany("DELETE FROM bigrams WHERE gram = ? AND id = ?", grams)


def _rows_by_id(conn: sqlite3.Connection, table: str, column: str,
                ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in db.chunks(ids):
        found.update(conn.execute(f"SELECT id, {column} FROM {table} WHERE id IN "
                                  f"({db.marks(len(chunk))})", chunk))
    return found


def apply_bundle(conn: sqlite3.Connection, entities: list[Entity], relations: list[Relation],
                 progress: Progress | None) -> LoadSummary:
    """Upsert entities and relations: (created, changed) of each, as the JSON store counted."""
    total = len(entities) + len(relations)
    done = 0
    created = updated = 0
    labels: dict[str, str] = {}
    relabelled: list[str] = []  # entities that became, or stopped being, a source
    for chunk in db.chunks(sorted(entities, key=lambda e: e.id), _ENTITY_CHUNK):
        rows = [db.entity_row(e) for e in chunk]
        old = _rows_by_id(conn, "entities", "data", [e.id for e in chunk])
        new_rows: list[tuple[str, str, str]] = []
        keys: list[tuple[str, str]] = []
        grams: list[tuple[str, str]] = []
        for e, row in zip(chunk, rows, strict=True):
            labels[e.id] = e.label
            before = old.get(e.id)
            if before == row[2]:
                continue
            if before is None:
                created += 1
                new_rows.append(row)
            else:
                updated += 1
                conn.execute("UPDATE entities SET label = ?, data = ? WHERE id = ?",
                             (row[1], row[2], e.id))
                prev = db.entity_of(before)
                _unindex(conn, prev)
                if (prev.label in _EXCLUDED) != (e.label in _EXCLUDED):
                    relabelled.append(e.id)
            k, g = _index_rows(e)
            keys += k
            grams += g
        conn.executemany("INSERT INTO entities VALUES (?, ?, ?)", new_rows)
        conn.executemany("INSERT OR IGNORE INTO lookup_keys VALUES (?, ?)", sorted(keys))
        conn.executemany("INSERT OR IGNORE INTO bigrams VALUES (?, ?)", sorted(grams))
        done += len(chunk)
        if progress:
            progress(done, total)
    rc = ru = 0
    for rchunk in db.chunks(relations, _RELATION_CHUNK):
        rel_rows = sorted(db.relation_row(r) for r in rchunk)
        before_changes = conn.total_changes
        conn.executemany("INSERT OR IGNORE INTO relations VALUES (?, ?, ?, ?, ?)", rel_rows)
        inserted = conn.total_changes - before_changes
        rc += inserted
        if inserted < len(rel_rows):  # some were there: count (and write) those that differ
            for row in rel_rows:
                (data,) = conn.execute(f"SELECT data FROM relations WHERE {_REL_KEY}",
                                       row[:4]).fetchone()
                if data != row[4]:
                    conn.execute(f"UPDATE relations SET data = ? WHERE {_REL_KEY}",
                                 (row[4], *row[:4]))
                    ru += 1
        _add_adjacency(conn, [(r[0], r[1]) for r in rel_rows], labels)
        done += len(rchunk)
        if progress:
            progress(done, total)
    for entity_id in relabelled:
        _rewalk(conn, entity_id, labels)
    if progress:
        progress(total, total)
    return LoadSummary(created, updated, rc, ru)


def _walkable(conn: sqlite3.Connection, ids: Iterable[str], labels: dict[str, str]) -> None:
    """Fill `labels` with the label of every id not in it yet (read from the store)."""
    missing = sorted({i for i in ids if i not in labels})
    labels.update(_rows_by_id(conn, "entities", "label", missing))


def _add_adjacency(conn: sqlite3.Connection, pairs: list[tuple[str, str]],
                   labels: dict[str, str]) -> None:
    """Both directions of each walkable pair: no self loops, no sources."""
    _walkable(conn, (i for p in pairs for i in p), labels)
    adj: set[tuple[str, str]] = set()
    for a, b in pairs:
        if a != b and labels.get(a, "Source") not in _EXCLUDED \
                and labels.get(b, "Source") not in _EXCLUDED:
            adj.add((a, b))
            adj.add((b, a))
    conn.executemany("INSERT OR IGNORE INTO adjacency VALUES (?, ?)", sorted(adj))


def _rewalk(conn: sqlite3.Connection, entity_id: str, labels: dict[str, str]) -> None:
    """Redo an entity's walkable neighbours after its label moved in or out of the sources."""
    others = [b for (b,) in conn.execute("SELECT b FROM adjacency WHERE a = ?", (entity_id,))]
    conn.execute("DELETE FROM adjacency WHERE a = ?", (entity_id,))
    conn.executemany("DELETE FROM adjacency WHERE a = ? AND b = ?",
                     [(b, entity_id) for b in others])
    pairs = conn.execute("SELECT start_id, end_id FROM relations WHERE start_id = ? "
                         "UNION SELECT start_id, end_id FROM relations WHERE end_id = ?",
                         (entity_id, entity_id)).fetchall()
    _add_adjacency(conn, pairs, labels)


def remove(conn: sqlite3.Connection, relations: Iterable[tuple[str, str, str, str]],
           entities: Iterable[str]) -> tuple[int, list[str], list[str]]:
    """Remove relations by key, then the entities no relation uses any more:
    (relations removed, entities removed, entities kept)."""
    removed = 0
    for rel_type, start, end, source in relations:
        cur = conn.execute(f"DELETE FROM relations WHERE {_REL_KEY}",
                           (start, end, rel_type, source))
        if not cur.rowcount:
            continue
        removed += 1
        still = conn.execute("SELECT 1 FROM relations WHERE start_id = ? AND end_id = ? "
                             "UNION ALL SELECT 1 FROM relations WHERE start_id = ? AND "
                             "end_id = ? LIMIT 1", (start, end, end, start)).fetchone()
        if not still:
            conn.executemany("DELETE FROM adjacency WHERE a = ? AND b = ?",
                             [(start, end), (end, start)])
    gone: list[str] = []
    kept: list[str] = []
    for entity_id in sorted(set(entities)):
        row = conn.execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            continue
        used = conn.execute("SELECT 1 FROM relations WHERE start_id = ? UNION ALL "
                            "SELECT 1 FROM relations WHERE end_id = ? LIMIT 1",
                            (entity_id, entity_id)).fetchone()
        if used:
            kept.append(entity_id)
            continue
        conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
        _unindex(conn, db.entity_of(row[0]))
        gone.append(entity_id)
    return removed, gone, kept
