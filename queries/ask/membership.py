"""Membership of an organisation, asked either way: the relation kinds a question about
members or memberships means, beyond the one its verb says.
"""

from __future__ import annotations

from typing import Any

# Membership of an organisation is recorded both ways: MEMBER_OF (a listed member) and
# PARTICIPATES_IN (a city that takes part in an alliance through its chambers): a question
# about members of, or memberships in, organisations reads both.
_ALSO = {"MEMBER_OF": ("PARTICIPATES_IN", "Organization"),
         "PARTICIPATES_IN": ("MEMBER_OF", "Organization")}
# ... but its members (成员, who's in, members of) are the listed ones: those that only take
# part answer when none is listed (长三角集成电路产业联盟的成员: the firms, not 南通).
_MEMBERS = ("MEMBER_OF", "in")
_TAKING_PART = ("PARTICIPATES_IN", "in")


def if_none(kinds: list[tuple[str | None, str]]) -> frozenset[tuple[str | None, str]]:
    """The kinds read only where the others find nothing (`_MEMBERS`)."""
    if kinds and kinds[0] == _MEMBERS and _TAKING_PART in kinds:
        return frozenset({_TAKING_PART})
    return frozenset()


def widened(kinds: list[tuple[str | None, str]], asked: frozenset[str] | None,
             label: str) -> list[tuple[str | None, str]]:
    """The relation kinds read, with those a question about them also means (`_ALSO`)."""
    out = list(kinds)
    for rel_type, direction in kinds:
        if rel_type not in _ALSO:
            continue
        other, target = _ALSO[rel_type]
        fits = (direction == "out" and asked is not None and target in asked) or (
            direction == "in" and label == target)
        if fits and (other, direction) not in out:
            out.append((other, direction))
    return out


def member_unit_steps(kinds: list[tuple[str | None, str]],
                      if_none: frozenset[tuple[str | None, str]],
                      labels: list[str | None]) -> list[Any]:
    """An alliance's members asked: those taking part with a member's role are members too
    (通州湾示范区, a member unit of the 太湖 alliance), read beside the listed ones."""
    from queries.ask.records import Step

    if _MEMBERS not in kinds or _TAKING_PART not in if_none:
        return []
    return [Step("member_units", ("{x}",), {"label": label}) for label in labels]
