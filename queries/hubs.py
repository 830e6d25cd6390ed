"""The most central entities of the whole graph, by degree, betweenness or PageRank.

Computed here, with networkx, over `store.all_relations()`, so both stores rank alike: the
graph is built in the primitives' order (entities by id, relations by key), scores are rounded
to 6 decimals, and ties go to the smaller id. Source nodes and MENTIONS edges are left out: a
document naming forty things is not a hub of the estuary.

A store that can keep them (the embedded one: `top_scores` / `save_scores`) caches each
metric's scores after their first computation, until the next load or unload: on a large
graph betweenness alone takes minutes, and every later question reads the top rows only.

* degree: distinct neighbours in the undirected simple graph (parallel relations count once).
* betweenness: networkx's normalised betweenness centrality on that undirected graph.
* pagerank: PageRank (damping 0.85) on the directed simple graph; relations point from the
  specific to the general (a park LOCATED_IN a city, an industry BROADER than another), so rank
  flows to what many things lean on. networkx's own `pagerank` needs scipy, which estuary does
  not depend on, so the power iteration is done here, to a tolerance far below the rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.model import AnswerRow, Entity, Relation, Subgraph
from graph.store import TRAVERSAL_EXCLUDED_LABELS, Store
from queries.choices import METRICS
from queries.errors import QueryError

if TYPE_CHECKING:
    import networkx as nx

EXCLUDED_TYPES = frozenset({"MENTIONS"})
DECIMALS = 6
DAMPING = 0.85
_TOLERANCE = 1e-13
_MAX_ITERATIONS = 1000


class UnknownMetric(QueryError):
    def __init__(self, metric: str) -> None:
        super().__init__(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")


@dataclass(frozen=True)
class Hub:
    entity: Entity
    rank: int
    score: float
    degree: int  # distinct neighbours, shown whatever the metric

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, **self.entity.ref(), "score": self.score,
                "degree": self.degree}


@dataclass(frozen=True)
class HubsResult:
    metric: str
    label: str | None
    hubs: tuple[Hub, ...]
    edges: tuple[Relation, ...]  # the relations among the hubs (for drawing)

    @property
    def title(self) -> str:
        return f"Hubs by {self.metric}"

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.metric, "label": self.label,
                "hubs": [h.to_dict() for h in self.hubs]}

    def subgraph(self) -> Subgraph:
        nodes = tuple(sorted((h.entity for h in self.hubs), key=lambda e: e.id))
        rows = tuple(AnswerRow(rank=h.rank, entity=h.entity.id, title=h.entity.display,
                               kind=h.entity.label, strength=h.score,
                               strength_text=f"degree {h.degree}" if self.metric == "degree"
                               else f"{self.metric} {h.score} · degree {h.degree}",
                               sources=tuple(sorted({r.source for r in self.edges
                                                     if h.entity.id in (r.start, r.end)
                                                     and r.source})))
                     for h in self.hubs)
        return Subgraph(nodes=nodes, edges=self.edges,
                        highlight=tuple(h.entity.id for h in self.hubs), answers=rows)


def _graphs(entities: list[Entity], relations: list[Relation]) -> tuple[nx.Graph, nx.DiGraph]:
    import networkx as nx

    keep = {e.id for e in entities}
    edges = [(r.start, r.end) for r in relations
             if r.type not in EXCLUDED_TYPES and r.start in keep and r.end in keep
             and r.start != r.end]
    undirected, directed = nx.Graph(), nx.DiGraph()
    for g in (undirected, directed):
        g.add_nodes_from(e.id for e in entities)
        g.add_edges_from(edges)
    return undirected, directed


def pagerank(g: nx.DiGraph, damping: float = DAMPING) -> dict[str, float]:
    """PageRank by power iteration; dangling nodes spread their rank evenly, as networkx does."""
    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    out_degree = {v: g.out_degree(v) for v in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(_MAX_ITERATIONS):
        dangling = damping * sum(rank[v] for v in nodes if out_degree[v] == 0) / n
        base = (1.0 - damping) / n + dangling
        new = dict.fromkeys(nodes, base)
        for v in nodes:
            if out_degree[v]:
                share = damping * rank[v] / out_degree[v]
                for w in g.successors(v):
                    new[w] += share
        err = sum(abs(new[v] - rank[v]) for v in nodes)
        rank = new
        if err < n * _TOLERANCE:
            break
    return rank


def scores(store: Store, metric: str) -> tuple[list[Entity], dict[str, float], dict[str, int]]:
    """Every entity (sources aside), its score by `metric`, and its degree."""
    import networkx as nx

    if metric not in METRICS:
        raise UnknownMetric(metric)
    entities = [e for e in store.all_entities() if e.label not in TRAVERSAL_EXCLUDED_LABELS]
    undirected, directed = _graphs(entities, store.all_relations())
    degree = dict(undirected.degree())
    if metric == "degree":
        raw: dict[str, float] = {k: float(v) for k, v in degree.items()}
    elif metric == "betweenness":
        raw = nx.betweenness_centrality(undirected)
    else:
        raw = pagerank(directed)
    return entities, {k: round(v, DECIMALS) for k, v in raw.items()}, degree


def _caches(store: Store) -> bool:
    """Whether the store keeps whole-graph measures between questions (the embedded store
    does, until the next load or unload); a dated view or Neo4j computes them each time."""
    return hasattr(type(store), "top_scores")


def _cached(store: Store, metric: str, label: str | None,
            limit: int) -> list[tuple[Entity, float, int]] | None:
    """The ranking from the store's cache: (entity, score, degree), best first; or None."""
    if not _caches(store):
        return None
    rows = store.top_scores(metric, label, limit)  # type: ignore[attr-defined]
    if rows is None:
        return None
    found = store.entities([i for i, _, _ in rows])
    return [(found[i], s, d) for i, s, d in rows]


def hubs(store: Store, *, label: str | None = None, metric: str = "degree",
         limit: int = 10) -> HubsResult:
    """Which entities are the most central in the graph (by degree, betweenness or PageRank)?"""
    if metric not in METRICS:
        raise UnknownMetric(metric)
    top = _cached(store, metric, label, limit)
    if top is None:
        entities, score, degree = scores(store, metric)
        if _caches(store):
            store.save_scores(metric, score, degree)  # type: ignore[attr-defined]
        ranked = sorted((e for e in entities if label is None or e.label == label),
                        key=lambda e: (-score[e.id], e.id))[:max(limit, 0)]
        top = [(e, score[e.id], degree[e.id]) for e in ranked]
    found = tuple(Hub(e, i, int(s) if metric == "degree" else s, d)
                  for i, (e, s, d) in enumerate(top, 1))
    ids = [h.entity.id for h in found]
    edges = tuple(r for r in store.relations_among(ids) if r.type not in EXCLUDED_TYPES)
    return HubsResult(metric, label, found, edges)
