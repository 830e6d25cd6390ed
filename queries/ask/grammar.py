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
from queries.ask.anchors import anchor_mentions, direction_of
from queries.ask.lexicon import Verb
from queries.ask.membership import if_none, widened
from queries.ask.reading import (
    NEIGHBOURS,
    PARTNERS,
    Hit,
    Reading,
    asked_by_state,
    unknown_kind,
)
from queries.ask.records import Intent
from queries.ask.shapes import (
    between_either_intent,
    every_intent,
    partners_intent,
    property_intent,
    relation_intent,
    route_intent,
    two_entity_intent,
)
from queries.ask.states import state_list_intent

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
                    wanted = direction_of(verb, hit, mention, reading, masked, spans[n])
                    out_ok, in_ok = out_ok and wanted == "out", in_ok and wanted == "in"
                if verb.symmetric and (out_ok or in_ok):
                    direction = "both"
                elif out_ok and in_ok:
                    direction = direction_of(verb, hit, mention, reading, masked, spans[n])
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


_WHERE = frozenset(("where", "where is", "where are", "where was", "在哪", "在哪里", "在哪儿"))


# Relations whose other end is itself the place a "where" asks for (where X learns from).
_WHERE_ASKS_THE_END = frozenset({"LEARNS_FROM"})


def _where_in(c: Candidate) -> bool:
    return c.rel_type == "LOCATED_IN" and c.direction == "in" and \
        c.verb.value.text in _WHERE  # type: ignore[attr-defined]


def _agreeing(found: list[Candidate], masked: str, mentions: tuple[Mention, ...],
              reading: Reading) -> list[Candidate]:
    """The candidates that do not read against the question's words: "where is X" asks what
    X lies in, never what lies in X nor another relation; and a verb too common to decide
    (in, 在) is read the way word order says where another reading of it does ("who's in the
    alliance": its members, not where the alliance is)."""
    # where X is: X is the subject, whatever the word order said
    found = [replace(c, direction="out") if c.by_order and _where_in(c) else c for c in found]
    found = [c for c in found if not _where_in(c)]
    where = [c for c in found if c.rel_type == "LOCATED_IN"
             and c.verb.value.text in _WHERE]  # type: ignore[attr-defined]
    # ("where does Nantong look for lessons": the places it learns from, not where it is)
    learnt = [c for c in found if c.rel_type in _WHERE_ASKS_THE_END]
    found = learnt or where or found  # "where will X be built": where it is, not who builds
    spans = [(m.start(), m.end()) for m in re.finditer(r"⟨\d+⟩", masked)]

    def agrees(c: Candidate) -> bool:
        verb = c.verb.value
        assert isinstance(verb, Verb)
        return verb.symmetric or c.direction == "both" or c.direction == direction_of(
            verb, c.verb, mentions[c.mention], reading, masked, spans[c.mention])

    weak = [c for c in found if _weak(c.verb.value.text)]  # type: ignore[attr-defined]
    if any(agrees(c) for c in weak):
        found = [c for c in found if c not in weak or agrees(c)]
    return found


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


# one place and either of two others: 崇明跟启东、海门之间, "between Chongming and Qidong or Haimen"
_BETWEEN_EITHER = re.compile(r"⟨0⟩\s?(?:跟|和|与|同)\s?⟨1⟩\s?(?:、|或者|或是|或|/|\s)\s?"
                             r"⟨2⟩\s?之间|"
                             r"\bbetween ⟨0⟩ and (?:either )?⟨1⟩ ?(?:or|/|,) ?⟨2⟩")
_LOCATED = re.compile(r"⟨(?P<thing>\d+)⟩\s?(?:,\s?)?(?:in|at|located in|based in|near)\s(?:the\s)?"
                      r"⟨(?P<place>\d+)⟩|⟨(?P<place2>\d+)⟩\s?(?:的|那个|这个|那边的)\s?⟨(?P<thing2>\d+)⟩")


