"""A later part of a two-part question that refers back: to what, and how it is answered.

- A reference names what it points at. "这个项目", "this park", "该联盟" (a demonstrative and a
  kind word): the first part's answer of that kind, else its subject if of that kind. "they",
  "their", 它们 (plural): what the first part listed, each asked in turn. "it", "its", 它, 其
  (singular): the one thing the first part found when it asked a place for a kind ("Which
  park did Kunshan build, and when was it set up"), else the first part's subject ("What
  does the Sutong bridge connect, and when did it open": the bridge).
- "How many are there?", 一共几个: the count of what the first part listed.
- "What is their total area", 总面积多大: the sum of that property over what it listed.
- A detail without a reference ("什么时候加入的", "and since when?", 占多少股): the value on the
  first part's relations to what it listed (SMIC MEMBER_OF the alliance, since 2021-05-27).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from graph.model import Entity

_PLURAL = re.compile(r"\b(?:they|their|them)\b|它们|他们|她们", re.I)
_SINGULAR = re.compile(r"\b(?:it|its)\b|它(?!们)|其(?![他它中余])", re.I)
_DEMONSTRATIVE = re.compile(
    r"(?:这个|那个|这家|那家|这座|那座|这条|那条|这所|这项|该|此)(?P<zh>[\u4e00-\u9fff]{1,4})|"
    r"\b(?:this|that|the said)\s+(?P<en>[a-z-]+)", re.I)
_COUNT_BACK = re.compile(
    r"^(?:and\s+|so\s+)?how many(?: (?:are there|is that|of them|in all|in total|altogether))*"
    r"\W*$|^(?:那|那么)?(?:一共|总共|共|总计)?(?:有)?(?:几个|多少个|几家|多少家|几座|几条|几项)"
    r"(?:呢|啊|吗)?\W*$", re.I)
_TOTAL = re.compile(r"\b(?:total|combined|sum|altogether|in all)\b|总|合计|加起来|一共|总共")
_WHEN = re.compile(r"\bwhen\b|什么时候|何时|哪年|哪一年|哪天|几月|几几年", re.I)
# 是不是也在里面, 在其中吗: in what the first part was about (its members were asked)
_INSIDE_IT = re.compile(r"在(?P<it>里面|里头|其中|当中)")
_PLACES = ("City", "Region")
# The properties a total is taken of (a sum means something only for a measure).
_SUMMED = ("area_km2", "length_m")


@dataclass(frozen=True)
class Referent:
    """What a later part's reference points at, and the words that make the reference."""

    entities: tuple[Entity, ...]
    words: str  # the pronoun or demonstrative phrase, replaced by the name when carried


def referent(text: str, first: Any, subject: Entity | None, asked_kind: bool,
             plural_subject: bool = False) -> Referent | None:
    """What a later part refers back to (see the module's docstring); None when it makes no
    reference. `first`: the first part's answer; `asked_kind`: the first part asked for a
    kind ("which park", 哪个项目), so its answer is a thing of its own; `plural_subject`: the
    first part named its subject with a plural ("chemical fibres"), which "they" may be when
    no kind was asked ("What's upstream of chemical fibres, and what do they feed into")."""
    from queries.ask.reading import label_words

    listed = tuple(e for e in first.entities if subject is None or e.id != subject.id) \
        if first is not None and first.verdict is None and not _is_property(first) else ()
    m = _DEMONSTRATIVE.search(text)
    if m is not None:
        word = (m.group("zh") or m.group("en") or "").lower()
        # the kind word the demonstrative stands before (这个项目是谁投资的: 项目)
        said = max((w for w, _ in label_words() if w == word or (
            not w.isascii() and word.startswith(w))), key=len, default="")
        kinds = {str(k) for w, k in label_words() if w == said}
        words = m.group()[:m.start("zh") - m.start() + len(said)] if m.group("zh") else \
            m.group()
        if kinds:
            found = tuple(e for e in listed if e.label in kinds)
            if found:
                return Referent(found, words)
            if subject is not None and subject.label in kinds:
                return Referent((subject,), words)
    m = _PLURAL.search(text)
    if m is not None and plural_subject and not asked_kind and subject is not None:
        return Referent((subject,), m.group())
    if m is not None and listed:
        return Referent(listed, m.group())
    m = _SINGULAR.search(text)
    if m is not None:
        # "Which alliance is Nantong in, and when was it founded": the alliance; a place is
        # rarely what "it" asks a date or a builder of ("X在哪个区？它是谁建的": X, not the
        # district, as X is no place)
        if asked_kind and len(listed) == 1 and (subject is None or subject.label in _PLACES):
            return Referent(listed, m.group())
        things = tuple(e for e in listed if e.label not in _PLACES)
        if asked_kind and len(things) == 1 and _found_at(first):  # "what's the big project
            return Referent(things, m.group())  # at Yangkou port and who's behind it"
        if subject is not None:
            return Referent((subject,), m.group())
    things = tuple(e for e in listed if e.label not in _PLACES)
    if m is None and asked_kind and not text.isascii() and subject is not None \
            and subject.label in _PLACES and 1 <= len(things) <= _UNSAID_AT_MOST \
            and _found_at(first) and not _NEW_ASKED.search(text):
        # "南通有什么港口，在哪儿": no pronoun (Chinese drops it); the part is about the
        # things the first part found in a place, not the place it named
        return Referent(things, "")
    return None


