"""Yes-or-no questions whose verb names a relation that is not stated between the two ends
themselves: the verdict is computed from what the relation reaches, and the evidence printed
is the evidence the verdict rests on.

- "苏州和宿迁有没有共建园区", "Does Wuxi co-build anything with Taizhou?": CO_BUILDS asked
  of two builders means a park both co-build (X -CO_BUILDS-> P <-CO_BUILDS- Y), a city's
  districts, counties and seated bodies building for it (江阴 for 无锡).
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

from graph.model import Entity, Relation
from graph.store import Store
from queries.related import CommonResult, RelatedItem, RelatedResult
from queries.within import related_within

_PLACES = frozenset({"City", "Region"})
_BUILDERS = frozenset({"City", "Region", "Organization"})
_HOLDERS = frozenset({"City", "Region", "Park"})
_STILL = re.compile(r"现在还|如今还|目前还|至今还|仍然|仍|还在|依然|\bstill\b", re.I)
_MEMBER_ROLE = re.compile(r"member|成员", re.I)
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
            said = (_member if name == "member" else _still)(store, got, a, b, types)
        if said is None and either:  # 在不在: the check as any yes-or-no question gets it
            said = verdict(got, types)
        if said is None:
            return None
        return replace(got, verdict=said)
    got = answer_fn(store, parsed)  # the evidence: the steps' results, decided on below
    if len(got.ran) != len(intent.steps) or any(r.result is None for r in got.ran):
        return None
    if name == "shared":  # 有没有共建园区: among the kind named (parks), if one is named
        ran, found = _shared(store, x, y, list(got.ran), _kinds(question, gaz))
    else:
        decide = {"connects": _connects, "builds": _builds, "industry": _industry}[name]
        ran, found = decide(store, x, y, list(got.ran))
    if found.held and _STILL.search(text):
        found = _ended(found, names={e.id: e.display for e in found.entities}) or found
    return replace(got, ran=tuple(ran), verdict=found)


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
          still: bool) -> tuple[str, Entity, Entity] | None:
    """Which rule decides the question, and its two ends in the rule's order."""
    labels = (a.label, b.label)
    if "CONNECTS" in types and "Infrastructure" in labels:
        link, place = (a, b) if a.label == "Infrastructure" else (b, a)
        if place.label in _PLACES:
            return "connects", link, place
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
    if still and types:
        return "still", a, b
    if "MEMBER_OF" in types:
        return "member", a, b
    return None


# -- the verdict in words ------------------------------------------------------------------------


def _names(store: Store, rels: tuple[Relation, ...], *known: Entity) -> dict[str, str]:
    ids = {i for r in rels for i in (r.start, r.end)}
    found = store.entities(ids)
    return {**{i: e.display for i, e in found.items()}, **{e.id: e.display for e in known}}


def _through(rels: tuple[Relation, ...], ends: set[str], names: dict[str, str]) -> list[str]:
    """The entities a chain passes through (neither end), said with the step that joins
    them to the place asked: 江阴市 (LOCATED_IN 无锡)."""
    out = []
    for r in rels:
        if r.type in ("LOCATED_IN", "BROADER") and r.start not in ends:
            out.append(f"{names.get(r.start, r.start)} ({r.type} {names.get(r.end, r.end)})")
    return out


def _said(rels: tuple[Relation, ...], names: dict[str, str]) -> str:
    from queries.ask.verdict import said

    return "; ".join(said(r, names) for r in rels)


def _yes(rels: tuple[Relation, ...], ends: set[str], names: dict[str, str],
         what: str = "") -> tuple[str, str]:
    """("direct relation" | "rolled up through X", the first line) for evidence found."""
    through = _through(rels, ends, names)
    lead = f"{what} — " if what else ""
    if not through:
        return "direct relation", f"Yes — {lead}{_said(rels, names)}"
    via = "、".join(through)
    return (f"rolled up through {via}",
            f"Yes, rolled up through {via} — {lead}{_said(rels, names)}")


def _verdict(held: bool, how: str, text: str, rels: tuple[Relation, ...],
             entities: tuple[Entity, ...]) -> Any:
    from queries.ask.verdict import Verdict

    return Verdict(held, how, text, rels, entities)


def _listed(result: RelatedResult) -> str:
    return "、".join(i.entity.display for i in result.items) or "nothing"


def _evidence(store: Store, rels: tuple[Relation, ...], *ends: Entity) -> tuple[Entity, ...]:
    ids = [e.id for e in ends] + sorted({i for r in rels for i in (r.start, r.end)}
                                        - {e.id for e in ends})
    found = {**store.entities(ids), **{e.id: e for e in ends}}
    return tuple(found[i] for i in ids if i in found)


# -- the rules -----------------------------------------------------------------------------------


