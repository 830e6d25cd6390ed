"""Questions typed the way a search box is: keywords with no verb ("Qidong parks", 海门 过江通道,
"AI alliance members", 南通 集成电路, "Shanghai Nantong links").

A query is read here only when, its names taken out, every word left is a kind word (parks,
过江通道), a set the lexicon names (跨江通道), "members"/成员, "links"/关系, a joining word
(和, and, &, +) or a possessive (的, 's, of): anything else (a verb, a question word, a word
nothing recognises) is left to the table and the grammar. Then:

- one entity and a kind: the relation the kind implies from the entity's side (`IMPLIED`):
  parks of a place are those located in it and those it co-builds (the answer lists each
  under its relation), industries are HAS_INDUSTRY (and FOCUSES_ON), crossings CONNECTS;
- one entity and "members": MEMBER_OF, else PARTICIPATES_IN (membership.py);
- two entities and a kind: what of that kind links them (`two_entity_intent`);
- two entities and nothing else (or "links"): how they are related (the table's question,
  asked in full).

The answer says how the query was read (a note). A kind the graph holds none of for the
entity is said so or refused downstream, never answered with another kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from graph.gazetteer import Gazetteer, Mention
from graph.model import Entity
from graph.names import has_han
from graph.schema import REL_TYPES
from queries.ask.dated import date_clause
from queries.ask.filters import Filter, asked_of, held_filters, kind_filters, read_filters
from queries.ask.lexicon import lexicon
from queries.ask.membership import if_none
from queries.ask.mentions import (
    headed_by_a_kind,
    kinds_as_words,
    qualifiers_as_words,
    said_now,
    sets_named,
)
from queries.ask.phrases import masked_text
from queries.ask.reading import QUESTION, find, label_words
from queries.ask.records import Intent
from queries.ask.shapes import relation_intent, two_entity_intent
from queries.ask.tags import peeled
from queries.ask.text import names_in


@dataclass(frozen=True)
class Brief:
    """A question read here (or in overview.py), for parsing.py to make its `Parsed` of;
    `instead`: a question of the table to ask in its place (two names alone)."""

    intent: Intent | None
    slots: dict[str, Entity]
    mentions: tuple[Mention, ...]
    known: dict[str, Entity]
    notes: tuple[str, ...] = ()
    asked: frozenset[str] | None = None
    current: bool = False
    filters: tuple[Filter, ...] = ()
    only: frozenset[str] = field(default_factory=frozenset)
    instead: str = ""
    count: bool = False  # "… - how many?": answered with the number (tags.py)
    within: str = ""  # a place the answer lies in ("Nantong biomedicine parks")


_PLACES = ("City", "Region")
_ACTORS = ("City", "Region", "Organization")

# (kind asked, the entity's label) -> the relations that kind implies from the entity's side,
# in the order they are listed. What is not here is read by the schema (`implied`).
IMPLIED: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    **{("Park", p): (("LOCATED_IN", "in"), ("CO_BUILDS", "out")) for p in _PLACES},
    ("Park", "Organization"): (("CO_BUILDS", "out"),),
    ("Park", "Park"): (("PART_OF", "in"), ("PART_OF", "out")),
    ("Industry", "City"): (("HAS_INDUSTRY", "out"),),
    **{("Industry", x): (("HAS_INDUSTRY", "out"), ("FOCUSES_ON", "out"))
       for x in ("Region", "Park")},
    **{("Industry", x): (("FOCUSES_ON", "out"),) for x in ("Organization", "Initiative")},
    ("Industry", "Industry"): (("BROADER", "in"),),
    **{("Infrastructure", x): (("CONNECTS", "in"), ("LOCATED_IN", "in")) for x in _PLACES},
    ("Infrastructure", "Park"): (("CONNECTS", "in"),),
    ("Infrastructure", "Organization"): (("CO_BUILDS", "out"),),
    **{(p, "Infrastructure"): (("CONNECTS", "out"),) for p in ("City", "Region", "Park")},
    ("City", "City"): (("LOCATED_IN", "in"),),
    ("City", "Region"): (("MEMBER_OF", "in"), ("LOCATED_IN", "in")),
    ("Region", "City"): (("MEMBER_OF", "out"), ("LOCATED_IN", "out")),
    ("Region", "Region"): (("LOCATED_IN", "out"), ("MEMBER_OF", "out")),
    **{(a, "Organization"): (("MEMBER_OF", "in"), ("PARTICIPATES_IN", "in"))
       for a in ("City", "Organization")},
    **{(a, "Park"): (("CO_BUILDS", "in"),) for a in _ACTORS},
    **{(x, "Industry"): (("HAS_INDUSTRY", "in"),) for x in _PLACES},
    ("Park", "Industry"): (("HAS_INDUSTRY", "in"), ("FOCUSES_ON", "in")),
    **{(x, "Industry"): (("FOCUSES_ON", "in"),) for x in ("Organization", "Initiative")},
    **{("Mechanism", x): (("ADOPTS", "out"),) for x in (*_ACTORS, "Park")},
    **{(x, "Mechanism"): (("ADOPTS", "in"),) for x in (*_ACTORS, "Park")},
    ("Mechanism", "Initiative"): (("ADOPTS", "out"), ("PART_OF", "in")),
}
_MEMBERS = (("MEMBER_OF", "in"), ("PARTICIPATES_IN", "in"))

# How each relation reads from the entity's side, for the note that says how it was read.
_SAID = {("LOCATED_IN", "in"): "lying in {x}", ("LOCATED_IN", "out"): "{x} lies in",
         ("CO_BUILDS", "out"): "co-built by {x}", ("CO_BUILDS", "in"): "co-building {x}",
         ("HAS_INDUSTRY", "out"): "{x} has", ("FOCUSES_ON", "out"): "{x} focuses on",
         ("CONNECTS", "in"): "connecting {x}", ("CONNECTS", "out"): "{x} connects",
         ("MEMBER_OF", "in"): "members of {x}", ("MEMBER_OF", "out"): "{x} is a member of",
         ("PARTICIPATES_IN", "in"): "taking part in {x}",
         ("PARTICIPATES_IN", "out"): "{x} takes part in", ("ADOPTS", "out"): "{x} adopts",
         ("PART_OF", "in"): "part of {x}", ("PART_OF", "out"): "{x} is part of",
         ("BROADER", "in"): "narrower than {x}", ("HAS_INDUSTRY", "in"): "having {x}",
         ("FOCUSES_ON", "in"): "focusing on {x}", ("ADOPTS", "in"): "adopting {x}"}
# Relations any kind may have with anything (a model learnt from, a proposal): read by the
# schema only where nothing more telling joins the two kinds.
_LOOSE = frozenset({"LEARNS_FROM", "PROPOSES", "COOPERATES_WITH"})

_MEMBER_WORDS = r"members?|membership|成员单位|成员|会员单位|会员"
_LINK_WORDS = (r"links?|linkages?|ties|connections?|relations?|relationships?|关系|联系|关联|"
               r"往来|合作")
_JOINERS = r"和|与|跟|同|及|、|,|&|\+|/|\band\b|\bwith\b"  # (vs, 比较: the table's compare)
_FILLER = (r"的|\bthe\b|'s|’s|\bof\b|\bin\b|\bfor\b|\bbetween\b|之间|呢|呗|啊|呀|吧|嘛|"
           r"\blist\b|\ball\b|所有|全部|概况|一览|名单|清单|列表|\boverview\b|[?？!！.。]")


# words that only ask for the list a possessive keyword phrase names ("what are Nantong's
# ETDZs", "list Suzhou's parks"): the phrase is then read as keywords
_POSSESSIVE_ASKED = re.compile(r"^\s*(?:(?:what|which)(?:\s+(?:are|were|is))?|"
                               r"(?:please\s+)?(?:list|show me|give me|name)"
                               r"(?:\s+all(?:\s+of)?)?)\s+"
                               r"(?=(?:the\s+)?[A-Z][\w-]*(?:\s[A-Z][\w-]*)*(?:'s|’s)\s)")


def _pick(mention: Mention, gaz: Gazetteer) -> str | None:
    """The one entity a mention names (its own name before an alias), or None if several."""
    ids = list(dict.fromkeys(mention.ids))
    if len(ids) == 1:
        return ids[0]
    named = [i for i in ids if i in gaz.named(mention.text)]
    return named[0] if len(named) == 1 else None


def implied(asked: frozenset[str], label: str) -> list[tuple[str, str]]:
    """The relations a kind word implies from an entity of this label: `IMPLIED`, else every
    relationship type of the schema that joins the two kinds (either way)."""
    out: list[tuple[str, str]] = []
    for kind in sorted(asked):
        said = IMPLIED.get((kind, label))
        if said is None:
            said = tuple((t, d) for t, rel in REL_TYPES.items() if t != "MENTIONS"
                         for d, ok in (("out", label in rel.sources and kind in rel.targets),
                                       ("in", label in rel.targets and kind in rel.sources))
                         if ok)
            said = tuple(k for k in said if k[0] not in _LOOSE) or said
        out.extend(k for k in said if k not in out and _fits(k, kind, label))
    return out


def _fits(kind: tuple[str, str], asked: str, label: str) -> bool:
    rel = REL_TYPES[kind[0]]
    ends = (rel.sources, rel.targets) if kind[1] == "out" else (rel.targets, rel.sources)
    return label in ends[0] and asked in ends[1]


def _said(kinds: list[tuple[str, str]], name: str) -> str:
    """"lying in 启东 (LOCATED_IN), or co-built by it (CO_BUILDS)": the entity named once."""
    return ", or ".join(_SAID.get(k, f"{k[0]} ({k[1]}) {{x}}").format(
        x=name if n == 0 else "it") + f" ({k[0]})" for n, k in enumerate(kinds))


def terse_reading(question: str, gaz: Gazetteer) -> Brief | None:
    """The reading of a keyword query (see the module), or None when the question is not
    one."""
    question, count = peeled(question)  # "… - how many?", "… - list?"
    lead = _POSSESSIVE_ASKED.match(question)  # "what are Nantong's national ETDZs": the
    if lead is not None:  # keywords after the asking words
        question = question[lead.end():]
    q, mentions = names_in(question, gaz)
    if not mentions:
        return None
    mentions = headed_by_a_kind(q, kinds_as_words(q, qualifiers_as_words(q, mentions)), gaz)
    kinds = {str(w).casefold() for w, _ in label_words()}
    sets = sets_named(mentions)
    only = frozenset(i for n in sets for i in mentions[n].ids)
    set_labels = {gaz.entities[i].label for i in only if i in gaz.entities}
    # a name that is also a kind word (共建园区, the mechanism's name) stands for the kind
    worded = [n for n, m in enumerate(mentions) if n not in sets and m.text.casefold() in kinds]
    named = tuple(m for n, m in enumerate(mentions) if n not in sets and n not in worded)
    if not 1 <= len(named) <= 2:
        return None
    masked = masked_text(q, named)
    if QUESTION.search(masked):
        return None
    dated = date_clause(masked)  # "Nantong parks set up after 2015": a date condition
    if dated is not None:
        (a, b), said_date = dated
        masked = masked[:a] + " " * (b - a) + masked[b:]
    hits = find(label_words(), masked)
    rest = masked
    said_kinds = find([(w, None) for k in lexicon().kinds for w in k.words], masked)
    # a tier said before the kind ("Suzhou future industries", 南通 主导产业): a condition
    tiers = find([(w, q.where) for q in lexicon().qualifiers for w in q.words], masked)
    for hit in sorted([*hits, *said_kinds, *tiers], key=lambda h: -h.start):
        rest = rest[:hit.start] + " " + rest[hit.end:]
    members = bool(re.search(rf"(?<![a-z]){_MEMBER_WORDS}(?![a-z])", rest))
    linked = bool(re.search(rf"(?<![a-z])(?:{_LINK_WORDS})(?![a-z])", rest))
    rest = re.sub(rf"⟨\d+⟩|(?<![a-z])(?:{_MEMBER_WORDS}|{_LINK_WORDS})(?![a-z])|{_JOINERS}|"
                  rf"{_FILLER}", " ", rest)
    if rest.strip():
        return None  # a verb, a question word, a word not recognised: not a keyword query
    ids = [_pick(m, gaz) for m in named]
    if any(i is None for i in ids):
        return None
    entities = [gaz.entities[i] for i in ids if i]
    if len({e.id for e in entities}) != len(entities):
        return None
    asked: set[str] = set(set_labels)
    if hits:  # the longest kind word decides (过江通道, not 通道)
        longest = max(hits, key=lambda h: h.end - h.start)
        asked |= {str(h.value) for h in hits if (h.start, h.end) == (longest.start, longest.end)}
    asked.discard("Source")
    known = {i: gaz.entities[i] for m in mentions for i in m.ids if i in gaz.entities}
    filters = asked_of(kind_filters(masked, (0, len(masked))) + tuple(
        f for hit in tiers for f in held_filters(hit.value))  # type: ignore[arg-type]
        + (read_filters(said_date) if dated else ()), frozenset(asked) or None)
    common = dict(mentions=named, known=known, current=said_now(q), filters=filters,
                  only=only, count=count)
    if len(entities) == 2:
        a, b = entities
        if not asked or (linked and not hits):  # 南通 集成电路, "Shanghai Nantong links"
            full = f"{a.display}和{b.display}是什么关系？" if has_han(question) else \
                f"How are {a.display} and {b.display} related?"
            return Brief(None, {}, named, known, (f"Read as a keyword query: how {a.display} "
                                                  f"and {b.display} are related.",),
                         instead=full)
        place = next((e for e in (a, b) if e.label in _PLACES), None)
        industry = next((e for e in (a, b) if e.label == "Industry"), None)
        if asked == {"Park"} and place is not None and industry is not None:
            # "Nantong biomedicine parks": the parks in Nantong with biomedicine
            read = implied(frozenset(asked), "Industry")
            if read:
                intent = relation_intent(read, frozenset(asked), {}, "", False)
                intent = replace(intent, question=f"Which parks are {_said(read, '{x}')}?")
                note = (f"Read as a keyword query: parks {_said(read, industry.display)}, "
                        f"in {place.display}.")
                return Brief(intent, slots={"x": industry}, notes=(note,),
                             asked=frozenset(asked), within=place.id,
                             **common)  # type: ignore[arg-type]
        intent = two_entity_intent(frozenset(asked))
        note = f"Read as a keyword query: the {_kinds(asked)} between {a.display} and " \
               f"{b.display}."
        return Brief(intent, slots={"x": a, "y": b}, notes=(note,), asked=frozenset(asked),
                     **common)  # type: ignore[arg-type]
    (x,) = entities
    if members and not asked:
        read = [k for k in _MEMBERS if x.label in REL_TYPES[k[0]].targets]
        asked_set = None
    elif asked:
        read = implied(frozenset(asked), x.label)
        asked_set = frozenset(asked)
    else:
        return None  # one name alone: an overview (overview.py) or the table
    if not read:
        return None
    intent = relation_intent(read, asked_set, {}, "", False, if_none=if_none(read))
    what = f"{_kinds(asked)} " if asked else ""
    kept = "; ".join(f.describe() for f in filters if f.describe())
    note = f"Read as a keyword query: {what}{_said(read, x.display)}" + (
        f", kept to {kept}." if kept else ".")
    intent = replace(intent, question=f"Which {what or 'entities '}are {_said(read, '{x}')}?")
    return Brief(intent, slots={"x": x}, notes=(note,), asked=asked_set,
                 **common)  # type: ignore[arg-type]


_PLURAL = {"City": "places", "Region": "regions", "Park": "parks", "Industry": "industries",
           "Infrastructure": "crossings and lines", "Organization": "organisations",
           "Mechanism": "mechanisms", "Initiative": "initiatives"}


def _kinds(asked: set[str] | frozenset[str]) -> str:
    return " or ".join(_PLURAL.get(a, a) for a in sorted(asked))
