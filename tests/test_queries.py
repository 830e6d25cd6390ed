"""The query catalogue on both stores: each test runs once per store (see the `store` fixture)."""

from __future__ import annotations

import pytest

from graph.model import to_jsonable
from queries.errors import AmbiguousEntity, EntityNotFound, NoLinks, NoPath
from queries.links import links
from queries.neighbors import neighbors
from queries.paths import shortest_paths
from queries.resolve import resolve
from queries.search import search
from queries.show import show
from queries.stats import stats


@pytest.mark.parametrize("text", ["南通", "Nantong", "nantong", "NANTONG", "南通市", "通",
                                  "city:nantong", " Nan Tong "])
def test_resolve_any_name_form(store, text: str) -> None:
    assert resolve(store, text).id == "city:nantong"


def test_resolve_ambiguous_lists_candidates(store) -> None:
    with pytest.raises(AmbiguousEntity) as err:
        resolve(store, "苏")
    ids = [e.id for e in err.value.candidates]
    assert "city:suzhou" in ids and "region:jiangsu" in ids
    assert "'苏' is ambiguous: " in str(err.value)


def test_resolve_unknown_suggests_closest(store) -> None:
    with pytest.raises(EntityNotFound) as err:
        resolve(store, "Nantongg")
    assert err.value.suggestions[0].id == "city:nantong"
    assert "did you mean: 南通 (Nantong) [city:nantong]" in str(err.value)


def test_search_ranks_exact_pinyin_first(store) -> None:
    hits = search(store, "suzhou").hits
    assert hits[0].entity.id == "city:suzhou"
    assert hits[0].score == 100.0


def test_search_english_substring(store) -> None:
    ids = [h.entity.id for h in search(store, "Industrial Park", limit=20).hits]
    assert "park:sip" in ids


def test_show_groups_relations_and_sources(store) -> None:
    detail = show(store, "南通")
    groups = detail.grouped()
    tiers = {e.other.name for e in groups["HAS_INDUSTRY"]
             if e.relation.props.get("tier") == "千亿级"}
    assert tiers == {"船舶海工", "高端纺织", "新一代信息技术", "高端装备", "新材料", "新能源"}
    assert "source:seed-article" in {s.id for s in detail.sources}
    assert all(e.relation.evidence for e in groups["HAS_INDUSTRY"]
               if e.relation.source == "source:seed-article")


def test_neighbors_depth_and_label(store) -> None:
    one = neighbors(store, "南通", depth=1)
    assert {n.distance for n in one.neighbors} == {1}
    parks = neighbors(store, "南通", depth=2, label="Park")
    assert parks.neighbors and all(n.entity.label == "Park" for n in parks.neighbors)
    assert all(n.entity.label != "Source" for n in neighbors(store, "南通", depth=2).neighbors)


def test_shortest_paths_carry_evidence(store) -> None:
    result = shortest_paths(store, "南通", "苏州工业园区")
    assert result.paths
    first = result.paths[0]
    assert first.nodes[0].id == "city:nantong" and first.nodes[-1].id == "park:sip"
    assert all(hop for hop in first.hops), "every hop has at least one relation"
    lengths = {p.length for p in result.paths}
    assert len(lengths) == 1, "all returned paths are shortest"


def test_no_path_is_an_error(store) -> None:
    with pytest.raises(NoPath) as err:
        shortest_paths(store, "启东", "苏州", max_hops=1)
    assert str(err.value) == "no path of up to 1 hops between 启东市 (Qidong) and 苏州 (Suzhou)"


def test_nothing_links_an_entity_to_itself(store) -> None:
    with pytest.raises(NoLinks) as err:
        links(store, "南通", "南通市", via="industry")
    assert str(err.value) == "no industry link between 南通 (Nantong) and 南通 (Nantong)"


def test_no_links_says_what_to_try(store) -> None:
    # 启东 LOCATED_IN 南通 (gbt-2260): nothing links a county to its own city.
    with pytest.raises(NoLinks) as err:
        links(store, "南通", "启东", via="any")
    assert "one lies in the other (LOCATED_IN): `estuary why city:nantong city:qidong`" in str(
        err.value)
    with pytest.raises(NoLinks) as err:
        links(store, "集成电路", "新能源", via="industry")
    assert str(err.value).endswith("; try --via any or --broad")


def test_links_nantong_suzhou_by_industry(store) -> None:
    result = links(store, "南通", "苏州", via="industry")
    ids = [link.entity.id for link in result.links]
    assert ids, "Nantong and Suzhou are linked through industries"
    # Differently named industries meet in the national taxonomy, but only with --broad.
    assert "industry:cat-next-gen-it" not in ids
    broad = [link.entity.id for link in links(store, "南通", "苏州", via="industry",
                                              broad=True, top=None).links]
    assert {"industry:cat-next-gen-it", "industry:cat-new-materials"} <= set(broad)
    scores = [link.strength for link in result.links]
    assert scores == sorted(scores, reverse=True)
    for link in result.links:
        for path in link.paths:
            assert path.nodes[0].id == "city:nantong" and path.nodes[-1].id == "city:suzhou"
            assert link.entity in path.nodes
            for hop in path.hops:
                assert hop, "every hop is backed by a relation"
                for rel in hop:
                    assert rel.source
                    if rel.source == "source:seed-article":
                        assert rel.evidence


def test_links_via_park(store) -> None:
    result = links(store, "南通", "苏州", via="park")
    ids = [link.entity.id for link in result.links]
    assert any(i.startswith("park:") for i in ids)
    assert all(link.entity.label == "Park" for link in result.links)


def test_stats_counts(store) -> None:
    result = stats(store)
    assert result.labels["City"] >= 10
    assert result.types["HAS_INDUSTRY"] >= 6
    assert "Entity" not in result.labels


def test_results_are_json_ready(store) -> None:
    import json

    payload = to_jsonable(links(store, "南通", "苏州"))
    text = json.dumps(payload, ensure_ascii=False)
    assert '"id": "city:nantong"' in text
    for entity in (payload["from"], payload["to"]):
        assert set(entity) >= {"id", "label", "name", "name_en"}


def test_the_light_registries_name_the_real_kinds() -> None:
    """queries.choices restates the kinds' names (so the CLI need not import them): they must
    be exactly the kinds queries.link_kinds defines, and every --via must name real ones."""
    from queries.choices import KIND_NAMES, VIAS
    from queries.link_kinds import KINDS

    assert tuple(KINDS) == KIND_NAMES
    assert all(set(via.kinds) <= set(KINDS) for via in VIAS.values())
    assert VIAS["any"].kinds == tuple(KINDS)
