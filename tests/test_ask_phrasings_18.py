"""Readings of session 18, on both stores, with variants of our own (never copied from an eval
file):

- A question said with its kind after a dash whose reading has several parts ("Crossings at
  Nantong - which ones are open, and when?") is answered, not a crash (a PartsAnswer was
  given a `parsed` it does not have).
- A particle after each thing listed (桥啊、隧道啊、铁路啊, or 桥啊铁路啊 with no mark between)
  is not part of the list.
- Fact-sheet fields ("X - year approved?", "Count of …") and 主要搞啥 (what a park does) read
  as the date, the count and the industries; "the Suzhou side" is Suzhou.
- A kind word that answers nothing as its first kind is asked again as its other kind, said
  so (启东对接浦东的平台: no initiative ties them; the parks do); a word of a longer kind word
  (区 of 开发区) or of a name is left alone, and the second reading is never read again.
- Which of two is longer, larger, older or opened first is said in the answer, with each
  value, and compares the two things' own values, not the date of a tie between them.
- Finished building said plainly (修好了没有, 完工了吗, "is it finished") asks whether it is
  open, answered with its state where no opening date is held.
- A demonstrative with a word of description before the kind (海太那条过江隧道) is the thing
  the name then read names.
- "Which parties / players / sides" asks for actors, as "who" does.
- The names asked after a count (…一共有几个园区？都叫啥, "How many …? Names?") are listed
  with the count, not a part of their own that loses it.
- The date asked of a tie between two things that are not places ("When did Shanghai Chengtou
  sign on to co-build X?") names both ends, with the tie's date, and no note that the two
  "cannot be compared" (they were not being compared).
- Who holds the shares in a thing ("who holds the shares in the joint venture building X",
  X的合资公司股份怎么分的) lists those whose tie records a share, not a co-builder without one.
- A measure asked of one thing whose record holds none (崇启大桥有多长) is refused as not
  recorded, naming what the record holds, not as a question that could not be mapped.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from queries.ask.other_kind import _inside_longer


@pytest.mark.parametrize("question", [
    "Crossings at Nantong - which ones are open, and when did they open?",
    "Bridges at Nantong - which ones are there, and how long are they?"])
def test_a_kind_after_a_dash_read_in_parts(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.question == question
    assert got.entities
    assert any(e.label == "Infrastructure" for e in got.entities)
    assert any("Read as" in n for a in got.answered for n in a.parsed.notes)


def test_a_particle_after_each_thing_listed(store: Any) -> None:
    plain = ask(store, "连接崇明岛的桥、隧道、铁路都有哪些？")
    said = ask(store, "连接崇明岛的桥呀、隧道呀、铁路呀，都有哪些？")
    ids = {e.id for e in said.entities}
    assert ids == {e.id for e in plain.entities}
    assert {"infra:chongqi-bridge", "infra:north-yangtze-hsr"} <= ids
    assert all(e.label == "Infrastructure" for e in said.entities)


@pytest.mark.parametrize("question", ["启东和浦东之间有哪些平台？", "启东对接浦东的平台有哪些"])
def test_a_platform_is_a_park_where_no_initiative_answers(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"park:qidong-pudong-supporting-park", "park:qidong-semiconductor-park",
            "park:dongjiang-biomedicine-park"} <= ids
    assert all(e.label == "Park" for e in got.entities)
    assert any("read '平台' as '园区'" in n for n in got.parsed.notes)


def test_a_word_inside_a_longer_kind_word_is_not_said_again() -> None:
    assert _inside_longer("南通有哪些开发区", 7, 8)  # 区 of 开发区
    assert _inside_longer("平台公司有哪些", 0, 2)  # 平台 of 平台公司 (an organisation)
    assert not _inside_longer("启东对接浦东的平台有哪些", 7, 9)


def test_a_second_reading_is_not_read_again(store: Any) -> None:
    # 园区, the word said instead, holds 区, itself a word of `otherwise`: while a question is
    # asked again, no word of it is said as another kind again
    from queries.ask import gazetteer
    from queries.ask.other_kind import _AGAIN, read_as_other_kind

    gaz = gazetteer(store)
    question = "启东和浦东之间有哪些平台？"
    assert read_as_other_kind(ask, store, question, gaz, ()) is not None
    token = _AGAIN.set(True)
    try:
        assert read_as_other_kind(ask, store, question, gaz, ()) is None
    finally:
        _AGAIN.reset(token)


@pytest.mark.parametrize(("question", "prop", "first", "second"), [
    ("苏通大桥跟沪苏通大桥比，哪座更长？", "length_m", "沪苏通长江公铁大桥", "苏通长江大桥"),
    ("Which is shorter, the Sutong Bridge or the Hu-Su-Tong bridge?", "length_m", "苏通长江大桥",
     "沪苏通长江公铁大桥"),
    ("苏州工业园区和苏通园区哪个更大？", "area_km2", "苏州工业园区", "苏通科技产业园"),
    ("Which opened first, the Sutong Bridge or the Chongqi Bridge?", "opened", "苏通长江大桥",
     "崇启大桥"),
])
def test_which_of_two_holds_more(store: Any, question: str, prop: str, first: str,
                                 second: str) -> None:
    got = ask(store, question)
    said = got.comparison
    assert said.startswith(f"{prop}, ")
    assert said.index(first) < said.index(second)
    assert got.to_dict()["answer"]["compared"] == said


def test_which_is_older_compares_their_own_dates_not_their_tie(store: Any) -> None:
    # the Sutong park became part of the Suxitong park in 2020-05: that tie's date is not
    # what "which is older" asks
    got = ask(store, "Which is older, the Sutong park or the Suxitong park?")
    values = {(of.split(" (")[0], prop): value for of, prop, value in got.values}
    assert values[("苏通科技产业园", "established")] == "2009-09-28"
    assert all(prop == "established" for _, prop, _ in got.values)
    assert got.comparison.startswith("established, earliest: 苏通科技产业园")


def test_a_value_asked_without_comparing_says_no_comparison(store: Any) -> None:
    got = ask(store, "苏通大桥和沪苏通大桥各有多长？")
    assert {v for _, p, v in got.values if p == "length_m"} == {8146.0, 11072.0}
    assert got.comparison == ""


@pytest.mark.parametrize("question", ["海太隧道修好了没有？", "海太隧道完工了吗",
                                      "Is the Haitai tunnel finished?"])
def test_finished_building_asks_whether_open(store: Any, question: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["infra:haitai-tunnel"]
    assert ("status", "under-construction") in {(p, v) for _, p, v in got.values}


def test_a_demonstrative_with_a_description_before_the_kind(store: Any) -> None:
    got = ask(store, "海太那条过江隧道多长？")
    assert [e.id for e in got.entities] == ["infra:haitai-tunnel"]
    assert {v for _, p, v in got.values if p == "length_m"} == {11185.0}


@pytest.mark.parametrize("question", ["Which parties co-build the Sutong park?",
                                      "Which players are behind the Sutong park?"])
def test_parties_are_actors(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == {"org:cssd", "org:jiangsu-nongken",
                                            "org:nantong-etdz"}


@pytest.mark.parametrize("question", ["启东一共有几个园区？都叫什么",
                                      "How many parks does Qidong have? Names?",
                                      "海门有几座过江通道？分别是哪些？"])
def test_the_names_asked_after_a_count(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.count == len(got.entities) > 1


@pytest.mark.parametrize(("question", "thing", "measure"), [
    ("崇启大桥有多长", "infra:chongqi-bridge", "length"),
    ("How big is Qidong?", "city:qidong", "area")])
def test_a_measure_not_recorded_is_said_so(store: Any, question: str, thing: str,
                                           measure: str) -> None:
    with pytest.raises(Unmappable) as got:
        ask(store, question)
    assert str(got.value).startswith(f"The graph records no {measure} for ")
    assert f"estuary show {thing}" in str(got.value)
    assert got.value.final


@pytest.mark.parametrize("question", [
    "When did Shanghai Chengtou sign on to co-build the China Jianghai Industrial Park?",
    "上海城投哪天跟中国江海产业园签的共建协议？"])
def test_the_date_of_a_tie_names_both_ends(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == {"org:shanghai-chengtou", "park:china-jianghai-park"}
    assert "2011-03-24" in {str(v) for _, p, v in got.values if p == "since"}
    assert not any("cannot be compared" in n for n in got.to_dict()["notes"])


@pytest.mark.parametrize("question", [
    "Which companies hold the shares in the new Nantong airport, and how much each?",
    "南通新机场的股份怎么分的？"])
def test_who_holds_the_shares_lists_the_holders(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"org:nantong-urban-construction", "org:shanghai-airport-authority"} <= ids
    assert "city:nantong" not in ids


def test_who_co_builds_still_lists_every_builder(store: Any) -> None:
    got = ask(store, "Who co-builds the Nantong new airport?")
    assert "city:nantong" in {e.id for e in got.entities}


def test_things_listed_with_a_particle_and_no_mark(store: Any) -> None:
    got = ask(store, "启东到崇明，桥呀铁路呀一共几条？")
    assert got.count == len(got.entities) >= 2
    assert all(e.label == "Infrastructure" for e in got.entities)
    assert "infra:chongqi-bridge" in {e.id for e in got.entities}


def test_fact_sheet_fields(store: Any) -> None:
    got = ask(store, "Suzhou Industrial Park - year approved?")
    assert got.parsed.intent.name == "property:established"
    assert [e.id for e in got.entities] == ["park:sip"]
    counted = ask(store, "Count of parks in Qidong?")
    assert counted.count == len(counted.entities) >= 5


def test_what_a_park_mainly_does(store: Any) -> None:
    got = ask(store, "苏州工业园区主要搞啥？")
    assert {e.label for e in got.entities} == {"Industry"}
    assert "industry:nanotech" in {e.id for e in got.entities}


def test_a_place_said_as_a_side(store: Any) -> None:
    plain = ask(store, "Which bridges link Qidong and Shanghai?")
    side = ask(store, "Which bridges link Qidong and the Shanghai side?")
    assert {e.id for e in side.entities} == {e.id for e in plain.entities} != set()
