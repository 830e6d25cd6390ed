"""`ask` on phrasings still refused after session 5 (ask19): members of a kind, comparisons
on several aspects, places within a region, shares, who leads.

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the question asks for
a kind, every entity listed is of that kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from tests.conftest import ask_lists as _check

# -- an alliance's members: the listed ones and those taking part as a member unit ----------

@pytest.mark.parametrize("question", [
    "Who are the members of the Taihu fusion innovation alliance?",
    "太湖融合创新联盟的成员有哪些",
    "太湖融合创新联盟都有谁",
])
def test_a_member_unit_is_a_member(store: Any, question: str) -> None:
    _check(store, question, {"park:tongzhou-bay-demo-zone", "org:sjtu-yrd-institute"},
           {"city:nantong"})


def test_taking_part_without_a_member_role_is_no_member(store: Any) -> None:
    # the cities that take part through their chambers are not listed beside the members
    got = _check(store, "长三角人工智能产业联盟的成员有哪些", {"org:iflytek", "org:zju"},
                 set())
    assert all(e.label == "Organization" for e in got.entities)


# -- members of one kind, with "sit in/on" -------------------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which universities sit in the YRD AI industry alliance?",
     {"org:fudan-university", "org:sjtu", "org:zju", "org:ustc"}, {"org:iflytek"}),
    ("which companies sit on the YRD AI alliance",
     {"org:iflytek", "org:sensetime", "org:yitu"}, {"org:fudan-university"}),
    ("Which research institutes sit in the Taihu fusion innovation alliance?",
     {"org:sass-economics-institute", "org:sjtu-yrd-institute"},
     {"org:caeda-yrd-department", "park:tongzhou-bay-demo-zone"}),
])
def test_members_of_a_kind_sit_in_an_alliance(store: Any, question: str, expected: set[str],
                                              never: set[str]) -> None:
    _check(store, question, expected, never, "Organization")


def test_a_park_still_sits_in_its_city(store: Any) -> None:
    _check(store, "which parks sit in Nantong?", {"park:sutong-park"}, set(), "Park")


# -- a thing named by its owner and a word for it: the zone's construction plan --------------

@pytest.mark.parametrize("question", [
    "Who drafted the collaboration zone's construction plan?",
    "Which leading group drew up the zone's construction plan?",
    "长江口产业创新协同区的建设方案是谁提出的",
    "协同区建设方案是哪个领导小组负责起草的",
])
def test_who_drew_up_the_owners_plan(store: Any, question: str) -> None:
    _check(store, question, {"org:jiangsu-yrd-leading-group"},
           {"org:jiangsu-plenary-14-4", "region:yrd-collaboration-zone"}, "Organization")


def test_a_possessive_without_a_thing_of_that_name_stays_the_owner(store: Any) -> None:
    got = ask(store, "Which parks are in Nantong's Qidong?")
    assert "park:qidong-pudong-collab-park" in {e.id for e in got.entities}


# -- what the first reaches that relates to the second: listed for the zone ----------------

@pytest.mark.parametrize("question", [
    "What has the Jiangsu YRD leading group put on its list for the estuary zone?",
    "What did the Jiangsu YRD integration leading group draw up for the zone?",
])
def test_what_a_body_proposed_for_a_zone(store: Any, question: str) -> None:
    _check(store, question, {"initiative:zone-construction-plan"},
           {"org:jiangsu-yrd-leading-group"})


# -- 哪些区 after a verb a zone is the object of: zones where no district is ------------------

@pytest.mark.parametrize("question", ["江苏省政府批准过哪些区", "国家发改委批了哪些区？"])
def test_which_zones_a_government_approved(store: Any, question: str) -> None:
    got = _check(store, question, {"park:tongzhou-bay-demo-zone"}, set())
    assert not {e.label for e in got.entities} - {"Park", "Region"}


# -- where in a region a line goes: its stops there, counties of its cities included ---------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Where in Zhejiang does the Tong-Su-Jia-Yong railway stop?",
     {"city:jiaxing", "city:ningbo", "city:jiashan"}, {"city:suzhou", "city:nantong"}),
    ("where in Jiangsu does the Tongsujiayong railway run?",
     {"city:suzhou", "city:zhangjiagang", "city:changshu", "city:nantong"},
     {"city:ningbo", "city:jiaxing"}),
    ("通苏嘉甬铁路在浙江境内停哪些地方",
     {"city:jiaxing", "city:ningbo", "city:jiashan"}, {"city:suzhou"}),
])
def test_where_in_a_region_a_line_goes(store: Any, question: str, expected: set[str],
                                       never: set[str]) -> None:
    _check(store, question, expected, never, "City")


# -- two states joined: either (在规划或在建的) ------------------------------------------------

@pytest.mark.parametrize("question", [
    "海门那边有哪些在建或规划中的过江通道",
    "Which river crossings at Haimen are planned or under construction?",
])
def test_planned_or_under_construction_keeps_both(store: Any, question: str) -> None:
    _check(store, question, {"infra:chonghai-crossing", "infra:haitai-tunnel"},
           {"infra:sutong-bridge"}, "Infrastructure")


def test_planned_said_with_a_kind_word_is_a_state_not_a_plan(store: Any) -> None:
    got = _check(store, "海门有哪些规划中的过江通道", {"infra:chonghai-crossing"},
                 {"infra:haitai-tunnel"}, "Infrastructure")
    assert got.entities


# -- what two have in common, on the aspects named (or all) ---------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("What do Changzhou and Wuxi have in common: industries and groupings?",
     {"industry:new-energy", "region:su-xi-chang-tong-circle",
      "org:su-xi-chang-tong-industry-alliance"}, set()),
    ("常州和无锡有什么共同点", {"industry:new-energy", "org:yrd-city-economic-council"}, set()),
    ("what do Changzhou and Wuxi share in terms of alliances?",
     {"org:su-xi-chang-tong-industry-alliance", "org:yrd-city-economic-council"},
     {"industry:new-energy", "region:su-xi-chang-tong-circle"}),
])
def test_in_common_on_the_aspects_named(store: Any, question: str, expected: set[str],
                                        never: set[str]) -> None:
    _check(store, question, expected, never)


def test_shared_industries_agree_with_links(store: Any) -> None:
    from queries.ask.listing import listed
    from queries.links import links

    got = ask(store, "南通和苏州在产业上有什么共同点")
    linked = {e.id for e in listed(links(store, "南通", "苏州", via="industry"))}
    assert linked and {e.id for e in got.entities} == linked


def test_one_kind_asked_in_common_is_the_grammars(store: Any) -> None:
    got = ask(store, "Which industries do Changzhou and Wuxi have in common?")
    assert {e.label for e in got.entities} == {"Industry"}
    assert "industry:new-energy" in {e.id for e in got.entities}


# -- shares per holder: the holders, and each one's share as a value ------------------------

@pytest.mark.parametrize("question", [
    "Who were the shareholders of the Sutong park, and how much did each hold?",
    "Who held shares in the Sutong Science and Technology Park and how much each?",
])
def test_holders_with_their_shares(store: Any, question: str) -> None:
    got = _check(store, question, {"org:cssd", "org:nantong-etdz", "org:jiangsu-nongken"},
                 {"park:sutong-park"})
    assert sorted(v for _, prop, v in got.values if prop == "share") == [10.0, 39.0, 51.0]


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which partners hold a majority stake in what they co-build?",
     {"org:cssd", "org:shanghai-airport-authority"},
     {"org:nantong-urban-construction", "org:nantong-etdz", "org:jiangsu-nongken"}),
    ("哪些企业在共建项目里控股", {"org:cssd", "org:shanghai-airport-authority"},
     {"org:nantong-etdz", "city:zhangjiagang"}),
    ("who holds stakes of more than half?", {"city:zhangjiagang", "org:cssd"},
     {"org:jiangsu-nongken"}),
])
def test_majority_stakes_across_the_graph(store: Any, question: str, expected: set[str],
                                          never: set[str]) -> None:
    _check(store, question, expected, never)


def test_every_stake_listed_when_no_condition(store: Any) -> None:
    got = _check(store, "who are the shareholders recorded in the graph?",
                 {"org:jiangsu-nongken", "org:nantong-urban-construction"}, set())
    assert got.parsed.intent.name == "stakes"


# -- how far a mechanism has got, asked with what it measures (GDP) -------------------------

@pytest.mark.parametrize("question", [
    "GDP双算在南通推进到哪一步了",
    "南通的GDP统计双算现在是什么状态",
])
def test_status_of_a_mechanism_named_with_what_it_counts(store: Any, question: str) -> None:
    got = _check(store, question, {"mechanism:dual-statistics"}, set())
    assert ("exploring" in {str(v) for _, prop, v in got.values if prop == "status"})


def test_a_figure_of_gdp_is_still_refused(store: Any) -> None:
    from queries.ask import Unmappable

    with pytest.raises(Unmappable):
        ask(store, "南通的GDP是多少")


# -- what a plan requires: what is recorded as part of it ------------------------------------

@pytest.mark.parametrize(("question", "expected"), [
    ("长三角一体化发展规划纲要有没有要求利益共享", {"mechanism:benefit-sharing"}),
    ("Does the YRD integration plan outline call for cost sharing?", {"mechanism:cost-sharing"}),
])
def test_a_plan_requires_what_is_part_of_it(store: Any, question: str,
                                            expected: set[str]) -> None:
    got = _check(store, question, expected | {"initiative:yrd-integration-outline"}, set())
    assert got.verdict is not None and got.verdict.text.startswith("Yes")


def test_which_mechanisms_a_plan_requires(store: Any) -> None:
    _check(store, "长三角规划纲要要求了哪些机制",
           {"mechanism:cost-sharing", "mechanism:benefit-sharing"}, set(), "Mechanism")


# -- "is X also in it": in the first part's subject, a verdict ------------------------------

@pytest.mark.parametrize(("question", "member"), [
    ("太湖融合创新联盟都有哪些成员？通州湾示范区在其中吗", "park:tongzhou-bay-demo-zone"),
    ("长三角人工智能产业联盟有哪些成员？浙江大学是不是也在里面", "org:zju"),
])
def test_also_in_it_asks_of_the_first_parts_subject(store: Any, question: str,
                                                    member: str) -> None:
    got = ask(store, question)
    second = got.parts[-1].answer
    assert second.verdict is not None and second.verdict.text.startswith("Yes")
    assert member in {e.id for e in second.entities}


def test_not_in_it_is_not_recorded(store: Any) -> None:
    got = ask(store, "太湖融合创新联盟都有哪些成员？南通在里面吗")
    second = got.parts[-1].answer
    assert second.verdict is not None and not second.verdict.text.startswith("Yes")


# -- what links two, on the aspects named: each in common ------------------------------------

def test_what_links_two_on_two_aspects(store: Any) -> None:
    _check(store, "what ties Changzhou and Wuxi together - industries or alliances?",
           {"industry:new-energy", "org:su-xi-chang-tong-industry-alliance"},
           {"region:su-xi-chang-tong-circle"})


def test_two_counties_have_their_city_in_common(store: Any) -> None:
    _check(store, "What do Haimen and Qidong have in common?", {"city:nantong"}, set())


def test_what_links_two_without_aspects_is_still_the_connection(store: Any) -> None:
    got = ask(store, "What links Suzhou and Nantong?")
    assert got.parsed.intent.name == "connection"


# -- a value asked beside a list of co-built parks -------------------------------------------

def test_the_share_beside_a_list_of_parks(store: Any) -> None:
    got = _check(store, "Which parks has CSSD put money into, and what share?",
                 {"park:sutong-park"}, set(), "Park")
    assert 51.0 in {v for _, prop, v in got.values if prop == "share"}


def test_what_a_leading_group_has_on_its_task_list(store: Any) -> None:
    _check(store, "What is on the Jiangsu YRD leading group's task list?",
           {"initiative:zone-construction-plan"}, {"org:jiangsu-yrd-leading-group"})


# -- a yes-or-no on the stage a mechanism has reached: from the relations that adopt it ------

@pytest.mark.parametrize(("question", "yes"), [
    ("统计指标双算还处在探索阶段吗", True),
    ("Is cost sharing still at the exploring stage in Nantong?", True),
    ("南通的成本共担是不是已经到了应用阶段", False),
    ("Has Nantong's fiscal and tax sharing reached the applying stage yet?", False),
])
def test_the_stage_a_mechanism_has_reached(store: Any, question: str, yes: bool) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.held
    assert got.verdict.text.startswith("Yes" if yes else "No — its status is exploring")
    assert "city:nantong" in {e.id for e in got.entities}


def test_the_stage_asked_after_how_far_it_has_got(store: Any) -> None:
    got = ask(store, "统计双算在南通推进到什么程度了？是在探索阶段吗")
    # (since session 10 the status check reads the whole question: one verdict that says
    # the status, which answers how far it has got too)
    verdict = got.verdict if getattr(got, "verdict", None) is not None else (
        got.parts[-1].answer.verdict)
    assert verdict.text.startswith("Yes") and "exploring" in verdict.text


def test_in_common_with_a_misspelt_name(store: Any) -> None:
    got = _check(store, "what do Changzou and Wuxi have in common?",
                 {"industry:new-energy", "region:su-xi-chang-tong-circle"}, set())
    assert any("Changzou" in n for n in got.parsed.notes)


# -- one builder's partners in one thing built: the other co-builders ------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Who was Wuxi's partner in the Xitong park before it merged?", {"city:nantong"},
     {"city:wuxi"}),
    ("南通在苏通科技产业园的合作方有哪些", {"org:cssd", "org:jiangsu-nongken"},
     {"city:nantong", "org:nantong-etdz"}),
    ("Which bodies were Suzhou's partners in the Sutong park?",
     {"org:nantong-etdz", "org:jiangsu-nongken"}, {"city:suzhou", "org:cssd"}),
])
def test_partners_of_one_builder_in_one_park(store: Any, question: str, expected: set[str],
                                             never: set[str]) -> None:
    _check(store, question, expected, never)


def test_a_share_of_a_park_is_no_comparison(store: Any) -> None:
    got = ask(store, "What share of the Sutong park did the Nantong ETDZ hold?")
    assert not got.parsed.intent.name.startswith("in-common")
    assert 39.0 in {v for _, prop, v in got.values if prop == "share"}


def test_one_of_the_co_builders_stays_a_verdict(store: Any) -> None:
    got = ask(store, "Is Nantong one of the co-builders of the Xitong park?")
    assert got.verdict is not None and got.verdict.text.startswith("Yes")
