"""What one entity reaches through a relation, of what relates to another: "What did the
leading group put on its list for the zone?" (what it PROPOSES that is PART_OF the zone).

Two names and one verb: the verb holds between the first and the answer, and the second only
says which of those is meant (any relation of the answer's reaches it). Only the store
primitives are used, so both stores agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.store import Store
from queries.related import RelatedItem, RelatedResult, related
from queries.resolve import resolve


def related_toward(store: Store, a: str, b: str, *, rel_type: str | None,
                   direction: str = "out", label: str | Sequence[str] | None = None
                   ) -> RelatedResult:
    """What does the first entity reach through a relation, of what relates to the second?"""
    reached = related(store, a, rel_type=rel_type, direction=direction, label=label)
    other = resolve(store, b).id
    items: list[RelatedItem] = []
    for item in reached.items:
        if item.entity.id == other:
            continue
        for rel in store.relations_of(item.entity.id):
            if rel.type != "MENTIONS" and other in (rel.start, rel.end):
                items.append(RelatedItem(item.entity, tuple(sorted(
                    {*item.relations, rel}, key=lambda r: r.key))))
                break
    return RelatedResult(reached.center, rel_type, direction, reached.label,
                         {"relates to": other}, tuple(items))
