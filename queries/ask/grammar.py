"""A grammar over the schema: questions about any relationship type, from both ends.

"哪些<label><verb><entity>", "<entity><verb>哪些<label>", "<entity>是谁和谁<verb>的",
"which <label> <verb> <entity>", "what is <entity> connected to", "<A>和<B>之间有哪些<label>"
and their variants are read for every relationship type of graph/schema.py, with the verbs
and label words of queries/ask/lexicon.yaml. The schema decides the direction wherever only
one fits the entity's label and the label asked for; the verb's side (active or reverse), the
word order and a passive marker (被, 由, by) decide the rest.

The reading is a `Parsed` with an intent made on the spot (queries/ask/shapes.py; names such as
"relation:<TYPE>:<dir>"), so answering, --explain and --json treat it like any intent of the
table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from graph.gazetteer import Gazetteer, Mention
from graph.schema import REL_TYPES
from queries.ask.intents import Intent
from queries.ask.lexicon import Lexicon, Verb, lexicon
from queries.ask.shapes import (
    every_intent,
    property_intent,
    relation_intent,
    route_intent,
    two_entity_intent,
)

QUESTION = re.compile(r"哪[两三四五六七八九十]+[个条家座所项]?|"
                      r"哪些|哪几个|哪几家|哪几条|哪几座|哪几|哪个|哪座|哪家|哪条|哪类|哪种|哪一|"
                      r"哪里|哪儿|哪|什么|啥|谁|几个|几条|几家|几座|几|多少|有没有|"
                      r"列出|列举|\b(?:which|what|who|whom|whose|where|how many|how much|"
                      r"is there an?|are there(?: any)?|list|name all)\b")
_COUNT = re.compile(r"(?<!哪)几(?:个|条|家|座|所|项|大)?|多少(?!股|钱|亿|万|平方|年)|一共|总共|"
                    r"\bhow many\b|\bnumber of\b")
_PASSIVE = re.compile(r"被|由|\bby\b")
_NEIGHBOURS = re.compile(r"\b(?:connected|linked|related|tied) (?:to|with)\b|"
                         r"和什么相连|跟什么相连|与什么相连|和哪些.{0,4}相连|有哪些关联|关联了哪些")
_AUX = r"(?:is|are|was|were|does|do|did|has|have|had|will|can|could|should|would)"
# Between "which"/"what" and the label word it asks for: modifiers, never an auxiliary
# ("who is drawing up the zone's plan" does not ask for zones).
_AFTER_QUESTION = (rf"(?:\s{_AUX}\b)?(?:\s|的|个|些|⟨\d+⟩|of|the|kind of|types? of|"
                   rf"(?!{_AUX} )[a-z-]+ |[\u4e00-\u9fff]{{1,4}}){{0,7}}$")
_OPENS = re.compile(r"(?:哪[两三四五六七八九十]+[个条家座所项]?|哪些|哪几个|哪几家|哪几条|"
                    r"哪几座|哪几|哪个|哪座|哪家|哪条|哪类|哪种|哪一|哪|什么|几个|几条|几家|几座|几|多少|有没有|"
                    r"列出|列举|\b(?:which|what|how many|is there an?|are there(?: any)?|list|"
                    r"name all)\b)")
_BEFORE_QUESTION = re.compile(
    r"^\s?(?:是|有|都有|包括|分别是|叫|呢)?\s?(?:哪些|哪个|哪几|哪[两三四五六七八九十]|什么|谁|几)")
_JOINED = re.compile(r"^\s?(?:和|与|及|或|或者|、|,|and|or|and/or)\s?$")
_SKIP_LABELS = frozenset({"Source"})
_ACTORS = frozenset({"City", "Region", "Organization", "Park"})


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    value: object

    def overlaps(self, other: Hit) -> bool:
        """Overlapping spans; the same span twice (属于: several types) does not count."""
        same = (self.start, self.end) == (other.start, other.end) and other.value is not None
        return not same and self.start < other.end and other.start < self.end


def find(words: Iterable[tuple[str, object]], text: str) -> list[Hit]:
    """Every word found in the text (Latin words on word boundaries), longest first, none
    overlapping another or an entity placeholder ⟨n⟩."""
    found: list[Hit] = []
    for word, value in words:
        if word.isascii():
            pattern = r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])"
            found.extend(Hit(m.start(), m.end(), value) for m in re.finditer(pattern, text))
        else:
            start = text.find(word)
            while start >= 0:
                found.append(Hit(start, start + len(word), value))
                start = text.find(word, start + 1)
    taken = [Hit(m.start(), m.end(), None) for m in re.finditer(r"⟨\d+⟩", text)]
    out: list[Hit] = []
    for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(hit.overlaps(t) for t in (*taken, *out)):
            out.append(hit)
    return sorted(out, key=lambda h: h.start)


@dataclass(frozen=True)
class Reading:
    """What a masked question asks for, whatever the intent that answers it."""

    asked: frozenset[str] | None  # the labels asked for (哪些城市 -> City), None: any
    count: bool  # 一共有几个, how many
    questions: tuple[Hit, ...]  # question words
    verbs: tuple[Hit, ...]  # lexicon verbs (value: Verb)
    where: dict[str, str]  # qualifiers (千亿级 -> tier)
    property: str | None = None  # a property asked about (哪年成立 -> established)
    phrase: tuple[int, int] | None = None  # where the asking phrase stands (哪些…联盟)
    each: bool = False  # 分别, 各, respectively: what each of several entities relates to
    otherwise: frozenset[str] = frozenset()  # the kinds asked where none of `asked` is found
    shared: bool = False  # 共同, 都, both, in common: what they share

    def inside(self, start: int, end: int) -> bool:
        """Within the asking phrase: a qualifier of the kind asked for."""
        return self.phrase is not None and self.phrase[0] <= start and end <= self.phrase[1]


def label_words(lex: Lexicon | None = None) -> list[tuple[str, object]]:
    """Every label word of the lexicon with its label."""
    lex = lex or lexicon()
    return [(w, label) for label, words in lex.labels.items() for w in words]


def asked_labels(masked: str, lex: Lexicon | None = None) -> frozenset[str] | None:
    """The kinds of thing a question asks for: the label word right after a question word
    (哪些城市, which Zhejiang cities) or right before one (园区是哪个), with the label words
    joined to it (项目和平台, bridges, railways and ports)."""
    return asked_phrase(masked, lex)[0]


def asked_phrase(masked: str, lex: Lexicon | None = None) -> tuple[frozenset[str] | None,
                                                                  tuple[int, int] | None]:
    """The kinds asked for and where the phrase that asks stands (哪些长三角产业联盟): an
    entity or a verb inside it qualifies the kind, it is not what the question is about."""
    lex = lex or lexicon()
    hits = find(label_words(lex), masked)
    for n, hit in enumerate(hits):
        word = masked[hit.start:hit.end]
        before = masked[:hit.start]
        right_after = re.search(rf"(?:{QUESTION.pattern})\s?$", before)
        near_after = re.search(rf"{_OPENS.pattern}(?:{_AFTER_QUESTION})", before)
        if len(word) == 1 and not right_after:
            continue
        if not (right_after or near_after or _BEFORE_QUESTION.search(masked[hit.end:])):
            continue
        if re.search(r"\bwhose\s?$", before):
            return None, None  # "whose brand": the owner is asked, not the brand
        opened = right_after or near_after
        start = opened.start() if opened else hit.start
        rest = hits[n + 1:]
        rest = [h for h in rest if h.start >= hit.end]
        while rest and not word.isascii() and re.fullmatch(r"(?:⟨\d+⟩)?", masked[
                hit.end:rest[0].start]):
            hit = rest[0]  # 哪些长三角产业联盟: the head is the last word
            rest = [h for h in rest if h.start >= hit.end]
            word = masked[hit.start:hit.end]
        labels = {str(h.value) for h in hits if (h.start, h.end) == (hit.start, hit.end)}
        last = hit
        for other in rest:
            if (other.start, other.end) == (last.end, last.end) or other.start < last.end:
                continue
            gap = masked[last.end:other.start]
            # 桥梁、铁路, "bridges, railways": the marks are prepared away as spaces
            listed = gap == " " and (not word.isascii() or str(other.value) in labels)
            if not (_JOINED.match(gap) or listed):
                break
            labels.add(str(other.value))
            last = other
        return frozenset(labels - _SKIP_LABELS) or None, (start, last.end)
    return None, None


def read(masked: str, lex: Lexicon | None = None, text: str = "") -> Reading:
    """What the masked question asks; qualifiers are looked for in `text` (the question
    before masking: 国家级先进制造业集群 may also name an entity)."""
    lex = lex or lexicon()
    questions = tuple(Hit(m.start(), m.end(), m.group()) for m in QUESTION.finditer(masked))
    verbs = tuple(find(((v.text, v) for v in lex.verbs), masked))
    where: dict[str, str] = {}
    for qualifier in lex.qualifiers:
        if find(((w, None) for w in qualifier.words), text or masked):
            where.update(qualifier.where)
            break
    prop = next((name for name, words in lex.properties.items()
                 if find(((w, None) for w in words), masked)), None)
    asked, phrase = asked_phrase(masked, lex)
    if asked is None and re.search(r"谁|\b(?:who|whom)\b", masked):
        asked = _ACTORS  # 谁, who: an actor, never an industry or a mechanism
    verbs = tuple(v for v in verbs if not (phrase and phrase[0] <= v.start and
                                           v.end <= phrase[1]))
    said = text or masked
    otherwise: set[str] = set()
    if phrase is not None:  # "which zones": parks, else regions (lexicon `otherwise`)
        words = [(w, label) for label, ws in lex.otherwise.items() for w in ws]
        otherwise = {str(h.value) for h in find(words, masked[phrase[0]:phrase[1]])}
    return Reading(asked, bool(_COUNT.search(masked)), questions, verbs, where, prop, phrase,
                   bool(_EACH.search(said)), frozenset(otherwise - (asked or set())),
                   bool(_SHARED.search(said)))


# -- candidate readings ------------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    rel_type: str
    direction: str
    mention: int
    entity: str
    verb: Hit
    score: int
    by_order: bool = False  # the direction came from word order (both fit the schema)


def _direction(verb: Verb, hit: Hit, mention: Mention, reading: Reading, masked: str,
               at: tuple[int, int]) -> str:
    """Out or in, from the word order: the subject is whichever of the entity and the
    question word stands nearest before the verb; a passive marker turns it round."""
    start, end = at
    question_between = any(end <= q.start and q.end <= hit.start for q in reading.questions)
    locative = start > 0 and masked[start - 1] in "在于向从对给到"  # 在南通投资: 南通 is where
    entity_is_subject = end <= hit.start and not question_between and not locative
    if _PASSIVE.search(masked[min(end, hit.start):max(start, hit.start)]) or \
            _PASSIVE.search(masked[hit.end:hit.end + 4]):
        entity_is_subject = not entity_is_subject
    return "out" if entity_is_subject == verb.active else "in"


_LOCATIVE = re.compile(r"\s?(?:at|near|on)\s(?:the\s)?")


def anchor_mentions(spans: list[tuple[int, int]], reading: Reading,
                    mentions: tuple[Mention, ...] = (), masked: str = "") -> list[int]:
    """The mentions a question is about: not those inside the asking phrase (哪些长三角产业
    联盟: 长三角 qualifies the alliances), unless there is no other; one per entity
    (光伏储能 names 光伏储能 twice)."""
    outside = [n for n, (start, end) in enumerate(spans) if not reading.inside(start, end)]
    # "the Lanhai project at Tongzhou Bay": a place said right after another name only says
    # where that one is
    where_of = {n for n in outside[1:] if n - 1 in outside and _LOCATIVE.fullmatch(
        masked[spans[n - 1][1]:spans[n][0]])}
    outside = [n for n in outside if n not in where_of]
    seen: set[tuple[str, ...]] = set()
    out = []
    for n in outside or list(range(len(spans))):
        ids = mentions[n].ids if n < len(mentions) else (str(n),)
        if ids not in seen:
            seen.add(ids)
            out.append(n)
    return out


def candidates(masked: str, mentions: tuple[Mention, ...], gaz: Gazetteer,
               reading: Reading, by_order_only: bool = False) -> list[Candidate]:
    """Each (relation type, direction, entity) the verbs can mean with the kind asked for.
    `by_order_only`: only the direction word order gives (when the kind is not held)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"⟨\d+⟩", masked)]
    anchors = anchor_mentions(spans, reading, mentions, masked)
    out: list[Candidate] = []
    strong = [h for h in reading.verbs if not _weak(h.value.text)]  # type: ignore[attr-defined]
    for hit in strong or reading.verbs:  # 在南通投资: 投资 says it, not 在
        verb = hit.value
        assert isinstance(verb, Verb)
        rel = REL_TYPES[verb.rel_type]
        for n, mention in enumerate(mentions):
            if n not in anchors:
                continue
            for entity_id in mention.ids:
                label = gaz.entities[entity_id].label
                asked = reading.asked
                out_ok = label in rel.sources and (asked is None or bool(asked & rel.targets))
                in_ok = label in rel.targets and (asked is None or bool(asked & rel.sources))
                if by_order_only and not verb.symmetric:
                    wanted = _direction(verb, hit, mention, reading, masked, spans[n])
                    out_ok, in_ok = out_ok and wanted == "out", in_ok and wanted == "in"
                if verb.symmetric and (out_ok or in_ok):
                    direction = "both"
                elif out_ok and in_ok:
                    direction = _direction(verb, hit, mention, reading, masked, spans[n])
                    out.append(Candidate(verb.rel_type, direction, n, entity_id, hit,
                                         _score(verb.text), True))
                    continue
                elif out_ok or in_ok:
                    direction = "out" if out_ok else "in"
                else:
                    continue
                out.append(Candidate(verb.rel_type, direction, n, entity_id, hit,
                                     _score(verb.text)))
    return out


