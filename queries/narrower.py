"""Who has an industry through its narrower industries: 新能源产业 asked, 新能源 recorded.

Analysts name a sector by its category (新能源产业, "new energy industry", 生物产业), while
places and parks record the industry itself (新能源, 生物医药). A category has nobody's
HAS_INDUSTRY; what answers "which cities have 新能源产业" is who has the industries under it.
Only BROADER steps of high or medium confidence are followed down, at most `MAX_DOWN`
levels: a low one ("新兴产业 is under every category", said of the article's loose word) would
make every sector's answer the same list.

Stands only on the store primitives `relations_of` and `entities`, so both stores agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.related import RelatedItem, RelatedResult, _check, _labels
from queries.resolve import resolve

HOLDING = frozenset({"HAS_INDUSTRY", "FOCUSES_ON"})
MAX_DOWN = 2
_FIRM = frozenset({"high", "medium"})


@dataclass(frozen=True)
class NarrowerResult(RelatedResult):
    """Holders of the industries under `center`; `through`: the ones they hold."""

    through: tuple[Entity, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.center.display}: through the industries under it"

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "through": [e.ref() for e in self.through]}

    def subgraph(self) -> Subgraph:
        sub = super().subgraph()
        nodes = {n.id: n for n in (*sub.nodes, *self.through)}
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)), edges=sub.edges,
                        focus=sub.focus, highlight=sub.highlight)


def narrower_industries(store: Store, industry: str) -> dict[str, tuple[Relation, ...]]:
    """Which industries lie under this one (firm BROADER steps, `MAX_DOWN` levels), each
    with the BROADER relations that lead from it up to the one asked?"""
    centre = resolve(store, industry).id
    chains: dict[str, tuple[Relation, ...]] = {centre: ()}
    level = [centre]
    for _ in range(MAX_DOWN):
        nxt: list[str] = []
        for node in level:
            for rel in store.relations_of(node):
                if (rel.type == "BROADER" and rel.end == node and rel.start not in chains
                        and rel.confidence in _FIRM):
                    chains[rel.start] = (rel, *chains[node])
                    nxt.append(rel.start)
        level = sorted(nxt)
    del chains[centre]
    return chains


def holders_through_narrower(store: Store, industry: str, *, rel_type: str | None = None,
                             label: str | Sequence[str] | None = None) -> NarrowerResult:
    """Which entities have this industry through the industries under it?

    rel_type: HAS_INDUSTRY or FOCUSES_ON, None for both; label: of the holders, None for any.
    Each holder comes with its relations to the narrower industries and the BROADER steps
    from those up to the industry asked, so the answer shows how it was reached."""
    _check(rel_type, "in", label)
    labels = _labels(label)
    types = HOLDING if rel_type is None else frozenset({rel_type}) & HOLDING
    center = resolve(store, industry)
    under = narrower_industries(store, center.id)
    grouped: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
    for node in sorted(under):
        for rel in store.relations_of(node):
            if rel.type in types and rel.end == node and rel.start != center.id:
                rels = grouped.setdefault(rel.start, {})
                rels[rel.key] = rel
                rels.update((r.key, r) for r in under[node])
    entities = store.entities(grouped)
    items = [RelatedItem(entities[i], tuple(sorted(rels.values(), key=lambda r: r.key)))
             for i, rels in grouped.items()
             if i in entities and i not in under and (not labels or entities[i].label in labels)]
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    reached = sorted({r.end for i in items for r in i.relations if r.type in types})
    found = store.entities(reached)
    return NarrowerResult(center, rel_type, "in", "/".join(labels) or None, {}, tuple(items),
                          tuple(found[i] for i in reached if i in found))
