"""A load that fails half-way leaves the store exactly as it was, on both stores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation


def _poisoned_bundle(bad_value: Any) -> Bundle:
    """Two good entities, then a relation whose property no store can write."""
    a = Entity(id="park:atomic-a", label="Park", name="原子甲", name_en="Atomic A")
    b = Entity(id="park:atomic-b", label="Park", name="原子乙", name_en="Atomic B")
    rel = Relation(type="COOPERATES_WITH", start=a.id, end=b.id, source="source:editorial",
                   props={"field": bad_value})
    return Bundle(entities={a.id: a, b.id: b}, relations={rel.key: rel})


def test_embedded_failed_load_keeps_the_file(db: Path) -> None:
    before = db.read_bytes()
    store = EmbeddedStore(db)
    with pytest.raises(TypeError):
        store.load(_poisoned_bundle({1, 2}))  # a set is not JSON: the write fails mid-file
    assert db.read_bytes() == before
    assert not list(db.parent.glob(".estuary-*.tmp")), "the temporary file is removed"
    assert EmbeddedStore(db).label_of("park:atomic-a") is None


def test_neo4j_failed_load_rolls_back(neo4j_store: Any) -> None:
    from graph.store import StoreError

    labels_before, types_before = neo4j_store.counts()
    with pytest.raises(StoreError, match="nothing was loaded"):
        # A map is not a valid property value: the relation batch fails after the
        # entity batches ran, in the same transaction.
        neo4j_store.load(_poisoned_bundle({"nested": "map"}))
    assert neo4j_store.label_of("park:atomic-a") is None
    assert neo4j_store.counts() == (labels_before, types_before)
