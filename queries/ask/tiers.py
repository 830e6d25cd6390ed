"""Tiers and roles said together: 主导产业和新兴产业, "lead and emerging industries".

A question that joins two qualifiers of one property with and/和/及/、 asks for both: the
relations holding either value are the answer ("What are SIP's lead and emerging industries?"
is its lead industries and its emerging ones). English often says the kind word once, after the
last qualifier ("lead and emerging industries"): the first qualifier is then its word without
"industries" ("lead"), read only where a list joins it to another.
"""

from __future__ import annotations

import re
from typing import Any

from queries.ask.lexicon import Lexicon, Qualifier

# Between two qualifiers of one list.
# (the first may keep its kind word: 主导产业和新兴产业)
_JOIN = (r"(?:产业|行业|产业链|集群|\s?industries|\s?industry|\s?sectors)?"
         r"(?:\s?(?:和|与|及|以及|或|或者|、|,|and|or|&|and/or)\s?|\s?[、,]\s?|\s)")
_KIND_WORD = re.compile(r" (?:industries|industry|sectors?|clusters?|chains?)$")


def _elliptic(lex: Lexicon) -> list[tuple[re.Pattern[str], Qualifier]]:
    """"lead" of "lead industries", read where a list joins it to another qualifier."""
    out = []
    for qualifier in lex.qualifiers:
        for word in qualifier.words:
            if word.isascii() and _KIND_WORD.search(word):
                stem = _KIND_WORD.sub("", word)
                out.append((re.compile(rf"(?<![a-z0-9]){re.escape(stem)}(?= (?:and|or|&) )"
                                       rf"|(?<![a-z0-9]){re.escape(stem)}(?=, )"), qualifier))
    return out


def _said(text: str, lex: Lexicon) -> list[tuple[int, int, Qualifier]]:
    """Every qualifier said, longest first where two overlap."""
    found = []
    for qualifier in lex.qualifiers:
        for word in qualifier.words:
            if word.isascii():
                pattern = r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])"
                found += [(m.start(), m.end(), qualifier) for m in re.finditer(pattern, text)]
            else:
                start = text.find(word)
                while start >= 0:
                    found.append((start, start + len(word), qualifier))
                    start = text.find(word, start + 1)
    for pattern, qualifier in _elliptic(lex):
        found += [(m.start(), m.end(), qualifier) for m in pattern.finditer(text)]
    out: list[tuple[int, int, Qualifier]] = []
    for hit in sorted(found, key=lambda h: (-(h[1] - h[0]), h[0])):
        if not any(hit[0] < o[1] and o[0] < hit[1] for o in out):
            out.append(hit)
    return sorted(out, key=lambda h: h[0])


def joined_where(text: str, lex: Lexicon, where: dict[str, Any]) -> dict[str, Any]:
    """The qualifier read (`where`, the longest said) widened by those a list joins to it
    that set the same property: {role: [lead, emerging]}. Unchanged where none is joined."""
    said = _said(text, lex)
    if len(said) < 2 or not where:
        return where
    anchor = next((n for n, (_, _, q) in enumerate(said) if q.where == where), None)
    if anchor is None:
        return where
    group = [said[anchor]]
    for step in (-1, 1):  # the list runs both ways from the qualifier read
        near, n = said[anchor], anchor + step
        while 0 <= n < len(said):
            left, right = (said[n], near) if step < 0 else (near, said[n])
            if not re.fullmatch(_JOIN, text[left[1]:right[0]]):
                break
            group.append(said[n])
            near, n = said[n], n + step
    keys = set(where)
    out = dict(where)
    for _, _, qualifier in group[1:]:
        if set(qualifier.where) != keys:
            continue  # another property (a tier beside a role): not one list of values
        for key, value in qualifier.where.items():
            have = out[key] if isinstance(out[key], list) else [out[key]]
            out[key] = [*have, *(v for v in _listed(value) if v not in have)]
    return out


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]

