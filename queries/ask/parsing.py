"""A question mapped to one intent with every slot filled, or an `Unmappable` that says why
not and which questions come closest: never a confident wrong answer.

A near miss ("Suzhuo", 南桶) is read as an entity only where the intent lacks one, and the
answer says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from graph.gazetteer import Gazetteer, Mention, mask, prepare
from graph.model import Entity
from graph.names import has_han
from graph.schema import LABELS
from queries.ask.filters import Filter, asked_of, kind_filters, read_filters
from queries.ask.grammar import reading_intent
from queries.ask.intents import INTENTS, LINKABLE, Intent, Slot, fill_in
from queries.ask.leftovers import (
    conjunct_words,
    leftover_words,
    near_misses,
    original,
    respelt,
    suggest_entities,
)
from queries.ask.lexicon import lexicon
from queries.ask.matching import match
from queries.ask.phrases import (
    ALL_OF_A_KIND,
    framed,
    masked_text,
    named_in_phrase,
    place_in_phrase,
)
from queries.ask.reading import find, label_words, read, unknown_kind
from queries.ask.text import names_in
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


# -- what to suggest instead ------------------------------------------------------------------

def closest_questions(question: str, recognised: Iterable[Entity] = (),
                      limit: int = 3) -> list[str]:
    """Questions `ask` answers, most similar to this one first (one per intent): each
    intent's examples, and its template filled with the entities the question named."""
    from rapidfuzz import fuzz

    q = prepare(question)
    zh = has_han(re.sub(r"[a-z0-9 ]", "", q)) or not q.isascii()
    named = list(recognised)
    scorer = fuzz.ratio if zh else fuzz.token_sort_ratio
    best: list[tuple[float, int, str]] = []
    for n, intent in enumerate(INTENTS):
        pool = [e for e in intent.examples if has_han(e) == zh] or list(intent.examples)
        filled = _filled(intent, named, zh)
        if filled:
            pool.append(filled)
        score, example = max((scorer(q, prepare(e)) + (5 if e == filled else 0), e)
                             for e in pool)
        best.append((score, -n, example))
    best.sort(reverse=True)
    return [example for _, _, example in best[:limit]]


def _filled(intent: Intent, entities: list[Entity], zh: bool) -> str | None:
    """The intent's template with these entities in its slots, if they fit."""
    slots = [s for s in intent.slots if s.kind == "entity"]
    if not slots or len(entities) < len(slots):
        return None
    names: dict[str, str] = {}
    free = list(entities)
    for slot in slots:
        pick = next((e for e in free if slot.accepts(e.label)), None)
        if pick is None:
            return None
        free.remove(pick)
        names[slot.name] = pick.name if zh or not pick.name_en else pick.name_en
    return fill_in(intent.question_zh if zh else intent.question, names)


def _needs(slots: Iterable[Slot]) -> str:
    """What a question left out: 'an Industry', 'a City or Region and an entity'."""
    kinds = [("a kind of thing" if s.kind == "label" else "entity"
              if s.labels is None or s.labels >= LINKABLE else " or ".join(sorted(s.labels)))
             for s in slots]
    if len(kinds) > 1 and len(set(kinds)) == 1:
        return f"{len(kinds)} entities" + ("" if kinds[0] == "entity" else f" ({kinds[0]})")
    return " and ".join(k if k == "a kind of thing" else
                        ("an " if k[0] in "AEIOUaeiou" else "a ") + k for k in kinds)


def _describe(intent: Intent) -> str:
    return f"{intent.question} / {intent.question_zh}"


# -- parsing ----------------------------------------------------------------------------------

# An English proper noun, not the question's first word ("Atlantis").
_PROPER_NOUN = re.compile(r"(?<!^)\b[A-Z][A-Za-z]{2,}")


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
    unheld = _unheld(question, gaz)
    if not unheld and _sets(names_in(question, gaz)[1]):  # 跨江通道: a set, read by the grammar
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
                return replace(got, question=question, notes=(*again[1], *got.notes))
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
    held = tuple(Filter(prop, "rel", said=str(value), values=(str(value),))
                 for prop, value in reading.where.items())
    return replace(parsed, asked=reading.asked, count=reading.count, current=_now(q),
                   filters=asked_of(kind_filters(masked, reading.phrase) + read_filters(q)
                                    + held, reading.asked))


