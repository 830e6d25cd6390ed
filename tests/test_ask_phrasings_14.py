"""Readings of session 14, on both stores, with variants of our own (never copied from an eval
file):

- Examples of the answer said in the question (比如成本共担、财税共享这类的, "such as cost
  sharing", 除了X, "Besides X, …") are not what it is about: it is asked without them, and the
  answer says which of them it lists. Words that are not names are never cut (比如说南通…).
- A list split by state (哪些已经通车了、哪些还在建, "which are open and which are still being
  built") keeps every one, each with its state; one state said still keeps to it.
- "Co-building models", 共建模式 are the mechanisms of kind cooperation-model.
- A status asked of an adopter that records none ("has Suzhou put X in place, or is it only
  exploring") says so and where it stands where it is recorded; a plan named beside it (the
  outline that requires it) is no third subject.
- Where the asker stands, said first (我们这一带，…), is the scene; kind words said to be counted
  too (桥、隧道都算上) are the kind asked; 在建状态 is under construction.
- What is learnt from a model (学哪方面的经验, "which aspects") is the aspect on LEARNS_FROM.
- A clause saying which thing is meant ("the alliance that Nantong joined", 南通参加的那个…联盟)
  is no second subject: asked without it, said in a note.
- "Are A and B both …" is asked of each, a yes or no for each; "sitting on" a council is
  membership.
- "How many …, and which ones?" is one count (it lists them); reference cases, precedents are
  what a place learns from; "does the plan tell Nantong to learn from" asks what Nantong learns
  from.
- Firms of a place (哪些南通企业, 苏州有哪些企业到南通…) are those that lie in it; 跑到X去建
  is 到X建.
- A first part not answered (桥名怎么来的) still names the next part's subject (桥两头连哪儿).
- States set against each other for a thing that records its own (还在规划还是已经开工了, "open,
  being built, or on paper") ask its status; a high-speed line is a railway.
- 还是说… after a yes-or-no is the other answer it settles; 通 before 到/往/车 is a verb (通到嘉定),
  not Nantong.
- Each one's share asked (各自出了多少, "each builder") lists every builder, a share recorded or
  not.
- Cooperation asked of two that state none: a park both co-build is one (said so); 签过什么协议
  没有 asks whether they did.
- A road across the river (过江公路, roads) is a bridge, tunnel or crossing expressway;
  expressways are those.
- "whether built or still planned" is every state, and its "built" no verb; crossings "come
  ashore" where they land; "already running" is open.
- 通车了的, 真正通车 are open; …？还在修的、规划的先别算进去 says again what the condition
  leaves out.
- "open today, not just planned or being built" keeps the open ("built" no verb there); crossings
  touching a place connect it; 多大份额 is a share, not an area (one word, one property).
- A kind said then asked after a comma (…的园区，都是哪几个); an A-not-A part (算不算在里面)
  asks of the list before it; 划进 / 挂进 the zone is part of it; 那个 with a few words of
  description inside a name (启东配套浦东那个万亩的园区) is the name; 主要搞哪几块 asks the
  industries; a gloss in brackets (（即…）) is left out; what lies in the YRD is followed down
  to a county's parks (four levels).
- 浦东在启东那边挂钩的园区 is the parks in 启东 paired with 浦东; an example said with its kind
  after a demonstrative (除了崇启大桥那几条通道) is one.
- A kind left out ("not the rail lines", "not counting railways", 铁路不算) is kept out (a
  rail-road bridge stays: railways are listed beside it, not its kind); "…? Don't count the X."
  says it after; ", open or planned," between commas is every state.
- One thing named twice (an appositive: "phase II of the line, the Taicang to Situan stretch")
  is named once; a place said before 哪些园区 (启东哪些园区, 在启东本地有哪些园区) keeps to it;
  …？苏州那些就别列了 says again what is left out.
- A scene said as a sentence of its own before the question ("I'm writing a note on … .") is
  left out; a kind asked of what is learnt from a model ("which mechanism is X borrowing from
  Y") is never Y; "going into" a place is where it lies; "built yet" asks the state.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from queries.ask.parsing import Unmappable
from tests.conftest import ask_lists

SHARING = {"mechanism:cost-sharing", "mechanism:fiscal-tax-sharing"}
MODELS = {"mechanism:base-plus-extension", "mechanism:enclave-incubation",
          "mechanism:hq-plus-collaboration-center"}
TRADING = {"mechanism:carbon-emission-trading", "mechanism:pollutant-discharge-trading"}


def _examples_note(got: Any) -> str:
    return next((n for n in got.parsed.notes if n.startswith("Named as examples")), "")


@pytest.mark.parametrize("question", ["南通在推进哪些机制？比如成本共担、财税共享这类的",
                                      "南通在推进哪些机制，像成本共担、财税共享这样的？",
                                      "Which mechanisms has Nantong adopted, such as cost "
                                      "sharing or tax sharing?"])
def test_examples_of_the_answer_are_no_entity_asked_about(store: Any, question: str) -> None:
    got = ask_lists(store, question, SHARING, kind="Mechanism")
    note = _examples_note(got)
    assert "listed" in note and "not in this answer" not in note, note


@pytest.mark.parametrize("question", ["除了苏通科技产业园，南通和苏州还共建了哪些园区？",
                                      "Besides the Sutong park, which parks have Nantong and "
                                      "Suzhou co-built?"])
def test_the_one_already_known_is_an_example_not_the_anchor(store: Any, question: str) -> None:
    got = ask_lists(store, question, {"park:sutong-park", "park:suxitong-park"}, kind="Park")
    assert "苏通科技产业园" in _examples_note(got)


def test_an_example_the_answer_leaves_out_is_said(store: Any) -> None:
    got = ask(store, "南通和苏州共建了哪些园区？比如苏宿工业园区这样的")
    ids = {e.id for e in got.entities}
    assert "park:sutong-park" in ids and "park:suzhou-suqian" not in ids, ids
    assert "not in this answer" in _examples_note(got)


def test_words_that_are_not_names_are_never_cut_as_examples(store: Any) -> None:
    got = ask_lists(store, "比如说南通有哪些园区", {"park:sutong-park", "park:rugao-etdz"},
                    kind="Park")
    assert not _examples_note(got)


@pytest.mark.parametrize("question", ["海门的过江通道哪些已经通车了、哪些还在建？",
                                      "Which of Haimen's crossings are already open and which "
                                      "are under construction?"])
def test_a_list_split_by_state_keeps_every_one(store: Any, question: str) -> None:
    got = ask_lists(store, question, {"infra:haitai-tunnel", "infra:chonghai-crossing"},
                    kind="Infrastructure")
    assert not any(f.prop == "status" for f in got.parsed.filters)


@pytest.mark.parametrize("question", ["启东的过江通道哪些已经通车了、哪些还在修？",
                                      "Which of the crossings serving Qidong are open and "
                                      "which are still being built?"])
def test_open_and_unbuilt_both_listed_when_split(store: Any, question: str) -> None:
    ask_lists(store, question, {"infra:chongqi-bridge", "infra:chongqi-rail-road-bridge"},
              kind="Infrastructure")


def test_one_state_said_still_keeps_to_it(store: Any) -> None:
    ask_lists(store, "启东哪些过江通道已经通车了？", {"infra:chongqi-bridge"},
              {"infra:chongqi-rail-road-bridge"}, "Infrastructure")


@pytest.mark.parametrize("question", ["Which co-building models does Nantong use?",
                                      "南通有哪些共建模式", "南通在探索哪些合作模式？"])
def test_co_building_models_are_the_cooperation_models(store: Any, question: str) -> None:
    ask_lists(store, question, MODELS, TRADING, "Mechanism")


@pytest.mark.parametrize("question", ["Has Suzhou put cost sharing in place, or is it only at "
                                      "the exploring stage?",
                                      "苏州的成本共担是已经落地了，还是还在探索？"])
def test_a_status_asked_of_one_that_records_none_says_where_it_stands(store: Any,
                                                                       question: str) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.text.startswith(
        "No — the graph does not record 苏州"), got.verdict
    assert "mechanism:cost-sharing" in {e.id for e in got.entities}


def test_a_plan_named_beside_the_adopter_is_not_a_third_subject(store: Any) -> None:
    got = ask(store, "Is cost sharing still only exploring in Nantong, or already applied as "
                     "the YRD integration outline requires?")
    assert got.verdict is not None and "exploring" in got.verdict.text, got.verdict


UNBUILT_CROSSINGS = {"infra:zhangjinggao-bridge", "infra:haitai-tunnel",
                     "infra:chongqi-rail-road-bridge"}


def test_where_the_asker_stands_said_first_is_the_scene(store: Any) -> None:
    plain = ask(store, "在建的过江通道有几个？")
    got = ask(store, "我们这一带，现在处于在建状态的过江通道有几个？")
    assert plain.count is not None and got.count == plain.count
    assert {e.id for e in got.entities} >= UNBUILT_CROSSINGS


def test_kind_words_said_to_be_counted_too_are_the_kind_asked(store: Any) -> None:
    got = ask_lists(store, "哪些过江通道还在修，桥、隧道都算上？", UNBUILT_CROSSINGS,
                    {"infra:sutong-bridge"}, "Infrastructure")
    assert any(n.startswith("Read as") for n in got.parsed.notes)


def test_kinds_listed_after_the_question_that_named_one_are_that_kind(store: Any) -> None:
    got = ask_lists(store, "Which crossings link Qidong to Chongming? Bridges, tunnels, "
                    "railways.", {"infra:chongqi-bridge", "infra:chongqi-rail-road-bridge"},
                    kind="Infrastructure")
    assert any(n.startswith("Not used") for n in got.parsed.notes)


@pytest.mark.parametrize("question", ["南通跟浦东学哪方面的经验？",
                                      "Which aspects of Pudong does Nantong learn from?"])
def test_what_is_learnt_from_a_model_is_its_aspect(store: Any, question: str) -> None:
    got = ask(store, question)
    assert "city:pudong" in {e.id for e in got.entities}
    assert any(prop == "aspect" for _, prop, _ in got.values), got.values


CARMAKERS = {"org:chery", "org:geely", "org:saic"}


@pytest.mark.parametrize("question", ["Which carmakers sit in the YRD new-energy-vehicle "
                                      "industry alliance that Nantong joined?",
                                      "Which carmakers are in the YRD NEV alliance Nantong "
                                      "keeps mentioning?",
                                      "南通参加的那个长三角新能源汽车产业联盟里有哪些车企？"])
def test_a_clause_saying_which_thing_is_meant_is_no_second_subject(store: Any,
                                                                    question: str) -> None:
    got = ask_lists(store, question, CARMAKERS, {"city:nantong"}, "Organization")
    assert any(n.startswith("Not used") for n in got.parsed.notes)


def test_a_place_described_by_who_invests_is_not_cut(store: Any) -> None:
    got = ask(store, "上海投资的启东园区有哪些？")
    assert not any(n.startswith("Not used") for n in got.parsed.notes)


def test_both_said_of_two_asks_each(store: Any) -> None:
    got = ask(store, "Are Nantong and Shanghai both members of the Su-Xi-Chang-Tong circle?")
    verdicts = [p.answer.verdict for p in got.parts]
    assert [p.question.split(" members")[0].split(" a member")[0] for p in got.parts] == [
        "Is Nantong", "Is Shanghai"]
    assert verdicts[0].held and not verdicts[1].held, verdicts


def test_sitting_on_a_council_is_membership(store: Any) -> None:
    got = ask(store, "Is Nantong sitting on the Yangtze River Delta City Economic "
                     "Coordination Council?")
    assert got.verdict is not None and got.verdict.text.startswith("Yes"), got.verdict


LEARNT_FROM = {"city:pudong", "park:sip", "region:xiongan"}


@pytest.mark.parametrize("question", ["How many reference cases does Nantong learn from, and "
                                      "which ones?",
                                      "How many precedents does the zone's plan tell Nantong "
                                      "to learn from, and which ones are they?"])
def test_a_count_with_which_ones_is_one_count(store: Any, question: str) -> None:
    plain = ask(store, "南通一共借鉴了几个地方？")
    got = ask(store, question)
    assert plain.count is not None and got.count == plain.count
    assert {e.id for e in got.entities} >= LEARNT_FROM


@pytest.mark.parametrize("question", ["苏州有哪些企业到南通建了园区？",
                                      "哪些苏州企业跑到南通去建园区？"])
def test_firms_of_a_place_that_went_to_build_elsewhere(store: Any, question: str) -> None:
    ask_lists(store, question, {"org:cssd"}, {"org:waigaoqiao-group"}, "Organization")


def test_firms_of_a_place_are_those_that_lie_in_it(store: Any) -> None:
    # (read before as the firms in Suzhou: CSSD, a Suzhou company, is no Nantong firm)
    with pytest.raises(Unmappable):
        ask(store, "哪些南通企业在苏州设了研发中心？")


def test_a_first_part_not_answered_still_names_the_next_ones_subject(store: Any) -> None:
    got = ask(store, "崇启大桥这个名字是怎么来的？桥两头连的是哪几个地方")
    assert got.parts[0].answer is None and got.parts[0].refused
    assert {"city:qidong", "city:chongming"} <= {e.id for e in got.entities}


@pytest.mark.parametrize(("question", "thing"), [
    ("海太长江隧道是还在规划还是已经开工了？", "infra:haitai-tunnel"),
    ("Is the Haitai tunnel open, being built, or only on paper?", "infra:haitai-tunnel"),
    ("Where does the North Yangtze high-speed line stand: open, under construction or "
     "planned?", "infra:north-yangtze-hsr")])
def test_states_set_against_each_other_ask_a_things_own_status(store: Any, question: str,
                                                                thing: str) -> None:
    status = store.entities({thing})[thing].props["status"]
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.text.startswith(f"Its status is {status}")


def test_the_other_way_after_a_yes_or_no_is_settled_by_it(store: Any) -> None:
    got = ask(store, "沪苏通铁路是不是通到嘉定？还是说只修到张家港？")
    assert got.verdict is not None and got.verdict.text.startswith("Yes"), got.verdict
    assert any(n.startswith("Not used") for n in got.parsed.notes)


def test_tong_before_a_verb_is_no_abbreviation_of_nantong(store: Any) -> None:
    got = ask(store, "沪苏通铁路是不是通到嘉定？")
    assert "city:nantong" not in {e.id for e in got.entities}
    assert got.verdict is not None and got.verdict.text.startswith("Yes"), got.verdict


@pytest.mark.parametrize("question", ["张家港宿豫工业园各方各占多少股？",
                                      "What share does each builder hold in the "
                                      "Zhangjiagang-Suyu park?"])
def test_each_share_asked_lists_every_builder(store: Any, question: str) -> None:
    got = ask_lists(store, question, {"city:zhangjiagang", "city:suqian"}, kind="City")
    assert any(prop == "share" for _, prop, _ in got.values)


@pytest.mark.parametrize("question", ["Does Qidong cooperate with Pudong?",
                                      "启东跟浦东搞过什么合作没有"])
def test_a_park_both_co_build_is_cooperation(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.verdict is not None and got.verdict.text.startswith("Yes — both co-build"), \
        got.verdict
    assert "park:qidong-pudong-collab-park" in {e.id for e in got.entities}


def test_cooperation_stated_is_said_as_stated(store: Any) -> None:
    got = ask(store, "南通开发区跟上海外高桥集团之间签过什么合作协议没有？")
    assert got.verdict is not None and "COOPERATES_WITH" in got.verdict.text, got.verdict


def test_a_road_across_the_river_is_a_bridge_tunnel_or_expressway(store: Any) -> None:
    ask_lists(store, "启东有哪些过江公路？", {"infra:chongqi-bridge"}, {"infra:north-yangtze-hsr"},
              "Infrastructure")
    ask_lists(store, "Which expressways cross into Haimen?", {"infra:chonghai-crossing"},
              {"infra:haitai-tunnel"}, "Infrastructure")


def test_whether_built_or_planned_is_every_state_and_no_verb(store: Any) -> None:
    got = ask_lists(store, "Which crossings come ashore in Taicang, whether built or still "
                    "planned?", {"infra:haitai-tunnel", "infra:north-yangtze-hsr"},
                    kind="Infrastructure")
    assert "CO_BUILDS" not in got.parsed.intent.name


def test_already_running_is_open(store: Any) -> None:
    ask_lists(store, "Which rail lines link Shanghai and Nantong, either already running or "
              "under construction?", {"infra:hu-su-tong-railway", "infra:north-yangtze-hsr"},
              kind="Infrastructure")
    ask_lists(store, "Which rail lines serving Nantong are already running?",
              {"infra:hu-su-tong-railway"}, {"infra:north-yangtze-hsr"}, "Infrastructure")


def test_what_the_condition_leaves_out_said_again_is_no_question(store: Any) -> None:
    got = ask_lists(store, "南通通车了的过江大桥有哪些？还在修的、规划中的先别算进去",
                    {"infra:sutong-bridge"}, {"infra:zhangjinggao-bridge"}, "Infrastructure")
    assert any(n.startswith("Not used") for n in got.parsed.notes)


def test_open_set_against_planned_or_being_built_keeps_the_open(store: Any) -> None:
    ask_lists(store, "Which of the crossings touching Qidong are open today, not just planned "
              "or being built?", {"infra:chongqi-bridge"}, {"infra:chongqi-rail-road-bridge"},
              "Infrastructure")


def test_a_share_said_with_duoda_is_no_area(store: Any) -> None:
    got = ask(store, "苏通科技产业园里中新集团占多大份额？")
    assert any(prop == "share" for _, prop, _ in got.values), got.values
    assert not any(prop == "area_km2" for _, prop, _ in got.values)


def test_states_set_against_with_haishi_keep_nothing_out(store: Any) -> None:
    ask_lists(store, "崇启公铁长江大桥现在什么进度？是还在规划，还是已经开工了？",
              {"infra:chongqi-rail-road-bridge"})
    ask_lists(store, "Which crossings are planned or under construction?",
              {"infra:haitai-tunnel", "infra:chonghai-crossing"}, {"infra:sutong-bridge"})


def test_a_kind_said_then_asked_after_a_comma(store: Any) -> None:
    got = ask_lists(store, "苏州在宿迁共建的园区，都是哪几个？",
                    {"park:suzhou-suqian", "park:kunshan-shuyang"}, kind="Park")
    assert any(n.startswith("Read as") for n in got.parsed.notes)


def test_a_not_a_after_a_list_asks_of_the_list(store: Any) -> None:
    got = ask(store, "高端装备下面有哪几条产业链？海工装备算不算在里面？")
    assert len(got.parts) == 2 and got.parts[1].answer is not None


def test_put_into_the_zone_is_part_of_it(store: Any) -> None:
    got = ask(store, "启东—崇明那个产业创新协同园区，算不算划进了长江口协同区？")
    assert got.verdict is not None and got.verdict.text.startswith("Yes"), got.verdict


def test_a_few_words_of_description_after_nage_inside_a_name(store: Any) -> None:
    got = ask(store, "启东配套浦东那个万亩的园区主打哪些产业？")
    assert "park:qidong-pudong-supporting-park" in {e.id for e in got.parsed.slots.values()}


def test_which_blocks_a_park_does_are_its_industries(store: Any) -> None:
    got = ask(store, "苏锡通科技产业园区在哪个区？主要搞哪几块")
    assert any(e.label == "Industry" for e in got.entities), [e.id for e in got.entities]


def test_a_gloss_saying_who_it_is_is_left_out(store: Any) -> None:
    got = ask_lists(store, "中新集团（即苏州工业园区的开发主体）在长三角共建了哪些园区？",
                    {"park:cssd-jiashan", "park:sutong-park"}, kind="Park")
    assert any(n.startswith("Read as") for n in got.parsed.notes)


def test_the_parks_in_b_paired_with_a_said_from_a(store: Any) -> None:
    got = ask_lists(store, "浦东在启东那边挂钩的园区有哪些？", {"park:qidong-pudong-collab-park"},
                    {"park:qidong-chongming-collab-park", "park:china-jianghai-park"}, "Park")
    assert any(n.startswith("Read as") for n in got.parsed.notes)


def test_an_example_said_with_its_kind_after_a_demonstrative(store: Any) -> None:
    got = ask(store, "启东和崇明之间，除了崇启大桥那几条通道，有没有两边一起搞的园区？")
    assert "park:qidong-chongming-collab-park" in {e.id for e in got.entities}
    assert "崇启大桥" in _examples_note(got)


@pytest.mark.parametrize("question", ["启东的过江通道有哪些？铁路不算",
                                      "Which crossings serve Qidong, not counting railways?"])
def test_a_kind_left_out_is_kept_out(store: Any, question: str) -> None:
    ask_lists(store, question, {"infra:chongqi-bridge", "infra:chongqi-rail-road-bridge"},
              {"infra:north-yangtze-hsr"}, "Infrastructure")


def test_a_count_of_some_kinds_not_another(store: Any) -> None:
    got = ask(store, "How many crossings - the bridges and tunnels, not the rail lines - are "
                     "being built?")
    ids = {e.id for e in got.entities}
    assert got.count == len(ids) and "infra:haitai-tunnel" in ids
    assert not ids & {"infra:north-yangtze-hsr", "infra:hu-tong-railway-phase2"}, ids


def test_a_kind_left_out_in_a_sentence_after_and_every_state_between_commas(store: Any
                                                                            ) -> None:
    got = ask_lists(store, "Which crossings, open or planned, serve Qidong? Don't count the "
                    "railways.", {"infra:chongqi-bridge", "infra:chongqi-rail-road-bridge"},
                    {"infra:north-yangtze-hsr"}, "Infrastructure")
    assert any(n.startswith("Read as") for n in got.parsed.notes)


def test_one_thing_named_twice_is_named_once(store: Any) -> None:
    got = ask(store, "Is phase II of the Shanghai-Nantong railway, the Taicang to Situan "
                     "stretch, open yet?")
    assert {e.id for e in got.entities} == {"infra:hu-tong-railway-phase2"}


@pytest.mark.parametrize("question", ["启东哪些园区是做生物医药的？",
                                      "生物医药在启东本地有哪些园区在做？苏州那些就别列了"])
def test_a_place_said_before_which_parks_keeps_to_it(store: Any, question: str) -> None:
    got = ask_lists(store, question, {"park:dongjiang-biomedicine-park"},
                    {"park:sip", "park:husu-dafeng"}, "Park")
    assert any(n.startswith("Kept to what lies in") for n in got.parsed.notes)


def test_a_scene_said_as_a_sentence_before_the_question(store: Any) -> None:
    got = ask_lists(store, "I'm writing a note on the models held up for Qidong's neighbour "
                    "Nantong. Which places is Nantong said to learn from?",
                    {"city:pudong", "park:sip"}, kind=None)
    assert any(n.startswith("Not used") for n in got.parsed.notes)


def test_a_kind_asked_of_what_is_learnt_is_not_the_model(store: Any) -> None:
    got = ask(store, "Which mechanism is Nantong borrowing from the YRD Green Integration "
                     "Demonstration Zone?")
    ids = {e.id for e in got.entities}
    assert "mechanism:talent-qualification-recognition" in ids, ids
    assert {e.label for e in got.entities} == {"Mechanism"}, ids


def test_where_a_thing_is_going_and_whether_it_is_built_yet(store: Any) -> None:
    got = ask(store, "Is the Haitai tunnel built yet?")
    assert got.verdict is not None and got.verdict.text.startswith("No"), got.verdict
    got = ask(store, "Which district is the Haitai tunnel going into, and is it built yet?")
    assert "city:haimen" in {e.id for e in got.entities}
    assert "Organization" not in {e.label for e in got.entities}
