"""Tables as analysts keep them (a sheet of parks, a sheet of relations) -> an input document.

A table's first row is its header; each header names one column of `COLUMNS` in Chinese or
English (docs/spreadsheets.md lists them). A table with 起点/from and 终点/to columns is a
relation table (one relation per row, per value of a multi-value cell); a table with a
名称/name column is an entity table (one entity per row, and one relation per value of its
所在地, 主导产业 and 共建方 cells). The result is the same LineDict document YAML gives, with the
row and column of every value, so the one validator checks both.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.names import normalize
from graph.schema import LABELS, REL_TYPES
from loaders.columns import COLUMNS, Column
from loaders.errors import LoadError
from loaders.reading import InputError, LineDict, LineList

# Cells holding several values split at these: 、 ， , ; ； (and line breaks), or at | only.
MULTI_SEPARATORS = re.compile(r"\s*[、，,;；\n]\s*")
DATE_TEXT = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$")


# Relation columns an entity row's relations take from the row.
_ROW_RELATION_KEYS = ("source", "evidence", "confidence", "since")


def _header_key(text: str) -> str:
    text = re.sub(r"[（(].*?[)）]", "", text)  # 面积(平方公里) -> 面积
    return normalize(text)


def _index(table: str) -> dict[str, Column]:
    return {_header_key(h): col for col in COLUMNS if table in col.tables for h in col.headers}


ENTITY_HEADERS = _index("entity")
RELATION_HEADERS = _index("relation")

# A relation type by its name or its Chinese name.
TYPE_NAMES = {**{normalize(t.zh): t.name for t in REL_TYPES.values()},
              **{normalize(t.name): t.name for t in REL_TYPES.values()}}
LABEL_NAMES = {**{normalize(lbl.zh): lbl.name for lbl in LABELS.values()},
               **{normalize(lbl.name): lbl.name for lbl in LABELS.values()},
               **{normalize(lbl.prefix): lbl.name for lbl in LABELS.values()}}


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


@dataclass
class Table:
    """One sheet: a name (the sheet's, or the file's for a CSV) and its rows, numbered."""

    name: str
    rows: Iterator[tuple[int, list[Any]]]


class _Row(LineDict):
    """A record from a sheet row: also the column (letter) and header of each key."""

    key_columns: dict[str, str]
    key_headers: dict[str, str]
    where: str
    # A relation made from an entity row: its subject (that row's record), at `subject_key`.
    subject: _Row | None = None
    subject_key: str = ""
    resolved_id: str | None = None  # an entity row's id, once the validator decides it


def _record(row: int, where: str) -> _Row:
    rec = _Row()
    rec.line, rec.key_lines, rec.key_columns, rec.key_headers = row, {}, {}, {}
    rec.where = where
    return rec


def _put(rec: _Row, key: str, value: Any, row: int, col: str, header: str) -> None:
    rec[key] = value
    rec.key_lines[key], rec.key_columns[key], rec.key_headers[key] = row, col, header


def _fail(path: Path, row: int, col: str | None, message: str) -> InputError:
    return InputError(LoadError(path, row, None, message, col))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date(path: Path, row: int, col: str, value: Any) -> str:
    if isinstance(value, dt.datetime):
        return (value.date().isoformat() if value.time() == dt.time() else value.isoformat())
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise _fail(path, row, col, f"expected a date, got {value!r}")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1000 <= value <= 2999:
            return str(int(value))  # a year typed as a number
        raise _fail(path, row, col, f"{value!r} looks like an Excel serial date number: format "
                    "the cell as text and write YYYY, YYYY-MM or YYYY-MM-DD")
    text = str(value).strip()
    if text.isdigit() and len(text) == 5:
        raise _fail(path, row, col, f"{text!r} looks like an Excel serial date number: "
                    "write the date as YYYY, YYYY-MM or YYYY-MM-DD")
    match = DATE_TEXT.match(text)
    if not match or "-" in text:
        return text  # as written: the schema keeps dates as text (e.g. "undated")
    year, month, day = match.groups()  # 2020/5/1, 2020年5月 -> 2020-05-01, 2020-05
    return "-".join([year] + [f"{int(p):02d}" for p in (month, day) if p])


def _text(path: Path, row: int, col: str, value: Any, column: Column) -> Any:
    if column.kind == "date":
        return _date(path, row, col, value)
    if isinstance(value, (dt.date, dt.datetime)):
        raise _fail(path, row, col, "a date in a column that is not one: format the cell as "
                    "text")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and column.kind != "number":
        return str(int(value))
    if isinstance(value, (int, float)):
        return value if column.kind == "number" else str(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]  # a cell `estuary export` neutralised
    if text.startswith("=") and len(text) > 1:
        raise _fail(path, row, col, f"formula {text[:40]!r}: paste the values instead "
                    "(estuary does not run formulas)")
    if column.kind == "number":
        try:
            return float(text)
        except ValueError:
            raise _fail(path, row, col, f"{text!r} is not a number") from None
    return text


def _values(text: Any, column: Column) -> list[Any]:
    """A multi-value cell's values: split at |, if it has one (as `estuary export` joins
    lists, whose items may hold 、), else at 、，, ; ；."""
    if column.multi and isinstance(text, str):
        if "|" in text:
            return [v.strip() for v in text.split("|") if v.strip()]
        return [v for v in MULTI_SEPARATORS.split(text) if v]
    return [text]


def _header(path: Path, table: Table) -> tuple[int, str, list[tuple[int, Column, str]],
                                                list[str]]:
    """The header row: the table's kind, the columns used (index, column, header) and the
    headers ignored."""
    for row, cells in table.rows:
        if all(_blank(c) for c in cells):
            continue
        headers = ["" if _blank(c) else str(c).strip() for c in cells]
        keys = {_header_key(h) for h in headers if h}
        kind = ("relation" if {"from", "to"} <= {RELATION_HEADERS[k].key for k in keys
                                                  if k in RELATION_HEADERS}
                else "entity" if any(ENTITY_HEADERS.get(k, None) and
                                     ENTITY_HEADERS[k].key == "name" for k in keys)
                else "")
        if not kind:
            raise _fail(path, row, None, f"sheet {table.name!r}: the header names neither an "
                        "entity table (a 名称/name column) nor a relation table (起点/from and "
                        "终点/to columns): see `estuary template` and docs/spreadsheets.md")
        index = ENTITY_HEADERS if kind == "entity" else RELATION_HEADERS
        used: list[tuple[int, Column, str]] = []
        ignored: list[str] = []
        seen: dict[str, str] = {}
        for i, header in enumerate(headers):
            col = column_letter(i)
            if not header:
                continue
            if header.startswith(("#", "_")):
                ignored.append(header)
                continue
            column = index.get(_header_key(header))
            if column is None:
                known = ", ".join(f"{c.headers[0]}/{c.headers[-1]}" for c in COLUMNS
                                  if kind in c.tables)
                raise _fail(path, row, col, f"unknown column {header!r} in the {kind} table "
                            f"{table.name!r}; known: {known} (start a header with # to have "
                            "the column ignored)")
            if column.key in seen:
                raise _fail(path, row, col, f"columns {seen[column.key]!r} and {header!r} "
                            "mean the same thing: keep one")
            seen[column.key] = header
            used.append((i, column, header))
        return row, kind, used, ignored
    raise _fail(path, 1, None, f"sheet {table.name!r} is empty: expected a header row")


def _entity_row(path: Path, where: str, row: int, cells: list[Any],
                used: list[tuple[int, Column, str]], entities: LineList,
                relations: LineList) -> None:
    rec = _record(row, where)
    shared: dict[str, tuple[Any, str, str]] = {}
    links: list[tuple[Column, list[Any], str, str]] = []
    for i, column, header in used:
        value = cells[i] if i < len(cells) else None
        if _blank(value):
            continue
        col = column_letter(i)
        text = _text(path, row, col, value, column)
        if column.key in _ROW_RELATION_KEYS:
            shared[column.key] = (text, col, header)
            if column.key in ("source", "confidence"):
                _put(rec, column.key, text, row, col, header)
        elif column.relation:
            links.append((column, _values(text, column), col, header))
        elif column.key == "label":
            label = LABEL_NAMES.get(normalize(str(text)))
            if label is None:
                raise _fail(path, row, col, f"unknown 类型/label {text!r}; one of "
                            + ", ".join(f"{lbl.zh}/{lbl.name}" for lbl in LABELS.values()))
            _put(rec, "label", label, row, col, header)
        else:
            _put(rec, column.key, _values(text, column) if column.multi else text,
                 row, col, header)
    if "name" not in rec:
        name_col = next((column_letter(i) for i, c, _ in used if c.key == "name"), None)
        raise _fail(path, row, name_col, "名称/name is empty: every row needs a name (delete "
                    "the row, or fill it)")
    entities.append(rec)
    for column, values, col, header in links:
        if "source" not in shared:
            raise _fail(path, row, col, f"{header} makes relations, so the row needs a "
                        "来源/source (a source:… id)")
        for value in values:
            rel = _record(row, where)
            _put(rel, "type", column.relation, row, col, header)
            far = "from" if column.relation == "CO_BUILDS" else "to"
            rel.subject, rel.subject_key = rec, ("to" if far == "from" else "from")
            _put(rel, far, value, row, col, header)
            for key, (text, kcol, kheader) in shared.items():
                _put(rel, key, text, row, kcol, kheader)
            relations.append(rel)


def _relation_row(path: Path, where: str, row: int, cells: list[Any],
                  used: list[tuple[int, Column, str]], relations: LineList) -> None:
    base = _record(row, where)
    ends: dict[str, tuple[list[Any], str, str]] = {}
    for i, column, header in used:
        value = cells[i] if i < len(cells) else None
        if _blank(value):
            continue
        col = column_letter(i)
        text = _text(path, row, col, value, column)
        if column.key in ("from", "to"):
            ends[column.key] = (_values(text, column), col, header)
        elif column.key == "type":
            name = TYPE_NAMES.get(normalize(str(text)))
            if name is None:
                raise _fail(path, row, col, f"unknown relationship type {text!r}; one of "
                            + ", ".join(f"{t.zh}/{t.name}" for t in REL_TYPES.values()))
            _put(base, "type", name, row, col, header)
        else:
            _put(base, column.key, text, row, col, header)
    for key in ("type", "from", "to"):
        if key not in base and key not in ends:
            col = next((column_letter(i) for i, c, _ in used if c.key == key), None)
            raise _fail(path, row, col, f"{key} is empty: every relation row needs a type, a "
                        "from and a to (delete the row, or fill it)")
    for start in ends["from"][0]:
        for end in ends["to"][0]:
            rel = _record(row, where)
            for key in base:
                _put(rel, key, base[key], row, base.key_columns[key], base.key_headers[key])
            _put(rel, "from", start, row, ends["from"][1], ends["from"][2])
            _put(rel, "to", end, row, ends["to"][1], ends["to"][2])
            relations.append(rel)


def tables_document(path: Path, tables: Iterable[Table], *, max_rows: int,
                    notes: list[str]) -> LineDict:
    """The document the tables of one file describe; `notes` gets what was used and ignored.

    Any problem raises an InputError at its row and column: a sheet is refused whole.
    """
    entities, relations = LineList(), LineList()
    entities.line = relations.line = 1
    for table in tables:
        _, kind, used, ignored = _header(path, table)
        blank: list[int] = []
        count = 0
        for row, cells in table.rows:
            if all(_blank(c) for c in cells):
                blank.append(row)
                continue
            count += 1
            if count > max_rows:
                raise _fail(path, row, None, f"sheet {table.name!r} has more than {max_rows} "
                            "rows: split it into several files")
            if kind == "entity":
                _entity_row(path, table.name, row, cells, used, entities, relations)
            else:
                _relation_row(path, table.name, row, cells, used, relations)
        said = f"{path.name} [{table.name}]: {kind} table, {count} row(s); columns used: " + (
            ", ".join(f"{h} ({c.key})" for _, c, h in used))
        if ignored:
            said += "; ignored: " + ", ".join(ignored)
        if blank:
            said += f"; {len(blank)} empty row(s) skipped"
        notes.append(said)
    doc = LineDict()
    doc.line, doc.key_lines = 1, {}
    if entities:
        doc["entities"], doc.key_lines["entities"] = entities, 1
    if relations:
        doc["relations"], doc.key_lines["relations"] = relations, 1
    return doc


_RUNS = re.compile(r"[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+")


def stable_id(label: str, name: str) -> str:
    """An id for an entity a sheet names without one: the label's prefix, a readable slug of
    the name (its pinyin, digits and Latin letters kept) and 10 hex digits of a digest of label
    and name, so the same row gets the same id on every load and two names with the same
    pinyin (or a million rows) do not collide."""
    import hashlib

    from graph.names import pinyin
    from graph.schema import LABELS

    # Han runs as pinyin (cached per run: names share runs such as 产业园), the rest as written
    readable = "".join(pinyin(run) or run for run in _RUNS.findall(name.lower()))
    slug = re.sub(r"[^a-z0-9]+", "-", readable).strip("-")[:48].strip("-") or "x"
    digest = hashlib.sha1(f"{label}|{normalize(name)}".encode()).hexdigest()[:10]
    return f"{LABELS[label].prefix}:{slug}-{digest}"
