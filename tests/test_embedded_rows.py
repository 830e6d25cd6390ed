"""The embedded store's rows written without json.dumps (an entity's text, the JSON arrays of
ids a first load binds) are the texts json.dumps gives, byte for byte; and a first load of
ids that JSON must escape (a quote, a backslash, a control character, a NUL) writes the
tables a later (staged) load writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from graph import sqlite_schema as db
from graph.bundle import Bundle
from graph.embedded import EmbeddedStore
from graph.model import Entity, Relation

ODD_IDS = ['org:q"uote', "org:back\\slash", "org:tab\there", "org:nul\x00id", "org:新\u2028行",
           "org:plain"]


@pytest.mark.parametrize("entity", [
    Entity(id="org:a", label="Organization", name="南通"),
    Entity(id='org:"q"', label="Organization", name='a "quoted" \\ name\n', name_en="Nan",
           aliases=("x\x01", "南通市"), description="d\t", props={"b": [1, 2.5], "a": None},
           keys=("nantong", "南通")),
    Entity(id="org:n", label="Park", name="n", props={"level": "national", "área": 3}),
    Entity(id="org:i", label="Park", name="n", aliases=(5,), keys=(None,)),  # type: ignore[arg-type]
])
def test_an_entity_row_is_the_json_text(entity: Entity) -> None:
    expected = db._dumps({"id": entity.id, "label": entity.label, "name": entity.name,
                          "name_en": entity.name_en, "aliases": list(entity.aliases),
                          "description": entity.description, "props": entity.props,
                          "keys": list(entity.keys)})
    assert db.entity_row(entity) == (entity.id, entity.label, expected)
    assert db.entity_of(expected).id == entity.id


@pytest.mark.parametrize("ids", [[], ["a"], ["a", "b"], ['a"b', "c"], ["x\\y"], ["\x1f"],
                                 ["城市:南通", "z\u2028"], ["", ""], ['"'], ["a", '"'],
                                 ["\x00"]])
def test_json_ids_is_the_json_text(ids: list[str]) -> None:
    assert db.json_ids(ids) == db._dumps(ids)


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("entities", "relations", "lookup_keys", "bigrams", "adjacency")}
    finally:
        conn.close()


def test_a_first_load_of_odd_ids_writes_what_a_later_load_writes(tmp_path: Path) -> None:
    ents = [Entity(id=i, label="Organization", name=f"名{n}", name_en=i)
            for n, i in enumerate(ODD_IDS)] + [Entity(id="src:s", label="Source", name="S")]
    rels = [Relation(type="COOPERATES_WITH", start=a, end=b, source="src:s")
            for a in ODD_IDS for b in ODD_IDS if a < b]
    rels.append(Relation(type="MENTIONS", start="src:s", end=ODD_IDS[0], source="src:s"))
    bundle = Bundle(entities={e.id: e for e in ents}, relations={r.key: r for r in rels})
    first, later = tmp_path / "first.db", tmp_path / "later.db"
    EmbeddedStore(first).load(bundle)
    store = EmbeddedStore(later)
    other = [Entity(id=i, label="Organization", name=i) for i in ("org:x", "org:y")]
    held = Relation(type="COOPERATES_WITH", start="org:x", end="org:y", source="src:s")
    store.load(Bundle(entities={e.id: e for e in other}, relations={held.key: held}))
    store.load(bundle)  # (staged: the table holds a relation)
    got, expected = _rows(first), _rows(later)
    assert got == {t: [r for r in rows if not {"org:x", "org:y"} & set(r)]
                   for t, rows in expected.items()}
    assert len(got["adjacency"]) == len(ODD_IDS) * (len(ODD_IDS) - 1)
