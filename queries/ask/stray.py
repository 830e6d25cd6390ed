"""Which capitalised words of an English question may name something the graph does not hold
("Atlantis", "Beijing"), and which are only words ("the Yangtze", "Scouting partners.").

A question whose intent is complete without a word is answered without it when that word
names nothing: a word a long name holds besides its own (Yangtze, River, North: text.GENERIC
and text.COMMON), or the first word of a later sentence that reads as an English verb form
("Scouting co-development partners.", "Asking for a client."). A word that reads as pinyin
(Beijing, Dafeng) is a place's name wherever it stands: it keeps the question from being
answered about something else. The answer says which words it did not use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from queries.ask.text import COMMON, GENERIC

# A capitalised word, not the question's first.
_CAPITALISED = re.compile(r"(?<!^)\b[A-Z][A-Za-z]{2,}")
# One that begins a sentence after the first ("… co-built? Scouting partners.").
_SENTENCE_START = re.compile(r"(?:[.?!;:。？！；：]\s*)([A-Z][A-Za-z]{2,})")
# English verb forms and adverbs: -ing, -ed, -ly.
_VERB_FORM = re.compile(r"[A-Za-z]{2,}(?:ing|ed|ly)")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable with a vowel (pypinyin's table: 'zhong', 'lo', 'a')."""
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for said in pinyin_dict.values():
        for p in said.split(","):
            bare = "".join(c for c in unicodedata.normalize("NFD", p)
                           if not unicodedata.combining(c)).replace("ü", "v")
            if re.search(r"[aeiouv]", bare):
                out.add(bare)
    return frozenset(out)


def reads_as_pinyin(word: str) -> bool:
    """Whether a word is pinyin syllables run together (Beijing, Dafeng, Xuyi)."""
    word = word.casefold()
    syllables = _syllables()
    ends = [False] * (len(word) + 1)
    ends[0] = True
    for i in range(len(word)):
        if ends[i]:
            for j in range(i + 1, min(len(word), i + 6) + 1):
                if word[i:j] in syllables:
                    ends[j] = True
    return ends[-1]


def capitalised(said: str) -> list[str]:
    """Every capitalised word but the question's first."""
    return _CAPITALISED.findall(said)


def names_like(said: str) -> list[str]:
    """The capitalised words of a question that may name something (see the module's
    docstring): not one that names nothing, nor a verb form beginning a later sentence."""
    starts = {found.group(1) for found in _SENTENCE_START.finditer(said)}
    out = []
    for word in capitalised(said):
        if word.casefold() in GENERIC | COMMON:
            continue
        if word in starts and _VERB_FORM.fullmatch(word) and not reads_as_pinyin(word):
            continue
        out.append(word)
    return out
