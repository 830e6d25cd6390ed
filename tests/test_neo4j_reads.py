"""Neo4j round trips (issue 14): relations_of reads the entities at their ends with them."""

from __future__ import annotations

from typing import Any


def _counting(store: Any) -> list[str]:
    """Every query the store reads from now on (the store is the session's: undone by
    the test's monkeypatch)."""
    seen: list[str] = []
    real = type(store)._read

    def read(query: str, **params: Any) -> list[Any]:
        seen.append(query)
        return real(store, query, **params)

    store._read = read
    return seen


def test_the_ends_of_relations_come_with_them(neo4j_store: Any, embedded_built: Any,
                                              monkeypatch: Any) -> None:
    monkeypatch.setattr(neo4j_store, "_read", neo4j_store._read)
    reads = _counting(neo4j_store)
    for entity_id in ("city:nantong", "city:suzhou", "park:tricky-none"):
        rels = neo4j_store.relations_of(entity_id)
        assert rels == embedded_built.relations_of(entity_id)
        ends = {i for r in rels for i in (r.start, r.end)}
        before = len(reads)
        got = neo4j_store.entities(ends)
        assert len(reads) == before, "answered from the relations' read"
        assert got == embedded_built.entities(ends)
        assert list(got) == sorted(got)


def test_the_ends_answer_only_the_next_call(neo4j_store: Any, monkeypatch: Any) -> None:
    rels = neo4j_store.relations_of("city:nantong")
    other = next(r.end if r.start == "city:nantong" else r.start for r in rels)
    old = neo4j_store.entities([other])[other]
    neo4j_store.relations_of("city:nantong")
    neo4j_store.label_of("city:nantong")  # any other read drops them
    monkeypatch.setattr(neo4j_store, "_read", neo4j_store._read)
    reads = _counting(neo4j_store)
    assert neo4j_store.entities([other])[other] == old
    assert reads, "read again"
    neo4j_store.relations_of("city:nantong")
    neo4j_store.entities([other])
    reads.clear()
    neo4j_store.entities([other])
    assert reads, "a second call reads again"
