"""`estuary cypher`: a user's own Cypher against the Neo4j store, read-only by default."""

from __future__ import annotations

import json
import math
from typing import Annotated, Any

import typer

from estuary.errors import friendly
from estuary.options import JsonOpt, opened_store

MAX_DEPTH = 32  # nesting of a --param value; Cypher parameters are lists and maps
INT64 = 2**63


def _checked(value: Any, depth: int = 0) -> Any:
    """A JSON value the server accepts: finite, 64-bit integers, not nested too deep."""
    if depth > MAX_DEPTH:
        raise ValueError(f"is nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        if not -INT64 <= value < INT64:
            raise ValueError("is an integer beyond 64 bits; quote it to pass it as a string")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("is not a finite number; quote it to pass it as a string")
        return value
    if isinstance(value, list):
        return [_checked(v, depth + 1) for v in value]
    return {k: _checked(v, depth + 1) for k, v in value.items()}


def _not_finite(text: str) -> Any:
    raise ValueError("is not a finite number (NaN, Infinity); quote it to pass it as a string")


class ParamError(ValueError):
    """A --param the server could not take; the message is the whole error line."""


def _param(text: str) -> tuple[str, Any]:
    name, sep, raw = text.partition("=")
    if not sep or not name.isidentifier():
        raise ParamError(f"--param: expected NAME=VALUE, got {text[:60]!r}")
    try:
        # numbers, lists, true/false, "quoted strings"; anything else is a plain string
        value = json.loads(raw, parse_constant=_not_finite)
    except json.JSONDecodeError:
        return name, raw
    except RecursionError:
        raise ParamError(f"--param {name}: the value is nested deeper than {MAX_DEPTH} "
                         "levels") from None
    except ValueError as exc:  # also int() of a number of thousands of digits
        reason = str(exc) if str(exc).startswith("is ") else \
            "is an integer beyond 64 bits; quote it to pass it as a string"
        raise ParamError(f"--param {name}: the value {reason}") from None
    try:
        return name, _checked(value)
    except ValueError as exc:
        raise ParamError(f"--param {name}: the value {exc}") from None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False, default=str)


@friendly
def cypher(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="A Cypher query; pass values with --param.")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="NAME=VALUE, used as $NAME (VALUE parsed as JSON if it can be).",
        show_default=False)] = None,
    write: Annotated[bool, typer.Option(
        "--write", help="Allow the query to write, and to do what read-only mode refuses: "
        "LOAD CSV, administration, procedures off the allow-list.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Run your own Cypher on the Neo4j store (read-only unless --write).

    Read-only means the server's own plan (EXPLAIN) says the statement only reads the graph:
    LOAD CSV, administration (SHOW/TERMINATE TRANSACTIONS, users, databases) and procedures
    other than db.labels, db.relationshipTypes, db.propertyKeys, db.schema.* and
    dbms.components are refused too.

    Example: [bold]estuary --store neo4j cypher "MATCH (c:City {name: $n})-[:HAS_INDUSTRY]->(i)
    RETURN i.name" --param n=南通[/bold]
    """
    from graph.store import StoreError

    try:
        params = dict(_param(p) for p in param or [])
    except ParamError as exc:  # a usage error, in one line
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(2) from None
    with opened_store(ctx) as store:
        if not hasattr(store, "run_cypher"):
            raise StoreError("cypher runs on the Neo4j store: add --store neo4j "
                             "(or set ESTUARY_STORE=neo4j)")
        columns, rows = store.run_cypher(query, params, write=write)
    if json_out:
        from estuary.output.sanitize import clean_json

        typer.echo(clean_json(_json([dict(zip(columns, row, strict=True)) for row in rows])))
        return
    from rich.table import Table

    from estuary.output.console import console

    table = Table(*columns)
    for row in rows:
        table.add_row(*(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False,
                                                                default=str) for v in row))
    console.print(table)
    console.print(f"{len(rows)} row(s)")
