"""A sector named by its category (新能源产业, "the new materials industry") is answered with
who has the industries under it (queries/narrower.py), said as such, never as holders of the
category itself.

Data (data/taxonomy.yaml): 新能源 BROADER 新能源产业 (high), 未来能源 BROADER 新能源产业
(medium); 新兴产业 and 未来产业 BROADER 新能源产业 are low (the article's loose words) and are
not followed down. Nobody HAS_INDUSTRY a category itself.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from queries.narrower import holders_through_narrower, narrower_industries


def test_narrower_industries_follow_only_firm_steps(store: Any) -> None:
    under = narrower_industries(store, "industry:cat-new-energy")
    assert {"industry:new-energy", "industry:future-energy"} <= set(under)
    assert "industry:emerging" not in under and "industry:future" not in under
    # two levels down: what lies under 新能源 comes with both BROADER steps
    deeper = [i for i, chain in under.items() if len(chain) == 2]
    assert deeper and all(c[-1].end == "industry:cat-new-energy" for c in
                          (under[i] for i in deeper))


@pytest.mark.parametrize("question", [
    "新能源产业在哪些城市有布局",
    "Which cities have the new energy industry?",
    "哪些城市有新能源产业？",
])
def test_cities_of_a_category_are_the_holders_of_its_industries(store: Any,
                                                                 question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"city:nantong", "city:suzhou", "city:changzhou"} <= ids
    assert {e.label for e in got.entities} == {"City"}
    main = [r for r in got.ran if r.answers]
    assert main and main[-1].query == "holders_through_narrower"
    assert "through the industries under it" in main[-1].note
    assert "新能源 (New energy)" in main[-1].note


def test_parks_of_a_category(store: Any) -> None:
    got = ask(store, "哪些园区有新能源产业")
    assert {e.label for e in got.entities} == {"Park"}
    assert "park:suzhou-suqian" in {e.id for e in got.entities}
    # the narrower industries to ask about in turn are no longer given beside the answer
    assert not any(r.query == "related" and r.args.get("rel_type") == "BROADER"
                   for r in got.ran)


def test_a_recorded_holder_is_answered_without_going_down(store: Any) -> None:
    got = ask(store, "哪些城市有新能源")
    assert not any(r.query == "holders_through_narrower" for r in got.ran)
    assert "city:nantong" in {e.id for e in got.entities}


def test_each_holder_carries_the_chain_that_reaches_it(store: Any) -> None:
    result = holders_through_narrower(store, "industry:cat-new-energy", label="City")
    for item in result.items:
        types = {r.type for r in item.relations}
        assert "BROADER" in types and types & {"HAS_INDUSTRY", "FOCUSES_ON"}
    assert "industry:new-energy" in {e.id for e in result.through}
    assert result.to_dict()["through"]


def test_a_tier_asked_is_not_rolled_down(store: Any) -> None:
    # 战略性新兴产业 is a tier (a qualifier): the industries under 新兴产业 do not hold it
    from queries.ask import Unmappable

    with pytest.raises(Unmappable):
        ask(store, "哪些城市有战略性新兴产业")
