"""`estuary load-doc`: sentences, longest-match naming, idempotent loads, bad input, parity."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from graph.embedded import EmbeddedStore
from graph.gazetteer import NameScanner
from graph.model import Entity, to_jsonable
from loaders.document import load_document, plan_document, slug, split_sentences
from queries.mentions import mentions

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_PATH = ROOT / "data" / "sources" / "seed-article.txt"
ARTICLE = ARTICLE_PATH.read_text(encoding="utf-8")
DOCS = Path(__file__).parent / "fixtures" / "docs"
ENCLAVE_SENTENCE = ("探索“飞地孵化”“离岸创新”等模式，推动在更具承载条件的南通转化科技成果，"
                    "在更富创新能力的上海、苏州建设南通研发中心、离岸创新中心等载体，"
                    "实现优势互补、协同发展")


# -- the seed article --------------------------------------------------------------------------

def test_seed_article_then_mentions_finds_the_sentence(runner: CliRunner, db: Path) -> None:
    before = runner.invoke(app, ["mentions", "飞地孵化", "--json"])
    assert json.loads(before.stdout)["mentions"] == []

    loaded = runner.invoke(app, ["load-doc", str(ARTICLE_PATH), "--json"])
    assert loaded.exit_code == 0, loaded.output
    summary = json.loads(loaded.stdout)
    assert summary["source"]["id"] == "source:seed-article"
    assert summary["entities_created"] == 0 and summary["entities_updated"] == 0
    assert summary["relations_created"] > 100
    assert summary["relations_already_present"] == 3  # the curated MENTIONS are kept

    found = runner.invoke(app, ["mentions", "飞地孵化", "--json"])
    data = json.loads(found.stdout)
    assert [(m["source"]["id"], m["sentence"]) for m in data["mentions"]] == [
        ("source:seed-article", ENCLAVE_SENTENCE)]
    assert ENCLAVE_SENTENCE in ARTICLE
    table = runner.invoke(app, ["mentions", "飞地孵化"]).stdout
    assert "探索“飞地孵化”“离岸创新”等模式" in table


def test_seed_article_quotes_are_exact_and_curated_data_survives(db: Path) -> None:
    store = EmbeddedStore(db)
    before = store.entities(["source:seed-article"])["source:seed-article"]
    curated = {r.key: r for r in store.relations_of("source:seed-article")}
    result = load_document(store, ARTICLE_PATH)
    store = EmbeddedStore(db)
    after = store.relations_of("source:seed-article")
    assert len(after) == len(result.mentions) == result.relations_created + 3
    for rel in after:
        assert rel.type == "MENTIONS" and rel.evidence in ARTICLE
        if rel.key in curated:
            assert rel == curated[rel.key] and rel.props == curated[rel.key].props
        else:
            assert rel.confidence == "medium"
            assert rel.props["note"].startswith("found by estuary load-doc")
    source = store.entities(["source:seed-article"])["source:seed-article"]
    assert source.to_dict() == before.to_dict()
    named = {m.entity.id: m for m in result.mentions}
    # Longest match: 学习借鉴苏州工业园区经验 names the park, and 苏州 only elsewhere.
    assert named["park:sip"].relation.evidence.startswith("学习借鉴苏州工业园区经验")
    assert "city:suzhou" in named and "苏州工业园区" not in named["city:suzhou"].relation.evidence


def test_loading_the_same_document_twice_changes_nothing(runner: CliRunner, db: Path) -> None:
    first = runner.invoke(app, ["load-doc", str(ARTICLE_PATH)])
    assert first.exit_code == 0, first.output
    saved = db.read_bytes()
    again = runner.invoke(app, ["load-doc", str(ARTICLE_PATH), "--json"])
    summary = json.loads(again.stdout)
    assert (summary["entities_created"], summary["entities_updated"],
            summary["relations_created"], summary["relations_updated"]) == (0, 0, 0, 0)
    assert summary["relations_already_present"] == summary["entities_named"]
    assert db.read_bytes() == saved


# -- matching ------------------------------------------------------------------------------------

def test_sentences_are_exact_substrings() -> None:
    text = " 甲乙。丙丁！\n\n戊己；庚辛？壬癸\r\n  子丑  "
    found = split_sentences(text)
    assert [s.text for s in found] == ["甲乙", "丙丁", "戊己", "庚辛", "壬癸", "子丑"]
    for s in found:
        assert text[s.start:s.start + len(s.text)] == s.text
    assert [s.line for s in found] == [1, 1, 3, 3, 3, 4]


def test_fixture_document_longest_match(embedded_built: Any) -> None:
    plan = plan_document(DOCS / "longest-match.txt", known=embedded_built.all_entities())
    named = {m.entity.id: m for m in plan.mentions}
    assert set(named) == {"city:nantong", "city:suzhou", "city:shanghai", "park:sip",
                          "industry:artificial-intelligence"}
    assert named["park:sip"].relation.evidence == "苏州工业园区的经验值得南通学习"
    # 苏州 is named in the title and in 苏州也在参与, not inside 苏州工业园区.
    assert named["city:suzhou"].sentences == 2
    assert named["city:nantong"].sentences == 3
    assert named["city:nantong"].relation.evidence == "南通与苏州合作调研"
    assert named["city:nantong"].relation.props["note"] == (
        "found by estuary load-doc: named in 3 sentences; the first is quoted")
    # AI inside CHAIN is no match; the sentence with AI on its own is.
    assert named["industry:artificial-intelligence"].relation.evidence == "但是 AI 算"
    assert plan.source.id == "source:longest-match"
    assert plan.source.name == "南通与苏州合作调研"  # the first line, no --title given
    assert plan.source.props["file"] == "longest-match.txt"
    text = (DOCS / "longest-match.txt").read_text(encoding="utf-8")
    assert all(r.evidence in text for r in plan.bundle.relations.values())


def _entity(entity_id: str, name: str, *aliases: str) -> Entity:
    label = {"city": "City", "park": "Park", "org": "Organization"}[entity_id.split(":")[0]]
    return Entity(id=entity_id, label=label, name=name, aliases=aliases)


def test_gazetteer_prefers_names_and_skips_ambiguous_aliases() -> None:
    gaz = NameScanner([
        _entity("city:a", "甲城", "甲", "双名"), _entity("park:b", "乙园", "双名", "甲城园区"),
        _entity("org:c", "丙会", "重名"), _entity("org:d", "丁会", "重名"),
        _entity("city:e", "双名城", "重名城"), _entity("org:f", "甲城"),
    ])
    assert "甲" not in gaz.owner  # single characters are never matched
    assert gaz.ambiguous["重名"] == ("org:c", "org:d")
    assert gaz.ambiguous["双名"] == ("city:a", "park:b")
    assert gaz.ambiguous["甲城"] == ("city:a", "org:f")  # the name of two entities
    assert gaz.owner["甲城园区"] == "park:b"
    text = "甲城园区与双名城、重名都在这里"
    assert [(m.start, m.text) for m in gaz.scan(text)] == [
        (0, "甲城园区"), (5, "双名城"), (9, "重名")]


def test_ambiguous_names_are_reported_not_linked(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("双名在此。乙园在彼。", encoding="utf-8")
    known = [_entity("city:a", "甲城", "双名"), _entity("park:b", "乙园", "双名")]
    plan = plan_document(doc, known=known)
    assert [m.entity.id for m in plan.mentions] == ["park:b"]
    assert plan.ambiguous == (("双名", ("city:a", "park:b")),)


def test_slug_of_file_names() -> None:
    assert slug(Path("seed-article.txt")) == "seed-article"
    assert slug(Path("南通调研 2024.v2.txt")) == "nantongdiaoyan-2024-v2"
    assert slug(Path("——.txt")) == ""


# -- options and bad input ---------------------------------------------------------------------

def test_title_url_and_id(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["load-doc", str(DOCS / "longest-match.txt"), "--id",
                                 "source:field-notes", "--title", "调研笔记", "--url",
                                 "https://example.cn/notes", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["id"] == "source:field-notes"
    assert data["source"]["name"] == "调研笔记" and data["source"]["title"] == "调研笔记"
    assert data["source"]["url"] == "https://example.cn/notes"
    assert data["entities_created"] == 1 and data["relations_created"] == 5
    shown = runner.invoke(app, ["mentions", "苏州工业园区", "--json"])
    sources = [m["source"] for m in json.loads(shown.stdout)["mentions"]]
    assert {"id": "source:field-notes", "name": "调研笔记", "url": "https://example.cn/notes",
            "file": "longest-match.txt"} in sources
    # Given again with another URL, the source is updated; its relations stay.
    again = runner.invoke(app, ["load-doc", str(DOCS / "longest-match.txt"), "--id",
                                "source:field-notes", "--url", "https://example.cn/v2",
                                "--json"])
    data = json.loads(again.stdout)
    assert (data["entities_updated"], data["relations_created"]) == (1, 0)
    assert data["source"]["url"] == "https://example.cn/v2"


def test_html_of_a_loaded_document(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    html = tmp_path / "doc.html"
    result = runner.invoke(app, ["load-doc", str(DOCS / "longest-match.txt"), "--html",
                                 str(html)])
    assert result.exit_code == 0, result.output
    assert "longest-match.txt → source:longest-match" in result.stdout
    assert html.exists() and "Wrote" in result.stderr


@pytest.mark.parametrize(("name", "message"), [
    ("gbk.txt", "gbk.txt:1: not valid UTF-8 (byte 0); it looks GBK/GB18030-encoded: save it "
                "as UTF-8"),
    ("binary.txt", "binary.txt:1: binary data (NUL byte): expected a UTF-8 text file"),
    ("empty.txt", "empty.txt: file is empty: expected UTF-8 Chinese text"),
    ("missing.txt", "missing.txt: cannot read file: No such file or directory"),
])
def test_unreadable_documents(runner: CliRunner, db: Path, name: str, message: str) -> None:
    saved = db.read_bytes()
    result = runner.invoke(app, ["load-doc", str(DOCS / name)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr, result.stderr
    assert "nothing was loaded" in result.stderr and "Traceback" not in result.output
    assert db.read_bytes() == saved


@pytest.mark.parametrize(("args", "message"), [
    (["--id", "Source:Bad Id"], "--id 'Source:Bad Id' must look like 'source:slug'"),
    (["--id", "city:nantong"], "--id 'city:nantong' must look like 'source:slug'"),
    (["--id", "source:seed-article"],
     "source:seed-article is a bundled source and this is not the text it ships: load-doc "
     "never adds to it; give this document another --id"),
    (["--id", "source:gbt-2260"], "source:gbt-2260 is a bundled source and this is not the "
                                  "text it ships"),
])
def test_bad_source_ids(runner: CliRunner, db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["load-doc", str(DOCS / "longest-match.txt"), *args])
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr


# -- both stores ---------------------------------------------------------------------------------

def test_load_doc_parity_with_neo4j(db: Path, neo4j_store: Any) -> None:
    """Load the seed article into both stores: the same mentions; then restore Neo4j."""
    from estuary.stores import ensure_bundled
    from tests.conftest import wipe_neo4j

    embedded = EmbeddedStore(db)
    try:
        here = load_document(embedded, ARTICLE_PATH)
        there = load_document(neo4j_store, ARTICLE_PATH)
        assert to_jsonable(here) == to_jsonable(there)
        for text in ("飞地孵化", "南通", "苏州工业园区", "两个确立"):
            assert to_jsonable(mentions(embedded, text)) == to_jsonable(
                mentions(neo4j_store, text))
        again = load_document(neo4j_store, ARTICLE_PATH)
        assert (again.relations_created, again.relations_updated, again.entities_updated) == (
            0, 0, 0)
    finally:
        wipe_neo4j(neo4j_store)
        ensure_bundled(neo4j_store)
