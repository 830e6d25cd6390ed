"""`estuary ask` on questions written by someone who never read its patterns.

tests/eval/ask_questions.yaml holds 191 analyst-style questions with the expected answer
(tests/eval/README.md has the judging rules). Every question is asked on the embedded store;
the test asserts a floor on the rate answered right and that no answer lists entities of
another kind than the question asks for without saying so.

A yes-or-no answer is judged by its verdict: recorded, its entities are the two ends and
those on the evidence; not recorded ("the graph does not record that …"), it lists nothing and
counts as a refusal. A question of several parts lists the union of its parts' entities;
when every part is a yes-or-no (several things asked one), it is judged as a verdict: recorded
only when every part's is.

Run it as a script for the full report (misses by cause):
    .venv/bin/python tests/test_ask_eval.py [--all] [--round2 | --round3 | ... | --round22]
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from queries.ask import Unmappable, ask, gazetteer  # noqa: E402

QUESTIONS = ROOT / "tests" / "eval" / "ask_questions.yaml"
# Round 2: 40 more, written before round 2 changed code, phrased apart from the first set.
QUESTIONS_2 = ROOT / "tests" / "eval" / "ask_questions_round2.yaml"
# Round 3: 100 more by a writer who never saw ask's code (78/100 and 3 wrong-kind before round
# 3's code, 98/100 and 0 after).
QUESTIONS_3 = ROOT / "tests" / "eval" / "ask_questions_round3.yaml"
# The share answered right, a little under what ask reaches (BEFORE: 17.3%, round 1: 81.2%,
# round 2: 88.5%, round 3: 90.6%, round 4: 91.1%, round C: 92.1%; round-2 file: 37.5%
# before round 2's code, 97.5% after; round-3 file: 78% before round 4's code, 98% after).
# Round 4: 60 more by another writer who never saw ask's code nor the other sets, written
# while round 3's code was being built and measured once it was merged, before anyone working
# on ask read it (60.0% with round 2's code, 71.7% with round 3's): the held-out figure. It is
# kept as measured: the floor pins what ask reaches, and its two wrong-kind answers are named
# (issue 11 is open for them) so that a new one fails.
# Round C (ask12) learnt from it: 71.7% -> 100% (its two wrong-kind answers gone).
QUESTIONS_4 = ROOT / "tests" / "eval" / "ask_questions_round4.yaml"
FLOOR_4 = 0.98
# Session 5 (places2): once the county-level units of 盐城 lie in it (data/places), "X有哪几个
# 共建园区" lists them with the parks, the counties first: the 共建园区 reading does not keep
# to Park as "X有哪些园区" and "Which parks are in Yancheng?" do. The data is right; the reading
# is for the ask helpers to fix (then this entry can go).
KNOWN_WRONG_KIND_4: frozenset[str] = frozenset()
# Round 6: 80 more by a writer who saw neither ask's code nor the other sets, measured once
# when it landed (66.2%, 2 wrong-kind, with round C's code as it stood), then learnt from.
QUESTIONS_6 = ROOT / "tests" / "eval" / "ask_questions_round6.yaml"
FLOOR_6 = 0.98
# Round 5: 80 more by a writer who saw neither ask's code nor the other sets, held out until
# round D (ask14), measured then at 66.2% (53/80, 2 wrong-kind) and learnt from by general
# rules with variants of our own as regression tests (tests/test_ask_phrasings_5.py).
QUESTIONS_5 = ROOT / "tests" / "eval" / "ask_questions_round5.yaml"
FLOOR_5 = 0.88
# Rounds 7 and 8: 60 each by two more writers who saw neither ask's code nor the other sets,
# written during session 4 and held out from everyone working on ask until its end; measured
# once on the merged code (round 7: 68.3% before the session, 75.0% after; round 8: 65.0%
# before, 76.7% after; none of their misses has been learnt from). Kept as measured: the floor
# pins the rate, and round 7's two wrong-kind answers (two-part questions whose first part
# lists the thing asked about) are named, so that a new one fails.
QUESTIONS_7 = ROOT / "tests" / "eval" / "ask_questions_round7.yaml"
FLOOR_7 = 0.98
# Session 5 learnt from rounds 5 to 8 by general rules, tested on variants of its own:
# ask16 (places, tiers, a group's parts, status lists, learning from; tests/test_ask_phrasings_6.py)
# and ask15 (two-part questions, verdicts, kinds; tests/test_ask_parts.py). Round 7's two
# wrong-kind answers are gone, so any wrong-kind answer fails.
KNOWN_WRONG_KIND_7: frozenset[str] = frozenset()
QUESTIONS_8 = ROOT / "tests" / "eval" / "ask_questions_round8.yaml"
FLOOR_8 = 0.96
# Rounds 9 and 10: 60 each by two more writers who saw neither ask's code nor the other sets,
# written at the start of session 5 and held out from everyone working on ask until the
# session's ask work was merged. Measured on main before the session (9: 46/60, 2 wrong-kind;
# 10: 45/60, 2 wrong-kind) and on the merged code (9: 50/60 = 83.3%, 1 wrong-kind; 10: 47/60
# = 78.3%, 2 wrong-kind). Kept as measured; the wrong-kind answers are named so a new one
# fails. (One fix came after measuring, from a round-9 miss: 'belong to' between two places
# counts LOCATED_IN; round 9 is 51/60 with it.)
QUESTIONS_9 = ROOT / "tests" / "eval" / "ask_questions_round9.yaml"
# Their three wrong-kind answers were then fixed by general rules (ask17: a yes-or-no part
# lists no other kind, 城市圈 is a region word, 存在 is no 在, a relation's state asks for
# what it reaches), with a status said with a count, 园子 as a park word and "merged into
# what, and when" kept to the list: 9 at 53/60, 10 at 51/60, none wrong-kind.
# Session 6 (ask18: stray words, typographic dashes, kinds vs named sets, either-or, a
# builder's partner in a park, the kind said after a dash; ask19: members of a kind,
# comparisons on several aspects, places within a region, shares, who leads, a mechanism's
# stage; ask20, ask21): floors re-pinned after the merge, just under what it reached: 1 at
# 181/191, 5 at 71/80, 6 at 79/80, 9 at 58/60, 10 at 60/60, none wrong-kind.
FLOOR_9 = 0.95
KNOWN_WRONG_KIND_9: frozenset[str] = frozenset()
QUESTIONS_10 = ROOT / "tests" / "eval" / "ask_questions_round10.yaml"
FLOOR_10 = 0.98
KNOWN_WRONG_KIND_10: frozenset[str] = frozenset()
# Rounds 11 and 12: 60 each by two more writers who saw neither ask's code nor any other set
# (11: terse, search-box questions and overviews; 12: how places are linked), held out from
# everyone working on ask in session 6 and measured when its branches were merged: 11 at
# 40/60 (66.7%, 0 wrong-kind; 39/60 on main before the session's work), 12 at 47/60 (78.3%,
# 2 wrong-kind; also 47/60 before). Then released: the lead's fixes of a state said before a
# kind, "which of A and B has more" (refused with the counts to ask) and "what became of X"
# came from them; 11 at 40/60, 12 at 48/60, none wrong-kind.
# Session 7 (ask23) learnt from 11's search-box English (tags, typos, dates, abbreviations,
# where an industry is, keyword readings over loose names), ask22 from its two-part questions
# and overviews, ask24 from 12's partners and districts: 11 at 53/60, 12 at 58/60.
QUESTIONS_11 = ROOT / "tests" / "eval" / "ask_questions_round11.yaml"
FLOOR_11 = 0.9
QUESTIONS_12 = ROOT / "tests" / "eval" / "ask_questions_round12.yaml"
FLOOR_12 = 0.96
# Rounds 13-15: 60 each by three more writers (13: a policy analyst's week; 14: industries and
# mechanisms; 15: a newcomer's own words, infrastructure, who with whom), held out from
# everyone working on ask in session 7 and measured at its start (945501d) and on the merged
# code: 13 at 50/60 and 50/60, 14 at 44/60 and 44/60, 15 at 43/60 and 43/60 (the same
# questions right and wrong: none of the session's ask work reached them); 2, 1 and 3
# wrong-kind. Then released: the lead's fixes of a one-character kind after 的 (之间的桥有哪些
# had listed industries) and of a ratio asked (refused: no figure held): 13 at 52/60. The
# wrong-kind answers left are pinned below, so that no new one passes.
QUESTIONS_13 = ROOT / "tests" / "eval" / "ask_questions_round13.yaml"
FLOOR_13 = 0.9
# (the pinned wrong-kind answers of rounds 13, 15, 20, 21 and 22 were right at session 18's
# start, 3b221ac, and are unpinned: any wrong-kind answer there now fails)
KNOWN_WRONG_KIND_13: frozenset[str] = frozenset()
QUESTIONS_14 = ROOT / "tests" / "eval" / "ask_questions_round14.yaml"
FLOOR_14 = 0.8
KNOWN_WRONG_KIND_14 = frozenset({"财税共享、成本共担、统计双算这几个机制属于协同区的哪项任务？"})
QUESTIONS_15 = ROOT / "tests" / "eval" / "ask_questions_round15.yaml"
FLOOR_15 = 0.78
# (session 8: 启东崇明那个协同园区 is read as the one park described, 海门和太仓之间在修什么 as
# the crossings between: two of the three are gone; rates 11 54/60, 13 54/60, 14 48/60, 15
# 47/60, floors raised to them)
KNOWN_WRONG_KIND_15: frozenset[str] = frozenset()
# Rounds 16-17: 60 each by two more writers (16: an industry analyst sizing up Nantong, in
# chat-style abbreviations; 17: a civil servant's briefing, relations asked from the other end,
# loose verbs), held out in session 8 and measured at its start (5094f2f): 16 at 45/60, 17 at
# 51/60, 2 wrong-kind each. The session's general readings (the loose reading, who is behind X,
# categories rolled down) moved them to 46/60 and 51/60 before anyone looked. Then released:
# the lead's fixes of their misses (in which, a line from A to B, things described, merges,
# size and start date): 16 at 51/60, 17 at 55/60. Round 16's one wrong-kind answer left lists
# the crossings and the park that link Qidong and Chongming where the writer asked for parks
# only ("what links"): pinned, not fixed.
QUESTIONS_16 = ROOT / "tests" / "eval" / "ask_questions_round16.yaml"
FLOOR_16 = 0.91
KNOWN_WRONG_KIND_16 = frozenset({"what links Qidong with Chongming"})
QUESTIONS_17 = ROOT / "tests" / "eval" / "ask_questions_round17.yaml"
FLOOR_17 = 0.91
# Round 18: 60 by a third writer of session 8 (a journalist, a consultant and a new analyst in
# one afternoon), held out until the session's end: 49/60 (3 wrong-kind) at its start and on
# the code of that moment, with the same questions right and wrong (none of the session's
# work reached it). Then released: 56/60 after the lead's fixes of its misses (two parks merged
# into what, aspects said as left out, quoted names, univs, carmakers, "tying together", a
# place said after a thing named after it, when X joined Y). Its one wrong-kind answer left
# reads "platforms" as initiatives where the writer meant parks (R&D centres): pinned.
QUESTIONS_18 = ROOT / "tests" / "eval" / "ask_questions_round18.yaml"
FLOOR_18 = 0.93
KNOWN_WRONG_KIND_18 = frozenset({
    "Nantong's own platforms over in Shanghai and Suzhou - what are they?"})
# Round 19: 60 by a writer of session 9 (a think-tank researcher on costs and benefits, an
# adviser to a foreign manufacturer, a district official), measured the moment it landed:
# 33/60 (6 wrong-kind) on session 8's starting code, 35/60 (5) on its end. Then released to
# session 9: 46/60, 0 wrong-kind (states said as people say them, commands, which came first,
# a share said as a figure, strong in, several asked one yes-or-no, a later part about what
# the first found, money shares and prices refused, a merged district's fate).
# Session 11 (readings from rounds 19-21): 49/60.
QUESTIONS_19 = ROOT / "tests" / "eval" / "ask_questions_round19.yaml"
FLOOR_19 = 0.81
# Round 20: 60 by a second writer of session 9 (a reporter on the crossings, a Suzhou planning
# official, a graduate student), held out until session 9's end: 36/60 (3 wrong-kind) on
# session 8's starting code, 33/60 (2) on its end, 34/60 (2) on session 9's end. Then
# released: 43/60 (not open as a state, not a negation; a state a loose reading cannot apply
# refused; a kind said as what things are; words that only set the scene; places and roles the
# graph does not hold refused). Its one wrong-kind answer left gives the park for 'what share
# does Zhangjiagang hold in it': pinned.
# Session 11 (readings from rounds 19-21): 48/60.
QUESTIONS_20 = ROOT / "tests" / "eval" / "ask_questions_round20.yaml"
FLOOR_20 = 0.8
KNOWN_WRONG_KIND_20: frozenset[str] = frozenset()
# Round 21: 60 by a writer of session 11 (a bank credit analyst on developers and stakes, a
# Chongming planning officer on the crossings north, a policy student on sharing mechanisms and
# sources), measured the moment it landed: 37/60 (6 wrong-kind) on the session's starting code
# (961bb4f), 40/60 (3) with session 10's recovered work. Then released: 54/60 (a source asked
# for one fact, who wrote the article, what year, a crossing's ends, co-builders said after the
# park, a concept set listed whole, "the Nantong partner", a place said only to find a park,
# 那个 inside a name, a trip taken now, between one place and either of two). Its one
# wrong-kind answer is the park for "X's stake in P in Q", which round 3 asks to be the park
# and round 21 the holder: pinned.
QUESTIONS_21 = ROOT / "tests" / "eval" / "ask_questions_round21.yaml"
FLOOR_21 = 0.88  # (0.9 until 2026-12-02: its 60% question now expects a refusal)
KNOWN_WRONG_KIND_21: frozenset[str] = frozenset()
# Round 22: 60 by a second writer of session 11 (a marine-engineering / new-materials
# association secretary, a foreign chamber's researcher comparing cities, a provincial DRC
# staffer), held out until the session's ask work was done: 33/60 (4 wrong-kind) on the
# session's starting code (961bb4f), 33/60 (5) with session 10's recovered work, 34/60 (5) on
# the session's final readings (bf238c5): the held-out figure. Then three bugs it showed were
# fixed, each with a variant of our own (a source list for 经验出自哪个区域, the kind asked
# taken from 产业 in 哪几个城市算重点产业, "chairs" respelt as "chains"), and a state with
# words between its verb and it ("are actually open already"): 36/60. Its two wrong-kind
# answers left list what ties two places (parks, a city, a railway) where the writer asked
# one kind: pinned.
QUESTIONS_22 = ROOT / "tests" / "eval" / "ask_questions_round22.yaml"
FLOOR_22 = 0.6
KNOWN_WRONG_KIND_22: frozenset[str] = frozenset()
# Round 23: 60 by a writer of session 12 (a financial reporter on co-built parks, a Shanghai
# district's investment-promotion officer, a regional-economics PhD student), held out until
# the session's ask work was done: 43/60 (1 wrong-kind) on the session's starting code
# (252c418) and 41/60 on its final code (f0e5502), the two lost and the wrong-kind one all
# asking about facts the session withdrew (the circle's members, the 60% Jianghai stake).
# Those three brought up to the data (their `why` says so): 43/60 on both, 0 wrong-kind.
QUESTIONS_23 = ROOT / "tests" / "eval" / "ask_questions_round23.yaml"
FLOOR_23 = 0.71
# Rounds 24 and 25: 60 each by two writers of session 13 (24: a policy bank's credit analyst,
# a Suzhou commerce-bureau planner, a foreign chamber's consultant; 25: a provincial TV
# journalist on the crossings, a Shanghai think-tank researcher on enclaves, a multinational's
# site-selection manager), held out until the session's ask work was done: round 24 35/60 (2
# wrong-kind) on the session's starting code (32582ea), 37/60 (3) on its final code; round 25
# 33/60 (4) -> 37/60 (3). Round 24 also showed a crash (a scene left out of a question of
# several parts), fixed before the final figure. The wrong-kind answers left are pinned.
# Session 14 learnt from both (examples said in a question, states set against each other,
# clauses saying which thing is meant …): round 24 48/60, round 25 51/60, 2 wrong-kind each.
# Session 18: the date of a tie between two things that are not places names both ends
# (round 33: "When did Shanghai Chengtou sign on to co-build X?" wants both); round 23's
# 上海城投…是哪天签的 judges the park alone, so the company beside it counts as another kind.
KNOWN_WRONG_KIND_23 = frozenset({"上海城投跟启东签江海产业园的共建协议，是哪天签的"})
QUESTIONS_24 = ROOT / "tests" / "eval" / "ask_questions_round24.yaml"
FLOOR_24 = 0.8  # (0.61 until session 14, which learnt from it: 48/60)
KNOWN_WRONG_KIND_24 = frozenset({
    "Of the river crossings between Nantong and the south bank, which ones are still "
    "being built rather than already carrying traffic? Trying to see where the "
    "construction risk still sits.",
    "苏州和南通都有国家级先进制造业集群，两边撞车的是哪一个？"})
QUESTIONS_25 = ROOT / "tests" / "eval" / "ask_questions_round25.yaml"
FLOOR_25 = 0.85  # (0.61 until session 14: 51/60)
KNOWN_WRONG_KIND_25 = frozenset({
    "Between Shanghai and Suzhou, which one has the longer list of future industries,"
    " and by how many?",
    "If we set up a polyester plant in Nantong, what sits upstream of chemical fibres"
    " in the supply chain?"})
# Rounds 26 and 27: 60 each by two writers of session 14 (26: a Rugao/Hai'an zone director, a
# lecturer writing a teaching case, a logistics analyst; 27: a Shanghai SOE's investment staffer,
# a wire reporter on milestones and sources, an industry-association staffer), held out until
# the session's ask work on rounds 24-25 was done: round 26 30/60 (7 wrong-kind) on the
# session's starting code (a742cc9) -> 32/60 (6) on the code of that moment (92f7bc5); round 27
# 35/60 (4) -> 36/60 (4). With the judge's reading of a yes-or-no part (below, session 14):
# 32 -> 34 and 35 -> 36. Then released: 43/60 and 42/60. The wrong-kind answers left are pinned.
QUESTIONS_26 = ROOT / "tests" / "eval" / "ask_questions_round26.yaml"
FLOOR_26 = 0.71
KNOWN_WRONG_KIND_26 = frozenset({
    "jianghai park in qidong, who signed it with qidong and how many sq km?"})
QUESTIONS_27 = ROOT / "tests" / "eval" / "ask_questions_round27.yaml"
FLOOR_27 = 0.7
KNOWN_WRONG_KIND_27 = frozenset({
    "Which document first put the estuary zone on paper? Was it a stand-alone plan, or was it"
    " tucked inside some provincial decision?",
    "国家级先进制造业集群，南通和苏州分别有哪几个入选？",
    "沪苏通产业链联盟到底成立了没有？成员按理说就是沪、苏、通三地吧？"})
# Rounds 28 and 29: 60 each by two writers of session 15 (28: a Nantong development-and-reform
# staffer drafting the year's summary, a ports and shipping journalist, a graduate student on
# enclave economies; 29: a Suzhou investment-promotion officer typing on a phone, a European
# location consultant, a data journalist), held out until the session's ask work on rounds
# 24-27 was done: round 28 34/60 (3 wrong-kind) on the session's starting code (a12a751) ->
# 34/60 (3) on the code of that moment (9bb8918); round 29 35/60 (3) -> 37/60 (3). Then
# released: 42/60 and 42/60 (5fd26b8). The wrong-kind answers left are pinned.
QUESTIONS_28 = ROOT / "tests" / "eval" / "ask_questions_round28.yaml"
FLOOR_28 = 0.8
KNOWN_WRONG_KIND_28: frozenset[str] = frozenset()
QUESTIONS_29 = ROOT / "tests" / "eval" / "ask_questions_round29.yaml"
FLOOR_29 = 0.8  # (0.75 in session 16; 49/60 after session 17)
KNOWN_WRONG_KIND_29 = frozenset({
    "长三角集成电路、生物医药、新能源汽车、人工智能这四个产业链联盟是哪天揭牌的"})
QUESTIONS_30 = ROOT / "tests" / "eval" / "ask_questions_round30.yaml"
FLOOR_30 = 0.86  # (0.80 in session 16; 53/60 after session 17)
KNOWN_WRONG_KIND_30: frozenset[str] = frozenset()
QUESTIONS_31 = ROOT / "tests" / "eval" / "ask_questions_round31.yaml"
FLOOR_31 = 0.63  # (0.52 in session 16, two wrong-kind pinned; 39/60 and none after 17)
KNOWN_WRONG_KIND_31: frozenset[str] = frozenset()
QUESTIONS_32 = ROOT / "tests" / "eval" / "ask_questions_round32.yaml"
FLOOR_32 = 0.63
KNOWN_WRONG_KIND_32 = frozenset({
    "当年苏通园区开发公司的股份是咋分的？除了咱们还有谁",
    "启东对接浦东的那三个平台，各自规划多大？"})
QUESTIONS_33 = ROOT / "tests" / "eval" / "ask_questions_round33.yaml"
FLOOR_33 = 0.73
# (session 18: the particles after each thing listed read; the answer is right now)
KNOWN_WRONG_KIND_33: frozenset[str] = frozenset()
# Rounds 34-35: 60 each by two writers of session 18 who saw neither ask's code nor any other
# set (34: a Chongming planning official, a business reporter on cross-river parks, a Suzhou
# supply-chain manager siting a plant; 35: a regional-economics PhD student on cost and benefit
# sharing, a Haimen/Qidong local reporter, a consultant's investor fact sheet), held out until
# the session's ask work was done: 34 at 39/60 (1 wrong-kind) at the start (3b221ac) and at
# the end; 35 at 38/60 (2; one of its questions crashed `ask` at the start) and 38/60 (2).
# Then released, with a few general fixes read from them (40/60 and 42/60): the floors pin
# that, and the wrong-kind answers left are named.
QUESTIONS_34 = ROOT / "tests" / "eval" / "ask_questions_round34.yaml"
FLOOR_34 = 0.66
KNOWN_WRONG_KIND_34 = frozenset({"北沿江高铁在崇明设站吗？在南通境内又经停哪些地方？"})
QUESTIONS_35 = ROOT / "tests" / "eval" / "ask_questions_round35.yaml"
FLOOR_35 = 0.7
KNOWN_WRONG_KIND_35 = frozenset({"启东对接浦东的那三个平台，各自有多大？",
                                 "Railways serving Nantong - list, with status."})
FLOOR = 0.94
FLOOR_2 = 0.97
FLOOR_3 = 0.97


@dataclass(frozen=True)
class Verdict:
    item: dict[str, Any]
    right: bool
    cause: str  # "" when right; else why not
    wrong_kind: bool = False  # entities of another kind presented as the answer
    detail: str = ""


def judge(item: dict[str, Any], store: Any, gaz: Any) -> Verdict:
    """One question asked and judged by the README's rules."""
    try:
        got = ask(store, item["q"], gaz)
    except Unmappable as exc:
        if item["expect"] == "refuse":
            return Verdict(item, True, "")
        return Verdict(item, False, "refused", detail=str(exc).splitlines()[0])
    verdict = getattr(got, "verdict", None)  # a yes-or-no question: its verdict first
    verdicts = [getattr(a, "verdict", None) for a in getattr(got, "answered", ())]
    if verdict is None and verdicts and None not in verdicts and all(
            p.answer is not None for p in got.parts):
        # several asked one yes-or-no (泰州、盐城有没有在…里面): one verdict each; the answer
        # holds when every part does, and names their ends as a verdict does
        verdict = next((v for v in verdicts if not v.held), verdicts[0])
    if item["expect"] == "refuse":
        if verdict is not None and not verdict.held:  # "the graph does not record that"
            return Verdict(item, True, "")
        return Verdict(item, False, "answered a question the graph cannot answer",
                       detail=got.parsed.intent.name)
    # The answer's entities: for a verdict, the two ends and those on its evidence (none
    # when the graph does not record it); for several parts, the union of theirs.
    ids = [e.id for e in got.entities]
    detail = f"{got.parsed.intent.name}: {', '.join(ids[:8])}{' …' if len(ids) > 8 else ''}"
    kind = item["kind"]
    missing = [i for i in item.get("must_include") or [] if i not in ids]
    extra = [i for i in item.get("must_not_include") or [] if i in ids]
    if kind == "count":
        count = getattr(got, "count", None)
        if count is None:
            return Verdict(item, False, "no count given", detail=detail)
        if count != item["count"]:
            return Verdict(item, False, "wrong count", detail=f"{count} ≠ {item['count']}; "
                           + detail)
        if missing:
            return Verdict(item, False, "count lists the wrong things", detail=detail)
        return Verdict(item, True, "")
    declared = getattr(got, "kind_note", "")  # "the graph records X, not Y, for this"
    if verdict is not None and not verdict.held:
        return Verdict(item, False, "verdict: not recorded", detail=verdict.text[:120])
    if kind != "any" and verdict is None:  # a verdict names its two ends, of any kind
        # (and so does a yes-or-no part of several, and a part asking a value of the thing
        # it names names that thing: "是不是进了X？啥时候的事", "Does X land in Y, and is it
        # finished?" list no other kind for being asked in parts; session 14)
        said = {e.id for a in getattr(got, "answered", ()) if (v := getattr(a, "verdict", None))
                for e in v.entities} | {e.id for a in getattr(got, "answered", ())
                                        if a.parsed.intent.name.startswith("property:")
                                        for e in a.parsed.slots.values()}
        others = [e for e in got.entities if e.label != kind and e.id not in said]
        if others and not declared:
            return Verdict(item, False, "wrong kind", wrong_kind=True,
                           detail=f"{others[0].label}: " + detail)
        if declared:
            return Verdict(item, False, "kind not held (said so)", detail=declared)
    if not ids:
        return Verdict(item, False, "empty answer", detail=detail)
    if missing:
        return Verdict(item, False, "missing entities", detail=f"lacks {missing}; " + detail)
    if extra:
        return Verdict(item, False, "entities it must not list", detail=f"{extra}; " + detail)
    return Verdict(item, True, "")


