"""Round trips of one `links` call: store calls (and Neo4j queries) per question, and time.

Measures the code of a checkout (--tree, e.g. the baseline) on a store already loaded with the
synthetic graph (bench/bench_stores.py leaves Neo4j loaded; --embedded builds or reuses a
SQLite file), for the same seeded pairs as bench_stores' `links` (via industry):

    python bench/links_reads.py --uri bolt://127.0.0.1:7707 --embedded /tmp/synth.db
    python bench/links_reads.py --tree /tmp/base --uri bolt://127.0.0.1:7707 ...
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _tree() -> Path:
    for i, arg in enumerate(sys.argv[1:], 1):
        if arg == "--tree" and i + 1 < len(sys.argv):
            return Path(sys.argv[i + 1]).resolve()
    return ROOT


TREE = _tree()
sys.path[:0] = [str(TREE)] + ([str(ROOT)] if TREE != ROOT else [])

from bench.synth import BENCH_A, BENCH_B, sample_ids, synth_bundle  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.settings import StoreSettings  # noqa: E402
from queries.errors import NoLinks  # noqa: E402
from queries.links import links  # noqa: E402


class Counting:
    """The store, counting every call of a store method (one round trip each on Neo4j)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.calls = inner, 0

    def __getattr__(self, name: str) -> Any:
        found = getattr(self.inner, name)
        if not callable(found) or name.startswith("_"):
            return found

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return found(*args, **kwargs)
        return call


def measure(store: Any, pairs: list[tuple[str, str]], repeat: int) -> dict[str, Any]:
    queries: list[int] = []
    if isinstance(store, Neo4jStore):  # the Cypher statements actually sent
        real = type(store)._read

        def read(query: str, **params: Any) -> list[Any]:
            queries.append(1)
            return real(store, query, **params)
        store._read = read  # type: ignore[method-assign]
    calls, sent, times = [], [], []
    for a, b in pairs:
        for run in range(repeat + 1):  # the first run warms up
            counting = Counting(store)
            queries.clear()
            t0 = time.perf_counter()
            with contextlib.suppress(NoLinks):
                links(counting, a, b, via="industry")
            took = (time.perf_counter() - t0) * 1000
            if run == 0:
                calls.append(counting.calls)
                sent.append(len(queries))
            else:
                times.append(took)
    return {"pairs": len(pairs), "store calls p50": statistics.median(calls),
            "store calls bench-a/b": calls[0], "store calls max": max(calls),
            "neo4j queries p50": statistics.median(sent) if any(sent) else None,
            "neo4j queries bench-a/b": sent[0] if any(sent) else None,
            "neo4j queries max": max(sent) if any(sent) else None,
            "ms p50": round(statistics.median(times), 1) if times else None,
            "ms p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 1) if times else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", type=Path, default=ROOT, help="measure this checkout's code")
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--queries", type=int, default=20, help="pairs (default 20)")
    ap.add_argument("--repeat", type=int, default=2,
                    help="timed runs per pair after the counted one (0: count only)")
    ap.add_argument("--uri", help="a Neo4j already loaded with the synthetic graph")
    ap.add_argument("--password", default="estuary-test")
    ap.add_argument("--embedded", type=Path,
                    help="a SQLite store of the synthetic graph (built if missing)")
    args = ap.parse_args()
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    places = sample_ids(bundle, ("City", "Park"), 2 * args.queries, args.seed + 1)
    pairs = [(BENCH_A, BENCH_B), *zip(places[0::2], places[1::2], strict=True)]
    pairs = pairs[:args.queries]
    out: dict[str, Any] = {"tree": str(args.tree)}
    if args.embedded:
        if not args.embedded.exists():
            EmbeddedStore(args.embedded).load(bundle)
        out["embedded"] = measure(EmbeddedStore(args.embedded), pairs, args.repeat)
    if args.uri:
        neo = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri=args.uri,
                                               neo4j_password=args.password))
        out["neo4j"] = measure(neo, pairs, args.repeat)
        neo.close()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
