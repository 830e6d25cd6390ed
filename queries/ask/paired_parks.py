"""A place's parks that pair with another place: "Which Qidong parks were set up to pair with
Pudong?", 启东哪些园区是跟浦东配套的, 启东有哪些园区跟浦东结对.

The parks are the first place's own (in it, or built by it, its districts counting); the
pairing is any park link `links --via park` finds between the two (both build it, one builds
it in the other, or it COOPERATES_WITH the other), each with how its path runs, so the answer
agrees with `links` on the same pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.records import Intent, Slot, Step

_PAIR_EN = (r"(?:pair(?:ed)?|partner(?:ed)?|twin(?:ned)?|match(?:ed)?|cooperat\w*|work\w*|"
            r"link(?:ed)?|team(?:ed)? up|support\w*|serv\w*|tie[sd]? up|hook(?:ed)? up)")
# (built with: the co-building readings, kept to the parks in the place)
_PAIRED = (
    re.compile(rf"^\s?(?:which|what)\s(?:of\s)?(?:the\s)?(?:⟨(?P<a>\d+)⟩\s(?:\w+\s)?parks?|"
               rf"parks?\s(?:in|of)\s(?:the\s)?⟨(?P<a2>\d+)⟩)\s(?:were|are|was|is|have been|"
               rf"has been)?\s?(?:(?:set up|built|established|designed|created|meant|made|"
               rf"planned)\s)?(?:to\s)?(?:be\s)?{_PAIR_EN}\s(?:up\s)?(?:with|to|for)\s"
               rf"(?:the\s)?⟨(?P<b>\d+)⟩\s?$"),
    re.compile(r"^\s?⟨(?P<a>\d+)⟩\s?(?:的|有)?\s?(?:哪些|哪几个|哪个|什么)\s?(?:园区|产业园|开发区)\s?"
               r"(?:是)?\s?(?:专门)?\s?(?:跟|和|与|同|为|给|对接|服务)\s?⟨(?P<b>\d+)⟩\s?"
               r"(?:结对|配套|对接|合作|挂钩|协同|共建|合建|服务|一起建)"),
    # 启东和浦东之间有哪些园区层面的合作, "what park-level cooperation is there between A and
    # B": every park link between the two, whichever side's park it is
    re.compile(r"^\s?(?P<both>)⟨(?P<a>\d+)⟩\s?(?:和|与|跟|同)\s?⟨(?P<b>\d+)⟩\s?(?:之间)?\s?"
               r"(?:到底|究竟|都)?\s?(?:有)?(?:哪些|什么|哪几个)\s?(?:园区|产业园)\s?(?:层面|方面|上)?的?"
               r"\s?(?:合作|协作|对接|往来)"),
    re.compile(r"^\s?(?P<both>)(?:what|which)\s(?:park[- ]level|park)\s(?:cooperation|ties|links|"
               r"partnerships?)\s(?:is there\s|are there\s|exists?\s)?between\s(?:the\s)?"
               r"⟨(?P<a>\d+)⟩\sand\s(?:the\s)?⟨(?P<b>\d+)⟩\s?$"),
)
_PLACES = frozenset({"City", "Region"})


def parks_paired(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
                 gaz: Gazetteer) -> Any:
    """The first place's parks that pair with the second (see the module's docstring), or
    None."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in
    from queries.within import related_within

    q, mentions = names_in(question, gaz)
    if len(mentions) != 2 or any(len(m.ids) != 1 for m in mentions):
        return None
    found = next((f for p in _PAIRED if (f := p.search(masked_text(q, mentions)))), None)
    if found is None:
        return None
    first = found.groupdict().get("a") or found.groupdict().get("a2")
    a, b = (gaz.entities.get(mentions[int(n)].ids[0]) for n in (first, found.group("b")))
    if a is None or b is None or a.label not in _PLACES:
        return None
    own = {i.entity.id for rel, way in (("LOCATED_IN", "in"), ("CO_BUILDS", "out"))
           for i in related_within(store, a.id, rel_type=rel, direction=way,
                                   label="Park").items}
    intent = Intent(
        name="parks-paired", question="Which parks of {a} pair with {b}?",
        question_zh="{a}哪些园区跟{b}结对？", cues=(), slots=(Slot("a"), Slot("b")),
        steps=(Step("links", ("{a}", "{b}"), {"via": "park", "top": None},
                    empty_on=("NoLinks",)),),
        examples=(), explain="links --via park lists the parks between {a} and {b} (both build "
                             "it, one builds it in the other, or it COOPERATES_WITH the other), "
                             "each with how its path runs; kept to {a}'s own parks (in it, or "
                             "built by it).")
    if found.groupdict().get("both") is not None:  # between the two: either side's parks
        intent = replace(intent, name="parks-between",
                         question="Which parks link {a} and {b}?",
                         question_zh="{a}和{b}之间有哪些园区层面的合作？",
                         explain=intent.explain.replace("kept to {a}'s own parks",
                                                        "kept to either one's parks"))
        own |= {i.entity.id for rel, way in (("LOCATED_IN", "in"), ("CO_BUILDS", "out"))
                for i in related_within(store, b.id, rel_type=rel, direction=way,
                                        label="Park").items}
    return answer_fn(store, Parsed(question, intent, tuple(mentions), {"a": a, "b": b}, {},
                                   known={a.id: a, b.id: b}, asked=frozenset({"Park"}),
                                   only=frozenset(own)))
