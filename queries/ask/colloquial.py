"""Colloquial Chinese said plainly before a question is read: 啥 is 什么 (有啥园区, 有没有啥),
咋/咋样 are 怎么/怎么样, and a particle that closes a question (呗, 呢, 呀, 啊, 嘛) says nothing
the reading needs; a kind asked with a date in a search box's words is said as the grammar's
question (dated.py). The answer keeps the question as the analyst typed it."""

from __future__ import annotations

import re

from queries.ask.dated import dated_plainly

_SAID = ((re.compile(r"啥"), "什么"), (re.compile(r"咋样"), "怎么样"), (re.compile(r"咋"), "怎么"))
_CLOSING = re.compile(r"(?:呗|呢|呀|啊|嘛|哈|啦)+(?=\s*[?？!！。.]*\s*$)")


def plain(question: str) -> str:
    """The question with its colloquial words said plainly (the same text if it has none)."""
    out = question
    for pattern, said in _SAID:
        out = pattern.sub(said, out)
    out = _CLOSING.sub("", out)
    out = dated_plainly(out) or out  # "Co-built parks set up since 2020?"
    return out if out.strip() else question
