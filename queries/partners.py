"""Who has a place or a body built something with: the other builders of what it co-builds.

"Who has Chongming teamed up with to build a park", "宿迁和谁一起建了园区": the graph records
who co-builds each park (CO_BUILDS), not who partnered with whom. The partners of an entity
are the other co-builders of the parks, projects and platforms it co-builds, its own
districts, counties and seated bodies counting for it (queries/within.py), never itself or
one of its own parts. Each partner keeps both relations: the entity's (with its chain) and
the partner's.

Only `relations_of` and `entities` are used (through related and related_within), so both
stores answer alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.model import Relation
from graph.store import Store
from queries.related import RelatedItem, RelatedResult, _labels, related
from queries.within import related_within


def co_builders(store: Store, entity: str, *,
                label: str | Sequence[str] | None = None) -> RelatedResult:
    """Who has this place or body co-built something with?"""
    built = related_within(store, entity, rel_type="CO_BUILDS", direction="out")
    center = built.center
    wanted = _labels(label)
    found: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
    entities = {}
    for item in built.items:
        own = {center.id} | {r.start for r in item.relations}  # the entity and its parts
        others = related(store, item.entity.id, rel_type="CO_BUILDS", direction="in")
        for other in others.items:
            if other.entity.id in own or (wanted and other.entity.label not in wanted):
                continue
            entities[other.entity.id] = other.entity
            keep = found.setdefault(other.entity.id, {})
            keep.update((r.key, r) for r in (*item.relations, *other.relations))
    items = [RelatedItem(entities[i], tuple(sorted(r.values(), key=lambda r: r.key)))
             for i, r in found.items()]
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(center, "CO_BUILDS", "both", "/".join(wanted) or None, {},
                         tuple(items))
