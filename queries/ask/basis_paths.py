"""How each thing an answer lists is reached from what the question names, for the basis
line: directly (a relation between the two), or rolled up through others (a district, a
seated body, a member: 上海 ← 静安区 ← 市北高新集团 → 市北高新（南通）科技城), over the relations
the answer's steps returned. Only the relations on those routes are the answer's basis: its
confidence and sources describe the rows listed, not the whole table (review6 E22: a one-item
answer said "high 11, medium 8, low 1", and a park reached through a district's company was
called a direct relation)."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from graph.model import Relation

MAX_HOPS = 4  # a park, its builder, the builder's district, the city: three relations


@dataclass(frozen=True)
class Reached:
    direct: frozenset[str]  # listed ids related to a slot directly
    through: frozenset[str]  # ids the others are reached through (next to what is listed)
    used: tuple[Relation, ...]  # the relations on those routes


def reached(listed: Iterable[str], slots: Iterable[str],
            edges: Iterable[Relation]) -> Reached:
    """Each listed id's shortest route to a slot over `edges` (not through another slot, nor
    through another listed id: that one would be the answer's own row)."""
    listed, slots, edges = set(listed), set(slots), list(edges)
    around: dict[str, list[Relation]] = {}
    for rel in edges:
        around.setdefault(rel.start, []).append(rel)
        around.setdefault(rel.end, []).append(rel)
    direct: set[str] = set()
    through: set[str] = set()
    used: dict[tuple[str, str, str, str], Relation] = {}
    for start in sorted(listed - slots):
        # a row of a question about two (the industries Nantong and Shanghai share) is
        # direct only where it is related to both directly
        routes = [_route(start, {slot}, listed, around) for slot in sorted(slots)]
        found = [r for r in routes if r is not None]
        if not found:
            continue
        for route in found:
            used.update((r.key, r) for r in route)
        if len(found) == len(routes) and all(len(r) == 1 for r in found):
            direct.add(start)
            continue
        for route in found:
            if len(route) > 1:
                first = route[0]
                through.add(first.end if first.start == start else first.start)
    # every relation between a listed id and a slot counts (two sources for one row)
    used.update((r.key, r) for r in edges
                if {r.start, r.end} & direct and {r.start, r.end} & slots)
    return Reached(frozenset(direct), frozenset(through), tuple(used.values()))


def _route(start: str, slots: set[str], listed: set[str],
           around: dict[str, list[Relation]]) -> list[Relation] | None:
    """The shortest list of relations from `start` to a slot (breadth first), or None."""
    seen = {start}
    queue: deque[tuple[str, list[Relation]]] = deque([(start, [])])
    while queue:
        node, path = queue.popleft()
        if len(path) >= MAX_HOPS:
            continue
        for rel in around.get(node, ()):
            nxt = rel.end if rel.start == node else rel.start
            if nxt in seen:
                continue
            if nxt in slots:
                return [*path, rel]
            seen.add(nxt)
            if nxt not in listed:
                queue.append((nxt, [*path, rel]))
    return None
