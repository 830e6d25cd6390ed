"""Bad input: a clear error naming file, line and field; exit 1; no traceback; store unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app

BAD = Path(__file__).parent / "fixtures" / "bad"

# file -> the exact error line (after "Error: <path>")
EXPECTED = {
    "alias-bomb.yaml": ":2: YAML alias '*a' is not allowed: write the value out",
    "aliases-not-a-list.yaml": ":5: entities[0].aliases: Input should be a valid list (got '测')",
    "bad-id.yaml": ":2: entities[0].id: id 'City Of Test' must start with a known prefix "
                   "(city:, industry:, infra:, initiative:, mechanism:, org:, park:, region:, "
                   "source:)",
    "duplicate-id.yaml": ":5: entities[1].id: duplicate id 'city:test-dup'; first defined at "
                         f"{BAD / 'duplicate-id.yaml'}:2",
    "empty.yaml": ": file is empty: expected `sources`, `entities` or `relations`",
    "entities-not-a-list.yaml": ":1: entities: expected a list of mappings",
    "missing-source.yaml": ":6: relations[0].source: Field required",
    "quote-not-in-article.yaml": ":6: relations[0].evidence: quote not found in the text of "
                                 "source:seed-article",
    "syntax.yaml": ":4: YAML syntax error: did not find expected ',' or ']' "
                   "(while parsing a flow sequence started at line 3)",
    "top-level-list.yaml": ":1: expected a mapping with keys sources, entities, relations; "
                           "got a list",
    "unknown-endpoint.yaml": ":3: relations[0].from: unknown entity 'city:nantongg' "
                             "(did you mean 'city:nantong'?)",
    "unknown-key.yaml": ":5: entities[0].colour: unknown key",
    "unknown-type.csv": ":3: relations[1].type: unknown relationship type 'LIKES'; allowed: "
                        "HAS_INDUSTRY, LOCATED_IN, MEMBER_OF, CO_BUILDS, FOCUSES_ON, ADOPTS, "
                        "COOPERATES_WITH, LEARNS_FROM, BROADER, UPSTREAM_OF, CONNECTS, "
                        "PARTICIPATES_IN, PART_OF, PROPOSES, MENTIONS",
    "wrong-endpoint-label.yaml": ":3: relations[0].from: HAS_INDUSTRY cannot start at "
                                 "industry:new-materials (Industry); allowed: City, Park, Region",
    "wrong-type.yaml": ":5: entities[0].lon: Input should be a valid number, unable to parse "
                       "string as a number (got 'east')",
    "duplicate-key.yaml": ":5: name: duplicate key (first at line 3)",
    "nan-longitude.yaml": ":5: entities[0].lon: Input should be a valid number, unable to parse "
                          "string as a number (got '.nan')",
    "latitude-out-of-range.yaml": ":5: entities[0].lat: Input should be less than or equal to "
                                  "90 (got '131.98')",
    "duplicate-header.csv": ":1: header names a column twice: type",
    "semicolon.csv": ":1: no 'type' column: expected a comma-separated header such as "
                     "type,from,to,source,evidence",
    "type-is-a-list.yaml": ":2: relations[0].type: unknown relationship type "
                           "['COOPERATES_WITH']; allowed: HAS_INDUSTRY, LOCATED_IN, MEMBER_OF, "
                           "CO_BUILDS, FOCUSES_ON, ADOPTS, COOPERATES_WITH, LEARNS_FROM, BROADER, "
                           "UPSTREAM_OF, CONNECTS, PARTICIPATES_IN, PART_OF, PROPOSES, MENTIONS",
    "source-file-missing.yaml": ":2: file: 'no-such-text.txt' not found beside "
                                "source-file-missing.yaml (or in its sources/ folder): evidence "
                                "for this source cannot be checked",
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_names_file_line_and_field(runner: CliRunner, db: Path, name: str) -> None:
    path = BAD / name
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first == f"Error: {path}{EXPECTED[name]}"
    assert "Traceback" not in result.output
    assert result.stdout == ""


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_of_bad_file_changes_nothing(runner: CliRunner, db: Path, name: str) -> None:
    before = db.read_bytes()
    good = Path(__file__).parent / "fixtures" / "good" / "extra-park.yaml"
    result = runner.invoke(app, ["load", str(good), str(BAD / name)])
    assert result.exit_code == 1, result.output
    assert "nothing was loaded" in result.stderr
    assert db.read_bytes() == before


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_gbk_encoded_file(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "gbk.yaml",
                  "entities:\n  - id: city:test-a\n    name: 南通\n".encode("gbk"))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: {path}:3: not valid UTF-8 (byte 40); it looks GBK/GB18030-encoded: "
        "save it as UTF-8")


def test_binary_garbage(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "junk.yaml", b"entities:\n\x00\x01\x02\xff\xfe")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: {path}:2: binary data (NUL byte): expected a UTF-8 text file")


def test_missing_file(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"Error: {path}: no such file"


def test_validate_json_lists_errors(runner: CliRunner, db: Path) -> None:
    import json

    result = runner.invoke(app, ["validate", "--json", str(BAD / "unknown-key.yaml")])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False
    assert payload["errors"] == [f"{BAD / 'unknown-key.yaml'}:5: entities[0].colour: unknown key"]


def test_numbers_keep_the_text_as_written(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    """YAML 1.1 would read 0320600 as octal and 2020.10 as 2020.1; text fields keep them."""
    import json

    path = _write(tmp_path, "numbers.yaml", (
        "entities:\n  - id: park:test-numbers\n    name: 数字园\n    name_en: Numbers\n"
        "    established: 2020.10\n    area_km2: 5.240\n").encode())
    assert runner.invoke(app, ["load", str(path)]).exit_code == 0
    shown = json.loads(runner.invoke(app, ["show", "park:test-numbers", "--json"]).stdout)
    assert shown["entity"]["established"] == "2020.10"
    assert shown["entity"]["area_km2"] == 5.24


def test_deeply_nested_yaml(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "deep.yaml", b"entities: " + b"[" * 5000 + b"]" * 5000)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    # PyYAML's pure-Python parser stops at its own depth limit; the C one recurses until
    # Python's limit, which the loader reports. Either way: one line, naming the file.
    assert first in (f"Error: {path}: YAML nested too deeply",
                     f"Error: {path}:1: YAML syntax error: exceeded maximum nesting depth "
                     "(while increasing flow level started at line 1)")
    assert "Traceback" not in result.output


def test_empty_directory_is_an_error(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    result = runner.invoke(app, ["validate", str(empty)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: {empty}: no YAML or CSV files in this directory")


def test_error_count_is_the_real_total(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    rows = "".join(f"  - {{id: city:t{i}, name: 测, colour: red}}\n" for i in range(80))
    path = _write(tmp_path, "many.yaml", f"entities:\n{rows}".encode())
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "80 errors (the first 50 shown); nothing was loaded."
