"""Readings of session 15, on both stores, with variants of our own (never copied from an eval
file):

- A date asked as when a thing started (何时启动) or which of two came first (谁先…, "which came
  first, A or B") is its `established`.
- "How many pieces of X does the dataset track" counts the kind (pieces of, the dataset's words
  for holding said plainly).
- "big on", "strong on", "leading in" an industry is having it.
- A size asked of each of a kind (启东的园区各有多大, "how big are the parks in Qidong") lists
  them, each with its size; a list question naming a property its entities hold (its area, its
  length, when it opened) shows each one's value beside the list.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask

QIDONG_PARKS = {"park:china-jianghai-park", "park:waigaoqiao-qidong-park",
                "park:qidong-semiconductor-park", "park:dongjiang-biomedicine-park"}


@pytest.mark.parametrize("question", ["江阴—靖江工业园区是什么时候启动的？",
                                      "江阴-靖江工业园区哪年启动？"])
def test_when_a_park_started_is_its_date(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:established"
    assert [e.id for e in got.parsed.slots.values()] == ["park:jiangyin-jingjiang"]
    assert any(prop == "established" for _, prop, _ in got.values)


@pytest.mark.parametrize("question", ["Which came first, Rugao ETDZ or Hai'an ETDZ?",
                                      "如皋开发区和海安开发区，哪个先成立？"])
def test_which_of_two_came_first_compares_their_dates(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:established"
    assert {e.id for e in got.parsed.slots.values()} == {"park:rugao-etdz", "park:haian-etdz"}
    assert len({of for of, prop, _ in got.values if prop == "established"}) == 2


@pytest.mark.parametrize("question,label,at_least", [
    ("How many pieces of infrastructure does the dataset track?", "Infrastructure", 10),
    ("How many parks does the database cover?", "Park", 30),
    ("How many bridges does the data set contain?", "Infrastructure", 3)])
def test_what_the_dataset_tracks_is_counted(store: Any, question: str, label: str,
                                            at_least: int) -> None:
    got = ask(store, question)
    assert got.count is not None and got.count >= at_least
    assert got.count == len(got.entities)
    assert {e.label for e in got.entities} == {label}


@pytest.mark.parametrize("question", ["Who is big on high-end equipment?",
                                      "Which cities are strong on high-end equipment?"])
def test_big_on_an_industry_is_having_it(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"city:shanghai", "city:nantong"} <= ids


@pytest.mark.parametrize("question", ["启东的园区各有多大？", "启东的园区面积分别有多大？",
                                      "How big are the parks in Qidong?",
                                      "how large are the parks in Qidong"])
def test_a_size_asked_of_each_lists_them_with_their_areas(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert ids >= QIDONG_PARKS and {e.label for e in got.entities} == {"Park"}
    sized = {of for of, prop, _ in got.values if prop == "area_km2"}
    assert len(sized) >= 3  # (those whose area the graph records)


def test_a_length_asked_of_each_crossing_shows_each_length(store: Any) -> None:
    got = ask(store, "How long are the bridges that cross to Nantong?")
    assert "infra:sutong-bridge" in {e.id for e in got.entities}
    assert any(prop == "length_m" for _, prop, _ in got.values)


def test_one_named_park_keeps_its_own_size(store: Any) -> None:
    got = ask(store, "苏通科技产业园有多大？")
    assert got.parsed.intent.name == "property:area_km2"
    assert [e.id for e in got.entities][:1] == ["park:sutong-park"]
