"""What is stated but not recorded: said beside the answer, never left to be read into it.

- A figure asked that the graph does not hold (占多少股 where no share is recorded; the
  source of "the 60% stake"): said first, before what the graph does record about them.
- Members the graph knows exist but does not record, beside any list or count of them.

A grouping whose name or sources give its size (上海“1+8”大都市圈: nine cities) may have
fewer members in the graph, where a member was named only by a source the dataset does not
use. Its `members_stated` property holds the size; an answer listing or counting its members
says how many of them the graph records, so that two is never read as the whole circle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from queries.ask.parsing import Parsed


def facts_not_recorded(ran: Iterable[Any]) -> list[str]:
    """A note for each source list asked of a fact no relation states (sources_of keeps all
    of them then, and says so with an empty `fact`)."""
    return [f"The graph records no {r.args['fact']} for what the question names: the "
            "sources below back what it does record about them." for r in ran
            if r.args.get("fact") and r.result is not None
            and not getattr(r.result, "fact", "")]


# the values an entity holds itself (a share sits on the relation between two)
_OWN = frozenset({"area_km2", "length_m", "established", "opened"})


def property_not_recorded(parsed: Parsed, values: Iterable[tuple[str, str, Any]],
                          held_in: Mapping[str, tuple[str, ...]]) -> str:
    """The note for a property question whose properties the answer holds no value of
    (`held_in`: the properties that also state one, a date in since); "" otherwise."""
    if not parsed.intent.name.startswith("property:"):
        return ""
    values = list(values)
    held = {prop for _, prop, _ in values}
    asked = parsed.intent.name.split(":", 1)[1].split("+")
    lacking = [p for p in asked if not held & set(held_in.get(p, (p,)))]
    from queries.ask.compared import compares

    if not lacking and len(parsed.slots) > 1 and set(asked) <= _OWN and compares(
            parsed.question):  # (not "when did A sign on to build B": their tie's date)
        # two compared on a value of their own: say which one records none
        props = {q for p in asked for q in held_in.get(p, (p,))}
        without = [e.display for e in parsed.slots.values()
                   if not any(of == e.display and prop in props for of, prop, _ in values)]
        if without:
            return (f"The graph records no {' or '.join(asked)} for {' or '.join(without)}: "
                    "the two cannot be compared on it.")
    if not lacking:
        return ""
    named = " or ".join(e.display for e in parsed.slots.values()) or "what is named"
    return (f"The graph records no {' or '.join(lacking)} for {named}: what it does record "
            "about them follows.")


def unrecorded_members_note(results: Iterable[Any]) -> str:
    """The note for the first result listing a grouping's members short of its stated size
    ("" when none does)."""
    short = _short(results)
    if short is None:
        return ""
    center, stated, recorded = short
    return (f"{center.display} has {stated} members by its name or sources; the graph "
            f"records {recorded} of them (the others are named by no source the dataset "
            "uses).")


def stated_size(results: Iterable[Any], counted: int) -> int | None:
    """How many members a grouping listed short of its stated size has by that statement,
    when the count kept every member the graph records (None otherwise, or when no result
    lists such a grouping): a count of all its members is that number."""
    short = _short(results)
    return short[1] if short is not None and short[2] == counted else None


def _short(results: Iterable[Any]) -> tuple[Any, int, int] | None:
    """(the grouping, its stated size, the members recorded) of the first result listing a
    grouping's members short of its stated size."""
    for result in results:
        center = getattr(result, "center", None)
        if center is None or getattr(result, "direction", "") not in ("in", "both"):
            continue
        try:  # (a property loaded from a file may come back as text)
            stated = int(float(center.props.get("members_stated") or 0))
        except (TypeError, ValueError):
            continue
        items = getattr(result, "items", ())
        # a list of its members only (through MEMBER_OF, or any relation when every one
        # listed is a member): not its other neighbours
        if items and stated and all(any(
                r.type == "MEMBER_OF" and r.end == center.id for r in item.relations)
                for item in items) and len(items) < stated:
            return center, stated, len(items)
    return None
