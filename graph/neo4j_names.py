"""The Neo4j store's name reads: search candidates by the full-text bigram index, a page at a
time (queries/search.py), or a few levels at once through the characters index where a
candidate needs more of the query's characters than its bigrams imply; and the one-off
indexing of entities loaded before the indexes (their bigrams) or before the characters
index (their characters, with a message). A mixin of graph/neo4j_store.Neo4jStore, which
supplies `_read`, `driver`, `database`, `where` and the `_name_index` / `_name_chars`
caches; kept apart so that file stays readable."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph import cypher, cypher_names
from graph.model import Entity
from graph.names import entity_grams, entity_keys, lookup_keys
from graph.neo4j_errors import driver_errors
from graph.neo4j_rows import chars_of, grams_of, to_entity
from graph.store import NameKeys, rank_candidates

if TYPE_CHECKING:
    from neo4j import Driver

GRAMS_BATCH_ROWS = 10_000  # entities given their name grams per transaction (index_names)


class NameReads:
    """name_candidates, name_keys, name_keys_reaching, name_index_ready, index_names."""

    driver: Driver
    database: str | None
    where: str
    _name_index: bool | None
    _name_chars: bool | None

    def _read(self, query: str, **params: Any) -> list[Any]:  # Neo4jStore's
        raise NotImplementedError

    def all_entities(self) -> list[Entity]:  # Neo4jStore's
        raise NotImplementedError

    def name_candidates(self, grams: Iterable[str], label: str | None,
                        limit: int, offset: int = 0) -> list[Entity]:
        wanted = sorted(set(grams))
        offset = max(offset, 0)
        if not wanted or limit <= 0:
            return []
        if not self.name_index_ready():  # loaded before the name indexes: scan
            found = {e.id: e for e in self.all_entities() if label is None or e.label == label}
            shared = {i: n for i, e in found.items()
                      if (n := len(set(wanted) & entity_grams(e)))}
            return [found[i] for i in rank_candidates(shared, offset + limit)[offset:]]
        records = self._read(cypher_names.NAME_CANDIDATES, queries=cypher.lucene_terms(wanted),
                             grams=wanted, label=label, limit=limit, offset=offset,
                             min_shared=1)
        found = {r["node"]["id"]: to_entity(r["node"], r["label"]) for r in records}
        # ranked again here: Python's order of ids, whatever the server's collation
        shared = {r["node"]["id"]: r["shared"] for r in records}
        return [found[i] for i in rank_candidates(shared, limit)]

    def name_keys(self, grams: Iterable[str], label: str | None, limit: int,
                  offset: int = 0, min_shared: int = 1) -> list[NameKeys]:
        wanted = sorted(set(grams))
        offset = max(offset, 0)
        if not wanted or limit <= 0:
            return []
        if not self.name_index_ready():
            return [NameKeys(e.id, e.name, entity_keys(e))
                    for e in self.name_candidates(wanted, label, limit, offset)
                    if len(set(wanted) & entity_grams(e)) >= min_shared]
        return self._name_keys(wanted, label, limit, offset, min_shared)[1]

    def name_keys_reaching(self, grams: Iterable[str], label: str | None, limit: int,
                           offset: int, min_shared: int, query: str, floor: float,
                           down_to: int) -> tuple[int, int, list[NameKeys]]:
        """name_keys' page (or, where the candidates sharing `min_shared` grams cost no
        less to find than all of those sharing `down_to`, the page of those), less the
        candidates none of whose keys (nor normalised id) may score `floor` for `query` by
        the characters of it they hold and their length (queries.search.most_by_chars):
        those are sent no further. Returns how many candidates the page held (its offset's
        next), the least shared grams it was read down to, and the candidates sent. `query`
        has no character beyond the BMP (Cypher splits one in two)."""
        wanted = sorted(set(grams))
        offset = max(offset, 0)
        if cypher_names.lucene_at_least(wanted, min_shared) is None:  # every level ranks them all
            min_shared = min(min_shared, down_to)
        if not wanted or limit <= 0:
            return 0, min_shared, []
        if not self.name_index_ready():
            found = self.name_keys(wanted, label, limit, offset, min_shared)
            return len(found), min_shared, found
        reaching = {"counts": sorted([c, query.count(c)] for c in set(query)),
                    "length": len(query), "floor": floor}
        by_chars = self._char_levels(wanted, label, limit, offset, (min_shared, down_to),
                                     query, reaching)
        if by_chars is not None:
            return by_chars
        size, found = self._name_keys(wanted, label, limit, offset, min_shared, reaching)
        return size, min_shared, found

    def _char_levels(self, wanted: list[str], label: str | None, limit: int, offset: int,
                     levels: tuple[int, int], query: str, reaching: dict[str, Any]
                     ) -> tuple[int, int, list[NameKeys]] | None:
        """name_keys_reaching's answer read through the characters index (cypher_names.
        char_level_query): every level from `levels` (min_shared, down_to) down to
        down_to at once (or min_shared alone), or None where that cannot give it, or would
        not read less: the offset is not all that shares more, the levels do not fit in
        the page, no exact Lucene query counts them, or the characters a candidate needs
        (least_chars) are not more than its grams imply or than the query's ASCII ones."""
        need = cypher_names.least_chars(query, reaching["floor"])
        top, down_to = levels
        units = cypher_names.char_units(query)
        if need is None or need < top + 2 or not self.name_chars_ready():
            return None
        if need <= sum(u.isascii() for u in units):
            # Latin letters (and digits) are in most names: a node may hold `need` of the
            # query's characters with those alone, so the index would match most of the
            # graph (a pinyin query at 1M: ~70% of it, seconds); the level is read as usual
            return None
        char_lucene = cypher_names.lucene_at_least(units, need)
        above = cypher_names.exact_at_least(wanted, top + 1) if top < len(wanted) else ""
        lowest = next((k for k in range(min(down_to, top), top + 1) if need >= k + 2
                       and cypher_names.exact_at_least(wanted, k) is not None), None)
        if char_lucene is None or above is None or lowest is None:
            return None
        params = {"grams": wanted, "label": label, "limit": limit, "offset": offset,
                  "top": top, "lowest": lowest, "char_lucene": char_lucene,
                  "lucene": cypher_names.exact_at_least(wanted, lowest),
                  **reaching, **({"above": above} if above else {})}
        page = self._read(cypher_names.char_level_query(bool(above)), **params)[0]
        if page["higher"] != offset or page["total"] > offset + limit:
            return None
        return page["total"] - offset, lowest, self._keys(page["rows"], limit)

    def _keys(self, records: list[Any], limit: int) -> list[NameKeys]:
        found = {r["id"]: NameKeys(r["id"], r["name"] or "", tuple(r["keys"] or ())
                                   or tuple(lookup_keys(r["name"] or "", r["name_en"] or "",
                                                        r["aliases"] or ())))
                 for r in records}
        # ranked again here: Python's order of ids, whatever the server's collation
        return [found[i] for i in rank_candidates(
            {r["id"]: r["shared"] for r in records}, limit)]

    def _name_keys(self, wanted: list[str], label: str | None, limit: int, offset: int,
                   min_shared: int, reaching: dict[str, Any] | None = None
                   ) -> tuple[int, list[NameKeys]]:
        at_least = cypher_names.lucene_at_least(wanted, min_shared) if min_shared >= 2 else None
        params: dict[str, Any] = {"grams": wanted, "label": label, "limit": limit,
                                  "offset": offset, "min_shared": min_shared}
        if at_least is not None:  # only what holds enough grams: not every common bigram's
            params["lucene"] = at_least
        else:
            params["queries"] = cypher.lucene_terms(wanted)
        if reaching is None:
            records = self._read(cypher_names.NAME_KEYS_AT_LEAST if at_least is not None
                                 else cypher_names.NAME_CANDIDATE_KEYS, **params)
            read = len(records)
        else:
            page = self._read(cypher_names.NAME_KEYS_AT_LEAST_REACHING if at_least is not None
                              else cypher_names.NAME_KEYS_REACHING, **params, **reaching)[0]
            read, records = page["read"], page["rows"]
        return read, self._keys(records, limit)

    def name_index_ready(self) -> bool:
        """Do the name indexes cover every entity? Asked once per store (a load sets it)."""
        if self._name_index is None:
            records = self._read(cypher.NAME_INDEX_READY)
            self._name_index = bool(records and records[0]["ready"])
        return self._name_index

    def name_chars_ready(self) -> bool:
        """Does every entity carry its characters (cypher.CHARS)? Asked once per store."""
        if self._name_chars is None:
            records = self._read(cypher_names.NAME_CHARS_READY)
            self._name_chars = bool(records and records[0]["ready"])
        return self._name_chars

    def index_names(self) -> None:
        """Create the name indexes, give entities loaded before them their grams, and say
        so in the metadata (once per database: later loads write the grams themselves)."""
        with driver_errors(self.where):
            for statement in cypher.NAME_INDEXES:
                self.driver.execute_query(statement, database_=self.database)
            self.driver.execute_query("CALL db.awaitIndexes(600)", database_=self.database)
            if not self.name_index_ready():
                self._give_grams()
            if not self.name_chars_ready():
                self._give_chars()

    def _give_grams(self) -> None:
        with driver_errors(self.where):
            while True:
                records, _, _ = self.driver.execute_query(
                    cypher.WITHOUT_GRAMS, limit=GRAMS_BATCH_ROWS, database_=self.database)
                if not records:
                    break
                rows = [[r["id"], sorted(grams_of(r["id"], r["keys"] or ()))]
                        for r in records]
                self.driver.execute_query(cypher.SET_GRAMS, rows=rows,
                                          database_=self.database)
            self.driver.execute_query(
                cypher.SET_META, rows=[{"key": cypher.NAME_INDEX_META,
                                        "value": cypher.NAME_INDEX_VERSION}],
                database_=self.database)
        self._name_index = True

    def _give_chars(self) -> None:
        """Give the entities indexed before cypher.CHARS their characters, once, saying so
        (a load of a new database gives them with the rows: nothing to say then)."""
        given = 0
        with driver_errors(self.where):
            while True:
                records, _, _ = self.driver.execute_query(
                    cypher_names.WITHOUT_CHARS, limit=GRAMS_BATCH_ROWS, database_=self.database)
                if not records:
                    break
                if not given:
                    print("estuary: giving the Neo4j name index the characters of every "
                          "entity's names (once; minutes per million entities)",
                          file=sys.stderr)
                rows = [[r["id"], sorted(chars_of(r["id"], r["keys"] or lookup_keys(
                    r["name"] or "", r["name_en"] or "", r["aliases"] or ())))]
                        for r in records]
                self.driver.execute_query(cypher_names.SET_CHARS, rows=rows,
                                          database_=self.database)
                given += len(rows)
            self.driver.execute_query(
                cypher.SET_META, rows=[{"key": cypher.NAME_CHARS_META,
                                        "value": cypher.NAME_CHARS_VERSION}],
                database_=self.database)
        if given:
            print(f"estuary: {given} entities given their characters", file=sys.stderr)
        self._name_chars = True
