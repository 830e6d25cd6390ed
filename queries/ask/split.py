"""Two questions in one: each part answered, the subject carried into the later parts.

"市北高新（南通）科技城在哪个区？是跟谁合作建的", "When was X set up, and which zone does it
belong to?", "苏宿工业园哪年成立的，面积多大": a question mark inside the question, or a comma
(", and") before a second question word, ends one question and starts another. The later part
names no entity of its own ("是跟谁合作建的", "which zone does it belong to"): the subject of
the first part is carried into it, in place of its pronoun (it, its, 它, 其) or before it. When the
first part asks about an unnamed thing with a pronoun ("Kunshan co-built a park up north - what
is it called"), its answer, when it is one entity, is the subject carried on.

The parts are answered one by one (`PartsAnswer`); the answer lists each part in a section,
`--json` gives a list of parts, and what they list together is the union of their entities.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from graph.model import Entity, Subgraph
from graph.names import has_han
from queries.ask.colloquial import plain, without_remarks

# A question word: where a part asks something (a part without one is context for the next).
_ASKS_ZH = re.compile(r"哪|什么|谁|几|多少|多大|多长|多久|何|吗|是否|是不是|有没有|怎么|如何|啥|咋|"
                      r"([\u4e00-\u9fff])[不没]\1|"  # 算不算, 在不在: A-not-A asks
                      r"呢\s*[？?]?\s*$")  # (下游呢: and downstream?)
_ASKS_EN = re.compile(r"\b(?:which|what|who|whom|whose|where|when|how|why)\b|"
                      r"^(?:and\s+)?(?:is|are|was|were|does|do|did|has|have|can|any)\b", re.I)
# Where one question ends and another may start (、 only before a part said with 又/也/呢:
# 上游是啥、下游又是啥; 谁在投、股比多少 is one question; a space between Chinese words, as
# typed for a comma: 南通高新区在哪个区 主攻啥产业).
_BREAK = re.compile(r"[？?]\s*|、(?=[^、，,；;？?]*(?:又|也|呢))|"
                    r"[，,；;]\s*(?:and\s+|以及|并且|还有|另外|又)?|\s+-\s+|"
                    r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])|\s+and\s+(?="
                    r"(?:which|what|who|where|when|how|since when|from when|"
                    r"in (?:what|which) year)\b)", re.I)
_PRONOUN_EN = re.compile(r"\b(it|its|they|their)\b", re.I)
_PRONOUN_ZH = re.compile(r"它们|它|其")


def _asks(text: str) -> bool:
    return bool(_ASKS_ZH.search(text) or _ASKS_EN.search(text))


def _words(text: str) -> int:
    """How long a part is: Latin words, or Chinese characters / 2 (rounded up)."""
    latin = len(re.findall(r"[A-Za-z]+", text))
    han = len(re.findall(r"[\u4e00-\u9fff]", text)) + len(re.findall(r"[啥咋]", text))  # 什么
    return latin + (han + 1) // 2


def parts(question: str) -> list[str]:
    """The questions a question holds, in order (one: it is a single question). A break
    counts only between two pieces that each ask something ("bridges, railways and ports"
    is one list); a piece that asks nothing before a break is context for the next
    ("Kunshan co-built a park up north - what is it called"); a piece too short to be a
    question of its own ("and when?") stays with the one before."""
    text = without_remarks(question).strip()
    end = len(text.rstrip("？?。. "))
    cuts = [m for m in _BREAK.finditer(text) if m.end() < end]
    pieces = [text[a.end() if a else 0:b.start() if b else len(text)]
              for a, b in zip([None, *cuts], [*cuts, None], strict=True)]
    seps = [m.group() for m in cuts]
    out: list[str] = []
    current = pieces[0].strip()
    for sep, piece in zip(seps, (p.strip() for p in pieces[1:]), strict=True):
        dash = sep.strip() == "-"
        if not _asks(current):  # context: said before the question it leads to
            current = f"{current} {piece}".strip()
        elif (_asks(piece) or (_TERSE.match(piece) and "?" in sep.replace("？", "?"))) \
                and not dash and _words(piece) >= 2 and not _state_only(piece) \
                and not _WHICH_ONES.match(piece) \
                and not (_NAMES.match(piece) and _COUNTED.search(current)):
            out.append(current)
            current = piece
        else:  # one question: a list, a restatement, a detail ("and when?")
            current = f"{current}{sep}{piece}"
    out.append(current)
    return out if len(out) > 1 else [question]


# values named after a question, asking them with no asking word ("Any X in Y? Name and
# size.", …？名字和面积): a part of its own
_VALUE_WORD = (r"(?:(?:its|their|the)\s+)?(?:name|names|size|area|date|year|length|status|"
               r"opening date|tier|level|share|stake|名字|名称|面积|规模|长度|年份|时间|状态|级别)")
_TERSE = re.compile(rf"^\s*(?:and\s+)?{_VALUE_WORD}(?:\s*(?:,|、|和|及|and|&|/)\s*{_VALUE_WORD})+"
                    r"\s*[?.。？!！]*\s*$", re.I)


_WHICH_ONLY = re.compile(r"^(?:[\s、，,?？.。]*(?:and\s+)?(?:which|哪些|哪几[个条座]?)(?:\s+ones?)?"
                         r"(?:\s+of them)?(?:\s+(?:are|is|were))?(?:\s+(?:still|already|now))?"
                         r")+[\s、，,?？.。]*$", re.I)


# "how many …, and which ones are they?": the list of what is counted, which a count lists
_WHICH_ONES = re.compile(r"^\s*(?:and\s+)?(?:which|what)(?:\s+ones)?"
                         r"(?:\s+are\s+(?:they|those|these|them))?"
                         r"(?:\s+(?:exactly|specifically))?\s*[?？.]*\s*$", re.I)
# …一共有几个园区？都叫啥, "How many …? Names?": the names of what was counted, listed with
# the count (after a yes, 叫什么名字 asks the name of what the yes found: a part of its own)
_NAMES = re.compile(r"^\s*(?:(?:and\s+)?(?:their\s+)?names|name them|list them|"
                    r"(?:都|分别|各)?叫(?:啥|什么)(?:名字)?|(?:都|分别)是(?:哪些|哪几个|啥|什么)|"
                    r"名字(?:呢|是什么)?)\s*[?？.。]*\s*$", re.I)
_COUNTED = re.compile(r"几|多少|\bhow many\b|\bnumber of\b|\bcount of\b", re.I)


def _state_only(piece: str) -> bool:
    """A piece that only names another state of the same list ("… are open and which are
    still being built", 哪些已经通了、哪些还在修): the list is split by state, one question."""
    from queries.ask.said_states import STATES, without_states

    bare = without_states(piece)
    if bare == piece or not _WHICH_ONLY.match(bare):
        return False
    if re.match(r"^\s*(?:and\s+)?which\b", piece, re.I):
        return True  # "… are open and which are still being built": the state after 'and'
    return len({state for pattern, state in STATES if pattern.search(piece)}) >= 2


def carried(part: str, subject: Entity) -> str:
    """A later part with the subject carried in: in place of its pronoun, else before it."""
    name = subject.name_en if part.isascii() and subject.name_en else subject.name
    if part.isascii():
        if _PRONOUN_EN.search(part):
            return _PRONOUN_EN.sub(lambda m: f"{name}'s" if m.group(1).lower() in ("its", "their")
                                   else name, part, count=1)
        return f"{name}: {part}"
    if _PRONOUN_ZH.search(part):
        return _PRONOUN_ZH.sub(name, part, count=1)
    return name + part


@dataclass(frozen=True)
class Part:
    question: str  # as asked, the subject carried in
    answer: Any = None  # an AskAnswer, or None when refused
    refused: str = ""  # why the part was not answered
    kept: bool = False  # a yes-or-no whose two ends join the answer (南通有没有参加？)


@dataclass(frozen=True)
class PartsAnswer:
    """A question of several parts, each answered in turn."""

    question: str
    parts: tuple[Part, ...]
    explain: bool = False

    @property
    def answered(self) -> list[Any]:
        return [replace(p.answer, explain=self.explain) for p in self.parts if p.answer]

    @property
    def parsed(self) -> Any:  # the first answered part's reading (for --explain, the eval)
        return self.answered[0].parsed

    @property
    def entities(self) -> tuple[Entity, ...]:
        """What the parts list, together, kept to the kinds the listing parts list. A part
        that asks a value of the thing it names ("哪年通车的", "is it national-level") names
        that thing beside the list, with the value (session 15: "崇启大桥哪年通车的，连的是哪
        两个地方": the bridge and the two places); a yes-or-no part's other entities join only
        when of a kind another part lists, or when no other part lists anything."""
        out: dict[str, Entity] = {}
        answered = self.answered
        lists = [a for a in answered if not _asks_a_value(a) and a.entities]
        kinds = {e.label for a in lists for e in a.entities}
        kept = {id(p.answer) for p in self.parts if p.kept}
        for a, p in zip(answered, [p for p in self.parts if p.answer], strict=True):
            if lists and _asks_a_value(a) and id(p.answer) not in kept:
                # the thing whose value is asked is named by the answer (苏锡通园区是何时组建
                #的？由哪几个城市共建？: the park with its date, then the cities)
                out.update((e.id, e) for e in a.parsed.slots.values()
                           if a.parsed.intent.name.startswith(("property:", "check:property")))
                out.update((e.id, e) for e in a.entities if e.label in kinds)
            else:
                out.update((e.id, e) for e in a.entities)
        return tuple(out.values())

    @property
    def values(self) -> tuple[tuple[str, str, Any], ...]:
        return tuple(v for a in self.answered for v in a.values)

    count = None
    verdict = None
    summary = ""  # what the parts say together (which of two counts is more)

    @property
    def kind_note(self) -> str:
        """What the parts say of the kinds they hold ("the graph records City entities, not
        Organization, for this"): said of the whole, as its list is theirs together."""
        notes = [a.kind_note for a in self.answered if a.kind_note]
        return " ".join(dict.fromkeys(notes))

    @property
    def title(self) -> str:
        return f"estuary ask: {self.question}"

    def to_dict(self) -> dict[str, Any]:
        out: list[dict[str, Any]] = []
        for p in self.parts:
            if p.answer is None:
                out.append({"question": p.question, "refused": p.refused})
            else:
                out.append({**replace(p.answer, explain=self.explain).to_dict(),
                            "question": p.question})
        return {"question": self.question, "parts": out,
                "answer": {"entities": [e.ref() for e in self.entities]}}

    def subgraph(self) -> Subgraph:
        subs = [a.subgraph() for a in self.answered]
        nodes = {n.id: n for s in subs for n in s.nodes}
        edges = {r.key: r for s in subs for r in s.edges}
        focus = tuple(dict.fromkeys(i for s in subs for i in s.focus))
        highlight = tuple(dict.fromkeys(i for s in subs for i in s.highlight))
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(edges[k] for k in sorted(edges)), focus=focus,
                        highlight=highlight,
                        path_edges=frozenset(p for s in subs for p in s.path_edges))


