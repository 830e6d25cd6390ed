"""What a place holds, builds and is served by, counting its districts, counties and bodies.

`related` follows one relationship from the entity itself. Asked of a city, "which parks are
in Suzhou", "what has Shanghai co-built" or "which crossings serve Nantong" mean more: a park
in 昆山 (a county-level city of Suzhou) is in Suzhou, a park 浦东 or 上海城投 co-builds is one
Shanghai had a hand in. The roll-up of queries/rollup.py says who acts for a place (its places
LOCATED_IN it at any depth; for building, also the bodies seated there); each item keeps the
chain of relations from the place asked, so every answer keeps its quotes.

A unit that has ended (港闸区, `until`) points to its successor (LOCATED_IN with `since`):
"where is it now" follows that step too.

Only `relations_of` and `entities` are used, so both stores answer alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph.model import Relation
from graph.store import Store
from queries.related import (
    CommonResult,
    RelatedItem,
    RelatedResult,
    _check,
    _labels,
    _matches,
    related,
)
from queries.resolve import resolve
from queries.rollup import Chain, Relations, actors, by_other_end, places

_PLACES = frozenset({"City", "Region"})
_LINKS = frozenset({"Infrastructure"})
# The relationships a place takes part in through its parts, and from which end: building
# (districts and seated bodies build for their city), containment and being served by a link.
ROLLED_UP: dict[tuple[str, str], str] = {
    ("CO_BUILDS", "out"): "actors",
    ("LOCATED_IN", "in"): "places",
    ("CONNECTS", "in"): "places",
    ("HAS_INDUSTRY", "out"): "places",  # (as links and compare count a side's industries)
}


# Asked from the other end, which places did it: a body that builds counts for the place it
# is seated in (上海城投 co-builds the Jianghai park: Shanghai had a hand in it).
SEATED = frozenset({("CO_BUILDS", "in")})


def rolled_direction(rel_type: str | None, direction: str) -> str | None:
    """The direction a relationship rolls up in from a place, or None if it does not."""
    if rel_type is None:
        return None
    if (rel_type, direction) in ROLLED_UP or (rel_type, direction) in SEATED:
        return direction
    if direction == "both":
        return next((d for t, d in ROLLED_UP if t == rel_type), None)
    return None


def related_within(store: Store, entity: str, *, rel_type: str | None,
                   direction: str = "out", label: str | Sequence[str] | None = None,
                   where: Mapping[str, Any] | None = None) -> RelatedResult:
    """Which entities does this place reach through one relationship, its parts included?

    For a city or region and a relationship that rolls up (ROLLED_UP), what its districts,
    counties (and, for building, its seated bodies) reach counts as its own; a place found
    inside it is listed only as a direct part. Otherwise the same as `related`. Where the
    answer is a unit that has ended, its successor is added; where a bridge or a railway is
    located, when no place is recorded for it, is where it lands (CONNECTS)."""
    _check(rel_type, direction, label)
    center = resolve(store, entity)
    if (center.label in _PLACES and (rel_type, direction) == ("LOCATED_IN", "in")
            and _labels(label) and set(_labels(label)) <= _LINKS):
        return _links_in(store, center.id, label, where)
    return _related_within(store, center, rel_type, direction, label, where)


def _links_in(store: Store, place: str, label: str | Sequence[str] | None,
              where: Mapping[str, Any] | None) -> RelatedResult:
    """The bridges, tunnels and railways in a place: located in it or in a part of it, or
    landing there (CONNECTS a district or county of it: 海泰过江通道 lands in 海门区, so in
    南通), each with the chain that says so."""
    center = resolve(store, place)
    found: dict[str, RelatedItem] = {}
    for rel_type in ("LOCATED_IN", "CONNECTS"):
        got = _related_within(store, center, rel_type, "in", label, where)
        for item in got.items:
            have = found.get(item.entity.id)
            rels = {r.key: r for r in (*(have.relations if have else ()), *item.relations)}
            found[item.entity.id] = RelatedItem(item.entity, tuple(
                sorted(rels.values(), key=lambda r: r.key)))
    items = sorted(found.values(), key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(center, "LOCATED_IN", "in", "/".join(_labels(label)) or None,
                         dict(where or {}), tuple(items))


def _related_within(store: Store, center: Any, rel_type: str | None, direction: str,
                    label: str | Sequence[str] | None,
                    where: Mapping[str, Any] | None) -> RelatedResult:
    """related_within once the entity is resolved (see there)."""
    if (rel_type, direction) in SEATED:
        return _with_seats(store, related(store, center.id, rel_type=rel_type,
                                          direction=direction, where=where), label)
    rolled = rolled_direction(rel_type, direction)
    if center.label not in _PLACES or rolled is None:
        got = related(store, center.id, rel_type=rel_type, direction=direction, label=label,
                      where=where)
        if not got.items and center.label in _LINKS and (rel_type, direction) == (
                "LOCATED_IN", "out"):  # where a bridge or a railway is: where it lands
            got = related(store, center.id, rel_type="CONNECTS", direction="out",
                          label=label, where=where)
        return _with_successors(store, got)
    assert rel_type is not None
    wanted = _labels(label)
    where = dict(where or {})
    rels = Relations(store)
    sides: dict[str, Chain] = (actors if ROLLED_UP[(rel_type, rolled)] == "actors"
                               else places)(rels, center)
    found: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
    for side, chain in sorted(sides.items(), key=lambda kv: kv[1].order()):
        hop = by_other_end(rels(side), side, {rel_type}, outgoing=rolled == "out")
        for other, stated in hop.items():
            stated = tuple(r for r in stated if _matches(r, where))
            if not stated or other == center.id:
                continue
            if rels.label(other) in _PLACES and side != center.id:
                continue  # a place inside a part: listed only as a direct part
            keep = found.setdefault(other, {})
            keep.update((r.key, r) for r in (*chain.relations(), *stated))
    entities = rels.fetch(found)
    items = [RelatedItem(entities[i], tuple(sorted(r.values(), key=lambda r: r.key)))
             for i, r in found.items()
             if i in entities and (not wanted or entities[i].label in wanted)]
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(center, rel_type, direction, "/".join(wanted) or None, where,
                         tuple(items))


def _with_seats(store: Store, result: RelatedResult,
                label: str | Sequence[str] | None) -> RelatedResult:
    """What the answer lists of the kind asked, and where it asks for places, the places the
    bodies it lists are seated in (LOCATED_IN), each with the chain that leads there."""
    wanted = _labels(label)
    items = {i.entity.id: i for i in result.items if not wanted or i.entity.label in wanted}
    if set(wanted) & _PLACES and "Organization" not in wanted:  # places asked, not bodies
        for item in result.items:
            if item.entity.label != "Organization":
                continue
            seats = [r for r in store.relations_of(item.entity.id)
                     if r.type == "LOCATED_IN" and r.start == item.entity.id]
            places_of = store.entities([r.end for r in seats])
            for rel in seats:
                place = places_of.get(rel.end)
                if place is None or place.label not in wanted or place.id in items:
                    continue
                items[place.id] = RelatedItem(place, (*item.relations, rel))
    ordered = sorted(items.values(), key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(result.center, result.rel_type, result.direction,
                         "/".join(wanted) or None, result.where, tuple(ordered))


def _with_successors(store: Store, result: RelatedResult) -> RelatedResult:
    """Where a LOCATED_IN answer is a unit that has ended, the unit that took it over too."""
    if result.rel_type != "LOCATED_IN" or result.direction != "out":
        return result
    items = list(result.items)
    have = {i.entity.id for i in items}
    for item in result.items:
        if not item.entity.props.get("until"):
            continue
        later = [r for r in store.relations_of(item.entity.id) if r.type == "LOCATED_IN"
                 and r.start == item.entity.id and r.props.get("since")]
        targets = store.entities([r.end for r in later])
        for rel in later:
            target = targets.get(rel.end)
            if target is None or target.id in have or (
                    result.label and target.label not in _labels(result.label)):
                continue
            have.add(target.id)
            items.append(RelatedItem(target, (*item.relations, rel)))
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(result.center, result.rel_type, result.direction, result.label,
                         result.where, tuple(items))


def common_within(store: Store, a: str, b: str, *others: str, rel_type: str | None = None,
                  label: str | Sequence[str] | None = None) -> CommonResult:
    """Which entities does the graph relate to every one of these places, parts included?

    Like `common`, with each place's districts, counties and bodies acting for it (through
    the relationships that roll up: building, containment, being served by a link)."""
    _check(rel_type, "both", label)
    wanted = _labels(label)
    types = [(t, d) for t, d in ROLLED_UP if rel_type in (None, t)]
    sides = []
    for x in (a, b, *others):
        merged: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
        center = resolve(store, x)
        parts = [related(store, center.id, rel_type=rel_type, direction="both", label=label),
                 *(related_within(store, center.id, rel_type=t, direction=d, label=label)
                   for t, d in types)]
        for part in parts:
            for item in part.items:
                merged.setdefault(item.entity.id, {}).update((r.key, r) for r in item.relations)
        sides.append((center, merged))
    centres = {c.id for c, _ in sides}
    shared = set.intersection(*(set(m) for _, m in sides)) - centres
    entities = store.entities(shared)
    items = []
    for i in sorted(shared):
        if i not in entities or (wanted and entities[i].label not in wanted):
            continue
        rels = {k: r for _, m in sides for k, r in m[i].items()}
        items.append(RelatedItem(entities[i], tuple(sorted(rels.values(), key=lambda r: r.key))))
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    return CommonResult(sides[0][0], sides[1][0], rel_type, "/".join(wanted) or None,
                        tuple(items), tuple(c for c, _ in sides[2:]))
