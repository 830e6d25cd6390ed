"""Cheap, seeded node layouts for graphs too big for in-browser physics, and a geographic one.

Pure Python, no numpy and no networkx: every function here is linear in nodes + edges apart
from a few sorts, so 50k nodes lay out in well under a second. Nodes are plain indices
``0..n-1`` and edges ``(a, b)`` index pairs; positions come back as ``(x, y)`` pixels in
vis-network's coordinate system (y grows downwards). The same input and seed always give
the same positions: randomness only ever comes from ``random.Random(seed)``, and every
order used is an order of indices, never of a set or a hash.

``sunflower_layout``
    Each connected component becomes a disc. A BFS tree from the component's most important
    node (a query endpoint, else its best-connected node) gives every node a depth and an
    angular sector, as in a radial tree; the nodes are then dealt onto the slots of a
    sunflower (Vogel) spiral, depth by depth from the centre outwards and, within a depth,
    in sector order. The result packs nodes evenly (no ring of 6,000 nodes 40 km wide, as a
    plain radial tree of an expander graph would need) while neighbours stay near each
    other. Discs are then packed in rows, biggest first.

``geo_layout``
    Nodes with coordinates are projected (equirectangular around the mean latitude) onto a
    map about a thousand pixels wide; every other node reachable from them is placed, in BFS
    order, at the mean of its already placed neighbours plus a small sunflower offset; the
    rest are laid out by ``sunflower_layout`` to the right of the map.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence

GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))
SPACING = 42.0  # pixels between neighbouring nodes: about two node diameters

Position = tuple[float, float]


def adjacency(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Undirected adjacency lists; self-loops dropped, parallel edges kept (harmless)."""
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in pairs:
        if a != b:
            adj[a].append(b)
            adj[b].append(a)
    return adj


def _components(adj: Sequence[Sequence[int]], first: Sequence[int]) -> tuple[
    list[list[int]], list[int], list[int]
]:
    """BFS forest. Roots are taken in priority order: ``first``, then by degree, then index.

    Returns the components (each a list of nodes in BFS order, root first), and the parent and
    depth of every node.
    """
    n = len(adj)
    seen = bytearray(n)
    parent = [-1] * n
    depth = [0] * n
    order = [i for i in first if 0 <= i < n]
    order.extend(sorted(range(n), key=lambda i: (-len(adj[i]), i)))
    comps: list[list[int]] = []
    for root in order:
        if seen[root]:
            continue
        seen[root] = 1
        comp = [root]
        k = 0
        while k < len(comp):
            u = comp[k]
            k += 1
            du = depth[u] + 1
            for v in adj[u]:
                if not seen[v]:
                    seen[v] = 1
                    parent[v] = u
                    depth[v] = du
                    comp.append(v)
        comps.append(comp)
    return comps, parent, depth


def _sector_angles(comp: list[int], parent: list[int]) -> dict[int, float]:
    """Radial-tree angles: each child gets a share of its parent's sector by subtree size."""
    size = {u: 1 for u in comp}
    for v in reversed(comp[1:]):
        size[parent[v]] += size[v]
    start = {comp[0]: 0.0}
    span = {comp[0]: 2.0 * math.pi}
    cursor = dict(start)
    angle = {comp[0]: 0.0}
    for v in comp[1:]:  # BFS order: a parent's sector is known before its children's
        p = parent[v]
        width = span[p] * size[v] / (size[p] - 1)
        s = cursor[p]
        cursor[p] = s + width
        start[v] = cursor[v] = s
        span[v] = width
        angle[v] = s + width / 2.0
    return angle


def _disc(comp: list[int], parent: list[int], depth: list[int], spacing: float,
          rng: random.Random) -> tuple[list[tuple[int, float, float]], float]:
    """Lay one component out as a sunflower disc centred on (0, 0); returns its radius."""
    m = len(comp)
    if m == 1:
        return [(comp[0], 0.0, 0.0)], spacing / 2.0
    angle = _sector_angles(comp, parent)
    turn = rng.random() * 2.0 * math.pi  # seeded rotation of the whole disc
    c = spacing * 0.55  # Vogel spiral: slot k at radius c*sqrt(k) has ~spacing to neighbours
    slots = [(c * math.sqrt(k + 0.5), k * GOLDEN_ANGLE + turn) for k in range(m)]
    out: list[tuple[int, float, float]] = [(comp[0], 0.0, 0.0)]
    i = 1
    while i < m:  # comp is in BFS order, so each depth is one contiguous run
        d = depth[comp[i]]
        j = i
        while j < m and depth[comp[j]] == d:
            j += 1
        nodes = sorted(comp[i:j], key=lambda u: angle[u])
        ring = sorted(slots[i:j], key=lambda s: (s[1] - turn) % (2.0 * math.pi))
        for u, (r, a) in zip(nodes, ring, strict=True):
            out.append((u, r * math.cos(a), r * math.sin(a)))
        i = j
    return out, c * math.sqrt(m) + spacing / 2.0


