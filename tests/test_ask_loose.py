"""The loose reading (queries/ask/loose.py): every thing of the kind asked related to the
entity named, said to be that, and only where the question names a kind in words, an entity
for sure, and nothing the graph does not hold.

Data: 苏锡通科技产业园区 (park:suxitong-park) has PART_OF from 苏通科技产业园 and 锡通科技
产业园 (merged into it); 南通 ADOPTS several mechanisms (data/core/relations-4-mechanisms.yaml).
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask, gazetteer
from queries.ask.answering import answer
from queries.ask.loose import loosely


def _loose_note(got: Any) -> str:
    return next((n for n in got.parsed.notes if n.startswith("Loose reading")), "")


def test_an_any_relation_answer_to_an_unread_verb_says_it_is_loose(store: Any) -> None:
    got = ask(store, "哪些机制被南通捣鼓过")
    assert got.parsed.intent.name.startswith("relation:ANY")
    note = _loose_note(got)
    assert "'捣鼓过'" in note and "every Mechanism" in note and "by any relation" in note
    assert {e.label for e in got.entities} == {"Mechanism"}


@pytest.mark.parametrize("question", ["what is Nantong connected to?", "南通和哪些机制有关系",
                                      "哪些园区跟苏锡通园区挂钩"])
def test_asking_for_any_relation_is_no_loose_reading(store: Any, question: str) -> None:
    assert _loose_note(ask(store, question)) == ""


def test_the_loose_reading_lists_the_kind_asked_by_any_relation(store: Any) -> None:
    got = loosely(answer, store, "哪些机制南通一直在捣鼓", gazetteer(store))
    assert got is not None and {e.label for e in got.entities} == {"Mechanism"}
    assert "mechanism:dual-statistics" in {e.id for e in got.entities}
    assert "no reading of mine maps this question" in _loose_note(got)


@pytest.mark.parametrize("question", [
    "谁是南通现在的市长",  # who: no kind said in words
    "Which universities are in Nantong?",  # a kind within the label the graph does not hold
    "长三角G60科创走廊有哪些成员城市？",  # a name the graph does not hold (G60科创走廊)
    "What is Suzhou's GDP?",  # a figure not held
    "哪些城市跟南通唱对台戏",  # rivalry: a relation the graph does not record
])
def test_what_the_loose_reading_leaves_refused(store: Any, question: str) -> None:
    assert loosely(answer, store, question, gazetteer(store)) is None
    with pytest.raises(Unmappable):
        ask(store, question)


@pytest.mark.parametrize("question", [
    "哪些城市比南通发达",  # a comparison
    "which parks are north of Nantong",  # a direction
    "哪些园区没在搞生物医药",  # a negation: never the parks that do
    "哪些园区不做新材料产业",
    "which cities never push dual statistics",
    "哪些城市不在搞统计双算",
    "哪些地方实行分税制",  # China's central-local tax system, not 财税共享 (分税 is a name in it)
    "哪些城市在跟南通争项目",  # rivalry
])
def test_questions_a_loose_or_negated_reading_would_answer_wrongly(store: Any,
                                                                   question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


def test_any_relation_words_are_no_unread_verb(store: Any) -> None:
    assert _loose_note(ask(store, "南通跟哪些园区沾边")) == ""