def evaluate(store: Any, path: Path = QUESTIONS) -> list[Verdict]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    gaz = gazetteer(store)
    return [judge(item, store, gaz) for item in items]


def report(verdicts: list[Verdict], show_all: bool = False) -> str:
    right = sum(v.right for v in verdicts)
    lines = [f"ask eval: {right}/{len(verdicts)} right ({right / len(verdicts):.1%}), "
             f"{sum(v.wrong_kind for v in verdicts)} wrong-kind answers"]
    causes = Counter(v.cause for v in verdicts if not v.right)
    for cause, n in causes.most_common():
        lines.append(f"  {n:3d}  {cause}")
    if show_all:
        for cause, _ in causes.most_common():
            lines.append(f"\n== {cause}")
            lines.extend(f"  {v.item['q']}\n      {v.detail}" for v in verdicts
                         if not v.right and v.cause == cause)
    return "\n".join(lines)


@pytest.mark.parametrize("path,floor", [(QUESTIONS, FLOOR), (QUESTIONS_2, FLOOR_2),
                                        (QUESTIONS_3, FLOOR_3), (QUESTIONS_5, FLOOR_5),
                                        (QUESTIONS_6, FLOOR_6)],
                         ids=["round1", "round2", "round3", "round5", "round6"])
def test_eval_questions_answered_right_and_never_of_the_wrong_kind(
        embedded_built: Any, path: Path, floor: float) -> None:
    verdicts = evaluate(embedded_built, path)
    print(report(verdicts, show_all=True))
    rate = sum(v.right for v in verdicts) / len(verdicts)
    wrong_kind = [v.item["q"] for v in verdicts if v.wrong_kind]
    assert not wrong_kind, report(verdicts, show_all=True)
    assert rate >= floor, report(verdicts, show_all=True)


