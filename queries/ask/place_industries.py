"""The industries of a place that records none of its own, through the parks in it: "What
industries is Qidong targeting?", 如皋主要发展什么产业.

The graph records industries for the cities and districts its sources rank (南通's clusters,
苏州's industries); a county such as 启东 or 如皋 has none of its own, though the parks that lie
in it state what they focus on. Asked of such a place, the answer is those industries, each
with the park that holds it, said to be read through the parks (a fallback, not the place's
own record).
"""

from __future__ import annotations

from typing import Any

from graph.store import Store

_TYPES = ("HAS_INDUSTRY", "FOCUSES_ON")


def asks_industries_of_a_place(parsed: Any) -> bool:
    """Whether the question asks the industries one place has (and names nothing else)."""
    name = parsed.intent.name
    slots = list(parsed.slots.values())
    if len(slots) != 1 or slots[0].label not in ("City", "Region"):
        return False
    if any(f.op != "said" for f in parsed.filters) or parsed.only:
        return False  # (地标产业: a kind of industry none holds here is refused, not widened)
    return name == "industries-of" or (name.startswith("relation:HAS_INDUSTRY:out")
                                       and parsed.asked in (None, frozenset({"Industry"})))


def industries_through_parks(store: Store, parsed: Any
                             ) -> tuple[dict[str, Any], Any, str] | None:
    """(args, result, note) for the industries the parks lying in the place hold or focus
    on (the result None when they hold none); None when the place records industries of
    its own (none of them what is asked: not widened)."""
    from queries.ask.inside import lying_in
    from queries.related import RelatedItem, RelatedResult
    from queries.within import related_within

    place = next(iter(parsed.slots.values()))
    if related_within(store, place.id, rel_type="HAS_INDUSTRY", direction="out").items:
        return None
    parks = sorted(i for i in lying_in(store, place.id) if i.startswith("park:"))
    reached: dict[str, tuple[Any, list[Any]]] = {}
    for park in parks:
        for rel_type in _TYPES:
            for item in related_within(store, park, rel_type=rel_type, direction="out",
                                       label="Industry").items:
                entry = reached.setdefault(item.entity.id, (item.entity, []))
                entry[1].extend(item.relations)
    args = {"entity": place.id, "through": "parks lying in it"}
    note = (f"{place.display} records no industries of its own; these are the industries of "
            f"the parks that lie in it ({len(parks)}; each relation names its park):")
    if not reached:
        return args, None, note
    items = tuple(RelatedItem(e, tuple(sorted(rels, key=lambda r: r.key)))
                  for e, rels in sorted(reached.values(), key=lambda p: p[0].id))
    result = RelatedResult(place, "HAS_INDUSTRY", "out", "Industry", {}, items)
    return args, result, note
