"""`ask` on phrasings written for round 3's mechanisms (not from the eval files).

A sibling of tests/test_ask_phrasings.py (kept apart so both stay under ~400 lines). Each
question runs on both stores (the `store` fixture): the answer lists what `expected` names,
nothing `never` names, and only entities of the kind asked where the question names one.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask


def _ids(store: Any, question: str) -> set[str]:
    return {e.id for e in ask(store, question).entities}


# -- English names said loosely: the core words of one entity's name --------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which members does the Yangtze River Delta AI alliance have?",
     {"org:iflytek", "org:zju"}, {"city:shanghai", "city:nantong"}),
    ("Who are the members of the YRD integrated circuit alliance?",
     {"org:smic", "org:amec"}, {"city:nantong"}),
    ("Where is the planned new Nantong airport?", {"city:tongzhou"}, {"city:haimen"}),
    ("Which cities take part in the Su Xi Chang Tong cross-river alliance?",
     {"city:suzhou", "city:wuxi", "city:changzhou", "city:nantong"}, set()),
])
def test_a_name_said_loosely(store: Any, question: str, expected: set[str],
                             never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


@pytest.mark.parametrize(("question", "expected", "never"), [
    # a name with words left out, in order, ending with its kind word
    ("Who is in the Hu-Su-Tong alliance?", {"city:nantong", "city:suzhou"}, set()),
    ("Which members does the YRD city economic council have?",
     {"city:changzhou", "city:yancheng"}, {"region:yrd"}),
    # generic words on their own never name anything ("of the river")
    ("What has Pudong co-built on the Nantong side of the river?",
     {"park:qidong-pudong-collab-park"}, {"initiative:yangtze-protection"}),
])
def test_a_name_with_words_left_out(store: Any, question: str, expected: set[str],
                                    never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


def test_names_joined_by_and_are_not_one_loose_name(store: Any) -> None:
    from queries.ask.text import gazetteer, names_in

    _, mentions = names_in("the YRD and the AI alliance", gazetteer(store))
    assert len(mentions) == 2, mentions


# -- where X is: what X lies in, never what lies in X ------------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Where will the new Nantong airport be built?", {"city:tongzhou"},
     {"org:shanghai-airport-authority", "city:nantong"}),
    ("Where is Suzhou Industrial Park located?", {"city:suzhou"}, {"park:sip"}),
    # a place that also holds places: still what it lies in, never its own parts
    ("Where is Haimen?", {"city:nantong"}, {"park:haimen-hi-tech-zone"}),
    ("海门在哪里？", {"city:nantong"}, set()),
    ("Which province is Nantong in?", {"region:jiangsu"},
     {"region:shanghai-metropolitan-circle"}),
])
def test_where_is_what_it_lies_in(store: Any, question: str, expected: set[str],
                                  never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


# -- an alliance's members: the listed ones; taking part: both ------------------------------------

def test_members_are_the_listed_ones_not_those_taking_part(store: Any) -> None:
    got = ask(store, "长三角人工智能产业联盟有哪些成员")
    assert {e.label for e in got.entities} == {"Organization"}
    assert {"org:sensetime", "org:fudan-university"} <= {e.id for e in got.entities}


def test_groupings_are_regions_and_organisations(store: Any) -> None:
    ids = _ids(store, "Which groupings does Suzhou belong to?")
    assert {"region:su-xi-chang-tong-circle", "org:yrd-city-economic-council"} <= ids


# -- what lies under a place; districts and counties ----------------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("苏州底下有哪些区", {"city:gusu", "city:wujiang"}, {"city:suzhou", "park:sip"}),
    ("Which counties are under Suzhou?", {"city:changshu", "city:kunshan"}, {"city:gusu"}),
    ("Which districts and counties come under Nantong?", {"city:chongchuan", "city:haian"},
     {"park:sip"}),
])
def test_what_lies_under_a_place(store: Any, question: str, expected: set[str],
                                 never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


# -- a status said of what is asked ----------------------------------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("哪些铁路还在规划中？", {"infra:tong-su-jia-yong-railway"}, {"infra:hu-su-tong-railway"}),
    ("Which bridges are under construction?", {"infra:zhangjinggao-bridge"},
     {"infra:sutong-bridge"}),
    ("哪些大桥已经通车？", {"infra:sutong-bridge"}, {"infra:zhangjinggao-bridge"}),
    ("哪些过江通道在建中？", {"infra:haitai-tunnel"}, {"infra:sutong-bridge"}),
])
def test_a_status_filters_the_answer(store: Any, question: str, expected: set[str],
                                     never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


# -- properties: of the one of the kind asked, several at once, stage and field ----------------

@pytest.mark.parametrize(("question", "entity", "props"), [
    ("南通的高端纺织算哪一档产业？", "industry:high-end-textiles", {"tier"}),
    ("苏州工业园区哪年成立？面积多大？", "park:sip", {"established", "area_km2"}),
    ("南通的碳排放权交易到哪一步了？", "mechanism:carbon-emission-trading", {"status"}),
    ("南通和苏南在哪些方面合作？", "region:sunan", {"field"}),
])
def test_a_property_asked(store: Any, question: str, entity: str, props: set[str]) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == [entity]
    assert props <= {prop for _, prop, _ in got.values}, got.values


# -- a misspelt name, read once nothing else reads the question -----------------------------------

@pytest.mark.parametrize(("question", "expected"), [
    ("Which cities have the biomedicin industry?", {"city:suzhou", "city:shanghai"}),
    ("苏洲工业园区是哪年成立的？", {"park:sip"}),
])
def test_a_misspelt_name_is_read_and_said(store: Any, question: str,
                                          expected: set[str]) -> None:
    got = ask(store, question)
    assert expected <= {e.id for e in got.entities}
    assert any(note.startswith("Read ") for note in got.parsed.notes), got.parsed.notes


# -- counts with a qualifier; what the graph does not record ------------------------------------

def test_a_state_nothing_of_the_kind_holds_is_refused(store: Any) -> None:
    with pytest.raises(Unmappable):  # parks record no status: not every park listed
        ask(store, "哪些园区还在规划？")


def test_a_count_of_a_qualified_kind(store: Any) -> None:
    got = ask(store, "How many co-built industrial parks does Suqian have in all?")
    assert got.count == 6 and {e.label for e in got.entities} == {"Park"}


@pytest.mark.parametrize("question", [
    "How many people are employed at Sutong park?",
    "苏州工业园区有多少从业人员？",
])
def test_employment_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


# -- one entity related to two others named as a list: the relation, kept to those two ----------

@pytest.mark.parametrize(("question", "expected"), [
    ("Does Nantong learn from Xiongan and Lingang?", {"region:xiongan", "region:lingang"}),
    ("南通要学雄安、临港的什么？", {"region:xiongan", "region:lingang"}),
])
def test_a_relation_kept_to_the_two_named(store: Any, question: str, expected: set[str]) -> None:
    assert _ids(store, question) == expected


def test_a_loose_name_followed_by_its_kind_word(store: Any) -> None:
    ids = _ids(store, "Which sectors does the national advanced manufacturing clusters "
                      "programme cover?")
    assert {"industry:high-end-textiles", "industry:shipbuilding-offshore"} <= ids


def test_a_value_on_the_relation_of_two_alike_names_both(store: Any) -> None:
    got = ask(store, "Since when has the Nantong ETDZ cooperated with Waigaoqiao Group?")
    assert {"org:nantong-etdz", "org:waigaoqiao-group"} <= {e.id for e in got.entities}
    assert ("since", "2020-03-25") in {(prop, str(v)) for _, prop, v in got.values}
