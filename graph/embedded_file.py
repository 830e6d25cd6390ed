"""The embedded store's file on disk: the write lock, stale temporaries, building the SQLite
file whole on a first load, and migrating a JSON store (format 1) into it once.

A new file is built under a temporary name next to the store (without journal or WAL: no
one else sees it) and renamed into place, so no process ever opens a half-created store;
what a killed process leaves behind is removed on the next open.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph import sqlite_schema as db
from graph.embedded_writes import apply_bundle
from graph.model import Entity, Relation
from graph.store import LoadSummary, Progress, StoreError


def _prefix(target: Path) -> str:
    return f".estuary-{target.name}."


def remove_stale_temporaries(target: Path) -> None:
    """Remove what a killed write left behind, if no other process is writing now."""
    from filelock import FileLock, Timeout

    folder = target.parent
    if not folder.is_dir():
        return
    try:
        with FileLock(str(target) + ".lock", timeout=0):
            for tmp in folder.glob(f"{_prefix(target)}*.tmp"):
                tmp.unlink(missing_ok=True)
            # Older versions named them .estuary-XXXXXXXX.tmp, whatever the store: only
            # those no save could still be writing (an hour old) are surely stale.
            old = time.time() - 3600
            for tmp in folder.glob(".estuary-????????.tmp"):
                if tmp.stat().st_mtime < old:
                    tmp.unlink(missing_ok=True)
    except (Timeout, OSError):
        pass  # a write is under way (its file is not stale), or the folder is read-only


@contextmanager
def write_lock(path: Path, target: Path) -> Iterator[None]:
    """The lock every writer of the store takes (next to the file, `<file>.lock`)."""
    from filelock import FileLock, Timeout

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(target) + ".lock", timeout=30):
            yield
    except Timeout:
        raise StoreError(f"{path} is locked by another estuary process (a load?) for over "
                         f"30 s; try again, or remove {path}.lock if no estuary is running"
                         ) from None
    except OSError as exc:
        raise StoreError(f"cannot write the store {target}: {exc.strerror or exc}") from None


def _temporary(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, suffix=".tmp", prefix=_prefix(target))
    except OSError as exc:
        raise StoreError(f"cannot write the store {target}: {exc.strerror}") from None
    os.close(fd)
    return Path(name)


def _publish(tmp: Path, target: Path) -> None:
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide a shared store
    os.replace(tmp, target)


def create_file(target: Path) -> None:
    """Create an empty store (tables, WAL mode) at `target` unless a file is there (under the
    write lock)."""
    if target.exists():
        return
    tmp = _temporary(target)
    try:
        conn = db.connect(tmp)
        db.create(conn)
        conn.close()
        _publish(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def build_file(target: Path, entities: list[Entity], relations: list[Relation],
               meta: dict[str, Any], progress: Progress | None = None,
               base: tuple[list[Entity], list[Relation], dict[str, Any]] | None = None,
               ) -> LoadSummary:
    """A first load: build the whole store under a temporary name and rename it to `target`
    (under the write lock; `target` does not exist, so no reader can hold it open). `base`,
    a load to make first in the same build (the bundled data under a user's first load):
    the summary is the second load's, as if it had come onto a store holding the first.

    No reader sees the temporary file, so it is written without a rollback journal or a WAL
    and without waiting for the disk (a crash leaves a temporary that the next open removes);
    the index on the relations' end is built after the rows (embedded_writes). The published
    file is in WAL mode, as every later write expects."""
    tmp = _temporary(target)
    try:
        conn = db.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute(f"PRAGMA cache_size = {db.WRITE_CACHE}")
            conn.execute("BEGIN")
            db.create_tables(conn)
            changed = False
            for step_entities, step_relations, step_meta, step_progress in (
                    *([(*base, None)] if base is not None else []),
                    (entities, relations, meta, progress)):
                summary = apply_bundle(conn, step_entities, step_relations, step_progress)
                conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                 [(key, db.meta_value(value))
                                  for key, value in step_meta.items()])
                changed = changed or bool(summary.changed or step_meta)
            if changed:
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('generation', '1')")
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        _publish(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return summary


def migrate(path: Path, target: Path, source: Path, *, keep_source: bool) -> None:
    """Turn the JSON store `source` into the SQLite store `target`, once, with one message on
    stderr. The JSON is kept: as it is if it is another file (`keep_source`), else (the store
    was the JSON file itself) as `<file>.format1-backup` next to it."""
    from graph.embedded_json import read_json_store

    with write_lock(path, target):
        if target.exists() and db.is_sqlite(target):
            return  # another process migrated it while we waited for the lock
        entities, relations, meta = read_json_store(source)
        backup = source if keep_source else _backup_of(source)
        try:
            build_file(target, entities, relations, meta)
        except BaseException as exc:
            if not keep_source:
                backup.unlink(missing_ok=True)
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot migrate the store {source} to {target}: {exc}; the "
                                 "JSON file is unchanged") from None
            raise
    print(f"estuary: migrated the embedded store {source} (JSON) to the SQLite file {target}; "
          f"the JSON is kept as {backup}", file=sys.stderr)


def _backup_of(source: Path) -> Path:
    """Keep the JSON next to the store under a free name (a hard link, else a copy)."""
    backup = source.with_name(source.name + ".format1-backup")
    n = 1
    while backup.exists():
        n += 1
        backup = source.with_name(f"{source.name}.format1-backup-{n}")
    try:
        os.link(source, backup)
    except OSError:
        shutil.copy2(source, backup)
    return backup
