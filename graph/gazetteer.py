"""Finding the entities a text names: one normalisation, one index, one `Mention` type.

Two ways of reading text share it:

* a question (`recognise`): every form an entity answers to (names, aliases, English names
  case-insensitively, pinyin), longest match first, a one-character abbreviation such as 通 or
  沪 only where it stands as a name; `mask` then replaces each mention by ⟨n⟩ (used by `ask`);
* running text (`NameScanner`): exact names and aliases of two characters or more,
  leftmost-longest, so a quote can be cut from the text as written (used by `load-doc`).

Completion (estuary/completion.py) matches prefixes instead, from the store file alone, so a
tab press never builds this index.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.model import Entity
from graph.names import entity_keys, has_han
from graph.schema import TRAVERSAL_EXCLUDED_LABELS

# -- normalising a question -------------------------------------------------------------------

_QUOTES = re.compile(r"[“”‘’\"「」『』《》()（）\[\]【】]")
_APOSTROPHE_S = re.compile(r"['’]s\b")
_PUNCT = re.compile(r"[?？!！。，,、；;：:…~～·•/\\|]+")
_DASH_LATIN = re.compile(r"(?<=[a-z0-9])[-‐‑–—_](?=[a-z0-9])")
HAN = r"\u4e00-\u9fff"  # Chinese characters, for a regex character class
_SPACE_IN_HAN = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")
_HAN_LATIN = re.compile(rf"(?<=[{HAN}])(?=[a-z0-9+])|(?<=[a-z0-9+])(?=[{HAN}])")
_DASH_HAN = re.compile(rf"(?<=[{HAN}])[-‐‑–—]+(?=[{HAN}])")


def prepare(text: str) -> str:
    """Lower case, full width folded, quotes dropped, punctuation a space, a space between
    Chinese and Latin ("six 千亿级 industries"), none typed between Chinese characters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHE_S.sub("", text.replace("\u2019", "'"))
    text = _QUOTES.sub("", text).replace("'", "")
    text = _DASH_LATIN.sub(" ", text)
    text = _DASH_HAN.sub("", text)
    text = _SPACE_IN_HAN.sub("", text)
    text = _PUNCT.sub(" ", text)
    text = _HAN_LATIN.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def latin_key(text: str) -> str:
    """A prepared Latin form as the gazetteer indexes it: letters, digits and + only."""
    return re.sub(r"[^a-z0-9+]", "", text)


