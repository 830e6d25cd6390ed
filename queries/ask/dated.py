"""A kind asked with a date, said the way a search box is ("Co-built parks set up since 2020?",
2015年以后成立的共建园区, "parks approved before 2010", 2010年以前获批的园区有哪些): said as the
question the grammar reads ("Which co-built parks were set up since 2020?"), whose answer keeps
what the graph dates so (a park's `established`, a line's `opened`) and says which date.

Only a question that says nothing but the kind, the date and a verb of founding is said so:
a name, a place or any other word leaves the question as it is.
"""

from __future__ import annotations

import re

from queries.ask.reading import label_words

# the verb said, as the English question says it (opened for a line, set up for the rest)
_VERBS_EN = (r"set up|established|founded|approved|opened|launched|started|created|built|"
             r"inaugurated|begun|began")
_VERBS_ZH = r"成立|设立|获批|批准|批复|开通|通车|建成|揭牌|开园|启动|设|建|批"
_OPENED = re.compile(r"opened|开通|通车|建成")
_EN = re.compile(rf"^\s*(?:which |what |list |show )?(?:all )?(?:the )?(?P<kind>[a-z][a-z\s-]*?)"
                 rf"\s+(?:that |which )?(?:(?:were|was|are|got|have been|has been) )?"
                 rf"(?:(?P<verb>{_VERBS_EN})\s+)?(?P<op>since|after|before|prior to|from|"
                 rf"later than|earlier than)\s+(?P<year>\d{{4}})\s*(?:onwards?|on)?"
                 rf"\s*[?？.!]*\s*$", re.IGNORECASE)
# (2015年以后, 之后: from that year on, the year itself counting, as filters.read_filters reads it)
_ZH_OPS = {"以后": "since", "之后": "since", "后": "after", "以来": "since", "起": "since",
           "以前": "before", "之前": "before", "前": "before"}
_ZH_DATE = r"(?P<year>\d{4})\s*年?\s*(?P<op>以后|之后|以来|以前|之前|起|后|前)"
_ZH_TAIL = r"(?:有哪些|是哪些|有啥|有什么|都有哪些|有几个|是什么)?\s*[?？。!！]*\s*$"
_ZH = (re.compile(rf"^\s*(?:自\s*)?{_ZH_DATE}\s*(?:(?P<verb>{_VERBS_ZH})\s*)?(?:了|的)?\s*"
                  rf"(?:哪些)?(?P<kind>[\u4e00-\u9fff]+?){_ZH_TAIL}"),
       re.compile(rf"^\s*哪些(?P<kind>[\u4e00-\u9fff]+?)\s*(?:是|在|于)?\s*{_ZH_DATE}\s*"
                  rf"(?:(?P<verb>{_VERBS_ZH})\s*)?(?:的)?\s*[?？。!！]*\s*$"),
       re.compile(rf"^\s*哪些(?P<kind>[\u4e00-\u9fff]+?)\s*(?P<verb>{_VERBS_ZH})于\s*"
                  rf"{_ZH_DATE}\s*[?？。!！]*\s*$"))
# The Chinese kind words said in English (the grammar's reading of a dated kind is English).
_KIND_EN = {"共建园区": "co-built parks", "合作园区": "co-built parks", "共建园": "co-built parks",
            "跨江园区": "cross-river parks", "园区": "parks", "开发区": "parks", "产业园": "parks",
            "经开区": "ETDZs", "高新区": "HTZs", "过江通道": "crossings", "通道": "crossings",
            "大桥": "bridges", "桥": "bridges", "铁路": "railways", "高铁": "railways",
            "隧道": "tunnels", "联盟": "alliances", "产业联盟": "alliances", "机制": "mechanisms"}
_MODIFIERS = ("co-built ", "jointly built ", "cross-river ", "national ", "new ")


def _kind_word(said: str) -> bool:
    """Whether the words name a kind the lexicon reads (parks, co-built parks)."""
    words = {str(w).casefold() for w, _ in label_words()}
    said = said.strip().casefold()
    while True:
        if said in words:
            return True
        rest = next((said[len(m):] for m in _MODIFIERS if said.startswith(m)), None)
        if rest is None:
            return False
        said = rest


def dated_plainly(question: str) -> str | None:
    """The question said as the grammar reads a dated kind, or None when it is not one."""
    found = _EN.match(question)
    if found and _kind_word(found.group("kind")):
        op = {"from": "since", "later than": "after", "earlier than": "before"}.get(
            found.group("op").casefold(), found.group("op").casefold())
        verb = (found.group("verb") or "").casefold() or "set up"
        verb = {"started": "set up", "launched": "set up", "created": "set up",
                "built": "set up", "begun": "set up", "began": "set up"}.get(verb, verb)
        return f"Which {found.group('kind').strip()} were {verb} {op} {found.group('year')}?"
    for pattern in _ZH:
        found = pattern.match(question)
        if found is None:
            continue
        kind = _KIND_EN.get(found.group("kind"))
        if kind is None:
            return None
        op = _ZH_OPS[found.group("op")]
        verb = "opened" if _OPENED.search(found.group("verb") or "") else (
            "approved" if "批" in (found.group("verb") or "") else "set up")
        return f"Which {kind} were {verb} {op} {found.group('year')}?"
    return None


# A date said of the kind in a keyword query ("Nantong parks set up after 2015", 南通 2015年以后
# 成立的园区): the words that say it, read as the date condition.
_CLAUSE = re.compile(
    rf"(?:(?:that |which )?(?:were |was |are |got |have been |has been )?(?:{_VERBS_EN})\s+)?"
    r"\b(?:since|after|before|prior to|from|later than|earlier than)\s+\d{4}(?:\s*onwards?)?|"
    rf"(?:是|在|于)?\s*(?:自\s*)?\d{{4}}\s*年?\s*(?:以后|之后|以来|以前|之前|起|后|前)\s*"
    rf"(?:{_VERBS_ZH})?\s*(?:的)?", re.IGNORECASE)
_SAID_AS_READ = ((re.compile(r"\bfrom (\d{4})"), r"since \1"),
                 (re.compile(r"(\d{4})\s*年?\s*后(?!\S*以)"), r"\1年以后"),
                 (re.compile(r"(\d{4})\s*年?\s*前"), r"\1年以前"))


def date_clause(masked: str) -> tuple[tuple[int, int], str] | None:
    """Where a keyword query says a date of the kind, and that date said as the conditions
    read it (filters.read_filters: "from 2020" is since 2020, 2015年后 is 2015年以后)."""
    found = _CLAUSE.search(masked)
    if found is None:
        return None
    said = found.group()
    for pattern, plain in _SAID_AS_READ:
        said = pattern.sub(plain, said)
    return (found.start(), found.end()), said
