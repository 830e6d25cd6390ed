"""What has ended: a relation with `until` (港闸区 LOCATED_IN 南通 until 2020-07, a park's
builders until it merged). A count ("how many districts does Nantong have", 几个) and a list
asked of now (现在, now) leave such things out — an analyst reads a count as the number today —
and the answer says what it left out and until when ("7 now; 港闸区 until 2020-07")."""

from __future__ import annotations

import re
from typing import Any

from graph.model import Entity


def until(entity: Entity, relations: tuple[Any, ...]) -> str:
    """When the entity's relation to the question's entity ended, or "" if it holds still:
    the entity's own `until` as a result carries it, else every relation's (one that holds
    still keeps it)."""
    own = entity.props.get("until")
    if own:
        return str(own)
    ends = [r.props.get("until") for r in relations]
    if ends and all(ends):
        return str(max(str(e) for e in ends))
    return ""


def split_ended(pairs: list[tuple[Entity, tuple[Any, ...]]]
                ) -> tuple[list[tuple[Entity, tuple[Any, ...]]], list[tuple[Entity, str]]]:
    """(what holds still, [(what ended, until when)])."""
    kept, ended = [], []
    for entity, rels in pairs:
        when = until(entity, rels)
        if when:
            ended.append((entity, when))
        else:
            kept.append((entity, rels))
    return kept, ended


def ended_note(ended: list[tuple[Entity, str]]) -> str:
    """Said beside a count or a list of now: what was left out, and until when."""
    if not ended:
        return ""
    return "Not counted, as it has ended: " + "; ".join(
        f"{e.display} until {when}" for e, when in ended) + "."


# A count that is not of today: back then (当年, 曾经, used to, did … have), or how much each
# holds (各占多少: a share, which 多少 does not make a count of now).
_NOT_NOW = re.compile(r"当年|当初|曾经|曾|原来|原先|过去|以前|之前|历史上|各占|占多少|占比|"
                      r"\b(?:once|formerly|former|used to|did|had|was|were|ever|historically|"
                      r"originally|share|shares|stake|stakes)\b|"
                      # the past asked in too: "past ones included", 已经结束的也算
                      r"\b(?:past|former|earlier|ended|old) ones\b|\bincluding (?:past|former|"
                      r"ended|earlier)\b|\b(?:past|ended) (?:ones )?(?:included|too|as well)\b|"
                      r"\ball[- ]time\b|结束的|到期的|撤销的|也算|也算上|都算")


def counts_now(question: str) -> bool:
    """A count in these words is of what holds now (not back then, not a share)."""
    return not _NOT_NOW.search(question.lower())