def answer_parts(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                 extra: tuple[Any, ...] = ()) -> PartsAnswer | None:
    """Each part of a question of several parts answered by `ask` (queries/ask/answering.py,
    passed in: it calls this first); None for a single question."""
    from queries.ask.parsing import Unmappable

    texts = parts(question)
    if len(texts) < 2 or _EXISTS.match(texts[0]):
        return None  # "is there an X, and is Nantong in it": the whole question reads it
    done: list[Part] = []
    subject: Entity | None = None
    for n, text in enumerate(texts):
        own = _own_value(text, gaz, subject, done[0].answer) if n > 0 and done else None
        if own is not None:  # 横跨哪几个区县？总的规划面积多少: the subject's own area
            try:
                done.append(Part(own, ask(store, own, gaz, extra)))
                continue
            except Unmappable:
                pass
        if n > 0 and done[0].answer is not None:
            # "这个项目是谁投资的", "who are their partners", "How many are there?", "and
            # what is their total area", "什么时候加入的": about what the first part found
            back = _follow_up(ask, store, text, gaz, extra, done[0], subject)
            if back is not None:
                done.extend(back)
                continue
        told = _of_the_yes(text, done[0].answer) if n > 0 and not _names_any(text, gaz) \
            else None
        if told is not None:  # 有没有共建园区 叫啥 哪年开始的: told from the yes's evidence
            done.append(Part(text, told))
            continue
        if n > 0 and (_EACH.search(text) or (subject is not None
                                              and _detail(text, gaz, done[0]))):
            return None  # "哪些股东，各占多少": a property of the first part's relations
        about = subject
        if n > 0 and _ELSE.search(text) and done[0].answer is not None and getattr(
                done[0].answer, "verdict", None) is not None:
            # "is A part of B, and who else is in it": B's members, not A's
            about = list(done[0].answer.parsed.slots.values())[-1]
        asked = text if n == 0 or about is None or _names_any(text, gaz) else carried(
            text, about)
        if n > 0 and about is not None and about is not subject and not _names_any(text, gaz):
            import queries.ask.followups as followups

            asked = followups.others_asked(text, done[0].answer, about) or asked
        try:
            got = ask(store, asked, gaz, extra)
        except Unmappable as exc:
            # (a figure the graph does not hold, asked first: the whole is refused)
            named = _one_named(text, gaz) if n == 0 and not getattr(exc, "final", False) \
                else None
            if n == 0 and named is None:  # the first part sets the subject: without it,
                return None  # read the whole
            # (张靖皋大桥这名字三个字分别指的哪儿？桥两头连的是哪几个地方: the first part is
            # not answered, the bridge it names is the next part's subject)
            done.append(Part(asked, None, str(exc).splitlines()[0]))
            subject = subject or named
            continue
        done.append(Part(asked, got))
        if subject is None:
            subject = _subject(text, got)
    if not any(p.answer is not None for p in done):
        return None  # no part answered: read the whole
    return PartsAnswer(question, tuple(done))


