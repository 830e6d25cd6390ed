"""The load ledger: which file added which records, so a load can be listed and undone.

Each loaded file has one entry in the store's metadata, under `load:<absolute path>`, written
in the same transaction as the records (both stores): the ids of the entities and the keys of
the relations the file asserts, when it was loaded and the sources it cites. Loading a file
again adds to its entry (what an earlier version asserted is still in the store, so undoing
the file must remove it too). Pure functions: the stores only keep and hand back the text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.bundle import Bundle
from graph.model import Relation

PREFIX = "load:"

RelKey = tuple[str, str, str, str]


@dataclass
class Entry:
    """What one file added: entity ids, relation keys (type, from, to, source), when."""

    file: str
    loaded_at: str
    entities: set[str] = field(default_factory=set)
    relations: set[RelKey] = field(default_factory=set)

    @property
    def key(self) -> str:
        return PREFIX + self.file

    @property
    def sources(self) -> list[str]:
        return sorted({r[3] for r in self.relations} | {
            e for e in self.entities if e.startswith("source:")})

    def to_text(self) -> str:
        return json.dumps({"file": self.file, "loaded_at": self.loaded_at,
                           "entities": sorted(self.entities),
                           "relations": [list(r) for r in sorted(self.relations)]},
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_text(cls, text: str) -> Entry:
        data = json.loads(text)
        return cls(data["file"], data["loaded_at"], set(data["entities"]),
                   {tuple(r) for r in data["relations"]})  # type: ignore[misc]


def file_key(path: Path) -> str:
    return str(path.resolve())


def read(meta: dict[str, str]) -> dict[str, Entry]:
    """The ledger from the store's `load:` metadata, by absolute file path."""
    out: dict[str, Entry] = {}
    for key, text in sorted(meta.items()):
        if key.startswith(PREFIX):
            entry = Entry.from_text(text)
            out[entry.file] = entry
    return out


def entries(bundle: Bundle, files: Iterable[Path], old: dict[str, Entry]) -> dict[str, Entry]:
    """The ledger entries of `files` after loading `bundle`: what each asserts now, added to
    what it asserted before."""
    mine = {file_key(f): f for f in files}
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = {key: Entry(key, now, set(old[key].entities) if key in old else set(),
                      set(old[key].relations) if key in old else set()) for key in mine}
    by_path = {p: file_key(p) for p in {origin for origin, _ in bundle.origins.values()}}
    for record, (path, _) in bundle.origins.items():
        key = by_path[path]
        if key in out:
            if isinstance(record, tuple):
                out[key].relations.add(record)
            else:
                out[key].entities.add(record)
    for key, entry in out.items():  # loading the same file again changes nothing at all
        if key in old and (old[key].entities, old[key].relations) == (
                entry.entities, entry.relations):
            entry.loaded_at = old[key].loaded_at
    return out


@dataclass
class Unload:
    """What undoing a file (or a source) removes, and the ledger after it."""

    what: str
    relations: list[RelKey]
    entities: list[str]  # removed if no relation of other loads still uses them
    drop: list[str]  # ledger keys to delete
    keep: dict[str, str]  # ledger keys to rewrite


def match(ledger: dict[str, Entry], target: str) -> list[Entry]:
    """The entries a FILE argument names: its absolute path, or its name if that is unique."""
    key = file_key(Path(target))
    if key in ledger:
        return [ledger[key]]
    return [e for e in ledger.values() if Path(e.file).name == target or e.file == target]


def plan(ledger: dict[str, Entry], target: str, bundled: Bundle) -> Unload | None:
    """What `unload target` removes: the records of that file (or every relation loads added
    citing that source) that neither the bundled data nor another load asserts; None if
    nothing loaded matches."""
    if target.startswith("source:"):
        return _plan_source(ledger, target, bundled)
    found = match(ledger, target)
    if len(found) != 1:
        return None
    entry = found[0]
    other_rel: set[RelKey] = set(bundled.relations)
    other_ent: set[str] = set(bundled.entities)
    for e in ledger.values():
        if e.file != entry.file:
            other_rel |= e.relations
            other_ent |= e.entities
    return Unload(entry.file, sorted(entry.relations - other_rel),
                  sorted(entry.entities - other_ent), [entry.key], {})


def _plan_source(ledger: dict[str, Entry], source: str, bundled: Bundle) -> Unload | None:
    touched = [e for e in ledger.values()
               if source in e.entities or any(r[3] == source for r in e.relations)]
    if not touched:
        return None
    relations = {r for e in touched for r in e.relations if r[3] == source}
    relations -= set(bundled.relations)
    entities = [] if source in bundled.entities else [source]
    keep: dict[str, str] = {}
    for e in touched:
        e.relations = {r for r in e.relations if r[3] != source}
        e.entities.discard(source)
        keep[e.key] = e.to_text()
    return Unload(source, sorted(relations), entities, [], keep)


def withdrawn(ledger: dict[str, Entry], bundle: Bundle, around: Iterable[Relation]
              ) -> tuple[list[RelKey], list[str]]:
    """What a new version of the bundled data no longer states, among the store's relations
    `around` its entities: (relation keys to remove, entities to remove if nothing uses them).
    A record a loaded file asserts stays, whatever the bundled data says; so does every
    entity the new version still has, and every source a loaded file cites."""
    owned_rel = {r for e in ledger.values() for r in e.relations}
    owned = {i for e in ledger.values() for i in e.entities} | {
        r[3] for r in owned_rel}
    keys = {r.key for r in around} - set(bundle.relations) - owned_rel
    loose = {i for key in keys for i in (key[1], key[2], key[3])}
    return sorted(keys), sorted(loose - set(bundle.entities) - owned)