# A property asked about, and the entity properties that hold it (a relation's own properties,
# such as share or tier, are not checked here).
_HELD_AS = {"established": ("established", "opened"), "opened": ("opened", "established"),
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


def _sets(mentions: tuple[Mention, ...]) -> list[int]:
    """The mentions that name one of the lexicon's sets (跨江通道: four crossings)."""
    sets = lexicon().sets
    return [n for n, m in enumerate(mentions) if frozenset(m.ids) in sets]


def _now(q: str) -> bool:
    return bool(re.search(r"现在|目前|当前|如今|\b(?:now|currently|today)\b", q))


def _unheld(question: str, gaz: Gazetteer | None = None) -> str:
    """What the graph does not record that the question asks about (GDP, population), said
    outside the names it recognises ("the free flow of production factors" is a name)."""
    text = prepare(question)
    if gaz is not None:
        q, mentions = names_in(question, gaz)
        text = mask(q, mentions)
    hits = find(((w, w) for w in lexicon().unheld), text)
    return str(hits[0].value) if hits else ""


def _qualifiers_as_words(q: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A name that is also a qualifier of the lexicon (未来产业, future industries: a tier
    and an entity) is read as the qualifier where the question names something else too."""
    words = {w.casefold() for qualifier in lexicon().qualifiers for w in qualifier.words}
    verbs = [v.text for v in lexicon().verbs if len(v.text) > 1]
    # (a name right after a verb is its object, 入选了国家级先进制造业集群: the name)
    kept = tuple(m for m in mentions if m.text.casefold() not in words or any(
        q[:m.start].rstrip(" 了过").endswith(v) for v in verbs))
    return kept if kept and len(kept) < len(mentions) else mentions


_ASKING = re.compile(r"(?:哪些|哪个|哪几个|哪类|哪种|\b(?:which|what|any)\b)\s?$")


def _kinds_as_words(q: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
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
        if (text in kinds or text[:-1] in kinds) and not a_set and (
                _ASKING.search(before) or listed):
            after = m.end
            continue
        out.append(m)
    return tuple(out) if out else mentions


def parse_grammar(question: str, gaz: Gazetteer) -> Parsed | None:
    """The grammar's reading of a question: a relation of the schema asked from one end (or
    what two entities share), or None."""
    q, mentions = names_in(question, gaz)
    said = question.strip()
    if any(not any(w.casefold() in m.text for m in mentions)
           for w in _PROPER_NOUN.findall(said) if not find([(w.casefold(), w)], _lexicon_words())):
        return None  # "the Lanhai project": a name the graph does not hold
    mentions = _qualifiers_as_words(q, mentions)
    mentions = _kinds_as_words(q, mentions)
    sets = _sets(mentions)
    only = frozenset(i for n in sets for i in mentions[n].ids)
    set_words = [mentions[n].text for n in sets]
    mentions = tuple(m for n, m in enumerate(mentions) if n not in sets)  # read as words
    masked = masked_text(q, mentions)
    reading = read(masked, text=q)
    named = named_in_phrase(masked, mentions, reading, gaz)
    place = place_in_phrase(masked, mentions, reading, gaz) if not named else None
    if place is not None:  # which of Nantong's parks …: those in Nantong, not about it
        within = mentions[place].ids[0]
        mentions = tuple(m for n, m in enumerate(mentions) if n != place)
        masked = masked_text(q, mentions)
        reading = replace(read(masked, text=q), asked=reading.asked)
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
    filters = asked_of(kind_filters(masked, reading.phrase) + read_filters(q), reading.asked)
    about_source = any(label == "Source" for w, label in label_words() if w in q)
    if intent.name.startswith("every:") and not (only or filters or about_source) and set(
            leftover_words(masked, read_words)) - ALL_OF_A_KIND:
        return None  # "which parks straddle the river": not every park (the article's: all)
    slots = {name: gaz.entities[i] for name, i in ids.items()}
    if intent.name.startswith("property:") and len(slots) == 1:
        helds = [_HELD_AS.get(p) for p in intent.name.split(":", 1)[1].split("+")]
        if all(helds) and not any(slots["x"].props.get(p) for h in helds for p in h or ()):
            return None  # "what is the area of Qidong": the graph records none
    ends = {e.label for e in slots.values()}
    if intent.name.startswith("relation:") and reading.asked is None and len(slots) == 1 \
            and _MERGED.search(masked):  # what a park was merged into is a park
        reading = replace(reading, asked=frozenset(ends))
    if intent.name == "route" and reading.asked is None and len(ends) == 1:
        reading = replace(reading, asked=frozenset(ends))  # a chain of industries: industries
    if len(set(ids.values())) != len(ids):
        return None
    known = {i: gaz.entities[i] for m in mentions for i in m.ids}
    if within:
        known[within] = gaz.entities[within]
    return Parsed(question, intent, mentions, slots, {}, (), known, reading.asked,
                  reading.count, _now(q), filters, only, reading.otherwise, within)


_MERGED = re.compile(r"并入|并到|合并|整合进|\bmerged?\b|\bmerges\b|\babsorbed\b|\bfolded into\b")


@cache
def _lexicon_words() -> str:
    """The lexicon's words, one a line: a capitalised one of them is no name."""
    lex = lexicon()
    return "\n".join([*(str(w) for w, _ in label_words(lex)), *(v.text for v in lex.verbs)])


def _parse_table(question: str, gaz: Gazetteer, extra: tuple[Intent, ...] = ()) -> Parsed:
    """The intent of the table this question asks, with its entities. Raises Unmappable."""
    if not prepare(question):
        raise Unmappable(question, "Ask a question, e.g. one of these:",
                         closest=[i.examples[0] for i in INTENTS[:3]])
    q, mentions = names_in(question, gaz)
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
        strange = [w for w in _PROPER_NOUN.findall(said)
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
    capitalised = {w.casefold() for w in _PROPER_NOUN.findall(said)}
    unknown += [w for w in leftovers if w.casefold() in capitalised and w not in unknown]
    if unknown or not best.complete:
        hints = []
        looks = best if not best.complete else max(
            (c for c in candidates if not c.complete), key=lambda c: c.rank(), default=None)
        if looks is not None:
            hints.append(f"It looks like: {_describe(looks.intent)}")
        for word in unknown:
            similar = suggest_entities(word, gaz)
            if similar:
                hints.append(f"For {word!r}, did you mean: " + ", ".join(
                    f"{e.display} [{e.id}]" for e in similar) + "?")
        reason = (f"I did not recognise {' '.join(unknown)!r} in {said!r}." if unknown
                  else f"{said!r} does not name {_needs(best.missing)}.")
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
