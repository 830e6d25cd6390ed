"""Commands about two entities: path, links, why, compare."""

from __future__ import annotations

from typing import Annotated

import typer

from estuary.errors import friendly
from estuary.options import (
    DEFAULT_VIA,
    AsOfOpt,
    FirstArg,
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
    as_of: AsOfOpt = None,
    *, out: Output,
) -> None:
    """Show the shortest paths between two entities, with the evidence for every edge.

    Example: [bold]estuary path 南通 苏州工业园区[/bold]
    """
    from queries.paths import shortest_paths

    with opened_store(ctx, as_of) as store:
        emit(shortest_paths(store, a, b, k=k, max_hops=max_hops), out,
             store=store)


def _via_help() -> str:
    from queries.choices import VIAS

    return "What kind of link: " + "; ".join(f"{k}: {v.help}" for k, v in VIAS.items()) + "."


@friendly
@with_output
def links(
    ctx: typer.Context,
    a: FirstArg,
    b: SecondArg,
    via: Annotated[Via, typer.Option(  # type: ignore[valid-type]
        "--via", help=_via_help())] = DEFAULT_VIA,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Strongest links to list.")] = 10,
    all_: Annotated[bool, typer.Option("--all", help="List every link, not only --top.")] = False,
    broad: Annotated[bool, typer.Option(
        "--broad", help="Also industries shared only through a top-level category or more "
        "than one taxonomy level up.")] = False,
    paths: Annotated[int, typer.Option(
        "--paths", min=0, help="Paths to unfold per link (the best first).")] = 1,
    as_of: AsOfOpt = None,
    *, out: Output,
) -> None:
    """Rank what links two entities (co-built parks, cooperation, shared industries, chains,
    memberships, mechanisms, infrastructure, learning) by strength, each with its kind,
    sources and strongest evidence.

    Ranked by strength (0–100) = kind weight × confidence of the weakest relation on the best
    path (high 1, medium 0.7, low 0.4) × corroboration (1 − ½ⁿ for n independent sources,
    on the less-supported side), halved for a line not yet open; not by path count. A
    district, county or seated company acts for its city.

    Example: [bold]estuary links 南通 上海 --via park --paths 2 --html links.html[/bold]
    """
    from queries.links import links as run

    with opened_store(ctx, as_of) as store:
        emit(run(store, a, b, via=via.value, top=None if all_ else top, broad=broad,
                 as_of=as_of), out, store=store, paths_shown=paths)


@friendly
@with_output
def why(ctx: typer.Context, a: FirstArg, b: SecondArg, as_of: AsOfOpt = None, *,
        out: Output) -> None:
    """Show every relation directly between two entities, with its quote and source.

    Example: [bold]estuary why 南通 苏州[/bold]
    """
    from queries.why import why as run

    with opened_store(ctx, as_of) as store:
        emit(run(store, a, b), out, store=store)


@friendly
@with_output
def compare(ctx: typer.Context, a: FirstArg, b: SecondArg, as_of: AsOfOpt = None, *,
            out: Output) -> None:
    """Compare two entities: industries (and their categories), parks, memberships, mechanisms,
    infrastructure (bridges, tunnels, railways, ports, airports).

    Shared industries are computed as by `links --via industry` (the same function).
    Example: [bold]estuary compare 南通 苏州[/bold]
    """
    from queries.compare import compare as run

    with opened_store(ctx, as_of) as store:
        emit(run(store, a, b), out, store=store)
