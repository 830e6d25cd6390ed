"""Readings of session 17, on both stores, with variants of our own (never copied from an eval
file):

- A city's districts building parks in another city (上海哪些区在南通建了园区) are the districts
  that build there, never the parks (the CI failure of session 16: the city was kept as the
  place, and the rest read as Nantong's co-built parks).
- A list of things of one kind with "which" asked of them ("Which of Wuxi, Changzhou and
  Huzhou …", 上海、苏州、南通、常州中，哪些…) says the candidates: the question is asked of their
  kind and the answer kept to the listed ones, with a note naming those not among it.
- Places said one after another ("Shanghai, Suzhou, Nantong") are a list of places, never the
  English name of another thing that holds them all.
- "Parks with X as a lead industry?" asks which parks have X.
- A partner in a park (合作方, "a partner in the park") is one that co-builds it.
- A thing introduced by who built it where (中新集团在嘉善也建了个园区，…) is that one thing; a
  province said before its city (浙江嘉善) says where the city is.
- The part of a text the asker reads in (在“…”这一部分，) asks nothing.
- A kind said first with no asking word ("Railways between A and B, built or planned?") asks
  which of that kind.
- Values named after a question ("…? Name and size.") are a part of their own, told of the
  thing the yes found.
- Whether a place has a park doing an industry (启东有生物医药园区吗, "Does X have a
  biomedicine park?") is answered by its parks doing it, not by the place having the industry.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask


@pytest.mark.parametrize("question", ["上海的哪些区县在南通建了园区",
                                      "上海哪些区参与共建了南通的园区？"])
def test_a_citys_districts_building_in_another(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "builders-in"
    ids = {e.id for e in got.entities}
    assert {"city:pudong", "city:chongming"} <= ids
    assert all(e.label == "City" for e in got.entities)
    assert not ids & {"city:shanghai", "city:qidong", "city:suzhou"}


@pytest.mark.parametrize(("question", "listed", "found"), [
    ("Which of Wuxi, Changzhou and Huzhou have an NEV industry?",
     {"city:wuxi", "city:changzhou", "city:huzhou"}, {"city:changzhou", "city:huzhou"}),
    ("上海、苏州、南通、常州中，哪些有新能源汽车产业？",
     {"city:shanghai", "city:suzhou", "city:nantong", "city:changzhou"}, {"city:changzhou"}),
])
def test_which_of_the_listed(store: Any, question: str, listed: set[str],
                             found: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert found <= ids <= listed
    assert any("Kept to the" in n and "not among the answers" in n for n in got.parsed.notes)


def test_none_of_the_listed_is_said(store: Any) -> None:
    got = ask(store, "Shanghai, Suzhou or Nantong: which has NEVs?")
    assert not got.entities
    assert any("not among the answers" in n for n in got.parsed.notes)


def test_places_in_a_row_are_no_longer_name(store: Any) -> None:
    got = ask(store, "Which of Shanghai, Suzhou, Nantong and Changzhou have new energy "
                     "vehicles as an industry?")
    assert "org:sh-sz-investment-institutions" not in {e.id for e in got.entities}
    assert {e.id for e in got.entities} == {"city:changzhou"}


def test_parks_with_an_industry_as_a_lead_one(store: Any) -> None:
    got = ask(store, "Parks with auto parts as a main industry?")
    ids = {e.id for e in got.entities}
    assert "park:qidong-pudong-supporting-park" in ids
    assert all(e.label == "Park" for e in got.entities)


@pytest.mark.parametrize("question", ["崇明区是启东—崇明产业创新协同园区的合作方吗？",
                                      "Is Chongming a partner in the Qidong-Chongming park?"])
def test_a_partner_in_a_park_co_builds_it(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.held
    assert any(r.type == "CO_BUILDS" for r in got.verdict.relations)


@pytest.mark.parametrize("question", ["中新集团在嘉善也建了个园区，面积多大？",
                                      "中新集团在浙江嘉善搞了个园区，哪年开始的？"])
def test_a_thing_introduced_by_who_built_it_where(store: Any, question: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["park:cssd-jiashan"]


def test_the_section_read_in_asks_nothing(store: Any) -> None:
    got = ask(store, "在“探索各方利益平衡机制”这一部分，财税共享目前是什么状态？")
    assert [e.id for e in got.entities] == ["mechanism:fiscal-tax-sharing"]


def test_a_kind_said_first_asks_which(store: Any) -> None:
    got = ask(store, "Railways between Suzhou and Nantong, built or planned?")
    ids = {e.id for e in got.entities}
    assert {"infra:hu-su-tong-railway", "infra:tong-su-jia-yong-railway"} <= ids
    assert "infra:sutong-bridge" not in ids  # a road bridge is no railway
    assert all(e.label == "Infrastructure" for e in got.entities)


def test_values_named_after_a_yes(store: Any) -> None:
    got = ask(store, "Any semiconductor park in Nantong? Name and size.")
    assert len(got.parts) == 2
    told = got.parts[1].answer.told
    assert ("半导体装备和材料启东产业园 (Qidong Semiconductor Equipment and Materials Industrial "
            "Park)", "area_km2", 3.5) in told


@pytest.mark.parametrize(("question", "held", "parks"), [
    ("启东有生物医药园区吗？", True, {"park:dongjiang-biomedicine-park"}),
    ("Does Nantong have a semiconductor park?", True, {"park:qidong-semiconductor-park"}),
    ("苏州有没有船舶海工园区？", False, set()),
])
def test_a_park_doing_an_industry_in_a_place(store: Any, question: str, held: bool,
                                             parks: set[str]) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.held is held
    assert parks <= {e.id for e in got.verdict.entities}


def test_a_place_having_an_industry_is_still_its_own_check(store: Any) -> None:
    got = ask(store, "南通有生物医药产业吗？")
    assert got.verdict is not None and got.verdict.held
    assert "park:dongjiang-biomedicine-park" not in {e.id for e in got.verdict.entities}


@pytest.mark.parametrize("question", ["南通通往上海和苏州的大桥有哪些",
                                      "Which bridges go from Nantong to Shanghai and Suzhou?"])
def test_one_place_to_each_of_several(store: Any, question: str) -> None:
    """One place, then the places it goes to: each asked in turn, one part each."""
    got = ask(store, question)
    assert len(got.parts) == 2
    ids = {e.id for e in got.entities}
    assert {"infra:chongqi-bridge", "infra:sutong-bridge"} <= ids  # to Shanghai; to Suzhou
    assert all(e.label == "Infrastructure" for e in got.entities)


def test_a_kind_then_the_state_of_those_asked(store: Any) -> None:
    """…的大桥，已经通车的有哪几座: the bridges in that state, the kind kept (no railway)."""
    got = ask(store, "南通和上海之间的大桥，已经通车的有哪些？")
    assert [e.id for e in got.entities] == ["infra:chongqi-bridge"]


def test_on_file_is_what_the_graph_holds(store: Any) -> None:
    got = ask(store, "YRD AI alliance: members on file?")
    assert got.entities and all(e.label == "Organization" for e in got.entities)


@pytest.mark.parametrize(("question", "expected"), [
    ("Whose chain is energy storage?", {"city:nantong"}),
    ("Which cluster does energy storage belong to?", {"industry:new-energy"})])
def test_energy_storage_is_the_pv_and_storage_chain(store: Any, question: str,
                                                    expected: set[str]) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == expected


def test_a_later_pronoun_points_at_the_topic_said_first(store: Any) -> None:
    got = ask(store, "Energy storage - whose chain is it, and which cluster does it roll up to?")
    assert [e.id for e in got.parts[1].answer.entities] == ["industry:new-energy"]


@pytest.mark.parametrize("question", ["沪苏通长江公铁大桥总投资多少？",
                                      "What is the budget of the Zhangjinggao bridge?"])
def test_an_investment_total_is_no_figure_held(store: Any, question: str) -> None:
    from queries.ask.parsing import Unmappable

    with pytest.raises(Unmappable):
        ask(store, question)


def test_a_count_of_kinds_said_as_projects(store: Any) -> None:
    """…的桥、铁路、隧道，一共有几个项目: the kinds said are counted (项目 is no kind: parks)."""
    got = ask(store, "连到启东的桥、铁路、隧道，一共有几个项目？")
    assert got.count == 3
    assert all(e.label == "Infrastructure" for e in got.entities)


@pytest.mark.parametrize("question", ["南通在上海那边建了哪些载体？",
                                      "南通在上海建了哪些离岸创新中心之类的载体？"])
def test_what_one_builds_in_a_place(store: Any, question: str) -> None:
    """A在B建了哪些X: A's co-built things lying in B (an example said with 之类的 is one of
    them, not the only one), not what both build."""
    got = ask(store, question)
    assert {e.id for e in got.entities} == {"park:nantong-rd-centers",
                                            "park:offshore-innovation-centers"}


@pytest.mark.parametrize("question", ["启东和浦东之间有哪些园区层面的合作？",
                                      "What park-level cooperation is there between Qidong "
                                      "and Pudong?"])
def test_park_level_cooperation_between_two(store: Any, question: str) -> None:
    """Every park link between the two: co-built, or one's park partnering the other."""
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"park:qidong-pudong-collab-park", "park:qidong-semiconductor-park",
            "park:dongjiang-biomedicine-park"} <= ids
    assert all(e.label == "Park" for e in got.entities)


