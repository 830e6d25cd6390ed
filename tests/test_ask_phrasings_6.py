"""`ask` on phrasings written for session 5's rules on places, tiers, groups and status lists.

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the question asks for
a kind, every entity listed is of that kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask


def _check(store: Any, question: str, expected: set[str], never: set[str],
           kind: str | None = None) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert expected <= ids and not ids & never, ids
    if kind is not None:
        assert {e.label for e in got.entities} == {kind}, ids


# -- a list of kind words: a plain one beside a narrower one asks for the whole kind ---------

@pytest.mark.parametrize("question", [
    "海门有哪些跨江通道和铁路",
    "经过海门区的通道或者高铁有哪些？",
    "Which crossings or railways reach Haimen?",
])
def test_a_plain_kind_word_in_a_list_is_not_narrowed_by_its_neighbour(
        store: Any, question: str) -> None:
    _check(store, question, {"infra:haitai-tunnel", "infra:chonghai-crossing",
                             "infra:north-yangtze-hsr"}, set(), "Infrastructure")


@pytest.mark.parametrize("question", ["哪些大桥和铁路经过南通",
                                      "Which bridges or railways connect Nantong?"])
def test_two_narrow_kind_words_still_narrow(store: Any, question: str) -> None:
    _check(store, question, {"infra:sutong-bridge", "infra:hu-su-tong-railway"},
           {"infra:haitai-tunnel", "infra:nantong-new-airport"}, "Infrastructure")


def test_lines_are_infrastructure(store: Any) -> None:
    _check(store, "Which tunnels, bridges or lines reach Chongming?",
           {"infra:north-yangtze-hsr", "infra:chonghai-crossing", "infra:chongqi-bridge"}, set(),
           "Infrastructure")


def test_parks_and_facilities_in_a_district(store: Any) -> None:
    _check(store, "通州区有哪些园区和设施？",
           {"infra:nantong-new-airport", "park:nantong-high-tech-zone"}, set())


# -- tiers: two said together ask for both; a count said of a tier; 主导 as Suzhou records it --

@pytest.mark.parametrize("question", [
    "苏州工业园区的新兴产业和主导产业都有哪些",
    "Which lead or emerging industries does SIP have?",
])
def test_two_tiers_joined_are_both(store: Any, question: str) -> None:
    _check(store, question, {"industry:next-gen-it", "industry:nanotech"}, set(), "Industry")


@pytest.mark.parametrize("question", ["上海的三大先导产业", "上海三大先导产业是啥",
                                      "上海的先导产业是啥"])
def test_a_counted_tier_said_bare(store: Any, question: str) -> None:
    _check(store, question, {"industry:integrated-circuits", "industry:biomedicine"},
           {"industry:future-energy", "industry:automotive"}, "Industry")


def test_lead_industries_of_a_place_that_records_them_as_a_tier(store: Any) -> None:
    _check(store, "苏州的主导产业是啥", {"industry:biomedicine", "industry:electronic-information"},
           {"industry:quantum-technology"}, "Industry")
