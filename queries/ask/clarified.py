"""A question whose kind is said after a dash or a colon: "what sits under the free flow of
factors task - which mechanisms?", 自由流动那项任务下面有什么——哪些机制？

The part after the separator names no entity and asks only a kind ("which mechanisms",
哪些机制): it is no second question but the kind the first one asks for. The question is read
as one, its first question word (what, 什么) said as the kind asked ("which mechanisms sits
under …"), and the answer says how it was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_SEP = r"(?:\s+[-–—]+\s*|\s*[–—]+\s*|\s*[:：]\s*|\s*——\s*)"
_ASK_EN = r"(?:which|what)(?: kinds? of| sorts? of| types? of)?"
_ASK_ZH = r"(?:哪些|哪几个|哪几类|哪类|哪种|什么)"
_WHAT_EN = re.compile(r"\b(?:what|which)\b(?! (?:kind|sort|type)s? of)", re.I)
_WHAT_ZH = re.compile(r"什么|啥|哪些")


def _kind_words() -> list[str]:
    from queries.ask.reading import label_words

    return sorted({str(w) for w, _ in label_words()}, key=len, reverse=True)


def split_kind(question: str) -> tuple[str, str, bool] | None:
    """(the question before the separator, the kind word said after it, whether it is
    English) where the part after the separator only asks a kind; else None."""
    words = "|".join(re.escape(w) for w in _kind_words())
    text = question.strip()
    found = re.search(rf"{_SEP}(?:(?P<en>{_ASK_EN})\s+(?P<kind_en>{words})|(?:有|是)?"
                      rf"(?P<zh>{_ASK_ZH})\s?(?P<kind_zh>{words}))\s*[?？.。!！]?\s*$",
                      text, flags=re.I)
    if found is None or not found.start():
        return None
    main = text[:found.start()].rstrip(" ,，")
    english = found.group("en") is not None
    kind = found.group("kind_en") if english else found.group("kind_zh")
    if not kind or (english and not main.isascii()) or not (
            _WHAT_EN.search(main) if english else _WHAT_ZH.search(main)):
        return None
    return main, kind, english


def said_with_kind(question: str) -> str | None:
    """The question read as one, its first question word said as the kind asked; or None."""
    split = split_kind(question)
    if split is None:
        return None
    main, kind, english = split
    if english:
        return _WHAT_EN.sub(f"which {kind}", main, count=1).rstrip("?") + "?"
    return _WHAT_ZH.sub(f"哪些{kind}", main, count=1).rstrip("？") + "？"


# "Which of Nantong's units are county-level cities (rather than districts)?": the kind after
# "are" is the kind asked, the owner the place it lies in; "rather than …" only restates it.
_PARTS = (r"(?:administrative |constituent )?(?:units|subdivisions|parts|places|members|"
          r"districts and counties|counties and districts)")
_WHICH_OF = re.compile(rf"^\s*which of (?:the )?(?P<owner>.+?)(?:'s|’s|s') {_PARTS} "
                       r"(?:are|is) (?:the |now )?(?P<kind>[a-z][a-z -]*?)"
                       r"(?:,? (?:rather than|and not|but not|not) [^?]*)?\s*\??\s*$", re.I)


def said_as_kind_in(question: str) -> str | None:
    """"Which of X's units are <kind>" said as "Which <kind> are in X?"; or None."""
    found = _WHICH_OF.search(question)
    if found is None:
        return None
    return f"Which {found.group('kind').strip()} are in {found.group('owner')}?"


# 南通那个跨江的园区叫什么: "that <kind> of X, what is it called" asks which of X's <kind> it is.
_THAT_ONE_ZH = re.compile(r"^\s*(?P<owner>[^，,？?]+?)(?:那个|这个|那些|这些|那家|这家|那座|这座)"
                          r"(?P<what>[^，,？?]{1,12}?)\s?(?:到底|究竟)?\s?(?:叫什么名字|叫什么|叫啥|"
                          r"是哪个|是哪一个|是哪些|是哪家|是哪座)\s*[？?]?\s*$")


def said_as_which_of(question: str) -> str | None:
    """"X那个<qualifier>的<kind>叫什么" said as "X的<qualifier>的<kind>有哪些？"; or None
    (the kind word must end it)."""
    found = _THAT_ONE_ZH.search(question)
    if found is None:
        return None
    what = found.group("what")
    if not any(what.endswith(w) for w in _kind_words() if not w.isascii()):
        return None
    kind = next(w for w in _kind_words() if not w.isascii() and what.endswith(w))
    qualifier = what[:-len(kind)].removesuffix("的")  # (跨江的园区: 跨江园区)
    return f"{found.group('owner')}的{qualifier}{kind}有哪些？"


# "mountain-sea cooperation parks (山海协作) - which ones does the data have?": the things
# named first, then asked which of them there are
_WHICH_ONES = re.compile(
    r"^\s*(?!(?:who|what|which|how|when|where|why|is|are|does|do|did|can)\b)"
    r"(?P<things>[^?？:：,，]{3,80}?)\s*(?:\((?P<aside>[^()]{1,30})\))?"
    rf"(?:{_SEP}|\s*[,，]\s*)(?:so |and |ok,? )?which(?: ones| of them| ones of them)?\s*"
    r"(?P<rest>(?:are there|exist|are (?:in|on) (?:the )?(?:graph|data|record|map)|"
    r"(?:does|do) (?:the )?(?:data|graph|dataset|tool|you) "
    r"(?:have|hold|know(?: about)?|list|record)|"
    r"have you got|are listed|are recorded)?|"
    # (or what they are asked to be: "- which ones are open", "which of them cross to Chongming")
    r"(?<=ones |them )[a-z][^?？]{1,60}|"
    r"(?:are|is|were|was|have|has|do|does|did|can) [^?？]{1,60})\s*[?？.]*\s*$", re.I)
_ONLY_THERE = re.compile(r"^(?:are there|exist|are (?:in|on) .*|(?:does|do) .*|have you got|"
                         r"are listed|are recorded|)$", re.I)


# "Of all the river crossings, which ones are still planned?": the things said first
_OF_ALL = re.compile(r"^\s*(?:of|among|out of|from) (?:all )?(?:the |these |those )?"
                     r"(?P<things>[a-z][a-z' -]{2,60}?),?\s+which(?: ones| of them| one)?\s+"
                     r"(?P<rest>[^?？]{2,120})\s*[?？.]*\s*$", re.I)


def said_as_which_ones(question: str) -> str | None:
    """"<things> - which ones are there?" said as "Which <things> are there?" ("- which
    ones are open?": "Which <things> are open?"); or None."""
    among = _OF_ALL.search(question)
    if among is not None:
        return f"Which {among.group('things').strip()} {among.group('rest').strip()}?"
    found = _WHICH_ONES.search(question)
    if found is None or not found.group("things").isascii():
        return None
    aside = f" ({found.group('aside')})" if found.group("aside") else ""
    rest = found.group("rest").strip()
    rest = "are there" if _ONLY_THERE.match(rest) else rest
    things = re.sub(r"^(?:the|these|those)\s+", "", found.group("things").strip(), flags=re.I)
    return f"Which {things}{aside} {rest}?"


def clarified(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
              extra: tuple[Any, ...] = ()) -> Any:
    """The answer to a question whose kind is said after a dash or a colon (`ask`:
    answering.ask), or None where it is not of that shape or the reading finds nothing."""
    from queries.ask.parsing import Unmappable

    said = (said_with_kind(question) or said_as_kind_in(question)
            or said_as_which_of(question) or said_as_which_ones(question))
    if said is None:
        return None
    try:
        got = ask(store, said, gaz, extra)
    except Unmappable:
        return None
    if not getattr(got, "entities", None) or not hasattr(got, "parsed"):
        return None
    from queries.ask.split import read_again

    return read_again(got, question, f"Read as {said!r}.")
