"""`ask` on what analysts type into a search box (ask21): keyword queries with no verb, "tell me
about X" overviews, and colloquial Chinese (啥, 咋样, 呗, 呢).

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the query names a
kind, every entity listed is of that kind; what the graph cannot answer stays refused.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from queries.ask.colloquial import plain
from queries.ask.terse import IMPLIED, implied
from queries.overview import Overview, overview
from tests.conftest import ask_lists as _check

# -- one name and a kind word: the relation the kind implies from the name's side ----------

@pytest.mark.parametrize("question", ["启东 园区", "Qidong parks?", "parks of Qidong",
                                      "启东的园区呗"])
def test_parks_of_a_place_are_located_in_or_co_built_and_the_note_says_which(
        store: Any, question: str) -> None:
    got = _check(store, question, {"park:qidong-pudong-collab-park",
                                   "park:qidong-semiconductor-park"}, {"city:qidong"}, "Park")
    note = " ".join(got.parsed.notes)
    assert "keyword query" in note and "LOCATED_IN" in note and "CO_BUILDS" in note


@pytest.mark.parametrize("question", ["海门 过江通道", "Haimen river crossings",
                                      "海门的过江通道呢"])
def test_crossings_of_a_place_connect_it(store: Any, question: str) -> None:
    got = _check(store, question, {"infra:chonghai-crossing", "infra:haitai-tunnel"},
                 {"city:haimen"}, "Infrastructure")
    assert "CONNECTS" in " ".join(got.parsed.notes)


@pytest.mark.parametrize("question", ["Chongming railways", "崇明 铁路"])
def test_a_kind_of_line_keeps_to_that_kind(store: Any, question: str) -> None:
    got = _check(store, question, {"infra:north-yangtze-hsr"}, {"infra:chonghai-crossing"},
                 "Infrastructure")
    # (a rail-road bridge is listed beside the railways, never counted as one)
    assert all(e.props.get("kind") in ("railway", "rail-road-bridge") for e in got.entities)


@pytest.mark.parametrize("question", ["苏州工业园区 产业", "SIP industries", "SIP sectors"])
def test_industries_of_a_park(store: Any, question: str) -> None:
    _check(store, question, {"industry:biomedicine", "industry:artificial-intelligence"},
           {"park:sip"}, "Industry")


@pytest.mark.parametrize("question", ["AI alliance members", "长三角人工智能产业联盟 成员"])
def test_members_of_an_alliance(store: Any, question: str) -> None:
    got = _check(store, question, {"org:fudan-university", "org:iflytek"},
                 {"org:yrd-ai-alliance"})
    assert "MEMBER_OF" in " ".join(got.parsed.notes)


# -- two names (and a kind): what links them -------------------------------------------------

@pytest.mark.parametrize("question", ["南通 苏州 共建园区", "Suzhou Nantong parks"])
def test_two_places_and_parks_are_the_parks_between_them(store: Any, question: str) -> None:
    _check(store, question, {"park:suxitong-park"}, {"city:nantong", "city:suzhou"}, "Park")


@pytest.mark.parametrize("question", ["崇明 海门 过江通道", "Chongming Haimen crossings"])
def test_two_places_and_crossings(store: Any, question: str) -> None:
    _check(store, question, {"infra:chonghai-crossing"}, {"infra:haitai-tunnel"},
           "Infrastructure")


@pytest.mark.parametrize("question", ["南通 上海 关系", "Shanghai Nantong links",
                                      "南通 集成电路"])
def test_two_names_alone_ask_how_they_are_related(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.entities and "keyword query" in " ".join(got.parsed.notes)
    assert got.parsed.intent.name in ("connection", "check"), got.parsed.intent.name


# -- what the graph cannot answer stays refused ------------------------------------------------

@pytest.mark.parametrize("question", [
    "Atlantis parks",  # a name the graph does not hold
    "南通 医院",  # a kind the graph does not hold
    "南通 GDP",  # a figure the graph does not record
    "Haimen airports",  # a kind the graph holds, but none for Haimen: never the crossings
    "Haimen bridges",
    "tell me about Atlantis",
])
def test_unanswerable_keyword_queries_are_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


def test_implied_relations_fit_the_schema() -> None:
    from graph.schema import REL_TYPES

    for (kind, label), kinds in IMPLIED.items():
        for rel_type, direction in kinds:
            rel = REL_TYPES[rel_type]
            ends = (rel.sources, rel.targets) if direction == "out" else (rel.targets,
                                                                         rel.sources)
            assert label in ends[0] and kind in ends[1], (kind, label, rel_type, direction)
    # a pair not in the table is read by the schema, loose relations only where nothing else
    read = implied(frozenset({"Initiative"}), "Organization")
    assert ("PARTICIPATES_IN", "out") in read and ("PROPOSES", "out") not in read


# -- overviews: the show data, grouped, ranked and bounded, with sources ----------------------

@pytest.mark.parametrize("question,entity", [
    ("tell me about 启东", "city:qidong"), ("启东是什么情况", "city:qidong"),
    ("海门咋样", "city:haimen"), ("介绍一下苏通大桥", "infra:sutong-bridge"),
    ("what is SIP", "park:sip"), ("南通概况", "city:nantong"), ("SIP咋样", "park:sip"),
    ("说说崇明呗", "city:chongming"), ("Give me an overview of Nantong", "city:nantong"),
    ("Qidong overview", "city:qidong"), ("南通啥情况", "city:nantong"),
    ("what's Qidong", "city:qidong"), ("启东有啥", "city:qidong"),
])
def test_overview_names_the_key_related_things(store: Any, question: str,
                                               entity: str) -> None:
    got = ask(store, question)
    # the thing first, then what its overview shows (tests/test_ask_parts2.py)
    assert got.entities[0].id == entity
    result = got.primary.result
    assert isinstance(result, Overview) and result.groups and result.sources
    shown = {row.other.id for g in result.groups for row in g.rows if g.rel_type != "MENTIONS"}
    # ("what is X", the name alone: X itself)
    assert {e.id for e in got.entities[1:]} == (shown if result.lists_related else set())
    # bounded, but for the places a thing joins (all of them, tests/test_ask_parts2.py)
    assert all(len([r for r in g.rows if r.other.label not in ("City", "Region")])
               <= result.per_group for g in result.groups)


def test_overview_is_bounded_and_ranked(store: Any) -> None:
    got = overview(store, "南通", per_group=3)
    industries = next(g for g in got.groups if g.rel_type == "HAS_INDUSTRY")
    assert len(industries.rows) == 3 and industries.more == industries.total - 3 > 0
    ranks = [row.rank() for row in industries.rows]
    assert ranks == sorted(ranks)
    # the sources listed are those of the relations shown (and the entity's own)
    shown = {r.source for g in got.groups for row in g.rows for r in row.relations}
    assert {s.id for s in got.sources} <= shown | {got.entity.props.get("source")}
    data = got.to_dict()
    assert data["groups"][0]["shown"] and "total" in data["groups"][0]


def test_a_longer_question_is_not_taken_for_an_overview(store: Any) -> None:
    got = ask(store, "南通的产业概况")  # Nantong's industries, not Nantong in brief
    assert got.parsed.intent.name != "show"
    assert {e.label for e in got.entities} == {"Industry"}


# -- colloquial Chinese said plainly ------------------------------------------------------------

@pytest.mark.parametrize("said,meant", [
    ("南通的园区都有啥", "南通的园区都有什么"), ("海门咋样", "海门怎么样"),
    ("启东的园区呗", "启东的园区"), ("海门的过江通道呢？", "海门的过江通道？"),
    ("南通有哪些园区", "南通有哪些园区"),
])
def test_plain(said: str, meant: str) -> None:
    assert plain(said) == meant


@pytest.mark.parametrize("question", ["南通的园区都有啥", "启东有啥园区呢"])
def test_colloquial_questions_get_the_kind_asked(store: Any, question: str) -> None:
    got = _check(store, question, set(), {"industry:next-gen-it"}, "Park")
    assert got.parsed.question == question


# -- kind words that keep to a value, the kind's own side, abbreviations ----------------------

@pytest.mark.parametrize("question,expected,never", [
    ("Nantong ETDZs", {"park:nantong-etdz-park", "park:rugao-etdz"},
     {"park:nantong-high-tech-zone"}),
    ("national parks Nantong", {"park:nantong-high-tech-zone", "park:haian-etdz"},
     {"park:suxitong-park"}),
    ("Shanghai ETDZs", {"park:minhang-etdz"}, {"park:changshu-high-tech-zone"}),
    ("Which HTZs are in Suzhou?", {"park:changshu-high-tech-zone"}, {"park:kunshan-etdz"}),
])
def test_a_kind_word_that_names_a_value_keeps_to_it(store: Any, question: str,
                                                    expected: set[str], never: set[str]) -> None:
    _check(store, question, expected, never, "Park")


@pytest.mark.parametrize("question,expected,kind", [
    ("集成电路 cities", {"city:nantong", "city:wuxi"}, "City"),
    ("生物医药 园区", {"park:sip"}, "Park"),
    ("苏通大桥 cities", {"city:nantong", "city:suzhou"}, "City"),
    ("Nantong mechanisms", {"mechanism:cost-sharing"}, "Mechanism"),
])
def test_the_kind_read_from_either_side(store: Any, question: str, expected: set[str],
                                        kind: str) -> None:
    got = _check(store, question, expected, set(), kind)
    assert "LEARNS_FROM" not in " ".join(got.parsed.notes)


def test_versus_is_a_comparison_not_a_keyword_query(store: Any) -> None:
    assert ask(store, "Nantong vs Suzhou").parsed.intent.name == "compare"


@pytest.mark.parametrize("question", ["北沿江高铁 站点", "the North Yangtze HSR stations"])
def test_the_stations_of_a_line_are_the_places_it_connects(store: Any, question: str) -> None:
    _check(store, question, {"city:qidong", "city:rugao"}, {"infra:north-yangtze-hsr"}, "City")
