"""A place's parts count for it; lists, kinds, superlatives and values in `ask` (round 2).

Each mechanism is checked on both stores through the query it calls, and on the embedded
store through `ask` with phrasings unlike those of the eval files.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask, parse_lexicon
from queries.ask.filters import Filter, apply
from queries.ask.lexicon import LexiconError
from queries.within import common_within, related_within

# -- queries/within.py, both stores -------------------------------------------------------------


def test_a_city_holds_what_its_districts_and_counties_hold(store: Any) -> None:
    got = related_within(store, "苏州", rel_type="LOCATED_IN", direction="in", label="Park")
    ids = {i.entity.id for i in got.items}
    assert {"park:sip", "park:kunshan-etdz", "park:changshu-high-tech-zone"} <= ids
    assert "park:suzhou-suqian" not in ids  # lies in Suqian, co-built by Suzhou
    kunshan = next(i for i in got.items if i.entity.id == "park:kunshan-etdz")
    # the chain is kept: the county in the city, then the park in the county
    assert {(r.start, r.end) for r in kunshan.relations} == {
        ("city:kunshan", "city:suzhou"), ("park:kunshan-etdz", "city:kunshan")}


def test_places_inside_are_listed_only_as_direct_parts(store: Any) -> None:
    got = related_within(store, "江苏", rel_type="LOCATED_IN", direction="in", label="City")
    ids = {i.entity.id for i in got.items}
    assert "city:nantong" in ids and "city:qidong" not in ids


def test_a_city_builds_through_its_districts_and_seated_companies(store: Any) -> None:
    got = related_within(store, "上海", rel_type="CO_BUILDS", direction="out", label="Park")
    ids = {i.entity.id for i in got.items}
    assert {"park:qidong-pudong-collab-park",  # 浦东, a district
            "park:china-jianghai-park"} <= ids  # 上海城投, seated in Shanghai
    direct = related_within(store, "浦东", rel_type="CO_BUILDS", direction="out", label="Park")
    assert "park:china-jianghai-park" not in {i.entity.id for i in direct.items}


def test_a_district_or_a_park_is_asked_as_itself(store: Any) -> None:
    plain = related_within(store, "苏锡通园区", rel_type="CO_BUILDS", direction="in")
    assert {i.entity.id for i in plain.items} == {"city:nantong", "city:suzhou", "city:wuxi"}


def test_an_ended_unit_leads_to_its_successor(store: Any) -> None:
    got = related_within(store, "park:shibei-nantong-science-city", rel_type="LOCATED_IN",
                         direction="out")
    assert {"city:gangzha", "city:chongchuan"} <= {i.entity.id for i in got.items}


def test_common_within_meets_across_parts(store: Any) -> None:
    got = common_within(store, "南通", "上海", label="Infrastructure")
    ids = {i.entity.id for i in got.items}
    # 崇启大桥 links 启东 (Nantong) and 崇明 (Shanghai); neither city is named by the relation
    assert {"infra:chongqi-bridge", "infra:chonghai-crossing"} <= ids


# -- filters: kinds and superlatives ------------------------------------------------------------


def test_kind_and_superlative_filters(embedded_built: Any) -> None:
    bridges = embedded_built.entities(["infra:sutong-bridge", "infra:hu-su-tong-bridge",
                                       "infra:hu-su-tong-railway", "infra:haitai-tunnel"])
    pairs = [(e, ()) for e in bridges.values()]
    kept = apply((Filter("kind", "in", values=("bridge", "rail-road-bridge")),
                  Filter("length_m", "max")), pairs)
    assert [e.id for e in kept] == ["infra:hu-su-tong-bridge"]
    kept = apply((Filter("date", "min"),), pairs)
    assert [e.id for e in kept] == ["infra:sutong-bridge"]  # opened 2008


def test_a_kind_needs_words_and_values() -> None:
    with pytest.raises(LexiconError, match="kind needs words"):
        parse_lexicon("labels: {}\nkinds:\n  - words: [x]\n")
    with pytest.raises(LexiconError, match=":2: unknown label 'Zone'"):
        parse_lexicon("otherwise:\n  Zone: [zones]\n")


def test_a_word_of_two_kinds_prefers_the_first(embedded_built: Any) -> None:
    parks = ask(embedded_built, "南通有哪些开发区？")  # 开发区: parks, and parks there are
    assert {e.label for e in parks.entities} == {"Park"}
    regions = ask(embedded_built, "What zones are Jiangsu's 1+3 key functional zones made up of?")
    assert {e.id for e in regions.entities} == {"region:jiangsu-coastal-belt",
                                                "region:yangtze-city-cluster"}
    assert not regions.kind_note
    districts = ask(embedded_built, "上海哪些区在南通共建了园区？")  # 区: districts, never parks
    assert not districts.entities or {e.label for e in districts.entities} == {"City"} or \
        districts.kind_note


# -- ask, phrased apart from the eval files -----------------------------------------------------

@pytest.mark.parametrize(("question", "expected", "excluded"), [
    ("南通下辖区县里有哪些开发区？", {"park:rugao-etdz", "park:haian-etdz"}, {"park:sip"}),
    ("Name all the parks situated in Suzhou.", {"park:kunshan-etdz"}, {"park:suzhou-suqian"}),
    ("哪条隧道最长？", {"infra:shanghai-yangtze-tunnel-bridge"}, {"infra:haitai-tunnel"}),
    ("Which is the newest bridge?", {"infra:hu-su-tong-bridge"}, {"infra:sutong-bridge"}),
    ("哪些县级市在南通？", {"city:qidong", "city:rugao", "city:haian"}, {"city:tongzhou"}),
    ("What do the Chongqi Bridge and the Sutong Bridge each connect?",
     {"city:qidong", "city:chongming", "city:suzhou"}, set()),
    ("Which cities have the shipbuilding sector?", {"city:nantong"}, set()),
    # 企业: companies among the members, not the association; other kinds pass untouched
    ("哪些企业是长三角集成电路产业联盟的成员？", {"org:smic", "org:amec"},
     {"org:shanghai-ic-association"}),
])
def test_round_two_mechanisms_through_ask(embedded_built: Any, question: str,
                                          expected: set[str], excluded: set[str]) -> None:
    ids = {e.id for e in ask(embedded_built, question).entities}
    assert expected <= ids and not ids & excluded, ids


def test_the_answer_states_the_value_asked(embedded_built: Any) -> None:
    got = ask(embedded_built, "How long is the Sutong Bridge?")
    assert ("length_m", 8146.0) in {(p, v) for _, p, v in got.values}
    share = ask(embedded_built, "上海机场集团在南通新机场持股多少？")
    assert [v for _, p, v in share.values if p == "share"] == [51.0]
    assert share.to_dict()["answer"]["values"][0]["value"] == 51.0


def test_unheld_values_are_still_refused(embedded_built: Any) -> None:
    with pytest.raises(Unmappable):
        ask(embedded_built, "崇启大桥收费多少？")
