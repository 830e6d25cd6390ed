"""Warm Neo4j read latency at scale: show, search, path, links and name lookup, p50/p95.

Two steps, so a big graph is built once and measured by several checkouts:

1. `--import HOME`: the synthetic graph (`bench/synth.py`) written as CSV and loaded by Neo4j's
   offline importer (the CSV files and importer call of `estuary load --bulk`) straight into
   the database of a STOPPED server whose ESTUARY_NEO4J_HOME is HOME (its `neo4j` database is
   overwritten). Start the server afterwards; the first measuring run creates the constraints
   and name indexes estuary's own load would have (minutes at 1M).
2. `--uri URI [--tree DIR]`: the seeded items of bench_stores (`links` via industry between
   cities/parks, `shortest_paths` between things, `show`/`search`/name lookup of their names),
   a warm-up run of each, then `--repeat` timed runs; wall and CPU time of this process; a
   digest of every answer, so two checkouts can be shown to give the same answers.

    python bench/neo4j_reads.py --nodes 100000 --rels 500000 --import /tmp/neo4j-bench
    python bench/neo4j_reads.py --uri bolt://127.0.0.1:7714 --tree /tmp/base --json base.json
    python bench/neo4j_reads.py --uri bolt://127.0.0.1:7714 --json after.json --compare base.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import tempfile
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
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.settings import StoreSettings  # noqa: E402
from queries import errors as query_errors  # noqa: E402
from queries.links import links  # noqa: E402
from queries.paths import shortest_paths  # noqa: E402
from queries.search import search  # noqa: E402
from queries.show import show  # noqa: E402

THINGS = ("City", "Region", "Industry", "Park", "Mechanism", "Organization", "Initiative",
          "Infrastructure")


def import_offline(args: argparse.Namespace) -> None:
    """The synthetic graph into a stopped launcher's home, through the same CSV files and
    importer call as `estuary load --bulk` (graph/neo4j_bulk*.py)."""
    from graph.neo4j_bulk import run_importer
    from graph.neo4j_bulk_csv import write_csvs
    from graph.neo4j_plan import plan

    jar = ROOT / "tools" / "neo4j" / "target" / "estuary-neo4j.jar"
    if not jar.is_file():
        raise SystemExit(f"{jar} is missing: build it once with scripts/neo4j.sh start")
    t0 = time.perf_counter()
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    print(f"synth {time.perf_counter() - t0:.0f}s: {len(bundle.entities)} entities, "
          f"{len(bundle.relations)} relations", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="estuary-reads-") as tmp:
        t0 = time.perf_counter()
        csv_args, residue = write_csvs(plan(bundle, sized=False), Path(tmp))
        print(f"csv {time.perf_counter() - t0:.0f}s", file=sys.stderr)
        # The synthetic names' empty alias lists are all CSV cannot carry here: an entity
        # without the property reads the same (no aliases). Anything else: load --bulk.
        empty = all(v == [] for _, props in residue.node_props for v in props.values())
        if not empty or any(residue.relations.values()):
            raise SystemExit("the synthetic graph has values CSV cannot carry; load it with "
                             "`estuary load --bulk` instead")
        t0 = time.perf_counter()
        summary = run_importer(jar, args.import_home, csv_args, Path(tmp), args.threads)
        print(f"import {time.perf_counter() - t0:.0f}s: {summary}", file=sys.stderr)


def prepare(store: Neo4jStore) -> None:
    """What estuary's load leaves besides the rows: constraints and name indexes."""
    t0 = time.perf_counter()
    store.ensure_constraints()
    store.index_names()
    store.driver.execute_query("CALL db.awaitIndexes(3600)", database_=store.database)
    print(f"constraints and indexes {time.perf_counter() - t0:.0f}s", file=sys.stderr)


