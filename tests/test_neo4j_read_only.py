"""`estuary cypher` without --write is read-only, and the bundled server is locked down.

A corpus of statements that write nothing to the graph yet read files, reach the network,
administer the server or call procedures: each is refused in one line saying why and how to
opt in. The 16 data and schema writes stay refused, and the database is unchanged after all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from estuary.cli import app

FILES_AND_NETWORK = [
    "LOAD CSV FROM 'file:///etc/shadow' AS l RETURN l",
    "LOAD CSV FROM 'file:///proc/self/environ' AS l RETURN l",
    "LOAD CSV WITH HEADERS FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV FROM 'file:///etc/passwd' AS l FIELDTERMINATOR ':' RETURN l[0]",
    "LOAD CSV FROM 'http://127.0.0.1:1/secret' AS l RETURN l",
    "LOAD CSV FROM 'https://example.com/x.csv' AS l RETURN count(l)",
    "LOAD CSV FROM 'ftp://127.0.0.1/x.csv' AS l RETURN l",
    "LOAD CSV FROM $url AS l RETURN l",
    "CALL { LOAD CSV FROM 'file:///etc/hosts' AS l RETURN l } RETURN l",
    "MATCH (c:City) WITH c LIMIT 1 LOAD CSV FROM 'file:///etc/hostname' AS l RETURN c.name, l",
    "RETURN 'x' AS x UNION LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l[0] AS x",
    "WITH 'file:///etc/' + 'passwd' AS u LOAD CSV FROM u AS l RETURN l",
]
ADMINISTRATION = [
    "SHOW TRANSACTIONS",
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery, username",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1', 'neo4j-transaction-2'",
    "SHOW SETTINGS",
    "SHOW SETTINGS YIELD name, value WHERE name CONTAINS 'directories'",
    "SHOW USERS",
    "SHOW CURRENT USER",
    "SHOW ROLES",
    "SHOW PRIVILEGES",
    "SHOW DATABASES",
    "SHOW DEFAULT DATABASE",
    "CREATE USER mallory SET PASSWORD 'mallory-password'",
    "ALTER USER neo4j SET PASSWORD 'another-password'",
    "ALTER CURRENT USER SET PASSWORD FROM 'estuary-test' TO 'another-password'",
    "DROP USER neo4j",
    "CREATE ROLE mallory",
    "GRANT ROLE admin TO mallory",
    "DROP DATABASE neo4j",
    "STOP DATABASE neo4j",
]
PROCEDURES = [
    "CALL db.clearQueryCaches()",
    "CALL dbms.listConfig()",
    "CALL dbms.showCurrentUser()",
    "CALL dbms.listConnections()",
    "CALL dbms.killConnection('bolt-1')",
    "CALL tx.setMetaData({owner: 'mallory'})",
    "CALL dbms.queryJmx('java.lang:type=Runtime')",
    "CALL db.info()",
    "CALL dbms.info()",
    "CALL db.awaitIndexes(1)",
    "CALL db.resampleOutdatedIndexes()",
    "CALL db.prepareForReplanning()",
    "CALL dbms.routing.getRoutingTable({})",
    "CALL db.stats.retrieve('GRAPH COUNTS')",
    "CALL db.stats.clear('QUERIES')",
    "CALL db.checkpoint()",
    "MATCH (n:City) WITH count(n) AS c CALL db.clearQueryCaches() YIELD value RETURN c, value",
    "MATCH (n) WHERE EXISTS { CALL dbms.listConfig() YIELD name RETURN name } RETURN n",
]
NON_WRITES = FILES_AND_NETWORK + ADMINISTRATION + PROCEDURES

WRITES = [
    "CREATE (n:Entity {id: 'park:mallory'}) RETURN n",
    "MERGE (n:Entity {id: 'park:mallory'})",
    "MATCH (n:City) SET n.hacked = true",
    "MATCH (n:City) REMOVE n.name",
    "MATCH (n:City) SET n:Hacked",
    "MATCH (n:City) DETACH DELETE n",
    "MATCH ()-[r]->() DELETE r",
    "FOREACH (i IN [1] | CREATE (:Hacked))",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS",
    "LOAD CSV FROM 'file:///etc/passwd' AS l CREATE (:Hacked {line: l})",
    "CREATE INDEX hacked FOR (n:City) ON (n.hacked)",
    "DROP CONSTRAINT estuary_entity_id",
    "CREATE CONSTRAINT hacked FOR (n:Hacked) REQUIRE n.id IS UNIQUE",
    "CALL db.createLabel('Hacked')",
    "CALL db.createProperty('hacked')",
    "CREATE DATABASE hacked",
]

READS = [
    ("MATCH (c:City {id: 'city:nantong'}) RETURN c.name AS name", [{"name": "南通"}]),
    ("CALL db.labels() YIELD label WHERE label = 'City' RETURN label", [{"label": "City"}]),
    ("CALL db.relationshipTypes() YIELD relationshipType AS t WHERE t = 'LOCATED_IN' "
     "RETURN t", [{"t": "LOCATED_IN"}]),
    ("CALL dbms.components() YIELD name RETURN name", [{"name": "Neo4j Kernel"}]),
    ("SHOW CONSTRAINTS YIELD name WHERE name = 'estuary_entity_id' RETURN name",
     [{"name": "estuary_entity_id"}]),
]


@pytest.fixture
def env(neo4j_cli: Any, neo4j_store: Any) -> Any:
    return neo4j_store


def _snapshot(store: Any) -> Any:
    def one(query: str) -> Any:
        return sorted(store.driver.execute_query(query).records[0]["x"])

    return (store.counts(), one("CALL db.labels() YIELD label RETURN collect(label) AS x"),
            one("CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS x"),
            one("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS x"),
            one("SHOW INDEXES YIELD name RETURN collect(name) AS x"))


def _refused(runner: CliRunner, query: str) -> str:
    result = runner.invoke(app, ["cypher", query, "--param", "url=file:///etc/passwd"])
    assert result.exit_code == 1, (query, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, (query, result.stderr)
    assert lines[0].startswith("Error: "), lines
    assert "root:" not in result.output and "PASSWORD" not in result.output
    return lines[0]


def test_the_corpus_is_big_enough() -> None:
    assert len(NON_WRITES) >= 40
    assert len(WRITES) == 16


@pytest.mark.parametrize("query", NON_WRITES)
def test_non_writes_are_refused_with_why_and_how(runner: CliRunner, env: Any,
                                                 query: str) -> None:
    line = _refused(runner, query)
    if line.startswith("Error: refused in read-only mode: "):
        assert "add --write to run it anyway" in line
    else:  # the server itself does not accept it (Community has no roles, no CREATE DATABASE)
        assert line.startswith("Error: Cypher failed: "), line
        assert "administration commands are refused" in line or "no procedure" in line.lower()


def test_every_kind_is_refused_by_the_plan(runner: CliRunner, env: Any) -> None:
    """Each family is refused by estuary's check, not just by the server's failure."""
    for query, why in [
        (FILES_AND_NETWORK[0], "LOAD CSV makes the server read a file or fetch a URL"),
        ("SHOW TRANSACTIONS", "SHOW TRANSACTIONS administers the server"),
        ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE TRANSACTIONS"),
        ("SHOW USERS", "administration command"),
        ("CALL db.clearQueryCaches()", "procedure db.clearQueryCaches is not on the "
                                       "read-only allow-list (db.labels"),
    ]:
        assert why in _refused(runner, query)


@pytest.mark.parametrize("query", WRITES)
def test_writes_stay_refused(runner: CliRunner, env: Any, query: str) -> None:
    _refused(runner, query)


def test_nothing_changed_after_the_corpus(runner: CliRunner, env: Any) -> None:
    before = _snapshot(env)
    for query in NON_WRITES + WRITES:
        runner.invoke(app, ["cypher", query, "--param", "url=file:///etc/passwd"])
    assert _snapshot(env) == before
    users = env.driver.execute_query("SHOW USERS YIELD user RETURN collect(user) AS u",
                                     database_="system").records[0]["u"]
    assert users == ["neo4j"]


@pytest.mark.parametrize("query, rows", READS)
def test_reads_still_run(runner: CliRunner, env: Any, query: str, rows: Any) -> None:
    result = runner.invoke(app, ["cypher", query, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == rows


# -- the server itself ------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["file:///etc/passwd", "file:///proc/self/environ",
                                 "file:///import-dir-file.csv"])
def test_server_reads_no_files_even_with_write(runner: CliRunner, env: Any, url: str) -> None:
    result = runner.invoke(app, ["cypher", f"LOAD CSV FROM '{url}' AS l RETURN l", "--write"])
    assert result.exit_code == 1
    assert "root:" not in result.output and "NEO4J" not in result.output
    assert "allow_csv_import_from_file_urls' is false" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_server_environment_holds_no_password() -> None:
    home = os.environ.get("ESTUARY_NEO4J_HOME")
    pid_file = Path(home) / "neo4j.pid" if home else None
    if not pid_file or not pid_file.exists():
        pytest.skip("the test server's home (ESTUARY_NEO4J_HOME) is not known here")
    environ = Path(f"/proc/{pid_file.read_text().strip()}/environ").read_bytes()
    assert b"NEO4J_PASSWORD" not in environ
    password = os.environ.get("ESTUARY_TEST_NEO4J_PASSWORD", "estuary-test").encode()
    assert password not in environ
    assert (Path(home) / "import").is_dir() and not any((Path(home) / "import").iterdir())


JAR = Path(__file__).resolve().parent.parent / "tools" / "neo4j" / "target" / "estuary-neo4j.jar"


def _launch(tmp_path: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    if not JAR.exists() or not shutil.which("java"):
        pytest.skip("the launcher is not built (scripts/neo4j.sh build) or java is missing")
    clean = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    return subprocess.run(["java", "-jar", str(JAR), "--home", str(tmp_path / "home"),
                           "--port", "1", *args], env={**clean, **env}, capture_output=True,
                          text=True, timeout=120)


def test_launcher_refuses_a_password_in_its_environment(tmp_path: Path) -> None:
    result = _launch(tmp_path, env={"NEO4J_PASSWORD": "estuary-secret"})
    assert result.returncode == 2
    assert "NEO4J_PASSWORD is set in the server's environment" in result.stderr
    assert "estuary-secret" not in result.stderr + result.stdout


def test_launcher_deletes_a_password_file_once_read(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("short\n")  # read, deleted, then refused as too short: no server starts
    result = _launch(tmp_path, "--password-file", str(secret), env={})
    assert result.returncode == 2
    assert "at least 8 characters" in result.stderr
    assert not secret.exists()
