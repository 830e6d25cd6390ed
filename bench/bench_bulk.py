"""A first load of a big graph into an empty Neo4j: estuary's bulk path vs Neo4j's bare importer.

On the same synthetic graph (`bench/synth.py`) and the same rows (graph/neo4j_plan.py builds
what the online loader sends, graph/neo4j_bulk_csv.py writes them as the importer's files):

1. the bare importer: `neo4j-admin database import full`, run from the jars of the project's
   own launcher (tools/neo4j/target/lib: `org.neo4j.cli.AdminTool`) into a scratch home, on
   CSV files written beforehand (not timed). It builds store files only: no constraint, no
   index, and no server serves them;
2. estuary's bulk path, `graph.neo4j_bulk.bulk_load` (what `estuary load --bulk` runs) into
   the server at --uri, which must be the project's own (ESTUARY_NEO4J_HOME): writing the
   CSV files, stopping the database (the server, with a launcher built before it could stop
   its database alone), the importer, starting it, the constraints, name indexes, residue
   and metadata: everything until the graph answers as after an online load;
3. with --online, estuary's online load (`Neo4jStore.load`) into the same server, emptied,
   and a fingerprint of the whole database after each (every node's labels and properties,
   every relationship's ends, type and properties, with their value types): they must be
   equal.

`--rounds N` repeats 1 and 2, interleaved. CPU seconds are this process's (the CSV files) and
the children's (the importer, neo4j.sh); the server's own are not counted.

THE DATABASE AT --uri IS WIPED (as bench/bench_stores.py does; it refuses a database without
its marker unless given --wipe-anything), and its database is stopped and started.

    NEO4J_PASSWORD=... ESTUARY_NEO4J_HOME=/tmp/neo4j-bench python bench/bench_bulk.py \\
        --uri bolt://127.0.0.1:7716
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_stores import guard_and_wipe, loadavg, log, machine  # noqa: E402
from bench.synth import synth_bundle  # noqa: E402
from graph.bundle import Bundle  # noqa: E402
from graph.neo4j_bulk import bulk_load, own_server, run_importer  # noqa: E402
from graph.neo4j_bulk_csv import write_csvs  # noqa: E402
from graph.neo4j_plan import plan  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.settings import StoreSettings  # noqa: E402


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_importer(bundle: Bundle, jar: Path, threads: int | None) -> tuple[float, float, str]:
    """(wall, CPU seconds, summary) of the importer alone, on files written untimed."""
    with tempfile.TemporaryDirectory(prefix="estuary-bare-") as tmp:
        folder, home = Path(tmp) / "csv", Path(tmp) / "home"
        folder.mkdir()
        home.mkdir()
        csv_args, _ = write_csvs(plan(bundle, sized=False), folder)
        c0, t0 = cpu(), time.perf_counter()
        summary = run_importer(jar, home, csv_args, Path(tmp), threads)
        return time.perf_counter() - t0, cpu() - c0, summary


def emptied(settings: StoreSettings, wipe_anything: bool) -> Neo4jStore:
    store = Neo4jStore.connect(settings)
    guard_and_wipe(store, wipe_anything)
    store.driver.execute_query("MATCH (n) DELETE n")  # the bench marker too: truly empty
    return store


def bulk(settings: StoreSettings, bundle: Bundle, wipe_anything: bool,
         threads: int | None) -> tuple[float, float, dict[str, float]]:
    """(wall, CPU seconds, seconds per stage) of estuary's bulk path."""
    store = emptied(settings, wipe_anything)
    stages: list[tuple[str, float]] = []
    c0, t0 = cpu(), time.perf_counter()
    bulk_load(settings, store, bundle, {"bench": "synthetic"},
              say=lambda text: stages.append((text, time.perf_counter())), threads=threads)
    wall, used = time.perf_counter() - t0, cpu() - c0
    ends = [*(t for _, t in stages[1:]), t0 + wall]
    by_stage = {text.rstrip(" ."): end - start
                for (text, start), end in zip(stages, ends, strict=True)}
    return wall, used, by_stage


