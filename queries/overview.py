"""An entity in brief: its key related things grouped by relation, ranked and bounded.

`show` prints everything; a city has hundreds of relations, so "tell me about 南通" needs the
few that matter under each heading: what it is part of, its industries, the parks it builds,
the crossings that reach it. Within a group the other ends are ranked by the best confidence
of the relations reaching them, then how many sources state them, then current before ended;
each group keeps `per_group` of them and says how many more there are; an entity related to
few others is shown whole, and the places a crossing connects or a zone's builders and
members are shown past the bound. The sources listed are those of the relations shown (and
the entity's own).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation
from graph.store import Store
from queries.resolve import resolve
from queries.show import EntityDetail, RelatedEdge

# The groups in the order an analyst reads them: where the thing is and what it belongs to,
# then what it has and does, then what lies in it (often the longest list) last.
# (type, outgoing or None for either) -> heading
_GROUPS: tuple[tuple[str, bool | None, str], ...] = (
    ("LOCATED_IN", True, "lies in"),
    ("MEMBER_OF", True, "member of"),
    ("PART_OF", True, "part of"),
    ("HAS_INDUSTRY", True, "industries it has"),
    ("FOCUSES_ON", True, "industries it focuses on"),
    ("CO_BUILDS", True, "what it co-builds"),
    ("CO_BUILDS", False, "co-built by"),
    ("CONNECTS", True, "places it connects"),
    ("CONNECTS", False, "crossings and lines reaching it"),
    ("PARTICIPATES_IN", True, "takes part in"),
    ("ADOPTS", True, "mechanisms it adopts"),
    ("COOPERATES_WITH", None, "cooperates with"),
    ("LEARNS_FROM", True, "learns from"),
    ("LEARNS_FROM", False, "a model for"),
    ("PROPOSES", True, "proposes"),
    ("PROPOSES", False, "proposed by"),
    ("MEMBER_OF", False, "members"),
    ("PARTICIPATES_IN", False, "taking part"),
    ("PART_OF", False, "its parts"),
    ("ADOPTS", False, "adopted by"),
    ("HAS_INDUSTRY", False, "places and parks that have it"),
    ("FOCUSES_ON", False, "focused on by"),
    ("BROADER", True, "broader categories"),
    ("BROADER", False, "narrower industries"),
    ("UPSTREAM_OF", True, "supplies (downstream)"),
    ("UPSTREAM_OF", False, "supplied by (upstream)"),
    ("LOCATED_IN", False, "what lies in it"),
    # a sentence of a loaded document that names it: last, after what the graph relates
    ("MENTIONS", False, "named in sources"),
    ("MENTIONS", True, "names"),
)
_CONFIDENCE = {"high": 0, "medium": 1, "low": 2}
# An entity related to at most this many others is shown whole (every group, every row).
_ALL_UNDER = 20
# Groups whose places say what the thing joins (a crossing's ends, a zone's builders and
# members): their cities and regions are all shown, past the bound.
_JOINS = {("CONNECTS", True), ("CO_BUILDS", False), ("MEMBER_OF", False),
          ("PARTICIPATES_IN", False)}
_PLACES = ("City", "Region")


@dataclass(frozen=True)
class OverviewRow:
    """One other end of a group, with every relation of the group reaching it."""

    other: Entity
    relations: tuple[Relation, ...]

    @property
    def ended(self) -> bool:
        return all(r.props.get("until") for r in self.relations)

    def rank(self) -> tuple[Any, ...]:
        best = min(_CONFIDENCE.get(r.confidence, 3) for r in self.relations)
        sources = len({r.source for r in self.relations})
        return (self.ended, best, -sources, self.other.display)

    def to_dict(self) -> dict[str, Any]:
        return {"other": self.other.ref(), "ended": self.ended,
                "relations": [r.to_dict() for r in self.relations]}


@dataclass(frozen=True)
class OverviewGroup:
    rel_type: str
    outgoing: bool | None  # None: either way (a relation said of both ends alike)
    heading: str
    rows: tuple[OverviewRow, ...]  # the ones shown, best first
    total: int  # how many other ends the group has in all

    @property
    def more(self) -> int:
        return self.total - len(self.rows)

    def to_dict(self) -> dict[str, Any]:
        way = "both" if self.outgoing is None else "out" if self.outgoing else "in"
        return {"type": self.rel_type, "direction": way, "heading": self.heading,
                "total": self.total, "shown": [r.to_dict() for r in self.rows]}


@dataclass(frozen=True)
class Overview(EntityDetail):
    """`EntityDetail` kept to the relations shown, with the groups they come in."""

    groups: tuple[OverviewGroup, ...] = ()
    per_group: int = 5
    # asked about as a whole ("tell me about X"): what it shows answers with it; a name
    # alone in a search box is answered by the thing itself
    lists_related: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.to_dict(), "per_group": self.per_group,
                "groups": [g.to_dict() for g in self.groups],
                "sources": [s.to_dict() for s in self.sources]}


def _group_of(edge: RelatedEdge) -> tuple[str, bool | None, str] | None:
    for rel_type, outgoing, heading in _GROUPS:
        if rel_type == edge.relation.type and outgoing in (None, edge.outgoing):
            return rel_type, outgoing, heading
    return None


def overview(store: Store, text: str, per_group: int = 5,
             lists_related: bool = True) -> Overview:
    """What are the key things the graph relates to this entity, by relation, and from where?"""
    if per_group < 1:
        raise ValueError("per_group must be at least 1")
    entity = resolve(store, text)
    rels = [r for r in store.relations_of(entity.id) if r.start != r.end]
    others = store.entities({r.end if r.start == entity.id else r.start for r in rels})
    by_group: dict[tuple[str, bool | None, str], dict[str, list[Relation]]] = {}
    edges: list[RelatedEdge] = []
    for r in rels:
        edge = RelatedEdge(r, others[r.end if r.start == entity.id else r.start],
                           r.start == entity.id)
        group = _group_of(edge)
        if group is None:  # a type added to the schema later: its own heading
            group = (r.type, edge.outgoing, f"{r.type} ({'out' if edge.outgoing else 'in'})")
        by_group.setdefault(group, {}).setdefault(edge.other.id, []).append(r)
        edges.append(edge)
    order = {g: n for n, g in enumerate(_GROUPS)}
    if len({e.other.id for e in edges if e.relation.type != "MENTIONS"}) <= _ALL_UNDER:
        per_group = max(per_group, *(len(v) for v in by_group.values()), 1)  # few: all
    groups: list[OverviewGroup] = []
    shown: set[tuple[str, str]] = set()  # (other id, relation key) kept
    for key in sorted(by_group, key=lambda g: (order.get(g, len(order)), g[0])):
        rows = sorted((OverviewRow(others[i], tuple(sorted(rs, key=lambda r: (
            _CONFIDENCE.get(r.confidence, 3), r.source)))) for i, rs in by_group[key].items()),
            key=OverviewRow.rank)
        kept = tuple(rows[:per_group])
        if key[:2] in _JOINS:  # the places a zone or crossing joins: every one, always
            kept += tuple(r for r in rows[per_group:] if r.other.label in _PLACES)
        shown.update((row.other.id, str(r.key)) for row in kept for r in row.relations)
        groups.append(OverviewGroup(key[0], key[1], key[2], kept, len(rows)))
    kept_edges = tuple(e for e in edges if (e.other.id, str(e.relation.key)) in shown)
    source_ids = {e.relation.source for e in kept_edges}
    if entity.props.get("source"):
        source_ids.add(entity.props["source"])
    sources = store.entities(source_ids)
    return Overview(entity, kept_edges, tuple(sources[k] for k in sorted(sources)),
                    tuple(groups), per_group, lists_related)
