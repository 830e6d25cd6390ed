"""What became of a thing: "What happened to the Sutong park?", "Is the Sutong park still its
own park?", 苏通科技产业园后来怎么样了, 苏通园区还存在吗.

Read as a relation the question names none of, such a question once got the thing's builders
(another kind). What the graph records of a thing's fate is what it became part of (PART_OF
out: 苏通 merged into 苏锡通 in May 2020), so that is the answer, with its date; for a place,
what it lies in, where one such relation has ended (港闸区 in 南通 until 2020-07, in 崇川区
since: 现在还有吗). A thing that became part of nothing is left to the other readings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.records import Intent, Slot, Step

_FATE = re.compile(r"\bwhat (?:has |have )?(?:happened|became) (?:to|of)\b|"
                   r"\bstill (?:its own|a separate|an independent|exist|exists|around)\b|"
                   r"\b(?:does|do) (?:the )?⟨\d+⟩ still exist\b|"
                   r"后来怎么样|后来怎样|现在怎么样了|怎么样了|还存在|还在不在|还单独|还是独立|"
                   r"(?:现在)?还有吗|(?:现在)?还在吗|还有没有",
                   re.I)  # (并到哪, merged into what: the grammar's own merger reading)


# the fate words said of a time gone by, setting the scene for another question
_THEN = re.compile(r"\b(?:back when|when|while|before|at the time|in the days when)\b[^,?.;]{0,60}"
                   r"\bstill\b|还(?:单独|是独立|存在)[^，,？?]{0,8}(?:的时候|时|那会儿|期间)", re.I)


def fate(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
         gaz: Gazetteer) -> Any:
    """What the one thing named became part of (see the module's docstring), or None."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    if len(mentions) != 1:
        return None
    masked = masked_text(q, mentions)
    found = _FATE.search(masked) or _FATE.search(q[mentions[0].end:])
    if found is None:  # (masking drops 存在: 还存在吗 is read as said)
        return None
    if _THEN.search(masked):
        return None  # "back when the Sutong park was still its own thing, …": a time, not fate
    # 港闸区 is its own name and, since the merger, another name of 崇川区: the one so named
    ids = mentions[0].ids if len(mentions[0].ids) == 1 else [
        i for i in mentions[0].ids if gaz.entities[i].name == mentions[0].text]
    thing = gaz.entities.get(ids[0]) if len(ids) == 1 else None
    if thing is None:
        return None
    out = [r for r in store.relations_of(thing.id) if r.start == thing.id]
    if any(r.type == "PART_OF" for r in out):
        rel_type = "PART_OF"
    elif any(r.type == "LOCATED_IN" and r.props.get("until") for r in out):
        rel_type = "LOCATED_IN"  # 港闸区 in 南通 until 2020-07, in 崇川区 since: merged
    else:
        return None
    intent = Intent(
        name="fate", question="What became of {x}?", question_zh="{x}后来怎么样了？", cues=(),
        slots=(Slot("x"),),
        steps=(Step("related", ("{x}",), {"rel_type": rel_type, "direction": "out",
                                          "label": None}),),
        examples=(), explain=f"related lists what {{x}} became part of ({rel_type} out), with "
                             "the dates: what the graph records of its fate.")
    return answer_fn(store, Parsed(question, intent, mentions, {"x": thing}, {},
                                   known={thing.id: thing}))
