"""`ask` on phrasings written for round C's mechanisms (own variants, not from the eval files).

A sibling of tests/test_ask_phrasings_3.py. Each question runs on both stores (the `store`
fixture): the answer lists what `expected` names and nothing `never` names; where the question
asks for a kind, every entity listed is of that kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from tests.conftest import ask_lists as _check

CHONGMING_QIDONG = {"infra:chongqi-bridge", "infra:chongqi-rail-road-bridge",
                    "infra:north-yangtze-hsr"}


# -- a state said inclusively widens; said alone it narrows, and is no verb -------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("崇明和启东间有哪些过江通道，包括在建的？", CHONGMING_QIDONG, set()),
    ("Which river crossings tie Chongming to Qidong, including those still being built?",
     CHONGMING_QIDONG, set()),
    # "under" of "under construction" is no LOCATED_IN verb; the open bridge is left out
    ("Which crossings between Chongming and Qidong are under construction?",
     {"infra:north-yangtze-hsr"}, {"infra:chongqi-bridge"}),
])
def test_a_state_said_inclusively_or_alone(store: Any, question: str, expected: set[str],
                                           never: set[str]) -> None:
    _check(store, question, expected, never, "Infrastructure")


# -- names: a Chinese kind word said shorter or longer; a qualifying name glued on ------------

@pytest.mark.parametrize(("question", "expected", "never", "kind"), [
    ("张靖皋大桥通到哪些城市？", {"city:zhangjiagang", "city:rugao", "city:taizhou"}, set(),
     "City"),
    ("苏宿工业园的面积是多少？", {"park:suzhou-suqian"}, set(), None),
    ("江海产业园区是谁建的", {"org:shanghai-chengtou", "city:qidong"}, set(), None),
    # 长三角 glued before the action's own short name: the action, not the YRD as well
    ("哪些城市参与了长三角补链固链强链行动", {"city:nantong"}, {"region:yrd"}, "City"),
])
def test_a_chinese_name_said_another_way(store: Any, question: str, expected: set[str],
                                         never: set[str], kind: str | None) -> None:
    _check(store, question, expected, never, kind)


def test_a_generated_short_form_never_takes_a_place_name() -> None:
    from queries.ask.text import han_forms

    assert "张靖皋大桥" in han_forms("张靖皋长江大桥")
    assert han_forms("上海长江大桥", frozenset({"上海"})) == set()  # not 上海大桥


# -- verbs said from the other end, a place after a thing, a pronoun -------------------------

@pytest.mark.parametrize(("question", "expected", "never", "kind"), [
    ("集成电路落在哪些园区", {"park:qidong-semiconductor-park"}, set(), "Park"),
    ("一体化示范区涵盖了哪些区", {"city:qingpu", "city:wujiang", "city:jiashan"}, set(), "City"),
    ("Who invested in the Jianghai park in Qidong?", {"org:shanghai-chengtou"}, set(), None),
    ("苏通科技产业园后来并入了哪个园区", {"park:suxitong-park"}, set(), "Park"),
    ("The Sutong park: what was it folded into?", {"park:suxitong-park"}, {"city:nantong"},
     "Park"),
    ("Are there any parks in Rudong?", {"park:jiatong-pta-project"}, {"infra:yangkou-port"},
     "Park"),
])
def test_relations_said_every_way(store: Any, question: str, expected: set[str],
                                  never: set[str], kind: str | None) -> None:
    _check(store, question, expected, never, kind)


def test_a_tier_is_asked_of_the_industry_not_the_place(store: Any) -> None:
    got = ask(store, "What tier does high-end textiles have in Nantong?")
    assert [e.id for e in got.entities] == ["industry:high-end-textiles"]
    assert any(value == "千亿级" for _, _, value in got.values), got.values


# -- kinds of region, relation statuses and tiers as qualifiers -------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which city clusters and metropolitan circles is Nantong a member of?",
     {"region:yangtze-city-cluster", "region:shanghai-metropolitan-circle"},
     {"region:jiangsu-coastal-belt"}),
    ("南通属于哪些都市圈", {"region:shanghai-metropolitan-circle"},
     {"region:jiangsu", "region:yangtze-city-cluster"}),
])
def test_kinds_of_region(store: Any, question: str, expected: set[str],
                         never: set[str]) -> None:
    _check(store, question, expected, never, "Region")


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("南通哪些机制已经在应用，而不是还在探索？",
     {"mechanism:talent-qualification-recognition"}, {"mechanism:cost-sharing"}),
    ("Which mechanisms is Nantong still exploring?",
     {"mechanism:cost-sharing", "mechanism:dual-statistics"},
     {"mechanism:talent-qualification-recognition"}),
    ("无锡有哪些优势产业", {"industry:high-end-textiles"}, {"industry:iot"}),
    ("Which landmark industries does Wuxi have?", {"industry:iot"},
     {"industry:high-end-textiles"}),
])
def test_a_status_or_tier_keeps_the_relations_that_hold_it(
        store: Any, question: str, expected: set[str], never: set[str]) -> None:
    _check(store, question, expected, never)


def test_every_tier_of_the_data_is_read_by_a_qualifier(store: Any) -> None:
    from queries.ask.lexicon import lexicon
    from queries.ask.reading import find

    tiers = {str(r.props["tier"]) for r in store.all_relations() if r.props.get("tier")}
    assert "地标产业" in tiers
    words = [(w, None) for q in lexicon().qualifiers for w in q.words]
    assert all(find(words, tier) for tier in tiers), tiers
    # and no row keeps to a tier the data does not record (it would find nothing)
    said = {str(q.where["tier"]) for q in lexicon().qualifiers if "tier" in q.where}
    assert said <= tiers, said - tiers


# -- a topic said first; sums of money the graph does not hold --------------------------------

def test_a_topic_said_before_the_subject(store: Any) -> None:
    _check(store, "On talent qualification recognition, whom did Nantong learn from?",
           {"park:yrd-green-demo-zone"}, {"park:sip", "city:pudong"})


@pytest.mark.parametrize("question", [
    "苏州去年利用外资多少亿美元", "How much foreign investment did Suzhou attract?",
])
def test_a_sum_of_money_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


# -- a qualifier none holds here: refused, never every industry; one that names a programme --

@pytest.mark.parametrize("question", ["苏州的地标产业有哪些？",
                                      "Which landmark industries does Nantong have?"])
def test_a_qualifier_not_held_here_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


def test_a_qualifier_that_names_a_programme_answers_through_it(store: Any) -> None:
    _check(store, "南通有哪些产业集群入选了国家级先进制造业集群", {"industry:shipbuilding-offshore",
           "industry:high-end-textiles"}, {"industry:new-energy"}, "Industry")


def test_an_aspect_named_keeps_that_aspect_and_is_no_condition(store: Any) -> None:
    _check(store, "南通学习哪些地方的跨区域合作经验？", {"region:jingjinji"}, {"region:xiongan"})
    with pytest.raises(Unmappable):  # (the aspect filter, always read, is no condition)
        ask(store, "Which parks are famous?")


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Who belongs to the YRD AI industry aliance?", {"org:iflytek"}, {"city:shanghai"}),
    # a word of the lexicon is never respelt ("count" is a verb, not "county")
    ("Which cities count biomedicine among their industries?", {"city:suzhou"}, set()),
])
def test_a_misspelt_kind_word(store: Any, question: str, expected: set[str],
                              never: set[str]) -> None:
    _check(store, question, expected, never)