_NAME_ASKED = re.compile(r"叫什么|叫啥|什么名字|啥名字|名字是|名称|哪个园区|哪一个|\bcalled\b|"
                         r"\bname\b|\bwhich one\b", re.I)


_OWN_PROPS = ("area_km2", "length_m", "established", "opened")


def _own_value(text: str, gaz: Any, subject: Entity | None, first: Any) -> str | None:
    """A later part that asks a value the first part's subject records itself, of no other
    thing (规划面积多少 after 张江长三角科技城横跨哪几个区县: the city's area, not a sum of its
    districts'): the part asked of the subject; None otherwise."""
    import queries.ask.followups as followups

    if subject is None or first is None or _names_any(text, gaz) or _EACH.search(text) \
            or getattr(first, "verdict", None) is not None \
            or first.parsed.intent.name.startswith("property:"):
        return None
    if _WHEN.search(text) or re.search(r"\bsince\b|从.{0,4}开始", text):
        return None  # (since when, 哪年: the relations' dates first, told below)
    props = [p for p in followups.asked_props(text) if p in _OWN_PROPS]
    if not props or not all(subject.props.get(p) not in (None, "") for p in props):
        return None
    if any(e.props.get(p) not in (None, "") for e in first.entities for p in props
           if e.label == subject.label):
        return None  # (what the first part listed holds it too: which one is asked)
    return carried(text, subject)