# A later part with no pronoun refers to what the first part found up to this many things.
_UNSAID_AT_MOST = 3
# …unless it asks something new of the place (还有哪些园区, 加入了哪些联盟: a kind asked again)
_NEW_ASKED = re.compile(r"^\s*(?:还|又|也|另外)|(?<!在)(?:哪些|哪个|哪几|什么)\s*"
                        r"[\u4e00-\u9fff]{0,2}(?:园区|开发区|城市|地方|产业|行业|联盟|机制|通道|大桥|"
                        r"铁路|组织|企业|区|县|市)")  # (在哪个区 asks where it is: no new kind)


def _found_at(first: Any) -> bool:
    """Whether the first part asked what lies at or in its subject (南通有什么港口, the
    project at Yangkou port): what it found is then what a later part is about."""
    name = first.parsed.intent.name if first is not None else ""
    return name.startswith(("relation:LOCATED_IN:in", "relation:ANY"))


# 分别, 各自, each: a later part asked of every thing the first part listed ("分别是谁去合作的",
# "Who co-built each?"), unless it only restates the list (分别是哪些, 分别是什么).
_EACH_ONE = re.compile(r"分别|各自|每一个|每个|\beach(?: one)?(?: of (?:them|these|those))?\b",
                       re.I)
_WHO = re.compile(r"谁|\bwho(?:m|se)?\b", re.I)


def of_each(text: str, first: Any, gaz: Any) -> Referent | None:
    """分别是谁去合作的 after a list: each thing listed, the each-word as the reference; None
    when the part names its own entity, restates the list (asks neither who nor another kind
    than it lists) or the first part listed nothing to ask of."""
    from queries.ask.reading import find, label_words
    from queries.ask.text import names_in

    m = _EACH_ONE.search(text)
    if m is None or first is None or first.verdict is not None or _is_property(first) \
            or not first.entities or names_in(text, gaz)[1]:
        return None
    listed = {e.label for e in first.entities}
    kinds = {str(h.value) for h in find(label_words(), text.lower())} - {"Source"}
    if not _WHO.search(text) and not kinds - listed:
        return None  # 分别是哪些: the list again
    return Referent(first.entities, m.group())


# "Who else is?", 还有谁 after a yes-or-no: the others that hold the same relation to what the
# first part's thing was asked to be in (its members, its builders, what lies in it).
_OTHERS_ASKED = {
    "MEMBER_OF": ("Who are the members of {n}?", "{n}有哪些成员"),
    "PARTICIPATES_IN": ("Who are the members of {n}?", "{n}有哪些成员"),
    "CO_BUILDS": ("Who co-builds {n}?", "{n}是谁共建的"),
    "LOCATED_IN": ("What lies in {n}?", "{n}有哪些"),
    "CONNECTS": ("Which places does {n} connect?", "{n}连接哪些地方"),
    "FOCUSES_ON": ("Who focuses on {n}?", "哪些地方重点发展{n}"),
    "HAS_INDUSTRY": ("Which places have {n}?", "哪些地方有{n}"),
}