# -- the gazetteer ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Gazetteer:
    """Every form an entity answers to, indexed for scanning a question."""

    entities: dict[str, Entity]
    han: dict[str, frozenset[str]]  # a form with Chinese characters -> ids
    latin: dict[str, frozenset[str]]  # a Latin form without spaces -> ids
    single: dict[str, frozenset[str]]  # a one-character abbreviation (通, 沪) -> ids
    names: dict[str, frozenset[str]]  # a form -> ids whose name (not alias) it is
    max_tokens: int

    @classmethod
    def build(cls, entities: Iterable[Entity],
              extra_aliases: Mapping[str, tuple[str, ...]] | None = None) -> Gazetteer:
        """The index of `entities`; `extra_aliases` adds forms by id (words a reader uses)."""
        extra_aliases = extra_aliases or {}
        han: dict[str, set[str]] = {}
        latin: dict[str, set[str]] = {}
        single: dict[str, set[str]] = {}
        names: dict[str, set[str]] = {}
        by_id: dict[str, Entity] = {}
        longest = 1
        for e in entities:
            by_id[e.id] = e
            texts = (*entity_keys(e), e.name, e.name_en, *e.aliases, *extra_aliases.get(e.id, ()))
            forms = {prepare(t) for t in texts}
            for form in forms:
                if not form:
                    continue
                if has_han(form):
                    (single if len(form) == 1 else han).setdefault(form, set()).add(e.id)
                else:
                    key = latin_key(form)
                    if key:
                        latin.setdefault(key, set()).add(e.id)
                        longest = max(longest, len(form.split()))
            for name in (e.name, e.name_en):
                if name:
                    for form in (prepare(name), latin_key(prepare(name))):
                        if form:  # a Chinese name has no Latin key: '' would name them all
                            names.setdefault(form, set()).add(e.id)

        def freeze(d: dict[str, set[str]]) -> dict[str, frozenset[str]]:
            return {k: frozenset(v) for k, v in d.items()}

        return cls(by_id, freeze(han), freeze(latin), freeze(single), freeze(names),
                   longest + 2)

    def named(self, text: str) -> frozenset[str]:
        """The ids whose name (not an alias) this prepared text is."""
        key = latin_key(text)
        return self.names.get(text, frozenset()) | (self.names.get(key, frozenset()) if key
                                                     else frozenset())


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names one entity (or several, if ambiguous)."""

    start: int
    end: int
    text: str
    ids: tuple[str, ...]
    how: str  # "name", "alias", "abbreviation", "near miss", "ambiguous"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "ids": list(self.ids), "how": self.how}


# A one-character abbreviation stands as a name only between such neighbours ("通和苏",
# "沪苏通之间"), never inside a word (交通, 深化, 申请).
_CONNECTORS = set(" 和与跟同及对到至向从在把是")
_LEFT_WORDS = ("比较", "对比", "连接", "介绍", "关于")
_RIGHT_WORDS = ("之间", "两地", "两市", "的", "是", "有", "与", "和", "跟", "同", "及", "共",
                "合作", "在", "都", "间", "关系", "联系", "之", "什么", "怎么", "如何", "有何",
                "产业", "园区", "借鉴", "学习", "比较", "对比")


# ... nor where it starts a verb: 通到嘉定, 通往, 通车 (通 is then "runs to", not Nantong)
_VERB_AFTER = {"通": "到往过车达行向"}


def _abbreviation_ok(q: str, i: int, single: Mapping[str, Any]) -> bool:
    if q[i + 1:i + 2] and q[i + 1] in _VERB_AFTER.get(q[i], ""):
        return False
    left = i == 0 or q[i - 1] in _CONNECTORS or q[i - 1] in single or q[:i].endswith(
        _LEFT_WORDS)
    rest = q[i + 1:]
    right = not rest or rest[0] in _CONNECTORS or rest[0] in single or rest.startswith(
        _RIGHT_WORDS)
    return left and right


def recognise(question: str, gaz: Gazetteer) -> tuple[str, tuple[Mention, ...]]:
    """The prepared question and the entities it names, longest match first."""
    q = prepare(question)
    found: list[tuple[int, int, frozenset[str]]] = []
    for form, ids in gaz.han.items():
        start = q.find(form)
        while start >= 0:
            found.append((start, start + len(form), ids))
            start = q.find(form, start + 1)
    tokens = list(re.finditer(r"[a-z0-9+]+", q))
    for i in range(len(tokens)):
        key = ""
        for j in range(i, min(i + gaz.max_tokens, len(tokens))):
            key += tokens[j].group()
            if key in gaz.latin:
                found.append((tokens[i].start(), tokens[j].end(), gaz.latin[key]))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken = [False] * len(q)
    chosen: list[Mention] = []
    for start, end, ids in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        text = q[start:end]
        how = "name" if ids & gaz.named(text) else "alias"
        chosen.append(Mention(start, end, text, tuple(sorted(ids)), how))
    for i, ch in enumerate(q):
        if not taken[i] and ch in gaz.single and _abbreviation_ok(q, i, gaz.single):
            chosen.append(Mention(i, i + 1, ch, tuple(sorted(gaz.single[ch])), "abbreviation"))
    chosen.sort(key=lambda m: m.start)
    return q, tuple(chosen)


def mask(q: str, mentions: tuple[Mention, ...]) -> str:
    """The prepared question with the nth mention replaced by ⟨n⟩."""
    out, last = [], 0
    for n, m in enumerate(mentions):
        out.append(q[last:m.start])
        out.append(f"⟨{n}⟩")
        last = m.end
    out.append(q[last:])
    return "".join(out)


# -- running text -----------------------------------------------------------------------------

MIN_NAME_CHARS = 2
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def name_keys(entity: Entity) -> list[str]:
    """The names an entity is found by in running text: name and aliases of ≥ 2 characters."""
    keys = {k.strip() for k in (entity.name, *entity.aliases)}
    return sorted(k for k in keys if len(k) >= MIN_NAME_CHARS)


def _bounded(text: str, i: int, key: str) -> bool:
    """An ASCII name must not run into ASCII letters or digits on either side."""
    if _ASCII_WORD.match(key[0]) and i > 0 and _ASCII_WORD.match(text[i - 1]):
        return False
    end = i + len(key)
    return not (_ASCII_WORD.match(key[-1]) and end < len(text) and _ASCII_WORD.match(text[end]))


class NameScanner:
    """Every known name exactly as written, for leftmost-longest scanning of running text.

    Single-character aliases (通, 苏) are left out: they would match half of any text. A name
    two entities answer to goes to the one whose name it is; if that still leaves several, the
    name is `ambiguous`.
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        owners: dict[str, set[str]] = {}
        named: dict[str, set[str]] = {}
        for e in entities:
            if e.label in TRAVERSAL_EXCLUDED_LABELS:
                continue
            for key in name_keys(e):
                owners.setdefault(key, set()).add(e.id)
                if key == e.name.strip():
                    named.setdefault(key, set()).add(e.id)
        self.owner: dict[str, str] = {}
        self.ambiguous: dict[str, tuple[str, ...]] = {}
        for key, ids in owners.items():
            if len(ids) == 1:
                self.owner[key] = next(iter(ids))
            elif len(named.get(key, ())) == 1:
                self.owner[key] = next(iter(named[key]))
            else:
                self.ambiguous[key] = tuple(sorted(ids))
        self.lengths = sorted({len(k) for k in (*self.owner, *self.ambiguous)}, reverse=True)

    def scan(self, text: str) -> list[Mention]:
        """Leftmost-longest, non-overlapping matches."""
        found: list[Mention] = []
        i, n = 0, len(text)
        while i < n:
            for length in self.lengths:
                key = text[i:i + length]
                if len(key) == length and (key in self.owner or key in self.ambiguous) \
                        and _bounded(text, i, key):
                    if key in self.owner:
                        found.append(Mention(i, i + length, key, (self.owner[key],), "name"))
                    else:
                        found.append(Mention(i, i + length, key, self.ambiguous[key],
                                             "ambiguous"))
                    i += length
                    break
            else:
                i += 1
        return found
