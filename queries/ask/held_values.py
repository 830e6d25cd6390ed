"""The kind words a question says that no entity of the kind it asks for can hold ("under
which national … category is X filed": no industry's level is national, a park's is): left
out of the answer's conditions, which would otherwise keep nothing."""

from __future__ import annotations

from graph.gazetteer import Gazetteer
from queries.ask.filters import Filter


def held_by_asked(filters: tuple[Filter, ...], asked: frozenset[str] | None,
                  gaz: Gazetteer) -> tuple[Filter, ...]:
    """Without the kind words that name a value no entity of the kind asked holds: "under
    which national … category is X filed" asks industries, and no industry's level is
    national (a park's is)."""
    if not asked:
        return filters
    out = []
    for f in filters:
        if f.op == "in" and f.prop in ("level", "kind"):
            held = set().union(*(_values_held(gaz).get((label, f.prop), ()) for label in asked))
            if not held & {str(v) for v in f.values}:
                continue
        out.append(f)
    return tuple(out)


_HELD: dict[int, tuple[Gazetteer, dict[tuple[str, str], frozenset[str]]]] = {}


def _values_held(gaz: Gazetteer) -> dict[tuple[str, str], frozenset[str]]:
    """(label, level or kind) -> the values its entities hold; read once per gazetteer."""
    cached = _HELD.get(id(gaz))
    if cached is not None and cached[0] is gaz:
        return cached[1]
    held: dict[tuple[str, str], set[str]] = {}
    for e in gaz.entities.values():
        for prop in ("level", "kind"):
            if e.props.get(prop) is not None:
                held.setdefault((e.label, prop), set()).add(str(e.props[prop]))
    if len(_HELD) > 4:
        _HELD.clear()
    out = {k: frozenset(v) for k, v in held.items()}
    _HELD[id(gaz)] = (gaz, out)
    return out
