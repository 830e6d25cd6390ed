"""Two-part questions, "which has more" and complete answers (session 7, ask22), on both stores.

Each class is tested on variants of our own, both languages, different entities and kinds.
"""

from __future__ import annotations

from typing import Any

import pytest

from queries.ask import ask
from queries.ask.more_of import MoreOf

# -- which of two has more: each side counted, both counts and lists, the one with more ------


@pytest.mark.parametrize("question,more,less", [
    ("Who co-builds more parks, Suzhou or Wuxi?", "city:suzhou", "city:wuxi"),
    ("苏州和无锡谁共建的园区多？", "city:suzhou", "city:wuxi"),
    ("Which one has more co-built parks: Shanghai or Nantong?", "city:nantong", "city:shanghai"),
    ("上海和南通，谁共建的园区更多？", "city:nantong", "city:shanghai"),
    ("Does Nantong or Suzhou have more national-level parks?", "city:nantong", "city:suzhou"),
    ("南通的国家级园区比苏州多吗", "city:nantong", "city:suzhou"),
    ("Are there more parks in Nantong than in Suzhou?", "city:nantong", "city:suzhou"),
    ("哪个城市的过江通道更多，南通还是苏州？", "city:nantong", "city:suzhou"),
    ("Which has more members, the YRD AI alliance or the YRD IC alliance?",
     "org:yrd-ai-alliance", "org:yrd-ic-alliance"),
    ("南通和苏州谁加入的联盟多？", "city:nantong", "city:suzhou"),
])
def test_which_of_two_has_more_counts_each(store: Any, question: str, more: str,
                                           less: str) -> None:
    got = ask(store, question)
    assert isinstance(got, MoreOf), type(got)
    assert [e.id for e in got.entities] == [more]  # the answer: the one with more
    counts = dict(zip([e.id for e in got.sides], got.counts, strict=True))
    assert counts[more] > counts[less]
    for part in got.parts:  # each count comes with its list, all of one reading
        assert part.answer is not None and part.answer.count is not None
    assert len({p.answer.parsed.intent.name for p in got.parts}) == 1
    assert "has more" in got.summary and "more" in got.to_dict()["compared"]


def test_which_has_more_says_when_equal(store: Any) -> None:
    got = ask(store, "Which of Haimen and Qidong has more crossings?")
    assert isinstance(got, MoreOf)
    assert {e.id for e in got.entities} == {"city:haimen", "city:qidong"}
    assert got.counts[0] == got.counts[1] and "same number" in got.summary


def test_which_has_more_counts_a_side_with_none_recorded_as_none(store: Any) -> None:
    got = ask(store, "Who has more pillar industries, Nantong or Shanghai?")
    assert isinstance(got, MoreOf) and [e.id for e in got.entities] == ["city:nantong"]
    assert got.counts[1] == 0 and got.parts[1].answer is None
    assert "none recorded" in got.parts[1].refused


