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
    items = getattr(result, "items", None)
    if not isinstance(items, tuple) or not all(hasattr(i, "entity") for i in items):
        return result
    kept = tuple(i for i in items if i.entity.id in only)
    return result if len(kept) == len(items) else dataclasses.replace(result, items=kept)
