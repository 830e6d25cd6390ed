"""Where storage meets loading: load files (or try them, `--dry-run`), list loads, undo one.

The commands in estuary/commands/data.py and undo.py call these and only render; tests call
them on both stores.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.bundle import Bundle
from graph.changes import Changes, pending_changes
from graph.limits import DEFAULT_LIMITS, Limits
from graph.store import LoadSummary, Progress, Store, StoreError
from loaders import ledger

if TYPE_CHECKING:
    from graph.neo4j_store import Neo4jStore
    from graph.settings import StoreSettings


@dataclass
class Loaded:
    """What a load did (or, dry, would do)."""

    bundle: Bundle
    files: list[Path]  # the user's files (bundled ones left out)
    records: list[object]  # entity ids and relation keys the files state
    summary: LoadSummary | None = None  # None on a dry run
    changes: Changes = field(default_factory=Changes)  # a dry run's findings


def load_files(store: Store, paths: list[Path], *, limits: Limits = DEFAULT_LIMITS,
               dry_run: bool = False, progress: Progress | None = None) -> Loaded:
    """Validate files against the bundled data and the store, then load them, all or nothing,
    remembering in the store which file added which records (or, dry, say what would change).
    An embedded store opened without its file yet (stores.open_store's `defer_new`) gets the
    bundled data in the same load: its file is built whole, the way a first load is fastest.

    Raises ValidationFailed, with every problem, before anything is written.
    """
    from estuary.stores import bundled_base

    out = _read(store, paths, limits)
    bundle = out.bundle
    if dry_run:
        out.changes = pending_changes(store, bundle, out.records)
        return out
    meta = _ledger_meta(store, out)
    base = bundled_base(store)
    if base is not None:  # (only the embedded store defers its first file)
        out.summary = store.load(bundle, progress=progress, meta=meta,
                                 base=base)  # type: ignore[call-arg]
    else:
        out.summary = store.load(bundle, progress=progress, meta=meta)
    return out


def resume_files(store: Neo4jStore, paths: list[Path], *, limits: Limits = DEFAULT_LIMITS,
                 progress: Progress | None = None) -> Loaded:
    """Finish an interrupted Neo4j load of these files: read exactly as `load_files` read
    them (names resolved, the same rows), and write the ledger entry at the end."""
    out = _read(store, paths, limits)
    out.summary = store.resume_load(out.bundle, progress=progress,
                                    meta=_ledger_meta(store, out))
    return out


def bulk_load_files(settings: StoreSettings, paths: list[Path], *,
                    limits: Limits = DEFAULT_LIMITS,
                    say: Callable[[str], None] | None = None) -> Loaded:
    """The first load of big files into the project's own empty Neo4j, through Neo4j's
    offline importer (graph/neo4j_bulk.py): the bundled data and the files, with their
    ledger, answering every question as `load_files` into that database would."""
    from graph.neo4j_bulk import bulk_load
    from graph.neo4j_store import Neo4jStore
    from loaders.bundled import bundled_digest

    store = Neo4jStore.connect(settings)
    try:
        out = _read(store, paths, limits)
        meta = {"bundled_digest": bundled_digest(), **_ledger_meta(store, out)}
        out.summary = bulk_load(settings, store, out.bundle, meta, say=say)
    finally:
        store.close()
    return out


def _read(store: Store, paths: list[Path], limits: Limits) -> Loaded:
    """The files validated together with the bundled data (already in the store, so
    upserting it again changes nothing), names resolved against the files and the store."""
    from loaders import read_bundle
    from loaders.bundle import expand_paths
    from loaders.bundled import bundled_files

    bundle = read_bundle([*bundled_files(), *paths], known=store.label_of,
                         find=store.find_by_key, limits=limits)
    bundled = {p.resolve() for p in bundled_files()}
    mine = [p for p in expand_paths(paths) if p.resolve() not in bundled]
    mine_set = set(mine)
    records = [r for r, (path, _) in bundle.origins.items() if path in mine_set]
    return Loaded(bundle, mine, records)


def _ledger_meta(store: Store, read: Loaded) -> dict[str, str]:
    """The ledger entries of the files read, as the metadata a load writes at its end."""
    old = ledger.read(store.meta_items(ledger.PREFIX))
    return {e.key: e.to_text() for e in ledger.entries(read.bundle, read.files, old).values()}


def loaded(store: Store) -> list[ledger.Entry]:
    """Which files were loaded into the store (beyond the bundled data), by path?"""
    entries = ledger.read(store.meta_items(ledger.PREFIX))
    return [entries[k] for k in sorted(entries)]


@dataclass(frozen=True)
class Unloaded:
    what: str
    relations_removed: int
    entities_removed: list[str]
    entities_kept: list[str]


def unload(store: Store, target: str) -> Unloaded:
    """Take out what one loaded file (or every load citing a source) added, and nothing the
    bundled data or another load also asserts, all or nothing."""
    from loaders import read_bundle
    from loaders.bundled import bundled_files

    entries = ledger.read(store.meta_items(ledger.PREFIX))
    if not target.startswith("source:") and len(ledger.match(entries, target)) > 1:
        raise StoreError(f"{target!r} names several loaded files: give the full path "
                         "(`estuary loaded` lists them)")
    plan = ledger.plan(entries, target, read_bundle(bundled_files()))
    if plan is None:
        raise StoreError(f"nothing loaded matches {target!r}: `estuary loaded` lists the "
                         "loaded files")
    removed, gone, kept = store.unload(plan.relations, plan.entities, drop_meta=plan.drop,
                                       set_meta=plan.keep)
    if kept and plan.drop:
        # The file still owns what others use: unloading those later takes them out too.
        owner = entries[plan.what]
        owner.entities, owner.relations = set(kept), set()
        store.load(Bundle(), meta={owner.key: owner.to_text()})
    return Unloaded(plan.what, removed, gone, kept)
