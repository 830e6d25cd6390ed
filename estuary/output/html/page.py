"""Render a `Subgraph` as one self-contained, offline HTML file (vis-network via pyvis).

The file is the product: analysts mail it around and open it without a network. So it
inlines pyvis's bundled vis-network 9.1.2 (JS and CSS), uses no CDN, web font or other
URL, and carries a Content-Security-Policy that forbids every request anyway.

pyvis supplies what it is good at: the bundled vis-network assets and its options model
(`pyvis.options.Options`). The node and edge lists are built here in linear time (pyvis's
`Network.add_node` scans a list per node, so 50k nodes take about a minute there) as one
compact JSON payload that the page's script expands into vis DataSets.

Safety: every string from the data is escaped where it enters the page. Title and caption
go through `html.escape`; everything else travels as JSON inside a non-executed
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped,
and the page script puts it on screen with ``textContent`` (tooltips are plain-text
``title`` strings, which vis-network 9 shows with ``innerText``).

Payload rows (positional, to keep 50k-node files small):

* node: ``[id, label index, name, name_en, aliases, degree, mark, x, y, info]`` where mark
  is 0 plain, 1 result (``Subgraph.highlight``), 2 query endpoint (``Subgraph.focus``),
  3 muted (anything else, when there is something to highlight); x/y are null when the
  browser lays the graph out; info is the key properties as ``key: value`` lines.
* edge: ``[from index, to index, type index, mark, evidence, source, confidence, info,
  curve]`` where mark is 0 plain, 1 on an answer path, 3 muted, and curve the signed
  roundness that keeps parallel edges apart (0 for a straight edge).

``import estuary.output.html.page`` stays light: pyvis (which pulls in IPython, jinja2 and
networkx) is imported only when a page is rendered.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.util
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from estuary.output.html import LANGS, LAYOUTS, evidence
from estuary.output.html import template as html_template
from estuary.output.html.positions import PHYSICS_MAX_NODES, start_positions
from estuary.output.html.vis_options import vis_options
from graph.model import Entity, Relation, Subgraph
from graph.schema import LABELS, REL_TYPES

RESULT_SHARE = 0.5  # results are marked only while they are at most this share of the nodes

_INFO_MAX = 240  # characters kept of one property value or description in a tooltip

_TEXT = {
    "zh": {
        "search": "搜索节点", "search_hint": "名称、英文名或别名…", "legend": "图例",
        "fit": "适应窗口", "details": "详情", "noscript": "此图需要启用 JavaScript。",
        "label": "类别", "aliases": "别名", "degree": "连接数", "type": "关系",
        "evidence": "证据", "source": "来源", "confidence": "置信度", "description": "描述",
        "focus": "查询端点", "result": "结果节点", "path": "答案路径",
        "nodes": "节点", "edges": "关系", "noMatch": "无匹配节点",
        "zoomHint": "放大后显示名称",
        "answers": "排名答案", "rank": "名次", "name": "名称", "kind": "类型",
        "strength": "强度", "sources": "来源", "showAll": "显示全部", "savePng": "保存 PNG",
        "saveSvg": "保存 SVG", "collapsed": "个叶节点已折叠，双击展开",
        "publisher": "发布者", "published": "日期", "more": "另有", "answerHint":
        "点击一行，突出显示该答案的路径",
        "layouts": {"force": "力导向布局", "computed": "预计算布局（物理模拟关闭）",
                    "hierarchy": "层级布局（从左到右）",
                    "geo": "地理布局（经纬度，无底图）", "none": "无布局"},
    },
    "en": {
        "search": "Search nodes", "search_hint": "Name, English name or alias…",
        "legend": "Legend", "fit": "Fit to window", "details": "Details",
        "noscript": "This graph needs JavaScript.", "label": "Label", "aliases": "Aliases",
        "degree": "Degree", "type": "Type", "evidence": "Evidence", "source": "Source",
        "confidence": "Confidence", "description": "Description", "focus": "Query endpoint",
        "result": "Result", "path": "Answer path", "nodes": "Nodes", "edges": "Edges",
        "noMatch": "No matching node", "zoomHint": "zoom in to see names",
        "answers": "Ranked answer", "rank": "#", "name": "Name", "kind": "Kind",
        "strength": "Strength", "sources": "Src.", "showAll": "Show all",
        "savePng": "Save PNG", "saveSvg": "Save SVG",
        "collapsed": "leaves collapsed, double-click to expand", "publisher": "Publisher",
        "published": "Date", "more": "more", "answerHint": "Click a row to light its paths",
        "layouts": {"force": "force-directed layout",
                    "computed": "precomputed layout (physics off)",
                    "hierarchy": "hierarchical layout (left to right)",
                    "geo": "geographic layout (lon/lat, no base map)", "none": "no layout"},
    },
}

# str.replace per character: an order of magnitude faster than str.translate on 10 MB.
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def write_html(subgraph: Subgraph, path: Path, *, title: str, caption: str, lang: str = "zh",
               layout: str = "auto", seed: int = 7,
               sources: Mapping[str, Entity] | None = None) -> Path:
    """Write the subgraph as a self-contained HTML file (UTF-8) and return its path.

    `sources` maps Source ids to their entities (title, publisher, published, url) for the
    citations of nodes, edges and answers; Source nodes drawn in the subgraph count too.
    """
    page = render_html(subgraph, title=title, caption=caption, lang=lang, layout=layout,
                       seed=seed, sources=sources)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # errors="replace": a lone surrogate in some name must not lose the whole file.
    path.write_text(page, encoding="utf-8", errors="replace", newline="\n")
    return path


def render_html(subgraph: Subgraph, *, title: str, caption: str, lang: str = "zh",
                layout: str = "auto", seed: int = 7,
                sources: Mapping[str, Entity] | None = None) -> str:
    """The page as a string; byte-identical for the same subgraph, seed and caption."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    text = _TEXT[lang]
    payload = _payload(subgraph, lang=lang, layout=layout, seed=seed, sources=sources or {})
    assets = _assets()
    values = {
        "LANG": "zh-CN" if lang == "zh" else "en",
        "CSP": assets["csp"],
        "TITLE": html.escape(title, quote=True),
        "CAPTION": html.escape(caption, quote=True),
        "VIS_CSS": assets["vis_css"],
        "VIS_JS": assets["vis_js"],
        "APP_CSS": assets["app_css"],
        "APP_JS": html_template.asset("page.js"),
        "DATA": to_script_json(payload),
        "T_SEARCH": html.escape(text["search"]),
        "T_SEARCH_HINT": html.escape(text["search_hint"], quote=True),
        "T_LEGEND": html.escape(text["legend"]),
        "T_FIT": html.escape(text["fit"]),
        "T_DETAILS": html.escape(text["details"]),
        "T_ANSWERS": html.escape(text["answers"]),
        "T_ANSWER_HINT": html.escape(text["answerHint"]),
        "T_SHOW_ALL": html.escape(text["showAll"]),
        "T_SAVE_PNG": html.escape(text["savePng"]),
        "T_SAVE_SVG": html.escape(text["saveSvg"]),
        "T_NOSCRIPT": html.escape(text["noscript"]),
    }
    # One pass over the constant skeleton: a value is never scanned for further markers, so
    # a node named "@@APP_JS@@" stays a name.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], html_template.asset("page.html"))


