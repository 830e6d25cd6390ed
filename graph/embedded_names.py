"""The embedded store's search candidates (name_candidates, name_keys): entity ids ranked by
how many of a query's bigrams they share, most first, then by id (graph.store's
rank_candidates), a page of that order at a time.

Reading every row of every bigram and grouping them costs what the commonest bigram costs: a
pinyin query such as "jiacheng" has seven Latin bigrams ("ji", "ng", …) that 1M entities
hold about 2M times, although its answer is a few hundred entities that hold all seven. So
the candidates are read level by level, rarest bigram first ("seeds"):

- an entity sharing at least k of the query's n bigrams holds one of its n - k + 1 rarest;
- at level k, the entities of the first n - k seeds are counted in full (a few index lookups
  each), and those of the last seed that hold none of the seeds before it must hold every
  bigram after it (they miss n - k already): a chain of lookups that most fail at the first;
- so every entity sharing k or more is known, with its count; the levels go down until the
  page is full or `min_shared` is reached.

Which bigrams are rarest is found by counting their rows a step at a time, in turn, until
the rarest one left is known: a common bigram is never counted whole. When the seeds are
common enough that their rows and lookups would cost more than reading all the query's rows,
the whole read is made instead, as before. Both give the same page.
"""

from __future__ import annotations

import sqlite3

from graph import sqlite_schema as db
from graph.store import rank_candidates

# Bigram rows are counted this many at a time, each of the query's bigrams in turn, only
# until the rarest one left is known (so a common bigram is never counted whole).
_COUNT_STEP = 16384
# What a counted row and an index lookup cost, in rows of the whole read (its rows read,
# grouped and sorted): measured on the 1M-entity synthetic graph (0.11, 0.9 and 0.33 µs).
_COUNT_COST = 0.33
_LOOKUP = 2.7
# How much a level read may cost against the whole read before the whole read is preferred.
_WHOLE_COST = 1.0


def ranked_ids(conn: sqlite3.Connection, wanted: list[str], label: str | None, limit: int,
               offset: int, min_shared: int = 1) -> list[str]:
    """The ids sharing at least `min_shared` of the `wanted` bigrams (distinct, sorted), of
    `label` if given, in rank_candidates' order: `limit` of them after the first `offset`."""
    offset = max(offset, 0)
    min_shared = max(min_shared, 1)
    n = len(wanted)
    if not wanted or limit <= 0 or min_shared > n:
        return []
    if n <= db.CHUNK:
        levels = _Levels(conn, wanted, label).ranked(offset + limit, min_shared)
        if levels is not None:
            return levels[offset:]
    return _whole(conn, wanted, label, limit, offset, min_shared)


