"""Questions in words, Chinese or English, mapped to one query of the catalogue.

No model: a declarative table of intents and a gazetteer. The gazetteer finds every entity a
question names (names, aliases, English names case-insensitively, pinyin; longest match
first; a one-character abbreviation such as 通 or 沪 only where it stands as a name). The
question is then masked (each entity becomes a placeholder) and each intent's cues, regexes
with Chinese and English alternatives, must all match the masked text; the entities fill the
intent's slots by label. A near miss ("Suzhuo", 南桶) is read only where an intent lacks an
entity, and the answer says so. A question no intent fits, or whose entities do not fit,
gets suggestions instead of an answer: never a confident wrong one.

Adding a question is one `Intent` entry in `INTENTS`.
"""

from __future__ import annotations

import importlib
import inspect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from graph.model import Entity, Subgraph
from graph.names import entity_keys, has_han, normalize, pinyin
from graph.store import Store
from queries.errors import QueryError

# -- the intent table: records ----------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """One thing a question must say, as a Chinese and an English regex (either may match).

    Regexes run on the masked question (lower case, entities replaced). Macros: `{E}` any
    entity, `{E:industry}` an entity whose id has that prefix, `{@mechanism:cost-sharing}`
    that entity, `{a}` the entity that fills slot `a` (a named group).
    """

    zh: str = ""
    en: str = ""


@dataclass(frozen=True)
class Slot:
    name: str
    labels: frozenset[str] | None = None  # None: any label
    kind: str = "entity"  # "entity", or "label": a label named in words (产业 -> Industry)
    optional: bool = False


@dataclass(frozen=True)
class Step:
    """One query call. Strings "{slot}" in args/kwargs become the slot's entity id."""

    query: str  # a key of QUERIES
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    only_if_empty: bool = False  # a fallback: runs only when every main step found nothing
    empty_on: tuple[str, ...] = ()  # names of QueryErrors that mean "nothing found"
    note: str = ""  # said before this step's answer
    note_if_empty: str = ""  # said when this step finds nothing
    fallback: Step | None = None  # run instead when the query's module is not installed


@dataclass(frozen=True)
class Intent:
    name: str
    question: str  # the English template, e.g. "Which industries link {a} and {b}?"
    question_zh: str
    cues: tuple[Cue, ...]  # all must match
    slots: tuple[Slot, ...]
    steps: tuple[Step, ...]
    examples: tuple[str, ...]
    explain: str  # why these steps answer the question ({slot} -> the entity's name)
    avoid: Cue | None = None  # if this matches, the intent does not apply
    absorb: frozenset[str] = frozenset()  # entity ids that are wording here, not slots
    priority: int = 0  # breaks ties between complete matches (anchored intents are higher)


# Each query the table may call: module and function. Modules are imported on use, so a
# query another module adds later (hubs, mentions) is used as soon as it exists.
QUERIES: dict[str, tuple[str, str]] = {
    "links": ("queries.links", "links"),
    "shortest_paths": ("queries.paths", "shortest_paths"),
    "why": ("queries.why", "why"),
    "compare": ("queries.compare", "compare"),
    "hubs": ("queries.hubs", "hubs"),
    "mentions": ("queries.mentions", "mentions"),
    "related": ("queries.related", "related"),
    "quoted_in": ("queries.related", "quoted_in"),
    "show": ("queries.show", "show"),
}

# -- the intent table: vocabulary -------------------------------------------------------------

_PLACE = frozenset({"City", "Region"})
_ACTOR = frozenset({"City", "Region", "Organization", "Park"})
_LINKABLE = frozenset({"City", "Region", "Organization", "Park", "Initiative", "Industry",
                       "Mechanism", "Infrastructure"})

_INDUSTRY = Cue(zh=r"产业|行业|领域|板块|业态",
                en=r"\bindustr\w*|\bsectors?\b|\bfields?\b")
_LINK = Cue(zh=r"联系|关联|纽带|连接|链接|相连|衔接|串联|共同|共有|相同|共享|重合|交集|协同|联动|"
               r"合作|关系|连起来|都有",
            en=r"\blink\w*|\bconnect\w*|\bjoin\w*|\bties?\b|\btied\b|\bbridg\w*|\bshared?\b|"
               r"\bsharing\b|\bcommon\b|\bbetween\b|\brelat\w*|\bunit\w*|\bbind\w*|\bbound\b")
_PARK = Cue(zh=r"园区|产业园|开发区|合作区|科技城|基地|载体|{@mechanism:park-co-construction}",
            en=r"\bparks?\b|\bzones?\b|\bestates?\b|\bbases?\b|\bcent(?:re|er)s?\b|"
               r"{@mechanism:park-co-construction}")
_MECHANISM = Cue(zh=r"机制|模式|制度|做法|办法|安排",
                 en=r"\bmechanisms?\b|\barrangements?\b|\bmodels?\b|\bschemes?\b|"
                    r"\binstruments?\b")
_COST_BENEFIT = r"{@mechanism:cost-sharing}|{@mechanism:benefit-sharing}"
_TIER_1000 = Cue(zh=r"千亿|六大|6 ?大|六个|支柱",
                 en=r"hundred ?billion|100 ?billion|100 ?bn\b|\bsix\b|\b6\b|\bpillar\w*|千亿")
_TIER_CHAIN = Cue(zh=r"优势产业链|优势链|16 ?条|十六条",
                  en=r"\badvantage\w*|\bsixteen\b|\b16\b")
_LEARN_ZH = r"借鉴|学习|效仿|取经|参考|对标|仿效|看齐|模仿|复制|榜样|师法"
_LEARN_EN = (r"learn\w*|borrow\w*|emulat\w*|imitat\w*|benchmark\w*|cop(?:y|ies|ied)|"
             r"stud(?:y|ies|ied)|follow\w*|model\w* (?:itself )?(?:on|after)|"
             r"(?:take|takes|took|taken|draw|draws|drew|drawn) (?:on|lessons?|experience)|"
             r"look\w* to")

# Words that name a label, for intents whose slot is a kind of thing (hubs).
LABEL_WORDS: dict[str, Cue] = {
    "Industry": _INDUSTRY,
    "Park": Cue(zh=r"园区|产业园|开发区", en=r"\bparks?\b|\bzones?\b"),
    "City": Cue(zh=r"城市|地级市|区县", en=r"\bcit(?:y|ies)\b|\bdistricts?\b"),
    "Mechanism": _MECHANISM,
    "Organization": Cue(zh=r"组织|机构|联盟|企业|公司", en=r"\borgani[sz]ations?\b|"
                        r"\balliances?\b|\bcompan(?:y|ies)\b|\binstitutions?\b"),
    "Initiative": Cue(zh=r"举措|战略|规划|计划|行动|平台", en=r"\binitiatives?\b|\bstrateg\w*|"
                      r"\bplans?\b|\bprogram\w*|\bcampaigns?\b"),
    "Region": Cue(zh=r"区域|地区|都市圈|城市群", en=r"\bregions?\b|\bcircles?\b|\bclusters?\b"),
    "Infrastructure": Cue(zh=r"基础设施|交通|桥|铁路|港口|机场",
                          en=r"\binfrastructure\b|\bbridges?\b|\brailways?\b|\bports?\b"),
}

# Phrasings analysts use that the data does not (yet) list as aliases.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "region:shanghai-metropolitan-circle": (
        "上海都市圈", "1+8都市圈", "上海1+8都市圈", "1+8大都市圈", "上海1+8", "沪1+8都市圈",
        "shanghai metropolitan circle", "shanghai 1+8 metropolitan circle",
        "shanghai 1+8 circle", "1+8 metropolitan circle", "1+8 circle",
        "shanghai metropolitan region", "greater shanghai"),
    "mechanism:cost-sharing": ("cost-sharing", "sharing costs", "分担成本", "共担成本"),
    "mechanism:benefit-sharing": ("benefit-sharing", "sharing benefits", "共享利益",
                                  "分享利益", "利益分享"),
}

