"""Both stores, same data, same answers: a difference is a bug in one of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graph.model import to_jsonable
from queries.errors import NoPath
from queries.links import links
from queries.neighbors import neighbors
from queries.paths import shortest_paths
from queries.search import search
from queries.show import show
from queries.stats import stats

QUESTIONS: dict[str, Callable[[Any], Any]] = {
    "links industry 南通 苏州": lambda s: links(s, "南通", "苏州", via="industry"),
    "links park 南通 苏州": lambda s: links(s, "南通", "苏州", via="park"),
    "links mechanism 南通 上海": lambda s: links(s, "南通", "上海", via="mechanism"),
    "links any 南通 苏州": lambda s: links(s, "南通", "苏州", via="any"),
    "links industry 南通 上海": lambda s: links(s, "南通", "上海", via="industry"),
    # Thousands of candidate paths: the Cypher must drop non-simple ones before its LIMIT.
    "links any 南通 上海 6 hops": lambda s: links(s, "南通", "上海", via="any", max_hops=6),
    "neighbors of a source": lambda s: neighbors(s, "source:seed-article", depth=2),
    "path from a source": lambda s: _no_path(lambda: shortest_paths(s, "source:seed-article",
                                                                    "南通")),
    "path 南通 苏州工业园区": lambda s: shortest_paths(s, "南通", "苏州工业园区"),
    "path 启东 临港新片区": lambda s: shortest_paths(s, "启东", "临港新片区", k=10),
    "neighbors 南通 2": lambda s: neighbors(s, "南通", depth=2),
    "neighbors 苏州 2 Industry": lambda s: neighbors(s, "苏州", depth=2, label="Industry"),
    "show 南通": lambda s: show(s, "南通"),
    "show 成本共担": lambda s: show(s, "成本共担"),
    "search su": lambda s: search(s, "su", limit=20),
    "search 园区": lambda s: search(s, "园区", limit=20),
}


def _no_path(ask: Callable[[], Any]) -> str:
    try:
        return repr(ask())
    except NoPath as exc:
        return f"NoPath: {exc}"


def _comparable(result: Any) -> Any:
    data = to_jsonable(result)
    if isinstance(data, dict):
        data.pop("store", None)
        data.pop("location", None)
    return data


@pytest.mark.parametrize("question", sorted(QUESTIONS))
def test_stores_agree(question: str, embedded_built: Any, neo4j_store: Any) -> None:
    ask = QUESTIONS[question]
    assert _comparable(ask(embedded_built)) == _comparable(ask(neo4j_store))


def test_stats_agree(embedded_built: Any, neo4j_store: Any) -> None:
    assert _comparable(stats(embedded_built)) == _comparable(stats(neo4j_store))