def _connects(store: Store, link: Entity, place: Entity,
              ran: list[Any]) -> tuple[list[Any], Any]:
    """Does the link (a bridge, a railway) connect the place, or a place inside it?"""
    serving, reach = ran[0].result, ran[1].result
    hit = [i for i in serving.items if i.entity.id == link.id]
    if hit:
        rels = hit[0].relations
        names = _names(store, rels, link, place)
        how, text = _yes(rels, {link.id, place.id}, names)
        return ([replace(ran[0], result=replace(serving, items=tuple(hit)))],
                _verdict(True, how, text, rels, _evidence(store, rels, link, place)))
    text = (f"The graph does not record that {link.display} connects {place.display} or a "
            f"place inside it (CONNECTS); it records {link.display} connecting: "
            f"{_listed(reach)}.")
    return [ran[1]], _verdict(False, "not recorded", text, (), ())


def _builds(store: Store, builder: Entity, park: Entity,
            ran: list[Any]) -> tuple[list[Any], Any]:
    """Does the builder (a city with its districts and seated bodies, or a body) co-build
    the park?"""
    built, by = ran[0].result, ran[1].result
    hit = [i for i in built.items if i.entity.id == park.id]
    if hit:
        rels = hit[0].relations
        names = _names(store, rels, builder, park)
        how, text = _yes(rels, {builder.id, park.id}, names)
        return ([replace(ran[0], result=replace(built, items=tuple(hit)))],
                _verdict(True, how, text, rels, _evidence(store, rels, builder, park)))
    text = (f"The graph does not record that {builder.display} (or a place or body in it) "
            f"co-builds {park.display} (CO_BUILDS); its co-builders on record: {_listed(by)}.")
    return [ran[1]], _verdict(False, "not recorded", text, (), ())


def _kinds(question: str, gaz: Any) -> frozenset[str]:
    """The kinds of thing a question names by a word for them (园区, a park), if any."""
    from queries.ask.phrases import masked_text
    from queries.ask.reading import find, label_words
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    return frozenset(str(h.value) for h in find(label_words(), masked_text(q, mentions)))


def _shared(store: Store, a: Entity, b: Entity, ran: list[Any],
            kinds: frozenset[str] = frozenset()) -> tuple[list[Any], Any]:
    """Is there a park both co-build (each with its districts, counties and seated bodies)?
    `kinds`: the kinds the question names (园区: parks only), empty for anything."""
    sides = [ran[0].result, ran[1].result]
    mine = [{i.entity.id: i for i in s.items} for s in sides]
    both = sorted(i for i in set(mine[0]) & set(mine[1])
                  if not kinds or mine[0][i].entity.label in kinds)
    what = ("a " + "/".join(sorted(kinds))) if kinds else "anything"
    if not both:
        text = (f"The graph does not record {what} that both {a.display} and {b.display} "
                f"co-build (CO_BUILDS, their districts, counties and bodies counted); "
                f"{a.display} co-builds: {_listed(sides[0])}; {b.display} co-builds: "
                f"{_listed(sides[1])}.")
        return ran, _verdict(False, "not recorded", text, (), ())
    items, rels_all, lines, hows = [], [], [], []
    for pid in both:
        rels = tuple(dict.fromkeys((*mine[0][pid].relations, *mine[1][pid].relations)))
        items.append(RelatedItem(mine[0][pid].entity, rels))
        rels_all.extend(rels)
        names = _names(store, rels, a, b)
        how, _ = _yes(rels, {a.id, b.id, pid}, names)
        hows.append(how)
        lines.append((how, f"both co-build {mine[0][pid].entity.display}: "
                      f"{_said(rels, names)}"))
    if len(lines) > 3:  # the first three said in full; the evidence lists every one
        more = f"{len(lines) - 3} more: " + "、".join(i.entity.display for i in items[3:])
        lines = [*lines[:3], ("and", more)]
    direct = [line for how, line in lines if how == "direct relation"]
    if direct:  # a park both co-build themselves first; the rolled-up ones after it
        text = "Yes — " + " | ".join(direct + [f"{h}: {t}" for h, t in lines
                                              if h != "direct relation"])
        how = "direct relation"
    else:
        how = hows[0]
        text = f"Yes, {hows[0]} — " + " | ".join(
            t if h == hows[0] else f"{h}: {t}" for h, t in lines)
    shown = CommonResult(a, b, "CO_BUILDS", None, tuple(items))
    every = tuple(dict.fromkeys(rels_all))
    common = replace(ran[0], query="common_within", result=shown,
                     args={"a": a.id, "b": b.id, "rel_type": "CO_BUILDS"})
    return [common], _verdict(True, how, text, every, _evidence(store, every, a, b))


def _narrower(store: Store, industry: str) -> dict[str, tuple[Relation, ...]]:
    """The industry and every industry under it (BROADER), each with the chain up to it."""
    chains: dict[str, tuple[Relation, ...]] = {industry: ()}
    todo = [industry]
    while todo:
        here = todo.pop()
        for r in store.relations_of(here):
            if r.type == "BROADER" and r.end == here and r.start not in chains:
                chains[r.start] = (r, *chains[here])
                todo.append(r.start)
    return chains