_NOT_FOUND = ("NoPath", "NoDirectRelation")


def _i(name: str, question: str, question_zh: str, cues: Iterable[Cue],
       slots: Iterable[Slot], steps: Iterable[Step], examples: Iterable[str], explain: str,
       **extra: Any) -> Intent:
    return Intent(name, question, question_zh, tuple(cues), tuple(slots), tuple(steps),
                  tuple(examples), explain, **extra)


def _related(entity: str, rel_type: str, direction: str, label: str | None = None,
             where: Mapping[str, Any] | None = None, **step: Any) -> Step:
    kwargs: dict[str, Any] = {"rel_type": rel_type, "direction": direction, "label": label}
    if where:
        kwargs["where"] = dict(where)
    return Step("related", (entity,), kwargs, **step)


INTENTS: tuple[Intent, ...] = (
    _i("industry-links", "Which industries link {a} and {b}?", "{a}和{b}之间有哪些产业联系？",
       [_INDUSTRY, _LINK],
       [Slot("a", _LINKABLE), Slot("b", _LINKABLE)],
       [Step("links", ("{a}", "{b}"), {"via": "industry"})],
       ["Which industries link Nantong and Suzhou?", "南通和苏州之间有哪些产业联系？"],
       "links ranks the industries on paths between {a} and {b} (shared industries, the "
       "taxonomy between differently named ones, parks and alliances that focus on them), "
       "each with the quote behind every edge.",
       avoid=Cue(zh=r"园区|产业园|开发区|机制", en=r"\bparks?\b|\bmechanisms?\b")),
    _i("connection", "How is {a} connected to {b}?", "{a}与{b}是什么关系？",
       [Cue(zh=r"关系|联系|关联|连接|相连|纽带|交集|瓜葛|渊源|联结|牵连|挂钩|相关|连在一起|连起来",
            en=r"\blink\w*|\bconnect\w*|\brelat\w*|\bties?\b|\btied\b|\bassociat\w*|"
               r"\bbond\w*|\bto do with\b|\bbetween\b")],
       [Slot("a", _LINKABLE), Slot("b", _LINKABLE)],
       [Step("why", ("{a}", "{b}"), empty_on=_NOT_FOUND,
             note_if_empty="The graph states no direct relation between {a} and {b}.",
             fallback=Step("shortest_paths", ("{a}", "{b}"), {"k": 5},
                           empty_on=_NOT_FOUND)),
        Step("shortest_paths", ("{a}", "{b}"), {"k": 5}, only_if_empty=True,
             empty_on=_NOT_FOUND,
             note="The shortest routes between them:")],
       ["How is Nantong connected to Shanghai?", "南通与上海是什么关系？",
        "What links Suzhou Industrial Park to Nantong?", "苏州工业园区和南通有什么联系？"],
       "why lists the relations the graph states directly between {a} and {b}, each with "
       "its quote and source; when there are none, the shortest paths show the nearest "
       "routes. (links --via any would rank every intermediary instead, and misses the "
       "direct edges; ask 'which industries/parks link …' for those.)",
       avoid=Cue(zh=r"产业|行业|园区|产业园|机制|模式|城市|成员|比较|对比|区别|异同",
                 en=r"\bindustr\w*|\bsectors?\b|\bparks?\b|\bzones?\b|\bmechanisms?\b|"
                    r"\bcit(?:y|ies)\b|\bmembers?\b|\bcompar\w*|\bdiffer\w*")),
    _i("park-links", "Which parks has {a} co-built with {b}?", "{a}和{b}共建了哪些园区？",
       [_PARK,
        Cue(zh=r"共建|合建|联建|合作|共同建设|一起建|联手|联合|携手|联系|关联|连接|共享|共有|"
               r"共同|相关|{@mechanism:park-co-construction}",
            en=r"\bco ?buil[dt]\w*|\bco ?develop\w*|\bbuil[dt]\w* (?:\w+ )?(?:together|jointly)|"
               r"\bjoint\w*|\btogether\b|\bpartner\w*|\bshared?\b|\blink\w*|\bconnect\w*|"
               r"\bcooperat\w*|\bbetween\b|\bcommon\b|{@mechanism:park-co-construction}")],
       [Slot("a", _ACTOR), Slot("b", _ACTOR)],
       [Step("links", ("{a}", "{b}"), {"via": "park"})],
       ["Which parks has Nantong co-built with Suzhou?", "南通和苏州共建了哪些园区？"],
       "links --via park ranks the parks on paths between {a} and {b}: those they co-build "
       "(CO_BUILDS), those in one side that the other learns from or invests in, each path "
       "with its quotes. Read the CO_BUILDS hops for co-building in the strict sense.",
       absorb=frozenset({"mechanism:park-co-construction"})),
    _i("cost-benefit-mechanisms", "Which mechanisms share costs and benefits?",
       "有哪些成本共担、利益共享的机制？",
       [Cue(zh=r"成本|利益|收益|" + _COST_BENEFIT,
            en=r"\bcosts?\b|\bbenefits?\b|\binterests?\b|\bgains?\b|" + _COST_BENEFIT),
        Cue(zh=r"机制|制度|安排|办法|做法|模式|分担|共担|共享|分享|分成|平衡|"
               r"{@mechanism:benefit-sharing}",
            en=r"\bmechanisms?\b|\barrangements?\b|\bschemes?\b|\bshar\w*|\bsplit\w*|"
               r"\bbalanc\w*|{@mechanism:benefit-sharing}")],
       [],
       [_related("initiative:interest-balance-task", "PART_OF", "in", "Mechanism")],
       ["Which mechanisms share costs and benefits?", "有哪些成本共担、利益共享的机制？"],
       "The graph files 成本共担 (cost sharing) and 利益共享 (benefit sharing), with 财税共享 "
       "and 统计指标“双算”, under the article's task 探索各方利益平衡机制 "
       "[initiative:interest-balance-task]; the answer lists the mechanisms PART_OF it, "
       "each with its quote.",
       absorb=frozenset({"mechanism:cost-sharing", "mechanism:benefit-sharing",
                         "mechanism:fiscal-tax-sharing", "mechanism:dual-statistics",
                         "initiative:interest-balance-task"}),
       avoid=Cue(zh=r"园区|产业", en=r"\bparks?\b|\bindustr\w*")),
    _i("members", "Which cities belong to {region}?", "{region}包括哪些城市？",
       [Cue(zh=r"城市|成员|哪些市|几个市|地市",
            en=r"\bcit(?:y|ies)\b|\bmembers?\b|\bmembership\b|\bmunicipalit\w*"),
        Cue(zh=r"包括|包含|囊括|涵盖|组成|构成|成员|属于|加入|纳入|有哪些|有哪几|有几个|是哪些|"
               r"是哪几|有什么|都有|里有|中有|内有",
            en=r"\bbelong\w*|\bmembers?\b|\bin\b|\bof\b|\binclud\w*|\bcompris\w*|"
               r"\bmakes? up\b|\bmade up\b|\bconsist\w*|\bpart of\b|\bform\w*|\bwithin\b|"
               r"\binside\b|\bjoin\w*|\bmake\b")],
       [Slot("region", frozenset({"Region", "Organization"}))],
       [_related("{region}", "MEMBER_OF", "in", "City")],
       ["Which cities belong to the Shanghai 1+8 metropolitan circle?",
        "上海大都市圈包括哪些城市？"],
       "related follows MEMBER_OF into {region} and keeps the cities.",
       avoid=Cue(zh=r"产业|园区|机制", en=r"\bindustr\w*|\bparks?\b|\bmechanisms?\b")),
    _i("tier-industries", "What are {place}'s six 千亿级 industries?",
       "{place}的六大千亿级产业是什么？",
       [_TIER_1000, Cue(zh=r"产业|行业|板块|集群|领域",
                        en=r"\bindustr\w*|\bsectors?\b|\bclusters?\b|\bsegments?\b|"
                           r"\bplates?\b|\bblocks?\b")],
       [Slot("place", _PLACE | {"Park"})],
       [_related("{place}", "HAS_INDUSTRY", "out", "Industry", {"tier": "千亿级"})],
       ["What are Nantong's six 千亿级 industries?", "南通的六大千亿级产业是什么？"],
       "related follows HAS_INDUSTRY out of {place} and keeps the relations whose tier is "
       "千亿级 (the article's six hundred-billion-yuan sectors).",
       avoid=Cue(zh=r"园区|优势产业链", en=r"\bparks?\b|\badvantage\w*")),
    _i("chain-industries", "What are {place}'s 优势产业链 (advantageous industrial chains)?",
       "{place}有哪些优势产业链？",
       [_TIER_CHAIN, Cue(zh=r"产业|链", en=r"\bindustr\w*|\bchains?\b|\bsectors?\b")],
       [Slot("place", _PLACE | {"Park"})],
       [_related("{place}", "HAS_INDUSTRY", "out", "Industry", {"tier": "优势产业链"})],
       ["What are Nantong's 16 advantageous industrial chains?", "南通有哪些优势产业链？"],
       "related follows HAS_INDUSTRY out of {place} and keeps the tier 优势产业链."),
    _i("industries-of", "Which industries does {place} have?", "{place}有哪些产业？",
       [_INDUSTRY,
        Cue(zh=r"有哪些|有什么|有啥|拥有|发展|主导|都有|具备|布局|重点|主要|是什么|是哪些",
            en=r"\bhave\b|\bhas\b|\bhost\w*|\bdevelop\w*|\bown\w*|\bin\b|\bof\b|\bat\b|"
               r"\bmain\b|\bkey\b|\blist\b|\bwhich\b|\bwhat\b")],
       [Slot("place", _PLACE | {"Park"})],
       [_related("{place}", "HAS_INDUSTRY", "out", "Industry")],
       ["Which industries does Nantong have?", "南通有哪些产业？"],
       "related follows every HAS_INDUSTRY out of {place}; the tier or role of each is in "
       "its relation.",
       avoid=Cue(zh=r"千亿|六大|6 ?大|优势产业链|优势链|园区|产业园|开发区|基地|聚焦",
                 en=r"hundred ?billion|100 ?billion|\bsix\b|\b6\b|\badvantage\w*|\bparks?\b|"
                    r"\bzones?\b|\bfocus\w*")),
    _i("learns-from", "Which places does {x} learn from?", "{x}借鉴了哪些地方的经验？",
       [Cue(zh=r"{x}[^⟨⟩]*?(?:" + _LEARN_ZH + ")",
            en=r"{x}[^⟨⟩]*?\b(?:" + _LEARN_EN + r")\b")],
       [Slot("x", _ACTOR)],
       [_related("{x}", "LEARNS_FROM", "out")],
       ["Which places does Nantong learn from?", "南通借鉴了哪些地方的经验？"],
       "related follows LEARNS_FROM out of {x}: the models the article cites, each with the "
       "aspect learnt and its quote."),
    _i("learners", "Who learns from {x}?", "谁借鉴了{x}的经验？",
       [Cue(zh=r"(?:" + _LEARN_ZH + r")(?:了|过|着)?{x}",
            en=r"\b(?:" + _LEARN_EN + r")\b (?:from )?(?:the (?:experience|models?|examples?|"
               r"practices?|lessons?) (?:of )?)?{x}"),
        Cue(zh=r"谁|哪些|哪个|哪几|什么", en=r"\bwho\b|\bwhich\b|\bwhat\b|\bwhom\b")],
       [Slot("x", None)],
       [_related("{x}", "LEARNS_FROM", "in")],
       ["Who learns from Suzhou Industrial Park?", "谁借鉴了苏州工业园区的经验？"],
       "related follows LEARNS_FROM into {x}: who takes it as a model."),
    _i("learns-what", "What does {x} learn from {y}?", "{x}借鉴了{y}的什么经验？",
       [Cue(zh=r"{x}[^⟨⟩]*?(?:" + _LEARN_ZH + r")[^⟨⟩]*?{y}|"
               r"{x}[^⟨⟩]*?(?:向|跟|从)\s?{y}[^⟨⟩]*?(?:" + _LEARN_ZH + ")",
            en=r"{x}[^⟨⟩]*?\b(?:" + _LEARN_EN + r")\b[^⟨⟩]*?{y}|"
               r"\b(?:" + _LEARN_EN + r")\b[^⟨⟩]*?{y}[^⟨⟩]*?\bby {x}")],
       [Slot("x", _ACTOR), Slot("y", None)],
       [Step("why", ("{x}", "{y}"), empty_on=_NOT_FOUND,
             note_if_empty="The graph states no direct relation between {x} and {y}.",
             fallback=Step("shortest_paths", ("{x}", "{y}"), {"k": 5}, empty_on=_NOT_FOUND)),
        Step("shortest_paths", ("{x}", "{y}"), {"k": 5}, only_if_empty=True,
             empty_on=_NOT_FOUND, note="The shortest routes between them:")],
       ["What does Nantong learn from Suzhou Industrial Park?", "南通借鉴了临港什么经验？"],
       "why lists what the graph states directly between {x} and {y}; a LEARNS_FROM "
       "relation carries the aspect learnt and the quote.",
       priority=1),
    _i("check", "Is {a} part of, or related to, {b}?", "{a}属于{b}吗？",
       [Cue(zh=r"吗$|么$|嘛$|是不是|是否|有没有|属不属于",
            en=r"^(?:is|are|was|were|does|do|did|has|have|can) ")],
       [Slot("a", _LINKABLE), Slot("b", _LINKABLE)],
       [Step("why", ("{a}", "{b}"), empty_on=_NOT_FOUND,
             note_if_empty="The graph states no direct relation between {a} and {b}.",
             fallback=Step("shortest_paths", ("{a}", "{b}"), {"k": 5}, empty_on=_NOT_FOUND)),
        Step("shortest_paths", ("{a}", "{b}"), {"k": 5}, only_if_empty=True,
             empty_on=_NOT_FOUND, note="The shortest routes between them:")],
       ["Is Nantong in the Shanghai metropolitan circle?", "南通属于上海大都市圈吗？"],
       "A yes-or-no question is answered with the evidence: why lists the relations the "
       "graph states between {a} and {b} (none means the graph does not say so), else the "
       "shortest paths.",
       avoid=Cue(zh=r"产业|行业|园区|机制", en=r"\bindustr\w*|\bparks?\b|\bmechanisms?\b")),
    _i("mentions", "Where does the article mention {entity}?", "文章在哪里提到了{entity}？",
       [Cue(zh=r"文章|文中|原文|文本|全文|报道|讲话|文件|哪句|哪段|句子|段落|出处|原话|哪里|何处",
            en=r"\barticles?\b|\btext\b|\bdocuments?\b|\bsources?\b|\bpaper\b|\bessay\b|"
               r"\bsentences?\b|\bpassages?\b|\bquotes?\b|\bwhere\b"),
        Cue(zh=r"提到|提及|说到|讲到|谈到|出现|提|说|讲|写|论述|表述|出处|原文|原话",
            en=r"\bmention\w*|\bsa(?:y|ys|id)\b|\btalk\w*|\brefer\w*|\bcit(?:e|es|ed)\b|"
               r"\bdiscuss\w*|\bquot\w*|\bappear\w*|\bnam(?:e|es|ed)\b|\bwrit\w*")],
       [Slot("entity", None)],
       [Step("mentions", ("{entity}",), fallback=Step(
           "quoted_in", ("{entity}",),
           note="Sentence-level mentions need queries.mentions (estuary load-doc), which this "
                "installation lacks; these are the quotes behind the graph's relations that "
                "name {entity}:")),
        Step("quoted_in", ("{entity}",), only_if_empty=True,
             note="Meanwhile, the quotes behind the graph's relations that name {entity}:")],
       ["Where does the article mention 飞地孵化?", "文章在哪里提到了飞地孵化？"],
       "mentions lists the sentences of loaded documents that name {entity} (MENTIONS, "
       "recorded by `estuary load-doc`); when there are none, the answer falls back to the "
       "article's quotes behind the graph's relations that contain its name."),
    _i("parks-focusing", "Which parks focus on {industry}?", "哪些园区聚焦{industry}？",
       [Cue(zh=r"园区|产业园|开发区|合作区|科技城|基地|载体|项目",
            en=r"\bparks?\b|\bzones?\b|\bestates?\b|\bbases?\b|\bprojects?\b"),
        Cue(zh=r"聚焦|专注|主攻|主打|侧重|重点|发展|布局|从事|做|搞|围绕|瞄准|集聚|集中|有|涉及|"
               r"方面|相关|领域",
            en=r"\bfocus\w*|\bspeciali[sz]\w*|\bconcentrat\w*|\bcent(?:re|er)ed\b|"
               r"\bdedicated\b|\bwork\w*|\bdo\b|\bhost\w*|\bhave\b|\bhas\b|\bfor\b|\bin\b|"
               r"\bon\b|\bdevelop\w*|\btarget\w*|\bbuil[dt]\w*")],
       [Slot("industry", frozenset({"Industry"}))],
       [_related("{industry}", "FOCUSES_ON", "in", "Park"),
        _related("{industry}", "HAS_INDUSTRY", "in", "Park"),
        _related("{industry}", "HAS_INDUSTRY", "in", only_if_empty=True,
                 note="No park in the graph FOCUSES_ON or HAS_INDUSTRY {industry}; these "
                      "have it:"),
        _related("{industry}", "BROADER", "in", "Industry", only_if_empty=True,
                 note="Narrower industries under {industry}, to ask about in turn:")],
       ["Which parks focus on new energy?", "哪些园区聚焦新能源？"],
       "related follows FOCUSES_ON into {industry} and keeps parks, then the parks that "
       "HAS_INDUSTRY it; if none, who has it and its narrower industries.",
       avoid=Cue(zh=r"共建|合建", en=r"\bco ?buil[dt]\w*")),
    _i("co-built-parks", "Which parks does {x} co-build?", "{x}共建了哪些园区？",
       [_PARK,
        Cue(zh=r"共建|合建|联建|参与建设|建设|建了|投资|开发",
            en=r"\bco ?buil[dt]\w*|\bbuil[dt]\w*|\bco ?develop\w*|\bdevelop\w*|\binvest\w*|"
               r"\bjoint\w*")],
       [Slot("x", _ACTOR - {"Park"})],
       [_related("{x}", "CO_BUILDS", "out", "Park")],
       ["Which parks does Nantong co-build?", "南通共建了哪些园区？"],
       "related follows CO_BUILDS out of {x} and keeps parks, with each stake and quote.",
       absorb=frozenset({"mechanism:park-co-construction"})),
    _i("mechanism-links", "Which mechanisms link {a} and {b}?", "{a}和{b}之间有哪些机制联系？",
       [_MECHANISM, _LINK],
       [Slot("a", _LINKABLE), Slot("b", _LINKABLE)],
       [Step("links", ("{a}", "{b}"), {"via": "mechanism"})],
       ["Which mechanisms link Nantong and Shanghai?", "南通和上海之间有哪些机制联系？"],
       "links --via mechanism ranks the mechanisms on paths between {a} and {b}.",
       avoid=Cue(zh=r"成本|利益", en=r"\bcosts?\b|\bbenefits?\b")),
    _i("adopted-mechanisms", "Which mechanisms does {x} adopt?", "{x}在探索哪些机制？",
       [_MECHANISM,
        Cue(zh=r"采用|采取|探索|建立|实行|实施|推行|运用|用了|推广|有哪些|有什么|在用|试行|创新|要求|需要",
            en=r"\badopt\w*|\bexplor\w*|\bus(?:e|es|ed|ing)\b|\bappl(?:y|ies|ied)\b|"
               r"\bestablish\w*|\bpursu\w*|\bhave\b|\bhas\b|\btr(?:y|ies|ied|ying)\b|"
               r"\bintroduc\w*|\bset(?:ting)? up\b|\brequir\w*|\bneed\w*|\bmandat\w*")],
       [Slot("x", _ACTOR | {"Initiative"})],
       [_related("{x}", "ADOPTS", "out", "Mechanism")],
       ["Which mechanisms does Nantong adopt?", "南通在探索哪些机制？"],
       "related follows ADOPTS out of {x}; each relation's status says explored, required, "
       "applied …",
       avoid=Cue(zh=r"成本|利益", en=r"\bcosts?\b|\bbenefits?\b")),
    _i("compare", "How do {a} and {b} compare?", "比较{a}和{b}",
       [Cue(zh=r"比较|对比|相比|比一比|异同|区别|不同|差异|差别|相似|优劣",
            en=r"\bcompar\w*|\bversus\b|\bvs\b|\bdiffer\w*|\bsimilar\w*|\bcontrast\w*|"
               r"\bside by side\b")],
       [Slot("a", _LINKABLE), Slot("b", _LINKABLE)],
       [Step("compare", ("{a}", "{b}"))],
       ["Compare Nantong and Suzhou", "比较南通和苏州"],
       "compare sets {a} and {b} side by side: industries (and the categories both reach), "
       "parks, memberships, mechanisms, and what they share.",
       priority=1),
    _i("hubs", "Which {label} are the most connected?", "哪些{label}连接最多？",
       [Cue(zh=r"最|核心|枢纽|关键", en=r"\bmost\b|\btop\b|\bhubs?\b|\bcentral\w*|\bbest\b"),
        Cue(zh=r"连接|联系|关联|关系|枢纽|核心|中心|重要|关键",
            en=r"\bconnect\w*|\blink\w*|\bhubs?\b|\bcentral\w*|\bimportant\b|\brelations?\b")],
       [Slot("label", kind="label", optional=True)],
       [Step("hubs", (), {"label": "{label}"})],
       ["Which industries are the most connected?", "哪些产业连接最多？"],
       "hubs ranks entities (of one label if the question names one) by their number of "
       "relations."),
    _i("show", "What is {a}?", "{a}是什么？",
       [Cue(zh=r"^(?:请)?(?:介绍一下|介绍|说说|讲讲|解释一下|解释)?{a}"
               r"(?:是什么|是啥|是谁|是什么意思|指什么|是指什么|的介绍|的情况|简介|介绍)?$",
            en=r"^(?:(?:what|who) (?:is|are|was|were) (?:the )?|(?:tell me about|describe|"
               r"explain|show|show me|about|info on|information about) (?:the )?)?{a}$")],
       [Slot("a", None)],
       [Step("show", ("{a}",))],
       ["What is Suzhou Industrial Park?", "飞地孵化是什么？"],
       "show prints everything the graph says about {a}: properties, relations by type and "
       "their sources.",
       priority=10),
)


