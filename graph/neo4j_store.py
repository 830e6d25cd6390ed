"""The Neo4j store: the same primitives as the embedded store, each answered in Cypher.

One driver, created in `connect` and passed in; driver types never leave this module (and its
name reads, graph/neo4j_names.py; graph/neo4j_load.py, graph/neo4j_errors.py). Reads are
routed as reads; every driver failure becomes one StoreError line naming the server without
credentials. Loads are sized by memory and all or nothing as users see it
(graph/neo4j_load.py); a store with an interrupted load refuses to answer until it is resumed
or rolled back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph import cypher, cypher_load, walks
from graph.cypher_guard import refusal
from graph.follow import Follow, follows, is_plain
from graph.model import Entity, Relation, sort_relations
from graph.names import normalize
from graph.neo4j_connect import open_checked_driver, require_version  # noqa: F401
from graph.neo4j_errors import (
    describe,
    driver_errors,
    is_out_of_memory,
    one_line,
)
from graph.neo4j_load import Loader
from graph.neo4j_names import NameReads
from graph.neo4j_rows import plain, to_entity, to_relation
from graph.schema import LABELS, REL_TYPES
from graph.store import (
    MAX_PATHS,
    TRAVERSAL_EXCLUDED_LABELS,
    LoadSummary,
    Progress,
    StoreError,
    TooManyPaths,
    path_sort_key,
    simple_paths_from_halves,
)

if TYPE_CHECKING:
    from neo4j import Driver

    from graph.bundle import Bundle
    from graph.settings import StoreSettings

# Deleting holds more transaction memory than loading: an unload of more rows than this
# commits batch by batch (issue 13).
UNLOAD_ONE_TRANSACTION = 20_000
UNLOAD_BATCH_ROWS = 5_000

def _batches(rows: list[Any], size: int) -> list[list[Any]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


class Neo4jStore(NameReads):
    """A graph in Neo4j, reached over Bolt."""

    kind = "neo4j"

    def __init__(self, driver: Driver, database: str | None, location: str,
                 where: str | None = None) -> None:
        self.driver = driver
        self.database = database
        self.location = location  # the URI without credentials (+ /database)
        self.where = where or f"Neo4j at {location}"
        self._name_index: bool | None = None  # see name_index_ready
        self._name_chars: bool | None = None  # see name_chars_ready
        # The entities at the ends of the relations relations_of just read, for the one
        # entities() call right after it (any other call of this store drops them).
        self._ends: dict[str, Entity] = {}

    def _loader(self, progress: Progress | None = None) -> Loader:
        return Loader(self.driver, self.database, self.where, progress)

    # -- connecting ---------------------------------------------------------------------------

    @classmethod
    def connect(cls, settings: StoreSettings, *, interrupted_ok: bool = False) -> Neo4jStore:
        """Open a driver and check the server: reachable, credentials, database, version, and
        no interrupted load (unless `interrupted_ok`, for resuming or rolling it back)."""
        driver, database, location, where = open_checked_driver(settings)
        store = cls(driver, database, location, where)
        if not interrupted_ok:
            try:
                with driver_errors(where):
                    pending = store._loader().pending_message()
                if pending:
                    raise StoreError(pending)
            except StoreError:
                driver.close()
                raise
        return store

    def close(self) -> None:
        self.driver.close()

    def _read(self, query: str, **params: Any) -> list[Any]:
        import neo4j

        self._ends = {}
        with driver_errors(self.where):
            records, _, _ = self.driver.execute_query(
                query, params, database_=self.database, routing_=neo4j.RoutingControl.READ)
        return records

    # -- writing ------------------------------------------------------------------------------

    def ensure_constraints(self) -> None:
        self._ends = {}
        with driver_errors(self.where):
            for statement in (*cypher.CONSTRAINTS, *cypher_load.LOAD_CONSTRAINTS):
                self.driver.execute_query(statement, database_=self.database)
        self._name_index = self._name_chars = None  # (the database may have been emptied)
        self.index_names()

    def bundled_digest(self) -> str | None:
        records = self._read(cypher.GET_META, key="bundled_digest")
        return records[0]["value"] if records else None

    def load(self, bundle: Bundle, progress: Progress | None = None,
             meta: dict[str, str] | None = None) -> LoadSummary:
        """Upsert in batches sized by the server's transaction memory, all or nothing as
        users see it: one transaction if it fits, else under a load marker."""
        self.ensure_constraints()
        return self._loader(progress).load(bundle, meta)

    def interrupted_load(self) -> str | None:
        """One line about a load that is running or was interrupted, or None."""
        with driver_errors(self.where):
            return self._loader().pending_message()

    def resume_load(self, bundle: Bundle, progress: Progress | None = None,
                    meta: dict[str, str] | None = None) -> LoadSummary:
        """Finish an interrupted load of the same bundle from where it stopped (writing
        `meta` at the end, as the load would have)."""
        self.ensure_constraints()
        return self._loader(progress).resume(bundle, meta)

    def rollback_load(self) -> str:
        """Undo an interrupted load, leaving the graph as before it; returns the load's id."""
        self._ends = {}
        return self._loader().rollback()

    def meta_items(self, prefix: str) -> dict[str, str]:
        """The store's metadata whose keys start with `prefix` (e.g. the load ledger)."""
        return {r["key"]: r["value"] for r in self._read(cypher.LIST_META, prefix=prefix)}

    def unload(self, relations: Iterable[tuple[str, str, str, str]], entities: Iterable[str],
               *, drop_meta: Iterable[str] = (), set_meta: dict[str, str] | None = None,
               ) -> tuple[int, list[str], list[str]]:
        """Remove these relations, then those of these entities that no relation uses any
        more, and update the metadata: in one transaction up to UNLOAD_ONE_TRANSACTION rows;
        a bigger unload (deleting holds more transaction memory than loading) commits batch
        by batch and updates the ledger last, so one that fails half way is finished by
        running it again. (relations removed, entities removed, entities kept)."""
        from neo4j import exceptions as nx

        self._ends = {}
        steps: list[tuple[str, str, dict[str, Any]]] = []  # (kind, query, params)
        by_type: dict[str, list[dict[str, str]]] = {}
        for rel_type, start, end, source in relations:
            by_type.setdefault(rel_type, []).append(
                {"start": start, "end": end, "source": source})
        for name in REL_TYPES:
            steps += [("relations", cypher.delete_relations(name), {"rows": rows})
                      for rows in _batches(by_type.get(name, []), UNLOAD_BATCH_ROWS)]
        ids = sorted(set(entities))
        steps += [("entities", cypher.DELETE_UNUSED_ENTITIES,
                   {"ids": ids[i:i + UNLOAD_BATCH_ROWS]})
                  for i in range(0, len(ids), UNLOAD_BATCH_ROWS)]
        if drop := list(drop_meta):
            steps.append(("meta", cypher.DELETE_META, {"keys": drop}))
        if set_meta:
            steps.append(("meta", cypher.SET_META,
                          {"rows": [{"key": k, "value": v} for k, v in set_meta.items()]}))

        def run(tx: Any, batch: list[tuple[str, str, dict[str, Any]]],
                ) -> tuple[int, list[str], list[str]]:
            removed, gone, kept = 0, [], []
            for kind, query, params in batch:
                result = tx.run(query, params)
                if kind == "relations":
                    removed += result.single()["n"]
                elif kind == "entities":
                    for record in result:
                        (kept if record["used"] else gone).append(record["id"])
                else:
                    result.consume()
            return removed, gone, kept

        rows = len(ids) + sum(len(v) for v in by_type.values())
        total: tuple[int, list[str], list[str]] = (0, [], [])
        try:
            with self.driver.session(database=self.database) as session:
                for batch in ([steps] if rows <= UNLOAD_ONE_TRANSACTION
                              else [[step] for step in steps]):
                    got = session.execute_write(run, batch)
                    total = (total[0] + got[0], total[1] + got[1], total[2] + got[2])
        except nx.Neo4jError as exc:
            raise StoreError(f"Neo4j could not unload: {exc.message}. Run the same unload "
                             "again to finish it") from None
        return total

    def run_cypher(self, query: str, params: dict[str, Any], *,
                   write: bool = False) -> tuple[list[str], list[list[Any]]]:
        """A user's Cypher: columns and rows. Without `write` it runs only if the server's
        plan says it only reads (graph/cypher_guard.py), and then in a read transaction."""
        import neo4j
        from neo4j import exceptions as nx

        self._ends = {}
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        try:
            with self.driver.session(database=self.database,
                                     default_access_mode=mode) as session:
                if not write:
                    summary = session.run("EXPLAIN " + query, params).consume()
                    why = refusal(summary.query_type, summary.plan,
                                  summary.database or self.database)
                    if why:
                        raise StoreError(f"refused in read-only mode: {why}")
                    # An explicit read transaction, not a managed one: the driver would
                    # retry a statement that ran out of memory for half a minute.
                    with session.begin_transaction() as tx:
                        result = tx.run(query, params)
                        keys = list(result.keys())
                        rows = [[plain(v) for v in record.values()] for record in result]
                        tx.commit()
                    return keys, rows
                # Auto-commit, so that CALL … IN TRANSACTIONS works too.
                result = session.run(query, params)
                keys = list(result.keys())
                return keys, [[plain(v) for v in record.values()] for record in result]
        except nx.Neo4jError as exc:
            hint = ""
            if exc.code and "AccessMode" in exc.code:
                hint = " (this query writes: add --write to allow it)"
            elif exc.code and "Administration" in exc.code and not write:
                hint = " (administration commands are refused in read-only mode)"
            if is_out_of_memory(exc):
                raise StoreError(describe(exc, self.where)) from None
            raise StoreError(f"Cypher failed: {one_line(exc.message)}{hint}") from None
        except (nx.DriverError, OSError) as exc:
            with driver_errors(self.where):
                raise exc from None
            raise

    # -- reading ------------------------------------------------------------------------------

    def label_of(self, entity_id: str) -> str | None:
        records = self._read(cypher.LABEL_OF, id=entity_id)
        return records[0]["label"] if records else None

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        wanted = sorted(set(ids))
        ends, self._ends = self._ends, {}
        if all(i in ends for i in wanted):  # (nothing asked: nothing to read either)
            # Read with the relations_of just before (the walks of links, show and related
            # ask next for the ends of the relations they read): no second round trip.
            return {i: ends[i] for i in wanted}
        records = self._read(cypher.ENTITIES, ids=wanted)
        return {r["node"]["id"]: to_entity(r["node"], r["label"]) for r in records}

    def find_by_key(self, key: str) -> list[Entity]:
        wanted = normalize(key)
        if wanted and self.name_index_ready():
            records = self._read(cypher.FIND_BY_KEY_INDEXED, id=key, key=wanted,
                                 terms=cypher.lucene_terms([wanted])[0])
        else:  # a database loaded before the name indexes: scan
            records = self._read(cypher.FIND_BY_KEY, id=key, key=wanted)
        return [to_entity(r["node"], r["label"]) for r in records]

    def all_entities(self) -> list[Entity]:
        return [to_entity(r["node"], r["label"]) for r in self._read(cypher.ALL_ENTITIES)]

    def relations_of(self, entity_id: str) -> list[Relation]:
        self._ends = {}
        records = self._read(cypher.RELATIONS_OF_WITH_ENDS, id=entity_id)
        if not records:
            return []
        rels = {(rel := to_relation(r)).key: rel for r in records[0]["rels"]}
        self._ends = {e["node"]["id"]: to_entity(e["node"], e["label"])
                      for e in records[0]["ends"]}
        return sort_relations(list(rels.values()))

    def relations_of_many(self, ids: Iterable[str], types: Iterable[str | Follow] | None = None
                          ) -> dict[str, list[Relation]]:
        wanted = sorted(set(ids))
        found: dict[str, list[Relation]] = {i: [] for i in wanted}
        if not wanted:
            return found
        if types is None:
            records = self._read(cypher.RELATIONS_OF_MANY_WITH_ENDS, ids=wanted)
        elif not (reads := follows(types)):  # no type asked: no relation (no round trip)
            return found
        elif is_plain(reads):
            records = self._read(cypher.relations_of_many_typed([f.type for f in reads]),
                                 ids=wanted)
        else:
            query, params = cypher.relations_of_many_following(reads)
            records = self._read(query, ids=wanted, **params)
        ends: dict[str, Entity] = {}
        for record in records:
            rels = {(rel := to_relation(r)).key: rel for r in record["rels"]}
            found[record["id"]] = sort_relations(list(rels.values()))
            ends.update((e["node"]["id"], to_entity(e["node"], e["label"]))
                        for e in record["ends"] if e["node"]["id"] not in ends)
        self._ends = ends  # (as relations_of: for the entities() call right after)
        return found

    def all_relations(self) -> list[Relation]:
        return sort_relations([to_relation(r) for r in self._read(cypher.ALL_RELATIONS)])

    def relations_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relation]:
        unique = sorted({tuple(sorted(p)) for p in pairs if p[0] != p[1]})
        return sort_relations([to_relation(r) for r in self._read(
            cypher.RELATIONS_BETWEEN, pairs=[list(p) for p in unique])])

    def relations_among(self, ids: Iterable[str]) -> list[Relation]:
        return sort_relations([to_relation(r) for r in
                               self._read(cypher.RELATIONS_AMONG, ids=sorted(set(ids)))])

    def distances(self, entity_id: str, depth: int) -> dict[str, int]:
        label = self.label_of(entity_id)
        if label is None:
            return {}
        if label in TRAVERSAL_EXCLUDED_LABELS:
            return {entity_id: 0}
        return walks.distances(self.adjacency(), entity_id, depth)

    def adjacency(self, keep: Iterable[str] | None = None,
                  inner_labels: Iterable[str] = (),
                  exclude_levels: Iterable[str] = ()) -> walks.FetchedAdjacency:
        """The walkable graph, read one BFS layer per query as the walks ask for it. With
        `keep`, only neighbours with one of `inner_labels` and no level among
        `exclude_levels`, or among `keep` (a links-style walk enters no other)."""
        params = {"keep": sorted(keep) if keep is not None else None,
                  "inner": sorted(inner_labels), "exclude_levels": sorted(exclude_levels)}

        def fetch(ids: list[str]) -> dict[str, list[str]]:
            return {r["id"]: sorted(r["ids"])
                    for r in self._read(cypher.ADJACENCY, ids=ids, **params)}

        return walks.FetchedAdjacency(fetch)

    def degrees(self, ids: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(ids))
        found = {r["id"]: r["degree"] for r in self._read(cypher.DEGREES, ids=wanted)}
        return {i: found.get(i, 0) for i in wanted}

    def walkable_neighbors(self, ids: Iterable[str]) -> dict[str, list[str]]:
        wanted = sorted(set(ids))
        found = self.adjacency()
        found.prefetch(wanted)
        return {i: found[i] for i in wanted}

    def _walkable(self, *ids: str) -> bool:
        """Paths and neighbourhoods start only at entities that are not Sources."""
        labels = {r["id"]: r["label"] for r in self._read(cypher.LABELS_OF, ids=list(ids))}
        return all(labels.get(i) not in (None, *TRAVERSAL_EXCLUDED_LABELS) for i in ids)

    def shortest_paths(self, a: str, b: str, max_len: int) -> list[list[str]]:
        if not self._walkable(a, b):
            return []
        if a == b:
            return [[a]]
        # One query: Cypher's allShortestPaths is itself a bidirectional BFS on the server,
        # faster here than walks.all_shortest_paths over self.adjacency() at a query per
        # layer, with the same answers (docs/benchmarks-stores.md, before/after table).
        records = self._read(cypher.shortest_paths(max_len), a=a, b=b, cap=MAX_PATHS + 1)
        if len(records) > MAX_PATHS:
            raise TooManyPaths(a, b, max_len)
        return sorted((list(r["ids"]) for r in records), key=path_sort_key)

    def simple_paths(self, a: str, b: str, max_len: int, inner_labels: frozenset[str],
                     exclude_levels: frozenset[str] = frozenset()) -> list[list[str]]:
        if a == b or not self._walkable(a, b):
            return []
        # Each half walk reads the neighbours it may enter, a layer per query, and walks
        # them with the embedded store's code; the adjacency holds only enterable nodes
        # and the two ends, so every node in it but the ends is allowed.
        ends = {a, b}

        def half_paths(start: str, depth: int, target: str) -> list[list[str]]:
            adj = self.adjacency(ends, inner_labels, exclude_levels)
            return walks.half_paths(adj, start, depth, target, lambda n: n not in ends)

        return simple_paths_from_halves(half_paths, a, b, max_len)

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        labels = {name: self._read(cypher.count_label(name))[0]["n"] for name in LABELS}
        types = {name: self._read(cypher.count_type(name))[0]["n"] for name in REL_TYPES}
        return ({k: v for k, v in sorted(labels.items()) if v},
                {k: v for k, v in sorted(types.items()) if v})
