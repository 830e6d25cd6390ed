"""A validated set of entities and relations: what a loader hands a store to load.

It belongs to the model, so a store's `load` takes it without knowing how it was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import Entity, Relation


@dataclass
class Bundle:
    """Validated entities and relations, each with the file and line it came from."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: dict[tuple[str, str, str, str], Relation] = field(default_factory=dict)
    origins: dict[Any, tuple[Path, int]] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a file that may be cut off
    # What a reader did that is worth saying but is no problem: the columns of a sheet it
    # used and ignored, the encoding it detected, rows that name existing entities.
    notes: list[str] = field(default_factory=list)