# -- the reading as an intent ------------------------------------------------------------------

def _pick(mention: Mention, ids: Iterable[str], gaz: Gazetteer) -> str:
    """One id for a mention: its own name before an alias, else the first."""
    ids = list(dict.fromkeys(ids))
    named = gaz.named(mention.text)
    # then an entity that holds the text as an alias of its own, before one that only answers
    # to it through a derived key (the pinyin of another name: 港闸 -> gangzha)
    said = mention.text.casefold()
    literal = [i for i in ids if any(a.casefold() == said for a in gaz.entities[i].aliases)]
    return next((i for i in ids if i in named), literal[0] if literal else ids[0])


_WHICH_WORD = re.compile(r"\b(?:which|what) ([a-z]+)|"
                         r"(?:哪些|哪个|哪家|哪几个|哪几家|哪几|哪类|哪种)([\u4e00-\u9fff]{2})")
_PLAIN = frozenset(("is", "are", "was", "were", "does", "do", "did", "has", "have", "had",
                    "will", "can", "could", "should", "would", "of", "kind", "kinds", "type",
                    "types", "sort", "the", "a", "an", "other", "else", "exactly"))


def unknown_kind(masked: str, reading: Reading, lex: Lexicon | None = None) -> str:
    """The word a question asks for that names no kind the graph has ("which hospitals",
    哪些大学), or ''. Only when no kind word was found: "what larger region" is a region."""
    if reading.asked is not None:
        return ""
    found = _WHICH_WORD.search(masked)
    if not found:
        return ""
    word = found.group(1) or found.group(2)
    lex = lex or lexicon()
    known = [*(w for w, _ in label_words(lex)), *(v.text for v in lex.verbs),
             *(w for words in lex.properties.values() for w in words), *lex.wording]
    if word in _PLAIN or word.startswith(("是", "在", "有", "地", "方面")) or any(
            k == word or k.startswith(word + " ") or (not word.isascii() and k.startswith(
                word[0]) and word.startswith(k[:len(word)])) for k in known):
        return ""
    return word


