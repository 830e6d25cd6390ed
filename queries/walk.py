"""Paths as answers: the entities along a path and, for each hop, every relation stating it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph.model import AnswerRow, Entity, Relation, Subgraph
from graph.store import Store


@dataclass(frozen=True)
class Walk:
    """A path as an answer (named so it never shadows pathlib.Path): nodes and hops."""

    nodes: tuple[Entity, ...]
    hops: tuple[tuple[Relation, ...], ...]  # hops[i]: relations between nodes[i] and nodes[i+1]

    @property
    def length(self) -> int:
        return len(self.hops)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(n.id for n in self.nodes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "length": self.length,
            "nodes": [n.ref() for n in self.nodes],
            "hops": [[r.to_dict() for r in hop] for hop in self.hops],
        }

    def text(self, lang: str = "zh") -> str:
        """One line: 南通 -HAS_INDUSTRY-> 新材料 <-HAS_INDUSTRY- 苏州."""
        name = (lambda e: e.name) if lang == "zh" else (lambda e: e.name_en or e.name)
        parts = [name(self.nodes[0])]
        for i, hop in enumerate(self.hops):
            here = self.nodes[i].id
            types = "|".join(sorted({r.type for r in hop}))
            forward = any(r.start == here for r in hop)
            parts.append(f"-{types}->" if forward else f"<-{types}-")
            parts.append(name(self.nodes[i + 1]))
        return " ".join(parts)


def build_paths(store: Store, id_paths: Iterable[list[str]]) -> list[Walk]:
    """Id lists -> Paths with entities and the relations of every hop (two store calls).

    Only the hops' own relations are fetched: a path may end at a hub city with thousands
    of relations, and asking for every relation among the path's nodes would expand them.
    """
    id_paths = list(id_paths)
    ids = {i for p in id_paths for i in p}
    entities = store.entities(ids)
    hops = {(p[i], p[i + 1]) for p in id_paths for i in range(len(p) - 1)}
    by_pair: dict[frozenset[str], list[Relation]] = {}
    for rel in store.relations_between(hops):
        by_pair.setdefault(frozenset((rel.start, rel.end)), []).append(rel)
    out = []
    for p in id_paths:
        hops = tuple(tuple(by_pair.get(frozenset((p[i], p[i + 1])), ()))
                     for i in range(len(p) - 1))
        out.append(Walk(nodes=tuple(entities[i] for i in p), hops=hops))
    return out


def paths_subgraph(paths: Iterable[Walk], focus: tuple[str, ...],
                   highlight: tuple[str, ...] = ()) -> Subgraph:
    """The nodes and edges of some paths, with the path edges marked for drawing."""
    nodes: dict[str, Entity] = {}
    edges: dict[tuple[str, str, str, str], Relation] = {}
    pairs: set[tuple[str, str]] = set()
    for path in paths:
        for node in path.nodes:
            nodes[node.id] = node
        for hop in path.hops:
            for rel in hop:
                edges[rel.key] = rel
                pairs.add((rel.start, rel.end))
    return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                    edges=tuple(edges[k] for k in sorted(edges)),
                    focus=focus, highlight=highlight, path_edges=frozenset(pairs))


def walks_answer(rank: int, entity: Entity, walks: Iterable[Walk], *, kind: str,
                 strength: float, strength_text: str = "") -> AnswerRow:
    """One ranked answer row for a drawing: the sources and edges of the walks through it."""
    sources: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for walk in walks:
        for hop in walk.hops:
            for rel in hop:
                sources.add(rel.source)
                pairs.add((rel.start, rel.end))
    return AnswerRow(rank=rank, entity=entity.id, title=entity.display, kind=kind,
                     strength=strength, strength_text=strength_text,
                     sources=tuple(sorted(s for s in sources if s)),
                     path_edges=tuple(sorted(pairs)))
