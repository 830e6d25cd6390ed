"""Readings added in session 9 from round 19's misses, each tested on variants of our own.

- A request said as a command ("name the …", "show me …", 列出…) is the question "which …".
- A state said the way people say it: open now ("can you take", 现在能走的, "in operation"),
  or not built yet (还没建成, "not open yet": planned or under construction).
- "Which came first / is older / 哪个先通的车" of two things: the date of each.
- A share said as a figure ("the 60% stake", 持有…60%的股份): the holder of that share.
- What a place is strong in ("strongest in", 擅长, 强在哪) is the industries it has.
- Several things asked one yes-or-no question (泰州、盐城有没有在…里面): each in turn.
- A later part with no pronoun (南通有什么港口，在哪儿) is about what the first part found in
  a place; "and who's behind it" after "what's the project at X" is the project.
- A space between two Chinese questions ends the first (南通高新区在哪个区 主攻什么产业).

And from round 20's (held out until the session's end): "aren't open" is a state, never a
negation refused nor one left out; a kind said as what things are ("which crossings are
tunnels"); words before a colon or dash that only set the scene; 吧 as a question; places and
roles the graph does not hold (杭州, a contractor) refused rather than read around.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from tests.conftest import ask_lists


@pytest.mark.parametrize(("question", "expected", "kind"), [
    ("name the county-level cities under Nantong", {"city:haian", "city:qidong", "city:rugao"},
     "City"),
    ("show me the parks in Qidong", {"park:waigaoqiao-qidong-park", "park:china-jianghai-park"},
     "Park"),
    ("列出启东的园区", {"park:waigaoqiao-qidong-park", "park:china-jianghai-park"}, "Park"),
])
def test_a_command_is_the_question_which(store: Any, question: str, expected: set[str],
                                         kind: str) -> None:
    ask_lists(store, question, expected, kind=kind)


def test_tell_me_about_stays_an_overview(store: Any) -> None:
    assert ask(store, "tell me about Qidong").parsed.intent.name == "show"


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("which bridges can you take between Nantong and Suzhou",
     {"infra:sutong-bridge", "infra:hu-su-tong-bridge"}, {"infra:zhangjinggao-bridge"}),
    ("南通和苏州之间现在能走的过江通道有哪些", {"infra:sutong-bridge"},
     {"infra:zhangjinggao-bridge", "infra:haitai-tunnel"}),
    ("which crossings between Nantong and Suzhou are in operation", {"infra:sutong-bridge"},
     {"infra:zhangjinggao-bridge"}),
    ("which crossings between Nantong and Suzhou are open", {"infra:sutong-bridge"},
     {"infra:zhangjinggao-bridge"}),
])
def test_open_said_as_people_say_it(store: Any, question: str, expected: set[str],
                                    never: set[str]) -> None:
    ask_lists(store, question, expected, never, "Infrastructure")


@pytest.mark.parametrize("question", ["哪些过江通道还没建成", "哪些过江通道尚未通车",
                                      "which Yangtze crossings are not open yet"])
def test_not_built_yet_is_planned_or_under_construction(store: Any, question: str) -> None:
    got = ask_lists(store, question, {"infra:zhangjinggao-bridge", "infra:sutong-second-crossing"},
                    {"infra:sutong-bridge", "infra:chongqi-bridge"}, "Infrastructure")
    assert {e.props.get("status") for e in got.entities} == {"planned", "under-construction"}


@pytest.mark.parametrize(("question", "prop"), [
    ("苏通大桥和崇启大桥，哪个先通的车？", "opened"),
    ("Sutong bridge or Chongqi bridge - which opened first?", "opened"),
    ("which is older, SIP or the Sutong park", "established"),
    ("which got going first, SIP or the Sutong park?", "established"),
])
def test_which_came_first_gives_each_date(store: Any, question: str, prop: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name.startswith("property:") and prop in got.parsed.intent.name
    assert len(got.parsed.slots) == 2
    assert {p for _, p, _ in got.values} >= {prop}


@pytest.mark.parametrize(("question", "holder"), [
    ("Who held the 51% stake in the Sutong park?", "org:cssd"),
    ("谁持有苏通园区51%的股份", "org:cssd"),
    ("who holds the 51% stake in the new Nantong airport", "org:shanghai-airport-authority"),
])
def test_a_share_said_as_a_figure(store: Any, question: str, holder: str) -> None:
    assert [e.id for e in ask(store, question).entities] == [holder]


@pytest.mark.parametrize("question", ["What is the Hai'an ETDZ strongest in?", "海安开发区强在哪",
                                      "海安开发区擅长什么产业"])
def test_strong_in_is_its_industries(store: Any, question: str) -> None:
    ask_lists(store, question, {"industry:equipment-manufacturing"}, kind="Industry")


def test_several_asked_one_yes_or_no_each_in_turn(store: Any) -> None:
    got = ask(store, "泰州、盐城有没有在长三角城市经济协调会里面？")
    assert [sorted(e.id for e in p.answer.parsed.slots.values()) for p in got.parts] == [
        ["city:taizhou", "org:yrd-city-economic-council"],
        ["city:yancheng", "org:yrd-city-economic-council"]]


def test_a_list_two_places_share_is_not_split(store: Any) -> None:
    got = ask(store, "南通和苏州有没有共建园区")
    assert getattr(got, "parts", None) is None


@pytest.mark.parametrize(("question", "expected"), [
    ("南通有什么港口，在哪儿", {"infra:yangkou-port", "city:rudong"}),
    ("what's the big project at Yangkou port and who's behind it",
     {"park:jiatong-pta-project", "org:jiatong-energy", "org:tongkun-group"}),
])
def test_a_later_part_about_what_the_first_found(store: Any, question: str,
                                                 expected: set[str]) -> None:
    ask_lists(store, question, expected)


def test_a_space_between_two_chinese_questions(store: Any) -> None:
    got = ask(store, "南通高新区在哪个区 主攻什么产业")
    assert len(got.parts) == 2
    ids = {e.id for e in got.entities}
    assert "city:tongzhou" in ids and "industry:next-gen-it" in ids


@pytest.mark.parametrize("question", [
    "苏通园区的税收，三方各分几成？",
    "how is the Sutong park's tax revenue split between the cities, in %?",
    "What's land going for per mu in Qidong?", "启东工业用地每亩地价多少"])
def test_a_share_of_money_or_a_price_is_no_figure_held(store: Any, question: str) -> None:
    from queries.ask import Unmappable

    with pytest.raises(Unmappable, match="holds no figure"):
        ask(store, question)


def test_a_stake_is_still_a_figure_held(store: Any) -> None:
    got = ask(store, "苏通园区各方占几成股")
    assert {e.id for e in got.entities} >= {"org:cssd", "org:jiangsu-nongken", "org:nantong-etdz"}


# -- the review's cases: each reading above kept from what it must not read -----------------

def test_asking_whether_it_opened_is_no_state(store: Any) -> None:
    got = ask(store, "崇启大桥有没有通车")  # 没 after 有 asks; it says nothing is unbuilt
    assert [e.id for e in got.entities] == ["infra:chongqi-bridge"]
    got = ask(store, "南通和苏州之间有没有通车的过江通道")
    assert "infra:sutong-bridge" in {e.id for e in got.entities}


def test_open_negated_is_not_open(store: Any) -> None:
    ask_lists(store, "不能走的过江通道有哪些", {"infra:zhangjinggao-bridge"},
              {"infra:sutong-bridge", "infra:chongqi-bridge"}, "Infrastructure")


@pytest.mark.parametrize("question", ["show me Qidong", "说说苏通园区"])
def test_a_command_without_a_kind_stays_an_overview(store: Any, question: str) -> None:
    assert ask(store, question).parsed.intent.name == "show"


def test_a_share_compared_is_no_exact_share(store: Any) -> None:
    got = ask(store, "who holds over 20% stake in the Sutong park")
    assert {"org:cssd", "org:nantong-etdz"} <= {e.id for e in got.entities}


def test_it_stays_the_subject_when_the_first_part_asked_no_place(store: Any) -> None:
    got = ask(store, "Which parks does the Sutong bridge connect, and when did it open?")
    assert any("2008" in str(v) for _, p, v in got.values if p == "opened")


def test_a_new_kind_asked_later_is_asked_of_the_place(store: Any) -> None:
    got = ask(store, "南通有什么港口，还有哪些园区")
    assert "洋口港" not in got.parts[1].question


@pytest.mark.parametrize("question", ["港闸区还在吗", "港闸区现在还有吗", "港闸区还存在吗",
                                      "Does Gangzha district still exist?"])
def test_what_became_of_a_merged_district(store: Any, question: str) -> None:
    got = ask(store, question)  # 港闸区 is also a name of 崇川区 since the merger
    assert got.parsed.intent.name == "fate"
    assert "city:chongchuan" in {e.id for e in got.entities}


@pytest.mark.parametrize("question", ["苏通园区还存在吗", "苏通科技产业园还有吗"])
def test_what_became_of_a_merged_park(store: Any, question: str) -> None:
    assert [e.id for e in ask(store, question).entities] == ["park:suxitong-park"]


def test_the_administration_asked_is_an_organisation(store: Any) -> None:
    got = ask(store, "who's the administration behind the Sutong park?")
    assert got.entities and {e.label for e in got.entities} == {"Organization"}


def test_built_or_not_asks_no_state(store: Any) -> None:
    got = ask(store, "这一带有几条铁路？建成没建成都算")  # 建成没建成: whether, not a state
    assert "infra:hu-su-tong-railway" in {e.id for e in got.entities}


# -- from round 20's misses (held out until the end of session 9, then learnt from) ----------

@pytest.mark.parametrize("question", ["which bridges aren't open", "which bridges are not open yet",
                                      "哪些大桥还没建成"])
def test_not_open_is_a_state_not_a_negation(store: Any, question: str) -> None:
    ask_lists(store, question, {"infra:zhangjinggao-bridge"},
              {"infra:sutong-bridge", "infra:chongqi-bridge", "infra:hu-su-tong-bridge"},
              "Infrastructure")


def test_a_state_a_loose_reading_cannot_apply_is_refused(store: Any) -> None:
    from queries.ask import Unmappable

    with pytest.raises(Unmappable, match="state"):  # it would list open and unbuilt alike
        ask(store, "Which crossings about Nantong aren't open yet?")
    # ("serving Nantong" reads as CONNECTS since session 11, its state applied:
    # test_ask_phrasings_11.test_a_state_after_the_object_of_the_kind_asked_is_the_kinds)


def test_open_before_a_kind_word(store: Any) -> None:
    ask_lists(store, "which open crossings serve Nantong", {"infra:sutong-bridge"},
              {"infra:zhangjinggao-bridge", "infra:north-yangtze-hsr"}, "Infrastructure")


def test_built_earlier_of_two_parks(store: Any) -> None:
    got = ask(store, "苏通科技产业园和苏州工业园区，哪个建得早？")
    assert got.parsed.intent.name.startswith("property:established") and len(got.parsed.slots) == 2


def test_built_together_said_as_he_zuo_jian(store: Any) -> None:
    assert {e.id for e in ask(store, "昆沭工业园区是哪两家合作建的").entities} == {
        "city:kunshan", "city:suqian"}


def test_metro_is_metropolitan(store: Any) -> None:
    got = ask(store, "How many cities make up the Shanghai 1+8 metro circle?")
    # nine by its name (the article's "1+8"), though only two are named by a source the data
    # uses: the count is the circle's, the list the graph's, and the answer says so
    assert got.count == 9 and [e.id for e in got.entities] == ["city:nantong", "city:shanghai"]
    assert any("has 9 members" in n and "records 2" in n for n in got.parsed.notes)


def test_a_count_narrowed_is_of_what_the_graph_names(store: Any) -> None:
    """The stated size counts only for all the members: those of a kind or place are the
    graph's (its two, here, both in the circle)."""
    assert ask(store, "上海1+8都市圈里江苏的城市有几个").count in (None, 1)


