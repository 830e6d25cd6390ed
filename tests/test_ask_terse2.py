"""`ask` on more of what analysts type into a search box (ask23): a place and a plural kind
word beat a longer name holding the same words, tags that ask for the list or its size, a tier
before the kind, typos of the lexicon's words, kinds asked with a date.

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the query names a
kind, every entity listed is of that kind; what the graph cannot answer stays refused.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from queries.ask.dated import dated_plainly
from queries.ask.tags import peeled, topic_first
from tests.conftest import ask_lists as _check

# -- a place and a plural kind word: the place's things, not a name holding both words ------

@pytest.mark.parametrize("question", ["Haimen crossings", "Haimen crossings?",
                                      "Haimen corssings"])
def test_a_place_and_plural_crossings_beat_a_crossing_named_with_the_place(
        store: Any, question: str) -> None:
    got = _check(store, question, {"infra:chonghai-crossing", "infra:haitai-tunnel"},
                 {"city:haimen"}, "Infrastructure")
    assert "CONNECTS" in " ".join(got.parsed.notes)


@pytest.mark.parametrize("question", ["Nantong crossings", "Chongming crossings"])
def test_crossings_of_a_city_are_more_than_the_one_crossing_named_with_it(
        store: Any, question: str) -> None:
    got = _check(store, question, {"infra:chonghai-crossing", "infra:chongqi-bridge"},
                 set(), "Infrastructure")
    assert len(got.entities) > 1


def test_a_place_and_plural_parks_beat_the_park_named_with_the_place(store: Any) -> None:
    got = _check(store, "Suzhou parks", {"park:sip", "park:kunshan-etdz", "park:suxitong-park"},
                 {"city:suzhou"}, "Park")
    assert len(got.entities) > 3


@pytest.mark.parametrize(("question", "named"), [
    ("Chongming-Haimen crossing", "infra:chonghai-crossing"),
    ("tell me about the Haimen crossing", "infra:chonghai-crossing"),
    ("Suzhou park", "park:sip")])
def test_the_name_said_singular_is_still_the_name(store: Any, question: str,
                                                  named: str) -> None:
    ids = [e.id for e in ask(store, question).entities]
    # the named thing; an overview ("tell me about") lists what it connects after it (ask22)
    assert ids[0] == named and (len(ids) == 1 or question.startswith("tell me"))


# -- a tag that asks for the list or its size ---------------------------------------------------

@pytest.mark.parametrize(("question", "rest", "count"), [
    ("Shanghai national ETDZs - how many?", "Shanghai national ETDZs", True),
    ("Nantong parks - list?", "Nantong parks", False),
    ("南通的园区——有几个？", "南通的园区", True),
    ("苏州 经开区，有哪些", "苏州 经开区", False),
    ("how many Qidong parks", "Qidong parks", True),
    ("IC alliance: members?", "IC alliance members", False),
    ("Which parks does Qidong have?", "Which parks does Qidong have?", False)])
def test_tags_are_peeled(question: str, rest: str, count: bool) -> None:
    assert peeled(question) == (rest, count)


@pytest.mark.parametrize("question", ["Shanghai national ETDZs - how many?",
                                      "how many Shanghai national ETDZs",
                                      "Shanghai ETDZs: how many?",
                                      "上海 国家级 经开区，一共几个？"])
def test_a_count_tag_counts_the_keyword_query(store: Any, question: str) -> None:
    got = _check(store, question, {"park:minhang-etdz", "park:jinqiao-etdz",
                                   "park:caohejing"}, {"city:shanghai"}, "Park")
    assert got.count == len(got.entities) == 6


@pytest.mark.parametrize("question", ["Nantong parks - list?", "Qidong parks: which ones?",
                                      "启东 园区——有哪些"])
def test_a_list_tag_lists(store: Any, question: str) -> None:
    got = _check(store, question, {"park:qidong-pudong-collab-park"}, set(), "Park")
    assert got.count is None


@pytest.mark.parametrize("question", ["AI alliance: members?", "AI alliance members - how many?"])
def test_members_said_as_a_tag(store: Any, question: str) -> None:
    _check(store, question, {"org:iflytek", "org:fudan-university"}, {"org:yrd-ai-alliance"})


def test_national_keeps_the_national_tier(store: Any) -> None:
    got = _check(store, "Jiangsu national HTZs", {"park:nantong-high-tech-zone"}, set(), "Park")
    assert all(e.props.get("level") == "national" for e in got.entities)


# -- a tier before the kind ---------------------------------------------------------------------

@pytest.mark.parametrize("question", ["Suzhou future industries",
                                      "Suzhou's future industries", "苏州 未来产业",
                                      "苏州的未来产业", "Suzhou futrue industries"])
def test_a_tier_said_before_the_kind_keeps_that_tier(store: Any, question: str) -> None:
    got = _check(store, question, {"industry:metaverse", "industry:quantum-technology"},
                 {"industry:biomedicine", "industry:future"}, "Industry")
    assert len(got.entities) == 8


def test_a_tier_count_by_tag(store: Any) -> None:
    got = ask(store, "Shanghai pilot industries - how many?")
    assert got.count == 3 and "industry:integrated-circuits" in {e.id for e in got.entities}


def test_a_tier_a_place_does_not_hold_is_refused(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "Wuxi future industries")


# -- typos of the lexicon's words: two letters swapped, one reading only ----------------------

@pytest.mark.parametrize(("question", "expected", "kind"), [
    ("Nantong parsk", {"park:nantong-high-tech-zone"}, "Park"),
    ("Qidong praks", {"park:qidong-pudong-collab-park"}, "Park"),
    ("AI allaince members", {"org:iflytek"}, None),
    ("Which parks has Nantong co-bulit?", {"park:qidong-pudong-collab-park"}, "Park"),
    ("Suzhou indsutries", {"industry:biomedicine"}, "Industry")])
def test_swapped_letters_in_a_lexicon_word(store: Any, question: str, expected: set[str],
                                           kind: str | None) -> None:
    _check(store, question, expected, set(), kind)


def test_a_typo_never_invents_a_name(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "Nantong zorks")


# -- a kind asked with a date ---------------------------------------------------------------------

@pytest.mark.parametrize(("question", "said"), [
    ("Co-built parks set up since 2020?", "Which Co-built parks were set up since 2020?"),
    ("parks approved before 2010", "Which parks were approved before 2010?"),
    ("crossings opened before 2010", "Which crossings were opened before 2010?"),
    ("2015年以后成立的共建园区", "Which co-built parks were set up since 2015?"),  # (inclusive)
    ("哪些过江通道2010年以前通车", "Which crossings were opened before 2010?"),
    ("Which parks does Qidong have?", None),
    ("Nantong parks set up since 2020", None)])
def test_a_dated_kind_is_said_as_the_grammar_reads_it(question: str, said: str | None) -> None:
    assert dated_plainly(question) == said


@pytest.mark.parametrize("question", ["Co-built parks set up since 2020?",
                                      "co-built parks established after 2019",
                                      "co-built parks founded from 2020 onwards",
                                      "2020年以来成立的共建园区", "哪些共建园区是2019年以后设立的"])
def test_co_built_parks_set_up_since_a_year(store: Any, question: str) -> None:
    got = _check(store, question, {"park:suxitong-park", "park:huishan-jiawang",
                                   "park:yinzhou-qujiang", "park:jinqiao-yongan"},
                 {"park:sutong-park", "park:sip", "park:jiangyin-jingjiang"}, "Park")
    assert got.parsed.filters


@pytest.mark.parametrize("question", ["crossings opened before 2010", "哪些过江通道2010年以前通车",
                                      "2010年以前通车的过江通道"])
def test_crossings_opened_before_a_year(store: Any, question: str) -> None:
    _check(store, question, {"infra:sutong-bridge"}, {"infra:hu-su-tong-bridge"},
           "Infrastructure")


# -- where an industry is, across the zone ----------------------------------------------------

@pytest.mark.parametrize("question", ["where is biomedicine in the zone?", "Where is biomedicine?",
                                      "biomedicine - where?", "生物医药在哪些地方",
                                      "哪里有生物医药", "生物医药主要分布在哪里"])
def test_where_an_industry_is(store: Any, question: str) -> None:
    got = _check(store, question, {"city:shanghai", "city:suzhou", "park:sip"},
                 {"industry:biomedicine"})
    assert {e.label for e in got.entities} <= {"City", "Park", "Region"}


@pytest.mark.parametrize("question", ["who does IC around here", "where are integrated circuits "
                                      "around here", "区域内哪些地方做集成电路", "集成电路在哪里"])
def test_who_does_an_industry(store: Any, question: str) -> None:
    _check(store, question, {"city:shanghai", "park:qidong-semiconductor-park"},
           {"industry:integrated-circuits"})


@pytest.mark.parametrize(("question", "place"), [("Where is SIP?", "city:suzhou"),
                                                 ("where is Nantong", "region:jiangsu")])
def test_where_a_place_is_stays_where_it_lies(store: Any, question: str, place: str) -> None:
    assert place in {e.id for e in ask(store, question).entities}


def test_where_an_unknown_thing_is_stays_refused(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "where is Atlantis in the zone")


# -- short forms: one referent read, several refused with the candidates -------------------------

@pytest.mark.parametrize(("question", "expected"), [
    ("NT cooperation partners?", {"city:shanghai", "city:suzhou"}),
    ("Who does NT cooperate with?", {"city:shanghai", "city:suzhou"}),
    ("NT parks", {"park:nantong-high-tech-zone"}),
    ("SZ industries", {"industry:biomedicine"}),
    ("Which NT parks are co-built with SH?", {"park:qidong-pudong-collab-park"}),
    ("AI联盟有哪些成员", {"org:iflytek", "org:fudan-university"}),
    ("IC联盟成员", {"org:smic"})])
def test_short_forms_with_one_referent(store: Any, question: str, expected: set[str]) -> None:
    _check(store, question, expected)


def test_a_short_name_of_several_is_refused_with_them(store: Any) -> None:
    with pytest.raises(Unmappable) as refused:
        ask(store, "Which parks has Jinqiao co-built outside Shanghai?")
    said = str(refused.value)
    assert "org:jinqiao-group" in said and "org:jinqiao-admin-bureau" in said
    assert "city:nanqiao" not in said


# -- figures said colloquially ------------------------------------------------------------------

@pytest.mark.parametrize("question", ["苏通大桥有多少米长", "苏通大桥多少米",
                                      "How many metres long is the Sutong bridge?",
                                      "How long is the Sutong bridge"])
def test_a_length_said_colloquially(store: Any, question: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["infra:sutong-bridge"] and got.count is None
    assert any(prop == "length_m" for _, prop, _ in got.values)


def test_a_stake_in_tenths_gives_the_share_as_held(store: Any) -> None:
    got = ask(store, "张家港宿豫工业园，张家港占几成股？")
    assert got.count is None
    assert any(prop == "share" and float(v) == 80.0 for _, prop, v in got.values)


# -- the topic said first, then the question about it ---------------------------------------------

@pytest.mark.parametrize(("question", "said"), [
    ("Sutong park - who were the shareholders?", "who were the shareholders of Sutong park?"),
    ("SIP - what does it focus on?", "what does SIP focus on?"),
    ("Nantong - who are its partners?", "who are Nantong's partners?"),
    ("北沿江高铁：which places does it connect?", "which places does 北沿江高铁 connect?"),
    ("Which parks does Qidong have?", None),
    ("What - is this", None),
    ("Looking for a park with new materials - which ones have it?", None),
    ("Atlantis - what does it focus on?", None)])
def test_the_topic_is_said_where_the_question_speaks_of_it(store: Any, question: str,
                                                           said: str | None) -> None:
    from queries.ask import gazetteer

    assert topic_first(question, gazetteer(store)) == said


@pytest.mark.parametrize(("question", "expected"), [
    ("Sutong park - who were the shareholders?", {"org:cssd", "org:nantong-etdz"}),
    ("Sutong park: who were the shareholders and what stakes?", {"org:cssd"}),
    ("SIP: which industries does it have?", {"industry:biomedicine"}),
    ("Nantong - who are its partners?", {"city:shanghai", "city:suzhou"}),
    ("北沿江高铁 - which places does it connect?", {"city:haimen", "city:qidong"})])
def test_a_question_about_a_topic_said_first(store: Any, question: str,
                                             expected: set[str]) -> None:
    got = _check(store, question, expected)
    assert any("Read as" in n for n in got.parsed.notes)


# -- a tier and a kind said together before the asking words ------------------------------------

@pytest.mark.parametrize(("question", "count"), [
    ("南通的国家级开发区有几个", 5), ("南通国家级开发区有几个", 5), ("上海国家级开发区有几个", 6),
    ("南通 国家级开发区 有几个", 5), ("Nantong national parks - how many?", 5)])
def test_a_tier_said_with_the_kind_keeps_the_count_to_it(store: Any, question: str,
                                                         count: int) -> None:
    got = ask(store, question)
    assert got.count == count
    assert all(e.props.get("level") == "national" for e in got.entities)


def test_a_tier_and_kind_after_a_place_are_no_unknown_name(store: Any) -> None:
    got = _check(store, "南通的国家级开发区", {"park:nantong-etdz-park"},
                 {"park:jiatong-pta-project"}, "Park")
    assert all(e.props.get("level") == "national" for e in got.entities)


def test_a_name_the_graph_lacks_after_a_place_stays_refused(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "长三角G60科创走廊有哪些城市")


# -- a place, a kind and a date ------------------------------------------------------------------

@pytest.mark.parametrize("question", ["Nantong parks set up after 2015",
                                      "南通 2015年以后成立的园区",
                                      "Nantong parks established since 2016"])
def test_a_place_s_kind_since_a_year(store: Any, question: str) -> None:
    got = _check(store, question, {"park:suxitong-park"},
                 {"park:sutong-park", "park:nantong-etdz-park"}, "Park")
    assert any("2015" in n or "2016" in n for n in got.parsed.notes)


@pytest.mark.parametrize("question", ["苏州2010年以后的共建园区",
                                      "Suzhou co-built parks since 2010",
                                      "Suzhou co-built parks from 2010 onwards"])
def test_a_place_s_co_built_parks_since_a_year_keep_the_date(store: Any, question: str) -> None:
    _check(store, question, {"park:suxitong-park", "park:cssd-jiashan"},
           {"park:sutong-park", "park:suzhou-suqian"}, "Park")


# -- a kind alone with a tag ----------------------------------------------------------------------

@pytest.mark.parametrize(("question", "count"), [
    ("Crossings: how many?", True), ("过江通道——有几条？", True), ("bridges - which ones?", False),
    ("alliances - list?", False), ("联盟：有哪些", False)])
def test_a_kind_alone_with_a_tag(store: Any, question: str, count: bool) -> None:
    got = ask(store, question)
    assert got.entities and {e.label for e in got.entities} <= {"Infrastructure",
                                                                "Organization"}
    assert (got.count is not None) == count
