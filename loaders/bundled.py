"""Where the bundled dataset lives: inside the installed package, or data/ in a checkout."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.bundle import Bundle

INPUT_SUFFIXES = (".yaml", ".yml", ".csv")


@cache
def data_dir() -> Path:
    """The directory of the bundled YAML files."""
    import estuary

    installed = Path(estuary.__file__).parent / "data"  # the wheel force-includes data/ here
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "data"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled data not found in {installed} or {checkout}")


def bundled_files() -> list[Path]:
    return sorted(p for p in data_dir().rglob("*") if p.suffix.lower() in INPUT_SUFFIXES)


def bundled_digest() -> str:
    """A fingerprint of the bundled files, so a store notices an upgraded dataset."""
    digest = hashlib.sha256()
    for path in bundled_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def read_bundled() -> Bundle:
    """The bundled dataset, validated (it is validated again by the tests on every change)."""
    from loaders.bundle import read_bundle

    return read_bundle(bundled_files())
