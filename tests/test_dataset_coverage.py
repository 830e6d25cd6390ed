"""The zone as analysts know it: what the bundled data must cover beyond the article.

Targets (issue 10): each of Nantong, Suzhou and Shanghai has at least ten industries from its
own plans; at least 25 co-built or paired parks, each with a builder at city level, directly
or rolled up (a district or county LOCATED_IN its city, a company or agency LOCATED_IN a
place). These are counts of sourced records, so a test that fails here means data was lost.
"""

from __future__ import annotations

from typing import Any

import pytest

from loaders.bundled import read_bundled

CITY_LEVELS = {"prefecture", "municipality"}


@pytest.fixture(scope="module")
def bundle() -> Any:
    return read_bundled()


def _city_of(entity_id: str, bundle: Any, seen: frozenset[str] = frozenset()) -> set[str]:
    """The prefecture-level cities an entity acts for, following LOCATED_IN upwards."""
    e = bundle.entities.get(entity_id)
    if e is None or entity_id in seen:
        return set()
    if e.label == "City" and e.props.get("level") in CITY_LEVELS:
        return {entity_id}
    out: set[str] = set()
    for r in bundle.relations.values():
        if r.type == "LOCATED_IN" and r.start == entity_id:
            out |= _city_of(r.end, bundle, seen | {entity_id})
    return out


@pytest.mark.parametrize("city", ["city:nantong", "city:suzhou", "city:shanghai"])
def test_core_cities_have_ten_industries_from_their_own_plans(bundle: Any, city: str) -> None:
    planned = {r.end for r in bundle.relations.values()
               if r.type == "HAS_INDUSTRY" and r.start == city and r.props.get("tier")}
    assert len(planned) >= 10, sorted(planned)


def test_twenty_five_cobuilt_parks_each_with_a_city_level_builder(bundle: Any) -> None:
    parks = [e.id for e in bundle.entities.values()
             if e.label == "Park" and e.props.get("kind") in ("co-built-park", "paired-park")]
    without = []
    for park in parks:
        builders = {r.start for r in bundle.relations.values()
                    if r.type == "CO_BUILDS" and r.end == park}
        if not set().union(*(_city_of(b, bundle) for b in builders)) if builders else True:
            without.append(park)
    assert len(parks) >= 25, len(parks)
    assert not without, without


def test_roll_up_follows_districts_and_companies(bundle: Any) -> None:
    """The roll-up above can fail: a district reaches its city, a company its place's city."""
    assert _city_of("city:qidong", bundle) == {"city:nantong"}
    assert _city_of("org:waigaoqiao-group", bundle) == {"city:shanghai"}
    assert _city_of("industry:biomedicine", bundle) == set()
