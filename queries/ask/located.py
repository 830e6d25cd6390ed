"""Who built the parks that lie in a place: "who co-built the parks in Siyang",
泗阳、沭阳、泗洪这几个县的共建园区分别是跟苏州哪个地方合作的 (for each county, the co-builders of
its parks; those in Suzhou).

The parks are named by the place they lie in, not by name; the question asks for their
builders. Each place named gets its own answer (the graph records partners per park), and a
place said with the asking word (跟苏州哪个地方, which Suzhou places) keeps the builders to
those inside it.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer, Mention
from queries.ask.records import Intent, Slot, Step

_PLACES = frozenset({"City", "Region"})
_PARKS_ZH = r"(?:共建园区|合作园区|共建园|园区|工业园区?|产业园区?|开发区)"
_PARKS_EN = r"(?:co[- ]?built |joint |partner )?(?:industrial )?parks?"
_BUILT_ZH = r"(?:合作|共建|合建|一起建|联合建设|建设?|投资)"
_BUILT_EN = r"(?:co[- ]?built|co[- ]?build|built|build|developed|develop|are behind|is behind)"
_LIST = r"⟨\d+⟩(?:(?:\s?(?:、|和|与|及|,|and)\s?|\s)⟨\d+⟩)*"
_ZH = re.compile(rf"^\s?(?P<places>{_LIST})\s?(?:这[几两三四]个[县区市]|等地|那边|[县区市])?"
                 rf"\s?(?:那个|那些|这个|这些)?\s?的?\s?{_PARKS_ZH}\s?(?:分别|各自)?\s?(?:是|都是)?\s?(?:(?:跟|和|与|同|由)\s?"
                 rf"(?:(?P<within>⟨\d+⟩)\s?(?:的)?\s?)?(?:哪个|哪些|哪几个|哪家|哪)\s?"
                 rf"(?:地方|城市|区县|县市|县|区|市|单位|方面)?\s?|(?:(?:跟|和|与|同|由)\s?)?谁\s?"
                 rf"(?:(?:和|跟|与|同)\s?谁\s?)?|"
                 # (沭阳这个共建园区是哪两个地方合作建的: the pair, no preposition needed)
                 rf"(?:由\s?)?(?P<pair>哪两个|哪两家|哪两方)\s?(?:地方|城市|区县|县市|单位|方面)?\s?)"
                 rf"(?:一起|合作|共同|联合)?{_BUILT_ZH}")
# The pair asked (谁和谁, 哪两个地方): the park named by its place is listed with its builders.
_PAIR = re.compile(r"谁\s?(?:和|跟|与|同)\s?谁|哪两")
_EN = re.compile(rf"^\s?(?:who|which (?:(?P<within>⟨\d+⟩) )?(?:places?|cities|city|districts?|"
                 rf"partners?|counties|county|companies|bodies))\s(?:in (?P<within2>⟨\d+⟩) )?"
                 rf"(?:have |has |had )?{_BUILT_EN}\s(?:the )?{_PARKS_EN}\s(?:in|at)\s"
                 rf"(?P<places>{_LIST})")


def builders_in(masked: str, mentions: tuple[Mention, ...],
                gaz: Gazetteer) -> tuple[Intent, dict[str, str], str] | None:
    """The intent (one step per place), its slots, and the place the builders are kept to
    ('' for none), or None where the question is not of this shape."""
    found = _ZH.search(masked) or _EN.search(masked)
    if not found:
        return None
    numbers = [int(n) for n in re.findall(r"⟨(\d+)⟩", found.group("places"))]
    kept = found.groupdict().get("within") or found.groupdict().get("within2")
    if any(n >= len(mentions) for n in numbers):
        return None
    ids = [mentions[n].ids[0] for n in numbers]
    if len(ids) > 3 or not all(gaz.entities[i].label in _PLACES for i in ids):
        return None
    within = ""
    if kept:
        within = mentions[int(kept[1:-1])].ids[0]
        if gaz.entities[within].label not in _PLACES:
            return None
    names = ("x", "y", "z")[:len(ids)]
    steps = tuple(Step("builders_of_what_lies_in", ("{" + n + "}",), {"label": "Park"})
                  for n in names)
    if _PAIR.search(found.group()) and len(names) == 1:  # (that park, and who built it)
        steps += (Step("related_within", ("{x}",), {"rel_type": "LOCATED_IN",
                                                    "direction": "in", "label": "Park"}),)
    places = ", ".join("{" + n + "}" for n in names)
    intent = Intent("builders-in", f"Who built the parks in {places}?",
                    f"{places}的园区分别是谁共建的？", (), tuple(Slot(n) for n in names), steps,
                    (), "builders_of_what_lies_in lists, for each place, who CO_BUILDS the "
                        "parks that lie in it (its districts and counties counting), each with "
                        "the relation naming the park" + (
                            "; kept to those inside the place asked" if within else "") + ".")
    return intent, dict(zip(names, ids, strict=True)), within
