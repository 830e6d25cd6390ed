"""A mechanism named as a category of mechanisms: 南通有哪些利益共享机制, 哪些利益平衡方面的机制,
"which benefit-sharing mechanisms is Nantong exploring".

Read as an entity of the question, 利益共享 is a second subject (the reading then asks what
relates Nantong to it, or swallows the kind word 机制 into its alias and lists industries). The
analyst means the mechanisms of its kind: those the graph files under the same task or plan as
it (PART_OF; for a task named itself, 利益平衡: those under it). The question is asked without
the category (哪些机制), the answer keeps to the group, and a note says which group it is. Where
the mechanism named is itself among the answers ("which cost-sharing mechanisms does the YRD
adopt"), it says which one, and the question is read whole as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.gazetteer import Gazetteer
from graph.model import Entity
from graph.store import Store

_GROUPS = frozenset({"Mechanism", "Initiative"})
# 哪些利益共享(方面的)机制, 什么样的利益平衡机制 (the category between the question word and 机制)
_ZH = re.compile(r"(?P<ask>哪些|哪几[项个种类条]|哪一?类|什么样?的)"
                 r"(?P<cat>[^，,。？?！!；;哪]{2,16}?)(?P<tail>(?:方面|这一?块|一类|这类|类|相关)?的?)(?=机制|做法|安排)")
# 南通的利益共享机制有哪些 (said after the owner, then asked)
_ZH_AFTER = re.compile(r"(?<=的)(?P<cat>[^，,。？?！!；;的哪]{2,12}?)"
                       r"(?P<tail>(?:方面|类|相关)?的?)(?=机制(?:都|主要|目前)?(?:有|是|包括)(?:哪些|哪几))")
# "which benefit-sharing mechanisms", "what kind of cost-sharing arrangements"
_EN = re.compile(r"\b(?P<ask>which|what)\s+(?:kinds? of\s+|sorts? of\s+|types? of\s+)?"
                 r"(?P<cat>[a-z][a-z' -]{2,40}?)(?P<tail>\s+)(?=(?:mechanisms?|arrangements?|"
                 r"schemes?)\b)", re.I)


@dataclass(frozen=True)
class Grouped:
    """A question asked without the category it names, and the group it keeps to."""

    bare: str
    said: str  # the category as the analyst wrote it
    named: str  # its entity id
    members: frozenset[str]
    under: tuple[str, ...]  # the names of what the group is filed under


def without_category(store: Store, question: str, gaz: Gazetteer) -> Grouped | None:
    """The question without a mechanism named as a category of mechanisms, with the group it
    names; None when it names none (or the graph files nothing beside it)."""
    from queries.ask.text import names_in

    for pattern in (_ZH, _ZH_AFTER, _EN):
        found = pattern.search(question)
        if found is None:
            continue
        cat = found.group("cat").strip(" “”\"'‘’")
        q, named = names_in(cat, gaz)
        if len(named) != 1 or len(named[0].ids) != 1:
            continue
        m = named[0]
        if re.sub(r"[\s\-“”\"'‘’]", "", q[:m.start] + q[m.end:]):
            continue  # more than the one name: not a category said
        entity = gaz.entities.get(m.ids[0])
        if entity is None or entity.label not in _GROUPS:
            continue
        members, under = _group(store, entity)
        if len(members - {entity.id}) < 1:
            continue
        bare = question[:found.start("cat")] + question[found.end("tail"):]
        return Grouped(bare, cat, entity.id, members, under)
    return None


def _group(store: Store, entity: Entity) -> tuple[frozenset[str], tuple[str, ...]]:
    """The mechanisms filed with a mechanism (under the same task or plan), or under a task."""
    from queries.within import related_within

    def under(parent: str) -> set[str]:
        got = related_within(store, parent, rel_type="PART_OF", direction="in",
                             label="Mechanism")
        return {item.entity.id for item in got.items}

    if entity.label == "Initiative":
        return frozenset(under(entity.id)), (entity.display,)
    parents = related_within(store, entity.id, rel_type="PART_OF", direction="out",
                             label="Initiative").items
    members = {entity.id}
    for parent in parents:
        members |= under(parent.entity.id)
    return frozenset(members), tuple(p.entity.display for p in parents)


def grouped_note(grouped: Grouped, listed: set[str], gaz: Gazetteer) -> str:
    """What the answer says of the group it kept to."""
    names = "、".join(gaz.entities[i].name for i in sorted(grouped.members) if i in gaz.entities)
    kept = len(listed & grouped.members)
    return (f"'{grouped.said}' read as a kind of mechanism: those the graph files with it under "
            f"{' / '.join(grouped.under) or 'it'} ({names}); {kept} of them answer the "
            "question.")
