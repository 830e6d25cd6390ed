"""Reading a masked question: the question words, the kind asked for and where the asking
phrase stands, the verbs of the lexicon, qualifiers, a property asked about, count, each/shared.

What the reading means (which relation, from which end) is decided in grammar.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from queries.ask.lexicon import Lexicon, lexicon
from queries.ask.relation_states import relation_states_said
from queries.ask.said_states import STATES
from queries.ask.tiers import joined_where

QUESTION = re.compile(r"哪[两三四五六七八九十]+[个条家座所项]?|"
                      r"哪些|哪几个|哪几家|哪几条|哪几座|哪几|哪个|哪座|哪家|哪条|哪类|哪种|哪一|"
                      r"哪里|哪儿|哪|什么|啥|谁|几个|几条|几家|几座|几|多少|有没有|"
                      r"列出|列举|\b(?:which|what|who|whom|whose|where|how many|how much|"
                      r"is there an?|are there(?: any)?|list|name all|any)\b")
_COUNT = re.compile(r"(?<!哪)几(?:个|条|家|座|所|项|大)?|多少(?!股|钱|亿|万|平方|年)|一共|总共|"
                    r"\bhow many\b|\bnumber of\b|\bcount of\b|\btotal count\b")
PASSIVE = re.compile(r"被|由|\bby\b")
NEIGHBOURS = re.compile(r"\b(?:connected|linked|related|tied) (?:to|with)\b|"
                         r"和什么相连|跟什么相连|与什么相连|和哪些.{0,4}相连|有哪些关联|关联了哪些")
# Asking who built something together with an entity: its partners, not what it built.
PARTNERS = re.compile(r"和谁|跟谁|与谁|同谁|和哪些|跟哪些|与哪些|同哪些|伙伴|搭档|"
                      r"\bwith whom\b|\bwho\b.*\bwith\b|\bwhich [a-z]+ .*\bwith\b|"
                      r"\bpartners?\b|\bpartnered\b|\bteamed up\b")
_AUX = r"(?:is|are|was|were|does|do|did|has|have|had|will|can|could|should|would)"
# Between "which"/"what" and the label word it asks for: modifiers, never an auxiliary
# ("who is drawing up the zone's plan" does not ask for zones).
_AFTER_QUESTION = (rf"(?:\s{_AUX}\b)?(?:\s|的|个|些|⟨\d+⟩|of|the|kind of|types? of|"
                   rf"(?!{_AUX} )[a-z-]+ |[\u4e00-\u9fff]{{1,4}}){{0,7}}$")
_OPENS = re.compile(r"(?:哪[两三四五六七八九十]+[个条家座所项]?|哪些|哪几个|哪几家|哪几条|"
                    r"哪几座|哪几|哪个|哪座|哪家|哪条|哪类|哪种|哪一|哪|什么|几个|几条|几家|几座|几|多少|有没有|"
                    r"列出|列举|\b(?:which|what|how many|is there an?|are there(?: any)?|list|"
                    r"name all|any)\b)")
_BEFORE_QUESTION = re.compile(
    r"^\s?(?:是|有|都有|包括|分别是|叫|呢)?\s?(?:哪些|哪个|哪几|哪[两三四五六七八九十]|什么|谁|几)")
_JOINED = re.compile(r"^\s?(?:和|与|及|或|或者|、|,|and|or|and/or)\s?$")
_SKIP_LABELS = frozenset({"Source"})
# Between two Chinese kind words, what may make one noun of them (城市协调组织: organisations
# of cities): an entity, or a few characters that are no particle (nor a verb, `_verb_in`).
# (not a predicate said of the kind: 哪几个城市算重点产业 asks cities, 产业 is what they count as)
_QUALIFYING_GAP = re.compile(r"(?:⟨\d+⟩)?|(?![\u4e00-\u9fff]*(?:算|列为|评为|作为|当作|属于))"
                             r"[\u4e00-\u9fff]{1,4}")
_PARTICLES = re.compile(r"[的了和与及或有是在都也被把对从向给为吗呢哪些个什么谁几]")


def _verb_in(gap: str, lex: Lexicon) -> bool:
    """Whether a gap between two kind words holds a particle or a verb of the lexicon."""
    if not gap or gap.startswith("⟨"):
        return False
    return bool(_PARTICLES.search(gap)) or any(v.text in gap for v in lex.verbs
                                               if not v.text.isascii())


# what comes right before a kind that is had (has any, 有没有): the kind is the object asked of
_HAD_BEFORE = re.compile(r"(?:\b(?:have|has|had|got|own|owns)\s(?:any\s|an?\s)?|有没有|有无|有)"
                         r"\s?$",
                         re.I)


def acts_as_verb(masked: str, start: int, end: int, lex: Lexicon) -> bool:
    """A kind word that is a verb of the lexicon too, said as one (哪些机构部署提出的: 部署
    is what they did, not the kind asked): another verb, 的, 了 or the end follows it."""
    word = masked[start:end]
    if not any(v.text == word for v in lex.verbs):
        return False
    after = masked[end:]
    return bool(re.match(r"\s*(?:的|了|过|[？?。]|$)", after)) or any(
        after.startswith(v.text) for v in lex.verbs if not v.text.isascii())


_ACTORS = frozenset({"City", "Region", "Organization", "Park"})


# 在发展路径上, 在跨区域合作方面: the aspect a relation is asked in (its `aspect`), no verb
_ASPECT_FRAME = re.compile(r"在\s?[\u4e00-\u9fff]{2,8}?\s?(?:方面|上|领域|这块|这一块)"
                           r"(?=[\u4e00-\u9fff⟨])")


def _asking_clause(masked: str, questions: tuple[Hit, ...],
                   verbs: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The verbs of the clause that asks, where an earlier one only sets the scene
    (南通推广人才资质互认，是借鉴的哪里的经验: 借鉴 is asked about, 推广 is context)."""
    # (a Chinese mark is prepared away as a space between two characters)
    cuts = [m.end() for m in re.finditer(r"[，,；;]|(?<=[\u4e00-\u9fff⟩]) (?=[\u4e00-\u9fff⟨])",
                                         masked)]
    if not cuts or not questions or not verbs:
        return verbs
    bounds = list(zip([0, *cuts], [*cuts, len(masked)], strict=True))
    asking = {n for n, (a, b) in enumerate(bounds) if any(a <= q.start < b for q in questions)}
    if len(asking) != 1:
        return verbs
    n = asking.pop()
    a, b = bounds[n]
    kept = tuple(v for v in verbs if a <= v.start < b)
    return kept or verbs


