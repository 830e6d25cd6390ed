"""`estuary viz`: the whole graph, or a part of it, as one shareable HTML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from estuary.cli import app
from estuary.commands_query import LabelOpt, _label
from estuary.completion import complete_entity
from estuary.errors import friendly
from estuary.options import Lang, LangOpt, Layout, LayoutOpt, opened_store
from estuary.output import write_html_file


@app.command()
@friendly
def viz(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False,
                                         help="The HTML file to write.")] = Path("graph.html"),
    label: LabelOpt = None,
    around: Annotated[str | None, typer.Option(
        "--around", help="Only the neighbourhood of this entity.", show_default=False,
        autocompletion=complete_entity)] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=4,
                                       help="Hops around --around.")] = 2,
    sources: Annotated[bool, typer.Option(
        "--sources/--no-sources", help="Draw Source nodes and their MENTIONS edges.")] = False,
    lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Draw the whole graph (or --type LABEL, or --around ENTITY --depth N) as one HTML file.

    Example: [bold]estuary viz -o graph.html --layout geo[/bold]
    """
    from queries.subgraphs import graph_view

    with opened_store(ctx) as store:
        view = graph_view(store, label=_label(label), around=around, depth=depth,
                          sources=sources)
        title = "长江口产业创新协同区 knowledge graph"
        if around:
            title = f"Around {view.focus_name} ({depth} hops)"
        write_html_file(view.subgraph, output, title=title, lang=lang.value,
                        layout=layout.value, store_location=store.location)
