"""The embedded store's walks: its walkable graph read one BFS layer per SELECT (the `adjacency`
table, graph/walks.FetchedAdjacency), so a path or a neighbourhood costs what it visits.

A mixin of graph/embedded.EmbeddedStore, kept apart because walks are their own concern; it
uses the store's `_read()` connection (one snapshot), `label_of`, `entities`, `_all_entities`
and `all_relations`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph import sqlite_schema as db
from graph.model import Entity
from graph.sqlite_schema import reading
from graph.store import TRAVERSAL_EXCLUDED_LABELS, path_sort_key, simple_paths_from_halves
from graph.walks import FetchedAdjacency, all_shortest_paths, distances, half_paths

if TYPE_CHECKING:
    import networkx as nx

_EXCLUDED = tuple(TRAVERSAL_EXCLUDED_LABELS)
_NOT_EXCLUDED = f"label NOT IN ({db.marks(len(_EXCLUDED))})"


class WalkReads:
    """Distances, paths, degrees and neighbours read from the walkable adjacency."""

    _read: Any
    label_of: Any
    entities: Any
    _all_entities: Any
    all_relations: Any

    def _adjacency(self, info: dict[str, tuple[str, Any]] | None = None) -> FetchedAdjacency:
        """Walkable neighbours, fetched per layer; with `info`, also each neighbour's label
        and `level` property (what simple_paths filters inner nodes by)."""
        conn = self._read()

        def fetch(nodes: list[str]) -> dict[str, list[str]]:
            found: dict[str, list[str]] = {}
            for chunk in db.chunks(nodes):
                if info is None:
                    rows = conn.execute(f"SELECT a, b FROM adjacency WHERE a IN "
                                        f"({db.marks(len(chunk))})", chunk)
                    for a, b in rows:
                        found.setdefault(a, []).append(b)
                    continue
                rows = conn.execute(
                    "SELECT j.a, j.b, e.label, json_extract(e.data, '$.props.level') "
                    f"FROM adjacency j JOIN entities e ON e.id = j.b WHERE j.a IN "
                    f"({db.marks(len(chunk))})", chunk)
                for a, b, label, level in rows:
                    found.setdefault(a, []).append(b)
                    info[b] = (label, "" if level is None else level)
            return found

        return FetchedAdjacency(fetch)

    def _walkable_ids(self, *ids: str) -> bool:
        labels = [self.label_of(i) for i in ids]
        return all(label is not None and label not in _EXCLUDED for label in labels)

    @property
    @reading
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph in memory, as the JSON store kept it (nodes carry `e`, edges `r`):
        for tests and tools that want networkx; no question reads it."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for e in self._all_entities(excluded=True):
            g.add_node(e.id, e=e)
        for r in self.all_relations():
            g.add_edge(r.start, r.end, key=f"{r.type}|{r.source}", r=r)
        return g

    def _entity(self, entity_id: str) -> Entity:
        return self.entities([entity_id])[entity_id]

    @reading
    def _walkable(self) -> nx.Graph:
        """The whole walkable graph in memory (for tests that check the walks against
        networkx; no question reads it)."""
        import networkx as nx

        conn = self._read()
        walk = nx.Graph()
        walk.add_nodes_from(i for (i,) in conn.execute(
            f"SELECT id FROM entities WHERE {_NOT_EXCLUDED}", _EXCLUDED))
        walk.add_edges_from(conn.execute("SELECT a, b FROM adjacency"))
        return walk

    @reading
    def distances(self, entity_id: str, depth: int) -> dict[str, int]:
        label = self.label_of(entity_id)
        if label is None:
            return {}
        if label in _EXCLUDED:
            return {entity_id: 0}
        return distances(self._adjacency(), entity_id, depth)

    # A bounded neighbourhood (queries/neighbors.py) reads a layer's adjacency and degrees:
    # indexed rows of the walkable adjacency, so it costs what it visits.
    @reading
    def degrees(self, ids: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(ids))
        conn = self._read()
        found: dict[str, int] = {}
        for chunk in db.chunks(wanted):
            found.update(conn.execute(
                f"SELECT a, COUNT(*) FROM adjacency WHERE a IN ({db.marks(len(chunk))}) "
                "GROUP BY a", chunk))
        return {i: found.get(i, 0) for i in wanted}

    @reading
    def walkable_neighbors(self, ids: Iterable[str]) -> dict[str, list[str]]:
        wanted = sorted(set(ids))
        found = self._adjacency()
        found.prefetch(wanted)
        return {i: sorted(found[i]) for i in wanted}

    @reading
    def shortest_paths(self, a: str, b: str, max_len: int) -> list[list[str]]:
        if not self._walkable_ids(a, b):
            return []
        return sorted(all_shortest_paths(self._adjacency(), a, b, max_len), key=path_sort_key)

    @reading
    def simple_paths(self, a: str, b: str, max_len: int, inner_labels: frozenset[str],
                     exclude_levels: frozenset[str] = frozenset()) -> list[list[str]]:
        if a == b or not self._walkable_ids(a, b):
            return []
        info: dict[str, tuple[str, Any]] = {}
        adj = self._adjacency(info)

        def allowed(node: str) -> bool:
            label, level = info[node]
            return label in inner_labels and level not in exclude_levels

        def halves(start: str, depth: int, target: str) -> list[list[str]]:
            return half_paths(adj, start, depth, target, allowed)

        return simple_paths_from_halves(halves, a, b, max_len)
