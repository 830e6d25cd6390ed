"""The grammar over the schema and its lexicon (queries/ask/lexicon.yaml), row by row; kind
checks, counts, and the analyst's own questions file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from graph.gazetteer import mask, prepare, recognise
from graph.schema import LABELS, REL_TYPES
from queries.ask import (
    Gazetteer,
    LexiconError,
    Unmappable,
    answer,
    ask,
    gazetteer,
    lexicon,
    parse,
    parse_lexicon,
    parse_questions,
)
from queries.ask.reading import asked_labels, find, read

LEX = lexicon()
ASKED = [t for t in REL_TYPES if t != "MENTIONS"]


@pytest.fixture(scope="module")
def gaz(embedded_built: Any) -> Gazetteer:
    return gazetteer(embedded_built)


# -- the lexicon, row by row -------------------------------------------------------------------

def test_lexicon_covers_the_schema() -> None:
    assert set(LEX.labels) <= set(LABELS)
    assert set(LABELS) - {"Source"} <= set(LEX.labels)
    for rel_type in REL_TYPES:
        assert LEX.verbs_of(rel_type), rel_type


@pytest.mark.parametrize(("label", "word"), [(label, w) for label, words in LEX.labels.items()
                                             for w in words])
def test_every_label_word_is_read_as_its_label(label: str, word: str) -> None:
    question = ("which " if word.isascii() else "哪些") + word
    if label == "Source":
        assert find([(word, label)], question)
        return
    asked = asked_labels(prepare(question))
    assert asked is not None and label in asked, (word, asked)


@pytest.mark.parametrize(("rel_type", "word"), sorted({(v.rel_type, v.text) for v in LEX.verbs}))
def test_every_verb_is_found_for_its_relation(rel_type: str, word: str) -> None:
    text = f"⟨0⟩ {word} ⟨1⟩" if word.isascii() else f"⟨0⟩{word}⟨1⟩"
    found = {h.value.rel_type for h in read(text).verbs if isinstance(h.value, object)}
    assert rel_type in found, (word, found)


@pytest.mark.parametrize(("entity_id", "term"), sorted((i, t) for i, terms in LEX.concepts.items()
                                                        for t in terms))
def test_every_concept_names_its_entity(gaz: Gazetteer, entity_id: str, term: str) -> None:
    assert entity_id in gaz.entities, f"{entity_id} is not in the bundled data"
    _, mentions = recognise(term, gaz)
    assert any(entity_id in m.ids for m in mentions), (term, mentions)


@pytest.mark.parametrize("row", range(len(LEX.qualifiers)))
def test_every_qualifier_narrows_a_property_of_the_schema(row: int) -> None:
    qualifier = LEX.qualifiers[row]
    assert qualifier.words
    for key in qualifier.where:
        assert any(key in rel.properties for rel in REL_TYPES.values()), key


def test_unheld_and_wording_are_words() -> None:
    assert "gdp" in LEX.unheld and "population" in LEX.unheld
    assert all(LEX.wording)


def test_a_type_without_an_entry_is_asked_by_its_schema_names() -> None:
    """A relationship type added later needs no lexicon row: its zh name and its name in
    words are its verbs."""
    lex = parse_lexicon("labels: {City: {zh: [城市]}}\nrelations: {}\n")
    verbs = {(v.rel_type, v.text) for v in lex.verbs}
    for rel_type, rel in REL_TYPES.items():
        assert (rel_type, prepare(rel.zh)) in verbs
        assert (rel_type, rel_type.lower().replace("_", " ")) in verbs


def test_lexicon_errors_name_file_and_line() -> None:
    text = "labels:\n  Planet: {zh: [行星]}\nrelations:\n  LIKES:\n    active: {zh: [喜欢]}\n"
    with pytest.raises(LexiconError) as err:
        parse_lexicon(text, "lex.yaml")
    assert str(err.value).splitlines() == [
        f"lex.yaml:2: unknown label 'Planet'; the schema has {', '.join(LABELS)}",
        f"lex.yaml:5: unknown relationship type 'LIKES'; the schema has {', '.join(REL_TYPES)}"]


# -- names are not split -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ids"), [
    ("How many cities make up the Su-Xi-Chang-Tong sci-tech innovation circle?",
     ["region:su-xi-chang-tong-circle"]),
    ("Su Xi Chang Tong", ["region:su-xi-chang-tong-circle"]),
    ("苏锡常通", ["region:su-xi-chang-tong-circle"]),
    ("Nantong is the only city north of the Yangtze", ["city:nantong"]),
    ("Xi", []),
    ("Yangtze", []),
])
def test_multi_word_names_are_not_split(gaz: Gazetteer, text: str, ids: list[str]) -> None:
    _, mentions = recognise(text, gaz)
    assert [i for m in mentions for i in m.ids] == ids


# -- the grammar, for every relationship type --------------------------------------------------

def _example(store: Any, rel_type: str) -> tuple[Any, Any]:
    """A relation of this type whose ends have different labels when one exists."""
    rels = [r for r in store.all_relations() if r.type == rel_type and r.start != r.end]
    ents = store.entities({x for r in rels for x in (r.start, r.end)})
    rels.sort(key=lambda r: (ents[r.start].label == ents[r.end].label, r.start, r.end))
    return ents[rels[0].start], ents[rels[0].end]


def _verb(rel_type: str, zh: bool, active: bool = True) -> str | None:
    words = [v.text for v in LEX.verbs_of(rel_type) if v.active == active
             and v.text.isascii() != zh and len(v.text) > 1]
    return words[0] if words else None  # the first listed: the row's plainest verb


def _label_word(label: str, zh: bool) -> str:
    """The label's first word that names the whole kind (not 'bridge': a kind of its own)."""
    narrower = {w for kind in LEX.kinds for w in kind.words}
    return next(w for w in LEX.labels[label] if w.isascii() != zh and len(w) > 1
                and w not in narrower)


