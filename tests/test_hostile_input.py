"""Hostile input: limits as data, plain-text names, bounded reads, unforgeable provenance,
outputs that cannot clobber inputs, truncation warnings, and the store's file kept sound."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from graph.embedded import EmbeddedStore
from graph.limits import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "sources" / "seed-article.txt"

HEAD = "entities:\n  - id: park:hostile\n    name: {name}\n"


def _refused(runner: CliRunner, db: Path, args: list[str], message: str) -> str:
    saved = db.read_bytes()
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert db.read_bytes() == saved
    return result.stderr


@pytest.mark.parametrize(("body", "message"), [
    (f"entities:\n  - id: park:{'a' * 200}\n    name: 长\n", "id: 205 characters, more than "
     "the limit of 120"),
    (HEAD.format(name="长" * 300), "name: 300 characters, more than the limit of 200"),
    (HEAD.format(name='"   "'), "name: has no visible character"),
    (HEAD.format(name='"\\u200b\\u200d"'), "contains the control character U+200B"),
    (HEAD.format(name='"\\e[2J红"'), "name: contains the control character U+001B"),
    (HEAD.format(name='"南\\u202e通"'), "contains the control character U+202E"),
    (HEAD.format(name="2020"), "name: expected text, got a number (2020): quote it"),
    (HEAD.format(name="2020-01-02"), "name: expected text, got a date (2020-01-02)"),
    (HEAD.format(name="长") + "    aliases: [" + ", ".join(f"a{i}" for i in range(70)) + "]\n",
     "aliases: 70 aliases, more than the limit of 64"),
    (HEAD.format(name="长") + f"    description: {'描' * 6000}\n",
     "description: 6000 characters, more than the limit of 5000"),
    ("relations:\n  - {type: COOPERATES_WITH, from: city:nantong, to: city:nantong, "
     "source: source:editorial}\n", "a COOPERATES_WITH relation cannot start and end at the "
     "same entity (city:nantong)"),
])
def test_limits_and_plain_text(runner: CliRunner, db: Path, tmp_path: Path, body: str,
                               message: str) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(body, encoding="utf-8")
    err = _refused(runner, db, ["load", str(path)], message)
    assert f"{path}:" in err  # file:line


def test_long_id_refused_before_any_store(tmp_path: Path) -> None:
    """The limit is the loader's: Neo4j never sees a 100,000-character id (so both agree)."""
    from loaders import ValidationFailed, read_bundle

    path = tmp_path / "long.yaml"
    path.write_text(f"entities:\n  - id: park:{'x' * 100_000}\n    name: 长\n",
                    encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        read_bundle([path])
    assert "more than the limit of 120" in str(info.value)


def test_relations_per_file_can_be_raised(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    from graph.limits import Limits
    from loaders import ValidationFailed, read_bundle
    from loaders.bundled import bundled_files

    path = tmp_path / "many.csv"
    rows = [f"COOPERATES_WITH,city:nantong,city:suzhou,source:editorial,,{role}"
            for role in ("high", "medium", "low")]
    path.write_text("type,from,to,source,evidence,confidence\n" + "\n".join(rows[:1]) + "\n",
                    encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        read_bundle([*bundled_files(), path], limits=Limits(relations_per_file=0))
    assert "more than the limit of 0: split the file or raise it with --max-relations" in str(
        info.value)
    ok = runner.invoke(app, ["validate", str(path), "--max-relations", "200000"])
    assert ok.exit_code == 0, ok.output
    assert DEFAULT_LIMITS.relations_per_file == 100_000


@pytest.mark.parametrize("command", ["load", "validate", "load-doc"])
def test_only_regular_files_are_read(runner: CliRunner, db: Path, tmp_path: Path,
                                     command: str) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    _refused(runner, db, [command, str(fifo)], "is a named pipe (FIFO): expected a regular file")
    _refused(runner, db, [command, "/dev/zero"], "is a character device: expected a regular "
             "file")


def test_reads_stop_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from loaders import reading

    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * 2000)
    with pytest.raises(reading.InputError, match="larger than 1000 bytes"):
        reading.read_bounded(big, limit=1000)
    with pytest.raises(reading.InputError, match="larger than 1000 bytes"):
        list(reading.stream_decode(big, limit=1000))


def test_forged_article_is_refused(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    forged = tmp_path / "seed-article.txt"
    forged.write_text("苏州工业园区是全世界最好的园区，南通应当照搬一切。\n", encoding="utf-8")
    _refused(runner, db, ["load-doc", str(forged), "--title", "假标题", "--url",
                          "https://evil.example"],
             "source:seed-article is a bundled source and this is not the text it ships")
    # The real text may be read again, but never retitled.
    _refused(runner, db, ["load-doc", str(ARTICLE), "--title", "假标题"],
             "its title and address are not changed by load-doc")


def test_load_doc_does_not_attach_to_a_data_source(runner: CliRunner, db: Path,
                                                   tmp_path: Path) -> None:
    data = tmp_path / "mine.yaml"
    (tmp_path / "report.txt").write_text("南通与苏州合作。\n", encoding="utf-8")
    data.write_text("sources:\n  - id: source:report\n    name: 报告\n    file: report.txt\n",
                    encoding="utf-8")
    assert runner.invoke(app, ["load", str(data)]).exit_code == 0
    doc = tmp_path / "other" / "report.txt"
    doc.parent.mkdir()
    doc.write_text("南通是世界第一。\n", encoding="utf-8")
    _refused(runner, db, ["load-doc", str(doc)], "load-doc does not add to it")


def test_evidence_is_the_loaded_text(embedded: EmbeddedStore, tmp_path: Path) -> None:
    from loaders.document import load_document

    doc = tmp_path / "long.txt"
    text = "南通，" * 3000 + "苏州。\n" + "上海与南通合作。\n"
    doc.write_text(text, encoding="utf-8")
    result = load_document(embedded, doc)
    assert result.split == 1
    for m in result.mentions:
        assert m.relation.evidence in text
        assert len(m.relation.evidence) <= DEFAULT_LIMITS.evidence_length


@pytest.mark.parametrize("args", [
    ["viz", "-o", "{db}"], ["export", "-f", "json", "-o", "{db}"],
    ["export", "-f", "graphml", "-o", "{db}.lock"], ["show", "南通", "--html", "{db}"],
    ["load-doc", "{doc}", "--html", "{doc}"], ["load-doc", "{doc}", "--html", "{db}"],
])
def test_outputs_never_clobber_inputs(runner: CliRunner, db: Path, tmp_path: Path,
                                      args: list[str]) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("南通与苏州合作。\n", encoding="utf-8")
    before = doc.read_bytes()
    link = tmp_path / "alias.json"
    link.symlink_to(db)
    filled = [a.format(db=link if a == "{db}" and args[0] == "viz" else db, doc=doc)
              for a in args]
    _refused(runner, db, filled, "writing there would destroy it")
    assert doc.read_bytes() == before


def test_symlinked_store_keeps_its_link(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(db)
    data = tmp_path / "one.yaml"
    data.write_text("entities:\n  - id: park:linked\n    name: 链接园区\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", str(link), "load", str(data)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and EmbeddedStore(db).label_of("park:linked") == "Park"


def test_stale_temporaries_are_removed_on_open(db: Path) -> None:
    stale = db.parent / f".estuary-{db.name}.abc123.tmp"
    stale.write_text("{half", encoding="utf-8")
    old = db.parent / ".estuary-k2j4h5g6.tmp"
    old.write_text("{half", encoding="utf-8")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    other = db.parent / ".estuary-otherstore.json.x.tmp"  # another store's: not ours
    other.write_text("{", encoding="utf-8")
    EmbeddedStore(db)
    assert not stale.exists() and not old.exists() and other.exists()


def test_a_save_in_progress_keeps_its_temporary(db: Path) -> None:
    from filelock import FileLock

    tmp = db.parent / f".estuary-{db.name}.busy.tmp"
    tmp.write_text("{", encoding="utf-8")
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with FileLock(str(db) + ".lock"):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(10)
    try:
        EmbeddedStore(db)
        assert tmp.exists()
    finally:
        release.set()
        thread.join()


def test_db_directory_and_write_errors_are_one_line(runner: CliRunner, tmp_path: Path) -> None:
    from graph.store import StoreError

    with pytest.raises(StoreError, match="is a directory: --db must name a file"):
        EmbeddedStore(tmp_path)
    with pytest.raises(StoreError, match="is not a regular file"):
        EmbeddedStore(Path("/dev/zero"))
    fifo = tmp_path / "store.json"
    os.mkfifo(fifo)
    with pytest.raises(StoreError, match="is not a regular file"):
        EmbeddedStore(fifo)


@pytest.mark.parametrize(("name", "body", "last"), [
    ("cut.yaml", "entities:\n  - id: park:cut-a\n    name: 甲\n  - id: park:cut-b\n"
                 "    name: 乙\n  - id: park:cut-c\n    name: 丙",
     "entities[1] (park:cut-b, line 4)"),
    ("cut.csv", "type,from,to,source\n"
                "COOPERATES_WITH,city:nantong,city:suzhou,source:editorial\n"
                "COOPERATES_WITH,city:nantong,city:shanghai,source:edit", "relations[0]"),
])
def test_truncation_warns_naming_the_last_complete_record(
        runner: CliRunner, db: Path, tmp_path: Path, name: str, body: str, last: str) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert "does not end with a line break, so it may be cut off" in result.stderr
    assert last in result.stderr, result.stderr


def test_unterminated_csv_quote_is_an_error(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text("type,from,to,source,evidence\nCOOPERATES_WITH,city:nantong,city:suzhou,"
                    "source:editorial,\"开头\nCOOPERATES_WITH,city:a,city:b,source:x,y\n",
                    encoding="utf-8")
    _refused(runner, db, ["load", str(path)], ":2: CSV error: a quoted cell starting at line 2 "
             "is never closed")


def test_os_errors_without_a_file_name_are_one_clean_line(capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    import errno

    import typer

    from estuary.errors import friendly

    @friendly
    def full() -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    @friendly
    def named() -> None:
        raise OSError(errno.EACCES, "Permission denied", "/x/\x1b[2Jg.json")

    for func, expected in ((full, "Error: No space left on device\n"),
                           (named, "Error: /x/\\x1b[2Jg.json: Permission denied\n")):
        with pytest.raises(typer.Exit):
            func()
        assert capsys.readouterr().err == expected


@pytest.mark.parametrize("kind", ["embedded", "neo4j"])
def test_long_id_is_the_same_clean_error_on_both_stores(
        runner: CliRunner, db: Path, tmp_path: Path, kind: str,
        request: pytest.FixtureRequest) -> None:
    args: list[str] = []
    if kind == "neo4j":
        settings = request.getfixturevalue("neo4j_settings")
        request.getfixturevalue("neo4j_store")  # the server is up, loaded with the bundle
        args = ["--store", "neo4j", "--neo4j-uri", settings.neo4j_uri,
                "--neo4j-user", "neo4j", "--neo4j-password", settings.neo4j_password]
    path = tmp_path / "long.yaml"
    path.write_text(f"entities:\n  - id: park:{'x' * 100_000}\n    name: 长\n",
                    encoding="utf-8")
    result = runner.invoke(app, [*args, "load", str(path)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[0] == (
        f"Error: {path}:2: entities[0].id: 100005 characters, more than the limit of 120")


def test_fast_scan_finds_what_the_gazetteer_finds(embedded_built: EmbeddedStore) -> None:
    """The linear scanner load-doc uses gives NameScanner's leftmost-longest matches."""
    import random

    from graph.gazetteer import NameScanner
    from loaders.sentences import _FastScanner

    known = embedded_built.all_entities()
    scanner = NameScanner(known)
    fast = _FastScanner(scanner)
    names = sorted([*scanner.owner, *scanner.ambiguous])
    rng = random.Random(15)
    filler = ["的", "与", "和", " ", "AI", "CHAIN", "x", "产业", "园区", "苏", "南"]
    for _ in range(200):
        text = "".join(rng.choice(names) if rng.random() < 0.5 else rng.choice(filler)
                       for _ in range(rng.randrange(1, 30)))
        expected = [(m.start, m.text) for m in scanner.scan(text)]
        assert list(fast.scan(text)) == expected, text