def sunflower_layout(n: int, adj: Sequence[Sequence[int]], *, seed: int,
                     first: Sequence[int] = (), spacing: float = SPACING) -> list[Position]:
    """Positions for all ``n`` nodes: one sunflower disc per component, discs packed in rows."""
    rng = random.Random(seed)
    comps, parent, depth = _components(adj, first)
    discs = [_disc(comp, parent, depth, spacing, rng) for comp in comps]
    # Biggest discs first (stable: ties keep root priority order), packed left to right in
    # rows about as wide as a square holding them all.
    discs.sort(key=lambda d: -d[1])
    gap = spacing
    area = sum((2.0 * r + gap) ** 2 for _, r in discs)
    width = max(2.0 * discs[0][1] + gap, math.sqrt(area)) if discs else 0.0
    pos: list[Position] = [(0.0, 0.0)] * n
    x = y = row_h = 0.0
    for placed, r in discs:
        d = 2.0 * r + gap
        if x > 0.0 and x + d > width:
            x = 0.0
            y += row_h
            row_h = 0.0
        cx, cy = x + r, y + r
        for u, px, py in placed:
            pos[u] = (cx + px, cy + py)
        x += d
        row_h = max(row_h, d)
    return _centred(pos)


def _centred(pos: list[Position]) -> list[Position]:
    if not pos:
        return pos
    xs = [p[0] for p in pos]
    ys = [p[1] for p in pos]
    mx = (min(xs) + max(xs)) / 2.0
    my = (min(ys) + max(ys)) / 2.0
    return [(px - mx, py - my) for px, py in pos]


def parse_lon_lat(props: Mapping[str, object]) -> Position | None:
    """``(lon, lat)`` from an entity's props, or None when either is missing or not a number."""
    try:
        lon = float(props["lon"])  # type: ignore[arg-type]
        lat = float(props["lat"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lon) and math.isfinite(lat)) or abs(lat) > 90 or abs(lon) > 180:
        return None
    return lon, lat


def project(coords: Mapping[int, Position], *, width: float) -> dict[int, Position]:
    """Equirectangular projection around the mean latitude, scaled so the map spans ``width``."""
    lons = [c[0] for c in coords.values()]
    lats = [c[1] for c in coords.values()]
    k = math.cos(math.radians(sum(lats) / len(lats)))
    x0, y1 = min(lons), max(lats)
    extent = max((max(lons) - x0) * k, y1 - min(lats))
    scale = width / extent if extent > 1e-12 else 1.0
    mx = (max(lons) - x0) * k * scale / 2.0  # centre the map on (0, 0)
    my = (y1 - min(lats)) * scale / 2.0
    return {i: ((lon - x0) * k * scale - mx, (y1 - lat) * scale - my)
            for i, (lon, lat) in coords.items()}


