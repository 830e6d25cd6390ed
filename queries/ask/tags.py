"""A keyword query with what it asks said as a tag ("Shanghai national ETDZs - how many?",
"Nantong parks - list?", "IC alliance: members?", 南通的园区——有几个?) or before it ("how many
Shanghai ETDZs"): the tag is taken off, and a count tag makes the query a count.

Only a tag that asks for the list or its size is taken: what is left must still read as a
keyword query (terse.py) for anything to be answered, so a tag never turns a sentence into
one.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer

_MARK = r"\s*(?:[-–—:：,，;；]+|\.\.\.|…+)\s*"
_END = r"\s*[?？!！.。]*\s*$"
_COUNT_EN = (r"how many(?: are there| in all| in total| altogether)?|number(?: of them)?|"
             r"count(?: them)?|total|how many of them")
_COUNT_ZH = (r"(?:一共|总共|共)?(?:有)?(?:几个|几家|几座|几条|多少个|多少家|多少座|多少条|多少)"
             r"(?:呢)?")
_LIST_EN = (r"list(?: them| please| all)?|which(?: ones?)?|what are they|which are they|"
            r"names|any|all of them|who")
_LIST_ZH = r"(?:都)?有哪些|有啥|有什么|哪些|列一下|列出来|都是谁|有谁"
_TAG = re.compile(rf"{_MARK}(?:(?P<count>{_COUNT_EN}|{_COUNT_ZH})|(?P<list>{_LIST_EN}|"
                  rf"{_LIST_ZH})){_END}", re.IGNORECASE)
# "IC alliance: members?": the tag is a word of the query, said after a mark
_WORD_TAG = re.compile(rf"{_MARK}(?P<word>members?|membership|成员|成员单位|partners?){_END}",
                       re.IGNORECASE)
_LEADING = re.compile(r"^\s*(?:how many|number of|count(?: of)?)\s+(?!.*\b(?:is|are|does|do|"
                      r"did|has|have|was|were)\b)", re.IGNORECASE)


def peeled(question: str) -> tuple[str, bool]:
    """The query without its tag, and whether the tag asks how many (the same text and False
    where it has none)."""
    found = _TAG.search(question)
    if found and found.start() > 0:
        return question[:found.start()].strip(), bool(found.group("count"))
    said = _WORD_TAG.search(question)
    if said and said.start() > 0:
        return f"{question[:said.start()].strip()} {said.group('word')}", False
    lead = _LEADING.match(question)
    if lead and question[lead.end():].strip():
        return re.sub(r"[?？]\s*$", "", question[lead.end():]).strip(), True
    return question, False


# "Sutong park - who were the shareholders?", "SIP: what does it focus on?": the topic said
# first, then the question about it, with a pronoun for it or a noun of its
_TOPIC = re.compile(r"^\s*(?!(?:who|what|which|how|when|where|why|is|are|does|do|did|has|"
                    r"have|can|tell|list|show)\b)(?P<topic>[^-–—:：?？,，]{2,60}?)"
                    r"(?:\s+[-–—]+\s*|\s*[:：]\s*)(?P<q>(?:who|what|which|how|when|where)\b.+)$",
                    re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|they|them)\b")
_POSSESSIVE = re.compile(r"\b(?:its|their)\b")
_NOUN = re.compile(r"\bthe (?!same\b|most\b)([a-z]+(?:-[a-z]+)?)\b")


def topic_first(question: str, gaz: Gazetteer) -> str | None:
    """The question with its topic said where the question speaks of it: for the pronoun
    ("what does it focus on" -> "what does SIP focus on") or after its first noun ("who
    were the shareholders" -> "who were the shareholders of Sutong park"); None when the
    question is not so said, or the topic is not one name the graph holds ("Looking for a
    park with … - which ones have it?" is no topic)."""
    from queries.ask.text import names_in

    found = _TOPIC.match(question)
    if found is None:
        return None
    topic, asked = found.group("topic").strip(), found.group("q")
    q, mentions = names_in(re.sub(r"^(?:the|a|an)\s+", "", topic, flags=re.IGNORECASE), gaz)
    if len(mentions) != 1 or mentions[0].text.strip() != q.strip():
        return None
    if _POSSESSIVE.search(asked):
        return _POSSESSIVE.sub(f"{topic}'s", asked, count=1)
    if _PRONOUN.search(asked):
        return _PRONOUN.sub(topic, asked, count=1)
    noun = _NOUN.search(asked)
    if noun is None:
        return None
    return f"{asked[:noun.end()]} of {topic}{asked[noun.end():]}"


def kind_tagged(question: str) -> str | None:
    """A kind alone with a tag ("alliances - list?", "Crossings: how many?", 过江通道——有几条)
    said as the grammar's question (Which alliances are there? How many crossings are
    there?); None for anything else."""
    from queries.ask.dated import _kind_word

    rest, count = peeled(question)
    if rest == question or not _kind_word(rest):
        return None
    if rest.isascii():
        return f"How many {rest} are there?" if count else f"Which {rest} are there?"
    return f"一共有几个{rest}" if count else f"有哪些{rest}"


def kind_led(question: str) -> str | None:
    """A kind said first, then what narrows it, with a tag ("rail link from Shanghai to
    Nantong - which one", "bridges across to Suzhou - how many?"), said as the grammar's
    question (Which rail link from Shanghai to Nantong?); None for anything else."""
    from queries.ask.reading import label_words

    rest, count = peeled(question)
    if rest == question or not rest.isascii() or kind_tagged(question) is not None:
        return None
    low = rest.casefold()
    words = sorted({str(w).casefold() for w, _ in label_words() if str(w).isascii()},
                   key=len, reverse=True)
    if not any(low.startswith(w + " ") for w in words):
        return None
    return f"How many {rest}?" if count else f"Which {rest}?"
