"""A builder's partner in a park it co-built: "which city was Nantong's partner in the Xitong
park?", "Who co-built the Xitong park with Nantong?", 南通和谁一起建的锡通园区.

Two things are named, a park and one of its builders; the question asks for the park's other
builders (CO_BUILDS into the park), not for what both relate to, and never lists the builder
named. A relation that has ended is listed with its end (the Xitong park's builders until its
2020 merger); asked "now", the question is left to the readings that say what holds now.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.records import Intent, Slot, Step

_BUILDERS = frozenset({"City", "Region", "Organization"})
_PARKS = frozenset({"Park"})
_PARTNER_EN = re.compile(
    r"\b(?:who|which|what)\b.*(?:"
    r"⟨(?P<a1>\d+)⟩ (?:(?:was|is|were|are) )?partners? (?:in|for|on|at) (?:the )?⟨(?P<p1>\d+)⟩|"
    r"(?:partner(?:s|ed)?|worked|teamed up|cooperated|joined (?:up )?|co[- ]?built|built) "
    r"(?:of|with|to) (?:the )?⟨(?P<a2>\d+)⟩ (?:in|for|on|at) (?:the )?⟨(?P<p2>\d+)⟩|"
    r"(?:co[- ]?buil[dt]|buil[dt]|develop(?:ed)?|set up|ran|run) (?:the )?⟨(?P<p3>\d+)⟩ "
    r"(?:together )?with (?:the )?⟨(?P<a3>\d+)⟩|"
    r"did (?:the )?⟨(?P<a4>\d+)⟩ (?:co[- ]?build|build|develop|set up|run) (?:the )?"
    r"⟨(?P<p4>\d+)⟩ (?:together )?with)")
_PARTNER_ZH = re.compile(
    r"⟨(?P<a1>\d+)⟩\s?(?:是)?\s?(?:和|跟|与|同)\s?(?:谁|哪个城市|哪个地方|哪家|哪方|哪一方)\s?"
    r"(?:一起|一道|共同|联合|合作)?\s?(?:共建|合建|建设?|开发|打造)(?:了|的)?\s?⟨(?P<p1>\d+)⟩|"
    r"⟨(?P<p2>\d+)⟩\s?(?:里|中|里面|当中|这个园区里)?\s?,?\s?⟨(?P<a2>\d+)⟩\s?的\s?"
    r"(?:合作方|合作伙伴|伙伴|搭档|合作城市)|"
    r"⟨(?P<p3>\d+)⟩\s?,?\s?⟨(?P<a3>\d+)⟩\s?(?:是)?\s?(?:和|跟|与|同)\s?(?:谁|哪个城市|哪个地方|哪家|"
    r"哪方|哪一方)\s?(?:一起|一道|共同|联合|合作)?\s?(?:共建|合建|建设?|开发|打造)")
_NOW = re.compile(r"现在|目前|当前|如今|\b(?:now|currently|today)\b")


def read_partner_in(question: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """The park and the builder named (ids), where the question asks the builder's partners
    in the park; else None."""
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    if len(mentions) != 2 or _NOW.search(q) or any(len(m.ids) != 1 for m in mentions):
        return None
    masked = masked_text(q, mentions)
    found = _PARTNER_EN.search(masked) or _PARTNER_ZH.search(masked)
    if found is None:
        return None
    groups = {k[0]: int(v) for k, v in found.groupdict().items() if v is not None}
    park, builder = (gaz.entities[mentions[groups[k]].ids[0]] for k in ("p", "a"))
    if park.label not in _PARKS or builder.label not in _BUILDERS:
        return None
    return park.id, builder.id


def partner_in(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
               gaz: Gazetteer) -> Any:
    """The answer to "who was A's partner in P" (`answer_fn`: answering.answer), or None where
    the question is not of that shape or the graph records no other builder of P."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.reading import read as read_words
    from queries.ask.text import names_in
    from queries.related import related
    from queries.within import related_within

    read = read_partner_in(question, gaz)
    if read is None:
        return None
    park_id, builder_id = read
    # (the builder's districts and seated bodies build for it: 南通 through 南通经开区)
    own = {r.start for i in related_within(store, builder_id, rel_type="CO_BUILDS",
                                           direction="out").items
           for r in i.relations if r.end == park_id}
    others = frozenset(i.entity.id for i in related(store, park_id, rel_type="CO_BUILDS",
                                                     direction="in").items) - own - {builder_id}
    if not others:
        return None
    park, builder = gaz.entities[park_id], gaz.entities[builder_id]
    intent = Intent("partner-in", "Who built {p} with {a}?", "{a}和谁一起建了{p}？", (),
                    (Slot("p"), Slot("a")),
                    (Step("related", ("{p}",), {"rel_type": "CO_BUILDS", "direction": "in"}),),
                    (), "related lists what CO_BUILDS {p}; {a}, asked about, is left out.")
    q, mentions = names_in(question, gaz)
    asked = read_words(masked_text(q, mentions), text=q).asked  # (which city: cities)
    parsed = Parsed(question, intent, mentions, {"p": park, "a": builder}, {}, (),
                    {park.id: park, builder.id: builder}, asked, False, False, (), others)
    got = answer_fn(store, parsed)
    return got if got.entities else None