def test_which_has_more_in_the_cli(runner: Any, db: Any) -> None:
    import json

    from estuary.cli import app

    result = runner.invoke(app, ["ask", "苏州和无锡谁共建的园区多？"])
    assert result.exit_code == 0, result.output
    assert "苏州 (Suzhou) has more" in result.output
    result = runner.invoke(app, ["ask", "Who co-builds more parks, Suzhou or Wuxi?", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["compared"]["more"] == ["city:suzhou"] and len(out["parts"]) == 2


# -- a later part asked of each thing the first part listed (分别, 各自, each) -------------------


@pytest.mark.parametrize("question,expected", [
    ("Which parks lie in Dafeng? Who co-built each?",
     {"park:changzhou-yancheng", "park:husu-dafeng", "park:suzhou-yancheng-coastal",
      "city:changzhou", "city:shanghai", "city:suzhou"}),
    ("宿迁有哪些共建园区？各自是跟谁合作的？",
     {"park:kunshan-shuyang", "park:zhangjiagang-suyu", "city:kunshan", "city:zhangjiagang"}),
    ("启东有哪些园区？分别是谁建的？",
     {"park:china-jianghai-park", "park:waigaoqiao-qidong-park", "org:shanghai-chengtou",
      "org:waigaoqiao-group"}),
    ("Which alliances is Nantong in? What industries does each focus on?",
     {"org:yrd-ai-alliance", "industry:artificial-intelligence",
      "industry:integrated-circuits", "industry:new-energy-vehicles"}),
    ("Which parks did Suzhou build in Suqian, and who are their partners?",
     {"park:wujiang-siyang", "city:wujiang", "city:siyang"}),
])
def test_a_part_asked_of_each_listed(store: Any, question: str, expected: set[str]) -> None:
    got = ask(store, question)
    assert len(got.parts) > 2  # the list, then one part for each thing on it
    ids = {e.id for e in got.entities}
    assert expected <= ids, expected - ids


def test_each_that_restates_the_list_is_the_list(store: Any) -> None:
    got = ask(store, "南通有几个千亿级产业？分别是哪些")  # 分别是哪些: the same six again
    assert got.count == 6 and not hasattr(got, "parts")


# -- both directions: the later part with 又/呢/"they" carries the subject ----------------------


@pytest.mark.parametrize("question", [
    "化学纤维上游是啥、下游又是啥",
    "化学纤维的上游是什么？下游呢？",
    "What's upstream of chemical fibres, and what do they feed into?",
    "What feeds chemical fibers, and what do they supply?",
    "化学纤维上游是什么，下游又是什么",
])
def test_upstream_and_downstream_both_answered(store: Any, question: str) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {"industry:petrochemical", "industry:textile-fabrics"} <= ids, ids
    assert [p.answer.parsed.intent.name for p in got.parts] == [
        "relation:UPSTREAM_OF:in", "relation:UPSTREAM_OF:out"]


# -- a later part that joins nothing it names: the first part's grouping ----------------------


@pytest.mark.parametrize("question,member,group", [
    ("长三角新能源汽车产业联盟主要关注什么产业？南通有没有参加？", "city:nantong",
     "org:yrd-nev-alliance"),
    ("长三角人工智能产业联盟关注什么产业？南通有没有加入？", "city:nantong", "org:yrd-ai-alliance"),
    ("What does the YRD AI alliance focus on? Did Nantong join?", "city:nantong",
     "org:yrd-ai-alliance"),
    ("What does the YRD IC alliance focus on? Does Nantong take part?", "city:nantong",
     "org:yrd-ic-alliance"),
    ("What does the YRD NEV alliance focus on? Has Nantong joined?", "city:nantong",
     "org:yrd-nev-alliance"),
])
def test_did_x_join_is_asked_of_the_first_parts_grouping(store: Any, question: str,
                                                         member: str, group: str) -> None:
    got = ask(store, question)
    last = got.parts[-1].answer
    assert last is not None and last.verdict is not None and last.verdict.answer == "yes"
    assert {member, group} <= {e.id for e in got.entities}
    assert got.parts[0].answer.entities  # the first part still answered


def test_did_x_join_what_it_is_not_in_is_not_a_yes(store: Any) -> None:
    got = ask(store, "沪苏通产业链联盟有哪些成员？无锡加入了吗？")
    assert got.parts[-1].answer.verdict.answer != "yes"
    assert "city:wuxi" not in {e.id for e in got.entities}


# -- "who else": the others in what the yes-or-no put the thing in -----------------------------


@pytest.mark.parametrize("question,expected", [
    ("Is Wuxi a member of the YRD City Economic Coordination Council? Who else is?",
     {"city:wuxi", "city:nantong", "city:ningbo", "city:zhoushan"}),
    ("无锡是长三角城市经济协调会的成员吗？还有谁？", {"city:wuxi", "city:jiaxing", "city:huzhou"}),
    ("Is Nantong in the Hu-Su-Tong alliance? Who else is in it?",
     {"city:nantong", "city:shanghai", "city:suzhou"}),
    ("苏州参与共建苏锡通园区吗？还有谁？", {"city:suzhou", "city:nantong", "city:wuxi"}),
    ("Is Suzhou a co-builder of the Suxitong park? Who else?",
     {"city:suzhou", "city:nantong", "city:wuxi"}),
])
def test_who_else_lists_the_others(store: Any, question: str, expected: set[str]) -> None:
    got = ask(store, question)
    assert got.parts[0].answer.verdict.answer == "yes"
    ids = {e.id for e in got.entities}
    assert expected <= ids, expected - ids


# -- where, then who invests and with what stake: each its own part ----------------------------


@pytest.mark.parametrize("question,place,holders", [
    ("南通新机场建在哪个区？谁在投、股比多少？", "city:tongzhou",
     {"org:shanghai-airport-authority", "org:nantong-urban-construction"}),
    ("Where is the Nantong new airport? Who invests in it and with what stakes?",
     "city:tongzhou", {"org:shanghai-airport-authority", "org:nantong-urban-construction"}),
])
def test_where_then_who_invests(store: Any, question: str, place: str,
                                holders: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert {place} | holders <= ids, ({place} | holders) - ids


# -- overviews list what they show, the places a thing joins always among it -------------------


@pytest.mark.parametrize("question,expected", [
    ("tell me about the Hu-Su-Tong bridge", {"city:nantong", "city:zhangjiagang"}),
    ("长江口产业创新协同区是什么情况",
     {"city:nantong", "city:shanghai", "city:suzhou", "org:jiangsu-plenary-14-4"}),
    ("苏通大桥咋样", {"city:nantong", "city:suzhou"}),
    ("Tell me about the Hu-Su-Tong alliance", {"city:shanghai", "city:nantong", "city:suzhou"}),
    ("介绍一下沪苏通铁路", {"city:nantong", "city:shanghai", "city:zhangjiagang"}),
])
def test_an_overview_lists_what_it_shows(store: Any, question: str, expected: set[str]) -> None:
    got = ask(store, question)
    assert got.parsed.intent.name == "show"
    ids = {e.id for e in got.entities}
    assert expected <= ids, expected - ids


@pytest.mark.parametrize("question,entity", [
    ("What is SIP?", "park:sip"), ("苏通大桥是什么", "infra:sutong-bridge"),
    ("what's Qidong", "city:qidong"), ("Chongming Haimen crossings", "infra:chonghai-crossing"),
    ("苏通大桥", "infra:sutong-bridge"),
])
def test_what_x_is_or_its_name_alone_is_x_itself(store: Any, question: str,
                                                 entity: str) -> None:
    got = ask(store, question)  # a definition asked: the thing, its overview shown
    assert [e.id for e in got.entities] == [entity]


def test_an_entity_with_few_relations_is_shown_whole(store: Any) -> None:
    from queries.overview import overview

    small = overview(store, "infra:hu-su-tong-railway", per_group=2)  # type: ignore[arg-type]
    assert all(g.more == 0 for g in small.groups)  # few: every row of every group
    big = overview(store, "city:nantong", per_group=2)  # type: ignore[arg-type]
    assert any(g.more > 0 for g in big.groups)  # many: bounded, the best first


# -- a list of aspects after the question: every one answered ("anything": all of them) ------


@pytest.mark.parametrize("question,expected,never", [
    ("What actually ties Shanghai and Nantong together? parks, alliances, crossings, anything",
     {"park:china-jianghai-park", "org:hu-su-tong-alliance", "infra:hu-su-tong-railway",
      "industry:high-end-equipment"}, set()),
    ("What links Suzhou and Nantong - parks, alliances, crossings, anything?",
     {"park:suxitong-park", "org:hu-su-tong-alliance", "infra:sutong-bridge"}, set()),
    ("上海和南通之间有什么联系？园区、联盟、过江通道，什么都行",
     {"park:china-jianghai-park", "org:hu-su-tong-alliance", "infra:hu-su-tong-railway",
      "industry:high-end-equipment"}, set()),
    ("What ties Shanghai and Nantong: parks and crossings?",  # only the two named
     {"park:china-jianghai-park", "infra:hu-su-tong-railway"},
     {"industry:high-end-equipment", "org:hu-su-tong-alliance"}),
])
def test_every_aspect_listed_is_answered(store: Any, question: str, expected: set[str],
                                         never: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert expected <= ids and not ids & never, (expected - ids, ids & never)


@pytest.mark.parametrize("question", [
    "Do the YRD IC alliance and the YRD AI alliance have anything in common?",
    "长三角集成电路产业联盟和长三角人工智能产业联盟有没有共同点？",
    "Do the YRD biomedicine alliance and the YRD NEV alliance share anything?",
])
def test_anything_in_common_is_what_they_share_not_a_missing_relation(store: Any,
                                                                      question: str) -> None:
    got = ask(store, question)
    assert got.verdict is None and got.parsed.intent.name.startswith("in-common:")
    assert {"city:nantong", "initiative:yrd-chain-action"} <= {e.id for e in got.entities}


def test_anything_in_common_of_two_places_is_every_aspect(store: Any) -> None:
    got = ask(store, "Do Nantong and Suzhou have anything in common?")
    ids = {e.id for e in got.entities}
    assert {"org:hu-su-tong-alliance", "park:suxitong-park"} <= ids
    assert any(i.startswith("industry:") for i in ids)


# -- a topic said first, then the question about it ------------------------------------------


@pytest.mark.parametrize("question,expected", [
    ("Sutong park - who were the shareholders and what stakes?",
     {"org:cssd", "org:nantong-etdz", "org:jiangsu-nongken"}),
    ("Suxitong park: who builds it?", {"city:nantong", "city:suzhou", "city:wuxi"}),
    ("Hu-Su-Tong railway - which places does it pass through?",
     {"city:nantong", "city:zhangjiagang", "city:shanghai"}),
    ("Zhangjiagang-Suyu park - who built it and when was it set up?", {"city:zhangjiagang"}),
    ("Hu-Su-Tong alliance - who are the members?",
     {"city:nantong", "city:shanghai", "city:suzhou"}),
])
def test_a_topic_said_first(store: Any, question: str, expected: set[str]) -> None:
    got = ask(store, question)
    ids = {e.id for e in got.entities}
    assert expected <= ids, expected - ids


def test_context_with_a_verb_first_is_still_context(store: Any) -> None:
    got = ask(store, "Kunshan co-built a park up north - what is it called")
    assert [e.id for e in got.entities] == ["park:kunshan-shuyang"]
