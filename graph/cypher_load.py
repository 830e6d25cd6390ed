"""The Cypher of loads bigger than one transaction (graph/neo4j_load.py): the marker of a
running load, its batches, its commit, and the rollback or clean-up that undoes or finishes
it. Kept apart from graph/cypher.py (reads, writes of one batch, name indexes)."""

from __future__ import annotations

from graph.cypher import ENTITY, META, label, rel_type

# -- loads bigger than one transaction (graph/neo4j_load.py) --------------------------------
# A marker node says which load is running and how far it got; new nodes and relationships
# carry `_load`, changed ones are first copied to an EstuaryBackup node (underscore keys
# are estuary's, never data).
LOAD = "EstuaryLoad"
BACKUP = "EstuaryBackup"

LOAD_CONSTRAINTS = (
    # One marker at a time: a second load fails to create its own.
    f"CREATE CONSTRAINT estuary_load_slot IF NOT EXISTS FOR (m:{LOAD}) REQUIRE m.slot IS UNIQUE",
    f"CREATE INDEX estuary_entity_load IF NOT EXISTS FOR (n:{ENTITY}) ON (n._load)",
    f"CREATE INDEX estuary_backup_load IF NOT EXISTS FOR (k:{BACKUP}) ON (k._load)",
)

TX_MEMORY_SETTINGS = """
SHOW SETTINGS YIELD name, value
WHERE name IN ['db.memory.transaction.max', 'dbms.memory.transaction.total.max']
RETURN name, value"""

START_LOAD = f"""
CREATE (m:{LOAD} {{slot: 'load', id: $id, state: 'loading', digest: $digest, fresh: $fresh,
                   rows_total: $total, rows_done: 0, ec: 0, eu: 0, rc: 0, ru: 0,
                   started: datetime(), updated: datetime()}})"""

# SET before the test: the write lock is taken first, so the test reads the latest commit.
_LOCK_LOAD = f"MATCH (m:{LOAD} {{id: $id}}) SET m._lock = true REMOVE m._lock WITH m"

CLAIM_BATCH = f"""
{_LOCK_LOAD} WHERE m.state = 'loading' AND m.rows_done = $done
SET m.rows_done = $done + $n, m.updated = datetime()
RETURN m.id AS id"""

COUNT_BATCH = f"""
MATCH (m:{LOAD} {{id: $id}})
SET m.ec = m.ec + $ec, m.eu = m.eu + $eu, m.rc = m.rc + $rc, m.ru = m.ru + $ru"""

COMMIT_LOAD = f"""
{_LOCK_LOAD} WHERE m.state = 'loading' AND m.rows_done = m.rows_total
SET m.state = 'committed', m.updated = datetime()
WITH m
CALL (m) {{
  UNWIND $meta AS row
  MERGE (x:{META} {{key: row.key}})
  SET x.value = row.value
}}
RETURN m.ec AS entities_created, m.eu AS entities_updated,
       m.rc AS relations_created, m.ru AS relations_updated"""

GET_LOAD = f"""
MATCH (m:{LOAD})
RETURN m.id AS id, m.state AS state, m.digest AS digest, m.rows_total AS rows_total,
       m.rows_done AS rows_done, toString(m.started) AS started,
       duration.inSeconds(m.updated, datetime()).seconds AS idle,
       m.ec AS ec, m.eu AS eu, m.rc AS rc, m.ru AS ru, coalesce(m.fresh, false) AS fresh
LIMIT 1"""

LOAD_LEASES = """
SHOW TRANSACTIONS YIELD metaData
WHERE metaData.estuary_load = $id
RETURN count(*) AS n"""

BEGIN_ROLLBACK = f"""
{_LOCK_LOAD} WHERE m.state IN ['loading', 'rolling back']
SET m.state = 'rolling back', m.updated = datetime()"""


