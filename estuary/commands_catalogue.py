"""The rest of the catalogue: why, compare, hubs, mentions, load-doc and export.

Thin commands, like those in commands_query: parse, open the store, call one function, emit.
Renderers live in `estuary.render_catalogue`; `estuary.render.render` imports it when a
result is printed.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from estuary.cli import app
from estuary.commands_query import LabelOpt, _label
from estuary.completion import complete_entity
from estuary.errors import friendly
from estuary.options import (
    EntityArg,
    FirstArg,
    HtmlOpt,
    JsonOpt,
    Lang,
    LangOpt,
    Layout,
    LayoutOpt,
    SecondArg,
    Via,
    opened_store,
)
from estuary.output import emit


class Metric(StrEnum):
    degree = "degree"
    betweenness = "betweenness"
    pagerank = "pagerank"


class Format(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    csv = "csv"
    cypher = "cypher"


@app.command()
@friendly
def why(
    ctx: typer.Context, a: FirstArg, b: SecondArg,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Show every relation directly between two entities, with its quote and source.

    Example: [bold]estuary why 南通 苏州[/bold]
    """
    from queries.why import why as run

    with opened_store(ctx) as store:
        result = run(store, a, b)
        emit(result, as_json=json, html=html,
              title=f"Why {result.a.display} — {result.b.display}",
              store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def compare(
    ctx: typer.Context, a: FirstArg, b: SecondArg,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Compare two entities: industries (and their categories), parks, memberships, mechanisms.

    Example: [bold]estuary compare 南通 苏州[/bold]
    """
    from queries.compare import compare as run

    with opened_store(ctx) as store:
        result = run(store, a, b)
        emit(result, as_json=json, html=html,
              title=f"{result.a.display} vs {result.b.display}",
              store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def hubs(
    ctx: typer.Context,
    label: LabelOpt = None,
    metric: Annotated[Metric, typer.Option("--metric", "-m",
                                           help="How centrality is measured.")] = Metric.degree,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to list.")] = 10,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """List the most central entities (degree, betweenness or PageRank; sources left out).

    Example: [bold]estuary hubs --metric betweenness --type Industry --limit 5[/bold]
    """
    from queries.hubs import hubs as run

    with opened_store(ctx) as store:
        result = run(store, label=_label(label), metric=metric.value, limit=limit)
        emit(result, as_json=json, html=html, title=f"Hubs by {metric.value}",
              store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def mentions(
    ctx: typer.Context, entity: EntityArg,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Quote the sentences of loaded documents that name an entity (its MENTIONS).

    Documents are added with `estuary load-doc`. Example: [bold]estuary mentions 飞地孵化[/bold]
    """
    from queries.mentions import mentions as run

    with opened_store(ctx) as store:
        result = run(store, entity)
        emit(result, as_json=json, html=html, title=f"Mentions of {result.entity.display}",
              store_location=store.location, lang=lang.value, layout=layout.value)


@app.command("load-doc")
@friendly
def load_doc(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A UTF-8 Chinese text file.", dir_okay=False,
                                         show_default=False)],
    title: Annotated[str | None, typer.Option(
        "--title", help="The document's title (default: its first line).",
        show_default=False)] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where the document is published.",
                                            show_default=False)] = None,
    source_id: Annotated[str | None, typer.Option(
        "--id", help="Source id, source:slug (default: from the file name).",
        show_default=False)] = None,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Add a document: a Source, and a MENTIONS (with the sentence) for every entity it names.

    Names and aliases of two characters or more are matched, longest first. One relation per
    entity quotes the first sentence naming it; relations already in the graph are kept, so
    loading a document twice changes nothing.
    Example: [bold]estuary load-doc report.txt --title 南通调研报告 --url https://example.cn/r[/bold]
    """
    from loaders.document import load_document

    with opened_store(ctx) as store:
        result = load_document(store, file, source_id=source_id, title=title, url=url)
        emit(result, as_json=json, html=html, title=f"{result.source.name} ({file.name})",
              store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def export(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.",
                                        show_default=False)],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="File to write (csv: PATH-nodes.csv and PATH-edges.csv, or a "
        "directory); standard output if not given.", show_default=False)] = None,
    around: Annotated[str | None, typer.Option(
        "--around", help="Only the neighbourhood of this entity.", show_default=False,
        autocompletion=complete_entity)] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=4,
                                       help="Hops around --around.")] = 1,
    links: Annotated[tuple[str, str] | None, typer.Option(
        "--links", help="Only the paths linking two entities (A B).", show_default=False,
        autocompletion=complete_entity)] = None,
    via: Annotated[Via, typer.Option("--via", help="What links them (with --links).")] = (
        Via.industry),
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Export the whole graph, or a query's subgraph, as GraphML, GEXF, JSON, CSV or Cypher.

    --json prints a summary of what was written (give -o).
    Example: [bold]estuary export -f cypher --around 南通 --depth 2 -o nantong.cypher[/bold]
    """
    from graph import export as out

    if around is not None and links is not None:
        raise typer.BadParameter("give --around or --links, not both", param_hint="--around")
    if output is None and fmt is Format.csv:
        raise typer.BadParameter("csv writes two files: give -o PATH", param_hint="--output")
    if output is None and json:
        raise typer.BadParameter("--json summarises the files written: give -o PATH",
                                 param_hint="--json")
    with opened_store(ctx) as store:
        warnings: tuple[str, ...] = ()
        if around is not None:
            from queries import neighbors

            near = neighbors(store, around, depth=depth)
            graph = near.subgraph()
            selection = f"within {depth} hop(s) of {near.center.display} [{near.center.id}]"
        elif links is not None:
            from queries import links as run_links

            linked = run_links(store, links[0], links[1], via=via.value)
            graph = linked.subgraph()
            selection = (f"{via.value} links between {linked.a.display} [{linked.a.id}] and "
                         f"{linked.b.display} [{linked.b.id}]")
        else:
            graph, warnings = out.whole_graph(store)
            selection = "whole graph"
        if output is None:
            typer.echo(out.render(graph, fmt.value, selection)[""], nl=False)
            files: tuple[Path, ...] = ()
        else:
            files = out.write(graph, fmt.value, output, selection)
        result = out.ExportResult(fmt.value, selection, tuple(str(f) for f in files), graph,
                                  warnings)
        if output is None:
            for warning in warnings:
                typer.echo(f"warning: {warning}", err=True)
            if html is not None:
                from estuary.output import write_html_file

                write_html_file(graph, html, title=f"Export: {selection}", lang=lang.value,
                                layout=layout.value, store_location=store.location)
            return
        emit(result, as_json=json, html=html, title=f"Export: {selection}",
              store_location=store.location, lang=lang.value, layout=layout.value)
