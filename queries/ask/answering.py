"""Answering a parsed question: run its intent's query steps on a store.

Query modules are imported on use (see `QUERIES`), so `ask` pays only for the queries it
runs. A step marked `only_if_empty` is a fallback: it runs when every main step found nothing
(`Ran.fallback` records that it ran as one).
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graph.gazetteer import Gazetteer
from graph.model import Entity, Subgraph, to_jsonable
from graph.store import Store
from queries.ask.basis import basis, with_names
from queries.ask.compared import compared, compares
from queries.ask.counted import beside_note, counted
from queries.ask.ended import counts_now, ended_note, split_ended, until
from queries.ask.filters import apply
from queries.ask.guard import checked, property_subjects, read_checked
from queries.ask.holders import holding_shares
from queries.ask.holdings import holdings
from queries.ask.in_common import in_common
from queries.ask.kept_to import every_in_state, kept_to_industry
from queries.ask.listing import listed, size
from queries.ask.loose import loosely, said_loosely
from queries.ask.narrowed import asked_ways, narrowed, not_the_other_way
from queries.ask.narrower_steps import parks_through_narrower, through_narrower
from queries.ask.none_meets import none_meets
from queries.ask.not_member import with_members
from queries.ask.own_ties import own_ties
from queries.ask.parsing import (
    Parsed,
    Unmappable,
    closest_questions,
    keyword_reading,
    parse_grammar,
)
from queries.ask.place_industries import asks_industries_of_a_place, industries_through_parks
from queries.ask.records import QUERIES, Intent, Step, fill_in
from queries.ask.relation_values import entity_properties_said, relation_properties_said
from queries.ask.split import answer_parts, own_date_after, read_again, with_details
from queries.ask.status_check import status_check
from queries.ask.text import gazetteer
from queries.ask.unrecorded import (
    facts_not_recorded,
    property_not_recorded,
    stated_size,
    unrecorded_members_note,
)
from queries.ask.verdict import asked_types, attach, property_check
from queries.ask.verdict_any import any_check
from queries.ask.verdict_routes import routed
from queries.errors import QueryError


@dataclass(frozen=True)
class Ran:
    """One query run for the answer; `result` is None when it found nothing."""

    query: str
    args: dict[str, Any]
    result: Any
    note: str = ""
    fallback: bool = False  # run because the main steps found nothing
    answers: bool = False  # a fallback that still answers (a loosened filter)

    @property
    def empty(self) -> bool:
        return self.result is None or size(self.result) == 0

    def call(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.args.items())
        return f"{self.query}({inner})"

    def to_dict(self) -> dict[str, Any]:
        out = {"query": self.query, "args": self.args, "result": to_jsonable(self.result)}
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class AskAnswer:
    parsed: Parsed
    ran: tuple[Ran, ...]
    explain: bool = False  # include the explanation when rendered or dumped
    verdict: Any = None  # a yes-or-no question's verdict (queries/ask/verdict.py)
    # names of entities its relations reach that its results do not carry (a district an
    # answer is rolled up through): the basis names them, not their ids (basis.with_names)
    names: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def primary(self) -> Ran:
        """The question's own answer: the first main step that found something, else the
        first main step (fallbacks only support it)."""
        main = [r for r in self.ran if not r.fallback] or list(self.ran)
        return next((r for r in main if not r.empty), main[0])

    def _pairs(self, keep_ended: bool = False) -> list[tuple[Entity, tuple[Any, ...]]]:
        """What the answer's steps list, each with the relations that reach it (when the
        result says): the main steps, else the fallbacks that answer; for a count or a list
        of now, not what has ended (queries/ask/ended.py)."""
        main = [r for r in self.ran if not r.fallback and _useful(r, self.parsed)] or [
            r for r in self.ran if r.answers and _useful(r, self.parsed)]
        out: dict[str, tuple[Entity, tuple[Any, ...]]] = {}
        for ran in main:
            items = getattr(ran.result, "items", None)
            rels = {i.entity.id: i.relations for i in items} if isinstance(items, tuple) else {}
            for e in listed(ran.result):
                if not self.parsed.only or e.id in self.parsed.only:
                    out.setdefault(e.id, (e, rels.get(e.id, ())))
            if self.parsed.intent.name == "check" and getattr(ran.result, "statements", None):
                # yes: the graph states a relation between the two; they are the answer
                out.update((e.id, (e, ())) for e in self.parsed.slots.values())
        if self.parsed.intent.name == "connection" and not out and any(
                getattr(r.result, "statements", None) for r in main):
            # "what's the tie-up between A and B": only a direct relation ties them; its two
            # ends are the answer, as a verdict's are
            out.update((e.id, (e, ())) for e in self.parsed.slots.values())
        if not keep_ended and self._counts_now():
            return split_ended(list(out.values()))[0]  # 现在, now, how many: not what ended
        return list(out.values())

    def _counts_now(self) -> bool:
        """The answer leaves out what has ended: asked of now (现在), or a count (how many)
        of which something holds still, not of the past or a share (各占多少)."""
        if self.parsed.current:
            return True
        return bool(self.parsed.count and self.verdict is None
                    and counts_now(self.parsed.question) and any(
                        not until(e, rels) for e, rels in self._pairs(keep_ended=True)))

    @property
    def ended(self) -> tuple[tuple[Entity, str], ...]:
        """What a count or a list of now left out as ended, with until when (港闸区,
        2020-07), of the kind asked."""
        if not self._counts_now() or self.verdict is not None:
            return ()
        asked = self.asked
        return tuple((e, when) for e, when in split_ended(self._pairs(keep_ended=True))[1]
                     if not asked or e.label in asked)

    @property
    def found(self) -> tuple[Entity, ...]:
        """What the answer's steps list (see `_pairs`)."""
        return tuple(e for e, _ in self._pairs())

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The answer: what its steps list, only of the kind asked for when the question
        names one and the graph holds any (else all, with `kind_note` saying so), and only
        what meets the question's conditions (before 2010, over 100 km²)."""
        if self.verdict is not None:  # yes or no: the two ends and what is on the evidence
            return self.verdict.entities
        pairs = self._pairs()
        subjects = property_subjects(self, [e for e, _ in pairs])  # not the place it is in
        if subjects is not None:
            return subjects
        asked = self.asked
        if asked and any(e.label in asked for e, _ in pairs):
            pairs = [p for p in pairs if p[0].label in asked]
        listed = tuple(apply(self.parsed.filters, pairs)) if self.parsed.filters else tuple(
            e for e, _ in pairs)
        return holding_shares(self, listed)  # "who holds the shares in X": its holders

    @property
    def asked(self) -> frozenset[str] | None:
        """The kinds the answer keeps: those asked for, else those the asking word names
        where none of them is found ("which zones": parks, else regions)."""
        asked = self.parsed.asked
        if not asked or not self.parsed.otherwise:
            return asked
        found = {e.label for e in self.found}
        if found & asked or not found & self.parsed.otherwise:
            return asked
        return self.parsed.otherwise

    @property
    def kind_note(self) -> str:
        """Said when the graph holds other kinds than the question asks for, here."""
        asked = self.asked
        found = self.found
        if not asked or not found or any(e.label in asked for e in found):
            return ""
        held = " and ".join(sorted({e.label for e in found}))
        wanted = " or ".join(sorted(asked))
        return (f"The graph records {held} entities, not {wanted}, for this; here is what "
                "it holds.")

    def asked_properties(self) -> tuple[str, ...]:
        """The properties the question asks the value of (its area, the longest, when)."""
        props: list[str] = []
        name = self.parsed.intent.name
        if name.startswith("property:"):
            props.extend(name.split(":", 1)[1].split("+"))
        props.extend(f.prop for f in self.parsed.filters if f.op != "in")
        props.extend(relation_properties_said(self.parsed.intent, self.parsed.question))
        if not name.startswith(("property:", "check")):  # (their entities ask this)
            props.extend(entity_properties_said(self.parsed.question,
                                                {e.label for e in self.entities}))
        return tuple(dict.fromkeys(p for prop in props for p in _HELD_IN.get(prop, (prop,))))

    @property
    def comparison(self) -> str:
        """Which of the things holds the most or least of the value, where the question
        compares them (哪座更长, "which is older"): `compared.compared`; else ''."""
        if not self.parsed.intent.name.startswith("property:"):
            return ""
        asked = self.parsed.intent.name.split(":", 1)[1].split("+")  # (not an aspect said)
        return compared(self.parsed.question, tuple(v for v in self.values if v[1] in asked))

    @property
    def values(self) -> tuple[tuple[str, str, Any], ...]:
        """The values the question asks about: (what holds it, property, value), for each
        entity of the answer (or of the question, for a property question) and each of
        their relations that carries the property (a share, a tier)."""
        props = self.asked_properties()
        if not props:
            return ()
        about = list(self.entities) or list(self.parsed.slots.values())
        if self.parsed.intent.name.startswith("property:"):
            about = list(self.parsed.slots.values()) + [e for e in about
                                                        if e not in self.parsed.slots.values()]
        ids = {e.id for e in about}
        out: dict[tuple[str, str, str], Any] = {}
        for e in about:
            for prop in props:
                if e.props.get(prop) not in (None, ""):
                    out.setdefault((e.display, prop, str(e.props[prop])), e.props[prop])
        names = {e.id: e.display for e in about}
        slots = {e.id for e in self.parsed.slots.values()}
        between: dict[tuple[str, str, str], Any] = {}  # on a relation of the question's two
        for ran in self.ran:
            if ran.result is None or not hasattr(ran.result, "subgraph"):
                continue
            sub = ran.result.subgraph()
            names.update((n.id, n.display) for n in sub.nodes)
            for rel in sub.edges:
                if rel.start not in ids and rel.end not in ids:
                    continue
                for prop in props:
                    if rel.props.get(prop) not in (None, ""):
                        held = f"{names.get(rel.start, rel.start)} {rel.type} " \
                               f"{names.get(rel.end, rel.end)}"
                        out.setdefault((held, prop, str(rel.props[prop])), rel.props[prop])
                        if len(slots) > 1 and {rel.start, rel.end} <= slots:
                            between[(held, prop, str(rel.props[prop]))] = rel.props[prop]
        own = {k: v for k, v in out.items() if k[0] in names.values()}
        if compares(self.parsed.question) and len(own) >= 2:
            between, out = {}, own  # "which is older, A or B": their own dates, not ties'
        return tuple((k[0], k[1], v) for k, v in (between or out).items())

    @property
    def count(self) -> int | None:
        """How many, for a count question (一共有几个, how many); else None."""
        if not self.parsed.count or self.kind_note or self.parsed.intent.name.startswith(
                "property:"):  # (多少米长, how many metres long: the figure, no count)
            return None
        found = len(counted(self.parsed.filters, self.entities))  # not the councils (联盟)
        if not self.parsed.within:
            # how many cities in the "1+8" circle: nine, though the graph names two of them
            stated = stated_size((r.result for r in self.ran if r.result is not None), found)
            if stated is not None:
                return stated
        return found

    def explanation(self) -> dict[str, Any]:
        intent = self.parsed.intent
        return {
            "intent": intent.name,
            "question": fill_in(intent.question, self.parsed.names()),
            "entities": [{"text": m.text, "how": m.how,
                          "matches": [self.parsed.known[i].ref() for i in m.ids]}
                         for m in self.parsed.mentions],
            "slots": {k: e.ref() for k, e in self.parsed.slots.items()},
            "calls": [r.call() for r in self.ran],
            "because": fill_in(intent.explain, self.parsed.names()),
        }

    @property
    def title(self) -> str:
        return f"estuary ask: {self.parsed.question}"

    def to_dict(self) -> dict[str, Any]:
        main = self.primary
        out: dict[str, Any] = {
            "question": self.parsed.question,
            "intent": self.parsed.intent.name,
            "query": main.query,
            "args": main.args,
            "result": to_jsonable(main.result),
            "entities": {k: e.ref() for k, e in self.parsed.slots.items()},
            "notes": [*self.parsed.notes, *([self.kind_note] if self.kind_note else []),
                      *([ended_note(list(self.ended))] if self.ended else []),
                      *filter(None, [beside_note(self.parsed.filters, self.entities)]),
                      *(r.note for r in self.ran if r.note)],
            "answer": {"asked": sorted(self.asked or ()), "count": self.count,
                       "entities": [e.ref() for e in self.entities],
                       "values": [{"of": of, "property": prop, "value": value}
                                  for of, prop, value in self.values],
                       "compared": self.comparison},
            "also": [r.to_dict() for r in self.ran if r is not main],
        }
        if self.verdict is not None:
            out["verdict"] = self.verdict.to_dict()
        out["basis"] = basis(self).to_dict()
        if self.explain:
            out["explain"] = self.explanation()
        return out

    def subgraph(self) -> Subgraph:
        nodes: dict[str, Entity] = {e.id: e for e in self.parsed.slots.values()}
        edges: dict[tuple[str, str, str, str], Any] = {}
        focus: list[str] = [e.id for e in self.parsed.slots.values()]
        highlight: list[str] = []
        pairs: set[tuple[str, str]] = set()
        for ran in self.ran:
            if ran.result is None or not hasattr(ran.result, "subgraph"):
                continue
            sub = ran.result.subgraph()
            nodes.update((n.id, n) for n in sub.nodes)
            edges.update((r.key, r) for r in sub.edges)
            focus.extend(i for i in sub.focus if i not in focus)
            highlight.extend(i for i in sub.highlight if i not in highlight)
            pairs |= set(sub.path_edges)
        ids = set(nodes)
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(e for k, e in sorted(edges.items())
                                    if e.start in ids and e.end in ids),
                        focus=tuple(focus), highlight=tuple(highlight),
                        path_edges=frozenset(pairs))