# -- normalising a question -------------------------------------------------------------------

_QUOTES = re.compile(r"[“”‘’\"「」『』《》()（）\[\]【】]")
_APOSTROPHE_S = re.compile(r"['’]s\b")
_PUNCT = re.compile(r"[?？!！。，,、；;：:…~～·•/\\|]+")
_DASH_LATIN = re.compile(r"(?<=[a-z0-9])[-‐‑–—_](?=[a-z0-9])")
_HAN = r"\u4e00-\u9fff"
_SPACE_IN_HAN = re.compile(rf"(?<=[{_HAN}])\s+(?=[{_HAN}])")
_HAN_LATIN = re.compile(rf"(?<=[{_HAN}])(?=[a-z0-9+])|(?<=[a-z0-9+])(?=[{_HAN}])")
_DASH_HAN = re.compile(rf"(?<=[{_HAN}])[-‐‑–—]+(?=[{_HAN}])")


def prepare(text: str) -> str:
    """Lower case, full width folded, quotes dropped, punctuation a space, a space between
    Chinese and Latin ("six 千亿级 industries"), none typed between Chinese characters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHE_S.sub("", text.replace("\u2019", "'"))
    text = _QUOTES.sub("", text).replace("'", "")
    text = _DASH_LATIN.sub(" ", text)
    text = _DASH_HAN.sub("", text)
    text = _SPACE_IN_HAN.sub("", text)
    text = _PUNCT.sub(" ", text)
    text = _HAN_LATIN.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _latin_key(text: str) -> str:
    return re.sub(r"[^a-z0-9+]", "", text)


# -- the gazetteer ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Gazetteer:
    """Every form an entity answers to, indexed for scanning a question."""

    entities: dict[str, Entity]
    han: dict[str, frozenset[str]]  # a form with Chinese characters -> ids
    latin: dict[str, frozenset[str]]  # a Latin form without spaces -> ids
    single: dict[str, frozenset[str]]  # a one-character abbreviation (通, 沪) -> ids
    names: dict[str, frozenset[str]]  # a form -> ids whose name (not alias) it is
    max_tokens: int

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> Gazetteer:
        han: dict[str, set[str]] = {}
        latin: dict[str, set[str]] = {}
        single: dict[str, set[str]] = {}
        names: dict[str, set[str]] = {}
        by_id: dict[str, Entity] = {}
        longest = 1
        for e in entities:
            by_id[e.id] = e
            texts = (*entity_keys(e), e.name, e.name_en, *e.aliases, *EXTRA_ALIASES.get(e.id, ()))
            forms = {prepare(t) for t in texts}
            for form in forms:
                if not form:
                    continue
                if has_han(form):
                    (single if len(form) == 1 else han).setdefault(form, set()).add(e.id)
                else:
                    key = _latin_key(form)
                    if key:
                        latin.setdefault(key, set()).add(e.id)
                        longest = max(longest, len(form.split()))
            for name in (e.name, e.name_en):
                if name:
                    for form in (prepare(name), _latin_key(prepare(name))):
                        names.setdefault(form, set()).add(e.id)

        def freeze(d: dict[str, set[str]]) -> dict[str, frozenset[str]]:
            return {k: frozenset(v) for k, v in d.items()}

        return cls(by_id, freeze(han), freeze(latin), freeze(single), freeze(names),
                   longest + 2)


def gazetteer(store: Store) -> Gazetteer:
    return Gazetteer.build(store.all_entities())


@dataclass(frozen=True)
class Mention:
    """A stretch of the question that names one entity (or several, if ambiguous)."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]
    how: str  # "name", "alias", "abbreviation", "near miss"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "ids": list(self.ids), "how": self.how}


