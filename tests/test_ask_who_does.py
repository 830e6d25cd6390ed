"""Who is behind something, asked with a loose verb (queries/ask/who_does.py), and an A-not-A
question not read as typed, read with 吗 (queries/ask/colloquial.asked_plainly).

Data: 苏锡通科技产业园区 is CO_BUILT by 南通, 苏州 and 无锡 (data/curated/parks.yaml); 南通
ADOPTS 统计双算; 海太过江通道 is CO_BUILT by 海门, 常熟 and 太仓; 北沿江高铁 CONNECTS 如皋.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from queries.ask.colloquial import asked_plainly


@pytest.mark.parametrize("question", [
    "苏锡通园区是谁在搞",  # 在 is no "located in" here: the answer was 南通, where it lies
    "苏锡通园区谁在弄的？",
    "谁在运营苏锡通园区",
    "苏锡通园区是谁跟谁一起搞的",
])
def test_a_park_asked_who_is_behind_is_its_builders(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "relation:CO_BUILDS:in"
    assert {"city:nantong", "city:suzhou", "city:wuxi"} <= {e.id for e in got.entities}
    assert any("Read as" in n for n in got.parsed.notes)


@pytest.mark.parametrize("question", ["统计双算是谁在推", "who is pushing dual statistics?"])
def test_a_mechanism_asked_who_is_behind_is_who_adopts_it(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "relation:ADOPTS:in"
    assert "city:nantong" in {e.id for e in got.entities}


def test_a_crossing_asked_who_is_behind(store: Any) -> None:
    got = ask(store, "Who's behind the Haitai tunnel?")
    assert {"city:haimen", "city:changshu", "city:taicang"} <= {e.id for e in got.entities}


def test_an_industry_asked_who_does_it_is_who_has_it(store: Any) -> None:
    got = ask(store, "谁在搞生物医药")
    # (with what parks are planned around: FOCUSES_ON, as a park's industry is recorded)
    assert got.parsed.intent.name.startswith("relation:HAS_INDUSTRY:in")
    assert got.entities and {e.label for e in got.entities} <= {"City", "Park", "Region"}


@pytest.mark.parametrize("question", [
    "who runs the Hu-Su-Tong alliance",  # an alliance: not read as co-building
    "谁在搞南通",  # a city: nothing of that kind
])
def test_other_kinds_are_not_read_as_builders(store: Any, question: str) -> None:
    from queries.ask import Unmappable

    try:
        got = ask(store, question)
    except Unmappable:
        return
    assert got.parsed.intent.name != "relation:CO_BUILDS:in"


def test_a_not_a_is_said_with_ma() -> None:
    assert asked_plainly("北沿江高铁过不过如皋？") == "北沿江高铁过如皋吗"
    assert asked_plainly("南通有没有新能源") is None  # read as it is
    assert asked_plainly("苏州是不是成员") is None


def test_a_not_a_question_not_read_as_typed_is_answered(store: Any) -> None:
    got = ask(store, "北沿江高铁过不过如皋")  # refused before: 过 alone is no verb it reads
    assert got.verdict is not None and "Read as '北沿江高铁过如皋吗'." in got.parsed.notes
    assert {"infra:north-yangtze-hsr", "city:rugao"} <= {
        i for r in got.verdict.relations for i in (r.start, r.end)}


@pytest.mark.parametrize("question", [
    "which parks run the enclave incubation model?",
    "哪些园区在搞飞地孵化",
])
def test_which_kind_is_behind_keeps_the_kind(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "relation:ADOPTS:in"
    assert got.entities and {e.label for e in got.entities} == {"Park"}


def test_zai_before_a_verb_is_no_located_in() -> None:
    from queries.ask.reading import read

    for masked in ("⟨0⟩是谁在搞", "⟨0⟩和⟨1⟩之间在修什么", "⟨0⟩在推哪些机制"):
        assert "在" not in [masked[v.start:v.end] for v in read(masked).verbs], masked
    assert "在" in [m[v.start:v.end] for m in ("⟨0⟩在⟨1⟩吗",) for v in read(m).verbs]


@pytest.mark.parametrize("question", ["海门和太仓之间在修什么？", "海门跟太仓之间在建些什么"])
def test_what_is_being_built_between_two_places_is_a_crossing(store: Any,
                                                              question: str) -> None:
    got = ask(store, question)  # before: the cities both lie in and belong to
    assert got.entities and {e.label for e in got.entities} == {"Infrastructure"}
    assert "infra:haitai-tunnel" in {e.id for e in got.entities}


@pytest.mark.parametrize(("question", "mechanism"), [
    ("GDP两边分开算那套机制，是谁在推？", "mechanism:dual-statistics"),
    ("who is doing GDP splitting?", "mechanism:dual-statistics"),
    ("职业资格互认是谁在搞", "mechanism:talent-qualification-recognition"),
])
def test_a_mechanism_in_the_analysts_words(store: Any, question: str, mechanism: str) -> None:
    got = ask(store, question)
    assert mechanism in {e.id for e in got.parsed.slots.values()}
    assert got.parsed.intent.name == "relation:ADOPTS:in" and got.entities


@pytest.mark.parametrize("question", [
    "上海和南通之间在搞什么合作",  # cooperation asked, not crossings
    "苏州和南通之间修了哪些桥",  # bridges asked: the kind word is kept
])
def test_the_between_rewrite_keeps_to_what_it_says(store: Any, question: str) -> None:
    got = ask(store, question)
    assert "通道" not in " ".join(got.parsed.notes)
    if "桥" in question:
        assert {e.id for e in got.entities} == {
            "infra:hu-su-tong-bridge", "infra:sutong-bridge", "infra:zhangjinggao-bridge"}
    else:
        assert not {e.label for e in got.entities} & {"Infrastructure"}


@pytest.mark.parametrize("question", ["沪苏通长江公铁大桥是谁弄的", "谁在管长三角"])
def test_crossings_and_regions_are_not_read_as_co_built(store: Any, question: str) -> None:
    from queries.ask import gazetteer
    from queries.ask.who_does import who_does

    assert who_does(question, gazetteer(store)) is None
