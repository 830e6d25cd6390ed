"""Readings added in session 10 from the misses of a held-out round written then (measured
first: 18/60 with 7 answers of the wrong kind; that set was lost with the session's cut-off
before it was committed, so it is not in tests/eval), each tested on variants of our own.

- Where a fact comes from ("which source says …", 数据来源, "who published the page", "how
  much should I trust it"): the documents behind what the graph records of the things named
  (queries/sources.py), each with publisher, date, kind and the facts it backs.
- A year said with "in" / 2015年…的 keeps what has a date in that year ("which bridges opened in
  2015" listed every bridge); with an open state ("were open in 2015") it is "by then".
- 哪两家 / 哪几家 asks who (an actor), like 谁.
- Two places said before 那个<kind> describe one thing (启东—崇明那个产业创新协同园区).
- Whether a mechanism has landed (落地没有, "in place yet"): its recorded status, even after a
  clause that only sets the scene.
- A property asked of a thing "in" a place is the thing's, not the place's as well.
- A trip between two places (how long from A to B, 上海到南通要多久) is a figure not held.
- "Back when X was still its own thing, …" sets a time; it does not ask what became of X.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from queries.sources import NoSourceRecorded, sources_of
from tests.conftest import ask_lists


def test_sources_of_one_thing_are_its_record_and_its_relations(store: Any) -> None:
    got = sources_of(store, "park:shibei-nantong-science-city")
    assert [s.id for s in got.entities] == ["source:facts-ourjiangsu-shibei"]
    assert got.records == (("park:shibei-nantong-science-city", "source:facts-ourjiangsu-shibei",
                            "medium"),)
    assert {(r.type, r.start) for r in got.items[0].relations} >= {
        ("CO_BUILDS", "org:shibei-hi-tech"), ("CO_BUILDS", "city:gangzha")}


def test_sources_between_two_things_are_of_their_relations_strongest_first(store: Any) -> None:
    got = sources_of(store, "city:qidong", "park:waigaoqiao-qidong-park")
    assert [s.id for s in got.entities] == ["source:facts-sohu-waigaoqiao-qidong",
                                            "source:facts-chemt-waigaoqiao-qidong"]  # medium, low
    assert all({r.start, r.end} == {"city:qidong", "park:waigaoqiao-qidong-park"}
               for item in got.items for r in item.relations)


def test_sources_of_a_claim_naming_three_parties_are_the_hubs(store: Any) -> None:
    got = sources_of(store, "park:suxitong-park", "city:nantong", "city:suzhou", "city:wuxi")
    assert "source:facts-xinjiapo-suxitong" in {s.id for s in got.entities}
    assert all("park:suxitong-park" in (r.start, r.end)
               for item in got.items for r in item.relations)  # not Nantong-Suzhou ties


def test_sources_of_unrelated_things_say_none_is_recorded(store: Any) -> None:
    with pytest.raises(NoSourceRecorded):
        sources_of(store, "city:jiaxing", "infra:haitai-tunnel")


@pytest.mark.parametrize(("question", "expected"), [
    ("which source actually says CSSD held 51% of the Sutong park, and how "
     "much should I trust it?", {"source:facts-cnfina-sutong-park"}),
    ("the Shibei science city facts - who published the page behind them?",
     {"source:facts-ourjiangsu-shibei"}),
    ("江海产业园的数据来源是什么", {"source:facts-yicai-jianghai-2011"}),
    ("苏锡通园区是南通、苏州、无锡共建的，这个说法出自哪里？依据可靠吗",
     {"source:facts-xinjiapo-suxitong"}),
    ("where does the claim that Qidong co-builds the Jianghai park come from?",
     {"source:facts-yicai-jianghai-2011"}),
])
def test_where_a_fact_comes_from_lists_its_sources(store: Any, question: str,
                                                   expected: set[str]) -> None:
    got = ask_lists(store, question, expected, kind="Source")
    assert got.parsed.intent.name == "sources"


@pytest.mark.parametrize("question", [
    "哪篇文章提到了南通？",  # which texts name it: the mentions reading
    "what does the article say about Tongzhou Bay?",
])
def test_what_a_text_says_is_no_provenance_question(store: Any, question: str) -> None:
    try:
        got = ask(store, question)
    except Unmappable:
        return
    assert got.parsed.intent.name != "sources"


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("哪些大桥是2008年通车的", {"infra:sutong-bridge"}, {"infra:chongqi-bridge"}),
    ("which crossings opened in 2020?", {"infra:hu-su-tong-railway"}, {"infra:sutong-bridge"}),
    ("which bridges were open in 2015?", {"infra:sutong-bridge", "infra:chongqi-bridge"},
     {"infra:hu-su-tong-bridge"}),
])
def test_a_year_said_with_in_keeps_what_is_dated_that_year(
        store: Any, question: str, expected: set[str], never: set[str]) -> None:
    ask_lists(store, question, expected, never, kind="Infrastructure")


def test_a_year_nothing_is_dated_in_is_not_answered_with_everything(store: Any) -> None:
    try:
        got = ask(store, "which bridges opened in 2015?")
    except Unmappable:
        return
    assert not got.entities, [e.id for e in got.entities]


@pytest.mark.parametrize("question", [
    "启东—崇明那个产业创新协同园区，是哪两家一起建的？",
    "启东—崇明产业创新协同园区是哪几家共建的",
])
def test_which_two_parties_asks_who(store: Any, question: str) -> None:
    ask_lists(store, question, {"city:qidong", "city:chongming"}, kind="City")


def test_who_put_the_money_in_is_co_building(store: Any) -> None:
    ask_lists(store, "如东洋口港那个PTA项目，是谁投的钱？", {"org:tongkun-group"},
              kind="Organization")


@pytest.mark.parametrize(("question", "no"), [
    ("我们县想跟上海搞财税分成，市里财税共享这个机制现在到底落地没有？", True),
    ("is fiscal tax sharing in place yet?", True),
    ("财税共享是在探索阶段吗", False),
])
def test_whether_a_mechanism_has_landed_is_its_status(store: Any, question: str,
                                                      no: bool) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.no is no, got.verdict
    assert "mechanism:fiscal-tax-sharing" in {e.id for e in got.entities}


@pytest.mark.parametrize("question", [
    "How big is the Jianghai park in Qidong supposed to be?", "启东的江海产业园有多大",
])
def test_a_property_of_a_thing_in_a_place_is_the_things(store: Any, question: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["park:china-jianghai-park"]


@pytest.mark.parametrize("question", [
    "how long is Shanghai to Nantong?", "上海到南通要多久",
    "how far is it from Qidong to Chongming",
])
def test_a_trip_between_places_is_a_figure_not_held(store: Any, question: str) -> None:
    with pytest.raises(Unmappable, match="travel time or distance"):
        ask(store, question)


def test_the_length_of_a_bridge_is_still_answered(store: Any) -> None:
    assert [e.id for e in ask(store, "how long is the Sutong bridge").entities] == [
        "infra:sutong-bridge"]


def test_a_time_when_a_thing_still_stood_alone_is_no_fate_question(store: Any) -> None:
    q = "Back when the Sutong park was still its own thing, who were the shareholders?"
    try:
        got = ask(store, q)
    except Unmappable:
        return
    assert got.parsed.intent.name != "fate"
    assert ask(store, "is the Sutong park still its own park?").parsed.intent.name == "fate"
