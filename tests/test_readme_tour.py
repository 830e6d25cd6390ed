"""The README's "Your own data" section runs as written, against the files in examples/.

Every `$ estuary …` line of its console blocks is run (in a copy of examples/, on a private
store), in order, and what it prints (standard output and error) must match the lines shown
under it; a line `…` stands for any lines, and `…` inside a line for any text.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app

ROOT = Path(__file__).resolve().parent.parent
SECTION = "### Your own data"


def _blocks() -> list[list[tuple[list[str], list[str]]]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION):]
    section = section[:section.index("\n## ")]
    blocks = []
    for block in re.findall(r"```console\n(.*?)```", section, flags=re.S):
        steps: list[tuple[list[str], list[str]]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((shlex.split(line[2:], comments=True), []))
            else:
                steps[-1][1].append(line)
        blocks.append(steps)
    return blocks


def _pattern(lines: list[str]) -> re.Pattern[str]:
    parts = []
    for line in lines:
        if line == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(p) for p in line.split("…")) + r"\n")
    return re.compile("".join(parts))


def test_the_section_has_commands_for_every_new_feature() -> None:
    commands = [" ".join(argv[:2]) for steps in _blocks() for argv, _ in steps]
    for wanted in ("estuary template", "estuary validate", "estuary load", "estuary loaded",
                   "estuary unload", "estuary export"):
        assert wanted in commands


def test_every_command_block_runs_as_shown(runner: CliRunner, db: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    for steps in _blocks():
        for argv, expected in steps:
            assert argv[0] == "estuary"
            result = runner.invoke(app, argv[1:])
            failed = bool(expected) and expected[-1].endswith("nothing was loaded.")
            assert result.exit_code == (1 if failed else 0), (argv, result.output)
            assert "Traceback" not in result.output
            assert _pattern(expected).fullmatch(result.output), (
                f"{' '.join(argv)} printed:\n{result.output}\nexpected:\n" + "\n".join(expected))
