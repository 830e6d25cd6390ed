"""A list asked in the negative ("which alliances is Shanghai not a member of", 哪些城市没有加入):
refused, because the graph records what holds, not what does not. Answering it with the
relations the graph holds would list the opposite of what was asked; a complement (every
entity of the kind without the relation) would claim the graph is complete, which it is not.
"""

from __future__ import annotations

import re
from typing import Any

from queries.ask.negated import A_NOT_A, NOT_VERB, REGARDLESS
from queries.ask.said_states import without_states

_NEGATED = re.compile(
    r"\b(?:is|are|was|were|does|do|did|has|have)(?:\s+\w+){0,3}\s+not\s+(?:a\s+|an\s+)?"
    r"(?:member|part|in|on|among|located|joined|join|belong|co-?build|adopt|take)"
    r"|\b(?:isn't|aren't|doesn't|don't|didn't|hasn't|haven't)\b"
    r"|没有加入|没加入|未加入|尚未加入|不属于|没有参加|没参加|未参加|(?<!在)不在")


def refuse_negated(question: str, parsed: Any) -> None:
    """Raise Unmappable when a question that lists things asks for what is not so (a
    yes-or-no check and an analyst's own phrasing are left as read)."""
    from queries.ask.colloquial import plain
    from queries.ask.parsing import Unmappable

    # "aren't open yet", 还没建成: a state, read as one; "counting the ones that aren't built
    # yet": every state, said plainly first
    said = without_states(plain(question))
    negated = _NEGATED.search(said.lower())
    if negated is None and not REGARDLESS.search(said):
        # 哪些园区没在搞生物医药, 哪些城市从未采用: a negation right before a relation's verb
        negated = NOT_VERB.search(A_NOT_A.sub("", said))
    if negated is None or parsed.intent.name.startswith(("check", "user:")):
        return
    raise Unmappable(question, f"The question asks what is not so ({negated.group()!r}): the "
                     "graph records what holds, not what does not, so a list of what is not "
                     "recorded would claim more than it knows; ask what is (without the "
                     "negation) and compare.", recognised=list(parsed.slots.values()),
                     final=True)