def others_asked(text: str, first: Any, about: Entity) -> str | None:
    """The question a "who else" part asks after a yes-or-no whose evidence ties the thing
    asked about to `about` ("Is Wuxi in the 1+8 circle? Who else is?": the circle's members);
    None when the evidence names no relation to it with a question of its own."""
    verdict = getattr(first, "verdict", None)
    if verdict is None or not verdict.held:
        return None
    for rel in verdict.relations:
        if about.id in (rel.start, rel.end) and rel.type in _OTHERS_ASKED:
            if (rel.type in ("CONNECTS", "FOCUSES_ON", "HAS_INDUSTRY")) != (rel.start == about.id):
                continue  # (the bridge connects the place: asked of the bridge's side)
            en, zh = _OTHERS_ASKED[rel.type]
            if text.isascii():
                return en.format(n=about.name_en or about.name)
            return zh.format(n=about.name)
    return None


# 南通有没有参加？, "Did Nantong join?": a verb of joining with nothing joined, after a question
# about a grouping: the grouping is what was joined.
_JOINED_ZH = re.compile(r"(?:参加|加入|参与|入选|是成员|是会员)(?:了)?(?:没有|没|吗|呢)?\s*[？?]?"
                        r"\s*$")
_JOINED_EN = re.compile(r"\b(?:join(?:ed)?|take part|took part|participate[ds]?|a member|"
                        r"involved|belong(?:s)?|sign(?:ed)? up)\s*(?:too|as well)?\s*\??\s*$",
                        re.I)


def joined_it(text: str, subject: Entity | None) -> str | None:
    """A later part that joins nothing it names (南通有没有参加？): the part with the first
    part's subject as what was joined (南通有没有参加长三角新能源汽车产业联盟); else None."""
    if subject is None or subject.label in _PLACES:
        return None
    if text.isascii():
        m = _JOINED_EN.search(text)
        if m is None:
            return None
        said = text[:m.end()].rstrip(" ?")
        said = re.sub(r"\s*(?:too|as well)$", "", said)
        verb = said.split()[-1].lower()
        to = {"member": " of", "involved": " in", "part": " in", "belong": " to",
              "belongs": " to", "up": " to"}.get(verb, " in" if verb.startswith("particip")
                                                 else "")
        return f"{said}{to} {subject.name_en or subject.name}?"
    m = _JOINED_ZH.search(text)
    if m is None:
        return None
    verb = re.match(r"参加|加入|参与|入选|是成员|是会员", m.group()).group()  # type: ignore[union-attr]
    return f"{text[:m.start()]}{verb}{subject.name}{m.group()[len(verb):].strip()}"


def container(text: str, subject: Entity | None) -> Referent | None:
    """是不是也在里面, 在其中吗 after a question about X: "in X" (a later part that names its
    own entity and asks whether it is in the first part's subject too); else None."""
    m = _INSIDE_IT.search(text)
    if m is None or subject is None:
        return None
    return Referent((subject,), m.group("it"))


def carried_to(text: str, ref: Referent, entity: Entity) -> str:
    """The later part with the reference replaced by the entity's name."""
    name = entity.name_en if text.isascii() and entity.name_en else entity.name
    words = ref.words
    if text.isascii() and words.lower() in ("its", "their"):
        name = f"{name}'s"
    found = re.search(rf"(?<![A-Za-z]){re.escape(words)}(?![A-Za-z])", text)  # not c(it)y
    if found is None:
        return f"{name} {text}"
    return text[:found.start()] + name + text[found.end():]


def _is_property(answer: Any) -> bool:
    return answer.parsed.intent.name.startswith(("property:", "check"))


def count_back(text: str, first: Any) -> Any | None:
    """"How many are there?" after a list: the first part's answer, counted."""
    if first is None or _is_property(first) or not _COUNT_BACK.match(text.strip()):
        return None
    return replace(first, parsed=replace(first.parsed, count=True))