def _without_locators(masked: str, picked: list[str], gaz: Gazetteer) -> list[str]:
    """The entities named without a place said only to find another ("the park in Qidong",
    启东的江海产业园): a park, a bridge or a body followed by the city or region it is in."""
    drop = set()
    for found in _LOCATED.finditer(masked):
        thing = int(found.group("thing") or found.group("thing2"))
        place = int(found.group("place") or found.group("place2"))
        if max(thing, place) >= len(picked):
            continue
        if gaz.entities[picked[thing]].label in ("Park", "Infrastructure", "Organization") \
                and gaz.entities[picked[place]].label in ("City", "Region"):
            drop.add(place)
    kept = [i for n, i in enumerate(picked) if n not in drop]
    return kept if len(kept) >= 2 else picked


def reading_intent(masked: str, mentions: tuple[Mention, ...], gaz: Gazetteer,
                   reading: Reading) -> tuple[Intent, dict[str, str]] | None:
    """The grammar's intent for a masked question and the entity id of each slot, or None."""
    if unknown_kind(masked, reading):
        return None  # "which hospitals": a kind the graph does not hold
    if reading.asked is None and len(mentions) == 1 and NEIGHBOURS.search(masked):
        return (relation_intent([(None, "both")], None, {}, "", False),  # connected to
                {"x": _pick(mentions[0], mentions[0].ids, gaz)})
    if reading.asked and len(mentions) == 2 and (re.search(r"之间|\bbetween\b", masked) or (
            re.search(r"⟨0⟩\s?(?:到|至|\bto\b|\band\b)\s?⟨1⟩", masked)
            and reading.asked <= _LINKS)):
        # 南通到上海的铁路, 从南通到上海有哪些铁路, "which railway goes from Shanghai to
        # Nantong": the links between (else a route)
        return two_entity_intent(reading.asked), {  # <A>和<B>之间有哪些<kind>
            "x": _pick(mentions[0], mentions[0].ids, gaz),
            "y": _pick(mentions[1], mentions[1].ids, gaz)}
    if reading.asked and len(mentions) == 3 and _BETWEEN_EITHER.search(masked):
        return between_either_intent(reading.asked), {  # 崇明跟启东、海门之间有哪些通道
            slot: _pick(m, m.ids, gaz) for slot, m in zip("xyz", mentions, strict=True)}
    route = _ROUTE.search(masked)
    if route and len(mentions) == 2:  # 从A到B, from A (down) to B: the paths between
        a = int(route.group(1) or route.group("a"))
        b = int(route.group(2) or route.group("b"))
        return route_intent(), {"x": _pick(mentions[a], mentions[a].ids, gaz),
                                "y": _pick(mentions[b], mentions[b].ids, gaz)}
    if reading.property and mentions:
        picked = [_pick(m, m.ids, gaz) for m in mentions]
        if len(picked) > 2:  # "Chengtou's stake in the Jianghai park in Qidong": the place
            picked = _without_locators(masked, picked, gaz)  # only finds the park
        # 高技术船舶在南通算哪一档产业: the property of the one of the kind asked (for the other)
        of_kind = [i for i in picked if reading.asked and reading.phrase
                   and gaz.entities[i].label in reading.asked]  # (谁, who: an actor asked)
        if reading.asked is None or of_kind:
            thing = of_kind[0] if of_kind else _holder(reading.property, picked, gaz)
            other = next((i for i in picked if i != thing), None)
            if other is None:
                return property_intent(reading.property, False), {"x": thing}
            located = len(picked) < len(mentions)  # ("in Qidong" said, no joining verb)
            alike = reading.asked is None and (gaz.entities[other].label == gaz.entities[
                thing].label or (_joined(reading) and not located))  # (of two kinds, the
            # question's own kind says which it asks; "when did X join Y" asks the date of a
            # tie: both ends)
            return property_intent(reading.property, True, alike), {"x": other, "y": thing}
    found = _agreeing(candidates(masked, mentions, gaz, reading), masked, mentions, reading)
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
            if not kinds3:  # "what is Nantong to learn from Pudong and Lingang": among them
                return _among(top, anchors, masked, mentions, gaz, reading, asked, verb_text)
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
            kinds_a = widened(_towards(kinds_a, masked), asked, label_a, masked)
            kinds_b = set(widened(_towards(sorted(kinds_b, key=str), masked), asked,
                                   label_a, masked))
            both = [k for k in kinds_a if k in kinds_b] or kinds_a
            ids = {"x": _pick(mentions[a], (c.entity for c in top if c.mention == a), gaz),
                   "y": _pick(mentions[b], (c.entity for c in top if c.mention == b), gaz)}
            each = _each(masked, reading, a, b)
            if each:
                both = list(dict.fromkeys([*kinds_a, *kinds_b]))
            listed = not reading.shared and _coordinated(masked, mentions, a, b, gaz)
            topic = bool(re.search(rf"^\s?(?:(?:on|for|as for|regarding|about|in) )?"
                                   rf"(?:the )?⟨{a}⟩\s?{_TOPIC_MARK}?"
                                   rf"\s?[,:]?\s?(?:the )?⟨{b}⟩", masked) or
                         re.search(rf"^\s?(?:on|for|as for|regarding|about|in) (?:the )?⟨{a}⟩"
                                   r"\s?,", masked))
            return relation_intent(both, asked, reading.where, verb_text, True,
                                   each=each, each_if_none=listed, topic=topic), ids
        n = anchors[0]
        kinds = list(dict.fromkeys((c.rel_type, c.direction) for c in top if c.mention == n))
        entity = _pick(mentions[n], (c.entity for c in top if c.mention == n), gaz)
        kinds = widened(_towards(kinds, masked), asked, gaz.entities[entity].label,
                         masked)
        building = ("CO_BUILDS", "out") in kinds or (
            any(t == "COOPERATES_WITH" for t, _ in kinds) and _BUILT.search(masked))
        if building and gaz.entities[entity].label in _BUILDERS and PARTNERS.search(masked) \
                and (not reading.asked or reading.asked & _BUILDERS or _WHO.search(masked)):
            who = reading.asked | _BUILDERS if reading.asked and _WHO.search(masked) else None
            return partners_intent(who or reading.asked), {"x": entity}  # 崇明和谁一起建了园区
        # Read the other way round only where a verb too common to say which way (有, 在)
        # and word order chose: 上游 or 借鉴 read backwards would answer the opposite.
        # (a containment said from the container's side, 涉及 or covers, may be recorded
        # the other way; "what is located in X" never is)
        by_order = frozenset((c.rel_type, c.direction) for c in top
                             if (c.by_order and _weak(masked[c.verb.start:c.verb.end])) or
                             (c.rel_type in _EITHER_WAY and not c.verb.value.active))
        return (relation_intent(kinds, asked, reading.where, verb_text, False,
                                by_order, otherwise=reading.otherwise,
                                if_none=if_none(kinds), named=_qualifier_named(
                                    mentions, n, gaz)), {"x": entity})
    if not mentions:
        listed = state_list_intent(masked, reading)  # 已经通车的有哪些: what is open
        if listed is not None:
            return listed, {}
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
    # 哪些园区, not just 谁 / who; or the kind the state said asks for ("what has X only
    # planned": what X's relations of that status reach)
    named = reading.asked if reading.phrase or (
        reading.asked and reading.asked == asked_by_state(masked, masked)) else None
    if named and len(about) == 2:
        return two_entity_intent(named), {
            "x": _pick(about[0], about[0].ids, gaz), "y": _pick(about[1], about[1].ids, gaz)}
    if (named or NEIGHBOURS.search(masked)) and len(about) == 1:
        return (relation_intent([(None, "both")], reading.asked, reading.where, "", False),
                {"x": _pick(about[0], about[0].ids, gaz)})
    return None


