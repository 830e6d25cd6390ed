"""Undo and inventory on both stores: every load is remembered by file, `unload` takes out what
one file added and nothing the bundled data or another file also states, all or nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from estuary.loading import load_files, loaded, unload
from graph.store import StoreError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FILES = ("qidong-platforms.yaml", "parks.xlsx", "relations-gbk.csv")
INITIATIVE = "initiative:qidongduijiepudongsandapingtai-4b2324e447"


@pytest.fixture(params=["embedded", "neo4j"])
def writable(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A store this test may write: a copy of the embedded one, or the Neo4j test server
    (whatever a test loads there, it unloads again: the next tests share that server)."""
    if request.param == "embedded":
        from graph.embedded import EmbeddedStore

        path = tmp_path / "graph.json"
        shutil.copy(request.getfixturevalue("built_db"), path)
        yield EmbeddedStore(path)
        return
    store = request.getfixturevalue("neo4j_store")
    yield store
    for entry in mine(store, tmp_path):  # a failed test must not leave its loads behind
        unload(store, entry.file)


def mine(store: Any, folder: Path) -> list[Any]:
    """The loads of this test's files (other tests share the Neo4j server and load too)."""
    return [e for e in loaded(store) if Path(e.file).is_relative_to(folder.resolve())]


def _copies(tmp_path: Path) -> list[Path]:
    out = []
    for name in FILES:
        shutil.copy(EXAMPLES / name, tmp_path / name)
        out.append(tmp_path / name)
    return out


def test_load_remembers_files_and_unload_undoes_them(writable: Any, tmp_path: Path) -> None:
    before = writable.counts()
    files = _copies(tmp_path)
    done = load_files(writable, files)
    assert done.summary is not None and done.summary.entities_created == 1
    assert done.summary.relations_created == 4
    listed = {Path(e.file).name: (len(e.entities), len(e.relations))
              for e in mine(writable, tmp_path)}
    assert listed == {"qidong-platforms.yaml": (0, 1), "parks.xlsx": (1, 0),
                      "relations-gbk.csv": (0, 3)}
    # parks.xlsx added the initiative, which the other two files still use: it stays
    first = unload(writable, str(files[1]))
    assert (first.relations_removed, first.entities_removed) == (0, [])
    assert first.entities_kept == [INITIATIVE]
    assert writable.label_of(INITIATIVE) == "Initiative"
    assert unload(writable, "relations-gbk.csv").relations_removed == 3  # by its name
    assert unload(writable, str(files[0])).relations_removed == 1
    last = unload(writable, str(files[1]))
    assert last.entities_removed == [INITIATIVE]
    assert mine(writable, tmp_path) == []
    assert writable.counts() == before


def test_dry_run_writes_nothing_and_says_what_would_change(writable: Any,
                                                           tmp_path: Path) -> None:
    before = writable.counts()
    done = load_files(writable, _copies(tmp_path), dry_run=True)
    assert done.summary is None
    assert done.changes.entities_created == [INITIATIVE]
    assert len(done.changes.relations_created) == 4
    assert writable.counts() == before and mine(writable, tmp_path) == []


def test_unload_keeps_what_the_bundled_data_states(writable: Any, tmp_path: Path) -> None:
    """A file restating bundled facts adds nothing to undo; unloading it removes nothing."""
    path = tmp_path / "restated.csv"
    path.write_text("type,from,to,source,confidence\nLOCATED_IN,park:dongjiang-biomedicine-park,"
                    "city:qidong,source:facts-whb-qidong-pudong-platforms,medium\n",
                    encoding="utf-8")
    before = writable.counts()
    load_files(writable, [path])
    assert unload(writable, str(path)).relations_removed == 0
    assert writable.counts() == before


def test_unload_by_source(writable: Any, tmp_path: Path) -> None:
    files = _copies(tmp_path)
    load_files(writable, files)
    done = unload(writable, "source:facts-whb-qidong-pudong-platforms")
    assert done.relations_removed == 4  # what loads added citing it; the bundled ones stay
    assert writable.label_of("source:facts-whb-qidong-pudong-platforms") == "Source"
    for path in files:
        unload(writable, str(path))
    assert mine(writable, tmp_path) == []


def test_unload_of_something_never_loaded(writable: Any) -> None:
    with pytest.raises(StoreError, match=r"nothing loaded matches 'nope\.csv'"):
        unload(writable, "nope.csv")


def test_a_file_loaded_again_after_an_edit_still_unloads_all_it_added(
        writable: Any, tmp_path: Path) -> None:
    before = writable.counts()
    path = tmp_path / "rel.csv"
    head = "关系,起点,终点,来源\n"
    path.write_text(head + "合作,南通,苏州,source:editorial\n合作,南通,无锡,source:editorial\n",
                    encoding="utf-8")
    load_files(writable, [path])
    path.write_text(head + "合作,南通,苏州,source:editorial\n", encoding="utf-8")  # a row gone
    load_files(writable, [path])
    assert unload(writable, str(path)).relations_removed == 2
    assert writable.counts() == before
