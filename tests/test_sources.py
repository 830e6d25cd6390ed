"""Every curated fact names a public source, and its confidence follows the kind of source.

Government pages and official media support high confidence; other established media medium;
the dataset's own editorial judgements medium (graph.schema.SOURCE_KINDS). A fact may be
rated lower than its source allows (a figure the page only implies), never higher.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.schema import CONFIDENCE_LEVELS, SOURCE_KINDS
from loaders.bundled import read_bundled

RANK = {level: i for i, level in enumerate(reversed(CONFIDENCE_LEVELS))}  # low 0 … high 2


@pytest.fixture(scope="module")
def bundle() -> Any:
    return read_bundled()


def _sources(bundle: Any) -> dict[str, Any]:
    return {i: e for i, e in bundle.entities.items() if e.label == "Source"}


def test_every_source_has_an_address_title_publisher_date_and_kind(bundle: Any) -> None:
    missing = []
    for sid, src in _sources(bundle).items():
        kind = src.props.get("kind")
        if kind not in SOURCE_KINDS:
            missing.append(f"{sid}: kind {kind!r} is not one of {sorted(SOURCE_KINDS)}")
        need = ("title", "publisher", "published")
        if kind != "editorial" and not src.props.get("file"):
            need += ("url",)  # the article ships its text instead
        missing += [f"{sid}: no {field}" for field in need if not src.props.get(field)]
        # A standing page that shows no date may say so, but only an official one: a news
        # item without a date cannot be placed in time, so it is not used.
        if src.props.get("published") == "undated" and kind not in ("government",):
            missing.append(f"{sid}: undated, and not a government page")
    assert not missing, "\n".join(missing)


def test_every_fact_names_a_known_source_and_a_confidence(bundle: Any) -> None:
    sources = _sources(bundle)
    bad = [f"{r.type} {r.start} -> {r.end}: source {r.source}" for r in bundle.relations.values()
           if r.source not in sources]
    bad += [f"{r.type} {r.start} -> {r.end}: confidence {r.confidence!r}"
            for r in bundle.relations.values() if r.confidence not in CONFIDENCE_LEVELS]
    assert not bad, "\n".join(bad)


def test_confidence_follows_the_kind_of_source(bundle: Any) -> None:
    sources = _sources(bundle)
    too_high = []
    for r in bundle.relations.values():
        kind = sources[r.source].props.get("kind", "")
        allowed = SOURCE_KINDS.get(kind, "low")
        if RANK[r.confidence] > RANK[allowed]:
            too_high.append(f"{r.type} {r.start} -> {r.end}: {r.confidence} from {kind} "
                            f"source {r.source} (at most {allowed})")
    assert not too_high, "\n".join(too_high)


def test_entities_are_not_rated_above_their_source(bundle: Any) -> None:
    sources = _sources(bundle)
    too_high = []
    for e in bundle.entities.values():
        src, conf = e.props.get("source"), e.props.get("confidence")
        if not src or not conf or src not in sources:
            continue
        allowed = SOURCE_KINDS.get(sources[src].props.get("kind", ""), "low")
        if RANK[conf] > RANK[allowed]:
            too_high.append(f"{e.id}: {conf} from {src} (at most {allowed})")
    assert not too_high, "\n".join(too_high)


def test_the_check_refuses_a_fact_rated_above_its_source() -> None:
    """The rule above can fail: a high fact from a media source is too high."""
    assert RANK["high"] > RANK[SOURCE_KINDS["media"]]
    assert RANK["medium"] <= RANK[SOURCE_KINDS["media"]]


def test_every_place_has_coordinates(bundle: Any) -> None:
    """Every City, and every Region that is one place (a province, a special administrative
    region), has its seat's coordinates; areas (circles, belts, zones) have none to give."""
    points = {"province", "special-administrative-region", "municipality"}
    missing = [e.id for e in bundle.entities.values()
               if (e.label == "City" or (e.label == "Region" and e.props.get("kind") in points))
               and (e.props.get("lon") is None or e.props.get("lat") is None)]
    assert not missing, missing
