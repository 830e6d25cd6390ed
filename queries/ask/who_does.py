"""Who is behind something, asked with a loose verb: 苏锡通园区是谁在搞, 谁在推统计双算,
"who runs the Sutong park", "who is pushing dual statistics".

搞, 弄, 推, 牵头, run, behind, pushing say nothing of which relation is meant; the kind of the
thing asked about does. The schema has one relation an actor (a city, a body) holds to each
kind: a park or platform is co-built (CO_BUILDS), a mechanism adopted (ADOPTS), an industry
had (HAS_INDUSTRY). A crossing or a region is left out: the graph records few builders of
those, and "who runs the bridge" is not answered with the places it connects. The question is
said as the grammar reads that relation, and the answer says how it was read. Before, 在 in
谁在搞 was read as "located in" (the park's city was the answer) and 搞的, 弄的, "who is
pushing" were refused.

Only where the question is that and nothing more: who, the loose verb, one entity of one of
those kinds, and no negation (哪些园区没在搞X is not read as who does). An alliance, a city or a
person's role is not read this way ("who runs the alliance" is not a membership question).
"""

from __future__ import annotations

import re
from itertools import pairwise

from graph.gazetteer import Gazetteer

_LOOSE_ZH = (r"(?:搞|弄|做成|做到|做|干|推|推动|推进|运营|负责|牵头|主导|操盘|操办|经营|"
             r"主抓|抓|张罗|打理|落地|实现|试行|试点|试|开展)")
# who, or which <kind> (哪些园区, 哪个城市: the kind asked is kept)
_WHO_ZH = (r"(?:谁(?:跟|和|与|同)谁(?:一起|合伙|联手|合作)?|谁|哪几方|哪些方|哪家|哪方|哪里|哪儿|"
           r"哪(?:些|个|几个|几家|家)(?P<k>[^\s，,？?在正搞弄做推干管负牵主运]{1,4}?))")
_END = r"\s*(?:呢|啊|呀)?\s*[?？.!！。]*\s*$"
_X_FIRST_ZH = re.compile(rf"^\s*(?P<x>[^\s，,？?]+?)(?:(?:这个|那个|这一|这套|那套)(?:项目|"
                         rf"园区|机制|模式|做法)?)?(?:\s*[，,]\s*|\s+)?(?:到底|究竟|现在|目前|主要)?"
                         rf"(?:是|都是)?(?:由)?{_WHO_ZH}(?:一起|合伙|联手|共同)?(?:已经|已|在|正在|来|一直在)?"
                         rf"{_LOOSE_ZH}"
                         rf"(?:了|的|起来的|起来了)?{_END}")
_WHO_FIRST_ZH = re.compile(rf"^\s*(?:是|到底是|都是)?{_WHO_ZH}(?:在|正在|一直在)?{_LOOSE_ZH}"
                           rf"(?:的)?(?P<x>[^\s，,？?]+?){_END}")
_LOOSE_EN = (r"(?:behind|running|runs|run|doing|does|do|pushing|pushes|push|driving|drives|"
             r"drive|leading|leads|lead|handling|handles|handle|"
             r"in charge of|responsible for|spearheading|championing)")
_WHO_EN = re.compile(rf"^\s*(?:who|(?:which|what)\s+(?P<k>[a-z]+(?:\s+[a-z]+)?))"
                     rf"(?:'s|\s+is|\s+are|\s+was|\s+were)?\s+(?:actually\s+|really\s+|"
                     rf"mainly\s+)?{_LOOSE_EN}\s+(?P<x>.+?)(?:\s+(?:then|now|these days|"
                     rf"at the moment))?\s*[?.!]*\s*$", re.IGNORECASE)

# 那个“基地+拓展区”模式: the name inside its quotes
_QUOTED = re.compile(r"^(?:那个|这个|那套|这套)?[“\"「『](.+?)[”\"」』]"
                     r"(?:模式|机制|做法|项目|园区)?$")

# The relation an actor holds to each kind, said as the grammar reads it ({who}: 谁 or
# 哪些<kind>, Who or Which <kind>).
_SAID = {
    "Park": ("{x}是{who}共建的", "{Who} co-builds {x}?"),
    "Initiative": ("{x}是{who}共建的", "{Who} co-builds {x}?"),
    "Mechanism": ("{who}采用{x}", "{Who} adopts {x}?"),
    "Industry": ("{who}有{x}", "{Who} has {x}?"),
}
_ANYONE = {"Park": "谁", "Initiative": "谁", "Mechanism": "哪些地方", "Industry": "哪些地方"}


def who_does(question: str, gaz: Gazetteer) -> str | None:
    """The question said as the grammar reads who is behind the thing it names, or None."""
    from queries.ask.negated import says_not
    from queries.ask.text import names_in

    if says_not(question):
        return None  # 哪些园区没在搞X: what does not hold is never read as what does
    for pattern, zh in ((_X_FIRST_ZH, True), (_WHO_FIRST_ZH, True), (_WHO_EN, False)):
        found = pattern.match(question)
        if found is None:
            continue
        x = found.group("x").strip()
        x = re.sub(r"^the\s+", "", x, flags=re.IGNORECASE) if not zh else x
        # 那个“基地+拓展区”模式: the name inside its quotes
        x = _QUOTED.sub(r"\1", x)
        x = re.sub(r"\s+(?:model|scheme|mechanism|project)$", "", x, flags=re.IGNORECASE)
        q, mentions = names_in(x, gaz)
        if not mentions or not _only_names(q, mentions):
            return None
        labels = {gaz.entities[i].label for m in mentions for i in m.ids
                  if i in gaz.entities}
        if len(labels) != 1 or (label := labels.pop()) not in _SAID:
            return None
        kind = found.group("k")
        who = (f"哪些{kind}" if kind else _ANYONE[label]) if zh else (
            f"Which {kind}" if kind else "Who")
        return _SAID[label][0 if zh else 1].format(x=x, who=who, Who=who)
    return None


# between names listed as one thing done ("cars or auto parts", 汽车和零部件)
_LISTED = re.compile(r"^(?:\s*(?:,|、|/|和|与|及|或|或者|and|or|and/or|\(|（)\s*)+$", re.IGNORECASE)


def _only_names(q: str, mentions: tuple) -> bool:  # type: ignore[type-arg]
    """Is the text the names alone, one or several listed (A or B, A和B)?"""
    if q[:mentions[0].start].strip(" ()（）") or q[mentions[-1].end:].strip(" ()（）"):
        return False  # (a gloss in brackets after a name: "enclave incubation (飞地孵化)")
    return all(_LISTED.match(q[a.end:b.start]) for a, b in pairwise(mentions))