_PLACE_LABELS = frozenset({"City", "Region"})


def _of_the_yes(text: str, first: Any) -> Any:
    """A later part asking a value (哪年开始的) or the name (叫啥) of what a first part's "yes"
    rests on: told from the verdict's evidence (its relations, then the things on it other
    than the two ends); None if it is no yes or holds none."""
    import queries.ask.followups as followups

    verdict = getattr(first, "verdict", None)
    if verdict is None or not verdict.held:
        return None
    ends = {e.id for e in first.parsed.slots.values()}
    things = [e for e in verdict.entities if e.id not in ends]
    if all(e.label in _PLACE_LABELS for e in things):  # "Any X park in Y? Name and size.":
        things = [e for e in verdict.entities if e.label not in _PLACE_LABELS] or things  # X
    names = {e.id: e.display for e in verdict.entities}
    props = followups.asked_props(text)
    if _WHEN.search(text):
        props = (*props, "since", "established", "opened")
    told: dict[tuple[str, str], Any] = {}
    for rel in verdict.relations:
        for prop in props:
            if rel.props.get(prop) not in (None, ""):
                held = f"{names.get(rel.start, rel.start)} {rel.type} {names.get(rel.end, rel.end)}"
                told.setdefault((held, prop), rel.props[prop])
    for e in things:
        for prop in props:
            if e.props.get(prop) not in (None, ""):
                told.setdefault((e.display, prop), e.props[prop])
        if _NAME_ASKED.search(text):
            told.setdefault((e.display, "name"), e.name)
    if not told:
        return None
    return followups.Told(first, tuple((of, prop, v) for (of, prop), v in told.items()),
                          first.explain)


