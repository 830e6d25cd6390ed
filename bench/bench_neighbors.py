"""`neighbors --depth 2` on a synthetic graph, bounded (the default) and --all, for one tree.

    python bench/bench_neighbors.py TREE [--nodes 100000] [--rels 500000] [--items 20]
        [--uri bolt://127.0.0.1:PORT --password PW]

With --uri the same items are also timed on Neo4j. **That database is wiped** and loaded with
the synthetic graph, unless it already holds exactly that many entities (the run before, on
the other tree, loaded it): use a throw-away server.

Run it once per tree (the baseline worktree, then this one) one after the other: the graph,
the store and the sampled centres are the same for the same seed. The first query of a tree
also builds the store's walk graph, so it is run once before the timing. A tree whose
`neighbors` has no `limit` (before issue 14) is timed as it is ("old"); a newer tree both
bounded ("default") and with limit=None ("all").
"""

from __future__ import annotations

import argparse
import inspect
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tree")
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--rels", type=int, default=500_000)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--uri")
    parser.add_argument("--password", default="estuary-test")
    args = parser.parse_args()
    sys.path.insert(0, args.tree)
    from bench.synth import sample_ids, synth_bundle
    from graph.embedded import EmbeddedStore
    from queries.neighbors import neighbors

    bundle = synth_bundle(args.nodes, args.rels, 7)
    store = EmbeddedStore(Path(tempfile.mkdtemp()) / "graph.json")
    store.load(bundle)
    centers = sample_ids(bundle, ["City", "Park", "Industry", "Organization", "Mechanism"],
                         args.items, 3)
    bounded = "limit" in inspect.signature(neighbors).parameters
    stores = [("embedded", store)]
    if args.uri:
        stores.append(("neo4j", _neo4j(args.uri, args.password, bundle)))
    print(f"{args.tree}: {len(bundle.entities)} entities, {len(bundle.relations)} relations, "
          f"{len(centers)} centres")
    print("| store | mode | p50 ms | max ms | median answer | largest answer (entities) |")
    print("|---|---|---|---|---|---|")
    for name, each in stores:
        neighbors(each, centers[0], depth=2)  # builds what the first query of a tree builds
        for mode in ("default", "all") if bounded else ("old",):
            times: list[float] = []
            sizes: list[tuple[int, int]] = []
            for center in centers:
                start = time.perf_counter()
                result = (neighbors(each, center, depth=2, limit=None) if mode == "all"
                          else neighbors(each, center, depth=2))
                times.append((time.perf_counter() - start) * 1000)
                sizes.append((len(result.neighbors), len(result.edges)))
            median = sorted(sizes)[len(sizes) // 2]
            print(f"| {name} | {mode} | {statistics.median(times):.1f} | {max(times):.1f} | "
                  f"{median[0]} entities, {median[1]} relations | "
                  f"{max(s[0] for s in sizes)} |", flush=True)


def _neo4j(uri: str, password: str, bundle: object) -> object:
    from graph.neo4j_store import Neo4jStore
    from graph.settings import StoreSettings

    store = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri=uri, neo4j_user="neo4j",
                                             neo4j_password=password))
    labels, _ = store.counts()
    if sum(labels.values()) != len(bundle.entities):  # type: ignore[attr-defined]
        with store.driver.session(database=store.database) as session:
            session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
                        ).consume()
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                        ).consume()
        store.load(bundle)  # type: ignore[arg-type]
    return store

if __name__ == "__main__":
    main()
