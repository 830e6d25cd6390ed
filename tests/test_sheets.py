"""Spreadsheets in: .xlsx and CSV tables of entities and relations, names as ends, stable ids,
and bad sheets refused at file:row:column with nothing loaded."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from estuary.cli import app

SOURCE = "source:facts-whb-qidong-pudong-platforms"
PARKS = [["名称", "类型", "所在地", "主导产业", "共建方", "来源", "日期", "#我的备注"],
         ["测试科创园", "园区", "南通", "新一代信息技术、高端装备", "苏州, 南通", SOURCE, "2021-05",
          "x"],
         ["Test Valley", "park", "Suzhou", "", "", SOURCE, "", ""]]


def xlsx(path: Path, sheets: dict[str, list[list[Any]]], *, merge: str | None = None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if merge:
            ws.merge_cells(merge)
    wb.save(path)
    return path


def validate(runner: CliRunner, *paths: Path) -> Any:
    return runner.invoke(app, ["validate", "--json", *map(str, paths)])


def errors(runner: CliRunner, path: Path, db: Path) -> list[str]:
    before = db.read_bytes()
    loaded = runner.invoke(app, ["load", str(path)])
    assert loaded.exit_code == 1, loaded.output
    assert "nothing was loaded" in loaded.stderr
    assert db.read_bytes() == before
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    return [line.removeprefix("Error: ") for line in result.stderr.splitlines()
            if line.startswith("Error: ")]


# -- what a sheet becomes ---------------------------------------------------------------------

def test_entity_sheet_makes_entities_and_a_relation_per_value(runner: CliRunner, db: Path,
                                                             tmp_path: Path) -> None:
    path = xlsx(tmp_path / "parks.xlsx", {"园区": PARKS})
    result = validate(runner, path)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert len(out["entities_created"]) == 2
    park = next(i for i in out["entities_created"] if i.startswith("park:ceshi"))
    rels = set(out["relations_created"])
    assert f"LOCATED_IN {park} city:nantong {SOURCE}" in rels
    assert f"HAS_INDUSTRY {park} industry:next-gen-it {SOURCE}" in rels
    assert f"HAS_INDUSTRY {park} industry:high-end-equipment {SOURCE}" in rels
    assert f"CO_BUILDS city:suzhou {park} {SOURCE}" in rels
    assert f"CO_BUILDS city:nantong {park} {SOURCE}" in rels
    assert len(rels) == 6  # and Test Valley LOCATED_IN Suzhou (by its English name)
    note = next(n for n in out["notes"] if "[园区]" in n)
    assert "名称 (name)" in note and "ignored: #我的备注" in note


def test_ids_made_from_label_and_name_are_the_same_on_every_load(
        runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "parks.xlsx", {"园区": PARKS})
    first = runner.invoke(app, ["load", "--json", str(path)])
    assert json.loads(first.stdout)["entities_created"] == 2
    again = xlsx(tmp_path / "again.xlsx", {"园区": PARKS})  # another file, the same rows
    second = runner.invoke(app, ["load", "--json", str(again)])
    assert second.exit_code == 0, second.output
    counts = json.loads(second.stdout)
    assert counts["entities_created"] == counts["relations_created"] == 0
    shown = runner.invoke(app, ["show", "测试科创园", "--json"])
    assert json.loads(shown.stdout)["entity"]["id"] == "park:ceshikechuangyuan-db65639339"


def test_relations_since_date_from_the_row(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "parks.xlsx", {"园区": PARKS})
    assert runner.invoke(app, ["load", str(path)]).exit_code == 0
    why = runner.invoke(app, ["why", "测试科创园", "南通", "--json"])
    assert '"since": "2021-05"' in why.stdout


@pytest.mark.parametrize(("encoding", "said"), [
    ("utf-8", None), ("utf-8-sig", "UTF-8 with BOM"), ("gbk", "GBK/GB18030"),
    ("gb18030", "GBK/GB18030")])
def test_csv_encodings(runner: CliRunner, db: Path, tmp_path: Path, encoding: str,
                       said: str | None) -> None:
    path = tmp_path / "rel.csv"
    path.write_bytes(f"关系,起点,终点,来源\n合作,南通,苏州,{SOURCE}\n".encode(encoding))
    result = validate(runner, path)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["relations_created"] == [f"COOPERATES_WITH city:nantong city:suzhou {SOURCE}"]
    assert any(f"read as {said}" in n for n in out["notes"]) == (said is not None)


def test_ambiguous_and_unknown_names_name_row_column_and_candidates(
        runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "rel.csv"
    path.write_text(f"关系,起点,终点,来源\n合作,普陀,南通,{SOURCE}\n合作,南通,苏洲,{SOURCE}\n",
                    encoding="utf-8")
    found = errors(runner, path, db)
    assert found[0].startswith(f"{path}:2:B: rel.起点: '普陀' is ambiguous: ")
    assert "[city:shanghai-putuo]" in found[0] and "[city:zhoushan-putuo]" in found[0]
    assert found[1] == (f"{path}:3:C: rel.终点: no entity is named '苏洲'; did you mean: "
                        "苏州 [city:suzhou]")


def test_names_resolve_against_the_files_too(runner: CliRunner, db: Path,
                                             tmp_path: Path) -> None:
    parks = xlsx(tmp_path / "parks.xlsx", {"园区": PARKS})
    rel = tmp_path / "rel.csv"
    rel.write_text(f"type,from,to,source\nCOOPERATES_WITH,测试科创园,Test Valley,{SOURCE}\n",
                   encoding="utf-8")
    assert validate(runner, rel).exit_code == 1  # alone, the park is unknown
    assert validate(runner, parks, rel).exit_code == 0


def test_label_limits_which_of_several_a_name_means(runner: CliRunner, db: Path,
                                                    tmp_path: Path) -> None:
    """南通经济技术开发区 names a park and a body; only the park can be LOCATED_IN-ed from."""
    path = tmp_path / "rel.csv"
    path.write_text(f"关系,起点,终点,来源\n拥有产业,南通经济技术开发区,高端装备,{SOURCE}\n",
                    encoding="utf-8")
    result = validate(runner, path)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["relations_created"][0].startswith(
        "HAS_INDUSTRY park:nantong-etdz-park ")


# -- bad sheets: file:row:column, nothing loaded ----------------------------------------------

def test_unknown_header(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "p.xlsx", {"园区": [["名称", "类型", "颜色"], ["甲园", "园区", "红"]]})
    assert errors(runner, path, db)[0].startswith(
        f"{path}:1:C: unknown column '颜色' in the entity table '园区'; known: ")


def test_merged_cells(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "p.xlsx", {"园区": PARKS}, merge="F2:F3")
    assert errors(runner, path, db) == [
        f"{path}:2:F: sheet '园区' has merged cells (F2:F3): unmerge them and write the value "
        "in every row"]


def test_formula(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    rows = [r[:] for r in PARKS]
    rows[2][2] = "=C2"
    path = xlsx(tmp_path / "p.xlsx", {"园区": rows})
    assert errors(runner, path, db) == [
        f"{path}:3:C: formula '=C2': paste the values instead (estuary does not run formulas)"]


def test_excel_serial_date(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    rows = [r[:] for r in PARKS]
    rows[1][6] = 44317
    path = xlsx(tmp_path / "p.xlsx", {"园区": rows})
    assert errors(runner, path, db) == [
        f"{path}:2:G: 44317 looks like an Excel serial date number: format the cell as text and "
        "write YYYY, YYYY-MM or YYYY-MM-DD"]


def test_real_dates_become_iso_text(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    import datetime as dt

    rows = [r[:] for r in PARKS]
    rows[1][6] = dt.datetime(2021, 5, 1)
    path = xlsx(tmp_path / "p.xlsx", {"园区": rows})
    assert runner.invoke(app, ["load", str(path)]).exit_code == 0
    assert '"since": "2021-05-01"' in runner.invoke(
        app, ["why", "测试科创园", "南通", "--json"]).stdout


def test_empty_rows_are_skipped_and_said_but_a_row_without_a_name_is_an_error(
        runner: CliRunner, db: Path, tmp_path: Path) -> None:
    rows = [PARKS[0], PARKS[1], [None] * 8, PARKS[2]]
    path = xlsx(tmp_path / "p.xlsx", {"园区": rows})
    result = validate(runner, path)
    assert result.exit_code == 0, result.output
    assert "1 empty row(s) skipped" in json.loads(result.stdout)["notes"][0]
    rows = [PARKS[0], [None, "园区", "南通", None, None, SOURCE, None, None]]
    path = xlsx(tmp_path / "q.xlsx", {"园区": rows})
    assert errors(runner, path, db) == [
        f"{path}:2:A: 名称/name is empty: every row needs a name (delete the row, or fill it)"]


def test_a_sheet_of_a_million_rows_is_refused_before_reading(
        runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "big.xlsx", {"园区": PARKS})
    raw = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(raw, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b'<dimension ref="A1:H3" />',
                                    b'<dimension ref="A1:H1048576"/>')
            dst.writestr(item, data)
    path.write_bytes(raw.getvalue())
    assert errors(runner, path, db) == [
        f"{path}: sheet '园区' has 1048576 rows, more than the limit of 100000: split it into "
        "several files"]


def test_rows_past_the_limit_are_refused_while_reading(
        runner: CliRunner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet whose dimension understates its rows is still stopped at the limit."""
    import loaders.spreadsheet as spreadsheet

    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 1)
    path = tmp_path / "p.csv"
    path.write_text("名称,类型\n甲园,园区\n乙园,园区\n", encoding="utf-8")
    assert errors(runner, path, db) == [
        f"{path}:3: sheet 'p' has more than 1 rows: split it into several files"]