def test_words_that_only_set_the_scene_are_left_unread_and_said(store: Any) -> None:
    got = ask(store, "I'm writing about the big crossings - when did the Sutong Bridge open?")
    assert [e.id for e in got.entities] == ["infra:sutong-bridge"]
    assert any(n.startswith("Not read:") for n in got.parsed.notes)
    got = ask(store, "我写报告要用：苏通大桥哪年通车的")  # (read whole: its words are no relation)
    assert [e.id for e in got.entities] == ["infra:sutong-bridge"]


def test_a_scene_that_names_one_thing_is_not_dropped(store: Any) -> None:
    from queries.ask import Unmappable

    try:  # "For Qidong: …" names the place the question is about: never read without it
        got = ask(store, "For Qidong: what lands there?")
    except Unmappable:
        return
    assert not any(n.startswith("Not read:") for n in got.parsed.notes)


@pytest.mark.parametrize("question", ["杭州和苏州一起共建了哪些园区？", "苏通大桥的承建商是谁",
                                      "Who was the main contractor that built the Sutong bridge?"])
def test_a_place_or_a_role_the_graph_does_not_hold_is_refused(store: Any, question: str) -> None:
    from queries.ask import Unmappable

    with pytest.raises(Unmappable):  # never Suzhou's parks alone, never the bridge's ends
        ask(store, question)


@pytest.mark.parametrize("question", ["which crossings are tunnels", "哪些过江通道是隧道",
                                      "Which of the crossings are tunnels rather than bridges?"])
def test_a_kind_said_as_what_things_are(store: Any, question: str) -> None:
    ask_lists(store, question, {"infra:haitai-tunnel"}, {"infra:sutong-bridge"},
              "Infrastructure")


def test_a_guess_put_with_ba_is_a_yes_or_no(store: Any) -> None:
    got = ask(store, "吴江泗阳工业园区是在泗阳县吧？")
    assert got.verdict is not None and got.verdict.held


def test_a_scene_the_question_points_back_to_is_not_dropped(store: Any) -> None:
    from queries.ask import Unmappable

    try:  # a misspelt name before the dash, "it" after it: never every place in the graph
        got = ask(store, "zhangjinggao brige - which places does it join?")
    except Unmappable:
        return
    assert "city:shanghai" not in {e.id for e in got.entities}
