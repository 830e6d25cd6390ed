"""Figures the graph does not hold, refused with what it does hold.

"What is the corporate income tax rate in X", 多少亿美元, "throughput in 2023": the question
asks for a measure. What the graph can state is the set of properties the schema declares
(graph/schema.py: area_km2, length_m, share, tier, established, …) and the words the lexicon
reads as them (面积, stake, 哪年成立). A measure asked that is none of these is refused, with
what the graph does hold about the entity. (Split from guard.py, which checks the kind asked.)
"""

from __future__ import annotations

import re
from functools import cache

from graph.model import Entity
from graph.schema import LABELS, REL_TYPES
from queries.ask.lexicon import lexicon

# A question asks for a measure when it asks "how much" or for a rate, a volume, an amount, a
# figure: words of measurement, not of any one subject.
_MEASURE_ZH = re.compile(r"多少(?![个家条座项种所处次])|是多少|几成|百分之|万人|亿元|亿美元|"
                         r"万元|美元|比例|每亩|地价|租金|价格|价钱|单价|"
                         r"[\u4e00-\u9fff](?:率|额|量|总值|值)(?![\u4e00-\u9fff]?[园区市县])")
_MEASURE_EN = re.compile(
    r"\bhow (?:much|many (?!\w+ (?:are|do|does|did|is|were|have|has)\b)(?:people|tonnes|tons|"
    r"teus?|dollars|yuan|jobs|visitors|containers))\b|"
    r"\b(?:rate|rates|volume|volumes|amount|amounts|figure|figures|throughput|"
    r"turnover|tonnage|capacity|budget|price|prices|cost|costs|income|revenue|value|"
    r"ratio|ratios|proportion|proportions|"
    r"per ?cent|percentage|teus?|rent|rents|going rate|going for|"
    r"per (?:mu|square (?:metre|meter)|sq ?m|hectare|acre|tonne|ton|year|annum))\b|[%％]")
# A share of money (tax, revenue, output) is no stake: the shares the graph holds are of who
# co-builds what (苏锡通园区的税收各分几成: not the park's equity).
_MONEY = re.compile(r"税收|税款|财税收入|利润|收益|产值|营收|\bgdp\b|\btax(?:es)?\b|\brevenues?\b|"
                    r"\bprofits?\b|\bearnings\b|\boutput\b")
_SHARE_ASKED = re.compile(r"几成|比例|分成|怎么分|如何分|百分之|\bshares?\b|\bsplit\b|"
                          r"\bproportions?\b|\bper ?cent|[%％]")
# A trip between two places (how long from A to B, 上海到南通要多久, how far): a time or a
# distance, not the length of a bridge the graph records.
_TRIP = re.compile(r"\bhow (?:long|far) (?:is it |is |does it take |will it take |to get |is the "
                   r"(?:trip|journey|ride|drive) )?(?:from |between )?⟨\d+⟩ (?:to|and) ⟨\d+⟩|"
                   r"\b(?:travel|journey|commute|trip|driving) (?:time|times|distance)\b|"
                   r"⟨\d+⟩\s?(?:到|去|至)\s?⟨\d+⟩\s?(?:要|需要|得|坐车|开车|坐高铁)?\s?"
                   r"(?:多久|多长时间|几个?小时|几分钟|多少分钟|多远)|车程|通勤时间|行车时间")
# A count: answered by counting what the graph lists (how many parks, 哪几个, 一共有几条).
_COUNTED = re.compile(r"\bhow many\b|多少[个家条座项种所处]|几[个家条座项种所处]")
# Chinese words ending like a measure that are not one (数量 is a count; 力量, 质量: no figure).
# Properties that are no figure an analyst asks for (what kind of, since 2020: a condition).
_NOT_ASKED = frozenset({"kind", "title", "file", "url", "lat", "lon", "parent", "adcode",
                        "since", "until", "source", "evidence", "confidence", "note"})
_NOT_MEASURE = ("数量", "力量", "质量", "能量", "考量", "商量", "分量", "重量级", "总量控制",
                "含量")


