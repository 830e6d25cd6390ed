"""Finding entities by any name: Chinese, English, alias, pinyin, or a near miss."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.model import AnswerRow, Entity, Subgraph
from graph.names import grams, has_han, normalize, pinyin
from graph.store import MAX_NAME_CANDIDATES, NameKeys, Store

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
    hits = _ranked_hits(store, query, label, 0.0, limit)
    if not hits and has_han(text):
        # A miss in characters may be a homophone typo (南桶 for 南通): try its pinyin.
        hits = _ranked_hits(store, pinyin(text), label, 10.0, limit)
    return SearchResult(text, tuple(hits[:limit]))


def best_possible(query: str, shared: int) -> float:
    """The highest score `_score` can give an entity whose keys share `shared` of the query's
    distinct bigrams (an upper bound, so search may stop reading candidates below it).

    A substring match needs every bigram (shared == all), so below that only the fuzzy
    ratio scores: 200 * LCS / (len(query) + len(key)). The LCS's matched characters run
    in step in both strings except at an unmatched character of either (at most
    len(query) + len(key) - 2 LCS breaks), and each step is a shared bigram, distinct but
    for the query's repeated ones: LCS <= (shared + 1 + dup + len(query) + len(key)) / 3.
    """
    lq, g = len(query), len(grams(query))
    if shared >= g:
        return 100.0
    dup = max(0, lq - 1 - g)
    best = 0.0
    for lk in range(1, 3 * lq + 4):  # longer keys: the ratio's bound falls under 0.75 * 80
        lcs = min(lq, lk, (shared + 1 + dup + lq + lk) // 3)
        ratio = 200.0 * lcs / (lq + lk)
        near = ratio >= 88.0 and abs(lq - lk) <= 2
        best = max(best, ratio if near else ratio * 0.75)
    return best + 1e-6  # (the scorer's floats)


# Candidates come best first (most shared bigrams: rank_candidates) as their names and keys
# (name_keys), each read continuing the same ranking (its offset is what was read), until no
# candidate left can enter the answer (best_possible of the most bigrams one may share).
# A store that can leave out on its side what cannot score (name_keys_reaching: Neo4j) is
# read a level at a time: what holds every bigram of the query, then one fewer, and so on;
# its level reads only what holds that many, so a query ending in a suffix shared by half
# the graph (有限公司) reads the nodes sharing the suffix only when the answer needs them;
# and where the floor asks more of the query's characters than a level's bigrams imply,
# Neo4j reads the levels left through its characters index (graph/cypher_names.least_chars),
# so of those nodes only the few holding enough characters to score.
# Any other store is read a small page first: an answer settled by it (a long name's exact
# match) reads no more; otherwise one more read brings the rest, up to MAX_NAME_CANDIDATES.
_FIRST_PAGE = 50
_PAGE_GROWTH = MAX_NAME_CANDIDATES


@dataclass(frozen=True)
class _Scored:
    score: float
    matched: str
    name: NameKeys

    def order(self) -> tuple[float, int, str]:
        return (-self.score, len(self.name.name), self.name.id)


def _ranked_hits(store: Store, query: str, label: str | None, penalty: float,
                 limit: int) -> list[SearchHit]:
    """The hits among the first MAX_NAME_CANDIDATES candidates, best first (at most
    `limit`), reading only until no candidate left can reach the answer's `limit` best (or
    the cut-off): the same hits as scoring them all; whole entities only for them."""
    wanted = sorted(grams(query))
    by_level = _reaching(store, query) is not None
    scored: list[_Scored] = []
    # `unread`: the most bigrams a candidate not read yet may share
    read, unread, page = 0, len(wanted), _FIRST_PAGE
    while read < MAX_NAME_CANDIDATES and (
            least := _least_shared(query, scored, penalty, limit)) and least <= unread:
        if by_level:
            size, level, scored = _read_level(store, query, wanted, label,
                                              (MAX_NAME_CANDIDATES - read, read, unread,
                                               least), scored, penalty, limit)
            read, unread = read + size, level - 1
            continue
        size = min(page, MAX_NAME_CANDIDATES - read)
        found = store.name_keys(wanted, label, size, read, least)
        read, page = read + len(found), page * _PAGE_GROWTH
        scored = _merged(scored, _match(query, found, penalty))
        # (ranked by shared bigrams: none after the last read shares more)
        unread = len(set(wanted) & _grams_of(found[-1])) if len(found) == size else least - 1
    best = scored[:max(limit, 0)] or scored[:1]  # (one, so the caller knows there were hits)
    entities = store.entities(s.name.id for s in best)
    return [SearchHit(entities[s.name.id], s.score, s.matched) for s in best]


def _floor(scored: list[_Scored], limit: int) -> float:
    """The score a candidate must reach to enter the answer: the cut-off, or the
    `limit`-th best once there are that many (a tie may still enter, by name and id)."""
    if limit >= 1 and len(scored) >= limit:
        return max(_FUZZY_CUTOFF, scored[limit - 1].score)
    return _FUZZY_CUTOFF


def _least_shared(query: str, scored: list[_Scored], penalty: float, limit: int) -> int:
    """The fewest of the query's bigrams a candidate must share to enter the answer: to
    reach the cut-off, or past the `limit`-th best once there are that many (0: none can)."""
    floor = _floor(scored, limit)
    return next((s for s in range(1, len(grams(query)) + 1)
                 if best_possible(query, s) - penalty >= floor), 0)


def most_by_chars(query: str, held: int, length: int | None = None,
                  substring: bool = True) -> float:
    """The highest score `_score` can give a key of `length` characters (None: any) that
    holds `held` characters of the query (counted with repeats, each position of the key
    once): an upper bound, as best_possible is for bigrams. A key the query is in holds all
    of them (100; `substring` False: the key is known not to hold the query, as its entity
    lacks one of the query's bigrams); otherwise the fuzzy ratio is 200 * LCS /
    (len(query) + len(key)) with LCS <= min(held, len(query), len(key)), near only within
    2 characters of the query."""
    lq = len(query)
    if held >= lq and substring:
        return 100.0
    held = min(held, lq)
    most = held if length is None else min(held, length)
    ratio = 200.0 * most / (lq + (most if length is None else length)) if lq else 0.0
    near = ratio >= 88.0 and (length is None or abs(lq - length) <= 2)
    return ratio if near else 0.75 * ratio


_SLACK = 1e-6  # (a bound and a score computed in different float steps)


def _reaching(store: Store, query: str) -> Any:
    """The store's name_keys_reaching, if it has one and can use it for this query (a
    character beyond the BMP is two in Cypher's split: then None)."""
    if any(ord(c) > 0xFFFF or 0xD800 <= ord(c) <= 0xDFFF for c in query):
        return None
    # the store's own (its class's), not one a view hands on to the store it wraps (the
    # dated view's __getattr__): the view's name_keys leave out what it hides
    reaching = getattr(type(store), "name_keys_reaching", None)
    return None if reaching is None else reaching.__get__(store)


def _read_level(store: Store, query: str, wanted: list[str], label: str | None,
                page: tuple[int, int, int, int], scored: list[_Scored], penalty: float,
                limit: int) -> tuple[int, int, list[_Scored]]:
    """Score a page of name_keys_reaching (`page`: its limit, offset, least shared bigrams,
    and the fewest it may be read down to), which leaves out what cannot score the floor by
    the characters its keys hold and their length: how many candidates the page held, the
    least shared bigrams it was read down to, and `scored` with its hits."""
    floor = _floor(scored, limit) + penalty
    size, level, found = _reaching(store, query)(wanted, label, *page[:3], query,
                                                 floor - _SLACK, page[3])
    return size, level, _merged(scored, _match(query, found, penalty))


def _merged(scored: list[_Scored], more: list[_Scored]) -> list[_Scored]:
    return sorted([*scored, *more], key=_Scored.order)


def _keys_of(name: NameKeys) -> list[str]:
    return [*name.keys, normalize(name.id)]


def _grams_of(name: NameKeys) -> set[str]:
    return set().union(*(grams(k) for k in _keys_of(name)))


def _match(query: str, names: list[NameKeys], penalty: float) -> list[_Scored]:
    hits = []
    for name in names:
        score, matched = _score(query, _keys_of(name))
        score -= penalty
        if score >= _FUZZY_CUTOFF:
            hits.append(_Scored(score, matched, name))
    return hits
