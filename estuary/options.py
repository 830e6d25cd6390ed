"""Options shared by the query commands, and opening the store a command asked for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from estuary.completion import complete_entity

if TYPE_CHECKING:
    from graph.store import Store


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class Layout(StrEnum):
    auto = "auto"
    force = "force"
    geo = "geo"


class Via(StrEnum):
    industry = "industry"
    park = "park"
    mechanism = "mechanism"
    any = "any"


EntityArg = Annotated[str, typer.Argument(help="Id, name, alias or pinyin.",
                                          autocompletion=complete_entity, show_default=False)]
FirstArg = Annotated[str, typer.Argument(help="First entity: id, name, alias or pinyin.",
                                         autocompletion=complete_entity, show_default=False)]
SecondArg = Annotated[str, typer.Argument(help="Second entity.", autocompletion=complete_entity,
                                          show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
HtmlOpt = Annotated[Path | None, typer.Option(
    "--html", help="Also write the answer's subgraph as a self-contained HTML file.",
    dir_okay=False, show_default=False)]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of labels in the HTML.")]
LayoutOpt = Annotated[Layout, typer.Option(
    "--layout", help="HTML layout: force-directed, or geo (cities at their coordinates).")]


@contextmanager
def progress_bar(description: str) -> Iterator[object]:
    """A Rich progress bar on stderr; the yielded callback takes (done, total)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                  transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def opened_store(ctx: typer.Context) -> Iterator[Store]:
    """The store the global options chose, closed when the command ends."""
    from graph.open import open_store

    with progress_bar("Loading the bundled data") as update:
        store = open_store(ctx.obj, progress=update)  # type: ignore[arg-type]
    try:
        yield store
    finally:
        store.close()
