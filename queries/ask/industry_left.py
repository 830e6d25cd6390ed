"""An industry the question names but its reading left out: kept to, never dropped silently.

南通的石化园区有哪些, 南通做生物医药的园区: the reading finds "Nantong's parks" and the
industry named with them is in no slot. Listing all of Nantong's parks would answer another
question; the answer keeps to what has that industry (HAS_INDUSTRY or FOCUSES_ON, or one of
the industries under it), the way a place named with a list keeps it to what lies there. When
nothing listed has it, the answer is empty and `ask` says the graph cannot answer as read.
"""

from __future__ import annotations

from collections.abc import Mapping

from graph.model import Entity
from graph.store import Store

_HOLDING = frozenset({"HAS_INDUSTRY", "FOCUSES_ON"})


def industry_left_out(mentions: Mapping[str, Entity], used: set[str]) -> Entity | None:
    """The one industry the question names that the reading uses nowhere (None when there
    is none, or more than one: two industries left out are not one condition)."""
    left = [e for i, e in mentions.items() if e.label == "Industry" and i not in used]
    return left[0] if len(left) == 1 else None


def holders_of(store: Store, industry: str) -> frozenset[str]:
    """The ids of what has the industry or one under it (and the industries themselves)."""
    from queries.narrower import narrower_industries

    wanted = {industry, *narrower_industries(store, industry)}
    out: set[str] = set(wanted)
    for rels in store.relations_of_many(sorted(wanted), types=sorted(_HOLDING)).values():
        out.update(r.start for r in rels if r.end in wanted)
    return frozenset(out)
