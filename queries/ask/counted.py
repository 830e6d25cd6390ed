"""What a count counts when a kind word lists more than its kind: 联盟 / alliances lists the
councils analysts call alliances too (lexicon.yaml `kinds`, `also`), said to be councils, but
"how many alliances is Suzhou in" counts the alliances only (review6 E07: 2, not 3)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.model import Entity


def _beside(filters: Iterable[Any], entity: Entity) -> tuple[str, str] | None:
    """The (property, value) by which the entity is listed beside the kind asked, or None."""
    for f in filters:
        if f.op != "in" or not f.otherwise or (f.labels and entity.label not in f.labels):
            continue
        for prop, value in f.otherwise:
            if str(entity.props.get(prop)) == value:
                return prop, value
    return None


def counted(filters: Iterable[Any], entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """The entities a count counts: not those listed beside the kind asked."""
    filters = tuple(filters)
    return tuple(e for e in entities if _beside(filters, e) is None)


def beside_note(filters: Iterable[Any], entities: Iterable[Entity]) -> str:
    """Said of what is listed beside the kind asked (长江三角洲城市经济协调会: a council)."""
    filters = tuple(filters)
    said = next((f.said for f in filters if f.op == "in" and f.otherwise), "")
    out = []
    for e in entities:
        held = _beside(filters, e)
        if held is not None:
            out.append(f"{e.display} ({held[0]} {held[1]})")
    if not out:
        return ""
    return (f"Listed too, but not of the kind '{said}' names and not counted as one: "
            + "; ".join(out) + ".")