@pytest.mark.parametrize(("content", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
     "is an encrypted (password-protected) workbook or an old .xls: save it in Excel as .xlsx "
     "without a password"),
    (b"PK\x03\x04 cut off here",
     "is not a readable .xlsx workbook (corrupt or not a zip): open it in Excel and save it "
     "again"),
    (b"just text", "is not a readable .xlsx workbook (corrupt or not a zip): open it in Excel "
     "and save it again"),
])
def test_encrypted_or_corrupt_workbook(runner: CliRunner, db: Path, tmp_path: Path,
                                       content: bytes, message: str) -> None:
    path = tmp_path / "p.xlsx"
    path.write_bytes(content)
    assert errors(runner, path, db) == [f"{path}: {message}"]


def test_a_sheet_that_is_neither_table(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "p.xlsx", {"Sheet": [["甲", "乙"], [1, 2]]})
    assert errors(runner, path, db)[0].startswith(
        f"{path}:1: sheet 'Sheet': the header names neither an entity table")


# -- templates and the xlsx export ------------------------------------------------------------

@pytest.mark.parametrize("kind", ["parks", "industries", "relations"])
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_templates_load_as_written(runner: CliRunner, db: Path, tmp_path: Path, kind: str,
                                   suffix: str) -> None:
    path = tmp_path / f"{kind}{suffix}"
    made = runner.invoke(app, ["template", kind, "-o", str(path)])
    assert made.exit_code == 0, made.output
    result = validate(runner, path)
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["template", kind, "-o", str(path)]).exit_code == 1  # no clobber
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        assert wb.sheetnames[1] == "#说明 columns"
        described = [row[0] for row in wb.worksheets[1].iter_rows(values_only=True)][1:-1]
        assert described == [c.value for c in wb.worksheets[0][1]]