def _one_named(text: str, gaz: Any) -> Entity | None:
    """The one entity a part names (a single mention of a single id), else None."""
    from queries.ask.text import names_in

    _, mentions = names_in(text, gaz)
    if len(mentions) != 1 or len(mentions[0].ids) != 1:
        return None
    return gaz.entities.get(mentions[0].ids[0])  # type: ignore[no-any-return]


def _follow_up(ask: Callable[..., Any], store: Any, text: str, gaz: Any,
               extra: tuple[Any, ...], first: Part, subject: Entity | None
               ) -> list[Part] | None:
    """A later part answered from what the first part found (queries/ask/followups.py):
    counted, summed, carried to what its reference points at, or the value asked of the
    first part's relations; None when it is none of these."""
    import queries.ask.followups as followups
    from queries.ask.guard import head_kinds
    from queries.ask.parsing import Unmappable
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    got = first.answer
    counted = followups.count_back(text, got)
    if counted is not None:
        return [Part(text, counted)]
    inside = followups.container(text, subject)  # X是不是也在里面: in the first's subject
    if inside is not None:
        asked = followups.carried_to(text, inside, inside.entities[0])
        try:
            return [Part(asked, ask(store, asked, gaz, extra))]
        except Unmappable as exc:
            return [Part(asked, None, str(exc).splitlines()[0])]
    joined = followups.joined_it(text, subject)  # 南通有没有参加？: in the first's subject
    if joined is not None and _names_any(text, gaz):
        try:
            return [Part(joined, ask(store, joined, gaz, extra), kept=True)]
        except Unmappable as exc:
            return [Part(joined, None, str(exc).splitlines()[0])]
    if _names_any(text, gaz):
        return None
    summed = followups.total(text, got)
    if summed is not None:
        return [Part(text, summed)]
    each = followups.of_each(text, got, gaz)  # 分别是谁去合作的: asked of each thing listed
    if each is not None:
        return _each_asked(ask, store, text, gaz, extra, each)
    if _EACH.search(text) or _ELSE.search(text):
        return None  # (who else is in it: the container's members, read below)
    q, mentions = names_in(first.question, gaz)
    asked_kind = bool(head_kinds(masked_text(q, mentions).lower()))
    plural = subject is not None and any(
        subject.id in m.ids and re.search(r"[a-z](?<!s)s$", m.text) for m in mentions)
    ref = followups.referent(text, got, subject, asked_kind, plural)
    if ref is not None and len(ref.entities) > 1:
        # "what stakes did they hold": a value of the first part's relations to them
        told = followups.detail(text, got, followups.asked_props(text))
        if told is not None:
            return [Part(text, told)]
    if ref is not None:
        return _each_asked(ask, store, text, gaz, extra, ref)
    return None


def _each_asked(ask: Callable[..., Any], store: Any, text: str, gaz: Any,
                extra: tuple[Any, ...], ref: Any) -> list[Part]:
    """A later part asked of each thing its reference points at (its words replaced by the
    thing's name): the parts answered, else the first refusal."""
    import queries.ask.followups as followups
    from queries.ask.parsing import Unmappable

    out: list[Part] = []
    for entity in ref.entities[:_CARRIED_AT_MOST]:
        asked = followups.carried_to(text, ref, entity)
        try:
            out.append(Part(asked, ask(store, asked, gaz, extra)))
        except Unmappable as exc:
            out.append(Part(asked, None, str(exc).splitlines()[0]))
    answered = [p for p in out if p.answer is not None]
    return answered or out[:1]


# A plural reference ("who are their partners") is asked of each thing listed, up to this many.
_CARRIED_AT_MOST = 12


