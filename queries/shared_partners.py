"""Who has co-built something with each of several places or bodies: their shared partners.

"Which city co-builds parks both with Nantong and with Suqian?": the graph records who
co-builds each park (CO_BUILDS), so the answer goes through the parks. The partners of each
side are those of queries/partners.py (the other co-builders of what it, its districts,
counties or seated bodies co-build); the answer is those partnering every side, never one of
the sides, each with the relations of both (the parks it shares with each are the basis).

Only `relations_of` and `entities` are used (through queries/partners.py), so both stores
answer alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.model import Relation
from graph.store import Store
from queries.partners import co_builders
from queries.related import CommonResult, RelatedItem


def co_builders_with_all(store: Store, a: str, b: str, *others: str,
                         label: str | Sequence[str] | None = None,
                         built_label: str | Sequence[str] | None = None) -> CommonResult:
    """Who has co-built something with each of these places or bodies?

    `built_label`: only through what is built of that kind (parks)."""
    sides = [co_builders(store, x, label=label, built_label=built_label)
             for x in (a, b, *others)]
    centres = {side.center.id for side in sides}
    shared = set.intersection(*({i.entity.id for i in side.items} for side in sides))
    rels: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
    for side in sides:
        for item in side.items:
            if item.entity.id in shared:
                rels.setdefault(item.entity.id, {}).update((r.key, r) for r in item.relations)
    items = tuple(RelatedItem(i.entity, tuple(sorted(rels[i.entity.id].values(),
                                                     key=lambda r: r.key)))
                  for i in sides[0].items if i.entity.id in shared and i.entity.id not in centres)
    return CommonResult(sides[0].center, sides[1].center, "CO_BUILDS", sides[0].label, items,
                        tuple(side.center for side in sides[2:]))
