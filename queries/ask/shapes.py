"""The intents the grammar makes on the spot, one shape per kind of question: a relation
asked from one end (or what two or three entities share), what lies between two entities,
a property, a route, every entity of a kind. Each is an `Intent` like those of the table, so
answering, --explain and --json treat it the same way.
"""

from __future__ import annotations

from graph.schema import LABELS, REL_TYPES
from queries.ask.membership import members_taking_part
from queries.ask.records import Intent, Slot, Step
from queries.ask.through_parks import park_between
from queries.within import rolled_direction

_VIA = {"Industry": "industry", "Park": "park", "Mechanism": "mechanism"}  # links --via


def _label_text(asked: frozenset[str] | None, zh: bool = False) -> str:
    if not asked:
        return "实体" if zh else "entities"
    if zh:
        return "/".join(LABELS[a].zh for a in sorted(asked))
    return "/".join(sorted(asked))


def _within(rel_type: str | None, direction: str) -> bool:
    """Asked of a place, does this relationship count what its parts do (queries/within.py),
    or lead to a unit that has ended (and so to its successor)?"""
    return rolled_direction(rel_type, direction) is not None or (
        rel_type == "LOCATED_IN" and direction == "out")


def _steps_related(entity_slot: str, rel_type: str | None, direction: str,
                   asked: frozenset[str] | None, where: dict[str, str],
                   named: str = "") -> list[Step]:
    """Related from the slot; with a qualifier (where), the relations that hold it. Where
    none does, the qualifier's entity (`named`: 国家级先进制造业集群 is one too) and what
    relates to both; the relations without it are shown, never given as the answer (a
    qualifier the graph does not hold here is said so, not answered with every one)."""
    labels: list[str | None] = ["/".join(sorted(asked))] if asked else [None]
    query = "related_within" if _within(rel_type, direction) else "related"
    steps = []
    usable = {k: v for k, v in where.items()
              if rel_type is None or k in REL_TYPES[rel_type].properties}
    for label in labels:
        kwargs = {"rel_type": rel_type, "direction": direction, "label": label}
        if usable:
            steps.append(Step(query, ("{" + entity_slot + "}",),
                              {**kwargs, "where": usable}))
            held = ", ".join(f"{k} {v}" for k, v in usable.items())
            if named:
                steps.append(Step("common", ("{" + entity_slot + "}", named),
                                  {"label": label}, only_if_empty=True, answers=True,
                                  settles=True,
                                  note=f"None recorded with {held}; what relates to both "
                                       f"{{{entity_slot}}} and {named}:"))
            steps.append(Step(query, ("{" + entity_slot + "}",), kwargs,
                              only_if_empty=True, answers=False,
                              note=f"None recorded with {held}; all of them (not an "
                                   "answer):"))
        else:
            steps.append(Step(query, ("{" + entity_slot + "}",), kwargs))
    return steps


_OTHER_WAY = {"out": "in", "in": "out"}


_ASPECTED = frozenset(t for t, r in REL_TYPES.items()
                     if "aspect" in r.properties or "field" in r.properties)


def slots_of(three: bool) -> tuple[str, ...]:
    return ("x", "y", "z") if three else ("x", "y")