@pytest.mark.parametrize("rel_type", ASKED)
@pytest.mark.parametrize("zh", [True, False], ids=["zh", "en"])
def test_which_label_verb_entity_for_every_type(embedded_built: Any, gaz: Gazetteer,
                                               rel_type: str, zh: bool) -> None:
    """哪些<label><verb><entity> / which <label> <verb> <entity>: the sources of a target."""
    source, target = _example(embedded_built, rel_type)
    verb = _verb(rel_type, zh)
    if verb is None:
        pytest.skip(f"no {'zh' if zh else 'en'} active verb for {rel_type}")
    word = _label_word(source.label, zh)
    name = target.name if zh or not target.name_en else target.name_en
    question = f"哪些{word}{verb}{name}" if zh else f"which {word} {verb} {name}"
    got = ask(embedded_built, question, gaz)
    assert source.id in {e.id for e in got.entities}, (question, got.parsed.intent.name)
    assert all(e.label == source.label for e in got.entities), question


@pytest.mark.parametrize("rel_type", ASKED)
@pytest.mark.parametrize("zh", [True, False], ids=["zh", "en"])
def test_entity_verb_which_label_for_every_type(embedded_built: Any, gaz: Gazetteer,
                                               rel_type: str, zh: bool) -> None:
    """<entity><verb>哪些<label> / which <label> does <entity> <verb>: the targets."""
    source, target = _example(embedded_built, rel_type)
    verb = _verb(rel_type, zh)
    if verb is None:
        pytest.skip(f"no {'zh' if zh else 'en'} active verb for {rel_type}")
    word = _label_word(target.label, zh)
    name = source.name if zh or not source.name_en else source.name_en
    question = f"{name}{verb}哪些{word}" if zh else f"which {word} does {name} {verb}"
    got = ask(embedded_built, question, gaz)
    assert target.id in {e.id for e in got.entities}, (question, got.parsed.intent.name)


