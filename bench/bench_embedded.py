"""The embedded (SQLite) store, end to end, before (a baseline tree) and after, in one run.

For each size (`--sizes`, default 100k nodes / 500k relations and 1M / 5M):

1. load the `bench.synth` graph into a new store with each tree's `EmbeddedStore.load`, each
   in a process of its own (the same seed, so the same graph; its generation is not timed):
   wall seconds, CPU seconds of the loading process, relations per second, file size;
2. time `estuary --db F <question> --json` as a new process each time (process start, imports,
   opening the store, the answer), for show, search, path and links between the synthetic
   graph's two bench cities; per run, every question on the baseline then on the new store
   (interleaved, so load on the shared machine hits both alike); p50 and max over `--runs`,
   the CPU time (user + system) and the peak RSS of each process (VmHWM). The answers of both
   trees must be identical;
3. the same questions through the CLI inside the bench process (warm: no process start, no
   imports), to tell the store's share from the start-up's.

Both stores get the bundled digest in their metadata, so no command loads the bundled data.

    git worktree add /tmp/base-load14 c743471   # the baseline tree, once (--baseline)
    python bench/bench_embedded.py --sizes 100000:500000 --runs 5
    python bench/bench_embedded.py --sizes 100000:500000 --runs 1 --onto onto-bundled
    python bench/bench_embedded.py --sizes 1000000:5000000 --store /tmp/built-1m.db
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.synth import BENCH_A, BENCH_B  # noqa: E402

QUESTIONS: dict[str, list[str]] = {
    "show": ["show", BENCH_A, "--json"],
    "search": ["search", "甲城", "--json"],
    "search (pinyin)": ["search", "jiacheng", "--json"],
    "path": ["path", BENCH_A, BENCH_B, "--json"],
    "links": ["links", BENCH_A, BENCH_B, "--via", "industry", "--json"],
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(tree: Path, db: Path, args: list[str]) -> tuple[float, float, float, str]:
    """(seconds, CPU seconds, peak RSS in MiB, stdout) of one `estuary` process run from
    `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree), "ESTUARY_STORE": "embedded",
           "COLUMNS": "200"}
    env.pop("ESTUARY_DB", None)
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as hwm:
        started = time.perf_counter()
        cpu = _children_cpu()
        done = subprocess.run(
            [sys.executable, "-c", _LAUNCH, hwm.name, "--db", str(db), *args], cwd=tree,
            env=env, stdout=out, stderr=subprocess.PIPE, check=False)
        seconds = time.perf_counter() - started
        cpu = _children_cpu() - cpu
        if done.returncode:
            raise SystemExit(f"{tree}: estuary {' '.join(args)} failed: {done.stderr.decode()}")
        out.seek(0)
        text = out.read().decode()
        peak_kib = int(hwm.read().split()[1])
    return seconds, cpu, peak_kib / 1024, text.replace(str(db), "<db>")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# The CLI, reporting its peak resident memory (VmHWM: this process only, unlike ru_maxrss,
# which Linux carries over from the forking bench) to the file named by argv[1] at exit.
_LAUNCH = """import atexit, sys
report = sys.argv.pop(1)
def peak():
    with open('/proc/self/status') as fh, open(report, 'w') as out:
        out.write(next(line for line in fh if line.startswith('VmHWM')))
atexit.register(peak)
from estuary.cli import main
main()
"""


# One load in a fresh process of the tree on PYTHONPATH: prints [wall s, CPU s, relations].
_LOAD = """import json, sys, time
from pathlib import Path
from bench.synth import synth_bundle
from graph.embedded import EmbeddedStore
from loaders.bundled import bundled_digest
nodes, rels, seed, db = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
bundle = synth_bundle(nodes, rels, seed)
store = EmbeddedStore(db)
if sys.argv[5] == "onto-bundled":
    from estuary.stores import ensure_bundled
    ensure_bundled(store)
started, cpu = time.perf_counter(), time.process_time()
store.load(bundle, meta={"bundled_digest": bundled_digest()})
print(json.dumps([time.perf_counter() - started, time.process_time() - cpu,
                  len(bundle.relations)]))
"""


def load_in(tree: Path, db: Path, nodes: int, rels: int, seed: int,
            onto: str) -> tuple[float, float, int]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", _LOAD, str(nodes), str(rels), str(seed),
                           str(db), onto], cwd=tree, env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode:
        raise SystemExit(f"{tree}: the load failed: {done.stderr}")
    wall, cpu, n_rel = json.loads(done.stdout.strip().splitlines()[-1])
    return wall, cpu, n_rel


def bench_size(nodes: int, rels: int, args: argparse.Namespace, folder: Path) -> list[str]:
    stores = {"before": (args.baseline, folder / f"before-{nodes}.db"),
              "after": (ROOT, folder / f"after-{nodes}.db")}
    if args.store is not None:  # built once: both trees question the same file, no load
        stores = {"before": (args.baseline, args.store), "after": (ROOT, args.store)}
    loads: dict[str, str] = {}
    n_rel = rels
    for name, (tree, db) in ({} if args.store is not None else stores).items():
        log(f"{name}: generating and loading {nodes:,} nodes / {rels:,} relations ...")
        avg = load_average()
        wall, cpu, n_rel = load_in(tree, db, nodes, rels, args.seed, args.onto)
        size = db.stat().st_size
        loads[name] = (f"| {name} | {wall:.1f} | **{n_rel / wall:,.0f}** | {cpu:.1f} | "
                       f"{n_rel / cpu:,.0f} | {size / 2**20:,.0f} | {avg} |")
        log(f"{name}: loaded in {wall:.1f}s ({n_rel / wall:,.0f} relations/s), cpu {cpu:.1f}s "
            f"({n_rel / cpu:,.0f}/s), {size / 2**20:,.0f} MiB")
    times: dict[tuple[str, str], list[float]] = {}
    cpus: dict[tuple[str, str], list[float]] = {}
    rss: dict[tuple[str, str], float] = {}
    answers: dict[tuple[str, str], str] = {}
    averages = [load_average()]
    for i in range(args.runs):
        for q, qargs in QUESTIONS.items():
            for name, (tree, db) in stores.items():
                seconds, cpu, peak, text = run(tree, db, qargs)
                times.setdefault((name, q), []).append(seconds)
                cpus.setdefault((name, q), []).append(cpu)
                rss[name, q] = max(rss.get((name, q), 0.0), peak)
                if answers.setdefault((name, q), text) != text:
                    raise SystemExit(f"{name} {q}: the answer changed between runs")
        averages.append(load_average())
        log(f"run {i + 1}/{args.runs} done (load average {averages[-1]})")
    warm = warm_times(stores["after"][1], args.runs)
    same = all(answers["before", q] == answers["after", q] for q in QUESTIONS)
    load_lines = ["The store was built once, before this run (`--store`): no load timed.", ""]
    lines = [f"### {nodes:,} entities / {n_rel:,} relations", "",
             *(load_lines if args.store is not None else [
             ("Load (`EmbeddedStore.load` into a new file" if args.onto == "new" else
              "Load (`EmbeddedStore.load` onto a store holding the bundled data, as `estuary "
              "load` does")
             + ", one process per tree, the graph's generation not timed):", "",
             "| tree | wall s | relations/s | CPU s | relations per CPU s | file MiB "
             "| load average at start |", "|---|---:|---:|---:|---:|---:|---|",
             *loads.values(), ""]),
             "| question | tree | p50 s | max s | CPU p50 s | peak RSS MiB |",
             "|---|---|---:|---:|---:|---:|"]
    for q in QUESTIONS:
        for name in stores:
            t = times[name, q]
            lines.append(f"| {q} | {name} | {statistics.median(t):.2f} | {max(t):.2f} | "
                         f"{statistics.median(cpus[name, q]):.2f} | {rss[name, q]:,.0f} |")
    lines += ["", "In-process, warm (after; imports done, the store opened and the question "
              "answered and rendered by the CLI in the bench process), p50 ms: "
              + ", ".join(f"{q} {statistics.median(t) * 1000:.0f}" for q, t in warm.items())
              + "."]
    lines += ["", f"Runs: {args.runs} per cell, interleaved before/after per question. 1-minute "
              f"load average before and after each run: {' → '.join(averages)}.",
              f"Answers of before and after identical: {'yes' if same else 'NO'}."]
    for _, db in stores.values():
        if args.store is None:
            db.unlink(missing_ok=True)
    return [*lines, ""]


