"""Benchmark both stores on one synthetic graph: Neo4j load (batched vs per row), query latency.

In one run, on the graph `bench.synth` generates (default 100k nodes / 500k relations):

1. the embedded store: build (load + save), file size, re-open time;
2. Neo4j, per-row baseline: into a wiped database, one transaction per row (the loader's own
   MERGE statement with a single-row `$rows`) for `--sample` entities and `--sample`
   relations, extrapolated to the whole graph;
3. Neo4j, batched: the project's loader (`Neo4jStore.load`) into a wiped database;
4. warm latency (p50/p95) of `links` (via industry), `shortest_paths` and `neighbors`
   (depth 2) on both stores, over the same seeded entities, after a warm-up run of each;
5. candidate fixes of the slow Neo4j primitives, timed next to the current code on the same
   items and checked to give identical answers.

It prints a markdown report and writes it to `--out`. Anything in an existing `--out` below the
line `<!-- notes -->` is kept, so hand-written analysis survives a re-run.

THE DATABASE AT --uri IS WIPED. The script refuses a database that holds nodes and no bench
marker (use a throw-away server, e.g.
`NEO4J_BOLT_PORT=7698 ESTUARY_NEO4J_HOME=/tmp/neo4j-bench NEO4J_PASSWORD=estuary-bench
scripts/neo4j.sh start`), unless given --wipe-anything.

    python bench/bench_stores.py --uri bolt://127.0.0.1:7698 --password estuary-bench
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import shlex
import signal
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _tree() -> Path:
    """--tree DIR: measure the code of another checkout (e.g. the baseline commit) with this
    script; read before the imports below, which then come from that tree."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--tree" and i + 1 < len(args):
            return Path(args[i + 1]).resolve()
        if arg.startswith("--tree="):
            return Path(arg.split("=", 1)[1]).resolve()
    return ROOT


TREE = _tree()
sys.path[:0] = [str(TREE)] + ([str(ROOT)] if TREE != ROOT else [])

from bench.synth import BENCH_A, BENCH_B, sample_ids, synth_bundle  # noqa: E402
from graph import cypher  # noqa: E402
from graph.bundle import Bundle  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from graph.names import normalize  # noqa: E402
from graph.neo4j_plan import entity_row, relation_row  # noqa: E402
from graph.neo4j_store import Neo4jStore  # noqa: E402
from graph.schema import LABELS, REL_TYPES  # noqa: E402
from graph.settings import StoreSettings  # noqa: E402
from graph.store import MAX_PATHS, TooManyPaths, path_sort_key  # noqa: E402
from queries import errors as query_errors  # noqa: E402
from queries.links import links  # noqa: E402
from queries.neighbors import neighbors  # noqa: E402
from queries.paths import shortest_paths  # noqa: E402
from queries.search import search  # noqa: E402
from queries.show import show  # noqa: E402

# The city levels a links-style path search keeps off its paths (hubs), and the labels it
# walks through (links now finds typed links by relation; the path primitive is benchmarked
# with the spread it used to walk).
HUB_LEVELS = frozenset({"municipality", "prefecture", "province"})
INDUSTRY_PATH_LABELS = frozenset({"Industry", "Park", "Organization"})

# "no answer": NoPath, and links' own NoLinks where it exists
NO_ANSWER = tuple(getattr(query_errors, name) for name in ("NoPath", "NoLinks")
                  if hasattr(query_errors, name))

NOTES_MARK = "<!-- notes -->"
BENCH_META_KEY = "bench"

# Targets the report compares against.
TARGET_RATIO = 50.0  # batched rows/s over per-row rows/s
TARGET_P50_MS = {"neo4j": 50.0, "embedded": 10.0}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- machine --------------------------------------------------------------------------------

