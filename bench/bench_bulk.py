"""A first load of a big graph into an empty Neo4j: estuary's load vs Neo4j's offline importer.

On the same synthetic graph (`bench/synth.py`) and the same rows (graph/neo4j_plan.py builds
what the loader sends):

1. estuary: `Neo4jStore.load` into a wiped database on a running server (an empty database
   takes the create path: graph/neo4j_load.py), constraints and name indexes included;
2. Neo4j's offline importer, `neo4j-admin database import full`, run from the jars of the
   project's own launcher (tools/neo4j/target/lib: `org.neo4j.cli.AdminTool`) into a scratch
   NEO4J_HOME, from CSV files this script writes first (timed apart). The importer builds the
   store files only: no constraint or index, and the database is served by no one until a
   server starts on it.

THE DATABASE AT --uri IS WIPED (as bench/bench_stores.py does; it refuses a database without
its marker unless given --wipe-anything).

    NEO4J_PASSWORD=... python bench/bench_bulk.py --uri bolt://127.0.0.1:7703 --nodes 100000
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_stores import guard_and_wipe, loadavg, log, machine  # noqa: E402
from bench.synth import synth_bundle  # noqa: E402
from graph import cypher  # noqa: E402
from graph.bundle import Bundle  # noqa: E402
from graph.neo4j_plan import plan  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.settings import StoreSettings  # noqa: E402

LAUNCHER = ROOT / "tools" / "neo4j" / "target"
ARRAY_DELIMITER = "\u001f"  # never in a name: list items stay whole


def _type(values: list[Any]) -> str:
    """The importer's column type for a property's values (string if they disagree)."""
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "long"
    if kinds <= {int, float} and kinds:
        return "double"
    if kinds == {list}:
        return "string[]"
    return "string"


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def _write(path: Path, head: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, quoting=csv.QUOTE_ALL)
        out.writerow(head)
        out.writerows(rows)


def write_csvs(bundle: Bundle, folder: Path) -> list[str]:
    """One CSV per label and per relationship type, of the rows estuary's loader sends; the
    importer's --nodes/--relationships arguments for them."""
    args: list[str] = []
    for step in plan(bundle):
        props = [r["props"] for r in step.rows]
        keys = sorted({k for p in props for k in p})
        kinds = {k: _type([p.get(k) for p in props]) for k in keys}
        path = folder / f"{step.kind}-{step.name}.csv"
        if step.kind == "entities":
            # the importer keeps the id:ID column as the property `id` too (its default)
            keys = [k for k in keys if k != "id"]
            head = ["id:ID", *(f"{k}:{kinds[k]}" for k in keys)]
            _write(path, head, [[p["id"], *(_cell(p.get(k), kinds[k]) for k in keys)]
                                for p in props])
            args.append(f"--nodes={cypher.ENTITY}:{step.name}={path}")
        else:
            head = [":START_ID", ":END_ID", *(f"{k}:{kinds[k]}" for k in keys)]
            body = [[r["start"], r["end"], *(_cell(r["props"].get(k), kinds[k]) for k in keys)]
                    for r in step.rows]
            _write(path, head, body)
            args.append(f"--relationships={step.name}={path}")
    return args


def offline_import(csv_args: list[str], home: Path, threads: int) -> tuple[float, str]:
    """Seconds of `neo4j-admin database import full` into a scratch home, and its summary."""
    (home / "conf").mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text("", encoding="utf-8")
    classpath = f"{LAUNCHER / 'estuary-neo4j.jar'}:{LAUNCHER / 'lib'}/*"
    command = ["java", "-Xmx1g", "-cp", classpath, "org.neo4j.cli.AdminTool", "database",
               "import", "full", "neo4j", "--overwrite-destination", "--multiline-fields=true",
               f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}", f"--threads={threads}",
               "--max-off-heap-memory=1g", f"--report-file={home / 'import.report'}",
               *csv_args]
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    t0 = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"the importer failed (exit {done.returncode}):\n"
                         + (done.stdout + done.stderr)[-3000:])
    found = re.search(r"Imported:\s*(.*?)(?:Peak memory|\Z)", done.stdout, re.S)
    summary = " ".join(found.group(1).split()) if found else done.stdout.strip()[-300:]
    return took, summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uri", default="bolt://127.0.0.1:7698", help="Neo4j to WIPE and load")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD"))
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2,
                    help="importer threads (default: the CPUs, %(default)s)")
    ap.add_argument("--wipe-anything", action="store_true")
    args = ap.parse_args(argv)
    if not (LAUNCHER / "lib").is_dir():
        raise SystemExit(f"no {LAUNCHER / 'lib'}: build the launcher (scripts/neo4j.sh build)")

    log(f"generating {args.nodes} nodes / {args.rels} relations ...")
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    rows = len(bundle.entities) + len(bundle.relations)
    results: list[tuple[str, float, str]] = []

    store = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri=args.uri,
                                             neo4j_user=args.user,
                                             neo4j_password=args.password))
    guard_and_wipe(store, args.wipe_anything)
    store.driver.execute_query(f"MATCH (n:{cypher.META}) DELETE n")  # empty: the first load
    before = loadavg()
    log("estuary: Neo4jStore.load into the empty database ...")
    t0 = time.perf_counter()
    summary = store.load(bundle)
    online = time.perf_counter() - t0
    results.append(("estuary `Neo4jStore.load` (empty database: create path; constraints "
                    "and name indexes included)", online, f"{summary}; load avg {before} → "
                    f"{loadavg()}"))
    store.close()

    with tempfile.TemporaryDirectory(prefix="estuary-bulk-") as tmp:
        folder, home = Path(tmp) / "csv", Path(tmp) / "home"
        folder.mkdir()
        before = loadavg()
        log("CSV files ...")
        t0 = time.perf_counter()
        csv_args = write_csvs(bundle, folder)
        written = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in folder.iterdir())
        results.append(("writing the CSV files (Python, for the importer)", written,
                        f"{size / 2**20:.1f} MiB; load avg {before} → {loadavg()}"))
        before = loadavg()
        log("neo4j-admin database import full ...")
        took, imported = offline_import(csv_args, home, args.threads)
        results.append((f"`neo4j-admin database import full` ({args.threads} threads; store "
                        "files only, no index)", took, f"{imported}; load avg {before} → "
                        f"{loadavg()}"))
        shutil.rmtree(home, ignore_errors=True)

    m = machine()
    lines = ["| what | seconds | rows/s | notes |", "| --- | ---: | ---: | --- |"]
    lines += [f"| {what} | {sec:.1f} | {rows / sec:,.0f} | {note} |" for what, sec, note in results]
    offline = results[1][1] + results[2][1]
    lines += ["", f"Graph: {len(bundle.entities):,} entities, {len(bundle.relations):,} relations "
              f"(seed {args.seed}). Machine: {m['nproc']} CPUs, {m['ram']}; {m.get('code', '')}; "
              f"{m.get('libs', '')}.", "",
              f"estuary's first load / importer alone: **{online / results[2][1]:.1f}x**; "
              f"/ CSV + importer: **{online / offline:.1f}x** (target: within 3x)."]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
