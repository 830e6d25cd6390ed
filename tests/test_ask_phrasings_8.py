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


def _check(store: Any, question: str, expected: set[str], never: set[str],
           kind: str | None = None) -> Any:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert expected <= ids and not ids & never, ids
    if kind is not None:
        assert {e.label for e in got.entities} == {kind}, ids
    return got


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
