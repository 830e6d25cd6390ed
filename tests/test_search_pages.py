"""search reads name candidates a page at a time and stops when the rest cannot score
(issue 14): the scorer's bound must hold for every key, and the answer must be the one
scoring all MAX_NAME_CANDIDATES would give."""

from __future__ import annotations

import random
from typing import Any

import pytest

from graph.names import entity_grams, entity_keys, grams, normalize
from graph.store import MAX_NAME_CANDIDATES
from queries import search as search_module
from queries.as_of import dated
from queries.search import (
    _FUZZY_CUTOFF,
    _score,
    best_possible,
    most_by_chars,
    search,
)


def _strings(rng: random.Random, alphabet: str, n: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(n)]


@pytest.mark.parametrize("alphabet", ["ab", "abc", "abcdefgh", "南通苏州市海门港"])
def test_no_key_scores_above_the_bound(alphabet: str) -> None:
    rng = random.Random(alphabet)
    queries, keys = _strings(rng, alphabet, 150), _strings(rng, alphabet, 150)
    tight = 0
    for query in queries:
        for key in keys:
            shared = len(grams(query) & grams(key))
            score, _ = _score(query, [key])
            bound = best_possible(query, shared)
            assert score <= bound, (query, key, shared, score, bound)
            tight += bound - score < 1.0
    assert tight, "the bound is reached, not only held"


@pytest.mark.parametrize("alphabet", ["ab", "abc", "abcdefgh", "南通苏州市海门港"])
def test_no_key_scores_above_its_characters_bound(alphabet: str) -> None:
    rng = random.Random(alphabet + "chars")
    queries, keys = _strings(rng, alphabet, 150), _strings(rng, alphabet, 150)
    tight = 0
    for query in queries:
        for key in keys:
            held = sum(c in set(query) for c in key)
            score, _ = _score(query, [key])
            bound = most_by_chars(query, held, len(key))
            assert score <= bound + 1e-9, (query, key, held, score, bound)
            assert bound <= most_by_chars(query, held) + 1e-9, "without the length: higher"
            tight += bound - score < 1.0
    assert tight, "the bound is reached, not only held"


@pytest.mark.parametrize("alphabet", ["ab", "abc", "abcdefgh", "nantogiu", "南通苏州市海门港"])
def test_no_key_scores_above_its_multiset_bound(alphabet: str) -> None:
    """The Neo4j cut's bound (graph/cypher_names._REACHING_CUT): the query's characters a
    key holds counted as multisets, and 100 only where the key's entity holds every bigram
    of the query (else the query is in none of its keys: the fuzzy ratio bounds it)."""
    rng = random.Random(alphabet + "multiset")
    queries, keys = _strings(rng, alphabet, 150), _strings(rng, alphabet, 150)
    tight = cut = 0
    for query in queries:
        for key in keys:
            held = sum(min(query.count(c), key.count(c)) for c in set(query))
            # (a one-character query's candidates share its one "gram": every one read)
            whole = len(query) < 2 or grams(query) <= grams(key)
            score, _ = _score(query, [key])
            bound = most_by_chars(query, held, len(key), whole)
            assert score <= bound + 1e-9, (query, key, held, score, bound)
            assert bound <= most_by_chars(query, sum(c in set(query) for c in key),
                                          len(key)) + 1e-9, "tighter than the old bound"
            tight += bound - score < 1.0
            cut += held >= len(query) and not whole
    assert tight, "the bound is reached, not only held"
    assert cut or len(alphabet) > 5, "keys holding the letters but not the query are met"


def test_the_bound_cuts_long_queries() -> None:
    query = normalize("南通高新技术产业开发区")
    assert best_possible(query, len(grams(query))) == pytest.approx(100.0)
    assert best_possible(query, 1) < _FUZZY_CUTOFF
    assert best_possible(query, 4) < 80.0


