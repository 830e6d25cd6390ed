"""Which of two has more: "Who co-builds more parks, Suzhou or Wuxi?", 苏州和无锡谁共建的园区多?

The grammar has no ranking of two entities against each other: read as a relation between
them, such a question gets what links the two (the one park they share), another kind of
answer than the one asked. Until a ranking reading exists it is refused, with the two count
questions that do answer it (each "how many … has A …"), so the analyst can compare them.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer

# more / most said with two entities offered as the choice (A or B, A还是B, A和B谁/哪个)
# (bigger/larger are left out: a size the graph records is compared by the area readings)
_MORE = re.compile(r"\b(?:more|most|fewer)\b|更多|最多|多些|多一些|更少|"
                   r"最少|谁多|哪个多|哪边多|比较多|多(?:吗|呢)?\s*[？?。!！]*\s*$", re.I)
_CHOICE = re.compile(r"⟨\d+⟩\s?,?\s?(?:or|还是|或者|或)\s?(?:the )?⟨\d+⟩|"
                     r"⟨\d+⟩\s?(?:和|与|跟|同)\s?⟨\d+⟩\s?(?:之间)?\s?(?:谁|哪个|哪一个|哪边|哪家)|"
                     r"\b(?:between|of) (?:the )?⟨\d+⟩ and (?:the )?⟨\d+⟩|"
                     r"⟨\d+⟩.*\bthan (?:the )?⟨\d+⟩|⟨\d+⟩.*比\s?⟨\d+⟩", re.I)


def refuse_more_of(question: str, gaz: Gazetteer) -> None:
    """Raise Unmappable for "which of A and B has more …" (see the module's docstring)."""
    from queries.ask.closest import closest_questions
    from queries.ask.parsing import Unmappable
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    if not _MORE.search(question):
        return
    q, mentions = names_in(question, gaz)
    if len(mentions) != 2 or any(len(m.ids) != 1 for m in mentions):
        return
    if not _CHOICE.search(masked_text(q, mentions)):
        return
    named = [gaz.entities[m.ids[0]] for m in mentions]
    a, b = (e.display for e in named)
    raise Unmappable(question, f"I cannot rank {a} against {b} in one answer: the graph "
                     "records each one's relations, and a ranking read as a relation between "
                     "the two would answer something else. Ask the count for each (for "
                     f"example 'How many parks has {named[0].name_en or named[0].name} "
                     "co-built?') and compare.", recognised=named,
                     closest=closest_questions(question, named), final=True)
