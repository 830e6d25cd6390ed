"""Whether a word nothing recognised is another name rather than a misspelling of one.

A near miss (Suzhuo, Shangai, Nantongg) is read as the entity it almost names. But a word
that differs from a name in its first letter (Hangzhou / Changzhou, Fuzhou / Huzhou), or that
is itself a well-formed pinyin name of the same length differing by a letter or two in place
(Changsha / Changshu), names another place: the graph does not hold it, and reading it as the
one it does would answer a question about somewhere else (review6 E29). 杭州 is refused the
same way: unrecognised, not read as 常州.
"""

from __future__ import annotations

import re

_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL = (r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|"
          r"ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)")
_PINYIN = re.compile(rf"(?:{_INITIAL}{_FINAL})+")


def is_pinyin(word: str) -> bool:
    """The word spells a run of pinyin syllables (changsha, hangzhou; not nantongg)."""
    return bool(_PINYIN.fullmatch(word))


def _transposed(a: str, b: str) -> bool:
    """The two differ only by letters swapped in place (suzhuo / suzhou)."""
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
        and a[diff[1]] == b[diff[0]]


def names_another(word: str, form: str, label: str) -> bool:
    """`word` (a Latin key nothing recognised) names another place than `form`, the Latin
    form of a place (`label` City or Region) it almost matches: it is no misspelling of it.
    (Words for other things are read as near misses as before: biomedecine is no pinyin.)"""
    if label not in ("City", "Region") or not word or not form or word == form:
        return False
    if word[0] != form[0]:  # hangzhou / changzhou: a different first sound, another name
        return True
    return (len(word) == len(form) and is_pinyin(word) and is_pinyin(form)
            and not _transposed(word, form))
