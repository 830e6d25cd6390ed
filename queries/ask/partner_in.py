"""One builder's partners in one thing built: "Which city was Nantong's partner in the Xitong
park?", 南通在苏锡通园区的合作方是谁, "who did Suzhou partner with on the Sutong park", "Who did
Nantong build the Xitong park with?", 无锡和谁一起建的锡通园区.

Two names, a builder (a city, body or province) and what is built (a park, a bridge): the
answer is the others that co-build that thing (CO_BUILDS into it), the builder itself and what
lies in it (its districts) left out. Relations that have ended count ("before the merger"):
they are listed with their dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from queries.ask.records import Intent, Slot, Step

_PARTNER = re.compile(r"\bpartners?\b|\bpartnered\b|\bteamed up\b|\bco-?builders?\b|"
                      r"合作方|合作伙伴|伙伴|搭档|共建方|合伙", re.I)
# "build P with …", "co-built P together with A", 和谁一起建的: a partner asked by the verb
_BUILT_WITH = re.compile(r"\b(?:co-?buil[dt]|buil[dt]|develop(?:ed)?|set up)\b.*\bwith\b|"
                         r"(?:和|跟|与|同)\s?(?:谁|哪个城市|哪个地方|哪家|哪方|哪一方)\s?"
                         r"(?:一起|一道|共同|联合|合作)?\s?(?:共建|合建|建设?|开发|打造)", re.I)
# asked "now", the question is left to the readings that say what holds now
_NOW = re.compile(r"现在|目前|当前|如今|\b(?:now|currently|today)\b", re.I)
_YES_NO = re.compile(r"^\s*(?:is|are|was|were|does|do|did|has|have)\b|吗\s*[？?]?\s*$|"
                     r"是不是|是否|有没有", re.I)
# "the Nantong partner", 南通方的合作方, 南通这边的合作方: the place names the partner's side,
# so the answer is the builder from it (its districts' among them), not the others
_SIDE = re.compile(r"\bthe ⟨(\d)⟩(?:[- ]side)? (?:partner|co-?builder|party)\b|"
                   r"⟨(\d)⟩\s?(?:方|这边|那边|一方|这一方|那一方)的?\s?(?:合作方|伙伴|合作伙伴|共建方)",
                   re.I)
_BUILDERS = frozenset({"City", "Organization", "Region"})
_BUILT = frozenset({"Park", "Infrastructure"})


def partner_in(answer: Callable[..., Any], store: Any, question: str, gaz: Any) -> Any:
    """The builder's partners in the thing named (see the module's docstring), or None."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.reading import read
    from queries.ask.text import names_in
    from queries.within import related_within

    if (not (_PARTNER.search(question) or _BUILT_WITH.search(question))
            or _YES_NO.search(question) or _NOW.search(question)):
        return None  # ("is Wuxi one of the co-builders of X": a verdict, read elsewhere)
    q, mentions = names_in(question, gaz)
    if len(mentions) != 2 or any(len(m.ids) != 1 for m in mentions):
        return None
    named = [gaz.entities.get(m.ids[0]) for m in mentions]
    builder = next((e for e in named if e is not None and e.label in _BUILDERS), None)
    built = next((e for e in named if e is not None and e.label in _BUILT), None)
    if builder is None or built is None:
        return None
    own = {builder.id} | {i.entity.id for i in related_within(
        store, builder.id, rel_type="LOCATED_IN", direction="in").items}
    builds = [r for r in store.relations_of(built.id)
              if r.type == "CO_BUILDS" and r.end == built.id]
    if not any(r.start in own for r in builds):
        return None  # the builder is no builder of it: not this question
    masked = masked_text(q, mentions)
    side = _SIDE.search(masked)
    if side and named[int(side.group(1) or side.group(2))] is builder:
        return _from_side(answer, store, question, mentions, builder, built,
                          frozenset(r.start for r in builds if r.start in own))
    others = frozenset(r.start for r in builds if r.start not in own)
    if not others:
        return None
    reading = read(masked, text=q)
    asked = reading.asked if reading.asked and reading.asked & _BUILDERS else None
    label = "/".join(sorted(asked)) if asked else None
    intent = Intent(
        name="partners-in", question="Who co-built {p} with {a}?",
        question_zh="{a}在{p}的合作方是谁？", cues=(), slots=(Slot("a"), Slot("p")),
        steps=(Step("related", ("{p}",), {"rel_type": "CO_BUILDS", "direction": "in",
                                          "label": label}),),
        examples=(), explain="related lists what co-builds {p} (CO_BUILDS into it); {a} and "
                             "what lies in it are left out: the others are its partners.")
    return answer(store, Parsed(question, intent, mentions, {"a": builder, "p": built}, {},
                                known={builder.id: builder, built.id: built}, asked=asked,
                                only=others))


def _from_side(answer: Callable[..., Any], store: Any, question: str, mentions: Any,
               builder: Any, built: Any, ours: frozenset[str]) -> Any:
    """"Who was the Nantong partner in the Shibei science city": the builders of it that are
    the place said or lie in it (港闸区 for Nantong)."""
    from queries.ask.parsing import Parsed

    intent = Intent(
        name="partner-from", question="Which co-builder of {p} is {a} or lies in it?",
        question_zh="{p}的{a}方合作方是谁？", cues=(), slots=(Slot("a"), Slot("p")),
        steps=(Step("related", ("{p}",), {"rel_type": "CO_BUILDS", "direction": "in"}),),
        examples=(), explain="related lists what co-builds {p} (CO_BUILDS into it); kept are "
                             "{a} and what lies in it: the partner from {a}'s side.")
    return answer(store, Parsed(question, intent, mentions, {"a": builder, "p": built}, {},
                                known={builder.id: builder, built.id: built},
                                only=ours or frozenset({""})))