@pytest.mark.parametrize(("question", "expected", "kind"), [
    ("上海市北高新（南通）科技城是谁和谁一起建的？", {"org:shibei-hi-tech"}, None),
    ("Who built the Suxitong park?", {"city:nantong", "city:suzhou", "city:wuxi"}, "City"),
    ("what does the 沪苏通铁路 link", {"city:shanghai", "city:nantong"}, None),
    ("崇启大桥连接哪里？", {"city:chongming", "city:qidong"}, None),
    ("哪些桥梁、铁路把南通和苏州连在一起？", {"infra:sutong-bridge", "infra:hu-su-tong-railway"},
     "Infrastructure"),
    ("Which circles does Wuxi belong to?", {"region:su-xi-chang-tong-circle"}, "Region"),
    ("哪些城市采用了园区共建的做法？", {"city:nantong"}, "City"),
    ("what is the Sutong bridge connected to", {"city:nantong", "city:suzhou"}, None),
])
def test_grammar_answers(store: Any, question: str, expected: set[str], kind: str | None) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert expected <= ids, (got.parsed.intent.name, ids)
    if kind:
        assert {e.label for e in got.entities} == {kind}


def test_three_entities_share_what_all_of_them_relate_to(store: Any) -> None:
    got = ask(store, "南通和苏州和上海之间有哪些产业联系")
    assert got.primary.query == "common_within"  # (a district's industries count for its city)
    assert got.primary.args["others"] == ("city:shanghai",)
    ids = {e.id for e in got.entities}
    assert ids and all(e.label == "Industry" for e in got.entities)
    for city in ("city:nantong", "city:suzhou", "city:shanghai"):
        assert all(any(city in (r.start, r.end) for r in item.relations)
                   for item in got.primary.result.items)


# -- kinds and counts --------------------------------------------------------------------------

def test_an_answer_of_another_kind_says_so(embedded_built: Any, gaz: Gazetteer) -> None:
    from dataclasses import replace

    parsed = replace(parse("南通在探索哪些机制", gaz), asked=frozenset({"City"}))
    got = answer(embedded_built, parsed)
    assert got.kind_note == ("The graph records Mechanism entities, not City, for this; here "
                             "is what it holds.")
    assert got.count is None


@pytest.mark.parametrize(("question", "count"), [
    ("南通一共有多少条优势产业链？", 16),
    ("How many cities make up the Su-Xi-Chang-Tong sci-tech innovation circle?", 4),
])
def test_count_questions_give_the_number_and_the_list(store: Any, question: str,
                                                      count: int) -> None:
    got = ask(store, question)
    assert got.count == count == len(got.entities)
    assert got.to_dict()["answer"]["count"] == count


def test_unheld_is_refused(gaz: Gazetteer) -> None:
    with pytest.raises(Unmappable) as err:
        parse("What is PetroChina's share price today?", gaz)
    assert "The graph does not record 'share price'." in str(err.value)


# -- the analyst's questions file --------------------------------------------------------------

QUESTIONS = """\
- pattern: "who puts money into {x}"
  query: related
  args: ["{x}"]
  kwargs: {rel_type: CO_BUILDS, direction: in}
  question: "Who invests in {x}?"
"""


def test_questions_file_maps_a_pattern_to_a_query(embedded_built: Any, gaz: Gazetteer) -> None:
    user = parse_questions(QUESTIONS, "q.yaml")
    got = ask(embedded_built, "who puts money into the Nantong new airport", gaz, extra=user)
    assert got.parsed.intent.name == "user:1"
    assert got.primary.args == {"entity": "infra:nantong-new-airport", "rel_type": "CO_BUILDS",
                                "direction": "in"}
    assert "org:shanghai-airport-authority" in {e.id for e in got.entities}


def test_questions_file_errors_name_file_and_line() -> None:
    text = ("- pattern: \"who funds {x}\"\n  query: relatd\n"
            "- pattern: \"who funds {x}\"\n  query: related\n  args: [\"{y}\"]\n"
            "- pattern: \"who funds {x}\"\n  query: related\n  args: [\"{x}\"]\n"
            "  kwargs: {rel_type: FUNDS}\n"
            "- pattern: \"x\"\n  query: related\n  colour: red\n")
    with pytest.raises(LexiconError) as err:
        parse_questions(text, "q.yaml")
    lines = str(err.value).splitlines()
    assert lines[0].startswith("q.yaml:1: unknown query 'relatd'; choose from links, ")
    assert lines[1] == "q.yaml:3: {y} is used in args but not in the pattern"
    assert lines[2].startswith("q.yaml:6: unknown rel_type 'FUNDS'; choose from HAS_INDUSTRY")
    assert lines[3].startswith("q.yaml:10: unknown key 'colour'; an entry has pattern")


