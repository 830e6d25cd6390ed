"""The entities one relationship type leads to from an entity, and the quotes that name one.

Both queries stand only on the store primitives `relations_of`, `all_relations` and
`entities`, so the embedded store and Neo4j give the same answer by construction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.names import has_han
from graph.schema import LABELS, REL_TYPES
from graph.store import Store
from queries.errors import QueryError
from queries.resolve import resolve

DIRECTIONS = ("out", "in", "both")
# Fields of a relation itself (not its free properties) that `where` may also test.
_RELATION_FIELDS = ("source", "evidence", "confidence")


@dataclass(frozen=True)
class RelatedItem:
    """One entity reached, with every relation of the type that reaches it."""

    entity: Entity
    relations: tuple[Relation, ...]  # sorted by key

    @property
    def directions(self) -> tuple[str, ...]:
        """'out' and/or 'in', as seen from the centre of the query."""
        return tuple(sorted({"out" if r.end == self.entity.id else "in"
                             for r in self.relations}, reverse=True))

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.ref(), "direction": "+".join(self.directions),
                "relations": [r.to_dict() for r in self.relations]}


@dataclass(frozen=True)
class RelatedResult:
    center: Entity
    rel_type: str | None  # None: any type
    direction: str
    label: str | None
    where: dict[str, Any]
    items: tuple[RelatedItem, ...]  # sorted by label, then id

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(item.entity for item in self.items)

    @property
    def title(self) -> str:
        return f"{self.center.display}: {self.rel_type or 'any relation'}"

    def to_dict(self) -> dict[str, Any]:
        return {"center": self.center.ref(), "rel_type": self.rel_type,
                "direction": self.direction, "label": self.label, "where": self.where,
                "count": len(self.items), "related": [i.to_dict() for i in self.items]}

    def subgraph(self) -> Subgraph:
        nodes = {self.center.id: self.center, **{i.entity.id: i.entity for i in self.items}}
        edges = sorted({r.key: r for i in self.items for r in i.relations}.items())
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(r for _, r in edges), focus=(self.center.id,),
                        highlight=tuple(i.entity.id for i in self.items))


def _labels(label: str | Sequence[str] | None) -> tuple[str, ...]:
    """One label, several ("City/Organization" or a list), or none (any)."""
    if label is None:
        return ()
    return tuple(label.split("/")) if isinstance(label, str) else tuple(label)


def _check(rel_type: str | None, direction: str, label: str | Sequence[str] | None) -> None:
    if rel_type is not None and rel_type not in REL_TYPES:
        raise QueryError(f"unknown relationship type {rel_type!r}; choose from "
                         f"{', '.join(REL_TYPES)}")
    if direction not in DIRECTIONS:
        raise QueryError(f"unknown direction {direction!r}; choose from "
                         f"{', '.join(DIRECTIONS)}")
    for one in _labels(label):
        if one not in LABELS:
            raise QueryError(f"unknown label {one!r}; choose from {', '.join(LABELS)}")


def _value(rel: Relation, key: str) -> Any:
    if key in _RELATION_FIELDS:
        return getattr(rel, key)
    return rel.props.get(key)


def _matches(rel: Relation, where: Mapping[str, Any]) -> bool:
    """Every condition holds: equal to the value, or one of a list/tuple/set of values."""
    for key, wanted in where.items():
        have = _value(rel, key)
        if isinstance(wanted, (list, tuple, set, frozenset)):
            if have not in wanted:
                return False
        elif have != wanted:
            return False
    return True


def related(store: Store, entity: str, *, rel_type: str | None, direction: str = "out",
            label: str | Sequence[str] | None = None,
            where: Mapping[str, Any] | None = None) -> RelatedResult:
    """Which entities does this entity reach through one relationship type?

    rel_type None: through any type but MENTIONS (what the entity is connected to); label: one
    or several ("City/Organization"), None for any."""
    _check(rel_type, direction, label)
    labels = _labels(label)
    center = resolve(store, entity)
    where = dict(where or {})
    grouped: dict[str, list[Relation]] = {}
    for rel in store.relations_of(center.id):
        wrong_type = rel.type == "MENTIONS" if rel_type is None else rel.type != rel_type
        if wrong_type or rel.start == rel.end or not _matches(rel, where):
            continue
        outgoing = rel.start == center.id
        if (direction == "out" and not outgoing) or (direction == "in" and outgoing):
            continue
        grouped.setdefault(rel.end if outgoing else rel.start, []).append(rel)
    entities = store.entities(grouped)
    items = [RelatedItem(entities[i], tuple(sorted(rels, key=lambda r: r.key)))
             for i, rels in grouped.items()
             if i in entities and (not labels or entities[i].label in labels)]
    items.sort(key=lambda item: (item.entity.label, item.entity.id))
    return RelatedResult(center, rel_type, direction, "/".join(labels) or None, where,
                         tuple(items))


@dataclass(frozen=True)
class CommonResult:
    a: Entity
    b: Entity
    rel_type: str | None  # None: any type
    label: str | None
    items: tuple[RelatedItem, ...]  # each with its relations to a and to b (and the others)
    others: tuple[Entity, ...] = ()  # a third entity (and more) it must relate to as well

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(item.entity for item in self.items)

    @property
    def title(self) -> str:
        return f"{self.a.display} & {self.b.display}: {self.rel_type or 'any relation'}"

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.ref(), "b": self.b.ref(), "others": [o.ref() for o in self.others],
                "rel_type": self.rel_type,
                "label": self.label, "count": len(self.items),
                "common": [i.to_dict() for i in self.items]}

    def subgraph(self) -> Subgraph:
        nodes = {self.a.id: self.a, self.b.id: self.b, **{o.id: o for o in self.others},
                 **{i.entity.id: i.entity for i in self.items}}
        edges = sorted({r.key: r for i in self.items for r in i.relations}.items())
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(r for _, r in edges), focus=(self.a.id, self.b.id),
                        highlight=tuple(i.entity.id for i in self.items))


def common(store: Store, a: str, b: str, *others: str, rel_type: str | None = None,
           label: str | Sequence[str] | None = None) -> CommonResult:
    """Which entities does the graph relate to both of two entities (or to all of several)?

    Through one relationship type (either direction), or any but MENTIONS."""
    _check(rel_type, "both", label)
    sides = [related(store, x, rel_type=rel_type, direction="both", label=label)
             for x in (a, b, *others)]
    centres = {side.center.id for side in sides}
    rels: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
    for side in sides:
        for item in side.items:
            rels.setdefault(item.entity.id, {}).update((r.key, r) for r in item.relations)
    shared = set.intersection(*({i.entity.id for i in side.items} for side in sides))
    items = [RelatedItem(i.entity, tuple(sorted(rels[i.entity.id].values(),
                                                key=lambda r: r.key)))
             for i in sides[0].items if i.entity.id in shared and i.entity.id not in centres]
    return CommonResult(sides[0].center, sides[1].center, rel_type, sides[0].label,
                        tuple(items), tuple(side.center for side in sides[2:]))


# -- quotes -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quote:
    """One sentence of a source, and the relations it states."""

    source: str
    text: str
    relations: tuple[Relation, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "text": self.text,
                "relations": [r.to_dict() for r in self.relations]}


@dataclass(frozen=True)
class QuotesResult:
    entity: Entity
    names: tuple[str, ...]  # the names looked for in the quotes
    quotes: tuple[Quote, ...]  # by source, then text

    @property
    def title(self) -> str:
        return f"Quotes naming {self.entity.display}"

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.ref(), "names": list(self.names),
                "count": len(self.quotes), "quotes": [q.to_dict() for q in self.quotes]}

    def subgraph(self) -> Subgraph:
        edges = sorted({r.key: r for q in self.quotes for r in q.relations}.items())
        return Subgraph(nodes=(self.entity,), edges=tuple(r for _, r in edges),
                        focus=(self.entity.id,))


_QUOTE_MARKS = re.compile(r"[“”‘’\"'《》「」『』]")


def _quoted_names(entity: Entity) -> tuple[str, ...]:
    """The names a quote may use: the Chinese name and Chinese aliases of two or more
    characters (a one-character abbreviation such as 通 occurs inside too many words)."""
    names = [entity.name, *(a for a in entity.aliases if has_han(a))]
    cleaned = {_QUOTE_MARKS.sub("", n).strip() for n in names}
    return tuple(sorted((n for n in cleaned if len(n) >= 2), key=lambda n: (-len(n), n)))


def quoted_in(store: Store, entity: str) -> QuotesResult:
    """Which quoted sentences behind the graph's relations name this entity?"""
    target = resolve(store, entity)
    names = _quoted_names(target)
    by_quote: dict[tuple[str, str], list[Relation]] = {}
    for rel in store.all_relations():
        text = _QUOTE_MARKS.sub("", rel.evidence)
        if text and any(name in text for name in names):
            by_quote.setdefault((rel.source, rel.evidence), []).append(rel)
    quotes = [Quote(src, text, tuple(sorted(rels, key=lambda r: r.key)))
              for (src, text), rels in sorted(by_quote.items())]
    return QuotesResult(target, names, tuple(quotes))
