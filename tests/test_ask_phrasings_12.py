"""Readings of session 12, on both stores, with variants of our own (never copied from an eval
file):

- An industry named with a list its reading does not use (南通的石化园区, 南通做生物医药的
  园区) keeps the list to what has that industry or one under it, said in a note; before, the
  industry was dropped and every park in Nantong was listed. When nothing listed has it, `ask`
  says it cannot answer as read rather than list another kind.
- Two kinds asked (石化项目或者港口): the industry qualifies the projects only.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from tests.conftest import ask_lists

PETROCHEMICAL_IN_NANTONG = {"park:jiatong-pta-project", "park:petrochina-lanhai-project",
                            "park:tongzhou-bay-petrochemical-base"}
OTHER_NANTONG_PARKS = {"park:haian-etdz", "park:nantong-high-tech-zone",
                       "park:nantong-etdz-park", "park:china-jianghai-park"}


@pytest.mark.parametrize("question", ["南通的石化园区有哪些", "南通有哪些石化的园区？",
                                      "Which parks in Nantong do petrochemicals?"])
def test_an_industry_named_with_a_list_keeps_it_to_that_industry(store: Any,
                                                                 question: str) -> None:
    got = ask_lists(store, question, PETROCHEMICAL_IN_NANTONG, OTHER_NANTONG_PARKS, "Park")
    assert got.parsed.notes  # (kept to the industry, or to what lies in Nantong: said)


@pytest.mark.parametrize("question", ["南通做生物医药的园区有哪些", "启东搞生物医药的园区有哪些"])
def test_an_industry_done_by_parks_keeps_the_list_to_it(store: Any, question: str) -> None:
    ask_lists(store, question, {"park:dongjiang-biomedicine-park"},
              {"park:petrochina-lanhai-project", "park:china-jianghai-park"}, "Park")


def test_a_list_of_another_kind_is_not_given_for_an_industry_left_out(store: Any) -> None:
    """搞 read as adopting would list Nantong's mechanisms; kept to what has 石化 the reading
    finds none, and the answer is either those parks or a refusal, never the mechanisms."""
    try:
        got = ask(store, "南通搞石化的园区")
    except Unmappable:
        return
    assert {e.label for e in got.entities} <= {"Park"}


def test_two_kinds_asked_keep_the_industry_to_its_own(store: Any) -> None:
    ask_lists(store, "如东县有什么石化项目或者港口？",
              {"infra:yangkou-port", "park:jiatong-pta-project"})


# -- a state named as a stage (处于探索阶段的, "at the exploring stage") ------------------------

EXPLORING = {"mechanism:cost-sharing", "mechanism:dual-statistics"}


@pytest.mark.parametrize("question", ["南通处于探索阶段的机制有哪些",
                                      "Which of Nantong's mechanisms are at the exploring stage?"])
def test_a_state_named_as_a_stage_keeps_the_list_to_it(store: Any, question: str) -> None:
    got = ask_lists(store, question, EXPLORING, kind="Mechanism")
    assert len(got.entities) == 8


@pytest.mark.parametrize("question", ["处于探索阶段的机制有几个",
                                      "How many mechanisms are in the exploratory phase?"])
def test_every_thing_of_a_kind_in_a_state_is_counted_in_that_state(store: Any,
                                                                    question: str) -> None:
    """A list of every mechanism reads no relations: the stage is kept by the relations
    that adopt them, and said; before, every mechanism (16) was counted."""
    got = ask(store, question)
    assert got.count == 8 and {e.id for e in got.entities} >= EXPLORING
    assert any(n.startswith("Kept to those with a relation recorded as exploring")
               for n in got.parsed.notes)


def test_a_thing_with_its_own_state_is_kept_by_it(store: Any) -> None:
    """A crossing's own status (planned) decides, not the relations around it."""
    got = ask(store, "Which infrastructure projects are still only at the planning stage?")
    assert got.entities and all(e.props.get("status") == "planned" for e in got.entities)


# -- a formal membership asked (正式成员, formally, officially): MEMBER_OF alone --------------

NANTONG_MEMBER_OF = {"org:hu-su-tong-alliance", "org:yangtze-riverside-cities-council",
                     "org:yrd-city-economic-council", "region:jiangsu-coastal-belt",
                     "region:shanghai-metropolitan-circle", "region:su-xi-chang-tong-circle",
                     "region:yangtze-city-cluster"}
TAKING_PART_ONLY = {"org:yrd-ai-alliance", "org:policy-funds", "region:sunan"}


def test_a_formal_membership_counted_is_member_of_alone(store: Any) -> None:
    got = ask(store, "南通是几个区域组织或者城市圈的正式成员？")
    assert got.count == 7 and {e.id for e in got.entities} == NANTONG_MEMBER_OF


@pytest.mark.parametrize("question", ["Which groupings is Nantong formally a member of?",
                                      "南通正式加入了哪些组织"])
def test_a_formal_membership_listed_leaves_out_taking_part(store: Any, question: str) -> None:
    ask_lists(store, question, {"org:yrd-city-economic-council"}, TAKING_PART_ONLY)


def test_membership_without_formally_still_reads_taking_part(store: Any) -> None:
    ask_lists(store, "南通加入了哪些组织", {"org:yrd-city-economic-council", "org:yrd-ai-alliance"})


def test_the_source_of_a_figure_not_recorded_says_so(store: Any) -> None:
    """The sources of what is recorded are listed, and the missing figure is said first."""
    got = ask(store, "which source says Shanghai Chengtou holds 60% of the Jianghai park?")
    assert got.parsed.notes[-1].startswith("The graph records no share for")
    assert {e.id for e in got.entities} == {"source:facts-yicai-jianghai-2011"}
    held = ask(store, "which source gives the 51% stake CSSD held in the Sutong park?")
    assert not any(n.startswith("The graph records no") for n in held.parsed.notes)


# -- a place first, then the kind that lies in it (南通有哪些园区是做…的): those in the place --


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("南通有哪些园区是做生物医药的？", {"park:qidong-pudong-supporting-park"}, {"park:sip"}),
    ("苏州有哪些园区做生物医药", {"park:sip"},
     {"park:qidong-pudong-supporting-park", "park:husu-dafeng"}),
    ("启东有哪些园区做半导体", {"park:qidong-semiconductor-park"}, {"park:sip"}),
])
def test_a_place_said_first_keeps_the_kind_to_what_lies_in_it(
        store: Any, question: str, expected: set[str], never: set[str]) -> None:
    got = ask_lists(store, question, expected, never, "Park")
    assert any(n.startswith("Kept to what lies in") for n in got.parsed.notes)
