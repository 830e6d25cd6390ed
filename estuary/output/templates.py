"""Ready-to-fill input files: `estuary template parks|industries|relations -o FILE.xlsx|.csv`.

Headers are those `estuary load` reads (loaders/columns.py::COLUMNS, Chinese first), with one
example row that loads as it stands (it restates a bundled fact, so loading a template unchanged
changes nothing); an .xlsx also gets a `#说明 columns` sheet describing every column (sheets whose
name starts with # are not read back).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from loaders.columns import Column

# kind -> (sheet name, column keys, the example row by key). The examples restate facts of
# the bundled data with its sources, so a template loads as it stands.
TEMPLATES: dict[str, tuple[str, tuple[str, ...], dict[str, str]]] = {
    "parks": ("园区 parks", (
        "name", "label", "name_en", "aliases", "kind", "established", "area_km2",
        "located_in", "industries", "co_builders", "source", "evidence", "confidence",
        "description"), {
        "name": "东江生物医药产业园", "label": "园区",
        "aliases": "东江生物医药园、Dongjiang biomedicine park",
        "kind": "paired-park", "area_km2": "5", "located_in": "启东",
        "source": "source:facts-whb-qidong-pudong-platforms", "confidence": "medium"}),
    "industries": ("产业 industries", (
        "name", "label", "name_en", "aliases", "level", "description", "source"), {
        "name": "集成电路", "label": "产业", "name_en": "Integrated circuits",
        "aliases": "芯片、IC"}),
    "relations": ("关系 relations", (
        "type", "from", "to", "source", "evidence", "confidence", "since", "until", "note",
        "role", "field"), {
        "type": "位于", "from": "东江生物医药产业园", "to": "启东",
        "source": "source:facts-whb-qidong-pudong-platforms", "confidence": "medium"}),
}
KINDS = tuple(TEMPLATES)


def _columns() -> dict[str, Column]:
    # Imported when a template is written: the CLI lists the kinds without the loaders.
    from loaders.columns import COLUMNS

    return {c.key: c for c in COLUMNS}


def _header(column: Column) -> str:
    return column.headers[0]


def rows(kind: str) -> tuple[str, list[str], list[str]]:
    """The sheet name, the header row and the example row of a template."""
    sheet, keys, example = TEMPLATES[kind]
    by_key = _columns()
    return sheet, [_header(by_key[k]) for k in keys], [example.get(k, "") for k in keys]


def describe(kind: str) -> list[list[str]]:
    """The rows of the column-description sheet: header, other names, meaning."""
    _, keys, _ = TEMPLATES[kind]
    by_key = _columns()
    out = [["列 column", "也可写作 also accepted", "含义 meaning"]]
    for key in keys:
        column = by_key[key]
        out.append([column.headers[0], " / ".join(column.headers[1:]), column.meaning])
    out.append(["#…", "", "A column whose header starts with # is ignored (your own notes)."])
    return out


def write_template(kind: str, out: Path) -> Path:
    """Write the template of `kind` to `out` (.xlsx or .csv, by its suffix)."""
    sheet, header, example = rows(kind)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        writer.writerow(example)
        # With a BOM, Excel opens the Chinese headers as UTF-8 (and estuary reads either).
        out.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
        return out
    if suffix != ".xlsx":
        raise ValueError(f"{out}: a template is .xlsx or .csv")
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    ws.append(example)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    notes = wb.create_sheet("#说明 columns")
    for row in describe(kind):
        notes.append(row)
    for cell in notes[1]:
        cell.font = Font(bold=True)
    wb.save(out)
    return out
