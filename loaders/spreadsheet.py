"""Reading spreadsheets: .xlsx workbooks (openpyxl, read-only) and CSV tables in any encoding
Excel writes (UTF-8, UTF-8 with BOM, GBK/GB18030), bounded like every other input.

An .xlsx is a zip of XML: it is checked before openpyxl sees it (a zip at all, not encrypted,
not a zip bomb, no merged cells), and read as values only, row by row, so a big sheet is never
held whole and nothing in it is evaluated.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.limits import DEFAULT_LIMITS
from loaders.errors import LoadError
from loaders.reading import InputError, LineDict, parse_csv
from loaders.sheets import Table, tables_document

# The XML inside an .xlsx may be far bigger than the file (it compresses ~10x); more than this
# unpacked is a zip bomb, not a sheet.
MAX_UNZIPPED = 400 * 1024 * 1024
MAX_ROWS = max(DEFAULT_LIMITS.entities_per_file, DEFAULT_LIMITS.relations_per_file)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+)(?::([A-Z]+[0-9]+))?"')
_CELL = re.compile(r"([A-Z]+)([0-9]+)")
# Sheets whose name starts with # are notes (the templates' column descriptions): not read.
NOTE_SHEET = "#"


def _refuse(path: Path, message: str) -> InputError:
    return InputError(LoadError(path, None, None, message))


def _check_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    if data.startswith(_OLE_MAGIC):
        raise _refuse(path, "is an encrypted (password-protected) workbook or an old .xls: "
                      "save it in Excel as .xlsx without a password")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(path, "is not a readable .xlsx workbook (corrupt or not a zip): open "
                      "it in Excel and save it again") from None
    if sum(i.file_size for i in infos) > MAX_UNZIPPED:
        raise _refuse(path, f"unpacks to more than {MAX_UNZIPPED} bytes: not a sheet estuary "
                      "reads; split it")
    if "xl/workbook.xml" not in zf.namelist():
        raise _refuse(path, "is not an .xlsx workbook (no xl/workbook.xml): save it as .xlsx")
    return zf


def _merged(zf: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """The first merged range of each worksheet XML part that has one (part -> (from, to))."""
    found: dict[str, tuple[str, str]] = {}
    for name in zf.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        tail = b""
        with zf.open(name) as fh:
            while chunk := fh.read(1 << 20):
                match = _MERGE.search(tail + chunk)
                if match:
                    found[name] = (match.group(1).decode(),
                                   (match.group(2) or match.group(1)).decode())
                    break
                tail = chunk[-200:]
    return found


def _rows(ws: Any) -> Iterator[tuple[int, list[Any]]]:
    start = ws.min_row or 1
    for offset, values in enumerate(ws.iter_rows(values_only=True)):
        yield start + offset, list(values)


def parse_xlsx(path: Path, data: bytes) -> LineDict:
    """Every sheet of a workbook (but #notes) as one document of entities and relations."""
    zf = _check_zip(path, data)
    merged = _merged(zf)
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _refuse(path, f"is not a readable .xlsx workbook ({type(exc).__name__}): open "
                      "it in Excel and save it again") from None
    notes: list[str] = []
    tables: list[Table] = []
    try:
        parts = _sheet_parts(zf)
        for ws in wb.worksheets:
            if ws.title.startswith(NOTE_SHEET):
                continue
            part = parts.get(ws.title)
            if part in merged:
                first, last = merged[part]
                cell = _CELL.match(first)
                row, col = (int(cell.group(2)), cell.group(1)) if cell else (None, None)
                raise InputError(LoadError(
                    path, row, None, f"sheet {ws.title!r} has merged cells ({first}:{last}): "
                    "unmerge them and write the value in every row", col))
            rows = (ws.max_row or 0) - (ws.min_row or 1) + 1
            if rows > MAX_ROWS + 1:
                raise InputError(LoadError(
                    path, None, None, f"sheet {ws.title!r} has {rows} rows, more than the "
                    f"limit of {MAX_ROWS}: split it into several files"))
            tables.append(Table(ws.title, _rows(ws)))
        doc = tables_document(path, tables, max_rows=MAX_ROWS, notes=notes)
    finally:
        wb.close()
    doc.notes = notes  # type: ignore[attr-defined]
    return doc


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet title -> the zip part holding its XML (from the workbook's relationships)."""
    workbook = zf.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace") if (
        "xl/_rels/workbook.xml.rels" in zf.namelist()) else ""
    targets = {m.group(1): m.group(2) for m in re.finditer(
        r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels)}
    targets.update({m.group(2): m.group(1) for m in re.finditer(
        r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out: dict[str, str] = {}
    import html

    for m in re.finditer(r'<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"', workbook):
        target = targets.get(m.group(2), "")
        target = target.lstrip("/")
        out[html.unescape(m.group(1))] = target if target.startswith("xl/") else f"xl/{target}"
    return out


def decode_table(path: Path, raw: bytes) -> tuple[str, str]:
    """A CSV's text and the encoding it was read in: UTF-8 (with or without BOM), else
    GBK/GB18030 (what Excel saves as "CSV" on a Chinese Windows)."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(LoadError(path, line, None,
                                   "binary data (NUL byte): expected a CSV text file"))
    try:
        return raw.decode("utf-8-sig"), ("UTF-8 with BOM" if raw.startswith(b"\xef\xbb\xbf")
                                         else "UTF-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return raw.decode("gb18030"), "GBK/GB18030"
    except UnicodeDecodeError:
        line = raw[: utf8_error.start].count(b"\n") + 1
        raise InputError(LoadError(path, line, None, f"neither UTF-8 nor GBK/GB18030 (byte "
                                   f"{utf8_error.start}): save it as CSV UTF-8")) from None


def _legacy(header: list[str]) -> bool:
    """A relation CSV as `estuary export` writes it (type,from,to,source,…): read as before;
    so is a header of one cell with ; or tabs in it, which that reader explains."""
    one_cell = len(header) == 1 and any(sep in header[0] for sep in ";\t")
    return ("type" in header and "from" in header) or one_cell


def parse_table_csv(path: Path, raw: bytes) -> LineDict:
    """A CSV: a relation table (type,from,to,… or 关系,起点,终点,…) or an entity table (名称,…)."""
    text, encoding = decode_table(path, raw)
    if not text.strip():
        raise _refuse(path, "file is empty: expected a header row")
    first = next(csv.reader(io.StringIO(text)), [])
    if _legacy([h.strip() for h in first]):
        doc = parse_csv(path, text)
        doc.ends_cleanly = text.endswith(("\n", "\r"))  # type: ignore[attr-defined]
        doc.notes = [f"{path.name}: read as {encoding}"] if (  # type: ignore[attr-defined]
            encoding == "GBK/GB18030") else []
        return doc
    notes = [f"{path.name}: read as {encoding}"] if encoding != "UTF-8" else []
    reader = csv.reader(io.StringIO(text), strict=True)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        line = 1
        try:
            for cells in reader:
                yield line, cells
                line = reader.line_num + 1
        except csv.Error as exc:
            raise InputError(LoadError(path, line, None, f"CSV error: {exc}")) from None

    doc = tables_document(path, [Table(path.stem, rows())], max_rows=MAX_ROWS, notes=notes)
    doc.notes = notes  # type: ignore[attr-defined]
    doc.ends_cleanly = True  # type: ignore[attr-defined]
    return doc