def _joined(reading: Reading) -> bool:
    """The question says a verb of membership or taking part (加入, join): its date is the
    tie's, and both ends are its answer."""
    types = {getattr(v.value, "rel_type", None) for v in reading.verbs}
    return bool(types & {"MEMBER_OF", "PARTICIPATES_IN"})


def _holder(prop: str, picked: list[str], gaz: Gazetteer) -> str:
    """Of the entities named, the one whose property is asked: the only one of a kind that
    holds it (a park's area), or the only one of the one kind a relation type that carries it
    leads to (an industry's tier in a city: HAS_INDUSTRY's); else the last one named (a
    stake or a role is asked of either end: word order says which)."""
    from graph.schema import LABELS

    props = prop.split("+")
    labels = [gaz.entities[i].label for i in picked]
    for holds in (
            lambda label: any(p in LABELS[label].properties for p in props),
            lambda label: any(p in rel.properties and rel.targets == {label}
                              and label not in rel.sources for p in props
                              for rel in REL_TYPES.values())):
        held = [i for i, label in zip(picked, labels, strict=True) if holds(label)]
        if len(set(held)) == 1 and len(set(picked)) > 1:
            return held[0]
    return picked[-1]


def _qualifier_named(mentions: tuple[Mention, ...], anchor: int, gaz: Gazetteer) -> str:
    """The entity another mention names whose name is also a qualifier (国家级先进制造业集群:
    a tier and the programme), or ''."""
    from queries.ask.lexicon import lexicon

    words = {w.casefold() for q in lexicon().qualifiers for w in q.words}
    return next((_pick(m, m.ids, gaz) for n, m in enumerate(mentions)
                 if n != anchor and m.text.casefold() in words), "")


