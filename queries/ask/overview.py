"""Questions that ask about one thing as a whole: "tell me about X", X是什么情况, X咋样, 介绍一下X,
"what is X", X概况, or the name alone. They are answered with X in brief (queries/overview.py):
its key related things grouped by relation, ranked and bounded, with their sources; `show`
prints everything.

Read only when the question, X taken out, is one of these frames and nothing else: "X的产业
概况" or "what is X's area" are other questions, left to the table and the grammar.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.gazetteer import Gazetteer
from queries.ask.phrases import masked_text
from queries.ask.records import Intent, Slot, Step
from queries.ask.terse import Brief
from queries.ask.text import names_in

_ZH_BEFORE = (r"(?:请|麻烦|帮我|给我|跟我|和我)?\s?(?:简单|大概|大致|详细)?\s?"
              r"(?:介绍一下|介绍下|介绍|说说|说一下|说下|讲讲|讲一下|聊聊|谈谈|解释一下|解释|"
              r"概述一下|概述|了解一下|看看|查一下|查查)?\s?")
_ZH_AFTER = (r"(?:的)?(?:是什么|是啥|是谁|是个啥|是个什么|是什么东西|是啥东西|是干啥的|是干什么的|"
             r"是什么情况|是啥情况|什么情况|啥情况|情况如何|情况怎么样|情况咋样|怎么样|咋样|如何|"
             r"概况|简介|介绍|情况|基本情况|总体情况|整体情况|全貌|画像|档案|"
             r"有什么|都有什么|有些什么)?"  # (南通有啥: what the graph has of it, in brief)
             r"(?:啊|呀|呢|呗|吧|嘛|来着)?")
_EN_BEFORE = (r"(?:(?:please|pls|can you|could you)\s)?"
              r"(?:tell me (?:more )?about|tell me something about|describe|explain|"
              r"(?:give me |get me )?(?:an |a )?(?:overview|summary|profile|rundown) (?:of|on)|"
              r"what do (?:you|we) know about|what is known about|what about|how about|"
              r"info on|information (?:on|about)|about|show me|brief me on|"
              # ("what's X": the prepared text says "what X")
              r"what(?:'s| is| are| was)?|who(?:'s| is| are| was)?)?\s?(?:the\s)?")
_EN_AFTER = r"(?:\s(?:overview|profile|summary|in brief|at a glance|info|basics))?"
_FRAME = re.compile(rf"^\s?(?:{_ZH_BEFORE}⟨0⟩\s?{_ZH_AFTER}|{_EN_BEFORE}⟨0⟩{_EN_AFTER})\s?$")

OVERVIEW = Intent(
    "show", "What is {a}?", "{a}是什么？", (), (Slot("a", None),),
    (Step("overview", ("{a}",)),),
    ("Tell me about Suzhou Industrial Park", "启东是什么情况", "海门咋样", "南通概况"),
    "overview lists what the graph relates to {a}, grouped by relation, the best attested "
    "first and at most five of each (estuary show {a}: everything), with their sources.",
    priority=10)


# What X is (a definition asked): X itself, with nothing else said around it.
_WHAT_IS = re.compile(r"^\s?(?:(?:what|who)(?:'s| is| are| was)?\s(?:the\s)?⟨0⟩|"
                      r"⟨0⟩\s?(?:的)?(?:是什么|是啥|是谁|是个啥|是个什么|是什么东西|是啥东西|是干啥的|"
                      r"是干什么的)(?:啊|呀|呢|呗|吧|嘛|来着)?)\s?$")
# The name alone (a search box): the same overview, answered by the thing itself.
NAMED = replace(OVERVIEW, steps=(Step("overview", ("{a}",), {"lists_related": False}),))


def overview_reading(question: str, gaz: Gazetteer) -> Brief | None:
    """The question read as one asking about an entity as a whole (`OVERVIEW`), or None."""
    q, mentions = names_in(question, gaz)
    if len(mentions) != 1:
        return None
    masked = re.sub(r"[?？!！.。]", " ", masked_text(q, mentions)).strip()
    if not _FRAME.match(masked):
        return None
    ids = list(dict.fromkeys(mentions[0].ids))
    if len(ids) != 1:
        named = [i for i in ids if i in gaz.named(mentions[0].text)]
        if len(named) != 1:
            return None  # ambiguous: the table says which names it could be
        ids = named
    entity = gaz.entities[ids[0]]
    known = {i: gaz.entities[i] for i in mentions[0].ids if i in gaz.entities}
    if masked == "⟨0⟩" or _WHAT_IS.match(masked):
        # the name alone, "what is X", X是什么: the thing itself is the answer (its overview
        # shown); "tell me about X", X是什么情况: what the overview shows answers with it
        return Brief(NAMED, {"a": entity}, mentions, known)
    return Brief(OVERVIEW, {"a": entity}, mentions, known)
