"""`ask` on phrasings written for session 5's rules on places, tiers, groups and status lists.

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the question asks for
a kind, every entity listed is of that kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from tests.conftest import ask_lists as _check

# -- a list of kind words: a plain one beside a narrower one asks for the whole kind ---------

@pytest.mark.parametrize("question", [
    "海门有哪些跨江通道和铁路",
    "经过海门区的通道或者高铁有哪些？",
    "Which crossings or railways reach Haimen?",
])
def test_a_plain_kind_word_in_a_list_is_not_narrowed_by_its_neighbour(
        store: Any, question: str) -> None:
    _check(store, question, {"infra:haitai-tunnel", "infra:chonghai-crossing",
                             "infra:north-yangtze-hsr"}, set(), "Infrastructure")


@pytest.mark.parametrize("question", ["哪些大桥和铁路经过南通",
                                      "Which bridges or railways connect Nantong?"])
def test_two_narrow_kind_words_still_narrow(store: Any, question: str) -> None:
    _check(store, question, {"infra:sutong-bridge", "infra:hu-su-tong-railway"},
           {"infra:haitai-tunnel", "infra:nantong-new-airport"}, "Infrastructure")


def test_lines_are_infrastructure(store: Any) -> None:
    _check(store, "Which tunnels, bridges or lines reach Chongming?",
           {"infra:north-yangtze-hsr", "infra:chonghai-crossing", "infra:chongqi-bridge"}, set(),
           "Infrastructure")


def test_parks_and_facilities_in_a_district(store: Any) -> None:
    _check(store, "通州区有哪些园区和设施？",
           {"infra:nantong-new-airport", "park:nantong-high-tech-zone"}, set())


# -- tiers: two said together ask for both; a count said of a tier; 主导 as Suzhou records it --

@pytest.mark.parametrize("question", [
    "苏州工业园区的新兴产业和主导产业都有哪些",
    "Which lead or emerging industries does SIP have?",
])
def test_two_tiers_joined_are_both(store: Any, question: str) -> None:
    _check(store, question, {"industry:next-gen-it", "industry:nanotech"}, set(), "Industry")


@pytest.mark.parametrize("question", ["上海的三大先导产业", "上海三大先导产业是啥",
                                      "上海的先导产业是啥"])
def test_a_counted_tier_said_bare(store: Any, question: str) -> None:
    _check(store, question, {"industry:integrated-circuits", "industry:biomedicine"},
           {"industry:future-energy", "industry:automotive"}, "Industry")


def test_lead_industries_of_a_place_that_records_them_as_a_tier(store: Any) -> None:
    _check(store, "苏州的主导产业是啥", {"industry:biomedicine", "industry:electronic-information"},
           {"industry:quantum-technology"}, "Industry")


# -- a named group's parts, named with or without the whole it belongs to --------------------

@pytest.mark.parametrize("question", [
    "利益平衡这项任务下面有哪些机制",
    "协同区里的“探索各方利益平衡机制”包括哪些机制？",
    "Which mechanisms fall under the zone's interest balance task?",
])
def test_the_parts_of_a_named_task(store: Any, question: str) -> None:
    _check(store, question, {"mechanism:cost-sharing", "mechanism:dual-statistics"},
           {"mechanism:carbon-emission-trading"}, "Mechanism")


def test_a_whole_that_holds_no_part_named_gives_no_parts(store: Any) -> None:
    from queries.part_of import part_of, related_of_part

    assert part_of(store, "city:nantong", "city:suzhou") is None
    assert related_of_part(store, "city:nantong", "city:suzhou", rel_type="LOCATED_IN",
                           direction="in").items == ()
    assert part_of(store, "region:yrd-collaboration-zone",
                   "initiative:factor-flow-task") == "initiative:factor-flow-task"


def test_sub_chains_of_a_cluster_said_in_english(store: Any) -> None:
    _check(store, "What chains come under the shipbuilding and offshore cluster?",
           {"industry:high-tech-ships-offshore-equipment"}, set(), "Industry")


# -- status lists: a state asked with no kind, or of projects --------------------------------

@pytest.mark.parametrize("question", ["已经开通的有哪些？", "What is already open to traffic?",
                                      "哪些工程已经建成通车"])
def test_what_is_open(store: Any, question: str) -> None:
    _check(store, question, {"infra:sutong-bridge", "infra:hu-su-tong-bridge"},
           {"infra:haitai-tunnel", "infra:chonghai-crossing"}, "Infrastructure")


@pytest.mark.parametrize("question", ["Which projects are still in the planning stage?",
                                      "还没开工的有哪些"])
def test_what_is_planned(store: Any, question: str) -> None:
    _check(store, question, {"infra:chonghai-crossing", "infra:sutong-second-crossing"},
           {"infra:sutong-bridge", "infra:haitai-tunnel"}, "Infrastructure")


def test_a_state_said_of_the_named_thing_is_no_condition_on_the_answer(store: Any) -> None:
    _check(store, "海太长江隧道还在建吗？连接哪些地方？", {"city:haimen", "city:taicang"},
           set())


def test_parks_up_and_running_are_not_a_status(store: Any) -> None:
    got = ask(store, "Which parks were already up and running before 2005?")
    assert got.entities and {e.label for e in got.entities} == {"Park"}


# -- who in a place; applying counts what is proven; names spelt another way -----------------

def test_who_in_a_place_is_kept_to_it(store: Any) -> None:
    _check(store, "Who in Nantong cooperates with the Waigaoqiao Group?",
           {"org:nantong-etdz"}, {"city:shanghai"})


def test_applying_counts_what_is_proven(store: Any) -> None:
    _check(store, "哪些地方已经在实行人才资质互认",
           {"city:nantong", "park:yrd-green-demo-zone"}, set())


@pytest.mark.parametrize("question, expected", [
    ("What are the lead industries of the Nantong hi-tech zone?", "industry:next-gen-it"),
    ("What does the Tongzhou Bay petrochem base focus on?", "industry:petrochemical"),
])
def test_names_spelt_another_way(store: Any, question: str, expected: str) -> None:
    _check(store, question, {expected}, set(), "Industry")


def test_sci_tech_is_science_and_technology(store: Any) -> None:
    _check(store, "Which cities co-build the Suxitong Sci-Tech Industrial Park?",
           {"city:suzhou", "city:nantong"}, set(), "City")


# -- parks named by the county they lie in: their builders, per county (places2's counties) --

@pytest.mark.parametrize("question, expected, never", [
    ("沭阳和泗洪的共建园区分别是跟苏州哪个地方合作的", {"city:kunshan", "city:changshu"},
     {"city:suqian", "city:wujiang"}),
    ("Which Suzhou places co-built the parks in Siyang?", {"city:wujiang"}, {"city:suqian"}),
    ("泗阳的共建园区是谁建的", {"city:wujiang"}, set()),
])
def test_builders_of_the_parks_in_a_county(store: Any, question: str, expected: set[str],
                                           never: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert expected <= ids and not ids & never, ids
    assert got.parsed.intent.name == "builders-in"


def test_builders_in_a_place_holding_no_park_is_no_answer(store: Any) -> None:
    from queries.builders_in import builders_of_what_lies_in

    assert builders_of_what_lies_in(store, "city:chongchuan", label="Infrastructure").items \
        == ()


@pytest.mark.parametrize("question", ["大丰有没有共建园区？", "Are there co-built parks in Dafeng?",
                                      "盐城大丰那边有哪些共建园区"])
def test_parks_in_a_county(store: Any, question: str) -> None:
    _check(store, question, {"park:husu-dafeng"}, {"park:sip"}, "Park")


def test_a_count_of_co_built_parks_counts_parks(store: Any) -> None:
    got = ask(store, "宿迁承接了几个共建园区")
    assert {e.label for e in got.entities} == {"Park"}
    assert got.count == len(got.entities) and "park:suzhou-suqian" in {e.id for e in got.entities}


# -- learning from: an aspect framed (在…上), an earlier clause as context, the aspect named --

@pytest.mark.parametrize("question", ["南通在发展路径上学的是谁", "在发展路径方面南通借鉴了谁",
                                      "南通在发展路径上主要向谁学习"])
def test_an_aspect_framed_is_no_verb(store: Any, question: str) -> None:
    _check(store, question, {"city:pudong", "region:lingang"}, {"park:hetao"})


@pytest.mark.parametrize("question", ["南通搞人才资质互认，学的是哪里的经验",
                                      "南通推行人才资质互认，借鉴了谁的做法？"])
def test_the_aspect_named_beside_the_learner(store: Any, question: str) -> None:
    _check(store, question, {"park:yrd-green-demo-zone"}, {"city:pudong", "park:sip"})


def test_an_aspect_no_relation_names_gives_nothing(store: Any) -> None:
    from queries.aspect import related_in_aspect

    assert related_in_aspect(store, "city:nantong", "industry:biomedicine",
                             rel_type="LEARNS_FROM").items == ()


@pytest.mark.parametrize("question", [
    "Where does Nantong seek lessons on cross-regional cooperation?",
    "Where does Nantong draw lessons on cross-regional cooperation?"])
def test_where_a_place_learns_from(store: Any, question: str) -> None:
    _check(store, question, {"park:shenshan", "region:jingjinji"}, {"region:jiangsu"})


def test_what_an_actor_is_doing_in_a_place(store: Any) -> None:
    _check(store, "What is the Waigaoqiao Group doing in Nantong?",
           {"park:waigaoqiao-qidong-park", "org:nantong-etdz"}, {"city:shanghai"})
