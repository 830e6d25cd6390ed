"""A thing described instead of named: 外高桥集团在启东弄的那个园区, 启东崇明那个协同园区,
嘉通能源那个PTA项目.

An analyst who does not know a park's name describes it by who built it and where, then says
那个<kind>. Where the entities of that kind that the graph relates to every entity of the
description are exactly one (the modifier said with the kind, 协同 or PTA, kept to where it
narrows), the question is asked again with that one's name, and the answer says how the
description was read. Where none or several fit, nothing is read this way.
"""

from __future__ import annotations

import re
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store

# <description>(的)那个<modifier><kind word>; the description is one clause (no punctuation)
_THAT = re.compile(r"(?P<desc>[^，,。？?！!；;、\s]{2,30}?)的?(?:那个|这个|那座|这座|那条|这条|"
                   r"那家|这家|那块|这块|那片|这片)(?P<rest>[^，,。？?！!；;\s]{1,12})")
# X在Y搞的科技城: a description ending in a verb of building and 的, then the kind word
_BUILT = re.compile(r"(?P<desc>[^，,。？?！!；;、\s]{2,30}?(?<![在已正])(?:搞|建|弄|办|设|开发|"
                    r"共建|合建|投资)的)(?P<rest>[^，,。？?！!；;\s]{1,12})")  # (在建的: a state)
# X在Y也搞了个园区，面积多大: the thing introduced by who built it where, then asked about
_INTRO = re.compile(r"(?P<desc>[^，,。？?！!；;、\s]{2,30}?在[^，,。？?！!；;、\s]{2,12}?"
                    r"(?:也|还|又)?(?:搞|建|弄|办|设|开|建设|共建|合建)了(?:一)?(?:个|座|家|片))"
                    r"(?P<rest>[^，,。？?！!；;\s]{1,12})")
_MOST_WORD = 8  # characters of a modifier and kind word after 那个
_ASKING = re.compile(r"有没有|哪|什么|吗|是否|几|谁|多少|啥")
_UNTIL = re.compile(r"是|在|有|和|与|跟|吗|哪|什么|谁|几|多少|啥")
_DOING = re.compile(r"搞|建|弄|办|设|开发|投资|做")
_LIST = re.compile(r"^[^，,。？?]*(?:有哪些|哪些|哪几|几个|几座|几条|多少个|都有)")


def _kind_said(rest: str) -> tuple[str, str, str] | None:
    """(words said, modifier, label) of the longest run after 那个 that ends in a kind word."""
    from queries.ask.reading import label_words

    rest = _UNTIL.split(rest, 1)[0]  # 宿豫那个园区是哪两个城市: the kind word is 园区
    words = sorted(((str(w), str(label)) for w, label in label_words()
                    if not str(w).isascii() and len(str(w)) > 1), key=lambda p: -len(p[0]))
    for n in range(min(len(rest), _MOST_WORD), 1, -1):
        said = rest[:n]
        for word, label in words:
            if said.endswith(word):
                return said, said[: -len(word)], label
    return None


def _near(store: Store, entity: str, label: str, rolled: bool) -> set[str]:
    """What the graph relates to the entity; for a place, to its districts and counties too
    (上海市北高新在南通搞的科技城 lies in 港闸区, in 南通)."""
    ends = {entity}
    if rolled and label in ("City", "Region"):
        level = {entity}
        for _ in range(2):
            inner = {r.start for e in level for r in store.relations_of(e)
                     if r.type == "LOCATED_IN" and r.end == e}
            level = {i for i, e in store.entities(inner).items()
                     if e.label in ("City", "Region")}  # districts, not what lies in them
            ends |= level
    return {r.end if r.start == e else r.start for e in ends for r in store.relations_of(e)
            if r.type != "MENTIONS"} - ends


def _places_said_whole(store: Store, q: str, mentions: Any, gaz: Gazetteer) -> Any:
    """The mentions, a place said right before one that lies in it (浙江嘉善, 江苏南通) dropped:
    it says where the other is, it is no second thing of the description."""
    from queries.ask.inside import lying_in

    out = list(mentions)
    for n in range(len(out) - 1, 0, -1):
        outer, inner = out[n - 1], out[n]
        if len(outer.ids) == 1 and len(inner.ids) == 1 and outer.end == inner.start and \
                gaz.entities[outer.ids[0]].label in ("City", "Region") and \
                inner.ids[0] in lying_in(store, outer.ids[0]) - {outer.ids[0]}:
            del out[n - 1]
    return tuple(out)


def described(store: Store, question: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """(the question with the described thing named, the note saying how), or None."""
    from queries.ask.text import names_in

    found = _THAT.search(question) or _BUILT.search(question) or _INTRO.search(question)
    if found is None or _ASKING.search(found.group("desc")):
        return None  # 靖江有没有跨江共建的园区: a question about it, not a description
    kind = _kind_said(found.group("rest"))
    if kind is None:
        return None
    said, modifier, label = kind
    if _LIST.search(question[found.end("desc") + len(said):]):
        return None  # 上海在建的过江通道有哪些: a list asked, not one thing described
    desc, mentions = names_in(found.group("desc"), gaz)
    mentions = _places_said_whole(store, desc, mentions, gaz)  # 浙江嘉善: 嘉善
    if not 1 <= len(mentions) <= 2 or any(len(m.ids) != 1 for m in mentions):
        return None
    if len(mentions) == 1 and not _DOING.search(found.group("desc")) and any(
            len(m.ids) == 1 and gaz.entities[m.ids[0]].label != label
            for m in names_in(said, gaz)[1]):
        return None  # 沭阳这个共建园区 (a mechanism's name too): that place's park, mentions.py
        # (two places said, 启东—崇明那个产业创新协同园区, describe one park: read on)
    ids = [m.ids[0] for m in mentions]
    fits: list[Any] = []
    for rolled in (False, True):  # what relates to each directly, else through its parts
        shared: set[str] | None = None
        for entity in ids:
            near = _near(store, entity, gaz.entities[entity].label, rolled)
            shared = near if shared is None else shared & near
        fits = [e for e in store.entities(sorted((shared or set()) - set(ids))).values()
                if e.label == label]
        if modifier and len(fits) > 1:  # 协同园区, PTA项目: the modifier narrows where it can
            named = [e for e in fits if any(modifier.casefold() in n.casefold()
                                            for n in (e.name, e.name_en or "", *e.aliases))]
            fits = named or fits
        if fits:
            break
    if len(fits) != 1:
        return None
    thing = fits[0]
    span = question[found.start("desc"):found.end("rest") - len(found.group("rest")) + len(said)]
    again = question.replace(span, thing.name, 1)
    return again, f"Read {span!r} as {thing.display}, the one {label} the graph relates to " \
                  f"{' and '.join(gaz.entities[i].display for i in ids)}."
