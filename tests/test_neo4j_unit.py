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


# -- the read-only check on plans (the corpus in test_neo4j_read_only.py runs the server's) --

def _plan(*ops: tuple[str, str]) -> dict:
    """A chain of operators, the first on top: (operatorType@db, Details)."""
    plan: dict = {}
    for op, details in reversed(ops):
        plan = {"operatorType": op, "args": {"Details": details},
                "children": [plan] if plan else []}
    return plan


@pytest.mark.parametrize("query_type, ops, why", [
    ("r", [("ProduceResults@neo4j", "l"), ("Apply@neo4j", ""), ("LoadCSV@neo4j", "l")],
     "LOAD CSV makes the server read a file or fetch a URL"),
    ("r", [("ProduceResults@neo4j", ""), ("ShowTransactions@neo4j", "")],
     "SHOW TRANSACTIONS administers the server"),
    ("r", [("ProduceResults@neo4j", ""), ("TerminateTransactions@neo4j", "")],
     "TERMINATE TRANSACTIONS administers the server"),
    ("s", [("AdministrationCommand@system", "")], "administration command"),
    ("s", [("ProduceResults@neo4j", ""), ("ProcedureCall@neo4j", "db.clearQueryCaches() :: ")],
     "procedure db.clearQueryCaches is not on the read-only allow-list"),
    ("s", [("CreateIndex@neo4j", "")], "changes the schema or the server (query type 's')"),
    ("w", [("ProduceResults@neo4j", ""), ("Create@neo4j", "")], "this statement writes"),
    ("r", [("ProduceResults@other", "")], "reaches database 'other'"),
])
def test_plans_that_are_refused(query_type: str, ops: list, why: str) -> None:
    from graph.cypher_guard import refusal

    reason = refusal(query_type, _plan(*ops), "neo4j")
    assert reason is not None and why in reason, reason
    assert reason.endswith("add --write to run it anyway")


@pytest.mark.parametrize("query_type, ops", [
    ("r", [("ProduceResults@neo4j", ""), ("NodeByLabelScan@neo4j", "n:City")]),
    ("r", [("ProduceResults@neo4j", ""), ("ProcedureCall@neo4j", "db.labels() :: (label)")]),
    ("s", [("ProduceResults@neo4j", ""), ("ProcedureCall@neo4j", "dbms.components() :: ()")]),
    ("r", [("ProduceResults@neo4j", ""), ("ShowConstraints@neo4j", "")]),
])
def test_plans_that_only_read(query_type: str, ops: list) -> None:
    from graph.cypher_guard import refusal

    assert refusal(query_type, _plan(*ops), "neo4j") is None
