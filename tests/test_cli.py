"""The CLI through CliRunner (exact texts), and one run of the installed `estuary` binary."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from estuary.cli import app

GOOD = Path(__file__).parent / "fixtures" / "good" / "extra-park.yaml"


def test_every_command_has_help_and_an_example(runner: CliRunner) -> None:
    group = get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert {"search", "show", "neighbors", "path", "links", "stats", "validate", "load",
            "cypher"} <= set(names)
    for name in names:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.stdout, f"{name} --help shows no example"
        assert (group.commands[name].help or "").strip(), f"{name} has no help"  # type: ignore[attr-defined]


def test_links_table_names_paths_and_evidence(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["links", "南通", "苏州", "--via", "industry"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Industry links between 南通 (Nantong) and 苏州 (Suzhou)" in out
    assert "集成电路" in out and "shared industry" in out
    assert "Ranked by strength" in out, "the ranking is explained under the table"
    assert "“" in out, "evidence quotes are printed"
    broad = runner.invoke(app, ["links", "南通", "苏州", "--via", "industry", "--broad", "--all"])
    assert "新一代信息技术产业" in broad.stdout


def test_links_json_and_html(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    html = tmp_path / "links.html"
    result = runner.invoke(app, ["links", "Nantong", "Suzhou", "--via", "industry",
                                 "--json", "--html", str(html)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["from"] == {"id": "city:nantong", "label": "City", "name": "南通",
                               "name_en": "Nantong"}
    assert payload["links"][0]["paths"][0]["hops"][0][0]["source"]
    assert html.exists() and "南通" in html.read_text(encoding="utf-8")
    assert f"Wrote {html}" in result.stderr


@pytest.mark.parametrize("args", [
    ["search", "苏通"], ["show", "南通"], ["neighbors", "南通", "--depth", "2", "--type", "Park"],
    ["path", "南通", "苏州工业园区"], ["links", "南通", "上海", "--via", "mechanism"],
    ["stats"],
])
def test_query_commands_table_and_json(runner: CliRunner, db: Path, args: list[str]) -> None:
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert table.stdout.strip()
    as_json = runner.invoke(app, [*args, "--json"])
    assert as_json.exit_code == 0, as_json.output
    json.loads(as_json.stdout)


def test_ambiguous_entity_is_an_error_listing_candidates(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["show", "苏"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: '苏' is ambiguous: ")
    assert "苏州 (Suzhou) [city:suzhou]" in result.stderr
    assert "江苏 (Jiangsu) [region:jiangsu]" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_entity_suggests(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["show", "Nantongg"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no entity matches 'Nantongg'; did you mean: "
                                    "南通 (Nantong) [city:nantong]")


def test_unknown_label_option(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["neighbors", "南通", "--type", "Planet"])
    assert result.exit_code == 2
    assert "unknown label 'Planet'" in result.output


def test_load_twice_changes_nothing(runner: CliRunner, db: Path) -> None:
    first = runner.invoke(app, ["load", str(GOOD), "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["entities_created"] == 2
    after_first = db.read_bytes()
    second = runner.invoke(app, ["load", str(GOOD), "--json"])
    assert second.exit_code == 0, second.output
    counts = json.loads(second.stdout)
    assert counts["entities_created"] == counts["relations_created"] == 0
    assert counts["entities_updated"] == counts["relations_updated"] == 0
    assert db.read_bytes() == after_first
    shown = runner.invoke(app, ["links", "南通", "苏州", "--via", "park", "--json"])
    assert "park:test-innovation-park" in shown.stdout


def test_validate_good_file(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["validate", str(GOOD)])
    assert result.exit_code == 0, result.output
    # validate is load --dry-run: it also says what a load would create and change
    assert result.stdout.splitlines()[:2] == [
        "OK: 1 file(s), 5 record(s) valid.",
        "Would create 2 and change 0 entities, create 3 and change 0 relations."]
    assert "  new entity: park:test-innovation-park" in result.stdout.splitlines()


def test_cypher_needs_neo4j(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["cypher", "RETURN 1"])
    assert result.exit_code == 1
    assert result.stderr == ("Error: cypher runs on the Neo4j store: add --store neo4j "
                             "(or set ESTUARY_STORE=neo4j)\n")


@pytest.mark.parametrize("content", [
    "{not json", "[]", '"text"', '{"format": 1, "meta": [], "nodes": [], "edges": []}',
    '{"format": 1, "nodes": [], "edges": [{"type": "BROADER", "start": "industry:a", '
    '"end": "industry:b", "source": "source:x"}]}',
])
def test_unreadable_store_file(runner: CliRunner, db: Path, content: str) -> None:
    db.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["stats"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot read the embedded store {db}: ")
    assert "Delete the file to rebuild it from the bundled data" in result.stderr


def test_installed_binary_runs(db: Path, tmp_path: Path) -> None:
    exe = shutil.which("estuary")
    if exe is None:
        pytest.skip("the estuary console script is not installed (pip install -e .)")
    html = tmp_path / "links.html"
    proc = subprocess.run([exe, "links", "南通", "苏州", "--via", "industry", "--html", str(html)],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    # 南通 and 苏州 both have 集成电路 (tests/test_links_expected.py gives the records)
    assert "集成电路" in proc.stdout and "shared industry" in proc.stdout
    assert html.stat().st_size > 100_000  # vis-network is inlined


@pytest.mark.parametrize("args, nodes", [
    ([], None),
    (["--type", "City", "--layout", "geo"], "City"),
    (["--around", "苏州", "-d", "1"], None),
])
def test_viz_writes_the_graph(runner: CliRunner, db: Path, tmp_path: Path, args: list[str],
                              nodes: str | None) -> None:
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["viz", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "苏州" in text
    # The page's data names each label drawn (for the legend); a City-only view has no other.
    assert ('"Industry"' in text) == (nodes is None)


def test_names_are_not_markup(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text("entities:\n  - id: park:test-markup\n    name: 'Foo [/bar] [bold]x'\n"
                    "    name_en: ':warning: park'\n", encoding="utf-8")
    assert runner.invoke(app, ["load", str(path)]).exit_code == 0
    result = runner.invoke(app, ["show", "park:test-markup"])
    assert result.exit_code == 0, result.output
    assert "Foo [/bar] [bold]x" in result.stdout
    assert ":warning: park" in result.stdout


def test_password_never_reaches_the_html_caption() -> None:
    from estuary.output.emit import _masked

    assert _masked(["--neo4j-password", "s3cret", "links", "a", "b"]) == [
        "--neo4j-password", "***", "links", "a", "b"]
    assert _masked(["--neo4j-password=s3cret", "stats"]) == ["--neo4j-password=***", "stats"]
