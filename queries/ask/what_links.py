"""What links two entities that no road links: the parks, memberships and industries between
them, through a third entity, as `links --via any` ranks them.

"What links CSSD, the Suzhou Industrial Park developer, to Jiaxing?" (the Jiashan park CSSD
co-builds with 嘉善县, a county of Jiaxing), "What ties Taixing to Shanghai?" (the park in 泰兴
that 上海's 金桥集团 co-builds), 中新集团和嘉兴有什么关系. "Links" and "connects" are also the
verbs of CONNECTS (a bridge links two banks), so such a question was read as what connects one
of the two, the other left out. Neither being a bridge, a tunnel or a railway, it asks how the
two are related. The table's connection reading answers where it finds anything; otherwise the
links through what lies between them, each with how its path runs (`links`, so the answer
agrees with `links` and `compare` on the same pair), the relations stated between them (`why`)
and what relates to both (a bridge that lands in each, a circle both belong to:
`common_within`); with none of these, the shortest routes.

An appositive that describes the first ("CSSD, the Suzhou Industrial Park developer") is
wording, not a third entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.records import Intent, Slot, Step

_LINKING = frozenset({"City", "Region", "Organization", "Park"})
_ROLE = r"(?:developer|operator|builder|owner|investor|company|group|firm|body|agency)"
# "⟨a⟩ the ⟨n⟩ developer", "⟨a⟩ the developer of ⟨n⟩": the first, described
_APPOSITIVE = (rf"(?:\s(?:the|its|a)\s(?:⟨(?P<desc>\d+)⟩\s)?(?:\w+\s){{0,2}}?{_ROLE}\b"
               rf"(?:\sof\s(?:the\s)?⟨(?P<desc2>\d+)⟩)?)?")
# "… together? parks, alliances, crossings, anything": the kinds of link wanted, all of them
_ASPECTS = (r"(?:parks?|alliances?|crossings?|bridges?|industr(?:y|ies)|memberships?|circles?|"
            r"mechanisms?|railways?|anything|everything|whatever|etc|or|and|else|other)")
_EN = re.compile(
    rf"^\s?(?:so\s)?(?:what|how)\s(?:exactly\s|actually\s|else\s)?(?:links?|ties?|connects?|"
    rf"binds?|joins?|relates?|is|are|does)\s(?:the\s)?⟨(?P<a>\d+)⟩{_APPOSITIVE}\s?"
    rf"(?:(?:linked|tied|connected|related)\s)?(?:to|and|with)\s(?:the\s)?⟨(?P<b>\d+)⟩"
    rf"(?:\s(?:linked|tied|connected|related))?(?:\s(?:together|today|now))?"
    rf"(?P<tail>\s?[-:]?\s?(?:(?:{_ASPECTS}|⟨\d+⟩)\s?)+)?\s?$")
_ZH = re.compile(
    r"^\s?⟨(?P<a>\d+)⟩\s?(?:和|与|跟|同)\s?⟨(?P<b>\d+)⟩\s?(?:之间)?\s?(?:到底|究竟)?\s?"
    r"(?:有|存在|是)?\s?(?:什么|啥|哪些|何种|怎样的)\s?(?:联系|关系|关联|纽带|交集|渊源|瓜葛)\s?"
    r"(?:吗|呢|呀)?\s?$")


def what_links(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
               gaz: Gazetteer) -> Any:
    """How two entities are linked, through what lies between them (see the module's
    docstring), or None."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    if len(mentions) < 2:
        return None
    masked = masked_text(q, mentions)
    found = _EN.search(masked) or _ZH.search(masked)
    if found is None:
        return None
    tail = found.groupdict().get("tail") or ""
    if tail and len(re.findall(rf"{_ASPECTS}|⟨\d+⟩", tail)) < 2:
        return None  # "across the river", "through parks": a kind asked, not a list of all
    said = {int(n) for n in re.findall(r"⟨(\d+)⟩", masked[:found.start("tail")]
                                        if tail else masked)}
    used = {int(found.group("a")), int(found.group("b"))}
    desc = found.groupdict().get("desc") or found.groupdict().get("desc2")
    if said != used | ({int(desc)} if desc is not None else set()):
        return None  # a third entity said that is not the first's description
    if any(len(mentions[n].ids) != 1 for n in used):
        return None
    a, b = (gaz.entities.get(mentions[int(found.group(s))].ids[0]) for s in ("a", "b"))
    if a is None or b is None or a.label not in _LINKING or b.label not in _LINKING:
        return None  # (a bridge links banks: the CONNECTS readings answer that)
    table = _table_connection(question, gaz)
    if table is not None:  # the table's connection reading (why, common, routes), if it finds
        got = answer_fn(store, table)
        if got.entities:
            return got
    pair = ("{a}", "{b}")
    intent = Intent(
        name="what-links", question="What links {a} and {b}?", question_zh="{a}和{b}有什么联系？",
        cues=(), slots=(Slot("a"), Slot("b")),
        steps=(Step("links", pair, {"via": "any"}, empty_on=("NoLinks",)),
               Step("why", pair, empty_on=("NoDirectRelation", "NoPath"), also=True,
                    note="The relations the graph states between them:"),
               Step("common_within", pair, {}, also=True,
                    note="What the graph relates to both (a crossing, a circle, an alliance):"),
               Step("shortest_paths", pair, {"k": 5}, empty_on=("NoPath",),
                    only_if_empty=True, note="The shortest routes between them:")),
        examples=(),
        explain="links --via any ranks what lies between {a} and {b} (parks one builds in the "
                "other or both build, memberships, industries), each with how its path runs; "
                "why lists the relations stated between them; common_within what relates to "
                "both (their parts counting); with none of these, shortest_paths.")
    known = {e.id: e for e in (a, b)}
    return answer_fn(store, Parsed(question, intent, tuple(mentions), {"a": a, "b": b}, {},
                                   known=known))


def _table_connection(question: str, gaz: Gazetteer) -> Any:
    """The question read whole as the table's connection question ("how is A connected to
    B": the relations between them, what relates to both, the routes), or None."""
    from queries.ask.guard import read_checked
    from queries.ask.parsing import Unmappable

    try:
        parsed = read_checked(question, gaz)
    except Unmappable:
        return None
    return parsed if parsed.intent.name == "connection" else None
