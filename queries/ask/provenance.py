"""Where a fact comes from: "which source says Shanghai Chengtou holds 60% of the Jianghai
park, and how much should I trust it?", "the Shibei science city facts - who published the page
behind them?", 启东—浦东协同园区的说法出自哪份文件, 这条信息的来源可靠吗.

Such a question names the things a claim is about and asks for its documents, not for the
things: read any other way it got the park's builders or a refusal for the figure (60%). The
answer is `sources_of` on the things named (queries/sources.py): each source with its
publisher, date, kind and the facts it backs with their confidence, strongest first.
"What does the article say about X" and "which articles mention X" ask what a text says
(queries/ask/mentions.py), so they are left to that reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.records import Intent, Slot, Step

_ASKED = re.compile(
    r"\b(?:which|what|whose) (?:sources?|documents?|pages?|reports?|papers?|references?|"
    r"publications?|outlets?)\b|\bsources?\b(?! of (?:growth|income|revenue|funding))|"
    r"\bwho (?:published|wrote|reported|says?|said|claims?)\b|\bpublished by\b|"
    r"\bwhere (?:does|do|did) (?:the graph|this|that|it|the data|the claim|this fact|"
    r"these facts|they) (?:come|get)\b|\bcomes? from\b|\b(?:based|rests?) on\b|"
    r"\bhow (?:sure|confident|certain|reliable|solid|trustworthy)\b|"
    r"\bhow much (?:should|can|do) (?:i|we|you) (?:trust|believe|rely)\b|"
    r"\bevidence\b|\bcited?\b|\bcitations?\b|\bmirror sites?\b|\bverified\b|"
    r"来源|出处|出自|依据|根据(?:什么|哪)|哪(?:篇|份|个|家)(?:报道|文件|文章|媒体|网站|资料|来源)|"
    r"谁(?:发布|发的|报道|说的)|可信|靠谱|可靠|证据|核实", re.I)
# what a text says, or which texts name a thing: the mentions reading
_MENTIONS = re.compile(r"\bmention(?:s|ed)?\b|\bsays? about\b|\bwrite about\b|\btalks? about\b|"
                       r"提到|提及|说了(?:些)?(?:什么|啥)|讲了(?:些)?(?:什么|啥)|怎么说", re.I)
_MAX_NAMED = 4  # a claim naming more is a list, not a fact to trace


def provenance(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
               gaz: Gazetteer) -> Any:
    """The sources of what the graph records of the things named (see the module's
    docstring), or None."""
    from queries.ask.parsing import Parsed
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    if not _ASKED.search(q) or _MENTIONS.search(q):
        return None
    things = []
    for mention in mentions:
        if len(mention.ids) != 1:
            return None  # (an ambiguous name: the other readings say which they took)
        thing = gaz.entities.get(mention.ids[0])
        if thing is None or thing.label == "Source":
            return None  # a document named: what it says is the mentions reading
        if thing not in things:
            things.append(thing)
    if not 1 <= len(things) <= _MAX_NAMED:
        return None
    names = "abcd"[:len(things)]
    slots = {n: t for n, t in zip(names, things, strict=True)}
    said = ", ".join("{" + n + "}" for n in names)
    intent = Intent(
        name="sources", question=f"Which sources state what the graph records of {said}?",
        question_zh=f"关于{said}的记录出自哪些来源？", cues=(),
        slots=tuple(Slot(n) for n in names),
        steps=(Step("sources_of", tuple("{" + n + "}" for n in names),
                    empty_on=("NoSourceRecorded",)),),
        examples=(),
        explain="sources_of lists each document the graph cites for "
                + ("the record of {a} and its relations" if len(things) == 1 else
                   "the relations between " + said)
                + ": publisher, date, kind, and the confidence of each fact it backs.")
    return answer_fn(store, Parsed(question, intent, tuple(mentions), slots, {},
                                   known={t.id: t for t in things}))
