"""Readings of session 16, on both stores, with variants of our own (never copied from an eval
file):

- A city said right before the word for its districts (沪苏通铁路二期经过上海哪些区, "which
  Shanghai districts have co-built parks with Nantong") keeps the answer to its districts:
  the city is the place they lie in, neither one of the cities asked for nor an answer itself.
- "parks that list X as a (lead) industry" are the parks hosting X; "sites" are parks.
- When a thing was formed or approved (何时组建, 哪年获批) is its `established`.
- "Who approved X, and when?", "When and by whom was X approved?", X是由哪些部门批准的，什么时候:
  where the relations listed hold no date, X's own date is the second part's answer, not lost.
- A name said again in other words after it ("the Sutong park, the old cross-river park …")
  asks nothing more; its words are not read as a second thing.
- "叫什么名字", "哪一年开始的" after a yes (有没有共建园区) are told from its evidence (the
  park's name, the dates on its relations).
- A kind word that is a verb too, said as one (哪些机构部署推进的: 部署 is what they did) is the
  verb: the kind asked stays the one before it.
- 国家级经开区 / "national-level ETDZs" are national ETDZs (no high-tech or bonded zone);
  国家级开发区 stays every national zone.
- A figure read elsewhere, then how many the graph records (听说南通有6个国家级开发区，你们这里
  收录了几个, "I heard Qidong has 9 parks. How many does the dataset list?"): the count asked.
- 产业链联盟 / "industry chain alliances" are alliances, never the councils 联盟 also shows.
- When a thing that records no date of its own was set up (长三角人工智能产业联盟是什么时候成立的)
  is told from the dates on its relations, said to be those, not refused.
- A remark that sources differ (网上说法都不一样, "Different sources give different figures.")
  asks nothing: the figure is the answer, never a list of sources.
- "What co-built parks are there?" (no builder named) lists the parks of a co-building kind, as
  有哪些共建园区 does; "does Rugao have a national-level development zone" asks for such a
  zone in Rugao, not Rugao's tier.
- A stated fact put to be checked ("Is it true that …", "Confirm …", "Draft says … Confirm.",
  "Did X really take N% of Y?", …，对吗) is a verdict on the figures it states: a date to the
  precision both give, a share on a relation between the two named, an area; "No" with the
  recorded value when one differs; a state put to be checked ("Confirm the railway is in
  service") is its status; a figure the graph never records (a span) is no claim it checks.
- A later part asking a value its subject records itself (规划面积多少 after 横跨哪几个区县) is
  the subject's own value, not a sum over the first part's list.
- "semiconductor", "chipmaking" name the semiconductor industry; "Which semiconductor parks
  are in Nantong?" is the parks there doing it (never one park whose name drops its place,
  nor every park there); "Any X in Y?" asks whether there is.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from queries.ask.parsing import Unmappable

SHANGHAI_RAIL_DISTRICTS = {"city:jiading", "city:baoshan", "city:pudong", "city:fengxian"}


@pytest.mark.parametrize("question", ["沪苏通铁路二期经过上海哪些区？",
                                      "Which Shanghai districts does the Hu-Tong railway "
                                      "phase 2 pass through?"])
def test_a_citys_districts_keep_to_it(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert ids and ids <= SHANGHAI_RAIL_DISTRICTS
    assert "city:shanghai" not in ids


@pytest.mark.parametrize("question", ["上海哪些区和南通共建了园区？",
                                      "Which Shanghai districts have co-built parks with "
                                      "Nantong?"])
def test_partners_among_a_citys_districts(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert got.parsed.intent.name == "partners"
    assert {"city:pudong", "city:chongming"} <= ids
    assert not ids & {"city:shanghai", "city:suzhou", "city:wuxi"}


@pytest.mark.parametrize("question,park", [
    ("Which parks in Qidong list auto parts as a lead industry?",
     "park:qidong-pudong-supporting-park"),
    ("Which sites in Rudong focus on petrochemicals?", "park:jiatong-pta-project")])
def test_listed_as_an_industry_and_sites(store: Any, question: str, park: str) -> None:
    got = ask(store, question)
    assert park in {e.id for e in got.entities}
    assert {e.label for e in got.entities} == {"Park"}


@pytest.mark.parametrize("question,park", [
    ("苏锡通园区何时组建？", "park:suxitong-park"),
    ("南通综保区哪年获批的？", "park:nantong-comprehensive-bonded-zone")])
def test_formed_or_approved_is_its_date(store: Any, question: str, park: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:established"
    assert [e.id for e in got.parsed.slots.values()] == [park]


@pytest.mark.parametrize("question", ["通州湾示范区是由哪些部门批准的，什么时候？",
                                      "When and by whom was the Tongzhou Bay zone approved?",
                                      "Who approved the Tongzhou Bay zone, and when?"])
def test_who_and_when_keeps_the_when(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"org:ndrc", "org:jiangsu-government", "park:tongzhou-bay-demo-zone"} <= ids
    dated = got.parts[-1].answer
    assert any(prop == "established" for _, prop, _ in dated.values)


def test_a_name_said_again_is_no_second_thing(store: Any) -> None:
    got = ask(store, "Who co-builds the Sutong park, the old cross-river park north of the "
                     "river?")
    ids = {e.id for e in got.entities}
    assert "org:cssd" in ids and "park:suxitong-park" not in ids


def test_name_and_date_after_a_yes_come_from_its_evidence(store: Any) -> None:
    got = ask(store, "苏州和盐城有没有共建园区？叫什么名字？哪一年开始的？")
    assert len(got.parts) == 3
    named = {prop: value for _, prop, value in got.parts[1].answer.values}
    assert named.get("name") == "苏州盐城沿海合作开发园区"
    assert any(prop == "since" for _, prop, _ in got.parts[2].answer.values)


def test_a_kind_word_said_as_a_verb_is_the_verb(store: Any) -> None:
    got = ask(store, "协同区是哪些机构部署推进的？")
    ids = {e.id for e in got.entities}
    assert {"org:jiangsu-party-committee", "org:jiangsu-government"} <= ids
    assert {e.label for e in got.entities} == {"Organization"}


@pytest.mark.parametrize("question,count", [("如皋有几个国家级经开区？", 1),
                                            ("How many national-level ETDZs does Nantong "
                                             "have?", 3)])
def test_national_etdzs_are_etdzs(store: Any, question: str, count: int) -> None:
    got = ask(store, question)
    assert got.count == count
    assert all(e.props.get("kind") == "etdz" for e in got.entities)


@pytest.mark.parametrize("question,count", [
    ("听说南通有6个国家级开发区，你们这里收录了几个？", 5),
    ("I heard Qidong has 9 parks. How many does the dataset list?", 7)])
def test_a_figure_read_elsewhere_then_the_count(store: Any, question: str, count: int) -> None:
    got = ask(store, question)
    assert got.count == count
    assert {e.label for e in got.entities} == {"Park"}


def test_chain_alliances_are_no_councils(store: Any) -> None:
    got = ask(store, "南通加入了哪些产业链联盟？")
    assert "org:yrd-ai-alliance" in {e.id for e in got.entities}
    assert {e.props.get("kind") for e in got.entities} == {"alliance"}


@pytest.mark.parametrize("question,alliance", [
    ("长三角人工智能产业联盟是什么时候成立的？", "org:yrd-ai-alliance"),
    ("When was the YRD biomedicine alliance launched?", "org:yrd-biomedicine-alliance")])
def test_a_date_from_the_relations_is_said_so(store: Any, question: str, alliance: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:established"
    assert [e.id for e in got.parsed.slots.values()] == [alliance]
    assert any("not a founding date" in n for n in got.parsed.notes)
    assert any(prop == "since" for _, prop, _ in got.values)


@pytest.mark.parametrize("question,park", [
    ("How large is the Sutong park? Different sources give different figures.",
     "park:sutong-park"),
    ("苏锡通园区有多大 网上说法都不一样", "park:suxitong-park")])
def test_a_remark_on_sources_asks_nothing(store: Any, question: str, park: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:area_km2"
    assert {e.id for e in got.entities} == {park}


@pytest.mark.parametrize("question", ["What co-built parks are there?",
                                      "How many co-built parks are there?"])
def test_co_built_parks_with_no_builder(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "every:Park"
    kinds = {e.props.get("kind") for e in got.entities}
    assert kinds <= {"co-built-park", "paired-park"} and "park:sip" not in {
        e.id for e in got.entities}
    assert len(got.entities) >= 20


def test_a_zone_of_a_level_had_by_a_place_is_no_tier(store: Any) -> None:
    got = ask(store, "Does Rugao have a national-level development zone?")
    assert not got.parsed.intent.name.startswith("property:")
    assert "park:rugao-etdz" in {e.id for e in got.entities}


@pytest.mark.parametrize("question,held,no,thing", [
    ("Is it true that the Sutong bridge opened to traffic in June 2008?", True, False,
     "infra:sutong-bridge"),
    ("My draft says the Chongqi Bridge opened in 2013. Confirm.", True, True,
     "infra:chongqi-bridge"),
    ("苏通大桥是2010年通车的，对吗？", True, True, "infra:sutong-bridge"),
    ("Did the Shanghai Airport Authority really hold 51 percent of the new Nantong airport?",
     True, False, "org:shanghai-airport-authority"),
    ("Is it true CSSD held 70% of the Sutong park?", True, True, "org:cssd"),
    ("Check: Lin-gang was set up in August 2019 with 119.5 sq km?", True, False,
     "region:lingang")])
def test_a_stated_fact_is_checked(store: Any, question: str, held: bool, no: bool,
                                  thing: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "check:claim"
    assert got.verdict is not None and got.verdict.held is held and got.verdict.no is no
    assert thing in {e.id for e in got.entities}


def test_a_state_put_to_be_checked_is_its_status(store: Any) -> None:
    got = ask(store, "Confirm that the Zhangjinggao bridge is already open.")
    assert got.verdict is not None and got.verdict.no
    assert "under-construction" in got.verdict.text


def test_a_figure_never_recorded_is_no_claim_checked(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "My draft puts the Sutong bridge's main span at 1,088 m. Confirm.")


def test_a_later_part_asks_the_subjects_own_value(store: Any) -> None:
    got = ask(store, "张江长三角科技城在哪几个区县？规划面积是多少？")
    ids = {e.id for e in got.entities}
    assert "park:zhangjiang-yrd-sci-tech-city" in ids
    assert any(prop == "area_km2" and "张江" in of for of, prop, _ in got.parts[-1].answer.values)


@pytest.mark.parametrize("question", ["Which chipmaking parks are in Nantong?",
                                      "Which semiconductor parks are in Nantong?"])
def test_semiconductor_parks_are_those_doing_it(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == {"park:qidong-semiconductor-park"}


def test_any_x_in_y_is_asked_whether_there_is(store: Any) -> None:
    got = ask(store, "Any biomedicine park in Qidong?")
    assert got.verdict is not None and got.verdict.held
    assert "park:dongjiang-biomedicine-park" in {e.id for e in got.entities}
