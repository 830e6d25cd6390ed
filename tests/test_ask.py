"""`estuary ask`: questions in words mapped to queries.

Parsing is tested on many paraphrases per intent (pure, fast: the gazetteer of the bundled
data); answers on both stores (the `store` fixture); the command through CliRunner with exact
error texts. Also `related` and `quoted_in`, the queries `ask` added to the catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from estuary.cli import app
from graph.model import to_jsonable
from queries.ask import INTENTS, Gazetteer, Unmappable, ask, gazetteer, parse
from queries.errors import QueryError
from queries.related import quoted_in, related

ARTICLE = Path(__file__).resolve().parent.parent / "data" / "sources" / "seed-article.txt"


@pytest.fixture(scope="module")
def gaz(embedded_built: Any) -> Gazetteer:
    return gazetteer(embedded_built)


# -- parsing: paraphrases -> intent and entities ---------------------------------------------

NT, SZ, SH, SIP = "city:nantong", "city:suzhou", "city:shanghai", "park:sip"
CIRCLE = "region:shanghai-metropolitan-circle"
PARAPHRASES = [
    # industry-links
    ("which industries link Nantong and Suzhou", "industry-links", {"a": NT, "b": SZ}),
    ("Which industries link Nantong and Suzhou?", "industry-links", {"a": NT, "b": SZ}),
    ("what industries connect Suzhou with Nantong", "industry-links", {"a": SZ, "b": NT}),
    ("industries shared by Nantong and Suzhou", "industry-links", {"a": NT, "b": SZ}),
    ("Nantong and Suzhou: which industries do they have in common?", "industry-links",
     {"a": NT, "b": SZ}),
    ("industrial links between Nantong and Suzhou", "industry-links", {"a": NT, "b": SZ}),
    ("which sectors tie nantong to suzhou", "industry-links", {"a": NT, "b": SZ}),
    ("NANTONG SUZHOU industry links", "industry-links", {"a": NT, "b": SZ}),
    ("南通和苏州之间有哪些产业联系", "industry-links", {"a": NT, "b": SZ}),
    ("南通和苏州之间有哪些产业联系？", "industry-links", {"a": NT, "b": SZ}),
    ("南通与苏州有哪些共同产业", "industry-links", {"a": NT, "b": SZ}),
    ("苏州和南通靠哪些产业联系起来", "industry-links", {"a": SZ, "b": NT}),
    ("通和苏之间有哪些产业联系", "industry-links", {"a": NT, "b": SZ}),
    ("南通市、苏州市之间的产业关联", "industry-links", {"a": NT, "b": SZ}),
    ("连接南通和苏州的产业有哪些", "industry-links", {"a": NT, "b": SZ}),
    ("nan tong he su zhou industries linking them", "industry-links", {"a": NT, "b": SZ}),
    # connection
    ("how is Nantong connected to Shanghai", "connection", {"a": NT, "b": SH}),
    ("How is Nantong connected to Shanghai?", "connection", {"a": NT, "b": SH}),
    ("what is the relationship between Nantong and Shanghai", "connection", {"a": NT, "b": SH}),
    ("how are Shanghai and Nantong related", "connection", {"a": SH, "b": NT}),
    ("what connects nantong and shanghai", "connection", {"a": NT, "b": SH}),
    ("Nantong and Shanghai: what ties them together?", "connection", {"a": NT, "b": SH}),
    ("南通与上海是什么关系", "connection", {"a": NT, "b": SH}),
    ("南通与上海是什么关系？", "connection", {"a": NT, "b": SH}),
    ("南通和上海有什么联系", "connection", {"a": NT, "b": SH}),
    ("上海跟南通怎么联系起来的", "connection", {"a": SH, "b": NT}),
    ("通沪之间的关系", "connection", {"a": NT, "b": SH}),
    ("南通与沪的关系", "connection", {"a": NT, "b": SH}),
    # connection: SIP and Nantong
    ("what links Suzhou Industrial Park to Nantong", "connection", {"a": SIP, "b": NT}),
    ("What links SIP to Nantong?", "connection", {"a": SIP, "b": NT}),
    ("how is the Suzhou Industrial Park related to Nantong", "connection", {"a": SIP, "b": NT}),
    ("what does SIP have to do with Nantong", "connection", {"a": SIP, "b": NT}),
    ("China-Singapore Suzhou Industrial Park and Nantong: how are they connected",
     "connection", {"a": SIP, "b": NT}),
    ("苏州工业园区和南通有什么联系", "connection", {"a": SIP, "b": NT}),
    ("苏州工业园区和南通有什么联系？", "connection", {"a": SIP, "b": NT}),
    ("南通与苏州园区是什么关系", "connection", {"a": NT, "b": SIP}),
    ("中新苏州工业园区跟南通有何关联", "connection", {"a": SIP, "b": NT}),
    ("SIP和南通之间的关系", "connection", {"a": SIP, "b": NT}),
    # park-links
    ("which parks has Nantong co-built with Suzhou", "park-links", {"a": NT, "b": SZ}),
    ("Which parks has Nantong co-built with Suzhou?", "park-links", {"a": NT, "b": SZ}),
    ("what parks did Nantong and Suzhou build together", "park-links", {"a": NT, "b": SZ}),
    ("parks jointly built by Nantong and Suzhou", "park-links", {"a": NT, "b": SZ}),
    ("co-built parks of Suzhou and Nantong", "park-links", {"a": SZ, "b": NT}),
    ("which industrial parks link Nantong and Suzhou", "park-links", {"a": NT, "b": SZ}),
    ("南通和苏州共建了哪些园区", "park-links", {"a": NT, "b": SZ}),
    ("南通和苏州共建了哪些园区？", "park-links", {"a": NT, "b": SZ}),
    ("南通与苏州合作共建的园区有哪些", "park-links", {"a": NT, "b": SZ}),
    ("哪些园区是南通和苏州共建的", "park-links", {"a": NT, "b": SZ}),
    ("通苏共建园区有哪些", "park-links", {"a": NT, "b": SZ}),
    ("南通、苏州之间有哪些合作园区", "park-links", {"a": NT, "b": SZ}),
    # cost-benefit-mechanisms
    ("which mechanisms share costs and benefits", "cost-benefit-mechanisms", {}),
    ("Which mechanisms share costs and benefits?", "cost-benefit-mechanisms", {}),
    ("what mechanisms are there for sharing costs and benefits", "cost-benefit-mechanisms", {}),
    ("list the cost-sharing and benefit-sharing mechanisms", "cost-benefit-mechanisms", {}),
    ("cost sharing and benefit sharing mechanisms?", "cost-benefit-mechanisms", {}),
    ("which arrangements split costs and share benefits", "cost-benefit-mechanisms", {}),
    ("有哪些成本共担、利益共享的机制", "cost-benefit-mechanisms", {}),
    ("有哪些成本共担、利益共享的机制？", "cost-benefit-mechanisms", {}),
    ("成本共担和利益共享机制有哪些", "cost-benefit-mechanisms", {}),
    ("哪些机制涉及成本共担利益共享", "cost-benefit-mechanisms", {}),
    ("利益共享、成本共担的做法有哪些", "cost-benefit-mechanisms", {}),
    ("共担成本、共享利益的机制", "cost-benefit-mechanisms", {}),
    # members
    ("which cities belong to the Shanghai 1+8 metropolitan circle", "members",
     {"region": CIRCLE}),
    ("Which cities belong to the Shanghai \"1+8\" Metropolitan Circle?", "members",
     {"region": CIRCLE}),
    ("what cities are in the Shanghai metropolitan area", "members", {"region": CIRCLE}),
    ("list the member cities of the Greater Shanghai Metropolitan Circle", "members",
     {"region": CIRCLE}),
    ("Shanghai metropolitan circle: which cities does it include", "members",
     {"region": CIRCLE}),
    ("cities of the 1+8 circle", "members", {"region": CIRCLE}),
    ("上海大都市圈包括哪些城市", "members", {"region": CIRCLE}),
    ("上海大都市圈包括哪些城市？", "members", {"region": CIRCLE}),
    ("哪些城市属于上海大都市圈", "members", {"region": CIRCLE}),
    ("上海“1+8”大都市圈由哪些城市组成", "members", {"region": CIRCLE}),
    ("上海都市圈有哪几个城市", "members", {"region": CIRCLE}),
    ("1+8大都市圈的成员城市", "members", {"region": CIRCLE}),
    # tier-industries
    ("what are Nantong's six 千亿级 industries", "tier-industries", {"place": NT}),
    ("What are Nantong's six 千亿级 industries?", "tier-industries", {"place": NT}),
    ("Nantong's six hundred-billion-yuan industries", "tier-industries", {"place": NT}),
    ("which of nantong's industries are worth 100 billion", "tier-industries", {"place": NT}),
    ("the 6 pillar industries of Nantong", "tier-industries", {"place": NT}),
    ("南通的六大千亿级产业是什么", "tier-industries", {"place": NT}),
    ("南通的六大千亿级产业是什么？", "tier-industries", {"place": NT}),
    ("南通有哪六大千亿级产业", "tier-industries", {"place": NT}),
    ("南通千亿级产业有哪些", "tier-industries", {"place": NT}),
    ("南通市的千亿级板块", "tier-industries", {"place": NT}),
    ("通的6大千亿产业", "tier-industries", {"place": NT}),
    # learns-from
    ("which places does Nantong learn from", "learns-from", {"x": NT}),
    ("Which places does Nantong learn from?", "learns-from", {"x": NT}),
    ("where does Nantong draw lessons from", "learns-from", {"x": NT}),
    ("what models does Nantong follow", "learns-from", {"x": NT}),
    ("whose experience does Nantong borrow", "learns-from", {"x": NT}),
    ("Nantong learns from which places?", "learns-from", {"x": NT}),
    ("南通借鉴了哪些地方的经验", "learns-from", {"x": NT}),
    ("南通借鉴了哪些地方的经验？", "learns-from", {"x": NT}),
    ("南通向哪些地方学习", "learns-from", {"x": NT}),
    ("南通学习借鉴了哪些经验", "learns-from", {"x": NT}),
    ("南通对标学习了哪些地区", "learns-from", {"x": NT}),
    ("哪些地方的经验被南通借鉴", "learns-from", {"x": NT}),
    # learns-what
    ("What does Nantong learn from Suzhou Industrial Park?", "learns-what",
     {"x": NT, "y": SIP}),
    ("what has Nantong learned from the Lingang Special Area", "learns-what",
     {"x": NT, "y": "region:lingang"}),
    ("which lessons were learned from SIP by Nantong", "learns-what", {"x": NT, "y": SIP}),
    ("南通借鉴了临港什么经验", "learns-what", {"x": NT, "y": "region:lingang"}),
    ("南通向苏州工业园区学习什么", "learns-what", {"x": NT, "y": SIP}),
    ("南通学习浦东的哪些做法", "learns-what", {"x": NT, "y": "city:pudong"}),
    # check (yes or no)
    ("Is Nantong in the Shanghai metropolitan circle?", "check", {"a": NT, "b": CIRCLE}),
    ("does Nantong cooperate with Shanghai?", "check", {"a": NT, "b": SH}),
    ("is Nantong a member of the Yangtze River Delta", "check", {"a": NT, "b": "region:yrd"}),
    ("南通属于上海大都市圈吗", "check", {"a": NT, "b": CIRCLE}),
    ("南通和上海有合作吗", "check", {"a": NT, "b": SH}),
    ("南通是不是长三角的一部分", "check", {"a": NT, "b": "region:yrd"}),
    # mentions
    ("where does the article mention 飞地孵化", "mentions",
     {"entity": "mechanism:enclave-incubation"}),
    ("Where does the article mention enclave incubation?", "mentions",
     {"entity": "mechanism:enclave-incubation"}),
    ("which sentences mention enclave incubation", "mentions",
     {"entity": "mechanism:enclave-incubation"}),
    ("what does the article say about enclave incubation", "mentions",
     {"entity": "mechanism:enclave-incubation"}),
    ("where is enclave incubation mentioned in the text", "mentions",
     {"entity": "mechanism:enclave-incubation"}),
    ("quote the article on 飞地孵化", "mentions", {"entity": "mechanism:enclave-incubation"}),
    ("文章在哪里提到了飞地孵化", "mentions", {"entity": "mechanism:enclave-incubation"}),
    ("文章在哪里提到了飞地孵化？", "mentions", {"entity": "mechanism:enclave-incubation"}),
    ("原文哪里讲到“飞地孵化”", "mentions", {"entity": "mechanism:enclave-incubation"}),
    ("飞地孵化在文中出现在哪里", "mentions", {"entity": "mechanism:enclave-incubation"}),
    ("哪句话提到了飞地孵化", "mentions", {"entity": "mechanism:enclave-incubation"}),
    ("文章怎么说科创飞地的", "mentions", {"entity": "mechanism:enclave-incubation"}),
    # parks-focusing
    ("which parks focus on new energy", "parks-focusing", {"industry": "industry:new-energy"}),
    ("Which parks focus on new energy?", "parks-focusing",
     {"industry": "industry:new-energy"}),
    ("what parks specialise in new energy", "parks-focusing",
     {"industry": "industry:new-energy"}),
    ("parks focused on New Energy", "parks-focusing", {"industry": "industry:new-energy"}),
    ("which zones are dedicated to new energy", "parks-focusing",
     {"industry": "industry:new-energy"}),
    ("which industrial parks work on petrochemicals", "parks-focusing",
     {"industry": "industry:petrochemical"}),
    ("哪些园区聚焦新能源", "parks-focusing", {"industry": "industry:new-energy"}),
    ("哪些园区聚焦新能源？", "parks-focusing", {"industry": "industry:new-energy"}),
    ("聚焦新能源的园区有哪些", "parks-focusing", {"industry": "industry:new-energy"}),
    ("新能源方面有哪些园区", "parks-focusing", {"industry": "industry:new-energy"}),
    ("哪些产业园主攻新能源", "parks-focusing", {"industry": "industry:new-energy"}),
    ("有没有做石化的园区", "parks-focusing", {"industry": "industry:petrochemical"}),
    # extras: chain-industries
    ("what are Nantong's 16 advantageous industrial chains", "chain-industries",
     {"place": NT}),
    ("Nantong's advantage industry chains", "chain-industries", {"place": NT}),
    ("which sixteen industrial chains does Nantong have", "chain-industries", {"place": NT}),
    ("南通有哪些优势产业链", "chain-industries", {"place": NT}),
    ("南通的16条优势产业链是什么", "chain-industries", {"place": NT}),
    ("南通十六条优势产业链", "chain-industries", {"place": NT}),
    # industries-of
    ("which industries does Nantong have", "industries-of", {"place": NT}),
    ("what industries are in Suzhou Industrial Park", "industries-of", {"place": SIP}),
    ("list Suzhou's industries", "industries-of", {"place": SZ}),
    ("南通有哪些产业", "industries-of", {"place": NT}),
    ("苏州工业园区的主导产业是什么", "industries-of", {"place": SIP}),
    ("苏州发展哪些行业", "industries-of", {"place": SZ}),
    # learners
    ("who learns from Suzhou Industrial Park", "learners", {"x": SIP}),
    ("which cities learn from SIP?", "learners", {"x": SIP}),
    ("who has borrowed the experience of Pudong", "learners", {"x": "city:pudong"}),
    ("谁借鉴了苏州工业园区的经验", "learners", {"x": SIP}),
    ("哪些城市学习雄安新区", "learners", {"x": "region:xiongan"}),
    ("谁在学习浦东", "learners", {"x": "city:pudong"}),
    # co-built-parks
    ("which parks does Nantong co-build", "co-built-parks", {"x": NT}),
    ("what parks has Suzhou co-built", "co-built-parks", {"x": SZ}),
    ("parks developed by CSSD", "co-built-parks", {"x": "org:cssd"}),
    ("南通共建了哪些园区", "co-built-parks", {"x": NT}),
    ("中新集团投资了哪些园区", "co-built-parks", {"x": "org:cssd"}),
    ("上海参与建设了哪些园区", "co-built-parks", {"x": SH}),
    # mechanism-links
    ("which mechanisms link Nantong and Shanghai", "mechanism-links", {"a": NT, "b": SH}),
    ("what mechanisms connect Shanghai with Nantong", "mechanism-links", {"a": SH, "b": NT}),
    ("mechanisms shared by Nantong and Suzhou", "mechanism-links", {"a": NT, "b": SZ}),
    ("南通和上海之间有哪些机制联系", "mechanism-links", {"a": NT, "b": SH}),
    ("南通与上海共同的机制", "mechanism-links", {"a": NT, "b": SH}),
    ("连接通沪的机制有哪些", "mechanism-links", {"a": NT, "b": SH}),
    # adopted-mechanisms
    ("which mechanisms does Nantong adopt", "adopted-mechanisms", {"x": NT}),
    ("what mechanisms is Nantong exploring", "adopted-mechanisms", {"x": NT}),
    ("which models does the Yangtze River Delta use", "adopted-mechanisms",
     {"x": "region:yrd"}),
    ("南通在探索哪些机制", "adopted-mechanisms", {"x": NT}),
    ("南通采用了哪些模式", "adopted-mechanisms", {"x": NT}),
    ("长三角建立了什么机制", "adopted-mechanisms", {"x": "region:yrd"}),
    # compare
    ("compare Nantong and Suzhou", "compare", {"a": NT, "b": SZ}),
    ("Compare Nantong with Suzhou.", "compare", {"a": NT, "b": SZ}),
    ("how does Nantong differ from Suzhou", "compare", {"a": NT, "b": SZ}),
    ("Nantong vs Suzhou", "compare", {"a": NT, "b": SZ}),
    ("比较南通和苏州", "compare", {"a": NT, "b": SZ}),
    ("南通与苏州有什么区别", "compare", {"a": NT, "b": SZ}),
    ("对比一下苏州和南通", "compare", {"a": SZ, "b": NT}),
    # show
    ("what is Suzhou Industrial Park", "show", {"a": SIP}),
    ("Tell me about Nantong", "show", {"a": NT}),
    ("南通", "show", {"a": NT}),
    ("飞地孵化是什么", "show", {"a": "mechanism:enclave-incubation"}),
    ("介绍一下苏州工业园区", "show", {"a": SIP}),
    ("what is the YRD?", "show", {"a": "region:yrd"}),
]

HUBS = [
    ("which industries are the most connected", "Industry"),
    ("what are the top hubs", None),
    ("most central parks", "Park"),
    ("哪些产业连接最多", "Industry"),
    ("最核心的园区有哪些", "Park"),
    ("哪些城市是枢纽", "City"),
]


@pytest.mark.parametrize(("question", "intent", "slots"), PARAPHRASES,
                         ids=[f"{i}:{q}" for q, i, _ in PARAPHRASES])
def test_paraphrase_maps_to_intent_and_entities(gaz: Gazetteer, question: str, intent: str,
                                                slots: dict[str, str]) -> None:
    parsed = parse(question, gaz)
    assert parsed.intent.name == intent
    assert parsed.values() == slots


@pytest.mark.parametrize(("question", "label"), HUBS)
def test_hubs_questions_name_a_label(gaz: Gazetteer, question: str, label: str | None) -> None:
    parsed = parse(question, gaz)
    assert parsed.intent.name == "hubs"
    assert parsed.labels.get("label") == label


def test_every_intent_is_tested_and_its_examples_parse(gaz: Gazetteer) -> None:
    counts: dict[str, int] = {}
    for _, intent, _ in PARAPHRASES:
        counts[intent] = counts.get(intent, 0) + 1
    counts["hubs"] = len(HUBS)
    for intent in INTENTS:
        assert counts.get(intent.name, 0) >= 5, intent.name
        for example in intent.examples:
            assert parse(example, gaz).intent.name == intent.name, example


@pytest.mark.parametrize(("question", "note"), [
    ("which industries link Nantongg and Suzhuo", "Read 'Suzhuo' as 苏州 (Suzhou) [city:suzhou]."),
    ("南桶和苏州之间有哪些产业联系", "Read '南桶' as 南通 (Nantong) [city:nantong]."),
    ("how is Nantong connected to Shangai", "Read 'Shangai' as 上海 (Shanghai) [city:shanghai]."),
])
def test_near_misses_are_read_and_said(gaz: Gazetteer, question: str, note: str) -> None:
    parsed = parse(question, gaz)
    assert note in parsed.notes
    assert set(parsed.values().values()) <= {"city:nantong", "city:suzhou", "city:shanghai"}
    assert len(parsed.values()) == 2


@pytest.mark.parametrize(("question", "first_line"), [
    ("which industries link Nantong and Atlantis",
     "I did not recognise 'Atlantis' in 'which industries link Nantong and Atlantis'."),
    ("which industries link nantong and atlantis",
     "I did not recognise 'atlantis' in 'which industries link nantong and atlantis'."),
    ("which industries link Nantong, Suzhou and Atlantis",
     "I did not recognise 'Atlantis' in 'which industries link Nantong, Suzhou and Atlantis'."),
    ("南通和亚特兰蒂斯之间有哪些产业联系",
     "I did not recognise '亚特兰蒂斯' in '南通和亚特兰蒂斯之间有哪些产业联系'."),
    ("亚特兰蒂斯和南通有什么联系",
     "I did not recognise '亚特兰蒂斯' in '亚特兰蒂斯和南通有什么联系'."),
    ("what is the weather in Nantong",
     "I cannot map 'what is the weather in Nantong' to a question I can answer."),
    ("南通的天气怎么样", "I cannot map '南通的天气怎么样' to a question I can answer."),
    ("how many people live in Nantong",
     "I cannot map 'how many people live in Nantong' to a question I can answer."),
    ("tell me a joke", "I cannot map 'tell me a joke' to a question I can answer."),
    ("Which parks focus on Nantong", "'Which parks focus on Nantong' does not name an Industry."),
    ("which cities belong to Nantong",
     "'which cities belong to Nantong' does not name an Organization or Region."),
    ("how is Nantong connected to Nantong City",
     "'how is Nantong connected to Nantong City' names 南通 (Nantong) [city:nantong] twice; "
     "ask about two different entities."),
    ("苏", "'苏' is ambiguous here: 苏州 (Suzhou) [city:suzhou], 江苏 (Jiangsu) "
          "[region:jiangsu]. Use a fuller name."),
    ("交通联系", "'交通联系' does not name 2 entities."),
    ("   ", "Ask a question, e.g. one of these:"),
])
def test_unmappable_questions_say_why(gaz: Gazetteer, question: str, first_line: str) -> None:
    with pytest.raises(Unmappable) as err:
        parse(question, gaz)
    assert str(err.value).splitlines()[0] == first_line


def test_unmappable_suggests_questions_with_the_recognised_entities(gaz: Gazetteer) -> None:
    with pytest.raises(Unmappable) as err:
        parse("what is the weather in Nantong", gaz)
    assert [e.id for e in err.value.recognised] == ["city:nantong"]
    assert len(err.value.closest) == 3
    assert "What is Nantong?" in err.value.closest
    with pytest.raises(Unmappable) as err:
        parse("which industries link Nantong and Atlantis", gaz)
    assert err.value.closest[0] == "Which industries link Nantong and Suzhou?"
    assert "It looks like: Which industries link {a} and {b}?" in str(err.value)


@pytest.mark.parametrize("text", ["交通", "沟通", "深化", "申请", "经常", "通州"])
def test_one_character_aliases_never_inside_words(gaz: Gazetteer, text: str) -> None:
    from queries.ask import recognise

    _, mentions = recognise(f"南通的{text}情况", gaz)
    assert [m.ids for m in mentions] == [("city:nantong",)]


def test_entity_names_do_not_trigger_cues(gaz: Gazetteer) -> None:
    # 园区 and 联系 inside names are masked: this is about a park, not "which parks".
    assert parse("苏州工业园区和南通有什么联系", gaz).intent.name == "connection"
    assert parse("新兴产业是什么", gaz).intent.name == "show"


# -- answers on both stores ------------------------------------------------------------------

def _ids(result: Any) -> set[str]:
    return {item.entity.id for item in result.items}


def _main(answer: Any) -> Any:
    return answer.primary.result


@pytest.mark.parametrize("question", ["which industries link Nantong and Suzhou",
                                      "南通和苏州之间有哪些产业联系"])
def test_answer_industry_links(store: Any, question: str) -> None:
    answer = ask(store, question)
    assert answer.primary.query == "links" and answer.primary.args["via"] == "industry"
    ids = [link.entity.id for link in _main(answer).links]
    # Shared by the stated meaning (queries/industry_match.py): both HAS_INDUSTRY 集成电路; one
    # level apart for 新一代信息技术 and 生物医药. 高端装备 only meets in a category (--broad).
    assert {"industry:next-gen-it", "industry:integrated-circuits",
            "industry:biomedicine"} <= set(ids)
    assert all(link.entity.label == "Industry" for link in _main(answer).links)


@pytest.mark.parametrize("question", ["how is Nantong connected to Shanghai",
                                      "南通与上海是什么关系"])
def test_answer_connection_nantong_shanghai(store: Any, question: str) -> None:
    pytest.importorskip("queries.why")
    answer = ask(store, question)
    assert answer.primary.query == "why"
    statements = _main(answer).statements
    assert {(s.relation.type, s.relation.start, s.relation.end) for s in statements} >= {
        ("COOPERATES_WITH", "city:nantong", "city:shanghai")}
    assert any("强化与上海、苏州沟通对接" in s.relation.evidence for s in statements)
    assert "shortest_paths" not in [r.query for r in answer.ran], \
        "direct relations exist: no path fallback"


@pytest.mark.parametrize("question", ["what links Suzhou Industrial Park to Nantong",
                                      "苏州工业园区和南通有什么联系"])
def test_answer_connection_sip_nantong(store: Any, question: str) -> None:
    pytest.importorskip("queries.why")
    statements = _main(ask(store, question)).statements
    learns = [s.relation for s in statements if s.relation.type == "LEARNS_FROM"]
    assert [(r.start, r.end, r.evidence) for r in learns] == [
        ("city:nantong", "park:sip", "学习借鉴苏州工业园区经验")]


def test_answer_connection_without_direct_relation_gives_paths(store: Any) -> None:
    pytest.importorskip("queries.why")
    answer = ask(store, "南通与舟山是什么关系")
    assert [(r.query, r.result is None) for r in answer.ran][:2] == [
        ("why", True), ("shortest_paths", False)]
    assert "org:yrd-city-economic-council" in {e.id for e in answer.entities}
    assert answer.ran[0].note == ("The graph states no direct relation between 南通 (Nantong) "
                                  "and 舟山 (Zhoushan).")
    # Two-hop routes may tie; the YRD cities' council both sit on must be among them.
    routes = {p.ids for p in answer.ran[1].result.paths}
    assert ("city:nantong", "org:yrd-city-economic-council", "city:zhoushan") in routes
    assert {len(ids) for ids in routes} == {3}


@pytest.mark.parametrize("question", ["which parks has Nantong co-built with Suzhou",
                                      "南通和苏州共建了哪些园区"])
def test_answer_park_links(store: Any, question: str) -> None:
    answer = ask(store, question)
    assert answer.primary.args["via"] == "co-built"
    links = {link.entity.id: link for link in _main(answer).links}
    assert "park:suxitong-park" in links
    hops = [r for p in links["park:suxitong-park"].paths for hop in p.hops for r in hop]
    assert {(r.start, r.type) for r in hops if r.type == "CO_BUILDS"} >= {
        ("city:nantong", "CO_BUILDS"), ("city:suzhou", "CO_BUILDS")}


@pytest.mark.parametrize("question", ["which mechanisms share costs and benefits",
                                      "有哪些成本共担、利益共享的机制"])
def test_answer_cost_benefit_mechanisms(store: Any, question: str) -> None:
    result = _main(ask(store, question))
    assert result.center.id == "initiative:interest-balance-task"
    assert _ids(result) == {"mechanism:cost-sharing", "mechanism:benefit-sharing",
                            "mechanism:fiscal-tax-sharing", "mechanism:dual-statistics"}
    quotes = {r.evidence for item in result.items for r in item.relations}
    assert "探索建立成本共担、财税共享、统计指标“双算”等机制" in quotes


COUNCIL = {f"city:{c}" for c in ("shanghai", "nantong", "suzhou", "wuxi", "changzhou", "ningbo",
                                  "zhoushan", "jiaxing", "huzhou", "taizhou", "yancheng")}


@pytest.mark.parametrize("question", [
    "which cities belong to the YRD City Economic Coordination Council",
    "长三角城市经济协调会包括哪些城市"])
def test_answer_council_members(store: Any, question: str) -> None:
    assert _ids(_main(ask(store, question))) == COUNCIL


@pytest.mark.parametrize("question", ["which cities belong to the Shanghai 1+8 metropolitan circle",
                                      "上海大都市圈包括哪些城市"])
def test_circle_members_are_those_a_source_names(store: Any, question: str) -> None:
    """Only the article's two: the other seven are named by no source the data uses, and
    the answer says so."""
    got = ask(store, question)
    assert _ids(_main(got)) == {"city:shanghai", "city:nantong"}
    assert any("has 9 members" in n and "records 2" in n for n in got.parsed.notes)


@pytest.mark.parametrize("question", ["what are Nantong's six 千亿级 industries",
                                      "南通的六大千亿级产业是什么"])
def test_answer_six_tier_industries(store: Any, question: str) -> None:
    result = _main(ask(store, question))
    assert result.where == {"tier": "千亿级"}
    assert {item.entity.name for item in result.items} == {
        "船舶海工", "高端纺织", "新一代信息技术", "高端装备", "新材料", "新能源"}


@pytest.mark.parametrize("question", ["which places does Nantong learn from",
                                      "南通借鉴了哪些地方的经验"])
def test_answer_learns_from(store: Any, question: str) -> None:
    result = _main(ask(store, question))
    assert _ids(result) == {"city:pudong", "region:lingang", "region:xiongan", "park:hetao",
                            "region:jingjinji", "park:shenshan", "park:sip",
                            "park:yrd-green-demo-zone"}
    assert all(r.props.get("aspect") for item in result.items for r in item.relations)


@pytest.mark.parametrize("question", ["where does the article mention 飞地孵化",
                                      "文章在哪里提到了飞地孵化"])
def test_answer_mentions_or_the_quotes(store: Any, question: str) -> None:
    answer = ask(store, question)
    assert answer.parsed.slots["entity"].id == "mechanism:enclave-incubation"
    if answer.primary.query == "mentions" and not answer.primary.empty:
        # Someone ran `estuary load-doc` on this store: the sentence itself.
        assert all("飞地孵化" in m.sentence for m in _main(answer).mentions)
        return
    quotes = next(r for r in answer.ran if r.query == "quoted_in").result.quotes
    assert "探索“飞地孵化”“离岸创新”等模式" in {q.text for q in quotes}
    assert all("飞地孵化" in q.text for q in quotes)


@pytest.mark.parametrize("question", ["which parks focus on new energy", "哪些园区聚焦新能源"])
def test_answer_parks_focusing_on_new_energy(store: Any, question: str) -> None:
    answer = ask(store, question)
    # Parks recorded with 新能源 as a lead industry (parks-cobuilt.yaml): 沪苏大丰 and 苏宿.
    assert answer.primary.query == "related" and not answer.primary.empty
    assert answer.primary.args["label"] == "Park"
    assert answer.primary.args["rel_type"] in ("FOCUSES_ON", "HAS_INDUSTRY")
    found = _ids(answer.primary.result)
    assert {"park:husu-dafeng", "park:suzhou-suqian"} <= found
    assert all(i.startswith("park:") for i in found)


def test_answer_learns_what_and_yes_no(store: Any) -> None:
    pytest.importorskip("queries.why")
    learnt = _main(ask(store, "南通借鉴了临港什么经验")).statements
    assert [(s.relation.type, s.relation.props["aspect"]) for s in learnt] == [
        ("LEARNS_FROM", "发展路径 (development path)")]
    member = _main(ask(store, "南通属于上海大都市圈吗")).statements
    assert {s.relation.type for s in member} == {"MEMBER_OF", "PARTICIPATES_IN"}
    assert "南通是上海“1+8”大都市圈长江以北唯一城市" in {s.relation.evidence for s in member}


def test_answer_parks_focusing_on_petrochemicals(store: Any) -> None:
    answer = ask(store, "哪些园区聚焦石化")
    assert _ids(_main(answer)) == {"park:tongzhou-bay-petrochemical-base",
                                   "park:jiatong-pta-project", "park:petrochina-lanhai-project"}
    assert not any(r.fallback for r in answer.ran)


def test_answers_agree_on_both_stores(embedded_built: Any, neo4j_store: Any) -> None:
    for question in ["which industries link Nantong and Suzhou", "南通与上海是什么关系",
                     "南通和苏州共建了哪些园区", "有哪些成本共担、利益共享的机制",
                     "上海大都市圈包括哪些城市", "南通的六大千亿级产业是什么",
                     "南通借鉴了哪些地方的经验", "哪些园区聚焦新能源",
                     "苏州工业园区和南通有什么联系"]:
        here, there = ask(embedded_built, question), ask(neo4j_store, question)
        assert to_jsonable(here) == to_jsonable(there), question


# -- related and quoted_in -------------------------------------------------------------------

def test_related_directions_and_where(store: Any) -> None:
    out = related(store, "南通", rel_type="LEARNS_FROM")
    assert out.direction == "out" and len(out.items) == 8
    assert related(store, "苏州工业园区", rel_type="LEARNS_FROM", direction="in").entities[0].id \
        == "city:nantong"
    both = related(store, "city:nantong", rel_type="HAS_INDUSTRY", direction="both",
                   where={"tier": ["千亿级", "优势产业链"]})
    assert len(both.items) == 6 + 16
    assert [i.entity.id for i in both.items] == sorted(i.entity.id for i in both.items)
    assert related(store, "南通", rel_type="HAS_INDUSTRY", where={"source": "source:seed-article",
                                                                 "tier": "千亿级"}).items
    assert not related(store, "南通", rel_type="HAS_INDUSTRY", label="Park").items


def test_related_rejects_unknown_types(store: Any) -> None:
    with pytest.raises(QueryError, match="unknown relationship type 'LIKES'"):
        related(store, "南通", rel_type="LIKES")
    with pytest.raises(QueryError, match="unknown direction 'up'"):
        related(store, "南通", rel_type="MEMBER_OF", direction="up")
    with pytest.raises(QueryError, match="unknown label 'Planet'"):
        related(store, "南通", rel_type="MEMBER_OF", label="Planet")


def test_related_json_and_subgraph(store: Any) -> None:
    result = related(store, "长三角城市经济协调会", rel_type="MEMBER_OF", direction="in",
                     label="City")
    data = result.to_dict()
    assert data["count"] == 11 and data["related"][0]["relations"][0]["type"] == "MEMBER_OF"
    sub = result.subgraph()
    assert sub.focus == ("org:yrd-city-economic-council",)
    assert len(sub.nodes) == 12 and len(sub.edges) == 11


def test_quoted_in_finds_quotes_naming_an_entity(store: Any) -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    result = quoted_in(store, "园区共建")
    assert result.quotes and all(q.text in article for q in result.quotes
                                 if q.source == "source:seed-article")
    assert "园区共建是推动协同区建设的重要抓手" in {q.text for q in result.quotes}


# -- the command -----------------------------------------------------------------------------

def test_ask_table_and_explain(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["ask", "南通和苏州之间有哪些产业联系？", "--explain"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "How ask read the question" in out
    assert "industry-links: Which industries link 南通 (Nantong) and 苏州 (Suzhou)?" in out
    assert "'南通' (name) → 南通 (Nantong) [city:nantong]" in out
    assert "links(a='city:nantong', b='city:suzhou', via='industry')" in out
    assert "Industry links between 南通 (Nantong) and 苏州 (Suzhou)" in out
    plain = runner.invoke(app, ["ask", "南通和苏州之间有哪些产业联系"])
    assert "How ask read the question" not in plain.stdout


def test_ask_words_need_no_quotes(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["ask", "which", "cities", "belong", "to", "the", "YRD", "City",
                                 "Economic", "Coordination", "Council", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["result"]["count"] == 11


def test_ask_json(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["ask", "南通的六大千亿级产业是什么", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["intent"] == "tier-industries"
    assert data["query"] == "related_within"  # (a district's industries count for its city)
    assert data["args"] == {"entity": "city:nantong", "rel_type": "HAS_INDUSTRY",
                            "direction": "out", "label": "Industry", "where": {"tier": "千亿级"}}
    assert data["result"]["count"] == 6
    assert data["entities"]["place"]["id"] == "city:nantong"
    assert "explain" not in data
    explained = json.loads(runner.invoke(app, ["ask", "南通的六大千亿级产业是什么", "--json",
                                               "--explain"]).stdout)
    assert explained["explain"]["calls"] == [
        "related_within(entity='city:nantong', rel_type='HAS_INDUSTRY', direction='out', "
        "label='Industry', where={'tier': '千亿级'})"]
    assert explained["explain"]["entities"][0]["text"] == "南通"


def test_ask_json_with_fallbacks(runner: CliRunner, db: Path) -> None:
    """The answer of the kind asked leads; the other relation it tried follows under "also"."""
    data = json.loads(runner.invoke(app, ["ask", "哪些园区聚焦新能源", "--json"]).stdout)
    assert data["query"] == "related" and data["args"]["label"] == "Park"
    assert data["result"]["count"] >= 2
    assert {a["args"]["rel_type"] for a in data["also"]} | {data["args"]["rel_type"]} == {
        "FOCUSES_ON", "HAS_INDUSTRY"}


def test_ask_html(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    html = tmp_path / "ask.html"
    result = runner.invoke(app, ["ask", "长三角城市经济协调会包括哪些城市", "--html", str(html)])
    assert result.exit_code == 0, result.output
    assert html.exists() and "舟山" in html.read_text(encoding="utf-8")
    assert f"Wrote {html} (12 nodes, 11 edges)" in result.stderr


def test_ask_unmappable_is_an_error_with_suggestions(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["ask", "what is the weather in Nantong"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[:4] == [
        "Error: I cannot map 'what is the weather in Nantong' to a question I can answer.",
        "The graph does not record 'weather'.",
        "Recognised: 南通 (Nantong) [city:nantong]",
        "Questions I can answer, closest first:"]
    assert len(lines) == 7 and all(line.startswith('  estuary ask "') for line in lines[4:])
    assert 'estuary ask "What is Nantong?"' in result.stderr
    assert "Traceback" not in result.output and not result.stdout


def test_ask_unrecognised_entity_is_an_error(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["ask", "which industries link Nantong and Atlantis"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:4] == [
        "Error: I did not recognise 'Atlantis' in 'which industries link Nantong and Atlantis'.",
        "It looks like: Which industries link {a} and {b}? / {a}和{b}之间有哪些产业联系？",
        "Recognised: 南通 (Nantong) [city:nantong]",
        "Questions I can answer, closest first:"]
    assert 'estuary ask "Which industries link Nantong and Suzhou?"' in result.stderr
    assert "Traceback" not in result.output


def test_ask_without_a_question(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["ask"])
    assert result.exit_code == 2
    assert "ask a question, or use --list" in result.output
    listed = runner.invoke(app, ["ask", "--list"])
    assert listed.exit_code == 0
    assert "industry-links" in listed.stdout and "哪些园区聚焦{industry}？" in listed.stdout


def test_ask_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


def test_ask_after_load_doc_answers_with_the_sentence(runner: CliRunner, db: Path) -> None:
    loaded = runner.invoke(app, ["load-doc", str(ARTICLE)])
    assert loaded.exit_code == 0, loaded.output
    data = json.loads(runner.invoke(app, ["ask", "文章在哪里提到了飞地孵化", "--json"]).stdout)
    assert data["query"] == "mentions" and data["also"] == []
    assert "探索“飞地孵化”“离岸创新”等模式" in data["result"]["mentions"][0]["sentence"]
