"""As of a date: the graph without what had not yet begun or had already ended then.

Relations carry `since`/`until`, entities `established`/`until` (graph/schema.py), as the
sources date them: YYYY, YYYY-MM or YYYY-MM-DD. A partial date stands for its first day, so
"as of 2020" is 2020-01-01, and a relation `until: 2020-05` holds until 2020-05-01. Something
holds at D when since <= D < until; what carries no date is kept (answers mark it undated).
A line's `opened` is its start, and a line whose status is planned or under construction (as
of its source) holds at no date asked.

`dated(store, as_of)` wraps any store in `DatedStore`, which answers the same `Store`
protocol from the filtered graph: one filter, applied in the query layer, so both stores
agree. Relation look-ups filter what the store returns; walks (paths, distances) run on the
filtered graph with the same walk code for both stores (graph/walks.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from graph.follow import Follow
from graph.model import Entity, Relation
from graph.store import NameKeys, Store, path_sort_key, simple_paths_from_halves
from graph.walks import all_shortest_paths, half_paths
from queries.errors import QueryError
from queries.strength import NOT_OPEN

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BadDate(QueryError):
    def __init__(self, text: str) -> None:
        super().__init__(f"--as-of {text!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD "
                         "(e.g. 2020 or 2020-05)")


class NotAtDate(QueryError):
    def __init__(self, entity: Entity, at: str) -> None:
        began, ended = entity.props.get("established"), entity.props.get("until")
        life = ", ".join(p for p in (f"established {began}" if began else "",
                                     f"until {ended}" if ended else "") if p)
        super().__init__(f"{entity.display} [{entity.id}] did not exist as of {at} ({life}); "
                         "ask for another --as-of date, or leave --as-of out")


def day(text: Any) -> str | None:
    """A YYYY[-MM[-DD]] date as its first day, YYYY-MM-DD; None if it is not one."""
    match = _DATE.match(str(text).strip()) if text not in (None, "") else None
    if not match:
        return None
    year, month, dd = match.groups()
    if not 1 <= int(month or 1) <= 12 or not 1 <= int(dd or 1) <= 31:
        return None
    return f"{year}-{month or '01'}-{dd or '01'}"


def parse_as_of(text: str) -> str:
    """The date an --as-of value names (its first day), or BadDate."""
    parsed = day(text)
    if parsed is None:
        raise BadDate(text)
    return parsed


def holds(start: Any, end: Any, at: str) -> bool:
    """Does something that began at `start` and ended at `end` (either may be unknown) hold
    at the day `at`?"""
    begun, ended = day(start), day(end)
    return (begun is None or begun <= at) and (ended is None or at < ended)


def relation_holds(rel: Relation, at: str) -> bool:
    return holds(rel.props.get("since"), rel.props.get("until"), at)


def entity_holds(entity: Entity, at: str) -> bool:
    """Did the entity exist at `at`: established (a line: opened) by then and not ended; a
    line or park whose record says it is not open yet (planned, under construction, as of a
    recent source) was not open at any date asked, so it does not hold."""
    if entity.props.get("status") in NOT_OPEN:
        return False
    began = entity.props.get("established") or entity.props.get("opened")
    return holds(began, entity.props.get("until"), at)


def span(hops: Iterable[Iterable[Relation]]) -> tuple[str | None, str | None]:
    """When a chain of hops holds, as far as its relations are dated (as the sources wrote
    the dates): a hop holds from its earliest-dated relation (any one supports it) and, if
    every relation of it ends, until its latest end; the chain from its latest-starting hop
    until its earliest-ending one. (None, None) if nothing is dated."""
    starts: list[str] = []
    ends: list[str] = []
    for hop in hops:
        rels = list(hop)
        since = [str(r.props["since"]) for r in rels if r.props.get("since")]
        until = [str(r.props["until"]) for r in rels if r.props.get("until")]
        if rels and len(since) == len(rels):
            starts.append(min(since, key=lambda s: day(s) or s))
        if rels and len(until) == len(rels):
            ends.append(max(until, key=lambda s: day(s) or s))
    return (max(starts, key=lambda s: day(s) or s) if starts else None,
            min(ends, key=lambda s: day(s) or s) if ends else None)


class DatedStore:
    """A store seen as of a date: the same protocol, without what did not hold then."""

    def __init__(self, store: Store, at: str) -> None:
        self.inner = store
        self.at = at
        self.kind = store.kind
        self.location = store.location
        self._gone: set[str] | None = None
        self._entities: dict[str, Entity] | None = None
        self._adj: dict[str, set[str]] | None = None

    def __getattr__(self, name: str) -> Any:  # load, run_cypher, … go to the real store
        return getattr(self.inner, name)

    # -- the filter -----------------------------------------------------------------------

    def _known(self) -> dict[str, Entity]:
        if self._entities is None:
            self._entities = {e.id: e for e in self.inner.all_entities()}
        return self._entities

    def gone(self) -> set[str]:
        """Ids of entities that did not exist at the date."""
        if self._gone is None:
            self._gone = {i for i, e in self._known().items() if not entity_holds(e, self.at)}
        return self._gone

    def _keep(self, rels: Iterable[Relation]) -> list[Relation]:
        gone = self.gone()
        return [r for r in rels if relation_holds(r, self.at)
                and r.start not in gone and r.end not in gone]

    def _walkable(self) -> dict[str, set[str]]:
        """The undirected adjacency walks use: valid relations, no Sources, no self loops."""
        if self._adj is None:
            known, gone = self._known(), self.gone()
            adj: dict[str, set[str]] = {i: set() for i in known if i not in gone}
            for r in self._keep(self.inner.all_relations()):
                if r.start in adj and r.end in adj and r.start != r.end:
                    adj[r.start].add(r.end)
                    adj[r.end].add(r.start)
            self._adj = adj
        return self._adj

    # -- the protocol ---------------------------------------------------------------------

    def close(self) -> None:
        self.inner.close()

    def bundled_digest(self) -> str | None:
        return self.inner.bundled_digest()

    def label_of(self, entity_id: str) -> str | None:
        return None if entity_id in self.gone() else self.inner.label_of(entity_id)

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        gone = self.gone()
        return {k: v for k, v in self.inner.entities(ids).items() if k not in gone}

    def find_by_key(self, key: str) -> list[Entity]:
        gone = self.gone()
        return [e for e in self.inner.find_by_key(key) if e.id not in gone]

    def all_entities(self) -> list[Entity]:
        gone = self.gone()
        return [e for e in self.inner.all_entities() if e.id not in gone]

    def name_candidates(self, grams: Iterable[str], label: str | None,
                        limit: int, offset: int = 0) -> list[Entity]:
        gone = self.gone()  # asked for enough more that dropping the gone still fills `limit`
        offset = max(offset, 0)
        found = self.inner.name_candidates(grams, label, offset + limit + len(gone))
        return [e for e in found if e.id not in gone][offset:offset + limit]

    def name_keys(self, grams: Iterable[str], label: str | None, limit: int,
                  offset: int = 0, min_shared: int = 1) -> list[NameKeys]:
        gone = self.gone()
        offset = max(offset, 0)
        found = self.inner.name_keys(grams, label, offset + limit + len(gone), 0, min_shared)
        return [k for k in found if k.id not in gone][offset:offset + limit]

    def relations_of(self, entity_id: str) -> list[Relation]:
        return self._keep(self.inner.relations_of(entity_id))

    def relations_of_many(self, ids: Iterable[str], types: Iterable[str | Follow] | None = None
                          ) -> dict[str, list[Relation]]:
        return {i: self._keep(rels)
                for i, rels in self.inner.relations_of_many(ids, types).items()}

    def all_relations(self) -> list[Relation]:
        return self._keep(self.inner.all_relations())

    def relations_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relation]:
        return self._keep(self.inner.relations_between(pairs))

    def relations_among(self, ids: Iterable[str]) -> list[Relation]:
        return self._keep(self.inner.relations_among(ids))

    def distances(self, entity_id: str, depth: int) -> dict[str, int]:
        adj = self._walkable()
        if entity_id not in adj:  # a Source is its own neighbourhood, as on both stores
            return {entity_id: 0} if self.label_of(entity_id) else {}
        seen = {entity_id: 0}
        frontier = [entity_id]
        for level in range(1, depth + 1):
            frontier = sorted({n for f in frontier for n in adj[f] if n not in seen})
            seen.update((n, level) for n in frontier)
        return seen

    def degrees(self, ids: Iterable[str]) -> dict[str, int]:
        adj = self._walkable()
        return {i: len(adj.get(i, ())) for i in ids}

    def walkable_neighbors(self, ids: Iterable[str]) -> dict[str, list[str]]:
        adj = self._walkable()
        return {i: sorted(adj.get(i, ())) for i in ids}

    def shortest_paths(self, a: str, b: str, max_len: int) -> list[list[str]]:
        adj = self._walkable()
        if a not in adj or b not in adj:
            return []
        return sorted(all_shortest_paths(adj, a, b, max_len), key=path_sort_key)

    def simple_paths(self, a: str, b: str, max_len: int, inner_labels: frozenset[str],
                     exclude_levels: frozenset[str] = frozenset()) -> list[list[str]]:
        adj, known = self._walkable(), self._known()
        if a not in adj or b not in adj or a == b:
            return []

        def allowed(node: str) -> bool:
            e = known[node]
            return e.label in inner_labels and e.props.get("level", "") not in exclude_levels

        def halves(start: str, depth: int, target: str) -> list[list[str]]:
            return half_paths(adj, start, depth, target, allowed)

        return simple_paths_from_halves(halves, a, b, max_len)

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        labels: dict[str, int] = {}
        for e in self.all_entities():
            labels[e.label] = labels.get(e.label, 0) + 1
        types: dict[str, int] = {}
        for r in self.all_relations():
            types[r.type] = types.get(r.type, 0) + 1
        return dict(sorted(labels.items())), dict(sorted(types.items()))


def dated(store: Store, as_of: str | None) -> Store:
    """The store as of a date (YYYY[-MM[-DD]]), or the store itself without one."""
    if as_of is None:
        return store
    if isinstance(store, DatedStore) and store.at == parse_as_of(as_of):
        return store  # already seen as of that date (the command opened it so)
    return DatedStore(store, parse_as_of(as_of))  # type: ignore[return-value]
