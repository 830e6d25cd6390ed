"""What to suggest when a question cannot be mapped: the questions `ask` answers that come
closest to it (each intent's examples, and its template filled with the entities named), and
how to say what an intent needs or asks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.gazetteer import prepare
from graph.model import Entity
from graph.names import has_han
from queries.ask.intents import INTENTS, LINKABLE
from queries.ask.records import Intent, Slot, fill_in


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


def needs(slots: Iterable[Slot]) -> str:
    """What a question left out: 'an Industry', 'a City or Region and an entity'."""
    kinds = [("a kind of thing" if s.kind == "label" else "entity"
              if s.labels is None or s.labels >= LINKABLE else " or ".join(sorted(s.labels)))
             for s in slots]
    if len(kinds) > 1 and len(set(kinds)) == 1:
        return f"{len(kinds)} entities" + ("" if kinds[0] == "entity" else f" ({kinds[0]})")
    return " and ".join(k if k == "a kind of thing" else
                        ("an " if k[0] in "AEIOUaeiou" else "a ") + k for k in kinds)


def describe(intent: Intent) -> str:
    return f"{intent.question} / {intent.question_zh}"
