"""The page around the graph: HTML skeleton, stylesheet and script, read from `assets/`.

They are real files (shipped as package data) so they can be read, linted and diffed as what
they are. Nothing in them is data: the only holes are ``@@NAME@@`` markers that `page.py`
fills with escaped text (title, caption, UI strings), the inlined vis-network assets and the
JSON payload, whose ``<``, ``>`` and ``&`` are already escaped so it can never end its
``<script>``.

The script reads the payload (see the layout of node and edge rows in `page.py`), expands it
into vis DataSets, and builds legend, filter, search list and details panel with
``textContent`` only: no data string ever goes through ``innerHTML``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

# Markers in page.html: TITLE, CAPTION, LANG (already escaped), CSP (a policy built from
# constant hashes), VIS_CSS, VIS_JS, DATA, APP_CSS, APP_JS, and the UI strings T_*.
# page.css has one marker, FONT.
FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
    "Arial, sans-serif"
)


@cache
def asset(name: str) -> str:
    """One of the page's files: page.html, page.css or page.js."""
    return (files(__package__) / "assets" / name).read_text(encoding="utf-8")
