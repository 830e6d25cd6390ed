"""The neighbourhood of an entity, hop by hop: the nearest first, and what was left out.

By default the answer is the `limit` nearest entities, ranked by distance, then degree (more
neighbours first), then id. The walk reads only what can enter that answer: a layer is read
only while fewer than `limit` entities have been found, and a hub (an entity with more than
HUB_DEGREE neighbours) found on the way is shown but not expanded. So the work grows with the
answer and the degree of the entity asked about, not with the graph: at 100k entities,
`neighbors X --depth 2` would otherwise answer with thousands of entities.

The store answers two small questions per layer (`walkable_neighbors` of the layer's
non-hubs, `degrees` of what they reach); both stores and `DatedStore` answer them, so the
walk, and the answer, is the same code on every store. `limit=None` walks everything (the
CLI's `--all`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.resolve import resolve

DEFAULT_LIMIT = 50
# An entity with more neighbours than this is a hub: shown, but never walked through (its
# neighbours would swamp the answer and cost a read of every one of them).
HUB_DEGREE = 50


@dataclass(frozen=True)
class Neighbor:
    entity: Entity
    distance: int
    degree: int = 0  # walkable neighbours (distinct entities, no sources)

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.ref(), "distance": self.distance, "degree": self.degree}


@dataclass(frozen=True)
class Cut:
    """What a bounded answer left out, so that no reader takes it for the whole."""

    limit: int
    entities_left_out: int  # reached by the walk (of the label asked), not shown
    links_left_out: int  # neighbour pairs from a shown entity to one not shown
    hubs: tuple[Neighbor, ...]  # hubs the walk reached before `depth` and did not expand
    stopped_at: int | None  # the walk read no further than this hop: the limit was full

    def to_dict(self) -> dict[str, Any]:
        return {"limit": self.limit, "entities_left_out": self.entities_left_out,
                "links_left_out": self.links_left_out,
                "hubs_not_expanded": [h.to_dict() for h in self.hubs],
                "stopped_at_hop": self.stopped_at}

    @property
    def cuts(self) -> bool:
        return bool(self.entities_left_out or self.links_left_out or self.hubs
                    or self.stopped_at)

    def note(self, depth: int) -> str:
        """One line saying what was cut and how to see it."""
        if not self.cuts:
            return ""
        parts = []
        if self.entities_left_out:
            parts.append(f"{self.entities_left_out} more reached, not listed (only the "
                         f"nearest {self.limit} are)")
        if self.links_left_out:
            parts.append(f"{self.links_left_out} links lead beyond the entities shown")
        if self.stopped_at is not None and self.stopped_at < depth:
            parts.append(f"not walked beyond hop {self.stopped_at} (the limit was full)")
        if self.hubs:
            names = ", ".join(f"{h.entity.display} ({h.degree} neighbours)"
                              for h in self.hubs[:5])
            more = f" and {len(self.hubs) - 5} more" if len(self.hubs) > 5 else ""
            parts.append(f"hubs not walked through: {names}{more}")
        more = bool(self.entities_left_out or self.hubs
                    or (self.stopped_at is not None and self.stopped_at < depth))
        return ("Left out: " + "; ".join(parts) + "."
                + (" --limit N or --all for more." if more else ""))


@dataclass(frozen=True)
class NeighborsResult:
    center: Entity
    depth: int
    label: str | None
    neighbors: tuple[Neighbor, ...]
    edges: tuple[Relation, ...]
    cut: Cut | None = None  # None: everything within `depth` hops (--all)

    @property
    def title(self) -> str:
        return f"Neighbours of {self.center.display}"

    @property
    def note(self) -> str:
        """What was left out, for a caption (empty when nothing was)."""
        return self.cut.note(self.depth) if self.cut else ""

    def to_dict(self) -> dict[str, Any]:
        return {"center": self.center.ref(), "depth": self.depth, "label": self.label,
                "neighbors": [n.to_dict() for n in self.neighbors],
                "relations": [e.to_dict() for e in self.edges],
                "cut": self.cut.to_dict() if self.cut else None}

    def subgraph(self) -> Subgraph:
        nodes = (self.center, *(n.entity for n in self.neighbors))
        return Subgraph(nodes=nodes, edges=self.edges, focus=(self.center.id,),
                        highlight=tuple(n.entity.id for n in self.neighbors))


def _rank(item: tuple[str, int, int]) -> tuple[int, int, str]:
    node, distance, degree = item
    return (distance, -degree, node)


def neighbors(store: Store, text: str, *, depth: int = 1, label: str | None = None,
              limit: int | None = DEFAULT_LIMIT) -> NeighborsResult:
    """What lies nearest this entity, within N hops (optionally only of one label)?"""
    center = resolve(store, text)
    if limit is None:
        return _everything(store, center, depth, label)
    if limit < 1:
        raise ValueError("limit must be at least 1")
    found, hubs, stopped, degree = _walk(store, center.id, depth, label, limit)
    ranked = sorted(found, key=_rank)
    shown, rest = ranked[:limit], ranked[limit:]
    entities = store.entities([n for n, _, _ in shown] + [n for n, _, _ in hubs])
    ids = {center.id, *(n for n, _, _ in shown)}
    edges = tuple(store.relations_among(ids))
    pairs = {frozenset((r.start, r.end)) for r in edges if r.start != r.end}
    links_out = degree[center.id] + sum(d for _, _, d in shown) - 2 * len(pairs)
    cut = Cut(limit=limit, entities_left_out=len(rest), links_left_out=max(links_out, 0),
              hubs=tuple(Neighbor(entities[n], dist, d) for n, dist, d in sorted(hubs, key=_rank)),
              stopped_at=stopped)
    return NeighborsResult(center, depth, label,
                           tuple(Neighbor(entities[n], dist, d) for n, dist, d in shown),
                           edges, cut)


def _walk(store: Store, center: str, depth: int, label: str | None, limit: int,
          ) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]], int | None,
                     dict[str, int]]:
    """Breadth first from `center`, a layer per read, hubs not expanded, stopping once
    `limit` entities (of `label`) are found: (found, hubs not expanded, the hop the walk
    stopped at if it stopped early, degrees read)."""
    seen = {center}
    degree = store.degrees([center])
    found: list[tuple[str, int, int]] = []
    hubs: list[tuple[str, int, int]] = []
    frontier = [center] if degree.get(center) else []
    stopped: int | None = None
    for hop in range(1, depth + 1):
        if not frontier:
            break
        adjacent = store.walkable_neighbors(frontier)
        layer = sorted({n for f in frontier for n in adjacent.get(f, ()) if n not in seen})
        seen.update(layer)
        degree.update(store.degrees(layer))
        labels = (store.entities(layer) if label is not None else {})
        found += [(n, hop, degree.get(n, 0)) for n in layer
                  if label is None or (n in labels and labels[n].label == label)]
        if hop == depth:
            break
        if len(found) >= limit:  # nothing farther can rank among the nearest `limit`
            stopped = hop
            break
        hubs += [(n, hop, degree.get(n, 0)) for n in layer if degree.get(n, 0) > HUB_DEGREE]
        frontier = [n for n in layer if degree.get(n, 0) <= HUB_DEGREE]
    return found, hubs, stopped, degree


def _everything(store: Store, center: Entity, depth: int, label: str | None
                ) -> NeighborsResult:
    """Every entity within `depth` hops, hubs expanded (the CLI's --all)."""
    dist = store.distances(center.id, depth)
    dist.pop(center.id, None)
    entities = store.entities(dist)
    degree = store.degrees(list(dist))
    found = [Neighbor(entities[i], d, degree.get(i, 0)) for i, d in dist.items()
             if label is None or entities[i].label == label]
    found.sort(key=lambda n: (n.distance, -n.degree, n.entity.id))
    ids = {center.id, *(n.entity.id for n in found)}
    return NeighborsResult(center, depth, label, tuple(found),
                           tuple(store.relations_among(ids)))