# 在 before a verb says it is going on (谁在搞, 之间在修什么, 在推): no "located in" or "member of"
_DOING_NEXT = frozenset("修建搞弄做推谈干忙筹抓办跑造铺打争吹抢跟与向为帮给")


def _progressive_dropped(masked: str, verbs: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The verbs without a 在 that only says the next verb is going on."""
    starts = {v.start for v in verbs}
    return tuple(v for v in verbs if not (
        masked[v.start:v.end] == "在" and v.end < len(masked)
        and (masked[v.end] in _DOING_NEXT or v.end in starts)))


_WHERE_NOT_WHEN = re.compile(r"\bwhere\b|在哪|哪里|哪儿|何处|什么地方")
_WHEN = re.compile(r"\bwhen\b|\bwhat year\b|\bsince\b|哪年|何时|什么时候|几月|哪一年")


def _cut_at(masked: str, verbs: tuple[Hit, ...], at: int, lex: Lexicon) -> tuple[Hit, ...]:
    """The verbs, one that runs into the asking phrase cut where it begins ('in which' before
    'which alliance' is 'in'), as the verbs the shorter text is; dropped if it is none."""
    out: list[Hit] = []
    for v in verbs:
        if not v.start < at < v.end:
            out.append(v)
            continue
        said = masked[v.start:at].strip()
        if not masked[v.start:v.end].isascii():
            out.append(v)  # (在哪方面: a Chinese verb word is read as it was)
            continue
        out.extend(Hit(v.start, v.start + len(said), w) for w in lex.verbs if w.text == said)
    return tuple(out)


# "whether built or still planned": every state at once, no verb either
_WHETHER = re.compile(r"\bwhether (?:already )?(?:built|open|opened|finished|running) or\b|"
                      # "not just planned or (being) built": states set against "open"
                      r"\b(?:planned|proposed) or (?:being )?built\b")


def state_spans(text: str) -> list[tuple[int, int]]:
    """Where the text says a state (under construction, 在建的): no verb is read there."""
    return [(m.start(), m.end()) for pattern in (*(p for p, _ in STATES), _WHETHER)
            for m in pattern.finditer(text)]


def _districts_of(masked: str, start: int, word: str) -> bool:
    """区 right after a place (上海哪些区, 南通的哪个区): its districts, never zones."""
    return word == "区" and re.search(r"⟨\d+⟩\s?的?\s?$", masked[:start]) is not None


# a state said of the things asked with a kind word in it (规划中的: 规划 is no plan here)
_STATE_WITH_A_KIND = re.compile(r"规划中|规划阶段|在规划(?=或|和|、|及|的)")


def _states_blanked(text: str) -> str:
    """The text with the states that hold a kind word blanked (same length: spans stay)."""
    return _STATE_WITH_A_KIND.sub(lambda m: "在" * len(m.group()), text)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    value: object

    def overlaps(self, other: Hit) -> bool:
        """Overlapping spans; the same span twice (属于: several types) does not count."""
        same = (self.start, self.end) == (other.start, other.end) and other.value is not None
        return not same and self.start < other.end and other.start < self.end


def find(words: Iterable[tuple[str, object]], text: str) -> list[Hit]:
    """Every word found in the text (Latin words on word boundaries), longest first, none
    overlapping another or an entity placeholder ⟨n⟩."""
    found: list[Hit] = []
    for word, value in words:
        if word.isascii():
            pattern = r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])"
            found.extend(Hit(m.start(), m.end(), value) for m in re.finditer(pattern, text))
        else:
            start = text.find(word)
            while start >= 0:
                found.append(Hit(start, start + len(word), value))
                start = text.find(word, start + 1)
    taken = [Hit(m.start(), m.end(), None) for m in re.finditer(r"⟨\d+⟩", text)]
    out: list[Hit] = []
    for hit in sorted(found, key=lambda h: (-(h.end - h.start), h.start)):
        if not any(hit.overlaps(t) for t in (*taken, *out)):
            out.append(hit)
    return sorted(out, key=lambda h: h.start)


def _which_apart(masked: str) -> str:
    """The text verbs are read in: 哪 of 哪些 (在哪些经济带) is no part of a verb (在哪)."""
    return re.sub(r"哪(?=[些个几类种家座条])", "\x00", masked)


@dataclass(frozen=True)
class Reading:
    """What a masked question asks for, whatever the intent that answers it."""

    asked: frozenset[str] | None  # the labels asked for (哪些城市 -> City), None: any
    count: bool  # 一共有几个, how many
    questions: tuple[Hit, ...]  # question words
    verbs: tuple[Hit, ...]  # lexicon verbs (value: Verb)
    where: dict[str, str]  # qualifiers (千亿级 -> tier)
    property: str | None = None  # the properties asked about (哪年成立 -> established), "+"
    phrase: tuple[int, int] | None = None  # where the asking phrase stands (哪些…联盟)
    each: bool = False  # 分别, 各, respectively: what each of several entities relates to
    otherwise: frozenset[str] = frozenset()  # the kinds asked where none of `asked` is found
    shared: bool = False  # 共同, 都, both, in common: what they share

    def inside(self, start: int, end: int) -> bool:
        """Within the asking phrase: a qualifier of the kind asked for."""
        return self.phrase is not None and self.phrase[0] <= start and end <= self.phrase[1]


def label_words(lex: Lexicon | None = None) -> list[tuple[str, object]]:
    """Every label word of the lexicon with its label."""
    lex = lex or lexicon()
    return [(w, label) for label, words in lex.labels.items() for w in words]


@cache
def label_word_set() -> frozenset[str]:
    """The shipped lexicon's label words, case-folded: is this word a kind of thing?"""
    return frozenset(str(w).casefold() for w, _ in label_words())


def asked_labels(masked: str, lex: Lexicon | None = None) -> frozenset[str] | None:
    """The kinds of thing a question asks for: the label word right after a question word
    (哪些城市, which Zhejiang cities) or right before one (园区是哪个), with the label words
    joined to it (项目和平台, bridges, railways and ports)."""
    return asked_phrase(masked, lex)[0]


def asked_phrase(masked: str, lex: Lexicon | None = None) -> tuple[frozenset[str] | None,
                                                                  tuple[int, int] | None]:
    """The kinds asked for and where the phrase that asks stands (哪些长三角产业联盟): an
    entity or a verb inside it qualifies the kind, it is not what the question is about."""
    lex = lex or lexicon()
    hits = find(label_words(lex), masked)
    # a kind word right after the question word (这项任务包括哪些机制: 机制) is the one asked
    # for, before one that stands before the question word as the subject (任务)
    opened = [n for n, hit in enumerate(hits) if re.search(
        rf"(?:{QUESTION.pattern})\s?$", masked[:hit.start])]
    order = [*opened, *(n for n in range(len(hits)) if n not in opened)] if opened and any(
        _BEFORE_QUESTION.search(masked[h.end:]) for h in hits[:opened[0]]) else range(len(hits))
    for n in order:
        hit = hits[n]
        word = masked[hit.start:hit.end]
        before = masked[:hit.start]
        right_after = re.search(rf"(?:{QUESTION.pattern})\s?$", before)
        near_after = re.search(rf"{_OPENS.pattern}(?:{_AFTER_QUESTION})", before)
        if len(word) == 1 and not right_after and not (
                before.endswith("的") and _BEFORE_QUESTION.match(masked[hit.end:])):
            continue  # (之间的桥有哪些: one character after 的, then what is asked, is a kind)
        if not (right_after or near_after or _BEFORE_QUESTION.search(masked[hit.end:])):
            continue
        if re.search(r"\bwhose\s?$", before):
            return None, None  # "whose brand": the owner is asked, not the brand
        opened = right_after or near_after
        start = opened.start() if opened else hit.start
        rest = hits[n + 1:]
        rest = [h for h in rest if h.start >= hit.end]
        while rest and ((not word.isascii() and _QUALIFYING_GAP.fullmatch(masked[
                hit.end:rest[0].start]) and not _verb_in(masked[hit.end:rest[0].start], lex)
                         and not (rest[0].end - rest[0].start == 1 and
                                                 rest[0].start == hit.end)
                         and not acts_as_verb(masked, rest[0].start, rest[0].end, lex)) or (
                word.isascii() and not word.endswith("s") and masked[
                    hit.end:rest[0].start] == " " and masked[rest[0].start:rest[0].end]
                not in dict(label_words(lex)).get(word, ()))):
            # (one character glued on ends the word it follows: 工业园+区 is a park;
            # "industry alliances": a singular word before another kind word qualifies it)
            hit = rest[0]  # 哪些长三角产业联盟: the head is the last word
            rest = [h for h in rest if h.start >= hit.end]
            word = masked[hit.start:hit.end]
        labels = {str(h.value) for h in hits if (h.start, h.end) == (hit.start, hit.end)}
        last = hit
        for other in rest:
            if (other.start, other.end) == (last.end, last.end) or other.start < last.end:
                continue
            gap = masked[last.end:other.start]
            # 桥梁、铁路, "bridges, railways": the marks are prepared away as spaces
            listed = gap == " " and (not word.isascii() or str(other.value) in labels)
            if not (_JOINED.match(gap) or listed):
                break
            labels.add(str(other.value))
            last = other
        return frozenset(labels - _SKIP_LABELS) or None, (start, last.end)
    return None, None


def read(masked: str, lex: Lexicon | None = None, text: str = "") -> Reading:
    """What the masked question asks; qualifiers are looked for in `text` (the question
    before masking: 国家级先进制造业集群 may also name an entity)."""
    lex = lex or lexicon()
    questions = tuple(Hit(m.start(), m.end(), m.group()) for m in QUESTION.finditer(masked))
    verbs = tuple(find(((v.text, v) for v in lex.verbs), _which_apart(masked)))
    where: dict[str, str] = {}
    # the longest qualifier said decides (优势产业 is a tier of its own, not 优势: strength)
    said_where = find(((w, q) for q in lex.qualifiers for w in q.words), text or masked)
    if said_where:
        longest = max(said_where, key=lambda h: (h.end - h.start, -h.start))
        where.update(longest.value.where)  # type: ignore[attr-defined]
        where = joined_where(text or masked, lex, where)  # 主导和新兴产业: either
    asked, phrase = asked_phrase(_states_blanked(masked), lex)
    # (a property word inside the kind asked is no property asked: "which county-level
    # cities"; "X used to be a county-level city - what is it now" asks its level)
    kind_spans = [(h.start, h.end) for h in find(((w, None) for k in lex.kinds
                                                  for w in k.words), masked)
                  if (phrase and phrase[0] <= h.start and h.end <= phrase[1])
                  or _HAD_BEFORE.search(masked[:h.start])]  # "does X have a national-level
    # zone": the kind X may have, not X's level
    # (one word read for one property: 多大份额 is a share, its 多大 no area)
    prop_hits = [h for h in find(((w, name) for name, words in lex.properties.items()
                                  for w in words), masked)
                 if not any(a <= h.start and h.end <= b and (a, b) != (h.start, h.end)
                            for a, b in kind_spans)]
    said_props = sorted((min(h.start for h in prop_hits if h.value == name), name)
                        for name in {str(h.value) for h in prop_hits})
    # 面积多大？哪年成立的？: each property asked, in the order asked ("area_km2+established")
    prop = "+".join(name for _, name in said_props) or None
    if prop == "established" and _WHERE_NOT_WHEN.search(masked) and not _WHEN.search(masked):
        prop = None  # "where has X set up its centres", 设在哪里: where, not since when
    if asked is None and re.search(r"谁|(?:哪几|哪些|哪)方(?!面)|哪[两三四几]?家|哪些单位|哪些主体|"
                                   r"\b(?:who|whom)\b|\b(?:which|what) (?:parties|party|players|"
                                   r"actors|stakeholders|sides)\b", masked, re.I):
        asked = _ACTORS  # 谁, who: an actor, never an industry or a mechanism
    if asked is None:
        asked = asked_by_state(masked, text or masked)
    states = state_spans(masked)  # "under construction": a state, "under" no verb
    states += [(m.start(), m.end()) for m in _ASPECT_FRAME.finditer(masked)]  # 在发展路径上
    if phrase is not None:  # "X is in which alliance": 'in which' is 'in', then the phrase
        verbs = _cut_at(masked, verbs, phrase[0], lex)
    verbs = tuple(v for v in verbs if not (phrase and phrase[0] <= v.start and
                                           v.end <= phrase[1]) and not any(
        a <= v.start and v.end <= b for a, b in states))
    verbs = _asking_clause(masked, questions, verbs)
    verbs = _progressive_dropped(masked, verbs)
    said = text or masked
    otherwise: set[str] = set()
    if phrase is not None:  # "which zones": parks, else regions (lexicon `otherwise`)
        words = [(w, label) for label, ws in lex.otherwise.items() for w in ws]
        otherwise = {str(h.value) for h in find(words, masked[phrase[0]:phrase[1]])
                     if not _districts_of(masked, phrase[0], masked[phrase[0] + h.start:
                                                                     phrase[0] + h.end])}
    return Reading(asked, bool(_COUNT.search(masked)), questions, verbs, where, prop, phrase,
                   bool(EACH.search(said)), frozenset(otherwise - (asked or set())),
                   bool(SHARED.search(said)))


# "what has ⟨Nantong⟩ only planned", ⟨南通⟩还在探索什么: what the entity does, asked by the
# state it has got to; "is ⟨X⟩ still planned" asks a yes-or-no of X instead.
_OBJECT_ASKED = re.compile(r"\b(?:what|which)\b (?:\w+ )?(?:has|have|had|did|does|do|is|are)"
                           r" ⟨\d+⟩|⟨\d+⟩[^？?]*?(?:了|着)?(?:哪些|什么|哪几)")


def asked_by_state(masked: str, said: str) -> frozenset[str] | None:
    """The kinds a question asks for when it names no kind but the state a relation has got
    to (planned, still exploring: ADOPTS' status): the far ends of the relations that record
    a status (graph/schema.py), or None."""
    from graph.schema import REL_TYPES

    if not _OBJECT_ASKED.search(masked) or not relation_states_said(said):
        return None
    ends = frozenset(label for rel in REL_TYPES.values() if "status" in rel.properties
                     for label in rel.targets)
    return ends or None


EACH = re.compile(r"分别|各自|各(?![方地级类种界项])|\beach\b|\brespectively\b|\beither\b")


SHARED = re.compile(r"共同|共有|一起|都|同时|\bboth\b|\btogether\b|\bjointly\b|"
                     r"\bin common\b|\bshared?\b(?! (?:of|in)\b)|\bsharing\b")  # (X's share of
# a park is a stake)


_WHICH_WORD = re.compile(r"\b(?:which|what) ([a-z]+)|"
                         r"(?:哪些|哪个|哪家|哪几个|哪几家|哪几|哪类|哪种)([\u4e00-\u9fff]{2})")
_PLAIN = frozenset(("is", "are", "was", "were", "does", "do", "did", "has", "have", "had",
                    "will", "can", "could", "should", "would", "of", "kind", "kinds", "type",
                    "types", "sort", "the", "a", "an", "other", "else", "exactly",
                    # words for "anything": parts, things (哪些部分组成) ask for no one kind
                    "parts", "part", "components", "component", "things", "thing", "elements",
                    "pieces", "entities", "ones", "one",
                    "部分", "东西", "内容", "对象", "组成", "成分",
                    # "what happened to X", "what became of X": no kind asked
                    "happened", "happens", "became", "become", "becomes"))


def unknown_kind(masked: str, reading: Reading, lex: Lexicon | None = None) -> str:
    """The word a question asks for that names no kind the graph has ("which hospitals",
    哪些大学), or ''. Only when no kind word was found: "what larger region" is a region."""
    if reading.asked is not None:
        return ""
    found = _WHICH_WORD.search(masked)
    if not found:
        return ""
    word = found.group(1) or found.group(2)
    lex = lex or lexicon()
    known = [*(w for w, _ in label_words(lex)), *(v.text for v in lex.verbs),
             *(w for words in lex.properties.values() for w in words), *lex.wording]
    if word in _PLAIN or found.group(0) in known or word.startswith(
            ("是", "在", "有", "地", "方面")) or any(
            k == word or k.startswith(word + " ") or (not word.isascii() and k.startswith(
                word[0]) and word.startswith(k[:len(word)])) for k in known):
        return ""
    return word
