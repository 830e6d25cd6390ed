"""A kind word read as its other kind, where its first kind answers nothing.

启东对接浦东的平台有哪些: 平台 is first an initiative (the lexicon's kinds), and no initiative
ties Qidong to Pudong; the platforms meant are the parks between them (the lexicon's
`otherwise` lists 平台 under Park). The question is asked again with the word said as that
kind (启东对接浦东的园区有哪些), and the answer says so. Only a word that is a kind word of
another label too is said again (项目, 平台, platforms): 区 and "areas", which name no kind of
their own, are left to the reading of the asking phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from queries.ask.lexicon import lexicon

# Set while a question is asked again: a word said as its other kind is said so once, not
# again inside that reading (园区 holds 区, a word of the lexicon's `otherwise` too).
_AGAIN: ContextVar[bool] = ContextVar("_AGAIN", default=False)


def _word_for(label: str, plural: bool, latin: bool, taken: set[str]) -> str | None:
    """The first word of `label` that names no other kind, in the script and number said."""
    for word in lexicon().labels.get(label, ()):
        if word in taken or bool(re.fullmatch(r"[a-z -]+", word)) != latin:
            continue
        if latin and word.endswith("s") != plural:
            continue
        return word
    return None


def read_as_other_kind(ask: Callable[..., Any], store: Any, question: str, gaz: Any,
                       extra: tuple[Any, ...]) -> Any | None:
    """The answer to `question` with a kind word said as its other kind (see the module's
    docstring), or None when no word is of two kinds or the other reading answers nothing."""
    from queries.ask.parsing import Unmappable
    from queries.ask.split import read_again

    if _AGAIN.get():
        return None
    lex = lexicon()
    named: list[str] | None = None  # the names the question says (read once, when needed)
    for label, words in lex.otherwise.items():
        others = {w for other, ws in lex.labels.items() if other != label for w in ws}
        for word in sorted(set(words) & others, key=len, reverse=True):
            latin = bool(re.fullmatch(r"[a-z -]+", word))
            pattern = rf"\b{re.escape(word)}\b" if latin else re.escape(word)
            said = re.search(pattern, question, re.I)
            if said is None or _inside_longer(question, said.start(), said.end()):
                continue  # (a word inside a longer kind word is that word's)
            if named is None:
                named = [m.text.lower() for m in _mentions(question, gaz)]
            if any(word.lower() in text for text in named):
                continue  # (nor is a word inside a name)
            instead = _word_for(label, word.endswith("s"), latin, others)
            if instead is None:
                continue
            again = question[:said.start()] + instead + question[said.end():]
            token = _AGAIN.set(True)
            try:
                got = ask(store, again, gaz, extra)
            except Unmappable:
                continue
            finally:
                _AGAIN.reset(token)
            if not getattr(got, "entities", None) or label not in (got.parsed.asked or ()):
                continue  # (哪些城市在跟南通争项目: cities asked; 项目 said again asks nothing)
            note = (f"No {_label_of(word)} answers this; read {word!r} as {instead!r} "
                    f"({label}): {again!r}.")
            return read_again(got, question, note)
    return None


def _inside_longer(question: str, start: int, end: int) -> bool:
    """Is question[start:end] part of a longer kind word said there (区 of 开发区)?"""
    low = question.lower()
    for words in lexicon().labels.values():
        for word in words:
            if len(word) <= end - start:
                continue
            at = low.find(word.lower(), max(0, end - len(word)))
            while at != -1 and at <= start:
                if at + len(word) >= end:
                    return True
                at = low.find(word.lower(), at + 1)
    return False


def _label_of(word: str) -> str:
    """The kind a word names first (the lexicon's kinds, in order)."""
    return next((label for label, ws in lexicon().labels.items() if word in ws), word)


def _mentions(question: str, gaz: Any) -> tuple[Any, ...]:
    from queries.ask.text import names_in

    return names_in(question, gaz)[1]
