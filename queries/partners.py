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

from graph.model import Entity, Relation
from graph.store import Store
from queries.related import RelatedItem, RelatedResult, _labels, related
from queries.rollup import MAX_STEPS
from queries.within import related_within


def co_builders(store: Store, entity: str, *,
                label: str | Sequence[str] | None = None,
                built_label: str | Sequence[str] | None = None) -> RelatedResult:
    """Who has this place or body co-built something with?

    `built_label`: only through what is built of that kind (parks, not the zone itself)."""
    built = related_within(store, entity, rel_type="CO_BUILDS", direction="out",
                           label=built_label)
    center = built.center
    wanted = _labels(label)
    found: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
    entities = {}
    above = {center.id} | {e.id for e, _ in _cities_above(store, center.id)}
    for item in built.items:
        own = {center.id} | {r.start for r in item.relations}  # the entity and its parts
        others = related(store, item.entity.id, rel_type="CO_BUILDS", direction="in")
        for other in others.items:
            if other.entity.id in own:
                continue
            # a county's or a seated company's park is its city's too (启东 for 南通)
            for partner, chain in [(other.entity, ()),
                                   *_cities_above(store, other.entity.id)]:
                if partner.id in own or partner.id in above or (
                        wanted and partner.label not in wanted):
                    continue
                entities[partner.id] = partner
                keep = found.setdefault(partner.id, {})
                keep.update((r.key, r) for r in (*item.relations, *other.relations, *chain))
    items = [RelatedItem(entities[i], tuple(sorted(r.values(), key=lambda r: r.key)))
             for i, r in found.items()]
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(center, "CO_BUILDS", "both", "/".join(wanted) or None, {},
                         tuple(items))


def _cities_above(store: Store, entity: str) -> list[tuple[Entity, tuple[Relation, ...]]]:
    """The cities an entity lies in (LOCATED_IN, any depth: a county's city, a company's
    seat), each with the chain of relations that leads there."""
    out: list[tuple[Entity, tuple[Relation, ...]]] = []
    seen = {entity}
    todo: list[tuple[str, tuple[Relation, ...]]] = [(entity, ())]
    for _ in range(MAX_STEPS):
        step = []
        for node, chain in todo:
            ups = [r for r in store.relations_of(node)
                   if r.type == "LOCATED_IN" and r.start == node and r.end not in seen]
            places = store.entities([r.end for r in ups])
            for rel in ups:
                place = places.get(rel.end)
                if place is None or place.label != "City":
                    continue
                seen.add(place.id)
                out.append((place, (*chain, rel)))
                step.append((place.id, (*chain, rel)))
        if not step:
            break
        todo = step
    return out