def fingerprint(settings: StoreSettings) -> tuple[int, int, str]:
    """(nodes, relationships, an order-free hash of them all with their value types)."""
    import hashlib
    import json

    def typed(props: dict[str, object]) -> str:
        return json.dumps({k: [type(v).__name__, v] for k, v in sorted(props.items())},
                          ensure_ascii=False, default=str)

    store = Neo4jStore.connect(settings)
    total, counts = 0, []
    with store.driver.session(database=store.database) as session:
        for query in ("MATCH (n) RETURN labels(n) AS a, properties(n) AS p",
                      "MATCH (x)-[r]->(y) RETURN [x.id, type(r), y.id] AS a, "
                      "properties(r) AS p"):
            n = 0
            for record in session.run(query):
                text = json.dumps(sorted(record["a"]) if query.startswith("MATCH (n)")
                                  else record["a"], ensure_ascii=False) + typed(record["p"])
                total += int.from_bytes(hashlib.sha256(text.encode()).digest()[:16], "big")
                n += 1
            counts.append(n)
    store.close()
    return counts[0], counts[1], f"{total % 2**128:032x}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uri", default="bolt://127.0.0.1:7716",
                    help="the project's own Neo4j to WIPE, stop and start")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD"))
    ap.add_argument("--threads", type=int, default=None,
                    help="importer threads (default: the CPUs)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--online", action="store_true",
                    help="also time the online load (Neo4jStore.load) into the emptied server")
    ap.add_argument("--wipe-anything", action="store_true")
    args = ap.parse_args(argv)

    settings = StoreSettings(kind="neo4j", neo4j_uri=args.uri, neo4j_user=args.user,
                             neo4j_password=args.password)
    log(f"generating {args.nodes} nodes / {args.rels} relations ...")
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    rows = len(bundle.entities) + len(bundle.relations)
    probe = Neo4jStore.connect(settings)
    server = own_server(probe.location)
    probe.close()

    results: list[tuple[int, float, float, float, float, dict[str, float], str]] = []
    prints = []
    for n in range(1, args.rounds + 1):
        before = loadavg()
        log(f"round {n}: the bare importer ...")
        bare_wall, bare_cpu, imported = bare_importer(bundle, server.jar, args.threads)
        log(f"  {bare_wall:.1f}s ({imported})")
        log(f"round {n}: estuary's bulk path ...")
        wall, used, stages = bulk(settings, bundle, args.wipe_anything, args.threads)
        log(f"  {wall:.1f}s: " + ", ".join(f"{k} {v:.1f}s" for k, v in stages.items()))
        results.append((n, bare_wall, bare_cpu, wall, used, stages, f"{before} → {loadavg()}"))
    online = None
    if args.online:
        prints.append(("bulk", fingerprint(settings)))
        store = emptied(settings, args.wipe_anything)
        t0 = time.perf_counter()
        store.load(bundle, meta={"bench": "synthetic"})
        online = time.perf_counter() - t0
        store.close()
        log(f"online load {online:.1f}s")
        prints.append(("online", fingerprint(settings)))

    m = machine()
    names = list(results[0][5])
    lines = [f"Graph: {len(bundle.entities):,} entities, {len(bundle.relations):,} relations "
             f"(seed {args.seed}); {rows:,} rows. Machine: {m['nproc']} CPUs, {m['ram']}; "
             f"{m.get('code', '')}; {m.get('libs', '')}.", "",
             "| round | bare importer | estuary bulk path | bulk / importer | "
             + " | ".join(names) + " | load avg |",
             "| ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in names) + " | --- |"]
    for n, bw, bc, w, c, stages, la in results:
        lines.append(f"| {n} | {bw:.1f}s ({bc:.1f}s CPU) | {w:.1f}s ({c:.1f}s CPU) | "
                     f"**{w / bw:.2f}x** | " + " | ".join(f"{stages[k]:.1f}s" for k in names)
                     + f" | {la} |")
    ratio = statistics.median(w / bw for _, bw, _, w, _, _, _ in results)
    lines += ["", f"Median bulk path / bare importer: **{ratio:.2f}x** (target: within 3x)."]
    if online is not None:
        lines.append(f"Online load (`Neo4jStore.load`, empty database): {online:.1f}s, "
                     f"{online / statistics.median(r[3] for r in results):.1f}x the bulk path.")
        same = prints[0][1] == prints[1][1]
        lines.append("Database fingerprints (nodes, relationships, hash): "
                     + "; ".join(f"{k} {v}" for k, v in prints)
                     + (" — **identical**." if same else " — **DIFFERENT**."))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
