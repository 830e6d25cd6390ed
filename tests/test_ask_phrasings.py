"""`ask` on phrasings written for round 3 (not from the eval files), one group per mechanism.

Each question runs on both stores (the `store` fixture): the answer must list what `expected`
names, of the kind asked, and nothing `never` names. Questions the graph cannot answer as read
must be refused (Unmappable: exit 1 with the closest questions), never answered empty.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import Unmappable, ask
from queries.ask.text import short_forms
from queries.partners import co_builders


def _ids(store: Any, question: str) -> set[str]:
    return {e.id for e in ask(store, question).entities}


# -- verbs an analyst uses that the schema names otherwise ----------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    # owning, shares, the partners behind: CO_BUILDS asked from the park's side
    ("Who owns shares in Sutong Park?", {"org:cssd", "org:nantong-etdz"}, {"city:nantong"}),
    ("Who are the partners behind the Xitong park?", {"city:nantong", "city:wuxi"},
     {"park:suxitong-park"}),
    ("苏通科技产业园的共建方有哪些？", {"org:cssd", "org:jiangsu-nongken"}, set()),
    # governing: LOCATED_IN read from the place that holds the others
    ("Which districts does Suzhou govern?", {"city:gusu", "city:wujiang"}, {"city:nantong"}),
    # practising a mechanism: ADOPTS
    ("Which places practise revenue sharing?", {"city:nantong"}, set()),
    ("哪些地方在搞飞地孵化？", {"city:nantong"}, set()),
    # taking as a model: LEARNS_FROM
    ("Which places does Nantong take as models?", {"park:sip", "region:xiongan"},
     {"city:haimen", "city:rugao"}),
    ("南通把哪些地方当作榜样？", {"park:sip", "park:shenshan"}, {"city:haimen"}),
    # parts and components: PART_OF from the whole
    ("What are the components of the collaboration zone?",
     {"park:qidong-pudong-collab-park", "initiative:reform-sharing-task"}, set()),
    ("协同区的组成部分有哪些？", {"park:qidong-chongming-collab-park"},
     {"initiative:jiangsu-plenary-decision"}),
    ("启东—浦东产业创新协同园区是哪个区域的一部分？", {"region:yrd-collaboration-zone"}, set()),
    # collaborating: COOPERATES_WITH; hosting: what lies in a place; 提议: PROPOSES
    ("Who does Nantong collaborate with?", {"city:shanghai", "region:sunan"}, set()),
    ("What does Qidong host?", {"park:qidong-semiconductor-park"}, {"city:nantong"}),
    ("协同区是谁提议建设的？", {"org:jiangsu-government"}, {"city:suzhou"}),
])
def test_verbs_an_analyst_uses(store: Any, question: str, expected: set[str],
                               never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


# -- 把/以 mark the object, whatever stands before the verb ------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("哪些地方把苏州工业园区当样板？", {"city:nantong", "park:suzhou-suqian"}, {"park:hetao"}),
    ("南通以哪些地方为标杆？", {"park:sip", "region:lingang"}, {"park:suzhou-suqian"}),
    ("谁把深汕特别合作区当作学习的榜样？", {"city:nantong"}, set()),
])
def test_ba_and_yi_mark_the_object(store: Any, question: str, expected: set[str],
                                   never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


# -- kinds of organisation the data holds (university, research-institute, association) --

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which universities are members of the YRD AI alliance?",
     {"org:fudan-university", "org:zju"}, {"org:iflytek", "city:nantong"}),
    ("长三角人工智能产业联盟里有哪些高校？", {"org:sjtu", "org:ustc"}, {"org:sensetime"}),
    ("Which associations belong to the YRD IC alliance?", {"org:shanghai-ic-association"},
     {"org:smic"}),
])
def test_kinds_of_organisation(store: Any, question: str, expected: set[str],
                               never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


# -- nothing found is refused, not answered with an empty list -------------------------------------

@pytest.mark.parametrize("question", [
    "苏州有哪些大学？",  # universities are recorded, none of them in Suzhou
    "南通有几所大学？",  # "学" inside 大学 is no verb of learning
    "Which universities are in Nantong?",
    "石化的上游是什么？",  # nothing is upstream of petrochemicals: never its downstream
    "Which research institutes are in Qidong?",
    "What is located in Haimen?",  # nothing recorded in it: never what Haimen lies in
])
def test_what_the_graph_records_nothing_for_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable) as err:
        ask(store, question)
    assert "Questions I can answer" in str(err.value)


# -- long English names said short (generic words left out) --------------------------------------

def test_short_forms_leave_out_generic_words_only() -> None:
    forms = short_forms("Qidong-Pudong Industrial Innovation Collaboration Park")
    assert "qidong pudong collaboration park" in forms
    assert all(f.endswith(" park") for f in forms)  # never without the kind word
    # two names joined are this one's name ("Qidong-Pudong park"), one alone is not
    assert "qidong pudong park" in short_forms(
        "Qidong-Pudong Industrial Innovation Collaboration Park",
        frozenset({"qidong", "pudong"}))
    assert "changshu zone" not in short_forms("Changshu Industrial Zone",
                                              frozenset({"changshu"}))
    # what is left must name something of its own: not "Jiangsu region" for the coastal belt
    assert "jiangsu region" not in short_forms("Jiangsu coastal region",
                                               frozenset({"jiangsu"}))
    assert not short_forms("High-end equipment")  # "high" alone is no generic word


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("What is the Qidong-Pudong collaboration park part of?",
     {"region:yrd-collaboration-zone"}, {"park:china-jianghai-park"}),
    ("Which research institutes belong to the Taihu alliance?",
     {"org:sass-economics-institute", "org:sjtu-yrd-institute"}, {"org:caeda-yrd-department"}),
    ("Who co-built the Qidong-Chongming collaboration park?", {"city:chongming", "city:qidong"},
     {"city:pudong"}),
    ("Which cities does the Shanghai-Suzhou-Nantong rail-road bridge connect?",
     {"city:nantong", "city:zhangjiagang"}, {"city:jiading"}),
    ("Who developed the Sutong science park?", {"org:cssd", "org:jiangsu-nongken"}, set()),
    ("Where is the Nantong economic development zone?", {"city:nantong"}, {"city:haimen"}),
    ("Which two cities built the Wuxi-Xuzhou park?", {"city:wuxi", "city:xuzhou"}, set()),
])
def test_long_english_names_said_short(store: Any, question: str, expected: set[str],
                                       never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


# -- places asked for, bodies recorded: a company counts for the place it is seated in --

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which cities co-build the Sutong park through their companies?",
     {"city:nantong", "city:suzhou"}, {"org:cssd", "region:jiangsu"}),
    ("苏通科技产业园是哪些城市的企业投资的？", {"city:suzhou"}, {"org:cssd"}),
    ("哪些城市参与了中国江海产业园的建设？", {"city:qidong", "city:shanghai"},
     {"org:shanghai-chengtou"}),
    ("Which cities are involved in the Sutong park?", {"city:suzhou"}, set()),
])
def test_a_body_counts_for_the_place_it_is_seated_in(store: Any, question: str,
                                                     expected: set[str],
                                                     never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


def test_who_built_lists_the_bodies_not_their_places(store: Any) -> None:
    ids = _ids(store, "Who co-builds the Sutong park?")
    assert {"org:cssd", "org:nantong-etdz"} <= ids and "city:suzhou" not in ids


# -- an entity of the kind asked, inside the asking phrase, says which ones --

@pytest.mark.parametrize(("question", "expected"), [
    ("南通采用了哪些税收分成的做法？", {"mechanism:fiscal-tax-sharing"}),
    ("Which enclave-style mechanisms has Nantong adopted?", {"mechanism:enclave-incubation"}),
    ("Which cost-sharing mechanisms does the YRD adopt?", {"mechanism:cost-sharing"}),
])
def test_a_name_of_the_kind_asked_narrows_the_answer(store: Any, question: str,
                                                     expected: set[str]) -> None:
    assert _ids(store, question) == expected


# -- a bare phrase: one entity and the kind asked for ----------------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Nantong's industries?", {"industry:shipbuilding-offshore"}, {"park:sip"}),
    ("南通的园区？", {"park:nantong-high-tech-zone"}, {"park:sip", "park:hetao"}),
    ("the parks of Qidong", {"park:qidong-pudong-collab-park"}, {"park:sip"}),
    ("Members of the YRD AI alliance", {"org:iflytek", "org:zju"}, set()),
])
def test_a_bare_phrase_asks_for_its_kind(store: Any, question: str, expected: set[str],
                                         never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


def test_a_bare_phrase_about_what_the_graph_does_not_hold_is_refused(store: Any) -> None:
    with pytest.raises(Unmappable):
        ask(store, "Nantong GDP")


# -- down a taxonomy when a category is named as such (这个大类下) ---------------------------------

def test_a_category_named_as_such_is_read_down(store: Any) -> None:
    got = ask(store, "新材料产业这个大类下有哪些产业？")
    assert got.parsed.intent.name == "relation:BROADER:in"
    assert {"industry:new-materials", "industry:nanotech"} <= {e.id for e in got.entities}


# -- which <kind> lie between two places (A到B, between, link A and B), with their parts -------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("What crossings are there between Nantong and Suzhou?",
     {"infra:haitai-tunnel", "infra:sutong-second-crossing", "infra:sutong-bridge"},
     {"infra:chongqi-bridge"}),
    ("Which bridges link Nantong and Suzhou?", {"infra:zhangjinggao-bridge", "infra:sutong-bridge"},
     {"infra:haitai-tunnel", "infra:hu-su-tong-railway"}),
    ("连接南通和苏州的大桥有哪些？", {"infra:hu-su-tong-bridge"}, {"infra:chongqi-bridge"}),
    ("南通到上海有哪些铁路？", {"infra:hu-su-tong-railway", "infra:north-yangtze-hsr"},
     {"infra:sutong-bridge"}),
    ("从南通到上海有哪些铁路？", {"infra:north-yangtze-hsr"}, {"city:shanghai"}),
])
def test_what_lies_between_two_places(store: Any, question: str, expected: set[str],
                                      never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


def test_how_many_crossings_link_two_places_counts_them(store: Any) -> None:
    got = ask(store, "How many crossings link Nantong and Suzhou?")
    assert got.count == len(got.entities) >= 6


# -- every entity of a kind only when nothing else is said ---------------------------------------

@pytest.mark.parametrize("question", ["Which parks straddle the river?",
                                      "Which parks are famous?", "哪些园区最有名？"])
def test_a_kind_with_words_nothing_reads_is_not_every_one_of_it(store: Any,
                                                                question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


@pytest.mark.parametrize(("question", "count"), [
    ("How many alliances does the graph hold?", 9),  # alliances and the two councils
    ("一共有几座大桥？", 5), ("Which tunnels exist?", 2),
])
def test_every_one_of_a_kind(store: Any, question: str, count: int) -> None:
    assert len(ask(store, question).entities) == count


# -- a railway said as a rail or a line ----------------------------------------------------------

@pytest.mark.parametrize(("question", "expected"), [
    ("What places does the North Yangtze high-speed rail serve?",
     {"city:rugao", "city:baoshan"}),
    ("Which cities does the Tong-Su-Jia-Yong line pass through?", {"city:ningbo"}),
])
def test_a_railway_said_otherwise(store: Any, question: str, expected: set[str]) -> None:
    assert expected <= _ids(store, question)


# -- who an entity built with: the other co-builders of what it co-builds -------------------------

def test_co_builders_are_the_other_builders_of_what_it_builds(store: Any) -> None:
    got = co_builders(store, "无锡")
    ids = {i.entity.id for i in got.items}
    assert {"city:nantong", "city:suzhou", "city:xuzhou"} <= ids
    assert not ids & {"city:wuxi", "city:huishan", "city:jiangyin"}  # itself and its parts
    xuzhou = next(i for i in got.items if i.entity.id == "city:xuzhou")
    assert {(r.start, r.end) for r in xuzhou.relations} >= {
        ("city:wuxi", "park:wuxi-xuzhou"), ("city:xuzhou", "park:wuxi-xuzhou")}


@pytest.mark.parametrize(("question", "expected", "never"), [
    ("崇明和谁一起建了园区？", {"city:qidong"}, {"city:chongming"}),
    ("Who did Suqian co-build parks with?", {"city:kunshan", "city:wujiang"}, {"city:suqian"}),
    ("Which cities has Wuxi co-built parks with?", {"city:xuzhou", "city:nantong"},
     {"park:wuxi-xuzhou"}),
    ("Who partners with Xuzhou on parks?", {"city:wuxi"}, {"region:jiangsu"}),
    ("启东跟哪些地方合建了园区？", {"city:chongming", "city:pudong"}, set()),
])
def test_who_an_entity_built_with(store: Any, question: str, expected: set[str],
                                  never: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert got.parsed.intent.name == "partners"
    assert expected <= ids and not ids & never, ids


# -- a name said as a category: the category of that name -------------------------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which industries belong to the new materials category?",
     {"industry:new-materials", "industry:nanotech"}, {"industry:metal-materials"}),
    ("新材料这个门类包括哪些？", {"industry:advanced-materials"},
     {"industry:chemical-new-materials"}),
    ("What is in the new energy category?", {"industry:new-energy"}, {"industry:pv-storage"}),
])
def test_a_name_said_as_a_category(store: Any, question: str, expected: set[str],
                                   never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


def test_a_name_without_a_category_word_stays_the_industry(store: Any) -> None:
    assert {"industry:pv-storage"} <= _ids(store, "What sub-sectors sit under new energy?")


# -- a place inside the asking phrase keeps the answer to what lies in it ----------------------

@pytest.mark.parametrize(("question", "expected", "never"), [
    ("Which of Nantong's parks were built with Shanghai?",
     {"park:qidong-pudong-collab-park", "park:china-jianghai-park"},
     {"park:husu-dafeng", "park:caohejing-haining"}),
    ("南通的跨江园区有哪些？", {"park:sutong-park", "park:qidong-chongming-collab-park"},
     set()),  # 跨江 names the set here, it is no verb
])
def test_a_place_qualifying_the_kind_asked(store: Any, question: str, expected: set[str],
                                           never: set[str]) -> None:
    ids = _ids(store, question)
    assert expected <= ids and not ids & never, ids


def test_a_place_qualifying_the_kind_asked_is_said(store: Any) -> None:
    got = ask(store, "Which of Nantong's parks were built with Shanghai?")
    assert got.parsed.within == "city:nantong"
    assert any("Kept to what lies in" in n for n in got.to_dict()["notes"])


# -- two kinds listed keep either; relations the graph does not record are refused --------------

def test_two_kinds_listed_keep_either(store: Any) -> None:
    ids = _ids(store, "Which universities and research institutes are in the YRD AI alliance?")
    assert {"org:fudan-university", "org:zju"} <= ids and "org:iflytek" not in ids
    ids = _ids(store, "Which bridges and tunnels cross the Yangtze?")
    assert {"infra:haitai-tunnel", "infra:sutong-bridge"} <= ids
    assert "infra:hu-su-tong-railway" not in ids


@pytest.mark.parametrize("question", [
    "Which cities border Nantong?", "哪些城市与南通接壤？",
    "Which cities does Nantong compete with?", "哪些城市生产汽车？",
    "Which industries is Nantong weak in?", "What is the capital of Jiangsu?",
    "Which airlines fly to Nantong New Airport?",
])
def test_a_relation_the_graph_does_not_record_is_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)


# -- links between a place and one it lies in: what both relate to, never an error -------------

@pytest.mark.parametrize(("question", "expected"), [
    ("Which mechanisms do Nantong and the YRD share?",
     {"mechanism:cost-sharing", "mechanism:yrd-innovation-vouchers"}),
    ("What memberships do Nantong and Suzhou share?",
     {"org:hu-su-tong-alliance", "region:su-xi-chang-tong-circle"}),
])
def test_what_a_place_shares_with_one_it_lies_in(store: Any, question: str,
                                                 expected: set[str]) -> None:
    assert expected <= _ids(store, question)


def test_a_query_error_reaches_the_caller_as_a_refusal(store: Any) -> None:
    """Whatever a query raises while answering comes back as Unmappable (exit 1, the closest
    questions), so a caller that handles refusals never meets another error."""
    for question in ("南通和长三角之间有哪些机制联系？", "Which parks link Nantong and Jiangsu?"):
        try:
            ask(store, question)
        except Unmappable as exc:
            assert "Questions I can answer" in str(exc)


@pytest.mark.parametrize("question", [
    "What is Nantong's credit rating?", "南通有多少家上市公司？", "苏通大桥投资多少钱？",
])
def test_quantities_the_graph_does_not_record_are_refused(store: Any, question: str) -> None:
    with pytest.raises(Unmappable):
        ask(store, question)