def reading_intent(masked: str, mentions: tuple[Mention, ...], gaz: Gazetteer,
                   reading: Reading) -> tuple[Intent, dict[str, str]] | None:
    """The grammar's intent for a masked question and the entity id of each slot, or None."""
    if unknown_kind(masked, reading):
        return None  # "which hospitals": a kind the graph does not hold
    if reading.asked is None and len(mentions) == 1 and _NEIGHBOURS.search(masked):
        return (relation_intent([(None, "both")], None, {}, "", False),  # connected to
                {"x": _pick(mentions[0], mentions[0].ids, gaz)})
    if reading.asked and len(mentions) == 2 and re.search(r"之间|\bbetween\b", masked):
        return two_entity_intent(reading.asked), {  # <A>和<B>之间有哪些<kind>
            "x": _pick(mentions[0], mentions[0].ids, gaz),
            "y": _pick(mentions[1], mentions[1].ids, gaz)}
    route = _ROUTE.search(masked)
    if route and len(mentions) == 2:  # 从A到B, from A (down) to B: the paths between
        a = int(route.group(1) or route.group("a"))
        b = int(route.group(2) or route.group("b"))
        return route_intent(), {"x": _pick(mentions[a], mentions[a].ids, gaz),
                                "y": _pick(mentions[b], mentions[b].ids, gaz)}
    if reading.property and reading.asked is None and mentions:
        return property_intent(reading.property, len(mentions) > 1), {
            "x": _pick(mentions[0], mentions[0].ids, gaz),
            **({"y": _pick(mentions[-1], mentions[-1].ids, gaz)} if len(mentions) > 1 else {})}
    found = candidates(masked, mentions, gaz, reading)
    if not found and reading.asked and reading.otherwise:  # "which zones": no relation
        wider = replace(reading, asked=reading.asked | reading.otherwise)  # reaches parks;
        found = candidates(masked, mentions, gaz, wider)  # regions, then
        reading = replace(wider, otherwise=frozenset()) if found else reading
    asked = reading.asked
    spans = [(m.start(), m.end()) for m in re.finditer(r"⟨\d+⟩", masked)]
    strong = any(not _weak(v.value.text) for v in reading.verbs)  # type: ignore[attr-defined]
    if not found and asked and reading.phrase and strong and len(
            anchor_mentions(spans, reading, mentions, masked)) == 1:
        # 哪些城市聚焦新能源: no city FOCUSES_ON anything in the schema. Read the relation for
        # any kind; the answer then says the graph records parks, not cities, for this.
        found = candidates(masked, mentions, gaz, replace(reading, asked=None), True)
        asked = None
    if found:
        best = max(c.score for c in found)
        top = [c for c in found if c.score == best]
        verb_text = masked[top[0].verb.start:top[0].verb.end]
        anchors = list(dict.fromkeys(c.mention for c in top))
        if len(anchors) > 3:
            return None  # four entities for one relation: ask about fewer
        if len(anchors) == 3:  # 南通与苏州、无锡三市共建的园区
            kinds3 = [k for k in dict.fromkeys((c.rel_type, c.direction) for c in top)
                      if all(any((c.rel_type, c.direction) == k and c.mention == n for c in top)
                             for n in anchors)]
            if not kinds3:
                return None
            ids = {name: _pick(mentions[n], (c.entity for c in top if c.mention == n), gaz)
                   for name, n in zip(("x", "y", "z"), anchors, strict=True)}
            return relation_intent(kinds3, asked, reading.where, verb_text, True,
                                   three=True, each=_each(masked, reading)), ids
        if len(anchors) == 2:
            a, b = anchors
            kinds_a = list(dict.fromkeys((c.rel_type, c.direction) for c in top
                                         if c.mention == a))
            kinds_b = {(c.rel_type, c.direction) for c in top if c.mention == b}
            label_a = gaz.entities[next(c.entity for c in top if c.mention == a)].label
            kinds_a = _widened(_towards(kinds_a, masked), asked, label_a)
            kinds_b = set(_widened(_towards(sorted(kinds_b, key=str), masked), asked,
                                   label_a))
            both = [k for k in kinds_a if k in kinds_b] or kinds_a
            ids = {"x": _pick(mentions[a], (c.entity for c in top if c.mention == a), gaz),
                   "y": _pick(mentions[b], (c.entity for c in top if c.mention == b), gaz)}
            each = _each(masked, reading, a, b)
            if each:
                both = list(dict.fromkeys([*kinds_a, *kinds_b]))
            listed = not reading.shared and _coordinated(masked, mentions, a, b, gaz)
            return relation_intent(both, asked, reading.where, verb_text, True,
                                   each=each, each_if_none=listed), ids
        n = anchors[0]
        kinds = list(dict.fromkeys((c.rel_type, c.direction) for c in top if c.mention == n))
        entity = _pick(mentions[n], (c.entity for c in top if c.mention == n), gaz)
        kinds = _widened(_towards(kinds, masked), asked, gaz.entities[entity].label)
        # Read the other way round only where a verb too common to say which way (有, 在)
        # and word order chose: 上游 or 借鉴 read backwards would answer the opposite.
        by_order = frozenset((c.rel_type, c.direction) for c in top
                             if (c.by_order and _weak(masked[c.verb.start:c.verb.end])) or
                             c.rel_type in _EITHER_WAY)
        return (relation_intent(kinds, asked, reading.where, verb_text, False,
                                by_order, otherwise=reading.otherwise), {"x": entity})
    if not mentions:
        if reading.asked and reading.phrase and reading.questions:  # 有哪些机场: all of them
            return every_intent(reading.asked), {}
        return None
    spans = [(m.start(), m.end()) for m in re.finditer(r"⟨\d+⟩", masked)]
    about = [mentions[n] for n in anchor_mentions(spans, reading, mentions, masked)]
    if any(not _weak(v.value.text) for v in reading.verbs):  # type: ignore[attr-defined]
        if reading.asked and len(about) == 2:  # "which parks tie A to B": what links them
            return two_entity_intent(reading.asked), {
                "x": _pick(about[0], about[0].ids, gaz), "y": _pick(about[1], about[1].ids, gaz)}
        return None  # a verb the schema cannot read with these entities: not guessed round
    named = reading.asked if reading.phrase else None  # 哪些园区, not just 谁 / who
    if named and len(about) == 2:
        return two_entity_intent(named), {
            "x": _pick(about[0], about[0].ids, gaz), "y": _pick(about[1], about[1].ids, gaz)}
    if (named or _NEIGHBOURS.search(masked)) and len(about) == 1:
        return (relation_intent([(None, "both")], reading.asked, reading.where, "", False),
                {"x": _pick(about[0], about[0].ids, gaz)})
    return None


