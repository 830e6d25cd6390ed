"""`neighbors` bounded: the nearest N, hubs not walked through, and what was left out; the
primitives it reads (degrees, walkable_neighbors) on both stores and as of a date."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from estuary.cli import app
from queries.as_of import dated
from queries.neighbors import HUB_DEGREE, neighbors


def test_degrees_and_walkable_neighbors_agree_with_distances(store) -> None:
    ids = ["city:nantong", "park:sutong-park", "source:seed-article", "nowhere:at-all"]
    near = store.walkable_neighbors(ids)
    degree = store.degrees(ids)
    one_hop = store.distances("city:nantong", 1)
    assert set(near["city:nantong"]) == set(one_hop) - {"city:nantong"}
    assert near["city:nantong"] == sorted(near["city:nantong"])
    assert degree == {i: len(near[i]) for i in ids}
    assert near["source:seed-article"] == [] and near["nowhere:at-all"] == []


def test_dated_primitives_walk_the_dated_graph(store) -> None:
    then = dated(store, "2015")
    near = then.walkable_neighbors(["city:nantong"])["city:nantong"]
    assert set(near) == set(then.distances("city:nantong", 1)) - {"city:nantong"}
    assert then.degrees(["city:nantong"]) == {"city:nantong": len(near)}
    assert len(near) < store.degrees(["city:nantong"])["city:nantong"]


def test_default_is_the_nearest_50_ranked_and_says_what_was_cut(store) -> None:
    result = neighbors(store, "南通", depth=2)
    everything = neighbors(store, "南通", depth=2, limit=None)
    first_hop = store.degrees(["city:nantong"])["city:nantong"]
    assert first_hop > 50  # so the walk stops after hop 1
    assert len(result.neighbors) == 50
    assert {n.distance for n in result.neighbors} == {1}
    ranks = [(n.distance, -n.degree, n.entity.id) for n in result.neighbors]
    assert ranks == sorted(ranks)
    cut = result.cut
    assert cut is not None and cut.stopped_at == 1
    assert cut.entities_left_out == first_hop - 50
    # the shown ones are the best ranked of --all's first hop
    assert [n.entity.id for n in result.neighbors] == [
        n.entity.id for n in everything.neighbors[:50]]
    assert everything.cut is None and len(everything.neighbors) > first_hop
    assert "--all" in result.note and "Left out" in result.note


def test_hubs_are_shown_but_not_walked_through(store) -> None:
    result = neighbors(store, "park:sutong-park", depth=2)
    cut = result.cut
    assert cut is not None
    hubs = {h.entity.id for h in cut.hubs}
    assert "city:nantong" in hubs and all(h.degree > HUB_DEGREE for h in cut.hubs)
    assert "city:nantong" in {n.entity.id for n in result.neighbors}
    # every entity two hops out is reached through a first-hop entity that is not a hub
    first = {n.entity.id for n in result.neighbors if n.distance == 1} - hubs
    reach = store.walkable_neighbors(sorted(first))
    for n in result.neighbors:
        if n.distance == 2:
            assert any(n.entity.id in reach[f] for f in first), n.entity.id
    # --all walks through the hub, and finds more
    assert len(neighbors(store, "park:sutong-park", depth=2, limit=None).neighbors) > len(
        result.neighbors)
    assert "南通" in result.note


def test_links_left_out_counts_neighbours_outside_the_answer(store) -> None:
    result = neighbors(store, "park:sutong-park", depth=1, limit=3)
    shown = {"park:sutong-park", *(n.entity.id for n in result.neighbors)}
    near = store.walkable_neighbors(sorted(shown))
    outside = {frozenset((a, b)) for a in shown for b in near[a] if b not in shown}
    assert result.cut is not None and result.cut.links_left_out == len(outside) > 0


def test_label_filter_counts_only_that_label(store) -> None:
    result = neighbors(store, "苏州", depth=2, label="Industry", limit=5)
    assert len(result.neighbors) == 5
    assert all(n.entity.label == "Industry" for n in result.neighbors)
    assert result.cut is not None and result.cut.entities_left_out > 0


def test_nothing_cut_says_nothing(store) -> None:
    result = neighbors(store, "source:seed-article", depth=2)
    assert result.neighbors == () and result.note == ""


def test_cli_limit_all_json_and_html_caption(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    out = runner.invoke(app, ["neighbors", "南通", "--depth", "2", "--limit", "5", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert len(data["neighbors"]) == 5 and data["cut"]["limit"] == 5
    assert data["cut"]["entities_left_out"] > 0
    whole = json.loads(runner.invoke(app, ["neighbors", "南通", "--depth", "2", "--all",
                                           "--json"]).stdout)
    assert whole["cut"] is None and len(whole["neighbors"]) > 100
    table = runner.invoke(app, ["neighbors", "南通", "--limit", "5"])
    assert "Left out" in table.stdout and "--all" in table.stdout
    page = tmp_path / "n.html"
    out = runner.invoke(app, ["neighbors", "park:sutong-park", "--depth", "2", "--limit", "5",
                              "--html", str(page)])
    assert out.exit_code == 0, out.output
    assert "more reached, not listed" in page.read_text(encoding="utf-8")
    bad = runner.invoke(app, ["neighbors", "南通", "--limit", "0"])
    assert bad.exit_code != 0


def test_embedded_degrees_and_neighbours_are_those_of_the_whole_walk_graph(embedded) -> None:
    # The indexed adjacency read a layer at a time gives what networkx gives on the whole
    # walkable graph (Sources and unknown ids have none).
    ids = ["city:nantong", "city:suzhou", "park:sutong-park", "source:seed-article", "x:none"]
    walk = embedded._walkable()
    assert embedded.degrees(ids) == {i: walk.degree(i) if i in walk else 0 for i in ids}
    assert embedded.walkable_neighbors(ids) == {
        i: sorted(walk.adj[i]) if i in walk else [] for i in ids}
    assert embedded.degrees(["city:nantong"])["city:nantong"] > 10


def test_nothing_more_within_reach_offers_no_more(store) -> None:
    result = neighbors(store, "park:sutong-park", depth=1)
    assert result.cut is not None and not result.cut.entities_left_out
    assert "links lead beyond" in result.note and "--all" not in result.note
