"""`estuary template`: a ready-to-fill spreadsheet for your own data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from estuary.errors import friendly
from estuary.options import JsonOpt, _choices
from estuary.output.templates import KINDS

KindChoice = _choices("TemplateKind", KINDS)


@friendly
def template(
    kind: Annotated[KindChoice, typer.Argument(  # type: ignore[valid-type]
        help="Which table: parks (an entity table with places, industries and co-builders), "
             "industries, or relations.", show_default=False)],
    out: Annotated[Path, typer.Option(
        "-o", "--output", help="The file to write: .xlsx (with a sheet describing every "
        "column) or .csv (UTF-8).", dir_okay=False, show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")] = False,
    json: JsonOpt = False,
) -> None:
    """Write a ready-to-fill .xlsx or .csv: the headers `estuary load` reads, one example row.

    Example: [bold]estuary template parks -o my-parks.xlsx[/bold]
    """
    import json as jsonlib

    from estuary.output.templates import write_template

    name = getattr(kind, "value", str(kind))
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise typer.BadParameter(f"{out}: write a template as .xlsx or .csv", param_hint="-o")
    if out.exists() and not force:
        raise OSError(f"{out} exists: choose another name, or add --force to overwrite it")
    write_template(name, out)
    if json:
        typer.echo(jsonlib.dumps({"template": name, "file": str(out)}, ensure_ascii=False))
    else:
        typer.echo(f"Wrote the {name} template to {out}: fill it, then `estuary validate "
                   f"{out}`.")
