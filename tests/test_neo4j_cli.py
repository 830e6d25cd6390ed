"""The CLI on the real Neo4j store: same answers, user Cypher, and connection errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from estuary.cli import app

GOOD = Path(__file__).parent / "fixtures" / "good" / "extra-park.yaml"
GOOD_IDS = ["park:test-innovation-park", "source:analyst-notes"]


@pytest.fixture
def neo4j_env(neo4j_cli: Any, neo4j_store: Any) -> Iterator[Any]:
    yield neo4j_cli
    # Leave the shared test database exactly as the session fixture loaded it.
    neo4j_store.driver.execute_query("MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n",
                                     ids=GOOD_IDS)


def test_links_json_same_on_both_stores(runner: CliRunner, neo4j_env: Any) -> None:
    args = ["links", "南通", "苏州", "--via", "industry", "--json"]
    on_neo4j = runner.invoke(app, args)
    on_embedded = runner.invoke(app, ["--store", "embedded", *args])
    assert on_neo4j.exit_code == on_embedded.exit_code == 0, on_neo4j.output
    assert json.loads(on_neo4j.stdout) == json.loads(on_embedded.stdout)


def test_cypher_with_parameters(runner: CliRunner, neo4j_env: Any) -> None:
    query = ("MATCH (c:City {name: $name})-[r:HAS_INDUSTRY {tier: $tier}]->(i) "
             "RETURN i.name AS industry ORDER BY industry")
    result = runner.invoke(app, ["cypher", query, "--param", "name=南通", "--param",
                                 "tier=千亿级", "--json"])
    assert result.exit_code == 0, result.output
    names = [row["industry"] for row in json.loads(result.stdout)]
    assert sorted(names) == sorted(["船舶海工", "高端纺织", "新一代信息技术", "高端装备",
                                    "新材料", "新能源"])


def test_cypher_nodes_show_data_not_internal_keys(runner: CliRunner, neo4j_env: Any) -> None:
    # Nodes carry name bigrams (_grams) and relations load marks: a user's RETURN shows data only.
    query = ("MATCH (c:City {id: 'city:nantong'})-[r:HAS_INDUSTRY]->(i {id: $i}) "
             "RETURN c, r, properties(c) AS raw")
    result = runner.invoke(app, ["cypher", query, "--param", "i=industry:new-energy", "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)[0]
    assert row["c"]["id"] == "city:nantong" and "City" in row["c"]["labels"]
    assert row["r"]["type"] == "HAS_INDUSTRY" and row["r"]["source"]
    assert not [k for k in (*row["c"], *row["r"]) if k.startswith("_")]
    assert "_grams" in row["raw"]  # what the user asks for by name is still shown


def test_cypher_is_read_only_unless_asked(runner: CliRunner, neo4j_env: Any,
                                          neo4j_store: Any) -> None:
    create = "CREATE (n:Entity {id: 'park:test-innovation-park', name: 'x'}) RETURN n.id"
    refused = runner.invoke(app, ["cypher", create])
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: refused in read-only mode: the server's plan "
                                     "says this statement reads and writes")
    assert "add --write to run it anyway" in refused.stderr
    allowed = runner.invoke(app, ["cypher", create, "--write", "--json"])
    assert allowed.exit_code == 0, allowed.output
    assert json.loads(allowed.stdout) == [{"n.id": "park:test-innovation-park"}]


def test_cypher_bad_param(runner: CliRunner, neo4j_env: Any) -> None:
    result = runner.invoke(app, ["cypher", "RETURN 1", "--param", "oops"])
    assert result.exit_code == 2
    assert "expected NAME=VALUE, got 'oops'" in result.output


def test_load_twice_on_neo4j_changes_nothing(runner: CliRunner, neo4j_env: Any) -> None:
    first = runner.invoke(app, ["load", str(GOOD), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["entities_created"] == 2
    assert json.loads(first.stdout)["relations_created"] == 3
    second = runner.invoke(app, ["load", str(GOOD), "--json"])
    counts = json.loads(second.stdout)
    assert [counts[k] for k in ("entities_created", "entities_updated", "relations_created",
                                "relations_updated")] == [0, 0, 0, 0]


def test_bad_file_leaves_neo4j_unchanged(runner: CliRunner, neo4j_env: Any) -> None:
    before = runner.invoke(app, ["stats", "--json"]).stdout
    bad = Path(__file__).parent / "fixtures" / "bad" / "unknown-endpoint.yaml"
    result = runner.invoke(app, ["load", str(GOOD), str(bad)])
    assert result.exit_code == 1
    assert runner.invoke(app, ["stats", "--json"]).stdout == before


@pytest.mark.parametrize("env, expected", [
    ({"NEO4J_PASSWORD": "not-the-password"},
     "Error: Neo4j at {uri} refused the credentials of user 'neo4j': check NEO4J_USERNAME "
     "and NEO4J_PASSWORD"),
    ({"NEO4J_URI": "bolt://127.0.0.1:1"},
     "Error: cannot reach Neo4j at bolt://127.0.0.1:1: is it running? Start the local one "
     "with `scripts/neo4j.sh start`, or set NEO4J_URI"),
    ({"NEO4J_DATABASE": "nosuchdb"},
     "Error: Neo4j at {uri} (database 'nosuchdb'): database 'nosuchdb' does not exist; set "
     "NEO4J_DATABASE to an existing one (e.g. neo4j)"),
    ({"NEO4J_URI": "http://127.0.0.1:7474"},
     "Error: invalid Neo4j URI 'http://127.0.0.1:7474': "),
])
def test_connection_errors_are_one_line(runner: CliRunner, neo4j_env: Any,
                                        monkeypatch: pytest.MonkeyPatch,
                                        env: dict[str, str], expected: str) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 1
    message = expected.format(uri=neo4j_env.neo4j_uri)
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not-the-password" not in result.output
    assert "Traceback" not in result.output
