"""A user's first `estuary load` into a new embedded file builds the file whole, with the
bundled data in the same build, and gives the store, the summary and the answers that loading
the bundled data first, then the files, gives; the name bigrams written a bigram at a time
are the rows one entity at a time would give, however the loads are split."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from estuary.stores import ensure_bundled
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation
from graph.names import entity_grams

ROOT = Path(__file__).resolve().parent.parent
FILES = [str(ROOT / "examples" / "parks.xlsx"), str(ROOT / "examples" / "qidong-platforms.yaml")]
QUESTIONS = [["show", "启东", "--json"], ["search", "启东", "--json"],
             ["links", "南通", "苏州", "--json"], ["neighbors", "启东", "--json"],
             ["hubs", "--json"]]
TABLES = ("entities", "relations", "lookup_keys", "bigrams", "adjacency")


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    finally:
        conn.close()


def _cli(runner: CliRunner, db: Path, *args: str) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _ledger_without_times(store: EmbeddedStore) -> dict[str, object]:
    out = {}
    for key, text in store.meta_items("").items():
        value = json.loads(text) if isinstance(text, str) and text.startswith("{") else text
        if isinstance(value, dict):
            value.pop("loaded_at", None)
        out[key] = value
    out.pop("generation", None)
    return out


def test_a_first_load_into_a_new_file_equals_bundled_then_files(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESTUARY_STORE", "embedded")
    monkeypatch.setenv("COLUMNS", "200")
    new, old = tmp_path / "new.db", tmp_path / "old.db"
    ensure_bundled(EmbeddedStore(old))  # the way it went before: bundled data, then the files
    summaries = [json.loads(_cli(runner, db, "load", *FILES, "--json")) for db in (new, old)]
    assert summaries[0] == summaries[1]
    assert summaries[0]["entities_created"] + summaries[0]["relations_created"] > 0
    assert _rows(new) == _rows(old)
    assert _ledger_without_times(EmbeddedStore(new)) == _ledger_without_times(
        EmbeddedStore(old))
    for question in QUESTIONS:
        assert _cli(runner, new, *question) == _cli(runner, old, *question), question


def test_a_first_load_that_fails_validation_leaves_no_file(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ESTUARY_STORE", "embedded")
    bad = tmp_path / "bad.yaml"
    bad.write_text("entities:\n  - id: park:x\n    label: NoSuchLabel\n    name: X\n",
                   encoding="utf-8")
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["--db", str(db), "load", str(bad)])
    assert result.exit_code == 1
    assert not db.exists()
    # and the next command builds it with the bundled data, as ever
    assert "启东" in _cli(runner, db, "show", "启东", "--json")


def _entity(i: int, name: str) -> Entity:
    return Entity(id=f"org:e{i}", label="Organization", name=name)


def _bundle(entities: list[Entity], relations: tuple[Relation, ...] = ()) -> Bundle:
    return Bundle(entities={e.id: e for e in entities},
                  relations={r.key: r for r in relations})


def test_bigrams_equal_one_row_per_entity_and_gram_however_loads_are_split(
        tmp_path: Path) -> None:
    names = ["南通产业园", "南通高新区", "苏州工业园区", "南京", "通州湾", "a", "海门港新区"]
    everything = [_entity(i, n) for i, n in enumerate(names)]
    once, split, based = tmp_path / "once.db", tmp_path / "split.db", tmp_path / "based.db"
    EmbeddedStore(once).load(_bundle(everything))
    store = EmbeddedStore(split)
    store.load(_bundle(everything[:3]))
    store.load(_bundle(everything[2:]))  # (one already held)
    EmbeddedStore(based).load(_bundle(everything[4:]), base=(_bundle(everything[:4]), {}))
    expected = sorted((g, e.id) for e in everything for g in entity_grams(e))
    for path in (once, split, based):
        assert _rows(path)["bigrams"] == expected, path


def test_base_on_an_existing_file_is_one_transaction_with_the_load(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = EmbeddedStore(path)
    store.load(_bundle([_entity(1, "南通")]))
    rel = Relation(type="COOPERATES_WITH", start="org:e2", end="org:e3", source="src:x")
    summary = store.load(_bundle([_entity(3, "苏州")], (rel,)),
                         base=(_bundle([_entity(2, "上海")]), {"k": "v"}))
    # the summary is the second bundle's, as if the first had been loaded before it
    assert (summary.entities_created, summary.relations_created) == (1, 1)
    assert store.meta_items("k") == {"k": "v"}
    assert sorted(store.entities(["org:e1", "org:e2", "org:e3"])) == ["org:e1", "org:e2",
                                                                      "org:e3"]


def test_a_first_load_walks_what_a_later_load_walks(tmp_path: Path) -> None:
    """The adjacency of a first load (read in order from the new table) is the one the
    staged path of a later load gives: no self loops, no sources, no missing ends, both
    directions, parallel relations once."""
    src = Entity(id="source:s", label="Source", name="S")
    ents = [_entity(i, f"名{i}") for i in range(5)] + [src]
    rels = (Relation(type="COOPERATES_WITH", start="org:e0", end="org:e1", source="source:s"),
            Relation(type="PARTICIPATES_IN", start="org:e0", end="org:e1", source="source:s"),
            Relation(type="COOPERATES_WITH", start="org:e1", end="org:e0", source="source:s"),
            Relation(type="COOPERATES_WITH", start="org:e2", end="org:e2", source="source:s"),
            Relation(type="MENTIONS", start="source:s", end="org:e3", source="source:s"),
            Relation(type="COOPERATES_WITH", start="org:e3", end="org:gone", source="source:s"),
            Relation(type="COOPERATES_WITH", start="org:e4", end="org:e3", source="source:s"))
    first, later = tmp_path / "first.db", tmp_path / "later.db"
    EmbeddedStore(first).load(_bundle(ents, rels))
    other = [_entity(9, "别"), _entity(8, "处")]
    store = EmbeddedStore(later)
    store.load(_bundle(other, (Relation(type="COOPERATES_WITH", start="org:e9",
                                        end="org:e8", source="source:s"),)))
    summary = store.load(_bundle(ents, rels))
    assert summary.relations_created == len(rels)
    got = _rows(later)
    kept = [p for p in got["adjacency"] if "org:e9" not in p and "org:e8" not in p]
    assert _rows(first)["adjacency"] == kept == [
        ("org:e0", "org:e1"), ("org:e1", "org:e0"), ("org:e3", "org:e4"), ("org:e4", "org:e3")]
    assert _rows(first)["relations"] == [r for r in got["relations"] if r[0] not in (
        "org:e9",)]