def _among(top: list[Candidate], anchors: list[int], masked: str,
           mentions: tuple[Mention, ...], gaz: Gazetteer, reading: Reading,
           asked: frozenset[str] | None, verb_text: str
           ) -> tuple[Intent, dict[str, str]] | None:
    """One entity related to two others joined as a list ("X learns from A and B", X学A、B的
    什么; 、 is prepared away as a space): the relation from X, kept to A and B (ids "only:…"
    say so), or None."""
    for n in anchors:
        a, b = (m for m in anchors if m != n)
        if not re.search(rf"⟨{a}⟩\s?(?:和|与|及|、|,|and|or)?\s?(?:the\s)?⟨{b}⟩", masked):
            continue
        kinds = list(dict.fromkeys((c.rel_type, c.direction) for c in top if c.mention == n))
        kinds = [k for k in kinds if k[1] in _OTHER_WAY and all(any(
            (c.rel_type, c.direction) == (k[0], _OTHER_WAY[k[1]]) and c.mention == m
            for c in top) for m in (a, b))]
        if kinds:
            ids = {"x": _pick(mentions[n], (c.entity for c in top if c.mention == n), gaz)}
            for name, m in (("only:y", a), ("only:z", b)):
                ids[name] = _pick(mentions[m], (c.entity for c in top if c.mention == m), gaz)
            return relation_intent(kinds, asked, reading.where, verb_text, False), ids
    return None


_OTHER_WAY = {"out": "in", "in": "out"}
_TOPIC_MARK = r"(?:这块|这方面|方面|这一块|上|来说|而言|的话)"  # 人才资质互认这块，南通…
_LINKS = frozenset({"Infrastructure"})
_BUILDERS = frozenset({"City", "Region", "Organization"})
_BUILT = re.compile(r"园区|共建|合建|\bparks?\b|\bbuil[dt]\w*|\bco-?build\w*")
_WHO = re.compile(r"谁|\bwho\b|\bwhom\b")
_ROUTE = re.compile(r"从\s?⟨(\d+)⟩.{0,6}?到\s?⟨(\d+)⟩|"
                    r"\bfrom ⟨(?P<a>\d+)⟩ (?:[a-z]+ ){0,2}to ⟨(?P<b>\d+)⟩")


# Up or down a taxonomy, whatever the word order: "under which broader categories is X
# filed" asks X's parents (BROADER out), "what comes beneath X" its children (in).
_UP = re.compile(r"上位|上级|上一级|大类|母类|更大的|更宽|\bbroader\b|\bparent\b|\bparents\b|"
                 r"\bumbrella\b|\bhigher-level\b|\bwider\b|"
                 # "under which category is X filed", 归在哪一类: the category above X
                 r"\bunder (?:which|what)\b|哪(?:一|个)?(?:大)?类")
_DOWN = re.compile(r"细分|下面|下属|子类|下级|之下的|下有|下设|类下|"
                   r"\bnarrower\b|\bsub-?(?:categor|sector|"
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
