"""Writing the embedded store's tables (graph/sqlite_schema.py) inside the caller's transaction:
upserting entities and relations with their indexes, and removing them.

A load appends its rows to unindexed staging tables, then merges each into its indexed table
in one sorted INSERT ... SELECT (B-tree inserts in key order, done by SQLite, not Python); the
lookup keys, bigrams and walkable adjacency are kept in step with the rows they index. The
bigrams come as one JSON array of ids per bigram, already in key order; a first load's
relations go straight into the empty table in key order, and its adjacency comes as one JSON
array of neighbours per node, in key order too (nothing to merge, nothing to sort).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

from graph import sqlite_schema as db
from graph.model import Entity, Relation
from graph.names import entity_grams, entity_keys
from graph.store import TRAVERSAL_EXCLUDED_LABELS, LoadSummary, Progress

_EXCLUDED = frozenset(TRAVERSAL_EXCLUDED_LABELS)
_ENTITY_CHUNK = 5000
_RELATION_CHUNK = 50000
_REL_KEY = "start_id = ? AND end_id = ? AND type = ? AND source = ?"
# Both directions of each staged relation marked walkable (no self loop, no source at
# either end), sorted and made unique by SQLite.
_UPSERT_RELATION = "INSERT INTO relations"
_ON_CONFLICT = ("ON CONFLICT (start_id, end_id, type, source) DO UPDATE "
                "SET data = excluded.data WHERE data != excluded.data")
_NEW_ADJACENCY = ("INSERT OR IGNORE INTO adjacency SELECT start_id, end_id FROM "
                  "temp.new_relations WHERE walk UNION SELECT end_id, start_id FROM "
                  "temp.new_relations WHERE walk ORDER BY 1, 2")


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


def _stage(conn: sqlite3.Connection) -> None:
    """Empty staging tables (in the connection's temporary database): a load appends its rows
    there unsorted, and SQLite then merges them into the indexed tables in key order."""
    for table, columns in (("new_entities", "id, label, data"),
                           ("new_relations", "start_id, end_id, type, source, data, walk"),
                           ("new_keys", "key, id"),
                           ("new_postings", "gram, ids"),
                           ("new_neighbours", "a, ids")):
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({columns})")
        conn.execute(f"DELETE FROM temp.{table}")


def apply_bundle(conn: sqlite3.Connection, entities: list[Entity], relations: list[Relation],
                 progress: Progress | None) -> LoadSummary:
    """Upsert entities and relations: (created, changed) of each, as the JSON store counted."""
    total = len(entities) + len(relations)
    done = 0
    _stage(conn)
    for chunk in db.chunks(entities, _ENTITY_CHUNK):
        conn.executemany("INSERT INTO temp.new_entities VALUES (?, ?, ?)",
                         [db.entity_row(e) for e in chunk])
        done += len(chunk)
        if progress:
            progress(done, total)
    existing = {i for (i,) in conn.execute(
        "SELECT n.id FROM temp.new_entities n JOIN entities e ON e.id = n.id")}
    changed = conn.execute("SELECT n.id, e.data, n.label, n.data FROM temp.new_entities n "
                           "JOIN entities e ON e.id = n.id WHERE e.data != n.data").fetchall()
    relabelled: list[str] = []  # entities that became, or stopped being, a source
    for entity_id, old, label, data in changed:
        conn.execute("UPDATE entities SET label = ?, data = ? WHERE id = ?",
                     (label, data, entity_id))
        prev = db.entity_of(old)
        _unindex(conn, prev)
        if (prev.label in _EXCLUDED) != (label in _EXCLUDED):
            relabelled.append(entity_id)
    before = conn.total_changes
    conn.execute("INSERT OR IGNORE INTO entities SELECT id, label, data FROM temp.new_entities "
                 "ORDER BY id")
    created = conn.total_changes - before
    to_index = {i for i, *_ in changed}
    to_add = sorted((e for e in entities if e.id not in existing or e.id in to_index),
                    key=lambda e: e.id)
    # Each bigram's new ids, in id order (the entities are): bound as one JSON array per
    # bigram, which SQLite spreads into rows already in the table's key order, so it neither
    # sorts 24 rows an entity nor binds them one by one (the bigrams took a third of a first
    # load's CPU time as one array per entity, sorted by SQLite).
    postings: defaultdict[str, list[str]] = defaultdict(list)
    odd: list[tuple[str, str]] = []  # (an id json_each cannot carry: its text stops at a NUL)
    for chunk in db.chunks(to_add, _ENTITY_CHUNK):
        keys: list[tuple[str, str]] = []
        for e in chunk:
            if e.label in _EXCLUDED:
                continue
            keys += ((k, e.id) for k in entity_keys(e))
            if "\x00" in e.id:
                odd += ((g, e.id) for g in entity_grams(e))
                continue
            for g in entity_grams(e):
                postings[g].append(e.id)
        conn.executemany("INSERT INTO temp.new_keys VALUES (?, ?)", keys)
    conn.execute("INSERT OR IGNORE INTO lookup_keys SELECT key, id FROM temp.new_keys "
                 "ORDER BY key, id")
    conn.executemany("INSERT INTO temp.new_postings VALUES (?, ?)",
                     [(g, db.json_ids(postings[g])) for g in sorted(postings)])
    conn.execute("INSERT OR IGNORE INTO bigrams SELECT g.gram, j.value FROM temp.new_postings "
                 "g, json_each(g.ids) j")
    conn.executemany("INSERT OR IGNORE INTO bigrams VALUES (?, ?)", sorted(odd))

    # Which endpoints a walk may pass: the labels the load gives, else the store's.
    labels = {e.id: e.label for e in entities}
    _walkable(conn, (i for r in relations for i in (r.start, r.end)), labels)
    walkable = {i for i, label in labels.items() if label not in _EXCLUDED}
    if relations and conn.execute("SELECT 1 FROM relations LIMIT 1").fetchone() is None:
        created_rels, updated_rels = _first_relations(conn, relations, walkable, progress,
                                                      done, total)
    else:
        created_rels, updated_rels = _more_relations(conn, relations, walkable, progress,
                                                     done, total)
    for entity_id in relabelled:
        _rewalk(conn, entity_id)
    _stage(conn)  # (frees the staged rows)
    if progress:
        progress(total, total)
    return LoadSummary(created, len(changed), created_rels, updated_rels)


def _more_relations(conn: sqlite3.Connection, relations: list[Relation], walkable: set[str],
                    progress: Progress | None, done: int, total: int) -> tuple[int, int]:
    """Upsert relations into a table that holds some: staged, then merged in key order.
    (created, changed); the walkable ones' pairs join the adjacency."""
    for rchunk in db.chunks(relations, _RELATION_CHUNK):
        conn.executemany("INSERT INTO temp.new_relations VALUES (?, ?, ?, ?, ?, ?)",
                         [(*db.relation_row(r), r.start != r.end and r.start in walkable
                           and r.end in walkable) for r in rchunk])
        done += len(rchunk)
        if progress:
            progress(done, total)
    (updated_rels,) = conn.execute(
        "SELECT COUNT(*) FROM temp.new_relations n JOIN relations r ON r.start_id = n.start_id "
        "AND r.end_id = n.end_id AND r.type = n.type AND r.source = n.source "
        "WHERE r.data != n.data").fetchone()
    # Into a table that holds fewer relations than the load brings (the bundled data under a
    # user's big load), the index on the end is built once, after (a sort), rather than
    # grown row by row. (The count stops at the load's size.)
    (held,) = conn.execute("SELECT COUNT(*) FROM (SELECT 1 FROM relations LIMIT ?)",
                           (len(relations),)).fetchone()
    rebuild = held < len(relations)
    if rebuild:
        conn.execute("DROP INDEX IF EXISTS relations_by_end")
    before = conn.total_changes
    conn.execute(f"{_UPSERT_RELATION} SELECT start_id, end_id, type, source, data "
                 "FROM temp.new_relations WHERE true ORDER BY start_id, end_id, type, source "
                 f"{_ON_CONFLICT}")
    created_rels = conn.total_changes - before - updated_rels
    if rebuild:
        conn.execute("CREATE INDEX IF NOT EXISTS relations_by_end ON relations (end_id)")
    conn.execute(_NEW_ADJACENCY)
    return created_rels, updated_rels


def _first_relations(conn: sqlite3.Connection, relations: list[Relation], walkable: set[str],
                     progress: Progress | None, done: int, total: int) -> tuple[int, int]:
    """The relations of a first load (the table is empty): bound straight into the table in
    key order, without staging (sorted in Python, on one text key whose order is the
    primary key's), the index on the end built after; the adjacency bound as one array of
    neighbours per node, in key order, rather than read back and sorted. (created, 0)."""
    conn.execute("DROP INDEX IF EXISTS relations_by_end")
    before = conn.total_changes
    for chunk in db.chunks(sorted(relations, key=_key_text), _RELATION_CHUNK):
        conn.executemany(f"{_UPSERT_RELATION} VALUES (?, ?, ?, ?, ?) {_ON_CONFLICT}",
                         [db.relation_row(r) for r in chunk])
        done += len(chunk)
        if progress:
            progress(done, total)
    created = conn.total_changes - before
    conn.execute("CREATE INDEX IF NOT EXISTS relations_by_end ON relations (end_id)")
    # The adjacency as one JSON array of neighbours per node, in key order, which SQLite
    # spreads into rows already in the table's order (as the bigrams): reading the pairs
    # back from the table and its index cost more than the relations' insert.
    nul = {i for i in walkable if "\x00" in i}  # (json_each's text stops at a NUL)
    plain = walkable - nul if nul else walkable
    neighbours: defaultdict[str, list[str]] = defaultdict(list)
    for r in relations:
        a, b = r.start, r.end
        if a != b and a in plain and b in plain:
            neighbours[a].append(b)
            neighbours[b].append(a)
    conn.executemany("INSERT INTO temp.new_neighbours VALUES (?, ?)",
                     [(a, db.json_ids(sorted(set(neighbours[a])))) for a in sorted(neighbours)])
    conn.execute("INSERT OR IGNORE INTO adjacency SELECT n.a, j.value FROM "
                 "temp.new_neighbours n, json_each(n.ids) j")
    if nul:
        conn.executemany("INSERT OR IGNORE INTO adjacency VALUES (?, ?)", sorted(
            {p for r in relations if r.start != r.end and r.start in walkable
             and r.end in walkable and (r.start in nul or r.end in nul)
             for p in ((r.start, r.end), (r.end, r.start))}))
    return created, 0


def _key_text(r: Relation) -> str:
    """A relation's primary key in the table as one text that sorts as the key does (SQLite
    compares text by UTF-8 bytes, which is Python's code point order; NUL sorts first)."""
    return f"{r.start}\x00{r.end}\x00{r.type}\x00{r.source}"


def _walkable(conn: sqlite3.Connection, ids: Iterable[str], labels: dict[str, str]) -> None:
    """Fill `labels` with the label of every id not in it yet (read from the store)."""
    missing = sorted({i for i in ids if i not in labels})
    labels.update(_rows_by_id(conn, "entities", "label", missing))


def _walkable_pairs(conn: sqlite3.Connection, pairs: list[tuple[str, str]],
                    labels: dict[str, str]) -> list[tuple[str, str]]:
    """Both directions of each walkable pair: no self loops, no sources."""
    _walkable(conn, (i for p in pairs for i in p), labels)
    out: list[tuple[str, str]] = []
    for a, b in pairs:
        if a != b and labels.get(a, "Source") not in _EXCLUDED \
                and labels.get(b, "Source") not in _EXCLUDED:
            out += ((a, b), (b, a))
    return out


def _add_adjacency(conn: sqlite3.Connection, pairs: list[tuple[str, str]],
                   labels: dict[str, str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO adjacency VALUES (?, ?)",
                     sorted(set(_walkable_pairs(conn, pairs, labels))))


def _rewalk(conn: sqlite3.Connection, entity_id: str) -> None:
    """Redo an entity's walkable neighbours after its label moved in or out of the sources."""
    others = [b for (b,) in conn.execute("SELECT b FROM adjacency WHERE a = ?", (entity_id,))]
    conn.execute("DELETE FROM adjacency WHERE a = ?", (entity_id,))
    conn.executemany("DELETE FROM adjacency WHERE a = ? AND b = ?",
                     [(b, entity_id) for b in others])
    pairs = conn.execute("SELECT start_id, end_id FROM relations WHERE start_id = ? "
                         "UNION SELECT start_id, end_id FROM relations WHERE end_id = ?",
                         (entity_id, entity_id)).fetchall()
    _add_adjacency(conn, pairs, {})


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
