"""What lies in a place, at any depth: "which of Zhejiang's …", "where in Zhejiang …".

A question kept to a place (`Parsed.within`) keeps what lies in it: its cities, their
districts and counties, and what lies in any of them (a railway's stop in 嘉善 is in Zhejiang,
through 嘉兴). `related_within` lists only a place's direct parts (with what its parts hold);
here the places found are followed down in turn, a few levels at most.
"""

from __future__ import annotations

from graph.store import Store

_PLACES = ("City", "Region")
_DEPTH = 4  # region -> province -> city -> county -> (what lies in the county)


def lying_in(store: Store, place: str) -> frozenset[str]:
    """The ids of what lies in the place, its parts' parts included (and the place itself)."""
    from queries.within import related_within

    inside = {place}
    frontier = [place]
    for _ in range(_DEPTH):
        following: list[str] = []
        for part in frontier:
            for item in related_within(store, part, rel_type="LOCATED_IN",
                                       direction="in").items:
                if item.entity.id in inside:
                    continue
                inside.add(item.entity.id)
                if item.entity.label in _PLACES:
                    following.append(item.entity.id)
        frontier = following
    return frozenset(inside)


def industries_of(store: Store, place: str) -> frozenset[str]:
    """The ids of the industries a place has (HAS_INDUSTRY, its parts' too): "which of
    Nantong's chains …" is asked among them."""
    held = set()
    for part in lying_in(store, place):
        held.update(r.end for r in store.relations_of(part)
                    if r.type == "HAS_INDUSTRY" and r.start == part)
    return frozenset(held)
