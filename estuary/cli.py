"""The `estuary` app: global options, and every command registered in one list.

Heavy libraries (networkx, neo4j, pyvis, pydantic) are imported inside the commands that need
them, so `estuary --help` costs little more than Typer itself; options are coerced without
pydantic (estuary/coercion.py).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from estuary import __version__
from estuary.coercion import PlainCommand, PlainGroup
from estuary.commands import ask, cypher, data, explore, relate, share, template, undo

app = typer.Typer(
    name="estuary",
    help="Explore the knowledge graph of the 长江口产业创新协同区 (Yangtze River Estuary "
         "Industrial Innovation Collaboration Zone): who links with whom, through which "
         "industries, parks and mechanisms, and the sentence behind every edge.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # a password must never reach a traceback
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
    cls=PlainGroup,  # options coerced without pydantic (estuary/coercion.py)
)


class StoreKind(StrEnum):
    embedded = "embedded"
    neo4j = "neo4j"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"estuary {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    store: Annotated[StoreKind, typer.Option(
        "--store", envvar="ESTUARY_STORE", help="Where the graph lives.")] = StoreKind.embedded,
    db: Annotated[Path | None, typer.Option(
        "--db", envvar="ESTUARY_DB",
        help="Embedded store file (default: graph.json in the user data dir).",
        dir_okay=False)] = None,
    neo4j_uri: Annotated[str | None, typer.Option(
        "--neo4j-uri", envvar="NEO4J_URI", help="Bolt URI, e.g. bolt://127.0.0.1:7687.",
        show_default=False)] = None,
    neo4j_user: Annotated[str | None, typer.Option(
        "--neo4j-user", envvar="NEO4J_USERNAME", show_default=False)] = None,
    neo4j_password: Annotated[str | None, typer.Option(
        "--neo4j-password", envvar="NEO4J_PASSWORD", show_default=False,
        show_envvar=True, help="Prefer the NEO4J_PASSWORD variable.")] = None,
    neo4j_database: Annotated[str | None, typer.Option(
        "--neo4j-database", envvar="NEO4J_DATABASE", show_default=False)] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """Explore the 长江口产业创新协同区 knowledge graph."""
    from graph.settings import StoreSettings

    ctx.obj = StoreSettings(kind=store.value, db=db, neo4j_uri=neo4j_uri,
                            neo4j_user=neo4j_user, neo4j_password=neo4j_password,
                            neo4j_database=neo4j_database)


# Every command, in the order `estuary --help` lists them: the one place commands join the app.
COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("ask", ask.ask),
    ("search", explore.search),
    ("show", explore.show),
    ("neighbors", explore.neighbors),
    ("path", relate.path),
    ("links", relate.links),
    ("stats", explore.stats),
    ("why", relate.why),
    ("compare", relate.compare),
    ("hubs", explore.hubs),
    ("mentions", explore.mentions),
    ("load-doc", data.load_doc),
    ("export", share.export),
    ("cypher", cypher.cypher),
    ("validate", data.validate),
    ("load", data.load),
    ("loaded", undo.loaded),
    ("unload", undo.unload),
    ("template", template.template),
    ("viz", share.viz),
]
for _name, _command in COMMANDS:
    app.command(_name, cls=PlainCommand)(_command)


def main() -> None:
    app()
