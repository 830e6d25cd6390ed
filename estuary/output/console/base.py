"""The console: one Rich console, shared pieces of every table, and `render` by result type.

`render` is a `functools.singledispatch` function: each renderer module registers its
functions for the result classes it draws (`@render.register(SearchResult)`), and
`estuary.output.console` imports every renderer module in one visible place. A result with no
renderer of its own prints as its JSON.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from functools import singledispatch
from typing import Any

from rich.console import Console
from rich.text import Text

# Data is never markup: a name such as "Foo [/bar]" or ":warning:" prints as written.
console = Console(highlight=False, soft_wrap=False, markup=False, emoji=False)

# Set while a command answers --as-of a date: evidence lines then say "undated" where a
# relation carries no date, since such relations were kept without knowing they held.
MARK_UNDATED: ContextVar[bool] = ContextVar("MARK_UNDATED", default=False)


@singledispatch
def render(result: Any, *, paths_shown: int = 3, **_: Any) -> None:
    """Print a result model as Rich tables and lines (its JSON, if it has no renderer)."""
    from graph.model import to_jsonable

    console.print(json.dumps(to_jsonable(result), ensure_ascii=False, indent=2))


def name_text(entity: Any) -> Text:
    text = Text(entity.name, style="bold")
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
