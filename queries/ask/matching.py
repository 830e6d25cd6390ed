"""Which intents a masked question matches: every cue found, entities bound to slots by label.

A cue's regexes may use macros (see `Cue`): `{E}`, `{E:industry}`, `{@mechanism:…}` and
`{slot}`, expanded here against the question's mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from graph.gazetteer import Gazetteer, Mention
from graph.model import Entity
from queries.ask.intents import LABEL_WORDS
from queries.ask.records import Cue, Intent, Slot

_MACRO = re.compile(r"\{(E(?::[a-z]+)?|@[a-z]+:[a-z0-9-]+|[a-z_]+)\}")
_NEVER = "(?!)"


def _compile(pattern: str, mentions: tuple[Mention, ...],
             slots: frozenset[str] | set[str]) -> str:
    seen: dict[str, int] = {}  # a slot in two alternatives: groups a, a__1, …

    def expand(m: re.Match[str]) -> str:
        token = m.group(1)
        if token == "E":
            return r"⟨\d+⟩"
        if token.startswith("E:"):
            prefix = token[2:] + ":"
            picks = [n for n, x in enumerate(mentions) if any(i.startswith(prefix)
                                                              for i in x.ids)]
        elif token.startswith("@"):
            picks = [n for n, x in enumerate(mentions) if token[1:] in x.ids]
        elif token in slots:
            n = seen[token] = seen.get(token, -1) + 1
            return rf"(?P<{token}{f'__{n}' if n else ''}>⟨\d+⟩)"
        else:
            return m.group(0)
        return "(?:" + "|".join(f"⟨{n}⟩" for n in picks) + ")" if picks else _NEVER

    return _MACRO.sub(expand, pattern)


def _matches(cue: Cue, masked: str, mentions: tuple[Mention, ...],
             slots: frozenset[str] | set[str] = frozenset()) -> Iterator[re.Match[str]]:
    """Every match of the cue's Chinese regex, then every match of its English one."""
    for pattern in (cue.zh, cue.en):
        if pattern:
            yield from re.finditer(_compile(pattern, mentions, slots), masked)


def _search(cue: Cue, masked: str, mentions: tuple[Mention, ...],
            slots: frozenset[str] | set[str] = frozenset()) -> re.Match[str] | None:
    """The first match of the cue's Chinese, else English, regex."""
    return next(_matches(cue, masked, mentions, slots), None)


@dataclass
class Candidate:
    """An intent a question matches, with what it bound and what it lacks."""

    intent: Intent
    cover: list[tuple[int, int]]  # every match of every cue: words the intent reads
    bound: dict[str, int]  # slot -> mention index
    labels: dict[str, str]  # label slots -> label
    missing: list[Slot]
    extras: list[int]  # mention indexes the intent does not use

    @property
    def complete(self) -> bool:
        return not self.missing

    def rank(self) -> tuple[int, ...]:
        return (self.complete, -len(self.extras), self.intent.priority, len(self.intent.cues),
                len(self.bound))


def _fits(mention: Mention, slot: Slot, entities: Mapping[str, Entity]) -> bool:
    return any(slot.accepts(entities[i].label) for i in mention.ids)


def match(intent: Intent, masked: str, mentions: tuple[Mention, ...],
          gaz: Gazetteer) -> Candidate | None:
    """The intent as this question would fill it, or None if a cue is missing or it avoids
    the question."""
    slot_names = {s.name for s in intent.slots if s.kind == "entity"}
    if intent.avoid and _search(intent.avoid, masked, mentions):
        return None
    cover: list[tuple[int, int]] = []
    bound: dict[str, int] = {}
    for cue in intent.cues:
        found = _search(cue, masked, mentions, slot_names)
        if not found:
            return None
        cover.extend(m.span() for m in _matches(cue, masked, mentions, slot_names))
        for group, value in found.groupdict().items():
            name = group.split("__")[0]
            if value is not None and name not in bound:
                bound[name] = int(value[1:-1])
    absorbed = {n for n, m in enumerate(mentions) if set(m.ids) <= intent.absorb}
    free = [n for n in range(len(mentions)) if n not in absorbed and n not in bound.values()]
    labels: dict[str, str] = {}
    missing: list[Slot] = []
    for slot in intent.slots:
        if slot.kind == "label":
            label = _label_in(masked, mentions)
            if label:
                labels[slot.name] = label
            elif not slot.optional:
                missing.append(slot)
            continue
        if slot.name in bound:
            continue
        pick = next((n for n in free if _fits(mentions[n], slot, gaz.entities)), None)
        if pick is None:
            if not slot.optional:
                missing.append(slot)
            continue
        bound[slot.name] = pick
        free.remove(pick)
    return Candidate(intent, cover, bound, labels, missing, free)


def _label_in(masked: str, mentions: tuple[Mention, ...]) -> str | None:
    for label, cue in LABEL_WORDS.items():
        if _search(cue, masked, mentions):
            return label
    return None


def label_spans(masked: str) -> list[tuple[int, int]]:
    """Where the question names a kind of thing (城市, parks)."""
    return [m.span() for cue in LABEL_WORDS.values() for m in _matches(cue, masked, ())]
