"""Commands about entities: search, show, neighbors, hubs, mentions, stats."""

from __future__ import annotations

from typing import Annotated

import typer

from estuary.errors import friendly
from estuary.options import (
    DEFAULT_METRIC,
    AsOfOpt,
    EntityArg,
    JsonOpt,
    LabelOpt,
    Metric,
    label_option,
    opened_store,
    with_output,
)
from estuary.output.emit import Output, emit


@friendly
@with_output
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Any name: 南通, Nantong, 通, nantong, …")],
    label: LabelOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits to show.")] = 10,
    *, out: Output,
) -> None:
    """Find entities by Chinese or English name, alias, pinyin or a near miss.

    Example: [bold]estuary search 苏通[/bold]
    """
    from queries.search import search as run

    with opened_store(ctx) as store:
        emit(run(store, text, label=label_option(label), limit=limit), out,
             store=store)


@friendly
@with_output
def show(ctx: typer.Context, entity: EntityArg, as_of: AsOfOpt = None, *, out: Output) -> None:
    """Show an entity: properties, aliases, relations by type, and their sources.

    Example: [bold]estuary show 南通 --as-of 2019[/bold]
    """
    from queries.show import show as run

    with opened_store(ctx, as_of) as store:
        emit(run(store, entity), out, store=store)


@friendly
@with_output
def neighbors(
    ctx: typer.Context,
    entity: EntityArg,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, max=4,
                                       help="Hops to walk.")] = 1,
    label: LabelOpt = None,
    as_of: AsOfOpt = None,
    limit: Annotated[int, typer.Option(
        "--limit", "-n", min=1,
        help="Show the N nearest (by hops, then most connected); say what was left out.")] = 50,
    everything: Annotated[bool, typer.Option(
        "--all", help="Show everything within the hops, and walk through hubs too.")] = False,
    *, out: Output,
) -> None:
    """List the entities nearest an entity, within N hops, optionally of one label.

    The nearest 50 by default (hubs, entities of over 50 neighbours, are shown but not walked
    through); the answer says what it left out. Example:
    [bold]estuary neighbors 南通 --depth 2 --type Park --limit 20[/bold]
    """
    from queries.neighbors import neighbors as run

    with opened_store(ctx, as_of) as store:
        emit(run(store, entity, depth=depth, label=label_option(label),
                 limit=None if everything else limit), out, store=store)


@friendly
def stats(ctx: typer.Context, json: JsonOpt = False) -> None:
    """Count entities by label and relations by type.

    Example: [bold]estuary stats --json[/bold]
    """
    from queries.stats import stats as run

    with opened_store(ctx) as store:
        emit(run(store), Output(json=json), store=store)


@friendly
@with_output
def hubs(
    ctx: typer.Context,
    label: LabelOpt = None,
    metric: Annotated[Metric, typer.Option("--metric", "-m",  # type: ignore[valid-type]
                                           help="How centrality is measured.")] = DEFAULT_METRIC,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to list.")] = 10,
    *, out: Output,
) -> None:
    """List the most central entities (degree, betweenness or PageRank; sources left out).

    Example: [bold]estuary hubs --metric betweenness --type Industry --limit 5[/bold]
    """
    from queries.hubs import hubs as run

    with opened_store(ctx) as store:
        emit(run(store, label=label_option(label), metric=metric.value, limit=limit), out,
             store=store)


@friendly
@with_output
def mentions(ctx: typer.Context, entity: EntityArg, *, out: Output) -> None:
    """Quote the sentences of loaded documents that name an entity (its MENTIONS).

    Documents are added with `estuary load-doc`. Example: [bold]estuary mentions 飞地孵化[/bold]
    """
    from queries.mentions import mentions as run

    with opened_store(ctx) as store:
        emit(run(store, entity), out, store=store)
