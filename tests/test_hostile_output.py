"""Hostile data never talks to the terminal, and exports of it stay well-formed and inert.

A store is filled (past validation, as another tool or an old version could have filled it)
with names, aliases, descriptions, quotes, notes and source titles made of escape sequences;
every command that prints data runs on it, as a table and as JSON, and neither stdout nor
stderr may carry an ESC, BEL or C1 CSI byte, nor a bidi override.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import networkx as nx
import pytest
from rich.text import Text
from typer.testing import CliRunner

from estuary.cli import app
from estuary.output.console.base import SafeConsole
from estuary.output.sanitize import clean, clean_json, clean_line
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation

CORPUS = [
    "\x1b[2J\x1b[H", "\x1b[31mRED\x1b[0m", "\x1b]52;c;aGVsbG8=\x07", "\x1b]0;owned\x07",
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "\x1b[8mhidden\x1b[28m",
    "\x9b31m", "\x07\x07", "\u202egnp.exe", "\r\x1b[Kspoof", "\x1bP+q\x1b\\", "\x00\x08\x7f",
]
HOSTILE = "".join(CORPUS)
MARKUP = "[red]markup[/red] :warning:"
FORBIDDEN = re.compile("[\x1b\x07\x9b\u202a-\u202e\u2066-\u2069]")


def _hostile_bundle() -> Bundle:
    src = Entity(id="source:evil-doc", label="Source", name="来源" + HOSTILE,
                 props={"title": HOSTILE, "url": "https://x.example/" + HOSTILE,
                        "file": "evil.txt", "origin": "load-doc"})
    park = Entity(id="park:evil-a", label="Park", name="恶意园区" + HOSTILE + MARKUP,
                  name_en="Evil" + HOSTILE, aliases=("恶意别名" + HOSTILE,),
                  description=HOSTILE, props={"kind": HOSTILE, "level": HOSTILE})
    rels = [
        Relation(type="LOCATED_IN", start=park.id, end="city:nantong", source=src.id,
                 evidence="引文" + HOSTILE, confidence="high", props={"note": HOSTILE}),
        Relation(type="COOPERATES_WITH", start=park.id, end="city:suzhou", source=src.id,
                 evidence=HOSTILE, confidence="medium", props={"field": HOSTILE}),
        Relation(type="MENTIONS", start=src.id, end="city:nantong", source=src.id,
                 evidence="南通" + HOSTILE, confidence="medium", props={"note": HOSTILE}),
        Relation(type="HAS_INDUSTRY", start=park.id, end="industry:new-energy", source=src.id,
                 evidence=HOSTILE, props={"tier": HOSTILE}),
    ]
    return Bundle(entities={src.id: src, park.id: park},
                  relations={r.key: r for r in rels})


@pytest.fixture
def hostile_db(db: Path) -> Path:
    EmbeddedStore(db).load(_hostile_bundle())
    return db


COMMANDS = [
    ["show", "park:evil-a"], ["search", "恶意园区"], ["search", "恶意别名"],
    ["neighbors", "park:evil-a"], ["path", "park:evil-a", "city:suzhou"],
    ["links", "park:evil-a", "city:suzhou"], ["why", "park:evil-a", "city:nantong"],
    ["compare", "park:evil-a", "city:nantong"], ["hubs"], ["mentions", "南通"], ["stats"],
    ["ask", "恶意园区和南通有什么关系"],
    ["show", HOSTILE], ["search", HOSTILE], ["why", HOSTILE, "南通"],
    ["mentions", HOSTILE], ["links", HOSTILE, "南通"],
]


@pytest.mark.parametrize("json_flag", [[], ["--json"]], ids=["table", "json"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_no_escape_reaches_the_terminal(runner: CliRunner, hostile_db: Path, args: list[str],
                                        json_flag: list[str]) -> None:
    if json_flag and args[0] == "ask":
        json_flag = ["--json"]
    result = runner.invoke(app, [*args, *json_flag])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    for stream in (result.stdout, result.stderr):
        assert not FORBIDDEN.search(stream), repr(FORBIDDEN.search(stream))
    if not json_flag and args == ["show", "park:evil-a"]:
        assert "\\x1b[2J" in result.stdout  # shown, escaped, not dropped
        assert MARKUP in result.stdout  # Rich markup stays text


def test_file_names_and_export_to_stdout_are_clean(runner: CliRunner, hostile_db: Path,
                                                   tmp_path: Path) -> None:
    evil = tmp_path / "bad\x1b]0;owned\x07.yaml"
    evil.write_text("entities:\n  - id: city:x\n    name: \x1b[31m红\n", encoding="utf-8")
    for args in (["validate", str(evil)], ["load", str(evil)], ["validate", str(evil), "--json"],
                 ["load-doc", str(tmp_path / "no\x1b[2J.txt")],
                 ["export", "-f", "graphml", "--around", "park:evil-a"],
                 ["export", "-f", "gexf", "--around", "park:evil-a"],
                 ["export", "-f", "json", "--around", "park:evil-a"],
                 ["export", "-f", "cypher", "--around", "park:evil-a"]):
        result = runner.invoke(app, args)
        for stream in (result.stdout, result.stderr):
            assert not FORBIDDEN.search(stream), (args, repr(FORBIDDEN.search(stream)))


def test_the_console_escapes_styled_text_and_tables() -> None:
    from rich.table import Table

    buf = io.StringIO()
    con = SafeConsole(file=buf, force_terminal=True, color_system="truecolor", width=120,
                      markup=False, highlight=False)
    line = Text("名称: ", style="bold")
    line.append(HOSTILE, style="red")
    table = Table(title=HOSTILE)
    table.add_column(HOSTILE)
    table.add_row(HOSTILE)
    table.add_row(Text(HOSTILE, style="cyan"))
    con.print(line)
    con.print(table)
    con.print(HOSTILE)
    # Rich's own colours are SGR sequences; nothing else may start with ESC.
    rest = re.sub(r"\x1b\[[0-9;]*m", "", buf.getvalue())
    assert not FORBIDDEN.search(rest), repr(FORBIDDEN.search(rest))
    assert "\\x1b]52;c;aGVsbG8=" in rest


def test_sanitiser_functions() -> None:
    assert clean("a\x1b[2Jb\n\tc\u202e") == "a\\x1b[2Jb\n\tc\\u202e"
    assert clean_line("a\nb") == "a\\x0ab"
    assert clean(clean(HOSTILE)) == clean(HOSTILE)
    assert not FORBIDDEN.search(clean(HOSTILE))
    assert clean_json('"\x9b\u202e"') == '"\\u009b\\u202e"'


def _whole(runner: CliRunner, fmt: str, out: Path) -> None:
    result = runner.invoke(app, ["export", "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output


def test_graphml_and_gexf_of_hostile_strings_parse(runner: CliRunner, hostile_db: Path,
                                                   tmp_path: Path) -> None:
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        for args in ([], ["--around", "park:evil-a"]):
            out = tmp_path / f"g{len(args)}.{fmt}"
            result = runner.invoke(app, ["export", "-f", fmt, "-o", str(out), *args])
            assert result.exit_code == 0, result.output
            graph = read(out)  # well-formed XML, or this raises
            assert "park:evil-a" in graph
            text = out.read_text(encoding="utf-8")
            assert not FORBIDDEN.search(text)


def test_csv_cells_cannot_be_formulas(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    formulas = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1",
                "=1+1"]
    park = Entity(id="park:formula", label="Park", name=formulas[0], name_en=formulas[1],
                  aliases=(formulas[2],), description=formulas[3])
    src = Entity(id="source:formula", label="Source", name="公式来源")
    rel = Relation(type="LOCATED_IN", start=park.id, end="city:nantong", source=src.id,
                   evidence=formulas[5], props={"note": "-5"})
    EmbeddedStore(db).load(Bundle(entities={park.id: park, src.id: src},
                                  relations={rel.key: rel}))
    result = runner.invoke(app, ["export", "-f", "csv", "--around", "park:formula", "-o",
                                 str(tmp_path / "out.csv")])
    assert result.exit_code == 0, result.output
    for part in ("nodes", "edges"):
        rows = list(csv.reader((tmp_path / f"out-{part}.csv").open(encoding="utf-8")))
        for cell in (c for row in rows for c in row):
            if cell[:1] in ("=", "+", "@", "\t") or (cell[:1] == "-" and cell != "-5"):
                pytest.fail(f"formula cell {cell!r} in {part}")
    edges = (tmp_path / "out-edges.csv").read_text(encoding="utf-8")
    assert "'=1+1" in edges and ",-5" in edges  # a plain negative number stays a number
    # `estuary load` reads the apostrophe back off.
    from loaders.reading import parse_csv

    doc = parse_csv(tmp_path / "out-edges.csv", edges)
    assert any(row.get("evidence") == "=1+1" for row in doc["relations"])


def test_shell_completion_offers_nothing_a_terminal_acts_on() -> None:
    from estuary.completion import entity_candidates

    nodes = [{"id": "park:evil-a", "label": "Park", "name": "恶意" + HOSTILE,
              "aliases": ["恶意别名\x1b[2J"], "keys": []},
             {"id": "park:ok", "label": "Park", "name": "恶意园", "aliases": [], "keys": []}]
    for typed in ("", "恶意", "park:"):
        for value, help_text in entity_candidates(nodes, typed):
            assert not FORBIDDEN.search(value) and not FORBIDDEN.search(help_text)
            assert "\x1b" not in value
