"""An Excel workbook: entities, relations and sources sheets with readable headers.

Headers are those `estuary load` reads, Chinese with the property's own name in brackets
("名称 (name)"), so the workbook loads back unchanged; lists are joined with "|" (an alias may
hold 、). A cell Excel would run as a formula gets a leading apostrophe, as in the CSV export,
which the loader removes again. The bytes are returned as the one part "".
"""

from __future__ import annotations

import io
from typing import Any

from estuary.output.export.csv_format import neutralise
from estuary.output.export.records import LIST_SEPARATOR, edge_record, node_record
from estuary.output.sanitize import clean
from graph.model import Subgraph, sort_relations
from loaders.columns import COLUMNS

# Computed again on load (from the name): not a column of its own.
DERIVED = ("pinyin",)
ENTITY_FIRST = ("id", "label", "name", "name_en", "aliases", "description")
RELATION_FIRST = ("type", "from", "to", "source", "evidence", "confidence")


def _headers(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for column in COLUMNS:
        if table in column.tables and column.key not in out:
            out[column.key] = f"{column.headers[0]} ({column.key})"
    return out


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    text = "" if value is None else str(value)
    return neutralise(clean(text)) or None


def _sheet(wb: Any, title: str, records: list[dict[str, Any]], first: tuple[str, ...],
           headers: dict[str, str]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    keys = [*first, *sorted({k for r in records for k in r} - set(first) - set(DERIVED))]
    bold = Font(bold=True)
    header = []
    for k in keys:
        cell = WriteOnlyCell(ws, value=headers.get(k, k))
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for record in records:
        ws.append([_cell(record.get(k)) for k in keys])


def texts(sg: Subgraph, selection: str = "") -> dict[str, bytes]:  # type: ignore[override]
    """The workbook, as bytes: sheets 实体 entities, 关系 relations, 来源 sources."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    entity_headers = _headers("entity")
    nodes = [node_record(e) for e in sg.nodes]
    _sheet(wb, "实体 entities", [n for n in nodes if n["label"] != "Source"], ENTITY_FIRST,
           entity_headers)
    _sheet(wb, "关系 relations", [edge_record(r) for r in sort_relations(list(sg.edges))],
           RELATION_FIRST, _headers("relation"))
    _sheet(wb, "来源 sources", [n for n in nodes if n["label"] == "Source"], ENTITY_FIRST,
           entity_headers)
    buf = io.BytesIO()
    wb.save(buf)
    return {"": buf.getvalue()}
