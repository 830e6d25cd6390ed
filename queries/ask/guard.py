"""Checks made on a reading before its answer is shown: the kind the question asks for is the
head of its asking phrase, and a figure the graph does not hold is refused.

- The asked kind. In "which industry alliances" or 哪些产业联盟 the kind asked is the last kind
  word of the phrase (alliances; 联盟), the words before it only qualify it; in a list
  (城市群、经济带或者都市圈, "parks or projects") it is every item's head. A reading that kept a
  qualifier's kind (Industry) or a wider set (City and Region) is narrowed to the head, so the
  answer keeps that kind or says the graph holds another (`AskAnswer.kind_note`).
- A figure not held is refused (queries/ask/figures.py); a property question's value is
  listed with its holder (queries/ask/holders.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from queries.ask.figures import (  # noqa: F401  (re-exported: split.py, tests)
    held_about,
    held_words,
    measure_asked,
    refuse_unheld,
    says,
    unheld_figure,
)
from queries.ask.holders import property_subjects  # noqa: F401  (re-exported: answering)
from queries.ask.lexicon import lexicon
from queries.ask.reading import (
    _QUALIFYING_GAP,
    QUESTION,
    Hit,
    _verb_in,
    acts_as_verb,
    find,
    label_words,
)

# -- the kind asked: the head of the asking phrase ---------------------------------------------

_OPEN = re.compile(rf"(?:{QUESTION.pattern})|\bany\b|\b(?:is|are) there(?: an?)?\b|有没有|有无")
# Between the question word and the first kind word: articles, a measure word, a name, or a
# few English modifiers ("which co-built riverside parks").
_LEAD = re.compile(r"^(?:\s|的|个|些|家|条|座|所|项|⟨\d+⟩|of|the|other|kind of|types? of|"
                   r"[a-z][a-z-]*\s){0,4}$")
_JOIN = re.compile(r"^\s?(?:和|与|及|以及|或|或者|、|,|，|and|or|and/or)\s?$")


def head_kinds(masked: str) -> frozenset[str] | None:
    """The kinds a masked question asks for, read as the head of its asking phrase: the last
    kind word of a compound (industry alliances -> Organization), every item's head in a list
    (城市群、经济带或者都市圈 -> Region). None when no asking phrase names a kind."""
    hits = [h for h in find(label_words(), masked) if h.value != "Source"]
    for opened in _OPEN.finditer(masked):
        if opened.group().strip() == "whose":  # "whose brand": the owner is asked
            return None
        after = [h for h in hits if h.start >= opened.end()]
        if not after or not _LEAD.match(masked[opened.end():after[0].start]):
            continue
        return _heads(masked, after)
    return None


# Head words too general to say a kind after a word that does (infrastructure projects,
# 交通项目, industry groups).
_GENERIC = frozenset({"project", "projects", "项目", "载体", "carrier", "carriers", "facility",
                      "facilities", "设施", "group", "groups", "body", "bodies", "place", "places",
                      "地方", "平台", "platform", "platforms"})


def _heads(masked: str, hits: list[Hit]) -> frozenset[str] | None:
    """The heads of a run of kind words: a compound's last word, each listed item's head."""
    spans: dict[tuple[int, int], set[str]] = {}
    for h in hits:
        spans.setdefault((h.start, h.end), set()).add(str(h.value))
    ordered = sorted(spans)
    heads: set[str] = set()
    current = ordered[0]
    for span in ordered[1:]:
        gap = masked[current[1]:span[0]]
        word = masked[span[0]:span[1]]
        glued = gap == "" and not word.isascii()
        if glued and acts_as_verb(masked, span[0], span[1], lexicon()):
            break  # 哪些机构部署提出的: 部署 is what they did
        if glued and len(word) == 1 and current[1] - current[0] > 1:
            # 工业园+区: one character glued on a word ends it (市+圈: a compound)
            break
        # 城市协调组织: a few characters that are no particle nor verb make one noun too
        glued = glued or (not word.isascii() and bool(gap) and not gap.isspace() and bool(
            _QUALIFYING_GAP.fullmatch(gap)) and not _verb_in(gap, lexicon()))
        if glued or (gap == " " and word.isascii()):  # a compound: the later word is its head
            # "infrastructure projects": the modifier says the kind; but a field is no kind
            # of project (产业项目, industrial projects: projects, not industries)
            if word not in _GENERIC or spans[current] == {"Industry"}:
                current = span
        elif _JOIN.match(gap) or (gap == " " and not word.isascii()):  # a list: 桥梁 铁路
            heads |= spans[current]
            current = span
        else:
            break
    heads |= spans[current]
    return frozenset(heads) or None


def narrowed(asked: frozenset[str] | None, heads: frozenset[str] | None
             ) -> frozenset[str] | None:
    """The kinds an answer keeps: the reading's, narrowed to the phrase's head where the
    reading kept a qualifier's kind or a wider set; the head where the reading kept none."""
    if not heads:
        return asked
    if asked is None or heads < asked or not heads & asked:
        return heads
    return asked


