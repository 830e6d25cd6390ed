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