def to_script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, ``<!--`` or U+2028."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                      sort_keys=True)
    for char, escaped in _JSON_ESCAPES:
        if char in text:
            text = text.replace(char, escaped)
    return text


@functools.lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """pyvis's bundled vis-network, our CSS, and a CSP that allows exactly these scripts."""
    spec = importlib.util.find_spec("pyvis")  # locates the package without importing it
    if spec is None or spec.origin is None:
        raise RuntimeError("pyvis is not installed; it provides the bundled vis-network")
    lib = Path(spec.origin).parent / "lib" / "vis-9.1.2"
    vis_js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    vis_css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # The source-map comment would make an open DevTools fetch a file that is not there.
    vis_js = re.sub(r"\n?//# sourceMappingURL=\S*\s*$", "\n", vis_js)
    for needle in ("</script", "<!--"):
        if needle in vis_js.lower():  # would end the inlined script early: refuse to build
            raise RuntimeError(f"bundled vis-network.min.js contains {needle!r}")
    if "</style" in vis_css.lower():
        raise RuntimeError("bundled vis-network.css contains '</style'")
    hashes = " ".join(f"'sha256-{_sha256(s)}'" for s in (vis_js, html_template.asset("page.js")))
    csp = ("default-src 'none'; "
           f"script-src {hashes}; "
           "style-src 'unsafe-inline'; img-src data: blob:; "
           "base-uri 'none'; form-action 'none'")
    app_css = html_template.asset("page.css").replace("@@FONT@@", html_template.FONT_STACK)
    return {"vis_js": vis_js, "vis_css": vis_css, "app_css": app_css, "csp": csp}


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# ---------------------------------------------------------------------------------------
# Payload


