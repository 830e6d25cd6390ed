"""Which one has the most: "Which city co-builds the most parks?", 哪个城市共建的园区最多,
共建园区最多的城市是哪个, "who has joined the most alliances".

No entity is named: the question ranks every entity of the kind asked by the count a
question about each would give ("Suzhou co-builds parks": 11). Which relation is counted is
read from that question asked of the best-connected entity of the kind; the entities ranked
are those with a relation of that type (their districts and seated bodies counting for a
city, as they do when the city is asked about alone). Each is asked in turn, with what
`more_of` counts, so the ranking agrees with the answer about any one of them. The answer is
the one with the most (all that tie), the ranking said beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.gazetteer import Gazetteer
from graph.model import Entity
from queries.ask.more_of import _kinds, _terse
from queries.ask.split import Part, PartsAnswer

_WHO = r"(?:city|cities|place|places|district|districts|park|parks|zone|zones|organisation|" \
       r"organization|organisations|organizations|company|companies|firm|firms|group|groups)"
_EN = re.compile(rf"^\s*(?:which|what)(?: (?P<who>{_WHO}))?(?: of them)?\s+(?P<rest>[^?]+?)\s+"
                 r"(?:the )?most\s+(?P<what>[a-z][a-z -]*?)\s*[?？.!]*\s*$|"
                 r"^\s*who\s+(?P<rest2>[^?]+?)\s+(?:the )?most\s+(?P<what2>[a-z][a-z -]*?)"
                 r"\s*[?？.!]*\s*$", re.I)
_WHO_ZH = r"(?P<who>哪个城市|哪座城市|哪个地方|哪个区|哪个园区|哪家单位|哪家企业|哪家|谁)"
_ZH = re.compile(rf"^\s*{_WHO_ZH}(?P<rest>[^，,？?]{{0,10}}?)(?:的)?"
                 r"(?P<what>[\u4e00-\u9fff]{1,6}?)(?:数量)?最多\s*[?？。!！]*\s*$")
_ZH_AFTER = re.compile(r"^\s*(?P<rest>[^，,？?]{0,10}?)(?P<what>[\u4e00-\u9fff]{1,6}?)(?:数量)?"
                       r"最多的(?P<who>城市|地方|区|园区|单位|企业|是)(?:是)?(?:哪个|哪座|哪家|哪里|谁)"
                       r"\s*[?？。!！]*\s*$")
_LABELS = {"city": "City", "cities": "City", "place": "City", "places": "City",
           "district": "City", "districts": "City", "park": "Park", "parks": "Park",
           "zone": "Park", "zones": "Park", "organisation": "Organization",
           "organization": "Organization", "organisations": "Organization",
           "organizations": "Organization", "company": "Organization",
           "companies": "Organization", "firm": "Organization", "firms": "Organization",
           "group": "Organization", "groups": "Organization",
           "哪个城市": "City", "哪座城市": "City", "哪个地方": "City", "哪个区": "City",
           "哪个园区": "Park", "哪家单位": "Organization", "哪家企业": "Organization",
           "哪家": "Organization", "城市": "City", "地方": "City", "区": "City", "园区": "Park",
           "单位": "Organization", "企业": "Organization"}
# entities asked in turn, the most relations first (the estimate: each one's own relations and
# its districts' and seated bodies'); the ranking says how many it weighed
_AT_MOST = 10


@dataclass(frozen=True)
class MostOf(PartsAnswer):
    """Every entity of a kind counted and the one with the most: the top ones' questions are
    the parts; the answer's entities are the top (all that tie)."""

    sides: tuple[Entity, ...] = ()
    counts: tuple[int, ...] = ()
    counted: str = ""  # what was counted, as asked of each

    @property
    def entities(self) -> tuple[Entity, ...]:
        top = max(self.counts, default=0)
        return tuple(e for e, n in zip(self.sides, self.counts, strict=True) if n == top and n)

    @property
    def summary(self) -> str:
        ranked = sorted(zip(self.sides, self.counts, strict=True), key=lambda p: -p[1])
        said = ", ".join(f"{e.display} {n}" for e, n in ranked[:8] if n)
        more = " …" if len([n for n in self.counts if n]) > 8 else ""
        top = "、".join(e.display for e in self.entities)
        return (f"Ranked by the count of {self.counted!r} asked of each of the "
                f"{len(self.sides)} with the most such relations: {said}{more}. The most: "
                f"{top}.")

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["ranked"] = {"counts": {e.id: n for e, n in zip(self.sides, self.counts,
                                                             strict=True)},
                         "most": [e.id for e in self.entities], "summary": self.summary}
        return out


def _asked(question: str) -> tuple[str | None, str] | None:
    """(the kind ranked, or None for "who"; the question asked of each with ⟨X⟩ for the
    entity), or None when the question ranks nothing."""
    found = _EN.search(question)
    if found is not None:
        rest = found.group("rest") or found.group("rest2")
        what = found.group("what") or found.group("what2")
        who = found.group("who")
        if re.search(r"\b(?:more|than|or)\b", rest, re.I):
            return None  # which of two has more: more_of
        return (_LABELS.get(who.lower()) if who else None), f"⟨X⟩ {rest} {what}"
    for pattern in (_ZH, _ZH_AFTER):
        found = pattern.search(question)
        if found is not None:
            who = found.group("who")
            rest = found.group("rest")
            return _LABELS.get(who), f"⟨X⟩{rest}{'的' if rest else ''}{found.group('what')}"
    return None


