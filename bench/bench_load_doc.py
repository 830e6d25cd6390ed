"""load-doc on big documents: time, throughput and peak memory for 1, 10 and 50 MB of text.

    .venv/bin/python bench/bench_load_doc.py [--sizes 1,10,50] [--db /tmp/bench-doc.json]

The text repeats the bundled article's paragraphs (so it names hundreds of entities, in real
sentences), plus one line of 100,000 characters without a sentence end. Each size runs in a
fresh process on a fresh embedded store with the bundled data; memory is the rise of the
process's peak RSS during load-doc, over the opened store. Throughput is per CPU second (the
wall time is shown too: on a shared machine it measures the neighbours).
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "sources" / "seed-article.txt"


def make_text(path: Path, megabytes: float) -> int:
    """Write about `megabytes` MB of article-like text; its size in bytes."""
    article = ARTICLE.read_text(encoding="utf-8")
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        fh.write("长江口产业创新协同区调研汇编\n")
        fh.write("南通" * 50_000 + "\n")  # one 100,000-character "sentence"
        n = 0
        while written < target:
            n += 1
            block = f"第{n}部分\n{article}\n"
            fh.write(block)
            written += len(block.encode("utf-8"))
    return path.stat().st_size


def run_one(doc: Path, db: Path) -> dict[str, float]:
    from estuary.stores import open_store
    from graph.settings import StoreSettings
    from loaders.document import load_document

    store = open_store(StoreSettings(kind="embedded", db=db))
    import gc

    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    result = load_document(store, doc, source_id="source:bench-doc")
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    # ru_maxrss only grows: its rise is the peak this load added over the opened store.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before * 1024
    return {"seconds": seconds, "cpu": cpu, "peak_traced": peak, "sentences": result.sentences,
            "named": len(result.mentions), "split": result.split,
            "rss_before": rss_before * 1024,
            "rss_after": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "store_bytes": db.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,50")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(Path(args.one[0]), Path(args.one[1]))))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in [float(s) for s in args.sizes.split(",")]:
            doc = Path(tmp) / f"doc-{size:g}mb.txt"
            db = Path(tmp) / f"store-{size:g}.json"
            nbytes = make_text(doc, size)
            out = subprocess.run([sys.executable, __file__, "--one", str(doc), str(db)],
                                 capture_output=True, text=True, check=True,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
            r = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append((nbytes, r))
            doc.unlink()
    print("| text | sentences | entities named | long sentences cut | wall time | CPU time | "
          "throughput (CPU) | peak memory added (RSS) | peak / text | store after |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for nbytes, r in rows:
        print(f"| {nbytes / 1e6:.1f} MB | {r['sentences']:,} | {r['named']} | {r['split']} | "
              f"{r['seconds']:.1f} s | {r['cpu']:.1f} s | {nbytes / 1e6 / r['cpu']:.1f} MB/s | "
              f"{r['peak_traced'] / 1e6:.1f} MB | {r['peak_traced'] / nbytes:.2f}× | "
              f"{r['store_bytes'] / 1e6:.2f} MB |")


if __name__ == "__main__":
    main()