def relation_intent(rel_types: list[tuple[str | None, str]], asked: frozenset[str] | None,
                    where: dict[str, str], verb_text: str, two: bool,
                    by_order: frozenset[tuple[str | None, str]] = frozenset(),
                    three: bool = False, each: bool = False,
                    each_if_none: bool = False,
                    otherwise: frozenset[str] = frozenset(),
                    if_none: frozenset[tuple[str | None, str]] = frozenset(),
                    topic: bool = False, named: str = "") -> Intent:
    """An intent for 'which <asked> <verb> {x}' (or {x} and {y}) over these types.

    Two or three entities: what they share; `each` (分别, 各, or, respectively): what each
    one relates to, together; `each_if_none` (a list of one kind, A和B): that, when they
    share nothing (said so). When they find nothing: the other direction where only word
    order chose it, then what the graph relates to {x} of the kind asked for, through any
    type (each said so). `if_none`: kinds read only where the others find nothing (an
    alliance's members: those that only take part, where none is listed). `topic`: the
    first of two said as the topic (人才资质互认南通是跟哪里学的): what relates to both by any
    relation, where nothing of the type does. `named`: the entity a qualifier also names."""
    steps: list[Step] = []
    labels: list[str | None] = ["/".join(sorted(asked))] if asked else [None]
    ends = ("{x}", "{y}", "{z}")[:max(2, len(slots_of(three)))] if two else ()
    names = slots_of(three)
    if two and each:
        for name in names:
            for rel_type, direction in rel_types:
                steps.extend(_steps_related(name, rel_type, direction, asked, where))
        return _relation(rel_types, asked, verb_text, two, three, steps, where, each=True)
    if two:
        for rel_type, direction in rel_types:
            query = "common_within" if _within(rel_type, direction) else "common"
            for label in labels:
                steps.append(Step(query, ends, {"rel_type": rel_type, "label": label}))
        steps.extend(park_between(rel_types, asked, ends))  # one builds it, it lies in the other
        if not three and not each_if_none:
            # the zone's task of free flow of factors: the whole says which part is meant
            steps.extend(Step("related_of_part", ends, {
                "rel_type": rel_type, "direction": direction, "label": label,
                **({"where": where} if where else {})}, only_if_empty=True, answers=True,
                settles=True, note="Nothing relates to both; one is recorded as part of "
                                   "the other, and this is what relates to the part:")
                for rel_type, direction in rel_types if rel_type is not None
                for label in labels)
            # "what did the leading group list for the zone": what the first reaches that
            # relates to the second (PROPOSES the plan, PART_OF the zone), either way round
            steps.extend(Step("related_toward", (first, second), {
                "rel_type": rel_type, "direction": direction, "label": label},
                only_if_empty=True, answers=True, settles=True,
                note=f"Nothing relates to both; what {first} reaches that relates to "
                     f"{second}:")
                for rel_type, direction in rel_types if rel_type is not None
                for first, second in (ends, ends[::-1]) for label in labels)
            # 南通…是借鉴的哪里的经验 with 人才资质互认 named: the lesson's aspect, no end
            steps.extend(Step("related_in_aspect", (first, second), {
                "rel_type": rel_type, "direction": direction, "label": label},
                only_if_empty=True, answers=True, settles=True,
                note=f"Nothing relates to both; what {first} reaches where the relation's "
                     f"aspect names {second}:")
                for rel_type, direction in rel_types if rel_type in _ASPECTED
                for first, second in (ends, ends[::-1]) for label in labels)
        if (asked or topic) and any(t is not None for t, _ in rel_types):
            # (`topic`, 人才资质互认南通是跟哪里学的: the topic said first; what the one
            # learns from that also relates to the other)
            steps.extend(Step("common", ends, {"label": label}, only_if_empty=True,
                              answers=True, note="Nothing of that type relates to both; "
                              "what the graph relates to both" + (
                                  ", of that kind:" if asked else " (any relation):"))
                         for label in labels)
        if each_if_none:
            steps.extend(Step(step.query, step.args, step.kwargs, only_if_empty=True,
                              answers=True, note=step.note or "They share nothing here; "
                              "what each of them relates to:")
                         for name in names for rel_type, direction in rel_types
                         for step in _steps_related(name, rel_type, direction, asked, where)
                         if not step.only_if_empty)
    else:
        for rel_type, direction in rel_types:
            if (rel_type, direction) not in if_none:
                steps.extend(_steps_related("x", rel_type, direction, asked, where,
                                            named))
        if not where:  # 成员单位: those taking part as members are members too
            steps.extend(members_taking_part(if_none, asked))
        for rel_type, direction in rel_types:
            if (rel_type, direction) in if_none:
                steps.extend(Step(step.query, step.args, step.kwargs, only_if_empty=True,
                                  answers=True, note=f"None recorded; through {rel_type}:")
                             for step in _steps_related("x", rel_type, direction, asked, where)
                             if not step.only_if_empty)
        for rel_type, direction in rel_types:
            if (rel_type, direction) in by_order:
                steps.extend(Step("related", ("{x}",), {
                    "rel_type": rel_type, "direction": _OTHER_WAY[direction], "label": label},
                    only_if_empty=True, answers=True,
                    note=f"Read the other way round ({rel_type} {_OTHER_WAY[direction]}):")
                    for label in labels)
        if asked and otherwise:  # "which zones": none of the first kind; the other one
            for rel_type, direction in rel_types:
                steps.extend(Step(step.query, step.args, step.kwargs, only_if_empty=True,
                                  answers=True, note=step.note)
                             for step in _steps_related("x", rel_type, direction,
                                                        asked | otherwise, where)
                             if not step.only_if_empty)
        if asked and any(t is not None for t, _ in rel_types) and not where:
            # (with a qualifier none holds, nothing else answers: 苏州的地标产业 is refused)
            steps.extend(Step("related", ("{x}",), {"rel_type": None, "direction": "both",
                                                    "label": label},
                              only_if_empty=True, answers=True,
                              note="The graph records none of that relation here; what it "
                                   "relates to {x} of that kind:")
                         for label in labels)
    return _relation(rel_types, asked, verb_text, two, three, steps, where)


