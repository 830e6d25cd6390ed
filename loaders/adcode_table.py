"""An administrative-division table (CSV) -> City entities and LOCATED_IN relations.

The table is `data/places/adcodes.csv.txt`, written by `scripts/build_places.py` from the
cpca package's `adcodes.csv` with the later changes applied. One row per unit:

    adcode,name,level,parent_adcode,lon,lat,until,aliases,source,note

- adcode: the six-digit GB/T 2260 code; name: the official name (昆山市);
- level: province, municipality, prefecture, district, county or county-level-city;
- parent_adcode: the unit it lies in (empty only for provinces and municipalities);
- lon, lat: the centre, decimal degrees; until: when a former unit ended (YYYY[-MM[-DD]]);
- aliases: extra names separated by `|` (former names, common abbreviations);
- source: the Source id for the row when it is not the table itself (a correction's source);
- note: a sentence on the row's correction, kept in the description.

Provinces become Region entities (kind province); every other row a City. Provinces and
cities are named by their short names (舟山, 浙江: the official name is an alias), as the article
layer names 南通 and 江苏; county-level units by their official names (昆山市). Ids follow the
dataset's rule: `city:<pinyin of the name without 市/区/县/新区>`, or `city:<parent>-<slug>` where
that slug is shared by two rows of the table or already taken by another entity; a few ids are
pinned by adcode so that existing ids never change. A unit with `until` keeps its full name but
not its short one: that passes to the unit that lists the full name among its aliases (its
successor), which also gets a LOCATED_IN from the former unit, dated `since`.

Every problem is reported as a LoadError naming file, line and column, all of them together in
one ValidationFailed, as the bundle reader does.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from graph.model import Entity, Relation
from graph.names import lookup_keys, pinyin
from graph.schema import ID_PATTERN
from loaders.adcode_names import (
    ID_PINS,
    NO_SHORT_ALIAS,
    QUALIFIED,
    english_of,
    short_name,
    slug_of,
)
from loaders.errors import LoadError, ValidationFailed
from loaders.reading import InputError, decode

REQUIRED_COLUMNS = ("adcode", "name", "level", "parent_adcode", "lon", "lat")
OPTIONAL_COLUMNS = ("until", "aliases", "source", "note")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

TABLE_SOURCE = "source:cpca-adcodes"  # names, levels and centres of the rows
CODE_SOURCE = "source:gbt-2260"  # containment, which the codes themselves state
MAX_ERRORS = 50

LEVELS = ("province", "municipality", "prefecture", "district", "county", "county-level-city")
TOP_LEVELS = ("province", "municipality")
COUNTY_LEVELS = ("district", "county", "county-level-city")
LEVEL_EN = {"district": "District", "county": "County"}
LEVEL_DESCRIPTION = {
    "municipality": "Municipality", "prefecture": "Prefecture-level city",
    "district": "District", "county": "County", "county-level-city": "County-level city",
}

# The mainland's extent, with a margin: a centre outside it is a typo (or swapped lon/lat).
LON_RANGE = (73.0, 136.0)
LAT_RANGE = (3.0, 54.0)

_ADCODE = re.compile(r"^[1-9][0-9]{5}$")
_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
_ADMIN_CHARS = re.compile("[省市区县]")


@dataclass(frozen=True)
class Row:
    line: int
    adcode: str
    name: str
    level: str
    parent: str
    lon: float
    lat: float
    until: str
    aliases: tuple[str, ...]
    source: str
    note: str


class _Errors:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[LoadError] = []

    def add(self, line: int | None, column: str | None, message: str) -> None:
        self.items.append(LoadError(self.path, line, column, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationFailed(self.items[:MAX_ERRORS], total=len(self.items))


def _number(errors: _Errors, line: int, column: str, text: str,
            bounds: tuple[float, float]) -> float | None:
    if not text:
        errors.add(line, column, "required: a number in decimal degrees")
        return None
    try:
        value = float(text)
    except ValueError:
        errors.add(line, column, f"not a number (got {text!r})")
        return None
    if not math.isfinite(value) or not bounds[0] <= value <= bounds[1]:
        errors.add(line, column, f"out of range {bounds[0]:g}..{bounds[1]:g} (got {text!r})")
        return None
    return value


def _parse(path: Path, errors: _Errors) -> list[Row]:
    try:
        text = decode(path)
    except InputError as exc:
        errors.items.append(exc.error)
        return []
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if not header:
        errors.add(1, None, "empty table: expected a header row " + ",".join(REQUIRED_COLUMNS))
        return []
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if missing:
        errors.add(1, None, f"header lacks column(s) {', '.join(missing)}; expected "
                   + ",".join(COLUMNS))
    if unknown:
        errors.add(1, unknown[0], f"unknown column; allowed: {', '.join(COLUMNS)}")
    if repeated:
        errors.add(1, None, f"header names a column twice: {', '.join(repeated)}")
    if missing or unknown or repeated:
        return []
    rows: list[Row] = []
    line = 2
    try:
        for raw in reader:
            if None in raw:
                errors.add(line, None, "more cells than header columns")
            cell = {c: (raw.get(c) or "").strip() for c in COLUMNS}
            row = _row(errors, line, cell)
            if row is not None:
                rows.append(row)
            line = reader.line_num + 1
    except csv.Error as exc:
        errors.add(reader.line_num, None, f"CSV error: {exc}")
    return rows


def _row(errors: _Errors, line: int, cell: dict[str, str]) -> Row | None:
    before = len(errors.items)
    adcode, name, level, parent = cell["adcode"], cell["name"], cell["level"], cell["parent_adcode"]
    if not _ADCODE.match(adcode):
        errors.add(line, "adcode", f"not a six-digit administrative code (got {adcode!r})")
    if not name:
        errors.add(line, "name", "required: the unit's official name")
    if level not in LEVELS:
        errors.add(line, "level", f"unknown level {level!r}; allowed: {', '.join(LEVELS)}")
    elif _ADCODE.match(adcode):
        shape = ("top" if adcode.endswith("0000") else
                 "prefecture" if adcode.endswith("00") else "county")
        expected = {"top": TOP_LEVELS, "prefecture": ("prefecture",), "county": COUNTY_LEVELS}
        if level not in expected[shape]:
            errors.add(line, "level", f"{level!r} does not fit code {adcode} "
                       f"(expected {' or '.join(expected[shape])})")
    if level in TOP_LEVELS and parent:
        errors.add(line, "parent_adcode", f"a {level} has no parent (got {parent!r})")
    elif level in LEVELS and level not in TOP_LEVELS and not _ADCODE.match(parent):
        errors.add(line, "parent_adcode",
                   f"not a six-digit administrative code (got {parent!r})")
    lon = _number(errors, line, "lon", cell["lon"], LON_RANGE)
    lat = _number(errors, line, "lat", cell["lat"], LAT_RANGE)
    if cell["until"] and not _DATE.match(cell["until"]):
        errors.add(line, "until", f"expected YYYY, YYYY-MM or YYYY-MM-DD (got {cell['until']!r})")
    if cell["source"] and not (re.match(ID_PATTERN, cell["source"])
                               and cell["source"].startswith("source:")):
        errors.add(line, "source", f"expected a source id such as source:gbt-2260 "
                   f"(got {cell['source']!r})")
    aliases = tuple(a.strip() for a in cell["aliases"].split("|") if a.strip())
    if len(errors.items) > before or lon is None or lat is None:
        return None
    return Row(line, adcode, name, level, parent, lon, lat, cell["until"], aliases,
               cell["source"], cell["note"])


def _check_parents(rows: list[Row], errors: _Errors) -> dict[str, Row]:
    by_code: dict[str, Row] = {}
    for row in rows:
        if row.adcode in by_code:
            errors.add(row.line, "adcode",
                       f"duplicate code {row.adcode} (first at line {by_code[row.adcode].line})")
        else:
            by_code[row.adcode] = row
    for row in rows:
        if row.level in TOP_LEVELS:
            continue
        parent = by_code.get(row.parent)
        if parent is None:
            errors.add(row.line, "parent_adcode", f"unknown parent {row.parent}: no row has "
                       "that code")
            continue
        wanted = ("province",) if row.level == "prefecture" else ("municipality", "prefecture")
        if parent.level not in wanted:
            errors.add(row.line, "parent_adcode", f"a {row.level} lies in a "
                       f"{' or '.join(wanted)}, not in {parent.name} ({parent.level})")
        elif not row.adcode.startswith(parent.adcode[: 2 if parent.level in TOP_LEVELS else 4]):
            errors.add(row.line, "parent_adcode",
                       f"code {row.adcode} does not start with its parent's {parent.adcode}")
    return by_code


def _ids(rows: list[Row], taken: Collection[str], errors: _Errors
         ) -> tuple[dict[str, str], set[str]]:
    """Each row's id, and the codes whose id got the parent's slug in front."""
    slugs = {row.adcode: slug_of(row.name) for row in rows}
    counts = Counter(slugs[r.adcode] for r in rows if r.level != "province")
    ids: dict[str, str] = {}
    prefixed: set[str] = set()
    for row in rows:
        prefix = "region" if row.level == "province" else "city"
        slug = slugs[row.adcode]
        if not slug:
            errors.add(row.line, "name", f"no pinyin for {row.name!r}: cannot make an id")
            continue
        entity_id = f"{prefix}:{slug}"
        if prefix == "city" and (counts[slug] > 1 or entity_id in taken
                                 or row.adcode in QUALIFIED):
            entity_id = f"city:{slugs[row.parent]}-{slug}"
            prefixed.add(row.adcode)
        ids[row.adcode] = ID_PINS.get(row.adcode, entity_id)
    seen: dict[str, Row] = {}
    for row in rows:
        entity_id = ids.get(row.adcode)
        if entity_id is None:
            continue
        if entity_id in seen:
            errors.add(row.line, "name", f"id {entity_id} is also made for line "
                       f"{seen[entity_id].line}: pin one in ID_PINS")
        seen[entity_id] = row
        if entity_id in taken:
            errors.add(row.line, "name", f"id {entity_id} is already taken by another place")
    return ids, prefixed


def _entity(row: Row, by_code: dict[str, Row], ids: dict[str, str], prefixed: set[str],
            merged: set[str]) -> Entity:
    parent = by_code.get(row.parent)
    county = row.level in COUNTY_LEVELS
    short = short_name(row.name)
    english = english_of(row.name)

    name_en = english + (f" {LEVEL_EN[row.level]}" if row.level in LEVEL_EN else "")
    if row.adcode in prefixed and parent is not None:
        name_en += f" ({english_of(parent.name)})"  # two units share the short name
    if row.until:
        name_en += " (former)"

    # Provinces and cities go by their short names (南通, 江苏), as the article layer names
    # them; county-level units by their official ones (昆山市, 崇川区).
    name = row.name if county else short
    aliases: list[str] = [row.name]
    if row.adcode not in merged:  # a merged unit's short names are its successor's
        if row.adcode not in NO_SHORT_ALIAS:
            aliases.append(short)
        if county and parent is not None:
            aliases.append(short_name(parent.name) + short)  # 苏州昆山, 上海普陀
        if row.level in LEVEL_EN:
            if row.adcode not in NO_SHORT_ALIAS:
                aliases.append(english)  # Chongchuan
        elif row.level != "province":
            aliases.append(f"{english} City")  # Kunshan City
    for alias in row.aliases:
        aliases.append(alias)
        if short_name(alias) != alias and not _ADMIN_CHARS.search(short_name(alias)):
            aliases.append(short_name(alias))  # 港闸区 -> 港闸, not 南通市通州区 -> 南通市通州
    aliases = list(dict.fromkeys(a for a in aliases if a and a != name))

    if row.level == "province":
        description = f"Province; code {row.adcode}."
    else:
        kind = LEVEL_DESCRIPTION[row.level]
        if row.until:
            kind = "Former " + kind[0].lower() + kind[1:]
        where = f" of {parent.name}" if parent is not None else ""
        description = f"{kind}{where}; code {row.adcode}."
    if row.note:
        description += " " + row.note

    props: dict[str, object] = {}
    if row.level == "province":
        props["kind"] = "province"
    else:
        props["level"] = row.level
        props["adcode"] = row.adcode
    props["lon"] = row.lon
    props["lat"] = row.lat
    if parent is not None and parent.level != "province":
        props["parent"] = ids[parent.adcode]
    if row.until:
        props["until"] = row.until
    props["source"] = row.source or TABLE_SOURCE
    props["confidence"] = "high"
    if (py := pinyin(name)):
        props["pinyin"] = py  # as the bundle reader adds it
    label = "Region" if row.level == "province" else "City"
    return Entity(id=ids[row.adcode], label=label, name=name, name_en=name_en,
                  aliases=tuple(aliases), description=description, props=props,
                  keys=tuple(lookup_keys(name, name_en, aliases)))


def read_adcode_table(path: Path, *, taken: Collection[str] = ()
                      ) -> tuple[list[Entity], list[Relation]]:
    """Entities (sorted by id) and LOCATED_IN relations (sorted by key) of an adcode table.

    `taken` names ids that other entities already use for other places: a row whose id would
    be one of them gets its parent's slug in front. Raises ValidationFailed listing every
    problem as file:line: column: message."""
    errors = _Errors(path)
    rows = _parse(path, errors)
    by_code = _check_parents(rows, errors)
    errors.raise_if_any()
    ids, prefixed = _ids(rows, frozenset(taken), errors)
    errors.raise_if_any()

    former = {row.name: row for row in rows if row.until}
    successor_of: dict[str, Row] = {}  # former adcode -> the row that lists its name
    for row in rows:
        for alias in row.aliases:
            if alias in former and former[alias].adcode != row.adcode:
                successor_of[former[alias].adcode] = row
    entities = [_entity(row, by_code, ids, prefixed, set(successor_of)) for row in rows]
    relations: list[Relation] = []
    for row in rows:
        parent = by_code.get(row.parent)
        if parent is None:
            continue
        props = {"until": row.until} if row.until else {}
        relations.append(Relation("LOCATED_IN", ids[row.adcode], ids[parent.adcode],
                                  CODE_SOURCE, confidence="high", props=props))
        if (heir := successor_of.get(row.adcode)) is not None:
            relations.append(Relation(
                "LOCATED_IN", ids[row.adcode], ids[heir.adcode], heir.source or TABLE_SOURCE,
                confidence="high",
                props={"since": row.until,
                       "note": f"{row.name} was merged into {heir.name}; its area lies there."}))
    entities.sort(key=lambda e: e.id)
    relations.sort(key=lambda r: r.key)
    return entities, relations
