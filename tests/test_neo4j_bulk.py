"""`estuary load --bulk`: the offline importer's first load answers as an online load does.

The CSV files (graph/neo4j_bulk_csv.py) are checked without a server; the refusals against
the test server (which holds data, so nothing may be touched); and the whole path against a
scratch server of the project's own launcher that the test starts, stops and restarts: a
bulk load of the bundled data and an online load of it give the same nodes, relationships,
indexes and answers to every parity question.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.bundle import Bundle
from graph.model import Entity, Relation
from graph.neo4j_bulk import own_server
from graph.neo4j_bulk_csv import ARRAY_DELIMITER, kind_of, write_csvs
from graph.neo4j_plan import plan
from graph.store import StoreError

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "tools" / "neo4j" / "target" / "estuary-neo4j.jar"


# -- the files --------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "kind"), [
    ("南通", "string"), ("", "string"), ('say "hi"\nnext', "string"), (True, "boolean"),
    (3, "long"), (1.5, "double"), (["a", "b"], "string[]"), ([1, 2], "long[]"),
    ([], None), ([1, "a"], None), (["a", ""], None), (["a" + ARRAY_DELIMITER], None),
    (2**70, None), (float("nan"), None), ("a\x00b", None), ([[1]], None), ({"a": 1}, None),
])
def test_kind_of(value: Any, kind: str | None) -> None:
    assert kind_of(value) == kind


def _bundle() -> Bundle:
    a = Entity(id="city:a", label="City", name="甲", aliases=("A", 'say "a"\nagain'),
               props={"population": 3, "area": 1.5})
    b = Entity(id="city:b", label="City", name="乙", props={"population": 2.5})
    c = Entity(id="park:c", label="Park", name="丙", props={"odd": [1, "x"]})
    rels = [Relation(type="LOCATED_IN", start="park:c", end="city:a", source="s"),
            Relation(type="LOCATED_IN", start="park:c", end="city:b", source="s",
                     props={"tags": []})]
    return Bundle(entities={e.id: e for e in (a, b, c)},
                  relations={r.key: r for r in rels})


def test_files_keep_types_and_leave_out_what_csv_cannot_carry(tmp_path: Path) -> None:
    args, residue = write_csvs(plan(_bundle(), sized=False), tmp_path)
    files = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    # the two cities disagree on population's type: one file each, long and double
    city = [t for n, t in files.items() if n.startswith("entities-City")]
    assert len(city) == 2
    assert any('"population:long"' in t and t.endswith(",3\n") for t in city)
    assert any('"population:double"' in t and t.endswith(",2.5\n") for t in city)
    # quotes doubled inside one quoted cell, the newline kept (multiline fields)
    assert '"A\u001fsay ""a""\nagain"' in "".join(city)
    # an empty list and a mixed list are written online after the import
    assert ["park:c", {"aliases": [], "odd": [1, "x"]}] in residue.node_props
    assert ["city:b", {"aliases": []}] in residue.node_props
    assert residue.relations == {"LOCATED_IN": [["park:c", "city:b", {
        "source": "s", "evidence": "", "confidence": "high", "tags": []}]]}
    assert sum(a.startswith("--relationships=LOCATED_IN=") for a in args) == 1
    assert sum(a.startswith("--nodes=Entity:City=") for a in args) == 2


def test_two_process_files_are_the_one_process_files(tmp_path: Path) -> None:
    from graph.neo4j_bulk_csv import write_bundle_csvs

    def files(args: list[str]) -> list[tuple[str, str]]:
        # (the kind and label or type, the file's text): names are numbered per writer
        return sorted((a.split("=")[0] + "=" + a.split("=")[1].removeprefix("Entity:"),
                       Path(a.rsplit("=", 1)[1]).read_text(encoding="utf-8")) for a in args)

    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    one_args, one_residue = write_csvs(plan(_bundle(), sized=False), tmp_path / "one")
    two_args, two_residue = write_bundle_csvs(_bundle(), tmp_path / "two")
    assert files(two_args) == files(one_args)
    assert two_residue.node_props == one_residue.node_props
    assert two_residue.relations == one_residue.relations != {}


# -- refusals ---------------------------------------------------------------------------------

def test_refuses_a_server_elsewhere(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not on this machine"):
        own_server("bolt://db.example.com:7687", tmp_path)


def test_refuses_without_a_launcher_for_the_home(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no server of scripts/neo4j\.sh runs"):
        own_server("bolt://127.0.0.1:7687", tmp_path)
    (tmp_path / "neo4j.pid").write_text(str(os.getpid()))
    (tmp_path / "neo4j.port").write_text("7687")
    with pytest.raises(StoreError, match="not the estuary launcher"):
        own_server("bolt://127.0.0.1:7687", tmp_path)


def test_cli_refuses_bulk_on_the_embedded_store(runner: Any, db: Path) -> None:
    from estuary.cli import app

    result = runner.invoke(app, ["load", "--bulk", str(ROOT / "examples" / "parks.xlsx")])
    assert result.exit_code == 1
    assert "--bulk is for Neo4j" in result.output


def test_refuses_a_database_that_is_not_empty(neo4j_store: Any, neo4j_settings: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The test server holds the bundled data: refused, whichever check comes first, and
    the server still answers with everything in it."""
    from estuary.loading import bulk_load_files

    before = neo4j_store.counts()
    with pytest.raises(StoreError, match="--bulk refused"):
        bulk_load_files(neo4j_settings, [ROOT / "examples" / "parks.xlsx"])
    assert neo4j_store.counts() == before


# -- the whole path, on a scratch server -------------------------------------------------------