def test_cli_questions_file_list_and_json(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    listed = runner.invoke(app, ["ask", "--list", "--questions", str(path)])
    assert listed.exit_code == 0, listed.output
    assert "user:1" in listed.stdout and "Who invests in {x}?" in listed.stdout
    assert "1 of them from your questions file" in listed.stdout
    got = runner.invoke(app, ["ask", "--questions", str(path), "--json",
                              "who puts money into the Nantong new airport"])
    assert got.exit_code == 0, got.output
    data = json.loads(got.stdout)
    assert data["intent"] == "user:1"
    assert "org:shanghai-airport-authority" in {e["id"] for e in data["answer"]["entities"]}
    counted = json.loads(runner.invoke(app, ["ask", "--json", "南通一共有多少条优势产业链"]).stdout)
    assert counted["answer"]["count"] == 16


def test_cli_bad_questions_file_is_one_error(runner: CliRunner, db: Path,
                                             tmp_path: Path) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text("- pattern: \"who funds {x}\"\n  query: relatd\n", encoding="utf-8")
    result = runner.invoke(app, ["ask", "--questions", str(path), "谁投资了南通新机场"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}:1: unknown query 'relatd'")
    assert "Traceback" not in result.output


def test_masking_keeps_entities_out_of_the_grammar(gaz: Gazetteer) -> None:
    # 园区共建 names a mechanism: its 共建 is not read as a verb of the question.
    q, mentions = recognise("哪些城市采用了园区共建的做法", gaz)
    verbs = {h.value.rel_type for h in read(mask(q, mentions)).verbs}  # type: ignore[attr-defined]
    assert verbs == {"ADOPTS"}


# -- conditions on a property ------------------------------------------------------------------

@pytest.mark.parametrize(("question", "expected", "excluded"), [
    ("截至2015年，哪些跨江大桥已经通车？", {"infra:sutong-bridge", "infra:chongqi-bridge"},
     {"infra:hu-su-tong-bridge", "infra:nantong-new-airport"}),
    ("Which parks were established before 2010?", {"park:sip", "park:sutong-park"},
     {"park:suxitong-park"}),
    ("面积超过100平方公里的园区有哪些？", {"park:sip", "park:yrd-green-demo-zone"},
     {"park:suxitong-park", "park:sutong-park"}),
    ("What's the biggest park in the graph by area?", {"park:yrd-green-demo-zone"},
     {"park:sip"}),
    ("苏通园区里持股超过三分之一的是哪几家？", {"org:cssd", "org:nantong-etdz"},
     {"org:jiangsu-nongken"}),
])
def test_conditions_narrow_the_answer(store: Any, question: str, expected: set[str],
                                      excluded: set[str]) -> None:
    ids = {e.id for e in ask(store, question).entities}
    assert expected <= ids and not ids & excluded, ids


# -- concepts that name a set ------------------------------------------------------------------

CROSSINGS = {"infra:sutong-bridge", "infra:chongqi-bridge", "infra:hu-su-tong-bridge",
             "infra:hu-su-tong-railway", "infra:chongqi-rail-road-bridge", "infra:haitai-tunnel",
             "infra:chonghai-crossing", "infra:sutong-second-crossing",
             "infra:zhangjinggao-bridge", "infra:shanghai-yangtze-tunnel-bridge",
             "infra:tong-su-jia-yong-railway",  # (over the Hu-Su-Tong bridge)
             "infra:north-yangtze-hsr"}  # (over the north branch, on the 崇启公铁大桥)
BRIDGES = {"infra:sutong-bridge", "infra:chongqi-bridge", "infra:hu-su-tong-bridge",
           "infra:chongqi-rail-road-bridge", "infra:zhangjinggao-bridge"}


@pytest.mark.parametrize(("question", "within", "least"), [
    ("Which bridges cross the Yangtze?", CROSSINGS, BRIDGES),
    ("有哪些跨江园区？", {"park:suxitong-park", "park:sutong-park",
                    "park:qidong-pudong-collab-park", "park:qidong-chongming-collab-park",
                    "park:jiangyin-jingjiang", "park:xitong-park"},
     {"park:suxitong-park"}),
    ("南通有哪些跨江通道？", CROSSINGS, {"infra:sutong-bridge"}),
])
def test_a_concept_that_names_a_set_answers_within_it(store: Any, question: str,
                                                      within: set[str], least: set[str]) -> None:
    ids = {e.id for e in ask(store, question).entities}
    assert least <= ids <= within, ids


def test_between_two_entities_and_connected_to(embedded_built: Any, gaz: Gazetteer) -> None:
    between = ask(embedded_built, "南通和上海之间有哪些园区？", gaz)
    assert between.parsed.intent.name == "between:Park"
    assert between.primary.query == "links" and between.primary.args["via"] == "park"
    connected = ask(embedded_built, "What is Nantong connected to?", gaz)
    assert connected.primary.args["rel_type"] is None
    assert len({e.label for e in connected.entities}) > 3


@pytest.mark.parametrize("question", ["Trace the supply chain from petrochemicals down to "
                                      "home textiles", "从石化到家纺经过哪些产业？"])
def test_from_a_to_b_is_a_route(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "route" and got.primary.query == "shortest_paths"
    ids = {e.id for e in got.entities}
    assert {"industry:chemical-fibers", "industry:high-end-home-textiles"} <= ids
    assert {e.label for e in got.entities} == {"Industry"}


# -- what the graph does not hold is refused, never answered with something else -------------

@pytest.mark.parametrize(("question", "hint"), [
    ("Which hospitals are in Nantong?", "The graph holds no kind called 'hospitals'"),
    ("Who is the party secretary of Nantong?", ""),
    ("What is the area of Qidong?", ""),
    ("哪些企业在南通投资？", ""),
    ("南通2023年的GDP是多少？", "The graph does not record 'gdp'."),
])
def test_what_the_graph_does_not_hold_is_refused(gaz: Gazetteer, question: str,
                                                 hint: str) -> None:
    with pytest.raises(Unmappable) as err:
        parse(question, gaz)
    assert hint in str(err.value)


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("石化的下游是哪些产业？", {"industry:chemical-fibers"}, set()),
    ("纺织面料的上游是什么？", {"industry:chemical-fibers"}, set()),
    ("What feeds the electronic information industry?", {"industry:integrated-circuits"}, set()),
    ("谁在学河套深港科技创新合作区的做法？", {"city:nantong"}, {"city:shenzhen"}),
])
def test_direction_is_never_turned_round_for_a_verb_that_says_it(
        store: Any, question: str, expected: set[str], never: set[str]) -> None:
    ids = {e.id for e in ask(store, question).entities}
    assert expected <= ids and not ids & never, ids


def test_a_kind_the_relation_cannot_have_is_answered_with_what_it_holds(store: Any) -> None:
    """No city FOCUSES_ON an industry in the schema: the answer says what the graph holds.
    ("focus on" is also read as HAS_INDUSTRY since round D: a city focuses on the industries
    it has; "dedicated to" says FOCUSES_ON alone.)"""
    focus = {e.id for e in ask(store, "Which cities focus on biomedicine?").entities}
    assert "city:suzhou" in focus and all(i.startswith("city:") for i in focus)
    got = ask(store, "Which cities are dedicated to biomedicine?")
    assert got.parsed.asked == frozenset({"City"})
    assert got.kind_note == ("The graph records Organization entities, not City, for this; "
                             "here is what it holds.")
    assert "org:yrd-biomedicine-alliance" in {e.id for e in got.entities}
    assert got.to_dict()["notes"][0] == got.kind_note