# A one-character abbreviation stands as a name only between such neighbours ("通和苏",
# "沪苏通之间"), never inside a word (交通, 深化, 申请).
_CONNECTORS = set(" 和与跟同及对到至向从在把是")
_LEFT_WORDS = ("比较", "对比", "连接", "介绍", "关于")
_RIGHT_WORDS = ("之间", "两地", "两市", "的", "是", "有", "与", "和", "跟", "同", "及", "共",
                "合作", "在", "都", "间", "关系", "联系", "之", "什么", "怎么", "如何", "有何",
                "产业", "园区", "借鉴", "学习", "比较", "对比")


def _abbreviation_ok(q: str, i: int, single: Mapping[str, Any]) -> bool:
    left = i == 0 or q[i - 1] in _CONNECTORS or q[i - 1] in single or q[:i].endswith(
        _LEFT_WORDS)
    rest = q[i + 1:]
    right = not rest or rest[0] in _CONNECTORS or rest[0] in single or rest.startswith(
        _RIGHT_WORDS)
    return left and right


def recognise(question: str, gaz: Gazetteer) -> tuple[str, tuple[Mention, ...]]:
    """The prepared question and the entities it names, longest match first."""
    q = prepare(question)
    found: list[tuple[int, int, frozenset[str]]] = []
    for form, ids in gaz.han.items():
        start = q.find(form)
        while start >= 0:
            found.append((start, start + len(form), ids))
            start = q.find(form, start + 1)
    tokens = list(re.finditer(r"[a-z0-9+]+", q))
    for i in range(len(tokens)):
        key = ""
        for j in range(i, min(i + gaz.max_tokens, len(tokens))):
            key += tokens[j].group()
            if key in gaz.latin:
                found.append((tokens[i].start(), tokens[j].end(), gaz.latin[key]))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken = [False] * len(q)
    chosen: list[Mention] = []
    for start, end, ids in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        text = q[start:end]
        named = gaz.names.get(text, frozenset()) | gaz.names.get(_latin_key(text), frozenset())
        how = "name" if ids & named else "alias"
        chosen.append(Mention(start, end, text, tuple(sorted(ids)), how))
    for i, ch in enumerate(q):
        if not taken[i] and ch in gaz.single and _abbreviation_ok(q, i, gaz.single):
            chosen.append(Mention(i, i + 1, ch, tuple(sorted(gaz.single[ch])), "abbreviation"))
    chosen.sort(key=lambda m: m.start)
    return q, tuple(chosen)


