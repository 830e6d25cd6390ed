"""`ask` on phrasings written for round D's general rules (own variants, not from the eval files).

A sibling of tests/test_ask_phrasings_4.py. Each question runs on both stores (the `store`
fixture): the answer lists what `expected` names and nothing `never` names; where the question
asks for a kind, every entity listed is of that kind. A question that names a thing the graph
does not hold is refused, never answered about the recognised part of its name.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from tests.conftest import ask_lists as _check

# -- who approved: 批 is an act of an organisation, not 由 (made up of) -----------------------

@pytest.mark.parametrize("question", [
    "通州湾江海联动开发示范区由谁批的？",
    "通州湾江海联动开发示范区是谁批下来的",
])
def test_who_approved_is_asked_of_the_approvers(store: Any, question: str) -> None:
    _check(store, question, {"org:ndrc"}, {"city:nantong"}, "Organization")


# -- the head of an English noun phrase: "cooperation models" are mechanisms ------------------

@pytest.mark.parametrize("question", [
    "Which park cooperation models does Nantong use?",
    "What cooperation models has Nantong adopted?",
])
def test_cooperation_models_are_mechanisms(store: Any, question: str) -> None:
    _check(store, question, {"mechanism:enclave-incubation"}, set(), "Mechanism")


# -- a name the graph does not hold, begun by one it does: refused ----------------------------

@pytest.mark.parametrize("question", [
    "长三角G42走廊包括哪些城市？",
    "长三角科技创新走廊有哪些成员？",
    "南通S9产业带聚焦哪些产业",
])
def test_a_name_begun_by_a_recognised_one_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


@pytest.mark.parametrize("question", ["南通开发区有哪些产业？", "南通有哪些园区",
                                      "长三角有哪些城市？"])
def test_a_kind_word_after_a_name_is_no_unknown_name(store: Any, question: str) -> None:
    try:
        ask(store, question)
    except Unmappable as exc:  # refused for another reason, maybe; never as a name not held
        assert "does not hold" not in str(exc), exc


# -- a name said twice side by side is one name -----------------------------------------------

@pytest.mark.parametrize("question", [
    "Rudong如东县有哪些园区？",
    "Which parks does Qidong 启东市 co-build?",
])
def test_one_entity_said_in_two_languages_is_one_mention(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.entities and {e.label for e in got.entities} == {"Park"}


def test_an_owner_said_before_its_own_thing_is_the_thing(store: Any) -> None:
    # Shanghai before 1+8 都市圈: the circle is 上海“1+8”大都市圈, not Shanghai and the circle
    got = ask(store, "Shanghai 1+8 都市圈的成员城市有几个？")
    assert got.count == 9 and "city:nantong" in {e.id for e in got.entities}


# -- a place "focuses on" the industries it has; a misspelt city read as the one it almost names

@pytest.mark.parametrize("question", [
    "Which industries does Huzhou focus on?",
    "What sectors does Huzohu specialise in?",  # a letter pair swapped
    "湖州聚焦哪些产业？",
])
def test_a_city_focuses_on_the_industries_it_has(store: Any, question: str) -> None:
    _check(store, question, {"industry:semiconductors"}, set(), "Industry")


# -- yes or no over LOCATED_IN, a name said loosely after its owner's name --------------------

@pytest.mark.parametrize("question", [
    "Does the YRD green integration demo zone take in Wujiang?",
    "Does the YRD eco green integration demo zone cover Wujiang District?",
])
def test_does_a_zone_take_in_a_district(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.held
    assert {"park:yrd-green-demo-zone", "city:wujiang"} <= {e.id for e in got.entities}
    assert "region:yrd" not in {e.id for e in got.entities}


@pytest.mark.parametrize("question", [
    "Which firms belong to the YRD hydrogen alliance?",
    "Who is in the Nantong shipbuilding alliance?",
])
def test_a_region_qualifying_an_unheld_alliance_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


# -- is X open yet: asked of a thing with no opening date, its status answers ----------------

@pytest.mark.parametrize("question", [
    "通苏嘉甬铁路开通了吗？",
    "Has the Tong-Su-Jia-Yong railway opened?",
])
def test_is_it_open_is_answered_by_the_status(store: Any, question: str) -> None:
    got = ask(store, question)
    assert "infra:tong-su-jia-yong-railway" in {e.id for e in got.entities}


# -- "who … , and since when": the dates are on the relations the first part lists -----------

@pytest.mark.parametrize("question", [
    "Who jointly develops the Suxitong park, and since when?",
    "苏锡通科技产业园区是谁共建的，从什么时候开始？",
])
def test_who_and_since_when_lists_the_builders_with_dates(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {"city:nantong", "city:suzhou", "city:wuxi"} <= {e.id for e in got.entities}


# -- a Chinese kind word before a few characters and another kind word qualifies it -----------

@pytest.mark.parametrize("question", [
    "泰州和南通都加入了哪些城市联席组织？",
    "南通和泰州共同参加了哪些城市协调组织",
])
def test_cities_organisation_asks_for_organisations(store: Any, question: str) -> None:
    got = ask(store, question)
    assert not got.kind_note
    _check(store, question, {"org:yangtze-riverside-cities-council"}, set(), "Organization")


# -- "is A part of B, and who else is in it": the second part is about B ----------------------

@pytest.mark.parametrize("question", [
    "Is Nantong a member of the Su-Xi-Chang-Tong circle, and who else belongs to it?",
    "南通属于苏锡常通科创圈吗？其他成员还有哪些？",
])
def test_who_else_is_in_it_lists_the_container_members(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {"city:suzhou", "city:wuxi"} <= {e.id for e in got.entities}
