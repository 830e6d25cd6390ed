"""The embedded store's search candidates (name_candidates, name_keys): entity ids ranked by
how many of a query's bigrams they share, most first, then by id (graph.store's
rank_candidates), a page of that order at a time.

Reading every row of every bigram and grouping them costs what the commonest bigram costs: a
pinyin query such as "jiacheng" has seven Latin bigrams ("ji", "ng", …) that 1M entities
hold about 2M times, although its answer is a few hundred entities that hold all seven. So
the candidates are read rarest bigram first: an entity sharing at least k of the query's n
bigrams holds one of its n - k + 1 rarest, so once those bigrams' entities are counted (each
count a few index lookups), every entity sharing k or more is known. The levels go down one
bigram at a time until the page is full or `min_shared` is reached. When the bigrams that
would have to be read are common (their rows, times the lookups each costs, outweigh reading
all the query's rows), the whole read is made instead, as before. Both give the same page.
"""

from __future__ import annotations

import sqlite3

from graph import sqlite_schema as db
from graph.store import rank_candidates

# Bigram rows are counted up to this many each (a bigram with more is "common": it is never
# read level by level, and its count need not be exact).
_COUNT_CAP = 65536
# A level read costs about this many times what one row of the whole read costs, per row of
# its bigram and per lookup (the query's bigrams, the label and the bigrams read before).
_LEVEL_COST = 1.0
# How much more a level read may cost than the whole read's rows before the whole read is
# preferred (the whole read also sorts and groups them).
_WHOLE_COST = 2.0


def ranked_ids(conn: sqlite3.Connection, wanted: list[str], label: str | None, limit: int,
               offset: int, min_shared: int = 1) -> list[str]:
    """The ids sharing at least `min_shared` of the `wanted` bigrams (distinct, sorted), of
    `label` if given, in rank_candidates' order: `limit` of them after the first `offset`."""
    offset = max(offset, 0)
    min_shared = max(min_shared, 1)
    n = len(wanted)
    if not wanted or limit <= 0 or min_shared > n:
        return []
    if limit > 0 and n <= db.CHUNK:
        levels = _by_levels(conn, wanted, label, offset + limit, min_shared)
        if levels is not None:
            return levels[offset:]
    return _whole(conn, wanted, label, limit, offset, min_shared)


def _sizes(conn: sqlite3.Connection, wanted: list[str]) -> dict[str, int]:
    """Each bigram's rows, counted up to _COUNT_CAP."""
    sql = "SELECT COUNT(*) FROM (SELECT 1 FROM bigrams WHERE gram = ? LIMIT ?)"
    return {g: conn.execute(sql, (g, _COUNT_CAP)).fetchone()[0] for g in wanted}


def _by_levels(conn: sqlite3.Connection, wanted: list[str], label: str | None, need: int,
               min_shared: int) -> list[str] | None:
    """The first `need` of the order, read rarest bigram first (module docstring); None when
    that would cost more than the whole read."""
    n = len(wanted)
    sizes = _sizes(conn, wanted)
    order = sorted(wanted, key=lambda g: (sizes[g], g))
    whole = sum(sizes.values())  # (at least what the whole read reads)
    marks = db.marks(n)
    by_label = "" if label is None else " AND e.label = ?"
    join = "" if label is None else " JOIN entities e ON e.id = b.id"
    shared: dict[str, int] = {}
    read = 0
    for j, gram in enumerate(order[:n - min_shared + 1]):
        read += sizes[gram] * (n + 1 + j) * _LEVEL_COST
        if sizes[gram] >= _COUNT_CAP or read > _WHOLE_COST * whole:
            return None
        # this bigram's entities not counted yet (not holding a rarer one), with how many
        # of the query's bigrams each holds (one index lookup a bigram)
        before = order[:j]
        not_read = ("" if not before else " AND NOT EXISTS (SELECT 1 FROM bigrams p WHERE "
                    f"p.gram IN ({db.marks(len(before))}) AND p.id = b.id)")
        shared.update(conn.execute(
            f"SELECT b.id, (SELECT COUNT(*) FROM bigrams c WHERE c.gram IN ({marks}) "
            f"AND c.id = b.id) FROM bigrams b{join} WHERE b.gram = ?{by_label}{not_read}",
            [*wanted, gram, *([] if label is None else [label]), *before]))
        # every id sharing `level` or more bigrams is counted now
        level = n - j
        known = {i: k for i, k in shared.items() if k >= max(level, min_shared)}
        if len(known) >= need or level <= min_shared:
            return rank_candidates(known, need)
    return None  # (not reached: the last level is min_shared)


def _whole(conn: sqlite3.Connection, wanted: list[str], label: str | None, limit: int,
           offset: int, min_shared: int) -> list[str]:
    """Every row of the query's bigrams, grouped by id."""
    by_label = [] if label is None else [label]
    join = "" if label is None else " JOIN entities e ON e.id = b.id AND e.label = ?"
    if len(wanted) <= db.CHUNK:
        # Ranked by SQLite (rank_candidates' order: most shared first, then by id; text
        # compares by code point in both): only `limit` rows reach Python, however many
        # entities share a common bigram such as "an" or "ng".
        return [i for (i,) in conn.execute(
            f"SELECT b.id FROM bigrams b{join} WHERE b.gram IN ({db.marks(len(wanted))}) "
            "GROUP BY b.id HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC, b.id LIMIT ? OFFSET ?",
            [*by_label, *wanted, min_shared, limit, offset])]
    shared: dict[str, int] = {}
    for chunk in db.chunks(wanted):
        for entity_id, k in conn.execute(
                f"SELECT b.id, COUNT(*) FROM bigrams b{join} WHERE b.gram IN "
                f"({db.marks(len(chunk))}) GROUP BY b.id", [*by_label, *chunk]):
            shared[entity_id] = shared.get(entity_id, 0) + k
    kept = {i: k for i, k in shared.items() if k >= min_shared}
    return rank_candidates(kept, offset + limit)[offset:]
