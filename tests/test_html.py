"""estuary/output/html/page.py: real files written from real models; no mocks, no timing
assertions."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from estuary.output.html.page import LAYOUTS, render_html, write_html
from estuary.output.html.samples import (
    SOURCE_URL,
    XSS_IMG,
    XSS_SCRIPT,
    estuary_sample,
    synthetic,
)
from graph.model import AnswerRow, Entity, Relation, Subgraph

ROOT = Path(__file__).resolve().parent.parent
TITLE = "南通 → 电子信息：路径"
CAPTION = "estuary path 南通 电子信息 · 2025-01-01 · data/core"


@pytest.fixture(scope="module")
def page_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "sub" / "estuary.html"
    return write_html(estuary_sample(), out, title=TITLE, caption=CAPTION)


@pytest.fixture(scope="module")
def page(page_path: Path) -> str:
    return page_path.read_bytes().decode("utf-8")  # strict: the file must be valid UTF-8


def payload(text: str) -> dict:
    m = re.search(r'<script id="estuary-data" type="application/json">(.*?)</script>', text,
                  re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def strip_blocks(text: str) -> str:
    """The page without its (JSON-escaped) data block and without inlined vis-network."""
    text = re.sub(r'<script id="estuary-data" type="application/json">.*?</script>', "", text,
                  flags=re.S)
    vis = re.search(r"<script>(.*?)</script>", text, re.S)  # the first script: vis-network
    assert vis and "vis-network" in vis.group(1)[:300]
    return text.replace(vis.group(0), "", 1)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags_of(text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = Tags()
    parser.feed(text)
    return parser.tags


# ---- self-contained and offline --------------------------------------------------------


def test_no_remote_src_href_or_url(page: str) -> None:
    assert not re.search(r"""(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//""",
                         page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "@import" not in page
    for tag, attrs in tags_of(page):
        assert tag not in {"link", "img", "iframe", "object", "embed", "base"}, tag
        if tag == "script":
            assert "src" not in dict(attrs)
    # Outside the JSON data and the vintage vis-network bundle no URL appears at all (the
    # sample's Source node does carry a URL, escaped inside the data).
    # (The SVG namespace is a name, not an address: the page's SVG export declares it.)
    rest = strip_blocks(page).replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "http:" not in rest and "https:" not in rest
    assert "https://example.org/news/2024/sutong?a=1\\u0026b=2" in page


def test_vis_network_is_inlined(page: str) -> None:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    body = js.split("//# sourceMappingURL=")[0].rstrip()
    assert body[-2000:] in page and body[:2000] in page
    assert "sourceMappingURL" not in page  # would make DevTools fetch a missing .map
    assert css[:2000] in page
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "googleapis", "fonts.g"):
        assert host not in page.lower()


def test_csp_forbids_every_request(page: str) -> None:
    meta = [dict(a) for t, a in tags_of(page) if t == "meta"]
    csp = next(m["content"] for m in meta if m.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_utf8_and_chinese_names(page_path: Path, page: str) -> None:
    raw = page_path.read_bytes()
    assert raw.startswith(b"<!DOCTYPE html>")
    assert b'<meta charset="utf-8">' in raw
    for name in ("南通", "苏州", "上海", "新一代信息技术", "电子信息", "苏通科技产业园"):
        assert name.encode("utf-8") in raw
    assert f"<h1>{TITLE}</h1>" in page
    assert '<html lang="zh-CN">' in page


# ---- safety ----------------------------------------------------------------------------


def test_xss_payloads_only_escaped(page: str) -> None:
    assert "<img src=x" not in page
    assert "</script><script>window.__xss" not in page
    assert [t for t, _ in tags_of(page)].count("script") == page.count("</script>") == 3
    # No element or attribute came from the data: only the skeleton's tags, no handlers.
    allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1", "p", "main",
               "aside", "section", "label", "input", "ul", "h2", "button", "div", "noscript",
               "script", "table", "thead", "tbody", "tr"}
    for tag, attrs in tags_of(page):
        assert tag in allowed, tag
        assert not [k for k, _ in attrs if k.startswith("on")], (tag, attrs)
    # ...and the data survives the escaping unchanged.
    names = {row[2] for row in payload(page)["nodes"]}
    assert {XSS_IMG, XSS_SCRIPT, "南通"} <= names


def test_title_and_caption_escaped() -> None:
    text = render_html(estuary_sample(), title=XSS_IMG, caption=XSS_SCRIPT + "\n@@APP_JS@@")
    assert "<img src=x" not in text
    assert "</script><script>" not in text
    assert "<title>&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;</title>" in text
    assert "&lt;/script&gt;&lt;script&gt;window.__xss=2;alert(1)&lt;/script&gt;\n@@APP_JS@@" \
        in text  # markers inside data are not substituted


