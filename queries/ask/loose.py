"""The loose reading, tried last: every thing of the kind asked that the graph relates to the
one or two entities named, by any relation, said to be that.

A question no reading maps ("江北的南通都在向哪些地方取经", "which parks is the Sutong park
hooked up with") still says what it asks for (哪些地方, parks) and about what. Rather than
refuse, `ask` lists what the graph records of that kind next to that entity (next to both,
for two), each with the relation it rests on, and says first that this is a loose reading:
which words it did not read and that the answer is every <kind> related, not the relation
meant. A question that names no kind, asks a figure or property, names something the graph
does not hold (GDP, "Beijing"), or names an entity ambiguously is still refused: the loose
reading needs a kind and an anchor it is sure of.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store

_MOST = 2  # entities named: one, or two (what relates to both)
_MOST_UNREAD = 3  # words not read: more, and the question says more than a verb
# A Chinese word not read that ends as names of things end (走廊, 园区, 公司) or is long, or
# holds letters or digits (G60): a name the graph does not hold, not a verb.
_NAME_END = re.compile(r"(?:走廊|园区|园|区|带|圈|城|港|桥|路|线|站|公司|集团|大学|学院|中心|"
                       r"局|委|办|会|所|项目|工程|计划|规划|纲要|行动|方案|基金)$")


# Words that ask for any relation (有关系, "connected to"): no verb left unread
_ANY_RELATION = re.compile(r"关系|有关|相关|关联|联系|挂钩|牵连|沾边|打交道|往来|来往|交集|"
                           r"\b(?:related|relations?|relationships?|connected|connections?|"
                           r"linked|links?|ties|tied|associated|to do with)\b", re.IGNORECASE)


def _names_something(word: str) -> bool:
    han = re.sub(r"[^\u4e00-\u9fff]", "", word)
    if not han:
        return False
    return bool(re.search(r"[A-Za-z0-9]", word)) or len(han) >= 4 or bool(_NAME_END.search(han))


def _read_loosely(question: str, gaz: Gazetteer) -> tuple[Any, Any, list[Any], list[str]] | None:
    """(reading, masked, mentions, words not read) of a question, or None."""
    from queries.ask.colloquial import plain
    from queries.ask.leftovers import leftover_words, original
    from queries.ask.phrases import masked_text
    from queries.ask.reading import find, label_words, read
    from queries.ask.text import names_in

    said = plain(question)
    q, mentions = names_in(said, gaz)
    if not mentions:
        return None
    masked = masked_text(q, mentions)
    reading = read(masked, text=q)
    read_words = [(h.start, h.end) for h in (*reading.verbs, *reading.questions,
                                             *find(label_words(), masked))]
    unread = [original(said, w) for w in leftover_words(masked, read_words)]
    unread = [w for w in unread if not _ANY_RELATION.fullmatch(w.strip())]
    return reading, masked, list(mentions), list(dict.fromkeys(unread))


def _note(kinds: str, about: str, two: bool, unread: list[str], lead: str) -> str:
    words = f" (not read: {', '.join(repr(w) for w in unread)})" if unread else ""
    return (f"Loose reading: {lead}{words}; listed is every {kinds or 'entity'} the graph "
            f"relates to {about}" + (" (to both)" if two else "")
            + " by any relation, each with the relation it rests on. Check that it is the "
            "relation you meant.")


# Words that ask a comparison, a direction or a ranking: no list of related things answers
# them (哪些城市比南通发达, "which parks are north of Nantong", 离南通最近)
_COMPARED = re.compile(r"比|最|超过|超越|领先|落后|发达|北边|南边|东边|西边|以北|以南|以东|以西|"
                       r"\b(?:than|most|least|north|south|east|west|nearest|closest|"
                       r"farthest|bigger|larger|smaller|richer|poorer|ahead|behind)\b",
                       re.IGNORECASE)


_PLACE_LIKE = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:州|市|县|区|镇|岛)$")


def said_loosely(got: Any, gaz: Gazetteer) -> Any:
    """The answer, with the loose-reading note where the grammar read no relation in the
    question's words and answered with any relation ("哪些城市跟南通挂钩"); refused where
    those words ask a comparison or a direction, or say what is not so (but a state)."""
    from dataclasses import replace

    from queries.ask.filters import split_by_state
    from queries.ask.negated import says_not
    from queries.ask.parsing import Unmappable
    from queries.ask.said_states import STATES, without_states

    parsed = getattr(got, "parsed", None)
    if parsed is None or not parsed.intent.name.startswith("relation:ANY"):
        return got
    if any(n.startswith("Loose reading") for n in parsed.notes):
        return got
    found = _read_loosely(parsed.question, gaz)
    if found is None or not found[3]:
        return got  # "what is X connected to", 有什么关系: any relation is what it asks
    asks = [w for w in found[3] if _COMPARED.search(w)]
    # a negation the grammar left ("never push"), unless it says a state it read ("only
    # planned, not started": the status asked, filters.py)
    negated = says_not(without_states(parsed.question)) and not any(
        f.prop == "status" or f.op == "rel" for f in parsed.filters)
    # a Chinese place name the graph does not hold (杭州和苏州…: Hangzhou left unread)
    asks = asks or [w for w in found[3] if _PLACE_LIKE.match(w)]
    # a state said of what records one ("aren't open yet": crossings), and not applied
    held = any(f.prop == "status" for f in parsed.filters) or (
        parsed.asked is not None and "Infrastructure" not in parsed.asked) or split_by_state(
        parsed.question)  # (哪些已经通了、哪些还在修: every one, each with its state)
    state = next((m.group() for pattern, _ in STATES if (m := pattern.search(parsed.question))),
                 None) if not held else None
    if asks or negated or state:
        said = asks[0] if asks else state if state else "a negation"
        raise Unmappable(parsed.question, f"I read no relation in this question, and it asks "
                         f"more than what is related ({said!r}): the graph holds relations, "
                         "not comparisons, directions or what is not so, and a state said "
                         "must be applied, not left out.",
                         recognised=list(parsed.slots.values()), final=True)
    entities = list(parsed.slots.values())
    kinds = "/".join(sorted(parsed.asked or ()))
    note = _note(kinds, " and ".join(e.display for e in entities), len(entities) == 2,
                 found[3], "no word of the question names a relation I read")
    return replace(got, parsed=replace(parsed, notes=(*parsed.notes, note)))


def loosely(answer: Callable[..., Any], store: Store, question: str, gaz: Gazetteer) -> Any:
    """Every thing of the kind asked that the graph relates to the entities named, as an
    answer that says it is a loose reading; None where that does not apply."""
    from queries.ask.colloquial import plain
    from queries.ask.filters import kind_filters
    from queries.ask.mentions import lexicon_words, unheld_in
    from queries.ask.negated import says_not
    from queries.ask.parsing import Parsed
    from queries.ask.reading import find
    from queries.ask.shapes import relation_intent
    from queries.ask.stray import names_like

    said = plain(question)
    if unheld_in(said, gaz) or says_not(said):
        return None  # a figure not held; what is not so (哪些城市不在搞X)
    found = _read_loosely(question, gaz)
    if found is None:
        return None
    reading, masked, mentions, unread = found
    if not 1 <= len(mentions) <= _MOST or any(len(m.ids) != 1 for m in mentions):
        return None
    ids = [m.ids[0] for m in mentions]
    if len(set(ids)) != len(ids) or any(i not in gaz.entities for i in ids):
        return None
    if any(not any(w.casefold() in m.text for m in mentions)
           for w in names_like(said) if not find([(w.casefold(), w)], lexicon_words())):
        return None  # "the Lanhai project": a name the graph does not hold
    if (reading.asked is None or reading.phrase is None or reading.property or reading.where
            or kind_filters(masked, reading.phrase)):
        # a kind said in words (哪些地方, parks), not only 谁 or who (who is the mayor);
        # universities, bridges: a kind within the label, kept to as asked
        return None
    entities = [gaz.entities[i] for i in ids]
    if any(_names_something(w) or _PLACE_LIKE.match(w) for w in unread) \
            or len(unread) > _MOST_UNREAD:
        return None  # G60科创走廊, 杭州, "the chain-strengthening action": a name not held
    if any(_COMPARED.search(w) for w in unread):
        return None  # 比南通发达, "north of": not a relation
    intent = relation_intent([(None, "both")], reading.asked, {}, "relate to",
                             two=len(entities) == 2)
    slots = dict(zip(("x", "y"), entities, strict=False))
    note = _note("/".join(sorted(reading.asked)), " and ".join(e.display for e in entities),
                 len(entities) == 2, unread, "no reading of mine maps this question")
    parsed = Parsed(question, intent, tuple(mentions), slots, {}, (note,),
                    {e.id: e for e in entities}, reading.asked, reading.count)
    got = answer(store, parsed)
    if not got.entities or got.kind_note:
        return None
    return got
