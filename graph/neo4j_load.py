"""Loading a bundle into Neo4j: transactions sized by memory, all or nothing as users see it.

The server caps one transaction's memory (`db.memory.transaction.max`; 128 MiB on the bundled
server), so the rows of one transaction are chosen by their estimated memory, from their
width (graph/neo4j_plan.py), not by a fixed count: a share of the server's cap per
transaction.

- A load whose estimate fits one transaction's budget is one transaction.
- A bigger load runs under a load marker, an `EstuaryLoad` node created first. Every batch is
  one transaction that also advances the marker's `rows_done`, so the marker always says
  exactly which rows are in. A node or relationship the load creates carries `_load`; one it
  changes is first copied to an `EstuaryBackup` node. The last transaction writes the
  metadata and marks the load committed; then the marks and backups are cleared.
  While the marker says "loading" or "rolling back", every command refuses the half-loaded
  graph in one line that says which load and what to do: `estuary load FILES --resume`
  finishes it (the same files: their rows' digest is checked), `estuary load --rollback`
  restores the graph as before it. Killing the client at any point therefore leaves either
  the graph as before (no marker yet), the graph as after (committed), or a marker that the
  next command reports.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from graph import cypher, cypher_load
from graph.neo4j_errors import describe, is_out_of_memory
from graph.neo4j_plan import Step, batches, parse_bytes, plan_and_digest
from graph.store import LoadSummary, Progress, StoreError

if TYPE_CHECKING:
    from neo4j import Driver

    from graph.bundle import Bundle

# The share of the server's per-transaction cap one transaction may plan to use: the
# estimate is rough, and other transactions share the global cap.
BUDGET_SHARE = 0.25
DEFAULT_BUDGET = 32 * 2**20  # when the server's cap cannot be read (or is unlimited)
# Without progress for this long, a load is reported as interrupted rather than running.
STALE_SECONDS = 60


def transaction_budget(driver: Driver, database: str | None) -> int:
    """Bytes one load transaction may plan for: a share of the server's per-transaction cap
    (and of the global cap), or DEFAULT_BUDGET if the server does not say."""
    from neo4j import exceptions as nx

    try:
        records, _, _ = driver.execute_query(cypher_load.TX_MEMORY_SETTINGS, database_=database)
    except (nx.Neo4jError, nx.DriverError):
        return DEFAULT_BUDGET
    caps = [b for r in records if (b := parse_bytes(str(r["value"]))) and b > 0]
    return int(min(caps) * BUDGET_SHARE) if caps else DEFAULT_BUDGET


# -- running ----------------------------------------------------------------------------------

Counts = Counter[tuple[str, str]]


def _run_rows(tx: Any, step: Step, rows: list[dict[str, Any]], load_id: str | None,
              fresh: bool = False, handles: dict[str, str] | None = None) -> Counts:
    found: Counts = Counter()
    if fresh:  # an empty database: every row is created, none looked up
        return _create_rows(tx, step, rows, {} if handles is None else handles)
    if step.kind == "entities":
        query = (cypher_load.upsert_entities_marked(step.name) if load_id
                 else cypher.upsert_entities(step.name))
    else:
        query = (cypher_load.upsert_relations_marked(step.name) if load_id
                 else cypher.upsert_relations(step.name))
    for record in tx.run(query, rows=rows, load=load_id):
        found[step.kind, record["status"]] += record["n"]
    return found


def _create_rows(tx: Any, step: Step, rows: list[dict[str, Any]],
                 handles: dict[str, str]) -> Counts:
    """A first load's rows, as plain lists (less to pack than maps). New nodes' element
    ids are kept in `handles`, and relationships find their ends by them: no index seek.
    (The caller keeps a transaction's handles only once it commits: the element id of a
    node rolled back may be given to another.)"""
    found: Counts = Counter()
    if step.kind == "entities":
        record = tx.run(cypher.create_entities(step.name),
                        rows=[[r["props"]] for r in rows]).single()
        handles.update(record["handles"])
        found["entities", "created"] += record["n"]
        return found
    missing = sorted({i for r in rows for i in (r["start"], r["end"]) if i not in handles})
    if missing:  # a resumed load: the entities an earlier client created
        handles.update((r["id"], r["handle"]) for r in tx.run(cypher.HANDLES, ids=missing))
    plain = [[handles[r["start"]], handles[r["end"]], r["props"]] for r in rows
             if r["start"] in handles and r["end"] in handles]  # (as MATCH would skip them)
    found["relations", "created"] += tx.run(cypher.create_relations_by_handle(step.name),
                                            rows=plain).single()["n"]
    return found


def summary(counts: Counts) -> LoadSummary:
    return LoadSummary(counts["entities", "created"], counts["entities", "updated"],
                       counts["relations", "created"], counts["relations", "updated"])


class Loader:
    """One load into one database, for Neo4jStore.load and `estuary load --resume`."""

    def __init__(self, driver: Driver, database: str | None, where: str,
                 progress: Progress | None = None) -> None:
        self.driver, self.database, self.where = driver, database, where
        self.progress = progress
        self._handles: dict[str, str] = {}  # a first load's new nodes: id -> element id

    def _session(self) -> Any:
        return self.driver.session(database=self.database)

    def _tick(self, done: int, total: int) -> None:
        if self.progress:
            self.progress(done, total)

    def load(self, bundle: Bundle, meta: dict[str, str] | None) -> LoadSummary:
        # Clear a committed load's marks first: upserts compare whole property maps.
        self.finish_cleanup()
        steps, rows_digest = plan_and_digest(bundle)
        total = sum(len(s.rows) for s in steps)
        budget = transaction_budget(self.driver, self.database)
        fresh = self._empty()
        if sum(sum(s.sizes) for s in steps) <= budget:
            try:
                return self._one_transaction(steps, meta, total, fresh)
            except StoreError as exc:
                cause = exc.__cause__
                if fresh and _constraint_error(cause):
                    # another load got in first: the database is not empty any more
                    return self._one_transaction(steps, meta, total, False)
                if not isinstance(cause, Exception) or not is_out_of_memory(cause):
                    raise
        load_id = uuid.uuid4().hex[:12]
        self._start_marker(load_id, rows_digest, total, fresh)
        if fresh:
            self._name_indexes(cypher.DROP_NAME_INDEXES)
        return self._batches(load_id, steps, meta, budget, 0, Counter(), total, fresh)

    def _empty(self) -> bool:
        """Does the database hold no entity? Then a load creates without looking up."""
        records, _, _ = self.driver.execute_query(cypher.ANY_ENTITY, database_=self.database)
        return not records

    def _one_transaction(self, steps: list[Step], meta: dict[str, str] | None,
                         total: int, fresh: bool) -> LoadSummary:
        from neo4j import exceptions as nx

        counts: Counts = Counter()
        done = 0
        handles = dict(self._handles)  # kept once the transaction commits
        try:
            with self._session() as session, session.begin_transaction(
                    metadata={"estuary_load_batch": "one"}) as tx:
                for step in steps:
                    counts += _run_rows(tx, step, step.rows, None, fresh, handles)
                    done += len(step.rows)
                    self._tick(done, total)
                if meta:
                    tx.run(cypher.SET_META, rows=_meta_rows(meta)).consume()
                tx.commit()
            self._handles = handles
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            error = StoreError(describe(exc, self.where) + "; nothing was loaded")
            raise error from exc
        return summary(counts)

    def _start_marker(self, load_id: str, rows_digest: str, total: int, fresh: bool) -> None:
        from neo4j import exceptions as nx

        try:
            self.driver.execute_query(cypher_load.START_LOAD, id=load_id, digest=rows_digest,
                                      total=total, fresh=fresh, database_=self.database)
        except nx.ConstraintError:
            raise StoreError(self.pending_message() or f"{self.where}: another load is "
                             "in progress") from None
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            raise StoreError(describe(exc, self.where) + "; nothing was loaded") from None

    def _batches(self, load_id: str, steps: list[Step], meta: dict[str, str] | None,
                 budget: int, start: int, counts: Counts, total: int,
                 fresh: bool) -> LoadSummary:
        with self._lease(load_id):
            return self._run_batches(load_id, steps, meta, budget, start, counts, total,
                                     fresh)

    @contextmanager
    def _lease(self, load_id: str) -> Iterator[None]:
        """An idle transaction tagged with the load's id, open while this client loads: the
        server ends it when the client dies, so SHOW TRANSACTIONS tells running from
        interrupted."""
        with self._session() as session:
            tx = session.begin_transaction(metadata={"estuary_load": load_id})
            try:
                tx.run("RETURN 1").consume()
                yield
            finally:
                with suppress(Exception):  # the lease only matters while it is open
                    tx.rollback()

    def _running(self, load_id: str, idle: int) -> bool:
        """Is the client of this load alive? Its lease transaction says; if this user may
        not list transactions, recent progress does."""
        from neo4j import exceptions as nx

        try:
            records, _, _ = self.driver.execute_query(cypher_load.LOAD_LEASES, id=load_id,
                                                      database_=self.database)
        except nx.Neo4jError:
            return idle < STALE_SECONDS
        return bool(records and records[0]["n"])

    def _run_batches(self, load_id: str, steps: list[Step], meta: dict[str, str] | None,
                     budget: int, start: int, counts: Counts, total: int,
                     fresh: bool) -> LoadSummary:
        from neo4j import exceptions as nx

        done = start
        then = ("; the load is interrupted: run `estuary load FILES --resume` with the same "
                "files to finish it, or `estuary load --rollback` to undo it")
        pending = list(batches(steps, budget, start))
        while pending:
            step, i, j = pending.pop(0)
            try:
                counts += self._batch(load_id, step, i, j, done, fresh)
            except (nx.Neo4jError, nx.DriverError, OSError) as exc:
                if is_out_of_memory(exc) and j - i > 1:  # estimate too low: halve, retry
                    mid = (i + j) // 2
                    pending[:0] = [(step, i, mid), (step, mid, j)]
                    continue
                raise StoreError(describe(exc, self.where) + f" after {done:,} of {total:,} "
                                 f"rows{then}") from None
            done += j - i
            self._tick(done, total)
        if fresh:  # the name indexes, dropped for the rows, before anyone reads them
            self._name_indexes(cypher.NAME_INDEXES, then)
        try:
            records, _, _ = self.driver.execute_query(
                cypher_load.COMMIT_LOAD, id=load_id, meta=_meta_rows(meta or {}),
                database_=self.database)
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            raise StoreError(describe(exc, self.where) + then) from None
        if not records:
            raise StoreError(f"{self.where}: load {load_id} was rolled back by another "
                             "command before it could finish")
        final = Counter({(k, s): records[0][f"{k}_{s}"] or 0
                         for k in ("entities", "relations") for s in ("created", "updated")})
        self.finish_cleanup()
        return summary(final)

    def _name_indexes(self, statements: tuple[str, ...], then: str = "") -> None:
        """Drop or create the full-text name indexes (a first load builds them after its
        rows); created ones are waited for."""
        from neo4j import exceptions as nx

        try:
            for statement in statements:
                self.driver.execute_query(statement, database_=self.database)
            if statements is cypher.NAME_INDEXES:
                self.driver.execute_query("CALL db.awaitIndexes(600)",
                                          database_=self.database)
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            raise StoreError(describe(exc, self.where) + then) from None

    def _batch(self, load_id: str, step: Step, i: int, j: int, done: int,
               fresh: bool) -> Counts:
        with self._session() as session, session.begin_transaction(
                metadata={"estuary_load_batch": load_id, "rows": f"{step.name} {i}-{j}"}) as tx:
            # The marker first: it takes the marker's lock, so a concurrent --rollback or
            # --resume waits, and a batch already done (or a rolled-back load) is refused.
            claimed = tx.run(cypher_load.CLAIM_BATCH, id=load_id, done=done, n=j - i).single()
            if claimed is None:
                raise StoreError(f"{self.where}: load {load_id} was rolled back or resumed "
                                 "by another command")
            # A batch of nodes keeps its handles once it commits; a batch of relationships
            # only adds those of committed nodes (a resumed load's).
            new: dict[str, str] = {} if step.kind == "entities" else self._handles
            found = _run_rows(tx, step, step.rows[i:j], load_id, fresh, new)
            tx.run(cypher_load.COUNT_BATCH, id=load_id,
                   ec=found["entities", "created"], eu=found["entities", "updated"],
                   rc=found["relations", "created"], ru=found["relations", "updated"]
                   ).consume()
            tx.commit()
        if new is not self._handles:
            self._handles.update(new)
        return found

    # -- an interrupted load --------------------------------------------------------------

    def marker(self) -> dict[str, Any] | None:
        records, _, _ = self.driver.execute_query(cypher_load.GET_LOAD, database_=self.database)
        return dict(records[0]) if records else None

    def pending_message(self) -> str | None:
        """One line about a load that is running or was interrupted, or None."""
        m = self.marker()
        if not m or m["state"] == "committed":
            return None
        done, total, idle = m["rows_done"], m["rows_total"], m["idle"]
        if m["state"] == "rolling back":
            return (f"{self.where}: a rollback of load {m['id']} is "
                    + ("running" if self._running(m["id"], idle) else "unfinished")
                    + " and the graph is half-loaded; run `estuary load --rollback` to "
                    "finish it")
        running = self._running(m["id"], idle)
        return (f"{self.where}: load {m['id']} (started {m['started']}) is "
                + (f"running, {done:,} of {total:,} rows written; wait for it to finish"
                   if running else
                   f"interrupted after {done:,} of {total:,} rows (no progress for {idle:,} s)")
                + "; the graph is half-loaded, so estuary does not answer from it. Run "
                "`estuary load --rollback` to return to the graph before it, or `estuary "
                "load FILES --resume` with the same files to finish it")

    def resume(self, bundle: Bundle, meta: dict[str, str] | None = None) -> LoadSummary:
        m = self.marker()
        if not m or m["state"] == "committed":
            self.finish_cleanup()
            raise StoreError(f"{self.where}: no interrupted load to resume")
        if m["state"] != "loading":
            raise StoreError(f"{self.where}: load {m['id']} is being rolled back; run "
                             "`estuary load --rollback` to finish that")
        self._not_running(m)
        steps, rows_digest = plan_and_digest(bundle)
        if rows_digest != m["digest"]:
            raise StoreError(f"{self.where}: these files are not the ones of load {m['id']} "
                             "(their rows differ): pass the same files to --resume, or undo "
                             "it with `estuary load --rollback`")
        counts = Counter({("entities", "created"): m["ec"], ("entities", "updated"): m["eu"],
                          ("relations", "created"): m["rc"], ("relations", "updated"): m["ru"]})
        budget = transaction_budget(self.driver, self.database)
        return self._batches(m["id"], steps, meta, budget, m["rows_done"], counts,
                             m["rows_total"], m["fresh"])

    def rollback(self) -> str:
        """Undo an interrupted load; returns its id."""
        from neo4j import exceptions as nx

        m = self.marker()
        if not m or m["state"] == "committed":
            self.finish_cleanup()
            raise StoreError(f"{self.where}: no interrupted load to roll back")
        if m["state"] == "loading":
            self._not_running(m)
        then = "; run `estuary load --rollback` again to finish the rollback"
        try:
            self.driver.execute_query(cypher_load.BEGIN_ROLLBACK, id=m["id"],
                                      database_=self.database)
            with self._session() as session:
                for statement in (cypher_load.FRESH_ROLLBACK_STEPS if m["fresh"]
                                  else cypher_load.ROLLBACK_STEPS):
                    session.run(statement, load=m["id"]).consume()
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            raise StoreError(describe(exc, self.where) + then) from None
        if m["fresh"]:  # a first load drops the name indexes while it writes
            self._name_indexes(cypher.NAME_INDEXES, then)
        return str(m["id"])

    def _not_running(self, m: dict[str, Any]) -> None:
        if self._running(m["id"], m["idle"]):
            raise StoreError(f"{self.where}: load {m['id']} is still running (its client is "
                             f"connected, {m['rows_done']:,} of {m['rows_total']:,} rows "
                             "written); wait for it to finish, or stop that client first")

    def finish_cleanup(self) -> None:
        """Clear the marks and backups of a committed load (idempotent, batched)."""
        from neo4j import exceptions as nx

        try:
            m = self.marker()
            if not m or m["state"] != "committed":
                return
            with self._session() as session:
                for statement in (cypher_load.FRESH_CLEANUP_STEPS if m["fresh"]
                                  else cypher_load.CLEANUP_STEPS):
                    session.run(statement, load=m["id"]).consume()
        except (nx.Neo4jError, nx.DriverError, OSError) as exc:
            raise StoreError(describe(exc, self.where)) from None


def _constraint_error(exc: BaseException | None) -> bool:
    from neo4j import exceptions as nx

    return isinstance(exc, nx.ConstraintError)


def _meta_rows(meta: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": k, "value": v} for k, v in meta.items()]

