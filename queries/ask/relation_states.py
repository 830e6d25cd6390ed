"""How far a relation has got (ADOPTS status: exploring, applying, planned …), as a question
says it: with a word of aspect (still, only, already, 还在, 已经, 状态是) or set against another
("exploring, as opposed to applying"). A bare "exploring" is the verb only. Read by
queries/ask/filters.py (the condition) and queries/ask/reading.py (the kind it asks for)."""

from __future__ import annotations

import re

RELATION_STATES = ((r"探索|试点|研究|explor\w*|pilot\w*|trying|tried", ("exploring",)),
               (r"应用|运用|实行|实施|在用|用上|推行|落地|落实|appl(?:y|ies|ied|ying)|in use|using|"
                r"in place|in effect|rolled out|"
                r"implement\w*|practi[cs]\w*", ("applying", "proven")),  # (proven: applied)
               (r"要求|required|requir\w*|mandat\w*", ("required",)),
               (r"验证|proven|proved", ("proven",)),
               (r"规划|计划|planned|planning", ("planned",)),
               (r"制定细则|出台细则|起草|细则|draft\w*|rules? for", ("drafting rules",)),
               (r"深化|deepen\w*", ("deepening",)),
               (r"加强|强化|strengthen\w*", ("strengthening",)))
# (状态还是“探索”, "with status exploring": the status named as such is said as well)
_ASPECT = (r"(?:还在|仍在|尚在|正在|还只是|只是|仅|只|还|仍|已经|已|早已|"
           r"状态\s?(?:还|仍|目前|现在)?\s?(?:是|为)|"
           r"\b(?:still|only|already|now|yet|merely|just|being)\b|\bstatus (?:is |of |as )?)"
           r"\s?[“\"'「‘]?\s?(?:在\s?)?(?:only |just )?(?:being |been )?")
# (探索阶段, 处于探索阶段的, "at the exploring stage", "in the exploratory phase": a state
# named as a stage is a state, with or without a word of aspect before it)
_STAGE = r"\s?(?:阶段|时期|stage|phase)"
CONTRAST = re.compile(r"as opposed to|rather than|instead of|\bunlike\b|\bnot (?:yet )?|"
                       r"而不是|而非|而不|不是|还没|尚未|并非|相对于|而没有")


def relation_states_said(q: str) -> list[tuple[int, tuple[str, ...], str]]:
    """Each relation status said (where, the statuses it means, the words), in no order."""
    cut = CONTRAST.search(q)
    asked, rest = (q[:cut.start()], q[cut.end():]) if cut else (q, "")
    said = [(m.start(), values, m.group(0)) for pattern, values in RELATION_STATES
            for m in re.finditer(rf"{_ASPECT}(?:{pattern})|(?:{pattern}){_STAGE}", asked)]
    if not said and cut:  # "exploring, not applying": the status before the contrast
        said = [(m.start(), values, m.group(0)) for pattern, values in RELATION_STATES
                if any(re.search(p, rest) for p, _ in RELATION_STATES)
                for m in re.finditer(pattern, asked)]
    return said
