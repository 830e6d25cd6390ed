"""why, compare, hubs and mentions on both stores; their commands; entity completion."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from estuary.cli import app
from estuary.completion import complete_entity, entity_candidates
from graph.model import to_jsonable
from queries.compare import SameEntity, compare
from queries.errors import EntityNotFound
from queries.hubs import METRICS, UnknownMetric, hubs, pagerank, scores
from queries.mentions import mentions
from queries.why import NoDirectRelation, why

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "data" / "sources" / "seed-article.txt").read_text(encoding="utf-8")
NEW_COMMANDS = ("why", "compare", "hubs", "mentions", "load-doc", "export")


# -- why -------------------------------------------------------------------------------------

def test_why_quotes_the_relation_and_its_source(store) -> None:
    result = why(store, "南通", "苏州工业园区")
    assert [(s.relation.type, s.relation.start, s.relation.end) for s in result.statements] == [
        ("LEARNS_FROM", "city:nantong", "park:sip")]
    st = result.statements[0]
    assert st.relation.evidence == "学习借鉴苏州工业园区经验"
    assert st.relation.evidence in ARTICLE
    assert st.source is not None and st.source.id == "source:seed-article"
    data = result.to_dict()["relations"][0]
    assert data["source"]["name"] == "共建长江口产业创新协同区 推进长三角一体化发展"


def test_why_finds_both_directions_and_names_the_url(store) -> None:
    result = why(store, "苏锡通科技产业园区", "南通")
    pairs = {(s.relation.type, s.relation.start) for s in result.statements}
    assert ("CO_BUILDS", "city:nantong") in pairs
    assert ("LOCATED_IN", "park:suxitong-park") in pairs
    keys = [s.relation.key for s in result.statements]
    assert keys == sorted(keys)
    sutong = why(store, "苏通科技产业园", "南通").to_dict()["relations"][0]
    assert sutong["source"] == {"id": "source:facts-cnfina-sutong-park",
                                "name": "中国金融信息网：苏通科技产业园开发公司股权",
                                "url": "cnfina.com/company/20110923_35916.html"}
    sg = result.subgraph()
    assert {n.id for n in sg.nodes} == {"city:nantong", "park:suxitong-park"}
    assert len(sg.edges) == len(result.statements)


def test_why_without_a_direct_relation_is_an_error(store) -> None:
    with pytest.raises(NoDirectRelation) as err:
        why(store, "南通", "宝山区")
    assert "no direct relation between 南通 (Nantong) and 宝山区 (Baoshan District)" in str(
        err.value)
    with pytest.raises(EntityNotFound):
        why(store, "南通", "Nowhere-at-all")


# -- compare ---------------------------------------------------------------------------------

def test_compare_shares_infrastructure_as_links_does(store) -> None:
    """沪苏通长江公铁大桥 CONNECTS 南通 and 张家港 (data/curated/infrastructure.yaml,
    source:facts-slrbs-xinhua-hu-su-tong); 崇启大桥 CONNECTS 启东, a district of 南通, not
    张家港."""
    from queries.links import links

    result = compare(store, "南通", "张家港")
    shared = set(result.aspect("infrastructure").shared)
    assert "infra:hu-su-tong-bridge" in shared
    assert "infra:chongqi-bridge" in {h.entity.id for h in result.aspect("infrastructure").a}
    assert "infra:chongqi-bridge" not in shared
    linked = links(store, "南通", "张家港", via="infrastructure", top=None).links
    assert shared == {link.entity.id for link in linked}
    via = {h.entity.id: h.via for h in result.aspect("infrastructure").a}["infra:chongqi-bridge"]
    assert [r.type for r in via] == ["CONNECTS", "LOCATED_IN"]  # through 启东
    # a line that CONNECTS the city itself is held directly, not through a district
    via = {h.entity.id: h.via for h in compare(store, "南通", "苏州").aspect(
        "infrastructure").b}["infra:hu-su-tong-railway"]
    assert [(r.type, r.end) for r in via] == [("CONNECTS", "city:suzhou")]
    # --json says a line's status, as links does (infra:zhangjinggao-bridge: under construction)
    held = {h["id"]: h for h in result.to_dict()["infrastructure"]["a"]}
    assert held["infra:zhangjinggao-bridge"]["status"] == "under-construction"

def test_compare_shares_parks_memberships_and_categories(store) -> None:
    result = compare(store, "南通", "苏州")
    assert "park:suxitong-park" in result.aspect("parks").shared
    assert "region:su-xi-chang-tong-circle" in result.aspect("memberships").shared
    assert "mechanism:park-co-construction" in result.aspect("mechanisms").shared
    # Both HAS_INDUSTRY 集成电路 (facts-nantong-gxj-616, facts-suzhou-future-industries); the
    # same computation as links --via industry's shared industries at distance 0.
    assert "industry:integrated-circuits" in result.aspect("industries").shared
    from queries.links import links

    linked = links(store, "南通", "苏州", via="industry", top=None).links
    assert set(result.aspect("industries").shared) == {
        link.entity.id for link in linked if link.kind == "shared-industry" and not link.distance}
    cats = {c.category.id: c for c in result.categories}
    it = cats["industry:cat-next-gen-it"]
    assert "industry:integrated-circuits" in {e.id for e in it.a_via}
    assert "industry:electronic-information" in {e.id for e in it.b_via}
    data = result.to_dict()
    assert set(data) == {"a", "b", "industries", "parks", "memberships", "mechanisms",
                         "infrastructure", "shared"}
    assert {p["id"] for p in data["shared"]["parks"]} == set(result.aspect("parks").shared)
    assert data["shared"]["categories"][0]["category"]["id"] == result.categories[0].category.id


def test_compare_direct_shared_industries_and_evidence_chains(store) -> None:
    result = compare(store, "南通", "上海")
    assert {"industry:high-end-equipment", "industry:integrated-circuits"} <= set(
        result.aspect("industries").shared)
    parks = {h.entity.id: h for h in result.aspect("parks").a}
    chain = parks["park:shibei-nantong-science-city"].via
    # A park in a district of a district: the whole containment chain is the evidence.
    assert [r.type for r in chain] == ["LOCATED_IN"] * len(chain) and len(chain) >= 2
    assert chain[0].start == "park:shibei-nantong-science-city"
    assert chain[-1].end == "city:nantong"
    assert all(chain[i].end == chain[i + 1].start for i in range(len(chain) - 1))
    sg = result.subgraph()
    ids = {n.id for n in sg.nodes}
    assert all(e.start in ids and e.end in ids for e in sg.edges)
    assert set(sg.focus) == {"city:nantong", "city:shanghai"}
    assert "industry:integrated-circuits" in sg.highlight


def test_compare_parks_by_what_they_focus_on(store) -> None:
    result = compare(store, "苏锡通科技产业园区", "苏州工业园区")
    cats = {c.category.id: c for c in result.categories}
    assert [e.id for e in cats["industry:cat-biotech"].a_via] == ["industry:life-health"]
    assert [e.id for e in cats["industry:cat-biotech"].b_via] == ["industry:biomedicine"]
    types = {r.type for h in result.aspect("industries").a for r in h.via}
    assert types <= {"HAS_INDUSTRY", "FOCUSES_ON"} and types
    assert {(r.start, r.end) for r in result.broader} >= {
        ("industry:life-health", "industry:cat-biotech"),
        ("industry:biomedicine", "industry:cat-biotech")}


def test_compare_refuses_one_entity_twice(store) -> None:
    with pytest.raises(SameEntity):
        compare(store, "南通", "Nantong")


# -- hubs ------------------------------------------------------------------------------------

def test_hubs_degree_counts_distinct_neighbours_without_sources(store) -> None:
    result = hubs(store, limit=5)
    assert result.hubs[0].entity.id == "city:nantong"
    neighbours: dict[str, set[str]] = {}
    labels = {e.id: e.label for e in store.all_entities()}
    for r in store.all_relations():
        if r.type == "MENTIONS" or r.start not in labels or r.end not in labels:
            continue
        if r.start != r.end:
            neighbours.setdefault(r.start, set()).add(r.end)
            neighbours.setdefault(r.end, set()).add(r.start)
    for hub in result.hubs:
        assert hub.score == hub.degree == len(neighbours[hub.entity.id])
    order = [(-h.score, h.entity.id) for h in result.hubs]
    assert order == sorted(order)
    assert [h.rank for h in result.hubs] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("metric", METRICS)
def test_hubs_every_metric_ranks_and_filters(store, metric: str) -> None:
    result = hubs(store, metric=metric, label="Industry", limit=7)
    assert len(result.hubs) == 7
    assert all(h.entity.label == "Industry" for h in result.hubs)
    order = [(-h.score, h.entity.id) for h in result.hubs]
    assert order == sorted(order)
    assert all(round(h.score, 6) == h.score for h in result.hubs)
    everyone = hubs(store, metric=metric, limit=1000)
    assert all(h.entity.label != "Source" for h in everyone.hubs)
    assert {e.type for e in result.subgraph().edges} <= {"BROADER", "UPSTREAM_OF"}


def test_pagerank_matches_networkx_and_sums_to_one(store) -> None:
    entities, score, _ = scores(store, "pagerank")
    assert abs(sum(score.values()) - 1.0) < 1e-4
    assert len(score) == len(entities)
    from networkx.algorithms.link_analysis import pagerank_alg

    reference = getattr(pagerank_alg, "_pagerank_python", None)
    if reference is None:
        pytest.skip("this networkx has no pure-Python pagerank to compare with")
    from queries.hubs import _graphs

    _, directed = _graphs(entities, store.all_relations())
    ours = pagerank(directed)
    theirs = reference(directed, tol=1e-12)
    assert max(abs(ours[k] - theirs[k]) for k in ours) < 1e-8


def test_hubs_unknown_metric(store) -> None:
    with pytest.raises(UnknownMetric):
        hubs(store, metric="closeness")


# -- mentions --------------------------------------------------------------------------------

def test_mentions_of_a_curated_mention(store) -> None:
    result = mentions(store, "两个确立")
    assert [(m.relation.start, m.sentence) for m in result.mentions] == [
        ("source:seed-article", "推动协同区建设是忠诚拥护“两个确立”的具体行动")]
    assert result.mentions[0].sentence in ARTICLE
    assert result.to_dict()["mentions"][0]["source"]["file"] == "seed-article.txt"
    sg = result.subgraph()
    assert {n.id for n in sg.nodes} == {"initiative:two-establishes", "source:seed-article"}


def test_mentions_none_is_an_empty_answer(store) -> None:
    assert mentions(store, "宝山区").mentions == ()


# -- parity ----------------------------------------------------------------------------------

QUESTIONS: dict[str, Callable[[Any], Any]] = {
    "why 南通 苏锡通": lambda s: why(s, "南通", "苏锡通科技产业园区"),
    "why 南通 苏州工业园区": lambda s: why(s, "南通", "苏州工业园区"),
    "compare 南通 苏州": lambda s: compare(s, "南通", "苏州"),
    "compare 南通 上海": lambda s: compare(s, "南通", "上海"),
    "compare 苏锡通 苏州工业园区": lambda s: compare(s, "苏锡通科技产业园区", "苏州工业园区"),
    "hubs degree": lambda s: hubs(s, limit=25),
    "hubs betweenness": lambda s: hubs(s, metric="betweenness", limit=25),
    "hubs pagerank": lambda s: hubs(s, metric="pagerank", limit=25),
    "hubs pagerank Park": lambda s: hubs(s, metric="pagerank", label="Park", limit=10),
    "mentions 两个确立": lambda s: mentions(s, "两个确立"),
    "mentions 南通市委": lambda s: mentions(s, "org:nantong-party-committee"),
}


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_stores_agree(question: str, embedded_built: Any, neo4j_store: Any) -> None:
    ask = QUESTIONS[question]
    here, there = ask(embedded_built), ask(neo4j_store)
    assert to_jsonable(here) == to_jsonable(there)
    assert to_jsonable(here.subgraph()) == to_jsonable(there.subgraph())


# -- commands --------------------------------------------------------------------------------

def test_new_commands_have_help_and_an_example(runner: CliRunner) -> None:
    group = get_command(app)
    assert set(NEW_COMMANDS) <= set(group.commands)  # type: ignore[attr-defined]
    for name in NEW_COMMANDS:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.stdout, f"{name} --help shows no example"
        assert "--json" in result.stdout and "--html" in result.stdout, name


@pytest.mark.parametrize("args", [
    ["why", "南通", "苏锡通科技产业园区"], ["compare", "南通", "苏州"],
    ["hubs", "--metric", "betweenness", "--type", "park", "-n", "3"],
    ["mentions", "两个确立"], ["mentions", "宝山区"],
])
def test_commands_table_json_and_html(runner: CliRunner, db: Path, tmp_path: Path,
                                      args: list[str]) -> None:
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert table.stdout.strip()
    html = tmp_path / "out.html"
    as_json = runner.invoke(app, [*args, "--json", "--html", str(html)])
    assert as_json.exit_code == 0, as_json.output
    json.loads(as_json.stdout)
    assert html.exists() and f"Wrote {html}" in as_json.stderr


def test_why_table_shows_quote_and_source(runner: CliRunner, db: Path) -> None:
    out = runner.invoke(app, ["why", "南通", "苏锡通科技产业园区"]).stdout
    assert "2 direct relation(s) between 南通 and 苏锡通科技产业园区" in out
    assert "南通 -CO_BUILDS-> 苏锡通科技产业园区" in out
    assert "(no quote: curated fact)" in out and "[source:editorial]" in out
    out = runner.invoke(app, ["why", "南通", "苏州工业园区"]).stdout
    assert "“学习借鉴苏州工业园区经验”" in out and "[source:seed-article]" in out


def test_compare_table_columns(runner: CliRunner, db: Path) -> None:
    out = runner.invoke(app, ["compare", "南通", "苏州"]).stdout
    assert "南通 only" in out and "苏州 only" in out and "both" in out
    assert "苏锡通科技产业园区" in out
    assert "Industry categories both fall under" in out


def test_hubs_json_shape(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["hubs", "--json", "-n", "3"])
    data = json.loads(result.stdout)
    assert data["metric"] == "degree" and data["label"] is None
    assert [h["rank"] for h in data["hubs"]] == [1, 2, 3]
    assert data["hubs"][0]["id"] == "city:nantong"


@pytest.mark.parametrize(("args", "message"), [
    (["why", "南通", "宝山区"], "Error: the graph states no direct relation between 南通"),
    (["compare", "南通", "南通市"], "Error: both sides are 南通 (Nantong) [city:nantong]"),
    (["mentions", "Nowhere-at-all"], "Error: no entity matches 'Nowhere-at-all'"),
    (["why", "苏", "南通"], "Error: '苏' is ambiguous: "),
])
def test_command_errors(runner: CliRunner, db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.startswith(message), result.stderr
    assert "Traceback" not in result.output


def test_hubs_bad_metric_is_a_usage_error(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["hubs", "--metric", "closeness"])
    assert result.exit_code == 2


# -- completion ------------------------------------------------------------------------------

NODES = [
    {"id": "city:nantong", "label": "City", "name": "南通", "name_en": "Nantong",
     "aliases": ["南通市", "通", "Nantong City"], "keys": ["nantong", "nantongcity", "南通"]},
    {"id": "park:sip", "label": "Park", "name": "苏州工业园区", "name_en": "Suzhou Industrial Park",
     "aliases": ["SIP"], "keys": ["sip", "suzhougongyeyuanqu", "苏州工业园区"]},
    {"id": "city:suzhou", "label": "City", "name": "苏州", "name_en": "Suzhou",
     "aliases": [], "keys": ["suzhou", "苏州"]},
    {"id": "source:x", "label": "Source", "name": "南通报告", "aliases": [], "keys": []},
    {"id": "org:r-and-d", "label": "Organization", "name": "R&D 中心", "name_en": "",
     "aliases": [], "keys": ["r&d中心", "rdzhongxin"]},
]


@pytest.mark.parametrize(("typed", "expected"), [
    ("南", ["南通"]),
    ("苏州", ["苏州", "苏州工业园区"]),
    ("city:s", ["city:suzhou"]),
    ("nan", ["nantong"]),
    ("Nant", ["Nantong"]),
    ("suzhou", ["suzhou", "suzhougongyeyuanqu"]),
    ("rd", ["rdzhongxin"]),
    ("zzz", []),
])
def test_entity_candidates_start_with_what_was_typed(typed: str, expected: list[str]) -> None:
    values = [v for v, _ in entity_candidates(NODES, typed)]
    assert values == expected
    assert all(v.startswith(typed) for v in values)


def test_entity_candidates_skip_sources_and_shell_specials() -> None:
    values = [v for v, _ in entity_candidates(NODES, "")]
    assert "南通报告" not in values
    assert "R&D 中心" not in values and "org:r-and-d" in values
    helps = dict(entity_candidates(NODES, "苏州工"))
    assert helps["苏州工业园区"] == "苏州工业园区 · Park park:sip"


def test_complete_entity_reads_the_store_file(db: Path) -> None:
    values = [v for v, _ in complete_entity(None, "苏州工")]
    assert values == ["苏州工业园区"]


def test_shell_completion_through_the_cli(runner: CliRunner, db: Path) -> None:
    env = {"_ESTUARY_COMPLETE": "complete_bash", "COMP_WORDS": "estuary why 苏州工",
           "COMP_CWORD": "2"}
    result = runner.invoke(app, [], env=env, prog_name="estuary")
    assert result.stdout.split() == ["苏州工业园区"]


def test_completion_stays_light(db: Path) -> None:
    code = ("import sys\nfrom estuary.cli import app\n"
            "from estuary.completion import complete_entity\n"
            "assert complete_entity(None, '南通'), 'no candidates'\n"
            "heavy = [m for m in ('networkx', 'neo4j', 'pyvis') if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    env = {**os.environ, "ESTUARY_DB": str(db)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_compare_says_when_one_side_lies_in_the_other(store: Any) -> None:
    # 张家港 lies in 苏州: what 苏州 "shares" with it is 张家港's own (links refuses the pair)
    got = compare(store, "张家港", "苏州")
    assert got.contains == ("city:suzhou", "city:zhangjiagang")
    assert "lies in 苏州" in got.within_note and got.to_dict()["contains"]["inner"] == \
        "city:zhangjiagang"
    apart = compare(store, "南通", "苏州")
    assert apart.contains is None and "contains" not in apart.to_dict()
