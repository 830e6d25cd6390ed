"""Turning what a user typed into one entity: by id, name, alias, English name or pinyin."""

from __future__ import annotations

from graph.matching import choose
from graph.model import Entity
from graph.store import Store
from queries.errors import AmbiguousEntity, EntityNotFound


def resolve(store: Store, text: str, *, label: str | None = None) -> Entity:
    """Which one entity does this text name?"""
    try:
        return _resolve(store, text, label)
    except EntityNotFound:
        inner = getattr(store, "inner", None)  # a store seen as of a date (queries/as_of.py)
        if inner is not None:
            from queries.as_of import NotAtDate

            try:
                entity = _resolve(inner, text, label)
            except EntityNotFound:
                raise
            raise NotAtDate(entity, store.at) from None  # type: ignore[attr-defined]
        raise


def _resolve(store: Store, text: str, label: str | None) -> Entity:
    text = text.strip()
    # An exact id wins outright, and is one index lookup on either store.
    by_id = store.entities([text]).get(text)
    if by_id is not None and label in (None, by_id.label):
        return by_id
    entity, candidates = choose(text, store.find_by_key(text), label)
    if entity is not None:
        return entity
    if candidates:
        raise AmbiguousEntity(text, candidates)
    from queries.search import search

    hits = search(store, text, limit=3, label=label).hits
    raise EntityNotFound(text, [hit.entity for hit in hits])