@dataclass(frozen=True)
class Told:
    """The first part's answer (an AskAnswer), told again with the values a later part asks
    of it; everything else is the first answer's."""

    base: Any
    told: tuple[tuple[str, str, Any], ...] = ()
    explain: bool = False

    def __getattr__(self, name: str) -> Any:  # parsed, ran, entities, subgraph, …
        return getattr(self.base, name)

    @property
    def values(self) -> tuple[tuple[str, str, Any], ...]:
        return self.told

    @property
    def count(self) -> int | None:
        return None

    def to_dict(self) -> dict[str, Any]:
        out = replace(self.base, explain=self.explain).to_dict()
        out["answer"] = {**out["answer"], "count": None,
                         "values": [{"of": of, "property": prop, "value": value}
                                    for of, prop, value in self.told]}
        return out


def total(text: str, first: Any) -> Any | None:
    """"What is their total area" after a list: the sum of the property over what the first
    part listed, with how many of them hold it."""
    from queries.ask.lexicon import lexicon

    if first is None or _is_property(first) or not _TOTAL.search(text):
        return None
    low = text.lower()
    props = [p for p in _SUMMED if any(w.lower() in low for w in lexicon().properties.get(p, ()))]
    if not props or not first.entities:
        return None
    told: list[tuple[str, str, Any]] = []
    for prop in props:
        held = [e for e in first.entities if _number(e.props.get(prop)) is not None]
        told.extend((e.display, prop, e.props[prop]) for e in held)
        summed = sum(_number(e.props.get(prop)) or 0.0 for e in held)
        told.append((f"total of the {len(held)} of {len(first.entities)} that hold it",
                     prop, round(summed, 3)))
    return Told(first, tuple(told), first.explain)


def _number(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def detail(text: str, first: Any, props: tuple[str, ...]) -> Any | None:
    """A later part that asks a value of the first part's relations (since when, 占多少股):
    the values of those properties on the relations between the question's entities and
    what the first part listed (a date: since, established, opened); None when none holds
    one."""
    if first is None or _is_property(first) or not first.entities:
        return None
    if _WHEN.search(text):
        props = (*props, "since", "established", "opened")
    props = tuple(dict.fromkeys(props))
    if not props:
        return None
    slots = {e.id for e in first.parsed.slots.values()}
    listed = {e.id: e for e in first.entities}
    names = {**{e.id: e.display for e in first.parsed.slots.values()},
             **{k: e.display for k, e in listed.items()}}
    told: dict[tuple[str, str, str], Any] = {}
    for ran in first.ran:
        if ran.result is None or not hasattr(ran.result, "subgraph"):
            continue
        sub = ran.result.subgraph()
        names.update((n.id, n.display) for n in sub.nodes)
        for rel in sub.edges:
            ends = {rel.start, rel.end}
            if not (ends & set(listed)) or not (ends & slots or ends <= set(listed)):
                continue
            for prop in props:
                if rel.props.get(prop) not in (None, ""):
                    held = f"{names.get(rel.start, rel.start)} {rel.type} " \
                           f"{names.get(rel.end, rel.end)}"
                    told.setdefault((held, prop, str(rel.props[prop])), rel.props[prop])
    if not told:  # none on the relations: the things' own record (when was it set up)
        for e in listed.values():
            for prop in props:
                if e.props.get(prop) not in (None, ""):
                    told.setdefault((e.display, prop, str(e.props[prop])), e.props[prop])
    if not told:
        return None
    return Told(first, tuple((k[0], k[1], v) for k, v in told.items()), first.explain)


def asked_props(text: str) -> tuple[str, ...]:
    """The held properties a part's words ask for (面积: area_km2, stake: share)."""
    from queries.ask.figures import says
    from queries.ask.lexicon import lexicon

    low = text.lower()
    return tuple(p for p, ws in lexicon().properties.items()
                 if any(says(low, w.lower()) or (w.isascii() and says(low, w.lower() + "s"))
                        for w in ws))  # (stakes: stake)
