"""A clause that describes a thing the question names: at the end of an English question
("the YRD NEV alliance that Nantong signed up to", "that Hu-Su-Tong alliance Nantong keeps
talking about"), or before the name in Chinese (南通加入的那个长三角新能源汽车产业联盟里…).
The place or body in the clause says which thing (or how the analyst knows it); it is not a
second thing asked about, and read as one it made the question name too many ("also names
'nantong'") or ask what both relate to. The question is asked without the clause, and the
answer says it was left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.gazetteer import Gazetteer

# "(that|which) <Name> <verb words>[ up to | about | …]?" to the end of the question
_CLAUSE = re.compile(
    r"\s(?:that\s|which\s|whom\s)?(?P<who>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2})\s"
    r"(?P<verb>(?:(?:keeps|keep|kept|has|have|had|just|already|is|was|always|often|recently)\s)*"
    r"[a-z]+(?:ed|s|ing)?(?:\s(?:up|about|on|in|into|to|with|for|over|of)){0,3})"
    r"\s*(?P<end>[?？.!]*)\s*$")
_ACTORS = ("City", "Region", "Organization")


# the question the clause hangs on asks something ("Which carmakers …", "Is Suzhou …")
_ASKED = re.compile(r"^\s*(?:which|what|who|whom|whose|where|when|how|is|are|was|were|does|do|"
                    r"did|has|have|can)\b", re.I)


def _names_a_kind(verb: str) -> bool:
    from queries.ask.reading import label_word_set

    return any(w in label_word_set() for w in verb.casefold().split())


@dataclass(frozen=True)
class Clause:
    bare: str
    said: str


def without_clause(question: str, gaz: Gazetteer) -> Clause | None:
    """The question without a clause that describes what it has just named, or None."""
    from queries.ask.text import names_in

    if not question.isascii():
        return _before_the_name(question, gaz)
    found = _CLAUSE.search(question)
    if found is None:
        return None
    _, who = names_in(found.group("who"), gaz)
    if len(who) != 1 or len(who[0].ids) != 1:
        return None
    # the name read in the whole question too: "… does Jiangsu Provincial People's Government
    # propose" is one long name, no clause
    _, whole = names_in(question, gaz)
    if not any(m.text == who[0].text and m.ids == who[0].ids for m in whole):
        return None
    if gaz.entities.get(who[0].ids[0]) is None or gaz.entities[who[0].ids[0]].label \
            not in _ACTORS:
        return None
    head = question[:found.start()]
    if not _ASKED.match(head) or _names_a_kind(found.group("verb")):
        return None  # "Suzhou Nantong parks": keywords, no clause ("parks" is no verb)
    said, before = names_in(head, gaz)
    if not before or re.search(r"[a-z]", said[before[-1].end:]):
        return None  # the clause must follow a name the graph holds
    return Clause(head + (found.group("end") or "?"), question[found.start():].strip(" ?？.!"))


# ⟨A⟩加入的那个⟨B⟩…: a body's few words and 的 before the thing it describes
_ZH_CLAUSE = re.compile(r"^\s?[\u4e00-\u9fff]{1,4}的(?:那个|这个|那家|这家|那些|这些)?\s?$")


def _before_the_name(question: str, gaz: Gazetteer) -> Clause | None:
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    if len(mentions) < 2 or mentions[0].start > 0 or any(len(m.ids) != 1 for m in mentions[:2]):
        return None
    actor, thing = (gaz.entities.get(m.ids[0]) for m in mentions[:2])
    if actor is None or thing is None or actor.label not in _ACTORS or thing.label in (
            "City", "Region") or not _ZH_CLAUSE.match(q[mentions[0].end:mentions[1].start]):
        return None
    return Clause(q[mentions[1].start:], q[:mentions[1].start].strip())
