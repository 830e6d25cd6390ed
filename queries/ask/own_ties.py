"""What ties two entities is theirs, not their containers': "what ties Qidong to Pudong" is
answered by Qidong's own parks with Pudong, not by "Qidong lies in Nantong, which learns from
Pudong" (a tie of Nantong's). Among the shortest routes, those that leave an end only to the
place it lies in (LOCATED_IN, PART_OF) go, and among what both relate to, what an end lies in,
wherever anything else is left.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

_CONTAINING = frozenset({"LOCATED_IN", "PART_OF"})


def _through_container(walk: Any) -> bool:
    """Does the route step from one of its ends only into what that end lies in?"""
    if walk.length < 2:
        return False
    ends = ((walk.nodes[0].id, walk.hops[0]), (walk.nodes[-1].id, walk.hops[-1]))
    return any(all(r.type in _CONTAINING and r.start == end for r in hop) for end, hop in ends)


def own_ties(result: Any) -> Any:
    """The routes without those through an end's container (see the module), or as given."""
    from queries.paths import PathsResult
    from queries.related import CommonResult

    if isinstance(result, CommonResult):
        ends = {result.a.id, result.b.id}
        items = tuple(i for i in result.items if not any(
            r.type in _CONTAINING and r.start in ends and r.end == i.entity.id
            for r in i.relations))
        return replace(result, items=items) if items and len(items) < len(
            result.items) else result
    if not isinstance(result, PathsResult):
        return result
    kept = tuple(w for w in result.paths if not _through_container(w))
    return replace(result, paths=kept) if kept and len(kept) < len(result.paths) else result