# "分别是谁共建的", "who built each", "其中哪些是千亿级的", "which of them": about what the first
# part listed, not its subject: the question is read whole.
_EACH = re.compile(r"分别|各自|其中|这些|它们中|哪些是|哪个是|\beach\b|\brespectively\b|"
                   r"\b(?:of|among) (?:them|these|those)\b", re.I)
_ELSE = re.compile(r"\belse\b|\bother (?:members|cities|parks)\b|还有谁|还有哪些|其他|其它")
_EXISTS = re.compile(r"^(?:is|are) there\b|^(?:有没有|是否有|有无)", re.I)


def _detail(text: str, gaz: Any, first: Part) -> bool:
    """A later part that only asks a property (占多少股, how big is its stake, 从哪年开始)
    of what a first part that is no property question listed: a detail of that answer."""
    from queries.ask.figures import held_words
    from queries.ask.figures import says as _says
    from queries.ask.guard import head_kinds

    if first.answer is None or first.answer.parsed.intent.name.startswith("property:"):
        return False
    if _names_any(text, gaz) or head_kinds(text.lower()):
        return False
    if _WHO.search(text) and _WHERE.search(first.question):
        return False  # X建在哪个区？谁在投、股比多少: who is no place; a list of its own
    return any(_says(text.lower(), w) for w in held_words())


def first_of_details(question: str, gaz: Any) -> str | None:
    """The first part of a question whose later parts only ask a detail of what it lists
    ("Who co-builds X, and since when?": the dates are on the relations listed), for when the
    question read whole maps to nothing; None otherwise."""
    from queries.ask.figures import held_words
    from queries.ask.figures import says as _says
    from queries.ask.guard import head_kinds

    texts = parts(question)
    if len(texts) < 2 or not _names_any(texts[0], gaz):
        return None
    later = texts[1:]
    if any(_names_any(t, gaz) or head_kinds(t.lower()) or not (any(
            _says(t.lower(), w) for w in held_words()) or _WHEN.search(t)) for t in later):
        return None
    return texts[0]


def with_details(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                 extra: tuple[Any, ...] = ()) -> Any:
    """A question whose later parts only ask a detail of what its first part lists, when
    read whole it maps to nothing ("中芯国际是哪个联盟的成员，什么时候加入的", "Who co-builds X,
    and since when?"): the first part answered, and each later part told from the values on
    its relations (queries/ask/followups.py); None when it is no such question."""
    import queries.ask.followups as followups

    first = first_of_details(question, gaz)
    if first is None:
        return None
    got = ask(store, first, gaz, extra)
    out = [Part(first, got)]
    for text in parts(question)[1:]:
        told = followups.detail(text, got, followups.asked_props(text))
        if told is None and _WHEN.search(text):  # 是谁批准的，什么时候批的: X's own date
            told = _own_date(ask, store, got, gaz, extra)
        if told is None:
            return got  # no value held on its relations: the first part, as before
        out.append(Part(text, told))
    return PartsAnswer(question, tuple(out))


# a last part asking only when ("…, and when?", …，什么时候批的)
_WHEN_LAST = re.compile(r"(?:[,，;；]\s*|\s+)(?:and\s+)?(?:since\s+)?when\b[^?？]{0,20}[?？.]*\s*$|"
                        r"[，,；;、]\s*(?:是)?(?:从|于)?(?:什么时候|何时|哪年|哪一年)[\u4e00-\u9fff]{0,6}"
                        r"[？?。]*\s*$", re.I)


def own_date_after(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                   extra: tuple[Any, ...], whole: Any) -> Any:
    """A list question ending in "and when" whose listed relations hold no date ("Who
    approved X, and when?"): the list, and X's own date as a second part; None otherwise
    (a date on the relations is shown beside the list already)."""
    import queries.ask.followups as followups

    said = plain(question)
    last = _WHEN_LAST.search(said)
    if last is None or not whole.entities or whole.verdict is not None \
            or whole.parsed.intent.name.startswith("property:"):
        return None
    tail = said[last.start():].lstrip(",，;；、 ")
    if followups.detail(tail, whole, followups.asked_props(tail)) is not None:
        return None
    listed = {e.id for e in whole.entities}
    if any(r.props.get("since") not in (None, "") and ({r.start, r.end} & listed)
           for e in whole.parsed.slots.values() for r in store.relations_of(e.id)):
        return None  # (dated ties to what is listed: shown beside the list, on either store)
    told = _own_date(ask, store, whole, gaz, extra)
    if told is None:
        return None
    return PartsAnswer(question, (Part(said[:last.start()].strip(), whole), Part(tail, told)))


