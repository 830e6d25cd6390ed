"""Data commands: check input files, add them to the store, add a document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from estuary.errors import friendly
from estuary.options import JsonOpt, opened_store, progress_bar, with_output
from estuary.output.emit import Output, emit
from estuary.output.sanitize import clean_json

if TYPE_CHECKING:
    from graph.limits import Limits

PathsArg = Annotated[list[Path], typer.Argument(
    help="YAML, CSV or .xlsx files, or directories of them.", show_default=False)]
MaxRelationsOpt = Annotated[int | None, typer.Option(
    "--max-relations", min=1, show_default=False,
    help="Allow more relations in one file than the default limit (100000).")]


def _limits(max_relations: int | None) -> Limits:
    from graph.limits import DEFAULT_LIMITS

    return DEFAULT_LIMITS.raised(relations_per_file=max_relations)


def _warn(warnings: list[str]) -> None:
    from estuary.output.sanitize import clean_line

    for warning in warnings:
        typer.echo(f"warning: {clean_line(warning)}", err=True)


DryRunOpt = Annotated[bool, typer.Option(
    "--dry-run", help="Check everything `load` checks, against the same store, and say what "
    "would be created and changed; load nothing.")]
SHOWN = 20  # created/changed records listed by a dry run (all with --json)


def _notes(notes: list[str]) -> None:
    from estuary.output.sanitize import clean_line

    for note in notes:
        typer.echo(f"note: {clean_line(note)}", err=True)


@friendly
def validate(ctx: typer.Context, paths: PathsArg, json: JsonOpt = False,
             max_relations: MaxRelationsOpt = None) -> None:
    """Check data files without loading them: the same as [bold]load --dry-run[/bold].

    Example: [bold]estuary validate examples/parks.xlsx examples/relations-gbk.csv[/bold]
    """
    _load(ctx, paths, json=json, max_relations=max_relations, dry_run=True)


@friendly
def load(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(
        help="YAML, CSV or .xlsx files, or directories of them.", show_default=False)] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Finish an interrupted Neo4j load of these same files.")] = False,
    rollback: Annotated[bool, typer.Option(
        "--rollback", help="Undo an interrupted Neo4j load (no files).")] = False,
    json: JsonOpt = False,
    max_relations: MaxRelationsOpt = None,
    dry_run: DryRunOpt = False,
    bulk: Annotated[bool, typer.Option(
        "--bulk", help="First load of a big graph into the project's own, empty Neo4j "
        "(scripts/neo4j.sh): stop its database, build it with Neo4j's offline importer, "
        "start it, build the indexes. Refused for any other server or a database that is "
        "not empty.")] = False,
) -> None:
    """Validate data files (YAML, CSV, .xlsx) and add them to the store, all or nothing.

    Loading the same files twice changes nothing; `estuary loaded` lists what was loaded and
    `estuary unload FILE` takes it out again. A big Neo4j load that is interrupted (killed,
    server gone) is reported by every command until you finish it (--resume, with the same
    files) or undo it (--rollback).
    Example: [bold]estuary load examples/parks.xlsx[/bold]
    """
    if rollback or resume:
        _recover(ctx, paths or [], resume=resume, rollback=rollback, json=json)
        return
    if not paths:
        raise typer.BadParameter("give the files to load", param_hint="PATHS")
    if bulk:
        _bulk(ctx, paths, json=json, max_relations=max_relations, dry_run=dry_run)
        return
    _load(ctx, paths, json=json, max_relations=max_relations, dry_run=dry_run)


def _bulk(ctx: typer.Context, paths: list[Path], *, json: bool, max_relations: int | None,
          dry_run: bool) -> None:
    """`load --bulk FILES`: the offline importer's path (graph/neo4j_bulk.py)."""
    from estuary.loading import bulk_load_files
    from graph.store import StoreError

    if dry_run:
        raise typer.BadParameter("--bulk loads; check the files with --dry-run alone")
    if ctx.obj.kind != "neo4j":
        raise StoreError("--bulk is for Neo4j (--store neo4j): the embedded store loads "
                         "every file in one transaction already")
    done = bulk_load_files(ctx.obj, paths, limits=_limits(max_relations),
                           say=lambda text: typer.echo(f"bulk: {text}", err=True))
    _warn(done.bundle.warnings)
    _notes(done.bundle.notes)
    _loaded(paths, done.summary, json=json, warnings=done.bundle.warnings,
            notes=done.bundle.notes)


def _load(ctx: typer.Context, paths: list[Path], *, json: bool, max_relations: int | None,
          dry_run: bool) -> None:
    import json as jsonlib

    from estuary.loading import load_files
    from loaders import ValidationFailed

    # (a new embedded file is built whole by the load, bundled data included: load_files)
    with opened_store(ctx, defer_new=not dry_run) as store:
        try:
            if dry_run:
                done = load_files(store, paths, limits=_limits(max_relations), dry_run=True)
            else:
                with progress_bar(f"Loading into {store.kind}") as update:
                    done = load_files(store, paths, limits=_limits(max_relations),
                                      progress=update)
        except ValidationFailed as exc:
            if json and dry_run:
                typer.echo(clean_json(jsonlib.dumps(
                    {"ok": False, "errors": [str(e) for e in exc.errors]},
                    ensure_ascii=False, indent=2)))
                raise typer.Exit(1) from None
            raise
    bundle = done.bundle
    _warn(bundle.warnings)
    _notes(bundle.notes)
    if done.summary is None:
        _report_dry_run(done.files, done.records, done.changes, bundle.warnings, bundle.notes,
                        json)
        return
    _loaded(paths, done.summary, json=json, warnings=bundle.warnings, notes=bundle.notes)


