"""Query commands: each opens the store, calls one query function and renders its result."""

from __future__ import annotations

from typing import Annotated

import typer

from estuary.cli import app
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

LabelOpt = Annotated[str | None, typer.Option(
    "--type", "-t", help="Only entities of this label (City, Industry, Park, Mechanism, …).",
    show_default=False)]
PathsOpt = Annotated[int, typer.Option("--paths", min=0, help="Paths to print per answer.")]


def _label(value: str | None) -> str | None:
    from graph.schema import LABELS

    if value is None:
        return None
    for name in LABELS:
        if name.lower() == value.lower():
            return name
    raise typer.BadParameter(f"unknown label {value!r}; choose from {', '.join(LABELS)}",
                             param_hint="--type")


@app.command()
@friendly
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Any name: 南通, Nantong, 通, nantong, …")],
    label: LabelOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits to show.")] = 10,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Find entities by Chinese or English name, alias, pinyin or a near miss.

    Example: [bold]estuary search 苏通[/bold]
    """
    from queries import search as run

    with opened_store(ctx) as store:
        result = run(store, text, label=_label(label), limit=limit)
        emit(result, as_json=json, html=html, title=f"Search: {text}",
             store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def show(
    ctx: typer.Context,
    entity: EntityArg,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Show an entity: properties, aliases, relations by type, and their sources.

    Example: [bold]estuary show 南通[/bold]
    """
    from queries import show as run

    with opened_store(ctx) as store:
        result = run(store, entity)
        emit(result, as_json=json, html=html, title=f"{result.entity.display}",
             store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def neighbors(
    ctx: typer.Context,
    entity: EntityArg,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=4,
                                       help="Hops to walk.")] = 1,
    label: LabelOpt = None,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """List what lies within N hops of an entity, optionally of one label.

    Example: [bold]estuary neighbors 南通 --depth 2 --type Park[/bold]
    """
    from queries import neighbors as run

    with opened_store(ctx) as store:
        result = run(store, entity, depth=depth, label=_label(label))
        emit(result, as_json=json, html=html,
             title=f"Neighbours of {result.center.display}",
             store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def path(
    ctx: typer.Context,
    a: FirstArg,
    b: SecondArg,
    k: Annotated[int, typer.Option("--k", "-k", min=1, help="Most paths to return.")] = 5,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=8)] = 6,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Show the shortest paths between two entities, with the evidence for every edge.

    Example: [bold]estuary path 南通 苏州工业园区[/bold]
    """
    from queries import shortest_paths

    with opened_store(ctx) as store:
        result = shortest_paths(store, a, b, k=k, max_hops=max_hops)
        emit(result, as_json=json, html=html,
             title=f"{result.a.display} ↔ {result.b.display}",
             store_location=store.location, lang=lang.value, layout=layout.value)


@app.command()
@friendly
def links(
    ctx: typer.Context,
    a: FirstArg,
    b: SecondArg,
    via: Annotated[Via, typer.Option("--via", help="What kind of entity links them.")] = (
        Via.industry),
    max_hops: Annotated[int | None, typer.Option(
        "--max-hops", min=2, max=6, help="Longest path (default: 4; 3 for --via any).",
        show_default=False)] = None,
    paths: PathsOpt = 3,
    json: JsonOpt = False, html: HtmlOpt = None, lang: LangOpt = Lang.zh,
    layout: LayoutOpt = Layout.auto,
) -> None:
    """Rank the industries, parks or mechanisms that link two entities, with the evidence.

    Example: [bold]estuary links 南通 苏州 --via industry --html links.html[/bold]
    """
    from queries import links as run

    with opened_store(ctx) as store:
        result = run(store, a, b, via=via.value, max_hops=max_hops)
        emit(result, as_json=json, html=html,
             title=f"{result.a.display} ↔ {result.b.display}: {via.value} links",
             store_location=store.location, lang=lang.value, layout=layout.value,
             paths_shown=paths)


@app.command()
@friendly
def stats(ctx: typer.Context, json: JsonOpt = False) -> None:
    """Count entities by label and relations by type.

    Example: [bold]estuary stats --json[/bold]
    """
    from queries import stats as run

    with opened_store(ctx) as store:
        emit(run(store), as_json=json, html=None, title="stats",
             store_location=store.location)
