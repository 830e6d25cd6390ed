"""The console: one Rich console, shared pieces of every table, and `render` by result type.

`render` dispatches on the result's class (functools.singledispatch): each renderer module
registers its functions for the result classes it draws (`@render.register(SearchResult)`).
RENDERERS names, in one visible place, which renderer module draws the results of which query
module; `render` imports that one module the first time it draws such a result, so `show`
loads its own renderer, not `ask`'s question parser. A result with no renderer of its own
prints as its JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import singledispatch
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Span, Text

from estuary.output.marks import MARK_UNDATED
from estuary.output.sanitize import clean, is_clean, unsafe_positions


def safe_text(text: Text) -> Text:
    """The Text with control/escape/bidi characters shown escaped, its styles kept in place."""
    plain = text.plain
    if is_clean(plain):
        return text
    shifts = unsafe_positions(plain)
    pieces: list[str] = []
    offset = [0] * (len(plain) + 1)  # old index -> new index
    last = added = 0
    for start, end, repl in shifts:
        for i in range(last, start + 1):
            offset[i] = i + added
        pieces.append(plain[last:start])
        pieces.append(repl)
        added += len(repl) - (end - start)
        last = end
    for i in range(last, len(plain) + 1):
        offset[i] = i + added
    pieces.append(plain[last:])
    out = Text("".join(pieces), style=text.style, justify=text.justify,
               overflow=text.overflow, no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size)
    out.spans = [Span(offset[s.start], offset[min(s.end, len(plain))], s.style)
                 for s in text.spans]
    return out


class SafeConsole(Console):
    """A Rich console that never lets data talk to the terminal (the one choke point).

    Everything printed goes through `render`: text is cleaned before layout (so widths are
    right), and every text segment is cleaned again on the way out, whatever drew it (tables,
    titles, progress). Rich's own control segments (cursor moves of a live progress bar) pass.
    """

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return safe_text(super().render_str(clean(text), **kwargs))

    def render(self, renderable: RenderableType,
               options: ConsoleOptions | None = None) -> Iterable[Segment]:
        if isinstance(renderable, Text):
            renderable = safe_text(renderable)
        for seg in super().render(renderable, options):
            if seg.control or is_clean(seg.text):
                yield seg
            else:
                yield Segment(clean(seg.text), seg.style, seg.control)


# Data is never markup: a name such as "Foo [/bar]" or ":warning:" prints as written.
console = SafeConsole(highlight=False, soft_wrap=False, markup=False, emoji=False)



# The module a result class is defined in (or a package above it) -> the renderer module, in
# this package, that registers its renderer. A new renderer module needs its lines here.
RENDERERS: dict[str, str] = {
    "queries.search": "answers", "queries.show": "answers", "queries.neighbors": "answers",
    "queries.paths": "answers", "queries.links": "answers", "queries.stats": "answers",
    "queries.ask": "ask", "queries.related": "ask", "queries.stakes": "ask",
    "queries.why": "catalogue", "queries.compare": "catalogue", "queries.hubs": "catalogue",
    "queries.mentions": "catalogue", "loaders.document": "catalogue",
    "estuary.output.export.result": "catalogue",
    "queries.overview": "overview", "queries.sources": "sources",
}


def renderer_module(result_type: type) -> str | None:
    """The renderer module RENDERERS names for a result class (None if none does)."""
    parts = result_type.__module__.split(".")
    for end in range(len(parts), 0, -1):
        found = RENDERERS.get(".".join(parts[:end]))
        if found:
            return f"{__package__}.{found}"
    return None


@singledispatch
def _dispatch(result: Any, *, paths_shown: int = 3, **_: Any) -> None:
    from graph.model import to_jsonable

    console.print(json.dumps(to_jsonable(result), ensure_ascii=False, indent=2))


def render(result: Any, **options: Any) -> None:
    """Print a result model as Rich tables and lines (its JSON, if it has no renderer)."""
    import importlib

    module = renderer_module(type(result))
    for name in [module] if module else sorted({f"{__package__}.{m}"
                                                 for m in RENDERERS.values()}):
        importlib.import_module(name)  # registers its renderers (once: modules are cached)
    _dispatch(result, **options)


render.register = _dispatch.register  # type: ignore[attr-defined]


def name_text(entity: Any) -> Text:
    # Fold, not cut: a Chinese name has no space to wrap at, and "长江口产业创新协 …" in a
    # narrow column would hide what the row is about.
    text = Text(entity.name, style="bold", overflow="fold")
    if entity.name_en:
        text.append(f"  {entity.name_en}", style="dim")
    return text


def dates_note(rel: Any) -> str:
    """", since 2010", ", 2008-01–2020-05", ", undated" (only under --as-of), or ""."""
    since, until = rel.props.get("since"), rel.props.get("until")
    if since and until:
        return f", {since}–{until}"
    if since:
        return f", since {since}"
    if until:
        return f", until {until}"
    return ", undated" if MARK_UNDATED.get() else ""


def evidence_lines(relations: Any, names: dict[str, str], indent: str) -> None:
    """Each relation on one line with its source; the quote, if any, on the next."""
    for rel in relations:
        line = Text(indent)
        line.append(f"{rel.type} ", style="cyan")
        line.append(f"{names.get(rel.start, rel.start)} → {names.get(rel.end, rel.end)}")
        line.append(f"  [{rel.source}, {rel.confidence}{dates_note(rel)}]", style="dim")
        console.print(line)
        if rel.evidence:
            console.print(Text(f"{indent}  “{rel.evidence}”"))
