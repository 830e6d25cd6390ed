"""The sentences of the loaded documents that name an entity: its MENTIONS relations.

Only MENTIONS relations count (not a scan of any text), so both stores answer alike. The bundled
dataset has a few curated ones; `estuary load-doc` adds one per (document, entity) named, with
the first sentence naming it as the quote and the number of such sentences in the note.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import Entity, Relation, Subgraph
from graph.store import Store
from queries.resolve import resolve


@dataclass(frozen=True)
class Mention:
    source: Entity | None  # None: the relation starts at a node the graph no longer resolves
    relation: Relation

    @property
    def sentence(self) -> str:
        return self.relation.evidence

    def to_dict(self) -> dict[str, Any]:
        src = self.source
        out: dict[str, Any] = {
            "source": {"id": self.relation.start, "name": src.name if src else "",
                       "url": str(src.props.get("url", "")) if src else "",
                       "file": str(src.props.get("file", "")) if src else ""},
            "sentence": self.sentence,
            "confidence": self.relation.confidence,
        }
        if note := self.relation.props.get("note"):
            out["note"] = note
        return out


@dataclass(frozen=True)
class MentionsResult:
    entity: Entity
    mentions: tuple[Mention, ...]  # by source id

    @property
    def title(self) -> str:
        return f"Mentions of {self.entity.display}"

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.ref(), "mentions": [m.to_dict() for m in self.mentions]}

    def subgraph(self) -> Subgraph:
        nodes = {self.entity.id: self.entity}
        nodes.update((m.source.id, m.source) for m in self.mentions if m.source)
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(m.relation for m in self.mentions),
                        focus=(self.entity.id,),
                        highlight=tuple(m.relation.start for m in self.mentions))


def mentions(store: Store, text: str) -> MentionsResult:
    """Which sentences of the loaded documents name this entity?"""
    entity = resolve(store, text)
    rels = [r for r in store.relations_of(entity.id)
            if r.type == "MENTIONS" and r.end == entity.id]
    sources = store.entities({r.start for r in rels})
    return MentionsResult(entity, tuple(Mention(sources.get(r.start), r) for r in rels))
