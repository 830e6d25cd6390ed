"""An either-or question about where a thing lies: "Is the Jiangyin-Jingjiang park in Wuxi or
in Taizhou?", "Does Rugao ETDZ belong to Nantong or Suzhou?", 江阴靖江工业园区在无锡还是泰州.

The two places are not two entities to relate to each other, nor a list to answer among
freely: the answer is the one of them the thing lies in (queries/either_of.py: LOCATED_IN and
PART_OF upwards, MEMBER_OF as the first step), or both, or a refusal when the graph records
neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.gazetteer import Gazetteer
from graph.store import Store
from queries.ask.records import Intent, Slot, Step

_PLACES = frozenset({"City", "Region"})
_IN_EN = (r"(?:(?:(?:located|based|sited|situated|found) )?(?:in|within|inside|under|part of)|"
          r"(?:belong|belongs|fall|falls) (?:to|under|within)|(?:lie|lies|sit|sits) in)")
_EN = re.compile(rf"^\s?(?:is|are|was|does|do|did) (?:the )?⟨(\d+)⟩ (?:{_IN_EN}) (?:the )?"
                 rf"⟨(\d+)⟩,? or (?:is it )?(?:{_IN_EN} )?(?:the )?⟨(\d+)⟩\s?$")
_IN_ZH = r"(?:是)?\s?(?:在|位于|属于|归属于?|归|隶属于?|落在|坐落在)"
_ZH = re.compile(rf"^\s?⟨(\d+)⟩\s?(?:到底|究竟)?\s?{_IN_ZH}\s?⟨(\d+)⟩\s?(?:还是|或是|或者)"
                 rf"\s?(?:{_IN_ZH})?\s?⟨(\d+)⟩\s?(?:呢|啊)?\s?$")


def read_either_or(question: str, gaz: Gazetteer) -> Any:
    """The question read as "which of two places holds X" (a Parsed), or None."""
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    masked = re.sub(r"[?？。!！]", " ", masked_text(q, mentions)).strip()
    found = _EN.search(masked) or _ZH.search(masked)
    if found is None:
        return None
    numbers = [int(g) for g in found.groups() if g is not None]
    if len(numbers) != 3 or any(n >= len(mentions) for n in numbers) or any(
            len(mentions[n].ids) != 1 for n in numbers):
        return None
    x, a, b = (gaz.entities[mentions[n].ids[0]] for n in numbers)
    if len({x.id, a.id, b.id}) != 3 or a.label not in _PLACES or b.label not in _PLACES:
        return None
    intent = Intent("either-or", "Which of {a} and {b} does {x} lie in?",
                    "{x}在{a}还是{b}？", (), (Slot("x"), Slot("a"), Slot("b")),
                    (Step("located_among", ("{x}", "{a}", "{b}")),), (),
                    "located_among walks {x}'s LOCATED_IN and PART_OF upwards (MEMBER_OF as "
                    "its first step) and keeps the places named that it reaches.")
    slots = {"x": x, "a": a, "b": b}
    return Parsed(question, intent, mentions, slots, {}, (), {e.id: e for e in slots.values()},
                  None, False, False, (), frozenset({a.id, b.id}))


def either_or(answer_fn: Callable[[Store, Any], Any], store: Store, question: str,
              gaz: Gazetteer) -> Any:
    """The answer to "is X in A or in B" (`answer_fn`: answering.answer), or None where the
    question is not of that shape. Neither place reached: Unmappable, said so."""
    from queries.ask.closest import closest_questions
    from queries.ask.parsing import Unmappable

    parsed = read_either_or(question, gaz)
    if parsed is None:
        return None
    got = answer_fn(store, parsed)
    if not got.entities:
        x, a, b = (parsed.slots[k] for k in ("x", "a", "b"))
        named = list(parsed.slots.values())
        raise Unmappable(question, f"The graph records neither {a.display} nor {b.display} as "
                         f"a place {x.display} lies in or belongs to.", recognised=named,
                         closest=closest_questions(question, named), final=True)
    return got
