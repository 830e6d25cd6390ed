"""The values of a relation's property that a list question also asks: "Who held the shares
in the Sutong park, and how much each?" lists the holders and each one's share.

A relation question (intent `relation:CO_BUILDS:in`, or a table intent whose steps follow
CO_BUILDS) that says a word for a property its relation type carries (share, stake, 各占多少;
role) asks that property of each relation listed, beside the list: `AskAnswer.values` then
shows it. So does a list question that names a property its entities hold ("how big are the
parks in Qidong", 启东的园区各有多大): each one's area beside the list.
"""

from __future__ import annotations

from typing import Any

from graph.schema import LABELS, REL_TYPES
from queries.ask.figures import says
from queries.ask.lexicon import lexicon


def relation_properties_said(intent: Any, question: str) -> tuple[str, ...]:
    """The properties of the intent's relation types the question names (share, role)."""
    name = intent.name
    if name.startswith("relation:"):
        types = {part.split(":")[0] for part in name.split(":", 1)[1].split("+")}
    elif name.startswith(("property:", "check")):
        return ()  # (their own values are asked already)
    else:  # a table intent: the types its steps follow (co-built parks: CO_BUILDS)
        types = {str(step.kwargs.get("rel_type")) for step in intent.steps
                 if step.kwargs.get("rel_type")}
    carried = {p for t in types if t in REL_TYPES for p in REL_TYPES[t].properties}
    low = question.lower()
    return tuple(prop for prop, words in lexicon().properties.items()
                 if prop in carried and prop not in ("since", "until")
                 and any(says(low, w.lower()) for w in words))


def entity_properties_said(question: str, labels: set[str]) -> tuple[str, ...]:
    """The properties of the listed entities' kinds the question names (their area, length,
    date): a list question asks each one's value beside the list. (Asked of a list only:
    `AskAnswer.asked_properties` leaves out property and check intents, whose own values
    are asked already.)"""
    carried = {p for label in labels if label in LABELS for p in LABELS[label].properties}
    low = question.lower()
    return tuple(prop for prop, words in lexicon().properties.items()
                 if prop in carried and prop not in ("since", "until", "kind", "level")
                 and any(says(low, w.lower()) for w in words))
