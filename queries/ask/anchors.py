"""Who is who in a question: the entities it is about (not those inside the asking phrase,
nor a place said only to say where another thing is) and, from the word order, whether an
entity stands as the subject of a verb or as its object."""

from __future__ import annotations

import re

from graph.gazetteer import Mention
from graph.schema import label_for_id
from queries.ask.lexicon import Verb
from queries.ask.reading import PASSIVE, Hit, Reading


def direction_of(verb: Verb, hit: Hit, mention: Mention, reading: Reading, masked: str,
               at: tuple[int, int]) -> str:
    """Out or in, from the word order: the subject is whichever of the entity and the
    question word stands nearest before the verb; a passive marker turns it round."""
    start, end = at
    # 把X当样板, 以X为标杆: what 把/以 marks is the object, whatever stands before the verb
    question_between = any(end <= q.start and q.end <= hit.start and not object_marked(
        masked, q.start, hit.start) for q in reading.questions) and not _PRONOUN.search(
        masked[end:hit.start])  # "X - what was it merged into": it is X, the subject
    locative = start > 0 and masked[start - 1] in "在于向从对给到"  # 在南通投资: 南通 is where
    entity_is_subject = end <= hit.start and not question_between and not locative and \
        not object_marked(masked, start, hit.start)
    if PASSIVE.search(masked[min(end, hit.start):max(start, hit.start)]) or \
            PASSIVE.search(masked[hit.end:hit.end + 4]):
        entity_is_subject = not entity_is_subject
    return "out" if entity_is_subject == verb.active else "in"


def object_marked(masked: str, start: int, verb_start: int) -> bool:
    """Is what stands at `start` the object, by 把 (把X当样板) or 以/将 … 为/当/作 (以X为标杆)?"""
    before = masked[max(0, start - 2):start].rstrip()
    if before.endswith("把"):
        return True
    return before.endswith(("以", "将")) and bool(re.search(r"为|当|作", masked[start:verb_start]))


_PRONOUN = re.compile(r"\b(?:it|they|its|their)\b|它|它们|其")
_LOCATIVE = re.compile(r"\s?(?:at|near|on)\s(?:the\s)?")
_IN = re.compile(r"\s?(?:in|inside|within)\s(?:the\s)?")
_PLACES = frozenset({"City", "Region"})


def _placed_in(thing: Mention, place: Mention) -> bool:
    """Is `place` where `thing` is ("the park in Qidong"): a place after what is no place?"""
    things = {label_for_id(i).name for i in thing.ids if label_for_id(i)}
    places = {label_for_id(i).name for i in place.ids if label_for_id(i)}
    return bool(things) and not things & _PLACES and bool(places) and places <= _PLACES


_IN_WORDS = frozenset(("in", "inside", "within"))


def _verb_before(reading: Reading, start: int) -> bool:
    """Does a verb other than "in", or the asking phrase, stand before this point ("who
    built X in Qidong"; "is X in Wuxi or in Taizhou" asks the place itself)?"""
    if reading.phrase is not None and reading.phrase[1] <= start:
        return True  # "what are the sub-tasks of X in the zone plan": the kind asked first
    return any(v.end <= start and v.value.text not in _IN_WORDS  # type: ignore[attr-defined]
               for v in reading.verbs)


def anchor_mentions(spans: list[tuple[int, int]], reading: Reading,
                    mentions: tuple[Mention, ...] = (), masked: str = "") -> list[int]:
    """The mentions a question is about: not those inside the asking phrase (哪些长三角产业
    联盟: 长三角 qualifies the alliances), unless there is no other; one per entity
    (光伏储能 names 光伏储能 twice)."""
    outside = [n for n, (start, end) in enumerate(spans) if not reading.inside(start, end)]
    # "the Lanhai project at Tongzhou Bay": a place said right after another name only says
    # where that one is
    # (and "the park in Qidong", "the tasks in the zone plan": a place or zone after a thing
    # that is not one)
    where_of = {n for n in outside[1:] if n - 1 in outside and (_LOCATIVE.fullmatch(
        masked[spans[n - 1][1]:spans[n][0]]) or (_IN.fullmatch(
            masked[spans[n - 1][1]:spans[n][0]]) and n < len(mentions) and _placed_in(
            mentions[n - 1], mentions[n]) and _verb_before(reading, spans[n - 1][0])))}
    outside = [n for n in outside if n not in where_of]
    seen: set[tuple[str, ...]] = set()
    out = []
    for n in outside or list(range(len(spans))):
        ids = mentions[n].ids if n < len(mentions) else (str(n),)
        if ids not in seen:
            seen.add(ids)
            out.append(n)
    return out
