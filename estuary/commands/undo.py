"""What was loaded, and undoing one load: `estuary loaded`, `estuary unload FILE|SOURCE`."""

from __future__ import annotations

from typing import Annotated

import typer

from estuary.errors import friendly
from estuary.options import JsonOpt, opened_store
from estuary.output.sanitize import clean_json, clean_line


def _shown(file: str) -> str:
    """A loaded file as the user would type it: relative to here, if it is below here."""
    from pathlib import Path

    try:
        return str(Path(file).relative_to(Path.cwd()))
    except ValueError:
        return file


@friendly
def loaded(ctx: typer.Context, json: JsonOpt = False) -> None:
    """Which files were loaded into the store, when, with how many records?

    The bundled data is not listed: it is always there. Example: [bold]estuary loaded[/bold]
    """
    import json as jsonlib

    from estuary.loading import loaded as loaded_files

    with opened_store(ctx) as store:
        entries = loaded_files(store)
    rows = [{"file": e.file, "loaded_at": e.loaded_at, "entities": len(e.entities),
             "relations": len(e.relations), "sources": e.sources} for e in entries]
    if json:
        typer.echo(clean_json(jsonlib.dumps(rows, ensure_ascii=False, indent=2)))
        return
    if not rows:
        typer.echo("Nothing loaded beyond the bundled data (estuary load FILE adds some).")
        return
    for row in rows:
        cited = ", ".join(row["sources"][:5]) + (" …" if len(row["sources"]) > 5 else "")
        typer.echo(clean_line(f"{_shown(row['file'])}  {row['loaded_at']}  "
                              f"{row['entities']} entities, {row['relations']} relations; "
                              f"sources: {cited or '-'}"))


@friendly
def unload(
    ctx: typer.Context,
    target: Annotated[str, typer.Argument(
        help="A loaded file (its path, or its name as `estuary loaded` lists it), or a "
             "source id (source:…): the relations loads added citing it.",
        show_default=False)],
    json: JsonOpt = False,
) -> None:
    """Take out what one load added, and nothing the bundled data or another load also
    asserts, all or nothing.

    An entity a relation of another load still uses is kept (and said). Example:
    [bold]estuary unload examples/parks.xlsx[/bold]
    """
    import json as jsonlib

    from estuary.loading import unload as unload_target

    with opened_store(ctx) as store:
        done = unload_target(store, target)
    kept = done.entities_kept
    result = {"unloaded": done.what, "relations_removed": done.relations_removed,
              "entities_removed": len(done.entities_removed), "entities_kept": kept}
    if json:
        typer.echo(clean_json(jsonlib.dumps(result, ensure_ascii=False, indent=2)))
        return
    said = (f"Unloaded {_shown(done.what)}: {done.relations_removed} relations and "
            f"{len(done.entities_removed)} entities removed")
    if kept:
        said += (f"; kept {len(kept)} entities other relations still use "
                 f"({', '.join(kept[:5])}{' …' if len(kept) > 5 else ''})")
    typer.echo(clean_line(said + "."))
