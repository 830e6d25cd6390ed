"""When a thing was set up, where it records no date of its own (长三角集成电路产业联盟是哪天揭牌
的, "When was the YRD IC alliance set up?"): its record, with the dates its relations hold and
a note saying that these are its relations' dates, the earliest named, not a founding date.

The grammar refuses a date asked of a thing that holds none (the graph records none); an
alliance unveiled with its members on one day holds that day on every membership instead, and
an analyst asking when it began is better served by those dates, said for what they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store

_OWN_DATES = ("established", "opened")
# (a crossing's or airport's date asked is its opening, which no tie of it dates: a signing or
# a start of works is not when it opens)
_DATED_BY_TIES = frozenset({"Organization", "Park"})


def dated_by_relations(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
                       gaz: Gazetteer) -> Any:
    """The date asked of one thing that records none, told from its dated relations, or
    None (another question, its own date held, or no relation of it dated)."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.reading import read
    from queries.ask.shapes import property_intent
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    if len(mentions) != 1:
        return None
    reading = read(masked_text(q, mentions), text=q)
    if reading.property != "established" or reading.asked:
        return None
    ids = mentions[0].ids
    if len(ids) > 1:  # 南通经济技术开发区: the zone and its administration, one name
        dated_ids = [i for i in ids if i in gaz.entities and any(
            gaz.entities[i].props.get(p) for p in _OWN_DATES)]
        if len(dated_ids) != 1:
            return None
        held = gaz.entities[dated_ids[0]]
        return answer_fn(store, Parsed(
            question, property_intent("established", False), tuple(mentions), {"x": held}, {},
            known={held.id: held}, notes=(f"{mentions[0].text} names {len(ids)} things; read "
                                          f"as {held.display} [{held.id}], the one that "
                                          "records a date.",)))
    entity = gaz.entities.get(ids[0])
    if entity is None or entity.label not in _DATED_BY_TIES or any(
            entity.props.get(p) for p in _OWN_DATES):
        return None
    from queries.ask.same_name import namesake_holding, read_as_namesake

    namesake = namesake_holding(entity, _OWN_DATES, gaz)  # the Nantong ETDZ: the zone's date
    if namesake is not None:
        return answer_fn(store, Parsed(
            question, property_intent("established", False), tuple(mentions), {"x": namesake},
            {}, known={namesake.id: namesake}, notes=(read_as_namesake(entity, namesake),)))
    dated = [r for r in store.relations_of(entity.id) if r.props.get("since") not in (None, "")]
    if not dated:
        return None
    rel = min(dated, key=lambda r: (str(r.props["since"]), r.key))
    first = str(rel.props["since"])
    other = rel.end if rel.start == entity.id else rel.start
    named = gaz.entities[other].display if other in gaz.entities else other
    note = (f"The graph records no founding date of {entity.display} itself; the dates shown "
            f"are on its relations, the earliest {first} ({rel.type} with {named}): a date of "
            "its ties, not a founding date.")
    parsed = Parsed(question, property_intent("established", False), tuple(mentions),
                    {"x": entity}, {}, known={entity.id: entity}, notes=(note,))
    return answer_fn(store, parsed)
