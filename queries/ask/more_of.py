"""Which of two has more: "Who co-builds more parks, Suzhou or Wuxi?", 苏州和无锡谁共建的园区多?

Read as a relation between the two, such a question gets what links them (the one park they
share): another kind of answer than the one asked. It is two counts: the question is asked of
each of the two in turn ("Suzhou co-builds parks", 苏州共建的园区), each answer counted (what
has ended left out, as any count), and the answer is the one with more (both when equal),
with both counts and their lists. When the two are not read the same way (one a list of
parks, the other a yes or no) nothing is compared and the question is refused, with the count
questions to ask; a side the graph records nothing for counts 0 only when the other side's
reading answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from graph.gazetteer import Gazetteer, mask
from graph.model import Entity
from queries.ask.split import Part, PartsAnswer

# more / most said with two entities offered as the choice (A or B, A还是B, A和B谁/哪个)
# (bigger/larger are left out: a size the graph records is compared by the area readings)
_MORE = re.compile(r"\b(?:more|most|fewer)\b|更多|最多|多些|多一些|更少|"
                   r"最少|谁多|哪个多|哪边多|比较多|多(?:吗|呢)?\s*[？?。!！]*\s*$", re.I)
_CHOICE = re.compile(r"⟨\d+⟩\s?,?\s?(?:or|还是|或者|或)\s?(?:the )?⟨\d+⟩|"
                     r"⟨\d+⟩\s?(?:和|与|跟|同)\s?⟨\d+⟩\s?(?:之间)?\s?(?:谁|哪个|哪一个|哪边|哪家)|"
                     r"\b(?:between|of) (?:the )?⟨\d+⟩ and (?:the )?⟨\d+⟩|"
                     r"⟨\d+⟩.*\bthan (?:in |at |the )*⟨\d+⟩|⟨\d+⟩.*比\s?⟨\d+⟩", re.I)

# The words that only frame the comparison, taken out of the question asked of each side.
_MORE_WORDS = re.compile(r"\b(?:more|most|fewer|the most)\b|更多|最多|多一些|多些|更少|最少|"
                         r"比较多|谁多|哪个多|哪边多|多(?=\s*(?:吗|呢|啊)?\s*$)", re.I)
_LEAD = re.compile(r"^(?:(?:is|are) there|(?:which|what)(?: one| city| cities| place| side)?"
                   r"(?: of (?:the two|them|these))?|who|whoever|does|do|did|is|are|has|"
                   r"have)(?!\w)\s*|^(?:哪个城市|哪座城市|哪个地方|哪边|哪个|哪一个|谁)", re.I)
_TAIL = re.compile(r"\s*(?:吗|呢|啊|呀)?\s*$")
# the choice spans: A or B (one side said where both were), and A than B / A比B (B dropped)
_EITHER = re.compile(r"(?:\b(?:between|of) (?:the )?)?⟨(\d)⟩\s?,?\s?(?:or|还是|或者|或|和|与|跟|"
                     r"同|and)\s?(?:the )?⟨(\d)⟩(?:\s?之间)?\s?(?:谁|哪个|哪一个|哪边|哪家)?")
_THAN = re.compile(r"\s?\bthan (?:in |at |the )*⟨(\d)⟩|比\s?⟨(\d)⟩")


@dataclass(frozen=True)
class MoreOf(PartsAnswer):
    """Two counts and which is more: each side's count question is a part; the answer's
    entities are the side with more (both when equal)."""

    sides: tuple[Entity, ...] = ()
    counts: tuple[int, ...] = ()

    @property
    def entities(self) -> tuple[Entity, ...]:
        top = max(self.counts)
        return tuple(e for e, n in zip(self.sides, self.counts, strict=True) if n == top)

    @property
    def summary(self) -> str:
        said = ", ".join(f"{e.display}: {n}" for e, n in zip(self.sides, self.counts,
                                                              strict=True))
        a, b = self.counts
        if a == b:
            return f"{said}: the same number."
        more = self.sides[0] if a > b else self.sides[1]
        return f"{said}: {more.display} has more."

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["compared"] = {"counts": {e.id: n for e, n in zip(self.sides, self.counts,
                                                               strict=True)},
                           "more": [e.id for e in self.entities] if len(
                               self.entities) == 1 else [], "summary": self.summary}
        return out


def refuse_more_of(question: str, gaz: Gazetteer) -> None:
    """Raise Unmappable for "which of A and B has more …" when it cannot be counted."""
    named = _two(question, gaz)
    if named is None:
        return
    from queries.ask.closest import closest_questions
    from queries.ask.parsing import Unmappable

    a, b = (e.display for e in named)
    raise Unmappable(question, f"I cannot rank {a} against {b} in one answer: the question "
                     "does not read as the same count of each. Ask the count for each (for "
                     f"example 'How many parks has {named[0].name_en or named[0].name} "
                     "co-built?') and compare.", recognised=named,
                     closest=closest_questions(question, named), final=True)


def _two(question: str, gaz: Gazetteer) -> list[Entity] | None:
    """The two entities a "which has more" question offers as the choice; else None."""
    found = _choice(question, gaz)
    return None if found is None else [gaz.entities[found[1][n].ids[0]] for n in found[2]]


def _choice(question: str, gaz: Gazetteer) -> tuple[str, tuple[Any, ...], tuple[int, int]] | None:
    """The prepared question, its mentions and the two offered as the choice (A or B, A和B谁,
    A … than B), each one entity; other mentions (crossings: a set) stay as said."""
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    if not _MORE.search(question):
        return None
    q, mentions = names_in(question, gaz)
    m = _CHOICE.search(masked_text(q, mentions))
    if m is None:
        return None
    said = [int(n) for n in re.findall(r"⟨(\d+)⟩", m.group())]
    a, b = said[0], said[-1]
    if a == b or len(mentions[a].ids) != 1 or len(mentions[b].ids) != 1:
        return None
    return q, mentions, (a, b)


def asked_of_each(question: str, gaz: Gazetteer) -> list[tuple[Entity, str]] | None:
    """The question asked of each of the two ("Who co-builds more parks, Suzhou or Wuxi?":
    "Suzhou co-builds parks", "Wuxi co-builds parks"); None when it is no such question."""
    found = _choice(question, gaz)
    if found is None:
        return None
    q, mentions, sides = found
    masked = mask(q, mentions)
    for n, m in enumerate(mentions):  # the others as said (过江通道)
        if n not in sides:
            masked = masked.replace(f"⟨{n}⟩", m.text)
    masked = _MORE_WORDS.sub(" ", masked.replace(f"⟨{sides[0]}⟩", "⟨0⟩").replace(
        f"⟨{sides[1]}⟩", "⟨1⟩"))
    out: list[tuple[Entity, str]] = []
    for entity in (gaz.entities[mentions[n].ids[0]] for n in sides):
        text = _EITHER.sub("⟨X⟩", masked, count=1)
        if "⟨X⟩" not in text:  # A … than B: A's place, B dropped
            text = _THAN.sub("", masked, count=1)
            text = re.sub(r"⟨\d⟩", "⟨X⟩", text, count=1)
        text = re.sub(r"\bthe ⟨X⟩", "⟨X⟩", re.sub(r"\s+", " ", text)).strip(" ,，:：-")
        text = _TAIL.sub("", _LEAD.sub("", text).strip(" ,，:：-"))
        if "⟨X⟩" not in text:
            return None
        if text.endswith("⟨X⟩") and not re.search(r"\b(?:in|at|of|for|by|with|from) ⟨X⟩$",
                                                   text):
            # "co-builds parks, ⟨X⟩", 哪个城市的过江通道，⟨X⟩: the side first
            text = "⟨X⟩ " + text[:-3].strip(" ,，:：-的")
        name = entity.name if not question.isascii() or not entity.name_en else entity.name_en
        text = re.sub(r"\s+", " ", text.replace("⟨X⟩", f"{name} ")).strip()
        if not question.isascii():
            text = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", text)
        out.append((entity, text))
    return out


# Words between a side and the kind that only say it has them (Nantong has alliances,
# 南通加入的联盟): without them the side and the kind read as the kind's relation to the side
# (南通 联盟).
_HAS = re.compile(r"\b(?:have|has|had|own|owns|hold|holds|got|list|lists)\b|有|加入的|参加的|"
                  r"参与的|拥有的|的", re.I)


def _terse(text: str, entity: Entity) -> str:
    """The side and the kind, the words between dropped ("Nantong alliances", 南通 联盟)."""
    for name in (entity.name_en, entity.name):
        if name and text.startswith(name):
            rest = " ".join(_HAS.sub(" ", text[len(name):]).split())
            return f"{name} {rest}"
    return text


def _kinds(text: str) -> frozenset[str]:
    """The kinds a side's question names (parks, 联盟)."""
    from queries.ask.reading import find, label_words

    return frozenset(str(h.value) for h in find(label_words(), text.lower())
                     if h.value != "Source")


