"""Build the places of Shanghai's "1+8" circle and of the other host cities from a division table.

Two steps, both deterministic:

1. table: the cpca package's `resources/adcodes.csv` (PyPI, MIT; the codes come from
   Vonng/adcode, CC BY 4.0, a snapshot of the NBS codes of 2016-07-31 with AMap centres) ->
   `data/places/adcodes.csv.txt`: the nine cities of the "1+8" circle, the prefecture cities
   outside it that the data names (PREFECTURES), their county-level units and their provinces,
   with the later changes in CORRECTIONS applied, sorted by code. cpca is needed only here, at
   build time:

       python3 -m venv /tmp/cpca-venv && /tmp/cpca-venv/bin/pip install cpca==0.5.5
       PYTHONPATH=$PWD python scripts/build_places.py --cpca /tmp/cpca-venv

2. yaml: that table -> `data/places/places-adcodes.yaml` through loaders.adcode_table, so the
   bundle's YAML reader loads the same entities and relations. Entities that another data file
   already defines (the article layer's 上海, 南通, 苏州, 浦东新区, 江苏; the curated 泰州, 盐城,
   宿迁, …) are left out, and so are relations another file already states (same type, ends and
   source); the other relations of those entities are kept. Run it alone with `--yaml-only` (no
   cpca needed).

The table keeps the suffix .csv.txt because the bundle reader loads every *.csv under data/ as a
relations table; rename it once the reader knows adcode tables.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from loaders.adcode_names import short_name  # noqa: E402
from loaders.adcode_table import COLUMNS, read_adcode_table  # noqa: E402

PLACES = ROOT / "data" / "places"
TABLE = PLACES / "adcodes.csv.txt"
OUTPUT = PLACES / "places-adcodes.yaml"

# 江苏, 浙江, 安徽 (滁州), 福建 (三明)
PROVINCES = ("320000", "330000", "340000", "350000")
MUNICIPALITY = "310000"  # Shanghai: province-level; its districts lie in it directly
CIRCLE = ("320200", "320400", "320500", "320600", "330200", "330400", "330500", "330900")
# Prefecture cities outside the "1+8" circle that the data names as hosts or partners of
# co-built parks: 徐州, 盐城, 泰州, 宿迁 (江苏), 衢州, 丽水 (浙江), 滁州 (安徽), 三明 (福建).
HOSTS = ("320300", "320900", "321200", "321300", "330800", "331100", "341100", "350400")
PREFECTURES = CIRCLE + HOSTS
LEVEL_BY_SUFFIX = {"区": "district", "县": "county", "市": "county-level-city"}


@dataclass(frozen=True)
class Correction:
    """A change after the table's vintage (2016-07-31), with the source that states it."""

    adcode: str  # the code in the cpca table
    source: str
    note: str = ""  # in the entity's description
    new_adcode: str = ""
    new_name: str = ""
    new_level: str = ""
    until: str = ""
    centre_from: str = ""  # take the centre of this (cpca) row instead: the new seat's area
    aliases: tuple[str, ...] = ()  # former names (and merged units) the row now answers to
    drop: bool = False


PEOPLE_2020 = "source:facts-people-nantong-districts-2020"
CHINANEWS_2021 = "source:facts-chinanews-sanming-districts-2021"
ZJRB_2016 = "source:facts-zjrb-ningbo-districts-2016"
GBT = "source:gbt-2260"

