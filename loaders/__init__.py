"""Loaders: input files -> validated records with provenance. They never touch a store."""

from loaders.bundle import Bundle, read_bundle
from loaders.errors import LoadError, ValidationFailed

__all__ = ["Bundle", "LoadError", "ValidationFailed", "read_bundle"]
