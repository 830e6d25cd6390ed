"""Opening the store a command asked for, with the bundled dataset always in it.

This is the one place where storage meets loading: the stores (graph/) know nothing of files,
and the loaders know nothing of stores.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from graph.settings import STORES, StoreSettings
from graph.store import Progress, Store, StoreError

if TYPE_CHECKING:
    from graph.bundle import Bundle


def default_db_path() -> Path:
    """ESTUARY_DB, else graph.db in the user's data directory."""
    if env := os.environ.get("ESTUARY_DB"):
        return Path(env).expanduser()
    return _data_dir() / "graph.db"


def _data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("estuary", appauthor=False))


def legacy_db_path() -> Path | None:
    """The JSON store earlier versions kept by default (graph.json in the user's data
    directory): migrated into graph.db, and kept, when graph.db does not exist yet."""
    return None if os.environ.get("ESTUARY_DB") else _data_dir() / "graph.json"


def ensure_bundled(store: Store, progress: Progress | None = None) -> None:
    """Load the bundled dataset unless this exact version is already in the store."""
    from loaders.bundled import bundled_digest, read_bundled

    digest, have = bundled_digest(), store.bundled_digest()
    if have != digest:
        if getattr(store, "read_only", ""):  # (an embedded store whose file is read-only)
            print(f"estuary: the store {store.location} is read-only: answering from it as it "
                  "is, without this version's bundled data", file=sys.stderr)
            return
        bundle = read_bundled()
        if have is not None and (withdrawn := withdraw_unbundled(store, bundle)):  # (older)
            print(f"estuary: this version of the bundled data no longer states {withdrawn} "
                  "fact(s) as the store held them (withdrawn, or now cited to a better "
                  "source): taken out of the store", file=sys.stderr)
        store.load(bundle, progress=progress, meta={"bundled_digest": digest})


def withdraw_unbundled(store: Store, bundle: Bundle) -> int:
    """Before a new version of the bundled data is loaded over an older one: take out the
    relations the older version stated and the new one does not (a fact withdrawn because
    its only source was not good enough), and the entities and sources only they used; what
    a loaded file asserts stays. Returns how many relations were taken out.

    Loading only adds and updates, so without this a fact withdrawn from the bundled data
    would live on in every store loaded before. The old version's relations are found among
    the relations of the new version's entities (a fact joins at least one thing the data
    still has), so the cost follows the bundled data, not the store."""
    from loaders import ledger

    entries = ledger.read(store.meta_items(ledger.PREFIX))
    around = store.relations_of_many(list(bundle.entities))
    relations, entities = ledger.withdrawn(
        entries, bundle, (r for rels in around.values() for r in rels))
    if not relations:
        return 0
    removed, _, _ = store.unload(relations, entities)
    return removed


def bundled_base(store: Store) -> tuple[Bundle, dict[str, str]] | None:
    """The bundled data and its digest, for a first load to bring under a user's files when
    the store was opened with `defer_new` and has no file yet (else None: it holds them)."""
    from loaders.bundled import bundled_digest, read_bundled

    if not getattr(store, "is_new", False) or store.bundled_digest() is not None:
        return None
    return read_bundled(), {"bundled_digest": bundled_digest()}


def open_store(settings: StoreSettings, progress: Progress | None = None, *,
               defer_new: bool = False) -> Store:
    """Open the configured store, loading the bundled data on first use. `defer_new`: an
    embedded store without a file yet is left empty, for a load that brings the bundled data
    with it (`bundled_base`), so that the file is built whole, as a first load is."""
    if settings.kind == "embedded":
        from graph.embedded import EmbeddedStore

        store: Store = (EmbeddedStore(settings.db) if settings.db else
                        EmbeddedStore(default_db_path(), legacy=legacy_db_path()))
    elif settings.kind == "neo4j":
        from graph.neo4j_store import Neo4jStore

        store = Neo4jStore.connect(settings)
    else:
        raise StoreError(f"unknown store {settings.kind!r}; choose one of {', '.join(STORES)}")
    if defer_new and getattr(store, "is_new", False):
        return store
    try:
        ensure_bundled(store, progress)
    except BaseException:
        store.close()
        raise
    return store
