"""Which reader reads which file: the one place that maps a suffix to a parser.

A new input format is one parser (path, text) -> document and one line here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from loaders.errors import LoadError
from loaders.reading import InputError, decode, parse_csv, parse_yaml

# suffix (lower case) -> parser(path, text) -> a document with `sources`/`entities`/`relations`
READERS: dict[str, Callable[[Path, str], Any]] = {
    ".yaml": parse_yaml,
    ".yml": parse_yaml,
    ".csv": parse_csv,
}


def is_input(path: Path) -> bool:
    """Is this a file some reader takes (by its suffix)?"""
    return path.suffix.lower() in READERS


def read_document(path: Path) -> Any:
    """Decode and parse one input file by its suffix (YAML for a suffix no reader claims)."""
    text = decode(path)
    if not text.strip():
        raise InputError(LoadError(path, None, None,
                                   "file is empty: expected `sources`, `entities` or `relations`"))
    doc = READERS.get(path.suffix.lower(), parse_yaml)(path, text)
    if isinstance(doc, dict):
        # A file cut off mid-way often still parses: the missing final line break is the clue.
        doc.ends_cleanly = text.endswith(("\n", "\r"))  # type: ignore[attr-defined]
    return doc
