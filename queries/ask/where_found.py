"""Where an industry is, asked across the zone in an analyst's words ("where is biomedicine in
the zone?", 生物医药在哪些地方, "who does IC around here", "biomedicine - where?"): said as the
question the grammar reads (Which places have biomedicine? / Who has IC?), the places and
parks the graph records HAS_INDUSTRY for it.

Only where what is asked about names one industry, and nothing else is said but the asking
words and the zone ("in the zone", "around here", 区域内): "Where is SIP?" stays the question of
where a park lies.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer

_ZONE_EN = (r"(?:\s+(?:in|across|around|within|inside)\s+(?:the|this|our)\s+(?:zone|region|"
            r"area|estuary zone|delta|estuary)|\s+around here|\s+here|\s+hereabouts|"
            r"\s+in the yrd)?")
_DOING_EN = r"(?:\s+(?:found|located|based|done|made|concentrated|present|strong|clustered))?"
_END = r"\s*[?？.!！]*\s*$"
_WHERE_EN = re.compile(rf"^\s*where(?:'s| is| are| do you find| can i find| does one find)\s+"
                       rf"(?:the\s+)?(?P<x>.+?){_DOING_EN}{_ZONE_EN}{_END}", re.IGNORECASE)
_WHO_EN = re.compile(rf"^\s*who(?:'s| is| are)?\s+(?:does|do|is doing|works on|work on|"
                     rf"in|into|making|makes)\s+(?P<x>.+?){_ZONE_EN}{_END}", re.IGNORECASE)
_TAG_EN = re.compile(rf"^\s*(?P<x>.+?)\s*(?:[-–—:,]+)\s*where(?: is it| are they)?{_ZONE_EN}"
                     rf"{_END}", re.IGNORECASE)
_ZONE_ZH = r"(?:在?(?:区域|协同区|这一带|这边|咱们这)(?:内|里)?)?"
_WHERE_ZH = re.compile(rf"^\s*{_ZONE_ZH}(?P<x>[^\s，,？?]+?)\s*(?:主要)?(?:都)?"
                       rf"(?:在|分布在|集中在|落在)(?:哪些地方|哪里|哪儿|哪些城市和园区|哪)(?:有)?{_END}")
_WHERE_ZH2 = re.compile(rf"^\s*{_ZONE_ZH}(?:哪里|哪儿|哪些地方)(?:有|在做|做)"
                        rf"(?P<x>[^\s，,？?]+?){_END}")


def where_found(question: str, gaz: Gazetteer) -> str | None:
    """The question said as the grammar reads where an industry is, or None."""
    from queries.ask.text import names_in

    for pattern, said in ((_WHERE_EN, "Which places have {x}?"), (_TAG_EN, "Which places "
                          "have {x}?"), (_WHO_EN, "Who has {x}?"), (_WHERE_ZH, "哪些地方有{x}"),
                          (_WHERE_ZH2, "哪些地方有{x}")):
        found = pattern.match(question)
        if found is None:
            continue
        x = found.group("x").strip()
        q, mentions = names_in(x, gaz)
        if len(mentions) != 1 or mentions[0].text.strip() != q.strip():
            return None
        if {gaz.entities[i].label for i in mentions[0].ids if i in gaz.entities} != {"Industry"}:
            return None
        return said.format(x=x)
    return None
