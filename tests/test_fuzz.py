"""Seeded fuzzing of the loaders: mutated bundled YAML, and mutated relation CSV, either load
or are refused with clean one-line errors; never a traceback, and a refusal leaves the store
as it was. The number of cases is fixed (and the seed), so CI time is bounded."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from loaders import ValidationFailed, read_bundle
from loaders.bundled import bundled_files, read_bundled

SEED = 15
YAML_CASES = 60
CSV_CASES = 40
NASTY = ["\x1b[2J", "\x00", "\x07", "\u202e", "'", '"', ": ", "- ", "\t", "{", "[", "&a", "*a",
         "!!python/object:os.system", "\ud800", "\r", "2020", "~", "null", "é", "\\"]


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    kind = rng.randrange(8)
    if kind == 0 and lines:  # drop a line
        del lines[rng.randrange(len(lines))]
    elif kind == 1 and lines:  # duplicate a line
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i])
    elif kind == 2:  # cut the file anywhere
        return text[: rng.randrange(len(text) + 1)]
    elif kind == 3 and lines:  # insert something nasty into a line
        i = rng.randrange(len(lines))
        pos = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:pos] + rng.choice(NASTY) + lines[i][pos:]
    elif kind == 4 and lines:  # break the indentation
        i = rng.randrange(len(lines))
        lines[i] = " " * rng.randrange(5) + lines[i].lstrip(" ")
    elif kind == 5 and len(lines) > 1:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == 6 and lines:  # a value becomes a number, a list or a mapping
        i = rng.randrange(len(lines))
        if ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = key + ": " + rng.choice(["12345", "[a, b]", "{x: 1}", "", "yes",
                                                "2020-01-01", "'" + "长" * 6000 + "'"]) + "\n"
    else:  # flip bytes
        chars = list(text)
        for _ in range(rng.randrange(1, 4)):
            if chars:
                chars[rng.randrange(len(chars))] = chr(rng.randrange(0x20, 0x3000))
        return "".join(chars)
    return "".join(lines)


def _check_refusal(exc: ValidationFailed) -> None:
    assert exc.errors, "a refusal names at least one problem"
    for err in exc.errors:
        assert "\n" not in str(err) and str(err).strip()


def test_mutated_bundled_yaml_loads_or_is_refused_cleanly(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    files = bundled_files()
    outcomes = {"loaded": 0, "refused": 0}
    for case in range(YAML_CASES):
        victim = rng.choice(files)
        mutated = tmp_path / f"case{case}" / victim.name
        mutated.parent.mkdir()
        raw = victim.read_text(encoding="utf-8")
        try:
            mutated.write_text(_mutate(raw, rng), encoding="utf-8", errors="surrogatepass")
        except UnicodeEncodeError:
            continue
        others = [f for f in files if f != victim]
        try:
            bundle = read_bundle([*others, mutated])
        except ValidationFailed as exc:
            _check_refusal(exc)
            outcomes["refused"] += 1
        else:
            assert bundle.entities
            outcomes["loaded"] += 1
    assert outcomes["refused"] > 0 and sum(outcomes.values()) >= YAML_CASES - 5, outcomes


def _relations_csv() -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["type", "from", "to", "source", "evidence", "confidence"])
    bundle = read_bundled()
    # Bundled statements, re-stated by the editorial source: new relations, valid ones.
    rels = [r for r in bundle.relations.values()
            if r.type != "MENTIONS" and not r.props
            and (r.type, r.start, r.end, "source:editorial") not in bundle.relations][:40]
    for r in rels:
        writer.writerow([r.type, r.start, r.end, "source:editorial", r.evidence, r.confidence])
    return buf.getvalue()


def test_mutated_csv_through_the_cli(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    base = _relations_csv()
    loaded = refused = 0
    for case in range(CSV_CASES):
        path = tmp_path / f"case{case}.csv"
        try:
            path.write_text(_mutate(base, rng), encoding="utf-8")
        except UnicodeEncodeError:
            continue
        saved = db.read_bytes()
        result = runner.invoke(app, ["load", str(path)])
        assert result.exit_code in (0, 1), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"case {case}: {result.exception!r}")
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            refused += 1
            assert db.read_bytes() == saved, f"case {case}: a refusal changed the store"
            for line in result.stderr.splitlines():
                assert line.startswith(("Error: ", "warning: ")) or line.endswith(
                    "nothing was loaded."), line
        else:
            loaded += 1
    assert loaded and refused, (loaded, refused)


@pytest.mark.parametrize("cut", [0.25, 0.5, 0.9])
def test_truncated_bundled_file_is_never_silent(tmp_path: Path, cut: float) -> None:
    """A bundled file cut mid-line either fails to validate or warns that it may be cut."""
    victim = max(bundled_files(), key=lambda p: p.stat().st_size)
    raw = victim.read_text(encoding="utf-8")
    text = raw[: int(len(raw) * cut)].rstrip("\n")
    if text.endswith(":"):
        text += " x"
    path = tmp_path / victim.name
    path.write_text(text, encoding="utf-8")
    others = [f for f in bundled_files() if f != victim]
    try:
        bundle = read_bundle([*others, path])
    except ValidationFailed as exc:
        _check_refusal(exc)
        return
    assert any("may be cut off" in w for w in bundle.warnings)
