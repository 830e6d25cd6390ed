"""Neo4j search reads a level of candidates through the characters index (issue 14): a
node holding too few of the query's characters to score is not read, and the answers stay
those of the embedded store, which scores every candidate."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from graph import cypher, cypher_names
from graph.names import normalize
from graph.neo4j_rows import chars_of
from queries.search import _score, search


def _strings(rng: random.Random, alphabet: str, n: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(n)]


@pytest.mark.parametrize("alphabet", ["ab", "abc", "abcdefgh", "南通苏州市海门港"])
def test_a_key_scoring_the_floor_holds_the_least_characters(alphabet: str) -> None:
    rng = random.Random(alphabet + "least")
    queries, keys = _strings(rng, alphabet, 150), _strings(rng, alphabet, 150)
    tight = 0
    for query in queries:
        for key in keys:
            score, _ = _score(query, [key])
            held = len(set(cypher_names.char_units(query)) & chars_of("", [key]))
            # (search asks for its floor less 1e-6: the scorer's floats)
            for floor in (60.0, 62.5, 75.0, 90.0, score - 1e-6):
                need = cypher_names.least_chars(query, floor)
                if score >= floor:
                    assert need != 0 and held >= (need or 0), (query, key, floor, score)
            need = cypher_names.least_chars(query, score - 1e-6)
            tight += need is not None and held == need
    assert tight, "the bound is reached, not only held"


def test_least_characters_of_the_suffix_case() -> None:
    # 有限公司 shares three bigrams with the query but holds four of its six characters:
    # a key must hold a fifth to reach 62.5 (a six-character key with LCS 5).
    assert cypher_names.least_chars("泰通有限公司", 62.5) == 5
    assert cypher_names.least_chars("泰通有限公司", 60.0) == 4
    # 吴 twice: a node holds it as 吴 and, if a key holds it twice, 吴2
    assert set(cypher_names.char_units("吴吴北研究院")) == {*"吴北研究院", "吴2"}
    assert chars_of("x", ["吴吴吴"]) == {"吴", "吴2", "吴3", "x"}
    assert cypher_names.least_chars("ab", 101.0) == 0


def test_exact_at_least_matches_only_when_it_is_exact() -> None:
    terms = [f"t{i}" for i in range(12)]
    assert cypher_names.exact_at_least(terms, 1) == cypher.lucene_terms(terms)[0]
    assert cypher_names.exact_at_least(terms, 12) is not None
    assert cypher_names.exact_at_least([f"t{i}" for i in range(40)], 20) is None
    assert cypher_names.exact_at_least(terms, 13) is None


def test_chars_of_are_what_search_scores() -> None:
    tokens = chars_of("park:Ab-1", ["南通", "nt"])
    assert {t for t in tokens if len(t) == 1} == set("南通nt") | set(normalize("park:Ab-1"))


def _synthetic() -> Any:
    from bench.synth import synth_bundle

    return synth_bundle(3000, 6000, 11)


@pytest.fixture(scope="module")
def synthetic_stores(neo4j_store: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The Neo4j test store and an embedded one, both holding the same synthetic graph
    (its names share suffixes the way an enterprise list's do); the bundled data after."""
    from estuary.stores import ensure_bundled
    from graph.embedded import EmbeddedStore
    from tests.conftest import wipe_neo4j

    bundle = _synthetic()
    embedded = EmbeddedStore(Path(tmp_path_factory.mktemp("synth")) / "graph.db")
    embedded.load(bundle)
    wipe_neo4j(neo4j_store)
    try:
        neo4j_store.load(bundle)
        yield neo4j_store, embedded, bundle
    finally:
        wipe_neo4j(neo4j_store)
        ensure_bundled(neo4j_store)


def _queries(bundle: Any) -> list[str]:
    rng = random.Random(5)
    names = sorted(e.name for e in bundle.entities.values() if e.label != "Source")
    picked = rng.sample(names, 40)
    # near misses: one character changed, dropped, or a name's suffix alone
    return [*picked, *(n[1:] for n in picked[:10]), *(n[:-1] + "区" for n in picked[10:20]),
            "有限公司", "研究院", "集团"]