class _Levels:
    """The order's first ids read level by level, rarest bigram first (module docstring)."""

    def __init__(self, conn: sqlite3.Connection, wanted: list[str], label: str | None) -> None:
        self.conn, self.wanted, self.label = conn, wanted, label
        self.counted = dict.fromkeys(wanted, 0)  # rows counted so far (all of them if done)
        self.last: dict[str, str | None] = dict.fromkeys(wanted)  # the last id counted
        self.done: set[str] = set()
        self.order: list[str] = []  # the rarest first, as far as they are known
        self.cost = 0.0  # rows and lookups read so far

    def _rarest(self) -> str:
        """The rarest bigram not in `order` yet, counting rows of those left a step at a
        time until one is done and no other can have fewer."""
        left = [g for g in self.wanted if g not in self.order]
        while True:
            done = [g for g in left if g in self.done]
            if done:
                best = min(done, key=lambda g: (self.counted[g], g))
                if all(self.counted[g] >= self.counted[best] for g in left if g != best):
                    return best
            floor = min((self.counted[g] for g in done), default=None)
            for g in left:
                if g not in self.done and (floor is None or self.counted[g] < floor):
                    self._count(g)

    def _count(self, gram: str) -> None:
        after = self.last[gram]
        k, last = self.conn.execute(
            "SELECT COUNT(*), MAX(id) FROM (SELECT id FROM bigrams WHERE gram = ?"
            + ("" if after is None else " AND id > ?") + " ORDER BY id LIMIT ?)",
            (gram, _COUNT_STEP) if after is None else (gram, after, _COUNT_STEP)).fetchone()
        self.counted[gram] += k
        self.cost += k * _COUNT_COST
        if k < _COUNT_STEP:
            self.done.add(gram)
        else:
            self.last[gram] = last

    def _seed(self, j: int) -> str:
        while len(self.order) <= j:
            self.order.append(self._rarest())
        return self.order[j]

    def _affordable(self, work: float) -> bool:
        """Whether reading `work` more (in rows of the whole read) keeps the level read
        within _WHOLE_COST of the whole read. The whole read's rows are at least those
        counted: while that bound says no, the bigrams not counted whole are counted further
        (a counted row costs a third of a grouped one), until it says yes or they are."""
        self.cost += work
        while self.cost > _WHOLE_COST * sum(self.counted.values()):
            left = [g for g in self.wanted if g not in self.done]
            if not left:
                return False
            for g in left:
                self._count(g)
        return True

    def ranked(self, need: int, min_shared: int) -> list[str] | None:
        """The first `need` ids of the order sharing at least `min_shared`, or None when
        the levels would cost more than the whole read."""
        n = len(self.wanted)
        shared: dict[str, int] = {}  # the entities of the seeds counted in full: their counts
        full = 0  # how many seeds are counted in full
        for level in range(n, min_shared - 1, -1):
            last = n - level  # the level's last seed: its entities must hold all the rest
            rest = self._after(last)
            # (a seed counted in full: a lookup per bigram after it, and per seed before it;
            # a chain's rows mostly fail at their first or second lookup)
            if not self._affordable(sum(self.counted[self.order[j]] * (1 + _LOOKUP * (n - 1))
                                        for j in range(full, last))
                                    + self.counted[self.order[last]] * (1 + _LOOKUP * (
                                        last + 1.5))):
                return None
            while full < last:  # an earlier seed's entities may miss some: counted in full
                later = self._after(full)
                count = "1" if not later else (
                    f"1 + (SELECT COUNT(*) FROM bigrams c WHERE c.gram IN "
                    f"({db.marks(len(later))}) AND c.id = b.id)")
                shared.update(self._select(full, f"b.id, {count}", later, "", []))
                full += 1
            holds = "".join(" AND EXISTS (SELECT 1 FROM bigrams c WHERE c.gram = ? AND "
                            "c.id = b.id)" for _ in rest)
            known = {i: k for i, k in shared.items() if k >= level}
            known.update((i, level) for (i,) in self._select(last, "b.id", [], holds, rest))
            if len(known) >= need or level <= min_shared:
                return rank_candidates(known, need)
        return None  # (not reached: the last level is min_shared)

    def _after(self, j: int) -> list[str]:
        """The bigrams after seed j (found first), rarest first as far as counted."""
        seeds = self.order[:j + 1] if len(self.order) > j else [
            self._seed(i) for i in range(j + 1)]
        return sorted((g for g in self.wanted if g not in seeds),
                      key=lambda g: (self.counted[g], g))

    def _select(self, j: int, select: str, select_params: list[str], where: str,
                where_params: list[str]) -> list[tuple[str, ...]]:
        """`select` of seed j's entities that hold none of the seeds before it, meet `where`
        and are of the label."""
        before = self.order[:j]
        sql = f"SELECT {select} FROM bigrams b WHERE b.gram = ?{where}"
        if before:
            sql += (" AND NOT EXISTS (SELECT 1 FROM bigrams p WHERE p.gram IN "
                    f"({db.marks(len(before))}) AND p.id = b.id)")
        if self.label is not None:
            sql += " AND (SELECT label FROM entities e WHERE e.id = b.id) = ?"
        return self.conn.execute(sql, [*select_params, self.order[j], *where_params, *before,
                                       *([] if self.label is None else [self.label])]
                                 ).fetchall()


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