def relax(pos: list[Position], movable: Sequence[bool], *, spacing: float,
          iterations: int) -> list[Position]:
    """Push apart nodes closer than ``spacing``; only ``movable`` ones move. Grid-hashed, so an
    iteration is linear in the nodes while they are spread out. Deterministic (no randomness:
    coincident nodes separate along an angle derived from their indices)."""
    n = len(pos)
    xs = [p[0] for p in pos]
    ys = [p[1] for p in pos]
    s2 = spacing * spacing
    half = ((0, 0), (1, 0), (0, 1), (1, 1), (1, -1))  # each neighbouring cell pair once
    for _ in range(iterations):
        grid: dict[tuple[int, int], list[int]] = {}
        for i in range(n):
            grid.setdefault((int(xs[i] // spacing), int(ys[i] // spacing)), []).append(i)
        moved = False
        for (cx, cy), here in grid.items():
            for dx, dy in half:
                there = here if dx == dy == 0 else grid.get((cx + dx, cy + dy))
                if not there:
                    continue
                for ia, a in enumerate(here):
                    for b in (there[ia + 1:] if there is here else there):
                        ddx = xs[b] - xs[a]
                        ddy = ys[b] - ys[a]
                        d2 = ddx * ddx + ddy * ddy
                        if d2 >= s2:
                            continue
                        ma, mb = movable[a], movable[b]
                        if not (ma or mb):
                            continue
                        if d2 < 1e-9:
                            ang = (a * 7919 + b) * GOLDEN_ANGLE
                            ddx, ddy, d = math.cos(ang), math.sin(ang), 1.0
                        else:
                            d = math.sqrt(d2)
                        push = (spacing - d) / d * 0.5
                        wa = push if mb else 2.0 * push  # a fixed partner: the other moves all
                        wb = push if ma else 2.0 * push
                        if ma:
                            xs[a] -= ddx * wa
                            ys[a] -= ddy * wa
                        if mb:
                            xs[b] += ddx * wb
                            ys[b] += ddy * wb
                        moved = True
        if not moved:
            break
    return list(zip(xs, ys, strict=True))


def geo_layout(n: int, adj: Sequence[Sequence[int]], coords: Mapping[int, Position], *,
               seed: int, first: Sequence[int] = (), spacing: float = SPACING,
               places: Mapping[int, int] | None = None, aside: bool = False,
               width: float = 900.0, beside: list[int] | None = None) -> list[Position]:
    """Geographic positions for nodes with ``(lon, lat)``; the rest placed around them.

    ``places`` maps a node without coordinates to its place (e.g. the city a park is
    LOCATED_IN): such a node is set next to its place first, before the others are set
    near whatever mapped neighbours they have. With ``aside``, only a node tied to exactly
    one placed node joins the map; the rest (industries shared by ten cities, ...) are laid
    out beside it instead of piling up between their places.
    """
    if not coords:
        return sunflower_layout(n, adj, seed=seed, first=first, spacing=spacing)
    rng = random.Random(seed)
    width = max(width, 90.0 * math.sqrt(len(coords)))
    placed: dict[int, Position] = project(coords, width=width)
    around = [0] * n  # how many nodes were already set around each anchor
    turn = [0.0] * n
    queue = sorted(placed)
    for u in queue:
        turn[u] = rng.random() * 2.0 * math.pi
    # Resolve chains (a park in a district in a city) to the first place that is on the map.
    for v in sorted(places or {}):
        hop, seen = v, set()
        while hop not in placed and places and hop in places and hop not in seen:
            seen.add(hop)
            hop = places[hop]
        if v in placed or hop not in placed or hop == v:
            continue
        j = around[hop]
        around[hop] = j + 1
        r = spacing * (1.0 + 0.6 * math.sqrt(j))
        a = turn[hop] + j * GOLDEN_ANGLE
        px, py = placed[hop]
        placed[v] = (px + r * math.cos(a), py + r * math.sin(a))
        turn[v] = rng.random() * 2.0 * math.pi
        queue.append(v)
    k = 0
    while k < len(queue):  # multi-source BFS outward from the mapped nodes
        u = queue[k]
        k += 1
        for v in adj[u]:
            if v in placed:
                continue
            if aside and len({w for w in adj[v] if w in placed}) != 1:
                continue  # tied to several places (or none yet): not on the map
            sx = sy = 0.0
            cnt = 0
            for w in adj[v]:
                p = placed.get(w)
                if p is not None:
                    sx += p[0]
                    sy += p[1]
                    cnt += 1
            j = around[u]
            around[u] = j + 1
            r = spacing * (1.0 + 0.6 * math.sqrt(j))
            a = turn[u] + j * GOLDEN_ANGLE
            placed[v] = (sx / cnt + r * math.cos(a), sy / cnt + r * math.sin(a))
            turn[v] = rng.random() * 2.0 * math.pi
            queue.append(v)
    pos: list[Position] = [(0.0, 0.0)] * n
    for i, p in placed.items():
        pos[i] = p
    movable = [i not in coords for i in range(n)]
    rest = [i for i in range(n) if i not in placed]
    if beside is not None:  # tell the caller which nodes are not on the map
        beside.extend(rest)
    if rest:  # components with no mapped node: their own layout, right of the map
        local = {u: j for j, u in enumerate(rest)}
        sub_adj = [[local[v] for v in adj[u] if v in local] for u in rest]
        sub_first = [local[i] for i in first if i in local]
        sub = sunflower_layout(len(rest), sub_adj, seed=seed, first=sub_first, spacing=spacing)
        right = max(p[0] for p in placed.values()) + 4.0 * spacing
        top = min(p[1] for p in placed.values())
        sx0 = min(p[0] for p in sub)
        sy0 = min(p[1] for p in sub)
        for j, u in enumerate(rest):
            pos[u] = (sub[j][0] - sx0 + right, sub[j][1] - sy0 + top)
    # Nodes set around a city by different anchors can land on each other: spread them.
    return relax(pos, movable, spacing=spacing, iterations=30 if n <= 3000 else 5)


def layered_layout(n: int, arcs: Iterable[tuple[int, int]], adj: Sequence[Sequence[int]], *,
                   gap: float = 250.0, spacing: float = 40.0,
                   max_rows: int = 28) -> list[Position]:
    """Left-to-right layers for chains and taxonomies: an arc ``(a, b)`` puts ``b`` right of
    ``a``. Longest-path layers (arcs in a cycle are ignored once their cycle is met); nodes on
    no arc sit one layer right of a neighbour that is on one; a few barycentre sweeps order
    each layer so that edges cross less. A layer taller than ``max_rows`` wraps into
    sub-columns. Deterministic: every order is an order of indices."""
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    on_arc = bytearray(n)
    for a, b in arcs:
        if a != b:
            succ[a].append(b)
            indeg[b] += 1
            on_arc[a] = on_arc[b] = 1
    level = [0] * n
    queue = [i for i in range(n) if on_arc[i] and indeg[i] == 0]
    left = indeg[:]
    queued = bytearray(n)
    for i in queue:
        queued[i] = 1
    k = 0
    cursor = 0  # cycle breaking scans indices once, in order
    while True:
        while k < len(queue):
            u = queue[k]
            k += 1
            for v in succ[u]:
                level[v] = max(level[v], level[u] + 1)
                left[v] -= 1
                if left[v] == 0 and not queued[v]:
                    queued[v] = 1
                    queue.append(v)
        while cursor < n and not (on_arc[cursor] and not queued[cursor]):
            cursor += 1
        if cursor == n:
            break
        queued[cursor] = 1  # in a cycle: start it here, its other arcs are met later
        left[cursor] = 0
        queue.append(cursor)
    # Nodes on no arc: one layer right of their first placed neighbour, breadth first.
    placed = [i for i in range(n) if on_arc[i]]
    seen = bytearray(on_arc)
    k = 0
    while k < len(placed):
        u = placed[k]
        k += 1
        for v in adj[u]:
            if not seen[v]:
                seen[v] = 1
                level[v] = level[u] + 1
                placed.append(v)
    layers: dict[int, list[int]] = {}
    for i in range(n):
        layers.setdefault(level[i], []).append(i)
    keys = sorted(layers)
    rank = [0.0] * n
    for key in keys:
        for j, u in enumerate(layers[key]):
            rank[u] = float(j)
    for sweep in range(6):  # barycentre: order each layer by its neighbours' mean position
        seq = keys if sweep % 2 == 0 else keys[::-1]
        for key in seq:
            nodes = layers[key]
            bary = {}
            for u in nodes:
                ns = [rank[v] for v in adj[u] if level[v] != level[u]]
                bary[u] = sum(ns) / len(ns) if ns else rank[u]
            nodes.sort(key=lambda u: (bary[u], u))
            for j, u in enumerate(nodes):
                rank[u] = float(j)
    pos: list[Position] = [(0.0, 0.0)] * n
    x = 0.0
    for key in keys:
        nodes = layers[key]
        cols = -(-len(nodes) // max_rows)
        rows = -(-len(nodes) // cols)
        for j, u in enumerate(nodes):
            c, r = divmod(j, rows)
            pos[u] = (x + c * gap * 0.75, (r - (rows - 1) / 2.0 + 0.5 * (c % 2)) * spacing)
        x += gap + (cols - 1) * gap * 0.75
    return _centred(pos)
