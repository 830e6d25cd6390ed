"""Start-up: a command imports what it uses (its own command module, not the other
commands'). Options are coerced without pydantic
(estuary/coercion.py), as Typer's own coercion did: the same values, the same refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app

ROOT = Path(__file__).resolve().parent.parent

# Modules an answer printed as JSON from the embedded store never needs.
NOT_FOR_JSON = ("pydantic", "rich", "yaml", "pypinyin", "rapidfuzz", "neo4j", "pyvis",
                "openpyxl", "queries.ask", "estuary.output.console", "graph.gazetteer",
                "estuary.commands.data", "estuary.commands.share", "estuary.commands.cypher")


@pytest.mark.parametrize("args", [["show", "南通", "--json"],
                                  ["links", "南通", "苏州", "--json"],
                                  ["neighbors", "南通", "--depth", "2", "--json"]],
                         ids=lambda a: a[0])
def test_a_json_answer_imports_only_what_it_uses(db: Path, args: list[str]) -> None:
    probe = ("import json, sys\nfrom estuary.cli import app\n"
             "try:\n    app(sys.argv[1:], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
             f"print(json.dumps([m for m in {NOT_FOR_JSON!r} if m in sys.modules]), "
             "file=sys.stderr)")
    env = {**os.environ, "ESTUARY_DB": str(db), "ESTUARY_STORE": "embedded",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe, *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)  # it answered
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


@pytest.mark.parametrize(("args", "message"), [
    (["neighbors", "南通", "--limit", "0"], "0 is not in the range: it must be >= 1"),
    (["neighbors", "南通", "--depth", "5"], "5 is not in the range: it must be >= 1 and <= 4"),
    (["neighbors", "南通", "--limit", "many"], "'many' is not a valid integer"),
    (["links", "南通", "苏州", "--via", "bogus"], "'bogus' is not one of 'industry'"),
    (["--store", "mongo", "stats"], "'mongo' is not one of 'embedded', 'neo4j'"),
])
def test_bad_values_are_refused_with_the_reason(runner: CliRunner, db: Path, args: list[str],
                                                message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split()).replace("│ │", " ")


def test_paths_lists_pairs_and_choices_arrive_typed(runner: CliRunner, db: Path,
                                                   tmp_path: Path) -> None:
    page = tmp_path / "links.json"
    result = runner.invoke(app, ["export", "-f", "json", "--links", "南通", "苏州", "--via",
                                 "park", "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert "南通" in json.loads(page.read_text(encoding="utf-8"))["graph"]["selection"]
    as_dir = runner.invoke(app, ["--db", str(tmp_path), "stats"])
    assert as_dir.exit_code == 2 and "is a directory" in as_dir.output
    missing = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert missing.exit_code != 0 and "nope.yaml" in missing.output


def test_renderers_names_the_module_that_draws_each_result() -> None:
    import importlib

    from estuary.output.console import base

    for name in sorted(set(base.RENDERERS.values())):
        importlib.import_module(f"estuary.output.console.{name}")
    registered = {cls: fn for cls, fn in base._dispatch.registry.items() if cls is not object}
    assert len(registered) >= 15
    for cls, fn in registered.items():
        assert base.renderer_module(cls) == fn.__module__, cls


def test_a_table_imports_only_its_own_renderer(db: Path) -> None:
    probe = ("import json, sys\nfrom estuary.cli import app\n"
             "try:\n    app(sys.argv[1:], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
             "print(json.dumps([m for m in ('queries.ask', 'estuary.output.console.ask', "
             "'estuary.output.console.catalogue', 'estuary.output.console.answers') "
             "if m in sys.modules]), file=sys.stderr)")
    env = {**os.environ, "ESTUARY_DB": str(db), "ESTUARY_STORE": "embedded",
           "PYTHONPATH": str(ROOT), "COLUMNS": "120"}
    done = subprocess.run([sys.executable, "-c", probe, "show", "南通"], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert "city:nantong" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1]) == ["estuary.output.console.answers"]
