"""Neo4j loads sized by memory, all or nothing as users see it, on the real server.

A load bigger than one transaction's budget runs under a load marker; an interrupted one is
reported by every command and resumed or rolled back with `estuary load --resume|--rollback`.
The tests force small budgets so that a few hundred rows take several transactions; the
kill test runs a real 30k-row load in a child process and kills it with SIGKILL.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import graph.neo4j_load as neo4j_load
from estuary.cli import app
from graph import cypher
from graph.bundle import Bundle
from graph.model import Entity, Relation
from graph.neo4j_plan import Step, batches, parse_bytes, plan
from graph.store import StoreError

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "park:loadtest-"


def _bundle(n: int, version: int, prefix: str = PREFIX) -> Bundle:
    """n parks in a ring of COOPERATES_WITH; `version` changes every description."""
    source = Entity(id="source:loadtest", label="Source", name="装载测试")
    parks = [Entity(id=f"{prefix}{i:06d}", label="Park", name=f"测试园{i}",
                    description=f"版本{version}：{'园' * (i % 40)}") for i in range(n)]
    rels = [Relation(type="COOPERATES_WITH", start=parks[i].id, end=parks[(i + 1) % n].id,
                     source=source.id, evidence=f"证据{version}") for i in range(n)]
    return Bundle(entities={e.id: e for e in [source, *parks]},
                  relations={r.key: r for r in rels})


def _state(store: Any, prefix: str = PREFIX) -> tuple[Any, ...]:
    """Everything of the test's entities and relations, plus estuary's load bookkeeping."""
    records, _, _ = store.driver.execute_query(
        "MATCH (n:Entity) WHERE n.id STARTS WITH $p OR n.id = 'source:loadtest' "
        "OPTIONAL MATCH (n)-[r]->(m) "
        "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, "
        "collect([type(r), m.id, properties(r)]) AS rels ORDER BY id", p=prefix)
    marks, _, _ = store.driver.execute_query(
        "OPTIONAL MATCH (k:EstuaryBackup) WITH count(k) AS k "
        "OPTIONAL MATCH (m:EstuaryLoad) RETURN k, count(m) AS m")
    return (tuple((r["id"], sorted(r["labels"]), sorted(r["props"].items()),
                   sorted(map(repr, r["rels"]))) for r in records), marks[0]["k"], marks[0]["m"])


def _remove(store: Any, prefix: str = PREFIX) -> None:
    with store.driver.session() as session:  # IN TRANSACTIONS needs an auto-commit query
        session.run("MATCH (n:Entity) WHERE n.id STARTS WITH $p OR n.id = 'source:loadtest' "
                    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS",
                    p=prefix).consume()
        session.run("MATCH (n:EstuaryBackup|EstuaryLoad) DETACH DELETE n").consume()


@pytest.fixture
def clean(neo4j_store: Any) -> Iterator[Any]:
    _remove(neo4j_store)
    yield neo4j_store
    _remove(neo4j_store)


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> int:
    """A budget of about 40 rows, so a few hundred rows take several transactions."""
    budget = 40 * 4_000
    monkeypatch.setattr(neo4j_load, "transaction_budget", lambda driver, database: budget)
    return budget


class Interrupt(Exception):
    pass


def _interrupt_after(batches_done: int) -> Any:
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == batches_done:
            raise Interrupt

    return progress


# -- planning, no server -----------------------------------------------------------------------

def test_batches_cover_every_row_once_within_the_budget() -> None:
    rows = [{"i": i} for i in range(100)]
    sizes = [random.Random(i).randint(1, 50) for i in range(100)]
    steps = [Step("entities", "Park", rows[:60], sizes[:60]),
             Step("relations", "LOCATED_IN", rows[60:], sizes[60:])]
    got = list(batches(steps, budget=120))
    assert [(s.name, i) for s, a, b in got for i in range(a, b)] == \
        [("Park", i) for i in range(60)] + [("LOCATED_IN", i) for i in range(40)]
    assert all(sum(s.sizes[a:b]) <= 120 for s, a, b in got)
    resumed = list(batches(steps, budget=120, start=70))
    assert [(s.name, i) for s, a, b in resumed for i in range(a, b)] == \
        [("LOCATED_IN", i) for i in range(10, 40)]


def test_a_row_wider_than_the_budget_goes_alone() -> None:
    step = Step("entities", "Park", [{}, {}, {}], [10, 500, 10])
    assert [(a, b) for _, a, b in batches([step], budget=100)] == [(0, 1), (1, 2), (2, 3)]


@pytest.mark.parametrize("text, expected", [("128.00MiB", 128 * 2**20), ("0B", 0),
                                            ("134217728", 134217728), ("1g", 2**30),
                                            ("lots", None)])
def test_server_sizes_parse(text: str, expected: int | None) -> None:
    assert parse_bytes(text) == expected


def test_wide_rows_get_smaller_batches() -> None:
    narrow, wide = _bundle(200, 1), _bundle(200, 1)
    wide.entities = {k: Entity(id=e.id, label=e.label, name=e.name, description="宽" * 5000)
                     for k, e in wide.entities.items()}
    budget = 4 * 2**20
    count = {name: len(list(batches(plan(b), budget)))
             for name, b in (("narrow", narrow), ("wide", wide))}
    assert count["narrow"] < count["wide"]


# -- on the server -----------------------------------------------------------------------------

def test_budget_comes_from_the_server(neo4j_store: Any) -> None:
    records, _, _ = neo4j_store.driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' "
        "RETURN value")
    cap = parse_bytes(records[0]["value"])
    assert cap
    assert neo4j_load.transaction_budget(neo4j_store.driver, None) == int(
        cap * neo4j_load.BUDGET_SHARE)


def test_a_big_load_in_batches_equals_one_transaction(clean: Any, small_budget: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = clean
    summary = store.load(_bundle(300, 1))
    assert (summary.entities_created, summary.relations_created) == (301, 300)
    batched = _state(store)
    _remove(store)
    monkeypatch.setattr(neo4j_load, "transaction_budget", lambda d, db: 2**30)
    store.load(_bundle(300, 1))
    assert _state(store) == batched
    assert batched[1:] == (0, 0), "no backups or markers are left"


def _interrupted(store: Any, bundle: Bundle, after: int) -> None:
    with pytest.raises(Interrupt):
        store.load(bundle, progress=_interrupt_after(after))


def test_interrupted_load_is_reported_then_rolled_back(
        clean: Any, small_budget: int, neo4j_env: Any, runner: CliRunner) -> None:
    store = clean
    store.load(_bundle(200, 1))
    before = _state(store)
    # version 2 changes every park and adds 100: updates and creations are both undone
    _interrupted(store, _bundle(300, 2), after=5)
    assert _state(store) != before
    stats = runner.invoke(app, ["stats"])
    assert stats.exit_code == 1
    line = stats.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "interrupted after" in line and "estuary load --rollback" in line
    assert "--resume" in line
    other = runner.invoke(app, ["load", str(ROOT / "tests/fixtures/good/extra-park.yaml")])
    assert other.exit_code == 1 and "interrupted after" in other.stderr
    rolled = runner.invoke(app, ["load", "--rollback"])
    assert rolled.exit_code == 0, rolled.output
    assert "as before it" in rolled.stdout
    assert _state(store) == before
    assert runner.invoke(app, ["stats"]).exit_code == 0
    again = runner.invoke(app, ["load", "--rollback"])
    assert again.exit_code == 1 and "no interrupted load" in again.stderr


def test_interrupted_load_is_resumed(clean: Any, small_budget: int) -> None:
    store = clean
    store.load(_bundle(200, 1))
    _interrupted(store, _bundle(300, 2), after=4)
    with pytest.raises(StoreError, match="not the ones of load"):
        store.resume_load(_bundle(300, 3))
    summary = store.resume_load(_bundle(300, 2))
    assert (summary.entities_created, summary.entities_updated) == (100, 200)
    assert (summary.relations_created, summary.relations_updated) == (101, 199)
    resumed = _state(store)
    _remove(store)
    store.load(_bundle(200, 1))
    store.load(_bundle(300, 2))
    assert _state(store) == resumed
    assert resumed[1:] == (0, 0)


def test_a_second_load_waits_for_the_first(clean: Any, small_budget: int) -> None:
    store = clean
    _interrupted(store, _bundle(300, 1), after=2)
    with pytest.raises(StoreError, match="interrupted after"):
        store.load(_bundle(50, 1, prefix="park:loadtest-other-"))
    store.rollback_load()
    assert _state(store)[0] == ()


def test_an_underestimate_is_halved_not_fatal(clean: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows far wider than the estimate says: the one transaction runs out of memory, the
    load falls back to batches, and a batch that runs out of memory is halved and retried."""
    import graph.neo4j_plan as neo4j_plan

    monkeypatch.setattr(neo4j_plan, "ROW_BYTES", {k: 1 for k in neo4j_plan.ROW_BYTES})
    monkeypatch.setattr(neo4j_plan, "BYTES_PER_CHAR", {k: 0 for k in neo4j_plan.ROW_BYTES})
    wide = [Entity(id=f"{PREFIX}{i:06d}", label="Park", name=f"宽{i}",
                   description=f"{i}" + "x" * 60_000) for i in range(2_500)]
    summary = clean.load(Bundle(entities={e.id: e for e in wide}))
    assert summary.entities_created == 2_500
    assert clean.counts()[0]["Park"] >= 2_500
    left = clean.driver.execute_query("MATCH (n:EstuaryBackup|EstuaryLoad) RETURN count(n) AS n")
    assert left.records[0]["n"] == 0