def recheck_kind(parsed, masked: str):  # type: ignore[no-untyped-def]
    """The parsed question with the kind asked set to the head of its asking phrase."""
    asked = narrowed(parsed.asked, head_kinds(masked))
    if asked == parsed.asked:
        return parsed
    return replace(parsed, asked=asked)


def checked(parsed, gaz):  # type: ignore[no-untyped-def]
    """A parsed question checked before it is answered: a figure the graph does not hold is
    refused (Unmappable, with what it holds about the entity); the kind asked is the head of
    the asking phrase."""
    from queries.ask.colloquial import plain
    from queries.ask.parsing import Unmappable, closest_questions
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    # as read: a name respelt, colloquial words said plainly (哪几个原有园区: no figure)
    q, mentions = names_in(plain(parsed.read_as or parsed.question), gaz)
    masked = masked_text(q, mentions)
    refuse_unheld(parsed, masked)
    unnamed = (unrecognised_head(q, mentions, parsed)
               or unrecognised_name_zh(q, mentions, parsed))
    if unnamed:
        named = list(parsed.slots.values())
        raise Unmappable(parsed.question, unnamed, recognised=named,
                         closest=closest_questions(parsed.question, named), final=True)
    from queries.ask.named_relation import named_first

    return named_first(recheck_kind(parsed, masked), masked)


# Words that end a noun phrase ("the YRD alliance in Nantong"): a name before them is no
# modifier of a kind word after them.
_ENDS_PHRASE = frozenset({"in", "of", "and", "or", "with", "to", "for", "from", "by", "on", "at",
                          "is", "are", "was", "were", "does", "do", "did", "has", "have", "that",
                          "which", "who", "what", "than", "as", "between", "into"})


# Kinds one may name for the other: a city or its region, a zone that is a park or a region.
_ALIKE = frozenset({frozenset({"City", "Region"}), frozenset({"Region", "Park"})})


def unrecognised_head(q: str, mentions, parsed) -> str:  # type: ignore[no-untyped-def]
    """Said when an English question names a thing the graph holds under no name it
    recognised, of which a recognised name is only a modifier: "the YRD AI industry aliance"
    (an alliance, not the YRD region), "the Nantong port" (no such entity). Read from "the",
    a name used by the reading, and a singular kind word of another label right after it
    (misspelt by a letter at most). Empty when there is none."""
    import difflib

    if not q.isascii():
        return ""
    words = {w: str(label) for w, label in label_words() if w.isascii() and " " not in w}
    used = {e.id for e in parsed.slots.values()}
    for m in mentions:
        if not set(m.ids) & used or not re.search(r"\bthe\s+$", q[:m.start]):
            continue
        if re.search(re.escape(m.text) + r"['’]s\b", parsed.question.lower()):
            continue  # "the zone's plan": the name is the owner, not a qualifier
        label = parsed.known[m.ids[0]].label if m.ids[0] in parsed.known else ""
        head, upto, misspelt = "", 0, False
        # the phrase ends where the reading's next entity begins ("the zone cover Wujiang
        # District": the district is that entity, not a kind word of the zone's phrase)
        upto_next = min((n.start for n in mentions if n.start >= m.end and set(n.ids) & used),
                        default=len(q))
        for n, word in enumerate(re.findall(r"[a-z][a-z-]*", q[m.end:upto_next])[:4]):
            if word in _ENDS_PHRASE:
                break
            close = words.get(word)
            near = [] if close or len(word) < 6 else [w for w in difflib.get_close_matches(
                word, list(words), n=1, cutoff=0.9) if w[0] == word[0]]
            if close or near:  # the last kind word of the phrase is its head
                plural = word.endswith("s") or word in _GENERIC
                head, upto, misspelt = ("" if plural else close or words[near[0]]), n, bool(near)
        # a qualified name ("the YRD AI industry alliance") or a misspelt kind word: a
        # thing named; "the Shanghai shareholder" only describes one
        # (a name of another entity right after it qualifies the thing too: "the YRD
        # hydrogen alliance")
        named = upto >= 1 and any(n is not m and m.end <= n.start <= m.end + 1 for n in mentions)
        if head and head != label and frozenset({head, label}) not in _ALIKE and (
                misspelt or upto >= 2 or named):
            phrase = " ".join(re.findall(r"[a-z][a-z-]*", q[m.start:])[:upto + 2])
            return (f"The question names a thing of kind {head} ('the {phrase}') that the "
                    f"graph holds under no name I recognised; '{m.text}' alone is a {label}, "
                    "which is not what it asks about. Name it as the graph does (estuary "
                    "search).")
    return ""