def _relation(rel_types: list[tuple[str | None, str]], asked: frozenset[str] | None,
              verb_text: str, two: bool, three: bool, steps: list[Step],
              where: dict[str, str], each: bool = False) -> Intent:
    types = ", ".join(f"{t or 'any'} ({d})" for t, d in rel_types)
    name = "relation:" + "+".join(f"{t or 'ANY'}:{d}" for t, d in rel_types)
    what = _label_text(asked)
    if two:
        question = f"Which {what} {verb_text or 'relate to'} both {{x}} and {{y}}?"
        question_zh = f"哪些{_label_text(asked, True)}和{{x}}、{{y}}都有{verb_text or '关系'}？"
        explain = (f"common lists the {what} that the graph relates to both {{x}} and {{y}} "
                   f"through {types}, each with the relations and quotes.")
    else:
        question = f"Which {what} {verb_text or 'relate to'} {{x}}?"
        question_zh = f"哪些{_label_text(asked, True)}与{{x}}{verb_text or '有关'}？"
        within = any(_within(t, d) for t, d in rel_types)
        explain = (f"The grammar read '{verb_text or 'no verb'}' as {types}; related follows "
                   f"it from {{x}} and keeps {what}" + (f" where {where}" if where else "")
                   + (" (related_within: a place's districts, counties and seated bodies "
                      "count for it)" if within else "") + ".")
    if each:
        question = question.replace("both {x} and {y}", "{x} or {y} (each)")
        question_zh = question_zh.replace("都有", "分别有")
        explain = (f"related follows {types} from each of {{x}} and {{y}} and lists what each "
                   f"reaches, of the kind {what}.")
    slots = tuple(Slot(n) for n in slots_of(three)) if two else (Slot("x"),)
    if three:
        question = question.replace("both {x} and {y}", "all of {x}, {y} and {z}")
        question_zh = question_zh.replace("{x}、{y}", "{x}、{y}、{z}")
    return Intent(name, question, question_zh, (), slots, tuple(steps), (), explain)


def two_entity_intent(asked: frozenset[str]) -> Intent:
    """'<A>和<B>之间有哪些<label>': links through that kind, else what both relate to."""
    label = next(iter(asked)) if len(asked) == 1 else None
    if label in _VIA:
        step = Step("links", ("{x}", "{y}"), {"via": _VIA[label]}, empty_on=("NoLinks",))
        explain = f"links --via {_VIA[label]} ranks the {label} entities on paths between " \
                  "{x} and {y} (else common lists what the graph relates to both)."
        steps: tuple[Step, ...] = (step, Step(
            "common_within", ("{x}", "{y}"), {"label": label}, only_if_empty=True,
            answers=True, note=f"No {_VIA[label]} link between {{x}} and {{y}}; what the "
                               "graph relates to both of that kind:"))
    else:
        steps = (Step("common_within", ("{x}", "{y}"), {"label": "/".join(sorted(asked))}),)
        explain = f"common_within lists the {_label_text(asked)} the graph relates to both " \
                  "{x} and {y}, a place's districts and bodies acting for it."
    what = _label_text(asked)
    return Intent(f"between:{'+'.join(sorted(asked))}",
                  f"Which {what} are there between {{x}} and {{y}}?",
                  f"{{x}}和{{y}}之间有哪些{_label_text(asked, True)}？", (),
                  (Slot("x"), Slot("y")), steps, (), explain)


