"""The one call a command makes with its result: a Rich table or JSON, and an HTML file."""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from graph.model import Subgraph
    from queries.result import Result


@dataclass(frozen=True)
class Output:
    """What the shared output options asked for (see `estuary.options.with_output`)."""

    json: bool = False
    html: Path | None = None
    lang: str = "zh"
    layout: str = "auto"


def emit(result: Result, out: Output, *, store_location: str, paths_shown: int = 3) -> None:
    """Print the result (table or JSON) and write its HTML graph if asked."""
    if out.json:
        from estuary.output.sanitize import clean_json
        from graph.model import to_jsonable

        typer.echo(clean_json(json.dumps(to_jsonable(result), ensure_ascii=False, indent=2)))
    else:
        from estuary.output.console import render

        render(result, paths_shown=paths_shown)
    if out.html is not None:
        write_html_file(result.subgraph(), out, title=result.title,
                        store_location=store_location)


class OutputRefused(Exception):
    """An output path that would overwrite the store or an input of the command."""


def protected_paths(store_location: str | Path | None, inputs: tuple[Path, ...] = ()
                    ) -> dict[Path, str]:
    """Files an output must never replace, resolved (symlinks followed), with what they are."""
    out: dict[Path, str] = {}
    for path in inputs:
        out[Path(os.path.realpath(path))] = "an input of this command"
    if store_location is not None and "://" not in str(store_location):
        store = Path(os.path.realpath(store_location))
        out[store] = "the store"
        out[Path(str(store) + ".lock")] = "the store's lock"
    return out


def refuse_clobber(targets: tuple[Path, ...], store_location: str | Path | None,
                   inputs: tuple[Path, ...] = ()) -> None:
    """Raise OutputRefused if an output path resolves to the store, its lock or an input.

    `estuary --db g.json viz -o g.json` would otherwise replace the graph with a web page.
    """
    protected = protected_paths(store_location, inputs)
    for target in targets:
        what = protected.get(Path(os.path.realpath(target)))
        if what is not None:
            raise OutputRefused(f"{target} is {what}: writing there would destroy it; choose "
                                "another output path")


def store_file(settings: object) -> Path | None:
    """The embedded store's file the global options chose (None for Neo4j)."""
    if getattr(settings, "kind", None) != "embedded":
        return None
    from estuary.stores import default_db_path

    return getattr(settings, "db", None) or default_db_path()


_SECRET_OPTIONS = ("--neo4j-password",)


def _masked(args: list[str]) -> list[str]:
    """The command line with secrets replaced: the caption is mailed to colleagues."""
    masked: list[str] = []
    hide_next = False
    for arg in args:
        if hide_next:
            masked.append("***")
            hide_next = False
        elif arg in _SECRET_OPTIONS:
            masked.append(arg)
            hide_next = True
        elif arg.startswith(tuple(f"{o}=" for o in _SECRET_OPTIONS)):
            masked.append(arg.split("=", 1)[0] + "=***")
        else:
            masked.append(arg)
    return masked


def write_html_file(subgraph: Subgraph, out: Output, *, title: str, store_location: str,
                    path: Path | None = None) -> None:
    """Write `subgraph` as one self-contained page to `path` (default: `out.html`)."""
    from estuary.output.html.page import write_html
    from estuary.output.sanitize import clean_line

    target = path or out.html
    assert target is not None
    refuse_clobber((target,), store_location)
    command = "estuary " + " ".join(shlex.quote(a) for a in _masked(sys.argv[1:]))
    when = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    caption = f"{command} · {when} · data: {store_location}"
    write_html(subgraph, target, title=title, caption=caption, lang=out.lang, layout=out.layout)
    typer.echo(clean_line(f"Wrote {target} ({len(subgraph.nodes)} nodes, "
                          f"{len(subgraph.edges)} edges)"), err=True)
