"""A yes-or-no question on whether any of a kind meets a condition, where the graph holds some
of that kind and none meets it: "Does Haimen have any Yangtze crossing that's already open?"
is answered "No" with the crossings it has and what they record, not refused as if the graph
knew nothing (a list question, "which of Haimen's crossings are open", still is: none is the
answer there only if the graph says so of each).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

# asked as yes or no, of any one of a kind: 有没有…, …吗, "does X have any", "is there a"
_ANY = re.compile(r"有没有|有无|是否有|有.{0,12}吗\s*[？?]?\s*$|"
                  r"^\s*(?:does|do|did|is there|are there|has|have)\b.*\bany\b|"
                  r"^\s*(?:is there|are there)\b", re.I)

# the properties of a condition worth showing beside each thing found (its state, its date)
_SHOWN = ("status", "opened", "established", "level", "kind")


def none_meets(got: Any) -> Any | None:
    """The answer "no" (see the module), or None where the question is no such yes-or-no,
    nothing of the kind asked was found, or one found records no value for the condition
    (it may meet it: the graph cannot say no)."""
    parsed = got.parsed
    stated = [f for f in parsed.filters if f.op != "said"]
    if not stated or not _ANY.search(parsed.question) or got.verdict is not None:
        return None
    found = got.found
    asked = got.asked
    if asked:
        found = tuple(e for e in found if e.label in asked)
    if not found:
        return None
    props = list(dict.fromkeys(f.prop for f in stated))
    if any(p not in _SHOWN for p in props) or any(
            e.props.get(p) in (None, "") for e in found for p in props):
        return None  # (one that records no value may meet it: not a "no", a refusal)
    said = "; ".join(dict.fromkeys(f.describe() for f in stated if f.describe()))
    held = "; ".join(f"{e.display}: " + ", ".join(
        f"{p} {e.props[p]}" for p in props if e.props.get(p) not in (None, "")) for e in found
        if any(e.props.get(p) not in (None, "") for p in props))
    note = (f"No — none of the {len(found)} the graph records here is {said or 'as asked'}"
            + (f" ({held})" if held else "") + "; here they are:")
    kept = tuple(f for f in parsed.filters if f.op == "said")
    return replace(got, parsed=replace(parsed, filters=kept, notes=(note, *parsed.notes)))