def test_a_value_too_large_to_index_is_one_line(clean: Any) -> None:
    store = clean
    huge = Entity(id=PREFIX + "x" * 100_000, label="Park", name="大")
    with pytest.raises(StoreError) as err:
        store.load(Bundle(entities={huge.id: huge}))
    message = str(err.value)
    assert "too large for the server to index" in message
    assert "nothing was loaded" in message
    assert len(message) < 400 and "\n" not in message


# -- kill -9 of the client -----------------------------------------------------------------------

CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    sys.path.insert(0, {tests!r})
    from graph.settings import StoreSettings
    from graph.neo4j_store import Neo4jStore
    from test_neo4j_load import _bundle
    store = Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri={uri!r},
                                             neo4j_password={password!r}))
    print("loading", flush=True)
    store.load(_bundle({n}, 1, prefix="park:killtest-"))
    print("done", flush=True)
""")


def _child(settings: Any, n: int) -> subprocess.Popen[str]:
    code = CHILD.format(root=str(ROOT), tests=str(ROOT / "tests"), uri=settings.neo4j_uri,
                        password=settings.neo4j_password, n=n)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_kill_9_leaves_before_or_after_and_the_next_command_says_which(
        neo4j_store: Any, neo4j_settings: Any, neo4j_env: Any, runner: CliRunner) -> None:
    """Three kills at random points of a 30k-row load (15,001 entities, 15,000 relations);
    bench/kill_load.py runs the 10-try 300k version."""
    store, prefix, n = neo4j_store, "park:killtest-", 15_000
    _remove(store, prefix)
    before = store.counts()
    try:
        # The full load once, timed, so the kills land inside it.
        started = time.monotonic()
        child = _child(neo4j_settings, n)
        assert child.wait(timeout=600) == 0
        span = time.monotonic() - started
        after = store.counts()
        assert after != before
        _remove(store, prefix)
        rng = random.Random(16)
        for attempt in range(3):
            child = _child(neo4j_settings, n)
            assert child.stdout is not None and child.stdout.readline().strip() == "loading"
            time.sleep(rng.uniform(0.05, 0.95) * span)
            child.send_signal(signal.SIGKILL)
            child.wait()
            for _ in range(100):  # the server ends the dead client's transactions at once
                stats = runner.invoke(app, ["stats"])
                if "is running" not in stats.stderr:
                    break
                time.sleep(0.1)
            if stats.exit_code == 0:
                assert store.counts() in (before, after), attempt
            else:
                assert len(stats.stderr.strip().splitlines()) == 1
                assert "interrupted after" in stats.stderr, stats.stderr
                rolled = runner.invoke(app, ["load", "--rollback"])
                assert rolled.exit_code == 0, rolled.output
                assert store.counts() == before
            _remove(store, prefix)
            assert store.counts() == before
    finally:
        _remove(store, prefix)


@pytest.fixture
def neo4j_env(neo4j_cli: Any) -> Any:
    return neo4j_cli


def _parks_file(path: Path, n: int) -> Path:
    """A user's YAML file: n parks in Nantong, each FOCUSES_ON an industry."""
    lines = ["sources:", "  - id: source:loadtest", "    name: 装载测试",
             "entities:"]
    lines += [f"  - id: {PREFIX}{i:06d}\n    name: 装载测试园{i}\n    kind: co-built-park"
              for i in range(n)]
    lines += ["relations:"]
    lines += [f"  - type: LOCATED_IN\n    from: {PREFIX}{i:06d}\n    to: city:nantong\n"
              f"    source: source:loadtest" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_resume_with_the_same_files(clean: Any, small_budget: int, neo4j_env: Any,
                                        runner: CliRunner, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store = clean
    parks = _parks_file(tmp_path / "parks.yaml", 150)
    ticks = 0
    real_tick = neo4j_load.Loader._tick

    def tick(self: Any, done: int, total: int) -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 3:
            raise Interrupt
        real_tick(self, done, total)

    monkeypatch.setattr(neo4j_load.Loader, "_tick", tick)
    interrupted = runner.invoke(app, ["load", str(parks)])
    assert isinstance(interrupted.exception, Interrupt)
    monkeypatch.setattr(neo4j_load.Loader, "_tick", real_tick)
    refused = runner.invoke(app, ["show", "南通"])
    assert refused.exit_code == 1 and "interrupted after" in refused.stderr
    other = _parks_file(tmp_path / "other.yaml", 149)
    wrong = runner.invoke(app, ["load", str(other), "--resume"])
    assert wrong.exit_code == 1 and "not the ones of load" in wrong.stderr
    resumed = runner.invoke(app, ["load", str(parks), "--resume", "--json"])
    assert resumed.exit_code == 0, resumed.output
    counts = json.loads(resumed.stdout)
    assert (counts["entities_created"], counts["relations_created"]) == (151, 150)
    assert runner.invoke(app, ["show", "南通"]).exit_code == 0
    state = _state(store)
    _remove(store)
    direct = runner.invoke(app, ["load", str(parks)])
    assert direct.exit_code == 0, direct.output
    assert _state(store) == state


# -- a first load into an empty database (issue 14): created without lookups ------------------

@pytest.fixture
def empty(neo4j_store: Any) -> Iterator[Any]:
    """The test database emptied; the bundled data is loaded again afterwards."""
    from conftest import wipe_neo4j

    from estuary.stores import ensure_bundled

    wipe_neo4j(neo4j_store)
    yield neo4j_store
    wipe_neo4j(neo4j_store)
    ensure_bundled(neo4j_store)


def _upserted_state(store: Any, bundle: Bundle) -> tuple[Any, ...]:
    """The state the upsert path leaves: the same load into a database that is not empty."""
    wipe = "MATCH (n:Entity {id: 'park:not-empty'}) DETACH DELETE n"
    store.driver.execute_query("CREATE (:Entity:Park {id: 'park:not-empty'})")
    summary = store.load(bundle)
    store.driver.execute_query(wipe)
    return _state(store), summary


def _name_indexes(store: Any) -> set[str]:
    """The full-text name indexes that are online (a batched first load drops them while it
    writes its rows and builds them before it commits; a rollback builds them again)."""
    records, _, _ = store.driver.execute_query(
        "SHOW INDEXES YIELD name, type, state WHERE type = 'FULLTEXT' AND state = 'ONLINE' "
        "RETURN name")
    return {r["name"] for r in records}


NAME_INDEXES = {cypher.KEYS_INDEX, cypher.GRAMS_INDEX, cypher.CHARS_INDEX}


@pytest.mark.parametrize("batched", [False, True])
def test_a_first_load_creates_what_an_upsert_would(empty: Any, batched: bool,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    store = empty
    if batched:
        monkeypatch.setattr(neo4j_load, "transaction_budget", lambda d, db: 40 * 4_000)
    created = []
    real = neo4j_load._run_rows
    monkeypatch.setattr(neo4j_load, "_run_rows", lambda tx, step, rows, load_id, fresh=False,
                        handles=None: (created.append(fresh),
                                       real(tx, step, rows, load_id, fresh, handles))[1])
    summary = store.load(_bundle(300, 1), meta={"bundled_digest": "x"})
    assert created and all(created), "an empty database takes the create path"
    assert (summary.entities_created, summary.relations_created) == (301, 300)
    assert (summary.entities_updated, summary.relations_updated) == (0, 0)
    fresh = _state(store)
    assert fresh[1:] == (0, 0), "no backups or markers are left"
    assert store.bundled_digest() == "x"
    assert _name_indexes(store) == NAME_INDEXES
    assert [e.id for e in store.find_by_key("测试园7")] == ["park:loadtest-000007"]
    wipe_all = "MATCH (n) DETACH DELETE n"
    store.driver.execute_query(wipe_all)
    created.clear()
    upserted, upsert_summary = _upserted_state(store, _bundle(300, 1))
    assert not any(created)
    assert upserted == fresh and upsert_summary == summary


def test_an_interrupted_first_load_rolls_back_to_empty(empty: Any, small_budget: int) -> None:
    store = empty
    _interrupted(store, _bundle(300, 1), after=4)
    assert _state(store)[0], "some rows were in"
    with pytest.raises(StoreError, match="interrupted after"):
        store.load(_bundle(50, 1, prefix="park:loadtest-other-"))
    store.rollback_load()
    assert _state(store) == ((), 0, 0)
    assert store.counts() == ({}, {})
    assert _name_indexes(store) == NAME_INDEXES


def test_an_interrupted_first_load_is_resumed(empty: Any, small_budget: int) -> None:
    store = empty
    _interrupted(store, _bundle(300, 1), after=4)
    summary = store.resume_load(_bundle(300, 1))
    assert (summary.entities_created, summary.relations_created) == (301, 300)
    assert _name_indexes(store) == NAME_INDEXES
    resumed = _state(store)
    store.driver.execute_query("MATCH (n) DETACH DELETE n")
    assert _upserted_state(store, _bundle(300, 1))[0] == resumed
