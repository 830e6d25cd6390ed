"""The rules that decide a yes-or-no question routed by `verdict_routes`, and their words.

Each rule takes the results of the steps `verdict_routes._steps` ran and returns what to print
(the results it rests on) and the verdict: the evidence printed is the evidence decided on.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from graph.model import Entity, Relation
from graph.store import Store
from queries.related import CommonResult, RelatedItem, RelatedResult
from queries.within import related_within

MEMBER_ROLE = re.compile(r"member|成员", re.I)
PLACES = frozenset({"City", "Region"})


# -- the verdict in words ------------------------------------------------------------------------


def _names(store: Store, rels: tuple[Relation, ...], *known: Entity) -> dict[str, str]:
    ids = {i for r in rels for i in (r.start, r.end, r.source) if i}  # sources said by name
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


def _found(store: Store, ran: list[Any], target: Entity, a: Entity,
           b: Entity) -> tuple[list[Any], Any] | None:
    """The yes of a rule whose first step lists what reaches (or is reached from) `a`:
    `target` among those items, with the relations that reach it (direct or rolled up);
    None when it is not there."""
    first = ran[0].result
    hit = [i for i in first.items if i.entity.id == target.id]
    if not hit:
        return None
    rels = hit[0].relations
    names = _names(store, rels, a, b)
    how, text = _yes(rels, {a.id, b.id}, names)
    return ([replace(ran[0], result=replace(first, items=tuple(hit)))],
            _verdict(True, how, text, rels, _evidence(store, rels, a, b)))


def connects(store: Store, link: Entity, place: Entity,
             ran: list[Any]) -> tuple[list[Any], Any]:
    """Does the link (a bridge, a railway) connect the place, or a place inside it?"""
    found = _found(store, ran, link, link, place)
    if found is not None:
        return found
    text = (f"The graph does not record that {link.display} connects {place.display} or a "
            f"place inside it (CONNECTS); it records {link.display} connecting: "
            f"{_listed(ran[1].result)}.")
    return [ran[1]], _verdict(False, "not recorded", text, (), ())


def builds(store: Store, builder: Entity, park: Entity,
           ran: list[Any]) -> tuple[list[Any], Any]:
    """Does the builder (a city with its districts and seated bodies, or a body) co-build
    the park?"""
    found = _found(store, ran, park, builder, park)
    if found is not None:
        return found
    text = (f"The graph does not record that {builder.display} (or a place or body in it) "
            f"co-builds {park.display} (CO_BUILDS); its co-builders on record: "
            f"{_listed(ran[1].result)}.")
    return [ran[1]], _verdict(False, "not recorded", text, (), ())


def kinds(question: str, gaz: Any) -> frozenset[str]:
    """The kinds of thing a question names by a word for them (园区, a park), if any."""
    from queries.ask.phrases import masked_text
    from queries.ask.reading import find, label_words
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    return frozenset(str(h.value) for h in find(label_words(), masked_text(q, mentions)))


def shared(store: Store, a: Entity, b: Entity, ran: list[Any],
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


def industry(store: Store, holder: Entity, industry: Entity,
             ran: list[Any]) -> tuple[list[Any], Any]:
    """Does the place (its districts and counties counted) or park have the industry (or one
    under it)?"""
    types = ("HAS_INDUSTRY", "FOCUSES_ON")
    under = _narrower(store, industry.id)
    sides: dict[str, tuple[Relation, ...]] = {holder.id: ()}
    if holder.label in PLACES:
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
    also = ", its districts and counties" if holder.label in PLACES else ""
    text = (f"The graph does not record that {holder.display}{also} have {industry.display} "
            f"or an industry under it (HAS_INDUSTRY); the industries it records for "
            f"{holder.display}: {_listed(held)}.")
    return ran, _verdict(False, "not recorded", text, (), ())


def ended(found: Any, names: dict[str, str]) -> Any:
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


def member(store: Store, got: Any, a: Entity, b: Entity, types: frozenset[str]) -> Any:
    """"A member of": MEMBER_OF, or PARTICIPATES_IN in a member's role (member unit)."""
    stated = _statements(got)
    if any(s.relation.type in types for s in stated):
        return None  # MEMBER_OF itself is stated: the ordinary verdict says so
    members = tuple(s.relation for s in stated if s.relation.type == "PARTICIPATES_IN"
                    and s.relation.start == a.id and s.relation.end == b.id
                    and MEMBER_ROLE.search(str(s.relation.props.get("role", ""))))
    if not members:
        return None
    names = {a.id: a.display, b.id: b.display}
    text = (f"Yes — as a member through PARTICIPATES_IN (role "
            f"{members[0].props.get('role')}), not MEMBER_OF: {_said(members, names)}")
    return _verdict(True, "direct relation (PARTICIPATES_IN as a member)", text, members,
                    (a, b))


def still(store: Store, got: Any, a: Entity, b: Entity, types: frozenset[str]) -> Any:
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
