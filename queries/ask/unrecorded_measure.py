"""A measure asked of one thing whose record holds none: said so, not "I cannot map".

崇启大桥有多长: the bridge's record holds its opening date and state but no length, so no
reading answers it, and the refusal used to say the question could not be mapped, as if the
wording were at fault. The question is understood; the graph lacks the figure. The refusal
says that, names the figures the record does hold, and how to see the record.
"""

from __future__ import annotations

from typing import Any

from queries.ask.figures import says
from queries.ask.lexicon import lexicon

# (measures only: a date asked may sit on a relation, a tie's since, and is read elsewhere)
_MEASURES = {"length_m": "length", "area_km2": "area"}
_SHOWN = ("established", "opened", "status", "area_km2", "length_m", "kind", "level")


def measure_not_recorded(question: str, gaz: Any) -> Any | None:
    """An Unmappable saying the one thing named holds no figure for the measure asked (see
    the module's docstring); None where the question names more or asks anything else."""
    from queries.ask.closest import closest_questions
    from queries.ask.parsing import Unmappable
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    ids = {i for m in mentions for i in m.ids}
    if len(ids) != 1:
        return None
    thing = gaz.entities[next(iter(ids))]
    low = q.lower()
    said = [p for p, words in lexicon().properties.items()
            if p not in ("since", "until", "kind", "level") and any(says(low, w.lower())
                                                                 for w in words)]
    if len(said) != 1 or said[0] not in _MEASURES or thing.props.get(said[0]) is not None:
        return None
    held = [f"{p} {thing.props[p]}" for p in _SHOWN if thing.props.get(p) not in (None, "")]
    holds = f"; its record holds {', '.join(held)}" if held else ""
    return Unmappable(question, f"The graph records no {_MEASURES[said[0]]} for "
                      f"{thing.display}{holds}. See `estuary show {thing.id}` for all it "
                      "holds.", recognised=[thing],
                      closest=closest_questions(question, [thing]), final=True)
