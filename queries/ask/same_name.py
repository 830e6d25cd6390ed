"""A property asked of a thing that shares its name with another that holds it: "When was the
Nantong ETDZ set up?" names 南通经济技术开发区, which is both the zone (a park: approved in 1984)
and its administration (an organisation, a shareholder elsewhere: no date of its own).

Read as the administration, the question was answered from the dates of its ties, a wrong
answer presented as the founding date. Where the entity read holds none of the properties
asked and another entity of the same name holds one, the question is asked of that one, and a
note says so.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.gazetteer import Gazetteer, latin_key

# the properties a thing records of itself (a share or a tier sits on a relation)
_OWN = frozenset({"area_km2", "length_m", "established", "opened", "level", "status"})


def same_name_holder(parsed: Any, gaz: Gazetteer) -> Any:
    """The parsed question with each slot that holds none of the asked properties replaced by
    the one entity of the same name that holds one (see the module's docstring)."""
    name = parsed.intent.name
    if not name.startswith("property:") or len(parsed.slots) != 1:
        return parsed  # (two named: the date may be of their tie, "when did A sign with B")
    props = set(name.split(":", 1)[1].split("+")) & _OWN
    if not props:
        return parsed
    slots, notes = dict(parsed.slots), []
    for key, entity in parsed.slots.items():
        if any(entity.props.get(p) not in (None, "") for p in props):
            continue
        other = namesake_holding(entity, props, gaz)
        if other is None:
            continue
        slots[key] = other
        notes.append(read_as_namesake(entity, other))
    if not notes:
        return parsed
    known = {**parsed.known, **{e.id: e for e in slots.values()}}
    return replace(parsed, slots=slots, known=known, notes=(*parsed.notes, *notes))


def namesake_holding(entity: Any, props: set[str] | frozenset[str], gaz: Gazetteer) -> Any:
    """The one other entity of the same name that records one of the properties, else None
    (looked up by name in the gazetteer, not by reading every entity)."""
    ids = gaz.han.get(entity.name) or gaz.latin.get(latin_key(entity.name)) or frozenset()
    others = [e for i in sorted(ids) if i != entity.id and (e := gaz.entities.get(i)) is not None
              and e.name == entity.name and any(e.props.get(p) not in (None, "") for p in props)]
    return others[0] if len(others) == 1 else None


def read_as_namesake(entity: Any, other: Any) -> str:
    return (f"Read {entity.name} as {other.display} [{other.id}], which records it; "
            f"{entity.display} [{entity.id}], of the same name, does not.")