def _own_date(ask: Callable[..., Any], store: Any, got: Any, gaz: Any,
              extra: tuple[Any, ...]) -> Any:
    """When the one thing a first part is about was set up, where its relations hold no date
    ("通州湾示范区是谁批准的，什么时候批的": the zone's own date); None if it records none."""
    from queries.ask.parsing import Unmappable

    slots = list(got.parsed.slots.values())
    if len(slots) != 1:
        return None
    thing = slots[0]
    held = thing.props
    date = "opened" if held.get("opened") and not held.get("established") else "established"
    if not held.get(date):
        return None
    asked = (f"{thing.name}是什么时候{'通车' if date == 'opened' else '成立'}的？"
             if has_han(got.parsed.question) else
             f"When was {thing.name_en or thing.name} {date}?")
    try:
        told = ask(store, asked, gaz, extra)
    except Unmappable:
        return None
    return told if thing.id in {e.id for e in told.entities} else None


_WHEN = re.compile(r"\bwhen\b|什么时候|何时|哪年|哪一年", re.I)
_WHO = re.compile(r"谁|\bwho(?:m)?\b", re.I)
_WHERE = re.compile(r"哪个区|哪个县|哪个市|哪里|哪儿|在哪|\bwhere\b|"
                    r"\bwhich (?:district|city|county)",
                    re.I)


def _asks_a_value(answer: Any) -> bool:
    """A part that asks a value of what it names (its date, its area) or a yes-or-no of it
    (南通是不是扬子江城市群的成员), not for a list."""
    # (a relation's check keeps both ends: "who else")
    return answer.parsed.intent.name.startswith(("property:", "check")) or bool(
        getattr(answer, "told", ())) or getattr(answer, "verdict", None) is not None


def _names_any(text: str, gaz: Any) -> bool:
    from queries.ask.text import names_in

    return bool(names_in(text, gaz)[1])


def _topic_first(text: str, got: Any) -> bool:
    """Whether the part begins with a name said on its own, the topic its pronoun points
    back to ("Energy storage - whose chain is it": it is energy storage, not the answer)."""
    asking = _ASKS_EN.search(text) or _ASKS_ZH.search(text)
    if asking is None:
        return False
    before = re.sub(r"[\s\W_]+", "", text[:asking.start()]).casefold()
    return bool(before) and any(re.sub(r"[\s\W_]+", "", m.text).casefold() == before
                                for m in got.parsed.mentions)


def _subject(text: str, got: Any) -> Entity | None:
    """What a first part is about: its answer, when it asked about an unnamed thing with a
    pronoun and found one; else the entity it names first."""
    if (_PRONOUN_EN.search(text) or _PRONOUN_ZH.search(text)) and len(got.entities) == 1 \
            and not _topic_first(text, got):
        return got.entities[0]
    order = {i: n for n, m in enumerate(got.parsed.mentions) for i in m.ids}
    slots = sorted(got.parsed.slots.values(), key=lambda e: order.get(e.id, len(order)))
    return slots[0] if slots else None


def read_again(got: Any, question: str, note: str) -> Any:
    """`got`, the answer to the question said another way, as the answer to `question`
    with `note` saying how it was read: an answer of one reading or of several parts."""
    if isinstance(got, PartsAnswer):
        parts = list(got.parts)
        first = next((i for i, p in enumerate(parts) if p.answer is not None), None)
        if first is not None:
            told = parts[first].answer
            parts[first] = replace(parts[first], answer=replace(told, parsed=replace(
                told.parsed, notes=(note, *told.parsed.notes))))
        return replace(got, question=question, parts=tuple(parts))
    return replace(got, parsed=replace(got.parsed, question=question,
                                       notes=(note, *got.parsed.notes)))
