"""How an administrative division's id, short name and English name are made from its name.

Split from adcode_table.py (the table reader) so the naming rules and their pinned exceptions
live in one place: the reader, scripts/build_places.py and the tests import them from here.
"""

from __future__ import annotations

import re

_SUFFIXES = ("新区", "区", "县", "市", "省")
# An autonomous county's short name drops the people it is named for too (景宁畲族自治县 -> 景宁).
_AUTONOMOUS = re.compile("(?:畲族|回族|满族|蒙古族|土家族|苗族|瑶族|彝族|壮族|藏族|侗族|黎族|傣族|"
                         "羌族|仡佬族|布依族|水族)+自治县$")

# Ids the dataset used before this table: pinned by adcode so that no change in pinyin or in
# the clash rule can move them. Each equals what the rule gives today (tested), except those in
# LATER_CLASHES.
ID_PINS: dict[str, str] = {
    "310000": "city:shanghai", "310113": "city:baoshan", "310114": "city:jiading",
    "310115": "city:pudong", "310118": "city:qingpu", "310120": "city:fengxian",
    "310151": "city:chongming",
    "320000": "region:jiangsu", "320200": "city:wuxi", "320400": "city:changzhou",
    "320500": "city:suzhou", "320509": "city:wujiang", "320581": "city:changshu",
    "320582": "city:zhangjiagang", "320585": "city:taicang", "320600": "city:nantong",
    "320611": "city:gangzha", "320612": "city:tongzhou", "320613": "city:chongchuan",
    "320614": "city:haimen", "320623": "city:rudong", "320681": "city:qidong",
    "320682": "city:rugao", "320685": "city:haian", "330000": "region:zhejiang",
    "330200": "city:ningbo", "330400": "city:jiaxing", "330421": "city:jiashan",
    "330500": "city:huzhou", "330900": "city:zhoushan",
}

# Pinned ids that a unit added to the table later shares the slug of: the pin keeps the old id,
# and only the newcomer gets its city in front (the rule alone would prefix both).
LATER_CLASHES: dict[str, str] = {
    "310120": "丰县 (320321, 徐州) reads fengxian too; it is city:xuzhou-fengxian",
}

# Units whose id always has their city in front, though no other row of the table shares the
# slug, because a well-known unit outside it does (the rule for 普陀区 and 鼓楼区), and why.
QUALIFIED: dict[str, str] = {
    "320302": "鼓楼区 is also a district of 南京, 福州 and 开封",
    "320922": "滨海 is also 天津's 滨海新区",
}

# Units whose bare short name is not made an alias, and why.
NO_SHORT_ALIAS: dict[str, str] = {
    "320302": "鼓楼 (drum tower) names districts of several cities and many buildings",
    "320922": "滨海 (coastal) is 天津's 滨海新区 and part of many names (启东's 滨海工业园)",
    "320321": "Fengxian is Shanghai's 奉贤区 (city:fengxian) in this data",
    "320612": "通州 is also Beijing's 通州区, and an old name of Nantong itself (通州湾)",
    "320508": "姑苏 is a literary name of Suzhou itself, an alias of city:suzhou",
}

# Syllables where pypinyin's reading of a place name is wrong (polyphonic characters).
PINYIN_OVERRIDES: dict[str, tuple[str, ...]] = {
    "长宁": ("chang", "ning"),
    "闵行": ("min", "hang"),
    "盐都": ("yan", "du"),
    "莲都": ("lian", "du"),
    "天长": ("tian", "chang"),
}


def short_name(name: str) -> str:
    """The name without its administrative suffix: 昆山市 -> 昆山, 浦东新区 -> 浦东.

    A one-character stem keeps its suffix (赵县 stays 赵县); an autonomous county loses the
    people it is named for as well (景宁畲族自治县 -> 景宁)."""
    if (match := _AUTONOMOUS.search(name)) and match.start() >= 2:
        return name[: match.start()]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def syllables(text: str) -> tuple[str, ...]:
    """Toneless pinyin syllables of a Chinese name, with the overrides applied."""
    if text in PINYIN_OVERRIDES:
        return PINYIN_OVERRIDES[text]
    from pypinyin import Style, lazy_pinyin

    return tuple(s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


def slug_of(name: str) -> str:
    """The id slug of a name: pinyin of its short form, ascii only (昆山市 -> kunshan)."""
    return "".join(syllables(short_name(name)))


def english_of(name: str) -> str:
    """Pinyin in English spelling: capitalised, with an apostrophe where a syllable starting
    with a, o or e would run on (海安 -> Hai'an)."""
    parts = list(syllables(short_name(name)))
    out = parts[0] if parts else ""
    for syl in parts[1:]:
        out += ("'" if syl[:1] in "aoe" else "") + syl
    return out[:1].upper() + out[1:]

