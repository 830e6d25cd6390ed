"""Neo4j load: batched (`Neo4jStore.load`, a first load) vs one transaction per row, same run.

On the synthetic graph (`bench/synth.py`, default 100k entities / 500k relations):

1. per-row baseline: the loader's MERGE statement with a one-row `$rows`, one transaction per
   row, for `--sample` entities and `--sample` relations, extrapolated to the whole graph
   (as bench/bench_stores.py's `per_row_baseline`; here also its CPU seconds, the client's
   and, with --neo4j-home, the server's JVM's). The rows run in `--chunks` chunks a kind,
   entity and relation chunks interleaved, so both kinds see the same machine, and the
   slowest and fastest chunk's rate are reported beside the pooled one (on a shared machine
   the rate swings with the load: the CPU seconds per row are the steadier measure);
2. batched: `Neo4jStore.load` of the whole graph into a NEW database: the database is wiped
   and estuary's indexes and constraints are dropped first, as on a server never loaded
   before (a first load; the load creates them). Wall and client CPU seconds.

`--rounds N` repeats both, interleaved, and reports each round and the medians. `--tree DIR`
measures another checkout's code (e.g. the baseline commit) with this script.

THE DATABASE AT --uri IS WIPED (it refuses one without the bench marker unless given
--wipe-anything).

    NEO4J_PASSWORD=... python bench/bench_load_neo4j.py --uri bolt://127.0.0.1:7716
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tree() -> Path:
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--tree" and i + 1 < len(args):
            return Path(args[i + 1]).resolve()
        if arg.startswith("--tree="):
            return Path(arg.split("=", 1)[1]).resolve()
    return ROOT


TREE = _tree()
sys.path[:0] = [str(TREE)] + ([str(ROOT)] if TREE != ROOT else [])

import random  # noqa: E402

from bench.bench_stores import BENCH_META_KEY, guard_and_wipe, loadavg, log, machine  # noqa: E402
from bench.synth import synth_bundle  # noqa: E402
from graph import cypher  # noqa: E402
from graph.bundle import Bundle  # noqa: E402
from graph.neo4j_plan import entity_row, relation_row  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.settings import StoreSettings  # noqa: E402


def server_cpu(home: Path | None) -> float:
    """CPU seconds the server's JVM has used (its pid from HOME/neo4j.pid), or 0."""
    if home is None:
        return 0.0
    try:
        pid = int((home / "neo4j.pid").read_text().strip())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, ValueError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def per_row(store: Neo4jStore, bundle: Bundle, sample: int, seed: int,
            home: Path | None, chunks: int = 8) -> dict[str, list[tuple[int, float, float]]]:
    """One transaction per row, the loader's MERGE statement with a one-row $rows (as
    bench/bench_stores.py's per_row_baseline), in `chunks` chunks a kind, entity and relation
    chunks interleaved (so both kinds see the same machine): for each kind, (rows, wall,
    client + server CPU) of every chunk. The sampled relations' ends are loaded first,
    untimed; no sampled entity is one of them (those must be created by the timed MERGE)."""
    rng = random.Random(seed)
    ents = rng.sample(sorted(bundle.entities), min(sample, len(bundle.entities)))
    chosen = set(ents)
    rels = [r for r in (bundle.relations[k] for k in rng.sample(
        sorted(bundle.relations), min(4 * sample, len(bundle.relations))))
        if r.start not in chosen and r.end not in chosen][:sample]
    store.ensure_constraints()
    needed = {i for r in rels for i in (r.start, r.end)}
    store.load(Bundle(entities={i: bundle.entities[i] for i in sorted(needed)}))
    jobs = {"entities": [(cypher.upsert_entities(bundle.entities[e].label),
                          entity_row(bundle.entities[e])) for e in ents],
            "relations": [(cypher.upsert_relations(r.type), relation_row(r)) for r in rels]}
    out: dict[str, list[tuple[int, float, float]]] = {"entities": [], "relations": []}
    with store.driver.session(database=store.database) as session:
        def timed(part: list[tuple[str, dict[str, object]]]) -> tuple[int, float, float]:
            s0, c0, t0 = server_cpu(home), time.process_time(), time.perf_counter()
            for query, row in part:
                session.execute_write(lambda tx, q=query, r=row: tx.run(q, rows=[r]).consume())
            return (len(part), time.perf_counter() - t0,
                    server_cpu(home) - s0 + time.process_time() - c0)

        for n in range(chunks):
            for kind, rows in jobs.items():
                size = -(-len(rows) // chunks)
                out[kind].append(timed(rows[n * size:(n + 1) * size]))
    return out


def extrapolate(chunks: list[tuple[int, float, float]], rows: int) -> tuple[float, float,
                                                                            float, float]:
    """(wall, CPU seconds) for `rows` rows at the chunks' pooled rate, and the slowest and
    fastest chunk's rows/s."""
    n = sum(c[0] for c in chunks)
    rates = [c[0] / c[1] for c in chunks if c[0]]
    return (rows * sum(c[1] for c in chunks) / n, rows * sum(c[2] for c in chunks) / n,
            min(rates), max(rates))


def new_database(store: Neo4jStore, wipe_anything: bool) -> None:
    """Wipe, then drop every index and constraint: the database of a first load."""
    guard_and_wipe(store, wipe_anything)
    records, _, _ = store.driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    for r in records:
        store.driver.execute_query(f"DROP CONSTRAINT `{r['name']}` IF EXISTS")
    records, _, _ = store.driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")
    for r in records:
        store.driver.execute_query(f"DROP INDEX `{r['name']}` IF EXISTS")


def batched(store: Neo4jStore, bundle: object, wipe_anything: bool,
            home: Path | None) -> tuple[float, float, float]:
    """Wall, client CPU and server CPU seconds of `Neo4jStore.load` into a new database."""
    new_database(store, wipe_anything)
    store.driver.execute_query("MATCH (n) DELETE n")  # the bench marker too: truly empty
    s0, cpu0, t0 = server_cpu(home), time.process_time(), time.perf_counter()
    summary = store.load(bundle, meta={BENCH_META_KEY: "synthetic"})  # type: ignore[arg-type]
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    server = server_cpu(home) - s0
    log(f"  batched: {wall:.1f}s wall, {cpu:.1f}s client CPU, {server:.1f}s server CPU: "
        f"{summary}")
    return wall, cpu, server


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uri", default="bolt://127.0.0.1:7716", help="Neo4j to WIPE and load")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD"))
    ap.add_argument("--sample", type=int, default=2000,
                    help="rows of each kind for the per-row baseline (default %(default)s)")
    ap.add_argument("--chunks", type=int, default=8,
                    help="per-row chunks a kind, entity and relation chunks interleaved")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--tree", type=Path, default=ROOT,
                    help="measure the code of this checkout (e.g. a baseline worktree)")
    ap.add_argument("--neo4j-home", type=Path, default=os.environ.get("ESTUARY_NEO4J_HOME"),
                    help="the server's ESTUARY_NEO4J_HOME, to read its CPU time")
    ap.add_argument("--wipe-anything", action="store_true")
    args = ap.parse_args(argv)
    home = Path(args.neo4j_home) if args.neo4j_home else None

    log(f"code: {TREE}; generating {args.nodes} nodes / {args.rels} relations ...")
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    total = len(bundle.entities) + len(bundle.relations)
    store = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri=args.uri,
                                             neo4j_user=args.user,
                                             neo4j_password=args.password))
    rows = []
    for n in range(args.rounds):
        before = loadavg()
        guard_and_wipe(store, args.wipe_anything)
        base = per_row(store, bundle, args.sample, args.seed + n, home, args.chunks)
        we, ce, e_lo, e_hi = extrapolate(base["entities"], len(bundle.entities))
        wr, cr, r_lo, r_hi = extrapolate(base["relations"], len(bundle.relations))
        per_row_s, per_row_cpu = we + wr, ce + cr
        ne, te = len(bundle.entities), we
        nr, tr = len(bundle.relations), wr
        log(f"  per-row: {ne / te:,.0f} entities/s ({e_lo:,.0f}-{e_hi:,.0f} by chunk), "
            f"{nr / tr:,.0f} relations/s ({r_lo:,.0f}-{r_hi:,.0f}) -> {per_row_s:,.0f}s for "
            f"the graph ({per_row_cpu:,.0f} CPU s, client + server)")
        wall, cpu, server = batched(store, bundle, args.wipe_anything, home)
        rows.append((n + 1, f"{ne / te:,.0f} ({e_lo:,.0f}–{e_hi:,.0f})",
                     f"{nr / tr:,.0f} ({r_lo:,.0f}–{r_hi:,.0f})", per_row_s, wall, cpu, server,
                     per_row_s / wall,
                     per_row_cpu / (cpu + server) if server else 0.0,
                     f"{before} → {loadavg()}"))
    store.close()

    m = machine()
    lines = [f"Code: `{TREE.name}` ({m.get('code', '')}). Graph: {len(bundle.entities):,} "
             f"entities, {len(bundle.relations):,} relations (seed {args.seed}). Machine: "
             f"{m['nproc']} CPUs, {m['ram']}; {m.get('libs', '')}.", "",
             "| round | per-row entities/s (chunks' range) | per-row relations/s | "
             "per-row, whole graph | "
             "batched wall | batched CPU (client + server) | batched rows/s | "
             "batched / per-row, wall | by CPU | load avg |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    lines += [f"| {n} | {e} | {r} | {p:,.0f}s | {w:.1f}s | {c:.1f}s + {sv:.1f}s | "
              f"{total / w:,.0f} | **{x:.1f}x** | {xc:.1f}x | {la} |"
              for n, e, r, p, w, c, sv, x, xc, la in rows]
    ratio = statistics.median(r[7] for r in rows)
    lines += ["", f"Median batched / per-row: **{ratio:.1f}x** by wall time (target >= 50x); "
              f"{statistics.median(r[8] for r in rows):.1f}x by CPU seconds (client and "
              "server) per row."]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
