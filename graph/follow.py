"""Which relations of a node a read follows: a type, a direction and the other end's labels.

`Store.relations_of_many(ids, types)` takes relation type names (followed either way, to any
other end) or `Follow`s, so a walk that only climbs (a district to the city it lies in) or
only wants some labels at the other end (the cities and regions LOCATED_IN a city, not the
tens of thousands of companies seated there), or only the relations to some known ids (the
industry chains between two sides' industries, not a category's thousands) reads only those
relations. Both stores filter the same way; a reader may get relations beyond what it asked
only if a cache held them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Direction = Literal["out", "in"]


@dataclass(frozen=True)
class Follow:
    """Relations of `type` at a node: "out" (the node is the start), "in" (the end) or either
    way (None), whose other end has one of `labels` (None: any label) and is one of the ids
    `ends` (None: any entity)."""

    type: str
    direction: Direction | None = None
    labels: frozenset[str] | None = None
    ends: frozenset[str] | None = None

    def covers(self, other: Follow) -> bool:
        """Does reading self read every relation `other` would (same type)?"""
        return (self.type == other.type
                and self.direction in (None, other.direction)
                and _within(other.labels, self.labels) and _within(other.ends, self.ends))

    def key(self) -> tuple[str, str, tuple[str, ...], tuple[str, ...]]:
        return (self.type, self.direction or "", tuple(sorted(self.labels or ())),
                tuple(sorted(self.ends or ())))

    @property
    def plain(self) -> bool:
        """The whole type, either way, to any entity."""
        return self.direction is None and self.labels is None and self.ends is None


def _within(inner: frozenset[str] | None, outer: frozenset[str] | None) -> bool:
    return outer is None or (inner is not None and inner <= outer)


def _union(x: frozenset[str] | None, y: frozenset[str] | None) -> frozenset[str] | None:
    return None if x is None or y is None else x | y


def follow(type_: str, direction: Direction | None = None,
           labels: Iterable[str] | None = None, ends: Iterable[str] | None = None) -> Follow:
    if direction not in (None, "out", "in"):
        raise ValueError(f"direction must be 'out', 'in' or None, got {direction!r}")
    return Follow(type_, direction, None if labels is None else frozenset(labels),
                  None if ends is None else frozenset(ends))


def follows(types: Iterable[str | Follow]) -> list[Follow]:
    """The reads asked, one per type (a type asked twice is read as the wider of the two,
    or whole if neither covers the other), sorted by type."""
    by_type: dict[str, Follow] = {}
    for t in types:
        f = Follow(t) if isinstance(t, str) else t
        held = by_type.get(f.type)
        if held is None or f.covers(held):
            by_type[f.type] = f
        elif not held.covers(f):
            direction = held.direction if held.direction == f.direction else None
            by_type[f.type] = Follow(f.type, direction, _union(held.labels, f.labels),
                                     _union(held.ends, f.ends))
    return [by_type[t] for t in sorted(by_type)]


def is_plain(reads: Iterable[Follow]) -> bool:
    """Every read is a whole type (either way, to any entity): the plain typed read."""
    return all(f.plain for f in reads)