def _payload(sg: Subgraph, *, lang: str, layout: str, seed: int,
             sources: Mapping[str, Entity]) -> dict[str, Any]:
    text = _TEXT[lang]
    nodes = _unique_nodes(sg.nodes)
    index = {n.id: i for i, n in enumerate(nodes)}
    # model.sort_relations' order (by key), made total so input order never shows.
    edges = sorted((r for r in sg.edges if r.start in index and r.end in index),
                   key=lambda r: (r.key, r.evidence, r.confidence))
    n = len(nodes)

    labels, label_of = _label_table(nodes)
    types, type_of = _type_table(edges, lang)

    pairs = [(index[r.start], index[r.end]) for r in edges]
    degree = [0] * n
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1

    focus = {i for i in (index.get(x) for x in sg.focus) if i is not None}
    result = {i for i in (index.get(x) for x in sg.highlight) if i is not None} - focus
    if n > 20 and len(result) > RESULT_SHARE * n and not sg.answers:
        result = set()  # (nearly) everything is a result: marking it would say nothing
    path = sg.path_edges  # membership tests only: iterating a frozenset is not deterministic
    on_path = [(r.start, r.end) in path or (r.end, r.start) in path for r in edges]
    # Mute the rest only when there is an answer to set off (endpoints alone mute nothing).
    emphasis = bool(result or any(on_path))
    path_nodes = {i for k, pair in enumerate(pairs) if on_path[k] for i in pair}

    # Citations: edges' sources, entities' own `source`, and the answers' sources.
    known = {**{e.id: e for e in nodes if e.label == "Source"}, **sources}
    node_cites = [evidence.source_ids(e.props["source"]) if "source" in e.props else []
                  for e in nodes]
    cited = [r.source for r in edges if r.source]
    cited += [s for ids in node_cites for s in ids]
    cited += [s for a in sg.answers for s in a.sources]
    source_rows, src_index = evidence.source_table(cited, known)
    answers = evidence.answer_rows(sg.answers, index, edges, src_index)
    order = evidence.importance(n, degree, focus, answers, result)
    collapse = evidence.collapsible(n, pairs, focus | result | path_nodes)

    positions, mode, physics, fixed, beside = start_positions(
        nodes, edges, pairs, layout=layout, seed=seed, first=sorted(focus) + sorted(result))
    big = n > PHYSICS_MAX_NODES

    node_rows = []
    for i, e in enumerate(nodes):
        mark = 2 if i in focus else 1 if i in result else 3 if emphasis else 0
        if mark == 3 and i in path_nodes:  # a node in the middle of an answer path
            mark = 0
        x = y = None
        if positions is not None:
            x, y = round(positions[i][0]), round(positions[i][1])
        node_rows.append([e.id, label_of[i], e.name, e.name_en, list(e.aliases), degree[i],
                          mark, x, y, _node_info(e, text),
                          sorted({src_index[s] for s in node_cites[i]}) if node_cites[i]
                          else []])

    curves = _curves(pairs)
    edge_rows = []
    for k, r in enumerate(edges):
        mark = 1 if on_path[k] else 3 if emphasis else 0
        edge_rows.append([pairs[k][0], pairs[k][1], type_of[k], mark, r.evidence,
                          src_index.get(r.source, -1), r.confidence, _props_text(r.props),
                          curves[k]])

    marks = {"focus": len(focus), "result": len(result), "path": sum(on_path)}
    return {
        "lang": lang,
        "layout": mode,
        "big": big,
        "font": html_template.FONT_STACK,
        "text": {k: v for k, v in text.items() if k not in {"search_hint", "noscript"}},
        "labels": labels,
        "types": types,
        "marks": marks,
        "nodes": node_rows,
        "edges": edge_rows,
        "sources": source_rows,
        "answers": answers,
        "order": order,
        "collapse": collapse,
        "fixed": fixed,
        "beside": beside,
        "options": vis_options(labels, physics=physics, big=big, seed=seed,
                                positioned=positions is not None, n_nodes=n,
                                hierarchy=mode == "hierarchy"),
    }


