"""Lists and counts an analyst can trust (issue 11, review6's findings): a kind word counts
its kind only, an English place the graph does not hold is refused (not read as another), a
count leaves out what has ended and says so, a crossing is a crossing from either side, an
alliance's members include those that take part as members, and the basis line says how the
list was made.

The questions are this file's own variants (none is taken from tests/eval/); each is asked
on both stores (the `store` fixture).
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from queries.ask.other_names import is_pinyin, names_another

# -- a kind word counts its kind: councils are listed beside alliances, never counted ---------


@pytest.mark.parametrize("question,n,alliances", [
    ("How many alliances is Wuxi in?", 1, {"org:su-xi-chang-tong-industry-alliance"}),
    ("常州加入了几个联盟？", 1, {"org:su-xi-chang-tong-industry-alliance"}),
    ("how many alliances does Ningbo belong to", 0, set()),
    ("宁波是几个联盟的成员？", 0, set()),
])
def test_a_count_of_alliances_counts_no_council(store: Any, question: str, n: int,
                                                alliances: set[str]) -> None:
    got = ask(store, question)
    assert got.count == n, [e.id for e in got.entities]
    listed = {e.id for e in got.entities}
    assert alliances <= listed
    notes = got.to_dict()["notes"]
    if listed - alliances:  # the councils are listed too, said to be councils
        assert any("kind council" in note and "not counted" in note for note in notes), notes


def test_a_count_of_councils_counts_councils(store: Any) -> None:
    got = ask(store, "How many councils is Ningbo in?")
    assert got.count == 2
    assert {e.props.get("kind") for e in got.entities} == {"council"}


def test_alliances_or_councils_counts_both(store: Any) -> None:
    got = ask(store, "How many alliances or councils is Wuxi in?")
    assert got.count == 2, [e.id for e in got.entities]


# -- an English place the graph does not hold is refused, not read as one it does ---------------


@pytest.mark.parametrize("question", [
    "Which parks has Fuzhou co-built?",          # not Huzhou nor Quzhou
    "Which parks has Hangzhou set up with others?",  # not Changzhou
    "What industries does Hangzhou have?",
])
def test_an_english_place_not_held_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


@pytest.mark.parametrize("question,read_as", [
    ("Which parks has Changzou co-built?", "city:changzhou"),   # a letter dropped
    ("What industries does Suzohu have?", "city:suzhou"),       # two letters swapped
])
def test_a_misspelt_place_is_still_read(store: Any, question: str, read_as: str) -> None:
    got = ask(store, question)
    assert read_as in {e.id for e in got.parsed.slots.values()}
    assert any("Read " in note for note in got.parsed.notes)


@pytest.mark.parametrize("word,form,label,other", [
    ("hangzhou", "changzhou", "City", True),
    ("fuzhou", "huzhou", "City", True),
    ("changsha", "changshu", "City", True),
    ("suzhuo", "suzhou", "City", False),
    ("shangai", "shanghai", "City", False),
    ("nantongg", "nantong", "City", False),
    ("biomedecine", "biomedicine", "Industry", False),  # not a place: a misspelling
])
def test_which_words_name_another_place(word: str, form: str, label: str, other: bool) -> None:
    assert names_another(word, form, label) is other


def test_pinyin_runs() -> None:
    assert is_pinyin("hangzhou") and is_pinyin("changshu")
    assert not is_pinyin("nantongg") and not is_pinyin("wuxixx")


# -- a count leaves out what has ended, and says so ----------------------------------------------


@pytest.mark.parametrize("question", [
    "南通下辖几个区县？",
    "How many districts and counties are in Nantong?",
    "南通现在有哪些区县？",
])
def test_a_count_or_a_list_of_now_leaves_out_an_ended_district(store: Any,
                                                                question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert "city:gangzha" not in ids and {"city:chongchuan", "city:haimen"} <= ids
    if got.count is not None:
        assert got.count == 7
        assert any(e.id == "city:gangzha" and when == "2020-07" for e, when in got.ended)
        assert any("until 2020-07" in n for n in got.to_dict()["notes"])


def test_a_count_of_the_past_keeps_what_ended(store: Any) -> None:
    got = ask(store, "How many districts did Nantong have in the past?")
    assert "city:gangzha" in {e.id for e in got.entities}


def test_a_count_of_co_built_parks_leaves_out_a_merged_one(store: Any) -> None:
    got = ask(store, "How many parks has Wuxi co-built?")
    assert "park:xitong-park" not in {e.id for e in got.entities}
    assert "park:xitong-park" in {e.id for e, _ in got.ended}
    assert got.count == len(got.entities)
