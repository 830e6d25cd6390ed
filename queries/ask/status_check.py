"""A yes-or-no question on how far something has got: "统计双算是在探索阶段吗", "Is dual
statistics still at the exploring stage in Nantong?", 成本共担现在是试点状态吗; or which of
two states it is at (是已经在用了，还是还在探索阶段: "Its status is exploring: …").

A mechanism's state is recorded on the relations that adopt it (ADOPTS status: exploring,
applying, required …). The question names the thing (and perhaps who adopts it) and a state
in words (relation_states.py: 探索, applying, 规划 …) with a word that asks the stage (阶段,
状态, stage, still, 还在). The verdict is decided from those relations: "Yes — 南通 ADOPTS 统计
指标“双算” (status exploring …)" when one records that state; "No — its status is applying"
when they record another; no verdict (None: the question is read the usual way) when none of
its relations records a status.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

_YES_NO = re.compile(r"吗\s*[？?]?\s*$|是不是|是否|有没有|没有\s*[？?]?\s*$|"
                     r"^\s*(?:is|are|was|has|does|do)\b", re.I)
# a word that asks the stage reached (not the verb "explore" alone: 南通在探索哪些机制)
_STAGE = re.compile(r"阶段|状态|地步|程度|还在|仍在|尚在|还是|落地|落实|"
                    r"\bstage\b|\bstatus\b|\bphase\b|"
                    r"\bstill\b|\byet\b|\bat the\b", re.I)
# two states set against each other (已经在用了，还是还在探索; "applying or still exploring"):
# the question asks which of them holds
_CHOICE = re.compile(r"还是|\bor\b", re.I)
# the types whose relations record a state reached by what they reach
_STATED = ("ADOPTS",)


def status_check(answer: Callable[..., Any], store: Any, question: str, gaz: Any) -> Any:
    """The verdict on "is X at <state>" (see the module's docstring), or None."""
    from queries.ask.intents import INTENTS, Step
    from queries.ask.parsing import Parsed
    from queries.ask.relation_states import RELATION_STATES
    from queries.ask.text import names_in
    from queries.ask.verdict import Verdict, said

    choice = _CHOICE.search(question) and len(
        {values for pattern, values in RELATION_STATES if re.search(pattern, question)}) > 1
    choice = choice or _states_set_against(question)
    if not (_YES_NO.search(question) or choice) or not (_STAGE.search(question) or choice):
        return None
    q, mentions = names_in(question, gaz)
    last = max((m.end() for m in re.finditer(  # (prepared: a comma between Han is a space)
        r"[，,；;:：]|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", q)), default=0)
    if any(m.start >= last for m in mentions):  # 我们县想跟上海搞…，市里X落地没有: the last
        mentions = [m for m in mentions if m.start >= last]  # clause asks; the rest sets the scene
    if any(len(m.ids) != 1 for m in mentions):
        return None
    if len(mentions) > 2:  # "…, or still just a requirement of the YRD outline": the plan
        # that requires it is where a state is said, not who adopts it
        mentions = [m for m in mentions if not (m.ids[0] in gaz.entities and gaz.entities[
            m.ids[0]].label in ("Initiative", "Source"))]
    if not 1 <= len(mentions) <= 2:
        return None
    named = [gaz.entities[m.ids[0]] for m in mentions if m.ids[0] in gaz.entities]
    states = {v for pattern, values in RELATION_STATES if re.search(pattern, q)
              for v in values}
    if len(named) != len(mentions) or not (states or len(named) == 1):
        return None
    thing = next((e for e in named if e.label == "Mechanism"), None)
    if thing is None:
        return None if len(named) != 1 else _own_status(answer, store, question, q, mentions,
                                                         named[0])
    who = next((e for e in named if e.id != thing.id), None)
    stated = [r for r in store.relations_of(thing.id) if r.type in _STATED
              and r.end == thing.id and r.props.get("status")]
    rels = [r for r in stated if who is None or r.start == who.id]
    # "has Nantong put X in place, or is it still a requirement": Nantong records none, others
    # do: no, and where it stands where it is recorded
    elsewhere = not rels and who is not None and who.label in ("City", "Region")
    rels = rels or (stated if elsewhere else [])
    if not rels:
        return None  # no state recorded: read the usual way
    starts = store.entities({r.start for r in rels})
    names = {thing.id: thing.display, **{i: e.display for i, e in starts.items()}}
    sources = {r.source for r in rels}
    names.update((i, e.props.get("title") or e.display)
                 for i, e in store.entities(sources).items())
    held = [r for r in rels if str(r.props["status"]) in states]
    shown = held or rels
    statuses = ", ".join(sorted({str(r.props["status"]) for r in rels}))
    if elsewhere:
        held, shown = [], rels
        text = (f"No — the graph does not record {who.display} adopting {thing.display}; "
                f"where it is recorded, its status is {statuses}: "
                + "; ".join(said(r, names) for r in shown))
    elif choice:  # 在用还是在探索: which of the two, not yes or no
        held, shown = rels, rels
        text = f"Its status is {statuses}: " + "; ".join(said(r, names) for r in shown)
    else:
        text = ("Yes — " if held else f"No — its status is {statuses}: ") + "; ".join(
            said(r, names) for r in shown)
    ends = (thing, *(starts[r.start] for r in shown if r.start in starts))
    check = next(i for i in INTENTS if i.name == "check")
    intent = replace(check, name="check:status", slots=check.slots[:1],
                     steps=(Step("related", ("{a}",), {"rel_type": "ADOPTS",
                                                       "direction": "in"}),))
    parsed = Parsed(question, intent, mentions, {"a": thing}, {},
                    known={e.id: e for e in named})
    got = answer(store, parsed)
    unique = tuple({e.id: e for e in ends}.values())
    return replace(got, verdict=Verdict(True, "recorded status", text, tuple(shown), unique,
                                        no=not held))


def _states_set_against(question: str) -> bool:
    """Two or more states of a thing's own status set against each other (还在规划还是已经开工了,
    "open, being built, or still on paper"): which one it is."""
    from queries.ask.said_states import STATES

    said = {state for pattern, state in STATES if pattern.search(question)}
    return len(said) >= 2 and bool(_CHOICE.search(question))


def _own_status(answer: Callable[..., Any], store: Any, question: str, q: str,
                mentions: list[Any], thing: Any) -> Any:
    """Which of the states said a thing that records its own status is at (崇海通道是还在规划
    还是已经开工了: "Its status is planned"), or None."""
    from queries.ask.intents import INTENTS, Step
    from queries.ask.parsing import Parsed
    from queries.ask.verdict import Verdict

    status = thing.props.get("status")
    if not status or not _states_set_against(question):
        return None
    check = next(i for i in INTENTS if i.name == "check")
    intent = replace(check, name="check:status", slots=check.slots[:1],
                     steps=(Step("related", ("{a}",), {"rel_type": None,
                                                       "direction": "out"}),))
    parsed = Parsed(question, intent, tuple(mentions), {"a": thing}, {},
                    known={thing.id: thing})
    got = answer(store, parsed)
    text = f"Its status is {status}: {thing.display} (its own record)."
    return replace(got, verdict=Verdict(True, "recorded status", text, (), (thing,)))