class Counting:
    """The store, recording the name_keys pages search asks for."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.pages = inner, []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def name_keys(self, grams: Any, label: Any, limit: int, offset: int = 0,
                  min_shared: int = 1) -> Any:
        found = self.inner.name_keys(grams, label, limit, offset, min_shared)
        self.pages.append((offset, limit, len(found)))
        return found


class CountingReaching(Counting):
    """The same, for a store that leaves out what cannot score (search looks for the
    method on the store's class)."""

    def name_keys_reaching(self, grams: Any, label: Any, limit: int, offset: int,
                           min_shared: int, query: str, floor: float, down_to: int) -> Any:
        reaching = self.inner.name_keys_reaching
        size, level, found = reaching(grams, label, limit, offset, min_shared, query, floor,
                                      down_to)
        self.pages.append((offset, limit, size))
        return size, level, found


def counted(store: Any) -> Counting:
    return (CountingReaching if hasattr(type(store), "name_keys_reaching") else Counting)(store)


def _all_scored(store: Any, text: str, label: str | None, limit: int) -> list[Any]:
    """The answer before pages (c743471): every candidate of the first MAX_NAME_CANDIDATES
    scored as a whole entity."""
    hits: list[Any] = []
    for query, penalty in ((normalize(text), 0.0), (search_module.pinyin(text), 10.0)):
        for e in store.name_candidates(sorted(grams(query)), label, MAX_NAME_CANDIDATES):
            score, matched = _score(query, [*entity_keys(e), normalize(e.id)])
            if score - penalty >= _FUZZY_CUTOFF:
                hits.append({"entity": e.ref(), "score": round(score - penalty, 1),
                             "matched": matched, "order": (penalty - score, len(e.name), e.id)})
        if hits or not search_module.has_han(text):
            break
    hits.sort(key=lambda h: h.pop("order"))
    return hits[:limit]


@pytest.mark.parametrize("text", ["南通", "nantong", "南桶", "通", "Suzhou Industrial Park",
                                  "苏州工业园区", "海门港新区", "集成电路", "advanced mat",
                                  "shanghi", "长三角一体化示范区", "zz", "xq"])
@pytest.mark.parametrize("limit", [1, 3, 10])
def test_pages_give_the_answer_of_scoring_all(store: Any, text: str, limit: int) -> None:
    counting = counted(store)
    got = search(counting, text, limit=limit)
    assert [h.to_dict() for h in got.hits] == _all_scored(store, text, None, limit)
    offsets = [offset for offset, _, _ in counting.pages]
    assert offsets == sorted(offsets), "pages are read in order"


def test_a_settled_answer_reads_one_page(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "_FIRST_PAGE", 3)
    counting = counted(store)
    got = search(counting, "南通高新技术产业开发区", limit=1)
    assert got.hits and got.hits[0].score == 100.0
    everything = store.name_keys(sorted(grams(normalize("南通高新技术产业开发区"))), None,
                                       MAX_NAME_CANDIDATES)
    assert len(everything) > 3 * 5 * 5, "more candidates than the pages read"
    assert sum(n for _, _, n in counting.pages) < len(everything)


def test_a_settled_answer_reads_one_level(store: Any) -> None:
    counting = counted(store)
    query = normalize("南通高新技术产业开发区")
    got = search(counting, query, limit=1)
    assert got.hits and got.hits[0].score == 100.0
    # the exact name holds every bigram: the first level settles it, nothing else is read
    assert [(offset, n) for offset, _, n in counting.pages] == [(0, counting.pages[0][2])]
    everything = store.name_keys(sorted(grams(query)), None, MAX_NAME_CANDIDATES)
    assert len(everything) > 3 * 5 * 5, "more candidates than the level read"
    assert counting.pages[0][2] < len(everything)


def test_levels_continue_one_ranking(store: Any) -> None:
    """Each level a search reads is the next part of the ranking of every candidate: what
    holds at least that many bigrams, past what the levels above it gave."""
    wanted = sorted(grams(normalize("南通高新技术产业开发区")))
    whole = store.name_keys(wanted, None, MAX_NAME_CANDIDATES)
    by_id = {k.id: len(set(wanted) & set().union(*(grams(x) for x in
                                                    [*k.keys, normalize(k.id)])))
             for k in whole}
    read: list[str] = []
    for level in range(len(wanted), 0, -1):
        read += [k.id for k in store.name_keys(wanted, None, 500, len(read), level)]
        assert read == [k.id for k in whole if by_id[k.id] >= level][:len(read)]
    assert read == [k.id for k in whole][:len(read)]


@pytest.mark.parametrize("as_of", [None, "2019"])
def test_pages_of_name_candidates_join_to_the_whole(store: Any, as_of: str | None) -> None:
    view = dated(store, as_of)
    wanted = sorted(grams("nantong") | grams("suzhou"))
    whole = [e.id for e in view.name_candidates(wanted, None, 60)]
    pages = [e.id for start in range(0, 60, 7)
             for e in view.name_candidates(wanted, None, 7, start)]
    assert pages[:60] == whole and len(whole) > 20
    assert [k.id for k in view.name_keys(wanted, None, 60)] == whole
    assert [k.id for k in view.name_keys(wanted, None, 7, 14)] == whole[14:21]
    # min_shared cuts the same order where its candidates share too few grams
    shared = {i: len(set(wanted) & entity_grams(e)) for i, e in view.entities(whole).items()}
    least = shared[whole[-1]] + 1
    cut = [k.id for k in view.name_keys(wanted, None, 60, 0, least)]
    assert cut == [i for i in whole if shared[i] >= least] != []
    assert len(cut) < len(whole)
    entities = view.entities(whole)
    assert [k.keys for k in view.name_keys(wanted, None, 60)] == [
        entity_keys(entities[i]) for i in whole]


def test_levels_of_quoted_and_long_queries(store: Any) -> None:
    """Grams with Lucene's quote and escape characters, and a query too long for one
    at-least query (every k-subset), give the same part of the ranking as the whole."""
    from graph import cypher_names

    for text in ['南"通\\苏州工业园区', "长三角生态绿色一体化发展示范区执行委员会办公室"]:
        wanted = sorted(grams(normalize(text)))
        whole = store.name_keys(wanted, None, MAX_NAME_CANDIDATES)
        by_id = {k.id: len(set(wanted) & set().union(*(grams(x) for x in
                                                        [*k.keys, normalize(k.id)])))
                 for k in whole}
        for level in (2, 3, len(wanted) // 2):
            cut = [k.id for k in store.name_keys(wanted, None, MAX_NAME_CANDIDATES, 0, level)]
            assert cut == [k.id for k in whole if by_id[k.id] >= level]
    assert cypher_names.lucene_at_least([str(i) for i in range(40)], 2) is None


@pytest.mark.parametrize("n", [2, 5, 9, 14, 20, 30])
def test_at_least_groups_hold_whatever_holds_k(n: int) -> None:
    """Whatever holds k of the terms holds every term of some group (the full-text query
    may match more; the reader counts)."""
    from graph import cypher_names

    rng = random.Random(n)
    terms = [f"t{i}" for i in range(n)]
    for k in range(2, n + 1):
        groups = cypher_names.at_least_groups(terms, k)
        if groups is None:
            assert k == 2 and n * (n - 1) > cypher_names.MAX_AT_LEAST_CLAUSES
            continue
        assert sum(map(len, groups)) <= cypher_names.MAX_AT_LEAST_CLAUSES
        assert all(len(g) >= 2 for g in groups)
        for _ in range(200):
            held = set(rng.sample(terms, rng.randint(k, n)))
            assert any(set(g) <= held for g in groups), (k, held)
    assert cypher_names.lucene_at_least(['a"', "b\\"], 2) == r'("a\"" AND "b\\")'


@pytest.mark.parametrize("text", ["南通高新技术产业开发区", "苏州工业园区", "nantong", "Suzhou"])
def test_reaching_leaves_out_only_keys_that_cannot_score(store: Any, text: str) -> None:
    """name_keys_reaching (Neo4j) sends the page name_keys gives, less the candidates none
    of whose keys (nor normalised id) may score the floor by most_by_chars; a level too
    long to ask by itself is read down to the least shared grams the caller needs."""
    from graph import cypher_names
    from graph.neo4j_rows import chars_of

    if not hasattr(store, "name_keys_reaching"):
        pytest.skip("this store sends every candidate (search scores them all)")
    query = normalize(text)
    wanted = sorted(grams(query))

    def held(key: str) -> int:  # the query's characters a key holds, as multisets
        return sum(min(query.count(c), key.count(c)) for c in set(query))

    def bound(k: Any) -> float:
        if not k.id.isascii() or not k.id.isprintable():
            return 100.0
        keys = [*k.keys, normalize(k.id)]
        whole = set(wanted) <= set().union(*map(grams, keys))  # the query may be in a key
        return max(most_by_chars(query, held(key), len(key), whole) for key in keys)

    def units(k: Any) -> int:
        held = chars_of(k.id, k.keys)
        return sum(u in held for u in cypher_names.char_units(query))

    left_out = 0
    for level in sorted({1, 2, len(wanted) // 2, len(wanted)}):
        read_to = level if cypher_names.lucene_at_least(wanted, level) else 1
        for floor in (60.0, 75.0, 90.0, 100.0 - 1e-6):
            size, to, found = store.name_keys_reaching(wanted, None, 200, 0, level, query,
                                                       floor, 1)
            page = store.name_keys(wanted, None, 200, 0, to)
            kept = [k.id for k in page if bound(k) >= floor]
            if to != read_to:  # read through the characters index, down to `to`
                need = cypher_names.least_chars(query, floor) or 0
                kept = [k.id for k in page if k.id in set(kept) and units(k) >= need]
                assert 1 <= to < level and all(bound(k) < floor or units(k) < need
                                               for k in page if k.id not in set(kept))
            assert (size, [k.id for k in found]) == (len(page), kept)
            assert [k.keys for k in found] == [k.keys for k in page if k.id in set(kept)]
            left_out += len(page) - len(kept)
    assert left_out, "some candidates are left out, not only kept"