@pytest.mark.parametrize("path,floor,known", [
    (QUESTIONS_4, FLOOR_4, KNOWN_WRONG_KIND_4), (QUESTIONS_7, FLOOR_7, KNOWN_WRONG_KIND_7),
    (QUESTIONS_8, FLOOR_8, frozenset()), (QUESTIONS_9, FLOOR_9, KNOWN_WRONG_KIND_9),
    (QUESTIONS_10, FLOOR_10, KNOWN_WRONG_KIND_10), (QUESTIONS_11, FLOOR_11, frozenset()),
    (QUESTIONS_12, FLOOR_12, frozenset()), (QUESTIONS_13, FLOOR_13, KNOWN_WRONG_KIND_13),
    (QUESTIONS_14, FLOOR_14, KNOWN_WRONG_KIND_14), (QUESTIONS_15, FLOOR_15, KNOWN_WRONG_KIND_15),
    (QUESTIONS_16, FLOOR_16, KNOWN_WRONG_KIND_16), (QUESTIONS_17, FLOOR_17, frozenset()),
    (QUESTIONS_18, FLOOR_18, KNOWN_WRONG_KIND_18), (QUESTIONS_19, FLOOR_19, frozenset()),
    (QUESTIONS_20, FLOOR_20, KNOWN_WRONG_KIND_20), (QUESTIONS_21, FLOOR_21, KNOWN_WRONG_KIND_21),
    (QUESTIONS_22, FLOOR_22, KNOWN_WRONG_KIND_22), (QUESTIONS_23, FLOOR_23, KNOWN_WRONG_KIND_23),
    (QUESTIONS_24, FLOOR_24, KNOWN_WRONG_KIND_24), (QUESTIONS_25, FLOOR_25, KNOWN_WRONG_KIND_25),
    (QUESTIONS_26, FLOOR_26, KNOWN_WRONG_KIND_26), (QUESTIONS_27, FLOOR_27, KNOWN_WRONG_KIND_27),
    (QUESTIONS_28, FLOOR_28, KNOWN_WRONG_KIND_28), (QUESTIONS_29, FLOOR_29, KNOWN_WRONG_KIND_29),
    (QUESTIONS_30, FLOOR_30, KNOWN_WRONG_KIND_30), (QUESTIONS_31, FLOOR_31, KNOWN_WRONG_KIND_31),
    (QUESTIONS_32, FLOOR_32, KNOWN_WRONG_KIND_32), (QUESTIONS_33, FLOOR_33, KNOWN_WRONG_KIND_33),
    (QUESTIONS_34, FLOOR_34, KNOWN_WRONG_KIND_34), (QUESTIONS_35, FLOOR_35, KNOWN_WRONG_KIND_35)],
    ids=["round4", "round7", "round8", "round9", "round10", "round11", "round12", "round13",
         "round14", "round15", "round16", "round17", "round18", "round19", "round20", "round21",
         "round22", "round23", "round24", "round25", "round26", "round27", "round28",
         "round29", "round30", "round31", "round32", "round33", "round34", "round35"])
