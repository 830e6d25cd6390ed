"""The one call a command makes with its result: a Rich table or JSON, and an HTML file."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from graph.model import Entity, Subgraph
    from graph.store import Store
    from queries.result import Result


@dataclass(frozen=True)
class Output:
    """What the shared output options asked for (see `estuary.options.with_output`)."""

    json: bool = False
    html: Path | None = None
    lang: str = "zh"
    layout: str = "auto"
    png: Path | None = None
    svg: Path | None = None
    pdf: Path | None = None
    question: str = ""  # the command as asked, for the caption (see `question`)

    @property
    def draws(self) -> bool:
        """Whether a drawing of the answer (page or picture) was asked for."""
        return any(p is not None for p in (self.html, self.png, self.svg, self.pdf))


def emit(result: Result, out: Output, *, store: Store | None = None, store_location: str = "",
         paths_shown: int = 3) -> None:
    """Print the result (table or JSON) and write its HTML graph and pictures if asked.

    `store` (the one that answered) supplies the data's digest for the caption and the
    cited sources' titles and addresses; `store_location` is accepted for old callers and
    never written anywhere (it is a local path or a host).
    """
    del store_location
    if out.json:
        from estuary.output.sanitize import clean_json
        from graph.model import to_jsonable

        typer.echo(clean_json(json.dumps(to_jsonable(result), ensure_ascii=False, indent=2)))
    else:
        from estuary.output.console import render

        render(result, paths_shown=paths_shown)
    if out.draws:
        write_html_file(result.subgraph(), out, title=result.title, store=store,
                        note=getattr(result, "note", ""))


# Parameters never shown in a caption: where files go, and how the answer is printed.
_PRIVATE_PARAMS = frozenset({"json", "html", "png", "svg", "pdf", "output", "lang", "layout"})

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
    """A command line with secrets replaced (the caption no longer shows argv at all)."""
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


def question(ctx: Any) -> str:
    """The command and its parameters as typed, without anything private.

    Built from the parsed command context (not from argv): global options (--db,
    --neo4j-uri, --neo4j-password, ...) belong to the parent command and never appear, and
    neither do output paths nor any other path-valued option.
    """
    command = getattr(ctx, "command", None)
    if command is None:
        return "estuary"
    parts = ["estuary", ctx.info_name or command.name or ""]
    for param in command.params:
        if param.name in _PRIVATE_PARAMS or param.name is None:
            continue
        value = ctx.params.get(param.name)
        if value is None or value is False:
            continue
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        if any(isinstance(v, Path) for v in values):
            continue
        words = [str(getattr(v, "value", v)) for v in values]
        flags = [o for o in param.opts if o.startswith("-")]
        if not flags:  # an argument
            parts += words
        else:
            parts += [max(flags, key=len)] if value is True else [max(flags, key=len), *words]
    return " ".join(p if re.fullmatch(r"[^\s'\"\\$`|&;<>()*?#~]+", p) else shlex.quote(p)
                    for p in parts)


def caption_for(store: Store | None, asked: str = "") -> str:
    """Question, data version and date: what a reader needs, nothing about the machine."""
    from estuary import __version__

    digest = None
    if store is not None:
        try:
            digest = store.bundled_digest()
        except Exception:  # a caption must never lose the file
            digest = None
    data = f"data {digest}" if digest else "data: own (not the bundled set)"
    asked = asked or "estuary"
    return f"{asked} · {data} · estuary {__version__} · {dt.date.today().isoformat()}"


def cited_sources(subgraph: Subgraph, store: Store | None) -> dict[str, Entity]:
    """The Source entities the subgraph cites (edges, entities' `source`, answers)."""
    from estuary.output.html.evidence import source_ids

    if store is None:
        return {}
    ids = {r.source for r in subgraph.edges if r.source}
    ids |= {s for e in subgraph.nodes for s in source_ids(e.props.get("source"))}
    ids |= {s for a in subgraph.answers for s in a.sources}
    ids -= {e.id for e in subgraph.nodes}
    return dict(store.entities(sorted(ids))) if ids else {}


def write_html_file(subgraph: Subgraph, out: Output, *, title: str, store: Store | None = None,
                    store_location: str = "", path: Path | None = None,
                    note: str = "") -> None:
    """Write `subgraph` as one self-contained page (`path`, default `out.html`) and the
    pictures `out` asks for (--png, --svg, --pdf), rendered from that page. `note` (what a
    bounded answer left out) follows the caption."""
    import tempfile

    from estuary.output.html.page import write_html
    from estuary.output.sanitize import clean_line

    del store_location  # a local path or a host: never written into a shared file
    # The note goes on a line of its own (the caption keeps line breaks; pictures draw only
    # the first line).
    caption = caption_for(store, out.question) + (f"\n{note}" if note else "")
    sources = cited_sources(subgraph, store)
    target = path or out.html
    refuse_clobber(tuple(p for p in (target, out.png, out.svg, out.pdf) if p is not None),
                   store.location if store is not None else None)
    with tempfile.TemporaryDirectory(prefix="estuary-page-") as tmp:
        page = target if target is not None else Path(tmp) / "page.html"
        write_html(subgraph, page, title=title, caption=caption, lang=out.lang,
                   layout=out.layout, sources=sources)
        if target is not None:
            typer.echo(clean_line(f"Wrote {target} ({len(subgraph.nodes)} nodes, "
                                  f"{len(subgraph.edges)} edges)"), err=True)
        if out.png or out.svg or out.pdf:
            from estuary.output.html.picture import render_pictures

            for written in render_pictures(page, png=out.png, svg=out.svg, pdf=out.pdf):
                typer.echo(clean_line(f"Wrote {written}"), err=True)
