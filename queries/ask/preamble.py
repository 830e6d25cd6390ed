"""Words said before a question only to set the scene ("I'm writing about the crossings -
when did the Sutong Bridge open?", 我写报告要用：…), left unread and said so.

Tried where the question is read no other way. The words before a colon or a dash are left
out only when they ask nothing, hold no figure (a year there may be a condition) and name no
one thing, and the question after them names one and does not point back to them (it, there,
这): "zhangjinggao brige - which places does it join" keeps its misspelt subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from queries.ask.colloquial import ASKING

# Words said before the question to set the scene ("I'm writing about the crossings - when did
# X open?", 我写报告要用：…): up to a colon or a dash; they ask nothing themselves.
_PREAMBLE = re.compile(r"^(?P<pre>[^?？:：—–]{4,80}?)\s*(?:[:：]|\s[-—–]+\s|——)\s*(?P<rest>\S.*)$")


def without_preamble(question: str) -> tuple[str, str] | None:
    """(the scene set, the question after it) where words before a colon or a dash ask
    nothing and hold no figure (a year there may be a condition); else None."""
    found = _PREAMBLE.match(question)
    if found is None or ASKING.search(found.group("pre")) or re.search(r"\d", found.group("pre")):
        return None
    return found.group("pre").strip(), found.group("rest")


_POINTS_BACK = re.compile(r"\b(?:it|its|they|them|their|there|this|that|these|those)\b|"
                          r"它|其|这|那|该|此", re.I)


def after_preamble(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                   extra: tuple[Any, ...] = ()) -> Any:
    """The question after words that only set the scene (no one thing named, no figure, no
    question word: `without_preamble`), said as left unread; else None."""
    from queries.ask.parsing import Unmappable
    from queries.ask.text import names_in

    split = without_preamble(question)
    if split is None or any(len(m.ids) == 1 for m in names_in(split[0], gaz)[1]):
        return None  # (a set named there, "the big crossings", is only the scene)
    if not any(len(m.ids) == 1 for m in names_in(split[1], gaz)[1]) or _POINTS_BACK.search(
            split[1]):  # "zhangjinggao brige - which places does it join": it is the scene
        return None
    try:
        got = ask(store, split[1], gaz, extra)
    except Unmappable:
        return None
    note = f"Not read: {split[0]!r} (said before the question, naming nothing)."
    parsed = getattr(got, "parsed", None)
    if getattr(got, "parts", None) is not None or parsed is None:
        return None  # (an answer in parts could not say what it left unread)
    return replace(got, parsed=replace(parsed, question=question, notes=(note, *parsed.notes)))
