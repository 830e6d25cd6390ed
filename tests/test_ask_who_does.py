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
    assert got.parsed.intent.name == "relation:HAS_INDUSTRY:in"
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
