"""A step's table kept to the set the question names (过江通道: the Yangtze crossings; "of
Nantong's parks": what lies in Nantong), so that the table shown, the JSON and the basis line
list what the answer lists. Before, the answer was kept to the set but the table beside it
listed every CONNECTS of 太仓, the south-bank 沪通铁路太仓至四团段 among them (review6 C10)."""

from __future__ import annotations

import dataclasses
from typing import Any


def narrowed(result: Any, only: frozenset[str]) -> Any:
    """The result with only the items whose entity is in `only` (unchanged when the question
    names no set, or the result lists no items)."""
    if not only or result is None or not dataclasses.is_dataclass(result):
        return result
    field = "items" if isinstance(getattr(result, "items", None), tuple) else "hubs"
    items = getattr(result, field, None)  # (hubs: 有哪些跨江园区 is every park, kept to the set)
    if not isinstance(items, tuple) or not all(hasattr(i, "entity") for i in items):
        return result
    kept = tuple(i for i in items if i.entity.id in only)
    if len(kept) == len(items):
        return result
    if field == "hubs":  # ranked again among those kept, with the relations among them only
        kept = tuple(dataclasses.replace(h, rank=n) for n, h in enumerate(kept, 1))
        ids = {h.entity.id for h in kept}
        return dataclasses.replace(result, hubs=kept, edges=tuple(
            r for r in result.edges if r.start in ids and r.end in ids))
    return dataclasses.replace(result, items=kept)


# The types whose direction the question's word says outright (上游 / 下游, upstream /
# downstream), not the kinds at either end: the other way round is the opposite answer. (For
# the others, MEMBER_OF, LEARNS_FROM, BROADER, the fallback of any relation rescues a
# question whose direction the grammar misread, and stays.)
_SAID_BY_THE_WORD = frozenset({"UPSTREAM_OF"})


def asked_ways(steps: Any) -> frozenset[tuple[str, str]]:
    """(type, direction) of each main step that follows one relationship type one way, of
    the types whose direction the word says (`_SAID_BY_THE_WORD`)."""
    return frozenset((s.kwargs["rel_type"], s.kwargs.get("direction", "out")) for s in steps
                     if not s.only_if_empty and s.kwargs.get("rel_type") in _SAID_BY_THE_WORD
                     and s.kwargs.get("direction") in ("in", "out"))


def not_the_other_way(result: Any, ways: frozenset[tuple[str, str]]) -> Any:
    """A table of any relation (a fallback: "what it relates to X of that kind") without
    what the asked relation reaches the other way round: asked for 集成电路's upstream
    industries, 电子信息 (downstream of it) is no answer, even offered (review6 C33)."""
    if not ways or result is None or not dataclasses.is_dataclass(result):
        return result
    if getattr(result, "rel_type", "") is not None or not hasattr(result, "center"):
        return result
    items = getattr(result, "items", None)
    if not isinstance(items, tuple):
        return result
    centre = result.center.id
    other = {"in": "out", "out": "in"}

    def reversed_only(item: Any) -> bool:
        rels = getattr(item, "relations", ())
        return bool(rels) and all(
            (r.type, other["out" if r.start == centre else "in"]) in ways for r in rels)

    kept = tuple(i for i in items if not reversed_only(i))
    return result if len(kept) == len(items) else dataclasses.replace(result, items=kept)
