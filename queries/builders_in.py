"""Who built the things of a kind that lie in a place: "who co-built the parks in Siyang",
沭阳的共建园区是跟苏州哪个地方合作的 (the co-builders of the parks in Shuyang; those in Suzhou).

The things are what lies in the place (LOCATED_IN, its districts and counties counting for
it: queries/within.py); their builders are those that CO_BUILDS them, each item keeping the
relation that says so (so the answer names the park each builder built). Only `relations_of`
and `entities` are used, so both stores answer alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.model import Relation
from graph.store import Store
from queries.related import RelatedItem, RelatedResult, related
from queries.resolve import resolve
from queries.within import related_within


def builders_of_what_lies_in(store: Store, place: str, *, label: str | Sequence[str] = "Park",
                             rel_type: str = "CO_BUILDS") -> RelatedResult:
    """Who built the things of a kind that lie in a place (the co-builders of its parks)?"""
    center = resolve(store, place)
    things = related_within(store, center.id, rel_type="LOCATED_IN", direction="in",
                            label=label).items
    grouped: dict[str, list[Relation]] = {}
    entities = {}
    for thing in things:
        for item in related(store, thing.entity.id, rel_type=rel_type, direction="in").items:
            if item.entity.id == center.id:
                continue  # the place itself hosts it: it is asked about, not an answer
            entities[item.entity.id] = item.entity
            grouped.setdefault(item.entity.id, []).extend(item.relations)
    items = [RelatedItem(entities[i], tuple(sorted({r.key: r for r in rels}.values(),
                                                   key=lambda r: r.key)))
             for i, rels in grouped.items()]
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(center, rel_type, "in", None, {}, tuple(items))
