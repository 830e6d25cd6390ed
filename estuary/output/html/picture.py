"""Pictures of a written page (PNG, SVG, PDF) through a headless Chromium.

The page is the one source of truth: the picture is the same view, drawn by the same
vis-network code, with the same fonts. Chromium is run once per format as a plain command
(no driver, no network: the page's CSP forbids every request anyway):

* PNG: ``--screenshot`` of the page opened as ``#picture`` (search box and buttons hidden;
  title, caption, ranked answer, legend and graph kept). Chinese glyphs are rasterised by
  Chromium from the system's CJK font, so the PNG needs no font to be read.
* SVG: ``--dump-dom`` of the page opened as ``#svg``: once laid out, the page rebuilds the
  drawing from vis-network's positions as SVG (`toSVG` in page.js) into a hidden textarea,
  which is read back here. Labels are SVG text in the page's font stack: they stay text
  (searchable, editable) and are drawn with the viewer's CJK font.
* PDF: that SVG printed by Chromium (``--print-to-pdf``): vector, with the CJK glyphs it
  used embedded as a font subset, so it reads the same on any machine.

Chromium is found as ``$ESTUARY_CHROMIUM``, else ``chromium``, ``chromium-browser``,
``google-chrome`` or ``chrome`` on PATH.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

WIDTH, HEIGHT = 1600, 1000  # CSS pixels of the PNG's window (rendered at 1.5x)
SCALE = 1.5
BUDGET_MS = 30_000  # virtual time the page gets to lay itself out
TIMEOUT_S = 180
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")


class PictureError(OSError):
    """No browser to draw with, or it failed: the message says what to do."""


def find_browser() -> str:
    explicit = os.environ.get("ESTUARY_CHROMIUM")
    if explicit:
        if shutil.which(explicit):
            return explicit
        raise PictureError(f"ESTUARY_CHROMIUM={explicit!r} is not an executable")
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise PictureError("pictures (--png/--svg/--pdf) need Chromium: install it (Debian: "
                       "apt-get install chromium) or set ESTUARY_CHROMIUM to its path")


def _run(browser: str, profile: Path, args: list[str], *, width: int = WIDTH,
         height: int = HEIGHT, scale: float = 1.0) -> str:
    cmd = [browser, "--headless=new", "--disable-gpu", "--hide-scrollbars",
           "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run", "--no-default-browser-check",
           "--disable-extensions", "--mute-audio", "--log-level=3",
           f"--user-data-dir={profile}", f"--window-size={width},{height}",
           f"--force-device-scale-factor={scale}", f"--virtual-time-budget={BUDGET_MS}",
           *args]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S,
                              check=False, env={**os.environ, "LANG": "C.UTF-8"})
    except subprocess.TimeoutExpired as exc:
        raise PictureError(f"Chromium took over {TIMEOUT_S} s to draw the page") from exc
    if done.returncode != 0:
        tail = (done.stderr or "").strip().splitlines()[-1:] or [""]
        raise PictureError(f"Chromium failed ({done.returncode}): {tail[0][:200]}")
    return done.stdout


def _svg_from(page: Path, browser: str, profile: Path) -> str:
    dom = _run(browser, profile, ["--dump-dom", page.resolve().as_uri() + "#svg"])
    m = re.search(r'<textarea id="estuary-svg"[^>]*>(.*?)</textarea>', dom, re.S)
    if not m:
        raise PictureError("the page did not finish its drawing in time (no SVG came back)")
    return html.unescape(m.group(1))


def render_pictures(page: Path, *, png: Path | None = None, svg: Path | None = None,
                    pdf: Path | None = None) -> list[Path]:
    """Write the asked-for pictures of the HTML file `page`; returns the files written."""
    browser = find_browser()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="estuary-chromium-") as tmp:
        profile = Path(tmp) / "profile"
        if png is not None:
            png = Path(png)
            png.parent.mkdir(parents=True, exist_ok=True)
            shot = Path(tmp) / "shot.png"
            _run(browser, profile, [f"--screenshot={shot}",
                                    page.resolve().as_uri() + "#picture"], scale=SCALE)
            if not shot.exists() or shot.stat().st_size == 0:
                raise PictureError("Chromium wrote no screenshot")
            shutil.copyfile(shot, png)
            written.append(png)
        if svg is not None or pdf is not None:
            text = _svg_from(page, browser, profile)
            if svg is not None:
                svg = Path(svg)
                svg.parent.mkdir(parents=True, exist_ok=True)
                svg.write_text(text, encoding="utf-8", newline="\n")
                written.append(svg)
            if pdf is not None:
                pdf = Path(pdf)
                pdf.parent.mkdir(parents=True, exist_ok=True)
                written.append(_pdf(text, pdf, browser, profile, Path(tmp)))
    return written


def _pdf(svg_text: str, pdf: Path, browser: str, profile: Path, tmp: Path) -> Path:
    """Print the SVG on one page of its own size."""
    m = re.search(r'width="(\d+)" height="(\d+)"', svg_text)
    w, h = (int(m.group(1)), int(m.group(2))) if m else (WIDTH, HEIGHT)
    title = re.search(r"<text[^>]*>(.*?)</text>", svg_text, re.S)
    doc = tmp / "print.html"
    doc.write_text(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + (title.group(1) if title else "estuary") + "</title><style>"
        f"@page {{ size: {w}px {h}px; margin: 0 }} html, body {{ margin: 0 }}"
        f" svg {{ display: block; width: {w}px; height: {h}px }}</style></head><body>"
        + svg_text + "</body></html>", encoding="utf-8")
    out = tmp / "print.pdf"
    _run(browser, profile, ["--no-pdf-header-footer", f"--print-to-pdf={out}",
                            doc.resolve().as_uri()])
    if not out.exists() or out.stat().st_size == 0:
        raise PictureError("Chromium wrote no PDF")
    shutil.copyfile(out, pdf)
    return pdf
