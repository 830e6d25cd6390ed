"""Who built parks with whom, asked from the kind: the partner places through the parks.

The graph records who co-builds each park (CO_BUILDS), not who partnered with whom, so a
question for the partners is answered through a third entity, the parks, and the answer keeps
the kind asked (cities, not their parks; the parks are the basis):

- the partners of one place: 哪些城市跟南通一起建了园区, 谁和南通合建过园区, 上海跟哪些城市一起建
  了园区, "Which cities have built parks together with Suzhou?", "Who has co-built parks with
  Wuxi?" (queries/partners.py: the other co-builders of what it co-builds, its districts and
  seated bodies counting for it);
- the builders of the parks in a place: 哪些城市在盐城那边共建了园区, "Which cities have set up
  parks in Suqian?" (queries/builders_in.py: who CO_BUILDS the parks that lie in it);
- the partners of each of two: "Which city co-builds parks both with Nantong and with
  Suqian?", 哪个城市跟南通和宿迁都共建了园区 (queries/shared_partners.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.records import Intent, Slot, Step

_BUILDERS = frozenset({"City", "Region", "Organization"})
_WORDING = frozenset({"mechanism:park-co-construction"})  # 共建园区 said of parks
# The asking phrase, and the kinds it asks for (谁 / who: any builder)
_ASK_ZH = (r"(?P<ask>谁|哪些|哪几个|哪个|哪家|哪些个|什么|哪)\s?"
           r"(?P<kind>城市|地方|地市|市|区县|县市|区|县|地区|省市|省份|省|单位|企业|公司|机构)?")
_ASK_EN = (r"(?P<ask>who|which|what)(?: other)?\s?(?P<kind>cities|city|places?|districts?|"
           r"counties|county|regions?|provinces?|companies|company|firms?|bodies|body|"
           r"partners?|municipalities)?")
_LEAD = r"(?:(?:都|还|一共|总共|到底|究竟)?有\s?)?"  # 有哪些城市…
_KINDS = {"城市": {"City"}, "地市": {"City"}, "市": {"City"}, "区县": {"City"}, "县市": {"City"},
          "区": {"City"}, "县": {"City"}, "地方": {"City", "Region"}, "地区": {"City", "Region"},
          "省市": {"City", "Region"}, "省份": {"Region"}, "省": {"Region"},
          "单位": {"Organization"}, "企业": {"Organization"}, "公司": {"Organization"},
          "机构": {"Organization"}, "cities": {"City"}, "city": {"City"},
          "municipalities": {"City"}, "districts": {"City"}, "district": {"City"},
          "counties": {"City"}, "county": {"City"}, "places": {"City", "Region"},
          "place": {"City", "Region"}, "regions": {"Region"}, "region": {"Region"},
          "provinces": {"Region"}, "province": {"Region"}, "companies": {"Organization"},
          "company": {"Organization"}, "firms": {"Organization"}, "firm": {"Organization"},
          "bodies": {"Organization"}, "body": {"Organization"},
          "organisations": {"Organization"}, "organizations": {"Organization"},
          "organisation": {"Organization"}, "organization": {"Organization"},
          "developers": {"Organization"}, "developer": {"Organization"},
          "investors": {"Organization"}, "investor": {"Organization"},
          "groups": {"Organization"}, "group": {"Organization"},
          "enterprises": {"Organization"}, "enterprise": {"Organization"},
          "soes": {"Organization"}, "state firms": {"Organization"}}
_WITH_ZH = r"(?:跟|和|与|同)"
_TOGETHER_ZH = r"(?:一起|一道|一块儿?|共同|联合|合作|携手|联手|都)?"
_BUILD_ZH = r"(?:共建|合建|联建|合作建设?|合办|共同建设|建设|建|办|搞|打造|开发|设立)"
_PARKS_ZH = r"(?:园区|产业园|工业园|开发区|共建园区|合作园区)"
_BUILD_EN = (r"(?:co ?buil[dt]s?|co ?develop(?:ed|s)?|buil[dt]s?|develop(?:ed|s)?|set up|"
             r"run|created?|opened|partnered|teamed up|worked|cooperated|collaborated)")
_PARKS_EN = r"(?:(?:co ?built |joint |industrial |cooperation )?(?:parks?|zones?))"
_PLACE = r"⟨(?P<x>\d+)⟩"

# partners of one place: the asking phrase first, or the place first
_PARTNERS = (
    re.compile(rf"^\s?{_LEAD}{_ASK_ZH}\s?(?:曾经|曾|已经|都)?\s?{_WITH_ZH}\s?{_PLACE}\s?{_TOGETHER_ZH}"
               rf"\s?{_BUILD_ZH}\s?(?:了|过)?\s?(?:.{{0,4}}{_PARKS_ZH})"),
    re.compile(rf"^\s?{_PLACE}\s?(?:曾经|曾|已经|都)?\s?{_WITH_ZH}\s?{_ASK_ZH}\s?"
               rf"{_TOGETHER_ZH}\s?{_BUILD_ZH}\s?(?:了|过)?\s?(?:.{{0,4}}{_PARKS_ZH})"),
    re.compile(rf"^\s?{_ASK_EN}\s(?:(?:have|has|had|did|do|does)\s)?{_BUILD_EN}\s"
               rf"(?:(?:\w+ ){{0,2}}{_PARKS_EN}\s)?(?:together |jointly )?with\s(?:the )?"
               rf"{_PLACE}(?:\s(?:on|for|to build) (?:\w+ ){{0,2}}{_PARKS_EN})?\s?$"),
)
# the partners of one place among the districts or counties of another: 上海哪些区和南通共建了
# 园区, "Which Shanghai districts co-build parks with Nantong?" (kept to what lies in it)
_PARTNERS_WITHIN = (
    re.compile(rf"^\s?⟨(?P<w>\d+)⟩\s?(?:的)?\s?{_LEAD}{_ASK_ZH}\s?(?:曾经|曾|已经|都)?\s?{_WITH_ZH}"
               rf"\s?{_PLACE}\s?{_TOGETHER_ZH}\s?{_BUILD_ZH}\s?(?:了|过)?\s?(?:.{{0,4}}{_PARKS_ZH})"),
    re.compile(rf"^\s?(?P<ask>which|what)\s⟨(?P<w>\d+)⟩(?:'s|’s)?\s(?P<kind>districts?|counties|"
               rf"county|cities|places)\s(?:(?:have|has|had|did|do|does)\s)?{_BUILD_EN}\s"
               rf"(?:(?:\w+ ){{0,2}}{_PARKS_EN}\s)?(?:together |jointly )?with\s(?:the )?{_PLACE}"
               rf"(?:\s(?:on|for|to build) (?:\w+ ){{0,2}}{_PARKS_EN})?\s?$"),
)
# the builders of the parks that lie in one place
_BUILT_IN = (
    re.compile(rf"^\s?{_LEAD}{_ASK_ZH}\s?(?:曾经|曾|已经|都)?\s?(?:在|到|去|往)\s?{_PLACE}\s?"
               rf"(?:那边|那里|那儿|这边|境内|当地|那块)?\s?{_TOGETHER_ZH}\s?{_BUILD_ZH}\s?"
               rf"(?:了|过)?\s?(?:.{{0,4}}{_PARKS_ZH})"),
    re.compile(rf"^\s?{_ASK_EN}\s(?:(?:have|has|had|did|do|does)\s)?{_BUILD_EN}\s"
               rf"(?:(?:\w+ ){{0,2}}{_PARKS_EN}\s)(?:in|at|inside|within)\s(?:the )?{_PLACE}"
               r"\s?$"),
)
# the builders, of a kind and from a place, of the parks that lie in another: "need a list of
# Shanghai companies developing parks up in Nantong", 哪些上海企业在南通建了园区
_ORG_KIND_EN = (r"(?P<kind>companies|company|firms?|organi[sz]ations?|developers?|investors?|"
                r"groups?|enterprises?|soes?|state firms|bodies|cities|places|districts)")
_BUILDING_EN = (r"(?:(?:are|is|were|was|that are|which are|who are)\s)?(?:co ?building|"
                r"co ?developing|building|developing|setting up|running|operating|investing in|"
                r"behind|"
                r"(?:that|which|who)\s(?:co ?)?(?:build|built|develop|developed|run|set up))")
_BUILT_IN_FROM = (
    re.compile(r"^\s?(?:(?:i |we )?(?:need|want|give me|show me|get me)\s)?(?:a |the )?"
               r"(?:(?:list|rundown|overview) of (?:the |all )?|which |what |who are the )"
               rf"(?:⟨(?P<y>\d+)⟩\s)?{_ORG_KIND_EN}\s{_BUILDING_EN}\s(?:\w+ ){{0,2}}"
               rf"{_PARKS_EN}\s(?:up |over |down |out )?(?:in|at|inside|within)\s(?:the )?"
               rf"{_PLACE}\s?$"),
    re.compile(rf"^\s?(?:有)?(?:哪些|哪几家|哪家|哪几个)?\s?⟨(?P<y>\d+)⟩\s?(?:的)?\s?"
               rf"(?:哪些|哪几家|哪家|哪几个)?\s?(?P<kind>企业|公司|单位|机构|城市|地方|区县|县市|区|县)\s?"
               rf"(?:曾经|已经|都)?\s?(?:在|到|去)\s?{_PLACE}\s?(?:那边|这边|那里|境内)?\s?"
               rf"{_TOGETHER_ZH}\s?{_BUILD_ZH}\s?(?:了|过)?\s?(?:.{{0,4}}{_PARKS_ZH})"),
    # (上海哪些区参与共建了南通的园区: the place after the verb, its parks the object)
    re.compile(rf"^\s?⟨(?P<y>\d+)⟩\s?(?:的)?\s?(?:哪些|哪几家|哪家|哪几个)\s?"
               rf"(?P<kind>企业|公司|单位|机构|城市|地方|区县|县市|区|县)\s?(?:参与|参加)?\s?(?:了)?"
               rf"{_TOGETHER_ZH}\s?{_BUILD_ZH}\s?(?:了|过)?\s?{_PLACE}\s?(?:的|境内的)?\s?"
               rf"{_PARKS_ZH}"),
)
# the partners of each of two
_OF_BOTH = (
    re.compile(rf"^\s?{_LEAD}{_ASK_ZH}\s?(?:同时|都|既)?\s?{_WITH_ZH}\s?⟨(?P<x>\d+)⟩\s?(?:和|与|、|及|以及)"
               rf"?\s?(?:跟|和|与|同)?\s?⟨(?P<y>\d+)⟩\s?(?:两[个地市方]|双方)?\s?(?:都|均|同时)?"
               rf"\s?{_TOGETHER_ZH}\s?{_BUILD_ZH}\s?(?:了|过)?"),
    re.compile(rf"^\s?{_ASK_EN}\s(?:(?:have|has|had|did|do|does)\s)?{_BUILD_EN}\s"
               rf"(?:(?:\w+ ){{0,2}}{_PARKS_EN}\s)?(?:together |jointly )?(?:both )?with\s"
               rf"(?:both )?(?:the )?⟨(?P<x>\d+)⟩\s(?:and|as well as)\s(?:also )?(?:with\s)?"
               rf"(?:the )?⟨(?P<y>\d+)⟩"),
)


def _asked(found: re.Match[str]) -> frozenset[str]:
    """The kinds the asking phrase names (who/谁: any builder)."""
    kind = found.group("kind")
    if kind:
        return frozenset(_KINDS.get(kind, set()) or _BUILDERS)
    if found.group("ask") in ("谁", "who"):
        return _BUILDERS  # (the builders: a park or a bridge it built is the basis)
    return frozenset({"City", "Region"})  # 哪些跟南通一起建了园区: places


_PARKS = re.compile(rf"{_PARKS_ZH}|\b{_PARKS_EN}")


def _built(masked: str) -> str | None:
    """What the partners are asked through: parks where the question says so (not the
    zone or a bridge also co-built), else whatever is co-built."""
    return "Park" if _PARKS.search(masked) else None


def _partners(asked: frozenset[str], built: str | None) -> Intent:
    """The other co-builders of what {x} co-builds (of the kind `built`), of the kinds asked,
    what they built together the basis."""
    label = "/".join(sorted(asked))
    what = "parks" if built else "something"
    return Intent(
        name="partners", question=f"Who has co-built {what} with {{x}}?",
        question_zh="谁和{x}一起共建了" + ("园区？" if built else "什么？"), cues=(),
        slots=(Slot("x"),),
        steps=(Step("co_builders", ("{x}",), {"label": label, "built_label": built}),),
        examples=(), explain=f"co_builders lists the other co-builders of the {what} {{x}} "
                             "co-builds (its districts and seated bodies counting for it), "
                             "each with the relations naming what they built together.")


def partners_asked(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
                   gaz: Gazetteer) -> Any:
    """The partners asked from the kind (see the module's docstring), or None."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    masked = masked_text(q, mentions)
    for n, m in enumerate(mentions):  # 建过共建园区: the mechanism's name is wording here
        if set(m.ids) <= _WORDING:
            masked = masked.replace(f"⟨{n}⟩", m.text)
    real = [n for n, m in enumerate(mentions) if not set(m.ids) <= _WORDING]
    if not real or any(len(mentions[n].ids) != 1 for n in real):
        return None
    named = {n: gaz.entities.get(mentions[n].ids[0]) for n in real}
    if any(e is None or e.label not in _BUILDERS for e in named.values()):
        return None
    known = {e.id: e for e in named.values() if e is not None}
    from_place = _built_in_from(answer_fn, store, question, masked, mentions, named, known)
    if from_place is not None:
        return from_place
    if len(real) == 2:
        kept = _partners_within(answer_fn, store, question, masked, mentions, named, known)
        if kept is not None:
            return kept
        found = next((f for p in _OF_BOTH if (f := p.search(masked))), None)
        if found is None:
            return None
        x, y = named[int(found.group("x"))], named[int(found.group("y"))]
        asked = _asked(found)
        label = "/".join(sorted(asked))
        intent = Intent(
            name="partners-of-both", question="Who has co-built with both {x} and {y}?",
            question_zh="谁和{x}、{y}都共建过？", cues=(), slots=(Slot("x"), Slot("y")),
            steps=(Step("co_builders_with_all", ("{x}", "{y}"),
                        {"label": label, "built_label": _built(masked)}),),
            examples=(), explain="co_builders_with_all lists those that co-build something "
                                 "with {x} and something with {y} (the parks are the basis; "
                                 "districts and seated bodies count for their place).")
        return answer_fn(store, Parsed(question, intent, tuple(mentions), {"x": x, "y": y},
                                       {}, known=known, asked=asked))
    if len(real) != 1:
        return None
    entity = named[real[0]]
    assert entity is not None
    found = next((f for p in _PARTNERS if (f := p.search(masked))), None)
    if found is not None:
        asked = _asked(found)
        return answer_fn(store, Parsed(question, _partners(asked, _built(masked)),
                                       tuple(mentions), {"x": entity}, {}, known=known,
                                       asked=asked))
    found = next((f for p in _BUILT_IN if (f := p.search(masked))), None)
    if found is None or entity.label not in ("City", "Region"):
        return None
    asked = _asked(found)
    intent = Intent(
        name="builders-in", question="Who built the parks in {x}?",
        question_zh="{x}的园区是谁共建的？", cues=(), slots=(Slot("x"),),
        steps=(Step("builders_of_what_lies_in", ("{x}",), {"label": "Park"}),), examples=(),
        explain="builders_of_what_lies_in lists who CO_BUILDS the parks that lie in {x} (its "
                "districts and counties counting), each with the relation naming the park.")
    return answer_fn(store, Parsed(question, intent, tuple(mentions), {"x": entity}, {},
                                   known=known, asked=asked))


def _built_in_from(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
                   masked: str, mentions: Any, named: dict[int, Any], known: dict[str, Any]
                   ) -> Any:
    """Who (of the kind asked, and from the place said) builds the parks lying in a place:
    "need a list of Shanghai companies developing parks up in Nantong"; None otherwise."""
    from queries.ask.parsing import Parsed
    from queries.within import related_within

    found = next((f for p in _BUILT_IN_FROM if (f := p.search(masked))), None)
    if found is None:
        return None
    x = named.get(int(found.group("x")))
    y = named.get(int(found.group("y"))) if found.group("y") is not None else None
    if x is None or x.label not in ("City", "Region") or len(named) != (2 if y else 1):
        return None
    if y is not None and y.label not in ("City", "Region"):
        return None
    asked = frozenset(_KINDS.get(found.group("kind").lower(), set()) or _BUILDERS)
    only: frozenset[str] = frozenset()
    if y is not None:  # from Shanghai: the builders lying in it (its districts' too)
        only = frozenset({y.id} | {i.entity.id for i in related_within(
            store, y.id, rel_type="LOCATED_IN", direction="in").items}) or frozenset({""})
    said = " from {y}" if y is not None else ""
    intent = Intent(
        name="builders-in", question="Who built the parks in {x}" + said + "?",
        question_zh=("{y}的" if y is not None else "") + "谁在{x}共建了园区？", cues=(),
        slots=(Slot("x"), *((Slot("y"),) if y is not None else ())),
        steps=(Step("builders_of_what_lies_in", ("{x}",), {"label": "Park"}),), examples=(),
        explain="builders_of_what_lies_in lists who CO_BUILDS the parks that lie in {x} (its "
                "districts and counties counting)" + (
                    "; kept are those that lie in {y}" if y is not None else "") + ".")
    slots = {"x": x, **({"y": y} if y is not None else {})}
    return answer_fn(store, Parsed(question, intent, tuple(mentions), slots, {}, known=known,
                                   asked=asked, only=only))


def _partners_within(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
                     masked: str, mentions: Any, named: dict[int, Any], known: dict[str, Any]
                     ) -> Any:
    """The partners of one place kept to those lying in another (上海哪些区和南通共建了园区),
    or None."""
    from queries.ask.parsing import Parsed

    found = next((f for p in _PARTNERS_WITHIN if (f := p.search(masked))), None)
    if found is None:
        return None
    place, x = named.get(int(found.group("w"))), named.get(int(found.group("x")))
    if place is None or x is None or place.label not in ("City", "Region") or place is x:
        return None
    asked = _asked(found)
    return answer_fn(store, Parsed(question, _partners(asked, _built(masked)), tuple(mentions),
                                   {"x": x}, {}, known=known, asked=asked, within=place.id))
