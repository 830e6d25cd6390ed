"""A yes-or-no question answered with a verdict first, then the evidence.

"Is SAIC a member of the YRD NEV alliance?" is answered "Yes — 上汽集团 MEMBER_OF
长三角新能源汽车产业联盟 (since 2021-05-27, high, source …)" when the graph states the relation
the question's verb names (any relation, when its verb names none); "Yes, rolled up through X"
when a chain of containment (LOCATED_IN, PART_OF, MEMBER_OF, BROADER) joins them; otherwise
"The graph does not record that …" followed by what it does record between them. Of a
relation the graph never says "no": it only does or does not record it. Of a thing's own
record it can: "Is the railway open yet?" is "No — its status is planned" (`Verdict.no`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from graph.model import Entity, Relation

# Relations through which membership and containment roll up: a district is in its city, a
# park in its zone, a chain under its industry.
_ROLLS_UP = frozenset({"LOCATED_IN", "PART_OF", "MEMBER_OF", "BROADER"})
_BELONGING = frozenset({"PART_OF", "MEMBER_OF", "BROADER"})
_PLACES = frozenset({"City", "Region"})
RELATED = "related, no relation type read from the question's verb"


@dataclass(frozen=True)
class Verdict:
    """The answer to a yes-or-no question, as the graph can give it."""

    held: bool  # the graph holds the answer: what was asked, or a record that says otherwise
    how: str  # "direct relation", "rolled up through X", "other relations", "not recorded"
    text: str  # the verdict in one line, said first
    relations: tuple[Relation, ...] = ()  # the evidence
    entities: tuple[Entity, ...] = ()  # the two ends and the entities on the evidence
    no: bool = False  # the entity's own record says otherwise (its status is planned): "No —"

    @property
    def answer(self) -> str:
        """yes; related (the graph holds relations between the two, but the question's verb
        names none of its relation types, so they are no yes); not recorded."""
        if not self.held:
            return "not recorded"
        if self.no:
            return "no"
        return "related" if self.how == RELATED else "yes"

    def to_dict(self) -> dict[str, Any]:
        return {"answer": self.answer, "how": self.how,
                "text": self.text, "entities": [e.ref() for e in self.entities],
                "relations": [r.to_dict() for r in self.relations]}


def asked_types(question: str, gaz: Any) -> frozenset[str]:
    """The relationship types a yes-or-no question's verb names (属于, a member of)."""
    from queries.ask.phrases import masked_text
    from queries.ask.reading import read
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    reading = read(masked_text(q, mentions), text=q)
    return frozenset(h.value.rel_type for h in reading.verbs if hasattr(h.value, "rel_type"))


def attach(answer: Any, gaz: Any) -> Any:
    """The answer with its verdict, when it answers a yes-or-no question."""
    if not is_check(answer):
        return answer
    return replace(answer, verdict=verdict(answer, asked_types(answer.parsed.question, gaz)))


def as_check(parsed: Any) -> Any:
    """A yes-or-no question about two entities, read as some relation between them ("Is
    Haimen in Jiangsu?", 南通属于长三角吗): read instead as the check of the relation, so it
    gets a verdict (direct, rolled up, or not recorded). None when it is no such question."""
    import re

    from graph.gazetteer import prepare
    from queries.ask.intents import INTENTS

    check = next((i for i in INTENTS if i.name == "check"), None)
    if check is None or parsed.intent.name == "check" or parsed.asked or parsed.count:
        return None
    if len(parsed.slots) != 2 or parsed.intent.name.startswith(("property:", "user:")):
        return None
    text = prepare(parsed.question)
    cue = check.cues[0]
    if not (re.search(cue.zh, text) or re.search(cue.en, text)):
        return None
    order = {i: n for n, m in enumerate(parsed.mentions) for i in m.ids}
    a, b = sorted(parsed.slots.values(), key=lambda e: order.get(e.id, len(order)))
    return replace(parsed, intent=check, slots={"a": a, "b": b}, labels={})


def is_check(answer: Any) -> bool:
    return answer.parsed.intent.name == "check"


def said(rel: Relation, names: dict[str, str], source: Entity | None = None) -> str:
    """One relation as a sentence with its date, confidence and source."""
    extra = [f"{k} {v}" for k, v in sorted(rel.props.items())
             if k in ("since", "until", "status", "role", "share", "tier") and v not in ("", None)]
    src = source.display if source is not None else names.get(rel.source, rel.source)
    extra += [rel.confidence, f"source {src}"]
    return (f"{names.get(rel.start, rel.start)} {rel.type} {names.get(rel.end, rel.end)} "
            f"({', '.join(extra)})")