def warm_times(db: Path, runs: int) -> dict[str, list[float]]:
    """Each question through the CLI in this process, after one warm-up: no process start, no
    imports; opening the store, the question and the rendering only."""
    from typer.testing import CliRunner

    from estuary.cli import app

    runner = CliRunner()
    out: dict[str, list[float]] = {}
    for q, qargs in QUESTIONS.items():
        runner.invoke(app, ["--db", str(db), *qargs])
        for _ in range(runs):
            started = time.perf_counter()
            result = runner.invoke(app, ["--db", str(db), *qargs])
            out.setdefault(q, []).append(time.perf_counter() - started)
            if result.exit_code:
                raise SystemExit(f"in-process {q} failed: {result.output}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000:500000,1000000:5000000",
                    help="nodes:relations, comma-separated")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--baseline", type=Path, default=Path("/tmp/base-load14"),
                    help="a worktree of the baseline commit (c743471)")
    ap.add_argument("--onto", choices=("new", "onto-bundled"), default="new",
                    help="load into a new file (a first load), or onto a store that holds "
                         "the bundled data (an incremental load, the path `estuary load` takes)")
    ap.add_argument("--dir", type=Path, default=None, help="where the stores go (a temp dir)")
    ap.add_argument("--store", type=Path, default=None,
                    help="question this store (one size in --sizes, the graph it holds) with "
                         "both trees, without loading: a 1M store is built once; it is kept")
    args = ap.parse_args(argv)
    if not (args.baseline / "graph" / "embedded.py").is_file():
        raise SystemExit(f"no baseline tree at {args.baseline}: git worktree add "
                         f"{args.baseline} c743471")
    with tempfile.TemporaryDirectory(prefix="estuary-bench-embedded-",
                                     dir=args.dir) as tmp:
        out = [f"Machine: {os.cpu_count()} cores, {platform_line()}; "
               f"python {sys.version.split()[0]}.", ""]
        for size in args.sizes.split(","):
            nodes, rels = (int(x) for x in size.split(":"))
            out += bench_size(nodes, rels, args, Path(tmp))
            print("\n".join(out), flush=True)
    return 0


def platform_line() -> str:
    import platform

    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        cpu += f", {int(mem.split()[1]) / 2**20:.0f} GiB RAM"
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {platform.platform()}"


if __name__ == "__main__":
    raise SystemExit(main())
