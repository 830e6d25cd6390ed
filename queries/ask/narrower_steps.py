"""When nobody has the industry asked itself, who has the industries under it.

"哪些城市有新能源产业", "which parks have the new energy industry": the sector is named by its
category, which nobody holds; the cities hold 新能源 under it. Where every step that asks who
has an industry found nothing, the same question is asked of the industries under it
(queries/narrower.py) and the answer says so: the holders are listed with the narrower
industry each has, never as holders of the category itself.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.store import Store
from queries.narrower import HOLDING, NarrowerResult, holders_through_narrower


def _asks_holders(ran: Any, known: dict[str, Any]) -> tuple[str, str | None, Any] | None:
    """(industry id, rel_type, label) when this step asks who has an industry."""
    args = ran.args
    centre = known.get(args.get("entity", ""))
    if ran.query != "related" or ran.fallback or centre is None or centre.label != "Industry":
        return None
    if args.get("where"):
        return None  # 战略性新兴产业 (a tier) asked: the industries under it hold no such tier
    rel_type = args.get("rel_type")
    label = args.get("label")
    if args.get("direction") not in ("in", "both") or not (rel_type is None
                                                            or rel_type in HOLDING):
        return None
    if label is not None and set(str(label).split("/")) <= {"Industry"}:
        return None  # narrower industries asked: BROADER's own question
    return centre.id, rel_type, label


def through_narrower(store: Store, parsed: Any, ran: list[Any]
                     ) -> list[tuple[dict[str, Any], NarrowerResult, str]]:
    """The steps to add, each (args, result, note), when the main steps asked who has an
    industry and found nothing: the narrower industries' holders answer (none: nothing to
    add)."""
    from queries.ask.negated import says_not

    if any(f.op != "said" for f in parsed.filters) or says_not(parsed.question):
        return []  # a condition or a negation asked: the roll-down would not keep to it
    known = {e.id: e for e in (*parsed.known.values(), *parsed.slots.values())}
    asked = [got for r in ran if (got := _asks_holders(r, known)) is not None]
    if not asked or any(not r.empty for r in ran if not r.fallback):
        return []
    added: list[tuple[dict[str, Any], NarrowerResult, str]] = []
    for industry, rel_type, label in dict.fromkeys(asked):
        result = holders_through_narrower(store, industry, rel_type=rel_type, label=label)
        if not result.items:
            continue
        said = ", ".join(e.display for e in result.through)
        kind = str(label or "holder").replace("/", " or ")
        note = (f"No {kind} is recorded with {result.center.display} itself; through the "
                f"industries under it ({said}):")
        added.append(({"industry": industry, "rel_type": rel_type, "label": label}, result,
                      note))
    return added


def parks_through_narrower(store: Store, parsed: Any, ran: list[Any]
                           ) -> list[tuple[dict[str, Any], NarrowerResult, str]]:
    """The steps to add when parks doing an industry were asked and some found: the parks
    that do an industry under it answer too (南通做生物医药的园区: 东江生物医药产业园 is
    recorded with 生物医药及医疗器械), each with the narrower industry it has."""
    from queries.ask.negated import says_not

    if any(f.op != "said" for f in parsed.filters) or says_not(parsed.question):
        return []
    known = {e.id: e for e in (*parsed.known.values(), *parsed.slots.values())}
    asked = {got[0] for r in ran if not r.fallback
             and (got := _asks_holders(r, known)) is not None
             and got[2] is not None and set(str(got[2]).split("/")) == {"Park"}}
    listed = {i.entity.id for r in ran if r.result is not None
              for i in getattr(r.result, "items", ())}
    added: list[tuple[dict[str, Any], NarrowerResult, str]] = []
    for industry in sorted(asked):
        result = holders_through_narrower(store, industry, label="Park")
        items = tuple(i for i in result.items if i.entity.id not in listed)
        if not items:
            continue
        result = replace(result, items=items)
        said = ", ".join(e.display for e in result.through)
        note = f"Also parks with an industry under {result.center.display} ({said}):"
        added.append(({"industry": industry, "label": "Park"}, result, note))
    return added