def verdict(answer: Any, types: frozenset[str] = frozenset()) -> Verdict | None:
    """The verdict on a yes-or-no question (None for other questions). `types`: the
    relationship types its verb names; empty, any relation the graph states answers it."""
    if not is_check(answer):
        return None
    slots = list(answer.parsed.slots.values())
    if len(slots) < 2:
        return None
    a, b = slots[0], slots[1]
    if types & _BELONGING and {a.label, b.label} <= _PLACES:
        # Between two places, belonging is being located in: "Does Kunshan belong to Suzhou?"
        # is answered by 昆山 LOCATED_IN 苏州 (属于 already names LOCATED_IN; "belong to" too).
        types = types | {"LOCATED_IN"}
    if "COOPERATES_WITH" in types and "Park" in {a.label, b.label} and {a.label, b.label} - {
            "Park"} <= {"City", "Organization", "Region"}:
        # A partner in a park (合作方, "a partner in the park") is one that co-builds it.
        types = types | {"CO_BUILDS"}
    names = {a.id: a.display, b.id: b.display}
    statements, paths = [], []
    for ran in answer.ran:
        if ran.result is None:
            continue
        statements.extend(getattr(ran.result, "statements", ()) or ())
        paths.extend(getattr(ran.result, "paths", ()) or ())
    fits = [s for s in statements if not types or s.relation.type in types]
    if fits and not types:
        # No verb of the question was read as a relation type ("Does A oppose B?", "Is A
        # related to B?"): what the graph holds between them is shown, never as a yes to a
        # verb it has no relation for.
        lines = [said(s.relation, names, s.source) for s in fits]
        return Verdict(True, RELATED, f"Related — the graph records between {a.display} and "
                       f"{b.display}: " + "; ".join(lines) + ". The question's verb names no "
                       "relation the graph holds, so this is what it records, not a yes.",
                       tuple(s.relation for s in fits), (a, b))
    if fits:
        lines = [said(s.relation, names, s.source) for s in fits]
        return Verdict(True, "direct relation", "Yes — " + "; ".join(lines),
                       tuple(s.relation for s in fits), (a, b))
    for walk in paths:  # a chain upwards from a to b: a district in its city in its province
        rels = [next((r for r in hop if r.type in _ROLLS_UP and r.start == walk.nodes[i].id
                      and r.end == walk.nodes[i + 1].id), None)
                for i, hop in enumerate(walk.hops)]
        if None in rels or walk.nodes[0].id != a.id or walk.nodes[-1].id != b.id:
            continue
        if rels and (not types or types & _ROLLS_UP):
            names.update((n.id, n.display) for n in walk.nodes)
            through = "、".join(n.display for n in walk.nodes[1:-1])
            chain = [r for r in rels if r is not None]
            return Verdict(True, f"rolled up through {through}",
                           f"Yes, rolled up through {through} — "
                           + "; ".join(said(r, names) for r in chain),
                           tuple(chain), tuple(walk.nodes))
    what = "/".join(sorted(types)) if types else "a relation"
    held = [said(s.relation, names, s.source) for s in statements]
    if held:
        return Verdict(False, "other relations",
                       f"The graph does not record {what} between {a.display} and "
                       f"{b.display}; it records: " + "; ".join(held),
                       tuple(s.relation for s in statements), ())
    if paths:
        walk = paths[0]
        route = " → ".join(n.display for n in walk.nodes)
        return Verdict(False, "not recorded",
                       f"The graph does not record that {a.display} and {b.display} are "
                       f"related directly; the nearest it holds is the route {route}.", (), ())
    return Verdict(False, "not recorded",
                   f"The graph does not record any relation between {a.display} and "
                   f"{b.display}.", (), ())


