"""Sample subgraphs for the HTML renderer's tests and benchmark (not used by the CLI).

``estuary_sample`` is a small, hand-written slice of the Yangtze-estuary graph with real
Chinese names, coordinates and evidence quotes, plus nodes whose names are XSS payloads.
``synthetic`` is a seeded graph of any size with about two edges per node.
"""

from __future__ import annotations

import random

from graph.model import AnswerRow, Entity, Relation, Subgraph
from graph.schema import LABELS

SRC = "source:seed-article"
BAD_SRC = "source:bad-url"
SOURCE_URL = "https://example.org/news/2024/sutong?a=1&b=2"

# Payloads that would run if a renderer let data reach HTML or JS unescaped. Each sets
# window.__xss (and the script one alerts), which the browser test checks.
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "</script><script>window.__xss=2;alert(1)</script>"
XSS_NAMES = (XSS_IMG, XSS_SCRIPT)


def estuary_sample() -> Subgraph:
    """南通–苏州–上海 and the 苏通科技产业园 story, with query endpoints and an answer path."""
    nodes = (
        Entity("city:nantong", "City", "南通", "Nantong", ("通州",), "江苏省地级市，长江北岸。",
               {"level": "地级市", "adcode": "320600", "lon": 120.894, "lat": 31.981}),
        Entity("city:suzhou", "City", "苏州", "Suzhou", ("姑苏",), "江苏省地级市。",
               {"level": "地级市", "adcode": "320500", "lon": 120.585, "lat": 31.299}),
        Entity("city:shanghai", "City", "上海", "Shanghai", ("沪", "申"), "直辖市。",
               {"level": "直辖市", "adcode": "310000", "lon": 121.473, "lat": 31.230}),
        Entity("city:haimen", "City", "海门", "Haimen", (), "南通市辖区。",
               {"level": "区", "lon": 121.181, "lat": 31.871, "parent": "city:nantong"}),
        Entity("region:yangtze-delta", "Region", "长三角", "Yangtze River Delta",
               ("长江三角洲",), "", {"kind": "城市群"}),
        Entity("industry:new-gen-it", "Industry", "新一代信息技术",
               "New-generation information technology", (), "", {"level": "cluster"}),
        Entity("industry:electronic-info", "Industry", "电子信息", "Electronic information",
               (), "", {"level": "category"}),
        Entity("industry:semiconductors", "Industry", "集成电路", "Integrated circuits",
               ("芯片",), "", {"level": "chain"}),
        Entity("park:sutong", "Park", "苏通科技产业园", "Su-Tong Science & Technology Park",
               ("苏通园区",), "苏州与南通跨江共建的园区。",
               {"kind": "共建园区", "area_km2": 50, "established": "2009"}),
        Entity("mechanism:tax-sharing", "Mechanism", "税收分成", "Tax sharing", (), "",
               {"kind": "财税"}),
        Entity("org:sip-admin", "Organization", "苏州工业园区管委会",
               "SIP Administrative Committee", (), "", {"kind": "政府机构"}),
        Entity("initiative:sutong-coop", "Initiative", "苏通跨江合作",
               "Su-Tong cross-river cooperation", (), "", {"kind": "合作计划"}),
        Entity("infra:sutong-bridge", "Infrastructure", "苏通长江大桥",
               "Sutong Yangtze River Bridge", (), "",
               {"kind": "桥梁", "opened": "2008", "length_m": 8206}),
        Entity(SRC, "Source", "江海联动发展报道", "Seed article", (), "",
               {"title": "跨江融合 江海联动", "url": SOURCE_URL, "publisher": "南通日报",
                "published": "2024-05-01"}),
        Entity(BAD_SRC, "Source", "坏链接来源", "Bad link", (), "",
               {"title": "不可点击的来源", "url": "javascript:window.__xss=3",
                "file": "/home/analyst/private/notes.md"}),
        Entity("org:xss-img", "Organization", XSS_IMG, XSS_IMG, (XSS_SCRIPT,), XSS_SCRIPT,
               {"kind": XSS_IMG}),
        Entity("org:xss-script", "Organization", XSS_SCRIPT, "", (), "", {}),
    )

    def rel(t: str, a: str, b: str, ev: str, conf: str = "high", **props: object) -> Relation:
        return Relation(t, a, b, SRC, ev, conf, dict(props))

    edges = (
        rel("CO_BUILDS", "city:suzhou", "park:sutong", "苏州与南通共建苏通科技产业园。",
            share="51%"),
        rel("CO_BUILDS", "city:nantong", "park:sutong", "苏州与南通共建苏通科技产业园。",
            share="49%"),
        rel("LOCATED_IN", "park:sutong", "city:nantong", "园区位于南通市域内。"),
        rel("FOCUSES_ON", "park:sutong", "industry:electronic-info",
            "园区重点发展电子信息、装备制造等产业。"),
        rel("FOCUSES_ON", "park:sutong", "industry:new-gen-it", "布局新一代信息技术。", "medium"),
        rel("HAS_INDUSTRY", "city:nantong", "industry:electronic-info",
            "南通电子信息产业规模超千亿。", tier="千亿级"),
        rel("HAS_INDUSTRY", "city:suzhou", "industry:electronic-info",
            "苏州电子信息产业全国领先。", tier="万亿级"),
        rel("HAS_INDUSTRY", "city:shanghai", "industry:semiconductors", "上海集成电路产业集聚。"),
        rel("BROADER", "industry:semiconductors", "industry:electronic-info",
            "集成电路属于电子信息。"),
        rel("BROADER", "industry:new-gen-it", "industry:electronic-info", "分类关系。", "low"),
        rel("UPSTREAM_OF", "industry:semiconductors", "industry:new-gen-it", "芯片是上游。"),
        rel("MEMBER_OF", "city:nantong", "region:yangtze-delta", "南通是长三角中心区城市。"),
        rel("MEMBER_OF", "city:suzhou", "region:yangtze-delta", "苏州是长三角中心区城市。"),
        rel("MEMBER_OF", "city:shanghai", "region:yangtze-delta", "上海是长三角龙头。"),
        rel("COOPERATES_WITH", "city:nantong", "city:shanghai", "南通全面接轨上海。",
            field="产业"),
        rel("COOPERATES_WITH", "city:shanghai", "city:nantong", "上海与南通合作共建。", "medium"),
        rel("LOCATED_IN", "city:haimen", "city:nantong", "海门是南通市辖区。"),
        rel("ADOPTS", "park:sutong", "mechanism:tax-sharing", "园区探索税收分成机制。",
            status="实施"),
        rel("CO_BUILDS", "org:sip-admin", "park:sutong", "苏州工业园区管委会负责开发运营。"),
        rel("PART_OF", "park:sutong", "initiative:sutong-coop", "园区是苏通合作的重要载体。"),
        rel("CONNECTS", "infra:sutong-bridge", "city:nantong", "苏通大桥连接南通与苏州。"),
        rel("CONNECTS", "infra:sutong-bridge", "city:suzhou", "苏通大桥连接南通与苏州。"),
        rel("MENTIONS", SRC, "park:sutong", "文章介绍苏通科技产业园。"),
        rel("COOPERATES_WITH", "org:xss-img", "city:nantong", XSS_IMG, "low", note=XSS_SCRIPT),
        rel("LEARNS_FROM", "org:xss-script", "park:sutong", XSS_SCRIPT, "low"),
        Relation("MEMBER_OF", "city:haimen", "region:yangtze-delta", BAD_SRC, "海门属长三角。"),
    )
    answers = (
        AnswerRow(1, "park:sutong", "苏通科技产业园 (Su-Tong Science & Technology Park)",
                  "co-built park", 3, "3 indep. · 4 paths", (SRC,),
                  (("city:nantong", "park:sutong"), ("park:sutong", "industry:electronic-info"))),
        AnswerRow(2, "industry:semiconductors", "集成电路 (Integrated circuits)", "industry", 1,
                  "1 indep. · 1 path", (SRC,),
                  (("city:shanghai", "industry:semiconductors"),
                   ("industry:semiconductors", "industry:electronic-info"))),
        AnswerRow(3, "mechanism:tax-sharing", "税收分成 (Tax sharing)", "mechanism", 0.5, "",
                  (SRC, BAD_SRC)),
    )
    return Subgraph(
        nodes=nodes,
        edges=edges,
        focus=("city:nantong", "industry:electronic-info"),
        highlight=("park:sutong",),
        path_edges=frozenset({("city:nantong", "park:sutong"),
                              ("park:sutong", "industry:electronic-info")}),
        answers=answers,
    )


