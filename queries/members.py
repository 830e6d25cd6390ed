"""Those that take part in an organisation as members: PARTICIPATES_IN whose role says so.

An alliance's members are recorded as MEMBER_OF, and sometimes as PARTICIPATES_IN with a role
that names membership ("member unit", 成员单位): a park that joined as a member unit is a
member as much as a listed one. Only the store primitives are used, so both stores agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.store import Store
from queries.related import RelatedItem, RelatedResult, related

# a role that names membership: member, member unit, 成员, 成员单位, 会员
_MEMBER_ROLE = re.compile(r"\bmembers?\b|成员|会员", re.I)


def member_role(role: object) -> bool:
    """The role of a PARTICIPATES_IN relation names membership."""
    return isinstance(role, str) and bool(_MEMBER_ROLE.search(role))


def member_units(store: Store, entity: str, *,
                 label: str | Sequence[str] | None = None) -> RelatedResult:
    """Which entities take part in this organisation as members (their role says member)?"""
    taking_part = related(store, entity, rel_type="PARTICIPATES_IN", direction="in",
                          label=label)
    items = []
    for item in taking_part.items:
        rels = tuple(r for r in item.relations if member_role(r.props.get("role")))
        if rels:
            items.append(RelatedItem(item.entity, rels))
    return RelatedResult(taking_part.center, "PARTICIPATES_IN", "in", taking_part.label,
                         {"role": "member"}, tuple(items))