CORRECTIONS: tuple[Correction, ...] = (
    # Nantong, July 2020 (人民网): 崇川 and 港闸 merged into a new 崇川区; 海门市 became 海门区.
    Correction("320602", PEOPLE_2020, new_adcode="320613", aliases=("港闸区",),
               note="Formed in July 2020 from the old 崇川区 (320602) and 港闸区, which ended "
                    "then; its centre is the old 崇川区's."),
    Correction("320611", PEOPLE_2020, until="2020-07",
               note="Merged with the old 崇川区 into the new 崇川区 (320613) in July 2020; its "
                    "code is no longer in use."),
    Correction("320684", PEOPLE_2020, new_adcode="320614", new_name="海门区",
               new_level="district", aliases=("海门市",),
               note="The county-level city 海门市 (320684) became this district in July 2020."),
    # Nantong: 海安县 is now the county-level city 海安市 (code as in GB/T 2260 today).
    Correction("320621", GBT, new_adcode="320685", new_name="海安市",
               new_level="county-level-city", aliases=("海安县",),
               note="The cpca table still lists it as 海安县 (320621)."),
    # Ningbo, 2016 (浙江日报): 江东区 abolished into 鄞州区; 奉化市 became 奉化区.
    Correction("330204", ZJRB_2016, drop=True),
    Correction("330212", ZJRB_2016, aliases=("江东区",),
               note="Took in the whole of 江东区 when that district was abolished in 2016, and "
                    "passed several of its towns to 海曙区."),
    Correction("330283", ZJRB_2016, new_adcode="330213", new_name="奉化区",
               new_level="district", aliases=("奉化市",),
               note="The county-level city 奉化市 (330283) became this district in 2016."),
    # Sanming, February 2021 (中新网, on the Fujian government's approval): 梅列区 and 三元区
    # merged into a new 三元区 seated in 列东街道 (old 梅列's seat); 沙县 became 沙县区.
    # New codes as in GB/T 2260 today.
    Correction("350403", CHINANEWS_2021, new_adcode="350404", aliases=("梅列区",),
               centre_from="350402",
               note="Formed in February 2021 from the old 三元区 (350403) and 梅列区, which ended "
                    "then; seated in 列东街道, so its centre is the old 梅列区's."),
    Correction("350402", CHINANEWS_2021, until="2021-02",
               note="Merged with the old 三元区 into the new 三元区 (350404) in February 2021; "
                    "its code is no longer in use."),
    Correction("350427", CHINANEWS_2021, new_adcode="350405", new_name="沙县区",
               new_level="district", aliases=("沙县",),
               note="The county 沙县 (350427) became this district in February 2021."),
)

# Abbreviations and old spellings the curated data gave these places before the table did.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "320200": ("锡",), "320400": ("常",), "330400": ("嘉",), "330200": ("甬", "Ningpo"),
    "330000": ("浙", "Zhejiang Province"), "310151": ("崇明岛",),
    "320612": ("Tongzhou",),
    # its English name, so that "Gangzha" names the former unit as well as 崇川区 (which holds
    # 港闸 as an alias); the committed table had it, this script did not
    "320611": ("Gangzha", "Gangzha District"),
    "331127": ("Jingning She Autonomous County",),  # its official English name
}

# Centres as the cpca table gives them: a check that the right file was read.
KNOWN_CENTRES = {"320583": (120.980736, 31.385597), "320600": (120.894676, 31.981143)}


# --- step 1: cpca -> table ---------------------------------------------------------------------

def find_cpca(hint: Path | None) -> tuple[Path, str, str]:
    """cpca's adcodes.csv, its version and its licence (read from the installed metadata)."""
    roots: list[Path] = []
    if hint is not None:
        roots += [hint, *hint.glob("lib/python*/site-packages")]
    roots += [Path(p) for p in sys.path if p]
    roots += list(Path("/tmp/cpca-venv").glob("lib/python*/site-packages"))
    for root in roots:
        table = root / "cpca" / "resources" / "adcodes.csv"
        if table.is_file():
            version, licence = "unknown", "unknown"
            for meta in sorted(root.glob("cpca-*.dist-info/METADATA")):
                text = meta.read_text(encoding="utf-8")
                version = re.search(r"^Version: (.+)$", text, re.M).group(1).strip()
                licence = re.search(r"^License: (.+)$", text, re.M).group(1).strip()
            return table, version, licence
    raise SystemExit("cpca's resources/adcodes.csv not found: install cpca into a venv "
                     "(see this script's docstring) and pass --cpca VENV")


def _level_of(code: str, name: str) -> str:
    if code == MUNICIPALITY:
        return "municipality"
    if code in PROVINCES:
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return LEVEL_BY_SUFFIX[name[-1]]


