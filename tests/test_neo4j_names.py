"""Names on Neo4j by index (issue 14): the full-text lookups give the scans' answers."""

from __future__ import annotations

import pytest

from graph import cypher
from graph.names import grams, normalize
from graph.store import MAX_NAME_CANDIDATES

QUERIES = ["南通", "nantong", "苏州工业园区", "上海", "通", "港", "长江口", "海门区", "Suzhou",
           "x", "园区", "集团有限公司", "南通市经济技术开发区", "zz-no-such-name"]


def _ids(entities: list) -> list[str]:
    return [e.id for e in entities]


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("label", [None, "Park", "City"])
def test_name_candidates_match_the_embedded_scan(neo4j_store, embedded_built, text: str,
                                                 label: str | None) -> None:
    wanted = grams(normalize(text))
    assert neo4j_store.name_index_ready()
    for limit in (MAX_NAME_CANDIDATES, 7, 1):
        expected = _ids(embedded_built.name_candidates(wanted, label, limit))
        assert _ids(neo4j_store.name_candidates(wanted, label, limit)) == expected


def test_name_candidates_over_many_grams(neo4j_store, embedded_built) -> None:
    # more grams than one Lucene query may hold: asked in chunks, same answer
    wanted = set()
    for entity in embedded_built.all_entities():
        for key in entity.keys:
            wanted |= grams(key)
    assert len(wanted) > cypher.TERMS_PER_QUERY
    expected = _ids(embedded_built.name_candidates(wanted, None, 50))
    assert _ids(neo4j_store.name_candidates(wanted, None, 50)) == expected


def test_find_by_key_uses_the_index_and_matches_the_scan(neo4j_store, embedded_built) -> None:
    keys = sorted({k for e in embedded_built.all_entities() for k in e.keys})[::7]
    keys += ["南通市", "Nantong", "city:nantong", "", "  ", 'a"b', "\\", "*"]
    for key in keys:
        scan = neo4j_store._read(cypher.FIND_BY_KEY, id=key, key=normalize(key))
        assert _ids(neo4j_store.find_by_key(key)) == [r["node"]["id"] for r in scan]
        assert _ids(neo4j_store.find_by_key(key)) == _ids(embedded_built.find_by_key(key))


def test_a_database_loaded_before_the_indexes_is_scanned_then_indexed(
        neo4j_store, neo4j_settings, embedded_built) -> None:
    from graph.neo4j_store import Neo4jStore

    wanted = grams(normalize("南通"))
    expected = _ids(embedded_built.name_candidates(wanted, None, MAX_NAME_CANDIDATES))
    neo4j_store.driver.execute_query(
        f"MATCH (n:{cypher.ENTITY}) WHERE n.id STARTS WITH 'park:' REMOVE n.{cypher.GRAMS}")
    neo4j_store.driver.execute_query(cypher.DELETE_META, keys=[cypher.NAME_INDEX_META])
    old = Neo4jStore.connect(neo4j_settings)
    try:
        assert not old.name_index_ready()  # the index would miss the parks: scan
        assert _ids(old.name_candidates(wanted, None, MAX_NAME_CANDIDATES)) == expected
        old.index_names()  # what a load does first
        assert old.name_index_ready()
        missing, _, _ = old.driver.execute_query(
            f"MATCH (n:{cypher.ENTITY}) WHERE n.{cypher.GRAMS} IS NULL RETURN count(n) AS n")
        assert missing[0]["n"] == 0
        assert _ids(old.name_candidates(wanted, None, MAX_NAME_CANDIDATES)) == expected
    finally:
        old.close()
        neo4j_store.index_names()