def test_line_separators_escaped() -> None:
    odd = Entity("org:odd", "Organization", "a\u2028b\u2029c</ScRiPt>&<!--", "x")
    text = render_html(Subgraph(nodes=(odd,), edges=()), title="t", caption="c")
    assert "\u2028" not in text and "\u2029" not in text
    assert "</ScRiPt>" not in text and "<!--" not in text
    assert payload(text)["nodes"][0][2] == odd.name


# ---- what the page shows -----------------------------------------------------------------


def test_payload_legend_marks_and_labels(page: str) -> None:
    data = payload(page)
    counts = {lab["name"]: lab["count"] for lab in data["labels"]}
    assert counts["City"] == 4 and counts["Industry"] == 3 and counts["Organization"] == 3
    city = next(lab for lab in data["labels"] if lab["name"] == "City")
    assert (city["zh"], city["color"], city["shape"]) == ("城市", "#e4572e", "dot")
    rows = {row[0]: row for row in data["nodes"]}
    assert rows["city:nantong"][6] == 2 and rows["industry:electronic-info"][6] == 2  # focus
    assert rows["park:sutong"][6] == 1  # result
    assert rows["city:shanghai"][6] == 3  # muted
    assert data["marks"] == {"focus": 2, "result": 1, "path": 3}
    types = [t[1] for t in data["types"]]
    assert "共建" in types and "拥有产业" in types
    ids = [row[0] for row in data["nodes"]]
    path = {tuple(sorted((ids[e[0]], ids[e[1]]))) for e in data["edges"] if e[3] == 1}
    assert path == {("city:nantong", "park:sutong"), ("industry:electronic-info", "park:sutong")}
    tip = rows["city:nantong"][9]
    assert "level: 地级市" in tip and "lon: 120.894" in tip
    ev = [e for e in data["edges"] if e[4] == "苏州与南通共建苏通科技产业园。"]
    assert ev and data["sources"][ev[0][5]] == [
        "source:seed-article", "跨江融合 江海联动", "南通日报", "2024-05-01", SOURCE_URL]
    assert ev[0][6] == "high"
    assert data["options"]["physics"]["enabled"] is True  # small graph: in-browser physics
    assert rows["city:nantong"][7] is None


def test_english_edge_labels() -> None:
    data = payload(render_html(estuary_sample(), title="t", caption="c", lang="en"))
    assert [t[0] for t in data["types"]] == [t[1] for t in data["types"]]
    assert data["lang"] == "en"


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        render_html(estuary_sample(), title="t", caption="c", layout="spring")
    with pytest.raises(ValueError):
        render_html(estuary_sample(), title="t", caption="c", lang="fr")


def test_dangling_edges_and_duplicate_ids_are_dropped() -> None:
    a = Entity("city:a", "City", "甲")
    sg = Subgraph(nodes=(a, Entity("city:a", "City", "乙"), Entity("x:b", "Unknown", "丙")),
                  edges=(Relation("LOCATED_IN", "city:a", "city:gone", "s"),
                         Relation("NEW_TYPE", "x:b", "city:a", "s")))
    data = payload(render_html(sg, title="t", caption="c"))
    assert [r[2] for r in data["nodes"]] == ["甲", "丙"]
    assert len(data["edges"]) == 1 and data["types"] == [["NEW_TYPE", "NEW_TYPE"]]
    assert data["labels"][-1] == {"name": "Unknown", "zh": "", "color": "#999999",
                                  "shape": "dot", "count": 1}


def test_sources_only_web_addresses_become_links() -> None:
    data = payload(render_html(estuary_sample(), title="t", caption="c"))
    sources = {row[0]: row for row in data["sources"]}
    assert sources["source:bad-url"] == ["source:bad-url", "不可点击的来源", "", "", ""]
    assert sources["source:seed-article"][4] == SOURCE_URL
    bad = next(r for r in data["nodes"] if r[0] == "source:bad-url")
    assert "/home/analyst" not in bad[9] and "file: notes.md" in bad[9]  # local path: name only


