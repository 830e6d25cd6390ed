"""kill -9 of the client at random points of a 300k-row load, 10 tries: the graph is left
as before or as after, and the next command (`estuary stats`) says which.

    python bench/kill_load.py --uri bolt://127.0.0.1:7713 --password estuary-test
**Wipes the database at --uri.** The graph before each try is the bundled data; the load is
a synthetic bundle (bench/synth.py, 100k entities and 200k relations), run by a child
process that is killed with SIGKILL at a random point of the i-th tenth of one full load's
duration (the last tenth stretched a little past its end, into the clean-up).
After each kill, `estuary stats` either answers (the graph must then be exactly as before or
as after) or refuses in one line naming the interrupted load; then the interrupted load is
rolled back (odd tries, `estuary load --rollback`, must give the graph before) or resumed
(even tries, must give the graph after). Prints one line per try and a summary.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_load import wipe
from bench.synth import synth_bundle
from estuary.stores import ensure_bundled
from graph.neo4j_store import Neo4jStore
from graph.settings import StoreSettings

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import sys
sys.path.insert(0, {root!r})
from bench.synth import synth_bundle
from graph.neo4j_store import Neo4jStore
from graph.settings import StoreSettings
store = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri={uri!r},
                                         neo4j_password={password!r}))
bundle = synth_bundle(nodes={nodes}, rels={rels}, seed=16)
print("loading", flush=True)
store.load(bundle)
print("done", flush=True)
"""


def fingerprint(store: Neo4jStore) -> str:
    """Every node's id, labels and properties and every relationship, hashed, as users see
    them: estuary's load bookkeeping (underscore keys, EstuaryLoad/EstuaryBackup nodes of a
    committed load whose clean-up was cut short) left out."""
    h = hashlib.sha256()

    def own(props: dict) -> list:
        return sorted((k, v) for k, v in props.items() if not k.startswith("_"))

    with store.driver.session(database=store.database) as session:
        for r in session.run("MATCH (n) WHERE NOT n:EstuaryLoad AND NOT n:EstuaryBackup "
                             "RETURN coalesce(n.id, n.key) AS id, labels(n) AS l, "
                             "properties(n) AS p ORDER BY id"):
            h.update(repr((r["id"], sorted(r["l"]), own(r["p"]))).encode())
        for r in session.run("MATCH (a)-[x]->(b) RETURN a.id AS a, type(x) AS t, b.id AS b, "
                             "properties(x) AS p ORDER BY a, t, b, x.source"):
            h.update(repr((r["a"], r["t"], r["b"], own(r["p"]))).encode())
    return h.hexdigest()[:16]


def bookkeeping(store: Neo4jStore) -> int:
    """Nodes and marks a load leaves until its clean-up ends (0 when clean)."""
    records, _, _ = store.driver.execute_query(
        "OPTIONAL MATCH (k:EstuaryBackup|EstuaryLoad) WITH count(k) AS k "
        "OPTIONAL MATCH (n:Entity) WHERE n._load IS NOT NULL WITH k, count(n) AS m "
        "RETURN k + m AS n")
    return records[0]["n"]


def estuary(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "estuary", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--tries", type=int, default=10)
    ap.add_argument("--rows", type=int, default=300_000)
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args()
    settings = StoreSettings(kind="neo4j", neo4j_uri=args.uri, neo4j_password=args.password)
    store = Neo4jStore.connect(settings, interrupted_ok=True)  # it wipes the database
    env = {**os.environ, "ESTUARY_STORE": "neo4j", "NEO4J_URI": args.uri,
           "NEO4J_PASSWORD": args.password, "PYTHONPATH": str(ROOT)}
    nodes = args.rows // 3
    child_code = CHILD.format(root=str(ROOT), uri=args.uri, password=args.password,
                              nodes=nodes, rels=args.rows - nodes)

    def reset() -> str:
        wipe(store)
        ensure_bundled(store)
        return fingerprint(store)

    before = reset()
    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", child_code], stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout and child.stdout.readline().strip() == "loading"
    load_started = time.monotonic()
    assert child.wait() == 0
    span = time.monotonic() - load_started
    after = fingerprint(store)
    print(f"full load: {span:.1f} s (child start {load_started - started:.1f} s); "
          f"before {before}, after {after}", flush=True)
    rng = random.Random(args.seed)
    held = 0
    outcomes: dict[str, int] = {}
    for attempt in range(1, args.tries + 1):
        reset()
        child = subprocess.Popen([sys.executable, "-c", child_code], stdout=subprocess.PIPE,
                                 text=True)
        assert child.stdout and child.stdout.readline().strip() == "loading"
        # stratified: try i lands in the i-th tenth of the load (the last reaching a little
        # past its end, into the clean-up), at a random point of it
        at = (attempt - 1 + rng.random()) / args.tries * span * 1.05
        time.sleep(at)
        child.send_signal(signal.SIGKILL)
        child.wait()
        for _ in range(100):  # the server ends the dead client's transactions at once
            stats = estuary("stats", "--json", env=env)
            if "is running" not in stats.stderr:
                break
            time.sleep(0.1)
        if stats.returncode == 0:
            state = fingerprint(store)
            verdict = "before" if state == before else "after" if state == after else "NEITHER"
            said = f"stats answered: graph {verdict}"
            if bookkeeping(store):
                said += " (its clean-up was cut short; the next load finishes it)"
            ok = verdict != "NEITHER"
        else:
            line = stats.stderr.strip()
            said = "stats refused: " + ("interrupted" if "interrupted after" in line else line)
            one_line = len(line.splitlines()) == 1
            if attempt % 2:
                fix = estuary("load", "--rollback", env=env)
                target, name = before, "rolled back"
            else:
                bundle = synth_bundle(nodes=nodes, rels=args.rows - nodes, seed=16)
                Neo4jStore.connect(settings, interrupted_ok=True).resume_load(bundle)
                fix, target, name = None, after, "resumed"
            state = fingerprint(store)
            ok = one_line and state == target and (fix is None or fix.returncode == 0)
            shown = ("as before" if target == before else "as after") if state == target \
                else "WRONG"
            said += f"; {name}: graph {shown}"
        held += ok
        key = said.split(";")[0]
        outcomes[key] = outcomes.get(key, 0) + 1
        print(f"try {attempt}: killed at {at:.1f} s of {span:.1f} s; {said}; "
              f"{'ok' if ok else 'FAILED'}", flush=True)
    print(f"held {held}/{args.tries}; outcomes: {outcomes}")
    reset()
    store.close()
    return 0 if held == args.tries else 1


if __name__ == "__main__":
    raise SystemExit(main())
