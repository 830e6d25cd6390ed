"""Where the bundled dataset lives: inside the installed package, or data/ in a checkout."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.formats import is_input

if TYPE_CHECKING:
    from graph.bundle import Bundle


@cache
def data_dir() -> Path:
    """The directory of the bundled data files.

    The wheel ships data/ as package data of `loaders` (loaders/data); a checkout or an
    editable install reads the repository's data/ beside the packages.
    """
    installed = Path(str(files("loaders") / "data"))
    if installed.is_dir():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "data"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled data not found in {installed} or {checkout}")


def bundled_files() -> list[Path]:
    return sorted(p for p in data_dir().rglob("*") if is_input(p))


# Bump when what a store keeps per entity changes (e.g. how lookup keys are made), so that
# existing stores reload the bundled data.
STORE_LAYOUT_VERSION = "2"


def bundled_digest() -> str:
    """A fingerprint of the bundled files, so a store notices an upgraded dataset."""
    digest = hashlib.sha256(STORE_LAYOUT_VERSION.encode())
    root = data_dir()
    for path in bundled_files():
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def read_bundled() -> Bundle:
    """The bundled dataset, validated (it is validated again by the tests on every change)."""
    from loaders.bundle import read_bundle

    return read_bundle(bundled_files())


def bundled_source_texts() -> dict[str, Path | None]:
    """Every bundled Source id, with the text file it ships (None if it ships none)."""
    bundle = read_bundled()
    out: dict[str, Path | None] = {}
    for sid, entity in bundle.entities.items():
        if entity.label != "Source":
            continue
        out[sid] = None
        rel = entity.props.get("file")
        if rel:
            base = bundle.origins[sid][0].parent
            out[sid] = next((p for p in (base / str(rel), base / "sources" / str(rel))
                             if p.is_file()), None)
    return out
