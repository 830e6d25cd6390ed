"""Lists asked by a state alone: 已经通车的有哪些, "what is still at the planning stage",
哪些项目已经通车了 (projects: parks record no status, so the infrastructure projects).

A state (在建, planned, open) is a property of the things that record a status (graph/schema.py:
Infrastructure). Asked with no entity and no kind, or with a kind word that also names one of
them (项目, projects), the answer is every such thing of that state; the state itself is
applied as a filter (queries/ask/filters.py), so nothing without it is listed.
"""

from __future__ import annotations

import re

from queries.ask.filters import Filter, read_filters
from queries.ask.reading import Reading
from queries.ask.records import Intent
from queries.ask.said_states import STATES
from queries.ask.shapes import every_intent


def _holders() -> frozenset[str]:
    from graph.schema import LABELS

    return frozenset(n for n, label in LABELS.items() if "status" in label.properties)


def state_list_intent(masked: str, reading: Reading) -> Intent | None:
    """Every thing of the state a question names, where it names no entity (see above)."""
    if not any(pattern.search(masked) for pattern, _ in STATES):
        return None
    holders = _holders()
    if reading.asked is None:
        asking = reading.questions or reading.count
        return every_intent(holders) if asking else None
    if reading.asked & holders:
        return None  # 哪些大桥在建: the kind asked holds it (every_intent as it stands)
    wider = reading.otherwise & holders
    return every_intent(wider) if wider else None  # (the answer says it keeps those)


_PARTICLE = re.compile(r"\s*(?:[吗呢吧啊呀嘛？?。，,！!]|$)")


def _modifies_a_noun(masked: str, found: re.Match[str]) -> bool:
    """A state with 的 then a noun qualifies that noun (在建的过江通道, 建设中的大桥), unlike
    在建的吗 or 在建的。, where it is said of what stands before it."""
    rest = masked[found.end():]
    if not found.group().endswith("的"):
        if not rest.startswith("的"):
            return False
        rest = rest[1:]
    return not _PARTICLE.match(rest)


# "which crossings serving Nantong …": the name is the object of a clause on the kind asked,
# so a state said after it is the kind's
_OBJECT_OF_ASKED = re.compile(
    r"^\s?(?:which|what) (?:of the )?(?:⟨\d+⟩|[a-z]+(?: [a-z]+)?) (?:that |which )?"
    r"(?:serv(?:e|es|ing)|link(?:s|ing)?|touch(?:es|ing)?|"
    r"connect(?:s|ing)?|reach(?:es|ing)?|cross(?:es|ing)?|to|in|into|from|near|at|through|via|"
    r"for|of|around|touching|landing (?:in|at))(?: the)? ⟨\d+⟩\s?$|"
    r"^\s?(?:which|what) [a-z]+(?: [a-z]+)? between ⟨\d+⟩ and ⟨\d+⟩\s?$", re.I)


def said_of_a_name(masked: str) -> bool:
    """Is the state said of an entity the question names (北沿江高铁还在建吗, "is the
    Haitai tunnel still under construction"), not of the kind it asks for? Then it is no
    condition on the answer (途经哪些区县 lists the places, whatever their state)."""
    for pattern, _ in STATES:
        for found in pattern.finditer(masked):
            if _modifies_a_noun(masked, found):
                continue  # 南通在建的过江通道: the state is said of the crossings, not of 南通
            before = masked[:found.start()]
            if _OBJECT_OF_ASKED.search(before):
                continue  # "which crossings serving Nantong aren't open": the crossings'
            if re.search(r"⟨\d+⟩\s?(?:现在|目前|是否|是不是|\bis\b|\bstill\b)?\s?$", before) or \
                    re.search(r"\bis (?:the )?⟨\d+⟩ (?:still |already |now )?$", before):
                return True
    return False


def conditions(q: str, masked: str) -> tuple[Filter, ...]:
    """The conditions a question states (filters.read_filters), less a state said of an
    entity it names (`said_of_a_name`)."""
    said = read_filters(q)
    if said_of_a_name(masked):
        said = tuple(f for f in said if not (f.prop == "status" and f.op == "is"))
    return said
