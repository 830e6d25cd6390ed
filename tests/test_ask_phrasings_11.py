"""Readings added in session 11 from round 21's misses (held out, measured first: 37/60 with
6 answers of the wrong kind on the session's starting code), each tested on variants of our
own, on both stores.

- A source asked for one fact (the 51% stake, the opening date, the area) is the documents
  that state that fact, not every document about the things named.
- Who wrote or published the article (文章是谁写的): the seed article's own record.
- "What year" / "which year" / 哪一年 asks a date, not a kind called "year".
- A crossing's ends (两头, 两端, "the two ends", "each bank") are the places it connects.
- Loose words for "part of" (算在哪个大盘子里) and "adopting" read as their relations.
- "The X park, who are the co-builders?" and "… and since when?" said without a comma.
- A concept naming a set (跨江园区, 山海协作园区) asked "which are there" lists the set, and
  the table beside the answer lists the same set (it listed every park).
- "<things> - which ones are open?" is "Which <things> are open?"; words read as a set or a
  condition are not said to be unused.
- "the Nantong partner" (attributive) is the builder from Nantong's side.
- "X's share of P" is a stake, not what they share; "the park in Qidong" only finds the park.
- 鄞衢那个产业飞地: a demonstrative inside a name is dropped when the name then reads whole.
- A trip taken now (现在开车去…走哪座桥) keeps what is open; a state said after "which
  crossings serving Nantong" is the crossings', not Nantong's.
- "A跟B、C之间" asks what lies between A and either of the others.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from queries.sources import sources_of
from tests.conftest import ask_lists


def test_sources_of_one_fact_are_those_that_state_it(store: Any) -> None:
    got = sources_of(store, "park:sutong-park", fact="share")
    assert got.fact == "share"
    assert [s.id for s in got.entities] == ["source:facts-cnfina-sutong-park"]
    assert all(r.props.get("share") is not None for i in got.items for r in i.relations)


def test_any_property_may_be_the_fact(store: Any) -> None:
    got = sources_of(store, "park:jiangyin-jingjiang", fact="role")
    assert got.fact == "role" and "the role the graph records" in got.title
    assert all(r.props.get("role") for i in got.items for r in i.relations)


def test_a_fact_no_source_states_keeps_them_all(store: Any) -> None:
    every = sources_of(store, "park:sutong-park")
    got = sources_of(store, "park:sutong-park", fact="length_m")
    assert got.fact == "" and got.entities == every.entities


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("which source gives the 51% stake CSSD held in the Sutong park?",
     {"source:facts-cnfina-sutong-park"}, set()),
    ("where does the share split of the Sutong park come from?",
     {"source:facts-cnfina-sutong-park"},
     {"source:facts-xingdayinshua-suxitong", "source:facts-xinjiapo-suxitong"}),
    ("上海机场集团在南通新机场占51%，这个数字出自哪里？",
     {"source:facts-hk01-nantong-airport"}, set()),
])
def test_a_source_asked_for_one_fact(store: Any, question: str, expected: set[str],
                                     never: set[str]) -> None:
    ask_lists(store, question, expected, never, kind="Source")


@pytest.mark.parametrize("question", ["文章是谁写的", "who published the article?",
                                      "吴新明那篇文章发表在哪"])
def test_who_wrote_the_article_is_its_record(store: Any, question: str) -> None:
    got = ask_lists(store, question, {"source:seed-article"}, kind="Source")
    assert got.parsed.intent.name == "source_record"


def test_a_kind_asked_of_the_author_is_no_document_question(store: Any) -> None:
    try:
        got = ask(store, "这篇文章的作者是哪个机构的书记？")
    except Unmappable:  # (refused is fine; a document is not)
        return
    assert "source:seed-article" not in {e.id for e in got.entities}


@pytest.mark.parametrize("question", ["which year did the Sutong bridge open?",
                                      "what year was the Sutong bridge opened",
                                      "苏通大桥是哪一年通车的"])
def test_what_year_asks_a_date(store: Any, question: str) -> None:
    assert [e.id for e in ask(store, question).entities] == ["infra:sutong-bridge"]


@pytest.mark.parametrize(("question", "expected"), [
    ("what are the two ends of the Haitai tunnel?", {"city:haimen", "city:taicang"}),
    ("崇启大桥两头分别是哪儿", {"city:chongming", "city:qidong"}),
])
def test_a_crossings_ends_are_the_places_it_joins(store: Any, question: str,
                                                  expected: set[str]) -> None:
    ask_lists(store, question, expected, kind="City")


def test_counted_in_which_larger_whole_is_part_of(store: Any) -> None:
    ask_lists(store, "启东—浦东协同园区算在哪个大盘子里", {"region:yrd-collaboration-zone"},
              kind="Region")


def test_adopting_is_adopts(store: Any) -> None:
    ask_lists(store, "who is adopting fiscal tax sharing?", {"city:nantong"})


@pytest.mark.parametrize("question", ["the Suzhou-Suqian park, who are the co-builders?",
                                      "who co-builds the Suzhou-Suqian park and since when?"])
def test_co_builders_said_after_the_park(store: Any, question: str) -> None:
    ask_lists(store, question, {"city:suzhou", "city:suqian"}, kind="City")


@pytest.mark.parametrize("question", ["有哪些跨江园区",
                                      "cross-river parks - which ones are there?"])
def test_a_set_asked_which_there_are_lists_the_set_in_its_table_too(store: Any,
                                                                   question: str) -> None:
    got = ask_lists(store, question, {"park:sutong-park", "park:xitong-park"},
                    {"park:sip", "park:husu-dafeng"}, kind="Park")
    hubs = got.ran[0].result.hubs
    assert {h.entity.id for h in hubs} == {e.id for e in got.entities}
    assert [h.rank for h in hubs] == list(range(1, len(hubs) + 1))


def test_mountain_sea_cooperation_parks_are_a_set(store: Any) -> None:
    ask_lists(store, "which mountain-sea cooperation parks does the graph hold?",
              {"park:yinzhou-qujiang", "park:songyang-yuyao"}, kind="Park")


def test_which_ones_said_after_the_things(store: Any) -> None:
    got = ask_lists(store, "Yangtze crossings: which of them are still planned?",
                    {"infra:chonghai-crossing"}, {"infra:sutong-bridge"}, kind="Infrastructure")
    assert not any(n.startswith("Not used") for n in got.parsed.notes), got.parsed.notes


def test_the_places_partner_is_the_builder_from_its_side(store: Any) -> None:
    got = ask_lists(store, "who was the Wuxi partner in the Xitong park?", {"city:wuxi"},
                    {"city:nantong"}, kind="City")
    assert got.parsed.intent.name == "partner-from"


@pytest.mark.parametrize("question", ["what's CSSD's stake in the Sutong park?",
                                      "what was CSSD's share of the Sutong park in Nantong?",
                                      "what's CSSD's share in the Sutong park in Nantong"])
def test_a_stake_in_a_park_in_a_place_is_the_parks_alone(store: Any, question: str) -> None:
    # (the park, as round 3 reads "X's stake in P"; "share of" is no "what they share")
    got = ask(store, question)
    assert got.parsed.intent.name == "property:share"
    assert [e.id for e in got.entities] == ["park:sutong-park"]


def test_a_demonstrative_inside_a_name_is_dropped(store: Any) -> None:
    ask_lists(store, "苏州宿迁那个工业园区是谁建的", {"city:suzhou", "city:suqian"}, kind="City")


def test_a_trip_taken_now_keeps_what_is_open(store: Any) -> None:
    ask_lists(store, "现在从苏州开车去南通走哪座桥", {"infra:sutong-bridge"},
              {"infra:sutong-second-crossing", "infra:zhangjinggao-bridge"},
              kind="Infrastructure")


def test_a_state_after_the_object_of_the_kind_asked_is_the_kinds(store: Any) -> None:
    ask_lists(store, "which crossings serving Nantong aren't open yet?",
              {"infra:chonghai-crossing"}, {"infra:sutong-bridge", "infra:chongqi-bridge"},
              kind="Infrastructure")


def test_between_one_place_and_either_of_two(store: Any) -> None:
    ask_lists(store, "海门跟崇明、太仓之间有哪些过江通道",
              {"infra:chonghai-crossing", "infra:haitai-tunnel"}, {"infra:sutong-bridge"},
              kind="Infrastructure")


# -- from the released rounds 19 and 20, learnt in the same session ---------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("which Suzhou companies are developing parks in Nantong?", {"org:cssd"},
     {"org:waigaoqiao-group"}),
    ("哪些上海企业在南通建了园区", {"org:waigaoqiao-group", "org:shanghai-chengtou"}, {"org:cssd"}),
])
def test_builders_of_a_kind_from_a_place_of_the_parks_in_another(
        store: Any, question: str, expected: set[str], never: set[str]) -> None:
    ask_lists(store, question, expected, never, kind="Organization")


def test_built_or_planned_keeps_every_state(store: Any) -> None:
    ask_lists(store, "which crossings reach Chongming, built or planned?",
              {"infra:chongqi-bridge", "infra:chonghai-crossing"}, kind="Infrastructure")


def test_a_year_then_yihou_counts_that_year(store: Any) -> None:
    ask_lists(store, "2006年以后建的共建园区有哪些", {"park:suzhou-suqian"}, {"park:sip"},
              kind="Park")


def test_of_all_the_things_which_ones(store: Any) -> None:
    ask_lists(store, "of all the co-built parks, which ones are in Suqian?",
              {"park:suzhou-suqian", "park:kunshan-shuyang"}, kind="Park")


def test_who_signed_with_whom_is_co_building(store: Any) -> None:
    ask_lists(store, "苏州宿迁工业园区是谁跟谁签的约", {"city:suzhou", "city:suqian"}, kind="City")


def test_half_a_hyphenated_word_is_no_owned_name(store: Any) -> None:
    ask_lists(store, "what are Nantong's national-level ETDZs?",
              {"park:nantong-etdz-park", "park:haian-etdz", "park:rugao-etdz"},
              {"park:nantong-high-tech-zone"}, kind="Park")


@pytest.mark.parametrize("question", ["飞地孵化的经验出自哪个地方？",
                                      "which region does the enclave incubation model come from?"])
def test_a_kind_asked_after_comes_from_is_no_source_question(store: Any, question: str) -> None:
    # (round 22 measured a list of sources for 经验出自哪个区域: a region was asked)
    try:
        got = ask(store, question)
    except Unmappable:
        return
    assert got.parsed.intent.name != "sources"
    assert all(e.label != "Source" for e in got.entities)


@pytest.mark.parametrize(("question", "kind"), [
    ("新能源在哪些城市算主导产业？", "City"),  # (哪些城市 asks cities; 产业 is what they count as)
    ("who chairs the YRD AI alliance?", None),  # ("chairs" is no misspelt "chains")
])
def test_never_another_kind_than_the_asking_phrase_says(store: Any, question: str,
                                                        kind: str | None) -> None:
    # (round 22 measured industries for both: 高端纺织在哪几个城市算重点产业, "who chairs …")
    try:
        got = ask(store, question)
    except Unmappable:
        return
    labels = {e.label for e in got.entities}
    assert "Industry" not in labels, labels
    if kind is not None:
        assert labels <= {kind}, labels


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("which bridges between Suzhou and Nantong are really open already?",
     {"infra:sutong-bridge"}, {"infra:zhangjinggao-bridge"}),
    ("which bridges are not actually open yet?", {"infra:zhangjinggao-bridge"},
     {"infra:sutong-bridge", "infra:chongqi-bridge"}),
])
def test_a_state_with_words_between_is_still_the_state(store: Any, question: str,
                                                       expected: set[str],
                                                       never: set[str]) -> None:
    # (round 22 measured the planned Zhangjinggao bridge under "are actually open already")
    ask_lists(store, question, expected, never, kind="Infrastructure")


# -- a figure asked that the graph does not hold: said first, not left to the relations shown --


@pytest.mark.parametrize(("question", "missing"), [
    ("上海城投占江海产业园多少股", "share"),
    ("中国江海产业园哪年起步的？上海城投占多少股", "share"),
])
def test_a_value_asked_and_not_recorded_is_said(store: Any, question: str, missing: str) -> None:
    got = ask(store, question)
    # (session 16: the park's start is told from its relations' dates, so the question is
    # answered in two parts; the note is the share part's)
    notes = [n for part in getattr(got, "parts", ()) if part.answer is not None
             for n in part.answer.parsed.notes] or list(got.parsed.notes)
    assert any(n.startswith(f"The graph records no {missing} for") for n in notes)


def test_a_value_recorded_brings_no_such_note(store: Any) -> None:
    got = ask(store, "苏通园区里中新集团占多少股")
    assert not any(n.startswith("The graph records no") for n in got.parsed.notes)
    assert 51.0 in {v for _, prop, v in got.values if prop == "share"}
