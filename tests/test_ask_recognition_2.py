"""`ask` recognising what a question names (ask18): English names written with typographic
dashes, misspelt names said with their kind word, stray words, kinds against named sets.

Own variants (none copied from an eval file), each run on both stores (the `store` fixture):
the answer lists what `expected` names and nothing `never` names; where the question asks for
a kind, every entity listed is of that kind.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from tests.conftest import ask_lists

# -- an English name with a typographic dash ("Haimen–Taicang") is said with a hyphen and its
# generic words left out ----------------------------------------------------------------------


@pytest.mark.parametrize(("question", "expected"), [
    ("Which places does the Haimen-Taicang tunnel connect?", {"city:haimen", "city:taicang"}),
    ("which cities will the Nantong-Suzhou-Jiaxing-Ningbo railway link?",
     {"city:nantong", "city:jiaxing"}),
    ("Where does the Chongming-Haimen crossing go?", {"city:haimen"}),
])
def test_a_name_with_a_typographic_dash_is_said_loosely(store: Any, question: str,
                                                        expected: set[str]) -> None:
    ask_lists(store, question, expected, set())


def test_a_state_asked_of_a_tunnel_named_loosely(store: Any) -> None:
    got = ask(store, "has the Haimen Taicang Yangtze tunnel opened?")
    assert "infra:haitai-tunnel" in {e.id for e in got.entities}


# -- a misspelt name said with its kind word: the word and the kind read as one -------------

@pytest.mark.parametrize("question", [
    "which cities does the Zhangjingao bridge reach?",
    "what cities does the Zhangjinggoa bridge connect",
])
def test_a_misspelt_name_before_its_kind_word(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {"city:rugao", "city:zhangjiagang"} <= {e.id for e in got.entities}
    assert {e.label for e in got.entities} == {"City"}
    assert any("Zhangjinggao" in n for n in got.parsed.notes)


def test_a_name_nothing_is_close_to_is_still_refused(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "what does the Qwertyuiop bridge link up?")


# -- a word that names nothing does not sink a question that reads whole without it; the
# answer says it was not used. A word that may be a name still does ------------------------

@pytest.mark.parametrize(("question", "expected", "kind", "word"), [
    ("Which parks has Wuxi co-built? Looking for partners.", {"park:jiangyin-jingjiang"},
     "Park", "Looking"),
    ("Which industries does Nantong have? Asking for a client.", set(), "Industry", "Asking"),
    ("Which alliances is Nantong in, north of the Yangtze?", set(), None, "Yangtze"),
])
def test_a_word_that_names_nothing_is_left_out_and_said(store: Any, question: str,
                                                        expected: set[str], kind: str | None,
                                                        word: str) -> None:
    got = ask(store, question)
    assert got.entities and expected <= {e.id for e in got.entities}
    if kind is not None:
        assert {e.label for e in got.entities} == {kind}
    assert any("Not used" in n and word in n for n in got.parsed.notes), got.parsed.notes


@pytest.mark.parametrize("question", [
    "Which parks has Suzhou co-built? Atlantis too?",
    "Which parks has Suzhou co-built? Beijing as well?",
    "Which parks has Atlantis co-built?",
    "Which industries does Nantong share with Narnia?",
])
def test_a_word_that_may_be_a_name_still_refuses(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


@pytest.mark.parametrize(("word", "pinyin"), [
    ("Beijing", True), ("Dafeng", True), ("Xuyi", True), ("Scouting", False),
    ("Looking", False), ("Atlantis", False),
])
def test_pinyin_is_told_from_english(word: str, pinyin: bool) -> None:
    from queries.ask.stray import reads_as_pinyin

    assert reads_as_pinyin(word) is pinyin
