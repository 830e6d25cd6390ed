"""`estuary export`: every format read back, Cypher run into the real Neo4j, escaping."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

from estuary.cli import app
from estuary.output import export
from estuary.output.export import csv_format, cypher_script, records
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation, Subgraph
from queries.links import links
from queries.neighbors import neighbors
from queries.whole_graph import whole_graph

TRICKY = "引号'单\"双 反斜杠\\ \\u0041 \\n 换行\n回车\r制表\t响铃\x07 段\u2028落 emoji🌊 `反引号`"


def _scalar_record(record: dict[str, Any], drop: tuple[str, ...]) -> dict[str, Any]:
    return {k: records.scalar(v) for k, v in record.items() if k not in drop}


@pytest.fixture(scope="module")
def whole(embedded_built: Any) -> Subgraph:
    graph, warnings = whole_graph(embedded_built)
    assert warnings == ()
    return graph


def test_whole_graph_is_every_node_and_edge(embedded_built: Any, whole: Subgraph) -> None:
    labels, types = embedded_built.counts()
    assert len(whole.nodes) == sum(labels.values())
    assert len(whole.edges) == sum(types.values())
    assert any(n.label == "Source" for n in whole.nodes)
    assert any(e.type == "MENTIONS" for e in whole.edges)


def test_graphml_round_trip(tmp_path: Path, whole: Subgraph) -> None:
    (path,) = export.write(whole, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(path)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(whole.nodes)
    assert g.number_of_edges() == len(whole.edges)
    for e in whole.nodes:
        assert g.nodes[e.id] == _scalar_record(records.node_record(e), ("id",))
    for r in whole.edges:
        assert g.edges[r.start, r.end, records.edge_id(r)] == _scalar_record(
            records.edge_record(r), ("from", "to"))


def test_gexf_round_trip(tmp_path: Path, whole: Subgraph) -> None:
    (path,) = export.write(whole, "gexf", tmp_path / "g.gexf")
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == len(whole.nodes)
    assert g.number_of_edges() == len(whole.edges)
    for e in whole.nodes:
        want = _scalar_record(records.node_record(e), ("id", "label"))
        want.update(schema_label=e.label, label=e.name)
        assert g.nodes[e.id] == want
    for r in whole.edges:
        want = _scalar_record(records.edge_record(r), ("from", "to", "type"))
        want.update(label=r.type, id=records.edge_id(r))
        assert g.edges[r.start, r.end, records.edge_id(r)] == want


def test_json_round_trip_keeps_lists(tmp_path: Path, whole: Subgraph) -> None:
    (path,) = export.write(whole, "json", tmp_path / "g.json", "whole graph")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["graph"]["selection"] == "whole graph"
    g = nx.node_link_graph(data, edges="edges", source="from", target="to")
    assert g.is_directed() and g.is_multigraph()
    assert g.number_of_nodes() == len(whole.nodes)
    assert g.number_of_edges() == len(whole.edges)
    for e in whole.nodes:
        want = records.node_record(e)
        del want["id"]
        assert g.nodes[e.id] == want
        assert isinstance(g.nodes[e.id]["aliases"], list)
    for r in whole.edges:
        want = records.edge_record(r)
        del want["from"], want["to"]
        assert g.edges[r.start, r.end, records.edge_id(r)] == want


@pytest.mark.parametrize("target", ["graph.csv", "graph", "dir/"])
def test_csv_round_trip(tmp_path: Path, whole: Subgraph, target: str) -> None:
    out = str(tmp_path / target) + ("/" if target.endswith("/") else "")
    nodes_path, edges_path = export.write(whole, "csv", out)
    if target == "dir/":
        assert (nodes_path.name, edges_path.name) == ("nodes.csv", "edges.csv")
    else:
        assert nodes_path == tmp_path / "graph-nodes.csv"
        assert edges_path == tmp_path / "graph-edges.csv"
    with nodes_path.open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with edges_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames[:6] == list(records.EDGE_COLUMNS)  # type: ignore[index]
        edges = list(reader)
    assert len(nodes) == len(whole.nodes) and len(edges) == len(whole.edges)
    by_id = {row["id"]: row for row in nodes}
    for e in whole.nodes:
        row = {k: v for k, v in by_id[e.id].items() if v != ""}
        want = {k: csv_format._cell(v) for k, v in records.node_record(e).items()}
        assert row == {k: v for k, v in want.items() if v != ""}
    by_key = {(row["type"], row["from"], row["to"], row["source"]): row for row in edges}
    for r in whole.edges:
        row = {k: v for k, v in by_key[r.key].items() if v != ""}
        want = {k: csv_format._cell(v) for k, v in records.edge_record(r).items()}
        assert row == {k: v for k, v in want.items() if v != ""}


def test_lists_join_without_a_separator_inside(whole: Subgraph) -> None:
    # "|" joins aliases in graphml, gexf and csv: no alias may contain it.
    assert not any(records.LIST_SEPARATOR in a for n in whole.nodes for a in n.aliases)


# -- cypher ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "literal"), [
    ("plain 南通", "'plain 南通'"),
    ("it's", "'it\\'s'"),
    ('say "hi"', "'say \\\"hi\\\"'"),
    ("back\\slash", "'back\\\\slash'"),
    ("line\nbreak\r\n", "'line\\nbreak\\r\\n'"),
    ("\\u0041", "'\\\\u0041'"),
    ("bell\x07 sep\u2028", "'bell\\u0007 sep\\u2028'"),
])
def test_cypher_string_escapes(text: str, literal: str) -> None:
    assert cypher_script.cypher_string(text) == literal


def test_cypher_script_is_one_statement_a_line(whole: Subgraph) -> None:
    script = cypher_script.texts(whole)[""]
    statements = cypher_script.cypher_statements(script)
    assert len(statements) == 1 + len(whole.nodes) + len(whole.edges)
    assert all("\n" not in s and not s.endswith(";") for s in statements)


def test_cypher_uses_schema_labels_only() -> None:
    bad = Entity(id="x:1", label="City) DETACH DELETE (n", name="x")
    with pytest.raises(ValueError, match="not a schema label"):
        list(cypher_script.cypher_lines(Subgraph(nodes=(bad,), edges=())))
    rel = Relation(type="KNOWS]->() DELETE (a", start="city:a", end="city:b", source="s")
    with pytest.raises(ValueError, match="not a schema relationship type"):
        list(cypher_script.cypher_lines(Subgraph(nodes=(), edges=(rel,))))


def test_cypher_literals_read_back_from_neo4j(neo4j_store: Any) -> None:
    values = [TRICKY, "", "南通", ["a'b", "c\\d", "e\nf"], 1.5, -3, True, 31.9811]
    for value in values:
        records = neo4j_store._read(f"RETURN {cypher_script.cypher_literal(value)} AS v")
        assert records[0]["v"] == value, value


def _tricky_bundle() -> Bundle:
    bundle = Bundle()
    source = Entity(id="source:tricky", label="Source", name=f"来源 {TRICKY}",
                    props={"url": "https://example.cn/a?b='c'&d=\"e\"", "file": "x\\y.txt"})
    park = Entity(id="park:tricky", label="Park", name=f"园区 {TRICKY}", name_en="It's \"odd\"",
                  aliases=("别名'一", "别名\\二", "别名\n三"), description=TRICKY,
                  props={"kind": TRICKY, "area_km2": 12.5, "pinyin": "yuanqu"})
    bundle.entities = {e.id: e for e in (source, park)}
    rel = Relation(type="LOCATED_IN", start="park:tricky", end="city:nantong",
                   source="source:tricky", evidence=TRICKY, confidence="low",
                   props={"note": f"note {TRICKY}"})
    bundle.relations = {rel.key: rel}
    return bundle


def test_cypher_round_trip_into_neo4j(db: Path, tmp_path: Path, neo4j_store: Any) -> None:
    """The whole graph (plus a node of nasty strings) through a Cypher script, into Neo4j."""
    from estuary.stores import ensure_bundled
    from tests.conftest import wipe_neo4j

    store = EmbeddedStore(db)
    store.load(_tricky_bundle())
    graph, _ = whole_graph(store)
    (path,) = export.write(graph, "cypher", tmp_path / "g.cypher")
    statements = cypher_script.cypher_statements(path.read_text(encoding="utf-8"))
    try:
        wipe_neo4j(neo4j_store)
        with neo4j_store.driver.session(database=neo4j_store.database) as session:
            session.run(statements[0]).consume()  # the constraint: a schema change of its own
            with session.begin_transaction() as tx:
                for statement in statements[1:]:
                    tx.run(statement).consume()
                tx.commit()
        assert neo4j_store.counts() == store.counts()
        theirs = [e.to_dict() for e in neo4j_store.all_entities()]
        assert theirs == [e.to_dict() for e in store.all_entities()]
        assert [r.to_dict() for r in neo4j_store.all_relations()] == [
            r.to_dict() for r in store.all_relations()]
        tricky = neo4j_store.entities(["park:tricky", "source:tricky"])
        assert tricky["park:tricky"].description == TRICKY
        assert tricky["park:tricky"].aliases == ("别名'一", "别名\\二", "别名\n三")
        assert tricky["source:tricky"].props["url"] == "https://example.cn/a?b='c'&d=\"e\""
        assert neo4j_store.find_by_key("别名'一")[0].id == "park:tricky"  # keys came along
    finally:
        wipe_neo4j(neo4j_store)
        ensure_bundled(neo4j_store)


# -- the command -------------------------------------------------------------------------------

def test_export_around_matches_neighbors(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "json", "--around", "南通", "--depth", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = neighbors(EmbeddedStore(db), "南通", depth=1, limit=None).subgraph()
    assert {n["id"] for n in data["nodes"]} == {n.id for n in expected.nodes}
    assert len(data["edges"]) == len(expected.edges)
    assert data["graph"]["selection"] == "within 1 hop(s) of 南通 (Nantong) [city:nantong]"


def test_export_links_to_files_with_summary(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "links.graphml"
    html = tmp_path / "links.html"
    result = runner.invoke(app, ["export", "-f", "graphml", "--links", "南通", "苏州", "--via",
                                 "park", "-o", str(out), "--json", "--html", str(html)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    expected = links(EmbeddedStore(db), "南通", "苏州", via="park").subgraph()
    assert summary["files"] == [str(out)] and summary["format"] == "graphml"
    assert (summary["nodes"], summary["edges"]) == (len(expected.nodes), len(expected.edges))
    assert set(nx.read_graphml(out).nodes) == {n.id for n in expected.nodes}
    assert html.exists()


def test_export_whole_graph_to_stdout(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "graphml"])
    assert result.exit_code == 0, result.output
    g = nx.parse_graphml(result.stdout)
    labels, types = EmbeddedStore(db).counts()
    assert (g.number_of_nodes(), g.number_of_edges()) == (sum(labels.values()),
                                                          sum(types.values()))


def test_export_csv_table_summary(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "csv", "-o", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.stdout and "whole graph" in result.stdout
    assert (tmp_path / "g-nodes.csv").exists() and (tmp_path / "g-edges.csv").exists()


@pytest.mark.parametrize("args", [
    ["export", "-f", "csv"],
    ["export", "-f", "json", "--json"],
    ["export", "-f", "json", "--around", "南通", "--links", "南通", "苏州"],
    ["export", "-f", "xml"],
    ["export"],
])
def test_export_usage_errors(runner: CliRunner, db: Path, args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_export_unknown_entity(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "json", "--around", "Nowhere-at-all"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no entity matches 'Nowhere-at-all'")
