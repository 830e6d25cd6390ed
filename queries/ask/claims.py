"""A stated fact put to be checked: "Is it true that the Hu-Su-Tong bridge opened on 1 July
2020?", "Draft says the Sutong bridge opened in 2009. Confirm.", "Did CSSD really hold 60% of
the Sutong park?", "Confirm: Lin-gang launched August 2019, first phase 119.5 sq km.",
苏通大桥是2008年通车的，对吗.

The figures said (a date, a share, an area) are compared with what the graph records for the
things named: a date with their own date (opened for what opens, else established) or the
date on a relation between two of them; a share with the share on a relation between two of
them; an area with the area of the one that records one. The answer is a verdict: "Yes" where
every figure said agrees (a date to the precision both give), "No" with the recorded value
where one differs, and "the graph records no …" where it holds none to compare with, never a
silent reading of the names alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store

# the framing that puts a statement to be checked (English, Chinese)
_FRAME = re.compile(
    r"^\s*(?:is it (?:true|correct|right|accurate) (?:that )?|confirm(?: that)?\s*:?\s*|"
    r"check\s*:\s*|verify\s*:?\s*|fact[- ]check\s*:?\s*|"
    r"(?:our |the |my )?(?:draft|copy|story|report|piece|article|wire) (?:says|gives|has|states|"
    r"claims|reports) (?:that )?)|"
    r"[.;,]?\s*(?:confirm|is that (?:right|correct|true)|correct|right|true)\s*[?？.!]*\s*$|"
    r"\breally\b|"
    r"[，,]?\s*(?:对吗|对不对|是真的吗|是不是真的|属实吗|没错吧|准确吗|请核实|核实一下|确认一下)\s*[？?。]*\s*$|"
    r"^\s*(?:听说|据说|稿子里说|稿件说|报道说)", re.I)

_MONTHS = {m: n for n, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_MONTH = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|" \
         r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
_DATES = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?\b"),
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?:(?P<m>\d{1,2})\s*月\s*"
               r"(?:(?P<d>\d{1,2})\s*[日号])?)?"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+"
               r"(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b{_MONTH}\.?\s+(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?"
               r"(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?:in|since|from|by|of)\s+(?P<y>(?:19|20)\d\d)\b", re.I),
)
_SHARE = re.compile(r"(?P<v>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)|百分之(?P<zh>\d+)")
_AREA = re.compile(r"(?P<v>\d+(?:\.\d+)?)\s*(?:sq\.?\s?km|square kilomet(?:re|er)s?|km2|km²|"
                   r"平方公里|平方千米)", re.I)
_OPENING = re.compile(r"\bopen(?:ed|s)?\b|\btraffic\b|\bin service\b|\boperation\b|通车|开通|通航|"
                      r"投运|建成|修好|建好|完工|竣工", re.I)
# a figure the graph never records (a span, an investment): no claim it can check
_UNHELD = re.compile(r"\bspan\b|\binvest\w*|\bcost\b|\bbudget\b|\bpopulation\b|\boutput\b|"
                     r"主跨|投资|人口|产值|\bgdp\b", re.I)


@dataclass(frozen=True)
class _Date:
    y: int
    m: int | None = None
    d: int | None = None

    def said(self) -> str:
        return "-".join([f"{self.y:04d}", *(f"{v:02d}" for v in (self.m, self.d) if v)])


def _date(found: re.Match[str]) -> _Date:
    groups = found.groupdict()
    month = groups.get("m")
    if month is None and groups.get("mon"):
        key = groups["mon"].lower()
        month = next(n for name, n in _MONTHS.items() if name.startswith(key[:3]))
    day = groups.get("d")
    return _Date(int(groups["y"]), int(month) if month else None, int(day) if day else None)


def _dates(text: str) -> list[_Date]:
    out: list[_Date] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATES:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(_date(m))
    return out


def _recorded(value: Any) -> _Date | None:
    m = re.match(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if m is None:
        return None
    return _Date(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                 int(m.group(3)) if m.group(3) else None)


def _agrees(claim: _Date, held: _Date) -> bool:
    """Equal to the precision both give (a claim of July 2020 agrees with 2020-07-01)."""
    return claim.y == held.y and (claim.m is None or held.m is None or claim.m == held.m) and (
        claim.d is None or held.d is None or claim.d == held.d)


def claim_check(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
                gaz: Gazetteer) -> Any:
    """The verdict on a stated fact put to be checked (see the module), or None."""
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    if not _FRAME.search(question) or _UNHELD.search(question):
        return None
    statement = _FRAME.sub(" ", question).strip()
    q, mentions = names_in(statement, gaz)
    things = []
    for m in mentions:
        if len(m.ids) == 1 and m.ids[0] in gaz.entities and gaz.entities[m.ids[0]] not in things:
            things.append(gaz.entities[m.ids[0]])
    if not 1 <= len(things) <= 3:
        return None
    masked = masked_text(q, mentions)
    dates, shares, areas = _dates(masked), _SHARE.findall(masked), _AREA.findall(masked)
    for a in _AREA.finditer(masked):  # (119.5 sq km is no date, 2019 in it no year)
        dates = [d for d in dates if str(d.y) not in a.group()]
    if not (dates or shares or areas):  # "Confirm the railway is in service.": its state
        return _state_checked(answer_fn, store, question, gaz)
    rels = list({r.key: r for t in things for r in store.relations_of(t.id)
                 if {r.start, r.end} <= {e.id for e in things} and r.start != r.end}.values())
    names = {t.id: t.display for t in things}
    checks: list[tuple[bool | None, str]] = []
    opening = bool(_OPENING.search(masked))
    for claim in dates:
        checks.append(_check_date(claim, things, rels, opening, names))
    for value, zh in shares:
        checks.append(_check_share(float(value or zh), things, rels, names))
    for value in areas:
        checks.append(_check_area(float(value), things))
    return _verdict(answer_fn, store, question, mentions, things, rels, checks)


def _state_checked(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
                   gaz: Gazetteer) -> Any:
    """A state put to be checked, asked as the yes-or-no question it says (colloquial.plain:
    "Is the railway already in service?"), checked against the record; None otherwise."""
    from queries.ask.colloquial import plain
    from queries.ask.verdict import property_check

    again = plain(question)
    if again == question or not re.match(r"^(?:Is|Are) ", again):
        return None
    got = property_check(answer_fn, store, again, gaz)
    if got is None:
        return None
    return replace(got, parsed=replace(got.parsed, question=question))


def _check_date(claim: _Date, things: list[Any], rels: list[Any], opening: bool,
                names: dict[str, str]) -> tuple[bool | None, str]:
    props = ("opened", "established") if opening else ("established", "opened")
    held: list[tuple[str, _Date]] = []
    for prop in props:
        held += [(f"{t.display} {prop} {t.props[prop]}", d) for t in things
                 if (d := _recorded(t.props.get(prop))) is not None]
        if held:
            break
    if not held:
        held = [(f"{names[r.start]} {r.type} {names[r.end]} since {r.props['since']}", d)
                for r in rels
                if (d := _recorded(r.props.get("since"))) is not None]
    if not held:
        return None, f"the graph records no date to compare {claim.said()} with"
    agreeing = [said for said, d in held if _agrees(claim, d)]
    if agreeing:
        return True, f"{claim.said()} agrees with the record ({agreeing[0]})"
    return False, f"the record says {held[0][0]}, not {claim.said()}"


def _check_share(value: float, things: list[Any], rels: list[Any],
                 names: dict[str, str]) -> tuple[bool | None, str]:
    held = [(r, float(r.props["share"])) for r in rels
            if _number(r.props.get("share")) is not None]
    if not held:
        between = " and ".join(t.display for t in things)
        return None, f"the graph records no share between {between}"
    for r, share in held:
        if abs(share - value) < 0.5:
            return True, (f"{value:g}% agrees with the record ({names[r.start]} {r.type} "
                          f"{names[r.end]}, share {share:g})")
    r, share = held[0]
    return False, (f"the record gives {names[r.start]} a share of {share:g} in {names[r.end]}, "
                   f"not {value:g}% ({r.type})")


def _check_area(value: float, things: list[Any]) -> tuple[bool | None, str]:
    held = [(t, float(t.props["area_km2"])) for t in things
            if _number(t.props.get("area_km2")) is not None]
    if not held:
        return None, "the graph records no area to compare with"
    for t, area in held:
        if abs(area - value) <= 0.05 * max(area, 1.0):
            return True, f"{value:g} km² agrees with the record ({t.display}: {area:g} km²)"
    t, area = held[0]
    return False, f"the record gives {t.display} {area:g} km², not {value:g}"


def _number(value: Any) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _verdict(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
             mentions: Any, things: list[Any], rels: list[Any],
             checks: list[tuple[bool | None, str]]) -> Any:
    from queries.ask.intents import INTENTS
    from queries.ask.parsing import Parsed
    from queries.ask.records import Step
    from queries.ask.verdict import Verdict

    check = next(i for i in INTENTS if i.name == "check")
    slots = {name: t for name, t in zip("ab", things[:2], strict=False)}
    steps = (Step("show", ("{a}",)), *((Step("show", ("{b}",), also=True),)
                                       if "b" in slots else ()))
    intent = replace(check, name="check:claim", slots=check.slots[:len(slots)], steps=steps)
    parsed = Parsed(question, intent, tuple(mentions), slots, {},
                    known={t.id: t for t in things})
    got = answer_fn(store, parsed)
    said = "; ".join(text for _, text in checks)
    if any(ok is False for ok, _ in checks):
        text, held, no = f"No — {said}.", True, True
    elif all(ok for ok, _ in checks):
        text, held, no = f"Yes — {said}.", True, False
    else:
        text, held, no = f"The graph cannot confirm this — {said}.", False, False
    evidence = tuple(r for r in rels if any(p in r.props for p in ("since", "share")))
    return replace(got, verdict=Verdict(held, "recorded values", text, evidence,
                                        tuple(things), no=no))