def between_either_intent(asked: frozenset[str]) -> Intent:
    """'<A>跟<B>、<C>之间有哪些<label>', "between A and B or C": what lies between A and
    either of the others (what both of each pair relate to), one list."""
    label = "/".join(sorted(asked))
    what = _label_text(asked)
    return Intent(f"between-either:{'+'.join(sorted(asked))}",
                  f"Which {what} are there between {{x}} and {{y}} or {{z}}?",
                  f"{{x}}跟{{y}}、{{z}}之间有哪些{_label_text(asked, True)}？", (),
                  (Slot("x"), Slot("y"), Slot("z")),
                  (Step("common_within", ("{x}", "{y}"), {"label": label}),
                   Step("common_within", ("{x}", "{z}"), {"label": label}, also=True)), (),
                  f"common_within lists the {what} the graph relates to both {{x}} and {{y}}, "
                  "then to both {x} and {z} (a place's districts and bodies acting for it).")


def property_intent(prop: str, two: bool, alike: bool = False) -> Intent:
    """'What tier is {x}'s {y}', 'when was {x} set up': the entity, with its properties and
    relations (and the relations between the two, where the property sits on one). `alike`:
    two of one kind (when did the ETDZ sign with Waigaoqiao): the answer names both."""
    if two:
        steps: tuple[Step, ...] = (
            Step("why", ("{x}", "{y}"), empty_on=("NoDirectRelation",),
                 note=f"The relations between {{x}} and {{y}} (their {prop}):"),
            Step("show", ("{y}",)), *((Step("show", ("{x}",), also=True),) if alike else ()))
        return Intent(f"property:{prop}", f"What is the {prop} of {{y}} (for {{x}})?",
                      f"{{x}}的{{y}}的{prop}是什么？", (), (Slot("x"), Slot("y")), steps, (),
                      f"why shows the relations between {{x}} and {{y}} with their {prop}; "
                      "show prints {y} with its properties.")
    return Intent(f"property:{prop}", f"What is the {prop} of {{x}}?", f"{{x}}的{prop}是什么？",
                  (), (Slot("x"),), (Step("show", ("{x}",)),), (),
                  f"show prints {{x}} with its properties ({prop}) and relations.")


def route_intent() -> Intent:
    """'从A到B', 'trace … from A down to B': the shortest paths, every step quoted."""
    return Intent("route", "What lies between {x} and {y}, step by step?",
                  "从{x}到{y}经过哪些环节？", (), (Slot("x"), Slot("y")),
                  (Step("shortest_paths", ("{x}", "{y}"), {"k": 5},
                        empty_on=("NoPath",)),), (),
                  "shortest_paths lists the shortest routes from {x} to {y}, each hop with its "
                  "relation and quote.")


def every_intent(asked: frozenset[str]) -> Intent:
    """'有哪些机场', 'how many bridges does the graph know': every entity of the kind."""
    what = _label_text(asked)
    return Intent(f"every:{'+'.join(sorted(asked))}", f"Which {what} does the graph hold?",
                  f"图谱里有哪些{_label_text(asked, True)}？", (), (),
                  tuple(Step("hubs", (), {"label": label, "limit": 10_000})
                        for label in sorted(asked)), (),
                  f"hubs lists every {what} in the graph, the most connected first.")


def partners_intent(asked: frozenset[str] | None) -> Intent:
    """'Who has {x} teamed up with to build a park', '{x}和谁一起建了园区': the other
    co-builders of what {x} co-builds, and (when the kind asked allows) what they built."""
    label = "/".join(sorted(asked)) if asked else None
    return Intent("partners", "Who has {x} co-built with?", "{x}和谁一起共建了什么？", (),
                  (Slot("x"),),
                  (Step("co_builders", ("{x}",), {"label": label}),
                   Step("related_within", ("{x}",), {"rel_type": "CO_BUILDS",
                                                     "direction": "out", "label": label},
                        also=True)), (),
                  "co_builders lists the other co-builders of what {x} co-builds (its "
                  "districts and seated bodies counting for it); related_within what it built.")