@cache
def held_words() -> tuple[str, ...]:
    """The words that ask for a property the graph holds: the schema's property names (of
    every label and relationship type) and the lexicon's words for them."""
    names: set[str] = set()
    for label in LABELS.values():
        names.update(label.properties)
    for rel in REL_TYPES.values():
        names.update(rel.properties)
    names -= _NOT_ASKED
    words = {n.replace("_km2", "").replace("_m", "").replace("_", " ") for n in names}
    words |= {w.lower() for ws in lexicon().properties.values() for w in ws}
    return tuple(sorted(w for w in words if w))


@cache
def _counted_kind_pattern() -> re.Pattern[str]:
    """多少 right before a Chinese kind word of the lexicon, built once."""
    words = sorted({w for ws in lexicon().labels.values() for w in ws if not w.isascii()},
                   key=len, reverse=True)
    return re.compile(r"多少\s?(?=(?:" + "|".join(map(re.escape, words)) + "))")


def _counted_kind(low: str) -> re.Match[str] | None:
    """多少 right before a kind word the graph lists (南通有多少园区, 多少城市): a count."""
    return _counted_kind_pattern().search(low)


def measure_asked(masked: str) -> str:
    """The measure a masked question asks for that no held property names ('' if none)."""
    low = masked.lower()
    trip = _TRIP.search(low)
    if trip:
        return "travel time or distance"
    counted = _COUNTED.search(low) or _counted_kind(low)
    if counted:  # how many, 几个: a count of what the graph lists, no figure …
        noun = uncounted_noun(low, counted.end())  # … unless of a thing it never lists
        return f"{counted.group().strip()} {noun}" if noun else ""
    money = _MONEY.search(low)
    if money is not None and _SHARE_ASKED.search(low):
        return f"{money.group()} share"
    for pattern in (_MEASURE_ZH, _MEASURE_EN):
        for m in pattern.finditer(low):
            around = low[max(0, m.start() - 6):m.end() + 6]
            if any(w in around for w in _NOT_MEASURE):
                continue
            if any(says(low, w) for w in held_words()):
                return ""
            return _phrase(low, m.start(), m.end())
    return ""


def _phrase(text: str, start: int, end: int) -> str:
    """The measure as asked: the word matched and the two words before it (Latin), or the
    characters since the last name or punctuation (Chinese)."""
    before = re.search(r"(?:[\w'-]+\s){0,2}$" if text[start:end].isascii()
                       else r"[\u4e00-\u9fff]{0,8}$", text[:start])
    return (before.group() if before else "") + text[start:end]


def says(text: str, word: str) -> bool:
    if word.isascii():
        return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text) is not None
    return word in text


def held_about(entities: list[Entity]) -> list[str]:
    """What the graph holds about each entity: its properties with values, and the kinds of
    property the schema gives its label."""
    out: list[str] = []
    for e in entities:
        label = LABELS.get(e.label)
        have = [f"{k}={v}" for k, v in e.props.items()
                if label and k in label.properties and v not in (None, "")]
        kinds = ", ".join(p for p in (label.properties if label else ()) if p not in ("lon", "lat"))
        out.append(f"About {e.display} the graph holds "
                   + (", ".join(have) if have else "no figures")
                   + f" (a {e.label} may hold: {kinds}) and its relations; ask "
                   f"'estuary show {e.id}'.")
    return out


# Intents that answer a figure the user asked for themselves (an analyst's questions file).
ANSWERS_FIGURES = ("user:",)

_HOLDS = ("relations and a few properties (area, length, stake, tier, dates, status), not "
          "rates, volumes or amounts.")


def refuse_unheld(parsed, masked: str) -> None:  # type: ignore[no-untyped-def]
    """Unmappable when a parsed question (`masked`: its text, names masked) asks a figure the
    graph does not hold, saying what it holds about the entities named."""
    from queries.ask.parsing import Unmappable, closest_questions

    measure = measure_asked(masked)
    if measure and not parsed.intent.name.startswith(ANSWERS_FIGURES):
        named = list(parsed.slots.values()) or list(parsed.known.values())
        raise Unmappable(parsed.question,
                         f"The graph holds no figure for {measure!r}: it records {_HOLDS}",
                         recognised=named, hints=held_about(named[:2]),
                         closest=closest_questions(parsed.question, named), final=True)