def test_sources_passed_in_are_cited_without_being_drawn() -> None:
    a, b = Entity("city:a", "City", "甲"), Entity("city:b", "City", "乙")
    src = Entity("source:x", "Source", "某文", props={"title": "某文标题", "publisher": "某报",
                                                   "published": "2025-01-02",
                                                   "url": "https://example.org/x"})
    sg = Subgraph(nodes=(a, b), edges=(Relation("COOPERATES_WITH", "city:a", "city:b",
                                                "source:x", "甲乙合作。"),))
    data = payload(render_html(sg, title="t", caption="c", sources={"source:x": src}))
    assert data["sources"] == [["source:x", "某文标题", "某报", "2025-01-02",
                                "https://example.org/x"]]
    assert data["edges"][0][5] == 0 and len(data["nodes"]) == 2
    bare = payload(render_html(sg, title="t", caption="c"))  # unknown source: id, no link
    assert bare["sources"] == [["source:x", "", "", "", ""]]


def test_answers_rows_point_at_their_edges() -> None:
    data = payload(render_html(estuary_sample(), title="t", caption="c"))
    ids = [row[0] for row in data["nodes"]]
    rows = data["answers"]
    assert [(r[0], ids[r[1]], r[4]) for r in rows] == [
        (1, "park:sutong", 3), (2, "industry:semiconductors", 1), (3, "mechanism:tax-sharing", 0.5)]
    first = {(ids[data["edges"][k][0]], ids[data["edges"][k][1]]) for k in rows[0][7]}
    assert first == {("city:nantong", "park:sutong"), ("park:sutong", "industry:electronic-info")}
    assert rows[2][7] == []  # no path given: the page lights the edges touching the node
    srcs = [data["sources"][i][0] for i in rows[2][6]]
    assert srcs == ["source:bad-url", "source:seed-article"]
    # Importance: endpoints, then the answers by rank, then the other results, then degree.
    order = [ids[i] for i in data["order"]]
    assert order[:5] == ["city:nantong", "industry:electronic-info", "park:sutong",
                         "industry:semiconductors", "mechanism:tax-sharing"]


def test_answer_rows_of_missing_nodes_are_dropped() -> None:
    a = Entity("city:a", "City", "甲")
    sg = Subgraph(nodes=(a,), edges=(), answers=(AnswerRow(1, "city:gone", "x"),
                                                 AnswerRow(2, "city:a", "甲")))
    assert [r[0] for r in payload(render_html(sg, title="t", caption="c"))["answers"]] == [2]


def test_big_graphs_collapse_hub_leaves() -> None:
    data = payload(render_html(synthetic(1200, edges_per_node=1), title="t", caption="c"))
    assert data["collapse"]
    degree = {i: r[5] for i, r in enumerate(data["nodes"])}
    for hub, leaves in data["collapse"]:
        assert len(leaves) >= 4 and all(degree[i] == 1 for i in leaves) and degree[hub] > 1
    small = payload(render_html(estuary_sample(), title="t", caption="c"))
    assert small["collapse"] == []


# ---- layouts -----------------------------------------------------------------------------


def _taxonomy() -> Subgraph:
    ind = [Entity(f"industry:{k}", "Industry", name) for k, name in
           (("all", "制造业"), ("ele", "电子信息"), ("ic", "集成电路"), ("chem", "化工"),
            ("new", "新材料"))]
    rels = (Relation("BROADER", "industry:ele", "industry:all", "s"),
            Relation("BROADER", "industry:chem", "industry:all", "s"),
            Relation("BROADER", "industry:ic", "industry:ele", "s"),
            Relation("UPSTREAM_OF", "industry:new", "industry:ic", "s"))
    return Subgraph(nodes=tuple(ind), edges=rels)


def test_hierarchy_layout_reads_left_to_right() -> None:
    data = payload(render_html(_taxonomy(), title="t", caption="c"))  # auto picks it
    assert data["layout"] == "hierarchy" and data["options"]["physics"]["enabled"] is False
    x = {row[0]: row[7] for row in data["nodes"]}
    assert x["industry:all"] < x["industry:ele"] < x["industry:ic"]  # broad to narrow
    assert x["industry:new"] < x["industry:ic"]  # supplier left of its customer
    assert x["industry:chem"] == x["industry:ele"]  # one layer
    forced = payload(render_html(estuary_sample(), title="t", caption="c", layout="hierarchy"))
    assert forced["layout"] == "hierarchy" and all(r[7] is not None for r in forced["nodes"])


