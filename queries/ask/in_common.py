"""What two entities have in common, on several aspects at once: "What do Wuxi and Changzhou
have in common - industries, groupings?", 无锡和常州有什么共同点, "what do A and B share?".

Each aspect is its own question the catalogue already answers, asked of both:
- industries: the shared industries `links --via industry` finds (the same function `compare`
  uses, so the three agree);
- groupings (regions, circles, alliances, councils): what both are members of, take part in
  or lie in (MEMBER_OF, PARTICIPATES_IN, LOCATED_IN, their parts acting for them);
- parks both co-build, mechanisms both adopt, initiatives both take part in.
The aspects named are asked (by their kind words: industries, groupings, 产业, 圈子); none named,
all of them. A question that names one kind ("which industries do A and B share") is left to
the grammar, which answers it already.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from queries.ask.records import Intent, Slot, Step

# "have in common", "share", 共同点: what the two hold alike
_CUE = re.compile(r"\bin common\b|\bcommon ground\b|\bshared?\b|\bboth (?:have|hold)\b|"
                  r"共同点|共同之处|相同点|相同之处|共性|共通|都有什么|有什么一样|有啥一样|有何共同",
                  re.I)
# "do A and B have anything in common", 有没有共同点: what they share, not a yes or no
_ANYTHING = re.compile(r"\b(?:anything|something|much|a lot) in common\b|\bany common\b|"
                       r"\bshare anything\b|有没有(?:什么)?(?:共同|相同|一样)|有无共同", re.I)
# "parks, alliances, crossings, anything": every aspect, the named ones among them
_EVERY = re.compile(r"\banything\b|\beverything\b|\bwhatever\b|\betc\b|都行|任何|什么都|等等",
                    re.I)
_YES_NO = re.compile(r"^\s*(?:do|does|did|is|are|have|has)\b|吗\s*[？?]?\s*$|有没有|是否|是不是",
                     re.I)
# "what links/ties A and B - industries or alliances": the aspects named, each in common
_LINKS = re.compile(r"\blinks?\b|\bties?\b|\bconnects?\b|\bjoins?\b|联系|纽带|关联", re.I)
# the two said together: "A and B", A和B, "between A and B"
_TWO = re.compile(r"⟨0⟩\s?(?:,|and|&|with|vs\.?|versus|和|与|跟|同|及|、)\s?(?:the )?⟨1⟩")
# one asking phrase for a kind ("which industries …", 哪些产业): the grammar's question
_ONE_KIND = re.compile(r"^\s?(?:which|what)\s+[a-z]+\s+(?:do|does|did)\b|哪些|哪几")

# the aspects, each with the words that name it and the steps that answer it
_GROUPING_TYPES = ("MEMBER_OF", "PARTICIPATES_IN", "LOCATED_IN")


def _industries() -> list[Step]:
    return [Step("links", ("{a}", "{b}"), {"via": "industry"}, empty_on=("NoLinks",),
                 note_if_empty="No shared industry between {a} and {b}.")]


def _common(rel_types: tuple[str, ...], label: str) -> list[Step]:
    return [Step("common_within", ("{a}", "{b}"), {"rel_type": t, "label": label})
            for t in rel_types]


_ASPECTS: dict[str, tuple[re.Pattern[str], Callable[[], list[Step]]]] = {
    "industries": (re.compile(r"\bindustr\w*|\bsectors?\b|产业|行业"), _industries),
    "groupings": (re.compile(r"\bgroupings?\b|\bgroups?\b|\bregions?\b|\bcircles?\b|"
                             r"\bclusters? of cities\b|\bbelts?\b|\bblocs?\b|"
                             r"圈子|圈|城市群|经济带|区域|板块"),
                  lambda: [*_common(_GROUPING_TYPES, "Region"),
                           *_common(("LOCATED_IN",), "City")]),  # (启东, 海门: in 南通)
    "organisations": (re.compile(r"\balliances?\b|\borgani[sz]ations?\b|\bcouncils?\b|"
                                 r"\bbodies\b|\bgroupings?\b|\bmemberships?\b|联盟|组织|协调会|"
                                 r"圈子|成员"),
                      lambda: _common(("MEMBER_OF", "PARTICIPATES_IN"), "Organization")),
    "parks": (re.compile(r"\bparks?\b|园区|产业园|开发区"),
              lambda: _common(("CO_BUILDS",), "Park")),
    "crossings": (re.compile(r"\bcrossings?\b|\bbridges?\b|\btunnels?\b|\brailways?\b|"
                             r"\brail lines?\b|过江通道|通道|大桥|隧道|铁路|高铁"),
                  lambda: _common(("CONNECTS",), "Infrastructure")),
    "members": (re.compile(r"\bmembers?\b|\bmembership\b|\bparticipants?\b|成员|会员|参与方"),
                lambda: _common(("MEMBER_OF", "PARTICIPATES_IN"), ("City", "Region"))),
    "mechanisms": (re.compile(r"\bmechanisms?\b|机制"),
                   lambda: _common(("ADOPTS",), "Mechanism")),
    "initiatives": (re.compile(r"\binitiatives?\b|\bstrateg\w*|\bplans?\b|战略|规划|举措"),
                    lambda: _common(("PARTICIPATES_IN",), "Initiative")),
}
_ALL = ("industries", "groupings", "organisations", "parks", "mechanisms")
# aspects said as left out are not asked ("not councils or circles", 协调会那些不算, 除了园区)
_EXCEPT = re.compile(r"\b(?:not|except|excluding|other than|but not|leave out|leaving out|"
                     r"without)\b[^.?!;？。！；]*|(?:除了|不包括|不含|不要)[^，,。？?！!；;]*|"
                     r"[^，,。？?！!；;]*(?:不算|除外|不要)", re.IGNORECASE)
# two organisations (alliances): their members, what they take part in, their industries
_ALL_BODIES = ("industries", "members", "organisations", "initiatives")
_SIDES = frozenset({"City", "Region", "Park", "Organization"})


def in_common(answer: Callable[..., Any], store: Any, question: str, gaz: Any) -> Any:
    """The answer to "what do A and B have in common (on these aspects)", or None when the
    question is not of that form. `answer`: queries/ask/answering.py's (it calls this)."""
    from queries.ask.leftovers import respelt
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    if _YES_NO.search(question) and not _ANYTHING.search(question):
        return None  # ("do A and B share any industry": a verdict, read elsewhere)
    linking = _LINKS.search(question)  # "what links A and B - industries or alliances?"
    if not _CUE.search(question) and not linking:
        return None
    q, mentions = names_in(question, gaz)
    # a kind said by a name of many (crossings: every Yangtze crossing) is an aspect here
    mentions = tuple(m for m in mentions if len(m.ids) == 1 or not any(
        words.search(m.text) for words, _ in _ASPECTS.values()))
    notes: tuple[str, ...] = ()
    if len(mentions) == 1:  # "Wuxi and Chnagzhou": a misspelt name, read as it almost is
        fixed = respelt(question, gaz)
        if fixed is not None:
            q, mentions = names_in(fixed[0], gaz)
            notes = tuple(fixed[1])
    if len(mentions) != 2 or any(len(m.ids) != 1 for m in mentions):
        return None
    a, b = (gaz.entities.get(m.ids[0]) for m in mentions)
    if a is None or b is None or a.id == b.id or not {a.label, b.label} <= _SIDES:
        return None
    masked = masked_text(q, mentions)
    if not _TWO.search(masked):
        return None  # the two not said together ("what share of X did Y hold": a stake)
    kept = _EXCEPT.sub(" ", masked)  # "just alliances, not councils or circles": alliances
    named = [name for name, (words, _) in _ASPECTS.items() if words.search(kept)]
    if len(named) == 1 and _ONE_KIND.search(masked):
        return None  # "which industries do A and B share": the grammar's own question
    if linking and not _CUE.search(question) and len(named) < 2:
        return None  # what links them on one aspect (or any): links and why answer it
    bodies = a.label == b.label == "Organization"
    every = list(_ALL_BODIES if bodies else _ALL)
    if _EVERY.search(question) or _ANYTHING.search(question):
        named = [*every, *(n for n in named if n not in every)]  # (anything: all, as named)
    aspects = named or every
    steps = [step for name in aspects for step in _ASPECTS[name][1]()]
    said = ", ".join(aspects)
    intent = Intent(
        name="in-common:" + "+".join(aspects),
        question=f"What do {{a}} and {{b}} have in common ({said})?",
        question_zh=f"{{a}}和{{b}}有什么共同点（{said}）？",
        cues=(), slots=(Slot("a"), Slot("b")), steps=tuple(steps), examples=(),
        explain=f"Each aspect asked of both: {said}. Shared industries are those links "
                "--via industry finds (as compare does); groupings and organisations what "
                "both are members of, take part in or lie in (their districts acting for "
                "them); parks both co-build; mechanisms both adopt.")
    parsed = Parsed(question, intent, mentions, {"a": a, "b": b}, {}, notes=notes,
                    known={a.id: a, b.id: b})
    got = answer(store, parsed)
    return got if got.entities else None  # nothing in common here: read the usual way