def _unique_nodes(nodes: Iterable[Entity]) -> list[Entity]:
    """Nodes sorted by id, the first of any duplicate id kept (vis refuses duplicate ids)."""
    seen: dict[str, Entity] = {}
    for e in nodes:
        seen.setdefault(e.id, e)
    return [seen[k] for k in sorted(seen)]


def _label_table(nodes: list[Entity]) -> tuple[list[dict[str, Any]], list[int]]:
    """Schema labels in schema order (then unknown labels by name), each with its count."""
    counts: dict[str, int] = {}
    for e in nodes:
        counts[e.label] = counts.get(e.label, 0) + 1
    names = [name for name in LABELS if name in counts]
    names += sorted(name for name in counts if name not in LABELS)
    table = []
    for name in names:
        spec = LABELS.get(name)
        table.append({
            "name": name,
            "zh": spec.zh if spec else "",
            "color": spec.color if spec else "#999999",
            "shape": spec.shape if spec else "dot",
            "count": counts[name],
        })
    pos = {name: i for i, name in enumerate(names)}
    return table, [pos[e.label] for e in nodes]


def _type_table(edges: list[Relation], lang: str) -> tuple[list[list[str]], list[int]]:
    """[type name, display name] per relationship type used, and each edge's index into it."""
    names = sorted({r.type for r in edges})
    table = []
    for name in names:
        spec = REL_TYPES.get(name)
        table.append([name, spec.zh if spec and lang == "zh" else name])
    pos = {name: i for i, name in enumerate(names)}
    return table, [pos[r.type] for r in edges]


def _curves(pairs: list[tuple[int, int]]) -> list[float]:
    """Signed roundness per edge so parallel edges between one pair fan out, not overlap."""
    groups: dict[tuple[int, int], list[int]] = {}
    for k, (a, b) in enumerate(pairs):
        groups.setdefault((min(a, b), max(a, b)), []).append(k)
    curves: list[float] = [0] * len(pairs)
    for (lo, _), ks in groups.items():
        if len(ks) < 2:
            continue
        for j, k in enumerate(ks):
            step = (j + 1) // 2 * 0.22 * (1 if j % 2 else -1)
            # Direction-neutral: an edge b->a bends the other way round to the same side.
            curves[k] = step if pairs[k][0] == lo else -step
    return curves


def _short(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        s = "、".join(str(v) for v in value)
    elif isinstance(value, dict):
        s = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    else:
        s = str(value)
    return s if len(s) <= _INFO_MAX else s[: _INFO_MAX - 1] + "…"


def _node_info(e: Entity, text: dict[str, Any]) -> str:
    """Key properties: the label's own ones in schema order, then source and confidence."""
    spec = LABELS.get(e.label)
    keys = list(spec.properties) if spec else sorted(e.props)
    keys += [k for k in ("source", "confidence") if k not in keys]
    lines = [f"{k}: {_short(_public(k, e.props[k]))}" for k in keys
             if k in e.props and e.props[k] not in (None, "", [], ())]
    if e.description:
        lines.append(f"{text['description']}: {_short(e.description)}")
    return "\n".join(lines)


def _public(key: str, value: Any) -> Any:
    """A local file path as its name only: the page is mailed out, the machine's paths not."""
    if key == "file" and isinstance(value, str) and re.match(r"^(/|~|[A-Za-z]:[\\/])", value):
        return re.split(r"[\\/]", value)[-1]
    return value


def _props_text(props: dict[str, Any]) -> str:
    return "\n".join(f"{k}: {_short(props[k])}" for k in sorted(props)
                     if props[k] not in (None, "", [], ()))
