"""`estuary cypher`: a user's own Cypher against the Neo4j store, read-only by default."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from estuary.errors import friendly
from estuary.options import JsonOpt, opened_store


def _param(text: str) -> tuple[str, Any]:
    name, sep, raw = text.partition("=")
    if not sep or not name.isidentifier():
        raise typer.BadParameter(f"expected NAME=VALUE, got {text!r}", param_hint="--param")
    try:
        return name, json.loads(raw)  # numbers, lists, true/false, "quoted strings"
    except json.JSONDecodeError:
        return name, raw


@friendly
def cypher(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="A Cypher query; pass values with --param.")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="NAME=VALUE, used as $NAME (VALUE parsed as JSON if it can be).",
        show_default=False)] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to write.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Run your own Cypher on the Neo4j store (read-only unless --write).

    Example: [bold]estuary --store neo4j cypher "MATCH (c:City {name: $n})-[:HAS_INDUSTRY]->(i)
    RETURN i.name" --param n=南通[/bold]
    """
    from graph.store import StoreError

    params = dict(_param(p) for p in param or [])
    with opened_store(ctx) as store:
        if not hasattr(store, "run_cypher"):
            raise StoreError("cypher runs on the Neo4j store: add --store neo4j "
                             "(or set ESTUARY_STORE=neo4j)")
        columns, rows = store.run_cypher(query, params, write=write)
    if json_out:
        from estuary.output.sanitize import clean_json

        typer.echo(clean_json(json.dumps([dict(zip(columns, row, strict=True)) for row in rows],
                                         ensure_ascii=False, indent=2, default=str)))
        return
    from rich.table import Table

    from estuary.output.console import console

    table = Table(*columns)
    for row in rows:
        table.add_row(*(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False,
                                                                default=str) for v in row))
    console.print(table)
    console.print(f"{len(rows)} row(s)")
