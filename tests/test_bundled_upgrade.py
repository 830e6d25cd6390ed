"""A new version of the bundled data takes out what it no longer states, on both stores.

Loading only adds and updates. A fact withdrawn from the bundled data (its only source was an
aggregator page, say) must not live on in a store loaded with an earlier version; what the
user's own files assert stays, even where it cites the withdrawn source's facts' ends.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from estuary.loading import load_files, loaded, unload
from estuary.stores import ensure_bundled
from graph.bundle import Bundle
from graph.model import Entity, Relation
from loaders.bundled import bundled_digest

ROOT = Path(__file__).resolve().parent.parent
OLD_SOURCE = "source:test-withdrawn-page"
# As an older version of the bundled data might have stated them: a fact between two things
# the data still has, citing a page the new version dropped, and a thing only it named.
OLD = Bundle(
    entities={
        OLD_SOURCE: Entity(OLD_SOURCE, "Source", "a page since withdrawn",
                           props={"kind": "media"}),
        "org:test-withdrawn-holder": Entity("org:test-withdrawn-holder", "Organization",
                                            "只在旧版里的公司"),
    },
    relations={r.key: r for r in [
        Relation("MEMBER_OF", "city:wuxi", "region:shanghai-metropolitan-circle", OLD_SOURCE,
                 confidence="low"),
        Relation("CO_BUILDS", "org:test-withdrawn-holder", "park:china-jianghai-park",
                 OLD_SOURCE, confidence="low", props={"share": 60}),
    ]},
)


@pytest.fixture(params=["embedded", "neo4j"])
def older(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A store holding this version's bundled data plus what an older version stated, and
    marked as loaded with that older version."""
    if request.param == "embedded":
        from graph.embedded import EmbeddedStore

        path = tmp_path / "graph.json"
        shutil.copy(request.getfixturevalue("built_db"), path)
        store: Any = EmbeddedStore(path)
    else:
        store = request.getfixturevalue("neo4j_store")
    store.load(OLD, meta={"bundled_digest": "an older version"})
    yield store
    for entry in loaded(store):  # the Neo4j server is shared: leave it as it was
        if Path(entry.file).is_relative_to(tmp_path.resolve()):
            unload(store, entry.file)
    if request.param == "neo4j":
        ensure_bundled(store)
        store.unload(list(OLD.relations), list(OLD.entities))


def _keys(store: Any, entity_id: str) -> set[tuple[str, str, str, str]]:
    return {r.key for r in store.relations_of(entity_id)}


def test_an_upgrade_takes_out_what_the_new_version_no_longer_states(
        older: Any, capsys: pytest.CaptureFixture[str]) -> None:
    before = older.counts()
    ensure_bundled(older)
    assert older.bundled_digest() == bundled_digest()
    assert not _keys(older, "city:wuxi") & set(OLD.relations)
    assert older.label_of("org:test-withdrawn-holder") is None
    assert older.label_of(OLD_SOURCE) is None  # no relation cites it any more
    entities, relations = older.counts()
    assert sum(relations.values()) == sum(before[1].values()) - 2
    assert sum(entities.values()) == sum(before[0].values()) - 2
    # what the new version states is all still there
    assert ("MEMBER_OF", "city:nantong", "region:shanghai-metropolitan-circle",
            "source:seed-article") in _keys(older, "city:nantong")
    assert "no longer states 2 fact(s)" in capsys.readouterr().err


def test_an_upgrade_keeps_what_a_loaded_file_asserts(older: Any, tmp_path: Path) -> None:
    """A user's file that states the withdrawn fact itself keeps it (and its source)."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "sources:\n"
        f"  - {{id: {OLD_SOURCE}, name: my own copy of the page, kind: media,\n"
        "      url: example.org/page, title: a page, publisher: example, published: '2020'}\n"
        "relations:\n"
        "  - {type: MEMBER_OF, from: city:wuxi, to: region:shanghai-metropolitan-circle,\n"
        f"     source: {OLD_SOURCE}, confidence: low}}\n", encoding="utf-8")
    load_files(older, [mine])
    ensure_bundled(older)
    kept = _keys(older, "city:wuxi") & set(OLD.relations)
    assert kept == {("MEMBER_OF", "city:wuxi", "region:shanghai-metropolitan-circle",
                     OLD_SOURCE)}
    assert older.label_of(OLD_SOURCE) == "Source"
    assert older.label_of("org:test-withdrawn-holder") is None  # (no file states it)


def test_the_same_version_again_takes_nothing_out(older: Any) -> None:
    ensure_bundled(older)
    after = older.counts()
    ensure_bundled(older)  # the digest matches: nothing read, nothing written
    assert older.counts() == after
