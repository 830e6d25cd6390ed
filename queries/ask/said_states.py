"""The states a question may say of what it asks (在建, planned, open now, not built yet), as
the status values the data records (graph/schema.py: Infrastructure `status`).

Each is said the way analysts say it, in both languages: 还在建 and "being built"; 规划中 and
"on the drawing board"; 现在能走的 and "can you take"; 还没建成 and "not open yet", which is
either planned or under construction (`STATE_VALUES`). A negation the state words carry is part
of them (不能走的 is not open), and 有没有通车 or 建成没建成 asks, it says nothing.
"""

from __future__ import annotations

import re

# (a bare 在建 may be the verb: 哪些企业在建 asks who builds it)
STATES = ((re.compile(r"还在建|在建的|在建中|在建(?=或|和|、|及)|尚在建|正在建设|还在建设|"
                       r"在建状态|在建阶段|建设中|施工中|还在修|正在修|仍在修|已经开工|已开工|已经动工|已动工|已经开始挖|"
                       r"\bunder construction\b|\bbeing built\b"), "under-construction"),
           (re.compile(r"规划中|还在规划|在规划(?=的|或|、|和|及|阶段)|尚未开工|停在纸面上|纸面上|规划阶段|还没开工|未开工|"
                       r"\b(?:still )?(?:only )?"
                       r"planned\b|\bon the drawing board\b|\b(?:at|in) the planning stage\b|"
                       r"\bstill (?:only )?(?:being )?(?:in )?planning\b|"
                       r"\b(?:still |only )?on paper\b|"
                       r"\bnot yet (?:started|begun|under construction)\b"), "planned"),
           (re.compile(r"已通车|已建成|已开通|已经通车|已经建成|已经开通|建成通车|已投用|已经投用|"
                       r"已经通了|已经通(?=的)|真正通车|(?<![没未不还])通车了的|(?<![不没未])现在(?:能|可以)(?:走|坐|用|开)|"
                       r"(?<![不没未])(?:能|可以)(?:走|坐)的|(?<![不没未])投入使用的|"
                       r"\balready open\b|\bin service\b|"
                       r"\balready (?:opened|in use|running|operating)\b|"
                       # "already carrying traffic", "carrying trains": in use
                       r"\b(?:already |now |currently )?carrying (?:traffic|trains|cars|"
                       r"vehicles|passengers)\b|"
                       r"\b(?:built|finished|completed) yet\b|"
                       r"\bopen to traffic\b|\bin operation\b|\bcurrently (?:open|running|"
                       r"operating)\b|"
                       r"(?:(?<=\bis )|(?<=\bare )|(?<=\bwas )|(?<=\bwere )|(?<=\bnow ))open\b"
                       r"(?! to (?!traffic))|"
                       r"(?<!not )(?<!n't )(?<!nt )\bopen(?= (?:river |yangtze )?(?:crossings?|"
                       r"bridges?|railways?|rail lines?|lines?|links?|tunnels?)\b)|"
                       r"\bcan (?:you |I |we |one )?(?:actually )?(?:take|use|ride|drive)\b|"
                       # "are actually open already": words between the verb and the state
                       r"\b(?:are|is|were|was) (?:(?:actually|now|already|currently|all|really)"
                       r" )+open\b(?! to (?!traffic))|\bopen already\b|"
                       # a trip taken now (现在从崇明开车去启东走哪座桥): what is open
                       r"(?<![不没未])现在[^，,。；;？?]{0,12}(?:开车|驾车|自驾|坐车|坐火车|坐高铁|走的是)|"
                       r"\b(?:now|today|currently),? (?:you |one |i |we )?(?:can )?"
                       r"(?:drive|take the train|ride)\b"),
            "open"),
           # not built yet, whether planned or being built (还没建成的, "not open yet"); 有没有
           # 通车 asks, it says nothing (a 没 after 有 is the question's)
           (re.compile(r"还没(?:有)?(?:建成|建好|通车|开通|完工|投入使用)|"
                       r"尚未(?:建成|通车|开通|完工|投入使用)|未(?:建成|通车|开通|完工|投入使用)|"
                       r"(?<![有还])(?<!建成)(?<!建好)(?<!通车)(?<!开通)(?<!完工)"
                       r"没(?:有)?(?:建成|建好|通车|开通|完工|投入使用)|"  # (建成没建成: whether)
                       r"还?不能(?:走|坐|用)的|"
                       r"\bnot (?:(?:yet|actually|really|even|currently) )*(?:open|opened|built|"
                       r"finished|completed|in service)\b"
                       r"(?! (?:until|before|till)\b)|"
                       r"\byet to (?:open|be (?:built|finished|completed))\b|"
                       r"\bnot open yet\b|\b(?:isn'?t|aren'?t|is not|are not) (?:yet )?open\b"),
            "not-open"))  # (the reading drops the apostrophe: arent)
# A state that is either of two the data records.
STATE_VALUES = {"not-open": ("under-construction", "planned")}


def without_states(question: str) -> str:
    """The question with the states it says blanked out: a negation inside one ("not open
    yet", 还没建成, "not even under construction") says the state asked, not what is not so."""
    out = question
    for pattern, _ in STATES:
        out = pattern.sub(lambda m: " " * len(m.group()), out)
    return out
