"""Checks on one record's text before a model or a store sees it: limits, hidden characters,
and values YAML read as numbers or dates where text is expected."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from graph.limits import Limits
from loaders.reading import YamlDate, YamlNumber

# Fields that hold text a person reads: a number or date there is a slip, not a value.
TEXT_FIELDS = frozenset({"name", "name_en", "aliases", "description", "evidence", "note",
                         "title", "author", "publisher", "field", "role", "aspect"})
NAME_FIELDS = frozenset({"name", "name_en", "aliases"})

# Terminal controls (C0 but tab/line breaks, DEL, C1) and bidi embeddings/overrides/isolates:
# never part of a text anyone means to store.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# In a name also line breaks, tabs and invisible joiners/marks.
_NAME_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me"}


def _char(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def has_visible(text: str) -> bool:
    """Does the text contain a character one can see (not only spaces, marks, controls)?"""
    return any(unicodedata.category(ch) not in _INVISIBLE for ch in text)


def value_problem(key: str, value: Any, limits: Limits) -> str | None:
    """What is wrong with one text value of a record, or None."""
    if isinstance(value, (YamlNumber, YamlDate)) and key in TEXT_FIELDS:
        kind = "a number" if isinstance(value, YamlNumber) else "a date"
        return (f"expected text, got {kind} ({value}): quote it ('{value}') if it is text")
    if not isinstance(value, str):
        return None
    limit = limits.for_field(key)
    if len(value) > limit:
        return f"{len(value)} characters, more than the limit of {limit}"
    pattern = _NAME_CONTROL if key in NAME_FIELDS or key in ("id", "from", "to", "source") \
        else _CONTROL
    if (bad := pattern.search(value)) is not None:
        return (f"contains the control character {_char(bad.group())} at position "
                f"{bad.start()}: names and texts must be plain text")
    if key in NAME_FIELDS and key != "name_en" and not has_visible(value):
        return "has no visible character (only spaces, marks or invisible characters)"
    if key == "name_en" and value and not has_visible(value):
        return "has no visible character (only spaces, marks or invisible characters)"
    return None


def record_problems(item: dict[str, Any], limits: Limits) -> list[tuple[str, str]]:
    """(field, message) for every text problem of one record."""
    out: list[tuple[str, str]] = []
    for key, value in item.items():
        if key == "aliases" and isinstance(value, list):
            if len(value) > limits.aliases_per_entity:
                out.append((key, f"{len(value)} aliases, more than the limit of "
                                 f"{limits.aliases_per_entity}"))
            for index, alias in enumerate(value):
                if (problem := value_problem(key, alias, limits)) is not None:
                    out.append((f"{key}[{index}]", problem))
        elif (problem := value_problem(key, value, limits)) is not None:
            out.append((key, problem))
    return out
