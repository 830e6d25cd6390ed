"""Commands that make files to share: viz (one HTML page) and export (other tools' formats)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from estuary.completion import complete_entity
from estuary.errors import friendly
from estuary.options import (
    DEFAULT_LANG,
    DEFAULT_LAYOUT,
    DEFAULT_VIA,
    AroundOpt,
    DepthOpt,
    Format,
    LabelOpt,
    LangOpt,
    LayoutOpt,
    Via,
    label_option,
    opened_store,
    with_output,
)
from estuary.output.emit import Output, emit, refuse_clobber, store_file, write_html_file
from estuary.output.sanitize import clean_json, clean_line


@friendly
def viz(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", dir_okay=False,
                                         help="The HTML file to write.")] = Path("graph.html"),
    label: LabelOpt = None,
    around: AroundOpt = None,
    depth: DepthOpt = 2,
    sources: Annotated[bool, typer.Option(
        "--sources/--no-sources", help="Draw Source nodes and their MENTIONS edges.")] = False,
    lang: LangOpt = DEFAULT_LANG,
    layout: LayoutOpt = DEFAULT_LAYOUT,
) -> None:
    """Draw the whole graph (or --type LABEL, or --around ENTITY --depth N) as one HTML file.

    Example: [bold]estuary viz -o graph.html --layout geo[/bold]
    """
    from queries.subgraphs import graph_view

    out = Output(html=output, lang=lang.value, layout=layout.value)
    refuse_clobber((output,), store_file(ctx.obj))
    with opened_store(ctx) as store:
        view = graph_view(store, label=label_option(label), around=around, depth=depth,
                          sources=sources)
        write_html_file(view.subgraph(), out, title=view.title, store_location=store.location)


@friendly
@with_output
def export(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f",  # type: ignore[valid-type]
                                        help="Output format.", show_default=False)],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="File to write (csv: PATH-nodes.csv and PATH-edges.csv, or a "
        "directory); standard output if not given.", show_default=False)] = None,
    around: AroundOpt = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=4,
                                       help="Hops around --around.")] = 1,
    links: Annotated[tuple[str, str] | None, typer.Option(
        "--links", help="Only the paths linking two entities (A B).", show_default=False,
        autocompletion=complete_entity)] = None,
    via: Annotated[Via, typer.Option(  # type: ignore[valid-type]
        "--via", help="What links them (with --links).")] = DEFAULT_VIA,
    *, out: Output,
) -> None:
    """Export the whole graph, or a query's subgraph, as GraphML, GEXF, JSON, CSV or Cypher.

    --json prints a summary of what was written (give -o).
    Example: [bold]estuary export -f cypher --around 南通 --depth 2 -o nantong.cypher[/bold]
    """
    from estuary.output import export as formats
    from estuary.output.export.result import ExportResult

    if around is not None and links is not None:
        raise typer.BadParameter("give --around or --links, not both", param_hint="--around")
    if output is None and fmt.value == "csv":
        raise typer.BadParameter("csv writes two files: give -o PATH", param_hint="--output")
    if output is None and out.json:
        raise typer.BadParameter("--json summarises the files written: give -o PATH",
                                 param_hint="--json")
    targets: tuple[Path, ...] = () if output is None else (
        formats.csv_format.paths(output) if fmt.value == "csv" else (Path(output),))
    refuse_clobber((*targets, *((out.html,) if out.html else ())), store_file(ctx.obj))
    with opened_store(ctx) as store:
        warnings: tuple[str, ...] = ()
        if around is not None:
            from queries.neighbors import neighbors

            near = neighbors(store, around, depth=depth)
            graph = near.subgraph()
            selection = f"within {depth} hop(s) of {near.center.display} [{near.center.id}]"
        elif links is not None:
            from queries.links import links as run_links

            linked = run_links(store, links[0], links[1], via=via.value)
            graph = linked.subgraph()
            selection = (f"{via.value} links between {linked.a.display} [{linked.a.id}] and "
                         f"{linked.b.display} [{linked.b.id}]")
        else:
            from queries.whole_graph import whole_graph

            graph, warnings = whole_graph(store)
            selection = "whole graph"
        files: tuple[Path, ...] = ()
        if output is None:
            # To a terminal: JSON and Cypher leave C1 controls and bidi raw; \uXXXX is the
            # same text in both languages (GraphML/GEXF are escaped already).
            typer.echo(clean_json(formats.render(graph, fmt.value, selection)[""]), nl=False)
        else:
            files = formats.write(graph, fmt.value, output, selection)
        result = ExportResult(fmt.value, selection, tuple(str(f) for f in files), graph,
                              warnings)
        if output is None:
            for warning in warnings:
                typer.echo(f"warning: {clean_line(warning)}", err=True)
            if out.html is not None:
                write_html_file(graph, out, title=result.title, store_location=store.location)
            return
        emit(result, out, store_location=store.location)
