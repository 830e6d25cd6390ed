"""How much transaction memory one load row takes on the server, by row width.

Runs one upsert batch per (kind, width) in an open transaction and reads the transaction's
`estimatedUsedHeapMemory` from `SHOW TRANSACTIONS` in a second session before rolling back;
prints bytes per row against the row's JSON width. graph/neo4j_load.py's per-row estimate
(ROW_OVERHEAD + BYTES_PER_CHAR * width) comes from these figures.

    python bench/neo4j_txmem.py --uri bolt://127.0.0.1:7713 --password estuary-test
The database is left as it was (every batch is rolled back), but use a throw-away server.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import cypher
from graph.model import Entity, Relation
from graph.neo4j_plan import entity_row, relation_row


def measure(driver, query: str, rows: list[dict], prep: list[dict] | None = None) -> int:
    with driver.session(database="neo4j") as session, session.begin_transaction(
            metadata={"estuary_txmem": 1}) as tx:
        if prep:
            tx.run(cypher.upsert_entities("City"), rows=prep).consume()
        tx.run("RETURN 'estuary-txmem' AS marker").consume()
        before = _used(driver)
        tx.run(query, rows=rows).consume()
        used = _used(driver) - before
        tx.rollback()
    return used


def _used(driver) -> int:
    records, _, _ = driver.execute_query(
        "SHOW TRANSACTIONS YIELD metaData, estimatedUsedHeapMemory "
        "WHERE metaData.estuary_txmem = 1 RETURN max(estimatedUsedHeapMemory) AS m",
        database_="neo4j")
    return records[0]["m"] or 0


def _row(kind: str, width: float, rows: int, used: int) -> None:
    print(f"| {kind} | {width:.0f} | {rows} | {used / 2**20:.1f} MiB | {used / rows:.0f} |")


def main() -> int:
    import neo4j

    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--rows", type=int, default=5000)
    args = ap.parse_args()
    driver = neo4j.GraphDatabase.driver(args.uri, auth=("neo4j", args.password))
    print("| kind | row width (JSON chars) | rows | tx memory | bytes/row |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for pad in (0, 200, 1000, 4000):
        ents = [Entity(id=f"city:txmem-{i}", label="City", name=f"城{i}",
                       description="描" * pad) for i in range(args.rows)]
        rows = [entity_row(e) for e in ents]
        width = sum(len(json.dumps(r, ensure_ascii=False)) for r in rows) / len(rows)
        used = measure(driver, cypher.upsert_entities("City"), rows)
        _row("entity", width, len(rows), used)
        rels = [relation_row(Relation(type="COOPERATES_WITH", start=ents[i].id,
                                      end=ents[(i + 1) % len(ents)].id, source="source:x",
                                      evidence="证" * pad)) for i in range(len(ents))]
        rwidth = sum(len(json.dumps(r, ensure_ascii=False)) for r in rels) / len(rels)
        used = measure(driver, cypher.upsert_relations("COOPERATES_WITH"), rels,
                       prep=[entity_row(e) for e in ents])
        _row("relation", rwidth, len(rels), used)
    driver.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
