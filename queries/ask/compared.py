"""Which of the things named holds the most or the least of a value asked about.

苏通大桥跟沪苏通大桥比，哪座更长 is read as the length of each; the values alone leave the
reader to do the comparison the question asked for. Where the question says which way it
compares (longer, 更大, earlier, 谁先) and at least two of the things hold the value, the answer
says which one it is, with each value beside it: "length_m, longest: 沪苏通长江公铁大桥 (…)
(11,072 m), then 苏通长江大桥 (…) (8,146 m)." Equal first values are said to be the same;
nothing is said where the question does not compare or fewer than two values are held.
"""

from __future__ import annotations

import re
from typing import Any

# (the words of the lexicon's properties that ask which of two: only where one is said)
_THAN = r"比(?!较)[^，,。？?]{1,24}?"  # (A比B大吗: than B; 比较 is "rather")
_MORE = re.compile(rf"更长|最长|更大|最大|{_THAN}(?:大|长)|"
                   r"\blonger\b|\blongest\b|\bbigger\b|\bbiggest\b|\blarger\b|\blargest\b",
                   re.I)
_LESS = re.compile(rf"更短|最短|更小|最小|{_THAN}(?:小|短)|"
                   r"\bshorter\b|\bshortest\b|\bsmaller\b|\bsmallest\b", re.I)
_EARLIER = re.compile(rf"更早|最早|{_THAN}早|早成立|谁先|哪个先|先成立|先设立|先通车|先建|"
                      r"\bearlier\b|\bearliest\b|\bolder\b|\boldest\b|came first|opened first",
                      re.I)
_LATER = re.compile(rf"更晚|最晚|{_THAN}晚|更新|\blater\b|\blatest\b|\bnewer\b|\bnewest\b", re.I)
_UNITS = {"length_m": "m", "area_km2": "km²"}
_DATES = ("established", "opened")


def compares(question: str) -> bool:
    """Does the question ask which of the things holds more or less, earlier or later?"""
    return any(p.search(question) for p in (_MORE, _LESS, _EARLIER, _LATER))


def _ordered(values: list[tuple[str, Any]], prop: str, question: str
             ) -> tuple[str, list[tuple[str, Any]]] | None:
    """The values in the order the question asks for, and the word for the first; or None."""
    if prop in _DATES:
        if _EARLIER.search(question):
            return "earliest", sorted(values, key=lambda v: str(v[1]))
        if _LATER.search(question):
            return "latest", sorted(values, key=lambda v: str(v[1]), reverse=True)
        return None
    try:
        numbers = [(of, float(v)) for of, v in values]
    except (TypeError, ValueError):
        return None
    if _MORE.search(question):
        word = "longest" if prop == "length_m" else "largest"
        return word, sorted(numbers, key=lambda v: v[1], reverse=True)
    if _LESS.search(question):
        word = "shortest" if prop == "length_m" else "smallest"
        return word, sorted(numbers, key=lambda v: v[1])
    return None


def _said(value: Any, prop: str) -> str:
    if isinstance(value, float):
        text = f"{value:,.0f}" if value == int(value) else f"{value:,}"
        return f"{text} {_UNITS[prop]}" if prop in _UNITS else text
    return str(value)


def compared(question: str, values: tuple[tuple[str, str, Any], ...]) -> str:
    """"<word>: A (value), then B (value)" for the question's comparison of the values
    (of, property, value) held by two or more things; '' where it compares nothing."""
    props = list(dict.fromkeys(prop for _, prop, _ in values))
    if len(props) != 1:
        return ""
    held = list({of: v for of, _, v in values}.items())
    if len(held) < 2:
        return ""
    got = _ordered(held, props[0], question)
    if got is None:
        return ""
    word, ordered = got
    said = [f"{of} ({_said(v, props[0])})" for of, v in ordered]
    if ordered[0][1] == ordered[1][1]:
        return f"{props[0]}: {said[0]} and {said[1]} are the same."
    return f"{props[0]}, {word}: {said[0]}, then " + ", then ".join(said[1:]) + "."
