"""Stakes asked across the graph, no holder or holding named: "Which co-builders hold a
majority stake in what they build?", 哪些股东控股, "who holds more than a third".

The question names no entity and says a stake (share, stake, 股份, 控股, majority): every
stake the graph records (queries/stakes.py) is listed by holder, largest first, and the
question's condition on the share (over half, more than a third: filters.py) keeps those that
meet it. A kind asked (which companies) keeps that kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from queries.ask.records import Intent, Step

# (a bare "share" is a verb as often as a stake: "which mechanisms share costs")
_STAKE = re.compile(r"\bstakes?\b|\bshares (?:in|of)\b|\bhold(?:s|ing)? (?:the )?shares\b|"
                    r"\bheld (?:the )?shares\b|\bshareholders?\b|\bshareholdings?\b|"
                    r"\bequity\b|\bmajority\b|股份|股比|持股|控股|占股|股东|出资比例", re.I)
_ASKS = re.compile(r"^\s*(?:which|who|what)\b|哪些|哪个|哪家|谁", re.I)


def holdings(answer: Callable[..., Any], store: Any, question: str, gaz: Any) -> Any:
    """The stakes asked across the graph (see the module's docstring), or None."""
    from queries.ask.filters import read_filters
    from queries.ask.parsing import Parsed
    from queries.ask.phrases import masked_text
    from queries.ask.reading import read
    from queries.ask.text import names_in

    if not _STAKE.search(question) or not _ASKS.search(question):
        return None
    q, mentions = names_in(question, gaz)
    if mentions:
        return None  # a holder or a holding named: the grammar reads it
    reading = read(masked_text(q, mentions), text=q)
    filters = tuple(f for f in read_filters(q) if f.prop == "share")
    said = f" over {filters[0].value:g}%" if filters else ""
    # no kind asked: the holders are bodies (a shareholder is an organisation, as the
    # lexicon reads 股东); a city or province holding a stake is said beside, not listed
    asked = reading.asked or frozenset({"Organization"})
    label = "/".join(sorted(asked))
    notes = () if reading.asked else _others(store, asked, filters)
    intent = Intent(
        name="stakes", question=f"Who holds a stake{said} in what they co-build?",
        question_zh=f"哪些方持有{said}的股份？", cues=(), slots=(),
        steps=(Step("stakes", (), {"label": label}),), examples=(),
        explain="stakes lists every CO_BUILDS relation that records a share, by holder, "
                "largest first" + (f"; kept to shares{said}" if said else "") + ".")
    return answer(store, Parsed(question, intent, mentions, {}, {}, notes=notes,
                                asked=asked, filters=filters))


def _others(store: Any, kept: frozenset[str], filters: tuple[Any, ...]) -> tuple[str, ...]:
    """The stakes held by other kinds (a city's developer share), meeting the condition, said
    in a note."""
    from queries.ask.filters import apply
    from queries.stakes import stakes

    every = stakes(store)
    names = {e.id: e.display for e in every.held}
    items = [i for i in every.items if i.entity.label not in kept]
    held = apply(filters, [(i.entity, i.relations) for i in items]) if filters else \
        [i.entity for i in items]
    if not held:
        return ()
    by_id = {i.entity.id: i for i in items}
    said = "; ".join(f"{e.display} ({e.label}) " + ", ".join(
        f"{r.props.get('share')}% of {names.get(r.end, r.end)}"
        for r in by_id[e.id].relations) for e in held)
    return (f"Listed: the bodies holding the stakes. Stakes are also recorded for: {said}.",)
