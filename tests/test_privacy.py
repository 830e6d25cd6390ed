"""Nothing private in a written file: no home directory, store path, user, host or password.

The files are mailed to colleagues. The CLI writes them here with HOME and the store inside a
directory whose name is a marker; no byte of any written file may carry it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app

PASSWORD = "hunter2-Secret-Pw"
COMMANDS = [
    ["links", "南通", "苏州", "--via", "industry"],
    ["neighbors", "南通", "--depth", "2"],
    ["hubs", "--limit", "8"],
    ["search", "苏通"],
    ["path", "南通", "苏州工业园区"],
]


REAL_HOME = str(Path.home())  # read before any test points HOME elsewhere


@pytest.fixture
def private(built_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    home = tmp_path / "home-ALICE-PRIVATE"
    store = home / ".local" / "share" / "estuary-Q7ZX" / "graph.json"
    store.parent.mkdir(parents=True)
    shutil.copy(built_db, store)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("ESTUARY_DB", raising=False)
    monkeypatch.setenv("ESTUARY_STORE", "embedded")
    monkeypatch.setenv("COLUMNS", "200")
    return {"home": home, "store": store, "out": home / "reports"}


def secrets(private: dict[str, Path]) -> list[str]:
    found = [str(private["home"]), str(private["store"]), "ALICE-PRIVATE", "Q7ZX", PASSWORD,
             str(private["out"]), REAL_HOME + "/"]
    host = socket.gethostname()
    if len(host) >= 6:
        found.append(host)
    return found


def check(path: Path, private: dict[str, Path]) -> str:
    raw = path.read_bytes()
    for secret in secrets(private):
        assert secret.encode() not in raw, (path.name, secret)
    return raw.decode("utf-8", errors="replace")


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_html_carries_no_private_path(private: dict[str, Path], args: list[str]) -> None:
    out = private["out"] / f"{args[0]}.html"
    result = CliRunner().invoke(app, ["--db", str(private["store"]), "--neo4j-password",
                                      PASSWORD, *args, "--html", str(out)])
    assert result.exit_code == 0, result.output
    text = check(out, private)
    caption = re.search(r'<p class="caption">(.*?)</p>', text, re.S)
    assert caption, "no caption"
    assert caption.group(1).startswith(f"estuary {args[0]} ")
    first = caption.group(1).split("\n")[0]  # a second line is a note (what was left out)
    assert re.search(r" · data [0-9a-f]{16} · estuary \S+ · \d{4}-\d{2}-\d{2}$",
                     first), caption.group(1)
    assert "--html" not in caption.group(1) and "--db" not in caption.group(1)


def test_caption_names_the_question_and_its_parameters(private: dict[str, Path]) -> None:
    out = private["out"] / "links.html"
    CliRunner().invoke(app, ["--db", str(private["store"]), "links", "南通", "苏州", "--via",
                             "industry", "--html", str(out)])
    caption = re.search(r'<p class="caption">(.*?)</p>', out.read_text(encoding="utf-8"))
    assert caption and caption.group(1).startswith("estuary links 南通 苏州 --via industry")


def test_viz_carries_no_private_path(private: dict[str, Path]) -> None:
    out = private["out"] / "viz.html"
    result = CliRunner().invoke(app, ["--db", str(private["store"]), "viz", "--type", "Industry",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "estuary viz --type Industry" in check(out, private)


CHROMIUM = shutil.which("chromium") or os.environ.get("ESTUARY_CHROMIUM")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM, reason="pictures need Chromium")
def test_pictures_carry_no_private_path(private: dict[str, Path]) -> None:
    out = private["out"]
    result = CliRunner().invoke(app, ["--db", str(private["store"]), "--neo4j-password",
                                      PASSWORD, "links", "南通", "苏州", "--via", "industry",
                                      "--png", str(out / "l.png"), "--svg", str(out / "l.svg"),
                                      "--pdf", str(out / "l.pdf")])
    assert result.exit_code == 0, result.output
    assert (out / "l.png").read_bytes().startswith(b"\x89PNG")
    assert (out / "l.pdf").read_bytes().startswith(b"%PDF")
    svg = check(out / "l.svg", private)
    assert svg.startswith("<svg") and "南通" in svg and "estuary links 南通 苏州" in svg
    check(out / "l.pdf", private)
    check(out / "l.png", private)
