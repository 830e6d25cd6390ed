"""Neo4j store pieces that need no server: version gate, URI check, Cypher safety."""

from __future__ import annotations

import pytest

from graph import cypher
from graph.neo4j_store import Neo4jStore, require_version
from graph.settings import StoreSettings
from graph.store import StoreError


@pytest.mark.parametrize("version", ["4.4.30", "3.5.0", "garbage"])
def test_old_server_is_refused(version: str) -> None:
    with pytest.raises(StoreError) as err:
        require_version(version, "Neo4j at bolt://h:7687")
    assert str(err.value) == (f"Neo4j at bolt://h:7687 runs Neo4j {version}; "
                              "estuary needs 5.x or newer")


@pytest.mark.parametrize("version", ["5.26.30", "2025.10.1"])
def test_current_servers_pass(version: str) -> None:
    require_version(version, "x")


def test_http_uri_is_refused_before_connecting() -> None:
    with pytest.raises(StoreError, match=r"invalid Neo4j URI .http://x:7474.: use one of bolt://"):
        Neo4jStore.connect(StoreSettings(kind="neo4j", neo4j_uri="http://x:7474",
                                         neo4j_password="p"))


def test_remote_uri_needs_a_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    with pytest.raises(StoreError, match=r"no password for Neo4j at neo4j\+s://x\.databases"):
        Neo4jStore.connect(StoreSettings(kind="neo4j",
                                         neo4j_uri="neo4j+s://x.databases.neo4j.io"))


@pytest.mark.parametrize("bad", ["City) DETACH DELETE (n", "Entity", "city", ""])
def test_only_schema_names_reach_cypher_text(bad: str) -> None:
    with pytest.raises(ValueError):
        cypher.label(bad)
    with pytest.raises(ValueError):
        cypher.rel_type(bad)
    with pytest.raises(ValueError):
        cypher.hops(11)
