"""Turning the library's exceptions into one `Error: …` line and exit code 1."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


def friendly(func: F) -> F:
    """Run a command; known failures print `Error: …` to stderr and exit 1, no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from estuary.output.emit import OutputRefused
        from estuary.output.sanitize import clean, clean_line
        from graph.store import StoreError
        from loaders.errors import ValidationFailed
        from queries.errors import QueryError

        try:
            return func(*args, **kwargs)
        except ValidationFailed as exc:
            for warning in exc.warnings:
                typer.echo(f"warning: {clean_line(warning)}", err=True)
            for err in exc.errors:
                typer.echo(f"Error: {clean_line(str(err))}", err=True)
            count = exc.total
            shown = f" (the first {len(exc.errors)} shown)" if count > len(exc.errors) else ""
            typer.echo(f"{count} error{'s' if count != 1 else ''}{shown}; nothing was loaded.",
                       err=True)
            raise typer.Exit(1) from None
        except (QueryError, StoreError, OutputRefused) as exc:
            # Some messages go on over lines on purpose (ask's suggestions): keep the breaks,
            # escape everything a terminal would act on.
            typer.echo(f"Error: {clean(str(exc))}", err=True)
            raise typer.Exit(1) from None
        except OSError as exc:
            # "No space left on device" has no filename: never print "Error::".
            where = f"{exc.filename}: " if exc.filename else ""
            typer.echo(f"Error: {clean_line(f'{where}{exc.strerror or exc}')}", err=True)
            raise typer.Exit(1) from None
        except Exception as exc:
            # A Neo4j driver failure the store did not translate: still one line.
            if not type(exc).__module__.startswith("neo4j"):
                raise
            from graph.neo4j_errors import describe

            typer.echo(f"Error: {describe(exc, 'the Neo4j server')}", err=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]
