"""What one entity relates to in the aspect another names: "南通推广人才资质互认，是借鉴的哪里的
经验" (what Nantong learns from where the lesson is the mutual recognition of talent
qualifications), "who does Suzhou cooperate with on biomedicine".

Asked with two names, a relation finds what relates to both; where the second is no end of the
relation but the aspect (LEARNS_FROM) or field (COOPERATES_WITH) the relation records, the
answer is what the first reaches through relations whose aspect or field names it. Nothing is
listed where no relation names it.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.names import has_han
from graph.store import Store
from queries.related import RelatedResult, related
from queries.resolve import resolve

_SAID_IN = ("aspect", "field")


def _names(text: str, names: Sequence[str]) -> bool:
    low = text.casefold()
    return any(n and (len(n) >= 4 if has_han(n) else len(n.split()) >= 2) and n.casefold() in low
               for n in names)


def related_in_aspect(store: Store, entity: str, named: str, *, rel_type: str,
                      direction: str = "out",
                      label: str | Sequence[str] | None = None) -> RelatedResult:
    """What does an entity reach through a relation whose aspect or field names another?"""
    thing = resolve(store, named)
    names = [thing.name, thing.name_en or "", *thing.aliases]
    found = related(store, entity, rel_type=rel_type, direction=direction, label=label)
    items = tuple(item for item in found.items if any(
        _names(str(r.props.get(p) or ""), names) for r in item.relations for p in _SAID_IN))
    return RelatedResult(found.center, rel_type, direction, found.label, found.where, items)