PASSWORD = "estuary-scratch"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def scratch(neo4j_settings: Any, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[Any, Path]]:
    """A server of the project's launcher of its own: (settings, ESTUARY_NEO4J_HOME)."""
    from graph.settings import StoreSettings

    if not JAR.is_file() or not shutil.which("java"):
        pytest.skip("the launcher is not built (scripts/neo4j.sh build) or no java")
    home = tmp_path_factory.mktemp("neo4j-scratch")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if "PASSWORD" not in k.upper()}
    env.update(ESTUARY_NEO4J_HOME=str(home), NEO4J_BOLT_PORT=str(port),
               NEO4J_PASSWORD=PASSWORD)
    subprocess.run([str(ROOT / "scripts" / "neo4j.sh"), "start"], env=env, check=True,
                   capture_output=True, timeout=600)
    try:
        yield StoreSettings(kind="neo4j", neo4j_uri=f"bolt://127.0.0.1:{port}",
                            neo4j_user="neo4j", neo4j_password=PASSWORD), home
    finally:
        subprocess.run([str(ROOT / "scripts" / "neo4j.sh"), "stop"], env=env, check=False,
                       capture_output=True, timeout=120)


def test_the_launcher_answers_a_bad_request_with_an_error(scratch: tuple[Any, Path]) -> None:
    from graph import neo4j_control

    _, home = scratch
    pid = int((home / "neo4j.pid").read_text())
    assert neo4j_control.available(home, pid)
    assert not neo4j_control.available(home, pid + 1)  # a file left by another launcher
    with pytest.raises(StoreError, match=r"could not reboot the database: .*unknown action"):
        neo4j_control.database(home, pid, "reboot", timeout=60)


def _dump(store: Any) -> dict[str, Any]:
    """Every node and relationship with its labels, properties and their types; the
    indexes and constraints; the metadata."""
    def typed(props: dict[str, Any]) -> str:
        return json.dumps({k: [type(v).__name__, repr(v)] for k, v in sorted(props.items())},
                          ensure_ascii=False)

    def read(query: str) -> list[Any]:
        return list(store.driver.execute_query(query, database_=store.database).records)

    return {
        "nodes": sorted(json.dumps(sorted(r["l"])) + typed(r["p"]) for r in read(
            "MATCH (n) RETURN labels(n) AS l, properties(n) AS p")),
        "relations": sorted(f"{r['a']} {r['t']} {r['b']} " + typed(r["p"]) for r in read(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, "
            "properties(r) AS p")),
        "indexes": sorted(json.dumps([r["name"], r["type"], r["on"], r["props"]]) for r in read(
            "SHOW INDEXES YIELD name, type, labelsOrTypes AS on, properties AS props "
            "RETURN *")),
        "constraints": sorted(r["name"] for r in read("SHOW CONSTRAINTS YIELD name")),
    }


def _answers(store: Any) -> dict[str, Any]:
    from test_parity import QUESTIONS, _comparable

    from queries.stats import stats

    answers = {q: _comparable(ask(store)) for q, ask in sorted(QUESTIONS.items())}
    answers["stats"] = _comparable(stats(store))
    answers["find 南通"] = [e.id for e in store.find_by_key("南通")]
    answers["name index ready"] = store.name_index_ready()
    return answers


def test_bulk_load_answers_as_an_online_load(scratch: tuple[Any, Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from estuary.loading import bulk_load_files
    from estuary.stores import ensure_bundled
    from graph.neo4j_store import Neo4jStore

    settings, home = scratch
    monkeypatch.setenv("ESTUARY_NEO4J_HOME", str(home))
    said: list[str] = []
    pid = (home / "neo4j.pid").read_text()
    done = bulk_load_files(settings, [], say=said.append)
    assert any("import" in s for s in said) and done.summary is not None
    # the launcher stopped and started its database, not the whole server
    assert "stopping the database and writing the importer's CSV files ..." in said
    assert (home / "neo4j.pid").read_text() == pid
    bulk = Neo4jStore.connect(settings)
    try:
        assert done.summary.entities_created == len(done.bundle.entities) > 200
        bulk_dump, bulk_answers = _dump(bulk), _answers(bulk)
        # a second bulk load is refused: the database is not empty any more
        with pytest.raises(StoreError, match="is not empty"):
            bulk_load_files(settings, [])
        assert _dump(bulk) == bulk_dump
        with bulk.driver.session() as session:  # empty it (its indexes stay)
            session.run("MATCH (n) DETACH DELETE n").consume()
    finally:
        bulk.close()
    online = Neo4jStore.connect(settings)
    try:
        ensure_bundled(online)
        assert _dump(online) == bulk_dump
        assert _answers(online) == bulk_answers
    finally:
        online.close()


def test_an_older_launcher_is_restarted_whole(scratch: tuple[Any, Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A launcher that takes no database requests (built before them: no control/protocol)
    gets the whole server stopped and started again around the importer, as before."""
    from estuary.loading import bulk_load_files
    from graph.neo4j_store import Neo4jStore

    settings, home = scratch
    monkeypatch.setenv("ESTUARY_NEO4J_HOME", str(home))
    emptied = Neo4jStore.connect(settings)
    try:
        with emptied.driver.session() as session:
            session.run("MATCH (n) DETACH DELETE n").consume()
    finally:
        emptied.close()
    (home / "control" / "protocol").unlink()
    pid = (home / "neo4j.pid").read_text()
    said: list[str] = []
    done = bulk_load_files(settings, [], say=said.append)
    assert "stopping the server and writing the importer's CSV files ..." in said
    assert (home / "neo4j.pid").read_text() != pid  # a new launcher
    bulk = Neo4jStore.connect(settings)
    try:
        assert sum(bulk.counts()[0].values()) == len(done.bundle.entities) > 200
        assert bulk.name_index_ready()
    finally:
        bulk.close()
