"""The documents behind what the graph records of a thing, or between a few things.

Every curated entity and relation names the source that states it and a confidence that
follows the kind of source (graph/schema.py). "Which source says Shanghai Chengtou holds 60%
of the Jianghai park?" and "who published the page behind the Shibei science city?" ask for
those documents: here each is listed with the facts it backs. Only the store primitives
`relations_of` and `entities` are used, so both stores agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.errors import QueryError
from queries.related import RelatedItem
from queries.resolve import resolve

_RANK = {"high": 0, "medium": 1, "low": 2}


class NoSourceRecorded(QueryError):
    def __init__(self, about: Sequence[Entity]) -> None:
        self.about = tuple(about)
        names = " and ".join(e.display for e in about)
        what = "between" if len(about) > 1 else "of"
        super().__init__(f"the graph records nothing {what} {names} that names a source; "
                         "try `estuary links` for what connects them through others")


@dataclass(frozen=True)
class SourcesResult:
    about: tuple[Entity, ...]  # the things asked about
    items: tuple[RelatedItem, ...]  # each source with the relations it states (sorted)
    records: tuple[tuple[str, str, str], ...] = ()  # (entity id, source id, confidence):
    # an entity's own record (its name, dates, area) citing a source
    ends: tuple[Entity, ...] = ()  # the far ends of the relations listed (for their names)
    fact: str = ""  # the property the sources were narrowed to ('' when all are listed)

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(item.entity for item in self.items)

    @property
    def title(self) -> str:
        called = FACTS.get(self.fact, (self.fact.replace("_", " "),))[0]
        what = f"the {called} the graph records of " if self.fact else (
            "what the graph records about ")
        return "Sources of " + what + ", ".join(e.display for e in self.about)

    def facts_of(self, source: str) -> tuple[str, ...]:
        """The entity records (ids) a source backs."""
        return tuple(e for e, s, _ in self.records if s == source)

    def to_dict(self) -> dict[str, Any]:
        return {"about": [e.ref() for e in self.about], "fact": self.fact or None,
                "count": len(self.items),
                "sources": [{**item.entity.to_dict(),
                             "records": list(self.facts_of(item.entity.id)),
                             "relations": [r.to_dict() for r in item.relations]}
                            for item in self.items]}

    def subgraph(self) -> Subgraph:
        rels = {r.key: r for item in self.items for r in item.relations}
        nodes = {e.id: e for e in self.about}
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(rels[k] for k in sorted(rels)
                                    if rels[k].start in nodes and rels[k].end in nodes),
                        focus=tuple(sorted(nodes)))


def _strongest(confidences: Sequence[str]) -> int:
    return min((_RANK.get(c, 3) for c in confidences), default=3)


# A fact asked about: what it is called, and the properties that state it on a relation or
# on an entity's record.
FACTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "share": ("share", ("share",)), "established": ("dates", ("since", "established", "opened")),
    "opened": ("opening date", ("opened", "since")), "area_km2": ("area", ("area_km2",)),
    "length_m": ("length", ("length_m",)), "status": ("status", ("status",))}


def _states(props: Any, fact: str) -> bool:
    return any(props.get(p) not in (None, "") for p in FACTS.get(fact, (fact, (fact,)))[1])


def sources_of(store: Store, a: str, *others: str, fact: str = "") -> SourcesResult:
    """Which sources state what the graph records of this thing, or between these things?

    One thing: its own record and every relation of it. Two: the relations between them.
    More (a claim that a park is co-built by three cities): the relations of the one tied to
    most of the others. `fact` (share, established, area_km2 …: "the 60% stake", "the
    51/39/10 split") keeps the relations and records that state it, where any does; a fact
    none states keeps them all (the result's `fact` is then ''). Strongest confidence
    first."""
    about = [resolve(store, a), *(resolve(store, o) for o in others)]
    ids = {e.id for e in about}
    backed: dict[str, dict[tuple[str, str, str, str], Relation]] = {}
    records: list[tuple[str, str, str]] = []
    if len(ids) == 1:
        only = about[0]
        if only.props.get("source"):
            records.append((only.id, str(only.props["source"]),
                            str(only.props.get("confidence", ""))))
        rels = store.relations_of(only.id)
    else:
        rels = list({r.key: r for e in sorted(ids) for r in store.relations_of(e)
                     if r.start in ids and r.end in ids and r.start != r.end}.values())
        if len(ids) > 2:  # a claim about one thing and its parties: the thing's relations
            ties = {e: sum(e in (r.start, r.end) for r in rels) for e in sorted(ids)}
            hub = max(ties, key=lambda e: ties[e])
            rels = [r for r in rels if hub in (r.start, r.end)]
    if fact and (any(_states(r.props, fact) for r in rels) or any(
            _states(e.props, fact) for e in about if any(e.id == x for x, _, _ in records))):
        rels = [r for r in rels if _states(r.props, fact)]
        records = [r for r in records if _states(about[0].props, fact)]
    else:
        fact = ""
    for rel in rels:
        backed.setdefault(rel.source, {})[rel.key] = rel
    ends = {e for rels in backed.values() for r in rels.values() for e in (r.start, r.end)}
    named = store.entities(set(backed) | {s for _, s, _ in records} | ends)
    items = [RelatedItem(named[s], tuple(backed.get(s, {})[k] for k in sorted(backed.get(s, {}))))
             for s in sorted(named) if s in backed or any(s == r[1] for r in records)]
    if not items:
        raise NoSourceRecorded(about)

    def rank(item: RelatedItem) -> tuple[int, int, str]:
        said = [r.confidence for r in item.relations] + [
            c for _, s, c in records if s == item.entity.id]
        return (_strongest(said), -len(said), item.entity.id)

    return SourcesResult(tuple(dict.fromkeys(about)), tuple(sorted(items, key=rank)),
                         tuple(records), tuple(named[e] for e in sorted(ends - ids) if e in named),
                         fact)
