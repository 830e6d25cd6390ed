"""The columns a table may have: each key with the headers (Chinese or English) that name it.

One table, read by the sheet loader (loaders/sheets.py), the templates and the xlsx export,
and listed in docs/spreadsheets.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column a table may have: its key, the headers that name it, what it means."""

    key: str
    headers: tuple[str, ...]  # Chinese first (what templates write), then English
    meaning: str
    tables: str = "entity relation"  # in which kind of table it means this
    multi: bool = False
    kind: str = "text"  # text, date, number
    relation: str = ""  # entity tables: the relation each value makes ("" for a property)
    example: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("id", ("编号", "id"), "The entity's id, label:slug (optional: made from 类型 and "
           "名称 when empty, the same on every load).", "entity"),
    Column("name", ("名称", "name", "名字"), "The entity's name (required).", "entity",
           example="南通高新技术产业开发区"),
    Column("label", ("类型", "label"), "What it is: 园区/Park, 城市/City, 区域/Region, "
           "产业/Industry, 组织/Organization, 举措/Initiative, 机制/Mechanism, "
           "基础设施/Infrastructure, "
           "来源/Source (required unless 编号 is given).", "entity", example="园区"),
    Column("name_en", ("英文名", "name_en", "english name"), "English name.", "entity"),
    Column("aliases", ("别名", "aliases"), "Other names, several separated by 、", "entity",
           multi=True),
    Column("description", ("简介", "描述", "description"), "A sentence about it.", "entity"),
    Column("kind", ("类别", "kind"), "Park kind (e.g. 国家级经开区), organization kind, ….",
           "entity"),
    Column("level", ("级别", "level"), "Admin level of a city, level of an industry or park.",
           "entity"),
    Column("established", ("设立时间", "成立时间", "established"), "When it was set up: "
           "YYYY, YYYY-MM or YYYY-MM-DD.", "entity", kind="date"),
    Column("area_km2", ("面积", "area_km2", "area"), "Area in km².", "entity", kind="number"),
    Column("lon", ("经度", "lon", "longitude"), "Longitude (WGS84).", "entity", kind="number"),
    Column("lat", ("纬度", "lat", "latitude"), "Latitude (WGS84).", "entity", kind="number"),
    Column("title", ("标题", "title"), "A source's title.", "entity"),
    Column("url", ("网址", "链接", "url"), "A source's address.", "entity"),
    Column("publisher", ("发布者", "publisher"), "Who published a source.", "entity"),
    Column("published", ("发布日期", "published"), "When a source was published.", "entity",
           kind="date"),
    Column("located_in", ("所在地", "located in", "located_in", "location"),
           "Where it is (a city, district or region): a LOCATED_IN relation per value.",
           "entity", multi=True, relation="LOCATED_IN", example="南通"),
    Column("industries", ("主导产业", "产业", "industries"), "Its industries: a HAS_INDUSTRY "
           "relation per value (FOCUSES_ON for an organization or initiative).", "entity",
           multi=True, relation="HAS_INDUSTRY", example="新一代信息技术、高端装备"),
    Column("co_builders", ("共建方", "co-builders", "co_builders"), "Who co-builds it: a "
           "CO_BUILDS relation from each value to the row's entity.", "entity", multi=True,
           relation="CO_BUILDS"),
    Column("type", ("关系", "类型", "type", "relation"), "The relationship type: LOCATED_IN "
           "or its Chinese name (位于, 拥有产业, 共建, 合作, …).", "relation", example="合作"),
    Column("from", ("起点", "主体", "from"), "Where the relation starts: an id, name, alias or "
           "pinyin; several separated by 、", "relation", multi=True, example="南通"),
    Column("to", ("终点", "对象", "to"), "Where it ends: an id, name, alias or pinyin; several "
           "separated by 、", "relation", multi=True, example="苏州"),
    Column("source", ("来源", "source"), "The source id (source:…) that states it: required "
           "for every relation.", example="source:article-2024"),
    Column("evidence", ("原文", "依据", "evidence"), "The exact quote from the source."),
    Column("confidence", ("置信度", "可信度", "confidence"), "high, medium or low."),
    Column("since", ("日期", "起始", "date", "since"), "When the relations began: YYYY, "
           "YYYY-MM or YYYY-MM-DD.", kind="date"),
    Column("until", ("截止", "until"), "When they ended.", "relation", kind="date"),
    Column("note", ("备注", "note"), "A note on the relation.", "relation"),
    Column("tier", ("层级", "tier"), "HAS_INDUSTRY: tier such as 千亿级.", "relation"),
    Column("role", ("角色", "role"), "A role (lead, member, …).", "relation"),
    Column("share", ("份额", "占比", "share"), "CO_BUILDS: stake in percent.", "relation",
           kind="number"),
    Column("field", ("领域", "field"), "COOPERATES_WITH: the field.", "relation"),
    Column("aspect", ("方面", "aspect"), "LEARNS_FROM: what is learnt.", "relation"),
    Column("status", ("状态", "status"), "ADOPTS: status.", "relation"),
)

# The other properties the schema declares, under their own names (and a Chinese one), so
# that every property `estuary export -f xlsx` writes reads back.
COLUMNS += (
    Column("adcode", ("行政区划代码", "adcode"), "A place's division code.", "entity"),
    Column("parent", ("上级", "parent"), "A place's parent division (an id).", "entity"),
    Column("author", ("作者", "author"), "A source's author.", "entity"),
    Column("file", ("文件", "file"), "A source's text file, beside the input.", "entity"),
    Column("opened", ("开通时间", "opened"), "When infrastructure opened.", "entity",
           kind="date"),
    Column("length_m", ("长度", "length_m"), "Length in metres.", "entity", kind="number"),
    Column("status", ("状态", "status"), "Infrastructure status.", "entity"),
    Column("until", ("截止", "until"), "When it ended (a place, park or body).", "entity",
           kind="date"),
    Column("members_stated", ("成员数", "members_stated"),
           "How many members a grouping has by its name or sources (1+8: 9).", "entity",
           kind="number"),
)
