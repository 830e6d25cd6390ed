"""The `estuary` app: global options, and every command registered in one list.

Heavy libraries (networkx, neo4j, pyvis, pydantic) are imported inside the commands that need
them, so `estuary --help` costs little more than Typer itself; options are coerced without
pydantic (estuary/coercion.py).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from estuary import __version__
from estuary.coercion import PlainCommand, PlainGroup

# Every command, in the order `estuary --help` lists them: the one place commands join the app.
# Each is "module:function", imported and built when it is run (or `--help` lists it), so a
# command does not pay for importing and building the other nineteen.
COMMANDS: list[tuple[str, str]] = [
    ("ask", "estuary.commands.ask:ask"),
    ("search", "estuary.commands.explore:search"),
    ("show", "estuary.commands.explore:show"),
    ("neighbors", "estuary.commands.explore:neighbors"),
    ("path", "estuary.commands.relate:path"),
    ("links", "estuary.commands.relate:links"),
    ("stats", "estuary.commands.explore:stats"),
    ("why", "estuary.commands.relate:why"),
    ("compare", "estuary.commands.relate:compare"),
    ("hubs", "estuary.commands.explore:hubs"),
    ("mentions", "estuary.commands.explore:mentions"),
    ("load-doc", "estuary.commands.data:load_doc"),
    ("export", "estuary.commands.share:export"),
    ("cypher", "estuary.commands.cypher:cypher"),
    ("validate", "estuary.commands.data:validate"),
    ("load", "estuary.commands.data:load"),
    ("loaded", "estuary.commands.undo:loaded"),
    ("unload", "estuary.commands.undo:unload"),
    ("template", "estuary.commands.template:template"),
    ("viz", "estuary.commands.share:viz"),
]


def _build(name: str, target: str) -> Any:
    """The click command for one line of COMMANDS, built as Typer builds a registered one."""
    from typer.main import get_command_from_info
    from typer.models import CommandInfo

    module, function = target.split(":")
    callback = getattr(importlib.import_module(module), function)
    return get_command_from_info(CommandInfo(name=name, callback=callback, cls=PlainCommand),
                                 pretty_exceptions_short=app.pretty_exceptions_short,
                                 rich_markup_mode=app.rich_markup_mode)


class _Commands(MutableMapping[str, Any]):
    """The app's commands by name, in COMMANDS order, each built when first asked for."""

    def __init__(self, table: list[tuple[str, str]]) -> None:
        self._table = dict(table)
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = _build(name, self._table[name])  # KeyError: no such command
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._table.setdefault(name, "")
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._table[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


class EstuaryGroup(PlainGroup):
    """The app: global options coerced without pydantic, commands built on demand."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _Commands(COMMANDS)


app = typer.Typer(
    name="estuary",
    help="Explore the knowledge graph of the 长江口产业创新协同区 (Yangtze River Estuary "
         "Industrial Innovation Collaboration Zone): who links with whom, through which "
         "industries, parks and mechanisms, and the sentence behind every edge.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # a password must never reach a traceback
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
    cls=EstuaryGroup,  # defined below: commands built on demand, options without pydantic
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
        help="Embedded store file (default: graph.db in the user data dir).",
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


def main() -> None:
    app()
