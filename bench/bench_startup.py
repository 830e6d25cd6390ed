"""CLI start-up of two source trees against a one-command Typer app, in the same run.

    python bench/bench_startup.py BEFORE_TREE AFTER_TREE [--runs 30]

Each command runs with PYTHONPATH=TREE (its own store file, built by a warm-up run). Runs are
interleaved round-robin, so a change in machine load hits every command alike, and both wall
time and CPU time (user + system of the child) are reported: on a shared machine CPU time is
the steadier of the two.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run(cmd: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    py = sys.executable
    tmp = Path(tempfile.mkdtemp())
    commands: dict[str, tuple[list[str], dict[str, str], str]] = {
        "one-command Typer app --help": ([py, str(HERE / "onecmd.py"), "--help"], {}, "/"),
        "one-command Typer app (prints JSON)": ([py, str(HERE / "onecmd.py")], {}, "/"),
    }
    for name, tree in (("before", args.before), ("after", args.after)):
        env = {"PYTHONPATH": tree, "ESTUARY_DB": str(tmp / f"{name}.json")}
        subprocess.run([py, "-m", "estuary", "stats"], env={**os.environ, **env}, cwd=tree,
                       check=True, stdout=subprocess.DEVNULL)
        commands[f"{name}: estuary --help"] = ([py, "-m", "estuary", "--help"], env, tree)
        commands[f"{name}: estuary show 南通 --json"] = (
            [py, "-m", "estuary", "show", "南通", "--json"], env, tree)
        commands[f"{name}: estuary links 南通 苏州 --json"] = (
            [py, "-m", "estuary", "links", "南通", "苏州", "--json"], env, tree)
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for i in range(args.runs + 2):
        for name, (cmd, env, cwd) in commands.items():
            sample = _run(cmd, {**os.environ, **env}, cwd)
            if i >= 2:  # two warm-up rounds
                times[name].append(sample)
    print(f"{args.runs} interleaved runs each; median (p25–p75), milliseconds; "
          f"load average {os.getloadavg()[0]:.2f}")
    print("| command | wall | CPU (user+sys) |")
    print("|---|---|---|")
    for name, samples in times.items():
        walls = sorted(s[0] for s in samples)
        cpus = sorted(s[1] for s in samples)
        q = statistics.quantiles
        print(f"| {name} | {statistics.median(walls):.0f} ({q(walls)[0]:.0f}–{q(walls)[2]:.0f}) "
              f"| {statistics.median(cpus):.0f} ({q(cpus)[0]:.0f}–{q(cpus)[2]:.0f}) |")


if __name__ == "__main__":
    main()
