"""What an answer rests on: what kind of answer it is, how strong, and from which sources.

Every answer of `ask` says it, whatever the query behind it:
- how: "direct relation" (each thing listed is related to the entity asked about),
  "rolled up through X" (reached through a district, a member, a part: X; "linked through X"
  where a row of a question about two reaches one of them through X: a chain), "inferred"
  (a fallback such as the shortest routes, or the graph's other relations), "recorded
  property" (a value of the entity's own record), or a yes-or-no verdict's own basis;
- confidence: how many of the relations behind the answer are of each confidence;
- sources: the documents that state them (relation sources, and the records' sources).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.model import Relation
from queries.ask.basis_paths import reached


@dataclass(frozen=True)
class Basis:
    how: str
    through: tuple[str, ...] = ()
    confidence: dict[str, int] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"how": self.how, "through": list(self.through),
                "confidence": dict(self.confidence), "sources": list(self.sources)}

    def line(self) -> str:
        strength = ", ".join(f"{k} {v}" for k, v in sorted(
            self.confidence.items(), key=lambda kv: -kv[1])) or "no relation behind it"
        sources = ", ".join(self.sources[:5]) + (" …" if len(self.sources) > 5 else "")
        return f"Basis: {self.how} · confidence: {strength} · sources: {sources or 'none'}"


def basis(answer: Any) -> Basis:
    """What the answer rests on (see the module's docstring)."""
    slots = {e.id for e in answer.parsed.slots.values()}
    listed = {e.id: e for e in answer.entities}
    edges: dict[tuple[str, str, str, str], Relation] = {}
    names: dict[str, str] = {}
    fallback = False
    for ran in answer.ran:
        if ran.result is None or not hasattr(ran.result, "subgraph"):
            continue
        fallback = fallback or (ran.fallback and not ran.empty)
        sub = ran.result.subgraph()
        names.update((n.id, n.display) for n in sub.nodes)
        edges.update((r.key, r) for r in sub.edges)
    for i, name in (getattr(answer, "names", None) or {}).items():
        names.setdefault(i, name)
    verdict = getattr(answer, "verdict", None)
    if verdict is not None:
        rels = list(verdict.relations)
        through = tuple(e.display for e in verdict.entities if e.id not in slots)
        return Basis(verdict.how, through, _strength(rels), _sources(rels, []))
    route = reached(listed, slots, edges.values())  # directly, or through a district …
    direct, used = set(route.direct), list(route.used)
    through = {names.get(i, i) for i in route.through}
    records = [e for e in listed.values() if e.id in slots or not used]
    if answer.parsed.intent.name.startswith("property:"):  # a value of a record or relation
        between = [r for r in edges.values() if {r.start, r.end} <= slots]
        records = [e for e in answer.parsed.slots.values()]
        return Basis("recorded property", (), _strength(between), _sources(between, records))
    # (between two: a row one of them reaches through another industry, a chain, is linked)
    rolled = "rolled up through " if len(slots) < 2 else "linked through "
    if fallback:
        notes = [r.note for r in answer.ran if r.fallback and r.note and not r.empty] + [
            r.note for r in answer.ran if r.fallback and r.note]  # the one that found it
        how = "inferred (" + (notes[0] if notes else "a fallback of the question's own "
                                                     "query") + ")"
        kinds = {r.type for r in used}
        if listed and direct == set(listed) - slots and len(kinds) == 1:
            # not a guess: each row is its own relation of one type (the crossings that
            # land in 海门 are its CONNECTS; review6 E03, C09)
            how += f"; each row is a direct {kinds.pop()} relation"
    elif through and direct:  # some listed directly, others only through X
        how = "direct relation, and " + rolled + "、".join(sorted(through))
    elif through:
        how = rolled + "、".join(sorted(through))
    elif used:
        how = "direct relation"
    elif answer.values or records:
        how = "recorded property"
    else:
        how = "not recorded"
    rels = list({r.key: r for r in used}.values()) or [  # the rows listed, not the table
        r for r in edges.values() if {r.start, r.end} & set(listed)] or list(edges.values())
    return Basis(how, tuple(sorted(through)), _strength(rels), _sources(rels, records))


def _strength(rels: list[Relation]) -> dict[str, int]:
    return dict(Counter(r.confidence for r in rels))


def _sources(rels: list[Relation], records: list[Any]) -> tuple[str, ...]:
    out = [r.source for r in rels if r.source]
    out += [str(e.props.get("source")) for e in records if e.props.get("source")]
    return tuple(dict.fromkeys(out))


def with_names(answer: Any, gaz: Any) -> Any:
    """The answer with the names of the entities its relations reach that its results do not
    carry (a district it is rolled up through), from the gazetteer, for its basis line."""
    if not hasattr(answer, "names") or not hasattr(answer, "ran"):
        return answer
    have: set[str] = set()
    ends: set[str] = set()
    for ran in answer.ran:
        if ran.result is None or not hasattr(ran.result, "subgraph"):
            continue
        sub = ran.result.subgraph()
        have.update(n.id for n in sub.nodes)
        ends.update(i for r in sub.edges for i in (r.start, r.end))
    missing = {i: gaz.entities[i].display for i in ends - have if i in gaz.entities}
    if not missing:
        return answer
    from dataclasses import replace

    return replace(answer, names={**answer.names, **missing})
