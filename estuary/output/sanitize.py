"""One sanitiser for user data on its way to a terminal or a text export.

Data is written by other people: a name may carry ESC/CSI/OSC sequences (clear the screen,
recolour, write the clipboard with OSC 52, plant OSC 8 hyperlinks), BEL, C1 controls, or bidi
overrides that make a line read differently from what it holds. Every such character is shown
visibly escaped (ESC as ``\\x1b``, U+202E as ``\\u202e``) and never interpreted. Line breaks and
tabs stay, except where one line is promised (`clean_line`). Backslashes are left alone, so
cleaning twice changes nothing more.

Rich markup is a separate matter: the console prints with markup off, so `[red]` prints as
written (see `estuary.output.console.base`).
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL and C1 (U+0080-U+009F; U+009B is an 8-bit CSI), bidi
# embeddings/overrides/isolates and marks, zero-width space/word joiner/BOM (hidden text),
# lone surrogates (unprintable) and the two noncharacters XML refuses.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff\ud800-\udfff\ufffe\uffff]")
_UNSAFE_OR_NEWLINE = re.compile(f"{_UNSAFE.pattern[:-1]}\n\t]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def is_clean(text: str) -> bool:
    """Does the text hold nothing a terminal would interpret?"""
    return _UNSAFE.search(text) is None


def clean(text: str) -> str:
    """The text with every control, escape and bidi character visibly escaped (line breaks
    and tabs kept)."""
    return _UNSAFE.sub(_escaped, text)


def clean_line(text: str) -> str:
    """`clean`, and line breaks and tabs escaped too: for one-line messages such as `Error:`."""
    return _UNSAFE_OR_NEWLINE.sub(_escaped, text)


def unsafe_positions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every character `clean` escapes."""
    return [(m.start(), m.end(), _escaped(m)) for m in _UNSAFE.finditer(text)]


def clean_json(text: str) -> str:
    """JSON text with the characters `json.dumps(ensure_ascii=False)` leaves raw (C1, bidi,
    lone surrogates) written as \\uXXXX escapes: the same data, nothing a terminal acts on."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