def test_held_out_rounds_as_measured(embedded_built: Any, path: Path, floor: float,
                                     known: frozenset[str]) -> None:
    verdicts = evaluate(embedded_built, path)
    print(report(verdicts, show_all=True))
    rate = sum(v.right for v in verdicts) / len(verdicts)
    wrong_kind = {v.item["q"] for v in verdicts if v.wrong_kind}
    assert wrong_kind <= known, report(verdicts, show_all=True)
    assert rate >= floor, report(verdicts, show_all=True)


@pytest.mark.parametrize("path,at_least", [(QUESTIONS, 100), (QUESTIONS_2, 40),
                                            (QUESTIONS_3, 100), (QUESTIONS_4, 60),
                                            (QUESTIONS_5, 80), (QUESTIONS_6, 80),
                                            (QUESTIONS_7, 60), (QUESTIONS_8, 60),
                                            (QUESTIONS_9, 60), (QUESTIONS_10, 60),
                                            (QUESTIONS_11, 60), (QUESTIONS_12, 60),
                                            (QUESTIONS_13, 60), (QUESTIONS_14, 60),
                                            (QUESTIONS_15, 60), (QUESTIONS_16, 60),
                                            (QUESTIONS_17, 60), (QUESTIONS_18, 60),
                                            (QUESTIONS_19, 60), (QUESTIONS_20, 60),
                                            (QUESTIONS_21, 60), (QUESTIONS_22, 60),
                                            (QUESTIONS_23, 60), (QUESTIONS_24, 60),
                                            (QUESTIONS_25, 60), (QUESTIONS_26, 60),
                                            (QUESTIONS_27, 60), (QUESTIONS_28, 60),
                                            (QUESTIONS_29, 60), (QUESTIONS_30, 60),
                                            (QUESTIONS_31, 60), (QUESTIONS_32, 60),
                                            (QUESTIONS_33, 60), (QUESTIONS_34, 60),
                                            (QUESTIONS_35, 60)])
def test_eval_set_is_well_formed(path: Path, at_least: int) -> None:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert len(items) >= at_least
    for item in items:
        assert item["expect"] in ("answer", "refuse"), item
        assert item["kind"] in ("any", "count", "City", "Region", "Park", "Industry",
                                "Organization", "Mechanism", "Initiative", "Infrastructure",
                                "Source"), item
        if item["kind"] == "count":
            assert isinstance(item["count"], int), item


if __name__ == "__main__":
    import tempfile

    from estuary.stores import ensure_bundled
    from graph.embedded import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        built = EmbeddedStore(Path(tmp) / "graph.json")
        ensure_bundled(built)
        rounds = {f"--round{n}": globals()[f"QUESTIONS_{n}"] for n in range(2, 36)}
        path = next((rounds[a] for a in sys.argv[1:] if a in rounds), QUESTIONS)
        print(report(evaluate(EmbeddedStore(Path(tmp) / "graph.json"), path),
                     show_all="--all" in sys.argv))
