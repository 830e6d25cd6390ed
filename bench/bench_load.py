"""Loads of 100k, 300k and 1M rows into the bundled Neo4j with its default heap and
transaction settings: time, transactions, and the peak transaction memory the server saw.

    python bench/bench_load.py --uri bolt://127.0.0.1:7713 --password estuary-test
**Wipes the database at --uri.** Rows are synthetic (bench/synth.py): a third entities, two
thirds relations. A background thread samples SHOW TRANSACTIONS every 0.2 s for the largest
`estimatedUsedHeapMemory` of a load transaction.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import synth_bundle
from graph.neo4j_load import transaction_budget
from graph.neo4j_store import Neo4jStore
from graph.settings import StoreSettings

PEAK_QUERY = ("SHOW TRANSACTIONS YIELD metaData, estimatedUsedHeapMemory "
              "WHERE metaData.estuary_load_batch IS NOT NULL "
              "RETURN estimatedUsedHeapMemory AS m, metaData.rows AS rows")


def wipe(store: Neo4jStore) -> None:
    with store.driver.session(database=store.database) as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--rows", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    ap.add_argument("--verbose", action="store_true", help="peaks by label and type")
    args = ap.parse_args()
    store = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri=args.uri,
                                             neo4j_password=args.password))
    budget = transaction_budget(store.driver, store.database)
    print(f"transaction budget: {budget / 2**20:.1f} MiB")
    print("| rows | entities | relations | transactions | time | rows/s "
          "| peak tx memory (entity / relation batches) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for rows in args.rows:
        wipe(store)
        nodes = rows // 3
        bundle = synth_bundle(nodes=nodes, rels=rows - nodes, seed=16)
        peak, stop = {"entities": 0, "relations": 0}, threading.Event()

        def sample(peak: dict[str, int] = peak, stop: threading.Event = stop) -> None:
            while not stop.wait(0.2):
                try:
                    records, _, _ = store.driver.execute_query(PEAK_QUERY)
                    for r in records:
                        # metaData.rows: "<label or type> <first>-<end>"
                        name = str(r["rows"] or "?").split(" ")[0]
                        kind = "relations" if name.isupper() else "entities"
                        peak[kind] = max(peak[kind], r["m"] or 0)
                        peak[name] = max(peak.get(name, 0), r["m"] or 0)
                except Exception:  # sampling is best effort
                    pass

        ticks = [0]

        def progress(done: int, total: int, ticks: list[int] = ticks) -> None:
            ticks[0] += 1

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        started = time.monotonic()
        summary = store.load(bundle, progress=progress)
        took = time.monotonic() - started
        stop.set()
        thread.join()
        n = len(bundle.entities) + len(bundle.relations)
        assert summary.entities_created == len(bundle.entities), summary
        print(f"| {n:,} | {len(bundle.entities):,} | {len(bundle.relations):,} | "
              f"{ticks[0]:,} | {took:.1f} s | {n / took:,.0f} | "
              f"{peak['entities'] / 2**20:.0f} / {peak['relations'] / 2**20:.0f} MiB |",
              flush=True)
        if args.verbose:
            print({k: f"{v / 2**20:.0f} MiB" for k, v in peak.items()}, file=sys.stderr)
    wipe(store)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
