"""vis-network options for a page: one colour group per label (and a muted twin), fonts,
edges and physics, built through pyvis's options model and completed where it lacks a key."""

from __future__ import annotations

import json
from typing import Any

from estuary.output.html import template as html_template

MUTE = 0.68  # how far a muted node's colour is blended towards white


def _blend(color: str, towards: str, t: float) -> str:
    a = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(towards[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


def _groups(labels: list[dict[str, Any]]) -> dict[str, Any]:
    """One vis group per label ("g<i>") and a muted twin ("g<i>m") for de-emphasised nodes."""
    groups: dict[str, Any] = {}
    for i, lab in enumerate(labels):
        bg = lab["color"]
        border = _blend(bg, "#000000", 0.25)
        text_color = "#343a40" if lab["shape"] != "text" else _blend(bg, "#000000", 0.55)
        groups[f"g{i}"] = {
            "shape": lab["shape"],
            "color": {"background": bg, "border": border,
                      "highlight": {"background": _blend(bg, "#ffffff", 0.2), "border": "#111111"},
                      "hover": {"background": _blend(bg, "#ffffff", 0.15), "border": border}},
            "font": {"color": text_color},
        }
        if lab["shape"] in ("box", "ellipse"):  # label drawn inside: white on colour
            groups[f"g{i}"]["font"] = {"color": "#ffffff" if _dark(bg) else "#1f2933",
                                       "strokeWidth": 0}
        mbg = _blend(bg, "#ffffff", MUTE)
        mborder = _blend(border, "#ffffff", MUTE)
        groups[f"g{i}m"] = {
            "shape": lab["shape"],
            "color": {"background": mbg, "border": mborder,
                      "highlight": {"background": bg, "border": "#111111"},
                      "hover": {"background": _blend(bg, "#ffffff", 0.4), "border": border}},
            "font": {"color": "#6b7785", "strokeWidth": 0} if lab["shape"] in ("box", "ellipse")
            else {"color": "#8592a0"},
        }
    return groups


def _dark(color: str) -> bool:
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 150


def vis_options(labels: list[dict[str, Any]], *, physics: bool, big: bool, seed: int,
                 positioned: bool, n_nodes: int, hierarchy: bool = False) -> dict[str, Any]:
    """vis-network options through pyvis's options model, plus what that model lacks."""
    from pyvis.options import Options  # imports pyvis (and IPython): only when rendering

    opts = Options()
    opts.physics.enabled = physics
    if physics:
        opts.physics.use_force_atlas_2based({
            "gravity": -70, "central_gravity": 0.012, "spring_length": 110,
            "spring_strength": 0.06, "damping": 0.5, "overlap": 0.5,
        })
        # Physics runs hidden before the first frame, then is switched off by the page. A
        # big graph ("force" chosen explicitly) starts from its computed layout and only gets
        # a bounded polish: live physics on thousands of nodes never settles in a browser.
        opts.physics.stabilization.iterations = (
            max(10, min(100, 200_000 // max(n_nodes, 1))) if big else 600)
        opts.physics.stabilization.updateInterval = 50
        opts.physics.stabilization.fit = True
    opts.edges.inherit_colors(False)
    if big or (positioned and not physics and not hierarchy):  # straight: cheap, honest on a map
        opts.edges.smooth.enabled = False
    elif hierarchy:  # left-to-right layers: edges leave and enter horizontally
        opts.edges.smooth.enabled = True
        opts.edges.smooth.type = "cubicBezier"
    else:
        opts.edges.toggle_smoothness("continuous")
    opts.interaction.hideEdgesOnDrag = big
    opts.interaction.dragNodes = True
    options = json.loads(opts.to_json())

    font = html_template.FONT_STACK
    options["layout"] = {"randomSeed": seed, "improvedLayout": not big and not positioned}
    options["interaction"].update({
        "hover": True, "tooltipDelay": 120, "multiselect": True, "navigationButtons": False,
        "keyboard": {"enabled": True, "bindToWindow": False},
        "hideEdgesOnZoom": big,
    })
    options["nodes"] = {
        "borderWidth": 1.5, "borderWidthSelected": 3,
        "font": {"face": font, "size": 14, "color": "#343a40", "strokeWidth": 3,
                 "strokeColor": "#ffffff"},
        "scaling": {"label": {"enabled": False, "drawThreshold": 6}},
        "shapeProperties": {"interpolation": False},
    }
    options["edges"].update({
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
        "color": {"color": "#b5bec8" if big else "#9aa5b1", "highlight": "#3b4a5a",
                  "hover": "#52606d", "inherit": False, "opacity": 1},
        "width": 0.8 if big else 1.2, "selectionWidth": 2, "hoverWidth": 1.5,
        "font": {"face": font, "size": 11, "color": "#616e7c", "strokeWidth": 3,
                 "strokeColor": "#ffffff", "align": "middle"},
    })
    if hierarchy:
        options["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier",
                                      "forceDirection": "horizontal", "roundness": 0.45}
    options["groups"] = _groups(labels)
    return options
