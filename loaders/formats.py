"""Which reader reads which file: the one place that maps a suffix to a parser.

A new input format is one parser and one line here: a text parser (path, text) -> document
(the file decoded as UTF-8 first), or a byte parser (path, bytes) -> document, listed in
BINARY_READERS, for formats that are not UTF-8 text (a workbook, a CSV in GBK).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from loaders.errors import LoadError


def _yaml(path: Path, text: str) -> Any:
    # Imported when a file is read, not to list the bundled files: every command lists them
    # (loaders/bundled.py) and most read none.
    from loaders.reading import parse_yaml

    return parse_yaml(path, text)


# suffix (lower case) -> parser(path, text) -> a document with `sources`/`entities`/`relations`
READERS: dict[str, Callable[[Path, str], Any]] = {
    ".yaml": _yaml,
    ".yml": _yaml,
}


def _csv(path: Path, raw: bytes) -> Any:
    from loaders.spreadsheet import parse_table_csv

    return parse_table_csv(path, raw)


def _xlsx(path: Path, raw: bytes) -> Any:
    from loaders.spreadsheet import parse_xlsx  # openpyxl is imported only for a workbook

    return parse_xlsx(path, raw)


# suffix -> parser(path, bytes): formats whose bytes the parser decodes itself.
BINARY_READERS: dict[str, Callable[[Path, bytes], Any]] = {
    ".csv": _csv,
    ".xlsx": _xlsx,
}


def is_input(path: Path) -> bool:
    """Is this a file some reader takes (by its suffix)?"""
    return path.suffix.lower() in READERS or path.suffix.lower() in BINARY_READERS


def read_document(path: Path) -> Any:
    """Read and parse one input file by its suffix (YAML for a suffix no reader claims)."""
    from loaders.reading import InputError, decode, read_bounded

    suffix = path.suffix.lower()
    if suffix in BINARY_READERS:
        raw = read_bounded(path)
        if not raw.strip():
            raise InputError(LoadError(path, None, None, "file is empty: expected a header "
                                       "row" if suffix == ".csv" else "file is empty"))
        return BINARY_READERS[suffix](path, raw)
    text = decode(path)
    if not text.strip():
        raise InputError(LoadError(path, None, None,
                                   "file is empty: expected `sources`, `entities` or `relations`"))
    doc = READERS.get(suffix, _yaml)(path, text)
    if isinstance(doc, dict):
        # A file cut off mid-way often still parses: the missing final line break is the clue.
        doc.ends_cleanly = text.endswith(("\n", "\r"))  # type: ignore[attr-defined]
    return doc
