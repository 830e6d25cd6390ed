"""Two CSV tables, nodes and edges, UTF-8, lists joined with "|" (as `estuary load` reads).

Cells are safe to open in a spreadsheet: a cell that Excel or LibreOffice would run as a
formula (it starts with =, +, -, @, a tab or a carriage return, and is not a plain number)
gets a leading apostrophe, which spreadsheets show as text and `estuary load` removes again.
Control and bidi characters are written visibly escaped (estuary.output.sanitize).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from estuary.output.export.records import (
    EDGE_COLUMNS,
    LIST_SEPARATOR,
    NODE_COLUMNS,
    edge_record,
    node_record,
)
from estuary.output.sanitize import clean
from graph.model import Subgraph, sort_relations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def neutralise(text: str) -> str:
    """The cell as text a spreadsheet will not evaluate (a leading apostrophe if needed)."""
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _cell(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        text = LIST_SEPARATOR.join(str(v) for v in value)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = "" if value is None else str(value)
    return neutralise(clean(text))


def _table(records: list[dict[str, Any]], first: tuple[str, ...]) -> str:
    extra = sorted({k for rec in records for k in rec} - set(first))
    columns = [*first, *extra]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for rec in records:
        writer.writerow([_cell(rec.get(c)) for c in columns])
    return buf.getvalue()


def texts(sg: Subgraph, selection: str = "") -> dict[str, str]:
    """The nodes table and the edges table."""
    return {"nodes": _table([node_record(e) for e in sg.nodes], NODE_COLUMNS),
            "edges": _table([edge_record(r) for r in sort_relations(list(sg.edges))],
                            EDGE_COLUMNS)}


def paths(out: Path | str) -> tuple[Path, Path]:
    """PATH-nodes.csv and PATH-edges.csv, or nodes.csv and edges.csv inside a directory.

    PATH is a directory if it is one already, or if it is written with a trailing slash.
    """
    text = str(out)
    out = Path(out)
    if out.is_dir() or text.endswith(("/", "\\")):
        return out / "nodes.csv", out / "edges.csv"
    base = out.with_suffix("") if out.suffix.lower() == ".csv" else out
    return (base.with_name(base.name + "-nodes.csv"), base.with_name(base.name + "-edges.csv"))