def _parent_of(code: str) -> str:
    if code in PROVINCES or code == MUNICIPALITY:
        return ""
    if code[:2] == MUNICIPALITY[:2]:
        return MUNICIPALITY
    if code.endswith("00"):
        return code[:2] + "0000"
    return code[:4] + "00"


def select_rows(cpca_csv: Path) -> list[dict[str, str]]:
    """The rows of the nine cities and the two provinces, as cpca has them (six-digit codes)."""
    wanted_prefixes = {c[:4] for c in PREFECTURES} | {MUNICIPALITY[:3] + "1"}  # 3101: its districts
    rows: list[dict[str, str]] = []
    with cpca_csv.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            code = rec["adcode"][:6]
            if rec["adcode"][6:].strip("0") or rec["name"] == "市辖区":
                continue  # below county level, or a "municipal districts" placeholder
            if not (code in PROVINCES or code == MUNICIPALITY or code[:4] in wanted_prefixes):
                continue
            rows.append({"adcode": code, "name": rec["name"], "lon": rec["longitude"],
                         "lat": rec["latitude"]})
    return rows


def correct(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The cpca rows with CORRECTIONS and EXTRA_ALIASES applied, as table rows."""
    by_code = {r["adcode"]: r for r in rows}
    for fix in CORRECTIONS:
        if fix.adcode not in by_code:
            raise SystemExit(f"correction for {fix.adcode}: no such row in the cpca table")
    out: list[dict[str, str]] = []
    fixes = {fix.adcode: fix for fix in CORRECTIONS}
    for row in rows:
        fix = fixes.get(row["adcode"])
        if fix is not None and fix.drop:
            continue
        name = fix.new_name if fix and fix.new_name else row["name"]
        code = fix.new_adcode if fix and fix.new_adcode else row["adcode"]
        level = fix.new_level if fix and fix.new_level else _level_of(row["adcode"], row["name"])
        aliases = (fix.aliases if fix else ()) + EXTRA_ALIASES.get(row["adcode"], ())
        centre = by_code[fix.centre_from] if fix and fix.centre_from else row
        out.append({
            "adcode": code, "name": name, "level": level, "parent_adcode": _parent_of(code),
            "lon": centre["lon"], "lat": centre["lat"], "until": fix.until if fix else "",
            "aliases": "|".join(aliases), "source": fix.source if fix else "",
            "note": fix.note if fix else "",
        })
    out.sort(key=lambda r: r["adcode"])
    for code, (lon, lat) in KNOWN_CENTRES.items():
        row = next(r for r in out if r["adcode"] == code)
        assert (float(row["lon"]), float(row["lat"])) == (lon, lat), row
    return out


def table_text(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


# --- step 2: table -> YAML ---------------------------------------------------------------------

def _other_files(data: Path):
    """(path relative to the repository, parsed document) of every YAML file but the output."""
    for path in sorted(data.rglob("*.yaml")):
        if path.resolve() == OUTPUT.resolve():
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        yield path.relative_to(data.parent).as_posix(), doc


def _other_places(data: Path) -> dict[str, dict]:
    """City and Region entities that data files other than the generated one define."""
    out: dict[str, dict] = {}
    for name, doc in _other_files(data):
        for item in doc.get("entities") or []:
            if str(item.get("id", "")).split(":")[0] in ("city", "region"):
                out[item["id"]] = {**item, "_file": name}
    return out


def _other_located_in(data: Path) -> dict[tuple[str, str, str, str], str]:
    """LOCATED_IN relations that data files other than the generated one state (key -> file)."""
    out: dict[tuple[str, str, str, str], str] = {}
    for name, doc in _other_files(data):
        for item in doc.get("relations") or []:
            if isinstance(item, dict) and item.get("type") == "LOCATED_IN":
                out.setdefault(("LOCATED_IN", str(item.get("from")), str(item.get("to")),
                                str(item.get("source"))), name)
    return out


def _same_place(item: dict, rows: list[dict[str, str]]) -> bool:
    for row in rows:
        if item.get("adcode") is not None and str(item["adcode"]) == row["adcode"]:
            return True
        if item.get("adcode") is None and item.get("name") in (row["name"],
                                                                short_name(row["name"])):
            return True
    return False


def plan(table: Path, data: Path) -> tuple[list, list, dict[str, str], dict[tuple, str]]:
    """Entities to write, relations to write, the ids skipped (id -> defining file) and the
    relations skipped because another file states them already (key -> that file)."""
    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    others = _other_places(data)
    taken = {i for i, item in others.items() if not _same_place(item, rows)}
    entities, relations = read_adcode_table(table, taken=taken)
    skipped = {e.id: others[e.id]["_file"] for e in entities if e.id in others}
    elsewhere = _other_located_in(data)
    stated = {r.key: elsewhere[r.key] for r in relations if r.key in elsewhere}
    return ([e for e in entities if e.id not in skipped],
            [r for r in relations if r.key not in stated], skipped, stated)


def _scalar(value: object) -> str:
    """One value in YAML flow style; codes and dates always as quoted strings."""
    if isinstance(value, str) and re.fullmatch(r"[0-9][0-9-]*", value):
        return json.dumps(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20,
                          sort_keys=False)
    return text.removesuffix("\n").removesuffix("\n...").strip()


ENTITY_KEYS = ("id", "name", "name_en", "aliases", "description", "kind", "level", "adcode",
               "lon", "lat", "parent", "until", "source", "confidence")


def yaml_text(table: Path, data: Path) -> str:
    entities, relations, skipped, stated = plan(table, data)
    lines = [
        "# GENERATED by scripts/build_places.py from data/places/adcodes.csv.txt: do not edit.",
        "# Change the corrections in the script (or the table) and run",
        "#     PYTHONPATH=$PWD python scripts/build_places.py --yaml-only",
        "# Names, levels and centres: source:cpca-adcodes (data/places/README.md); containment:",
        "# source:gbt-2260 (the codes); later changes: the sources named on each entity.",
        "# Defined elsewhere, so left out here (their relations are kept):",
    ]
    lines += [f"#   {i} ({f})" for i, f in sorted(skipped.items())]
    if stated:
        lines.append("# Relations stated elsewhere with the same source, so left out here:")
        lines += [f"#   {k[1]} LOCATED_IN {k[2]} ({f})" for k, f in sorted(stated.items())]
    lines.append("entities:")
    for entity in entities:
        fields = {"id": entity.id, "name": entity.name, "name_en": entity.name_en,
                  "aliases": list(entity.aliases), "description": entity.description,
                  **{k: v for k, v in entity.props.items() if k != "pinyin"}}
        unknown = set(fields) - set(ENTITY_KEYS)
        assert not unknown, unknown
        first = True
        for key in ENTITY_KEYS:
            if key in fields and fields[key] not in ("", [], None):
                lines.append(f"{'  - ' if first else '    '}{key}: {_scalar(fields[key])}")
                first = False
    lines.append("relations:")
    for rel in relations:
        item = {"type": rel.type, "from": rel.start, "to": rel.end, "source": rel.source,
                "confidence": rel.confidence, **rel.props}
        lines.append(f"  - {_scalar(item)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpca", type=Path, help="the venv (or site-packages) holding cpca")
    parser.add_argument("--yaml-only", action="store_true",
                        help="only regenerate the YAML from the committed table")
    args = parser.parse_args(argv)
    if not args.yaml_only:
        cpca_csv, version, licence = find_cpca(args.cpca)
        rows = correct(select_rows(cpca_csv))
        TABLE.write_text(table_text(rows), encoding="utf-8")
        print(f"{TABLE.relative_to(ROOT)}: {len(rows)} rows from cpca {version} ({licence})")
    OUTPUT.write_text(yaml_text(TABLE, ROOT / "data"), encoding="utf-8")
    entities, relations, skipped, stated = plan(TABLE, ROOT / "data")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(entities)} entities, {len(relations)} relations; "
          f"skipped (defined elsewhere): {', '.join(sorted(skipped)) or 'none'}; "
          f"relations stated elsewhere: {len(stated)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
