"""Readings of session 15, on both stores, with variants of our own (never copied from an eval
file):

- A date asked as when a thing started (何时启动) or which of two came first (谁先…, "which came
  first, A or B") is its `established`.
- "How many pieces of X does the dataset track" counts the kind (pieces of, the dataset's words
  for holding said plainly).
- "big on", "strong on", "leading in" an industry is having it.
- A size asked of each of a kind (启东的园区各有多大, "how big are the parks in Qidong") lists
  them, each with its size; a list question naming a property its entities hold (its area, its
  length, when it opened) shows each one's value beside the list.
- "What's the tie-up between A and B", answered by a direct relation between them, names the
  two ends (as a verdict does), not an empty list.
- 哪几个原有园区 (原有, 原来的 before a kind) says when, not a figure: the figure check reads the
  question as said plainly.
- "how many chains" keeps to the chain level of industry.
- A park's development company (开发公司股东, "the development company's shareholders") is the
  park's developer, not a kind of firm the answer keeps to; "shareholders in" a park and "the
  park's shareholders" are its co-builders, not what lies in it.
- A mechanism named as a category of mechanisms (南通有哪些利益共享机制, 哪些利益平衡方面的机制,
  "which benefit-sharing mechanisms") keeps to those the graph files with it (under the same
  task or plan), said in a note; the mechanism asked about itself (利益共享机制是什么) is still
  that one.
- What lies outside a place ("outside Jiangsu", 江苏以外, 省外, "outside the province": the
  province of the city asked about) is what the answer keeps, said in a note; never the
  place's own list.
- The first or the biggest of a kind said with its superlative first (最早建成的过江大桥是哪座,
  "which crossing opened first") is asked as such; co-built parks with no builder named
  ("which co-built park was set up first", 哪个共建园区最早成立, 有哪些共建园区) are the parks of
  a co-building kind, never every park (the condition is no word to drop).
- Which one has the most, no entity named ("Which city co-builds the most parks?", 哪个城市
  共建的园区最多, 共建园区最多的城市是哪个): each of the kind with such relations is asked in
  turn, and the answer is the one with the most, the ranking said; its count agrees with the
  answer about that one alone.
- "Is A bigger than B?", A比B大吗, "which is longer, A or B" ask the two values (area, length,
  date), not whether a relation ties them; one of the two recording none is said.
- A comparison said of one kind ("compare A and B on industries", 在产业上有什么异同) keeps to
  that kind.
- The industries of a place that records none of its own (启东, 如皋) are those of the parks
  that lie in it, said to be read through them; a place with its own keeps them.
- Where a firm of an industry could set up in a place ("where could a biomedicine company set
  up in Nantong", 生物医药企业去南通落户选哪个园区) asks the parks there that host it.
- A part asking a value of the thing it names (崇启大桥是哪年通车的？连着哪两个地方？) names
  that thing beside the other part's list.
- A scene said as a sentence of its own by "we" or "our client" ("We supply auto parts. …") is
  left out; "… ? Railways themselves don't count." keeps them out; "counting the ones that
  aren't built yet" is every state, no negation; the equity split (股权怎么分配, 开发公司几个
  股东) is each builder's share.
- When building began (何时开工建设, 哪一天开园) is the date a park records; whether it began
  (开工了吗, 是否已开工建设) is what its status says.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from queries.ask.basis import basis
from queries.ask.parsing import Unmappable

QIDONG_PARKS = {"park:china-jianghai-park", "park:waigaoqiao-qidong-park",
                "park:qidong-semiconductor-park", "park:dongjiang-biomedicine-park"}


@pytest.mark.parametrize("question", ["江阴—靖江工业园区是什么时候启动的？",
                                      "江阴-靖江工业园区哪年启动？"])
def test_when_a_park_started_is_its_date(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:established"
    assert [e.id for e in got.parsed.slots.values()] == ["park:jiangyin-jingjiang"]
    assert any(prop == "established" for _, prop, _ in got.values)


@pytest.mark.parametrize("question", ["Which came first, Rugao ETDZ or Hai'an ETDZ?",
                                      "如皋开发区和海安开发区，哪个先成立？"])
def test_which_of_two_came_first_compares_their_dates(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:established"
    assert {e.id for e in got.parsed.slots.values()} == {"park:rugao-etdz", "park:haian-etdz"}
    assert len({of for of, prop, _ in got.values if prop == "established"}) == 2


@pytest.mark.parametrize("question,label,at_least", [
    ("How many pieces of infrastructure does the dataset track?", "Infrastructure", 10),
    ("How many parks does the database cover?", "Park", 30),
    ("How many bridges does the data set contain?", "Infrastructure", 3)])
def test_what_the_dataset_tracks_is_counted(store: Any, question: str, label: str,
                                            at_least: int) -> None:
    got = ask(store, question)
    assert got.count is not None and got.count >= at_least
    assert got.count == len(got.entities)
    assert {e.label for e in got.entities} == {label}


@pytest.mark.parametrize("question", ["Who is big on high-end equipment?",
                                      "Which cities are strong on high-end equipment?"])
def test_big_on_an_industry_is_having_it(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"city:shanghai", "city:nantong"} <= ids


@pytest.mark.parametrize("question", ["启东的园区各有多大？", "启东的园区面积分别有多大？",
                                      "How big are the parks in Qidong?",
                                      "how large are the parks in Qidong"])
def test_a_size_asked_of_each_lists_them_with_their_areas(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert ids >= QIDONG_PARKS and {e.label for e in got.entities} == {"Park"}
    sized = {of for of, prop, _ in got.values if prop == "area_km2"}
    assert len(sized) >= 3  # (those whose area the graph records)


def test_a_length_asked_of_each_crossing_shows_each_length(store: Any) -> None:
    got = ask(store, "How long are the bridges that cross to Nantong?")
    assert "infra:sutong-bridge" in {e.id for e in got.entities}
    assert any(prop == "length_m" for _, prop, _ in got.values)


def test_one_named_park_keeps_its_own_size(store: Any) -> None:
    got = ask(store, "苏通科技产业园有多大？")
    assert got.parsed.intent.name == "property:area_km2"
    assert [e.id for e in got.entities][:1] == ["park:sutong-park"]


@pytest.mark.parametrize("question", [
    "What's the tie-up between Nantong ETDZ and Waigaoqiao Group?",
    "What ties the Nantong ETDZ to the Waigaoqiao Group?"])
def test_a_tie_up_of_one_direct_relation_names_its_two_ends(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "connection"
    assert {e.id for e in got.entities} == {"org:nantong-etdz", "org:waigaoqiao-group"}


def test_a_connection_with_things_in_common_still_lists_them(store: Any) -> None:
    got = ask(store, "How is Shanghai connected to Nantong?")
    ids = {e.id for e in got.entities}
    assert "org:hu-su-tong-alliance" in ids and "city:shanghai" not in ids


@pytest.mark.parametrize("question", ["苏锡通园区是由哪几个原来的园区合并成的？",
                                      "苏锡通园区由哪些原来的园区合并而成？"])
def test_the_parks_it_was_made_of_are_no_figure(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {"park:sutong-park", "park:xitong-park"} <= {e.id for e in got.entities}


def test_a_figure_the_graph_does_not_hold_is_still_refused(store: Any) -> None:
    with pytest.raises(Unmappable, match="holds no figure"):
        ask(store, "苏通园区的GDP是多少？")


@pytest.mark.parametrize("question", ["How many chains are in Nantong's 616 system?",
                                      "How many chains does Nantong have?"])
def test_how_many_chains_counts_the_chains(store: Any, question: str) -> None:
    got = ask(store, question)
    assert got.count == 16
    assert {e.props.get("level") for e in got.entities} == {"chain"}


SUTONG_HOLDERS = {"org:cssd", "org:nantong-etdz", "org:jiangsu-nongken"}


@pytest.mark.parametrize("question", ["苏通科技产业园开发公司的股东有哪几家，各占多少？",
                                      "苏通园区开发主体的股东分别是哪几家？",
                                      "Who were the shareholders in the Sutong park?",
                                      "Who are the Sutong park's shareholders?",
                                      "Who were the development company's shareholders in the "
                                      "Sutong park?"])
def test_a_parks_development_company_shareholders_are_its_builders(store: Any,
                                                                    question: str) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == SUTONG_HOLDERS


BALANCING = {"mechanism:cost-sharing", "mechanism:fiscal-tax-sharing",
             "mechanism:dual-statistics"}


@pytest.mark.parametrize("question", ["南通有哪些利益共享机制？", "南通的利益平衡机制有哪些？",
                                      "南通正在探索哪些利益平衡类的机制？",
                                      "Which benefit-sharing mechanisms is Nantong exploring?",
                                      "What benefit-balancing mechanisms does Nantong have?"])
def test_a_mechanism_named_as_a_category_keeps_to_its_group(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == BALANCING
    assert any("read as a kind of mechanism" in n for n in got.parsed.notes)


def test_the_mechanism_asked_about_itself_is_that_one(store: Any) -> None:
    got = ask(store, "利益共享机制是什么？")
    assert [e.id for e in got.entities][:1] == ["mechanism:benefit-sharing"]
    assert not any("read as a kind of mechanism" in n for n in got.parsed.notes)


def test_a_category_with_nothing_filed_beside_it_is_read_as_before(store: Any) -> None:
    got = ask(store, "Which mechanisms does Nantong adopt?")
    assert len(got.entities) > len(BALANCING)


OUT_OF_JIANGSU = {"park:cssd-jiashan", "park:suchu"}


@pytest.mark.parametrize("question", ["Which parks has Suzhou co-built outside Jiangsu?",
                                      "苏州在江苏以外共建了哪些园区？",
                                      "苏州在省外共建了哪些园区？",
                                      "Which parks has Suzhou co-built outside the province?"])
def test_what_lies_outside_a_place_is_kept(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == OUT_OF_JIANGSU
    assert any(n.startswith("Kept to what lies outside") for n in got.parsed.notes)


def test_the_place_itself_is_left_out(store: Any) -> None:
    got = ask(store, "上海在上海之外的共建园区有哪些？")
    ids = {e.id for e in got.entities}
    assert "park:china-jianghai-park" in ids  # (in Qidong)
    assert not ids & {"park:caohejing", "park:jinqiao-etdz"}  # (in Shanghai)


@pytest.mark.parametrize("question", ["最早建成的过江大桥是哪座？", "Which crossing opened first?"])
def test_the_first_crossing_opened(store: Any, question: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["infra:sutong-bridge"]


@pytest.mark.parametrize("question", ["Which co-built park was set up first?",
                                      "Which is the oldest co-built park?",
                                      "哪个共建园区最早成立？", "最早成立的共建园区是哪个？"])
def test_the_first_co_built_park_is_among_co_built_parks(store: Any, question: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["park:jiangyin-jingjiang"]


@pytest.mark.parametrize("question", ["Which co-built park is the biggest?",
                                      "面积最大的共建园区是哪个？"])
def test_the_biggest_co_built_park(store: Any, question: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["park:suxitong-park"]


def test_co_built_parks_with_no_builder_named_are_of_their_kind(store: Any) -> None:
    got = ask(store, "有哪些共建园区？")
    kinds = {e.props.get("kind") for e in got.entities}
    assert kinds <= {"co-built-park", "paired-park"} and len(got.entities) > 10
    assert ask(store, "共建园区是什么？").entities[0].id == "mechanism:park-co-construction"


@pytest.mark.parametrize("question,per_city", [
    ("Which city co-builds the most parks?", "Nantong co-builds parks"),
    ("哪个城市共建的园区最多？", "南通共建的园区"),
    ("Which city has the most industries?", "Nantong has industries")])
def test_the_city_with_the_most_agrees_with_its_own_answer(store: Any, question: str,
                                                           per_city: str) -> None:
    got = ask(store, question)
    assert [e.id for e in got.entities] == ["city:nantong"]
    counts = dict(zip((e.id for e in got.sides), got.counts, strict=True))
    alone = ask(store, per_city)
    assert counts["city:nantong"] == (alone.count or len(alone.entities))
    assert counts["city:nantong"] > counts["city:wuxi"] > 0
    assert "The most: 南通" in got.summary


def test_the_most_said_of_a_kind_named_first(store: Any) -> None:
    got = ask(store, "共建园区最多的城市是哪个？")
    assert [e.id for e in got.entities] == ["city:nantong"]


def test_which_of_two_has_more_is_still_two_counts(store: Any) -> None:
    got = ask(store, "Which co-builds more parks, Wuxi or Suzhou?")
    assert {e.id for e in got.sides} == {"city:suzhou", "city:wuxi"}


@pytest.mark.parametrize("question,prop", [
    ("Is the Sutong park bigger than the Xitong park?", "area_km2"),
    ("苏通园区比锡通园区大吗？", "area_km2"),
    ("Which is bigger, the Sutong park or the Xitong park?", "area_km2"),
    ("Is the Sutong bridge longer than the Chongqi bridge?", "length_m"),
    ("苏通大桥比崇启大桥长吗？", "length_m")])
def test_a_comparative_asks_both_values(store: Any, question: str, prop: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == f"property:{prop}"
    assert len(got.parsed.slots) == 2 and got.verdict is None
    assert any(p == prop for _, p, _ in got.values)
    assert any("cannot be compared" in n for n in got.parsed.notes)  # (one records none)


def test_a_comparative_of_dates_names_both(store: Any) -> None:
    got = ask(store, "Is the Sutong park older than the Jiangyin-Jingjiang park?")
    assert {e.id for e in got.parsed.slots.values()} == {"park:sutong-park",
                                                          "park:jiangyin-jingjiang"}
    assert len({of for of, p, _ in got.values if p == "established"}) == 2
    assert not any("cannot be compared" in n for n in got.parsed.notes)


@pytest.mark.parametrize("question,label", [
    ("How do Nantong and Suzhou compare on industries?", "Industry"),
    ("南通和苏州在产业上有什么异同？", "Industry"),
    ("Compare Nantong and Suzhou on parks", "Park")])
def test_a_comparison_said_of_one_kind_keeps_to_it(store: Any, question: str,
                                                   label: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "compare"
    assert got.entities and {e.label for e in got.entities} == {label}
    assert len({e.label for e in ask(store, "Compare Nantong and Suzhou").entities}) > 2


@pytest.mark.parametrize("question", ["北京有哪些共建园区？", "天津和北京之间有哪些共建园区？"])
def test_a_place_the_graph_does_not_hold_is_never_dropped(store: Any, question: str) -> None:
    with pytest.raises(Unmappable, match="北京"):
        ask(store, question)


@pytest.mark.parametrize("question", ["What industries is Qidong targeting?", "启东有哪些产业？"])
def test_a_county_without_industries_of_its_own_answers_through_its_parks(
        store: Any, question: str) -> None:
    got = ask(store, question)
    assert "industry:biomedicine" in {e.id for e in got.entities}
    assert {e.label for e in got.entities} == {"Industry"}
    assert any(r.query == "industries_through_parks" for r in got.ran)
    assert basis(got).how.startswith("inferred")


def test_a_place_with_industries_of_its_own_keeps_them(store: Any) -> None:
    got = ask(store, "Which industries does Nantong have?")
    assert not any(r.query == "industries_through_parks" for r in got.ran)
    assert len(got.entities) > 10


@pytest.mark.parametrize("question", ["Where could a biomedicine company set up in Nantong?",
                                      "生物医药企业去南通落户选哪个园区？"])
def test_where_a_firm_could_set_up_is_the_parks_hosting_its_industry(store: Any,
                                                                     question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert "park:dongjiang-biomedicine-park" in ids
    assert {e.label for e in got.entities} == {"Park"}


@pytest.mark.parametrize("question,thing,others", [
    ("崇启大桥是哪年通车的？连着哪两个地方？", "infra:chongqi-bridge", {"city:qidong"}),
    ("When did the Suzhou-Suqian park start, and which cities built it?",
     "park:suzhou-suqian", {"city:suzhou", "city:suqian"})])
def test_a_value_part_names_its_thing_beside_the_list(store: Any, question: str, thing: str,
                                                      others: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert thing in ids and others <= ids


@pytest.mark.parametrize("question", [
    "We make seats and brakes. Which parks in Nantong focus on auto parts?",
    "Our client makes car components. Which parks in Nantong focus on auto parts?"])
def test_a_scene_sentence_of_we_or_our_client_is_left_out(store: Any, question: str) -> None:
    got = ask(store, question)
    assert "park:qidong-pudong-supporting-park" in {e.id for e in got.entities}
    assert {e.label for e in got.entities} == {"Park"}


def test_a_kind_that_does_not_count_said_after_is_kept_out(store: Any) -> None:
    got = ask(store, "How many crossings of the Yangtze are being built? Rail lines "
                     "don't count.")
    assert got.count is not None
    assert not any(e.props.get("kind") == "railway" for e in got.entities)


def test_counting_the_ones_not_built_yet_is_every_state(store: Any) -> None:
    got = ask(store, "Which railways reach Nantong, counting those that are not finished yet?")
    assert "infra:north-yangtze-hsr" in {e.id for e in got.entities}  # (under construction)


@pytest.mark.parametrize("question", ["苏通园区开发主体的股权是怎么分配的？",
                                      "苏通园区开发公司有几个股东，各占多少",
                                      "What was the equity split in the Sutong park?"])
def test_the_equity_split_is_each_builders_share(store: Any, question: str) -> None:
    got = ask(store, question)
    assert {e.id for e in got.entities} == SUTONG_HOLDERS


@pytest.mark.parametrize("question,thing", [
    ("外高桥启东产业园是什么时候开工建设的？", "park:waigaoqiao-qidong-park"),
    ("苏通园区是哪一天开园的？", "park:sutong-park")])
def test_when_building_began_is_the_date(store: Any, question: str, thing: str) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "property:established"
    assert [e.id for e in got.parsed.slots.values()] == [thing]


@pytest.mark.parametrize("question", ["张靖皋大桥开工了吗？", "北沿江高铁是否已经开工？"])
def test_whether_building_began_is_its_status(store: Any, question: str) -> None:
    got = ask(store, question)  # (its status, or a yes or no read from it)
    assert got.parsed.intent.name in ("property:status", "check:property")
    assert any(p == "status" for _, p, _ in got.values) or (
        got.verdict is not None and "under-construction" in got.verdict.text)
