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
    r"来源|出处|出自|依据|根据(?:什么|哪)|"
    r"哪(?:篇|份|个|家|条)(?:报道|文件|文章|媒体|网站|资料|材料|报告|新闻|消息|来源)|"
    r"(?:从|打)哪(?:里|儿)?(?:来|出来)的|哪(?:里|儿)来的|"
    r"谁(?:发布|发的|报道|说的)|可信|靠谱|可靠|证据|核实", re.I)
# what a text says, or which texts name a thing: the mentions reading
_MENTIONS = re.compile(r"\bmention(?:s|ed)?\b|\bsays? about\b|\bwrite about\b|\btalks? about\b|"
                       r"提到|提及|说了(?:些)?(?:什么|啥)|讲了(?:些)?(?:什么|啥)|怎么说", re.I)
# who wrote or put out a document named (the seed article, a page the graph cites)
_WHO_WROTE = re.compile(r"\bwho (?:wrote|authored|published|put out|issued)\b|\bauthors?\b|"
                        r"\bpublish(?:er|ed|ing)\b|\bwhere (?:was|is) it (?:published|from)\b|"
                        r"作者|谁写|谁发|发表|刊登|刊发|出版|发布|"
                        r"哪(?:家|个)(?:媒体|单位|机构)", re.I)
# the article the dataset grows from (documents are no names a question can say: the
# gazetteer leaves sources out)
_THE_ARTICLE = re.compile(r"\b(?:the|this|that) (?:seed |source |original |underlying )?"
                          r"article\b|\bwu xinming'?s? (?:article|piece)\b|"
                          r"种子文章|原文|(?:这|那)篇(?:文章)?|"
                          r"吴新明(?:的|那篇|这篇)?(?:文章)?|^文章|文章(?:的|是)", re.I)
SEED = "source:seed-article"
_MAX_NAMED = 4  # a claim naming more is a list, not a fact to trace
# a figure said with a percent sign, or split in parts (51/39/10), is a share
_PERCENT = re.compile(r"\d\s?(?:%|％|percent\b|per cent\b)|百分之|\d+(?:\s?/\s?\d+){1,}|\d\s?成|"
                      r"\b(?:share|shares|split|stake|stakes|shareholding)\b|股比|股权|持股|占股|几成")


def fact_asked(masked: str, q: str) -> str:
    """The property a claim traced names ("the 60% stake", 成立时间的出处), or ''."""
    from queries.ask.reading import read
    from queries.sources import FACTS

    if _PERCENT.search(masked):
        return "share"
    said = (read(masked, text=q).property or "").split("+")
    return next((p for p in said if p in FACTS), "")


def provenance(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
               gaz: Gazetteer) -> Any:
    """The sources of what the graph records of the things named (see the module's
    docstring), or None."""
    from queries.ask.colloquial import plain
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    q, mentions = names_in(plain(question), gaz)  # (a remark that sources differ is no ask)
    if not mentions and _THE_ARTICLE.search(q) and _WHO_WROTE.search(q) and not _kind_asked(q):
        return _document(answer_fn, store, question)  # who wrote the article: its record
    if not _ASKED.search(q) or _MENTIONS.search(q) or _kind_asked(masked_text(q, mentions)):
        return None  # (经验出自哪个区域: a region asked, not a document)
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
    fact = fact_asked(masked_text(q, mentions), q)
    intent = Intent(
        name="sources", question=f"Which sources state what the graph records of {said}?",
        question_zh=f"关于{said}的记录出自哪些来源？", cues=(),
        slots=tuple(Slot(n) for n in names),
        steps=(Step("sources_of", tuple("{" + n + "}" for n in names),
                    {"fact": fact} if fact else {}, empty_on=("NoSourceRecorded",)),),
        examples=(),
        explain="sources_of lists each document the graph cites for "
                + ("the record of {a} and its relations" if len(things) == 1 else
                   "the relations between " + said)
                + ": publisher, date, kind, and the confidence of each fact it backs.")
    return answer_fn(store, Parsed(question, intent, tuple(mentions), slots, {},
                                   known={t.id: t for t in things}))


def _kind_asked(masked: str) -> bool:
    """Does the question (its names masked) ask for a kind other than a document (作者是哪个
    机构的书记: a body; 经验出自哪个区域: a region)?"""
    from queries.ask.reading import find, label_words

    return any(hit.value != "Source" and re.search(r"哪|\b(?:which|what)\b", masked[
        max(0, hit.start - 12):hit.start], re.I) for hit in find(label_words(), masked.lower()))


def _document(answer_fn: Callable[[Store, Any], Any], store: Store, question: str) -> Any:
    """Who wrote or published the article: its own record (author, publisher, date, kind)
    and what it backs."""
    from queries.ask.parsing import Parsed

    found = store.entities({SEED})
    if SEED not in found:
        return None
    document = found[SEED]

    intent = Intent(
        name="source_record", question="Who wrote and published {a}?",
        question_zh="{a}的作者和发布者是谁？", cues=(), slots=(Slot("a"),),
        steps=(Step("show", ("{a}",)),), examples=(),
        explain="{a} is a document the graph cites: its record names its author, publisher, "
                "date and kind of source.")
    return answer_fn(store, Parsed(question, intent, (), {"a": document}, {},
                                   known={document.id: document}))
