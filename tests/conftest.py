"""Shared fixtures: a real embedded store built once from the bundled data, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from estuary.stores import ensure_bundled
from graph.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store file with the bundled data, built once per test session."""
    path = tmp_path_factory.mktemp("store") / "graph.json"
    store = EmbeddedStore(path)
    ensure_bundled(store)
    return path


@pytest.fixture
def db(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the built store, selected for the CLI through ESTUARY_DB."""
    path = tmp_path / "graph.json"
    shutil.copy(built_db, path)
    monkeypatch.setenv("ESTUARY_DB", str(path))
    monkeypatch.setenv("ESTUARY_STORE", "embedded")
    monkeypatch.setenv("COLUMNS", "200")
    return path


@pytest.fixture
def embedded(db: Path) -> Iterator[EmbeddedStore]:
    yield EmbeddedStore(db)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# -- Neo4j: the real server that scripts/test.sh starts ---------------------------------------

NEO4J_HINT = ("no Neo4j test server: run scripts/test.sh (it starts one), or set "
              "ESTUARY_TEST_NEO4J_URI (and ESTUARY_TEST_NEO4J_PASSWORD) to a server whose "
              "data may be wiped")


@pytest.fixture(scope="session")
def neo4j_settings() -> object:
    import os

    from graph.settings import StoreSettings

    uri = os.environ.get("ESTUARY_TEST_NEO4J_URI")
    if not uri:
        pytest.skip(NEO4J_HINT)
    return StoreSettings(kind="neo4j", neo4j_uri=uri, neo4j_user="neo4j",
                         neo4j_password=os.environ.get("ESTUARY_TEST_NEO4J_PASSWORD",
                                                       "estuary-dev"))


def wipe_neo4j(store: object) -> None:
    """Empty the test database (only ever the one ESTUARY_TEST_NEO4J_URI names)."""
    # CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
    # Relationships first: detaching 10,000 hub nodes at once can exceed the server's
    # transaction memory limit.
    with store.driver.session(database=store.database) as session:  # type: ignore[attr-defined]
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()


@pytest.fixture(scope="session")
def neo4j_store(neo4j_settings: object) -> Iterator[object]:
    """The Neo4j store, wiped and loaded with the bundled data once per session."""
    from estuary.stores import ensure_bundled
    from graph.neo4j_store import Neo4jStore
    from graph.store import StoreError

    try:
        store = Neo4jStore.connect(neo4j_settings)  # type: ignore[arg-type]
    except StoreError as exc:
        pytest.skip(f"{NEO4J_HINT} ({exc})")
    wipe_neo4j(store)
    ensure_bundled(store)
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest) -> object:
    """Each query test runs once per store; both must give the same answers."""
    if request.param == "embedded":
        return request.getfixturevalue("embedded_built")
    return request.getfixturevalue("neo4j_store")


@pytest.fixture(scope="session")
def embedded_built(built_db: Path) -> EmbeddedStore:
    """The embedded store over the bundled data, shared read-only by a session's tests."""
    return EmbeddedStore(built_db)


@pytest.fixture
def neo4j_cli(neo4j_store: object, neo4j_settings: object, db: Path,
              monkeypatch: pytest.MonkeyPatch) -> object:
    """The CLI pointed at the Neo4j test server (as a user sets it: NEO4J_* variables);
    returns the server's settings."""
    monkeypatch.setenv("ESTUARY_STORE", "neo4j")
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.neo4j_uri)  # type: ignore[attr-defined]
    monkeypatch.setenv("NEO4J_PASSWORD",
                       neo4j_settings.neo4j_password)  # type: ignore[attr-defined]
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    return neo4j_settings


def ask_lists(store: Any, question: str, expected: set[str],
              never: set[str] | frozenset[str] = frozenset(), kind: str | None = None) -> Any:
    """`ask` lists every id `expected` names and none `never` names; with `kind`, every
    entity listed is of that kind (the phrasing tests' one check)."""
    from queries.ask import ask

    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert expected <= ids and not ids & never, ids
    if kind is not None:
        assert {e.label for e in got.entities} == {kind}, ids
    return got
