"""Where a result goes: a Rich table, JSON on stdout, and/or an HTML graph file."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sys
from pathlib import Path
from typing import Any

import typer


def emit(result: Any, *, as_json: bool, html: Path | None, title: str,
         store_location: str, lang: str = "zh", layout: str = "auto",
         paths_shown: int = 3) -> None:
    """Print the result (table or JSON) and write its HTML graph if asked."""
    if as_json:
        from graph.model import to_jsonable

        typer.echo(json.dumps(to_jsonable(result), ensure_ascii=False, indent=2))
    else:
        from estuary.render import render

        render(result, paths_shown=paths_shown)
    if html is not None:
        write_html_file(result.subgraph(), html, title=title, lang=lang, layout=layout,
                        store_location=store_location)


_SECRET_OPTIONS = ("--neo4j-password",)


def _masked(args: list[str]) -> list[str]:
    """The command line with secrets replaced: the caption is mailed to colleagues."""
    out: list[str] = []
    hide_next = False
    for arg in args:
        if hide_next:
            out.append("***")
            hide_next = False
        elif arg in _SECRET_OPTIONS:
            out.append(arg)
            hide_next = True
        elif arg.startswith(tuple(f"{o}=" for o in _SECRET_OPTIONS)):
            out.append(arg.split("=", 1)[0] + "=***")
        else:
            out.append(arg)
    return out


def write_html_file(subgraph: Any, path: Path, *, title: str, lang: str, layout: str,
                    store_location: str) -> None:
    from graph.html import write_html

    command = "estuary " + " ".join(shlex.quote(a) for a in _masked(sys.argv[1:]))
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    caption = f"{command} · {when} · data: {store_location}"
    write_html(subgraph, path, title=title, caption=caption, lang=lang, layout=layout)
    typer.echo(f"Wrote {path} ({len(subgraph.nodes)} nodes, {len(subgraph.edges)} edges)",
               err=True)
