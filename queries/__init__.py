"""The catalogue: one question, one module; each runs on either store.

Names are imported on first use, so importing one question (or the CLI, which reads the
registries of a few) does not import them all.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "AmbiguousEntity": "queries.errors", "EntityNotFound": "queries.errors",
    "NoLinks": "queries.errors", "NoPath": "queries.errors", "QueryError": "queries.errors",
    "VIAS": "queries.links", "links": "queries.links", "neighbors": "queries.neighbors",
    "shortest_paths": "queries.paths", "resolve": "queries.resolve",
    "search": "queries.search", "show": "queries.show", "stats": "queries.stats",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(name)