def unheld_figure(question: str, gaz, exc):  # type: ignore[no-untyped-def]
    """A refusal of a question asking a figure the graph does not hold, saying what it holds
    about the entities named (else the refusal as it was)."""
    from queries.ask.parsing import Unmappable
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    if "holds no figure" in str(exc):
        return exc
    q, mentions = names_in(question, gaz)
    measure = measure_asked(masked_text(q, mentions))
    named = list(getattr(exc, "recognised", ()) or ())
    if not measure:
        return exc
    return Unmappable(question, f"The graph holds no figure for {measure!r}: it records "
                      + _HOLDS, recognised=named,
                      hints=held_about(named[:2]), closest=getattr(exc, "closest", ()),
                      final=True)


# Words between "how many" and its noun, or that end the noun phrase.
_FUNCTION = frozenset({"are", "is", "do", "does", "did", "have", "has", "had", "of", "in", "were",
                       "was", "will", "can", "could", "there", "the", "a", "an", "on", "at",
                       "to", "for", "with", "by", "from", "that", "which", "who", "all",
                       "told", "they", "them", "it"})


def uncounted_noun(low: str, at: int) -> str:
    """The noun a count asks of ("how many patents", 几条跑道), when it is no word the graph or
    the lexicon knows (a kind, a set, a verb's noun such as members, a name): a thing the
    graph never lists, so its count is a figure it does not hold. '' when the noun is known
    or there is none ("how many are there", 一共有几个)."""
    rest = low[at:]
    if rest.isascii() or re.match(r"\s*[a-z]", rest):
        words = []
        for w in re.findall(r"⟨\d+⟩|[a-z][a-z'-]*|\S", rest)[:4]:
            if w.startswith("⟨"):
                return ""  # a name in the noun phrase (how many Suzhou parks): a thing held
            if w in _FUNCTION or not re.match(r"[a-z]", w):
                break
            words.append(w.strip("'"))
        if not words or any(_known(w) for w in words):
            return ""
        return " ".join(words)
    head = re.match(r"[\u4e00-\u9fff]{1,6}", rest)
    if head is None or rest[head.end():].startswith("⟨"):
        return ""  # (几个南北⟨共建园区⟩: a name ends the noun phrase, a thing held)
    noun = re.split(r"[的是有在和与吗呢了啊被从对]", head.group())[0]
    if not noun or any(noun[i:].startswith(w) for i in range(len(noun)) for w in _known_zh()):
        return ""
    return noun


def _known(word: str) -> bool:
    import difflib

    known = _known_en()
    forms = {word, word.rstrip("s"), word[:-2] + "y" if word.endswith("ies") else word,
             word[:-2] if word.endswith("es") else word}
    if forms & known:
        return True
    return bool(len(word) >= 5 and difflib.get_close_matches(word, known, n=1, cutoff=0.85))


@cache
def _lexicon_words() -> tuple[str, ...]:
    """Every word of lexicon.yaml and of the schema's labels (the kinds, verbs, sets …)."""
    from pathlib import Path

    import yaml

    from queries.ask.reading import label_words

    out: set[str] = {w for w, _ in label_words()}

    def walk(node: object) -> None:
        if isinstance(node, str):
            out.add(node.lower())
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    data = yaml.safe_load((Path(__file__).parent / "lexicon.yaml").read_text(encoding="utf-8"))
    walk({k: v for k, v in data.items() if k != "unheld"})  # (unheld: known not to be held)
    return tuple(sorted(out))


@cache
def _known_en() -> frozenset[str]:
    out: set[str] = set()
    for w in _lexicon_words():
        if w.isascii():
            for t in re.findall(r"[a-z][a-z'-]*", w):
                out |= {t, t.rstrip("s")}
    return frozenset(out)


@cache
def _known_zh() -> tuple[str, ...]:
    return tuple(w for w in _lexicon_words() if not w.isascii() and len(w) >= 1)
