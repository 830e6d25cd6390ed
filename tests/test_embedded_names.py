"""The embedded store's search candidates read rarest bigram first (graph/embedded_names.py)
give the same pages as grouping every row of the query's bigrams, and as a scan of every
entity: whichever read the cost rule picks, on the bundled data and on a synthetic graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import embedded_names
from graph.embedded import EmbeddedStore
from graph.names import entity_grams, grams, normalize
from graph.store import rank_candidates

QUERIES = ["南通", "nantong", "jiacheng", "苏州工业园区", "通", "新能源汽车", "Shanghai",
           "nantonggaoxin", "haimen", "qidong gang", "zz", "长江口产业创新协同区", "hai"]


def _scan(store: EmbeddedStore, wanted: set[str], label: str | None) -> dict[str, int]:
    return {e.id: n for e in store.all_entities()
            if (label is None or e.label == label) and (n := len(wanted & entity_grams(e)))}


def _pages(store: EmbeddedStore, wanted: list[str], label: str | None, min_shared: int,
           ) -> list[list[str]]:
    conn = store._read()
    return [embedded_names.ranked_ids(conn, wanted, label, limit, offset, min_shared)
            for limit, offset in ((5000, 0), (3, 0), (1, 0), (4, 2), (50, 7), (0, 0))]


def _expected(shared: dict[str, int], min_shared: int) -> list[list[str]]:
    kept = {i: n for i, n in shared.items() if n >= min_shared}
    return [rank_candidates(kept, offset + limit)[offset:]
            for limit, offset in ((5000, 0), (3, 0), (1, 0), (4, 2), (50, 7), (0, 0))]


@pytest.mark.parametrize("reads", ["levels", "whole"])
@pytest.mark.parametrize("label", [None, "Park", "City"])
def test_both_reads_give_a_scans_pages(embedded_built: EmbeddedStore, label: str | None,
                                       reads: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the cost rule, set so that every read is made level by level, or none is
    monkeypatch.setattr(embedded_names, "_WHOLE_COST", 1e9 if reads == "levels" else -1.0)
    compared = 0
    for text in QUERIES:
        wanted = grams(normalize(text))
        shared = _scan(embedded_built, wanted, label)
        for min_shared in range(1, len(wanted) + 2):
            assert _pages(embedded_built, sorted(wanted), label, min_shared) == \
                _expected(shared, min_shared), (text, min_shared)
            compared += sum(n >= min_shared for n in shared.values())
    assert compared > 100, "the comparison compares something"


def test_a_level_read_stops_at_the_level_that_fills_the_page(
        embedded_built: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """Levels are read only down to the one that fills the page: the rarest bigram's entities
    alone, when enough of them hold every bigram (and its answer is still the scan's)."""
    monkeypatch.setattr(embedded_names, "_WHOLE_COST", 1e9)
    wanted = grams(normalize("南通市"))
    shared = _scan(embedded_built, wanted, None)
    full = [i for i, n in shared.items() if n == len(wanted)]
    assert len(full) >= 2
    statements: list[str] = []
    conn = embedded_built._read()
    conn.set_trace_callback(statements.append)
    try:
        got = embedded_names.ranked_ids(conn, sorted(wanted), None, 2, 0)
    finally:
        conn.set_trace_callback(None)
    assert got == rank_candidates(shared, 2)
    # one level read: the rarest bigram's entities holding every other bigram
    assert sum("FROM bigrams b WHERE b.gram" in s for s in statements) == 1
    assert not any("GROUP BY" in s for s in statements)


def test_a_synthetic_graph_with_common_latin_bigrams(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Pinyin queries on a graph where "ng", "an" and "ji" are held by thousands (the reads
    the level order is for), against a scan, with the cost rule as it is and forced."""
    from bench.synth import synth_bundle

    store = EmbeddedStore(tmp_path / "synth.db")
    store.load(synth_bundle(3000, 9000, 7), meta={})
    store = EmbeddedStore(tmp_path / "synth.db")
    for text in ("jiacheng", "nantong", "haiqingshi", "gangshu", "ruxi"):
        wanted = grams(normalize(text))
        shared = _scan(store, wanted, None)
        for cost in (embedded_names._WHOLE_COST, 1e9, -1.0):
            monkeypatch.setattr(embedded_names, "_WHOLE_COST", cost)
            for min_shared in (1, 2, len(wanted) - 1, len(wanted)):
                assert _pages(store, sorted(wanted), None, min_shared) == \
                    _expected(shared, min_shared), (text, cost, min_shared)
    assert len(shared) > 500
