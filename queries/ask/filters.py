"""Conditions on a property that narrow an answer: 截至2015年 / before 2010 (a date), 面积超过
100平方公里 / over 100 km² (an area), the biggest by area, 持股超过三分之一 / a majority stake
(a share on the relation). Read from the question; applied to what the answer lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from graph.model import Entity, Relation
from queries.ask.reading import find
from queries.ask.relation_states import CONTRAST, relation_states_said
from queries.ask.said_states import STATE_VALUES, STATES

_DATES = ("established", "opened", "since")  # entity properties, then the relation's
_YEAR_AT_MOST = re.compile(r"(?:截至|截止到?|到)\s?(\d{4})|\b(?:by|as of|until|up to) (\d{4})\b")
_YEAR_BEFORE = re.compile(r"\b(?:before|prior to|earlier than) (\d{4})\b|"
                          r"(\d{4})\s?年?(?:以前|之前)")
_YEAR_AFTER = re.compile(r"\b(?:after|later than) (\d{4})\b")
# 2017年以后, 2017年之后: from that year on, as said in Chinese (the year itself counts)
_YEAR_AFTER_ZH = re.compile(r"(\d{4})\s?年?(?:以后|之后)")
# since 2020, 2020年以来, 自2020年: the year itself counts
_YEAR_SINCE = re.compile(r"\b(?:since|as from|starting in) (\d{4})\b|"
                         r"(\d{4})\s?年?(?:以来|起)|自\s?(\d{4})|"
                         # "from 2010 onwards", "parks from 2010?" (not "from 2010 to 2015")
                         r"\bfrom (\d{4})(?= onwards?\b| on\b|\s?[?？.]?\s?$)")
# in 2015, 2015年通车的, 成立于2012年: a date in that year (checked last: 2015年以前 is before)
_YEAR_IN = re.compile(r"\b(?:in|during) (?:the year )?((?:19|20)\d{2})\b(?!\s?(?:-|–|to)\s?\d)|"
                      r"(?<!\d)((?:19|20)\d{2})\s?年(?!以前|之前|以后|之后|以来|起|前|后|底|末|初|至|到)")
_AREA_OVER = re.compile(r"(?:超过|大于|多于|over|more than|larger than|bigger than|above)\s?"
                        r"(\d+(?:\.\d+)?)\s?(?:平方公里|km2|km²|square)")
_BIGGEST = re.compile(r"最大|\b(?:biggest|largest)\b")
_AREA = re.compile(r"面积|\barea\b|\bsize\b|\bbiggest\b|\blargest\b")
# Which one is the most of something: the property and whether the most is the max or min.
_SUPERLATIVES = (
    (re.compile(r"最长|\blongest\b"), "length_m", "max", "the longest"),
    (re.compile(r"最短|\bshortest\b"), "length_m", "min", "the shortest"),
    (re.compile(r"最小|\bsmallest\b"), "area_km2", "min", "the smallest by area"),
    (re.compile(r"最早|最老|最先|\b(?:earliest|oldest|first (?:set up|established|opened|"
                r"founded)|(?:opened|set up|established|founded|built|completed) first)\b"),
     "date", "min", "the earliest"),
    (re.compile(r"最晚|最新|最近|\b(?:latest|newest|most recent(?:ly)?|youngest)\b"), "date",
     "max", "the latest"),
)
_SHARES = ((re.compile(r"超过三分之一|三分之一以上|more than (?:a|one) third|over (?:a|one) third"),
            100 / 3),
           (re.compile(r"过半|超过一半|控股|半数以上|\bmajority\b|more than half"), 50.0))


# every state at once: "built or planned", "existing or proposed", 修好的没修好的都算上,
# 建成的和规划中的都算 (a whole lifecycle said, no state kept)
_ANY_STATE = re.compile(
    r"\b(?:built|existing|open|opened|finished|completed|operating|in service)(?: ones)? "
    r"(?:or|and|and/or|as well as) (?:still )?(?:planned|proposed|unbuilt|not|under construction"
    r"(?: or planned)?|being built)\b|"
    r"\b(?:planned|proposed|unbuilt)(?: ones)? (?:or|and) (?:built|existing|open|opened)\b|"
    r"\bbuilt or not\b|\bwhether (?:built|open|finished) or not\b|"
    r"\bwhether (?:already )?(?:built|open|opened|finished|running) or (?:still |only )?(?:on the "
    r"drawing board|on paper|planned|proposed|being built|under construction)\b|"
    r"(?:建成|修好|通车|建好)的?[^，,？?]{0,8}(?:和|跟|与|或|、|没(?:有)?(?:建成|修好|通车|建好)的?)"
    r"[^，,？?]{0,8}都(?:算|要|行|包括|列)|都算上?|都包括在内", re.I)

# Said right before a state, these include it rather than keep only it (含在建的).
_INCLUSIVE = re.compile(r"(?:含|包含|包括|连同|加上|算上|以及)\s?(?:那些|正在|还|尚)?\s?$|"
                        r"\b(?:including|incl|plus|as well as|also|even)\b(?: the| those| ones)?"
                        r"(?: (?:still|that are|which are|currently))?\s?$")


@dataclass(frozen=True)
class Filter:
    prop: str  # established/opened/since ("date"), area_km2, length_m, share, or any (in)
    op: str  # "<=", "<", ">", ">=", "==", "max", "min", "in" (one of `values`), "is" (strictly),
    # "rel" (a relation reaching it holds one of `values`), "said" (its value said in values[0])
    value: float = 0.0
    said: str = ""
    values: tuple[str, ...] = ()  # for "in"
    labels: tuple[str, ...] = ()  # for "in": the kinds of thing it narrows (others pass)
    # for "rel": other (property, value) pairs that count as well (主导: role lead, or the
    # tier 主导产业 where a place records it so); for "in": values listed beside the kind
    # named but not counted as it (queries/ask/counted.py)
    otherwise: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        return self.said


_LEFT_OUT_EN = (r"(?:\bnot(?: counting| including)?|\bdon ?t count|\bdo not count|\bexcluding|"
                r"\bexcept|\bother than|\bbut not|\bminus|\bwithout)(?: the| any)? ")
_LEFT_OUT_ZH = (r"(?:不算|不含|不包括|不要|别算|除了)", r"(?:不算|除外|就别算|先别算|不要算|别算)")


@cache
def _left_out_patterns() -> tuple[tuple[re.Pattern[str], dict[str, tuple[str, ...]]], ...]:
    """Each kind word of the shipped lexicon said as left out, with the values it names."""
    from queries.ask.lexicon import lexicon

    out = []
    for kind in lexicon().kinds:
        for word in kind.words:
            w = re.escape(word.casefold())
            out.append((re.compile(rf"{_LEFT_OUT_EN}{w}(?![a-z])" if word.isascii() else
                                   rf"{_LEFT_OUT_ZH[0]}{w}|{w}{_LEFT_OUT_ZH[1]}"), kind.where))
    return tuple(out)


def kinds_left_out(q: str) -> tuple[Filter, ...]:
    """A kind said to be left out ("the bridges and tunnels, not the rail lines", "don't
    count the bridge", 铁路不算): none of its values is kept (the values the kind word names,
    not those listed beside it: a rail-road bridge stays when rail lines are left out)."""
    out: dict[str, set[str]] = {}
    said: list[str] = []
    for pattern, where in _left_out_patterns():
        found = pattern.search(q)
        if found is None:
            continue
        said.append(found.group(0))
        for prop, values in where.items():
            out.setdefault(prop, set()).update(values)
    return tuple(Filter(prop, "not in", said=" / ".join(dict.fromkeys(said)),
                        values=tuple(sorted(values)), labels=_holding(prop))
                 for prop, values in out.items())


def relation_state(q: str) -> Filter | None:
    """The status of a relation a question keeps to (queries/ask/relation_states.py), or
    None."""
    said = relation_states_said(q)
    if not said:
        return None
    values = tuple(dict.fromkeys(v for _, vs, _ in sorted(said) for v in vs))
    return Filter("status", "rel", said=" / ".join(w for _, _, w in sorted(said)), values=values)


def aspect_said(q: str) -> tuple[Filter, ...]:
    """The aspect or field of a relation, where the question names one (南通借鉴了哪些跨区域
    合作的经验: the relations whose aspect is 跨区域合作): applied only where one matches."""
    return tuple(Filter(prop, "said", said=f"the {prop} the question names", values=(q,))
                 for prop in ("aspect", "field"))


def _names_part(q: str, value: Any) -> bool:
    """Does the question say a part of this value (跨区域合作, or the English in brackets)?"""
    if not value:
        return False
    from graph.gazetteer import prepare

    parts = re.split(r"[()（）;；,，]", str(value))
    for part in (prepare(p).strip() for p in parts):
        long_enough = len(part) >= 4 if not part.isascii() else len(part.split()) >= 2
        if long_enough and part in q:
            return True
    return False


def _year(value: Any) -> float | None:
    found = re.match(r"(\d{4})", str(value or ""))
    return float(found.group(1)) if found else None


def _years(entity: Entity, relations: Iterable[Relation]) -> set[float]:
    """Every year an entity or a relation reaching it records (set up, opened, since, until)."""
    held = [entity.props.get(k) for k in (*_DATES, "until")]
    held += [r.props.get(k) for r in relations for k in ("since", "until")]
    return {y for v in held if (y := _year(v)) is not None}


def _number(value: Any) -> float | None:
    try:
        return float(str(value).rstrip("%"))
    except (TypeError, ValueError):
        return None


def read_filters(q: str) -> tuple[Filter, ...]:
    """The conditions a prepared question states."""
    out: list[Filter] = []
    for pattern, op in ((_YEAR_AT_MOST, "<="), (_YEAR_BEFORE, "<"), (_YEAR_AFTER, ">"),
                        (_YEAR_AFTER_ZH, ">="), (_YEAR_SINCE, ">="), (_YEAR_IN, "year")):
        found = pattern.search(q)
        if found:
            year = next(g for g in found.groups() if g)
            if op == "year" and any(state == "open" and pattern.search(q)
                                    for pattern, state in STATES):
                op = "<="  # "which were open in 2015", 2015年已经通车的: open by then
            out.append(Filter("date", op, float(year), found.group(0)))
            break
    found = _AREA_OVER.search(q)
    if found:
        out.append(Filter("area_km2", ">", float(found.group(1)), found.group(0)))
    elif _BIGGEST.search(q) and _AREA.search(q):
        out.append(Filter("area_km2", "max", said="the biggest by area"))
    else:
        for pattern, prop, op, said in _SUPERLATIVES:
            if pattern.search(q) and not any(f.prop == prop for f in out):
                out.append(Filter(prop, op, said=said))
                break
        else:
            if _BIGGEST.search(q):  # the biggest park: by area, the size the graph records
                out.append(Filter("area_km2", "max", said="the biggest by area"))
    contrast = CONTRAST.search(q)  # "planned, not yet under construction": planned
    head = q[:contrast.start()] if contrast else q
    if contrast and not any(pattern.search(head) for pattern, _ in STATES):
        head = q  # 还没开工的有哪些: the state is said with the negation (not yet begun)
    said = [(m, state) for pattern, state in STATES if (m := pattern.search(head))]
    if said and not _ANY_STATE.search(q) and not _split_by_state(q, said):
        # the longest said ("not yet under construction" is planned)
        found, state = max(said, key=lambda s: (s[0].end() - s[0].start(), -s[0].start()))
        # two states joined (在规划或在建的, planned or under construction): either
        states = tuple(dict.fromkeys(v for s in [state, *(other for m, other in said if
                                                       _states_joined(q, found, m))]
                                     for v in STATE_VALUES.get(s, (s,))))
        if not _INCLUSIVE.search(q[max(0, found.start() - 30):found.start()]):
            # (含在建的, including those being built: the state widens, never narrows)
            out.append(Filter("status", "is", said=found.group(0), values=states,
                              labels=_holding("status")))
    state = relation_state(q)
    if state is not None:
        out.append(state)
    out.extend(kinds_left_out(q))
    for pattern, share in _SHARES:
        found = pattern.search(q)
        if found:
            out.append(Filter("share", ">", share, found.group(0)))
            break
    else:
        found = _SHARE_OF.search(q)
        if found is not None and _STAKE.search(q) and not _COMPARED_SHARE.search(
                q[max(0, found.start() - 14):found.start()]):  # "the 60% stake": that share
            out.append(Filter("share", "==", float(found.group(1)), found.group(0)))
    return tuple(out)


# A share said as a figure ("the 60% stake", 持股51%), with a word that makes it a stake.
_SHARE_OF = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?(?:%|％|per ?cent\b)"
                       r"(?!\s?(?:以上|以下|左右|多|or (?:more|less)|\+))", re.I)
# a figure compared, not said ("over 20%", 超过50%): no exact share (the words say more)
_COMPARED_SHARE = re.compile(r"\b(?:over|more than|above|at least|less than|under|below|"
                             r"up to|beyond)\b|超过|高于|不到|低于|不足|大于|小于|以上|以下", re.I)
_STAKE = re.compile(r"\bstakes?\b|\bshares?\b|\bholds?\b|\bowns?\b|股|持有|占", re.I)


# 哪些已经通了、哪些还在修, "which are open and which are still being built": every one
# asked, each with its state (the list is split by state, not kept to one)
_WHICH_BEFORE = re.compile(r"(?:\band|、|，|,|;|；|\s)\s*(?:哪些|哪几[个条座]?|\bwhich(?: ones?)?"
                           r"(?: of them)?(?: are| is)?(?: still| already| now)?)\s?$", re.I)


def split_by_state(q: str) -> bool:
    """Does the question split its list by state (哪些已经通了、哪些还在修)? Then no state keeps
    the list: each is listed with its own."""
    return _split_by_state(q, [(m, state) for pattern, state in STATES
                               if (m := pattern.search(q))])


def _split_by_state(q: str, said: list[tuple[re.Match[str], str]]) -> bool:
    """Two different states, the later said after its own 'and which' (see above)."""
    if len({state for _, state in said}) < 2:
        return False
    first = min(found.start() for found, _ in said)
    last = max(found.start() for found, _ in said)
    if "还是" in q[first:last]:  # 还在规划，还是已经开工了: which of them (在建或规划中的: either)
        return True
    return any(found.start() > first and _WHICH_BEFORE.search(
        q[max(0, found.start() - 30):found.start()]) for found, _ in said)


_STATES_JOINED = re.compile(r"^\s?(?:或者|或是|或|和|及|、|/|,|or|and)\s?$")


def _states_joined(q: str, one: re.Match[str], other: re.Match[str]) -> bool:
    """Two states said side by side, joined by or/and (在规划或在建): both are asked."""
    first, second = sorted((one, other), key=lambda m: m.start())
    return first.end() <= second.start() and bool(
        _STATES_JOINED.match(q[first.end():second.start()]))


def _holding(prop: str) -> tuple[str, ...]:
    """The kinds of thing whose entities may hold a property (graph/schema.py)."""
    from graph.schema import LABELS

    return tuple(sorted(n for n, label in LABELS.items() if prop in label.properties))


def asked_of(filters: tuple[Filter, ...], asked: frozenset[str] | None) -> tuple[Filter, ...]:
    """A state said of a kind that never holds it (哪些园区还在规划: parks record no status)
    is kept by nothing; said of no kind ("where is the planned airport"), it narrows only
    what may hold it."""
    if not asked:
        return filters
    return tuple(replace(f, labels=()) if f.op == "is" and not asked & set(f.labels) else f
                 for f in filters)


def _value(f: Filter, entity: Entity, relations: Iterable[Relation]) -> float | None:
    rels = list(relations)
    if f.prop == "date":
        for key in _DATES:
            held = entity.props.get(key) if key != "since" else next(
                (r.props.get("since") for r in rels if r.props.get("since")), None)
            if held:
                return _year(held)
        return None
    if f.prop == "share":
        return next((v for r in rels if (v := _number(r.props.get("share"))) is not None), None)
    return _number(entity.props.get(f.prop))


def apply(filters: tuple[Filter, ...],
          found: list[tuple[Entity, tuple[Relation, ...]]]) -> list[Entity]:
    """The entities that meet every condition (one without the property does not)."""
    kept = found
    for f in filters:
        if f.op == "is":  # a state (在建, planned): what may hold it must (`asked_of`)
            kept = [(e, rels) for e, rels in kept if (f.labels and e.label not in f.labels)
                    or str(e.props.get(f.prop)) in f.values]
            continue
        if f.op == "rel":  # how far a relation has got: where any relation records it
            pairs = [(f.prop, v) for v in f.values] + list(f.otherwise)
            props = {p for p, _ in pairs}
            if any(r.props.get(p) for _, rels in kept for r in rels for p in props):
                kept = [(e, rels) for e, rels in kept
                        if any(str(r.props.get(p)) == v for r in rels for p, v in pairs)]
            continue
        if f.op == "said":  # an aspect the question names: the relations of that aspect
            named = [(e, rels) for e, rels in kept if any(
                _names_part(f.values[0], r.props.get(f.prop)) for r in rels)]
            kept = named or kept
            continue
        if f.op == "not in":  # "not the rail lines", 铁路不算: none of that kind
            kept = [(e, rels) for e, rels in kept if (f.labels and e.label not in f.labels)
                    or str(e.props.get(f.prop)) not in f.values]
            continue
        if f.op == "in":  # a kind word (县级市, bridges): where anything holds the property
            narrowed = [(e, rels) for e, rels in kept if not f.labels or e.label in f.labels]
            if any(e.props.get(f.prop) is not None for e, _ in narrowed):
                kept = [(e, rels) for e, rels in kept if (f.labels and e.label not in f.labels)
                        or str(e.props.get(f.prop)) in f.values]
            continue
        if f.op == "year":  # in 2015: any date it or its relation records (set up, joined)
            kept = [(e, rels) for e, rels in kept if f.value in _years(e, rels)]
            continue
        values = [(e, rels, _value(f, e, rels)) for e, rels in kept]
        if f.op in ("max", "min"):
            held = [v for _, _, v in values if v is not None]
            if not held:  # 最早是谁提出的: said of the act, not of what is listed
                continue
            best = (max if f.op == "max" else min)(held, default=None)
            kept = [(e, rels) for e, rels, v in values if v is not None and v == best]
            continue
        test = {"<=": lambda v, w: v <= w, "<": lambda v, w: v < w,
                ">": lambda v, w: v > w, ">=": lambda v, w: v >= w,
                "==": lambda v, w: abs(v - w) < 0.5}[f.op]
        kept = [(e, rels) for e, rels, v in values if v is not None and test(v, f.value)]
    return [e for e, _ in kept]


def kind_filters(masked: str, phrase: tuple[int, int] | None) -> tuple[Filter, ...]:
    """The property values a kind word in the asking phrase names (哪些县级市: level
    county-level-city; which bridges: kind bridge), from the lexicon's `kinds`. Two kinds
    (大学和研究所, bridges and railways) keep either; a longer list ("bridges, railways,
    ports and airports") is the analyst's way of naming the whole label: no filter then."""
    from queries.ask.lexicon import lexicon

    if phrase is None:
        return ()
    out: dict[str, Filter] = {}
    listed: dict[str, int] = {}
    lex = lexicon()
    words: list[tuple[str, object]] = [(w, kind) for kind in lex.kinds for w in kind.words]
    words += [(w, None) for ws in lex.labels.values() for w in ws]  # 县级行政区 is not 县
    phrase = (_list_before(masked, phrase[0], words), phrase[1])
    phrase = _with_kind_words(masked, phrase, [w for kind in lex.kinds for w in kind.words])
    hits = find(words, masked[phrase[0]:phrase[1]])
    left_out = [(m.start(), m.end()) for f in kinds_left_out(masked)
                for said in f.said.split(" / ") for m in re.finditer(re.escape(said), masked)]
    hits = [h for h in hits if not any(a <= phrase[0] + h.start < b for a, b in left_out)]
    widened = _widened_by(hits, masked[phrase[0]:phrase[1]])
    for hit in hits:
        if hit.value is None:
            continue
        also = hit.value.also  # type: ignore[attr-defined]
        for prop, values in hit.value.where.items():  # type: ignore[attr-defined]
            said = masked[phrase[0] + hit.start:phrase[0] + hit.end]
            beside = tuple((prop, v) for v in also.get(prop, ()))  # listed, never counted
            labels = tuple(sorted(label for label, ws in lex.labels.items() if said in ws))
            listed[prop] = listed.get(prop, 0) + 1
            if listed[prop] > 2:  # bridges, railways, ports and airports: all of them
                return ()
            if prop in out:  # 大学和研究所: either kind
                first = out[prop]
                values = (*first.values, *(v for v in _tuple(values)
                                           if v not in first.values))
                said = f"{first.said}/{said}"
                labels = tuple(sorted({*first.labels, *labels}))
                beside = tuple(b for b in (*first.otherwise, *beside) if b[1] not in values)
            out[prop] = Filter(prop, "in", said=said, values=(*_tuple(values), *(
                v for _, v in beside if v not in _tuple(values))), labels=labels,
                otherwise=beside)
    return tuple(f for f in out.values() if not (set(f.labels) & widened))


# Between two kind words of a list: 过江通道或者铁路, "bridges, tunnels or lines", 园区和设施.
_LISTED = re.compile(r"\s?(?:和|与|及|以及|或|或者|还是|、|,|and|or|and/or)\s?|[ 、]")


def _with_kind_words(masked: str, phrase: tuple[int, int], said: list[str]
                     ) -> tuple[int, int]:
    """The asking phrase with the kind words that run into it or stand right before it
    (南通的国家级开发区有几个: the phrase is 开发区, the kind said is 国家级开发区; "national
    ETDZs")."""
    start, end = phrase
    for word in sorted(said, key=len, reverse=True):
        for found in re.finditer(rf"(?<![a-z]){re.escape(word)}(?![a-z])", masked):
            if found.start() < end and (start < found.end() or re.fullmatch(
                    r"\s?", masked[found.end():start])):
                start, end = min(start, found.start()), max(end, found.end())
    return start, end


def _list_before(masked: str, start: int, words: list[tuple[str, object]]) -> int:
    """Where the list the asking phrase ends starts (通道或者高铁有哪些: the phrase read is 高铁,
    the list is 通道或者高铁)."""
    hits = find(words, masked[:start])
    while hits:
        gap = masked[hits[-1].end:start]
        if not _LISTED.fullmatch(gap) or (gap == " " and masked[:start].isascii()):
            break
        start = hits[-1].start
        hits = [h for h in hits if h.end <= start]
    return start


def _joined(phrase: str, a: Any, b: Any) -> bool:
    """Two words of one list (a space between Latin words is no list: "industry alliances")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = phrase[first.end:second.start]
    if gap == " " and phrase[first.start:second.end].isascii():
        return False
    return bool(gap) and bool(_LISTED.fullmatch(gap))


def _widened_by(hits: list[Any], phrase: str) -> set[str]:
    """The kinds a list in the asking phrase names whole: a plain kind word (过江通道,
    crossings, 设施) listed beside one that names a value (铁路, bridges) asks for all of that
    kind ("crossings or railways" is every crossing and every railway), so the value does not
    narrow it."""
    from queries.ask.lexicon import lexicon

    valued = {(h.start, h.end) for h in hits if h.value is not None}
    plain = [h for h in hits if h.value is None and (h.start, h.end) not in valued]
    if not plain or not valued:
        return set()
    out: set[str] = set()
    ordered = sorted(hits, key=lambda h: h.start)
    for hit in plain:
        near = [h for h in ordered if h.value is not None and _joined(phrase, hit, h)]
        if near:
            word = phrase[hit.start:hit.end]
            out |= {label for label, ws in lexicon().labels.items() if word in ws}
    return out


def _tuple(value: object) -> tuple[object, ...]:
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def held_filters(where: dict[str, Any]) -> tuple[Filter, ...]:
    """The filters a qualifier makes: the relations that hold it (any value of a list), or
    the value its lexicon row says the data records it by otherwise (主导: role lead, else
    the tier 主导产业)."""
    from queries.ask.lexicon import lexicon

    lex = lexicon()
    other = next((q.otherwise for q in lex.qualifiers if q.where == where and q.otherwise),
                 {})
    out = []
    for prop, value in where.items():
        values = tuple(map(str, (value if isinstance(value, (list, tuple)) else [value])))
        extra = tuple((k, v) for k, v in other.items() if k != prop or v not in values)
        out.append(Filter(prop, "rel", said=" / ".join(values), values=values,
                          otherwise=extra))
    return tuple(out)
