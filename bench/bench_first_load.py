"""An embedded store's first load alone, before (a baseline tree) and after, on the same bundle.

The `bench.synth` graph is generated once and pickled (not timed); then, per run, each tree
loads it into a new file in a process of its own (trees in turn, so the shared machine's load
hits both alike): wall and CPU seconds of `EmbeddedStore.load`, relations per second of each.

- `--mode first`: `EmbeddedStore(new file).load(bundle)`, a first load;
- `--mode cli`: what `estuary --db NEW load FILES` does: the bundled data, then the bundle
  (a tree whose `load` takes `base=` builds both in one file; an older one loads the bundled
  data first, `ensure_bundled`, then the bundle onto it).

    git worktree add /tmp/base-emb2 64b1506
    python bench/bench_first_load.py --baseline /tmp/base-emb2 --runs 2 --mode first
    python bench/bench_first_load.py --baseline /tmp/base-s6 --runs 1 --nodes 1000000 \
        --rels 5000000 --bundle /tmp/b1m.pkl --dir /tmp
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_GENERATE = """import pickle, sys
from bench.synth import synth_bundle
pickle.dump(synth_bundle(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])),
            open(sys.argv[4], "wb"), protocol=5)
"""

# One load in a fresh process of the tree on PYTHONPATH: prints [wall s, CPU s, relations].
_LOAD = """import json, pickle, sys, time
from pathlib import Path
from graph.embedded import EmbeddedStore
from loaders.bundled import bundled_digest, read_bundled
bundle = pickle.load(open(sys.argv[1], "rb"))
store = EmbeddedStore(Path(sys.argv[2]))
base = read_bundled() if sys.argv[3] == "cli" else None
started, cpu = time.perf_counter(), time.process_time()
if base is None:
    store.load(bundle, meta={})
elif "base" in EmbeddedStore.load.__code__.co_varnames:
    store.load(bundle, meta={}, base=(base, {"bundled_digest": bundled_digest()}))
else:
    from estuary.stores import ensure_bundled
    ensure_bundled(store)
    store.load(bundle, meta={})
print(json.dumps([time.perf_counter() - started, time.process_time() - cpu,
                  len(bundle.relations)]))
"""


def _python(tree: Path, code: str, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=tree, env=env,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{tree}: {done.stderr}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--mode", choices=("first", "cli"), default="first")
    ap.add_argument("--baseline", type=Path, required=True, help="a worktree of the baseline")
    ap.add_argument("--dir", type=Path, default=None, help="where the files go (a temp dir)")
    ap.add_argument("--bundle", type=Path, default=None,
                    help="a pickled bundle to load (kept; made here from --nodes, --rels and "
                         "--seed if it does not exist): a 1M bundle takes minutes to generate")
    args = ap.parse_args(argv)
    print("| run | tree | wall s | relations/s | CPU s | relations per CPU s | load average |")
    print("|---|---|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="estuary-first-load-", dir=args.dir) as tmp:
        pickled = args.bundle or Path(tmp) / "bundle.pkl"
        if not pickled.exists():
            _python(ROOT, _GENERATE, str(args.nodes), str(args.rels), str(args.seed),
                    str(pickled))
        for run in range(1, args.runs + 1):
            for name, tree in (("before", args.baseline), ("after", ROOT)):
                db = Path(tmp) / f"{name}.db"
                avg = " ".join(f"{x:.1f}" for x in os.getloadavg())
                out = _python(tree, _LOAD, str(pickled), str(db), args.mode)
                wall, cpu, n = json.loads(out.strip().splitlines()[-1])
                print(f"| {run} | {name} | {wall:.1f} | {n / wall:,.0f} | {cpu:.2f} | "
                      f"{n / cpu:,.0f} | {avg} |", flush=True)
                for side in ("", "-wal", "-shm", ".lock"):
                    Path(str(db) + side).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
