"""`ask` on phrasings written for the rules learnt from rounds 9 and 10 (ask17).

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the question asks for
a kind, every entity listed is of that kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ask_lists as _check

# -- a yes-or-no first part lists no entity of another kind than the later part asks for -----

@pytest.mark.parametrize("question", [
    "南通是扬子江城市群的成员吗？它还加入了哪些城市圈",
    "南通是不是上海都市圈的成员？它还属于哪些经济圈",
])
def test_a_yes_or_no_part_does_not_leak_its_subject(store: Any, question: str) -> None:
    _check(store, question, {"region:shanghai-metropolitan-circle",
                             "region:su-xi-chang-tong-circle"}, {"city:nantong", "city:wuxi"},
           "Region")


# -- 城市圈, 经济带: region words, not 城市 (a city) ---------------------------------------------

@pytest.mark.parametrize("question", ["南通属于哪些城市圈", "南通还在哪些城市圈和经济带里"])
def test_a_circle_of_cities_is_a_region(store: Any, question: str) -> None:
    _check(store, question, {"region:shanghai-metropolitan-circle"}, set(), "Region")


# -- 存在 (exists) is no 在 (located in): what a park was merged into is a park ---------------

@pytest.mark.parametrize("question", [
    "苏通科技产业园如今还单独存在吗？它并入了哪个园区",
    "苏通科技产业园还存在吗？合并到哪了",
])
def test_still_exists_then_merged_into_answers_the_park(store: Any, question: str) -> None:
    _check(store, question, {"park:suxitong-park"}, {"city:nantong"}, "Park")


# -- a relation's state asks for what it reaches: "what has X only planned" -----------------

@pytest.mark.parametrize("question", [
    "what has Nantong only planned so far?",
    "南通只规划了哪些机制",
    "南通在改革成果共享方面还只是规划了什么",
    "In terms of the reform-sharing task, what has Nantong only planned, not started?",
])
def test_only_planned_lists_the_mechanisms_of_that_status(store: Any, question: str) -> None:
    _check(store, question, {"mechanism:promotion-list"},
           {"initiative:reform-sharing-task", "mechanism:cost-sharing"}, "Mechanism")


# -- a status said as such, with a count: only that status is counted ----------------------

@pytest.mark.parametrize("question", [
    "南通状态为探索的机制有几个",
    "南通目前状态仍是'探索'的机制一共多少个",
    "How many mechanisms does Nantong have with status exploring?",
])
def test_a_status_said_with_a_count_counts_only_that_status(store: Any, question: str) -> None:
    got = _check(store, question, {"mechanism:cost-sharing"}, {"mechanism:promotion-list"},
                 "Mechanism")
    assert got.count == 8


# -- merged, both directions: 园子 is a park word; "merged into what, and when" keeps the list --

@pytest.mark.parametrize("question", [
    "苏锡通园区由哪几个园子合并而来",
    "苏锡通科技产业园区是哪些园子并成的？",
])
def test_which_parks_were_merged_into_one(store: Any, question: str) -> None:
    _check(store, question, {"park:sutong-park", "park:xitong-park"}, set(), "Park")


@pytest.mark.parametrize("question", [
    "What was the Sutong park folded into, and when?",
    "苏通科技产业园并入了哪个园区，是哪一年",
])
def test_merged_into_what_and_when_answers_the_park(store: Any, question: str) -> None:
    _check(store, question, {"park:suxitong-park"}, {"city:nantong"}, "Park")


# -- "<place>那个/那些园区是谁和谁建的": the builders of the parks that lie in it ------

@pytest.mark.parametrize("question", ["泗洪那个园区是谁和谁一起建的", "泗洪那些园区是谁跟谁合建的"])
def test_who_and_who_built_the_park_over_there(store: Any, question: str) -> None:
    _check(store, question, {"city:changshu", "city:suqian"}, set())
