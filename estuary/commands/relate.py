"""Commands about two entities: path, links, why, compare."""

from __future__ import annotations

from typing import Annotated

import typer

from estuary.errors import friendly
from estuary.options import (
    DEFAULT_VIA,
    FirstArg,
    PathsOpt,
    SecondArg,
    Via,
    opened_store,
    with_output,
)
from estuary.output.emit import Output, emit


@friendly
@with_output
def path(
    ctx: typer.Context,
    a: FirstArg,
    b: SecondArg,
    k: Annotated[int, typer.Option("--k", "-k", min=1, help="Most paths to return.")] = 5,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1, max=8)] = 6,
    *, out: Output,
) -> None:
    """Show the shortest paths between two entities, with the evidence for every edge.

    Example: [bold]estuary path 南通 苏州工业园区[/bold]
    """
    from queries.paths import shortest_paths

    with opened_store(ctx) as store:
        emit(shortest_paths(store, a, b, k=k, max_hops=max_hops), out,
             store=store)


@friendly
@with_output
def links(
    ctx: typer.Context,
    a: FirstArg,
    b: SecondArg,
    via: Annotated[Via, typer.Option(  # type: ignore[valid-type]
        "--via", help="What kind of entity links them.")] = DEFAULT_VIA,
    max_hops: Annotated[int | None, typer.Option(
        "--max-hops", min=2, max=6, help="Longest path (default: 4; 3 for --via any).",
        show_default=False)] = None,
    paths: PathsOpt = 3,
    *, out: Output,
) -> None:
    """Rank the industries, parks or mechanisms that link two entities, with the evidence.

    Example: [bold]estuary links 南通 苏州 --via industry --html links.html[/bold]
    """
    from queries.links import links as run

    with opened_store(ctx) as store:
        emit(run(store, a, b, via=via.value, max_hops=max_hops), out,
             store=store, paths_shown=paths)


@friendly
@with_output
def why(ctx: typer.Context, a: FirstArg, b: SecondArg, *, out: Output) -> None:
    """Show every relation directly between two entities, with its quote and source.

    Example: [bold]estuary why 南通 苏州[/bold]
    """
    from queries.why import why as run

    with opened_store(ctx) as store:
        emit(run(store, a, b), out, store=store)


@friendly
@with_output
def compare(ctx: typer.Context, a: FirstArg, b: SecondArg, *, out: Output) -> None:
    """Compare two entities: industries (and their categories), parks, memberships, mechanisms.

    Example: [bold]estuary compare 南通 苏州[/bold]
    """
    from queries.compare import compare as run

    with opened_store(ctx) as store:
        emit(run(store, a, b), out, store=store)
