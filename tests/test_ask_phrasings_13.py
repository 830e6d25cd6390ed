"""Readings of session 13, on both stores, with variants of our own (never copied from an eval
file):

- Parks doing an industry are read through both ways a park's industry is recorded
  (HAS_INDUSTRY, FOCUSES_ON) and through the industries under it (东江生物医药产业园 is
  recorded with 生物医药及医疗器械); "做", "doing", "makes" say what a place or park does.
- A place said before the kind in English ("Qidong parks doing …", "any park in Qidong doing …")
  keeps the list to what lies in it, as 南通有哪些园区… does.
- Two states set against each other (是在试点还是已经落地) ask which one holds: the status.
- A bare kind counted after it is named (机制一共几个) is a count of every one.
- A passive's "being" ("which mechanisms are being applied") is no unknown word, and keeps the
  state it names.
- A kind word naming a value no entity of the kind asked holds ("national" said of industries)
  keeps nothing out.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from tests.conftest import ask_lists

QIDONG_BIOMEDICINE = {"park:qidong-pudong-supporting-park", "park:dongjiang-biomedicine-park"}


@pytest.mark.parametrize("question", ["启东有哪些园区做生物医药",
                                      "Which Qidong parks do biomedicine?",
                                      "Qidong parks doing biomedicine",
                                      "启东干生物医药的园区有哪些"])
def test_parks_doing_an_industry_include_those_with_one_under_it(store: Any,
                                                                  question: str) -> None:
    ask_lists(store, question, QIDONG_BIOMEDICINE,
              {"park:qidong-semiconductor-park", "park:china-jianghai-park"}, "Park")


@pytest.mark.parametrize("question", ["any park in Qidong doing semiconductors?",
                                      "Which parks in Qidong make chips?"])
def test_a_park_in_a_place_doing_an_industry_is_a_list(store: Any, question: str) -> None:
    ask_lists(store, question, {"park:qidong-semiconductor-park"},
              {"park:dongjiang-biomedicine-park"}, "Park")


@pytest.mark.parametrize("question", ["南通的统计双算，是在试点还是已经落地了？",
                                      "Is dual statistics in Nantong at the pilot stage or "
                                      "already implemented?"])
def test_two_states_set_against_each_other_ask_the_status(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.text.startswith("Its status is exploring")
    assert "mechanism:dual-statistics" in {e.id for e in got.entities}


def test_a_bare_kind_counted_after_it_is_named_counts_every_one(store: Any) -> None:
    every = ask(store, "一共有几个机制")
    assert every.count is not None and every.count > 10
    assert ask(store, "机制一共几个").count == every.count
    assert ask(store, "机制共几项").count == every.count


def test_a_place_before_a_count_is_no_kind() -> None:
    from queries.ask.colloquial import plain

    assert plain("南通共有几个园区") == "南通共有几个园区"
    assert plain("园区总共多少个") == "一共有多少个园区"


@pytest.mark.parametrize("question", ["Which mechanisms are being applied?",
                                      "Which mechanisms are already being applied?"])
def test_a_passive_keeps_the_state_it_names(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert ids and "mechanism:dual-statistics" not in ids  # (exploring, not applying)
    assert {e.label for e in got.entities} == {"Mechanism"}


def test_a_kind_word_no_entity_of_the_kind_holds_keeps_nothing_out(store: Any) -> None:
    ask_lists(store, "Under which national category is high-end equipment filed?",
              {"industry:cat-high-end-equipment"}, set(), "Industry")
    # ... and a park's level still keeps parks
    got = ask(store, "Which national parks are in Nantong?")
    assert got.entities and all(e.props.get("level") == "national" for e in got.entities)


@pytest.mark.parametrize("question", ["南通有几条产业链",
                                      "How many industrial chains does Nantong have?"])
def test_chains_counted_are_the_chains_not_the_clusters(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.count == 16  # data/curated/nantong-616.yaml: the 16 优势产业链
    assert {e.props.get("level") for e in got.entities} == {"chain"}


def test_an_industry_said_with_this_industry_is_the_industry_not_its_category(
        store: Any) -> None:
    """生物医药这个行业: 生物医药, not 生物医药 joined to 行业 into another name; and 列为重点
    says a place has it."""
    got = ask(store, "生物医药这个行业，哪些城市把它列为重点？")
    assert got.parsed.slots["x"].id == "industry:biomedicine"
    assert {e.label for e in got.entities} == {"City"}
    assert "city:shanghai" in {e.id for e in got.entities}


# -- who chairs an alliance or council (MEMBER_OF role chair) ----------------------------------

@pytest.mark.parametrize("question,chair,member", [
    ("Who chairs the YRD AI alliance?", "org:iflytek", None),
    ("长三角人工智能产业链联盟的理事长单位是谁", "org:iflytek", None),
    ("长三角集成电路产业联盟的牵头单位是哪家", "org:shanghai-ic-association", None),
    ("长江沿岸中心城市经济协调会的主席单位是哪个城市", "city:shanghai", "city:nantong")])
def test_the_chair_of_an_alliance_is_its_member_with_that_role(
        store: Any, question: str, chair: str, member: str | None) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert ids == {chair}, ids
    if member is not None:  # a plain member is still a member
        assert member in {e.id for e in ask(store, "长江沿岸中心城市经济协调会有哪些成员").entities}


@pytest.mark.parametrize("question,holder", [
    ("苏通科技产业园里，南通开发区那一方占多少股", "org:nantong-etdz"),
    ("张家港宿豫工业园，张家港那边持股多少", "city:zhangjiagang")])
def test_a_holder_said_as_that_side_is_the_subject_of_its_share(store: Any, question: str,
                                                                holder: str) -> None:
    assert [e.id for e in ask(store, question).entities] == [holder]


@pytest.mark.parametrize("question", ["What ties Haimen to Suzhou?",
                                      "what ties Qidong to Pudong?"])
def test_what_ties_two_places_is_theirs_not_their_containers(store: Any,
                                                             question: str) -> None:
    """Qidong lies in Nantong, which learns from Pudong: a tie of Nantong's, left out where
    the places have ties of their own (Qidong's parks with Pudong); where they have none
    (Haimen and Suzhou), the route through Nantong is all there is, and it stays."""
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    if "Qidong" in question:
        assert "park:qidong-pudong-collab-park" in ids and "city:nantong" not in ids, ids
    else:
        assert "city:nantong" in ids, ids


def test_who_asks_and_why_before_a_colon_is_the_scene_not_the_question(store: Any) -> None:
    """我们做材料要用：… names 材料 and 报告-like words that are no part of the question."""
    plain_count = ask(store, "文章里南通要学习借鉴的样板一共有几个").count
    framed = ask(store, "我们写报告要用：文章里南通要学习借鉴的样板一共有几个")
    assert plain_count and framed.count == plain_count
    from queries.ask.colloquial import plain

    assert plain("南通：有哪些园区") == "南通：有哪些园区"  # a topic before the colon stays


def test_any_of_a_kind_meeting_a_condition_none_does_is_a_no_with_what_is_held(
        store: Any) -> None:
    got = ask(store, "Is there any crossing in Haimen that is already open?")
    assert got.parsed.notes[0].startswith("No — none of the")
    assert "infra:haitai-tunnel" in {e.id for e in got.entities}
    assert "status under-construction" in got.parsed.notes[0]
    # ... where some do, they are the answer, with no such note
    opened = ask(store, "Does Nantong have any crossing that is already open?")
    assert opened.entities and not any(n.startswith("No — ") for n in opened.parsed.notes)


def test_a_rail_road_bridge_is_a_bridge_and_listed_beside_the_railways(store: Any) -> None:
    """崇启公铁长江大桥 carries the North-Yangtze line: asked for a rail link between Qidong and
    Chongming it is listed; counted among bridges, not among railways."""
    ask_lists(store, "Qidong to Chongming: which rail lines link them?",
              {"infra:chongqi-rail-road-bridge", "infra:north-yangtze-hsr"},
              {"infra:chongqi-bridge"})
    bridges = ask(store, "启东有几座大桥")
    assert "infra:chongqi-rail-road-bridge" in {e.id for e in bridges.entities}
    railways = ask(store, "启东有几条铁路")
    assert railways.count == len([e for e in railways.entities
                                  if e.props.get("kind") == "railway"]) > 0


@pytest.mark.parametrize("question", ["Where has the Waigaoqiao Group got a foothold in Nantong?",
                                      "Where does the Waigaoqiao Group have a presence in "
                                      "Nantong?"])
def test_a_foothold_in_a_place_is_what_it_relates_to_there(store: Any, question: str) -> None:
    ask_lists(store, question, {"park:waigaoqiao-qidong-park"}, {"city:shanghai"})


def test_on_a_place_s_side_is_in_that_place(store: Any) -> None:
    ask_lists(store, "Which crossings on the Qidong side are still under construction?",
              {"infra:chongqi-rail-road-bridge"}, {"infra:chongqi-bridge"}, "Infrastructure")


def test_a_place_s_industries_asked_among_are_those_it_has(store: Any) -> None:
    """"which of Nantong's industries sit under new energy": Nantong's chains under it, not
    every industry under it (氢能 is under 新能源 but not recorded as Nantong's)."""
    got = ask_lists(store, "Which of Nantong's industries are grouped under new energy?",
                    {"industry:pv-storage", "industry:wind-power-equipment"},
                    {"industry:hydrogen-energy"}, "Industry")
    assert any("industries 南通" in n for n in got.parsed.notes)
    assert not any(n.startswith("Not used") for n in got.parsed.notes)


@pytest.mark.parametrize("question", ["Which parks do autos or auto parts?",
                                      "Which Nantong parks do cars or auto parts? we're "
                                      "scouting for a supplier"])
def test_parks_doing_one_of_several_industries(store: Any, question: str) -> None:
    ask_lists(store, question, {"park:rugao-etdz"}, set(), "Park")


def test_a_scene_said_after_the_question_is_left_out() -> None:
    from queries.ask.colloquial import plain

    assert plain("Which parks host biomedicine? we've got two clients") == \
        "Which parks host biomedicine?"
    # ... a second question is no scene
    assert plain("Which parks host biomedicine? which of them are in Qidong?").endswith(
        "Qidong?")


def test_a_count_with_past_ones_included_counts_them(store: Any) -> None:
    now = ask(store, "How many parks does CSSD co-build?")
    ever = ask(store, "How many parks has CSSD co-built, past ones included?")
    assert now.count is not None and ever.count is not None and ever.count > now.count


def test_a_count_s_scope_said_after_it_is_no_second_question(store: Any) -> None:
    got = ask(store, "启东一共有几个园区？外高桥那个也算上")
    assert got.count is not None and "park:waigaoqiao-qidong-park" in {
        e.id for e in got.entities}


def test_a_statement_about_the_asker_after_the_question_is_left_out(store: Any) -> None:
    got = ask(store, "启东有哪些园区做生物医药？我们有几家药企想过去看看")
    assert {e.id for e in got.entities} >= QIDONG_BIOMEDICINE
    assert not getattr(got, "parts", None)


@pytest.mark.parametrize("question", ["Which parks in Nantong are national-level?",
                                      "南通哪些园区是国家级的"])
def test_a_level_said_of_the_things_asked_keeps_to_it(store: Any, question: str) -> None:
    got = ask_lists(store, question, {"park:nantong-etdz-park"}, {"park:sutong-park"}, "Park")
    assert all(e.props.get("level") == "national" for e in got.entities)


def test_stations_counted_are_the_places_a_line_stops_at(store: Any) -> None:
    got = ask(store, "北沿江高铁在南通设几个站")
    assert got.count is not None and got.count >= 2
    assert {e.label for e in got.entities} == {"City"}


@pytest.mark.parametrize("question", ["Qidong biomedicine parks", "启东 生物医药 园区"])
def test_a_place_an_industry_and_parks_said_as_keywords(store: Any, question: str) -> None:
    """The parks in the place doing the industry: not one park whose name holds the words
    (东江生物医药产业园 for "biomedicine parks"), nor what lies between the two."""
    ask_lists(store, question, QIDONG_BIOMEDICINE, {"park:qidong-semiconductor-park"}, "Park")


def test_what_a_programme_covers_is_what_it_focuses_on(store: Any) -> None:
    ask_lists(store, "国家级先进制造业集群覆盖了哪些产业", {"industry:high-end-textiles"}, set(),
              "Industry")



def test_a_scene_after_a_question_of_two_parts_is_left_out_without_a_crash(
        store: Any) -> None:
    got = ask(store, "启东有哪些园区？哪些做生物医药？我们有几家药企想过去看看")
    assert got.entities



def test_no_is_said_only_where_every_one_found_records_the_condition(store: Any) -> None:
    """A crossing that records no level may be of any level: no "No — none of …" then; every
    crossing records its kind, so a kind none has is a no."""
    from dataclasses import replace

    from queries.ask.filters import Filter
    from queries.ask.none_meets import none_meets

    got = ask(store, "Is there any crossing in Haimen that is already open?")
    said = tuple(f for f in got.parsed.filters if f.op == "said")

    def asked_with(condition: Filter) -> Any:
        return replace(got, parsed=replace(got.parsed, filters=(*said, condition),
                                           notes=()))

    assert none_meets(asked_with(Filter("level", "in", values=("national",)))) is None
    assert none_meets(asked_with(Filter("kind", "in", values=("ferry",)))) is not None


# -- released round 24/25 phrasings, by rule (variants of our own) -----------------------------

def test_started_building_is_under_construction(store: Any) -> None:
    yes = ask(store, "海太隧道是不是已经动工了").verdict
    no = ask(store, "崇海通道已经开工了吗").verdict
    assert yes.held and not yes.no
    assert no.no and "planned" in no.text  # (its status said)


def test_to_the_bottom_of_it_is_no_word_of_the_question(store: Any) -> None:
    assert ask(store, "南通的产业链究竟是几条？").count == 16


def test_which_parties_built_it_together(store: Any) -> None:
    got = ask(store, "苏通科技产业园到底是哪几方一起搞起来的")
    assert {"org:cssd", "org:jiangsu-nongken"} <= {e.id for e in got.entities}
