"""What the words around a question's names say: the question masked (each name a
placeholder, framing words dropped), a bare phrase asked in full ("Nantong's industries?"), a
name of the kind asked inside the asking phrase (哪些税收分成的做法: which ones) and a place
inside it (which of Nantong's parks: those in Nantong)."""

from __future__ import annotations

import re
from typing import Any

from graph.gazetteer import Gazetteer, Mention, mask
from graph.names import has_han
from queries.ask.lexicon import lexicon
from queries.ask.reading import QUESTION, find, label_words
from queries.ask.text import names_in


def masked_text(q: str, mentions: tuple[Mention, ...]) -> str:
    """The question masked, without the words that only frame it (图谱里, in the graph)."""
    masked = mask(q, mentions)
    # a framing word inside a longer word of the lexicon stays (都 in 都市圈)
    words = [(w, True) for w in lexicon().wording] + [(w, False) for w, _ in label_words()]
    for hit in reversed(find(words, masked)):
        if hit.value:
            gap = " " if masked[hit.start:hit.end].isascii() else ""
            masked = masked[:hit.start] + gap + masked[hit.end:]
    return re.sub(r"\s+", " ", masked).strip()


# Words that ask for every entity of a kind, not some of them.
ALL_OF_A_KIND = frozenset(("graph", "hold", "holds", "record", "records", "recorded",
                            "know", "knows", "exist", "exists", "listed", "appear", "appears",
                            "mentioned", "included", "available", "known", "total", "altogether",
                            "overall", "in", "entire", "whole", "every", "name", "count",
                            "图谱", "记录", "一共", "总共", "共", "几", "多少", "全部", "所有",
                            "收录", "现有", "个", "座", "条", "家", "所", "项", "列出", "列举"))


# A count said of a kind: 三大, 六大, "three" (上海的三大先导产业, its six pillar industries).
_COUNTED = re.compile(r"[一二两三四五六七八九十\d]+大|\b(?:two|three|four|five|six|seven|eight|"
                      r"nine|ten|\d+)\b")


def _tier_said_as_kind(rest: str, kinds: list[str]) -> str:
    """The bare phrase with a qualifier read as the kind word it ends in (先导产业 -> 产业,
    "pilot industries" -> industries; 先导 alone goes) and a count said of it dropped."""
    from queries.ask.lexicon import lexicon

    said = sorted({w for q in lexicon().qualifiers for w in q.words}, key=len, reverse=True)
    for word in said:
        if word in rest:
            kind = next((k for k in sorted(kinds, key=len, reverse=True)
                         if word.endswith(k) and len(k) < len(word)), "")
            rest = rest.replace(word, kind)
    return re.sub(r"\s+", " ", _COUNTED.sub(" ", rest)).strip()


def framed(question: str, gaz: Gazetteer) -> str | None:
    """A question said as a bare phrase, one entity and the kind of thing asked for
    ("Nantong's industries?", "members of the AI alliance", 南通的园区), asked in full
    (what are …, …有哪些); None for anything else."""
    q, mentions = names_in(question, gaz)
    masked = masked_text(q, mentions)
    if len(mentions) != 1 or QUESTION.search(masked):
        return None
    rest = re.sub(r"⟨0⟩|\b(?:the|of|list|all)\b|的|有|所有|全部", " ", masked).strip()
    words = [w for w, _ in label_words()] + ["members", "member", "成员", "parts", "组成部分"]
    rest = _tier_said_as_kind(rest, words)  # 三大先导产业, "its three pilot industries"
    if not rest or not any(re.fullmatch(rf"{re.escape(w)}", rest) for w in words):
        return None
    if has_han(q):
        return f"{question.strip().rstrip('?？')}有哪些？"
    return f"Which {rest} does {mentions[0].text} have?"


def named_in_phrase(masked: str, mentions: tuple[Mention, ...], reading: Any,
                     gaz: Gazetteer) -> set[int]:
    """The mentions inside the asking phrase that are themselves of the kind asked for
    (哪些税收分成的做法, which tax-sharing arrangements): they say which ones, where another
    entity outside the phrase is what the question is about."""
    if not reading.asked or reading.phrase is None:
        return set()
    spans = [(m.start(), m.end()) for m in re.finditer(r"⟨\d+⟩", masked)]
    inside = {n for n, (start, end) in enumerate(spans) if reading.inside(start, end)
              and n < len(mentions) and all(gaz.entities[i].label in reading.asked
                                            for i in mentions[n].ids if i in gaz.entities)
              and not _SUB_PLACES.match(masked, end)}  # "Shanghai districts": the place
    return inside if inside and len(inside) < len(spans) else set()


# a city said right before the word for its districts or counties (上海哪些区, "which Shanghai
# districts"): the place they lie in, not one of the cities asked for
_SUB_PLACES = re.compile(r"\s?(?:的)?\s?(?:有)?(?:哪些|哪几个|哪个|什么)?\s?"
                         r"(?:区县|县区|县市|县级市|区|县|districts?\b|counties\b|"
                         r"county-level cities\b)")


_LOCATED = frozenset({"Park", "Infrastructure", "Organization"})  # (哪些南通企业: firms there)


def place_in_phrase(masked: str, mentions: tuple[Mention, ...], reading: Any,
                     gaz: Gazetteer) -> int | None:
    """The one place inside the asking phrase of a question for parks or infrastructure
    that names another entity too (which of Nantong's parks were built with Shanghai), or
    said right before the word for its districts (沪通铁路经过上海哪些区): the answer is kept
    to what lies in it."""
    asked = reading.asked
    if not asked or not (asked <= _LOCATED or asked in ({"Industry"}, {"City"})) \
            or reading.phrase is None:  # (which of Nantong's chains …: those Nantong has)
        return None
    phrase = reading.phrase
    spans = [(m.start(), m.end()) for m in re.finditer(r"⟨\d+⟩", masked)]
    # (firms of a city lie in it; an alliance of the YRD does not: no region for them)
    # (上海哪些区, "which Shanghai districts": districts of a city, not of a region's members)
    places = ("City",) if asked & {"Organization", "City"} else ("City", "Region")
    inside = [n for n, (start, end) in enumerate(spans)
              if (reading.inside(start, end) or (asked == {"City"} and end == phrase[0]))
              and n < len(mentions) and len(mentions[n].ids) == 1
              and gaz.entities[mentions[n].ids[0]].label in places
              and (asked != {"City"} or _SUB_PLACES.match(masked, end))]
    return inside[0] if len(inside) == 1 and len(spans) > 1 else None