def _industry(store: Store, holder: Entity, industry: Entity,
              ran: list[Any]) -> tuple[list[Any], Any]:
    """Does the place (its districts and counties counted) or park have the industry (or one
    under it)?"""
    types = ("HAS_INDUSTRY", "FOCUSES_ON")
    under = _narrower(store, industry.id)
    sides: dict[str, tuple[Relation, ...]] = {holder.id: ()}
    if holder.label in _PLACES:
        inside = related_within(store, holder.id, rel_type="LOCATED_IN", direction="in",
                                label="City")
        sides.update((i.entity.id, i.relations) for i in inside.items)
    found: list[tuple[Relation, ...]] = []
    for side, chain in sides.items():
        for r in store.relations_of(side):
            if r.type in types and r.start == side and r.end in under:
                found.append((*chain, r, *under[r.end]))
    if found:
        best = min(found, key=len)
        direct = [c for c in found if len(c) == 1]
        rels = tuple(dict.fromkeys(r for c in (direct or [best]) for r in c))
        names = _names(store, rels, holder, industry)
        how, text = _yes(rels, {holder.id, industry.id}, names)
        item = RelatedItem(industry, rels)
        shown = RelatedResult(holder, "HAS_INDUSTRY", "out", None, {}, (item,))
        return ([replace(ran[0], result=shown)],
                _verdict(True, how, text, rels, _evidence(store, rels, holder, industry)))
    held = ran[0].result
    also = ", its districts and counties" if holder.label in _PLACES else ""
    text = (f"The graph does not record that {holder.display}{also} have {industry.display} "
            f"or an industry under it (HAS_INDUSTRY); the industries it records for "
            f"{holder.display}: {_listed(held)}.")
    return ran, _verdict(False, "not recorded", text, (), ())


def _ended(found: Any, names: dict[str, str]) -> Any:
    """A yes to "still …" whose every relation of the kind asked has ended (`until`): not
    any more (中新集团 co-built the Sutong park until 2020-05). None when one still holds."""
    asked = [r for r in found.relations if r.type not in ("LOCATED_IN", "BROADER")]
    if not asked or any(not r.props.get("until") for r in asked):
        return None
    until = ", ".join(sorted({str(r.props.get("until")) for r in asked}))
    return _verdict(False, f"ended {until}", f"Not any more — the graph records "
                    f"{_said(tuple(asked), names)}, which ended in {until}.",
                    tuple(asked), ())


def _statements(got: Any) -> list[Any]:
    out: list[Any] = []
    for ran in got.ran:
        out.extend(getattr(ran.result, "statements", ()) or ())
    return out


def _member(store: Store, got: Any, a: Entity, b: Entity, types: frozenset[str]) -> Any:
    """"A member of": MEMBER_OF, or PARTICIPATES_IN in a member's role (member unit)."""
    stated = _statements(got)
    if any(s.relation.type in types for s in stated):
        return None  # MEMBER_OF itself is stated: the ordinary verdict says so
    members = tuple(s.relation for s in stated if s.relation.type == "PARTICIPATES_IN"
                    and s.relation.start == a.id and s.relation.end == b.id
                    and _MEMBER_ROLE.search(str(s.relation.props.get("role", ""))))
    if not members:
        return None
    names = {a.id: a.display, b.id: b.display}
    text = (f"Yes — as a member through PARTICIPATES_IN (role "
            f"{members[0].props.get('role')}), not MEMBER_OF: {_said(members, names)}")
    return _verdict(True, "direct relation (PARTICIPATES_IN as a member)", text, members,
                    (a, b))


def _still(store: Store, got: Any, a: Entity, b: Entity, types: frozenset[str]) -> Any:
    """"Still / 现在还": a relation that ended (`until`) does not hold now; what does."""
    fits = [s.relation for s in _statements(got) if s.relation.type in types]
    if not fits:
        return None
    if any(not r.props.get("until") for r in fits):
        return None  # one holds without an end: the ordinary verdict's yes stands
    names = {a.id: a.display, b.id: b.display}
    ended = tuple(fits)
    now: list[Relation] = []
    for r in ended:  # what took its place: a later relation of the same type from a
        now.extend(x for x in store.relations_of(a.id) if x.type == r.type and x.start == a.id
                   and x.props.get("since") and x.end != b.id)
    more = ""
    if now:
        later = tuple(dict.fromkeys(now))
        names.update(_names(store, later, a, b))
        onward = []
        for r in later:
            up = [x for x in store.relations_of(r.end) if x.type == r.type and x.start == r.end
                  and x.end == b.id and not x.props.get("until")]
            onward.extend(up)
        names.update(_names(store, tuple(onward), a, b))
        more = "; what holds now: " + _said(later + tuple(onward), names)
    until = ", ".join(sorted({str(r.props.get("until")) for r in ended}))
    text = (f"Not any more — the graph records {_said(ended, names)}, which ended in {until}"
            f"{more}.")
    return _verdict(False, f"ended {until}", text, ended, (a, b))
