"""Turning what a user typed into one entity: by id, name, alias, English name or pinyin."""

from __future__ import annotations

from graph.model import Entity
from graph.names import normalize
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
    matches = store.find_by_key(text)
    if label:
        matches = [e for e in matches if e.label == label]
    exact_id = [e for e in matches if e.id == text]
    if exact_id:
        return exact_id[0]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        # A full name beats an alias: "苏州" is Suzhou even if some alias is also "苏州".
        key = normalize(text)
        by_name = [e for e in matches if key in (normalize(e.name), normalize(e.name_en))]
        if len(by_name) == 1:
            return by_name[0]
        raise AmbiguousEntity(text, matches)
    from queries.search import search

    hits = search(store, text, limit=3, label=label).hits
    raise EntityNotFound(text, [hit.entity for hit in hits])
