"""Questions asked without a part that only says which answer is meant: who asks and why
(colloquial.without_scene), examples of the answer (examples.py), a mechanism named as a
category of mechanisms (grouped.py), a place the answer must lie outside (outside.py),
candidates listed (among_listed.py), a clause saying which thing is meant (relative.py).
Each part is cut, the rest asked (`ask`), and the answer kept to what the part says, with a
note saying how it was read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from graph.gazetteer import Gazetteer
from queries.ask.among_listed import kept_note, without_list
from queries.ask.colloquial import without_scene
from queries.ask.examples import examples_note, without_examples
from queries.ask.grouped import grouped_note, without_category
from queries.ask.outside import kept_outside, without_place
from queries.ask.parsing import Unmappable
from queries.ask.relative import without_clause
from queries.ask.split import PartsAnswer


def asked_without(ask: Callable[..., Any], store: Any, question: str, gaz: Gazetteer,
                  extra: tuple[Any, ...] = ()) -> Any:
    """The answer to the question asked without such a part, or None when it has none (or
    the rest reads as nothing, where the question is then read whole)."""
    bare = without_scene(question)  # "…? we've got suppliers thinking about moving"
    if bare != question and bare.strip():
        got = ask(store, bare, gaz, extra)
        at = question.find(bare)
        left = " … ".join(p.strip() for p in (question[:at], question[at + len(bare):])
                          if p.strip()) if at >= 0 else ""
        said = (f"Not used: {left!r} (not part of what is asked: who asks and why, the kind "
                 "asked said again, or the other answer a yes or no settles).",
                ) if left else () if at >= 0 else (f"Read as {bare.strip()!r}.",)
        if not _one(got):  # (several parts: each says how it was read)
            return got
        return replace(got, parsed=replace(got.parsed, question=question, notes=(
            *said, *got.parsed.notes)))
    cut = without_examples(question, gaz)  # 像财税分成、GDP双算这一类的: examples, not slots
    if cut is not None:
        got = ask(store, cut.bare, gaz, extra)
        if not _one(got):
            return got
        note = examples_note(cut, {e.id for e in got.entities}, gaz)
        return replace(got, parsed=replace(got.parsed, question=question, notes=(
            *got.parsed.notes, note)))
    group = without_category(store, question, gaz)  # 哪些利益共享机制: the mechanisms of its kind
    if group is not None:
        got = ask(store, group.bare, gaz, extra)
        # (the one named is itself among them, "which cost-sharing mechanisms does the YRD
        # adopt": it names which one, read whole as before)
        if _one(got) and got.verdict is None and group.named not in {
                e.id for e in got.entities}:
            kept = got.parsed.only & group.members if got.parsed.only else group.members
            got = replace(got, parsed=replace(got.parsed, only=kept or frozenset({""})))
            return replace(got, parsed=replace(got.parsed, question=question, notes=(
                *got.parsed.notes, grouped_note(group, {e.id for e in got.entities}, gaz))))
    beyond = without_place(store, question, gaz)  # "outside Jiangsu", 江苏以外: not in it
    if beyond is not None:
        try:
            got = ask(store, beyond.bare, gaz, extra)
        except Unmappable:
            got = None  # (read whole, as before)
        if _one(got) and got.verdict is None:
            listed = [e.id for e in got.entities]
            kept = kept_outside(store, beyond, listed)
            place = gaz.entities[beyond.place].display
            return replace(got, parsed=replace(got.parsed, question=question, only=(
                kept or frozenset({""})), notes=(*got.parsed.notes, (
                    f"Kept to what lies outside {place} ({beyond.said!r}): {len(kept)} of "
                    f"the {len(listed)} found."))))
    listed = without_list(question, gaz)  # "A, B, C - which have X?": the candidates
    if listed is not None:
        try:
            got = ask(store, listed.bare, gaz, extra)
        except Unmappable:
            got = None  # (read whole, as before)
        if _one(got) and got.verdict is None and got.entities:
            found = {e.id for e in got.entities}
            kept = frozenset(i for i in listed.members if i in found)
            return replace(got, parsed=replace(got.parsed, question=question, only=(
                kept or frozenset({""})), notes=(*got.parsed.notes, kept_note(
                    listed, found, gaz))))
    clause = without_clause(question, gaz)  # "the alliance that Nantong signed up to"
    if clause is not None:
        try:
            got = ask(store, clause.bare, gaz, extra)
        except Unmappable:
            got = None  # (read whole, as before)
        if _one(got):
            return replace(got, parsed=replace(got.parsed, question=question, notes=(
                *got.parsed.notes, f"Not used: {clause.said!r} (it says which thing is "
                                   "meant, not what is asked).")))
    return None


def _one(got: Any) -> bool:
    """An answer of one part (not several, a ranking or a comparison of two)."""
    return got is not None and not isinstance(got, PartsAnswer)
