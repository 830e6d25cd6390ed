"""A one-character kind word after 的, before what is asked (之间的桥有哪些, 南通的港有哪些),
is the kind asked (queries/ask/reading.py). Before, it was skipped and the question was read
as "which entities 有 both": their industries, listed as the answer (a wrong-kind answer
found by held-out round 13)."""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask


@pytest.mark.parametrize(("question", "present"), [
    # infra:chongqi-bridge CONNECTS 启东 (南通) and 崇明 (上海), data/curated/infrastructure.yaml
    ("南通跟上海之间过江的桥有哪些", "infra:chongqi-bridge"),
    ("南通和上海之间的桥有哪些", "infra:chongqi-bridge"),
    # infra:yangkou-port LOCATED_IN 南通's 如东 (data/curated/infrastructure.yaml)
    ("南通的港有哪些", "infra:yangkou-port"),
])
def test_a_one_character_kind_after_de_is_the_kind_asked(store: Any, question: str,
                                                        present: str) -> None:
    got = ask(store, question)
    ids = [e.id for e in got.entities]
    assert present in ids
    assert {e.label for e in got.entities} == {"Infrastructure"}