@pytest.mark.parametrize("question", ["When was the Nantong ETDZ set up?",
                                      "南通经济技术开发区是哪年设立的？"])
def test_a_date_asked_of_a_namesake(store: Any, question: str) -> None:
    """南通经济技术开发区 is the zone (approved 1984) and its administration (a shareholder
    with no date): the date is the zone's, said so, never the dates of the body's ties."""
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["park:nantong-etdz-park"]
    assert any("park:nantong-etdz-park" in n for n in got.parsed.notes)


@pytest.mark.parametrize("question", ["南通有哪些国家级先进制造业集群？",
                                      "Which Nantong clusters are national advanced "
                                      "manufacturing clusters?"])
def test_nantongs_national_clusters(store: Any, question: str) -> None:
    """Nantong's two rated clusters are recorded as a tier of its industries, as Suzhou's are
    (they were only on the programme's FOCUSES_ON, and the tier question found none)."""
    got = ask(store, question)
    assert {e.id for e in got.entities} == {"industry:shipbuilding-offshore",
                                            "industry:high-end-textiles"}


def test_a_date_between_two_namesakes_stays_theirs(store: Any) -> None:
    """Two named: the date is of their tie, not the zone's own founding."""
    got = ask(store, "When did the Nantong ETDZ sign a deal with the Waigaoqiao Group?")
    assert "park:nantong-etdz-park" not in {e.id for e in got.entities}
