"""The embedded store's SQLite file: a JSON store of the previous version migrates once and
answers every question as before; files that are not a store are refused, never changed; a
reader never sees part of a load."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.embedded_json import write_json_store
from graph.model import Entity, Relation
from graph.store import StoreError

CLI = [sys.executable, "-c", "from estuary.cli import main; main()"]

# Every question of the issue, and the whole-graph ones, with their --json answers compared.
QUESTIONS = [
    ["show", "南通", "--json"], ["show", "苏州工业园区", "--json"],
    ["search", "南通", "--json"], ["search", "nantong", "--json"],
    ["search", "新能源", "--json", "--type", "Industry"],
    ["path", "南通", "苏州", "--json"], ["path", "南通", "上海", "--json", "--max-hops", "3"],
    ["links", "南通", "苏州", "--via", "industry", "--json"],
    ["links", "南通", "上海", "--via", "any", "--json"],
    ["neighbors", "南通", "--json"], ["neighbors", "苏州", "--depth", "2", "--json"],
    ["hubs", "--json"], ["hubs", "--metric", "pagerank", "--json"],
    ["hubs", "--metric", "betweenness", "--type", "Park", "--json"],
    ["stats", "--json"], ["export", "-f", "json"],
]


def _answers(db: Path) -> list[str]:
    runner = CliRunner()
    out = []
    for args in QUESTIONS:
        result = runner.invoke(app, ["--db", str(db), *args])
        assert result.exit_code == 0, (args, result.output)
        out.append(result.stdout.replace(str(db), "<db>"))
    return out


def _as_json_store(store: EmbeddedStore, path: Path) -> None:
    """What the JSON store (format 1) held for the same graph, as it wrote it."""
    entities = list(store.entities(r for r in _all_ids(store)).values())
    write_json_store(path, entities, store.all_relations(), store.meta_items(""))


def _all_ids(store: EmbeddedStore) -> list[str]:
    return [i for (i,) in store._read().execute("SELECT id FROM entities")]


def test_a_json_store_migrates_once_and_answers_alike(db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ESTUARY_DB")
    data = tmp_path / "extra.yaml"
    data.write_text("entities:\n  - id: park:migrated\n    name: 迁移园区\n"
                    "relations:\n  - {type: LOCATED_IN, from: park:migrated, to: city:nantong, "
                    "source: source:editorial}\n", encoding="utf-8")
    loaded = CliRunner().invoke(app, ["--db", str(db), "load", str(data)])
    assert loaded.exit_code == 0, loaded.output
    old = tmp_path / "old.json"
    _as_json_store(EmbeddedStore(db), old)
    original = old.read_bytes()
    assert json.loads(original)["format"] == 1 and "load:" in original.decode()

    result = subprocess.run([*CLI, "--db", str(old), "stats", "--json"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    backup = tmp_path / "old.json.format1-backup"
    assert result.stderr.count("\n") == 1 and str(old) in result.stderr \
        and str(backup) in result.stderr, result.stderr
    assert backup.read_bytes() == original, "the JSON is kept, byte for byte"
    with old.open("rb") as fh:
        assert fh.read(16) == b"SQLite format 3\x00"
    again = subprocess.run([*CLI, "--db", str(old), "stats"], capture_output=True, text=True,
                           timeout=120)
    assert again.returncode == 0 and again.stderr == "", "migrated once only"

    assert _answers(old) == _answers(db)
    ledger = EmbeddedStore(old).meta_items("load:")
    assert ledger and ledger == EmbeddedStore(db).meta_items("load:")
    unloaded = CliRunner().invoke(app, ["--db", str(old), "unload", str(data), "--json"])
    assert unloaded.exit_code == 0, unloaded.output
    assert EmbeddedStore(old).label_of("park:migrated") is None


def test_the_default_store_migrates_graph_json_to_graph_db(db: Path, tmp_path: Path) -> None:
    home = tmp_path / "data"
    legacy = home / "estuary" / "graph.json"
    legacy.parent.mkdir(parents=True)
    _as_json_store(EmbeddedStore(db), legacy)
    original = legacy.read_bytes()
    env = {k: v for k, v in os.environ.items() if k != "ESTUARY_DB"}
    env["XDG_DATA_HOME"] = str(home)
    first = subprocess.run([*CLI, "show", "南通", "--json"], env=env, capture_output=True,
                           text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    new = legacy.with_name("graph.db")
    assert str(legacy) in first.stderr and str(new) in first.stderr
    assert legacy.read_bytes() == original and new.is_file()
    second = subprocess.run([*CLI, "show", "南通", "--json"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert second.stderr == "" and second.stdout == first.stdout


def test_a_path_that_does_not_exist_becomes_a_sqlite_store(tmp_path: Path) -> None:
    path = tmp_path / "new" / "store.json"  # whatever the suffix
    store = EmbeddedStore(path)
    assert not path.exists() and store.counts() == ({}, {})
    a = Entity(id="park:fresh", label="Park", name="新园区")
    store.load(Bundle(entities={a.id: a}, relations={}))
    with path.open("rb") as fh:
        assert fh.read(16) == b"SQLite format 3\x00"
    assert EmbeddedStore(path).label_of("park:fresh") == "Park"


@pytest.mark.parametrize("content", [b"", b"\x00\x01garbage\xff", b"SQLite format 3\x00junk"])
def test_a_file_that_is_no_store_is_refused_and_kept(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "mine.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="cannot read the embedded store"):
        EmbeddedStore(path)
    assert path.read_bytes() == content


def test_someone_elses_sqlite_file_is_refused_and_kept(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "theirs.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('keep me')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    result = runner.invoke(app, ["--db", str(path), "show", "南通"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read the embedded store {path}: ")
    assert "not an estuary store" in result.stderr and "Traceback" not in result.output
    assert path.read_bytes() == before


def _batch(n: int) -> Bundle:
    entities = {f"park:snap-{i}": Entity(id=f"park:snap-{i}", label="Park", name=f"快照园区{i}")
                for i in range(n)}
    rels = [Relation(type="LOCATED_IN", start=i, end="city:nantong", source="source:editorial")
            for i in entities]
    return Bundle(entities=entities, relations={r.key: r for r in rels})


def test_readers_see_the_old_or_the_new_graph_never_a_mix(db: Path) -> None:
    """A writer loads and unloads a batch in a loop; readers, each in one snapshot, count its
    entities, its relations and its walkable edges: all three agree, and are 0 or all."""
    n, rounds = 400, 6
    batch = _batch(n)
    ids = list(batch.entities)
    seen: list[tuple[int, int, int]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            store = EmbeddedStore(db)
            for _ in range(rounds):
                store.load(batch)
                store.unload(list(batch.relations), ids)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            done.set()

    def read() -> None:
        try:
            while not done.is_set():
                store = EmbeddedStore(db)
                present = len(store.entities(ids))
                rels = sum(r.start.startswith("park:snap-")
                           for r in store.relations_of("city:nantong"))
                near = sum(i.startswith("park:snap-") for i in store.distances("city:nantong", 1))
                seen.append((present, rels, near))
                store.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write), *(threading.Thread(target=read) for _ in range(2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not errors, errors
    assert set(seen) <= {(0, 0, 0), (n, n, n)}, sorted(set(seen))
    assert len(seen) > 2


def test_hubs_are_cached_until_the_next_load(db: Path) -> None:
    from queries.hubs import hubs

    store = EmbeddedStore(db)
    first = hubs(store, metric="pagerank").to_dict()
    assert store.top_scores("pagerank", None, 10) is not None
    assert hubs(EmbeddedStore(db), metric="pagerank").to_dict() == first
    store.load(_batch(3))
    assert store.top_scores("pagerank", None, 10) is None
    assert store.top_scores("degree", None, 10) is None


def test_a_copy_of_the_file_alone_is_the_whole_store(db: Path, tmp_path: Path) -> None:
    store = EmbeddedStore(db)
    store.load(_batch(5))
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    assert EmbeddedStore(copy).label_of("park:snap-4") == "Park"


@pytest.mark.parametrize("text", ["南通", "nantong", "苏州工业园区", "通", "新能源汽车",
                                  "Shanghai"])
@pytest.mark.parametrize("label", [None, "Park", "City"])
def test_name_candidates_from_the_index_equal_a_scan(embedded_built: EmbeddedStore, text: str,
                                                     label: str | None) -> None:
    from graph.names import entity_grams, grams, normalize
    from graph.store import rank_candidates

    wanted = grams(normalize(text))
    shared = {e.id: n for e in embedded_built.all_entities()
              if (label is None or e.label == label) and (n := len(wanted & entity_grams(e)))}
    for limit in (5000, 3):
        got = [e.id for e in embedded_built.name_candidates(sorted(wanted), label, limit)]
        assert got == rank_candidates(shared, limit)
    assert shared or label or text == "通", "the comparison compares something"