def property_check(answer: Any, store: Any, question: str, gaz: Any) -> Any:
    """A yes-or-no question about one entity and a word that names a property value
    (启东是县级市吗, "Is the SIP a national-level park?": level national; "Is the railway still
    under construction?": status): answered with a verdict from the entity's own record, or
    None when the question is not of that form. A record that holds no such property gets
    "the graph does not record that", never a silent other reading.
    `answer`: queries/ask/answering.py's (passed in: answering calls this)."""
    import re

    from graph.gazetteer import prepare
    from queries.ask.intents import INTENTS, Step
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    check = next((i for i in INTENTS if i.name == "check"), None)
    text = prepare(question)
    if check is None or not (re.search(check.cues[0].zh, text) or re.search(check.cues[0].en,
                                                                             text)):
        return None
    q, mentions = names_in(question, gaz)
    if len(mentions) != 1:
        return None
    masked = masked_text(q, mentions)
    said = record_words(masked)
    if said is None:
        return None
    word, where, span = said
    if _verb_types(masked[:span[0]] + " " + masked[span[1]:]):
        return None  # "does Fudan take part in any alliance": its relations, not its record
    # a name of several entities (a zone and its administration): the one whose record holds
    # the property asked, when exactly one does
    named = [gaz.entities[i] for i in mentions[0].ids if i in gaz.entities]
    named += [gaz.entities[i] for e in list(named) for i in gaz.names.get(prepare(e.name), ())
              if i in gaz.entities and gaz.entities[i] not in named]
    holding = [e for e in named if all(e.props.get(p) not in (None, "") for p in where)]
    if len(holding) == 1:
        entity = holding[0]
    elif len(named) == 1 or (named and not holding):
        entity = named[0]
    else:
        return None
    held = {p: entity.props.get(p) for p in where}
    strength = entity.props.get("confidence", "high")
    recorded = not any(v in (None, "") for v in held.values())
    if not recorded:
        has = ", ".join(f"{k} = {v}" for k, v in entity.props.items()
                        if k in ("kind", "level", "status", "tier") and v not in (None, ""))
        fits = False
        text_out = (f"The graph does not record that {entity.display} is {word!r}: its record "
                    f"holds no {' or '.join(where)}" + (f" (it has {has})." if has else "."))
    else:
        fits = all(str(held[p]) in vs for p, vs in where.items())
        record = ", ".join(f"{p} = {v}" for p, v in held.items())
        source = f"(its record, {strength}, source {entity.props.get('source', '?')})"
        text_out = (f"Yes — {entity.display} has {record} {source}" if fits else
                    f"No — {entity.display} has {record}, not {word!r} {source}")
    intent = replace(check, name="check:property", slots=check.slots[:1],
                     steps=(Step("show", ("{a}",)),))
    parsed = Parsed(question, intent, mentions, {"a": entity}, {}, known={entity.id: entity})
    got = answer(store, parsed)
    # a record that says otherwise answers "no", with the thing: its status is the answer
    return replace(got, verdict=Verdict(recorded, "recorded property", text_out, (),
                                        (entity,) if recorded else (),
                                        no=recorded and not fits))


# A state asked of a thing ("is it open yet", 通车了吗): its status (reading.STATES says the
# others: under construction, planned, already open).
_OPEN_YET = re.compile(r"\bopen(?:ed)? yet\b|\bin operation\b|\bin service\b|"
                       r"\bopen (?:to traffic|now)\b|"
                       r"通车了|开通了|建成了|投用了|投入使用")


def record_words(masked: str) -> tuple[str, dict[str, tuple[str, ...]], tuple[int, int]] | None:
    """The word of a yes-or-no question that names a property value of its one entity: the
    word, the values it stands for ({property: values}), and where it is; None if none (or
    several kinds) are said. English kind words count singular too (a national-level park)."""
    from queries.ask.lexicon import lexicon
    from queries.ask.reading import find
    from queries.ask.said_states import STATES

    pairs = []
    for k in lexicon().kinds:
        for w in k.words:
            pairs.append((w, k))
            if w.isascii() and w.endswith("s") and len(w) > 4:
                pairs.append((w[:-1], k))
    hits = find(pairs, masked)
    kinds = {id(h.value) for h in hits}
    if len(kinds) == 1:
        h = max(hits, key=lambda h: h.end - h.start)
        return masked[h.start:h.end], dict(h.value.where), (h.start, h.end)  # type: ignore[attr-defined]
    if kinds:
        return None
    for pattern, state in (*STATES, (_OPEN_YET, "open")):
        m = pattern.search(masked)
        if m is not None:
            return m.group().strip(), {"status": (state,)}, (m.start(), m.end())
    return None


def _verb_types(masked: str) -> frozenset[str]:
    """The relationship types the verbs of a masked text name."""
    from queries.ask.reading import read

    reading = read(masked, text=masked)
    return frozenset(h.value.rel_type for h in reading.verbs if hasattr(h.value, "rel_type"))
