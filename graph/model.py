"""Store-neutral result models: plain data that both stores return and every renderer reads.

Nothing here knows networkx or Neo4j. Each model turns itself into JSON-ready dicts
(`to_dict`) and, where it describes part of the graph, into a `Subgraph` for drawing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Entity:
    """A node: its id, label, names and label-specific properties."""

    id: str
    label: str
    name: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    description: str = ""
    props: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Normalised lookup keys (names, aliases, pinyin), computed once at load time so that
    # resolving a name never has to import pypinyin. Internal: not part of any answer.
    keys: tuple[str, ...] = field(default=(), compare=False, hash=False, repr=False)

    def ref(self) -> dict[str, str]:
        return {"id": self.id, "label": self.label, "name": self.name, "name_en": self.name_en}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = self.ref()
        out["aliases"] = list(self.aliases)
        if self.description:
            out["description"] = self.description
        out.update(sorted(self.props.items()))  # one key order, whichever store answered
        return out

    @property
    def display(self) -> str:
        return f"{self.name} ({self.name_en})" if self.name_en else self.name


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed edge with its provenance: the source that states it and the quote."""

    type: str
    start: str
    end: str
    source: str
    evidence: str = ""
    confidence: str = "high"
    props: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity of a relation: one edge per type, endpoints and source."""
        return (self.type, self.start, self.end, self.source)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "from": self.start,
            "to": self.end,
            "source": self.source,
            "confidence": self.confidence,
        }
        if self.evidence:
            out["evidence"] = self.evidence
        out.update(sorted(self.props.items()))
        return out


def sort_relations(relations: list[Relation]) -> list[Relation]:
    """The one order every store and renderer uses for relations."""
    return sorted(relations, key=lambda r: r.key)


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One row of a ranked answer, as a drawing lists it next to the graph.

    Query-neutral: any ranked result (links, hubs, search, ...) fills these, and the HTML
    page shows them as a clickable table whose row highlights `path_edges` (or, when there
    are none, the edges touching `entity`).
    """

    rank: int  # 1 = best
    entity: str  # id of the answer's node (drawn in the subgraph)
    title: str  # how the answer is named in the table (e.g. Entity.display)
    kind: str = ""  # kind of link/answer, e.g. "shared industry", "Industry"
    strength: float = 0.0  # higher is stronger; the page scales sizes by strength / max
    strength_text: str = ""  # how strength reads, e.g. "6 independent paths"; "" = the number
    sources: tuple[str, ...] = ()  # ids of the Source entities behind this answer
    path_edges: tuple[tuple[str, str], ...] = ()  # (start, end) of the edges on its paths

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "entity": self.entity, "title": self.title,
                "kind": self.kind, "strength": self.strength,
                "strength_text": self.strength_text, "sources": list(self.sources),
                "path_edges": [list(p) for p in self.path_edges]}


@dataclass(frozen=True, slots=True)
class Subgraph:
    """Part of the graph to draw: nodes, edges and the ids the answer is about."""

    nodes: tuple[Entity, ...]
    edges: tuple[Relation, ...]
    focus: tuple[str, ...] = ()  # the query's endpoints
    highlight: tuple[str, ...] = ()  # the answer's result nodes
    path_edges: frozenset[tuple[str, str]] = frozenset()  # (a, b) pairs on answer paths
    answers: tuple[AnswerRow, ...] = ()  # the ranked answer, best first (may be empty)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
            "focus": list(self.focus),
            "highlight": list(self.highlight),
        }
        if self.answers:
            out["answers"] = [a.to_dict() for a in self.answers]
        return out


def to_jsonable(value: Any) -> Any:
    """Any result model (or list of them) as plain JSON-ready data."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return value
