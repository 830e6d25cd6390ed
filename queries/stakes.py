"""Every stake the graph records: who holds a share in what (CO_BUILDS with a `share`).

"Which co-builders hold a majority stake in what they build?" names no entity: it asks across
the graph. Each holder is listed with the relations that carry its shares, so a condition on
the share (over half) can be tested and every claim keeps its source. Only the store
primitive `all_relations` is used, so both stores agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.related import RelatedItem


@dataclass(frozen=True)
class StakesResult:
    items: tuple[RelatedItem, ...]  # each holder with the relations that carry its shares
    held: tuple[Entity, ...] = ()  # what the stakes are in (the far ends)

    @property
    def entities(self) -> tuple[Any, ...]:
        return tuple(i.entity for i in self.items)

    @property
    def title(self) -> str:
        return "Stakes recorded (share of what each holder co-builds)"

    def to_dict(self) -> dict[str, Any]:
        return {"count": len(self.items), "holders": [i.to_dict() for i in self.items]}

    def subgraph(self) -> Subgraph:
        rels = {r.key: r for i in self.items for r in i.relations}
        ids = {r.start for r in rels.values()} | {r.end for r in rels.values()}
        nodes = {e.id: e for e in self.held}
        nodes.update((i.entity.id, i.entity) for i in self.items)
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(rels[k] for k in sorted(rels)
                                    if rels[k].start in nodes and rels[k].end in nodes),
                        focus=tuple(i.entity.id for i in self.items),
                        highlight=tuple(sorted(ids & set(nodes))))


def stakes(store: Store, *, label: str | Sequence[str] | None = None) -> StakesResult:
    """Who holds a stake in what, by the shares the graph records (largest share first)?"""
    labels = tuple(label.split("/")) if isinstance(label, str) else tuple(label or ())
    held: dict[str, list[Relation]] = {}
    for rel in store.all_relations():
        if rel.props.get("share") not in (None, ""):
            held.setdefault(rel.start, []).append(rel)
    ends = {r.end for rels in held.values() for r in rels}
    entities = store.entities(set(held) | ends)

    def largest(rels: list[Relation]) -> float:
        return max(float(str(r.props["share"]).rstrip("%")) for r in rels)

    items = [RelatedItem(entities[i], tuple(sorted(rels, key=lambda r: -largest([r]))))
             for i, rels in held.items()
             if i in entities and (not labels or entities[i].label in labels)]
    items.sort(key=lambda item: (-largest(list(item.relations)), item.entity.id))
    kept = {r.end for i in items for r in i.relations}
    return StakesResult(tuple(items), tuple(entities[i] for i in sorted(kept) if i in entities))
