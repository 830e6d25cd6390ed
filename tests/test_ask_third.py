"""`ask` on who-with-whom through a third party, and on places through their districts
(ask24, from the classes of round 12's misses).

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
- partners asked from the kind: the cities that built parks with a place, in a place, or with
  each of two (the parks are the basis; the answer keeps the kind asked);
- parks between two places through a third party (one builds it, it lies in the other, or it
  pairs with the other), as `links --via park` finds them;
- what links two entities that no road links (`links --via any`, with what relates to both);
- a city's crossings and industries counted through its districts and counties.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation
from queries.ask import ask
from queries.ask.basis import basis
from queries.industry_match import industry_holdings
from queries.links import links
from queries.rollup import Relations
from queries.shared_partners import co_builders_with_all
from queries.within import related_within
from tests.conftest import ask_lists as _check

# -- partners asked from the kind ---------------------------------------------------------


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("哪些城市跟南通一起建过园区", {"city:suzhou", "city:wuxi"}, {"city:nantong"}),
    ("哪些城市和苏州一起建过园区？", {"city:nantong", "city:wuxi", "city:suqian"},
     {"city:suzhou"}),
    ("Which cities have built parks together with Suzhou?", {"city:nantong", "city:wuxi"},
     {"city:suzhou"}),
    ("Which cities have co-built parks with Wuxi?", {"city:nantong", "city:suzhou"},
     {"city:wuxi"}),
    # (through their districts and seated companies: 启东 and 港闸区 count for 南通)
    ("上海跟哪些城市一起建了园区？", {"city:nantong", "city:qidong"},
     {"city:shanghai", "city:pudong", "city:suzhou"}),
    ("哪些城市同无锡合建了园区", {"city:nantong", "city:suzhou"}, set()),
    ("有哪些城市跟苏州合作建过园区？", {"city:nantong", "city:wuxi"}, {"city:suzhou"}),
    ("都有哪些地方和无锡一起建了共建园区？", {"city:nantong", "city:suzhou"}, {"city:wuxi"}),
])
def test_the_partner_cities_of_a_place_through_the_parks(store: Any, question: str,
                                                         expected: set[str],
                                                         never: set[str]) -> None:
    got = _check(store, question, expected, never, kind="City")
    assert got.parsed.intent.name == "partners"
    # the parks are the basis: each partner keeps the relations naming the park it shares
    listed = {e.id for e in got.entities}
    for item in got.primary.result.items:
        if item.entity.id in listed:
            assert any(r.type == "CO_BUILDS" and r.end.startswith("park:")
                       for r in item.relations), item


@pytest.mark.parametrize("question", ["谁和南通合建过园区", "Who has built parks with Nantong?",
                                      "谁跟南通一起建了园区？"])
def test_who_built_parks_with_a_place_lists_builders_not_parks(store: Any,
                                                               question: str) -> None:
    got = _check(store, question, {"city:suzhou", "city:wuxi"}, {"city:nantong"})
    assert {e.label for e in got.entities} <= {"City", "Region", "Organization"}


@pytest.mark.parametrize(("question", "expected"), [
    ("哪些城市在盐城那边建了园区", {"city:shanghai", "city:suzhou", "city:changzhou"}),
    ("哪些城市到宿迁共建了园区？", {"city:suzhou"}),
    ("哪些城市在宿迁建过共建园区", {"city:suzhou"}),
    ("Which cities have set up parks in Suqian?", {"city:suzhou"}),
    ("Which cities have developed parks in Yancheng?", {"city:shanghai", "city:changzhou"}),
])
def test_the_builders_of_the_parks_in_a_place(store: Any, question: str,
                                              expected: set[str]) -> None:
    _check(store, question, expected, {"city:yancheng", "city:suqian"}, kind="City")


@pytest.mark.parametrize("question", [
    "哪个城市跟南通和宿迁都共建了园区",
    "哪些城市同时和宿迁、南通一起建过园区？",
    "Which cities have co-built parks with both Nantong and Suqian?",
    "Who has built parks together with both Suqian and Nantong?",
])
def test_who_built_parks_with_each_of_two(store: Any, question: str) -> None:
    got = _check(store, question, {"city:suzhou"}, {"city:nantong", "city:suqian"})
    assert got.parsed.intent.name == "partners-of-both"


def test_shared_partners_keep_both_sides_parks(store: Any) -> None:
    got = co_builders_with_all(store, "无锡", "南通", label="City")
    assert {i.entity.id for i in got.items} == {"city:suzhou"}  # 苏锡通, with both
    got = co_builders_with_all(store, "南通", "宿迁", label="City")
    suzhou = next(i for i in got.items if i.entity.id == "city:suzhou")
    parks = {r.end for r in suzhou.relations if r.type == "CO_BUILDS"}
    assert {"park:suzhou-suqian", "park:suxitong-park"} <= parks


# -- parks through a third party -----------------------------------------------------------


@pytest.mark.parametrize(("question", "expected"), [
    ("Which parks has Taixing co-built with Shanghai?", {"park:jinqiao-huangqiao"}),
    ("泰兴和上海共建了哪些园区？", {"park:jinqiao-huangqiao"}),
    ("上海和泰兴有没有合作的园区", {"park:jinqiao-huangqiao"}),
    ("嘉善和苏州有哪些共建园区", {"park:cssd-jiashan"}),
    ("江阴和靖江合建了哪些园区？", {"park:jiangyin-jingjiang"}),
    ("Which parks link Jingjiang and Jiangyin?", {"park:jiangyin-jingjiang"}),
])
def test_a_park_one_builds_in_the_other(store: Any, question: str, expected: set[str]) -> None:
    got = _check(store, question, expected, kind="Park")
    # the same parks `links --via park` finds, with how the path runs
    a, b = (e.id for e in got.parsed.slots.values())
    found = {link.entity.id for link in links(store, a, b, via="park", top=None).links}
    assert {e.id for e in got.entities} <= found


@pytest.mark.parametrize("question", [
    "靖江的跨江园区是江阴建的吗？",
    "江阴在靖江建的跨江园区有哪些",
])
def test_a_cross_river_park_of_a_place_built_by_another(store: Any, question: str) -> None:
    _check(store, question, {"park:jiangyin-jingjiang"})


@pytest.mark.parametrize("question", [
    "Which parks in Qidong are partnered with Pudong?",
    "Which Qidong parks were designed to work with Pudong?",
    "启东哪些园区是跟浦东配套的？",
    "启东有哪些园区跟浦东结对",
])
def test_a_place_s_parks_paired_with_another(store: Any, question: str) -> None:
    got = _check(store, question, {"park:qidong-pudong-supporting-park",
                                   "park:dongjiang-biomedicine-park",
                                   "park:qidong-semiconductor-park"}, kind="Park")
    assert got.parsed.intent.name == "parks-paired"


# -- what links two entities ---------------------------------------------------------------


@pytest.mark.parametrize(("question", "expected"), [
    ("What ties CSSD to Jiaxing?", {"park:cssd-jiashan"}),
    ("How is CSSD connected to Jiaxing?", {"park:cssd-jiashan"}),
    ("What links CSSD, the developer of Suzhou Industrial Park, and Jiaxing?",
     {"park:cssd-jiashan"}),
    ("中新集团和嘉兴有什么关系", {"park:cssd-jiashan"}),
    ("泰兴和上海之间有什么联系？", {"park:jinqiao-huangqiao"}),
    ("What connects Jiangyin with Jingjiang?", {"park:jiangyin-jingjiang"}),
    ("What links Chongming and Qidong?", {"park:qidong-chongming-collab-park",
                                          "infra:chongqi-bridge"}),
    ("So what links Suzhou and Nantong - parks, crossings, anything?",
     {"park:suxitong-park", "infra:sutong-bridge"}),
])
def test_what_links_two_through_what_lies_between(store: Any, question: str,
                                                  expected: set[str]) -> None:
    got = _check(store, question, expected)
    # (the table's connection reading where it finds anything, else links through a third;
    # a list of aspects after the question is each aspect in common: ask22's in_common)
    name = got.parsed.intent.name
    assert name in ("what-links", "connection") or name.startswith("in-common:")


def test_what_links_agrees_with_links(store: Any) -> None:
    got = ask(store, "What ties Taixing to Shanghai?")
    ran = next(r for r in got.ran if r.query == "links")
    assert {link.entity.id for link in ran.result.links} == {
        link.entity.id for link in links(store, "泰兴", "上海", via="any").links}


def test_a_bridge_is_still_asked_what_it_connects(store: Any) -> None:
    got = ask(store, "What does the Sutong bridge connect?")
    assert got.parsed.intent.name != "what-links"


# -- places through their districts ----------------------------------------------------------


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("What crossings are being built in Nantong?",
     {"infra:chongqi-rail-road-bridge", "infra:haitai-tunnel", "infra:zhangjinggao-bridge"},
     {"infra:sutong-bridge", "infra:hu-su-tong-bridge", "infra:chongqi-bridge"}),
    ("南通目前在建的过江通道有哪几条",
     {"infra:chongqi-rail-road-bridge", "infra:haitai-tunnel", "infra:zhangjinggao-bridge"},
     {"infra:sutong-bridge"}),
    ("苏州有哪些过江通道？", {"infra:haitai-tunnel", "infra:zhangjinggao-bridge",
                              "infra:sutong-bridge"}, {"infra:chongqi-bridge"}),
    ("Which Yangtze crossings does Shanghai have?",
     {"infra:chongqi-bridge", "infra:shanghai-yangtze-tunnel-bridge"},
     {"infra:sutong-bridge"}),
    ("上海的过江通道有哪些", {"infra:chongqi-bridge", "infra:chonghai-crossing"},
     {"infra:zhangjinggao-bridge"}),
])
def test_a_city_s_crossings_include_those_landing_in_its_districts(
        store: Any, question: str, expected: set[str], never: set[str]) -> None:
    _check(store, question, expected, never, kind="Infrastructure")


def test_the_answer_says_which_district_it_goes_through(store: Any) -> None:
    got = ask(store, "Which crossings are under construction in Nantong?")
    how = basis(got).how
    assert "rolled up through" in how and "海门区" in how


def test_crossings_of_a_city_as_related_within(store: Any) -> None:
    got = related_within(store, "南通", rel_type="LOCATED_IN", direction="in",
                         label="Infrastructure")
    haitai = next(i for i in got.items if i.entity.id == "infra:haitai-tunnel")
    assert {(r.type, r.start, r.end) for r in haitai.relations} >= {
        ("LOCATED_IN", "city:haimen", "city:nantong"),
        ("CONNECTS", "infra:haitai-tunnel", "city:haimen")}
    parks = related_within(store, "南通", rel_type="LOCATED_IN", direction="in",
                           label="Park")  # (parks are only what lies in it)
    assert all(r.type == "LOCATED_IN" for i in parks.items for r in i.relations)


def test_a_city_s_industries_are_those_links_counts(store: Any) -> None:
    for city in ("city:nantong", "city:suzhou"):
        got = related_within(store, city, rel_type="HAS_INDUSTRY", direction="out",
                             label="Industry")
        held = industry_holdings(Relations(store), store.entities([city])[city])
        assert {i.entity.id for i in got.items} == set(held)


def test_a_district_s_industry_counts_for_its_city(tmp_path: Path) -> None:
    # the bundled data records industries of cities only: a user's district-level row
    ents = [Entity(id="city:a", label="City", name="甲市"),
            Entity(id="city:a-d", label="City", name="甲区"),
            Entity(id="industry:x", label="Industry", name="某产业"),
            Entity(id="source:s", label="Source", name="S")]
    rels = [Relation(type="LOCATED_IN", start="city:a-d", end="city:a", source="source:s"),
            Relation(type="HAS_INDUSTRY", start="city:a-d", end="industry:x",
                     source="source:s")]
    store = EmbeddedStore(tmp_path / "g.db")
    store.load(Bundle(entities={e.id: e for e in ents}, relations={r.key: r for r in rels}))
    got = related_within(store, "city:a", rel_type="HAS_INDUSTRY", direction="out")
    assert [i.entity.id for i in got.items] == ["industry:x"]
    assert {r.start for r in got.items[0].relations} == {"city:a-d"}  # the chain is kept
