"""A yes-or-no question asked of several things at once, each asked in turn.

"泰州、盐城有没有在长三角城市经济协调会里面？", "苏州和无锡是不是苏锡常通科创圈的成员": the
things listed first (two to four, of one kind, joined by 、/和/与) are each asked the rest of
the question ("泰州有没有在…里面", "盐城有没有在…里面"), and the answer is in parts, one per thing
(split.PartsAnswer). Tried only where the question as typed is read no other way, so a list that
some reading takes whole ("南通和苏州有没有共建园区": the two together) is never split.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# a yes-or-no question in Chinese (the English "are A and B in C" lists C's members instead)
_YES_NO = re.compile(r"有没有|是不是|在不在|是否|属不属于|算不算|吗\s*[？?]?\s*$")
_JOINED = re.compile(r"^\s?(?:、|和|与|及|跟|以及|,|，)?\s?$")  # (、 is read as a space)
_AT_MOST = 4


def each_subject(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                 extra: tuple[Any, ...] = ()) -> Any | None:
    """The question asked of each thing it lists first (see above), or None."""
    from queries.ask.parsing import Unmappable
    from queries.ask.split import Part, PartsAnswer
    from queries.ask.text import names_in

    if question.isascii() or not _YES_NO.search(question):
        return None
    q, mentions = names_in(question, gaz)
    listed = [mentions[0]] if mentions else []
    for m in mentions[1:]:
        if not _JOINED.match(q[listed[-1].end:m.start]):
            break
        listed.append(m)
    rest = mentions[len(listed):]
    if not 2 <= len(listed) <= _AT_MOST or not rest or q[:listed[0].start].strip() \
            or any(len(m.ids) != 1 for m in listed):
        return None
    if len({gaz.entities[m.ids[0]].label for m in listed}) != 1:
        return None
    tail = q[listed[-1].end:]
    done = []
    for m in listed:
        asked = m.text + tail
        try:
            done.append(Part(asked, ask(store, asked, gaz, extra)))
        except Unmappable:
            return None  # one of them not read: the whole is not read this way either
    return PartsAnswer(question, tuple(done))
