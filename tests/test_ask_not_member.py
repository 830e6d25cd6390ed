"""A membership the graph does not record is answered with the members it does record
(queries/ask/not_member.py), never with a "no" and never with an unrelated route.

Data: 沪苏通产业链联盟 (org:hu-su-tong-alliance) has MEMBER_OF from 南通, 上海 and 苏州
(seed-article); nothing makes 无锡 or 常州 a member of it.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask


@pytest.mark.parametrize("question", [
    "沪苏通产业链联盟里有没有无锡？",
    "Is Changzhou in the Hu-Su-Tong alliance?",
    "无锡是沪苏通产业链联盟的成员吗",
    "Is Wuxi a member of the Shanghai-Suzhou-Nantong industrial chain alliance?",
])
def test_an_unrecorded_member_gets_the_recorded_members(store: Any, question: str) -> None:
    got = ask(store, question)
    verdict = got.verdict
    assert verdict is not None and not verdict.held and verdict.answer == "not recorded"
    assert "The members it records (3)" in verdict.text
    assert all(name in verdict.text for name in ("南通", "上海", "苏州"))
    assert "Not a no" in verdict.text and "route" not in verdict.text
    assert {r.start for r in verdict.relations} >= {"city:nantong", "city:shanghai",
                                                    "city:suzhou"}
    assert got.entities == ()  # still not an answer that lists anything
    assert not any(r.query == "shortest_paths" for r in got.ran)  # no route through industries


@pytest.mark.parametrize("question", [
    "无锡和沪苏通产业链联盟有关系吗",  # any relation, not membership
    "沪苏通产业链联盟和长三角城市经济协调会有关系吗",  # two groups
    "长江三角洲城市经济协调会是沪苏通产业链联盟的成员吗",  # two groups, each with members
])
def test_other_questions_are_not_read_as_membership(store: Any, question: str) -> None:
    verdict = ask(store, question).verdict
    assert verdict is not None and "members it records" not in verdict.text


def test_a_recorded_member_is_a_yes(store: Any) -> None:
    verdict = ask(store, "苏州是沪苏通产业链联盟的成员吗").verdict
    assert verdict is not None and verdict.answer == "yes"


def test_two_places_are_not_read_as_membership(store: Any) -> None:
    # 启东 and 江苏: containment (rolled up through 南通), not a list of members
    verdict = ask(store, "Is Qidong in Jiangsu?").verdict
    assert verdict is not None and verdict.held and "members it records" not in verdict.text
