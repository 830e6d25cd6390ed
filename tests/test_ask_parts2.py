"""Two-part questions, "which has more" and complete answers (session 7, ask22), on both stores.

Each class is tested on variants of our own, both languages, different entities and kinds.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from queries.ask.more_of import MoreOf

# -- which of two has more: each side counted, both counts and lists, the one with more ------


@pytest.mark.parametrize("question,more,less", [
    ("Who co-builds more parks, Suzhou or Wuxi?", "city:suzhou", "city:wuxi"),
    ("苏州和无锡谁共建的园区多？", "city:suzhou", "city:wuxi"),
    ("Which one has more co-built parks: Shanghai or Nantong?", "city:nantong", "city:shanghai"),
    ("上海和南通，谁共建的园区更多？", "city:nantong", "city:shanghai"),
    ("Does Nantong or Suzhou have more national-level parks?", "city:nantong", "city:suzhou"),
    ("南通的国家级园区比苏州多吗", "city:nantong", "city:suzhou"),
    ("Are there more parks in Nantong than in Suzhou?", "city:nantong", "city:suzhou"),
    ("哪个城市的过江通道更多，南通还是苏州？", "city:nantong", "city:suzhou"),
    ("Which has more members, the YRD AI alliance or the YRD IC alliance?",
     "org:yrd-ai-alliance", "org:yrd-ic-alliance"),
    ("南通和苏州谁加入的联盟多？", "city:nantong", "city:suzhou"),
])
def test_which_of_two_has_more_counts_each(store: Any, question: str, more: str,
                                           less: str) -> None:
    got = ask(store, question)
    assert isinstance(got, MoreOf), type(got)
    assert [e.id for e in got.entities] == [more]  # the answer: the one with more
    counts = dict(zip([e.id for e in got.sides], got.counts, strict=True))
    assert counts[more] > counts[less]
    for part in got.parts:  # each count comes with its list, all of one reading
        assert part.answer is not None and part.answer.count is not None
    assert len({p.answer.parsed.intent.name for p in got.parts}) == 1
    assert "has more" in got.summary and "more" in got.to_dict()["compared"]


def test_which_has_more_says_when_equal(store: Any) -> None:
    got = ask(store, "Which of Haimen and Qidong has more crossings?")
    assert isinstance(got, MoreOf)
    assert {e.id for e in got.entities} == {"city:haimen", "city:qidong"}
    assert got.counts[0] == got.counts[1] and "same number" in got.summary


def test_which_has_more_counts_a_side_with_none_recorded_as_none(store: Any) -> None:
    got = ask(store, "Who has more pillar industries, Nantong or Shanghai?")
    assert isinstance(got, MoreOf) and [e.id for e in got.entities] == ["city:nantong"]
    assert got.counts[1] == 0 and got.parts[1].answer is None
    assert "none recorded" in got.parts[1].refused


def test_which_has_more_in_the_cli(runner: Any, db: Any) -> None:
    import json

    from estuary.cli import app

    result = runner.invoke(app, ["ask", "苏州和无锡谁共建的园区多？"])
    assert result.exit_code == 0, result.output
    assert "苏州 (Suzhou) has more" in result.output
    result = runner.invoke(app, ["ask", "Who co-builds more parks, Suzhou or Wuxi?", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["compared"]["more"] == ["city:suzhou"] and len(out["parts"]) == 2
