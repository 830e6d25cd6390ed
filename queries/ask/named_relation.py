"""A verb that names a relationship type by its own name picks that type first.

"X is part of what": 'part of' reads as PART_OF and as LOCATED_IN (a district is part of its
city), and both were answered, so the Caohejing branch was "part of" Haining (where it lies)
as well as of the Caohejing park. When the question's verb is the type's own name (part of,
member of, located in; 一部分, 组成部分, 成员), the steps of that type answer and the other
types' steps only run when it finds nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from queries.ask.membership import as_member

# Chinese words that name a type as plainly as its English name does.
_ZH = {"PART_OF": ("一部分", "组成部分"), "MEMBER_OF": ("成员",), "LOCATED_IN": ("位于",)}


def named_first(parsed: Any, masked: str) -> Any:
    """The parsed question with the steps of the type its verb names first and the others
    as fallbacks; as it was when its verb names no one type of several it reads."""
    steps = parsed.intent.steps
    main = [s for s in steps if not s.only_if_empty]
    types = {s.kwargs.get("rel_type") for s in main} - {None}
    if parsed.asked or len(types) < 2 or not parsed.intent.name.startswith("relation:"):
        return parsed
    low = masked.lower()
    named = {t for t in types if re.search(rf"\b{t.lower().replace('_', ' ')}\b", low)
             or any(w in masked for w in _ZH.get(t, ()))}
    if len(named) != 1:
        return parsed
    def kept(s: Any) -> bool:  # (a member unit taking part is a member: membership.py)
        return s.kwargs.get("rel_type") in named or ("MEMBER_OF" in named and as_member(s))

    first = [s for s in steps if kept(s) or s.only_if_empty]
    rest = [replace(s, only_if_empty=True) for s in main if not kept(s)]
    return replace(parsed, intent=replace(parsed.intent, steps=(*first, *rest)))
