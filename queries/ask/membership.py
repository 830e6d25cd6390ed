"""Membership of an organisation, asked either way: the relation kinds a question about
members or memberships means, beyond the one its verb says (and a park's industries, recorded
two ways).
"""

from __future__ import annotations

import re
from typing import Any

# Membership of an organisation is recorded both ways: MEMBER_OF (a listed member) and
# PARTICIPATES_IN (a city that takes part in an alliance through its chambers): a question
# about members of, or memberships in, organisations reads both.
_ALSO = {"MEMBER_OF": ("PARTICIPATES_IN", "Organization"),
         "PARTICIPATES_IN": ("MEMBER_OF", "Organization")}
# A park's industry is recorded as HAS_INDUSTRY (its lead industries) or FOCUSES_ON (what it
# is planned around): parks doing an industry (做生物医药的园区), or what a park does, read both.
_PARK_INDUSTRY = {"HAS_INDUSTRY": "FOCUSES_ON", "FOCUSES_ON": "HAS_INDUSTRY"}
# ... but its members (成员, who's in, members of) are the listed ones: those that only take
# part answer when none is listed (长三角集成电路产业联盟的成员: the firms, not 南通).
_MEMBERS = ("MEMBER_OF", "in")
_TAKING_PART = ("PARTICIPATES_IN", "in")


def if_none(kinds: list[tuple[str | None, str]]) -> frozenset[tuple[str | None, str]]:
    """The kinds read only where the others find nothing (`_MEMBERS`)."""
    if kinds and kinds[0] == _MEMBERS and _TAKING_PART in kinds:
        return frozenset({_TAKING_PART})
    return frozenset()


# ... and a formal membership asked (正式成员, "formally a member", officially) is MEMBER_OF
# alone: taking part (docking with, serving) is no membership.
FORMALLY = re.compile(r"正式|\bformal(?:ly)?\b|\bofficial(?:ly)?\b|\bfull members?\b")


def widened(kinds: list[tuple[str | None, str]], asked: frozenset[str] | None,
             label: str, question: str = "") -> list[tuple[str | None, str]]:
    """The relation kinds read, with those a question about them also means (`_ALSO`),
    unless it asks for formal membership (`FORMALLY`)."""
    out = list(kinds)
    for rel_type, direction in kinds:  # a park's industries, either way they are recorded
        other = _PARK_INDUSTRY.get(rel_type)
        fits = (direction == "in" and asked is not None and "Park" in asked) or (
            direction == "out" and label == "Park")
        if other and fits and (other, direction) not in out:
            out.append((other, direction))
    if FORMALLY.search(question) and any(t == "MEMBER_OF" for t, _ in kinds):
        return [k for k in out if k[0] != "PARTICIPATES_IN"]
    for rel_type, direction in kinds:
        if rel_type not in _ALSO:
            continue
        other, target = _ALSO[rel_type]
        fits = (direction == "out" and asked is not None and target in asked) or (
            direction == "in" and label == target)
        if fits and (other, direction) not in out:
            out.append((other, direction))
    return out


# ... except those the data says take part *as members* (role: member unit): 通州湾示范区 is
# one of the Taihu alliance's 成员单位 though recorded as PARTICIPATES_IN (review6 C27).
MEMBER_ROLES = ("member unit", "member", "成员单位", "成员")


def members_taking_part(if_none: frozenset[tuple[str | None, str]],
                        asked: frozenset[str] | None) -> list[Any]:
    """The steps that list, beside the listed members, those taking part as members (a main
    step: they are members, not a fallback)."""
    from queries.ask.records import Step

    if _TAKING_PART not in if_none:
        return []
    label = "/".join(sorted(asked)) if asked else None
    return [Step("related", ("{x}",), {"rel_type": "PARTICIPATES_IN", "direction": "in",
                                       "label": label, "where": {"role": list(MEMBER_ROLES)}})]


def as_member(step: Any) -> bool:
    """A step listing those taking part as members: it answers what MEMBER_OF answers."""
    where = step.kwargs.get("where") or {}
    return step.kwargs.get("rel_type") == "PARTICIPATES_IN" and where.get("role") == list(
        MEMBER_ROLES)
