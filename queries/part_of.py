"""What relates to a thing named with the whole it belongs to ("the zone's task of free flow
of factors", 协同区里“探索各方利益平衡机制”这一项, Nantong's shipbuilding cluster).

Asked with two names, a relation finds what relates to both; where one of them is recorded as
a part of the other (PART_OF, LOCATED_IN, MEMBER_OF, BROADER from the part; HAS_INDUSTRY or
FOCUSES_ON to it), the whole only says which part is meant, and the answer is what relates to
the part. Nothing is said about the whole: where neither is recorded as part of the other,
the answer is empty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from graph.store import Store
from queries.related import RelatedResult, related
from queries.resolve import resolve

# part -> whole
_CONTAINED = frozenset({"PART_OF", "LOCATED_IN", "MEMBER_OF", "BROADER"})
# whole -> part
_HELD = frozenset({"HAS_INDUSTRY", "FOCUSES_ON"})


def part_of(store: Store, a: str, b: str) -> str | None:
    """Which of two entities the graph records as a part of the other (its id), or None."""
    first, second = resolve(store, a), resolve(store, b)
    for rel in store.relations_of(first.id):
        ends = (rel.start, rel.end)
        if (ends == (first.id, second.id) and rel.type in _CONTAINED) or (
                ends == (second.id, first.id) and rel.type in _HELD):
            return first.id
        if (ends == (second.id, first.id) and rel.type in _CONTAINED) or (
                ends == (first.id, second.id) and rel.type in _HELD):
            return second.id
    return None


def related_of_part(store: Store, a: str, b: str, *, rel_type: str | None,
                    direction: str = "out", label: str | Sequence[str] | None = None,
                    where: Mapping[str, Any] | None = None) -> RelatedResult:
    """What does the one of two entities that is part of the other reach through a relation?

    Empty (centred on the first) where neither is recorded as part of the other."""
    part = part_of(store, a, b)
    if part is None:
        empty = related(store, a, rel_type=rel_type, direction=direction, label=label,
                        where=where)
        return RelatedResult(empty.center, rel_type, direction, empty.label, empty.where, ())
    return related(store, part, rel_type=rel_type, direction=direction, label=label,
                   where=where)
