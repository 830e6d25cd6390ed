"""A yes-or-no question about one entity and any thing of a kind: "Does X belong to any
alliance?", "Is X part of any cluster?", X有没有加入什么联盟, X加入了联盟吗.

It is the list question it hides ("Which alliances does X belong to?") asked first; the
verdict is "Yes — X MEMBER_OF A; X MEMBER_OF B" with the relations, or "The graph does not
record that X … any alliance", never an answer about the relation read the other way round
("which entities belong to X").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

# "does ⟨0⟩ belong to any alliance", "is ⟨0⟩ a member of any alliance", "is ⟨0⟩ in an alliance"
_EN = re.compile(r"^(?P<aux>does|do|did|is|are|was|were|has|have)\s+(?:the\s+)?⟨0⟩\s+"
                 r"(?P<verb>[a-z][a-z ]*?)\s+(?:any|some|an?)\s+(?P<kind>[a-z][a-z -]*?)\s*"
                 r"(?:at all)?\s*[?.]?$")
# "⟨0⟩有没有加入什么联盟", "⟨0⟩是否属于某个联盟", "⟨0⟩加入了联盟吗", "⟨0⟩加入过任何联盟没有"
_ZH = re.compile(r"^⟨0⟩(?:有没有|是否|有无|是不是)?(?P<verb>[\u4e00-\u9fff]{1,4}?)(?:了|过)?"
                 r"(?:任何|什么|某个|某些|一些|哪个)?(?P<kind>[\u4e00-\u9fff]{1,6}?)"
                 r"(?:吗|没有|没|呢)?\s*[？?]?$")

# A yes-or-no question (the Chinese form needs its particle or its A-not-A).
_YES_NO = re.compile(r"^\s*(?:does|do|did|is|are|was|were|has|have)\b|吗\s*[？?]?\s*$|"
                     r"没有\s*[？?]?\s*$|有没有|是否|有无|是不是", re.I)


def any_check(ask: Callable[..., Any], answer: Callable[..., Any], store: Any,
              question: str, gaz: Any, extra: tuple[Any, ...] = ()) -> Any:
    """The verdict on "does X <verb> any <kind>" (see the module's docstring), or None when
    the question is not of that form or its list question cannot be read.
    `ask`, `answer`: queries/ask/answering.py's (passed in: answering calls this)."""
    from queries.ask.parsing import Unmappable
    from queries.ask.phrases import masked_text
    from queries.ask.reading import label_words
    from queries.ask.text import names_in
    from queries.ask.verdict import Verdict, said

    question = re.sub(r"^\s*any\s+(?=[a-z])", "Is there any ", question, flags=re.I)  # "Any X?"
    if not _YES_NO.search(question):
        return None
    q, mentions = names_in(question, gaz)
    if len(mentions) == 2:  # 南通有没有半导体园区, "Is there any biomedicine park in Nantong?"
        return _park_doing(ask, answer, store, question, q, mentions, gaz, extra)
    if len(mentions) != 1 or not mentions[0].ids:
        return None
    masked = masked_text(q, mentions).strip()
    words = {w for w, _ in label_words()}
    entity = gaz.entities.get(mentions[0].ids[0])
    if entity is None:
        return None
    m = _EN.match(masked)
    if m is not None and m.group("kind") in words | {w.rstrip("s") for w in words}:
        name = entity.name_en or entity.name
        kind, verb = m.group("kind"), m.group("verb")
        asks = [f"which {kind} {m.group('aux')} {name} {verb}?"]
        asks += [f"which {kind} does {name} take part in?"] if _membership(masked) else []
    else:
        m = _ZH.match(masked)
        if m is None or m.group("kind") not in words or m.group("verb") in ("是", "有", "的"):
            return None
        kind, verb = m.group("kind"), m.group("verb")
        asks = [f"{entity.name}{verb}了哪些{kind}"]
        asks += [f"{entity.name}参与了哪些{kind}"] if _membership(masked) else []
    what = f"{verb} any {kind}"
    got, refusal = None, None
    for listed in asks:  # the question's own verb, then taking part (a park in an alliance)
        try:
            got = ask(store, listed, gaz, extra)
        except Unmappable as exc:
            refusal = refusal or exc
            continue
        if getattr(got, "parts", None) is None and not got.kind_note and any(
                e.id != entity.id for e in got.entities):
            break
        got = None
    if got is None:
        if refusal is None or "records nothing" not in str(refusal):
            return None  # the list question itself not read: not this form
        return _not_recorded(answer, store, question, entity, mentions,
                             f"The graph does not record that {entity.display} {what} "
                             f"(asked as {asks[0]!r}: it records none).")
    found = [e for e in got.entities if e.id != entity.id]
    ids = {e.id for e in found} | {entity.id}
    names = {e.id: e.display for e in (entity, *found)}
    rels = _evidence(got, names, lambda r: {r.start, r.end} <= ids)
    text = ("Yes — " + "; ".join(said(r, names) for r in rels) if rels else
            f"Yes — {entity.display} {what}: " + "、".join(e.display for e in found))
    return replace(got, verdict=Verdict(True, "direct relation", text, tuple(rels),
                                        (entity, *found)))


# a place and an industry, asking whether a park there does it
_PARK_ZH = re.compile(r"^⟨(?P<p>\d)⟩(?:有没有|有无|是否有|有)(?:什么|哪些|任何|个)?⟨(?P<i>\d)⟩"
                      r"(?:产业|行业)?(?:园区|产业园区|产业园|工业园|开发区|基地)(?:吗|没有|没|呢)?\s*[？?]?$")
_PARK_EN = re.compile(r"^(?:(?:does|do|did|has)\s+(?:the\s+)?⟨(?P<p>\d)⟩\s+(?:have|host|has)\s+"
                      r"(?:any|an?)\s+⟨(?P<i>\d)⟩\s+(?:industrial\s+)?(?:parks?|zones?|sites?)|"
                      r"(?:is|are)\s+there\s+(?:any|an?)\s+⟨(?P<i2>\d)⟩\s+(?:industrial\s+)?"
                      r"(?:parks?|zones?|sites?)\s+in\s+(?:the\s+)?⟨(?P<p2>\d)⟩)\s*[?.]?$")


def _park_doing(ask: Callable[..., Any], answer: Callable[..., Any], store: Any,
                question: str, q: str, mentions: Any, gaz: Any, extra: tuple[Any, ...]
                ) -> Any:
    """Whether a park in a place does an industry (南通有没有半导体园区): the list question
    (南通有哪些半导体园区) asked, its parks the yes; the place merely having the industry is
    no yes. None when the question is not of that form."""
    from queries.ask.parsing import Unmappable
    from queries.ask.phrases import masked_text
    from queries.ask.verdict import Verdict, said

    masked = masked_text(q, mentions).strip().rstrip("？?. ")
    m = _PARK_ZH.match(masked) or _PARK_EN.match(masked)
    if m is None or any(len(x.ids) != 1 for x in mentions):
        return None
    place = gaz.entities.get(mentions[int(m.group("p") or m.group("p2"))].ids[0])
    industry = gaz.entities.get(mentions[int(m.group("i") or m.group("i2"))].ids[0])
    if place is None or industry is None or place.label not in ("City", "Region") or \
            industry.label != "Industry":
        return None
    listed = f"{place.name}有哪些{industry.name}园区"
    what = f"has a park doing {industry.display}"
    try:
        got = ask(store, listed, gaz, extra)
    except Unmappable:
        got = None
    found = [e for e in (got.entities if got is not None and getattr(
        got, "parts", None) is None else ()) if e.label == "Park"]
    if not found:
        return _not_recorded(answer, store, question, place, mentions,
                             f"The graph does not record that {place.display} {what} "
                             f"(asked as {listed!r}: it records none).")
    ids = {e.id for e in found}
    names = {e.id: e.display for e in (place, industry, *found)}
    rels = _evidence(got, names, lambda r: bool({r.start, r.end} & ids))
    text = (f"Yes — {place.display} {what}: " + "、".join(e.display for e in found) + (
        " (" + "; ".join(said(r, names) for r in rels) + ")" if rels else ""))
    return replace(got, parsed=replace(got.parsed, question=question, notes=(
        *got.parsed.notes, f"Asked as {listed!r}: the parks there doing it.")),
        verdict=Verdict(True, "direct relation", text, tuple(rels), (place, *found)))


def _evidence(got: Any, names: dict[str, str], keep: Callable[[Any], bool]) -> list[Any]:
    """The relations of the list answer's results that `keep` keeps, once each (the names
    of their ends added to `names`): the evidence of its yes."""
    rels = []
    for ran in got.ran:
        if ran.result is None or not hasattr(ran.result, "subgraph"):
            continue
        sub = ran.result.subgraph()
        names.update((n.id, n.display) for n in sub.nodes)
        rels.extend(r for r in sub.edges if keep(r))
    return list({r.key: r for r in rels}.values())


def _membership(masked: str) -> bool:
    """The verb names belonging (member of, belong to, part of, 加入, 属于)."""
    from queries.ask.verdict import _verb_types

    return bool(_verb_types(masked) & {"MEMBER_OF", "PART_OF", "PARTICIPATES_IN"})


def _not_recorded(answer: Callable[..., Any], store: Any, question: str, entity: Any,
                  mentions: Any, text: str) -> Any:
    """The verdict "the graph does not record that …", over the entity's own record."""
    from queries.ask.intents import INTENTS, Step
    from queries.ask.parsing import Parsed
    from queries.ask.verdict import Verdict

    check = next(i for i in INTENTS if i.name == "check")
    intent = replace(check, name="check:any", slots=check.slots[:1],
                     steps=(Step("show", ("{a}",)),))
    parsed = Parsed(question, intent, mentions, {"a": entity}, {}, known={entity.id: entity})
    return replace(answer(store, parsed), verdict=Verdict(False, "not recorded", text))
