"""`ask` recognising what a question names (ask18): English names written with typographic
dashes, misspelt names said with their kind word, stray words, kinds against named sets.

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the question asks for
a kind, every entity listed is of that kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from tests.conftest import ask_lists

# -- an English name with a typographic dash ("Haimen–Taicang") is said with a hyphen and its
# generic words left out ----------------------------------------------------------------------


@pytest.mark.parametrize(("question", "expected"), [
    ("Which places does the Haimen-Taicang tunnel connect?", {"city:haimen", "city:taicang"}),
    ("which cities will the Nantong-Suzhou-Jiaxing-Ningbo railway link?",
     {"city:nantong", "city:jiaxing"}),
    ("Where does the Chongming-Haimen crossing go?", {"city:haimen"}),
])
def test_a_name_with_a_typographic_dash_is_said_loosely(store: Any, question: str,
                                                        expected: set[str]) -> None:
    ask_lists(store, question, expected, set())


def test_a_state_asked_of_a_tunnel_named_loosely(store: Any) -> None:
    got = ask(store, "has the Haimen Taicang Yangtze tunnel opened?")
    assert "infra:haitai-tunnel" in {e.id for e in got.entities}


# -- a misspelt name said with its kind word: the word and the kind read as one -------------

@pytest.mark.parametrize("question", [
    "which cities does the Zhangjingao bridge reach?",
    "what cities does the Zhangjinggoa bridge connect",
])
def test_a_misspelt_name_before_its_kind_word(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {"city:rugao", "city:zhangjiagang"} <= {e.id for e in got.entities}
    assert {e.label for e in got.entities} == {"City"}
    assert any("Zhangjinggao" in n for n in got.parsed.notes)


def test_a_name_nothing_is_close_to_is_still_refused(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "what does the Qwertyuiop bridge link up?")


# -- a word that names nothing does not sink a question that reads whole without it; the
# answer says it was not used. A word that may be a name still does ------------------------

@pytest.mark.parametrize(("question", "expected", "kind", "word"), [
    ("Which parks has Wuxi co-built? Looking for partners.", {"park:jiangyin-jingjiang"},
     "Park", "Looking"),
    ("Which industries does Nantong have? Asking for a client.", set(), "Industry", "Asking"),
    ("Which alliances is Nantong in, north of the Yangtze?", set(), None, "Yangtze"),
])
def test_a_word_that_names_nothing_is_left_out_and_said(store: Any, question: str,
                                                        expected: set[str], kind: str | None,
                                                        word: str) -> None:
    got = ask(store, question)
    assert got.entities and expected <= {e.id for e in got.entities}
    if kind is not None:
        assert {e.label for e in got.entities} == {kind}
    assert any("Not used" in n and word in n for n in got.parsed.notes), got.parsed.notes


@pytest.mark.parametrize("question", [
    "Which parks has Suzhou co-built? Atlantis too?",
    "Which parks has Suzhou co-built? Beijing as well?",
    "Which parks has Atlantis co-built?",
    "Which industries does Nantong share with Narnia?",
])
def test_a_word_that_may_be_a_name_still_refuses(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


@pytest.mark.parametrize(("word", "pinyin"), [
    ("Beijing", True), ("Dafeng", True), ("Xuyi", True), ("Scouting", False),
    ("Looking", False), ("Atlantis", False),
])
def test_pinyin_is_told_from_english(word: str, pinyin: bool) -> None:
    from queries.ask.stray import reads_as_pinyin

    assert reads_as_pinyin(word) is pinyin


# -- a name that is also a kind (共建园区: the mechanism, and parks co-built) after a place and
# a demonstrative (那个, 这个) is the kind: that place's park; with its own kind word after it
# (共建园区机制) it stays the mechanism ---------------------------------------------------------

@pytest.mark.parametrize(("question", "expected"), [
    ("沭阳这个共建园区是谁和谁一起建的",
     {"park:kunshan-shuyang", "city:kunshan", "city:suqian"}),
    ("泗阳那个共建园区是哪两个地方合作建的",
     {"park:wujiang-siyang", "city:wujiang", "city:suqian"}),
])
def test_that_co_built_park_of_a_place_is_a_park(store: Any, question: str,
                                                 expected: set[str]) -> None:
    ask_lists(store, question, expected, {"mechanism:park-co-construction"})


def test_the_pair_asked_as_cities_lists_cities(store: Any) -> None:
    ask_lists(store, "宿豫那个园区是哪两个城市一起建的", {"city:zhangjiagang", "city:suqian"},
              {"park:zhangjiagang-suyu"}, "City")


def test_a_name_with_its_own_kind_word_after_it_stays_the_name(store: Any) -> None:
    from queries.ask.mentions import headed_by_a_kind
    from queries.ask.text import gazetteer, names_in

    gaz = gazetteer(store)
    q, mentions = names_in("南通那个共建园区机制是什么", gaz)
    kept = headed_by_a_kind(q, mentions, gaz)
    assert "mechanism:park-co-construction" in {i for m in kept for i in m.ids}


# -- either-or: "is X in A or in B" answers the one X lies in (up through its county), not a
# relation between the three -------------------------------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Is Rugao ETDZ in Nantong or in Suzhou?", {"city:nantong"}, {"city:suzhou"}),
    ("Does Qidong belong to Shanghai or Nantong?", {"city:nantong"}, {"city:shanghai"}),
    ("如皋经济技术开发区属于南通还是苏州？", {"city:nantong"}, {"city:suzhou"}),
    ("江阴靖江工业园区到底在无锡还是在泰州", {"city:taizhou"}, {"city:wuxi"}),
])
def test_either_or_answers_the_place_it_lies_in(store: Any, question: str, expected: set[str],
                                                never: set[str]) -> None:
    ask_lists(store, question, expected, never, "City")


def test_either_or_with_neither_is_refused(store: Any) -> None:
    with pytest.raises(Unmappable, match="neither"):
        ask(store, "Is Kunshan in Shanghai or in Nantong?")


# -- a builder's partner in a park: the park's other builders, never the builder named (nor
# its own districts and seated bodies) ------------------------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Who did Nantong build the Xitong park with?", {"city:wuxi"}, {"city:nantong"}),
    ("Which city partnered with Wuxi in the Xitong park?", {"city:nantong"}, {"city:wuxi"}),
    ("无锡和谁一起建的锡通科技产业园", {"city:nantong"}, {"city:wuxi"}),
    ("苏通科技产业园里南通的合作伙伴有哪些", {"org:cssd"}, {"city:nantong", "org:nantong-etdz"}),
    ("Who co-built the Jiangyin-Jingjiang park together with Jiangyin?", {"city:taizhou"},
     {"city:jiangyin"}),
])
def test_a_builders_partner_in_a_park(store: Any, question: str, expected: set[str],
                                      never: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert ids and expected <= ids and not ids & never, ids


# -- an analyst's name for a thing, from the data's own description (lexicon concepts) -------

@pytest.mark.parametrize("question", [
    "Who is building Shanghai's third airport?",
    "上海第三座机场是谁共建的",
])
def test_shanghais_third_airport_is_the_new_nantong_airport(store: Any, question: str) -> None:
    ask_lists(store, question, {"org:shanghai-airport-authority"}, set())


# -- the kind said after a dash or a colon is the kind the question asks for, not a second
# question ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "expected", "kind"), [
    ("what falls under the free flow of factors task - which mechanisms?",
     {"mechanism:quota-coordination"}, "Mechanism"),
    ("要素自由流动这项任务包括什么：哪些机制？", {"mechanism:carbon-emission-trading"},
     "Mechanism"),
    ("What does Nantong learn from — which places?", {"park:sip"}, None),
    ("南通有什么——哪些产业", {"industry:auto-parts"}, "Industry"),
])
def test_a_kind_said_after_a_separator(store: Any, question: str, expected: set[str],
                                       kind: str | None) -> None:
    got = ask(store, question)
    ask_lists(store, question, expected, set(), kind)
    assert any(n.startswith("Read as") for n in got.parsed.notes)


def test_a_second_question_after_a_dash_is_not_a_kind() -> None:
    from queries.ask.clarified import said_with_kind

    assert said_with_kind("Which parks has Suzhou co-built - and which of them are in Suqian?") \
        is None
    assert said_with_kind("南通有哪些园区？哪些产业？") is None


# -- precision: a property word inside a kind word is no property asked; "which of X's units
# are <kind>" is that kind in X; "what does X learn from Y" lists Y with the aspect -----------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which county-level cities lie in Suzhou?", {"city:kunshan", "city:changshu"},
     {"city:wujiang", "city:suzhou"}),
    ("Which of Suzhou's administrative units are county-level cities, not districts?",
     {"city:kunshan", "city:taicang"}, {"city:wujiang", "city:gusu"}),
    ("Which of Nantong's units are counties rather than districts?", {"city:rudong"},
     {"city:chongchuan", "city:tongzhou"}),
])
def test_county_level_is_a_kind_not_a_tier(store: Any, question: str, expected: set[str],
                                           never: set[str]) -> None:
    ask_lists(store, question, expected, never, "City")


def test_what_x_learns_from_y_lists_y(store: Any) -> None:
    got = ask(store, "What is Nantong trying to learn from Lingang?")
    assert [e.id for e in got.entities] == ["region:lingang"]


def test_a_kind_word_outside_the_asking_phrase_still_asks_the_level(store: Any) -> None:
    got = ask(store, "Haimen was once a county-level city - what is it today?")
    assert got.parsed.intent.name.startswith("property:")
    assert [e.id for e in got.entities] == ["city:haimen"]


# -- two states joined by 或 / or: either (在规划或在建的, planned or under construction) ---------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("启东那边在规划或者在建的过江通道有哪些", {"infra:chongqi-rail-road-bridge"},
     {"infra:chongqi-bridge"}),
    ("Which river crossings at Haimen are planned or under construction?",
     {"infra:chonghai-crossing", "infra:haitai-tunnel"}, set()),
])
def test_two_states_joined_by_or_keep_either(store: Any, question: str, expected: set[str],
                                             never: set[str]) -> None:
    ask_lists(store, question, expected, never, "Infrastructure")


# -- "X那个<qualifier>的<kind>叫什么 / 是哪个": which of X's <kind> it is -----------------------

@pytest.mark.parametrize(("question", "expected"), [
    ("启东那个跟上海合作的园区叫什么名字", {"park:qidong-pudong-collab-park"}),
    ("南通这个跨江的园区是哪个", {"park:suxitong-park"}),
])
def test_that_one_of_a_place_is_which_of_its_kind(store: Any, question: str,
                                                  expected: set[str]) -> None:
    ask_lists(store, question, expected, set(), "Park")


def test_who_with_a_preposition_before_it_asks_the_builders(store: Any) -> None:
    ask_lists(store, "泗阳这个园区是和谁合作建的", {"city:wujiang"}, set())
