"""The bundled dataset: every quote is in the article, every id and edge fits the schema, and
the article's content is all there.

Reads the YAML files with PyYAML directly (no loader), so a loader bug cannot hide a data bug.
Run from the repository root: `python -m pytest tests/test_article_data.py`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.schema import (
    COMMON_RELATION_PROPERTIES,
    CONFIDENCE_LEVELS,
    ENTITY_FIELDS,
    ID_PATTERN,
    LABEL_BY_PREFIX,
    LABELS,
    REL_TYPES,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLE_PATH = DATA / "sources" / "seed-article.txt"
SEED = "source:seed-article"
TOP_LEVEL_KEYS = {"sources", "entities", "relations"}
ENTITY_COMMON_KEYS = set(ENTITY_FIELDS) | {"source", "confidence"}
RELATION_COMMON_KEYS = {"type", "from", "to", *COMMON_RELATION_PROPERTIES}


# --- reading ---------------------------------------------------------------------------------

def _yaml_files() -> list[Path]:
    return sorted(p for p in DATA.rglob("*") if p.suffix in (".yaml", ".yml"))


@cache
def _article() -> str:
    return ARTICLE_PATH.read_text(encoding="utf-8")


@cache
def _documents() -> dict[Path, dict[str, Any]]:
    docs = {}
    for path in _yaml_files():
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(doc, dict), f"{path}: expected a mapping"
        docs[path] = doc
    return docs


@cache
def _entities() -> dict[str, dict[str, Any]]:
    """Every entity and source by id (first definition wins; duplicates are tested apart)."""
    out: dict[str, dict[str, Any]] = {}
    for doc in _documents().values():
        for key in ("sources", "entities"):
            for item in doc.get(key) or []:
                out.setdefault(item["id"], item)
    return out


@cache
def _relations() -> list[dict[str, Any]]:
    return [rel for doc in _documents().values() for rel in doc.get("relations") or []]


def _label(entity_id: str) -> str:
    return LABEL_BY_PREFIX[entity_id.split(":", 1)[0]].name


def _triples(*, source: str | None = None) -> set[tuple[str, str, str]]:
    return {
        (r["type"], r["from"], r["to"])
        for r in _relations()
        if source is None or r["source"] == source
    }


# --- format ----------------------------------------------------------------------------------

def test_data_files_exist() -> None:
    names = {p.relative_to(DATA).as_posix() for p in _yaml_files()}
    assert "sources.yaml" in names
    assert "taxonomy.yaml" in names
    assert any(n.startswith("core/") for n in names)
    assert any(n.startswith("curated/") for n in names)


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: p.relative_to(DATA).as_posix())
def test_file_shape_and_no_aliases(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for event in yaml.parse(text):
        assert not isinstance(event, yaml.AliasEvent), f"{path}: YAML alias"
        assert getattr(event, "anchor", None) is None, f"{path}: YAML anchor"
    doc = _documents()[path]
    assert set(doc) <= TOP_LEVEL_KEYS, f"{path}: unknown top-level keys {set(doc) - TOP_LEVEL_KEYS}"
    for key in TOP_LEVEL_KEYS & set(doc):
        assert isinstance(doc[key], list), f"{path}: {key} must be a list"
    for item in doc.get("sources") or []:
        assert item["id"].startswith("source:"), f"{path}: {item['id']} listed under sources"


def test_ids_unique_across_files() -> None:
    seen: Counter[str] = Counter()
    for doc in _documents().values():
        for key in ("sources", "entities"):
            seen.update(item["id"] for item in doc.get(key) or [])
    dupes = sorted(i for i, n in seen.items() if n > 1)
    assert not dupes, f"duplicate ids: {dupes}"


def test_ids_fit_the_schema() -> None:
    bad = [i for i in _entities() if not re.match(ID_PATTERN, i)]
    assert not bad, f"ids not '<prefix>:<slug>': {bad}"
    unknown = [i for i in _entities() if i.split(":", 1)[0] not in LABEL_BY_PREFIX]
    assert not unknown, f"ids with an unknown prefix: {unknown}"


def test_entity_properties_fit_the_schema() -> None:
    problems = []
    for entity_id, item in _entities().items():
        label = LABELS[_label(entity_id)]
        extra = set(item) - ENTITY_COMMON_KEYS - set(label.properties)
        if extra:
            problems.append(f"{entity_id}: keys not allowed on {label.name}: {sorted(extra)}")
        if item.get("label") not in (None, label.name):
            problems.append(f"{entity_id}: label {item['label']!r} does not match its prefix")
        for key in ("name", "name_en"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                problems.append(f"{entity_id}: {key} is required")
        if not all(isinstance(a, str) and a for a in item.get("aliases", [])):
            problems.append(f"{entity_id}: aliases must be non-empty strings")
        if item.get("confidence", "high") not in CONFIDENCE_LEVELS:
            problems.append(f"{entity_id}: confidence {item['confidence']!r}")
        if "source" in item and item["source"] not in _entities():
            problems.append(f"{entity_id}: unknown source {item['source']}")
        for key in ("adcode", "established", "opened", "published"):
            if key in item and not isinstance(item[key], str):
                problems.append(f"{entity_id}: {key} must be a quoted string")
        if "parent" in item and _label(item["parent"]) != "City":
            problems.append(f"{entity_id}: parent {item['parent']} is not a City")
    assert not problems, "\n".join(problems)


def test_relations_fit_the_schema() -> None:
    problems = []
    entities = _entities()
    for rel in _relations():
        where = f"{rel.get('type')} {rel.get('from')} -> {rel.get('to')}"
        spec = REL_TYPES.get(rel.get("type"))
        if spec is None:
            problems.append(f"{where}: unknown type")
            continue
        extra = set(rel) - RELATION_COMMON_KEYS - set(spec.properties)
        if extra:
            problems.append(f"{where}: keys not allowed on {spec.name}: {sorted(extra)}")
        for end, allowed in (("from", spec.sources), ("to", spec.targets)):
            entity_id = rel.get(end)
            if entity_id not in entities:
                problems.append(f"{where}: unknown {end} entity")
            elif _label(entity_id) not in allowed:
                problems.append(f"{where}: {spec.name} cannot have a {_label(entity_id)} as {end}")
        source = rel.get("source")
        if source not in entities or _label(source) != "Source":
            problems.append(f"{where}: source {source!r} is not a Source")
        if rel.get("confidence", "high") not in CONFIDENCE_LEVELS:
            problems.append(f"{where}: confidence {rel['confidence']!r}")
    assert not problems, "\n".join(problems)


def test_relation_identity_unique() -> None:
    keys = Counter((r["type"], r["from"], r["to"], r["source"]) for r in _relations())
    dupes = sorted(k for k, n in keys.items() if n > 1)
    assert not dupes, f"one edge per type, endpoints and source: {dupes}"


def test_every_entity_has_an_edge() -> None:
    used = {r["from"] for r in _relations()} | {r["to"] for r in _relations()}
    lonely = sorted(i for i in _entities() if not i.startswith("source:") and i not in used)
    assert not lonely, f"entities without any relation: {lonely}"


# --- provenance -------------------------------------------------------------------------------

def test_article_evidence_is_an_exact_quote() -> None:
    text = _article()
    problems = []
    for rel in _relations():
        if rel["source"] != SEED:
            continue
        evidence = rel.get("evidence", "")
        where = f"{rel['type']} {rel['from']} -> {rel['to']}"
        if not evidence:
            problems.append(f"{where}: evidence required")
        elif "\n" in evidence:
            problems.append(f"{where}: evidence spans a line break")
        elif evidence not in text:
            problems.append(f"{where}: not in the article: {evidence}")
    assert not problems, "\n".join(problems)


def test_seed_source_ships_the_article() -> None:
    seed = _entities()[SEED]
    assert seed["file"] == ARTICLE_PATH.name
    assert seed["author"] == "吴新明"
    assert "长江口产业创新协同区" in _article()


def test_web_sources_keep_their_address() -> None:
    no_address = {"source:facts-chinadaily-hetao"}  # the facts table names it without one
    missing = sorted(
        i for i, e in _entities().items()
        if i.startswith("source:facts-") and i not in no_address and not e.get("url")
    )
    assert not missing, f"web sources without url: {missing}"


def test_curated_facts_carry_source_and_confidence() -> None:
    problems = [
        f"{r['type']} {r['from']} -> {r['to']}"
        for r in _relations()
        if r["source"] != SEED and "confidence" not in r
    ]
    assert not problems, "curated relations without confidence:\n" + "\n".join(problems)


def test_article_layer_is_complete_in_size() -> None:
    core = [
        item["id"]
        for path, doc in _documents().items()
        if path.parent.name == "core"
        for item in doc.get("entities") or []
    ]
    assert len(core) >= 100, len(core)
    assert len(_triples(source=SEED)) >= 150, len(_triples(source=SEED))


# --- the article's content: checklist ----------------------------------------------------------

ARTICLE_ENTITIES = [
    # places
    "city:nantong", "city:shanghai", "city:suzhou", "city:pudong",
    "region:yrd", "region:jiangsu", "region:yrd-collaboration-zone",
    "region:shanghai-metropolitan-circle", "region:yangtze-city-cluster",
    "region:jiangsu-coastal-belt", "region:upper-middle-yangtze", "region:yrd-north-wing",
    "region:sunan", "region:yangtze-economic-belt", "region:jingjinji", "region:xiongan",
    "region:lingang", "region:sunan-innovation-demo-zone", "region:su-xi-chang-tong-circle",
    # industries
    "industry:shipbuilding-offshore", "industry:high-end-textiles", "industry:next-gen-it",
    "industry:high-end-equipment", "industry:new-materials", "industry:new-energy",
    "industry:integrated-circuits", "industry:biomedicine", "industry:new-energy-vehicles",
    "industry:artificial-intelligence", "industry:petrochemical", "industry:port-shipping",
    "industry:marine", "industry:emerging", "industry:future", "industry:tech-growth",
    "industry:green-high-end", "industry:advanced-manufacturing",
    # parks, zones, platforms
    "park:tongzhou-bay-petrochemical-base", "park:sip", "park:shenshan", "park:hetao",
    "park:yrd-green-demo-zone", "park:nantong-rd-centers", "park:offshore-innovation-centers",
    # mechanisms
    "mechanism:cost-sharing", "mechanism:benefit-sharing", "mechanism:fiscal-tax-sharing",
    "mechanism:dual-statistics", "mechanism:quota-coordination",
    "mechanism:talent-qualification-recognition", "mechanism:yrd-innovation-vouchers",
    "mechanism:carbon-emission-trading", "mechanism:pollutant-discharge-trading",
    "mechanism:park-co-construction", "mechanism:base-plus-extension",
    "mechanism:hq-plus-collaboration-center", "mechanism:enclave-incubation",
    "mechanism:offshore-innovation", "mechanism:cross-river-iur-cooperation",
    "mechanism:promotion-list",
    # organizations
    "org:jiangsu-party-committee", "org:jiangsu-plenary-14-4", "org:jiangsu-government",
    "org:nantong-party-committee", "org:hu-su-tong-alliance", "org:yrd-ic-alliance",
    "org:yrd-biomedicine-alliance", "org:yrd-nev-alliance", "org:yrd-ai-alliance",
    "org:sh-sz-investment-institutions", "org:policy-funds",
    # initiatives
    "initiative:jiangsu-plenary-decision", "initiative:four-firsts", "initiative:four-news",
    "initiative:strong-rich-beautiful-high", "initiative:chinese-modernization",
    "initiative:yrd-integration", "initiative:yrd-integration-outline",
    "initiative:yrd-market-integration", "initiative:shanghai-five-centers",
    "initiative:shanghai-sci-tech-center", "initiative:jiangsu-one-center-one-base-one-hub",
    "initiative:jiangsu-1plus3-zones", "initiative:sutong-cross-river-integration",
    "initiative:national-transport-hub", "initiative:joint-eco-protection",
    "initiative:yrd-chain-action", "initiative:world-class-clusters",
    "initiative:belt-and-road", "initiative:yangtze-bri-junction",
    "initiative:sci-tech-innovation-community", "initiative:joint-research-platforms",
    "initiative:national-innovative-city", "initiative:youth-development-city",
    "initiative:hnte-cultivation", "initiative:one-network-service",
    "initiative:cross-province-service", "initiative:customs-integration",
    "initiative:business-environment-year", "initiative:wanshi-haotong",
    "initiative:yangtze-protection", "initiative:pollution-prevention",
    "initiative:nantong-chain-greenway", "initiative:modern-industrial-system",
]

NT, SH, SZ = "city:nantong", "city:shanghai", "city:suzhou"
ZONE = "region:yrd-collaboration-zone"

ARTICLE_TRIPLES = [
    # who proposes and builds the zone
    ("PROPOSES", "org:jiangsu-plenary-14-4", ZONE),
    ("PROPOSES", "org:jiangsu-plenary-14-4", "initiative:jiangsu-plenary-decision"),
    ("PROPOSES", "org:jiangsu-party-committee", ZONE),
    ("PROPOSES", "org:jiangsu-government", ZONE),
    ("PART_OF", ZONE, "initiative:jiangsu-plenary-decision"),
    ("PART_OF", ZONE, "initiative:yrd-integration"),
    ("PARTICIPATES_IN", NT, ZONE),
    ("CO_BUILDS", NT, ZONE),
    ("CO_BUILDS", SH, ZONE),
    ("CO_BUILDS", SZ, ZONE),
    ("PARTICIPATES_IN", "region:jiangsu", "initiative:four-firsts"),
    ("PARTICIPATES_IN", "region:jiangsu", "initiative:four-news"),
    ("PARTICIPATES_IN", "region:jiangsu", "initiative:strong-rich-beautiful-high"),
    # Nantong's place in the region
    ("MEMBER_OF", NT, "region:shanghai-metropolitan-circle"),
    ("PARTICIPATES_IN", NT, "region:shanghai-metropolitan-circle"),
    ("MEMBER_OF", NT, "region:yangtze-city-cluster"),
    ("MEMBER_OF", NT, "region:jiangsu-coastal-belt"),
    ("PART_OF", "region:yangtze-city-cluster", "initiative:jiangsu-1plus3-zones"),
    ("PART_OF", "region:jiangsu-coastal-belt", "initiative:jiangsu-1plus3-zones"),
    ("PARTICIPATES_IN", NT, "region:upper-middle-yangtze"),
    ("PARTICIPATES_IN", NT, "region:sunan"),
    ("COOPERATES_WITH", NT, SH),
    ("COOPERATES_WITH", NT, SZ),
    ("COOPERATES_WITH", NT, "region:sunan"),
    ("PARTICIPATES_IN", NT, "initiative:shanghai-five-centers"),
    ("CO_BUILDS", SH, "initiative:shanghai-five-centers"),
    ("PARTICIPATES_IN", NT, "initiative:jiangsu-one-center-one-base-one-hub"),
    ("PARTICIPATES_IN", NT, "initiative:sutong-cross-river-integration"),
    ("PARTICIPATES_IN", SZ, "initiative:sutong-cross-river-integration"),
    ("CO_BUILDS", NT, "initiative:national-transport-hub"),
    ("PARTICIPATES_IN", NT, "initiative:joint-eco-protection"),
    ("PARTICIPATES_IN", NT, "initiative:yrd-integration"),
    ("HAS_INDUSTRY", SH, "industry:advanced-manufacturing"),
    ("HAS_INDUSTRY", SZ, "industry:advanced-manufacturing"),
    # industrial chains
    ("PARTICIPATES_IN", NT, "initiative:yrd-chain-action"),
    ("HAS_INDUSTRY", NT, "industry:shipbuilding-offshore"),
    ("HAS_INDUSTRY", NT, "industry:high-end-textiles"),
    ("HAS_INDUSTRY", NT, "industry:next-gen-it"),
    ("HAS_INDUSTRY", NT, "industry:high-end-equipment"),
    ("HAS_INDUSTRY", NT, "industry:new-materials"),
    ("HAS_INDUSTRY", NT, "industry:new-energy"),
    ("PARTICIPATES_IN", NT, "initiative:world-class-clusters"),
    ("PARTICIPATES_IN", NT, "org:yrd-ic-alliance"),
    ("PARTICIPATES_IN", NT, "org:yrd-biomedicine-alliance"),
    ("PARTICIPATES_IN", NT, "org:yrd-nev-alliance"),
    ("PARTICIPATES_IN", NT, "org:yrd-ai-alliance"),
    ("FOCUSES_ON", "org:yrd-ic-alliance", "industry:integrated-circuits"),
    ("FOCUSES_ON", "org:yrd-biomedicine-alliance", "industry:biomedicine"),
    ("FOCUSES_ON", "org:yrd-nev-alliance", "industry:new-energy-vehicles"),
    ("FOCUSES_ON", "org:yrd-ai-alliance", "industry:artificial-intelligence"),
    ("PARTICIPATES_IN", NT, "org:hu-su-tong-alliance"),
    ("MEMBER_OF", SH, "org:hu-su-tong-alliance"),
    ("MEMBER_OF", SZ, "org:hu-su-tong-alliance"),
    ("MEMBER_OF", NT, "org:hu-su-tong-alliance"),
    ("HAS_INDUSTRY", NT, "industry:tech-growth"),
    ("HAS_INDUSTRY", "region:yrd", "industry:emerging"),
    ("HAS_INDUSTRY", "region:yrd", "industry:future"),
    ("HAS_INDUSTRY", NT, "industry:marine"),
    ("PARTICIPATES_IN", NT, "region:yrd-north-wing"),
    ("PARTICIPATES_IN", NT, "initiative:yangtze-bri-junction"),
    ("PART_OF", "initiative:yangtze-bri-junction", "initiative:belt-and-road"),
    ("PART_OF", "initiative:yangtze-bri-junction", "region:yangtze-economic-belt"),
    # sci-tech innovation
    ("PARTICIPATES_IN", NT, "initiative:shanghai-sci-tech-center"),
    ("PARTICIPATES_IN", NT, "region:sunan-innovation-demo-zone"),
    ("CO_BUILDS", NT, "initiative:joint-research-platforms"),
    ("CO_BUILDS", SH, "initiative:joint-research-platforms"),
    ("CO_BUILDS", SZ, "initiative:joint-research-platforms"),
    ("ADOPTS", NT, "mechanism:cross-river-iur-cooperation"),
    ("PARTICIPATES_IN", NT, "region:su-xi-chang-tong-circle"),
    ("MEMBER_OF", "city:wuxi", "region:su-xi-chang-tong-circle"),
    ("MEMBER_OF", "city:changzhou", "region:su-xi-chang-tong-circle"),
    ("PARTICIPATES_IN", NT, "initiative:national-innovative-city"),
    ("PARTICIPATES_IN", NT, "initiative:youth-development-city"),
    ("PARTICIPATES_IN", NT, "initiative:hnte-cultivation"),
    ("PARTICIPATES_IN", NT, "org:policy-funds"),
    ("PARTICIPATES_IN", "org:sh-sz-investment-institutions", "org:policy-funds"),
    # business environment
    ("PARTICIPATES_IN", NT, "initiative:one-network-service"),
    ("PARTICIPATES_IN", NT, "initiative:cross-province-service"),
    ("PARTICIPATES_IN", NT, "initiative:customs-integration"),
    ("PARTICIPATES_IN", NT, "initiative:business-environment-year"),
    ("PARTICIPATES_IN", NT, "initiative:wanshi-haotong"),
    # parks
    ("PART_OF", "mechanism:park-co-construction", ZONE),
    ("ADOPTS", NT, "mechanism:park-co-construction"),
    ("ADOPTS", NT, "mechanism:base-plus-extension"),
    ("ADOPTS", "park:tongzhou-bay-petrochemical-base", "mechanism:base-plus-extension"),
    ("CO_BUILDS", NT, "park:tongzhou-bay-petrochemical-base"),
    ("FOCUSES_ON", "park:tongzhou-bay-petrochemical-base", "industry:petrochemical"),
    ("FOCUSES_ON", "park:tongzhou-bay-petrochemical-base", "industry:port-shipping"),
    ("ADOPTS", NT, "mechanism:hq-plus-collaboration-center"),
    ("ADOPTS", NT, "mechanism:enclave-incubation"),
    ("ADOPTS", NT, "mechanism:offshore-innovation"),
    ("CO_BUILDS", NT, "park:nantong-rd-centers"),
    ("CO_BUILDS", NT, "park:offshore-innovation-centers"),
    ("LOCATED_IN", "park:nantong-rd-centers", SH),
    ("LOCATED_IN", "park:offshore-innovation-centers", SZ),
    ("LEARNS_FROM", NT, "park:sip"),
    ("PARTICIPATES_IN", NT, "initiative:yangtze-protection"),
    ("CO_BUILDS", NT, "initiative:nantong-chain-greenway"),
    ("HAS_INDUSTRY", NT, "industry:green-high-end"),
    # mechanisms
    ("PART_OF", "mechanism:cost-sharing", "initiative:yrd-integration-outline"),
    ("PART_OF", "mechanism:benefit-sharing", "initiative:yrd-integration-outline"),
    ("LEARNS_FROM", NT, "region:jingjinji"),
    ("LEARNS_FROM", NT, "park:shenshan"),
    ("ADOPTS", NT, "mechanism:cost-sharing"),
    ("ADOPTS", NT, "mechanism:fiscal-tax-sharing"),
    ("ADOPTS", NT, "mechanism:dual-statistics"),
    ("ADOPTS", NT, "mechanism:quota-coordination"),
    ("LEARNS_FROM", NT, "park:yrd-green-demo-zone"),
    ("ADOPTS", "park:yrd-green-demo-zone", "mechanism:talent-qualification-recognition"),
    ("ADOPTS", NT, "mechanism:talent-qualification-recognition"),
    ("ADOPTS", NT, "mechanism:yrd-innovation-vouchers"),
    ("PARTICIPATES_IN", NT, "initiative:yrd-market-integration"),
    ("ADOPTS", NT, "mechanism:carbon-emission-trading"),
    ("ADOPTS", NT, "mechanism:pollutant-discharge-trading"),
    ("ADOPTS", NT, "mechanism:promotion-list"),
    ("LEARNS_FROM", NT, "region:xiongan"),
    ("LEARNS_FROM", NT, "park:hetao"),
    ("LEARNS_FROM", NT, "city:pudong"),
    ("LEARNS_FROM", NT, "region:lingang"),
]

CURATED_TRIPLES = [
    ("LOCATED_IN", "city:chongchuan", NT),
    ("LOCATED_IN", "city:qidong", NT),
    ("LOCATED_IN", "city:chongming", SH),
    ("LOCATED_IN", "city:taicang", SZ),
    ("LOCATED_IN", "city:jiashan", "city:jiaxing"),
    ("CO_BUILDS", "org:cssd", "park:sutong-park"),
    ("CO_BUILDS", "city:wuxi", "park:suxitong-park"),
    ("HAS_INDUSTRY", "park:suxitong-park", "industry:electronic-information"),
    ("CO_BUILDS", "org:shanghai-chengtou", "park:china-jianghai-park"),
    ("PART_OF", "park:qidong-pudong-collab-park", ZONE),
    ("PART_OF", "park:qidong-chongming-collab-park", ZONE),
    ("CONNECTS", "infra:hu-su-tong-railway", NT),
    ("CONNECTS", "infra:chongqi-bridge", "city:qidong"),
    ("LOCATED_IN", "infra:nantong-new-airport", "city:tongzhou"),
    ("HAS_INDUSTRY", SZ, "industry:electronic-information"),
    ("HAS_INDUSTRY", SH, "industry:integrated-circuits"),
    ("HAS_INDUSTRY", "park:sip", "industry:nanotech"),
    ("BROADER", "industry:chemical-fibers", "industry:high-end-textiles"),
]

# The article names Shanghai's "1+8" circle and Nantong in it; the other seven members are
# listed only by self-media pages and mirrors, which the dataset does not use.
CIRCLE_MEMBERS = {"city:shanghai", "city:nantong"}


def test_checklist_entities() -> None:
    assert len(ARTICLE_ENTITIES) >= 60
    missing = [i for i in ARTICLE_ENTITIES if i not in _entities()]
    assert not missing, f"article entities missing: {missing}"


def test_checklist_article_relations() -> None:
    assert len(ARTICLE_TRIPLES) >= 80
    have = _triples(source=SEED)
    missing = [t for t in ARTICLE_TRIPLES if t not in have]
    assert not missing, "article relations missing:\n" + "\n".join(map(str, missing))


def test_checklist_curated_relations() -> None:
    have = _triples()
    missing = [t for t in CURATED_TRIPLES if t not in have]
    assert not missing, "curated relations missing:\n" + "\n".join(map(str, missing))


def test_metropolitan_circle_holds_only_the_members_a_source_names() -> None:
    members = {
        r["from"] for r in _relations()
        if r["type"] == "MEMBER_OF" and r["to"] == "region:shanghai-metropolitan-circle"
    }
    assert members == CIRCLE_MEMBERS


def test_sutong_park_stakes() -> None:
    stakes = {
        r["from"]: r["share"] for r in _relations()
        if r["type"] == "CO_BUILDS" and r["to"] == "park:sutong-park"
    }
    assert stakes == {"org:cssd": 51, "org:nantong-etdz": 39, "org:jiangsu-nongken": 10}


def test_nantong_six_thousand_billion_clusters() -> None:
    six = {
        "industry:shipbuilding-offshore": "船舶海工",
        "industry:high-end-textiles": "高端纺织",
        "industry:next-gen-it": "新一代信息技术",
        "industry:high-end-equipment": "高端装备",
        "industry:new-materials": "新材料",
        "industry:new-energy": "新能源",
    }
    rels = [
        r for r in _relations()
        if r["type"] == "HAS_INDUSTRY" and r["from"] == NT and r.get("tier") == "千亿级"
    ]
    assert {r["to"] for r in rels} == set(six)
    assert len(rels) == 6
    for rel in rels:
        assert rel["source"] == SEED
        assert six[rel["to"]] in rel["evidence"]
        assert _entities()[rel["to"]]["name"] == six[rel["to"]]
    assert "六大千亿级板块" in rels[0]["evidence"]


def test_every_mechanism_is_adopted_and_placed() -> None:
    mechanisms = [i for i in _entities() if i.startswith("mechanism:")]
    adopted = {r["to"] for r in _relations() if r["type"] == "ADOPTS"}
    placed = {r["from"] for r in _relations() if r["type"] == "PART_OF"}
    assert not [m for m in mechanisms if m not in adopted], "mechanisms nobody adopts"
    assert not [m for m in mechanisms if m not in placed], "mechanisms not PART_OF a task/zone"


# --- taxonomy ---------------------------------------------------------------------------------

def test_nine_sei_categories() -> None:
    categories = {i for i, e in _entities().items() if e.get("level") == "category"}
    assert len(categories) == 9
    assert all(i.startswith("industry:cat-") for i in categories)
    names = {_entities()[i]["name"] for i in categories}
    assert {"新一代信息技术产业", "高端装备制造产业", "新材料产业", "生物产业", "新能源汽车产业",
            "新能源产业", "节能环保产业", "数字创意产业", "相关服务业"} == names


def _categories_reached(start: str, broader: dict[str, set[str]]) -> set[str]:
    seen, queue, found = {start}, deque([start]), set()
    while queue:
        node = queue.popleft()
        for up in broader[node]:
            if up in seen:
                continue
            seen.add(up)
            if _entities()[up].get("level") == "category":
                found.add(up)
            queue.append(up)
    return found


def test_every_industry_reaches_a_category() -> None:
    broader: dict[str, set[str]] = defaultdict(set)
    for r in _relations():
        if r["type"] == "BROADER":
            broader[r["from"]].add(r["to"])
    industries = [i for i, e in _entities().items()
                  if i.startswith("industry:") and e.get("level") != "category"]
    lost = [i for i in industries if not _categories_reached(i, broader)]
    assert not lost, f"industries with no BROADER path to a category: {lost}"
    # Differently worded industries of neighbours meet at one category.
    for a, b in [("industry:electronic-information", "industry:next-gen-it"),
                 ("industry:advanced-materials", "industry:new-materials"),
                 ("industry:equipment-manufacturing", "industry:high-end-equipment")]:
        assert _categories_reached(a, broader) & _categories_reached(b, broader), (a, b)


def test_industry_levels() -> None:
    levels = Counter(e.get("level") for i, e in _entities().items() if i.startswith("industry:"))
    assert set(levels) <= {"category", "cluster", "chain"}
    assert levels["chain"] >= 16


# --- names --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("short", "expected"), [
    ("通", {"city:nantong"}),
    ("沪", {"city:shanghai"}),
    ("申", {"city:shanghai"}),
    ("锡", {"city:wuxi"}),
    ("常", {"city:changzhou"}),
    ("嘉", {"city:jiaxing"}),
    ("甬", {"city:ningbo"}),
    ("苏", {"city:suzhou", "region:jiangsu"}),
    ("SIP", {"park:sip"}),
    ("Suzhou Industrial Park", {"park:sip"}),
    ("YRD", {"region:yrd"}),
    ("协同区", {"region:yrd-collaboration-zone"}),
    ("省委", {"org:jiangsu-party-committee"}),
])
def test_short_forms_resolve(short: str, expected: set[str]) -> None:
    hits = {
        i for i, e in _entities().items()
        if short in (e["name"], e["name_en"], *e.get("aliases", []))
    }
    assert hits == expected