def _mask(q: str, mentions: tuple[Mention, ...]) -> str:
    out, last = [], 0
    for n, m in enumerate(mentions):
        out.append(q[last:m.start])
        out.append(f"⟨{n}⟩")
        last = m.end
    out.append(q[last:])
    return "".join(out)


# -- matching intents -------------------------------------------------------------------------

_MACRO = re.compile(r"\{(E(?::[a-z]+)?|@[a-z]+:[a-z0-9-]+|[a-z_]+)\}")
_NEVER = "(?!)"


def _compile(pattern: str, mentions: tuple[Mention, ...],
             slots: frozenset[str] | set[str]) -> str:
    seen: dict[str, int] = {}  # a slot in two alternatives: groups a, a__1, …

    def expand(m: re.Match[str]) -> str:
        token = m.group(1)
        if token == "E":
            return r"⟨\d+⟩"
        if token.startswith("E:"):
            prefix = token[2:] + ":"
            picks = [n for n, x in enumerate(mentions) if any(i.startswith(prefix)
                                                              for i in x.ids)]
        elif token.startswith("@"):
            picks = [n for n, x in enumerate(mentions) if token[1:] in x.ids]
        elif token in slots:
            n = seen[token] = seen.get(token, -1) + 1
            return rf"(?P<{token}{f'__{n}' if n else ''}>⟨\d+⟩)"
        else:
            return m.group(0)
        return "(?:" + "|".join(f"⟨{n}⟩" for n in picks) + ")" if picks else _NEVER

    return _MACRO.sub(expand, pattern)


def _search(cue: Cue, masked: str, mentions: tuple[Mention, ...],
            slots: frozenset[str] | set[str] = frozenset()) -> re.Match[str] | None:
    """The first match of the cue's Chinese, else English, regex."""
    for pattern in (cue.zh, cue.en):
        if pattern:
            found = re.search(_compile(pattern, mentions, slots), masked)
            if found:
                return found
    return None


@dataclass
class _Candidate:
    intent: Intent
    spans: list[tuple[int, int]]  # where each cue first matched in the masked question
    cover: list[tuple[int, int]]
    bound: dict[str, int]  # slot -> mention index
    labels: dict[str, str]  # label slots -> label
    missing: list[Slot]
    extras: list[int]  # mention indexes the intent does not use

    @property
    def complete(self) -> bool:
        return not self.missing

    def rank(self) -> tuple[int, ...]:
        return (self.complete, -len(self.extras), self.intent.priority, len(self.spans),
                len(self.bound))