def test_geo_places_entities_with_coordinates_and_the_rest_by_their_place() -> None:
    park = Entity("park:p", "Park", "某园", props={"lon": 121.0, "lat": 31.5})
    city = Entity("city:c", "City", "某市", props={"lon": 120.0, "lat": 32.0})
    far = Entity("city:f", "City", "远市", props={"lon": 122.0, "lat": 30.0})
    inner = Entity("park:in", "Park", "无坐标园区")
    sg = Subgraph(nodes=(park, city, far, inner),
                  edges=(Relation("LOCATED_IN", "park:in", "city:c", "s"),
                         Relation("COOPERATES_WITH", "park:in", "city:f", "s"),
                         Relation("COOPERATES_WITH", "park:p", "city:f", "s")))
    data = payload(render_html(sg, title="t", caption="c", layout="geo"))
    ids = [r[0] for r in data["nodes"]]
    assert sorted(ids[i] for i in data["fixed"]) == ["city:c", "city:f", "park:p"]
    pos = {r[0]: (r[7], r[8]) for r in data["nodes"]}

    def dist(a: str, b: str) -> float:
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    assert dist("park:in", "city:c") < dist("park:in", "city:f") / 3  # next to its place




def test_geo_layout_follows_coordinates() -> None:
    data = payload(render_html(estuary_sample(), title="t", caption="c", layout="geo"))
    pos = {row[0]: (row[7], row[8]) for row in data["nodes"]}
    assert data["layout"] == "geo"
    assert all(x is not None for x, _ in pos.values())
    assert pos["city:shanghai"][0] > pos["city:suzhou"][0]  # east is right
    assert pos["city:nantong"][1] < pos["city:suzhou"][1]  # north is up
    ids = [row[0] for row in data["nodes"]]
    assert sorted(ids[i] for i in data["fixed"]) == [
        "city:haimen", "city:nantong", "city:shanghai", "city:suzhou"]


def test_geo_without_coordinates_falls_back() -> None:
    sg = synthetic(50)
    data = payload(render_html(sg, title="t", caption="c", layout="geo"))
    assert data["layout"] == "force" and data["fixed"] == []


def test_none_layout() -> None:
    data = payload(render_html(estuary_sample(), title="t", caption="c", layout="none"))
    assert data["options"]["physics"]["enabled"] is False
    assert all(row[7] is None for row in data["nodes"])


def test_big_graph_gets_computed_positions_and_no_physics() -> None:
    data = payload(render_html(synthetic(1200), title="t", caption="c"))
    assert data["options"]["physics"]["enabled"] is False and data["big"] is True
    xy = [(row[7], row[8]) for row in data["nodes"]]
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in xy)
    assert len(set(xy)) == len(xy)  # no two nodes on one spot
    force = payload(render_html(synthetic(1200), title="t", caption="c", layout="force"))
    assert force["options"]["physics"]["enabled"] is True
    assert [r[7] for r in force["nodes"]] == [r[7] for r in data["nodes"]]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_renders(layout: str) -> None:
    assert "南通" in render_html(estuary_sample(), title="t", caption="c", layout=layout)


# ---- determinism -------------------------------------------------------------------------


def test_deterministic_bytes(tmp_path: Path) -> None:
    sg = estuary_sample()
    a = write_html(sg, tmp_path / "a.html", title=TITLE, caption=CAPTION).read_bytes()
    b = write_html(sg, tmp_path / "b.html", title=TITLE, caption=CAPTION).read_bytes()
    assert a == b
    shuffled = dataclasses.replace(sg, nodes=sg.nodes[::-1], edges=sg.edges[::-1])
    assert render_html(shuffled, title=TITLE, caption=CAPTION).encode() == a
    other = render_html(sg, title=TITLE, caption="another caption").encode()
    assert other.replace(b"another caption", CAPTION.encode()) == a


@pytest.mark.parametrize("layout", ["auto", "geo"])
def test_deterministic_big_layouts_and_seed(layout: str) -> None:
    sg = synthetic(800, seed=3)
    one = render_html(sg, title="t", caption="c", layout=layout, seed=11)
    assert one == render_html(sg, title="t", caption="c", layout=layout, seed=11)
    if layout == "auto":
        assert one != render_html(sg, title="t", caption="c", layout=layout, seed=12)


def test_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    """Sets (path_edges is a frozenset) must never decide an order in the output."""
    code = ("import hashlib, sys; from estuary.output.html.page import render_html; "
            "from estuary.output.html.samples import estuary_sample, synthetic; "
            "h = hashlib.sha256(); "
            "[h.update(render_html(s, title='t', caption='c', layout=l).encode()) "
            " for s in (estuary_sample(), synthetic(400)) for l in ('auto', 'geo')]; "
            "print(h.hexdigest())")
    digests = set()
    for hash_seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


# ---- start-up stays light ----------------------------------------------------------------


def test_import_does_not_load_networkx_or_pyvis() -> None:
    code = ("import sys, estuary.output.html.page; "
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('networkx', 'pyvis', 'IPython', 'jinja2')]; print(bad); assert not bad")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)

