"""A seeded synthetic knowledge graph in estuary's real schema, for benchmarks.

`synth_bundle(nodes, rels, seed)` returns a `Bundle` of `Entity`/`Relation` models built
directly (no YAML, no validation pass), shaped like the curated data at a larger scale:

- a few cities with a heavy-tailed degree (a handful of municipalities and prefectures carry
  most place relations), districts LOCATED_IN them, regions they are MEMBER_OF;
- an industry taxonomy (category <- cluster <- chain, by BROADER) plus UPSTREAM_OF links;
- parks LOCATED_IN cities, FOCUSES_ON and HAS_INDUSTRY industries; organisations with a seat
  (LOCATED_IN a city), initiatives PART_OF a larger initiative or region; mechanisms,
  infrastructure and the rest with the relation types the schema allows them;
- Source nodes: every relation cites one and carries an evidence sentence, and sources
  MENTION entities.

Every relation respects `graph.schema` (endpoint labels), every id is `<prefix>:<slug>`, names
are Chinese-looking, and two fixed cities, `city:bench-a` and `city:bench-b`, share several
industries (directly and through parks), so `links` between them has real work to do.

    python -m bench.synth --nodes 1000 --rels 5000   # prints the counts by label and type
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/synth.py` as well as `python -m bench.synth`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.bundle import Bundle
from graph.model import Entity, Relation
from graph.names import lookup_keys
from graph.schema import ID_PATTERN, LABELS, REL_TYPES

BENCH_A = "city:bench-a"
BENCH_B = "city:bench-b"

# Share of the node budget per label (Source takes what is left).
NODE_SHARE: dict[str, float] = {
    "City": 0.006, "Region": 0.003, "Industry": 0.05, "Park": 0.14, "Mechanism": 0.02,
    "Organization": 0.38, "Initiative": 0.22, "Infrastructure": 0.03,
}
# Share of the relation budget per type once the structural relations (LOCATED_IN for every
# park, district and piece of infrastructure; BROADER for every non-category industry) are
# placed; MENTIONS takes what is left.
REL_SHARE: dict[str, float] = {
    "HAS_INDUSTRY": 0.18, "FOCUSES_ON": 0.12, "PARTICIPATES_IN": 0.10,
    "COOPERATES_WITH": 0.08, "MEMBER_OF": 0.06, "CO_BUILDS": 0.05, "ADOPTS": 0.05,
    "PART_OF": 0.04, "LEARNS_FROM": 0.03, "PROPOSES": 0.03, "UPSTREAM_OF": 0.02,
    "CONNECTS": 0.02, "LOCATED_IN": 0.02,
}
# How strongly each label is drawn as an endpoint (before the schema filters it): cities are
# few but everywhere.
ENDPOINT_WEIGHT: dict[str, float] = {
    "City": 12.0, "Region": 2.0, "Industry": 6.0, "Park": 2.0, "Mechanism": 2.0,
    "Organization": 1.0, "Initiative": 1.0, "Infrastructure": 1.0,
}
# Zipf exponent of the within-label popularity: higher means a heavier head.
ZIPF: dict[str, float] = {
    "City": 0.9, "Region": 0.8, "Industry": 0.8, "Park": 0.5, "Mechanism": 0.7,
    "Organization": 0.5, "Initiative": 0.6, "Infrastructure": 0.5, "Source": 0.6,
}

# (character, pinyin) pools for names.
_PLACE = [
    ("南", "nan"), ("通", "tong"), ("江", "jiang"), ("海", "hai"), ("苏", "su"), ("州", "zhou"),
    ("宁", "ning"), ("东", "dong"), ("西", "xi"), ("北", "bei"), ("山", "shan"), ("阳", "yang"),
    ("兴", "xing"), ("安", "an"), ("平", "ping"), ("昌", "chang"), ("华", "hua"), ("湖", "hu"),
    ("泰", "tai"), ("启", "qi"), ("如", "ru"), ("皋", "gao"), ("崇", "chong"), ("川", "chuan"),
    ("嘉", "jia"), ("定", "ding"), ("松", "song"), ("金", "jin"), ("宝", "bao"), ("太", "tai"),
    ("仓", "cang"), ("常", "chang"), ("熟", "shu"), ("吴", "wu"), ("锡", "xi"), ("扬", "yang"),
    ("盐", "yan"), ("城", "cheng"), ("连", "lian"), ("淮", "huai"), ("徐", "xu"), ("杭", "hang"),
    ("绍", "shao"), ("舟", "zhou"), ("温", "wen"), ("台", "tai"), ("合", "he"), ("肥", "fei"),
    ("芜", "wu"), ("马", "ma"), ("鞍", "an"), ("滁", "chu"), ("青", "qing"), ("浦", "pu"),
    ("闵", "min"), ("奉", "feng"), ("贤", "xian"), ("临", "lin"), ("港", "gang"), ("新", "xin"),
]
_INDUSTRY_CORE = [
    ("船舶", "chuanbo"), ("海工", "haigong"), ("纺织", "fangzhi"), ("装备", "zhuangbei"),
    ("材料", "cailiao"), ("能源", "nengyuan"), ("芯片", "xinpian"), ("医药", "yiyao"),
    ("器械", "qixie"), ("汽车", "qiche"), ("电池", "dianchi"), ("光伏", "guangfu"),
    ("风电", "fengdian"), ("氢能", "qingneng"), ("软件", "ruanjian"), ("算力", "suanli"),
    ("物流", "wuliu"), ("化工", "huagong"), ("食品", "shipin"), ("家纺", "jiafang"),
    ("机器人", "jiqiren"), ("传感器", "chuanganqi"), ("显示", "xianshi"), ("航空", "hangkong"),
    ("航天", "hangtian"), ("储能", "chuneng"), ("钢铁", "gangtie"), ("建筑", "jianzhu"),
    ("通信", "tongxin"), ("数据", "shuju"), ("金融", "jinrong"), ("文旅", "wenlv"),
]
_INDUSTRY_MOD = [
    ("高端", "gaoduan"), ("智能", "zhineng"), ("绿色", "lvse"), ("新型", "xinxing"),
    ("先进", "xianjin"), ("海洋", "haiyang"), ("数字", "shuzi"), ("精密", "jingmi"),
    ("生物", "shengwu"), ("低碳", "ditan"), ("未来", "weilai"), ("现代", "xiandai"),
]
_INDUSTRY_TAIL = {
    "category": [("", "")],
    "cluster": [("产业集群", "chanye-jiqun"), ("集群", "jiqun")],
    "chain": [("产业链", "chanyelian"), ("零部件", "lingbujian"), ("整机", "zhengji"),
              ("服务", "fuwu"), ("研发", "yanfa")],
}
_SUFFIX = {
    "Park": [("产业园", "chanyeyuan"), ("高新区", "gaoxinqu"), ("开发区", "kaifaqu"),
             ("合作园区", "hezuo-yuanqu"), ("科创园", "kechuangyuan"), ("基地", "jidi")],
    "Mechanism": [("成本共担", "chengben-gongdan"), ("利益共享", "liyi-gongxiang"),
                  ("税收分成", "shuishou-fencheng"), ("双统计", "shuang-tongji"),
                  ("飞地机制", "feidi-jizhi"), ("人才共享", "rencai-gongxiang"),
                  ("用地指标", "yongdi-zhibiao"), ("碳排放权交易", "tan-jiaoyi")],
    "Organization": [("发改委", "fagaiwei"), ("产业联盟", "chanye-lianmeng"),
                     ("集团", "jituan"), ("投资基金", "touzi-jijin"),
                     ("研究院", "yanjiuyuan"), ("商会", "shanghui"),
                     ("有限公司", "youxian-gongsi"), ("管委会", "guanweihui")],
    "Initiative": [("行动计划", "xingdong-jihua"), ("三年行动", "sannian-xingdong"),
                   ("示范工程", "shifan-gongcheng"), ("服务平台", "fuwu-pingtai"),
                   ("专项规划", "zhuanxiang-guihua"), ("品牌", "pinpai"),
                   ("攻坚战", "gongjianzhan")],
    "Infrastructure": [("大桥", "daqiao"), ("铁路", "tielu"), ("港区", "gangqu"),
                       ("机场", "jichang"), ("隧道", "suidao"), ("城际", "chengji")],
    "Region": [("都市圈", "dushiquan"), ("经济带", "jingjidai"), ("城市群", "chengshiqun"),
               ("示范区", "shifanqu"), ("一体化区", "yitihuaqu")],
    "Source": [("日报", "ribao"), ("政府网", "zhengfuwang"), ("晚报", "wanbao"),
               ("新闻网", "xinwenwang"), ("研究报告", "yanjiu-baogao")],
}
_KINDS = {
    "Park": ["industrial-park", "co-built-park", "base", "cooperation-zone", "high-tech-zone"],
    "Mechanism": ["fiscal", "statistical", "land", "talent", "governance",
                  "environmental-rights"],
    "Organization": ["government", "alliance", "company", "fund", "institute",
                     "party-committee"],
    "Initiative": ["strategy", "plan", "programme", "campaign", "brand", "platform", "task"],
    "Infrastructure": ["bridge", "railway", "port", "airport", "tunnel"],
    "Region": ["province", "metropolitan-circle", "economic-belt", "city-cluster",
               "demonstration-zone", "sub-region"],
}
_VERBS = {
    "HAS_INDUSTRY": "培育壮大", "LOCATED_IN": "位于", "MEMBER_OF": "加入",
    "CO_BUILDS": "共建", "FOCUSES_ON": "聚焦", "ADOPTS": "探索建立", "COOPERATES_WITH": "携手",
    "LEARNS_FROM": "学习借鉴",
    "BROADER": "属于", "UPSTREAM_OF": "为下游配套", "CONNECTS": "连接",
    "PARTICIPATES_IN": "深度参与", "PART_OF": "纳入", "PROPOSES": "提出", "MENTIONS": "提到",
}
# Chance that a fact already stated (same type and ends) is stated again by another source.
REPEAT_SOURCE = 0.1
_CONF_LEVELS = ("high", "medium", "low")
_CONF_WEIGHTS = (0.7, 0.25, 0.05)


@dataclass
class _Pool:
    """The ids of one label, with Zipf cumulative weights for popularity draws."""

    ids: list[str]
    cum: list[float]

    @classmethod
    def of(cls, ids: list[str], s: float) -> _Pool:
        cum = list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(len(ids))))
        return cls(ids, cum)

    def draw(self, rng: random.Random) -> str:
        return self.ids[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


def _syllables(rng: random.Random, n: int) -> tuple[str, str]:
    chars = [rng.choice(_PLACE) for _ in range(n)]
    return "".join(c for c, _ in chars), "".join(p for _, p in chars)


def _slug(*parts: str) -> str:
    return "-".join(p for p in parts if p)


def _b36(i: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        i, r = divmod(i, 36)
        out = digits[r] + out
        if i == 0:
            return out


class _Builder:
    def __init__(self, nodes: int, rels: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.nodes = nodes
        self.rels = rels
        self.bundle = Bundle()
        self.by_label: dict[str, list[str]] = {name: [] for name in LABELS}
        self.pools: dict[str, _Pool] = {}
        self.industry_level: dict[str, str] = {}
        self.pairs: set[tuple[str, str, str]] = set()

    # -- entities ----------------------------------------------------------------------------

    def add_entity(self, entity_id: str, label: str, name: str, py: str, **kw: Any) -> str:
        props: dict[str, Any] = kw.pop("props", {})
        if py:
            props["pinyin"] = py.replace("-", "")
        # lookup keys as the YAML loader computes them (names, aliases, their pinyin)
        keys = tuple(lookup_keys(name, kw.get("name_en", ""), kw.get("aliases", ())))
        self.bundle.entities[entity_id] = Entity(
            id=entity_id, label=label, name=name, props=props, keys=keys, **kw)
        self.by_label[label].append(entity_id)
        return entity_id

    def counts(self) -> dict[str, int]:
        out = {label: max(1, round(self.nodes * share)) for label, share in NODE_SHARE.items()}
        out["City"] = max(out["City"], 6)
        out["Industry"] = max(out["Industry"], 12)
        out["Source"] = max(1, self.nodes - sum(out.values()) - 2)  # 2: the bench cities
        return out

    def entities(self) -> None:
        rng = self.rng
        n = self.counts()
        # Cities: a few municipalities and prefectures first (the popular head), then
        # districts and counties that sit in them.
        n_top = max(2, n["City"] // 8)
        for i in range(n["City"]):
            zh, py = _syllables(rng, 2)
            level = ("municipality" if i < max(1, n_top // 10) else
                     "prefecture" if i < n_top else rng.choice(("district", "county")))
            suffix = "市" if level in ("municipality", "prefecture") else rng.choice("区县")
            props: dict[str, Any] = {
                "level": level, "adcode": f"{320000 + i:06d}",
                "lon": round(rng.uniform(118.0, 122.5), 4),
                "lat": round(rng.uniform(29.5, 33.5), 4)}
            self.add_entity(f"city:{_slug(py, _b36(i))}", "City", zh, py,
                            name_en=py.capitalize(), aliases=(zh + suffix,),
                            description=f"{zh}{suffix}，长三角的一个{level}级行政区。",
                            props=props)
        for bench, zh, py in ((BENCH_A, "甲城", "jiacheng"), (BENCH_B, "乙城", "yicheng")):
            self.add_entity(bench, "City", zh, py, name_en=f"Bench {bench[-1].upper()}",
                            aliases=(zh + "市",), description="基准测试用城市。",
                            props={"level": "prefecture", "adcode": "399999",
                                   "lon": 121.0, "lat": 31.0})
        # Industries: categories, clusters under them, chains under clusters.
        n_ind = n["Industry"]
        n_cat = max(2, n_ind // 25)
        n_cluster = max(3, n_ind // 5)
        for i in range(n_ind):
            level = "category" if i < n_cat else "cluster" if i < n_cat + n_cluster else "chain"
            mod_zh, mod_py = _INDUSTRY_MOD[i % len(_INDUSTRY_MOD)]
            core_zh, core_py = _INDUSTRY_CORE[(i // len(_INDUSTRY_MOD)) % len(_INDUSTRY_CORE)]
            tail_zh, tail_py = rng.choice(_INDUSTRY_TAIL[level])
            # past the distinct modifier x core names, a place qualifies the name
            place_zh, place_py = (_syllables(rng, 2) if i >= len(_INDUSTRY_MOD) * len(
                _INDUSTRY_CORE) else ("", ""))
            zh = place_zh + mod_zh + core_zh + tail_zh
            iid = self.add_entity(
                f"industry:{_slug(mod_py, core_py, tail_py, _b36(i))}", "Industry", zh,
                place_py + mod_py + core_py + tail_py,
                name_en=f"{place_py} {mod_py} {core_py}".strip().title(),
                aliases=(core_zh + tail_zh,) if rng.random() < 0.5 else (),
                props={"level": level})
            self.industry_level[iid] = level
        for label in ("Region", "Park", "Mechanism", "Organization", "Initiative",
                      "Infrastructure", "Source"):
            suffixes = _SUFFIX[label]
            prefix = LABELS[label].prefix
            for i in range(n[label]):
                zh, py = _syllables(rng, rng.choice((2, 2, 3)))
                sfx_zh, sfx_py = suffixes[i % len(suffixes)]
                props = {}
                if label in _KINDS:
                    props["kind"] = rng.choice(_KINDS[label])
                if label in ("Park", "Region"):
                    props["area_km2"] = round(rng.uniform(1.0, 400.0), 1)
                    props["established"] = str(rng.randint(1984, 2024))
                if label == "Infrastructure":
                    props["opened"] = str(rng.randint(1990, 2030))
                if label == "Source":
                    props.update(title=f"{zh}{sfx_zh}：推进长三角一体化发展",
                                 author=rng.choice(("新华社", "本报记者", "课题组", "吴明")),
                                 url=f"example.org/{py}/{_b36(i)}.html",
                                 published=f"20{rng.randint(15, 25)}-0{rng.randint(1, 9)}-1"
                                           f"{rng.randint(0, 9)}")
                elif rng.random() < 0.3:
                    props["confidence"] = rng.choice(("high", "medium"))
                self.add_entity(
                    f"{prefix}:{_slug(py, sfx_py, _b36(i))}", label, zh + sfx_zh,
                    py + sfx_py, name_en=f"{py.capitalize()} {sfx_py.replace('-', ' ')}",
                    aliases=(zh,) if rng.random() < 0.2 else (),
                    description=f"{zh}{sfx_zh}，合成数据。" if rng.random() < 0.5 else "",
                    props=props)
        for label, ids in self.by_label.items():
            pool_ids = [i for i in ids if i not in (BENCH_A, BENCH_B)]
            if pool_ids:
                self.pools[label] = _Pool.of(pool_ids, ZIPF[label])

    # -- relations ---------------------------------------------------------------------------

    def add_relation(self, rtype: str, start: str, end: str, source: str | None = None,
                     **props: Any) -> bool:
        """Add one relation; False if it is a loop or already there (or a rejected repeat)."""
        if start == end:
            return False
        rng = self.rng
        pair = (rtype, start, end)
        if pair in self.pairs and rng.random() >= REPEAT_SOURCE:
            return False
        if source is None:
            source = self.pools["Source"].draw(rng)
        if (rtype, start, end, source) in self.bundle.relations:
            return False
        ents = self.bundle.entities
        evidence = f"{ents[start].name}{_VERBS[rtype]}{ents[end].name}"
        if rng.random() < 0.5:
            evidence += "，" + rng.choice(("协同推进", "取得积极进展", "形成合力", "打造标杆"))
        conf = rng.choices(_CONF_LEVELS, _CONF_WEIGHTS)[0]
        rel = Relation(type=rtype, start=start, end=end, source=source, evidence=evidence,
                       confidence=conf, props=props)
        self.pairs.add(pair)
        self.bundle.relations[rel.key] = rel
        return True

    def _draw(self, allowed: frozenset[str]) -> str:
        labels = sorted(a for a in allowed if a in self.pools and a != "Source")
        label = self.rng.choices(labels, [ENDPOINT_WEIGHT[a] for a in labels])[0]
        return self.pools[label].draw(self.rng)

    def _props(self, rtype: str) -> dict[str, Any]:
        rng = self.rng
        if rtype == "HAS_INDUSTRY" and rng.random() < 0.3:
            return {"tier": rng.choice(("千亿级", "五百亿级", "百亿级")),
                    "role": rng.choice(("lead", "strength", "emerging"))}
        if rtype == "CO_BUILDS" and rng.random() < 0.5:
            return {"share": round(rng.uniform(0.1, 0.9), 2), "since": str(rng.randint(2005, 2024))}
        if rtype == "ADOPTS":
            return {"status": rng.choice(("exploring", "proven", "planned", "applying"))}
        if rtype == "COOPERATES_WITH" and rng.random() < 0.5:
            return {"field": rng.choice(("产业创新", "科技创新", "人才", "港口物流", "生态"))}
        if rtype == "PARTICIPATES_IN" and rng.random() < 0.3:
            return {"role": rng.choice(("docks with", "serves", "builder", "member"))}
        return {}

    def structural(self) -> None:
        """Containment and taxonomy: LOCATED_IN and BROADER, one per thing that has one."""
        rng = self.rng
        cities = self.by_label["City"]
        tops = [c for c in cities if self.bundle.entities[c].props["level"]
                in ("municipality", "prefecture") and c not in (BENCH_A, BENCH_B)]
        top_pool = _Pool.of(tops, 0.8)
        regions = self.by_label["Region"]
        for c in cities:
            level = self.bundle.entities[c].props["level"]
            if level in ("district", "county"):
                self.add_relation("LOCATED_IN", c, top_pool.draw(rng))
            elif regions:
                for r in rng.sample(regions, min(len(regions), 2)):
                    self.add_relation("MEMBER_OF", c, r)
        for label in ("Park", "Infrastructure"):
            for i in self.by_label[label]:
                self.add_relation("LOCATED_IN", i, self.pools["City"].draw(rng))
        # Every organisation has a seat and every initiative a parent, so no entity is
        # reachable only through the sources that mention it.
        seat = ("LOCATED_IN" if "Organization" in REL_TYPES["LOCATED_IN"].sources
                else "MEMBER_OF")
        for i in self.by_label["Organization"]:
            self.add_relation(seat, i, self.pools["City" if seat == "LOCATED_IN"
                                                  else "Region"].draw(rng))
        for i in self.by_label["Initiative"]:
            parent = "Initiative" if rng.random() < 0.7 else "Region"
            self.add_relation("PART_OF", i, self.pools[parent].draw(rng))
        levels = self.industry_level
        cats = [i for i, lv in levels.items() if lv == "category"]
        clusters = [i for i, lv in levels.items() if lv == "cluster"]
        for i, lv in levels.items():
            if lv == "cluster":
                self.add_relation("BROADER", i, rng.choice(cats))
            elif lv == "chain":
                self.add_relation("BROADER", i, rng.choice(clusters))

    def bench_pair(self) -> None:
        """city:bench-a and city:bench-b share industries directly and through parks."""
        rng = self.rng
        industries = self.by_label["Industry"]
        mid = industries[len(industries) // 10:]  # not the most popular ones
        shared = rng.sample(mid, min(8, len(mid)))
        for city in (BENCH_A, BENCH_B):
            own = rng.sample(mid, min(12, len(mid)))
            for ind in shared + own:
                self.add_relation("HAS_INDUSTRY", city, ind, **self._props("HAS_INDUSTRY"))
            top = self.pools["City"].ids[0]
            self.add_relation("LOCATED_IN", city, top)
            parks = rng.sample(self.by_label["Park"], min(6, len(self.by_label["Park"])))
            for park in parks:
                self.add_relation("LOCATED_IN", park, city)
                self.add_relation("CO_BUILDS", city, park)
                for ind in rng.sample(shared, min(2, len(shared))):
                    self.add_relation("FOCUSES_ON", park, ind)

    def random_relations(self) -> None:
        rng = self.rng
        budget = self.rels - len(self.bundle.relations)
        if budget <= 0:
            return
        plan = {t: round(budget * share) for t, share in REL_SHARE.items()}
        plan["MENTIONS"] = max(0, budget - sum(plan.values()))
        for rtype, want in plan.items():
            spec = REL_TYPES[rtype]
            done = tries = 0
            while done < want and tries < want * 20:
                tries += 1
                if rtype == "MENTIONS":
                    source = self.pools["Source"].draw(rng)
                    ok = self.add_relation(rtype, source, self._draw(spec.targets), source)
                else:
                    ok = self.add_relation(rtype, self._draw(spec.sources),
                                           self._draw(spec.targets), None, **self._props(rtype))
                done += ok

    def build(self) -> Bundle:
        self.entities()
        self.structural()
        self.bench_pair()
        self.random_relations()
        return self.bundle


def synth_bundle(nodes: int = 100_000, rels: int = 500_000, seed: int = 7) -> Bundle:
    """A synthetic graph of about `nodes` entities and `rels` relations (same seed, same graph).

    Relations are exactly `rels` unless the schema and node count leave too few distinct
    (type, start, end, source) keys, which only happens at toy sizes.
    """
    if nodes < 100:
        raise ValueError("nodes must be at least 100")
    return _Builder(nodes, rels, seed).build()


def sample_ids(bundle: Bundle, labels: Sequence[str], k: int, seed: int) -> list[str]:
    """k entity ids of the given labels, drawn uniformly with a fixed seed."""
    ids = sorted(i for i, e in bundle.entities.items() if e.label in labels)
    return random.Random(seed).sample(ids, min(k, len(ids)))


def _check(bundle: Bundle) -> None:
    import re

    pattern = re.compile(ID_PATTERN)
    for e in bundle.entities.values():
        assert pattern.match(e.id), e.id
        assert LABELS[e.label].prefix == e.id.split(":", 1)[0], e.id
    for r in bundle.relations.values():
        spec = REL_TYPES[r.type]
        assert bundle.entities[r.start].label in spec.sources, r
        assert bundle.entities[r.end].label in spec.targets, r
        assert bundle.entities[r.source].label == "Source", r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=500_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    import time
    from collections import Counter

    t0 = time.perf_counter()
    bundle = synth_bundle(args.nodes, args.rels, args.seed)
    took = time.perf_counter() - t0
    _check(bundle)
    print(f"{len(bundle.entities)} entities, {len(bundle.relations)} relations in {took:.1f}s")
    for name, n in sorted(Counter(e.label for e in bundle.entities.values()).items()):
        print(f"  {name:16} {n}")
    for name, n in sorted(Counter(r.type for r in bundle.relations.values()).items()):
        print(f"  {name:16} {n}")
    degree: Counter[str] = Counter()
    for r in bundle.relations.values():
        if r.type != "MENTIONS":
            degree[r.start] += 1
            degree[r.end] += 1
    print("highest degree (without MENTIONS):",
          ", ".join(f"{i} {d}" for i, d in degree.most_common(8)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