def _fits(mention: Mention, slot: Slot, entities: Mapping[str, Entity]) -> bool:
    return slot.labels is None or any(entities[i].label in slot.labels for i in mention.ids)


def _match(intent: Intent, masked: str, mentions: tuple[Mention, ...],
           gaz: Gazetteer) -> _Candidate | None:
    slot_names = {s.name for s in intent.slots if s.kind == "entity"}
    if intent.avoid and _search(intent.avoid, masked, mentions):
        return None
    spans: list[tuple[int, int]] = []
    cover: list[tuple[int, int]] = []  # every match of every cue: words the intent reads
    bound: dict[str, int] = {}
    for cue in intent.cues:
        found = _search(cue, masked, mentions, slot_names)
        if not found:
            return None
        spans.append(found.span())
        cover.extend(m.span() for pattern in (cue.zh, cue.en) if pattern
                     for m in re.finditer(_compile(pattern, mentions, slot_names), masked))
        for group, value in found.groupdict().items():
            name = group.split("__")[0]
            if value is not None and name not in bound:
                bound[name] = int(value[1:-1])
    absorbed = {n for n, m in enumerate(mentions) if set(m.ids) <= intent.absorb}
    free = [n for n in range(len(mentions)) if n not in absorbed and n not in bound.values()]
    labels: dict[str, str] = {}
    missing: list[Slot] = []
    for slot in intent.slots:
        if slot.kind == "label":
            label = _label_in(masked, mentions)
            if label:
                labels[slot.name] = label
            elif not slot.optional:
                missing.append(slot)
            continue
        if slot.name in bound:
            continue
        pick = next((n for n in free if _fits(mentions[n], slot, gaz.entities)), None)
        if pick is None:
            if not slot.optional:
                missing.append(slot)
            continue
        bound[slot.name] = pick
        free.remove(pick)
    return _Candidate(intent, spans, cover, bound, labels, missing, free)


def _label_in(masked: str, mentions: tuple[Mention, ...]) -> str | None:
    for label, cue in LABEL_WORDS.items():
        if _search(cue, masked, mentions):
            return label
    return None


# -- leftovers: what the question says that nothing recognised --------------------------------

_STOP_EN = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "and", "or",
    "by", "between", "among", "is", "are", "was", "were", "be", "been", "do", "does",
    "did", "has", "have", "had", "which", "what", "who", "whom", "whose", "where", "when",
    "how", "why", "that", "this", "these", "those", "it", "its", "they", "them", "their",
    "there", "me", "my", "i", "we", "our", "you", "your", "can", "could", "would",
    "should", "will", "please", "tell", "show", "list", "give", "about", "any", "all",
    "some", "much", "many", "as", "into", "than", "then", "also", "just", "up", "out",
    "so", "not", "no", "yes", "s", "each", "other", "both", "one", "two",
))
_STOP_ZH = ("之间", "哪些", "哪个", "哪几个", "哪几", "什么", "怎么", "怎样", "如何", "一下",
            "两地", "两者", "二者", "以及", "请问", "有没有", "是否", "请", "有", "是", "的",
            "了", "吗", "呢", "吧", "和", "与", "跟", "同", "及", "在", "都", "还", "也", "被",
            "对", "从")


