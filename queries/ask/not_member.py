"""A membership the graph does not record, answered with the members it does record.

"沪苏通产业链联盟里有没有无锡？", "Is Changzhou in the Hu-Su-Tong alliance?": when the graph
holds no relation that makes one end a member of the other, the nearest route between them
(through a shared industry) answers nothing the analyst asked. What helps is the group's
recorded membership, with its count and sources: the analyst sees whom the sources list and
can judge. It is still "not recorded", never "no": the graph holds what its sources state, and
a source may list fewer members than the group has.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.model import Entity, Relation
from graph.store import Store

# Relations that make one entity a member of a group (a member unit's role names it).
_MEMBERSHIP = frozenset({"MEMBER_OF", "PARTICIPATES_IN"})
_GROUPS = frozenset({"Organization", "Region", "Initiative"})
_SHOWN = 12  # members named in the verdict line; --json carries them all


def _members(store: Store, group: Entity) -> list[tuple[Entity, tuple[Relation, ...]]]:
    from queries.members import member_units
    from queries.related import related

    listed = related(store, group.id, rel_type="MEMBER_OF", direction="in").items
    units = member_units(store, group.id).items
    out: dict[str, tuple[Entity, tuple[Relation, ...]]] = {}
    for item in (*listed, *units):
        if item.entity.id not in out:
            out[item.entity.id] = (item.entity, tuple(item.relations))
    return [out[k] for k in sorted(out)]


def with_members(answer: Any, store: Store, types: frozenset[str]) -> Any:
    """The answer, its "not recorded" membership verdict followed by the group's recorded
    members (unchanged when it is no membership question, or the group records none)."""
    verdict = answer.verdict
    if verdict is None or verdict.held or (types and not types & _MEMBERSHIP):
        return answer
    ends = list(answer.parsed.slots.values())[:2]
    if len(ends) != 2:
        return answer
    groups = [e for e in ends if e.label in _GROUPS]
    for group in groups:
        member = ends[1] if group is ends[0] else ends[0]
        if member.label in _GROUPS and member.label == group.label == "Region":
            continue  # two regions: containment, not membership
        members = _members(store, group)
        if not members:
            continue
        names = "、".join(e.display for e, _ in members[:_SHOWN])
        more = f" and {len(members) - _SHOWN} more (--json)" if len(members) > _SHOWN else ""
        sources = sorted({r.source for _, rels in members for r in rels})
        text = (f"The graph does not record {member.display} as a member of {group.display}. "
                f"The members it records ({len(members)}): {names}{more}; from "
                f"{len(sources)} source(s). Not a no: the graph holds what its sources "
                "state, and they may list fewer members than the group has.")
        rels = tuple(r for _, rs in members for r in rs)
        return replace(answer, verdict=replace(verdict, text=text, relations=rels))
    return answer
