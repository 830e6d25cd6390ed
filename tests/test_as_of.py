"""--as-of: one filter (queries/as_of.py) for every command, on both stores; the links CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from queries.as_of import BadDate, NotAtDate, dated, holds, parse_as_of, span
from queries.compare import compare
from queries.errors import NoPath
from queries.neighbors import neighbors
from queries.paths import shortest_paths
from queries.show import show
from queries.why import why

# -- the date rules ----------------------------------------------------------------------------


def test_partial_dates_stand_for_their_first_day() -> None:
    assert parse_as_of("2020") == "2020-01-01"
    assert parse_as_of("2020-05") == "2020-05-01"
    assert parse_as_of("2020-05-17") == "2020-05-17"
    for bad in ("20", "2020-13", "2020/05", "May 2020", "2020-05-40"):
        with pytest.raises(BadDate):
            parse_as_of(bad)


def test_holds_from_since_until_until() -> None:
    assert holds("2020-05", None, "2020-05-01")
    assert not holds("2020-05", None, "2020-04-30")
    assert holds(None, "2020-05", "2020-04-30")
    assert not holds(None, "2020-05", "2020-05-01")
    assert holds(None, None, "1900-01-01"), "undated is kept"


def test_span_of_hops() -> None:
    from graph.model import Relation

    def rel(source: str, **props: str) -> Relation:
        return Relation("CO_BUILDS", "a", "b", source, props=props)

    # A hop holds from its earliest-dated statement; a chain from its latest-starting hop.
    hops = [[rel("s1", since="2009"), rel("s2", since="2011-03-24")], [rel("s3", since="2011")]]
    assert span(hops) == ("2011", None)
    # One undated statement leaves the hop's start unknown.
    assert span([[rel("s1", since="2009"), rel("s2")]]) == (None, None)
    assert span([[rel("s1", until="2020-05")]]) == (None, "2020-05")


# -- the filter on both stores -------------------------------------------------------------------
# park:sutong-park: established 2009-09-28, until 2020-05; its co-builders until 2020-05
# (source:facts-cnfina-sutong-park). park:suxitong-park co-built since 2020-05.

def test_entities_and_relations_leave_at_their_dates(store: Any) -> None:
    with pytest.raises(NotAtDate) as err:
        show(dated(store, "2021"), "park:sutong-park")
    assert "until 2020-05" in str(err.value)
    before = show(dated(store, "2019"), "park:sutong-park")
    assert any(e.relation.type == "CO_BUILDS" for e in before.relations)
    stated = why(dated(store, "2021"), "南通", "苏锡通科技产业园区").statements
    assert {s.relation.type for s in stated} >= {"CO_BUILDS"}
    with pytest.raises(NotAtDate):
        why(dated(store, "2019"), "南通", "苏锡通科技产业园区")


def test_paths_and_neighbours_walk_only_what_held(store: Any) -> None:
    now = {n.entity.id for n in neighbors(store, "苏锡通科技产业园区", depth=1).neighbors}
    then = {n.entity.id for n in neighbors(dated(store, "2021"), "苏锡通科技产业园区",
                                           depth=1).neighbors}
    assert then <= now
    path = shortest_paths(dated(store, "2019"), "南通", "park:sutong-park")
    for walk in path.paths:
        for hop in walk.hops:
            assert hop, "every hop keeps a relation that held then"
            for rel in hop:
                assert rel.props.get("until", "9999") > "2019"
    with pytest.raises(NoPath):
        shortest_paths(dated(store, "2019"), "南通", "park:sutong-park", max_hops=0)


def test_compare_as_of(store: Any) -> None:
    then = compare(dated(store, "2019"), "南通", "苏州")
    assert "park:sutong-park" in then.aspect("parks").shared
    assert "park:suxitong-park" not in {h.entity.id for h in then.aspect("parks").a}


# -- the commands --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["links", "南通", "苏州", "--via", "park"], ["path", "南通", "苏州"], ["neighbors", "南通"],
    ["compare", "南通", "苏州"], ["show", "南通"], ["why", "南通", "苏州"],
    ["ask", "南通和苏州共建了哪些园区"],
])
def test_every_command_takes_as_of(runner: CliRunner, db: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--as-of", "2019"])
    assert result.exit_code == 0, result.output
    bad = runner.invoke(app, [*args, "--as-of", "2019-13"])
    assert bad.exit_code == 1
    assert bad.output.strip().startswith("Error: --as-of '2019-13' is not a date")


def test_viz_as_of(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["viz", "-o", str(out), "--around", "南通", "--as-of", "2019"])
    assert result.exit_code == 0, result.output
    assert "park:suxitong-park" not in out.read_text(encoding="utf-8")


def test_as_of_marks_undated_evidence(runner: CliRunner, db: Path) -> None:
    out = runner.invoke(app, ["links", "南通", "上海", "--via", "park", "--as-of", "2024",
                              "--paths", "1"]).stdout
    assert "as of 2024" in out
    assert "undated]" in out and "since 2011-03-24]" in out


def test_links_cli_top_all_json_and_html(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    three = json.loads(runner.invoke(app, ["links", "南通", "上海", "--via", "any", "--top",
                                           "3", "--json"]).stdout)
    every = json.loads(runner.invoke(app, ["links", "南通", "上海", "--via", "any", "--all",
                                           "--json"]).stdout)
    assert len(three["links"]) == 3 and len(every["links"]) == every["total"] > 3
    assert three["links"] == every["links"][:3]
    row = every["links"][0]
    assert {"kind", "strength", "sources", "evidence", "since", "until", "undated",
            "paths_total", "paths"} <= set(row)
    table = runner.invoke(app, ["links", "南通", "上海", "--via", "park"]).stdout
    assert "Ranked by strength" in table and "co-built park" in table
    html = tmp_path / "links.html"
    runner.invoke(app, ["links", "南通", "上海", "--via", "park", "--html", str(html)])
    page = html.read_text(encoding="utf-8")
    assert "co-built park · strength" in page