_ROUTE = re.compile(r"从\s?⟨(\d+)⟩.{0,6}?到\s?⟨(\d+)⟩|"
                    r"\bfrom ⟨(?P<a>\d+)⟩ (?:[a-z]+ ){0,2}to ⟨(?P<b>\d+)⟩")


# Up or down a taxonomy, whatever the word order: "under which broader categories is X
# filed" asks X's parents (BROADER out), "what comes beneath X" its children (in).
_UP = re.compile(r"上位|上级|上一级|大类|母类|更大的|更宽|\bbroader\b|\bparent\b|\bparents\b|"
                 r"\bumbrella\b|\bhigher-level\b|\bwider\b")
_DOWN = re.compile(r"细分|下面|下属|子类|下级|之下的|\bnarrower\b|\bsub-?(?:categor|sector|"
                   r"industr|field)\w*|\bbeneath\b|\bbelow\b|\bunderneath\b")
_TOWARDS = frozenset({"BROADER"})


def _towards(kinds: list[tuple[str | None, str]], masked: str
             ) -> list[tuple[str | None, str]]:
    """A taxonomy relation read up (to the broader) or down as the question's words say."""
    up, down = bool(_UP.search(masked)), bool(_DOWN.search(masked))
    if up == down:
        return kinds
    want = "out" if up else "in"
    return list(dict.fromkeys((t, want if t in _TOWARDS else d) for t, d in kinds))


