"""Colloquial Chinese said plainly before a question is read: 啥 is 什么 (有啥园区, 有没有啥),
咋/咋样 are 怎么/怎么样, what is being built (在修什么) between two places is a crossing, and a
particle that closes a question (呗, 呢, 呀, 啊, 嘛) says nothing
the reading needs; a kind asked with a date in a search box's words is said as the grammar's
question (dated.py). The answer keeps the question as the analyst typed it."""

from __future__ import annotations

import re

from queries.ask.dated import dated_plainly

_SAID = ((re.compile(r"啥"), "什么"), (re.compile(r"咋样"), "怎么样"), (re.compile(r"咋"), "怎么"),
         # what is being built between two places is a crossing or a line: 之间在修什么
         (re.compile(r"(之间|中间)(?:在|正在)(?:修|建|造|铺)(?:些)?(?:什么|哪些)(?:项目|工程)?"
                     r"(?=\s*[?？。!！]*\s*$)"), r"\1有哪些在建的通道"),
         (re.compile(r"(之间|中间)(?:修|建|造|铺)(?:了|好了|成了)(?:些)?(?:什么|哪些)(?:项目|工程)?"
                     r"(?=\s*[?？。!！]*\s*$)"), r"\1有哪些通道"))
_CLOSING = re.compile(r"(?:呗|呢|呀|啊|嘛|哈|啦)+(?=\s*[?？!！。.]*\s*$)")


def plain(question: str) -> str:
    """The question with its colloquial words said plainly (the same text if it has none)."""
    out = question
    for pattern, said in _SAID:
        out = pattern.sub(said, out)
    out = _CLOSING.sub("", out)
    out = dated_plainly(out) or out  # "Co-built parks set up since 2020?"
    return out if out.strip() else question


# A-not-A of a one-character verb (过不过, 通不通, 连没连): 有没有 and 是不是 are read as they are
_EITHER = re.compile(r"(?!有没有|是不是)([\u4e00-\u9fff])([不没])\1")
_END = re.compile(r"[\s?？!！。.]*$")


def asked_plainly(question: str) -> str | None:
    """An A-not-A question said with 吗 (北沿江高铁过不过如皋 -> 北沿江高铁过如皋吗), or None;
    tried where the question as typed is not read."""
    found = _EITHER.search(question)
    if found is None:
        return None
    said = question[:found.start()] + found.group(1) + question[found.end():]
    return _END.sub("", said) + "吗"
