"""Conditions a question says that its reading leaves out: kept to, never dropped silently.

- An industry named with a list (南通的石化园区有哪些, 南通做生物医药的园区): the reading finds
  "Nantong's parks" and the industry is in no slot. Listing all of Nantong's parks would answer
  another question; the answer keeps to what has that industry (HAS_INDUSTRY or FOCUSES_ON, or
  one of the industries under it), the way a place named with a list keeps it to what lies
  there. When nothing listed has it, the answer is empty and `ask` says it cannot answer.
- A relation state said of every thing of a kind ("how many mechanisms are in the exploratory
  phase?"): a list of every thing reads no relations, so it keeps to those with a relation in
  that state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from graph.model import Entity
from graph.store import Store
from queries.ask.listing import listed
from queries.ask.narrowed import narrowed

if TYPE_CHECKING:
    from queries.ask.parsing import Parsed

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


def kept_to_industry(store: Store, parsed: Parsed) -> Parsed:
    """The parsed question kept to what has the industry it names but its reading does not
    use (`industry_left_out`); unchanged when there is none, or when the question
    asks for industries or is not a list of related things."""
    asked = parsed.asked or frozenset()
    # (one kind asked: in 石化项目或者港口 the industry qualifies the projects, not the ports)
    if "Industry" in asked or len(asked) > 1 or not (
            asked or parsed.intent.name.startswith("relation:")):
        return parsed
    used = {e.id for e in parsed.slots.values()} | {parsed.within or ""}
    industry = industry_left_out(parsed.known, used)
    if industry is None:
        return parsed
    holders = holders_of(store, industry.id)
    kept = (parsed.only & holders) if parsed.only else holders
    return replace(parsed, only=kept or frozenset({""}), notes=(
        *parsed.notes, f"Kept to what has {industry.display} (or an industry under it)."))


def every_in_state(store: Store, parsed: Parsed, ran: list[Any]
                   ) -> tuple[Parsed, list[Any]]:
    """Every thing of a kind, kept to those with a relation in the state the question says
    (探索阶段的机制: the mechanisms someone adopts at the exploring stage). A list of every
    thing reads no relations, so the state would otherwise be dropped without a word. `ran`:
    the answer's runs (answering.Ran), each kept to those."""
    wanted = [f for f in parsed.filters if f.op == "rel"]
    things = {e.id: e for r in ran if r.result is not None for e in listed(r.result)}
    if any(e.props.get(f.prop) not in (None, "") for e in things.values() for f in wanted):
        return parsed, ran  # (a bridge's own status, 规划中: the state is the thing's)
    ids = sorted(things)
    keep = frozenset(
        i for i, rels in store.relations_of_many(ids).items()
        if any(all(any(str(r.props.get(p)) == v for p, v in
                       [(f.prop, v) for v in f.values] + list(f.otherwise)) for f in wanted)
               for r in rels))
    said = " or ".join(v for f in wanted for v in f.values)
    parsed = replace(parsed, only=keep or frozenset({""}), notes=(
        *parsed.notes, f"Kept to those with a relation recorded as {said}."))
    return parsed, [replace(r, result=narrowed(r.result, parsed.only)) for r in ran]