# A property asked about, and where its value may be held (a date: set up, opened, since).
_HELD_IN = {"date": ("established", "opened", "since"),
            "established": ("established", "opened", "since"),
            # (修好了没有 of a tunnel still being built: no opening date; its state says so)
            "opened": ("opened", "status", "established", "since")}


def _useful(ran: Ran, parsed: Parsed) -> bool:
    """A step found something (among the set the question names, if it names one)."""
    if ran.empty:
        return False
    return not parsed.only or any(e.id in parsed.only for e in listed(ran.result))


def _load(query: str) -> Any:
    """The query function a step names (imported on demand: start-up stays light)."""
    module, name = QUERIES[query]
    return getattr(importlib.import_module(module), name)


def _fill(value: Any, values: Mapping[str, str]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return values.get(value[1:-1])
    if isinstance(value, Mapping):
        return {k: _fill(v, values) for k, v in value.items()}
    return value


def _run(store: Store, step: Step, parsed: Parsed) -> Ran:
    func = _load(step.query)
    values = parsed.values()
    args = [_fill(a, values) for a in step.args]
    kwargs = {k: _fill(v, values) for k, v in step.kwargs.items()}
    bound = inspect.signature(func).bind(store, *args, **kwargs)
    shown = dict(list(bound.arguments.items())[1:])  # all but the store
    names = parsed.names()
    note = fill_in(step.note, names)
    try:
        result = func(store, *args, **kwargs)
    except QueryError as exc:
        if type(exc).__name__ not in step.empty_on:
            raise
        return Ran(step.query, shown, None, fill_in(step.note_if_empty, names) or str(exc))
    result = narrowed(result, parsed.only)  # the table lists what the answer lists
    result = not_the_other_way(result, asked_ways(parsed.intent.steps))  # 上游: no 下游
    if parsed.intent.name == "connection":  # what ties Qidong to Pudong: not Nantong's ties
        result = own_ties(result)  # (a verdict rolls up through the container: it stays)
    if size(result) == 0 and step.note_if_empty:
        note = fill_in(step.note_if_empty, names)
    return Ran(step.query, shown, result, note)


# the words for a place's districts or counties (上海哪些区, "which Shanghai districts")
_SUB_PLACES_ASKED = re.compile(r"哪些区|哪几个区|哪个区|哪些县|区县|县区|县市|\bdistricts?\b|"
                               r"\bcount(?:y|ies)\b", re.I)


def answer(store: Store, parsed: Parsed) -> AskAnswer:
    """Run the parsed question's steps on a store."""
    if parsed.within:  # which of Nantong's parks: among what lies in Nantong, parts included
        from queries.ask.inside import industries_of, lying_in

        industries = parsed.asked == {"Industry"}  # which of Nantong's chains: those it has
        inside = industries_of(store, parsed.within) if industries else lying_in(
            store, parsed.within)  # its parts' parts too (and itself)
        if _SUB_PLACES_ASKED.search(parsed.question) and parsed.asked == {"City"}:
            inside = inside - {parsed.within}  # 上海哪些区: its districts, not Shanghai
        kept = (parsed.only & inside) if parsed.only else inside
        name = parsed.known.get(parsed.within)
        said = name.display if name else parsed.within
        parsed = replace(parsed, only=kept or frozenset({""}), notes=(
            *parsed.notes, f"Kept to the industries {said} has." if industries
            else f"Kept to what lies in {said}."))
    parsed = kept_to_industry(store, parsed)  # 南通的石化园区: those with 石化, not all
    ran: list[Ran] = []
    done: set[str] = set()
    found = False  # did a main step (not a fallback) find anything?
    answered = False  # did a fallback that settles find anything? (the next are not run)
    for step in parsed.intent.steps:
        if step.only_if_empty and (found or answered):
            continue
        result = replace(_run(store, step, parsed), fallback=step.only_if_empty,
                         answers=step.answers)
        if result.call() in done:
            continue
        done.add(result.call())
        ran.append(result)
        found = found or (not step.only_if_empty and not step.also and _useful(result, parsed))
        answered = answered or (step.settles and _useful(result, parsed))
    under = [] if found or answered else through_narrower(store, parsed, ran)
    if under:  # 新能源产业: who has the industries under it answers, the fallbacks go
        ran = [r for r in ran if not r.fallback] + [
            Ran("holders_through_narrower", args, result, note, fallback=True, answers=True)
            for args, result, note in under]
    elif not answered:  # 南通做生物医药的园区: and the parks doing an industry under it
        ran += [Ran("holders_through_narrower", args, result, note)
                for args, result, note in parks_through_narrower(store, parsed, ran)]
    if not (found or answered or under) and asks_industries_of_a_place(parsed):
        through = industries_through_parks(store, parsed)  # 启东: its parks' industries
        if through is not None:
            ran.append(Ran("industries_through_parks", *through, fallback=True, answers=True))
    if parsed.intent.name.startswith("every:") and any(f.op == "rel" for f in parsed.filters):
        parsed, ran = every_in_state(store, parsed, ran)  # mechanisms at the exploring stage
    if short := unrecorded_members_note(r.result for r in ran if r.result is not None):
        parsed = replace(parsed, notes=(*parsed.notes, short))  # 2 of the "1+8" nine
    parsed = replace(parsed, notes=(*parsed.notes, *facts_not_recorded(ran)))  # the 60%
    got = AskAnswer(parsed, tuple(ran))
    if lacking := property_not_recorded(parsed, got.values, _HELD_IN):  # 占多少股: none held
        got = replace(got, parsed=replace(parsed, notes=(*parsed.notes, lacking)))
    return got


def ask(store: Store, question: str, gaz: Gazetteer | None = None,
        extra: tuple[Intent, ...] = ()) -> AskAnswer:
    """Which query answers this question in words, and what does it answer?

    The answer's kind is checked: when the intent of the table lists nothing, or nothing of
    the kind the question asks for (cities, bridges), the grammar's reading answers if it
    finds that kind; otherwise the answer says what the graph holds instead (`kind_note`).
    `extra`: the analyst's own intents (a questions file), tried first and kept as read."""
    gaz = gaz or gazetteer(store)
    from queries.ask.asked_without import asked_without

    cut = asked_without(ask, store, question, gaz, extra)  # a scene, examples, a category …
    if cut is not None:
        return cut  # type: ignore[no-any-return]
    from queries.ask.claims import claim_check

    claimed = claim_check(answer, store, question, gaz)  # "Is it true X opened in 2009?"
    if claimed is not None:
        return claimed  # type: ignore[no-any-return]
    from queries.ask.clarified import clarified
    from queries.ask.either_or import either_or
    from queries.ask.fate import fate
    from queries.ask.more_of import more_of, refuse_more_of
    from queries.ask.paired_parks import parks_paired
    from queries.ask.partner_in import partner_in
    from queries.ask.partners_asked import partners_asked
    from queries.ask.provenance import provenance
    from queries.ask.what_links import what_links

    traced = provenance(answer, store, question, gaz)  # which source says so: its documents
    if traced is not None:
        return traced  # type: ignore[no-any-return]
    named = _named_for(store, question, gaz, extra)  # 外高桥集团在启东弄的那个园区: its name
    if named is not None:
        return named
    compared = more_of(ask, store, question, gaz, extra)  # which of A and B has more: 2 counts
    if compared is not None:
        return compared  # type: ignore[return-value]
    from queries.ask.most_of import most_of

    ranked = most_of(ask, store, question, gaz, extra)  # which city co-builds the most parks
    if ranked is not None:
        return ranked  # type: ignore[return-value]
    refuse_more_of(question, gaz)  # …unless the two do not count alike

    # readings of their own shape of question, tried before the grammar; each passes or answers
    which = (either_or(answer, store, question, gaz)  # is X in A or in B: the one it lies in
             or partner_in(answer, store, question, gaz)  # A's partner in P: P's other builders
             or partners_asked(answer, store, question, gaz)  # which cities built parks with A
             or in_common(answer, store, question, gaz)  # what A and B have in common (aspects)
             or holdings(answer, store, question, gaz)  # stakes asked across the graph
             or fate(answer, store, question, gaz)  # what became of X: what it is part of now
             or what_links(answer, store, question, gaz)  # what links A to B: through a third
             or parks_paired(answer, store, question, gaz)  # which Qidong parks pair with Pudong
             or clarified(ask, store, question, gaz, extra))  # "what … - which mechanisms?"
    if which is not None:
        return which  # type: ignore[no-any-return]
    from queries.ask.each_subject import each_destination, each_subject, said_of_both

    if said_of_both(question):  # "Are A and B both on C?": a yes or no for each
        told = each_subject(ask, store, question, gaz, extra)
        if told is not None:
            return told  # type: ignore[no-any-return]
    toward = each_destination(ask, store, question, gaz, extra)  # 南通到上海、苏州的大桥
    if toward is not None:
        return toward  # type: ignore[no-any-return]
    staged = status_check(answer, store, question, gaz)  # 是在探索阶段吗, 落地没有: its status
    if staged is not None:  # (before the parts: a clause before it only sets the scene)
        return staged  # type: ignore[no-any-return]
    several = answer_parts(ask, store, question, gaz, extra)  # two questions in one: each answered
    if several is not None:
        return several  # type: ignore[return-value]
    on_record = (routed(answer, store, question, gaz)  # co-built, stops in, has, still
                 or property_check(answer, store, question, gaz))  # 启东是县级市吗: its record
    if on_record is not None:
        return on_record
    any_of = any_check(ask, answer, store, question, gaz, extra)  # does X belong to any alliance
    if any_of is not None:
        return any_of
    try:
        whole = said_loosely(with_names(_whole(store, question, gaz, extra), gaz), gaz)
        dated = own_date_after(ask, store, question, gaz, extra, whole)  # "…, and when?"
        if dated is not None:
            return dated  # type: ignore[no-any-return]
        if whole.parsed.intent.name.startswith("property:"):
            # "What was X merged into, and when?": read whole, only the date of X; the first
            # part's list with the dates on its relations answers both
            told = with_details(ask, store, question, gaz, extra)
            if told is not None and not told.parsed.intent.name.startswith("property:"):
                return told
        return whole
    except Unmappable as exc:
        if getattr(exc, "final", False) and "holds no figure" in str(exc):
            raise
        told = with_details(ask, store, question, gaz, extra)  # "who co-builds X, and since when"
        if told is None:
            told = _said_with_ma(store, question, gaz, extra)  # 过不过: 过…吗
        if told is None:  # "I'm writing about the crossings - when did X open?"
            from queries.ask.preamble import after_preamble

            told = after_preamble(ask, store, question, gaz, extra)
        if told is None:  # 泰州、盐城有没有在…里面: each asked in turn
            told = each_subject(ask, store, question, gaz, extra)
        if told is None:  # 长三角集成电路产业联盟是哪天揭牌的: the dates of its ties, said so
            from queries.ask.dated_relations import dated_by_relations

            told = dated_by_relations(answer, store, question, gaz)
        if told is None:  # 启东对接浦东的平台: no initiative; the parks (平台 said as 园区)
            from queries.ask.other_kind import read_as_other_kind

            told = read_as_other_kind(ask, store, question, gaz, extra)
        if told is None:
            told = loosely(answer, store, question, gaz)  # every <kind> related, said so
        if told is None:
            from queries.ask.unrecorded_measure import measure_not_recorded

            unrecorded = measure_not_recorded(question, gaz)  # 崇启大桥有多长: none recorded
            if unrecorded is not None:
                raise unrecorded from None
            raise
        return told


def _named_for(store: Store, question: str, gaz: Gazetteer, extra: tuple[Intent, ...]
               ) -> AskAnswer | None:
    """A thing described (X在Y弄的那个园区) asked about by the one name that fits, else None."""
    from queries.ask.described import described

    thing = described(store, question, gaz)
    if thing is None:
        return None
    again, note = thing
    try:
        got = ask(store, again, gaz, extra)
    except Unmappable:
        return None
    if not isinstance(got, AskAnswer):
        return None
    return read_again(got, question, note)


def _said_with_ma(store: Store, question: str, gaz: Gazetteer, extra: tuple[Intent, ...]
                  ) -> AskAnswer | None:
    """An A-not-A question not read as typed, read as the same question with 吗."""
    from queries.ask.colloquial import asked_plainly

    again = asked_plainly(question)
    if again is None:
        return None
    try:
        got = ask(store, again, gaz, extra)
    except Unmappable:
        return None
    if not isinstance(got, AskAnswer):
        return None
    return read_again(got, question, f"Read as {again!r}.")


def _whole(store: Store, question: str, gaz: Gazetteer, extra: tuple[Intent, ...]
           ) -> AskAnswer:
    """The question read whole (see `ask`)."""
    parsed = read_checked(question, gaz, extra)  # figures not held refused; kind; yes or no
    from queries.ask.same_name import same_name_holder

    parsed = same_name_holder(parsed, gaz)  # the Nantong ETDZ's date: the zone's, not its body's
    try:
        got = answer(store, parsed)
    except Unmappable:
        raise
    except QueryError as exc:  # no link of that kind between them: said, with what to ask
        named = list(parsed.slots.values())
        raise Unmappable(question, str(exc), recognised=named,
                         closest=closest_questions(question, named), final=True) from None
    got = with_members(attach(got, gaz), store, asked_types(question, gaz))
    if got.verdict is not None and not parsed.asked:
        return got  # yes or no: the verdict (unless "is there a <kind> …": that kind, found)
    if (got.entities and not got.kind_note and got.verdict is None) or parsed.intent in extra:
        return got
    # ("AI alliance members": the table keeps cities; the keyword reading, its members)
    from queries.ask.colloquial import plain

    other = keyword_reading(question, gaz)
    if other is None and (said := plain(question)) != question:  # ("members on file")
        other = keyword_reading(said, gaz)
        other = replace(other, question=question, read_as=said) if other is not None else None
    other = other or parse_grammar(question, gaz)
    other = checked(other, gaz) if other is not None else None
    if other is None or other.intent.name == parsed.intent.name:
        return _held(got)
    alternative = answer(store, other)
    if alternative.entities and (got.kind_note or not alternative.kind_note):
        return alternative
    return _held(got)


# Intents whose empty answer is still an answer: a yes-or-no question answered "the graph
# does not say so", and the questions about one entity's own record.
_EMPTY_ANSWERS = ("check", "property:", "show", "mentions", "compare", "route")


def _held(got: AskAnswer) -> AskAnswer:
    """The answer, unless every step found nothing: then the graph cannot answer the question
    as read, and saying so (exit 1, the closest questions) beats an empty list presented as
    the answer ("which universities are in Nantong": none recorded, not none there)."""
    name = got.parsed.intent.name
    if got.entities or name.startswith(_EMPTY_ANSWERS) or not (
            got.found or got.parsed.only or all(r.empty for r in got.ran)):
        return got
    if (none := none_meets(got)) is not None:  # "does Haimen have any crossing that's open"
        return none
    read = fill_in(got.parsed.intent.question, got.parsed.names())
    named = list(got.parsed.slots.values())
    but = f" ({len(got.found)} found, none of the kind or condition asked)" if got.found else ""
    raise Unmappable(got.parsed.question,
                     f"The graph records nothing that answers this as I read it ({read!r})"
                     f"{but}.",
                     recognised=named, closest=closest_questions(got.parsed.question, named),
                     final=True)
