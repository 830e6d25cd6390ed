"""Both stores, same data, same answers: a difference is a bug in one of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.model import to_jsonable
from queries.as_of import dated
from queries.compare import compare
from queries.either_of import located_among
from queries.errors import NoPath
from queries.links import VIAS, links
from queries.members import member_units
from queries.neighbors import neighbors
from queries.overview import overview
from queries.partners import co_builders
from queries.paths import shortest_paths
from queries.search import search
from queries.shared_partners import co_builders_with_all
from queries.show import show
from queries.stakes import stakes
from queries.stats import stats
from queries.toward import related_toward
from queries.why import why
from queries.within import related_within

QUESTIONS: dict[str, Callable[[Any], Any]] = {
    **{f"links {via} 南通 苏州 --all": (lambda v: lambda s: links(s, "南通", "苏州", via=v,
                                                                 top=None))(via)
       for via in VIAS if via != "co-built"},
    "links co-built 南通 苏州": lambda s: links(s, "南通", "苏州", via="co-built"),
    "links industry 南通 苏州 --broad --all": lambda s: links(s, "南通", "苏州", via="industry",
                                                              broad=True, top=None),
    "links park 南通 上海 --top 3": lambda s: links(s, "南通", "上海", via="park", top=3),
    "links any 南通 上海 --all": lambda s: links(s, "南通", "上海", via="any", top=None),
    "links park 南通 苏州 --as-of 2019": lambda s: links(s, "南通", "苏州", via="park",
                                                         as_of="2019", top=None),
    "links any 南通 上海 --as-of 2021-06 --broad": lambda s: links(
        s, "南通", "上海", via="any", as_of="2021-06", broad=True, top=None),
    "links mechanism 南通 上海": lambda s: links(s, "南通", "上海", via="mechanism"),
    "compare 南通 苏州 --as-of 2019": lambda s: compare(dated(s, "2019"), "南通", "苏州"),
    "co_builders 无锡 (ask: who Wuxi built with)": lambda s: co_builders(s, "无锡"),
    "co_builders_with_all 南通 宿迁 (ask: who built with both)":
        lambda s: co_builders_with_all(s, "南通", "宿迁", label="City"),
    "related_within 苏通 CO_BUILDS in City (seats)": lambda s: related_within(
        s, "park:sutong-park", rel_type="CO_BUILDS", direction="in", label="City"),
    "located_among 如皋经开区 南通 苏州 (up through its county)": lambda s: located_among(
        s, "park:rugao-etdz", "南通", "苏州"),
    "path 南通 苏通 --as-of 2019": lambda s: shortest_paths(dated(s, "2019"), "南通",
                                                            "park:sutong-park", k=10),
    "path 崇川 上海 --as-of 2024": lambda s: shortest_paths(dated(s, "2024"),
                                                            "city:chongchuan", "上海", k=10),
    "neighbors 南通 2 --as-of 2015": lambda s: neighbors(dated(s, "2015"), "南通", depth=2),
    "show 苏通科技产业园 --as-of 2019": lambda s: show(dated(s, "2019"), "park:sutong-park"),
    "show 苏锡通 --as-of 2021": lambda s: show(dated(s, "2021"), "park:suxitong-park"),
    "why 南通 苏锡通 --as-of 2021": lambda s: why(dated(s, "2021"), "南通",
                                                  "苏锡通科技产业园区"),
    "neighbors of a source": lambda s: neighbors(s, "source:seed-article", depth=2),
    "path from a source": lambda s: _no_path(lambda: shortest_paths(s, "source:seed-article",
                                                                    "南通")),
    "path 南通 苏州工业园区": lambda s: shortest_paths(s, "南通", "苏州工业园区"),
    "path 启东 临港新片区": lambda s: shortest_paths(s, "启东", "临港新片区", k=10),
    "neighbors 南通 2": lambda s: neighbors(s, "南通", depth=2),
    "neighbors 苏州 2 Industry": lambda s: neighbors(s, "苏州", depth=2, label="Industry"),
    "neighbors 苏通 2 --limit 10 (hubs)": lambda s: neighbors(s, "park:sutong-park", depth=2,
                                                             limit=10),
    "neighbors 南通 2 --all": lambda s: neighbors(s, "南通", depth=2, limit=None),
    "neighbors 苏州 3 Park --limit 5 --as-of 2019": lambda s: neighbors(
        dated(s, "2019"), "苏州", depth=3, label="Park", limit=5),
    "degrees and walkable neighbours": lambda s: (
        s.degrees(["city:nantong", "park:sutong-park", "source:seed-article"]),
        s.walkable_neighbors(["city:suzhou", "source:seed-article", "nowhere:at-all"])),
    "show 南通": lambda s: show(s, "南通"),
    "show 成本共担": lambda s: show(s, "成本共担"),
    "overview 南通": lambda s: overview(s, "南通"),
    "overview 苏通长江大桥 2": lambda s: overview(s, "infra:sutong-bridge", per_group=2),
    "search su": lambda s: search(s, "su", limit=20),
    "search 园区": lambda s: search(s, "园区", limit=20),
    "member_units 太湖 alliance": lambda s: member_units(s, "org:taihu-fusion-innovation-alliance"),
    "related_toward leading group PROPOSES zone": lambda s: related_toward(
        s, "org:jiangsu-yrd-leading-group", "region:yrd-collaboration-zone",
        rel_type="PROPOSES"),
    "stakes": lambda s: stakes(s),
}


def _no_path(ask: Callable[[], Any]) -> str:
    try:
        return repr(ask())
    except NoPath as exc:
        return f"NoPath: {exc}"


def _comparable(result: Any) -> Any:
    data = to_jsonable(result)
    if isinstance(data, dict):
        data.pop("store", None)
        data.pop("location", None)
    return data


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_stores_agree(question: str, embedded_built: Any, neo4j_store: Any) -> None:
    ask = QUESTIONS[question]
    assert _comparable(ask(embedded_built)) == _comparable(ask(neo4j_store))


def test_stats_agree(embedded_built: Any, neo4j_store: Any) -> None:
    assert _comparable(stats(embedded_built)) == _comparable(stats(neo4j_store))