def machine() -> dict[str, str]:
    out = {"nproc": str(os.cpu_count() or "?"), "cpu": "?", "ram": "?",
           "python": platform.python_version(), "os": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                out["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                out["ram"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    try:
        import subprocess

        head = subprocess.run(["git", "-C", str(TREE), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(TREE), "status", "--porcelain", "--",
                                "graph", "queries", "loaders"],
                               capture_output=True, text=True, check=True).stdout.split("\n")
        changed = sorted(line[3:] for line in dirty if line.strip())
        out["code"] = f"commit {head}" + (
            f" plus uncommitted changes to {', '.join(changed)}" if changed
            else " (graph/, queries/, loaders/ unmodified)")
    except (OSError, subprocess.CalledProcessError):
        pass
    try:
        import neo4j
        import networkx

        out["libs"] = f"networkx {networkx.__version__}, neo4j driver {neo4j.__version__}"
        from importlib.metadata import PackageNotFoundError, version

        try:
            out["libs"] += f" with neo4j-rust-ext {version('neo4j-rust-ext')}"
        except PackageNotFoundError:
            out["libs"] += " (pure-Python packing: no neo4j-rust-ext)"
    except ImportError:
        pass
    return out


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def mib(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


# -- timing helpers -------------------------------------------------------------------------

class Timeout(Exception):
    pass


@contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Interrupt pure-Python work (the embedded store) after `seconds`."""
    def fire(signum: int, frame: Any) -> None:
        raise Timeout

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextmanager
def watchdog(store: Neo4jStore, seconds: float) -> Iterator[None]:
    """Terminate server transactions older than `seconds` while the block runs (Neo4j)."""
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(1.0):
            try:
                records, _, _ = store.driver.execute_query(
                    "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery AS q, "
                    "elapsedTime AS t WHERE t.milliseconds > $ms "
                    "AND NOT q STARTS WITH 'SHOW' RETURN id", ms=int(seconds * 1000))
                ids = [r["id"] for r in records]
                if ids:
                    store.driver.execute_query("TERMINATE TRANSACTIONS $ids", ids=ids)
            except Exception as exc:  # the watchdog must never kill the benchmark
                log(f"watchdog: {exc}")

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


# -- Neo4j ----------------------------------------------------------------------------------

def neo4j_info(store: Neo4jStore) -> dict[str, str]:
    info: dict[str, str] = {}
    records, _, _ = store.driver.execute_query(cypher.SERVER_CHECK)
    if records:
        info["version"] = f"{records[0]['versions'][0]} {records[0]['edition']}"
    try:
        records, _, _ = store.driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
            names=["server.memory.pagecache.size", "dbms.memory.transaction.total.max",
                   "db.memory.transaction.max", "db.transaction.timeout"])
        info.update({r["name"]: str(r["value"]) for r in records})
        records, _, _ = store.driver.execute_query(
            "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
            "RETURN attributes.HeapMemoryUsage.value.properties.max AS heap")
        if records and records[0]["heap"]:
            info["heap (JVM max)"] = mib(records[0]["heap"])
    except Exception as exc:
        log(f"could not read Neo4j settings: {exc}")
    return info


def guard_and_wipe(store: Neo4jStore, wipe_anything: bool) -> None:
    """Empty the database, refusing one that holds data this benchmark did not put there."""
    records, _, _ = store.driver.execute_query(
        f"OPTIONAL MATCH (m:{cypher.META} {{key: $key}}) "
        "RETURN count(m) AS marked, COUNT { MATCH (n) } AS nodes",
        key=BENCH_META_KEY, database_=store.database)
    marked, nodes = records[0]["marked"], records[0]["nodes"]
    if nodes and not marked and not wipe_anything:
        raise SystemExit(
            f"refusing to wipe {store.location}: it holds {nodes} nodes and no bench marker. "
            "Point --uri at a throw-away server, or pass --wipe-anything.")
    t0 = time.perf_counter()
    with store.driver.session(database=store.database) as session:
        # relationships first: DETACH DELETE of 10k nodes that include hubs would exceed
        # the per-transaction memory cap (db.memory.transaction.max)
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
        session.run(f"MERGE (m:{cypher.META} {{key: $key}}) SET m.value = 'wiped'",
                    key=BENCH_META_KEY).consume()
    if nodes:
        log(f"wiped {nodes} nodes in {time.perf_counter() - t0:.1f}s")


def per_row_baseline(store: Neo4jStore, bundle: Bundle, sample: int,
                     seed: int) -> dict[str, Any]:
    """One transaction per row, the loader's statement with a one-row $rows."""
    rng = random.Random(seed)
    ents = rng.sample(sorted(bundle.entities), min(sample, len(bundle.entities)))
    rel_keys = rng.sample(sorted(bundle.relations), min(sample, len(bundle.relations)))
    store.ensure_constraints()
    out: dict[str, Any] = {}
    with store.driver.session(database=store.database) as session:
        t0 = time.perf_counter()
        for eid in ents:
            entity = bundle.entities[eid]
            query = cypher.upsert_entities(entity.label)
            row = entity_row(entity)
            session.execute_write(lambda tx, q=query, r=row: tx.run(q, rows=[r]).consume())
        out["entities"] = (len(ents), time.perf_counter() - t0)
        # the sampled relations' endpoints must exist: load them in bulk, untimed
        rels = [bundle.relations[k] for k in rel_keys]
        needed = {i for r in rels for i in (r.start, r.end)} - set(ents)
        store.load(Bundle(entities={i: bundle.entities[i] for i in sorted(needed)}))
        t0 = time.perf_counter()
        for rel in rels:
            query = cypher.upsert_relations(rel.type)
            row = relation_row(rel)
            session.execute_write(lambda tx, q=query, r=row: tx.run(q, rows=[r]).consume())
        out["relations"] = (len(rels), time.perf_counter() - t0)
    return out


def batched_load(store: Neo4jStore, bundle: Bundle) -> tuple[float, Any, list[tuple[str, int,
                                                                                 float]]]:
    """The project's loader on the whole bundle; also seconds per label and type.

    The loader reports progress after every batch, in the order it builds its work list
    (labels in schema order, then relationship types), so the batches map back to groups.
    """
    marks: list[tuple[float, int]] = []
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        marks.append((now, done))
        if now - last[0] > 15 or done == total:
            last[0] = now
            log(f"  neo4j load {done}/{total}")

    groups: list[tuple[str, int]] = []
    for name in LABELS:
        groups.append((name, sum(e.label == name for e in bundle.entities.values())))
    for name in REL_TYPES:
        groups.append((name, sum(r.type == name for r in bundle.relations.values())))
    t0 = time.perf_counter()
    summary = store.load(bundle, progress, meta={BENCH_META_KEY: "synthetic"})
    took = time.perf_counter() - t0
    by_group: list[tuple[str, int, float]] = []
    start, i, done = t0, 0, 0
    for name, rows in groups:  # the first group also carries constraints and row building
        if not rows:
            continue
        done += rows
        while i < len(marks) and marks[i][1] < done:
            i += 1
        if i < len(marks):
            by_group.append((name, rows, marks[i][0] - start))
            start = marks[i][0]
    return took, summary, by_group


# -- queries --------------------------------------------------------------------------------

@dataclass
class QueryStats:
    ok: list[float] = field(default_factory=list)  # seconds of timed successful runs
    warm_up: list[float] = field(default_factory=list)  # seconds of first runs (any outcome)
    outcomes: Counter[str] = field(default_factory=Counter)  # per item, from the first run
    failed: list[float] = field(default_factory=list)  # seconds of timed NoPath/TooMany runs
    sizes: list[tuple[int, ...]] = field(default_factory=list)  # answer sizes (answered items)
    loadavg: tuple[str, str] = ("?", "?")  # 1-minute load average before and after


def answer_size(result: Any) -> tuple[int, ...]:
    """links: (links, paths); shortest_paths: (paths,); neighbors: (entities, relations)."""
    if hasattr(result, "links"):
        return (len(result.links), sum(len(link.paths) for link in result.links))
    if hasattr(result, "paths"):
        return (len(result.paths),)
    if hasattr(result, "hits"):
        return (len(result.hits),)
    if hasattr(result, "neighbors"):
        return (len(result.neighbors), len(result.edges))
    return (1,)


def loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def run_query(fn: Callable[[], Any], guard: Callable[[], Any]) -> tuple[str, float, Any]:
    t0 = time.perf_counter()
    try:
        with guard():
            result = fn()
        outcome = "ok"
    except TooManyPaths:
        outcome, result = "TooManyPaths", None
    except NO_ANSWER:
        outcome, result = "NoPath", None
    except Timeout:
        outcome, result = "timeout", None
    except Exception as exc:  # a server error (terminated, memory) is a figure, not a crash
        name = getattr(exc, "code", None) or type(exc).__name__
        outcome, result = ("timeout" if "Terminated" in str(name) else str(name)), None
    return outcome, time.perf_counter() - t0, result


def digest(result: Any) -> str:
    """A fingerprint of a query answer, to compare the stores without keeping the answers."""
    text = json.dumps(result.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def bench_queries(stores: dict[str, Any], jobs: dict[str, list[Callable[[Any], Any]]],
                  repeat: int, timeout: float) -> tuple[dict[tuple[str, str], QueryStats],
                                                        Counter[str]]:
    stats: dict[tuple[str, str], QueryStats] = {}
    mismatches: Counter[str] = Counter()
    for qname, items in jobs.items():
        answers: dict[str, list[Any]] = {}
        for sname, store in stores.items():
            st = stats[(sname, qname)] = QueryStats()
            if sname == "neo4j":
                def guard(s: Any = store) -> Any:
                    return watchdog(s, timeout)
            else:
                def guard() -> Any:
                    return alarm(timeout)
            got = answers[sname] = []
            t_start = time.perf_counter()
            load_before = loadavg()
            for item in items:
                outcome, took, result = run_query(lambda f=item, s=store: f(s), guard)
                st.warm_up.append(took)
                st.outcomes[outcome] += 1
                got.append(digest(result) if result is not None else outcome)
                if result is not None:
                    st.sizes.append(answer_size(result))
                if outcome in ("ok", "NoPath", "TooManyPaths"):  # else: don't wait again
                    for _ in range(repeat):
                        outcome2, took, _ = run_query(lambda f=item, s=store: f(s), guard)
                        (st.ok if outcome2 == "ok" else st.failed).append(took)
            st.loadavg = (load_before, loadavg())
            log(f"  {qname:15} {sname:8} {len(items)} items in "
                f"{time.perf_counter() - t_start:.1f}s: {dict(st.outcomes)}, "
                f"load average {st.loadavg[0]} -> {st.loadavg[1]}")
        if len(answers) == 2:
            a, b = answers.values()
            mismatches[qname] = sum(x != y for x, y in zip(a, b, strict=True))
    return stats, mismatches


# -- the primitives before and after issue 14 -------------------------------------------------
# The Neo4j primitives this branch replaced, kept here (not in graph/) so that one run times
# the old and the new code on the same items and checks that they give identical answers.

def _read(store: Neo4jStore, query: str, **params: Any) -> list[Any]:
    """Run a query through the store's public driver, routed as a read."""
    records, _, _ = store.driver.execute_query(query, params, database_=store.database,
                                               routing_="r")
    return list(records)


def old_shortest_paths(store: Neo4jStore, a: str, b: str, max_len: int) -> list[list[str]]:
    """Cypher's allShortestPaths: one variable-length query (before, and kept: faster)."""
    if a == b:
        return [[a]]
    records = _read(store, cypher.shortest_paths(max_len), a=a, b=b, cap=MAX_PATHS + 1)
    if len(records) > MAX_PATHS:
        raise TooManyPaths(a, b, max_len)
    return sorted((list(r["ids"]) for r in records), key=path_sort_key)


def fetched_shortest_paths(store: Neo4jStore, a: str, b: str,
                           max_len: int) -> list[list[str]]:
    """graph/walks.all_shortest_paths over the store's FetchedAdjacency (a read per layer)."""
    from graph.walks import all_shortest_paths

    if a == b:
        return [[a]]
    return sorted(all_shortest_paths(store.adjacency(), a, b, max_len), key=path_sort_key)


def old_simple_paths(store: Neo4jStore, a: str, b: str, max_len: int, inner: frozenset[str],
                     exclude_levels: frozenset[str]) -> list[list[str]]:
    """Two variable-length half-path queries, joined in the middle (before)."""
    from graph.store import MAX_HALVES, simple_paths_from_halves

    if a == b:
        return []

    def half_paths(start: str, depth: int, target: str) -> list[list[str]]:
        records = _read(store, cypher.half_paths(depth), start=start, target=target,
                        inner=sorted(inner), exclude_levels=sorted(exclude_levels),
                        cap=MAX_HALVES + 1)
        if len(records) > MAX_HALVES:
            raise TooManyPaths(a, b, max_len)
        return [list(r["ids"]) for r in records]

    return simple_paths_from_halves(half_paths, a, b, max_len)


def old_distances(store: Neo4jStore, entity_id: str, depth: int) -> dict[str, int]:
    """A query per BFS level returning the level's distinct new ids (before)."""
    seen = {entity_id: 0}
    frontier = [entity_id]
    for level in range(1, depth + 1):
        if not frontier:
            break
        found = [r["id"] for r in _read(store, cypher.NEXT_LEVEL, frontier=frontier)]
        frontier = sorted(i for i in found if i not in seen)
        seen.update((i, level) for i in frontier)
    return seen


def old_find_by_key(store: Neo4jStore, key: str) -> list[str]:
    """A scan of every entity's keys (before)."""
    return [r["node"]["id"] for r in _read(store, cypher.FIND_BY_KEY, id=key,
                                           key=normalize(key))]


def old_name_candidates(store: Neo4jStore, text: str) -> list[str]:
    """Every entity read and its grams compared (before)."""
    from graph.names import entity_grams, grams
    from graph.store import MAX_NAME_CANDIDATES, rank_candidates

    wanted = grams(normalize(text))
    shared = {e.id: n for e in store.all_entities() if (n := len(wanted & entity_grams(e)))}
    return rank_candidates(shared, MAX_NAME_CANDIDATES)


def bench_candidates(neo: Neo4jStore, bundle: Bundle, link_pairs: list[tuple[str, str]],
                     ends: list[tuple[str, str]], centers: list[str], repeat: int,
                     timeout: float) -> list[tuple[str, str, str, str]]:
    """(what, before p50 ms, after p50 ms, identical answers) for the Neo4j store."""
    from graph.names import grams

    inner = INDUSTRY_PATH_LABELS

    def measure(fn: Callable[[], Any], runs: int) -> tuple[Any, float]:
        """The answer (or outcome) and the median seconds of `runs` timed calls."""
        times, answer = [], None
        for _ in range(runs):
            t0 = time.perf_counter()
            try:
                with watchdog(neo, timeout):
                    answer = fn()
            except TooManyPaths:
                answer = "TooManyPaths"
            except Exception as exc:
                answer = type(exc).__name__
            times.append(time.perf_counter() - t0)
        return answer, statistics.median(times)

    def compare(name: str, items: list[Any], before: Callable[..., Any],
                after: Callable[..., Any]) -> None:
        old_t, new_t, same = [], [], 0
        for item in items:  # interleaved item by item: machine load hits both alike
            before(*item)  # warm-up
            after(*item)
            ans_old, t_old = measure(partial(before, *item), repeat)
            ans_new, t_new = measure(partial(after, *item), repeat)
            old_t.append(t_old)
            new_t.append(t_new)
            same += ans_old == ans_new
        rows.append((name, ms(pct(old_t, 50)), ms(pct(new_t, 50)), f"{same}/{len(items)}"))
        log(f"  before/after: {rows[-1]}")

    rows: list[tuple[str, str, str, str]] = []
    names = [(bundle.entities[c].name,) for c in centers]
    compare("`find_by_key(name)`: scan of every entity's keys / full-text keyword index",
            names, partial(old_find_by_key, neo), lambda k: [e.id for e in neo.find_by_key(k)])
    # (the scan reads and ranks every entity in Python: seconds a call, so 5 names)
    compare("`name_candidates(grams of a name)`, 5 names: read every entity / full-text "
            "index on `_grams`", names[:5], partial(old_name_candidates, neo),
            lambda k: [e.id for e in neo.name_candidates(grams(normalize(k)), None, 5000)])
    compare("`simple_paths` (links via industry, hubs excluded, 4 hops): variable-length "
            "half paths / a query per BFS layer (FetchedAdjacency)", link_pairs,
            lambda a, b: old_simple_paths(neo, a, b, 4, inner, HUB_LEVELS),
            lambda a, b: neo.simple_paths(a, b, 4, inner, exclude_levels=HUB_LEVELS))
    compare("`shortest_paths` (6 hops): allShortestPaths (kept) / a query per BFS layer "
            "(walks.all_shortest_paths)", ends, partial(old_shortest_paths, neo, max_len=6),
            partial(fetched_shortest_paths, neo, max_len=6))
    compare("`distances` (depth 2): distinct ids per level / FetchedAdjacency per layer",
            [(c,) for c in centers], partial(old_distances, neo, depth=2),
            lambda c: neo.distances(c, 2))
    return rows


# -- report ---------------------------------------------------------------------------------

def verdict(value: float, target: float, *, higher_is_better: bool) -> str:
    if higher_is_better:
        return (f"met ({value / target:.1f}x the target)" if value >= target
                else f"missed ({value:.1f} vs {target:.0f}: {target / value:.1f}x short)")
    return (f"met ({target / value:.1f}x under)" if value <= target
            else f"missed ({value / target:.1f}x over)")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def size_text(qname: str, sizes: list[tuple[int, ...]]) -> str:
    if not sizes:
        return "-"
    names = {"links": ("links", "paths"), "shortest_paths": ("paths",), "search": ("hits",),
             "show": ("entity",),
             "neighbors": ("entities", "relations")}.get(qname, ("",) * len(sizes[0]))
    return ", ".join(f"{statistics.median(s[i] for s in sizes):g} {n}"
                     for i, n in enumerate(names))


def report(ctx: dict[str, Any]) -> str:
    a = ctx["args"]
    m = ctx["machine"]
    lines = [
        "# Store benchmarks: loading and query latency at scale",
        "",
        f"Generated by `bench/bench_stores.py` on {time.strftime('%Y-%m-%d %H:%M %Z')}. "
        "Synthetic graph from `bench/synth.py` (real schema, seeded).",
        "",
        "## Set-up",
        "",
        f"- Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM; {m['os']}. Shared with "
        "other work: the 1-minute load average is recorded around every timed block.",
        f"- Code measured: {m.get('code', '?')}",
        f"- Python {m['python']}; {m.get('libs', '')}",
    ]
    if ctx.get("neo4j_info"):
        info = ctx["neo4j_info"]
        lines.append(f"- Neo4j {info.get('version', '?')} (tools/neo4j launcher, Bolt on "
                     "loopback): " + ", ".join(f"{k} = {v}" for k, v in info.items()
                                               if k != "version"))
    lines += [
        f"- Graph: {ctx['n_entities']:,} entities, {ctx['n_relations']:,} relations "
        f"(seed {a.seed}; generated in {ctx['synth_s']:.1f}s)",
        f"- Queries: {a.queries} seeded items per query, 1 warm-up run each, then "
        f"{a.repeat} timed runs; per-call timeout {a.timeout:.0f}s",
        "",
        "Command:",
        "",
        "```sh",
        ctx["command"],
        "```",
        "",
        "## Loading",
        "",
        "| what | rows | time | rows/s | size |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    total_rows = ctx["n_entities"] + ctx["n_relations"]
    emb = ctx["embedded"]
    lines.append(f"| embedded: build (`EmbeddedStore.load` + save) | {total_rows:,} | "
                 f"{emb['build_s']:.1f}s | {total_rows / emb['build_s']:,.0f} | "
                 f"{mib(emb['size'])} JSON |")
    lines.append(f"| embedded: re-open (read the file) | {total_rows:,} | "
                 f"{emb['open_s']:.1f}s | {total_rows / emb['open_s']:,.0f} | |")
    lines.append(f"| embedded: first query's one-off indexes (walk graph, key index) | | "
                 f"{emb['first_s']:.1f}s | | |")
    neo = ctx.get("neo4j")
    if neo:
        base = neo["baseline"]
        (ne, te), (nr, tr) = base["entities"], base["relations"]
        per_row_rate = (ne + nr) / (te + tr)
        est = ctx["n_entities"] / (ne / te) + ctx["n_relations"] / (nr / tr)
        batched_rate = total_rows / neo["load_s"]
        ratio = est / neo["load_s"]
        neo["ratio"] = ratio
        lines += [
            f"| Neo4j per-row: entities (1 tx per row) | {ne:,} | {te:.1f}s | "
            f"{ne / te:,.0f} | |",
            f"| Neo4j per-row: relations (1 tx per row) | {nr:,} | {tr:.1f}s | "
            f"{nr / tr:,.0f} | |",
            f"| Neo4j per-row, extrapolated to the whole graph | {total_rows:,} | "
            f"{est / 60:.1f} min | {total_rows / est:,.0f} | |",
            f"| **Neo4j batched (`Neo4jStore.load`)** | {total_rows:,} | "
            f"{neo['load_s']:.1f}s | {batched_rate:,.0f} | "
            f"{mib(neo['size']) if neo['size'] else '?'} store |",
            "",
            f"Batched vs per-row: **{ratio:.0f}x** faster (extrapolated whole-graph time; "
            f"{batched_rate / per_row_rate:.0f}x by pooled rows/s) — target >= "
            f"{TARGET_RATIO:.0f}x: {verdict(ratio, TARGET_RATIO, higher_is_better=True)}.",
            f"Load summary: {neo['summary']}.",
            "",
            "Batched load by label / relationship type (batches sized by the server's "
            "transaction memory, graph/neo4j_plan.py):",
            "",
            "| label / type | rows | seconds | rows/s |",
            "| --- | ---: | ---: | ---: |",
            *(f"| {name} | {rows:,} | {sec:.1f} | {rows / sec:,.0f} |"
              for name, rows, sec in neo["by_group"] if sec > 0),
            "",
            "(The first row also carries the constraints and the building of every row.)",
        ]
    lines += [
        "",
        "## Warm query latency",
        "",
        "Milliseconds per call of the query functions in `queries/` (entity ids as input), "
        "over the timed runs that returned an answer. Outcomes are counted once per item "
        "(warm-up run). `TooManyPaths`/`NoPath` runs are timed separately.",
        "",
        "| query | store | p50 | p95 | max | answered | TooManyPaths | NoPath/NoLinks | other | "
        "failing p50 | warm-up p50 | median answer | load avg | target p50 | verdict |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- "
        "| ---: | --- |",
    ]
    for (sname, qname), st in ctx["stats"].items():
        target = TARGET_P50_MS[sname] / 1000
        other = {k: v for k, v in st.outcomes.items()
                 if k not in ("ok", "TooManyPaths", "NoPath")}
        if st.ok:
            p50, p95, mx = pct(st.ok, 50), pct(st.ok, 95), max(st.ok)
            cells = [ms(p50), ms(p95), ms(mx)]
            v = verdict(p50 * 1000, target * 1000, higher_is_better=False)
        else:
            cells, v = ["-", "-", "-"], "no answered runs"
        lines.append(
            f"| {qname} | {sname} | {' | '.join(cells)} | {st.outcomes['ok']} | "
            f"{st.outcomes['TooManyPaths']} | {st.outcomes['NoPath']} | "
            f"{', '.join(f'{k} {n}' for k, n in other.items()) or '-'} | "
            f"{ms(pct(st.failed, 50)) if st.failed else '-'} | {ms(pct(st.warm_up, 50))} | "
            f"{size_text(qname, st.sizes)} | {st.loadavg[0]} → {st.loadavg[1]} | "
            f"{target * 1000:.0f} | {v} |")
    lines += [
        "",
        "Items: `show` and `search` by the name of random non-source entities (names may be "
        "shared: an ambiguous `show` counts under other); `links` via industry between "
        "`city:bench-a`/`city:bench-b` and random pairs "
        "of cities and parks; `shortest_paths` (max 6 hops, k = 5) between random "
        "non-source entities; `neighbors` depth 2 of random non-source entities. "
        "Both stores get the same items.",
        "",
        "Answers compared between the stores (items whose JSON answer or outcome differ): "
        + ", ".join(f"{q} {n}" for q, n in ctx["mismatches"].items()) + ".",
        "",
    ]
    if ctx.get("candidates"):
        lines += [
            "## Neo4j primitives before / after issue 14 (same run)",
            "",
            "Store primitives only, the code before this branch (kept in "
            "`bench/bench_stores.py`: `old_*`) vs the store's code now, interleaved item by "
            "item; p50 of per-item medians, ms. Identical answers = same ids / paths / "
            "distances (or the same TooManyPaths).",
            "",
            "| primitive: before / after | before p50 | after p50 | identical answers |",
            "| --- | ---: | ---: | ---: |",
            *(f"| {' | '.join(row)} |" for row in ctx["candidates"]),
            "",
        ]
    return "\n".join(lines)


def write_out(path: Path, text: str) -> None:
    notes = ""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if NOTES_MARK in old:
            notes = old[old.index(NOTES_MARK):]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n" + (notes or NOTES_MARK + "\n"), encoding="utf-8")


# -- main -----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uri", default="bolt://127.0.0.1:7698",
                    help="Neo4j to WIPE and load (default: %(default)s)")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD"))
    ap.add_argument("--database", default=None)
    ap.add_argument("--neo4j-home", type=Path, default=os.environ.get("ESTUARY_NEO4J_HOME"),
                    help="the server's ESTUARY_NEO4J_HOME, to measure the store size")
    ap.add_argument("--sample", type=int, default=2000,
                    help="rows of each kind for the per-row baseline (default %(default)s)")
    ap.add_argument("--queries", type=int, default=50,
                    help="seeded pairs/entities per query (default %(default)s)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="timed runs per item after the warm-up (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds before one query call is abandoned (default %(default)s)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks-stores.md")
    ap.add_argument("--skip-neo4j", action="store_true", help="embedded store only")
    ap.add_argument("--skip-candidates", action="store_true",
                    help="don't time the Neo4j primitives before/after issue 14 side by side")
    ap.add_argument("--only", default="show,search,links,shortest_paths,neighbors",
                    help="comma-separated queries to time (default %(default)s)")
    ap.add_argument("--tree", type=Path, default=ROOT,
                    help="measure the code of this checkout (e.g. a baseline worktree)")
    ap.add_argument("--wipe-anything", action="store_true",
                    help="wipe the database even if it holds data not from this benchmark")
    args = ap.parse_args(argv)

    shown = [a if a != args.password else "$NEO4J_PASSWORD" for a in (argv or sys.argv[1:])]
    env = [f"{k}={shlex.quote(os.environ[k])}" for k in ("ESTUARY_NEO4J_HOME",)
           if os.environ.get(k)]
    if os.environ.get("NEO4J_PASSWORD"):
        env.insert(0, "NEO4J_PASSWORD=...")
    ctx: dict[str, Any] = {
        "args": args, "machine": machine(),
        "command": " ".join([*env, "python bench/bench_stores.py", shlex.join(shown)]).strip(),
    }
    log(f"generating {args.nodes} nodes / {args.rels} relations ...")
    t0 = time.perf_counter()
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    ctx["synth_s"] = time.perf_counter() - t0
    ctx["n_entities"], ctx["n_relations"] = len(bundle.entities), len(bundle.relations)

    # -- embedded
    tmp = tempfile.TemporaryDirectory(prefix="estuary-bench-")
    path = Path(tmp.name) / "graph.json"
    log("embedded: build ...")
    t0 = time.perf_counter()
    EmbeddedStore(path).load(bundle)
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    emb = EmbeddedStore(path)
    open_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    emb.find_by_key(BENCH_A)
    emb.distances(BENCH_A, 1)  # the first walk builds the walk graph
    first_s = time.perf_counter() - t0
    ctx["embedded"] = {"build_s": build_s, "open_s": open_s, "first_s": first_s,
                       "size": path.stat().st_size}
    log(f"embedded: build {build_s:.1f}s, open {open_s:.1f}s, indexes {first_s:.1f}s, "
        f"{mib(path.stat().st_size)}")
    stores: dict[str, Any] = {"embedded": emb}

    # -- Neo4j
    neo: Neo4jStore | None = None
    if not args.skip_neo4j:
        neo = Neo4jStore.connect(StoreSettings(
            kind="neo4j", neo4j_uri=args.uri, neo4j_user=args.user,
            neo4j_password=args.password, neo4j_database=args.database))
        ctx["neo4j_info"] = neo4j_info(neo)
        guard_and_wipe(neo, args.wipe_anything)
        log(f"neo4j: per-row baseline, {args.sample} entities + {args.sample} relations ...")
        baseline = per_row_baseline(neo, bundle, args.sample, args.seed)
        log(f"neo4j: per-row {baseline}")
        guard_and_wipe(neo, args.wipe_anything)
        log("neo4j: batched load ...")
        load_s, summary, by_group = batched_load(neo, bundle)
        log(f"neo4j: batched load {load_s:.1f}s: {summary}")
        size = 0
        if args.neo4j_home:
            home = Path(args.neo4j_home) / "data"
            size = (dir_size(home / "databases" / (args.database or "neo4j"))
                    + dir_size(home / "transactions" / (args.database or "neo4j")))
        ctx["neo4j"] = {"baseline": baseline, "load_s": load_s, "summary": summary,
                        "size": size, "by_group": by_group}
        stores["neo4j"] = neo

    # -- queries: the same seeded items for both stores
    places = sample_ids(bundle, ("City", "Park"), 2 * args.queries, args.seed + 1)
    link_pairs = [(BENCH_A, BENCH_B), *zip(places[0::2], places[1::2], strict=True)]
    things = [label for label in ("City", "Region", "Industry", "Park", "Mechanism",
                                  "Organization", "Initiative", "Infrastructure")]
    ends = sample_ids(bundle, things, 2 * args.queries, args.seed + 2)
    centers = sample_ids(bundle, things, args.queries, args.seed + 3)
    names = [bundle.entities[c].name for c in centers]
    jobs: dict[str, list[Callable[[Any], Any]]] = {
        "show": [lambda s, n=n: show(s, n) for n in names],
        "search": [lambda s, n=n: search(s, n) for n in names],
        "links": [lambda s, a=a, b=b: links(s, a, b, via="industry")
                  for a, b in link_pairs[:args.queries]],
        "shortest_paths": [lambda s, a=a, b=b: shortest_paths(s, a, b)
                           for a, b in zip(ends[0::2], ends[1::2], strict=True)],
        "neighbors": [lambda s, c=c: neighbors(s, c, depth=2) for c in centers],
    }
    jobs = {k: v for k, v in jobs.items() if k in args.only.split(",")}
    log("queries ...")
    ctx["stats"], ctx["mismatches"] = bench_queries(stores, jobs, args.repeat, args.timeout)
    if neo is not None and not args.skip_candidates:
        log("candidate fixes (Neo4j) ...")
        ctx["candidates"] = bench_candidates(
            neo, bundle, link_pairs[:args.queries], list(zip(ends[0::2], ends[1::2],
                                                             strict=True)),
            centers, args.repeat, args.timeout)

    text = report(ctx)
    print(text)
    write_out(args.out, text)
    log(f"wrote {args.out}")
    if neo:
        neo.close()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
