"""The industries, parks or mechanisms that link two entities, ranked by paths through them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from graph.model import Entity, Subgraph
from graph.schema import LABELS
from graph.store import TRAVERSAL_EXCLUDED_LABELS, Store
from queries.errors import NoLinks
from queries.resolve import resolve
from queries.walk import Walk, build_paths, paths_subgraph, walks_answer


@dataclass(frozen=True)
class Via:
    """What kind of entity links, and what a linking path may pass through."""

    targets: frozenset[str]
    inner: frozenset[str]
    max_hops: int


VIAS: dict[str, Via] = {
    # Shared industries, the taxonomy between differently named ones, parks and alliances
    # that focus on them.
    "industry": Via(frozenset({"Industry"}),
                    frozenset({"Industry", "Park", "Organization"}), 4),
    # Co-built parks, directly or through the district that hosts them.
    "park": Via(frozenset({"Park"}), frozenset({"Park", "Industry", "Organization", "City"}), 4),
    "mechanism": Via(frozenset({"Mechanism"}),
                     frozenset({"Mechanism", "Initiative", "Organization", "Region", "Park"}), 4),
    "any": Via(frozenset(LABELS) - {"City", *TRAVERSAL_EXCLUDED_LABELS},
               frozenset(LABELS) - set(TRAVERSAL_EXCLUDED_LABELS), 3),
}

# Prefecture-level cities are answers' endpoints, never stepping stones: a path Nantong -
# Shanghai - park - Suzhou says more about Shanghai than about Nantong and Suzhou.
_HUB_LEVELS = frozenset({"municipality", "prefecture", "province"})


@dataclass(frozen=True)
class Link:
    entity: Entity
    paths: tuple[Walk, ...]

    @property
    def score(self) -> int:
        """Independent paths through this entity: the fewer of its distinct routes from
        either end. Sixteen paths that all reach it by one edge from A count as one, so an
        entity reached many ways from both sides outranks a hub touched once."""
        prefixes, suffixes = set(), set()
        for path in self.paths:
            at = path.ids.index(self.entity.id)
            prefixes.add(path.ids[:at])
            suffixes.add(path.ids[at + 1:])
        return min(len(prefixes), len(suffixes))

    @property
    def shortest(self) -> int:
        return min(p.length for p in self.paths)

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.ref(), "score": self.score, "paths_total": len(self.paths),
                "shortest": self.shortest, "paths": [p.to_dict() for p in self.paths]}


@dataclass(frozen=True)
class LinksResult:
    a: Entity
    b: Entity
    via: str
    links: tuple[Link, ...]

    @property
    def title(self) -> str:
        return f"{self.a.display} ↔ {self.b.display}: {self.via} links"

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.a.ref(), "to": self.b.ref(), "via": self.via,
                "links": [link.to_dict() for link in self.links]}

    def subgraph(self) -> Subgraph:
        paths = [p for link in self.links for p in link.paths]
        drawn = paths_subgraph(paths, focus=(self.a.id, self.b.id),
                               highlight=tuple(link.entity.id for link in self.links))
        rows = tuple(walks_answer(rank, link.entity, link.paths, kind=self.via,
                                  strength=link.score,
                                  strength_text=f"{link.score} indep. · {len(link.paths)} paths"
                                                f" · {link.shortest} hops")
                     for rank, link in enumerate(self.links, 1))
        return replace(drawn, answers=rows)


def links(store: Store, a: str, b: str, *, via: str = "industry",
          max_hops: int | None = None) -> LinksResult:
    """Which industries (parks, mechanisms, anything) link these two entities?"""
    spec = VIAS[via]
    hops = max_hops or spec.max_hops
    ea, eb = resolve(store, a), resolve(store, b)
    id_paths = store.simple_paths(ea.id, eb.id, hops, spec.inner, exclude_levels=_HUB_LEVELS)
    paths = build_paths(store, id_paths)
    through: dict[str, list[Walk]] = {}
    for path in paths:
        for node in path.nodes[1:-1]:
            if node.label in spec.targets:
                through.setdefault(node.id, []).append(path)
    if not through:
        raise NoLinks(ea, eb, via, hops)
    entities = store.entities(through)
    ranked = sorted(
        (Link(entities[i], tuple(ps)) for i, ps in through.items()),
        key=lambda link: (-link.score, link.shortest, -len(link.paths), link.entity.id))
    return LinksResult(ea, eb, via, tuple(ranked))
