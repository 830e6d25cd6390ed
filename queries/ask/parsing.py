"""A question mapped to one intent with every slot filled, or an `Unmappable` that says why
not and which questions come closest: never a confident wrong answer.

A near miss ("Suzhuo", 南桶) is read as an entity only where the intent lacks one, and the
answer says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from graph.gazetteer import Gazetteer, Mention, mask, prepare
from graph.model import Entity
from graph.schema import LABELS, REL_TYPES
from queries.ask.closest import closest_questions, describe, needs
from queries.ask.colloquial import plain
from queries.ask.filters import Filter, asked_of, aspect_said, held_filters, kind_filters
from queries.ask.grammar import reading_intent
from queries.ask.held_values import held_by_asked
from queries.ask.intents import INTENTS
from queries.ask.leftovers import (
    conjunct_words,
    leftover_words,
    near_misses,
    original,
    respelt,
    suggest_entities,
)
from queries.ask.located import builders_in
from queries.ask.matching import match
from queries.ask.mentions import (
    MERGED,
    headed_by_a_kind,
    kinds_as_words,
    lexicon_words,
    qualifiers_as_words,
    said_now,
    sets_named,
    unheld_in,
)
from queries.ask.overview import overview_reading
from queries.ask.phrases import (
    ALL_OF_A_KIND,
    framed,
    masked_text,
    named_in_phrase,
    place_in_phrase,
)
from queries.ask.reading import find, label_words, read, unknown_kind
from queries.ask.records import Intent, Slot, fill_in
from queries.ask.states import conditions
from queries.ask.stray import capitalised as capitalised_words
from queries.ask.stray import names_like
from queries.ask.tags import kind_led, kind_tagged, peeled, topic_first
from queries.ask.terse import Brief, terse_reading
from queries.ask.text import names_in
from queries.ask.where_found import where_found
from queries.ask.who_does import who_does
from queries.errors import QueryError

# -- the outcome of parsing -------------------------------------------------------------------


@dataclass(frozen=True)
class Parsed:
    """A question mapped to an intent with every slot filled by one entity."""

    question: str
    intent: Intent
    mentions: tuple[Mention, ...]
    slots: dict[str, Entity]
    labels: dict[str, str]
    notes: tuple[str, ...] = ()
    known: dict[str, Entity] = field(default_factory=dict)  # every entity a mention names
    asked: frozenset[str] | None = None  # the labels the question asks for (哪些城市: City)
    count: bool = False  # a count question (一共有几个, how many): answered with the number
    current: bool = False  # 现在, now: what has ended (an entity with `until`) is left out
    filters: tuple[Filter, ...] = ()  # before 2010, over 100 km², a majority stake
    only: frozenset[str] = frozenset()  # a set the question names (跨江通道): answers among it
    otherwise: frozenset[str] = frozenset()  # kinds asked where none of `asked` is found
    within: str = ""  # a place qualifying the kind asked (Nantong's parks): answers inside it
    read_as: str = ""  # the question as read, where a misspelt name was respelt ("Zhangjingao")

    def values(self) -> dict[str, str]:
        """Slot -> what a query receives: an entity id or a label."""
        return {**{k: e.id for k, e in self.slots.items()}, **self.labels}

    def names(self) -> dict[str, str]:
        """Slot -> how an explanation names it."""
        return {**{k: e.display for k, e in self.slots.items()}, **self.labels}


class Unmappable(QueryError):
    """A question `ask` cannot map to a query; the message says why and what it can do."""

    def __init__(self, question: str, reason: str, *, recognised: Iterable[Entity] = (),
                 closest: Iterable[str] = (), hints: Iterable[str] = (),
                 final: bool = False) -> None:
        self.question = question
        self.final = final  # an entity named twice, or ambiguous: no other reading helps
        self.reason = reason
        self.recognised = tuple(recognised)
        self.closest = tuple(closest)
        self.hints = tuple(hints)
        lines = [reason]
        lines.extend(self.hints)
        if self.recognised:
            lines.append("Recognised: " + ", ".join(f"{e.display} [{e.id}]"
                                                    for e in self.recognised))
        if self.closest:
            lines.append("Questions I can answer, closest first:")
            lines.extend(f"  estuary ask \"{q}\"" for q in self.closest)
        super().__init__("\n".join(lines))


# -- parsing ----------------------------------------------------------------------------------

def _choose(mention: Mention, slot: Slot, others: list[Mention], gaz: Gazetteer) -> list[str]:
    """The ids a mention may mean in this slot, narrowed by label and context."""
    ids = [i for i in mention.ids if slot.accepts(gaz.entities[i].label)]
    if len(ids) > 1:
        # "通和苏": 苏 is 苏州 (a city, like 南通), not 江苏.
        context = {gaz.entities[m.ids[0]].label for m in others if len(m.ids) == 1}
        same = [i for i in ids if gaz.entities[i].label in context]
        ids = same or ids
    if len(ids) > 1:
        named = gaz.named(mention.text)
        ids = [i for i in ids if i in named] or ids
    return ids


def parse(question: str, gaz: Gazetteer, extra: tuple[Intent, ...] = (),
          respelling: bool = False) -> Parsed:
    """Which intent does this question ask, about which entities? Raises Unmappable.

    The intent table first (its intents are tuned questions: tiers, links, comparisons);
    what it cannot map, the grammar over the schema reads (queries/ask/grammar.py). `extra`:
    the analyst's own intents (queries/ask/user.py), tried first. Where nothing reads
    it, a misspelt name is read as the entity it almost names (`respelling`: done)."""
    said = plain(question)  # 有啥园区, 咋样, …呗: said plainly, read, and kept as typed
    # "where is X in the zone?", "Sutong park - who were the shareholders?", "alliances -
    # list?": said as the grammar reads it (where_found.py, tags.py)
    across = (where_found(said, gaz) or who_does(said, gaz) or topic_first(said, gaz)
              or kind_tagged(said) or kind_led(said))
    if across is not None and across != said:
        got = parse(across, gaz, extra, respelling)
        return replace(got, question=question, notes=(f"Read as {across!r}.", *got.notes))
    if said != question:
        return replace(parse(said, gaz, extra, respelling), question=question)
    unheld = unheld_in(question, gaz)
    # "tell me about X", X咋样: X in brief; "Qidong parks", 海门 过江通道: keywords, no verb
    brief = None if unheld else _brief(question, gaz)
    if brief is not None:
        return brief
    built = None if unheld else _builders_in(question, gaz)  # who built the parks in X
    if built is not None:
        return built
    if not unheld and sets_named(names_in(question, gaz)[1]):  # 跨江通道: read by the grammar
        grammar = parse_grammar(question, gaz)
        if grammar is not None:
            return grammar
    try:
        parsed = _parse_table(question, gaz, extra)
    except Unmappable as exc:
        grammar = None if unheld or exc.final else parse_grammar(question, gaz)
        if grammar is not None:
            return grammar
        again = None if unheld or exc.final or respelling else respelt(question, gaz)
        if again is not None:  # "biomedecine", 苏洲: once more, the name as the graph has it
            try:
                got = parse(again[0], gaz, extra, respelling=True)
            except Unmappable:
                got = None
            if got is not None:
                return replace(got, question=question, notes=(*again[1], *got.notes),
                               read_as=got.read_as or got.question)
        full = None if unheld or exc.final else framed(question, gaz)
        if full is not None:  # "Nantong's industries?", 南通的园区？
            return replace(parse(full, gaz, extra), question=question)
        hint = f"The graph does not record {unheld!r}." if unheld else _unknown_kind(
            question, gaz)
        if hint and hint not in exc.hints:
            raise Unmappable(question, exc.reason, recognised=exc.recognised,
                             closest=exc.closest, hints=(*exc.hints, hint)) from None
        raise
    if unheld:  # "what is Suzhou's GDP": never answered with something else
        said = question.strip()
        recognised = list(parsed.known.values())
        raise Unmappable(question, f"I cannot map {said!r} to a question I can answer.",
                         hints=[f"The graph does not record {unheld!r}."],
                         recognised=recognised, closest=closest_questions(question, recognised))
    q, mentions = names_in(question, gaz)
    masked = masked_text(q, mentions)
    reading = read(masked, text=q)
    # a qualifier (地标产业, proven) keeps the relations that hold it, whatever the intent
    held = held_filters(reading.where)
    said = conditions(q, masked)  # (北沿江高铁还在建吗: the line's state, no condition)
    asked = reading.asked
    if asked is None and parsed.intent.name == "compare":  # "compare A and B on industries"
        asked = frozenset(str(h.value) for h in find(label_words(), masked)
                          if h.value != "Source") or None
    return replace(parsed, asked=asked, count=reading.count, current=said_now(q),
                   filters=asked_of(kind_filters(masked, reading.phrase) + said
                                    + held + aspect_said(q), reading.asked))


# A property asked about, and the entity properties that hold it (a relation's own properties,
# such as share or tier, are not checked here).
_HELD_AS = {"established": ("established", "opened"), "opened": ("opened", "established", "status"),
            "area_km2": ("area_km2",), "length_m": ("length_m",)}


def _unknown_kind(question: str, gaz: Gazetteer) -> str:
    """A hint when the question asks for a kind the graph does not hold (哪些大学)."""
    q, mentions = names_in(question, gaz)
    masked = masked_text(q, mentions)
    word = unknown_kind(masked, read(masked, text=q))
    if not word:
        return ""
    kinds = ", ".join(label for label in LABELS if label != "Source")
    return f"The graph holds no kind called {word!r}; it has {kinds}."


_INSIDE = r"(?:境内|市内|区内|县内|范围内|辖区内|以内|市域内|一带)"
_THERE = r"(?:这边|那边|那里|这里|那儿|这儿|当地)"
_WITHIN = re.compile(rf"在\s?⟨(\d+)⟩\s?{_INSIDE}|\b(?:within|inside) (?:the )?⟨(\d+)⟩|"
                     # 南通在苏州这边建了哪些载体: what the one builds that lies in the place
                     rf"(?<=⟩)\s?在\s?⟨(\d+)⟩\s?{_THERE}?\s?(?=(?:也|都|还|又|先后)?(?:共建|合建|建设?|搞|"
                     r"办|设立?|投资|打造|开发)(?:了|过)?\s?(?:哪些|哪几个|哪几家|什么|多少|几个))|"
                     # "who in Nantong works with X", "which firms in Suzhou …": those in it
                     r"^\s?(?:who|which [a-z]+|what [a-z]+) in (?:the )?⟨(\d+)⟩|"
                     # "where in Zhejiang does the railway go": the places it reaches there
                     r"^\s?where in (?:the )?⟨(\d+)⟩|"
                     # "what is X doing in Nantong": what X relates to that lies in Nantong
                     r"\b(?:doing|up to|involved|active|present|"
                     # "where has X got a foothold in Nantong": where X is, in Nantong
                     r"(?:got |gained |has |have |with )?(?:a )?(?:foothold|presence|footprint))"
                     r" in (?:the )?⟨(\d+)⟩\s?$")
_DOING = re.compile(r"\b(?:doing|up to|involved|active|present|"
                    r"(?:got |gained |has |have |with )?(?:a )?(?:foothold|presence|footprint))"
                    r"\s?$")
# 南通有哪些园区是做生物医药的, 苏州有哪些园区做生物医药: a place first, then the kind of thing
# that lies in it, then what they do: those in the place (not what relates to it otherwise)
_PLACE_FIRST = re.compile(r"(?:^|\s|在)⟨(\d+)⟩\s?(?:本地|本土|的|这边|那边)?\s?"
                          r"(?:都|还|一共|总共)?\s?有?\s?"
                          r"(?:哪些|哪几个|哪几家|什么)\s?"
                          r"(?:园区|开发区|产业园|工业园|项目|企业|公司)"
                          # "Nantong parks doing biomedicine", "which Nantong parks do cars"
                          r"|^\s?(?:(?:which|what|any|the|are there any)\s)?⟨(\d+)⟩(?:'s|’s)?"
                          r"\s(?:co-built\s|industrial\s)?(?:parks?|zones?)\b", re.I)
_FIRST_KIND = frozenset({"Park"})


def parse_grammar(question: str, gaz: Gazetteer) -> Parsed | None:
    """The grammar's reading of a question: a relation of the schema asked from one end (or
    what two entities share), or None."""
    q, mentions = names_in(question, gaz)
    said = question.strip()
    if any(not any(w.casefold() in m.text for m in mentions)
           for w in names_like(said) if not find([(w.casefold(), w)], lexicon_words())):
        return None  # "the Lanhai project": a name the graph does not hold
    mentions = qualifiers_as_words(q, mentions)
    mentions = headed_by_a_kind(q, kinds_as_words(q, mentions), gaz)
    sets = sets_named(mentions)
    only = frozenset(i for n in sets for i in mentions[n].ids)
    set_words = [mentions[n].text for n in sets]
    mentions = tuple(m for n, m in enumerate(mentions) if n not in sets)  # read as words
    masked = masked_text(q, mentions)
    reading = read(masked, text=q)
    named = named_in_phrase(masked, mentions, reading, gaz)
    place = place_in_phrase(masked, mentions, reading, gaz) if not named else None
    said_within = _WITHIN.search(masked) if place is None and len(mentions) > 1 else None
    at = int(next(g for g in said_within.groups() if g)) if said_within else -1
    if said_within and gaz.entities[mentions[at].ids[0]].label in ("City", "Region"):
        place = at  # 在南通境内经过哪些地方: those in Nantong (itself too)
    first = _PLACE_FIRST.search(masked) if place is None and len(mentions) > 1 else None
    at_first = int(next(g for g in first.groups() if g)) if first else -1
    if first and gaz.entities[mentions[at_first].ids[0]].label in ("City", "Region"):
        place = at_first
    if place is not None:  # which of Nantong's parks …: those in Nantong, not about it
        within = mentions[place].ids[0]
        text = mentions[place].text
        mentions = tuple(m for n, m in enumerate(mentions) if n != place)
        masked = masked_text(q, mentions)
        if not said_within:  # (its name is read: no word of it is left unused)
            masked = re.sub(rf"(?<![a-z]){re.escape(text)}(?:'s|’s)?(?![a-z])", " ",
                            masked, count=1).strip()
        if said_within:  # the words that say it are no verb (境内)
            masked = re.sub(rf"在\s?{re.escape(text)}\s?(?:{_INSIDE}|{_THERE})?|"
                            rf"\b(?:within|inside|in)\s(?:the\s)?{re.escape(text)}", " ",
                            masked).strip()
            # (what X is doing there: what the graph relates to it, kept to the place)
            masked = _DOING.sub("related to", masked)
        asked = reading.asked or (_FIRST_KIND if first and re.search(
            r"园|区|park|zone", first.group(0), re.I) else None)  # "Nantong parks with …"
        again = read(masked, text=q)  # (the kinds as first read: 上海哪些区 are districts)
        reading = replace(again, asked=asked,
                          otherwise=reading.otherwise if reading.asked else again.otherwise)
        if named:  # (their places moved with the place taken out: read again)
            named = named_in_phrase(masked, mentions, reading, gaz)
    else:
        within = ""
    if named:  # 南通采用了哪些税收分成的做法: among the mechanisms, the one it names
        only = only | frozenset(i for n in named for i in mentions[n].ids)
        mentions = tuple(m for n, m in enumerate(mentions) if n not in named)
        masked = masked_text(q, mentions)
        reading = replace(read(masked, text=q), asked=reading.asked)
    if only and reading.asked is None:
        reading = replace(reading, asked=frozenset(gaz.entities[i].label for i in only
                                                   if i in gaz.entities))
    read_words = [(h.start, h.end) for h in (*reading.verbs, *reading.questions,
                                             *find(label_words(), masked))]
    joined = [w for w in conjunct_words(masked, read_words)
              if re.search(rf"(?:和|与|跟|同|及|、|\band |\bwith |\bor ){re.escape(w)}|"
                           rf"{re.escape(w)}(?:和|与|跟|同|及|、| and\b| or\b)", masked)]
    if joined:
        return None  # "北京和天津之间": a name the graph does not hold
    if set_words:  # 南通的跨江园区: 跨江 names the set, it is no verb here
        inside = [(m.start(), m.end()) for w in set_words for m in re.finditer(re.escape(w),
                                                                               masked)]
        reading = replace(reading, verbs=tuple(v for v in reading.verbs if not any(
            a <= v.start and v.end <= b for a, b in inside)))
    found = reading_intent(masked, mentions, gaz, reading)
    if found is None:
        return None
    intent, ids = found
    kept_to = {k: v for k, v in ids.items() if k.startswith("only:")}  # among those named
    if kept_to:
        only = only | frozenset(kept_to.values())
        ids = {k: v for k, v in ids.items() if k not in kept_to}
    if intent.name == "partners":  # "who … and which park": the kinds the intent keeps
        label = intent.steps[0].kwargs.get("label")
        reading = replace(reading, asked=frozenset(label.split("/")) if label else None)
    filters = asked_of(kind_filters(masked, reading.phrase) + conditions(q, masked)
                       + aspect_said(q), reading.asked)
    filters = held_by_asked(filters, reading.asked, gaz)
    about_source = any(label == "Source" for w, label in label_words() if w in q)
    stated = [f for f in filters if f.op != "said"]  # (an aspect named is no condition)
    co_built = intent.name.startswith("every:") and bool(reading.asked) and \
        "Park" in (reading.asked or ()) and bool(_CO_BUILT_SAID.search(masked))
    left = set(leftover_words(masked, read_words)) - ALL_OF_A_KIND
    if co_built:  # ("which co-built parks are there": the words that say the condition)
        left = {w for w in left if not _CO_BUILT_WORD.fullmatch(w.lower())}
    if intent.name.startswith("every:") and not (only or stated or about_source) and left:
        return None  # "which parks straddle the river": not every park (the article's: all)
    if co_built:
        # "which co-built park was set up first", 哪个共建园区最早成立: no builder named, the
        # parks of a co-building kind (not every park: the condition is no word to drop)
        filters = (Filter("kind", "is", said="co-built", values=_CO_BUILT, labels=("Park",)),
                   *filters)  # (first: the earliest of them, not of every park)
    slots = {name: gaz.entities[i] for name, i in ids.items()}
    if intent.name.startswith("property:") and len(slots) == 1:
        helds = [_HELD_AS.get(p) for p in intent.name.split(":", 1)[1].split("+")]
        if all(helds) and not any(slots["x"].props.get(p) for h in helds for p in h or ()):
            return None  # "what is the area of Qidong": the graph records none
    ends = {e.label for e in slots.values()}
    if intent.name.startswith("relation:") and reading.asked is None and len(ends) == 1 \
            and MERGED.search(masked):  # what a park (or two) was merged into is a park
        reading = replace(reading, asked=frozenset(ends))
    if intent.name == "route" and reading.asked is None and len(ends) == 1:
        reading = replace(reading, asked=frozenset(ends))  # a chain of industries: industries
    if len(set(ids.values())) != len(ids):
        return None
    known = {i: gaz.entities[i] for m in mentions for i in m.ids}
    if within:
        known[within] = gaz.entities[within]
    said_capitalised = {w.casefold() for w in capitalised_words(said)}
    told = " ".join([*set_words, *(f.said for f in filters)]).casefold()  # (read, as a
    unused = [original(question, w) for w in leftover_words(masked, read_words)  # set or a
              if w.casefold() not in told]  # condition: 'Yangtze' of "Yangtze crossings")
    # ("… co-built? Scouting partners.": a word that names nothing, said to be left out)
    notes = (f"Not used: {', '.join(repr(w) for w in dict.fromkeys(unused))}.",) if any(
        w.casefold() in said_capitalised for w in unused) else ()
    return Parsed(question, intent, mentions, slots, {}, notes, known, reading.asked,
                  reading.count, said_now(q), filters, only, reading.otherwise, within)


_CO_BUILT = ("co-built-park", "paired-park")
_CO_BUILT_WORD = re.compile(r"co-?built|co-?developed|co|built|developed|jointly|joint")
_CO_BUILT_SAID = re.compile(r"共建|合建|联建|\b(?:co[- ]?built|co[- ]?developed|jointly (?:built|"
                            r"developed|run))\b")


def _brief(question: str, gaz: Gazetteer) -> Parsed | None:
    """X in brief ("tell me about X", X咋样) or a keyword query ("Qidong parks", 海门 过江通道):
    queries/ask/overview.py and terse.py read them; None for any other question."""
    found = overview_reading(question, gaz)
    if found is not None:
        return _briefed(question, found, gaz)
    terse = terse_reading(question, gaz)
    if terse is None:
        return None
    try:  # a tuned question of the table said short ("Nantong Suzhou industry links")
        table = _parse_table(peeled(question)[0], gaz)
    except Unmappable:
        return keyword_reading(question, gaz)
    read = fill_in(table.intent.question, table.names())
    kept = "; ".join(f.describe() for f in terse.filters if f.describe())
    read = f"{read} (kept to {kept})" if kept and not table.filters else read
    return replace(table, question=question, count=table.count or terse.count,
                   filters=table.filters or terse.filters,  # (a date said: kept)
                   notes=(f"Read as a keyword query: {read}", *table.notes))


def keyword_reading(question: str, gaz: Gazetteer) -> Parsed | None:
    """A keyword query read by the kind word from the name's side (queries/ask/terse.py),
    whatever the table makes of it (answering.py asks it where the table's answer finds
    nothing: "AI alliance members" are firms, not the cities the table's intent keeps)."""
    found = terse_reading(question, gaz)
    return None if found is None else _briefed(question, found, gaz)


def _briefed(question: str, found: Brief, gaz: Gazetteer) -> Parsed | None:
    if found.intent is None:  # two names alone: how they are related, asked in full
        try:
            parsed = _parse_table(found.instead, gaz)
        except Unmappable:
            return None
        return replace(parsed, question=question, notes=(*found.notes, *parsed.notes))
    return Parsed(question, found.intent, found.mentions, found.slots, {}, found.notes,
                  found.known, found.asked, found.count, found.current, found.filters,
                  found.only, within=found.within)


def _builders_in(question: str, gaz: Gazetteer) -> Parsed | None:
    """Who built the parks that lie in a place (queries/ask/located.py), or None."""
    q, mentions = names_in(question, gaz)
    mentions = headed_by_a_kind(q, kinds_as_words(q, mentions), gaz)
    found = builders_in(masked_text(q, mentions), mentions, gaz)
    if found is None:
        return None
    intent, ids, within = found
    slots = {name: gaz.entities[i] for name, i in ids.items()}
    known = {i: gaz.entities[i] for m in mentions for i in m.ids}
    # (the builders, whatever kind word the asking phrase ends in: "who built the parks")
    builders = frozenset(REL_TYPES["CO_BUILDS"].sources)
    return Parsed(question, intent, mentions, slots, {}, (), known, None, False,
                  said_now(q), (), frozenset(), builders, within)


def _parse_table(question: str, gaz: Gazetteer, extra: tuple[Intent, ...] = ()) -> Parsed:
    """The intent of the table this question asks, with its entities. Raises Unmappable."""
    if not prepare(question):
        raise Unmappable(question, "Ask a question, e.g. one of these:",
                         closest=[i.examples[0] for i in INTENTS[:3]])
    q, mentions = names_in(question, gaz)
    mentions = headed_by_a_kind(q, mentions, gaz)  # 有没有共建园区: parks, not the mechanism
    notes: list[str] = []
    for _attempt in range(2):  # once more after reading near misses as entities
        masked = mask(q, mentions)
        candidates = [c for i in (*extra, *INTENTS)
                      if (c := match(i, masked, mentions, gaz))]
        if not candidates:
            break
        best = max(candidates, key=lambda c: c.rank())
        # Words joined to an entity by 和/and may be entities; when the intent lacks one,
        # any word may be (only then is pypinyin imported, for a homophone like 南桶).
        words = conjunct_words(masked, best.cover)
        if not best.complete:
            words += leftover_words(masked, best.cover)
        added = near_misses(question, q, words, mentions, gaz, notes)
        if not added:
            break
        mentions = tuple(sorted((*mentions, *added), key=lambda m: m.start))
    known = {i: gaz.entities[i] for m in mentions for i in m.ids}  # every entity named
    recognised = list(known.values())
    said = question.strip()
    if not candidates:
        strange = [w for w in names_like(said)
                   if not any(w.casefold() in m.text for m in mentions)]
        hints = [f"Not recognised: {', '.join(repr(w) for w in strange)}."] if strange else []
        raise Unmappable(question, f"I cannot map {said!r} to a question I can answer.",
                         recognised=recognised, hints=hints,
                         closest=closest_questions(question, recognised))
    leftovers = [original(question, w) for w in leftover_words(masked, best.cover)]
    unknown = [original(question, w) for w in conjunct_words(masked, best.cover)]
    if not best.complete:
        unknown = unknown or leftovers
    # An English proper noun nothing recognised ("Atlantis") may be one more entity.
    capitalised = {w.casefold() for w in names_like(said)}
    unknown += [w for w in leftovers if w.casefold() in capitalised and w not in unknown]
    # (a capitalised word that names nothing, or begins a sentence, is said to be left out)
    said_capitalised = {w.casefold() for w in capitalised_words(said)}
    if best.complete and not unknown and any(w.casefold() in said_capitalised
                                             for w in leftovers):
        notes.append(f"Not used: {', '.join(repr(w) for w in dict.fromkeys(leftovers))}.")
    if unknown or not best.complete:
        hints = []
        looks = best if not best.complete else max(
            (c for c in candidates if not c.complete), key=lambda c: c.rank(), default=None)
        if looks is not None:
            hints.append(f"It looks like: {describe(looks.intent)}")
        for word in unknown:
            similar = suggest_entities(word, gaz)
            if similar:
                hints.append(f"For {word!r}, did you mean: " + ", ".join(
                    f"{e.display} [{e.id}]" for e in similar) + "?")
        reason = (f"I did not recognise {' '.join(unknown)!r} in {said!r}." if unknown
                  else f"{said!r} does not name {needs(best.missing)}.")
        raise Unmappable(question, reason, recognised=recognised, hints=hints,
                         closest=closest_questions(question, recognised))
    if best.extras:
        extra = ", ".join(repr(mentions[n].text) for n in best.extras)
        raise Unmappable(question, f"{said!r} also names {extra}, which "
                         f"{best.intent.question!r} does not use; ask about fewer entities.",
                         recognised=recognised, closest=closest_questions(question, recognised))
    slots: dict[str, Entity] = {}
    for name, n in best.bound.items():
        slot = next(s for s in best.intent.slots if s.name == name)
        others = [m for k, m in enumerate(mentions) if k != n]
        ids = _choose(mentions[n], slot, others, gaz)
        if len(ids) > 1:
            listed = ", ".join(f"{gaz.entities[i].display} [{i}]" for i in ids)
            raise Unmappable(question, f"{mentions[n].text!r} is ambiguous here: {listed}. "
                             "Use a fuller name.", recognised=recognised, final=True)
        slots[name] = gaz.entities[ids[0]]
    chosen = [e.id for e in slots.values()]
    if len(chosen) != len(set(chosen)):
        same = gaz.entities[next(i for i in chosen if chosen.count(i) > 1)]
        raise Unmappable(question, f"{said!r} names {same.display} [{same.id}] twice; ask "
                         "about two different entities.", recognised=recognised, final=True)
    return Parsed(question, best.intent, mentions, slots, best.labels, tuple(notes), known)