def _loaded(paths: list[Path], summary: Any, *, json: bool, warnings: Any = (),
            notes: Any = ()) -> None:
    import json as jsonlib

    result = {"files": [str(p) for p in paths],
              "entities_created": summary.entities_created,
              "entities_updated": summary.entities_updated,
              "relations_created": summary.relations_created,
              "relations_updated": summary.relations_updated,
              "warnings": list(warnings), "notes": list(notes)}
    if json:
        typer.echo(clean_json(jsonlib.dumps(result, ensure_ascii=False, indent=2)))
    else:
        typer.echo(f"Loaded {len(paths)} path(s): "  # counts only: no data reaches the terminal
                   f"{summary.entities_created} new and {summary.entities_updated} changed "
                   f"entities, {summary.relations_created} new and "
                   f"{summary.relations_updated} changed relations.")


def _recover(ctx: typer.Context, paths: list[Path], *, resume: bool, rollback: bool,
             json: bool) -> None:
    """`load --resume FILES` / `load --rollback`: only the Neo4j store has interrupted loads."""
    import json as jsonlib

    from estuary.loading import resume_files
    from graph.neo4j_store import Neo4jStore
    from graph.store import StoreError

    if resume and rollback:
        raise typer.BadParameter("choose one of --resume and --rollback")
    if rollback and paths:
        raise typer.BadParameter("--rollback takes no files", param_hint="PATHS")
    if resume and not paths:
        raise typer.BadParameter("--resume needs the files of the interrupted load",
                                 param_hint="PATHS")
    if ctx.obj.kind != "neo4j":
        raise StoreError("nothing to resume or roll back: the embedded store writes every "
                         "load at once (all or nothing)")
    store = Neo4jStore.connect(ctx.obj, interrupted_ok=True)
    try:
        if rollback:
            load_id = store.rollback_load()
            if json:
                typer.echo(jsonlib.dumps({"rolled_back": load_id}))
            else:
                typer.echo(f"Rolled back load {load_id}: the graph is as before it.")
            return
        with progress_bar("Resuming the load") as update:
            done = resume_files(store, paths, progress=update)
    finally:
        store.close()
    assert done.summary is not None
    _loaded(paths, done.summary, json=json, warnings=done.bundle.warnings,
            notes=done.bundle.notes)


def _report_dry_run(files: list[Path], records: list[object], changes: object,
                    warnings: list[str], notes: list[str], json: bool) -> None:
    import json as jsonlib

    from estuary.output.sanitize import clean_line
    from graph.changes import Changes

    assert isinstance(changes, Changes)
    parts = {"entities_created": changes.entities_created,
             "entities_changed": changes.entities_changed,
             "relations_created": [" ".join(k) for k in changes.relations_created],
             "relations_changed": [" ".join(k) for k in changes.relations_changed]}
    said = {"entities_created": "new entity", "entities_changed": "changed entity",
            "relations_created": "new relation", "relations_changed": "changed relation"}
    if json:
        typer.echo(clean_json(jsonlib.dumps(
            {"ok": True, "files": sorted(str(p) for p in files), "records": len(records),
             "warnings": warnings, "notes": notes, **parts}, ensure_ascii=False, indent=2)))
        return
    typer.echo(f"OK: {len(files)} file(s), {len(records)} record(s) valid.")
    typer.echo(f"Would create {len(changes.entities_created)} and change "
               f"{len(changes.entities_changed)} entities, create "
               f"{len(changes.relations_created)} and change "
               f"{len(changes.relations_changed)} relations.")
    for name, items in parts.items():
        for item in items[:SHOWN]:
            typer.echo(f"  {said[name]}: {clean_line(item)}")
        if len(items) > SHOWN:
            typer.echo(f"  … and {len(items) - SHOWN} more (--json lists them all)")


@friendly
@with_output
def load_doc(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A UTF-8 Chinese text file.", dir_okay=False,
                                         show_default=False)],
    title: Annotated[str | None, typer.Option(
        "--title", help="The document's title (default: its first line).",
        show_default=False)] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where the document is published.",
                                            show_default=False)] = None,
    source_id: Annotated[str | None, typer.Option(
        "--id", help="Source id, source:slug (default: from the file name).",
        show_default=False)] = None,
    *, out: Output,
) -> None:
    """Add a document: a Source, and a MENTIONS (with the sentence) for every entity it names.

    Names and aliases of two characters or more are matched, longest first. One relation per
    entity quotes the first sentence naming it; relations already in the graph are kept, so
    loading a document twice changes nothing.
    Example: [bold]estuary load-doc report.txt --title 南通调研报告 --url https://example.cn/r[/bold]
    """
    from estuary.output.emit import refuse_clobber, store_file
    from loaders.document import load_document

    if out.html is not None:  # before anything is loaded
        refuse_clobber((out.html,), store_file(ctx.obj), (file,))
    with opened_store(ctx) as store:
        result = load_document(store, file, source_id=source_id, title=title, url=url)
        emit(result, out, store=store)
