"""Names as people type them: normalised lookup keys, pinyin, and the keys of an entity.

Both stores index the same keys, so "Nantong", "nan tong", "南通市" and "通" resolve alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.model import Entity

_SEPARATORS = re.compile(r"[\s\-_·•'’\"“”‘’「」『』《》()（）]+")
# Administrative suffixes dropped so "南通市" and "南通" meet.
_ADMIN_SUFFIXES = ("市", "省")


def normalize(text: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SEPARATORS.sub("", text)


def has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@lru_cache(maxsize=65536)
def pinyin(text: str) -> str:
    """Toneless pinyin of a Chinese name, syllables joined ('南通' -> 'nantong')."""
    if not has_han(text):
        return ""
    from pypinyin import Style, lazy_pinyin  # imported here: start-up stays light

    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore")).lower()


def entity_keys(entity: Entity) -> tuple[str, ...]:
    """An entity's lookup keys: stored at load time, computed only if missing."""
    return entity.keys or tuple(lookup_keys(entity.name, entity.name_en, entity.aliases))


def grams(text: str) -> set[str]:
    """The character bigrams of a normalised text (the text itself if it is one character):
    what name search shares between a query and a key, so a store can index them."""
    if len(text) < 2:
        return {text} if text else set()
    # (each character joined to the next: text[i:i + 2] for every i, without a Python loop;
    # a first load cuts millions of these)
    return set(map(str.__add__, text, text[1:]))


def entity_grams(entity: Entity) -> set[str]:
    """Every bigram of an entity's lookup keys and normalised id."""
    found: set[str] = set()
    for key in (*entity_keys(entity), normalize(entity.id)):
        found |= grams(key)
    return found


def lookup_keys(name: str, name_en: str, aliases: tuple[str, ...] | list[str]) -> list[str]:
    """Every normalised key an entity answers to: names, aliases, their pinyin."""
    keys: set[str] = set()
    for text in (name, name_en, *aliases):
        if not text:
            continue
        key = normalize(text)
        keys.add(key)
        for suffix in _ADMIN_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                keys.add(key[: -len(suffix)])
        if has_han(text) and len(text) > 1:
            keys.add(pinyin(text))
    keys.discard("")
    return sorted(keys)