def _leftovers(masked: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """The words of the question no cue read and no entity named (nor stop words, nor
    words for a kind of thing such as 城市 or parks)."""
    chars = list(masked)
    for start, end in [*spans, *_label_spans(masked)]:
        chars[start:end] = [" "] * (end - start)
    text = re.sub(r"⟨\d+⟩", " ", "".join(chars))
    for word in _STOP_ZH:
        text = text.replace(word, " ")
    out = []
    for chunk in text.split():
        if chunk.isascii():
            words = [w for w in re.findall(r"[a-z0-9+]+", chunk) if w not in _STOP_EN]
            out.extend(words)
        else:
            out.append(chunk)
    # Adjacent English words are one name ("new york"); keep their order.
    return out


def _label_spans(masked: str) -> list[tuple[int, int]]:
    return [m.span() for cue in LABEL_WORDS.values() for pattern in (cue.zh, cue.en)
            if pattern for m in re.finditer(_compile(pattern, (), set()), masked)]


def _original(question: str, text: str) -> str:
    """The user's own spelling of a prepared word."""
    found = re.search(re.escape(text), question, flags=re.IGNORECASE)
    return found.group(0) if found else text


def _near_miss(chunk: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """(id, key) of the one entity a chunk almost names, or None."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    if has_han(chunk):
        key = pinyin(chunk)
        ids = gaz.latin.get(key, frozenset())
        return (next(iter(ids)), key) if len(ids) == 1 else None
    key = _latin_key(chunk)
    if len(key) < 5:
        return None
    hits = process.extract(key, list(gaz.latin), scorer=OSA.normalized_similarity,
                           score_cutoff=0.8, limit=5)
    if not hits:
        return None
    best = hits[0]
    rivals = [h for h in hits[1:] if h[1] == best[1] and gaz.latin[h[0]] != gaz.latin[best[0]]]
    ids = gaz.latin[best[0]]
    if rivals or len(ids) != 1:
        return None
    return next(iter(ids)), best[0]


def _suggest_entities(chunk: str, gaz: Gazetteer, limit: int = 3) -> list[Entity]:
    from rapidfuzz import fuzz, process

    key = _latin_key(chunk) if not has_han(chunk) else normalize(chunk)
    if not key:
        return []
    pool = gaz.latin if not has_han(chunk) else gaz.han
    out: list[Entity] = []
    for form, _score, _ in process.extract(key, list(pool), scorer=fuzz.ratio,
                                           score_cutoff=60, limit=10):
        for i in sorted(pool[form]):
            entity = gaz.entities[i]
            if entity not in out:
                out.append(entity)
    return out[:limit]


# -- the outcome of parsing -------------------------------------------------------------------

@dataclass(frozen=True)
class Parsed:
    """A question mapped to an intent with every slot filled by one entity."""

    question: str
    intent: Intent
    mentions: tuple[Mention, ...]
    slots: dict[str, Entity]
    labels: dict[str, str]
    notes: tuple[str, ...] = ()
    known: dict[str, Entity] = field(default_factory=dict)  # every entity a mention names

    def values(self) -> dict[str, str]:
        """Slot -> what a query receives: an entity id or a label."""
        return {**{k: e.id for k, e in self.slots.items()}, **self.labels}

    def names(self) -> dict[str, str]:
        """Slot -> how an explanation names it."""
        return {**{k: e.display for k, e in self.slots.items()}, **self.labels}


class Unmappable(QueryError):
    """A question `ask` cannot map to a query; the message says why and what it can do."""

    def __init__(self, question: str, reason: str, *, recognised: Iterable[Entity] = (),
                 closest: Iterable[str] = (), hints: Iterable[str] = ()) -> None:
        self.question = question
        self.reason = reason
        self.recognised = tuple(recognised)
        self.closest = tuple(closest)
        self.hints = tuple(hints)
        lines = [reason]
        lines.extend(self.hints)
        if self.recognised:
            lines.append("Recognised: " + ", ".join(f"{e.display} [{e.id}]"
                                                    for e in self.recognised))
        if self.closest:
            lines.append("Questions I can answer, closest first:")
            lines.extend(f"  estuary ask \"{q}\"" for q in self.closest)
        super().__init__("\n".join(lines))


def closest_questions(question: str, recognised: Iterable[Entity] = (),
                      limit: int = 3) -> list[str]:
    """Questions `ask` answers, most similar to this one first (one per intent): each
    intent's examples, and its template filled with the entities the question named."""
    from rapidfuzz import fuzz

    q = prepare(question)
    zh = has_han(re.sub(r"[a-z0-9 ]", "", q)) or not q.isascii()
    named = list(recognised)
    scorer = fuzz.ratio if zh else fuzz.token_sort_ratio
    best: list[tuple[float, int, str]] = []
    for n, intent in enumerate(INTENTS):
        pool = [e for e in intent.examples if has_han(e) == zh] or list(intent.examples)
        filled = _filled(intent, named, zh)
        if filled:
            pool.append(filled)
        score, example = max((scorer(q, prepare(e)) + (5 if e == filled else 0), e)
                             for e in pool)
        best.append((score, -n, example))
    best.sort(reverse=True)
    return [example for _, _, example in best[:limit]]


def _filled(intent: Intent, entities: list[Entity], zh: bool) -> str | None:
    """The intent's template with these entities in its slots, if they fit."""
    slots = [s for s in intent.slots if s.kind == "entity"]
    if not slots or len(entities) < len(slots):
        return None
    names: dict[str, str] = {}
    free = list(entities)
    for slot in slots:
        pick = next((e for e in free if slot.labels is None or e.label in slot.labels), None)
        if pick is None:
            return None
        free.remove(pick)
        names[slot.name] = pick.name if zh or not pick.name_en else pick.name_en
    return fill_in(intent.question_zh if zh else intent.question, names)


def _recognised(mentions: Iterable[Mention], gaz: Gazetteer) -> list[Entity]:
    seen: dict[str, Entity] = {}
    for m in mentions:
        for i in m.ids:
            seen.setdefault(i, gaz.entities[i])
    return list(seen.values())


def _choose(mention: Mention, slot: Slot, others: list[Mention], gaz: Gazetteer) -> list[str]:
    """The ids a mention may mean in this slot, narrowed by label and context."""
    ids = [i for i in mention.ids
           if slot.labels is None or gaz.entities[i].label in slot.labels]
    if len(ids) > 1:
        # "通和苏": 苏 is 苏州 (a city, like 南通), not 江苏.
        context = {gaz.entities[m.ids[0]].label for m in others if len(m.ids) == 1}
        same = [i for i in ids if gaz.entities[i].label in context]
        ids = same or ids
    if len(ids) > 1:
        key = mention.text
        named = gaz.names.get(key, frozenset()) | gaz.names.get(_latin_key(key), frozenset())
        ids = [i for i in ids if i in named] or ids
    return ids


class _Keep(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_in(template: str, names: Mapping[str, str]) -> str:
    """A template with its slots named; a slot without a value stays as {slot}."""
    return template.format_map(_Keep(names))


def _needs(slots: Iterable[Slot]) -> str:
    """What a question left out: 'an Industry', 'a City or Region and an entity'."""
    kinds = [("a kind of thing" if s.kind == "label" else "entity"
              if s.labels is None or s.labels >= _LINKABLE else " or ".join(sorted(s.labels)))
             for s in slots]
    if len(kinds) > 1 and len(set(kinds)) == 1:
        return f"{len(kinds)} entities" + ("" if kinds[0] == "entity" else f" ({kinds[0]})")
    return " and ".join(k if k == "a kind of thing" else
                        ("an " if k[0] in "AEIOUaeiou" else "a ") + k for k in kinds)


def _describe(intent: Intent) -> str:
    return f"{intent.question} / {intent.question_zh}"


# Chinese text joined to an entity by 和/与/、 is an entity too ("南通和亚特兰蒂斯之间"): if it
# is not one the gazetteer knows, the question must not be answered without it.
_HAN_RUN = f"[{_HAN}]+?"
_CONJUNCT = (
    re.compile(rf"⟨\d+⟩ ?(?:和|与|跟|同|及|以及| ) ?({_HAN_RUN})"
               r"(?=⟨| |之间|两地|两者|的|有|是|在|共|合作|都|比|相比|怎么|如何|$)"),
    re.compile(rf"(?:^| )({_HAN_RUN}) ?(?:和|与|跟|同|及|以及) ?⟨\d+⟩"),
    re.compile(r"⟨\d+⟩ (?:and|&|with|or|vs|versus) (?!⟨)([a-z][a-z0-9]*)"),
    re.compile(r"\b([a-z][a-z0-9]*) (?:and|&|or) ⟨\d+⟩"),
)


def _conjuncts(masked: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    out = []
    for pattern in _CONJUNCT:
        for found in pattern.finditer(masked):
            start, end = found.span(1)
            text = "".join(masked[i] if i not in covered else " " for i in range(start, end))
            if has_han(text):
                for word in _STOP_ZH:
                    text = text.replace(word, " ")
            out.extend(w for w in text.split()
                       if len(w) >= 2 and w not in _STOP_EN and w not in out)
    return out


def parse(question: str, gaz: Gazetteer) -> Parsed:
    """Which intent does this question ask, about which entities? Raises Unmappable."""
    if not prepare(question):
        raise Unmappable(question, "Ask a question, e.g. one of these:",
                         closest=[i.examples[0] for i in INTENTS[:3]])
    q, mentions = recognise(question, gaz)
    notes: list[str] = []
    for _attempt in range(2):  # once more after reading near misses as entities
        masked = _mask(q, mentions)
        candidates = [c for i in INTENTS if (c := _match(i, masked, mentions, gaz))]
        if not candidates:
            break
        best = max(candidates, key=lambda c: c.rank())
        # Words joined to an entity by 和/and may be entities; when the intent lacks one,
        # any word may be (only then is pypinyin imported, for a homophone like 南桶).
        words = _conjuncts(masked, best.cover)
        if not best.complete:
            words += _leftovers(masked, best.cover)
        added = _near_misses(question, q, words, mentions, gaz, notes)
        if not added:
            break
        mentions = tuple(sorted((*mentions, *added), key=lambda m: m.start))
    recognised = _recognised(mentions, gaz)
    said = question.strip()
    if not candidates:
        capitalised = re.findall(r"(?<!^)\b[A-Z][A-Za-z]{2,}", said)
        strange = [w for w in capitalised if not any(w.casefold() in m.text for m in mentions)]
        hints = [f"Not recognised: {', '.join(repr(w) for w in strange)}."] if strange else []
        raise Unmappable(question, f"I cannot map {said!r} to a question I can answer.",
                         recognised=recognised, hints=hints,
                         closest=closest_questions(question, recognised))
    leftovers = [_original(question, w) for w in _leftovers(masked, best.cover)]
    unknown = [_original(question, w) for w in _conjuncts(masked, best.cover)]
    if not best.complete:
        unknown = unknown or leftovers
    # An English proper noun nothing recognised ("Atlantis") may be one more entity.
    capitalised = {w.casefold() for w in re.findall(r"(?<!^)\b[A-Z][A-Za-z]{2,}", said)}
    unknown += [w for w in leftovers if w.casefold() in capitalised and w not in unknown]
    if unknown or not best.complete:
        hints = []
        looks = best if not best.complete else max(
            (c for c in candidates if not c.complete), key=lambda c: c.rank(), default=None)
        if looks is not None:
            hints.append(f"It looks like: {_describe(looks.intent)}")
        for word in unknown:
            similar = _suggest_entities(word, gaz)
            if similar:
                hints.append(f"For {word!r}, did you mean: " + ", ".join(
                    f"{e.display} [{e.id}]" for e in similar) + "?")
        reason = (f"I did not recognise {' '.join(unknown)!r} in {said!r}." if unknown
                  else f"{said!r} does not name {_needs(best.missing)}.")
        raise Unmappable(question, reason, recognised=recognised, hints=hints,
                         closest=closest_questions(question, recognised))
    if best.extras:
        extra = ", ".join(repr(mentions[n].text) for n in best.extras)
        raise Unmappable(question, f"{said!r} also names {extra}, which "
                         f"{best.intent.question!r} does not use; ask about fewer entities.",
                         recognised=recognised, closest=closest_questions(question, recognised))
    slots: dict[str, Entity] = {}
    for name, n in best.bound.items():
        slot = next(s for s in best.intent.slots if s.name == name)
        others = [m for k, m in enumerate(mentions) if k != n]
        ids = _choose(mentions[n], slot, others, gaz)
        if len(ids) > 1:
            listed = ", ".join(f"{gaz.entities[i].display} [{i}]" for i in ids)
            raise Unmappable(question, f"{mentions[n].text!r} is ambiguous here: {listed}. "
                             "Use a fuller name.", recognised=recognised)
        slots[name] = gaz.entities[ids[0]]
    chosen = [e.id for e in slots.values()]
    if len(chosen) != len(set(chosen)):
        same = gaz.entities[next(i for i in chosen if chosen.count(i) > 1)]
        raise Unmappable(question, f"{said!r} names {same.display} [{same.id}] twice; ask "
                         "about two different entities.", recognised=recognised)
    known = {i: gaz.entities[i] for m in mentions for i in m.ids}
    return Parsed(question, best.intent, mentions, slots, best.labels, tuple(notes), known)


def _near_misses(question: str, q: str, words: Iterable[str], mentions: tuple[Mention, ...],
                 gaz: Gazetteer, notes: list[str]) -> list[Mention]:
    """Leftover words read as the entity each almost names (南桶 -> 南通, Suzhuo -> 苏州)."""
    added: list[Mention] = []
    for word in dict.fromkeys(words):
        hit = _near_miss(word, gaz)
        start = q.find(word)
        if hit is None or start < 0 or any(m.start < start + len(word) and start < m.end
                                           for m in (*mentions, *added)):
            continue
        entity = gaz.entities[hit[0]]
        added.append(Mention(start, start + len(word), word, (entity.id,), "near miss"))
        notes.append(f"Read {_original(question, word)!r} as {entity.display} [{entity.id}].")
    return added


# -- answering --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ran:
    """One query run for the answer; `result` is None when it found nothing."""

    query: str
    args: dict[str, Any]
    result: Any
    note: str = ""
    fallback: bool = False  # run because the main steps found nothing

    @property
    def empty(self) -> bool:
        return self.result is None or size(self.result) == 0

    def call(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.args.items())
        return f"{self.query}({inner})"

    def to_dict(self) -> dict[str, Any]:
        from graph.model import to_jsonable

        out = {"query": self.query, "args": self.args, "result": to_jsonable(self.result)}
        if self.note:
            out["note"] = self.note
        return out


def size(result: Any) -> int | None:
    """How many things a result holds, or None if its shape is unknown."""
    for attr in ("items", "quotes", "links", "paths", "statements", "mentions", "hits",
                 "sentences", "neighbors", "relations", "hubs", "ranked"):
        value = getattr(result, attr, None)
        if isinstance(value, (list, tuple)):
            return len(value)
    return None


@dataclass(frozen=True)
class AskAnswer:
    parsed: Parsed
    ran: tuple[Ran, ...]
    explain: bool = False  # include the explanation when rendered or dumped

    @property
    def primary(self) -> Ran:
        """The question's own answer: the first main step that found something, else the
        first main step (fallbacks only support it)."""
        main = [r for r in self.ran if not r.fallback] or list(self.ran)
        return next((r for r in main if not r.empty), main[0])

    def explanation(self) -> dict[str, Any]:
        intent = self.parsed.intent
        return {
            "intent": intent.name,
            "question": fill_in(intent.question, self.parsed.names()),
            "entities": [{"text": m.text, "how": m.how,
                          "matches": [self.parsed.known[i].ref() for i in m.ids]}
                         for m in self.parsed.mentions],
            "slots": {k: e.ref() for k, e in self.parsed.slots.items()},
            "calls": [r.call() for r in self.ran],
            "because": fill_in(intent.explain, self.parsed.names()),
        }

    def to_dict(self) -> dict[str, Any]:
        from graph.model import to_jsonable

        main = self.primary
        out: dict[str, Any] = {
            "question": self.parsed.question,
            "intent": self.parsed.intent.name,
            "query": main.query,
            "args": main.args,
            "result": to_jsonable(main.result),
            "entities": {k: e.ref() for k, e in self.parsed.slots.items()},
            "notes": [*self.parsed.notes, *(r.note for r in self.ran if r.note)],
            "also": [r.to_dict() for r in self.ran if r is not main],
        }
        if self.explain:
            out["explain"] = self.explanation()
        return out

    def subgraph(self) -> Subgraph:
        nodes: dict[str, Entity] = {e.id: e for e in self.parsed.slots.values()}
        edges: dict[tuple[str, str, str, str], Any] = {}
        focus: list[str] = [e.id for e in self.parsed.slots.values()]
        highlight: list[str] = []
        pairs: set[tuple[str, str]] = set()
        for ran in self.ran:
            if ran.result is None or not hasattr(ran.result, "subgraph"):
                continue
            sub = ran.result.subgraph()
            nodes.update((n.id, n) for n in sub.nodes)
            edges.update((r.key, r) for r in sub.edges)
            focus.extend(i for i in sub.focus if i not in focus)
            highlight.extend(i for i in sub.highlight if i not in highlight)
            pairs |= set(sub.path_edges)
        ids = set(nodes)
        return Subgraph(nodes=tuple(nodes[k] for k in sorted(nodes)),
                        edges=tuple(e for k, e in sorted(edges.items())
                                    if e.start in ids and e.end in ids),
                        focus=tuple(focus), highlight=tuple(highlight),
                        path_edges=frozenset(pairs))


def _load(query: str) -> Any | None:
    """The query function, or None if its module is not installed."""
    module, name = QUERIES[query]
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise


def _fill(value: Any, values: Mapping[str, str]) -> Any:
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return values.get(value[1:-1])
    if isinstance(value, Mapping):
        return {k: _fill(v, values) for k, v in value.items()}
    return value


def _run(store: Store, step: Step, parsed: Parsed) -> Ran:
    func = _load(step.query)
    if func is None:
        if step.fallback is None:
            module = QUERIES[step.query][0]
            raise QueryError(f"this installation has no {module}, which answers "
                             f"{parsed.intent.question!r}")
        return _run(store, step.fallback, parsed)
    values = parsed.values()
    args = [_fill(a, values) for a in step.args]
    kwargs = {k: _fill(v, values) for k, v in step.kwargs.items()}
    bound = inspect.signature(func).bind(store, *args, **kwargs)
    shown = {k: v for k, v in list(bound.arguments.items())[1:]}
    names = parsed.names()
    note = fill_in(step.note, names)
    try:
        result = func(store, *args, **kwargs)
    except QueryError as exc:
        if type(exc).__name__ not in step.empty_on:
            raise
        return Ran(step.query, shown, None, fill_in(step.note_if_empty, names) or str(exc))
    if size(result) == 0 and step.note_if_empty:
        note = fill_in(step.note_if_empty, names)
    return Ran(step.query, shown, result, note)


def answer(store: Store, parsed: Parsed) -> AskAnswer:
    """Run the parsed question's steps on a store."""
    ran: list[Ran] = []
    done: set[str] = set()
    found = False  # did a main step (not a fallback) find anything?
    for step in parsed.intent.steps:
        if step.only_if_empty and found:
            continue
        result = replace(_run(store, step, parsed), fallback=step.only_if_empty)
        if result.call() in done:
            continue
        done.add(result.call())
        ran.append(result)
        found = found or (not step.only_if_empty and not result.empty)
    return AskAnswer(parsed, tuple(ran))


def ask(store: Store, question: str) -> AskAnswer:
    """Which query answers this question in words, and what does it answer?"""
    return answer(store, parse(question, gazetteer(store)))