def test_xlsx_export_reads_back_unchanged(embedded_built: Any, tmp_path: Path) -> None:
    from estuary.output.export import write
    from graph.model import Subgraph
    from loaders import read_bundle

    store = embedded_built
    entities = store.entities(list(store.graph))
    relations = store.all_relations()
    path = write(Subgraph(tuple(entities.values()), tuple(relations)), "xlsx",
                 tmp_path / "all.xlsx")[0]
    bundle = read_bundle([path])  # alone: every record comes from the workbook
    assert {i: e.to_dict() for i, e in bundle.entities.items()} == {
        i: e.to_dict() for i, e in entities.items()}
    assert {k: r.to_dict() for k, r in bundle.relations.items()} == {
        r.key: r.to_dict() for r in relations}


def test_xlsx_export_neutralises_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from estuary.output.export import write
    from graph.model import Entity, Subgraph

    evil = Entity("park:evil", "Park", "=HYPERLINK(\"http://x\")", aliases=("@SUM(1)",))
    path = write(Subgraph((evil,), ()), "xlsx", tmp_path / "e.xlsx")[0]
    ws = load_workbook(path).worksheets[0]
    cells = [c for row in ws.iter_rows() for c in row if c.value]
    assert all(c.data_type != "f" for c in cells)
    assert "'=HYPERLINK(\"http://x\")" in [c.value for c in cells]


def test_csv_formula_and_unknown_header(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("名称,类型,所在地\n甲园,园区,=HYPERLINK(\"x\")\n", encoding="utf-8")
    assert errors(runner, path, db) == [
        f"{path}:2:C: formula '=HYPERLINK(\"x\")': paste the values instead (estuary does not "
        "run formulas)"]
    path.write_text("名称,类型,color\n甲园,园区,红\n", encoding="utf-8")
    assert errors(runner, path, db)[0].startswith(
        f"{path}:1:C: unknown column 'color' in the entity table 'p'; known: 编号/id, ")


def test_load_dry_run_is_validate(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = xlsx(tmp_path / "parks.xlsx", {"园区": PARKS})
    before = db.read_bytes()
    dry = runner.invoke(app, ["load", "--dry-run", str(path)])
    assert dry.exit_code == 0, dry.output
    assert dry.stdout == runner.invoke(app, ["validate", str(path)]).stdout
    assert "Would create 2 and change 0 entities, create 6 and change 0 relations." in dry.stdout
    assert db.read_bytes() == before


def test_xlsx_export_needs_a_file(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["export", "-f", "xlsx"])
    assert result.exit_code == 2
    assert "xlsx is a binary file: give -o PATH.xlsx" in result.output


def test_a_row_naming_an_entity_of_another_file_refers_to_it(
        runner: CliRunner, db: Path, tmp_path: Path) -> None:
    yaml = tmp_path / "a.yaml"
    yaml.write_text("entities:\n  - id: park:my-test-park\n    name: 我的测试园\n",
                    encoding="utf-8")
    sheet = tmp_path / "b.csv"
    sheet.write_text("名称,类型,所在地,来源\n我的测试园,园区,南通,source:editorial\n",
                     encoding="utf-8")
    result = validate(runner, yaml, sheet)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["entities_created"] == ["park:my-test-park"]
    assert out["relations_created"] == ["LOCATED_IN park:my-test-park city:nantong "
                                        "source:editorial"]
