"""Where a page's nodes start: a hierarchy, a map, a computed layout, or the browser's physics."""

from __future__ import annotations

from graph.model import Entity, Relation

PHYSICS_MAX_NODES = 300  # "auto" runs in-browser physics up to this many nodes
BIG_SPACING = 64.0  # px between nodes in the computed layout: room for a short label
# Edges that order things left to right in the hierarchy layout: (type, start goes left?).
# A narrower industry points to its BROADER one, a part to its whole, a place to its
# container: the general one goes left. UPSTREAM_OF reads as a chain: supplier left.
HIERARCHY_TYPES = {"BROADER": False, "PART_OF": False, "LOCATED_IN": False,
                   "UPSTREAM_OF": True}
HIERARCHY_SHARE = 0.5  # "auto" picks the hierarchy when at least this share of edges are such


def _hierarchy_arcs(edges: list[Relation], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(left, right) node pairs from the edges that order a chain or a taxonomy."""
    arcs = []
    for r, (a, b) in zip(edges, pairs, strict=True):
        start_left = HIERARCHY_TYPES.get(r.type)
        if start_left is not None:
            arcs.append((a, b) if start_left else (b, a))
    return arcs


def start_positions(nodes: list[Entity], edges: list[Relation], pairs: list[tuple[int, int]], *,
                    layout: str, seed: int, first: list[int]
                    ) -> tuple[list[tuple[float, float]] | None, str, bool, list[int], list[int]]:
    """(positions or None, layout mode shown in the page, physics on?, fixed node indices,
    nodes laid out beside the map)."""
    from estuary.output.html import layout as lay

    n = len(nodes)
    small = n <= PHYSICS_MAX_NODES
    if layout == "none":
        return None, "none", False, [], []
    arcs = _hierarchy_arcs(edges, pairs)
    if layout == "auto" and n >= 3 and arcs and len(arcs) >= HIERARCHY_SHARE * len(edges):
        layout = "hierarchy"  # mostly a taxonomy or a chain: draw it as one
    if layout == "hierarchy":
        adj = lay.adjacency(n, pairs)
        return lay.layered_layout(n, arcs, adj, gap=230.0, spacing=36.0, max_rows=24), \
            "hierarchy", False, [], []
    if layout == "geo":
        coords = {}
        for i, e in enumerate(nodes):  # every entity with coordinates goes on the map
            ll = lay.parse_lon_lat(e.props)
            if ll is not None:
                coords[i] = ll
        if coords:
            adj = lay.adjacency(n, pairs)
            places: dict[int, int] = {}
            beside: list[int] = []
            for r, (a, b) in zip(edges, pairs, strict=True):
                if r.type == "LOCATED_IN" and a not in coords and a not in places and a != b:
                    places[a] = b
            pos = lay.geo_layout(n, adj, coords, seed=seed, first=first,
                                 spacing=lay.SPACING * 1.3 if small else BIG_SPACING,
                                 places=places, aside=True, beside=beside,
                                 width=max(1400.0, 140.0 * len(coords) ** 0.5))
            # No physics: it would pull the entities laid out beside the map back onto it.
            return pos, "geo", False, sorted(coords), sorted(beside)
        layout = "auto"  # nothing to put on a map: fall back
    if small:  # small "auto" or "force": vis-network's seeded physics
        return None, "force", True, [], []
    adj = lay.adjacency(n, pairs)
    pos = lay.sunflower_layout(n, adj, seed=seed, first=first, spacing=BIG_SPACING)
    # "force" on a big graph: physics starts from the computed layout instead of chaos.
    return pos, ("force" if layout == "force" else "computed"), layout == "force", [], []
