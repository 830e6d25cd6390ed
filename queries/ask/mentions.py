"""What a question's words say besides the entities it names: a name read as a word (a
qualifier, a kind, one of the lexicon's sets), now, a merger, what the graph does not record."""

from __future__ import annotations

import re
from functools import cache

from graph.gazetteer import Gazetteer, Mention, mask, prepare
from queries.ask.lexicon import lexicon
from queries.ask.reading import find, label_words
from queries.ask.text import names_in


def sets_named(mentions: tuple[Mention, ...]) -> list[int]:
    """The mentions that name one of the lexicon's sets (跨江通道: four crossings)."""
    sets = lexicon().sets
    return [n for n, m in enumerate(mentions) if frozenset(m.ids) in sets]


def said_now(q: str) -> bool:
    return bool(re.search(r"现在|目前|当前|如今|\b(?:now|currently|today)\b", q))


def unheld_in(question: str, gaz: Gazetteer | None = None) -> str:
    """What the graph does not record that the question asks about (GDP, population), said
    outside the names it recognises ("the free flow of production factors" is a name)."""
    text = prepare(question)
    words = [(w, w) for w in lexicon().unheld]
    if gaz is not None:
        q, mentions = names_in(question, gaz)
        # a word the graph does not hold that holds a name and more (分税制 holds 分税): the
        # word, not the name
        wider = [h for h in find(words, q) if any(
            h.start <= m.start and m.end <= h.end and h.end - h.start > m.end - m.start
            for m in mentions)]
        if wider:
            return str(wider[0].value)
        text = mask(q, mentions)
    hits = find(words, text)
    return str(hits[0].value) if hits else ""


def qualifiers_as_words(q: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A name that is also a qualifier of the lexicon (未来产业, future industries: a tier
    and an entity) is read as the qualifier where the question names something else too."""
    words = {w.casefold() for qualifier in lexicon().qualifiers for w in qualifier.words}
    verbs = [v.text for v in lexicon().verbs if len(v.text) > 1]
    # (a name right after a verb is its object, 入选了国家级先进制造业集群: the name)
    kept = tuple(m for m in mentions if m.text.casefold() not in words or any(
        q[:m.start].rstrip(" 了过").endswith(v) for v in verbs))
    return kept if kept and len(kept) < len(mentions) else mentions


_ASKING = re.compile(r"(?:哪些|哪个|哪几个|哪类|哪种|\b(?:which|what|any)\b)\s?$")


def kinds_as_words(q: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A name that is also a word for a kind ("city clusters", 都市圈) is read as the kind
    where a question word stands before it, or before the kind words listed with it
    ("which metropolitan circles, city clusters or belts": the kinds, not two regions)."""
    kinds = {str(w).casefold() for w, _ in label_words()}
    out: list[Mention] = []
    after = 0  # where the last kind word read as a word ended
    for m in mentions:
        text = m.text.strip().casefold()
        before = q[after:m.start] if after else q[:m.start]
        listed = after and re.fullmatch(r"\s?(?:,|、|和|与|及|或|或者|and|or)?\s?", before)
        a_set = frozenset(m.ids) in lexicon().sets  # 跨江通道: the crossings, read as a set
        # ("tunnels, bridges": kind words each, not a loose match of a tunnel-bridge's name)
        if (text in kinds or text[:-1] in kinds or all(
                w in kinds or w[:-1] in kinds for w in text.split())) and not a_set and (
                _ASKING.search(before) or listed):
            after = m.end
            continue
        out.append(m)
    return tuple(out) if out else mentions



_COUNTING = re.compile(r"(?:哪些|哪个|哪几个|哪几家|哪类|哪种|几个|几家|几座|多少个|多少家|"
                       r"有没有|有无|"
                       # (泗洪那个共建园区: that park there, one of the kind)
                       r"那个|这个|那些|这些|那几个|这几个|那家|这家|那座|这座|"
                       r"\b(?:which|what|any|how many)\b)\s?(?:[\u4e00-\u9fff]{1,3}的?)?$|"
                       r"的\s?$")  # (沭阳的共建园区: its parks that were co-built)
# (几个南北共建园区: a qualifier or two between)


def kind_at_end(text: str) -> tuple[str, str] | None:
    """(the word, its label) of the longest Chinese kind word a name ends in, beyond it
    (共建园区: 园区, Park), or None."""
    text = text.strip()
    return next(((w, label) for w, label in _zh_kind_words()
                 if text.endswith(w) and len(text) > len(w)), None)


@cache
def _zh_kind_words() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((str(w), str(label)) for w, label in label_words()
                         if len(str(w)) > 1 and not str(w).isascii()), key=lambda x: -len(x[0])))


def headed_by_a_kind(q: str, mentions: tuple[Mention, ...],
                     gaz: Gazetteer) -> tuple[Mention, ...]:
    """A name of one kind that ends in a word for another, asked for (几个共建园区: the
    mechanism 园区共建 is also called 共建园区, but the question counts parks that were
    co-built), is read as words: the kind asked and the verb before it."""
    out = []
    dropped = False
    for m in mentions:
        text = m.text.strip()
        head = kind_at_end(text)
        asked = _COUNTING.search(q[:m.start])
        if asked and asked.group().strip() == "的" and (
                len(text) - len(head[0] if head else "") > 2 or re.search(r"[“\"「『]\s?$",
                                                                        q[:m.start])):
            asked = None  # X的“探索…机制”: a name, quoted or long, is said as a name
        if asked and _own_kind_after(q[m.end:], m, gaz):
            asked = None  # 那个共建园区机制: the mechanism, named with its own kind word
        if head is not None and asked and not any(
                gaz.entities[i].label == head[1] for i in m.ids if i in gaz.entities):
            dropped = True
            continue
        out.append(m)
    # (哪个共建园区最早成立: no name left, the kind asked of the whole graph)
    return tuple(out) if out or dropped else mentions


def _own_kind_after(rest: str, m: Mention, gaz: Gazetteer) -> bool:
    """Whether a word for the named entity's own kind follows its name (共建园区机制)."""
    rest = rest.lstrip()
    return any(rest.startswith(str(w)) and any(
        gaz.entities[i].label == str(label) for i in m.ids if i in gaz.entities)
        for w, label in label_words() if len(str(w)) > 1 and not str(w).isascii())


MERGED = re.compile(r"并入|并到|合并|整合进|\bmerged?\b|\bmerges\b|\babsorbed\b|\bfolded into\b")


@cache
def lexicon_words() -> str:
    """The lexicon's words, one a line: a capitalised one of them is no name."""
    lex = lexicon()
    return "\n".join([*(str(w) for w, _ in label_words(lex)), *(v.text for v in lex.verbs)])
