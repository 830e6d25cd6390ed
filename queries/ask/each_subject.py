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

# a yes-or-no question in Chinese (the English "are A and B in C" lists C's members where it
# is read so; "are A and B both sitting on C", read no other way, is asked of each)
_YES_NO = re.compile(r"有没有|是不是|在不在|是否|属不属于|算不算|吗\s*[？?]?\s*$")
_JOINED = re.compile(r"^\s?(?:、|和|与|及|跟|以及|,|，)?\s?$")  # (、 is read as a space)
_AT_MOST = 4


def each_subject(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                 extra: tuple[Any, ...] = ()) -> Any | None:
    """The question asked of each thing it lists first (see above), or None."""
    from queries.ask.parsing import Unmappable
    from queries.ask.split import Part, PartsAnswer
    from queries.ask.text import names_in

    if question.isascii():
        return _each_in_english(ask, store, question, gaz, extra)
    if not _YES_NO.search(question):
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


_ARE_BOTH = re.compile(r"^\s*(?P<verb>are|were|do|did|have)\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)"
                       r"\s+(?:both|each|all)\s+(?P<rest>.+?)\s*[?？]?\s*$", re.I)
_SINGULAR = {"are": "Is", "were": "Was", "do": "Does", "did": "Did", "have": "Has"}


def _each_in_english(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                     extra: tuple[Any, ...]) -> Any | None:
    """"Are A and B both sitting on C?": "Is A sitting on C?", then B, one part each."""
    from queries.ask.parsing import Unmappable
    from queries.ask.split import Part, PartsAnswer
    from queries.ask.text import names_in

    found = _ARE_BOTH.match(question)
    if found is None:
        return None
    ends = [names_in(found.group(k), gaz)[1] for k in ("a", "b")]
    if any(len(m) != 1 or len(m[0].ids) != 1 for m in ends):
        return None
    verb = _SINGULAR[found.group("verb").casefold()]
    done = []
    for k in ("a", "b"):
        rest = re.sub(r"^members\b", "a member", found.group("rest"), flags=re.I)
        asked = f"{verb} {found.group(k)} {rest}?"
        try:
            done.append(Part(asked, ask(store, asked, gaz, extra)))
        except Unmappable:
            return None
    return PartsAnswer(question, tuple(done))


def said_of_both(question: str) -> bool:
    """Is it a yes-or-no said of two with 'both' ("Are A and B both on C")?"""
    return question.isascii() and _ARE_BOTH.match(question) is not None


# one place, then two or more it goes to: 南通到上海、苏州的过江大桥, "bridges from Nantong to
# Shanghai and Suzhou" (each of them, not one thing reaching all at once)
_TO_EACH = (re.compile(r"⟨(?P<a>\d+)⟩\s?(?:到|至|通往|去往|连到|连接)\s?"
                       r"(?P<run>⟨\d+⟩(?:\s?(?:、|和|与|及|或)?\s?⟨\d+⟩)+)"),
            re.compile(r"\bfrom ⟨(?P<a>\d+)⟩ (?:to|into|across to) (?P<run>⟨\d+⟩(?:(?:,| and| or|"
                       r", and)\s⟨\d+⟩)+)"))


def each_destination(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                     extra: tuple[Any, ...] = ()) -> Any | None:
    """The question asked of each place a list after 到 / "from A to" names, one part each
    (南通到上海的过江大桥…, 南通到苏州的过江大桥…), or None."""
    from queries.ask.parsing import Unmappable
    from queries.ask.phrases import masked_text
    from queries.ask.split import Part, PartsAnswer
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    masked = masked_text(q, mentions)
    found = next((m for p in _TO_EACH if (m := p.search(masked))), None)
    if found is None:
        return None
    run = [int(n) for n in re.findall(r"⟨(\d+)⟩", found.group("run"))]
    if not 2 <= len(run) <= _AT_MOST or any(len(mentions[n].ids) != 1 for n in run):
        return None
    if len({gaz.entities[mentions[n].ids[0]].label for n in run}) != 1:
        return None
    start, end = mentions[run[0]].start, mentions[run[-1]].end
    done = []
    for n in run:
        asked = q[:start] + mentions[n].text + q[end:]
        try:
            done.append(Part(asked, ask(store, asked, gaz, extra)))
        except Unmappable:
            return None  # one of them not read: the whole is read as it is
    return PartsAnswer(question, tuple(done))
