"""Sentences of a text read in pieces, and the names in them, in one linear pass.

A sentence ends at 。！？； or a line break and is kept exactly as written (only surrounding
whitespace trimmed), so every quote is a substring of the document. One longer than the
evidence limit is cut at commas (or at the limit) into pieces, each still a substring; a text
without any sentence end is cut as it streams, so what is held stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.gazetteer import NameScanner, _bounded
from graph.limits import DEFAULT_LIMITS

SENTENCE_ENDS = "。！？；\n"


@dataclass(frozen=True)
class Sentence:
    start: int  # offset in the text
    line: int  # 1-based line of the sentence's first character
    text: str


_PIECE = re.compile(f"[^{re.escape(SENTENCE_ENDS)}]+")
_BREAKS = "，,、 ：:"  # where an over-long sentence is best cut


def _break_at(text: str, limit: int, pos: int = 0) -> int:
    """Where to cut an over-long sentence starting at `pos`: after the last comma or space
    within the limit, else at the limit."""
    best = max(text.rfind(ch, pos, pos + limit) for ch in _BREAKS)
    return best + 1 if best >= pos + limit // 2 else pos + limit


def _cut(text: str, start: int, line: int, limit: int, out: list[Sentence]) -> int:
    """Append `text` (stripped, non-empty) as one sentence, or as pieces of at most `limit`
    characters; how many sentences were over the limit (0 or 1)."""
    if len(text) <= limit:
        out.append(Sentence(start, line, text))
        return 0
    while text:
        cut = _break_at(text, limit) if len(text) > limit else len(text)
        piece = text[:cut]
        stripped = piece.strip()
        if stripped:
            out.append(Sentence(start + piece.index(stripped), line, stripped))
        text, start = text[cut:], start + cut
    return 1


class _Splitter:
    """Sentences of a text fed in pieces: each an exact substring, in one pass (linear)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.carry = ""  # text after the last sentence end seen
        self.offset = 0  # offset of `carry` in the whole text
        self.line = 1  # line at the start of `carry`
        self.split = 0  # sentences longer than the limit, cut into pieces
        self.cutting = False  # inside an over-long sentence that is being cut as it comes

    def _region(self, text: str, out: list[Sentence]) -> None:
        pos = 0
        line = self.line
        for m in _PIECE.finditer(text):
            line += text.count("\n", pos, m.start())
            pos = m.start()
            piece = m.group()
            stripped = piece.strip()
            if stripped:
                self.split += _cut(stripped, self.offset + m.start() + piece.index(stripped),
                                   line, self.limit, out) and not self.cutting
        self.line = line + text.count("\n", pos)
        self.offset += len(text)

    def feed(self, chunk: str, *, final: bool = False) -> tuple[str, int, list[Sentence]]:
        """The complete text the chunk adds, its offset, and its sentences."""
        text = self.carry + chunk
        offset = self.offset
        end = len(text) if final else max(text.rfind(ch) for ch in SENTENCE_ENDS) + 1
        if end:
            self.cutting = False
        elif not final and len(text) > 2 * self.limit:
            # One endless "sentence" (a file without sentence ends): cut it as it comes, so
            # what is held stays bounded.
            while len(text) - end > 2 * self.limit:
                end = _break_at(text, self.limit, end)
            self.split += not self.cutting
            self.cutting = True
        done, self.carry = text[:end], text[end:]
        out: list[Sentence] = []
        self._region(done, out)
        return done, offset, out


def split_sentences(text: str, limit: int = DEFAULT_LIMITS.evidence_length) -> list[Sentence]:
    """The non-empty sentences of a text, each an exact substring of it."""
    splitter = _Splitter(limit)
    return splitter.feed(text, final=True)[2]


class _FastScanner:
    """NameScanner's leftmost-longest matches, found in time linear in the text: only where a
    name's first character stands are its two-character prefix and then its names tried."""

    def __init__(self, scanner: NameScanner) -> None:
        self.scanner = scanner
        keys = [k for k in (*scanner.owner, *scanner.ambiguous)
                if not any(ch in SENTENCE_ENDS for ch in k)]
        self.by_prefix: dict[str, list[str]] = {}
        for key in sorted(keys, key=len, reverse=True):
            self.by_prefix.setdefault(key[:2], []).append(key)
        firsts = "".join(sorted({k[0] for k in keys}))
        self.first = re.compile(f"[{re.escape(firsts)}]") if firsts else None

    def scan(self, text: str) -> Iterator[tuple[int, str]]:
        if self.first is None:
            return
        after = 0
        for m in self.first.finditer(text):
            i = m.start()
            if i < after:
                continue
            for key in self.by_prefix.get(text[i:i + 2], ()):
                if text.startswith(key, i) and _bounded(text, i, key):
                    yield i, key
                    after = i + len(key)
                    break
