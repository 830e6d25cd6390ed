"""What lies outside a place: "which parks has Suzhou co-built outside Jiangsu", 江苏以外的,
"beyond Shanghai", 省外 / "outside the province" (the province of the place the question is
about).

Read as an entity of the question, the place is a second subject or a place to keep to: the
opposite of what is asked (the answer listed Suzhou's parks in Jiangsu). The question is asked
without it, and the answer keeps what does not lie in the place (its cities, districts and
counties, and what lies in any of them: `inside.lying_in`), said in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.gazetteer import Gazetteer
from graph.store import Store

_PLACES = frozenset({"City", "Region"})
_EN = re.compile(r",?\s*\b(?:outside(?: of)?|beyond)\s+(?:the\s+)?"
                 r"(?P<place>[A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*){0,3}?)"
                 r"(?=\s*(?:[,?.!;]|$|\b(?:and|that|which|so far|now|today|yet)\b))", re.I)
_EN_PROVINCE = re.compile(r",?\s*\b(?:outside|beyond|out of)\s+(?:the|its|their)\s+"
                          r"(?:own\s+|home\s+)?province\b|\bin other provinces\b", re.I)
# (a 的 after it stays: 上海在上海之外的共建园区 is 上海的共建园区, kept outside)
_ZH = re.compile(r"(?:在)?(?P<place>[\u4e00-\u9fffA-Za-z]{1,10}?)(?:省|市)?(?:以外|之外)(?:地区)?")
_ZH_PROVINCE = re.compile(r"(?:在)?(?:省外|外省|出省)")


@dataclass(frozen=True)
class Outside:
    """A question asked without the place its answer must lie outside."""

    bare: str
    said: str
    place: str  # the place's id


def without_place(store: Store, question: str, gaz: Gazetteer) -> Outside | None:
    """The question without "outside <place>" and the place, or None when it says none."""
    from queries.ask.text import names_in

    for pattern in (_EN, _ZH):
        found = pattern.search(question)
        if found is None:
            continue
        said = found.group("place")
        for cut in range(len(said) - 1):  # (在苏州在江苏以外: the name nearest the word)
            place = _one_place(said[cut:], gaz)
            if place is not None:
                start = found.start("place") + cut
                start -= 1 if question[start - 1:start] == "在" else 0
                bare = question[:start] + question[found.end():]
                return Outside(bare, question[start:found.end()].strip(" ,"), place)
            if pattern is _EN:
                break  # (an English name is read whole)
    for pattern in (_EN_PROVINCE, _ZH_PROVINCE):
        found = pattern.search(question)
        if found is None:
            continue
        bare = question[:found.start()] + question[found.end():]
        _, named = names_in(bare, gaz)
        subject = next((i for m in named for i in m.ids if i in gaz.entities
                        and gaz.entities[i].label == "City"), None)
        province = _province_of(store, subject) if subject else None
        if province is None:
            continue
        return Outside(bare, found.group(0).strip(" ,"), province)
    return None


def _one_place(text: str, gaz: Gazetteer) -> str | None:
    """The id of the one place the text names, all of it, or None."""
    from queries.ask.text import names_in

    q, named = names_in(text, gaz)
    if len(named) != 1 or re.sub(r"[\s\W]|\bthe\b", "", q[:named[0].start] + q[named[0].end:]):
        return None
    ids = [i for i in named[0].ids if i in gaz.entities and gaz.entities[i].label in _PLACES]
    return ids[0] if len(ids) == 1 else None


def _province_of(store: Store, place: str) -> str | None:
    """The province a city lies in (followed up a few levels), or None."""
    from queries.within import related_within

    frontier = [place]
    for _ in range(3):
        following = []
        for part in frontier:
            for item in related_within(store, part, rel_type="LOCATED_IN",
                                       direction="out").items:
                if item.entity.props.get("kind") == "province":
                    return item.entity.id
                if item.entity.label in _PLACES:
                    following.append(item.entity.id)
        frontier = following
    return None


def kept_outside(store: Store, outside: Outside, listed: list[str]) -> frozenset[str]:
    """The ids listed that do not lie in the place."""
    from queries.ask.inside import lying_in

    inside = lying_in(store, outside.place)
    return frozenset(i for i in listed if i not in inside)
