"""relations_of_many (issue 14): a walk's frontier in one read, the same relations as asking
relations_of once per id; links asks for frontiers, not entity by entity."""

from __future__ import annotations

from typing import Any

import pytest

from graph.follow import Follow, follows
from queries.as_of import dated
from queries.links import VIAS, links

# Hubs, places inside each other (a relation with both ends asked), an industry, a source
# and an id that does not exist.
IDS = ["city:nantong", "city:suzhou", "city:shanghai", "city:chongchuan", "region:yrd",
       "industry:advanced-communications", "source:seed-article", "no:such-entity"]


def _asked(store: Any) -> list[str]:
    assert all(store.label_of(i) for i in IDS[:-1])
    return IDS


def test_the_same_relations_as_one_by_one(store: Any) -> None:
    ids = _asked(store)
    found = store.relations_of_many(ids)
    assert set(found) == set(ids)
    for entity_id in ids:
        assert found[entity_id] == store.relations_of(entity_id), entity_id
    assert found["no:such-entity"] == []
    assert store.relations_of_many([]) == {}


def test_dated_keeps_what_held(store: Any) -> None:
    then = dated(store, "2019")
    ids = _asked(store)
    found = then.relations_of_many(ids)
    assert {i: then.relations_of(i) for i in ids} == found
    assert sum(map(len, found.values())) < sum(map(len, store.relations_of_many(ids).values()))


@pytest.mark.parametrize("types", [["LOCATED_IN"], ["HAS_INDUSTRY", "FOCUSES_ON"],
                                   ["BROADER", "LOCATED_IN", "MEMBER_OF"], []])
def test_only_the_types_asked(store: Any, types: list[str]) -> None:
    ids = _asked(store)
    every = store.relations_of_many(ids)
    found = store.relations_of_many(ids, types)
    assert set(found) == set(ids)
    for entity_id in ids:
        assert found[entity_id] == [r for r in every[entity_id] if r.type in types], entity_id
    then = dated(store, "2019")
    assert then.relations_of_many(ids, types) == {
        i: [r for r in rels if r.type in types] for i, rels in then.relations_of_many(ids).items()}
    if types:
        assert any(found.values()), "the ids have relations of these types"
    assert sum(map(len, found.values())) < sum(map(len, every.values()))


def _follows(rel: Any, me: str, f: Follow, label_of: Any) -> bool:
    if rel.type != f.type:
        return False
    ways = [(rel.start == me, rel.end, "out"), (rel.end == me, rel.start, "in")]
    return any(here and f.direction in (None, way)
               and (f.labels is None or label_of(other) in f.labels)
               and (f.ends is None or other in f.ends)
               for here, other, way in ways)


READS = [
    [Follow("LOCATED_IN", "in", frozenset({"City", "Region"}))],
    [Follow("LOCATED_IN", "out")],
    [Follow("LOCATED_IN", "in", frozenset({"Organization"})), "HAS_INDUSTRY"],
    [Follow("BROADER", "out"), Follow("BROADER", "in", frozenset({"Industry"})),
     Follow("MEMBER_OF", None, frozenset({"Initiative", "Organization", "Region"}))],
    [Follow("LOCATED_IN", "in", frozenset({"Park"})), Follow("CO_BUILDS", "out"),
     Follow("COOPERATES_WITH", None, frozenset({"Park"}))],
    [Follow("LOCATED_IN", None, None, frozenset(IDS)),
     Follow("MEMBER_OF", "out", frozenset({"Region"}), frozenset({"region:yrd", "no:such"}))],
]


@pytest.mark.parametrize("reads", READS, ids=range(len(READS)))
def test_only_the_directions_and_labels_asked(store: Any, reads: list[Any]) -> None:
    """A Follow reads that type in that direction to those labels only, on both stores and
    dated: what the whole read holds, filtered."""
    ids = _asked(store)
    for s in (store, dated(store, "2019")):
        every = s.relations_of_many(ids)
        found = s.relations_of_many(ids, reads)
        assert set(found) == set(ids)
        wanted = [Follow(r) if isinstance(r, str) else r for r in reads]
        for entity_id in ids:
            assert found[entity_id] == [
                r for r in every[entity_id]
                if any(_follows(r, entity_id, f, s.label_of) for f in wanted)], entity_id
    found = store.relations_of_many(ids, reads)
    assert any(found.values()), "the ids have such relations"
    if reads is not READS[3]:  # a direction or a label left some of these types out
        plain = store.relations_of_many(ids, [Follow(r).type if isinstance(r, str) else r.type
                                              for r in reads])
        assert sum(map(len, found.values())) < sum(map(len, plain.values()))


def test_a_type_asked_twice_is_read_wider() -> None:
    city = Follow("LOCATED_IN", "in", frozenset({"City"}))
    assert follows([city, Follow("LOCATED_IN", "in", frozenset({"Park"}))]) == [
        Follow("LOCATED_IN", "in", frozenset({"City", "Park"}))]
    assert follows([city, Follow("LOCATED_IN", "out")]) == [Follow("LOCATED_IN")]
    assert follows([city, "LOCATED_IN", "BROADER"]) == [Follow("BROADER"), Follow("LOCATED_IN")]
    among = Follow("UPSTREAM_OF", ends=frozenset({"a", "b"}))
    assert follows([among, Follow("UPSTREAM_OF", ends=frozenset({"c"}))]) == [
        Follow("UPSTREAM_OF", ends=frozenset({"a", "b", "c"}))]
    assert among.covers(Follow("UPSTREAM_OF", "in", ends=frozenset({"a"})))
    assert not among.covers(Follow("UPSTREAM_OF", "in"))
    assert Follow("LOCATED_IN", "in").covers(city) and not city.covers(Follow("LOCATED_IN"))


def test_neo4j_reads_the_ends_with_them(neo4j_store: Any, embedded_built: Any,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = type(neo4j_store)._read

    def read(query: str, **params: Any) -> list[Any]:
        seen.append(query)
        return real(neo4j_store, query, **params)

    monkeypatch.setattr(neo4j_store, "_read", read)
    found = neo4j_store.relations_of_many(["city:nantong", "city:suzhou"])
    assert len(seen) == 1
    ends = {i for rels in found.values() for r in rels for i in (r.start, r.end)}
    assert neo4j_store.entities(ends) == embedded_built.entities(ends)
    assert len(seen) == 1, "the entities came with the relations"


class Counting:
    """The store, counting the relation reads a question makes."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.reads, self.expanded, self.relations = inner, 0, 0, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def relations_of(self, entity_id: str) -> Any:
        self.reads += 1
        self.expanded += 1
        return self.inner.relations_of(entity_id)

    def relations_of_many(self, ids: Any, types: Any = None) -> Any:
        ids = list(ids)
        self.reads += 1
        self.expanded += len(ids)
        found = self.inner.relations_of_many(ids, types)
        self.relations += sum(map(len, found.values()))
        return found


@pytest.mark.parametrize("via", sorted(VIAS))
def test_links_reads_frontiers(embedded_built: Any, via: str) -> None:
    counting = Counting(embedded_built)
    got = links(counting, "南通", "苏州", via=via, top=None)
    assert got.to_dict() == links(embedded_built, "南通", "苏州", via=via, top=None).to_dict()
    # A read per level of the walks, not per entity (bundled graph: industry expands 62
    # entities in 3 reads, any 64 in 4, park 21 in 3; before, a read per entity).
    assert counting.reads <= 5, (counting.expanded, counting.reads)
    assert counting.expanded > 3 * counting.reads, (counting.expanded, counting.reads)
