"""What loading a bundle would change in a store, found without writing: `load --dry-run`.

It asks the store through the protocol only (entities by id, relations between pairs), so
both stores answer alike, and compares records as the stores keep them (their JSON form).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from graph.bundle import Bundle
from graph.store import Store

_CHUNK = 5000


@dataclass
class Changes:
    """Ids of entities and keys of relations a load would create or change."""

    entities_created: list[str] = field(default_factory=list)
    entities_changed: list[str] = field(default_factory=list)
    relations_created: list[tuple[str, str, str, str]] = field(default_factory=list)
    relations_changed: list[tuple[str, str, str, str]] = field(default_factory=list)


def pending_changes(store: Store, bundle: Bundle, records: Collection[object]) -> Changes:
    """Which of `records` (entity ids, relation keys of the bundle) are new to the store,
    and which the store holds differently?"""
    out = Changes()
    ids = sorted(r for r in records if isinstance(r, str))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        have = store.entities(chunk)
        for entity_id in chunk:
            old = have.get(entity_id)
            if old is None:
                out.entities_created.append(entity_id)
            elif old.to_dict() != bundle.entities[entity_id].to_dict():
                out.entities_changed.append(entity_id)
    keys = sorted(r for r in records if isinstance(r, tuple))
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start:start + _CHUNK]
        have_rel = {r.key: r for r in store.relations_between({(k[1], k[2]) for k in chunk})}
        for key in chunk:
            old_rel = have_rel.get(key)  # type: ignore[arg-type]
            if old_rel is None:
                out.relations_created.append(key)  # type: ignore[arg-type]
            elif old_rel.to_dict() != bundle.relations[key].to_dict():  # type: ignore[index]
                out.relations_changed.append(key)  # type: ignore[arg-type]
    return out
