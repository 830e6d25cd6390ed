"""Benchmark importing a 100k-row sheet, against the same rows as CSV and as YAML.

One synthetic parks table (default 100,000 rows: a park name, its type and the city it is
in, by name, with a source) is written four ways: .xlsx (an entity table, ids made from the
names), CSV in GBK (the same table), and YAML (the same entities with ids, and the
LOCATED_IN relations by id: the baseline the loader always read). Each is then, in a fresh
process (so peak memory is its own), validated (`read_bundle` with the bundled data, as
`estuary validate` does) and loaded into a new embedded store (`estuary load`), and the wall
time and peak resident memory printed as a markdown table.

    python bench/bench_sheets.py --rows 100000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "source:facts-whb-qidong-pudong-platforms"
CITIES = ["南通", "苏州", "无锡", "启东", "海门区", "如皋", "常熟", "昆山", "上海", "浦东"]


def _rows(n: int) -> list[tuple[str, str]]:
    return [(f"基准园区{i:06d}号", CITIES[i % len(CITIES)]) for i in range(n)]


def write_inputs(folder: Path, n: int) -> dict[str, Path]:
    from openpyxl import Workbook

    from loaders.sheets import stable_id

    rows = _rows(n)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("园区")
    ws.append(["名称", "类型", "所在地", "来源"])
    for name, city in rows:
        ws.append([name, "园区", city, SOURCE])
    xlsx = folder / "parks.xlsx"
    wb.save(xlsx)
    csv = folder / "parks-gbk.csv"
    csv.write_bytes(("名称,类型,所在地,来源\r\n" + "".join(
        f"{name},园区,{city},{SOURCE}\r\n" for name, city in rows)).encode("gbk"))
    city_ids = {"南通": "city:nantong", "苏州": "city:suzhou", "无锡": "city:wuxi",
                "启东": "city:qidong", "海门区": "city:haimen", "如皋": "city:rugao",
                "常熟": "city:changshu", "昆山": "city:kunshan", "上海": "city:shanghai",
                "浦东": "city:pudong"}
    lines = ["entities:"]
    for name, _ in rows:
        lines += [f"  - id: {stable_id('Park', name)}", f"    name: {name}"]
    lines.append("relations:")
    for name, city in rows:
        lines.append(f"  - {{type: LOCATED_IN, from: {stable_id('Park', name)}, "
                     f"to: {city_ids[city]}, source: {SOURCE}}}")
    yaml = folder / "parks.yaml"
    yaml.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"xlsx": xlsx, "csv (GBK)": csv, "yaml (baseline)": yaml}


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from graph.embedded import EmbeddedStore
from estuary.stores import ensure_bundled
from estuary.loading import load_files
path, db, step = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
store = EmbeddedStore(db)
ensure_bundled(store)
start = time.perf_counter()
done = load_files(store, [path], dry_run=(step == "validate"))
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
made = (len(done.changes.entities_created), len(done.changes.relations_created)) if (
    done.summary is None) else (done.summary.entities_created, done.summary.relations_created)
print(json.dumps({"seconds": took, "peak_mb": peak, "records": len(done.records),
                  "entities": made[0], "relations": made[1]}))
"""


def run(path: Path, step: str, folder: Path) -> dict[str, float]:
    db = folder / f"{path.stem}-{step}-{time.monotonic_ns()}.json"
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(db), step],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    if out.returncode:
        raise SystemExit(f"{path.name} {step} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        inputs = write_inputs(folder, args.rows)
        print(f"{args.rows} rows written in {time.perf_counter() - start:.1f} s: " + ", ".join(
            f"{k} {p.stat().st_size / 1e6:.1f} MB" for k, p in inputs.items()))
        print()
        print("| input | step | wall s | rows/s | peak RSS MB | entities | relations |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for name, path in inputs.items():
            for step in ("validate", "load"):
                got = run(path, step, folder)
                print(f"| {name} | {step} | {got['seconds']:.1f} | "
                      f"{args.rows / got['seconds']:,.0f} | {got['peak_mb']:.0f} | "
                      f"{got['entities']:,} | {got['relations']:,} |", flush=True)


if __name__ == "__main__":
    main()