def upsert_entities_marked(name: str) -> str:
    """Like upsert_entities, for a load under a marker: rows that change nothing are not
    written; a changed node is first copied to a backup; every written node gets `_load`."""
    return f"""
UNWIND $rows AS row
OPTIONAL MATCH (old:{ENTITY} {{id: row.id}})
WITH row, old, CASE WHEN old IS NULL THEN 'created'
                    WHEN properties(old) = row.props AND old:{label(name)} THEN 'same'
                    ELSE 'updated' END AS status
CALL (row, old, status) {{
  WITH * WHERE status = 'updated'
  CREATE (k:{BACKUP})
  SET k = properties(old), k._of = row.id, k._load = $load, k._kind = 'node',
      k._labels = labels(old)
}}
CALL (row, status) {{
  WITH * WHERE status <> 'same'
  MERGE (n:{ENTITY} {{id: row.id}})
  SET n = row.props, n:{label(name)}, n._load = $load
}}
RETURN status, count(*) AS n"""


def upsert_relations_marked(name: str) -> str:
    """Like upsert_relations, marked and backed up as upsert_entities_marked."""
    t = rel_type(name)
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY} {{id: row.start}})
MATCH (b:{ENTITY} {{id: row.end}})
OPTIONAL MATCH (a)-[old:{t} {{source: row.source}}]->(b)
WITH a, b, row, old, CASE WHEN old IS NULL THEN 'created'
                          WHEN properties(old) = row.props THEN 'same' ELSE 'updated' END AS status
CALL (row, old, status) {{
  WITH * WHERE status = 'updated'
  CREATE (k:{BACKUP})
  SET k = properties(old), k._load = $load, k._kind = '{t}', k._start = row.start,
      k._end = row.end, k._source = row.source
}}
CALL (a, b, row, status) {{
  WITH * WHERE status <> 'same'
  MERGE (a)-[r:{t} {{source: row.source}}]->(b)
  SET r = row.props, r._load = $load
}}
RETURN status, count(*) AS n"""


# Each runs as its own auto-commit statement, in batches; each is safe to run again, so a
# rollback or clean-up that is itself interrupted is finished by running it again. Batches
# that delete or restore whole nodes are small: a deleted node's properties count in the
# transaction's memory, and rows may be wide (a 60 kB description is 30 MiB per 500).
ROLLBACK_STEPS = (
    f"""MATCH (k:{BACKUP} {{_load: $load}}) WHERE k._kind <> 'node'
CALL (k) {{
  OPTIONAL MATCH (:{ENTITY} {{id: k._start}})-[r]->(:{ENTITY} {{id: k._end}})
  WHERE type(r) = k._kind AND r.source = k._source
  FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END |
    SET x = properties(k) REMOVE x._load, x._kind, x._start, x._end, x._source)
  DELETE k
}} IN TRANSACTIONS OF 500 ROWS""",
    "MATCH ()-[r]->() WHERE r._load = $load CALL (r) { DELETE r } IN TRANSACTIONS OF 2000 ROWS",
    f"""MATCH (k:{BACKUP} {{_load: $load}}) WHERE k._kind = 'node'
CALL (k) {{
  OPTIONAL MATCH (n:{ENTITY} {{id: k._of}})
  FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END |
    SET x = properties(k) REMOVE x._load, x._of, x._kind, x._labels
    REMOVE x:$([l IN labels(x) WHERE NOT l IN k._labels]))
  DELETE k
}} IN TRANSACTIONS OF 500 ROWS""",
    f"MATCH (n:{ENTITY}) WHERE n._load = $load "
    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS",
    f"MATCH (m:{LOAD} {{id: $load}}) DELETE m",
)

# A first load into an empty database marks nothing: rolling it back empties the database
# again (it held no entity before; other loads wait for the marker), committing it leaves
# only the marker to delete.
FRESH_ROLLBACK_STEPS = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH (n:{ENTITY}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 2000 ROWS",
    f"MATCH (m:{LOAD} {{id: $load}}) DELETE m",
)
FRESH_CLEANUP_STEPS = (f"MATCH (m:{LOAD} {{id: $load, state: 'committed'}}) DELETE m",)

CLEANUP_STEPS = (
    "MATCH ()-[r]->() WHERE r._load = $load "
    "CALL (r) { REMOVE r._load } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH (n:{ENTITY}) WHERE n._load = $load "
    "CALL (n) { REMOVE n._load } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH (k:{BACKUP} {{_load: $load}}) CALL (k) {{ DELETE k }} IN TRANSACTIONS OF 500 ROWS",
    f"MATCH (m:{LOAD} {{id: $load, state: 'committed'}}) DELETE m",
)
