"""The embedded store's file where users keep it: a first load builds the same store an
incremental one does; a read-only file or folder answers questions and refuses writes with one
clear error; a damaged file is one `Error:` line naming it, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from graph import sqlite_schema as db
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.embedded_file import create_file
from graph.model import Entity, Relation
from graph.store import StoreError
from loaders.bundled import read_bundled

CLI = [sys.executable, "-c", "from estuary.cli import main; main()"]
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "parks.xlsx"
TABLES = {"meta": "key", "entities": "id", "relations": "start_id, end_id, type, source",
          "lookup_keys": "key, id", "bigrams": "gram, id", "adjacency": "a, b"}


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY {order}").fetchall()
                for t, order in TABLES.items()}
    finally:
        conn.close()


def test_a_first_load_builds_what_an_incremental_load_builds(tmp_path: Path) -> None:
    """The bundled data loaded into a new file (built whole, renamed into place) and into an
    existing empty store (staged and merged): the same rows in every table, the same counts."""
    bundle = read_bundled()
    first, later = tmp_path / "first.db", tmp_path / "later.db"
    summary = EmbeddedStore(first).load(bundle, meta={"bundled_digest": "x"})
    create_file(later)
    assert EmbeddedStore(later).load(bundle, meta={"bundled_digest": "x"}) == summary
    assert summary.entities_created == len(bundle.entities)
    assert summary.relations_created == len(bundle.relations)
    assert _dump(first) == _dump(later)
    assert len(_dump(first)["adjacency"]) > 0
    conn = sqlite3.connect(first)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".estuary")) == []
    # and a file added on top of each: still the same
    nantong = bundle.entities["city:nantong"]
    park = Entity(id="park:extra", label="Park", name="新增园区", aliases=("新园",))
    rels = [Relation(type="LOCATED_IN", start="park:extra", end="city:nantong",
                     source="source:editorial", evidence="新增"),
            Relation(type="LOCATED_IN", start="park:extra", end="park:extra",
                     source="source:editorial")]
    extra = Bundle(entities={e.id: e for e in (park, replace(nantong, name_en="Nantong!"))},
                   relations={r.key: r for r in rels})
    for path in (first, later):
        EmbeddedStore(path).load(extra)
    assert _dump(first) == _dump(later)


@contextmanager
def _read_only(*paths: Path) -> Iterator[None]:
    """Make files and folders read-only, even for root (whom chmod does not stop: the
    immutable attribute does), or skip."""
    modes = {p: p.stat().st_mode for p in paths}
    immutable: list[Path] = []
    try:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        if any(os.access(p, os.W_OK) for p in paths):  # root
            for p in paths:
                if subprocess.run(["chattr", "+i", str(p)], capture_output=True,
                                  check=False).returncode:
                    pytest.skip("cannot make a file read-only here (root without chattr)")
                immutable.append(p)
        yield
    finally:
        for p in immutable:
            subprocess.run(["chattr", "-i", str(p)], check=False)
        for p, mode in modes.items():
            p.chmod(mode)


@pytest.fixture
def store_dir(built_db: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "graph.db").write_bytes(built_db.read_bytes())
    return folder


def _cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ESTUARY_STORE": "embedded", "COLUMNS": "200"}
    env.pop("ESTUARY_DB", None)
    return subprocess.run([*CLI, "--db", str(db_path), *args], capture_output=True,
                          text=True, env=env, check=False)


@pytest.mark.parametrize("what", ["folder", "file", "both"])
def test_a_read_only_store_answers_and_refuses_writes(store_dir: Path, what: str) -> None:
    path = store_dir / "graph.db"
    expected = _cli(path, "show", "南通", "--json").stdout
    assert '"city:nantong"' in expected
    targets = {"folder": [store_dir], "file": [path], "both": [path, store_dir]}[what]
    with _read_only(*targets):
        shown = _cli(path, "show", "南通", "--json")
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout == expected
        assert _cli(path, "path", "南通", "苏州", "--json").returncode == 0
        loaded = _cli(path, "load", str(EXAMPLE))
        assert loaded.returncode == 1
        assert "Traceback" not in loaded.stderr
        assert f"the embedded store {path} is read-only" in loaded.stderr
        with pytest.raises(StoreError, match="read-only"):
            EmbeddedStore(path).unload([], ["city:nantong"])
    assert _cli(path, "show", "南通", "--json").stdout == expected


def _damage(path: Path, table: str) -> None:
    """Overwrite the root page of `table` with garbage."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (root,) = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?",
                           (table,)).fetchone()
    (size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with path.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xa5" * size)


@pytest.mark.parametrize("table", ["lookup_keys", "entities", "meta"])
def test_a_damaged_store_is_one_error_naming_it(store_dir: Path, table: str) -> None:
    path = store_dir / "graph.db"
    _damage(path, table)
    before = path.read_bytes()
    result = _cli(path, "show", "南通", "--json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: ")
    assert f"the embedded store {path} is damaged" in result.stderr
    assert "restore it from a copy" in result.stderr
    assert path.read_bytes() == before  # (a damaged store is never written)


def test_read_errors_name_the_file_and_what_to_do(tmp_path: Path) -> None:
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
    assert "locked by another process" in db.read_error(tmp_path / "g.db", busy)
    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorname = "SQLITE_IOERR_READ"  # type: ignore[attr-defined]
    assert "disk I/O error" in db.read_error(tmp_path / "g.db", io)
    assert str(tmp_path / "g.db") in db.read_error(tmp_path / "g.db", io)
