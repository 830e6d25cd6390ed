"""Expected answers of `links`, written from the records in data/ before the ranking code.

Each expectation names the records that justify it (relation: from -TYPE-> to, file). They
assert presence, absence and order of specific records, never counts, so that data added
later (more places, more sources) cannot break them unless it contradicts them.

Kinds (queries/link_kinds.py): co-built-park (an actor of each side CO_BUILDS it; a district
or county acts for its city, a company or agency for the place it is LOCATED_IN),
hosted-park (one side builds or hosts it, the other hosts it), partner-park (one side
builds or hosts it and it COOPERATES_WITH the other), cooperation (an actor of one side
COOPERATES_WITH an actor of the other), shared-industry, industry-chain,
shared-membership, shared-mechanism, shared-infrastructure (a bridge, tunnel, railway, port or
airport that CONNECTS a place of each side), learning.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.compare import compare
from queries.links import links

PARK_KINDS = {"co-built-park", "hosted-park", "partner-park"}


def _rows(result: Any) -> list[tuple[str, str]]:
    return [(link.kind, link.entity.id) for link in result.links]


def _ids(result: Any, kind: str | None = None) -> list[str]:
    return [link.entity.id for link in result.links if kind is None or link.kind == kind]


# -- 1. 南通–上海, --via park ------------------------------------------------------------------
# Parks both sides co-build, directly or through their districts/companies:
#   启东—浦东产业创新协同园区: city:qidong and city:pudong -CO_BUILDS->
#     park:qidong-pudong-collab-park
#     (data/curated/parks.yaml, source:facts-nantong-cppcc-two-supports); 启东 LOCATED_IN 南通,
#     浦东 LOCATED_IN 上海 (data/places, source:gbt-2260).
#   启东—崇明产业创新协同园区: city:qidong, city:chongming -CO_BUILDS->
#     park:qidong-chongming-collab-park
#     (same source); 崇明 LOCATED_IN 上海.
#   外高桥（启东）: city:qidong (role host) and org:waigaoqiao-group -CO_BUILDS->
#     park:waigaoqiao-qidong-park (source:facts-sohu-waigaoqiao-qidong); org:waigaoqiao-group
#     LOCATED_IN city:shanghai.
#   中国江海产业园: city:qidong and org:shanghai-chengtou -CO_BUILDS-> park:china-jianghai-park
#     (source:facts-yicai-jianghai-2011, source:facts-shfjr-jianghai-park);
#     上海城投 LOCATED_IN 上海.
#   上海市北高新（南通）科技城: city:gangzha and org:shibei-hi-tech -CO_BUILDS->
#     park:shibei-nantong-science-city (source:facts-ourjiangsu-shibei); 港闸 LOCATED_IN 南通
#     (gbt-2260, until 2020-07) and LOCATED_IN 崇川 (since 2020-07); 市北高新 LOCATED_IN 静安
#     (source:facts-chinadevelopment-shibei-jingan), 静安 LOCATED_IN 上海.
NT_SH_COBUILT = {"park:qidong-pudong-collab-park", "park:qidong-chongming-collab-park",
                 "park:waigaoqiao-qidong-park", "park:china-jianghai-park",
                 "park:shibei-nantong-science-city"}


def test_nantong_shanghai_parks_top_rows_are_the_co_built_ones(store) -> None:
    result = links(store, "南通", "上海", via="park", top=None)
    rows = _rows(result)
    top = rows[:len(NT_SH_COBUILT)]
    assert {entity for _, entity in top} == NT_SH_COBUILT
    assert {kind for kind, _ in top} == {"co-built-park"}
    # Every row is a park kind: none stands on a learning relation or a shared industry.
    assert {kind for kind, _ in rows} <= PARK_KINDS
    # 南通 LEARNS_FROM park:sip / park:hetao / park:shenshan (seed-article); neither side
    # builds or hosts them together, so they are no park link of 南通 and 上海.
    for learned in ("park:sip", "park:hetao", "park:shenshan"):
        assert learned not in _ids(result)


def test_nantong_shanghai_hosted_and_partner_parks_rank_below_co_built(store) -> None:
    # 南通研发中心: city:nantong -CO_BUILDS-> park:nantong-rd-centers, which is LOCATED_IN
    # city:shanghai (seed-article): Nantong builds, Shanghai hosts.
    # 半导体装备和材料启东产业园: city:qidong -CO_BUILDS->, park -COOPERATES_WITH-> city:pudong
    # (source:facts-whb-qidong-pudong-platforms): a partner, not a co-builder.
    result = links(store, "南通", "上海", via="park", top=None)
    rows = _rows(result)
    assert ("hosted-park", "park:nantong-rd-centers") in rows
    assert ("partner-park", "park:qidong-semiconductor-park") in rows
    last_cobuilt = max(i for i, (kind, _) in enumerate(rows) if kind == "co-built-park")
    first_other = min(i for i, (kind, _) in enumerate(rows) if kind != "co-built-park")
    assert last_cobuilt < first_other


# -- 2. 南通–苏州, --via park and --via co-built -------------------------------------------------
#   苏锡通科技产业园区: city:nantong and city:suzhou -CO_BUILDS-> park:suxitong-park since 2020-05
#     (source:facts-xinjiapo-suxitong).
#   苏通科技产业园: org:cssd (LOCATED_IN city:suzhou) and org:nantong-etdz (LOCATED_IN
#     city:nantong) -CO_BUILDS-> park:sutong-park until 2020-05 (source:facts-cnfina-sutong-park).
#   Not co-built: 南通研发中心 and 离岸创新中心 (Nantong builds them, they are LOCATED_IN Suzhou),
#   示范区 park:yrd-green-demo-zone (LOCATED_IN city:wujiang; Nantong only LEARNS_FROM it),
#   锡通 park:xitong-park (Nantong and Wuxi, not Suzhou).
def test_nantong_suzhou_co_built_parks_only(store) -> None:
    result = links(store, "南通", "苏州", via="co-built", top=None)
    ids = _ids(result)
    assert {"park:suxitong-park", "park:sutong-park"} <= set(ids)
    for not_cobuilt in ("park:nantong-rd-centers", "park:offshore-innovation-centers",
                        "park:yrd-green-demo-zone", "park:xitong-park", "park:sip"):
        assert not_cobuilt not in ids
    assert {link.kind for link in result.links} == {"co-built-park"}


def test_nantong_suzhou_parks_put_co_built_first(store) -> None:
    rows = _rows(links(store, "南通", "苏州", via="park", top=None))
    assert {e for _, e in rows[:2]} == {"park:suxitong-park", "park:sutong-park"}
    assert ("hosted-park", "park:nantong-rd-centers") in rows
    assert "park:xitong-park" not in [e for _, e in rows]


def test_parks_as_of_a_date(store) -> None:
    # Sutong's co-builders until 2020-05, Suxitong's since 2020-05 (records above).
    before = _ids(links(store, "南通", "苏州", via="co-built", as_of="2019"))
    after = _ids(links(store, "南通", "苏州", via="co-built", as_of="2021-01"))
    assert "park:sutong-park" in before and "park:suxitong-park" not in before
    assert "park:suxitong-park" in after and "park:sutong-park" not in after


# -- 3. 南通–苏州, --via industry ---------------------------------------------------------------
#   Same node: city:nantong and city:suzhou -HAS_INDUSTRY-> industry:integrated-circuits
#     (facts-nantong-gxj-616, facts-suzhou-future-industries), industry:new-energy (same), and
#     industry:high-end-textiles (facts-nantong-gxj-616, facts-jschina-suzhou-industrial-system).
#   One level: 南通 industry:biomedicine-medical-devices -BROADER-> industry:biomedicine, which
#     苏州 has (facts-suzhou-future-industries).
#   Top-level categories (level: category, e.g. industry:cat-next-gen-it) only with --broad.
def test_nantong_suzhou_shared_industries(store) -> None:
    result = links(store, "南通", "苏州", via="industry", top=None)
    shared = [link for link in result.links if link.kind == "shared-industry"]
    exact = [link.entity.id for link in shared if link.distance == 0]
    assert {"industry:integrated-circuits", "industry:new-energy",
            "industry:high-end-textiles"} <= set(exact)
    assert any(link.entity.id == "industry:biomedicine" and link.distance == 1
               for link in shared)
    assert not any(link.entity.props.get("level") == "category" for link in result.links)
    # Same node ranks above a step through the taxonomy, other things equal.
    ranked = [link.entity.id for link in shared]
    assert ranked.index("industry:integrated-circuits") < ranked.index("industry:biomedicine")


def test_broad_adds_top_level_categories(store) -> None:
    result = links(store, "南通", "苏州", via="industry", broad=True, top=None)
    assert "industry:cat-next-gen-it" in _ids(result, "shared-industry")


def test_compare_and_links_agree_on_shared_industries(store) -> None:
    for a, b in (("南通", "苏州"), ("南通", "上海")):
        linked = links(store, a, b, via="industry", top=None)
        from_links = {link.entity.id for link in linked.links
                      if link.kind == "shared-industry" and link.distance == 0}
        compared = {e.id for e in compare(store, a, b).shared_entities("industries")}
        assert from_links == compared


# -- 4. 南通–上海, --via industry ---------------------------------------------------------------
#   Same node: industry:integrated-circuits and industry:high-end-equipment (南通:
#     facts-nantong-gxj-616; 上海: facts-chinacom-shanghai-future-industries).
#   One level: 上海 industry:integrated-circuits -BROADER-> industry:next-gen-it, which 南通 has.
def test_nantong_shanghai_shared_industries(store) -> None:
    shared = [link for link in links(store, "南通", "上海", via="industry", top=None).links
              if link.kind == "shared-industry"]
    exact = {link.entity.id for link in shared if link.distance == 0}
    assert {"industry:integrated-circuits", "industry:high-end-equipment"} <= exact
    assert any(link.entity.id == "industry:next-gen-it" and link.distance == 1
               for link in shared)


# -- 5. 南通–苏州, --via chain ------------------------------------------------------------------
#   industry:integrated-circuits and industry:electronic-components -UPSTREAM_OF->
#   industry:electronic-information (data/curated/industries-neighbours.yaml, editorial);
#   南通 has both upstream ones, 苏州 has 电子信息 (facts-suzhou-future-industries).
def test_nantong_suzhou_industry_chain(store) -> None:
    result = links(store, "南通", "苏州", via="chain", top=None)
    assert {link.kind for link in result.links} == {"industry-chain"}
    assert "industry:electronic-information" in _ids(result)


# -- 6. 南通–苏州, --via membership -------------------------------------------------------------
#   Both MEMBER_OF org:hu-su-tong-alliance and region:su-xi-chang-tong-circle (seed-article),
#   region:shanghai-metropolitan-circle (seed-article; facts-163-metropolitan-circle), both
#   PARTICIPATES_IN initiative:sutong-cross-river-integration (seed-article).
def test_nantong_suzhou_memberships(store) -> None:
    ids = _ids(links(store, "南通", "苏州", via="membership", top=None), "shared-membership")
    assert {"org:hu-su-tong-alliance", "region:su-xi-chang-tong-circle",
            "initiative:sutong-cross-river-integration"} <= set(ids)
    # (not the Shanghai circle: only self-media pages name Suzhou in it)
    assert "region:shanghai-metropolitan-circle" not in ids


# -- 7. 南通–上海, --via learning and --via mechanism -------------------------------------------
#   city:nantong -LEARNS_FROM-> city:pudong (a district of 上海, gbt-2260) and region:lingang
#   (LOCATED_IN 上海, facts-thepaper-lingang), both seed-article.
#   All three cities ADOPTS mechanism:park-co-construction (data/core/relations-3-parks.yaml).
def test_nantong_shanghai_learning_and_mechanism(store) -> None:
    learning = _ids(links(store, "南通", "上海", via="learning", top=None), "learning")
    assert {"city:pudong", "region:lingang"} <= set(learning)
    assert "park:sip" not in learning  # SIP is in Suzhou
    mechanisms = _ids(links(store, "南通", "上海", via="mechanism", top=None),
                      "shared-mechanism")
    assert "mechanism:park-co-construction" in mechanisms


# -- 8. 南通–苏州, --via learning; 上海–苏州, --via park ----------------------------------------
#   南通 LEARNS_FROM park:sip, LOCATED_IN 苏州 (facts-suzhou-gov-sip).
#   park:yrd-green-demo-zone is LOCATED_IN city:qingpu (上海) and city:wujiang (苏州)
#   (facts-xinhua-green-demo-zone): both host it, neither is recorded as building it.
def test_learning_from_sip_and_a_zone_both_host(store) -> None:
    assert "park:sip" in _ids(links(store, "南通", "苏州", via="learning", top=None), "learning")
    rows = _rows(links(store, "上海", "苏州", via="park", top=None))
    assert ("hosted-park", "park:yrd-green-demo-zone") in rows
    assert not any(kind == "co-built-park" and e == "park:yrd-green-demo-zone" for kind, e in rows)


# -- 9. crossings: 南通–张家港, 南通–上海, --via infrastructure ---------------------------
#   infra:hu-su-tong-bridge and infra:hu-su-tong-railway CONNECTS city:nantong and
#   city:zhangjiagang (data/curated/infrastructure.yaml, source:facts-slrbs-xinhua-hu-su-tong);
#   张家港 LOCATED_IN 苏州. infra:chongqi-bridge CONNECTS city:qidong (LOCATED_IN 南通) and
#   city:chongming (LOCATED_IN 上海) (source:facts-gmw-chongqi-bridge).
#   infra:shanghai-yangtze-tunnel-bridge CONNECTS city:pudong and city:chongming, both in 上海:
#   it links nothing of 南通's.
def test_crossings_link_places_through_their_districts(store) -> None:
    shared = "shared-infrastructure"
    ids = _ids(links(store, "南通", "张家港", via="infrastructure", top=None), shared)
    assert {"infra:hu-su-tong-bridge", "infra:hu-su-tong-railway"} <= set(ids)
    ids = _ids(links(store, "南通", "上海", via="infrastructure", top=None), shared)
    assert "infra:chongqi-bridge" in ids
    assert "infra:shanghai-yangtze-tunnel-bridge" not in ids


# -- 10. a tie stated between the two: --via cooperation ------------------------------------------
#   city:nantong -COOPERATES_WITH-> city:suzhou (data/core/relations-1-mission.yaml, seed-article).
#   org:nantong-etdz -COOPERATES_WITH-> org:waigaoqiao-group (data/curated/parks-national.yaml,
#   source:facts-netda-waigaoqiao-2020); org:nantong-etdz is seated in 南通, org:waigaoqiao-group
#   in 上海. park:nantong-comprehensive-bonded-zone -COOPERATES_WITH-> org:waigaoqiao-group is a
#   park's partnership: partner-park, not cooperation.
def test_a_stated_cooperation_is_a_link(store) -> None:
    rows = _rows(links(store, "南通", "苏州", via="any", top=None))
    assert ("cooperation", "city:suzhou") in rows
    rows = _rows(links(store, "org:nantong-etdz", "org:waigaoqiao-group", via="any", top=None))
    assert ("cooperation", "org:waigaoqiao-group") in rows
    rows = _rows(links(store, "南通", "上海", via="cooperation", top=None))
    assert ("cooperation", "org:nantong-etdz") in rows  # the ETDZ seated in 南通
    assert all(kind == "cooperation" for kind, _ in rows)
    assert not any(e.startswith("park:") for _, e in rows)
    # the same company's row whichever side is named first
    assert ("cooperation", "org:nantong-etdz") in _rows(links(store, "上海", "南通",
                                                             via="cooperation", top=None))


def test_two_parks_that_cooperate_are_linked(store) -> None:
    # park:jinqiao-huangqiao -COOPERATES_WITH-> park:jinqiao-etdz (data/curated/parks-cobuilt.yaml)
    rows = _rows(links(store, "park:jinqiao-huangqiao", "park:jinqiao-etdz", via="any",
                       top=None))
    assert ("cooperation", "park:jinqiao-etdz") in rows


def test_co_building_outranks_cooperation(store) -> None:
    rows = links(store, "南通", "上海", via="any", top=None).links
    co_built = max(r.strength for r in rows if r.kind == "co-built-park")
    assert all(r.strength < co_built for r in rows if r.kind == "cooperation")


def test_a_line_not_yet_open_says_so_in_its_dates(store) -> None:
    # infra:zhangjinggao-bridge: status under-construction (data/curated/infrastructure.yaml)
    rows = links(store, "南通", "张家港", via="infrastructure", top=None).links
    by_id = {r.entity.id: r for r in rows}
    assert by_id["infra:zhangjinggao-bridge"].dates.endswith("under construction")
    assert "construction" not in by_id["infra:hu-su-tong-bridge"].dates  # open
    # it counts half (a plan is a weaker tie), and says its status in --json too
    assert by_id["infra:zhangjinggao-bridge"].strength < by_id["infra:hu-su-tong-bridge"].strength
    assert by_id["infra:zhangjinggao-bridge"].to_dict()["status"] == "under-construction"


def test_a_line_not_yet_open_does_not_hold_as_of_a_date(store) -> None:
    # infra:chongqi-bridge opened 2011-12-24; infra:chonghai-crossing is planned and
    # infra:chongqi-rail-road-bridge under construction (data/curated/infrastructure.yaml)
    ids = set(_ids(links(store, "南通", "上海", via="infrastructure", top=None,
                         as_of="2012")))
    assert "infra:chongqi-bridge" in ids
    assert not ids & {"infra:chonghai-crossing", "infra:chongqi-rail-road-bridge"}
    assert "infra:chongqi-bridge" not in set(_ids(links(
        store, "南通", "上海", via="any", top=None, as_of="2010")))  # not yet open


def test_a_shared_line_ranks_below_co_building(store) -> None:
    rows = links(store, "南通", "上海", via="any", top=None).links
    best = {kind: max(r.strength for r in rows if r.kind == kind)
            for kind in ("co-built-park", "shared-infrastructure")}
    assert best["co-built-park"] > best["shared-infrastructure"]


# -- every row carries its evidence ------------------------------------------------------------

def test_rows_carry_kind_strength_sources_and_evidence(store) -> None:
    data = links(store, "南通", "上海", via="park").to_dict()
    assert data["ranking"]
    for row in data["links"]:
        assert row["kind"] in PARK_KINDS
        assert 0 < row["strength"] <= 100
        assert row["sources"] >= 1
        assert row["evidence"]["source"]
        assert row["evidence"]["type"] in {"CO_BUILDS", "LOCATED_IN", "COOPERATES_WITH"}
    # A co-built park's strongest evidence is a CO_BUILDS relation.
    assert data["links"][0]["evidence"]["type"] == "CO_BUILDS"
    strengths = [row["strength"] for row in data["links"]]
    assert strengths == sorted(strengths, reverse=True)


@pytest.mark.parametrize("via", ["industry", "park", "any"])
def test_top_limits_rows(store, via: str) -> None:
    everything = links(store, "南通", "上海", via=via, top=None)
    three = links(store, "南通", "上海", via=via, top=3)
    assert _rows(three) == _rows(everything)[:3]
    assert three.total == len(everything.links)


# -- ask routes co-building questions to the co-built-park kind only ---------------------------

@pytest.mark.parametrize(("question", "present", "absent"), [
    # Records as in section 2 above.
    ("南通和苏州共建了哪些园区", "park:suxitong-park", "park:nantong-rd-centers"),
    # Records as in section 1 above.
    ("which parks do Nantong and Shanghai co-build", "park:qidong-pudong-collab-park",
     "park:offshore-innovation-centers"),
])
def test_ask_co_building_lists_only_co_built_parks(store, question: str, present: str,
                                                   absent: str) -> None:
    from queries.ask import ask

    answer = ask(store, question)
    assert answer.primary.query == "links" and answer.primary.args["via"] == "co-built"
    result = answer.primary.result
    assert {link.kind for link in result.links} == {"co-built-park"}
    assert present in _ids(result) and absent not in _ids(result)


# -- 11. corroboration counted on the less-supported side (session 8) ----------------------

def test_any_links_put_real_co_building_above_shared_industries(store) -> None:
    # 南通 HAS_INDUSTRY 高端纺织 from three sources (the 616 reply, the article, the CRI report
    # of its national rating), 苏州 from one: the shared industry is as corroborated as 苏州's
    # one statement (0.6 × 1 × 0.5 = 30), below the parks both co-build
    got = links(store, "南通", "苏州", via="any", top=None)
    first = got.links[0]
    assert first.kind == "co-built-park", [(lk.kind, lk.strength) for lk in got.links[:5]]
    textiles = next(lk for lk in got.links if lk.entity.id == "industry:high-end-textiles")
    assert textiles.strength == 30 and len(textiles.sources) == 4  # all sources still shown
    parks = [lk.strength for lk in got.links if lk.kind == "co-built-park"]
    shared = [lk.strength for lk in got.links if lk.kind == "shared-industry"]
    assert min(parks) > max(shared)
