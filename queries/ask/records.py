"""The records of the intent table (Cue, Slot, Step, Intent), the query functions steps
may name (QUERIES), and filling a template with the entities' names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cue:
    """One thing a question must say, as a Chinese and an English regex (either may match).

    Regexes run on the masked question (lower case, entities replaced). Macros: `{E}` any
    entity, `{E:industry}` an entity whose id has that prefix, `{@mechanism:cost-sharing}`
    that entity, `{a}` the entity that fills slot `a` (a named group).
    """

    zh: str = ""
    en: str = ""


@dataclass(frozen=True)
class Slot:
    name: str
    labels: frozenset[str] | None = None  # None: any label
    kind: str = "entity"  # "entity", or "label": a label named in words (产业 -> Industry)
    optional: bool = False

    def accepts(self, label: str) -> bool:
        return self.labels is None or label in self.labels


@dataclass(frozen=True)
class Step:
    """One query call. Strings "{slot}" in args/kwargs become the slot's entity id."""

    query: str  # a key of QUERIES
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    only_if_empty: bool = False  # a fallback: runs only when every main step found nothing
    empty_on: tuple[str, ...] = ()  # names of QueryErrors that mean "nothing found"
    note: str = ""  # said before this step's answer
    note_if_empty: str = ""  # said when this step finds nothing
    answers: bool = False  # a fallback that still answers the question (a loosened filter)
    also: bool = False  # runs always, but finding something does not stop the fallbacks
    settles: bool = False  # a fallback that, finding anything, stops the fallbacks after it


@dataclass(frozen=True)
class Intent:
    name: str
    question: str  # the English template, e.g. "Which industries link {a} and {b}?"
    question_zh: str
    cues: tuple[Cue, ...]  # all must match
    slots: tuple[Slot, ...]
    steps: tuple[Step, ...]
    examples: tuple[str, ...]
    explain: str  # why these steps answer the question ({slot} -> the entity's name)
    avoid: Cue | None = None  # if this matches, the intent does not apply
    absorb: frozenset[str] = frozenset()  # entity ids that are wording here, not slots
    priority: int = 0  # breaks ties between complete matches (anchored intents are higher)


# Each query the table may call: module and function. Modules are imported on use, so a
# query another module adds later (hubs, mentions) is used as soon as it exists.
QUERIES: dict[str, tuple[str, str]] = {
    "links": ("queries.links", "links"),
    "shortest_paths": ("queries.paths", "shortest_paths"),
    "why": ("queries.why", "why"),
    "compare": ("queries.compare", "compare"),
    "hubs": ("queries.hubs", "hubs"),
    "mentions": ("queries.mentions", "mentions"),
    "related": ("queries.related", "related"),
    "common": ("queries.related", "common"),
    "related_within": ("queries.within", "related_within"),
    "holders_through_narrower": ("queries.narrower", "holders_through_narrower"),
    "located_among": ("queries.either_of", "located_among"),
    "common_within": ("queries.within", "common_within"),
    "quoted_in": ("queries.related", "quoted_in"),
    "show": ("queries.show", "show"),
    "overview": ("queries.overview", "overview"),
    "co_builders": ("queries.partners", "co_builders"),
    "co_builders_with_all": ("queries.shared_partners", "co_builders_with_all"),
    "related_of_part": ("queries.part_of", "related_of_part"),
    "builders_of_what_lies_in": ("queries.builders_in", "builders_of_what_lies_in"),
    "related_in_aspect": ("queries.aspect", "related_in_aspect"),
    "member_units": ("queries.members", "member_units"),
    "related_toward": ("queries.toward", "related_toward"),
    "stakes": ("queries.stakes", "stakes"),
    "sources_of": ("queries.sources", "sources_of"),
}

# -- filling a template -----------------------------------------------------------------------

class _Keep(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_in(template: str, names: Mapping[str, str]) -> str:
    """A template with its slots named; a slot without a value stays as {slot}."""
    return template.format_map(_Keep(names))
