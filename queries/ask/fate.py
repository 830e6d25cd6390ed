"""What became of a thing: "What happened to the Sutong park?", "Is the Sutong park still its
own park?", 苏通科技产业园后来怎么样了, 苏通园区还存在吗.

Read as a relation the question names none of, such a question once got the thing's builders
(another kind). What the graph records of a thing's fate is what it became part of (PART_OF
out: 苏通 merged into 苏锡通 in May 2020), so that is the answer, with its date; a thing that
became part of nothing is left to the other readings.
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
                   r"后来怎么样|后来怎样|现在怎么样了|怎么样了|还存在|还在不在|还单独|还是独立",
                   re.I)  # (并到哪, merged into what: the grammar's own merger reading)


def fate(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
         gaz: Gazetteer) -> Any:
    """What the one thing named became part of (see the module's docstring), or None."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    if len(mentions) != 1 or len(mentions[0].ids) != 1:
        return None
    if not _FATE.search(masked_text(q, mentions)):
        return None
    thing = gaz.entities.get(mentions[0].ids[0])
    if thing is None or not any(r.type == "PART_OF" and r.start == thing.id
                                for r in store.relations_of(thing.id)):
        return None
    intent = Intent(
        name="fate", question="What became of {x}?", question_zh="{x}后来怎么样了？", cues=(),
        slots=(Slot("x"),),
        steps=(Step("related", ("{x}",), {"rel_type": "PART_OF", "direction": "out",
                                          "label": None}),),
        examples=(), explain="related lists what {x} became part of (PART_OF out), with the "
                             "date it did: what the graph records of its fate.")
    return answer_fn(store, Parsed(question, intent, mentions, {"x": thing}, {},
                                   known={thing.id: thing}))
