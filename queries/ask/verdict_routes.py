"""Yes-or-no questions whose verb names a relation that is not stated between the two ends
themselves: the verdict is computed from what the relation reaches, and the evidence printed
is the evidence the verdict rests on.

- "苏州和宿迁有没有共建园区", "Does Wuxi co-build anything with Taizhou?": CO_BUILDS asked
  of two builders means a park both co-build (X -CO_BUILDS-> P <-CO_BUILDS- Y), a city's
  districts, counties and seated bodies building for it (江阴 for 无锡).
- "Do Qidong and Pudong cooperate?", 启东跟浦东有没有合作: where no cooperation is stated
  between them, a park both co-build is one (said so), else the check as usual.
- "Is Shanghai a co-builder of P?": a district of Shanghai that co-builds P counts (rolled up).
- "Does the railway stop in Suzhou?", 北沿江高铁在苏州设站吗: CONNECTS, a station in 太仓
  (LOCATED_IN 苏州) counts for Suzhou. Never rolled down: a link recorded on 南通 is not
  recorded on 启东.
- 南通有没有集成电路产业, "Does Shanghai have a shipbuilding industry?": HAS_INDUSTRY (or a
  park's FOCUSES_ON), its districts' industries and narrower industries (BROADER) counting.
- "是…的成员 / a member of": PARTICIPATES_IN with a member role counts too, said as such.
- "现在还 / still": a relation that has ended (`until`) is not "still"; what holds now is
  said (港闸区 was merged into 崇川区, which is in 南通).

The graph never says "no": a verdict is "yes", "yes, rolled up through X" or "the graph does
not record …", followed by what it does record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from graph.model import Entity
from graph.store import Store
from queries.ask.verdict_rules import (
    PLACES,
    builds,
    connects,
    ended,
    industry,
    kinds,
    member,
    shared,
    still,
)

_BUILDERS = frozenset({"City", "Region", "Organization"})
_HOLDERS = frozenset({"City", "Region", "Park"})
_STILL = re.compile(r"现在还|如今还|目前还|至今还|仍然|仍|还在|依然|\bstill\b", re.I)
_COMPARED = re.compile(r"\b(?:than|more|fewer|less|most|least|longest|biggest|largest|"
                       r"first|earliest|latest)\b|比|更|最|多于|少于|几个|多少|哪", re.I)
# A-not-A (在不在, 连不连, 属不属于); 有没有 and 是不是 are the check's own cues already
_EITHER = re.compile(r"(?!有没有|是不是)([\u4e00-\u9fff])[不没]\1")
# Between a place and an industry the graph holds only HAS_INDUSTRY (FOCUSES_ON for a park):
# 有 and "in" read as containment mean the same there (南通有没有集成电路产业).
_HAVING = frozenset({"HAS_INDUSTRY", "FOCUSES_ON", "LOCATED_IN", "MEMBER_OF", "PART_OF"})


def _one(mention: Any, gaz: Any) -> str:
    """The entity a mention names: its only one, else the one whose own name it is (港闸区 is
    an alias of 崇川区 too, but the name of 港闸区)."""
    if len(mention.ids) == 1:
        return str(mention.ids[0])
    own = [i for i in mention.ids if getattr(gaz.entities.get(i), "name", None) == mention.text]
    return own[0] if len(own) == 1 else ""


def _narrowed(question: str, gaz: Any) -> bool:
    """The question asks more than whether the relation holds: a qualifier (千亿级), a
    property (哪年), a condition (before 2010), a count, a comparison (more parks than …).
    Those are left to the readings that answer them; a plain yes would overclaim."""
    from queries.ask.filters import read_filters
    from queries.ask.phrases import masked_text
    from queries.ask.reading import read
    from queries.ask.text import names_in

    if _COMPARED.search(question) or read_filters(question):
        return True
    q, mentions = names_in(question, gaz)
    reading = read(masked_text(q, mentions), text=q)
    return bool(reading.where or reading.property or reading.count)


def _anywhere(question: str, gaz: Any) -> frozenset[str]:
    """The relation types of the verbs anywhere in the question, the asking phrase included
    (上海和盐城有没有合作建设园区: 合作建设 stands inside 有没有…园区)."""
    from queries.ask.lexicon import lexicon
    from queries.ask.phrases import masked_text
    from queries.ask.reading import find
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    hits = find(((v.text, v) for v in lexicon().verbs), masked_text(q, mentions))
    return frozenset(h.value.rel_type for h in hits if hasattr(h.value, "rel_type"))


def _two(found: Any, gaz: Any) -> tuple[tuple[Any, ...] | None, frozenset[str]]:
    """The two mentions a yes-or-no question is about, and the relation types named by a
    third one that is a verb phrase the graph also holds as a concept (共建园区: the verb
    共建 and the kind 园区, not the mechanism 园区共建 asked about)."""
    from queries.ask.reading import read

    if len(found) == 2:
        return tuple(found), frozenset()
    if len(found) != 3:
        return None, frozenset()
    verbs: set[str] = set()
    kept = []
    for m in found:
        entity = gaz.entities.get(m.ids[0]) if m.ids else None
        said = {h.value.rel_type for h in read(m.text).verbs if hasattr(h.value, "rel_type")}
        if entity is not None and entity.label in ("Mechanism", "Initiative") and said:
            verbs |= said
        else:
            kept.append(m)
    return (tuple(kept), frozenset(verbs)) if len(kept) == 2 else (None, frozenset())


def routed(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
           gaz: Any) -> Any:
    """The answer with its verdict, when the question is a yes-or-no question this module
    decides (see the module's docstring); None otherwise. `answer_fn`: answering.answer."""
    from graph.gazetteer import prepare
    from queries.ask.intents import INTENTS
    from queries.ask.negation import _NEGATED
    from queries.ask.text import names_in
    from queries.ask.verdict import asked_types

    check = next((i for i in INTENTS if i.name == "check"), None)
    text = prepare(question)
    either = bool(_EITHER.search(text))  # 在不在, 连不连: "is it or not", no negation
    if check is None or not (either or re.search(check.cues[0].zh, text)
                             or re.search(check.cues[0].en, text)):
        return None
    if _NEGATED.search(text.lower()) or _narrowed(question, gaz):
        return None
    _, found = names_in(question, gaz)
    types = asked_types(question, gaz)
    mentions, verbs = _two(found, gaz)
    if mentions is None:
        return None
    types = types | verbs or _anywhere(question, gaz)
    ends = [gaz.entities.get(_one(m, gaz)) for m in mentions]
    if None in ends or ends[0].id == ends[1].id:
        return None
    a, b = ends
    rule = _rule(a, b, types, bool(_STILL.search(text)))
    if rule is None and either and types:
        rule = ("either", a, b)
    if rule is None:
        return None
    name, x, y = rule
    if name == "industry" and _PARKS_AFTER.match(text, next(
            (m.end for m in mentions if y.id in m.ids), len(text))):
        return None  # 南通有半导体园区吗: a park doing it, not the industry itself
    if name == "cooperates":
        if any(r.type == "COOPERATES_WITH" and {r.start, r.end} == {a.id, b.id}
               for r in store.relations_of(a.id)):
            return None  # stated between them: the check says so
        name = "shared"
    from queries.ask.parsing import Parsed

    kept = name in ("member", "still", "either")  # the check itself, its verdict adjusted
    intent = check if kept else replace(check, name=f"check:{name}", steps=_steps(name, x, y))
    parsed = Parsed(question, intent, tuple(mentions), {"a": a, "b": b}, {},
                    known={a.id: a, b.id: b})
    if kept:  # the check's evidence: what is stated between them
        from queries.ask.verdict import verdict

        got = answer_fn(store, parsed)
        said = None
        if name != "either":
            said = (member if name == "member" else still)(store, got, a, b, types)
        if said is None and either:  # 在不在: the check as any yes-or-no question gets it
            said = verdict(got, types)
        if said is None:
            return None
        return replace(got, verdict=said)
    got = answer_fn(store, parsed)  # the evidence: the steps' results, decided on below
    if len(got.ran) != len(intent.steps) or any(r.result is None for r in got.ran):
        return None
    if name == "shared":  # 有没有共建园区: among the kind named (parks), if one is named
        ran, found = shared(store, x, y, list(got.ran), kinds(question, gaz))
        if not found.held and "CO_BUILDS" not in types:
            return None  # cooperation asked, no park both build: the check as usual
    else:
        decide = {"connects": connects, "builds": builds,
                  "industry": industry}[name]
        ran, found = decide(store, x, y, list(got.ran))
    if found.held and _STILL.search(text):
        found = ended(found, names={e.id: e.display for e in found.entities}) or found
    return replace(got, ran=tuple(ran), verdict=found)


# a kind of park said right after an industry (半导体园区, "semiconductor parks")
_PARKS_AFTER = re.compile(r"\s?(?:产业园区|产业园|园区|工业园|开发区|基地|"
                          r"\s(?:parks?|zones?|industrial parks?|sites?)\b)")


def _steps(name: str, x: Entity, y: Entity) -> tuple[Any, ...]:
    """The queries whose results a rule decides on (and prints as its evidence)."""
    from queries.ask.records import Step

    if name == "connects":  # x the link, y the place
        return (Step("related_within", (y.id,), {"rel_type": "CONNECTS", "direction": "in"}),
                Step("related", (x.id,), {"rel_type": "CONNECTS", "direction": "out"}))
    if name == "builds":  # x the builder, y the park
        return (Step("related_within", (x.id,), {"rel_type": "CO_BUILDS", "direction": "out"}),
                Step("related", (y.id,), {"rel_type": "CO_BUILDS", "direction": "in"}))
    if name == "shared":
        return tuple(Step("related_within", (e.id,), {"rel_type": "CO_BUILDS",
                                                      "direction": "out"}) for e in (x, y))
    return (Step("related", (x.id,), {"rel_type": "HAS_INDUSTRY", "direction": "out"}),)


def _rule(a: Entity, b: Entity, types: frozenset[str],
          asks_still: bool) -> tuple[str, Entity, Entity] | None:
    """Which rule decides the question, and its two ends in the rule's order."""
    labels = (a.label, b.label)
    if "CONNECTS" in types and "Infrastructure" in labels:
        link, place = (a, b) if a.label == "Infrastructure" else (b, a)
        if place.label in PLACES:
            return "connects", link, place
    if "COOPERATES_WITH" in types and a.label in _BUILDERS and b.label in _BUILDERS \
            and "CO_BUILDS" not in types:
        return "cooperates", a, b  # (no cooperation stated: a park both co-build is one)
    if "CO_BUILDS" in types:
        if "Park" in labels:
            park, builder = (a, b) if a.label == "Park" else (b, a)
            if builder.label in _BUILDERS:
                return "builds", builder, park
        elif a.label in _BUILDERS and b.label in _BUILDERS:
            return "shared", a, b
    if "Industry" in labels and not types - _HAVING:  # a place and an industry: had or not
        industry, holder = (a, b) if a.label == "Industry" else (b, a)
        if holder.label in _HOLDERS:
            return "industry", holder, industry
    if asks_still and types:
        return "still", a, b
    if "MEMBER_OF" in types:
        return "member", a, b
    return None
