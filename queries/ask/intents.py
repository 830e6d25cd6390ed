"""The intent table: each question `ask` answers, the cues that recognise it, the slots its
entities fill and the query steps that answer it.

Adding a question is one `Intent` entry in `INTENTS`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from queries.ask.records import Cue, Intent, Slot, Step
from queries.ask.through_parks import hosted_parks

# -- the intent table: vocabulary -------------------------------------------------------------

_PLACE = frozenset({"City", "Region"})
_ACTOR = frozenset({"City", "Region", "Organization", "Park"})
LINKABLE = frozenset({"City", "Region", "Organization", "Park", "Initiative", "Industry",
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
    from queries.within import rolled_direction  # a place's parts count (queries/within.py)

    within = rolled_direction(rel_type, direction) or (rel_type, direction) == ("LOCATED_IN",
                                                                                "out")
    return Step("related_within" if within else "related", (entity,), kwargs, **step)


def _links_else_common(via: str, label: str) -> list[Step]:
    """links --via, and where it finds none (one place lies in the other: Nantong and the
    YRD), what the graph relates to both of that kind (both adopt cost sharing)."""
    return [Step("links", ("{a}", "{b}"), {"via": via}, empty_on=("NoLinks",)),
            Step("common", ("{a}", "{b}"), {"label": label}, only_if_empty=True, answers=True,
                 note=f"No {via} link between {{a}} and {{b}}; what the graph relates to "
                      f"both of that kind:")]


def _links_step(via: str) -> Step:
    return _links_else_common(via, "Park")[0]


def _why_else_paths(a: str, b: str, common: bool = False) -> list[Step]:
    """The relations the graph states between slots a and b (and, if `common`, what it
    relates to both); if none, the shortest paths."""
    pair = ("{" + a + "}", "{" + b + "}")
    paths = Step("shortest_paths", pair, {"k": 5}, empty_on=_NOT_FOUND)
    both = [Step("common", pair, also=True, note="What the graph relates to both:")] \
        if common else []
    return [Step("why", pair, empty_on=_NOT_FOUND,
                 note_if_empty="The graph states no direct relation between {} and {}.".format(
                     *pair)),
            replace(paths, only_if_empty=True, note="The shortest routes between them:"),
            *both]


INTENTS: tuple[Intent, ...] = (
    _i("industry-links", "Which industries link {a} and {b}?", "{a}和{b}之间有哪些产业联系？",
       [_INDUSTRY, _LINK],
       [Slot("a", LINKABLE), Slot("b", LINKABLE)],
       [*_links_else_common("industry", "Industry")],
       ["Which industries link Nantong and Suzhou?", "南通和苏州之间有哪些产业联系？"],
       "links ranks the industries on paths between {a} and {b} (shared industries, the "
       "taxonomy between differently named ones, parks and alliances that focus on them), "
       "each with the quote behind every edge.",
       avoid=Cue(zh=r"园区|产业园|开发区|机制", en=r"\bparks?\b|\bmechanisms?\b")),
    _i("connection", "How is {a} connected to {b}?", "{a}与{b}是什么关系？",
       [Cue(zh=r"关系|联系|关联|连接|相连|纽带|交集|瓜葛|渊源|联结|牵连|挂钩|相关|连在一起|连起来",
            en=r"\blink\w*|\bconnect\w*|\brelat\w*|\bties?\b|\btied\b|\btying\b|\bassociat\w*|"
               r"\bbond\w*|\bto do with\b|\bbetween\b")],
       [Slot("a", LINKABLE), Slot("b", LINKABLE)],
       _why_else_paths("a", "b", common=True),
       ["How is Nantong connected to Shanghai?", "南通与上海是什么关系？",
        "What links Suzhou Industrial Park to Nantong?", "苏州工业园区和南通有什么联系？"],
       "why lists the relations the graph states directly between {a} and {b}, each with "
       "its quote and source, and common what the graph relates to both (a park, a bridge, "
       "a circle); when there are none, the shortest paths show the nearest routes. "
       "(links --via any would rank every intermediary instead, and misses the "
       "direct edges; ask 'which industries/parks link …' for those.)",
       # a kind asked for (which bridges link A and B): the grammar reads what lies between
       avoid=Cue(zh=r"产业|行业|园区|产业园|机制|模式|城市|成员|比较|对比|区别|异同|桥|通道|铁路|"
                    r"高铁|隧道|设施|机场|港口",
                 en=r"\bindustr\w*|\bsectors?\b|\bparks?\b|\bzones?\b|\bmechanisms?\b|"
                    r"\bcit(?:y|ies)\b|\bmembers?\b|\bcompar\w*|\bdiffer\w*|\bbridges?\b|"
                    r"\bcrossings?\b|\brail\w*|\btunnels?\b|\binfrastructure\b|"
                    r"\btransport\b|\bairports?\b|\bports?\b")),
    _i("park-links", "Which parks has {a} co-built with {b}?", "{a}和{b}共建了哪些园区？",
       [_PARK,
        Cue(zh=r"共建|合建|联建|合作|共同建设|一起建|联手|联合|携手|联系|关联|连接|共享|共有|"
               r"共同|相关|{@mechanism:park-co-construction}",
            en=r"\bco ?buil[dt]\w*|\bco ?develop\w*|\bbuil[dt]\w* (?:\w+ )?(?:together|jointly)|"
               r"\bjoint\w*|\btogether\b|\bpartner\w*|\bshared?\b|\blink\w*|\bconnect\w*|"
               r"\bcooperat\w*|\bbetween\b|\bcommon\b|{@mechanism:park-co-construction}")],
       [Slot("a", _ACTOR), Slot("b", _ACTOR)],
       [_links_step("co-built"), hosted_parks(), *_links_else_common("co-built", "Park")[1:]],
       ["Which parks has Nantong co-built with Suzhou?", "南通和苏州共建了哪些园区？"],
       "links --via co-built lists only the parks {a} and {b} both co-build (each side, or a "
       "district, county, company or agency of it, CO_BUILDS the park), strongest first, "
       "each with its quotes.",
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
        Cue(zh=r"有哪些|有什么|有啥|拥有|发展|主导|都有|具备|布局|重点|主要|是什么|是哪些|是啥|"
               r"是哪几",
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
       _why_else_paths("x", "y"),
       ["What does Nantong learn from Suzhou Industrial Park?", "南通借鉴了临港什么经验？"],
       "why lists what the graph states directly between {x} and {y}; a LEARNS_FROM "
       "relation carries the aspect learnt and the quote.",
       priority=1),
    _i("check", "Is {a} part of, or related to, {b}?", "{a}属于{b}吗？",
       [Cue(zh=r"吗$|(?<!什)么$|嘛$|是不是|是否|有没有|属不属于",
            en=r"^(?:is|are|was|were|does|do|did|has|have|can) ")],
       [Slot("a", LINKABLE), Slot("b", LINKABLE)],
       _why_else_paths("a", "b"),
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
       [Step("mentions", ("{entity}",)),
        Step("quoted_in", ("{entity}",), only_if_empty=True, answers=True,
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
        Cue(zh=r"共建|合建|联建|参与建设|建设|建了|投资|开发(?!区)",
            en=r"\bco ?buil[dt]\w*|\bbuil[dt]\w*|\bco ?develop\w*|\bdevelop(?!ment)\w*|"
               r"\binvest\w*|"
               r"\bjoint\w*")],
       [Slot("x", _ACTOR - {"Park"})],
       [_related("{x}", "CO_BUILDS", "out", "Park")],
       ["Which parks does Nantong co-build?", "南通共建了哪些园区？"],
       "related follows CO_BUILDS out of {x} and keeps parks, with each stake and quote.",
       absorb=frozenset({"mechanism:park-co-construction"}),
       # who {x} built them with: its partners (the grammar's reading)
       avoid=Cue(zh=r"和谁|跟谁|与谁|同谁|伙伴|(?:和|跟|与|同)哪些(?:城市|地方|单位|机构|企业|公司)",
                 en=r"\bwith whom\b|\bwho\b.*\bwith\b|\bwhich (?:cities|places|partners|"
                    r"companies|bodies)\b.*\bwith\b|\bpartners?\b|\bteamed up\b")),
    _i("mechanism-links", "Which mechanisms link {a} and {b}?", "{a}和{b}之间有哪些机制联系？",
       [_MECHANISM, _LINK],
       [Slot("a", LINKABLE), Slot("b", LINKABLE)],
       [*_links_else_common("mechanism", "Mechanism")],
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
       [Slot("a", LINKABLE), Slot("b", LINKABLE)],
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
