"""Yes-or-no verdicts decided through the relation the question's verb names (issue 11):
what two builders co-build together, where a link stops (rolled up, never down), what a place
has, a member through PARTICIPATES_IN, "still" on a relation that ended, 在不在.

The questions are this file's own variants (none is one of the reviewer's); each is asked on
both stores (the `store` fixture). A wrong "Yes" is as bad as a wrong "not recorded": both
directions are pinned.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from estuary.cli import app
from queries.ask import Unmappable, ask
from queries.ask.basis import basis
from queries.ask.listing import listed


def _verdict(store: Any, question: str) -> Any:
    got = ask(store, question)
    assert got.verdict is not None, (question, got.parsed.intent.name)
    return got


# -- co-building: a park both co-build, districts and seated bodies rolled up to their city ---


@pytest.mark.parametrize("question,park", [
    ("苏州和宿迁一起建过园区吗", "park:suzhou-suqian"),
    ("Have Changzhou and Yancheng built a park together?", "park:changzhou-yancheng"),
    ("上海和盐城有没有合作建设园区", None),
    ("南通和苏州有没有一起建园区", "park:suxitong-park"),
])
def test_two_builders_that_co_build_a_park_get_a_yes(store: Any, question: str,
                                                     park: str | None) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == "yes", got.verdict.text
    assert got.verdict.text.startswith("Yes — both co-build")
    ids = {e.id for e in got.verdict.entities}
    if park:
        assert park in ids
    assert any(r.type == "CO_BUILDS" for r in got.verdict.relations)


@pytest.mark.parametrize("question,through", [
    ("Did Wuxi and Taizhou jointly develop a park?", "江阴市"),
    ("宁波和衢州有没有合作共建园区", "鄞州区"),
])
def test_a_park_built_by_a_district_is_rolled_up_to_its_city(store: Any, question: str,
                                                              through: str) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == "yes"
    assert got.verdict.how.startswith(f"rolled up through {through}")
    assert got.verdict.text.startswith(f"Yes, rolled up through {through}")
    assert "LOCATED_IN" in got.verdict.text  # the step that makes it the city's


def test_two_builders_with_no_park_in_common_are_not_recorded(store: Any) -> None:
    got = _verdict(store, "Do Suzhou and Xuzhou build a park together?")
    assert got.verdict.answer == "not recorded"
    assert got.verdict.text.startswith("The graph does not record a Park that both")
    # the evidence printed is what each co-builds, and nothing there is shared
    sides = [{e.id for e in listed(r.result)} for r in got.ran]
    assert len(sides) == 2 and not (sides[0] & sides[1])


@pytest.mark.parametrize("question,answer,through", [
    ("无锡是不是江阴-靖江工业园区的共建方", "yes", "江阴市"),
    ("Is Wuxi a co-builder of the Jiangyin-Jingjiang industrial park?", "yes", "江阴市"),
    ("苏州是锡通科技产业园的共建方吗", "not recorded", None),
])
def test_a_city_co_builds_a_park_through_its_districts(store: Any, question: str, answer: str,
                                                       through: str | None) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == answer, got.verdict.text
    if through:
        assert got.verdict.how.startswith(f"rolled up through {through}")
    else:  # what it does record: the park's co-builders
        assert "co-builders on record" in got.verdict.text


# -- a link stops in a place, or in one inside it; never rolled down -------------------------


@pytest.mark.parametrize("question,how", [
    ("沪苏通铁路在常熟设站吗", "direct relation"),
    ("崇启大桥连不连启东", "direct relation"),
    ("Does the North Yangtze high-speed railway go through Suzhou?", "rolled up through 太仓市"),
    ("海太长江隧道通到南通吗", "rolled up through 海门区"),
    ("Does the Tong-Su-Jia-Yong railway stop in Jiaxing?", "rolled up through 嘉善县"),
])
def test_stop_in_and_go_through_are_connects_rolled_up(store: Any, question: str,
                                                       how: str) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == "yes", got.verdict.text
    assert got.verdict.how.startswith(how)
    assert all(r.type in ("CONNECTS", "LOCATED_IN") for r in got.verdict.relations)
    # the verdict is computed from the evidence printed: the link is listed there
    link = next(e for e in got.verdict.entities if e.label == "Infrastructure")
    assert any(link.id in {e.id for e in listed(r.result)} for r in got.ran)


@pytest.mark.parametrize("question", [
    "苏通大桥经过启东吗",  # it lands in 南通: not recorded on a county of Nantong
    "Does the Sutong bridge pass through Shanghai?",
    "Does the Hu-Su-Tong railway stop in Kunshan?",
])
def test_a_link_is_never_rolled_down_to_a_place_inside(store: Any, question: str) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == "not recorded", got.verdict.text
    assert "connecting:" in got.verdict.text  # what it does connect, said


# -- a place has an industry (its districts and the industries under it counted) ---------------


@pytest.mark.parametrize("question,answer,how", [
    ("苏州有没有生物医药产业", "yes", "direct relation"),
    ("Does Nantong have an automotive industry?", "yes", "rolled up through 汽车及零部件"),
    ("上海有船舶海工产业吗", "not recorded", "not recorded"),
    ("Does the Suzhou-Suqian industrial park have a biomedicine industry?", "not recorded",
     "not recorded"),
])
def test_has_an_industry_is_a_verdict(store: Any, question: str, answer: str,
                                      how: str) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == answer, got.verdict.text
    assert got.verdict.how.startswith(how)
    if answer == "yes":
        assert any(r.type == "HAS_INDUSTRY" for r in got.verdict.relations)


# -- a member: MEMBER_OF, or PARTICIPATES_IN as a member unit ---------------------------------


def test_a_member_unit_that_participates_is_a_member(store: Any) -> None:
    got = _verdict(store, "Is the Tongzhou Bay demonstration zone a member of the Taihu "
                          "fusion innovation alliance?")
    assert got.verdict.answer == "yes"
    assert "PARTICIPATES_IN" in got.verdict.how and "member unit" in got.verdict.text


def test_a_participant_in_another_role_is_no_member(store: Any) -> None:
    got = _verdict(store, "无锡是不是苏锡常通跨江融合产业协作联盟的成员")
    assert got.verdict.answer != "yes", got.verdict.text


# -- "still" uses the relation's dates ---------------------------------------------------------


def test_an_ended_relation_is_not_still_and_what_holds_now_is_said(store: Any) -> None:
    got = _verdict(store, "港闸区还在南通吗")
    assert got.verdict.answer == "not recorded"
    assert got.verdict.text.startswith("Not any more")
    assert "2020-07" in got.verdict.text and "崇川区" in got.verdict.text


def test_an_ended_co_building_is_not_still(store: Any) -> None:
    got = _verdict(store, "Does CSSD still co-build the Sutong park?")
    assert got.verdict.answer == "not recorded"
    assert "2020-05" in got.verdict.text


def test_a_relation_that_has_not_ended_is_still_held(store: Any) -> None:
    got = _verdict(store, "南通现在还属于上海大都市圈吗")
    assert got.verdict.answer == "yes"


# -- 在不在 asks "is it in or not": no negation ------------------------------------------------


def test_in_or_not_is_a_yes_or_no_question(store: Any) -> None:
    got = _verdict(store, "昆山开发区在不在苏州")
    assert got.verdict.answer == "yes"
    assert got.verdict.how.startswith("rolled up through 昆山市")


def test_a_list_asked_in_the_negative_is_still_refused(store: Any) -> None:
    with pytest.raises(Unmappable, match="what is not so"):
        ask(store, "哪些园区不在南通")


# -- the basis and the CLI say the same ---------------------------------------------------------


def test_basis_and_json_follow_the_verdict(store: Any) -> None:
    got = _verdict(store, "Does the North Yangtze high-speed railway go through Suzhou?")
    assert basis(got).how.startswith("rolled up through 太仓市")
    assert got.to_dict()["verdict"]["answer"] == "yes"


def test_cli_prints_the_verdict_first(runner: Any, db: Any) -> None:
    result = runner.invoke(app, ["ask", "苏州和宿迁有没有共建园区", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["verdict"]["answer"] == "yes"
    result = runner.invoke(app, ["ask", "北沿江高铁在苏州设站吗"])
    assert result.exit_code == 0, result.output
    assert result.output.lstrip().startswith("Yes, rolled up through 太仓市")


# -- a question that asks more than whether the relation holds is not answered by a plain yes --


@pytest.mark.parametrize("question", [
    "南通的集成电路产业是千亿级吗",  # a tier asked: 集成电路 is not 千亿级 in Nantong
    "Does Suzhou co-build more parks than Wuxi?",
    "Did Suzhou co-build a park with Suqian before 2000?",  # since 2006-11
])
def test_a_qualified_question_gets_no_plain_yes(store: Any, question: str) -> None:
    try:
        got = ask(store, question)
    except Unmappable:
        return
    assert got.parsed.intent.name not in ("check:industry", "check:shared", "check:builds")
    assert got.verdict is None or got.verdict.answer != "yes", got.verdict.text


# -- belonging between two places is being located in ---------------------------------------


@pytest.mark.parametrize("question,place", [
    ("Does Haimen belong to Nantong?", "city:nantong"),
    ("Does Pudong belong to Shanghai?", "city:shanghai"),
    ("Is Rugao part of Nantong?", "city:nantong"),
])
def test_a_district_belongs_to_its_city(store: Any, question: str, place: str) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == "yes", got.verdict.text
    assert [r.type for r in got.verdict.relations] == ["LOCATED_IN"]
    assert got.verdict.relations[0].end == place


@pytest.mark.parametrize("question", [
    "Does Kunshan belong to Nantong?",  # a neighbour's county: never a yes
    "Does Haimen belong to Suzhou?",
])
def test_a_county_does_not_belong_to_another_city(store: Any, question: str) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == "not recorded", got.verdict.text


@pytest.mark.parametrize("question", [
    "无锡和南通有没有一起建过园区",  # two builders
    "Does the Hu-Su-Tong railway stop in Suzhou?",  # rolled up through its counties
])
def test_a_routed_verdict_names_its_sources_by_title_not_id(store: Any, question: str) -> None:
    got = _verdict(store, question)
    assert got.verdict.answer == "yes", got.verdict.text
    assert "source " in got.verdict.text
    assert "source source:" not in got.verdict.text, got.verdict.text