def most_of(ask: Callable[..., Any], store: Any, question: str, gaz: Gazetteer,
            extra: tuple[Any, ...] = ()) -> MostOf | None:
    """Which one has the most (see the module's docstring), or None when the question is no
    such question, names an entity, or its question of each does not read as a count."""
    asked = _asked(question)
    if asked is None or _named(question, gaz):
        return None
    label, each = asked
    probe = _probe(store, label)
    if probe is None:
        return None
    first, _ = _side(ask, store, _said(each, probe, question), gaz, extra)
    if first is None:
        first, _ = _side(ask, store, _terse(_said(each, probe, question), probe), gaz, extra)
    if first is None:
        return None
    types = {(str(r.args["rel_type"]), str(r.args.get("direction", "out")))
             for r in first.ran if not r.fallback and r.args.get("rel_type")
             } or _types_of(first.parsed.intent.name)
    if not types:
        return None
    candidates = _candidates(store, types, label or probe.label)[:_AT_MOST]
    sides, counts, parts = [], [], []
    for entity in candidates:
        text = _said(each, entity, question)
        answer, n = _side(ask, store, text, gaz, extra)
        if answer is None:
            answer, n = _side(ask, store, _terse(text, entity), gaz, extra)
        if answer is None or answer.parsed.intent.name != first.parsed.intent.name:
            continue
        sides.append(entity)
        counts.append(n)
        parts.append(Part(text, answer))
    if not sides or not max(counts):
        return None
    top = max(counts)
    kept = tuple(p for p, n in zip(parts, counts, strict=True) if n == top)
    return MostOf(question, kept, sides=tuple(sides), counts=tuple(counts),
                  counted=re.sub(r"\s+", " ", each.replace("⟨X⟩", "")).strip())


def _side(ask: Callable[..., Any], store: Any, text: str, gaz: Gazetteer,
          extra: tuple[Any, ...]) -> tuple[Any, int]:
    """The question asked of one entity and the count of what it lists of the kind the
    question names ("Nantong has joined alliances": its alliances, not the circles it is
    in); (None, 0) when refused or answered with no list (a yes or no, a value)."""
    from queries.ask.parsing import Unmappable

    try:
        answer = ask(store, text, gaz, extra)
    except Unmappable:
        return None, 0
    if isinstance(answer, PartsAnswer) or getattr(answer, "verdict", None) is not None \
            or answer.parsed.intent.name.startswith(("property:", "check", "show")) \
            or answer.kind_note:
        return None, 0
    kinds = _kinds(text)
    listed = [e for e in answer.entities if not kinds or e.label in kinds]
    if not listed:
        return None, 0
    if len(listed) == len(answer.entities) and answer.count is not None:
        return answer, answer.count
    return answer, len(listed)


def _named(question: str, gaz: Gazetteer) -> bool:
    """Whether the question names an entity (共建园区, a name ending in a word for another
    kind, is the kind counted: 共建园区最多的城市)."""
    from queries.ask.mentions import kind_at_end
    from queries.ask.text import names_in

    _, mentions = names_in(question, gaz)
    for m in mentions:
        head = kind_at_end(m.text)
        if head is None or any(gaz.entities[i].label == head[1] for i in m.ids
                               if i in gaz.entities):
            return True
    return False


def _said(each: str, entity: Entity, question: str) -> str:
    name = entity.name if not question.isascii() or not entity.name_en else entity.name_en
    return re.sub(r"\s+", " ", each.replace("⟨X⟩", name)).strip()


def _probe(store: Any, label: str | None) -> Entity | None:
    """The best-connected entity of the kind (a city when the question says "who")."""
    from queries.hubs import hubs

    top = hubs(store, label=label or "City", limit=1).hubs
    return top[0].entity if top else None


def _types_of(intent: str) -> set[tuple[str, str]]:
    """(type, direction) of a relation intent's name (relation:CO_BUILDS:out+…)."""
    if not intent.startswith("relation:"):
        return set()
    out = set()
    for part in intent.split(":", 1)[1].split("+"):
        bits = part.split(":")
        if len(bits) == 2:
            out.add((bits[0], bits[1]))
    return out


def _candidates(store: Any, types: set[tuple[str, str]], label: str) -> list[Entity]:
    """The entities of the kind with a relation of the types from the counted end (a city's
    districts and seated bodies counting for it), the most such relations first: an estimate
    of the count, so that only the first few need asking."""
    from collections import Counter

    ends: Counter[str] = Counter()
    for rel in store.all_relations():
        for rel_type, direction in types:
            if rel.type != rel_type:
                continue
            if direction in ("out", "both"):
                ends[rel.start] += 1
            if direction in ("in", "both"):
                ends[rel.end] += 1
    found = store.entities(list(ends))
    estimate: Counter[str] = Counter({i: n for i, n in ends.items()
                                      if i in found and found[i].label == label})
    if label == "City":  # a district's or a seated body's place counts too
        for e in found.values():
            above = [str(e.props["parent"])] if e.props.get("parent") else []
            if e.label != "City":
                above += [r.end for r in store.relations_of(e.id)
                          if r.type == "LOCATED_IN" and r.start == e.id]
            for place in above:
                estimate[place] += ends[e.id]
    kept = store.entities(list(estimate))
    return sorted((kept[i] for i in estimate if i in kept and kept[i].label == label),
                  key=lambda e: (-estimate[e.id], e.id))
