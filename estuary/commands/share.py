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
    AsOfOpt,
    DepthOpt,
    Format,
    LabelOpt,
    LangOpt,
    LayoutOpt,
    PdfOpt,
    PngOpt,
    SvgOpt,
    Via,
    label_option,
    opened_store,
    with_output,
)
from estuary.output.emit import (
    Output,
    emit,
    question,
    refuse_clobber,
    store_file,
    write_html_file,
)
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
    as_of: AsOfOpt = None,
    png: PngOpt = None,
    svg: SvgOpt = None,
    pdf: PdfOpt = None,
) -> None:
    """Draw the whole graph (or --type LABEL, or --around ENTITY --depth N) as one HTML file.

    Example: [bold]estuary viz -o graph.html --layout geo --png graph.png[/bold]
    """
    from queries.subgraphs import graph_view

    out = Output(html=output, lang=lang.value, layout=layout.value, png=png, svg=svg, pdf=pdf,
                 question=question(ctx))
    refuse_clobber((output, *(p for p in (png, svg, pdf) if p)), store_file(ctx.obj))
    with opened_store(ctx, as_of) as store:
        view = graph_view(store, label=label_option(label), around=around, depth=depth,
                          sources=sources)
        write_html_file(view.subgraph(), out, title=view.title, store=store)


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
    """Export the whole graph, or a query's subgraph, as GraphML, GEXF, JSON, CSV, Excel
    (xlsx) or Cypher.

    --json prints a summary of what was written (give -o).
    Example: [bold]estuary export -f cypher --around 南通 --depth 2 -o nantong.cypher[/bold]
    """
    from estuary.output import export as formats
    from estuary.output.export.result import ExportResult
    from queries.subgraphs import export_selection

    if around is not None and links is not None:
        raise typer.BadParameter("give --around or --links, not both", param_hint="--around")
    if output is None and fmt.value == "csv":
        raise typer.BadParameter("csv writes two files: give -o PATH", param_hint="--output")
    if output is None and fmt.value in formats.BINARY_FORMATS:
        raise typer.BadParameter(f"{fmt.value} is a binary file: give -o PATH.{fmt.value}",
                                 param_hint="--output")
    if output is None and out.json:
        raise typer.BadParameter("--json summarises the files written: give -o PATH",
                                 param_hint="--json")
    if output is None:
        targets: tuple[Path, ...] = ()
    elif fmt.value == "csv":
        from estuary.output.export import csv_format  # a submodule: not imported by `formats`

        targets = csv_format.paths(output)
    else:
        targets = (Path(output),)
    refuse_clobber((*targets, *((out.html,) if out.html else ())), store_file(ctx.obj))
    with opened_store(ctx) as store:
        chosen = export_selection(store, around=around, depth=depth, link=links,
                                  via=via.value)
        graph, selection, warnings = chosen.graph, chosen.description, chosen.warnings
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
            if out.draws:
                write_html_file(graph, out, title=result.title, store=store)
            return
        emit(result, out, store=store)
