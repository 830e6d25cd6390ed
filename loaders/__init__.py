"""Loaders: input files -> validated records with provenance. They never touch a store."""

from __future__ import annotations

from typing import Any

# Imported on first use: pydantic costs ~100 ms, and queries on an existing store need none of it.
_EXPORTS = {"Bundle": "loaders.bundle", "read_bundle": "loaders.bundle",
            "LoadError": "loaders.errors", "ValidationFailed": "loaders.errors"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(name)