def digest(value: Any) -> str:
    text = json.dumps(value.to_dict() if hasattr(value, "to_dict") else value,
                      sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def items(args: argparse.Namespace) -> dict[str, Any]:
    """The seeded items, kept in a file beside the system's temporary files (the 1M graph
    takes ~10 minutes to generate again for each tree measured)."""
    cache = Path(tempfile.gettempdir()) / (
        f"estuary-reads-items-{args.nodes}-{args.rels}-{args.seed}-{args.queries}.json")
    if cache.exists():
        return json.loads(cache.read_text("utf-8"))
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    n = args.queries
    places = sample_ids(bundle, ("City", "Park"), 2 * n, args.seed + 1)
    found = {
        "pairs": [(BENCH_A, BENCH_B), *zip(places[0::2], places[1::2], strict=True)][:n],
        "ends": sample_ids(bundle, THINGS, 2 * n, args.seed + 2),
        "names": [bundle.entities[c].name
                  for c in sample_ids(bundle, THINGS, n, args.seed + 3)]}
    cache.write_text(json.dumps(found, ensure_ascii=False), "utf-8")
    return found


def latin_names(store: Neo4jStore, ids: list[str], per: int = 1) -> list[str]:
    """English / pinyin searches drawn from the synthetic graph's entities `ids` (the
    seeded path ends). One each (per=1), in turn: an exact English name, an exact pinyin
    key, a prefix of a pinyin key, a misspelt one (a letter changed, dropped or doubled,
    the place picked by a hash of the id: the same set for every tree and run). More each
    (per > 1, for comparing trees on many searches): those four kinds, then an English
    name misspelt, its first word, a pinyin key's last two thirds, and it with a letter
    swapped with the next, each placed by a hash of the id and the variant's number."""
    out: list[str] = []
    entities = store.entities(ids)
    for i, entity_id in enumerate(ids):
        e = entities[entity_id]
        py = min((k for k in e.keys if k.isascii()), key=len, default=e.id.split(":")[1])
        en = e.name_en or py
        for j in range(per):
            seed = entity_id if j == 0 else f"{entity_id}#{j}"
            h = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
            kind = i % 4 if per == 1 else j % 8
            out.append(_latin_variant(kind, py, en, h))
    return out


def _latin_variant(kind: int, py: str, en: str, h: int) -> str:
    at = 1 + h % max(1, len(py) - 2)
    if kind == 0:
        return en
    if kind == 1:
        return py
    if kind == 2:
        return py[:max(4, len(py) * 2 // 3)]
    if kind == 3:
        slip = (h >> 8) % 3
        return (py[:at] + "xzq"[h % 3] + py[at + 1:] if slip == 0
                else py[:at] + py[at + 1:] if slip == 1
                else py[:at] + py[at] + py[at:])
    if kind == 4:
        spot = 1 + h % max(1, len(en) - 2)
        return en[:spot] + en[spot + 1:]
    if kind == 5:
        return en.split()[0]
    if kind == 6:
        return py[len(py) // 3:]
    at = min(at, len(py) - 2)
    return py[:at] + py[at + 1] + py[at] + py[at + 2:]


def jobs(args: argparse.Namespace, store: Neo4jStore) -> dict[str, list[tuple[str, Any]]]:
    found = items(args)
    pairs, ends, names = found["pairs"], found["ends"], found["names"]
    latin = (latin_names(store, ends[:args.queries]) if args.latin_per == 1
             else latin_names(store, ends, args.latin_per))
    return {
        "show": [(m, lambda s, m=m: show(s, m)) for m in names],
        "search": [(m, lambda s, m=m: search(s, m)) for m in names],
        "search_latin": [(m, lambda s, m=m: search(s, m)) for m in latin],
        "path": [(f"{a}..{b}", lambda s, a=a, b=b: shortest_paths(s, a, b))
                 for a, b in zip(ends[0::2], ends[1::2], strict=True)],
        "links": [(f"{a}..{b}", lambda s, a=a, b=b: links(s, a, b, via="industry"))
                  for a, b in pairs],
        "name lookup": [(m, lambda s, m=m: [e.id for e in s.find_by_key(m)]) for m in names],
    }


def measure(store: Neo4jStore, work: dict[str, list[tuple[str, Any]]],
            repeat: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for question, items in work.items():
        walls, cpus, answers = [], [], {}
        for label, fn in items:
            for run in range(repeat + 1):  # the first run warms up
                w0, c0 = time.perf_counter(), time.process_time()
                try:
                    answer = digest(fn(store))
                except query_errors.QueryError as e:
                    answer = f"{type(e).__name__}: {e}"
                wall, cpu = time.perf_counter() - w0, time.process_time() - c0
                if run == 0:
                    answers[label] = answer
                else:
                    walls.append(wall * 1000)
                    cpus.append(cpu * 1000)
        walls.sort()
        out[question] = {
            "items": len(items), "p50 ms": round(statistics.median(walls), 1),
            "p95 ms": round(walls[int(0.95 * (len(walls) - 1))], 1),
            "cpu p50 ms": round(statistics.median(cpus), 1), "answers": answers}
        print(f"{question}: {out[question]['p50 ms']} / {out[question]['p95 ms']} ms "
              f"(cpu {out[question]['cpu p50 ms']})", file=sys.stderr)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", type=Path, default=ROOT, help="measure this checkout's code")
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--import", dest="import_home", type=Path,
                    help="import the graph offline into this (stopped) server home")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--uri", help="a Neo4j holding the synthetic graph of the same size")
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "estuary-test"))
    ap.add_argument("--queries", type=int, default=20, help="items per question")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per item")
    ap.add_argument("--latin-per", type=int, default=1,
                    help="search_latin: searches per entity (8: eight kinds, every path end)")
    ap.add_argument("--only", default="show,search,search_latin,path,links,name lookup")
    ap.add_argument("--json", type=Path, help="write the figures and answer digests here")
    ap.add_argument("--compare", type=Path, help="an earlier --json: report differing answers")
    args = ap.parse_args()
    if args.import_home:
        import_offline(args)
        return 0
    if not args.uri:
        ap.error("give --import HOME or --uri URI")
    store = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri=args.uri,
                                             neo4j_password=args.password))
    prepare(store)
    work = {k: v for k, v in jobs(args, store).items() if k in args.only.split(",")}
    load = os.getloadavg()[0]
    result = {"tree": str(TREE), "nodes": args.nodes, "rels": args.rels,
              "load avg before": round(load, 2), **measure(store, work, args.repeat),
              "load avg after": round(os.getloadavg()[0], 2)}
    store.close()
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    if args.compare:
        before = json.loads(args.compare.read_text("utf-8"))
        for question in work:
            old, new = before.get(question, {}).get("answers", {}), result[question]["answers"]
            differ = [k for k in new if k in old and old[k] != new[k]]
            print(f"{question}: {len(new) - len(differ)} same, {len(differ)} differ "
                  f"{differ[:5]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