# Membership of an organisation is recorded both ways: MEMBER_OF (a listed member) and
# PARTICIPATES_IN (a city that takes part in an alliance through its chambers): a question
# about members of, or memberships in, organisations reads both.
_ALSO = {"MEMBER_OF": ("PARTICIPATES_IN", "Organization")}


def _widened(kinds: list[tuple[str | None, str]], asked: frozenset[str] | None,
             label: str) -> list[tuple[str | None, str]]:
    """The relation kinds read, with those a question about them also means (`_ALSO`)."""
    out = list(kinds)
    for rel_type, direction in kinds:
        if rel_type not in _ALSO:
            continue
        other, target = _ALSO[rel_type]
        fits = (direction == "out" and asked is not None and target in asked) or (
            direction == "in" and label == target)
        if fits and (other, direction) not in out:
            out.append((other, direction))
    return out


_EACH = re.compile(r"分别|各自|各(?![方地级类种界项])|\beach\b|\brespectively\b|\beither\b")


_SHARED = re.compile(r"共同|共有|一起|都|同时|\bboth\b|\btogether\b|\bjointly\b|"
                     r"\bin common\b|\bshared?\b|\bsharing\b")


def _coordinated(masked: str, mentions: tuple[Mention, ...], a: int, b: int,
                 gaz: Gazetteer) -> bool:
    """Two entities of one kind joined as a list (A和B, A、B, A and B): where they share
    nothing, the question may well ask about each of them."""
    joined = re.search(rf"⟨{a}⟩\s?(?:和|与|及|、|,|and|the)*\s?(?:the\s)?⟨{b}⟩", masked)
    labels = {gaz.entities[i].label for n in (a, b) for i in mentions[n].ids}
    return bool(joined) and len(labels) == 1


def _each(masked: str, reading: Reading, a: int | None = None, b: int | None = None) -> bool:
    """Does a question about several entities ask what each one relates to (分别, 各, or,
    respectively), not what they share?"""
    if reading.each:
        return True
    return a is not None and bool(re.search(
        rf"⟨{a}⟩\s?(?:,\s?)?(?:or|或|或者)\s?⟨{b}⟩", masked))



# Read the other way round when one way finds nothing: a zone that spans three districts is
# recorded as LOCATED_IN each of them, though 涉及, covers, spans say it from the zone's side.
_EITHER_WAY = frozenset({"LOCATED_IN"})
_GENERIC = frozenset(("在", "有", "是", "in", "has", "have", "had", "of"))


def _weak(verb: str) -> bool:
    """A verb too common to decide a question alone: 有, 在, in, has (or any one character)."""
    return len(verb) == 1 or verb in _GENERIC


def _score(verb: str) -> int:
    """How much a verb says: its length; 在, 有, in say least of all (谁在学: 学 decides)."""
    return 0 if verb in _GENERIC else len(verb)