def _side(ask: Callable[..., Any], store: Any, text: str, gaz: Gazetteer,
          extra: tuple[Any, ...]) -> tuple[Any, str]:
    """One side's question answered as a count: (the answer, "") when it lists only the kind
    it names; (None, why) when refused, when it lists other kinds or no list at all (a yes
    or no, a value)."""
    from queries.ask.parsing import Unmappable

    try:
        answer = ask(store, text, gaz, extra)
    except Unmappable as exc:
        return None, str(exc).splitlines()[0]
    if isinstance(answer, PartsAnswer) or getattr(answer, "verdict", None) is not None \
            or answer.parsed.intent.name.startswith(("property:", "check", "show")):
        return None, f"read as {answer.parsed.intent.name}, not a list to count"
    kinds = _kinds(text)
    if answer.kind_note or not answer.entities or (
            kinds and any(e.label not in kinds for e in answer.entities)):
        return None, f"read as {answer.parsed.intent.name}, which lists other kinds"
    return replace(answer, parsed=replace(answer.parsed, count=True)), ""


def more_of(ask: Callable[..., Any], store: Any, question: str, gaz: Gazetteer,
            extra: tuple[Any, ...] = ()) -> MoreOf | None:
    """Which of two has more (see the module's docstring): both counts, and the one with
    more; None when the question is no such question or its sides do not read alike (then
    `refuse_more_of` says so)."""
    each = asked_of_each(question, gaz)
    if each is None:
        return None
    got: list[Any] = []
    for entity, text in each:
        tries = [(asked, *_side(ask, store, asked, gaz, extra))
                 for asked in dict.fromkeys([text, _terse(text, entity)])]
        # the first reading that counts, else one that records nothing (a 0), else the first
        got.append((entity, *next((t for t in tries if t[1] is not None), next(
            (t for t in tries if "records nothing" in t[2]), tries[0]))))
    answered = [a for _, _, a, _ in got if a is not None]
    if not answered or len({a.parsed.intent.name for a in answered}) > 1:
        return None
    parts: list[Part] = []
    counts: list[int] = []
    for _, text, answer, refused in got:
        if answer is None:
            if "records nothing" not in refused:
                return None  # that side cannot be counted: not a 0
            parts.append(Part(text, None, f"none recorded ({refused})"))
            counts.append(0)
        else:
            parts.append(Part(text, answer))
            counts.append(answer.count if answer.count is not None else len(answer.entities))
    return MoreOf(question, tuple(parts), sides=tuple(e for e, *_ in got),
                  counts=tuple(counts))
