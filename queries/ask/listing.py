"""What a query's result lists as an answer: its size, and the entities it names (not the
ones it was asked about)."""

from __future__ import annotations

from typing import Any

from graph.model import Entity


def size(result: Any) -> int | None:
    """How many things a result holds, or None if its shape is unknown."""
    for attr in ("items", "quotes", "links", "paths", "statements", "mentions", "hits",
                 "sentences", "neighbors", "relations", "hubs", "ranked"):
        value = getattr(result, attr, None)
        if isinstance(value, (list, tuple)):
            return len(value)
    return None


def listed(result: Any) -> tuple[Entity, ...]:
    """The entities a query result lists as its answer (not the ones it was asked about)."""
    if result is None:
        return ()
    out: dict[str, Entity] = {}
    if hasattr(result, "items") and isinstance(result.items, tuple):  # related
        out.update((i.entity.id, i.entity) for i in result.items)
    elif hasattr(result, "links"):  # links
        out.update((link.entity.id, link.entity) for link in result.links)
    elif hasattr(result, "hubs"):
        out.update((h.entity.id, h.entity) for h in result.hubs)
    elif hasattr(result, "paths"):  # shortest paths: the nodes after the start
        for path in result.paths:
            out.update((n.id, n) for n in path.nodes[1:])
    elif hasattr(result, "statements"):  # why: relations between the question's own two
        pass
    elif hasattr(result, "mentions"):
        out.update((m.source.id, m.source) for m in result.mentions if m.source is not None)
    elif hasattr(result, "quotes") and hasattr(result, "entity"):  # quoted_in: the entity
        if result.quotes:
            out[result.entity.id] = result.entity
    elif hasattr(result, "aspects"):  # compare: what both hold
        for aspect in result.aspects:
            both = {h.entity.id for h in aspect.a} & {h.entity.id for h in aspect.b}
            out.update((h.entity.id, h.entity) for h in aspect.a if h.entity.id in both)
    elif hasattr(result, "groups") and hasattr(result, "entity"):  # overview: what it shows
        out[result.entity.id] = result.entity
        if result.lists_related:
            out.update((row.other.id, row.other) for group in result.groups
                       for row in group.rows if group.rel_type != "MENTIONS")
    elif hasattr(result, "entity") and hasattr(result, "sources"):  # show
        out[result.entity.id] = result.entity
    return tuple(out.values())