def test_levels_by_characters_give_the_embedded_answers(synthetic_stores: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    neo4j, embedded, bundle = synthetic_stores
    assert neo4j.name_chars_ready()
    used = []
    level = type(neo4j)._char_levels

    def spy(self: Any, *args: Any) -> Any:
        page = level(self, *args)
        used.append(page is not None)
        return page

    monkeypatch.setattr(type(neo4j), "_char_levels", spy)
    for text in _queries(bundle):
        for limit, label in ((10, None), (3, None), (10, "Organization")):
            got = search(neo4j, text, limit=limit, label=label)
            want = search(embedded, text, limit=limit, label=label)
            assert got.to_dict() == want.to_dict(), (text, limit, label)
    assert sum(used) >= 20, "levels were read through the characters index"


def test_a_database_indexed_before_the_characters_is_given_them_once(
        synthetic_stores: Any, neo4j_settings: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from graph.neo4j_store import Neo4jStore

    neo4j, embedded, bundle = synthetic_stores
    texts = _queries(bundle)[:12]
    want = [search(embedded, t).to_dict() for t in texts]
    neo4j.driver.execute_query(
        f"MATCH (n:{cypher.ENTITY}) WHERE n.id STARTS WITH 'org:' REMOVE n.{cypher.CHARS}")
    neo4j.driver.execute_query(cypher.DELETE_META, keys=[cypher.NAME_CHARS_META])
    old = Neo4jStore.connect(neo4j_settings)
    try:
        assert not old.name_chars_ready()  # searched without the characters, as before
        assert [search(old, t).to_dict() for t in texts] == want
        capsys.readouterr()
        old.index_names()  # what a load does first
        assert "given their characters" in capsys.readouterr().err
        assert old.name_chars_ready()
        missing, _, _ = old.driver.execute_query(
            f"MATCH (n:{cypher.ENTITY}) WHERE n.{cypher.CHARS} IS NULL RETURN count(n) AS n")
        assert missing[0]["n"] == 0
        assert [search(old, t).to_dict() for t in texts] == want
        old.index_names()  # once: nothing more to give, nothing said
        assert "characters" not in capsys.readouterr().err
    finally:
        old.close()
    neo4j._name_chars = None


def _latin_queries(bundle: Any) -> list[str]:
    """English names and pinyin keys of the synthetic graph, whole, cut short, misspelt."""
    rng = random.Random(14)
    entities = sorted((e for e in bundle.entities.values() if e.label != "Source"),
                      key=lambda e: e.id)
    out = []
    for e in rng.sample(entities, 25):
        py = min((k for k in e.keys if k.isascii()), key=len, default="")
        at = rng.randrange(1, max(2, len(py) - 1))
        out += [e.name_en or py, py, py[:max(3, len(py) // 2)], py[:at] + "x" + py[at + 1:],
                py[:at] + py[at + 1:]]
    return [q for q in out if q] + ["Suzhou Industrial Park", "Nantnog", "jiacheng"]


def test_latin_searches_give_the_embedded_answers(synthetic_stores: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """English and pinyin searches: Neo4j's cut of what cannot score (the characters a key
    holds as multisets, the id bounded by its length, 100 only where every bigram is held)
    leaves the answers as the embedded store's; the characters index, which Latin letters
    would match nearly whole, is never read for them."""
    neo4j, embedded, bundle = synthetic_stores
    read = []
    level = type(neo4j)._char_levels

    def spy(self: Any, *args: Any) -> Any:
        page = level(self, *args)
        read.append(page is not None)
        return page

    monkeypatch.setattr(type(neo4j), "_char_levels", spy)
    queries = _latin_queries(bundle)
    assert len(queries) >= 120
    hits = 0
    for text in queries:
        for limit, label in ((10, None), (3, "Organization")):
            got = search(neo4j, text, limit=limit, label=label)
            assert got.to_dict() == search(embedded, text, limit=limit, label=label).to_dict(), \
                (text, limit, label)
            hits += len(got.hits)
    assert hits > len(queries), "the searches find things"
    assert not any(read), "no Latin search read the characters index"
