"""Pydantic models of one input record each, generated from the schema.

Each label and relationship type gets its own model, so a property that another label owns is
an unknown key here, and types are checked field by field.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from graph.schema import CONFIDENCE_LEVELS, ID_PATTERN, LABELS, REL_TYPES

Confidence = Literal[CONFIDENCE_LEVELS]  # type: ignore[valid-type]

# Properties that are numbers (with their bounds); every other property is text.
NUMERIC_PROPERTIES: dict[str, tuple[float | None, float | None]] = {
    "lon": (-180.0, 180.0), "lat": (-90.0, 90.0), "area_km2": (0.0, None),
    "length_m": (0.0, None), "share": (0.0, 100.0), "members_stated": (1.0, None),
}

_CONFIG = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True,
                     allow_inf_nan=False)


class _Strict(BaseModel):
    model_config = _CONFIG


class EntityBase(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    label: str | None = None
    name: str = Field(min_length=1)
    name_en: str = ""
    aliases: list[str] = []
    description: str = ""
    source: str | None = Field(default=None, pattern=ID_PATTERN)
    confidence: Confidence | None = None  # type: ignore[valid-type]


class RelationBase(_Strict):
    type: str
    start: str = Field(alias="from", pattern=ID_PATTERN)
    end: str = Field(alias="to", pattern=ID_PATTERN)
    source: str = Field(pattern=ID_PATTERN)
    evidence: str = ""
    confidence: Confidence = "high"  # type: ignore[valid-type]
    note: str = ""


def _prop_fields(names: tuple[str, ...]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in names:
        if name in NUMERIC_PROPERTIES:
            low, high = NUMERIC_PROPERTIES[name]
            fields[name] = (Annotated[float, Field(ge=low, le=high)] | None, None)
        else:
            fields[name] = (str | None, None)
    return fields


@cache
def entity_model(label: str) -> type[EntityBase]:
    """The record model for entities of one label."""
    return create_model(f"{label}Record", __base__=EntityBase,
                        **_prop_fields(LABELS[label].properties))


@cache
def relation_model(rel_type: str) -> type[RelationBase]:
    """The record model for relations of one type."""
    return create_model(f"{rel_type}Record", __base__=RelationBase,
                        **_prop_fields(REL_TYPES[rel_type].properties))


def extra_props(record: BaseModel, base: type[BaseModel]) -> dict[str, Any]:
    """The label- or type-specific properties a record set (those beyond the base model)."""
    return {
        name: value
        for name in type(record).model_fields
        if name not in base.model_fields and (value := getattr(record, name)) is not None
    }