def synthetic(n: int, *, seed: int = 0, edges_per_node: int = 2) -> Subgraph:
    """A seeded graph of ``n`` nodes and about ``edges_per_node * n`` edges, every label used.

    Each node links to one earlier node chosen with a preference for well-connected ones (so
    the graph has hubs, like a real one) plus ``edges_per_node - 1`` uniformly random ones.
    """
    rng = random.Random(seed)
    labels = [name for name in LABELS if name != "Source"]
    types = ("HAS_INDUSTRY", "LOCATED_IN", "MEMBER_OF", "CO_BUILDS", "COOPERATES_WITH",
             "PARTICIPATES_IN", "FOCUSES_ON")
    nodes = []
    for i in range(n):
        label = labels[i % len(labels)]
        props: dict[str, object] = {"level": "测试"} if label in ("City", "Industry") else {}
        nodes.append(Entity(f"{LABELS[label].prefix}:n{i}", label, f"节点{i}", f"Node {i}",
                            (f"N{i}",), "", props))
    edges = []
    targets: list[int] = []  # every endpoint so far: picking from it favours hubs
    for i in range(1, n):
        j = targets[rng.randrange(len(targets))] if targets and rng.random() < 0.7 \
            else rng.randrange(i)
        extra = [rng.randrange(n) for _ in range(edges_per_node - 1)]
        for k in [j, *extra]:
            if k == i:
                continue
            edges.append(Relation(types[(i + k) % len(types)], nodes[i].id, nodes[k].id,
                                  SRC, f"第{i}条证据：节点{i}与节点{k}相关。", "medium"))
            targets.extend((i, k))
    return Subgraph(nodes=tuple(nodes), edges=tuple(edges))