# A name the graph does not hold that a recognised name only begins: 长三角G60科创走廊 (a
# corridor, not 长三角), 南通XX合作区. A code (G60) or a run of characters ending in a word
# that ends names of a kind, no particle, verb or question word inside it.
_NAME_END = ("走廊", "廊道", "示范区", "合作区", "开发区", "联盟", "协会", "经济带", "产业带",
             "科创带", "创新带", "城市群", "园区", "工业园", "产业园", "大桥", "铁路", "通道",
             "基地", "新区", "片区")
_ZH_NAME_TAIL = re.compile(r"\s?(?P<code>[a-z]+\d+[a-z]*|\d+[a-z]+)?\s?"
                           r"(?P<han>[\u4e00-\u9fff]{0,8})")
_NOT_IN_NAME = re.compile(r"[有是的在和与跟同及哪什几共都还也被对从为于由把将这那要去请吗呢了过]")


def unrecognised_name_zh(q: str, mentions, parsed) -> str:  # type: ignore[no-untyped-def]
    """Said when a Chinese question names a thing the graph does not hold whose name begins
    with a recognised one (长三角G60科创走廊: 长三角 is a region, the corridor is not held).
    Empty when there is none."""
    if q.isascii():
        return ""
    used = {e.id for e in parsed.slots.values()}
    kinds = {w for w, _ in label_words() if not w.isascii()}
    for m in mentions:
        if not set(m.ids) & used:
            continue
        tail = _ZH_NAME_TAIL.match(q, m.end)
        if tail is None or any(n.start < tail.end() and m.end < n.end for n in mentions
                               if n is not m):
            continue
        han = tail.group("han")
        end = max((han.find(w) + len(w) for w in _NAME_END if w in han), default=0)
        name = han[:end]
        if _NOT_IN_NAME.search(name) or name in kinds or _kind_said(name, kinds):
            name = ""
        code = tail.group("code") or ""
        if not code and len(name) - max((len(w) for w in _NAME_END if name.endswith(w)),
                                        default=0) < 2:
            continue  # 南通开发区, 南通园区: a kind word, no name of its own
        if code or name:
            said = f"{m.text}{code.upper()}{name}"
            return (f"The question names {said!r}, which the graph does not hold; '{m.text}' "
                    "alone is another entity, which is not what it asks about. Name it as the "
                    "graph does (estuary search).")
    return ""


def _kind_said(name: str, kinds: set[str]) -> bool:
    """A kind word with a tier or kind of the lexicon before it (国家级开发区, 国家级经开区):
    words for what is asked, no name of its own."""
    from queries.ask.lexicon import lexicon

    said = [w for k in lexicon().kinds for w in k.words if not w.isascii()]
    said += [w for q in lexicon().qualifiers for w in q.words if not w.isascii()]
    if name in said:
        return True
    return any(name.startswith(w) and (name[len(w):] in kinds or name[len(w):] in said)
               for w in said if len(w) < len(name))


def read_checked(question: str, gaz, extra=()):  # type: ignore[no-untyped-def]
    """A question read and checked: parsed (queries/ask/parsing.py), a figure the graph
    does not hold refused with what it holds, the kind asked set to the asking phrase's
    head, and a yes-or-no question about two entities read as their check (a verdict)."""
    from queries.ask.negation import refuse_negated
    from queries.ask.parsing import Unmappable, parse
    from queries.ask.verdict import as_check

    try:
        parsed = checked(parse(question, gaz, extra), gaz)
    except Unmappable as exc:
        raise unheld_figure(question, gaz, exc) from None
    refuse_negated(question, parsed)
    return as_check(parsed) or parsed

