"""Graph walks on any adjacency mapping (node -> neighbours), shared by both stores.

Both search from the two ends at once: on a 100k-node graph a one-sided walk visits most of
the graph before it reaches a far end, two half walks only what lies near either end.

A store that keeps its graph on disk or on a server passes a `FetchedAdjacency`: the walks
ask it for a whole BFS layer at once (`prefetch`), so a walk costs one read per layer, not
one per node, and reads only the part of the graph it visits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from graph.store import MAX_HALVES, MAX_PATHS, TooManyPaths

Adjacency = Mapping[str, Iterable[str]]

# Reads the walkable neighbours of many nodes in one go: {node: neighbours} for every node
# asked about (an empty list for a node with none, or one the walks may not enter).
Fetch = Callable[[list[str]], dict[str, list[str]]]


class FetchedAdjacency(Mapping[str, list[str]]):
    """An adjacency read on demand, layer by layer, and kept for the rest of the walk."""

    def __init__(self, fetch: Fetch) -> None:
        self._fetch = fetch
        self._known: dict[str, list[str]] = {}
        self.reads = 0  # how many fetches a walk made (benchmarks report it)

    def prefetch(self, nodes: Iterable[str]) -> None:
        missing = sorted({n for n in nodes if n not in self._known})
        if missing:
            self.reads += 1
            found = self._fetch(missing)
            for node in missing:
                self._known[node] = found.get(node, [])

    def __getitem__(self, node: str) -> list[str]:
        if node not in self._known:
            self.prefetch([node])
        return self._known[node]

    def __iter__(self) -> Iterator[str]:
        return iter(self._known)

    def __len__(self) -> int:
        return len(self._known)


def _prefetch(adj: Adjacency, nodes: Iterable[str]) -> None:
    if isinstance(adj, FetchedAdjacency):
        adj.prefetch(nodes)


def _expand(adj: Adjacency, frontier: list[str], preds: dict[str, list[str]]) -> list[str]:
    """The next BFS layer; records every predecessor of each new node in the layer before."""
    layer: dict[str, list[str]] = {}
    _prefetch(adj, frontier)
    for node in frontier:
        for nxt in adj[node]:
            if nxt in preds:
                continue
            layer.setdefault(nxt, []).append(node)
    preds.update(layer)
    return list(layer)


def _routes(node: str, preds: dict[str, list[str]], cap: int) -> list[list[str]]:
    """Every shortest route from the BFS root to `node`, root first."""
    routes: list[list[str]] = [[node]]
    done: list[list[str]] = []
    while routes:
        route = routes.pop()
        parents = preds[route[-1]]
        if not parents:
            done.append(route[::-1])
            if len(done) > cap:
                break
            continue
        routes.extend([*route, p] for p in parents)
    return done


def distances(adj: Adjacency, start: str, depth: int) -> dict[str, int]:
    """Hop distance of every node within `depth` hops of start (start included, at 0)."""
    seen = {start: 0}
    frontier = [start]
    for level in range(1, depth + 1):
        if not frontier:
            break
        _prefetch(adj, frontier)
        frontier = sorted({n for node in frontier for n in adj[node] if n not in seen})
        seen.update((n, level) for n in frontier)
    return seen


def all_shortest_paths(adj: Adjacency, a: str, b: str, max_len: int) -> list[list[str]]:
    """Every shortest a..b path of at most max_len hops (unsorted), by bidirectional BFS."""
    if a == b:
        return [[a]]
    preds_a: dict[str, list[str]] = {a: []}
    preds_b: dict[str, list[str]] = {b: []}
    front_a, front_b = [a], [b]
    hops = 0
    while front_a and front_b and hops < max_len:
        # Grow the smaller side: the search stays near whichever end is sparser.
        if len(front_a) <= len(front_b):
            front_a = _expand(adj, front_a, preds_a)
            layer, other = front_a, preds_b
        else:
            front_b = _expand(adj, front_b, preds_b)
            layer, other = front_b, preds_a
        hops += 1
        meeting = sorted(n for n in layer if n in other)
        if meeting:
            # Each meeting node is at the same place on every shortest path through it.
            found: list[list[str]] = []
            for node in meeting:
                left = _routes(node, preds_a, MAX_PATHS)
                right = _routes(node, preds_b, MAX_PATHS)
                for head in left:
                    for tail in right:
                        found.append(head + tail[-2::-1])
                        if len(found) > MAX_PATHS:
                            raise TooManyPaths(a, b, max_len)
            return found
    return []


def half_paths(adj: Adjacency, start: str, depth: int, target: str,
               allowed: Callable[[str], bool]) -> list[list[str]]:
    """Simple paths from start of 1..depth hops through allowed nodes, or ending at target
    (see graph.store.simple_paths_from_halves)."""
    if isinstance(adj, FetchedAdjacency):
        # Read the allowed nodes layer by layer first, so the depth-first walk below finds
        # every adjacency it needs already read.
        layer, seen = [start], {start}
        for _ in range(depth):
            adj.prefetch(layer)
            layer = sorted({n for node in layer for n in adj[node]
                            if n not in seen and n != target and allowed(n)})
            seen.update(layer)
    out: list[list[str]] = []
    path = [start]

    def extend() -> None:
        for nxt in adj[path[-1]]:
            if nxt in path:
                continue
            if nxt == target:
                out.append([*path, nxt])
            elif allowed(nxt):
                path.append(nxt)
                out.append(list(path))
                if len(out) > MAX_HALVES:
                    raise TooManyPaths(start, target, depth)
                if len(path) <= depth:
                    extend()
                path.pop()

    extend()
    return out
