"""Finding entities by any name: Chinese, English, alias, pinyin, or a near miss."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import AnswerRow, Entity, Subgraph
from graph.names import entity_keys, grams, has_han, normalize, pinyin
from graph.store import MAX_NAME_CANDIDATES, Store

# Scores: exact key 100, prefix 90, substring 80; fuzzy matches below, from rapidfuzz.
_FUZZY_CUTOFF = 60.0


@dataclass(frozen=True)
class SearchHit:
    entity: Entity
    score: float
    matched: str

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.ref(), "score": round(self.score, 1),
                "matched": self.matched}


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]

    @property
    def title(self) -> str:
        return f"Search: {self.query}"

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "hits": [h.to_dict() for h in self.hits]}

    def subgraph(self) -> Subgraph:
        nodes = tuple(h.entity for h in self.hits)
        rows = tuple(AnswerRow(rank=i, entity=h.entity.id, title=h.entity.display,
                               kind=h.entity.label, strength=round(h.score, 1),
                               strength_text=f"{round(h.score, 1)} ({h.matched})")
                     for i, h in enumerate(self.hits, 1))
        return Subgraph(nodes=nodes, edges=(), highlight=tuple(n.id for n in nodes),
                        answers=rows)


def _score(query: str, keys: list[str]) -> tuple[float, str]:
    from rapidfuzz import fuzz

    best = (0.0, "")
    for key in keys:
        if key == query:
            return 100.0, key
        if key.startswith(query):
            score = 90.0 + 5.0 * len(query) / len(key)
        elif query in key:
            score = 80.0 + 5.0 * len(query) / len(key)
        else:
            ratio = fuzz.ratio(query, key)
            # A one-letter slip on a whole name (Nantongg for nantong) is a better match than
            # the same letters as the start of a much longer name (nantonggaoxin…).
            near = ratio >= 88.0 and abs(len(query) - len(key)) <= 2
            score = ratio if near else ratio * 0.75
        if score > best[0]:
            best = (score, key)
    return best


def search(store: Store, text: str, *, label: str | None = None,
           limit: int = 10) -> SearchResult:
    """Which entities match this text, best first?"""
    query = normalize(text)
    if not query:
        return SearchResult(text, ())
    # Only entities sharing a bigram with the query can score above the cut-off; the store
    # finds them by index, so a search costs what its candidates cost, not the whole graph.
    hits = _match(query, _candidates(store, query, label), penalty=0.0)
    if not hits and has_han(text):
        # A miss in characters may be a homophone typo (南桶 for 南通): try its pinyin.
        sound = pinyin(text)
        hits = _match(sound, _candidates(store, sound, label), penalty=10.0)
    hits.sort(key=lambda h: (-h.score, len(h.entity.name), h.entity.id))
    return SearchResult(text, tuple(hits[:limit]))


def _candidates(store: Store, query: str, label: str | None) -> list[Entity]:
    return store.name_candidates(sorted(grams(query)), label, MAX_NAME_CANDIDATES)


def _match(query: str, entities: list[Entity], penalty: float) -> list[SearchHit]:
    hits = []
    for entity in entities:
        score, matched = _score(query, [*entity_keys(entity), normalize(entity.id)])
        score -= penalty
        if score >= _FUZZY_CUTOFF:
            hits.append(SearchHit(entity, score, matched))
    return hits
