"""A membership the graph does not record, answered with the members it does record.

"沪苏通产业链联盟里有没有无锡？", "Is Changzhou in the Hu-Su-Tong alliance?": when the graph
holds no relation that makes one end a member of the other, the nearest route between them
(through a shared industry) answers nothing the analyst asked. What helps is the group's
recorded membership, with its count and sources: the analyst sees whom the sources list and
can judge. It is still "not recorded", never "no": the graph holds what its sources state, and
a source may list fewer members than the group has.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from graph.model import Entity, Relation
from graph.store import Store

# Relations that make one entity a member of a group (a member unit's role names it).
_MEMBERSHIP = frozenset({"MEMBER_OF", "PARTICIPATES_IN"})
_GROUPS = frozenset({"Organization", "Region", "Initiative"})
_SHOWN = 12  # members named in the verdict line; --json carries them all
# The question asks about membership in so many words ("有关系吗" does not: any relation).
_ASKS_MEMBERSHIP = re.compile(r"成员|会员|加入|参加|参与|之一|里有没有|里面有没有|"
                              r"有没有.{0,6}(?:在内|在里)|"
                              r"属不属于|属于|\bmembers?\b|\bjoin(?:ed)?\b|\bbelong|\bpart of\b|"
                              r"^\s*(?:is|are|was|were)\b.*\bin\b", re.I)


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
    if verdict is None or verdict.held or not types & _MEMBERSHIP or not _ASKS_MEMBERSHIP.search(
            answer.parsed.question):
        return answer
    ends = list(answer.parsed.slots.values())[:2]
    if len(ends) != 2 or {e.label for e in ends} <= {"Region", "City"}:
        return answer  # two places: containment, not membership
    listed = {e.id: _members(store, e) if e.label in _GROUPS else [] for e in ends}
    if all(listed.values()):
        return answer  # two groups, each with members: neither is asked as the other's member
    for group in ends:
        member = ends[1] if group is ends[0] else ends[0]
        members = listed[group.id]
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
        # the routes between the two (through a shared industry) answer nothing asked here
        ran = tuple(r for r in answer.ran if r.query != "shortest_paths") or answer.ran
        return replace(answer, ran=ran, verdict=replace(verdict, text=text, relations=rels))
    return answer
