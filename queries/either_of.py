"""Which of the places named lies over a thing: "Is the Jiangyin-Jingjiang park in Wuxi or in
Taizhou?", 如皋经开区属于南通还是苏州.

The thing's containers are walked upwards: its own LOCATED_IN, PART_OF and MEMBER_OF, then
LOCATED_IN and PART_OF from those (a park in a county in a city lies in the city). Each place
named that is reached is an answer, with the chain of relations that reaches it. A co-builder
elsewhere does not make a park lie there (江阴 builds the park; the park lies in 靖江, 泰州).
Only `relations_of` is used, so both stores answer alike.
"""

from __future__ import annotations

from graph.model import Relation
from graph.store import Store
from queries.related import RelatedItem, RelatedResult
from queries.resolve import resolve

_FIRST = frozenset({"LOCATED_IN", "PART_OF", "MEMBER_OF"})
_UP = frozenset({"LOCATED_IN", "PART_OF"})
_DEPTH = 4


def located_among(store: Store, thing: str, *places: str) -> RelatedResult:
    """Which of these places does a thing lie in (or belong to)?"""
    center = resolve(store, thing)
    wanted = {resolve(store, p).id: resolve(store, p) for p in places}
    chains: dict[str, tuple[Relation, ...]] = {center.id: ()}
    level = [center.id]
    for depth in range(_DEPTH):
        types = _FIRST if depth == 0 else _UP
        nxt = []
        for node in level:
            for rel in sorted(store.relations_of(node), key=lambda r: r.key):
                if rel.type in types and rel.start == node and rel.end not in chains:
                    chains[rel.end] = (*chains[node], rel)
                    nxt.append(rel.end)
        level = nxt
    items = tuple(RelatedItem(entity, chains[i]) for i, entity in sorted(
        wanted.items(), key=lambda kv: (kv[1].label, kv[0])) if i in chains and i != center.id)
    return RelatedResult(center, "LOCATED_IN", "out", None, {}, items)
