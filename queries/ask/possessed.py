"""A thing named by its owner and a word for it: "the zone's construction plan", 协同区的建设方案.

The graph names some things after what they belong to: 长江口产业创新协同区建设方案 is the
zone's name followed by 建设方案, and its English name ("Construction plan for the … Zone")
holds the zone's. Said as the owner's name and the rest ("the estuary collaboration zone's
construction plan"), the gazetteer finds only the owner. Here the owner's mention and the
words after it are read as the thing itself, where exactly one entity's name holds both the
owner's name and every one of those words; else the mention is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.gazetteer import Gazetteer, Mention

# " construction plan" after the owner (the prepared question drops the "'s"): up to four
# words; read only where the question itself said the possessive
_EN_OWNED = re.compile(r"^\s+((?:[a-z][a-z-]*)(?:\s+[a-z][a-z-]*){0,3})")
# words that end the thing's name: the question goes on ("the zone's plan for …")
_STOP = frozenset(("and", "or", "with", "in", "of", "to", "for", "from", "by", "is", "are",
                   "was", "were", "the", "a", "an", "that", "which", "who", "what", "when",
                   "where", "how", "does", "do", "did", "has", "have", "had"))
# 协同区的建设方案, 协同区建设方案: Chinese characters after the owner (and 的)
_ZH_OWNED = re.compile(r"^\s?的?\s?([\u4e00-\u9fff]{2,8})")  # (SH 的…: a space after Latin)


def possessed(q: str, mentions: tuple[Mention, ...], gaz: Gazetteer,
              question: str) -> tuple[Mention, ...]:
    """The mentions, each owner followed by a word for a thing of its own read as that thing
    (see the module's docstring). `q`: the prepared question; `question`: as asked."""
    return tuple(_owned(q, m, gaz, question.lower()) or m for m in mentions)


def _owned(q: str, m: Mention, gaz: Gazetteer, asked: str) -> Mention | None:
    if len(m.ids) != 1 or m.ids[0] not in gaz.entities:
        return None
    owner = gaz.entities[m.ids[0]]
    rest = q[m.end:]
    en = _EN_OWNED.match(rest)
    said_own = re.search(re.escape(m.text.lower()) + r"\s?(?:'s|’s)\s", asked)
    if en is not None and owner.name_en and said_own:
        words = []
        for word in en.group(1).split():
            if word in _STOP:
                break
            words.append(word)
        for n in range(len(words), 0, -1):  # the longest run of words one entity's name holds
            said_run = r"\s+".join(re.escape(w) for w in words[:n])
            if re.search(re.escape(m.text.lower()) + r"\s?(?:'s|’s)\s" + said_run + r"[-\w]",
                         asked):
                continue  # half a word as said ("Nantong's national-level ETDZs": national)
            if n < len(words) and _kind_word(words[n]):
                continue  # "Nantong's national ETDZs": a qualifier of the kind said next
            found = _holding_en(owner.id, owner.name_en.lower(), words[:n], gaz)
            if found is not None:
                end = m.end + en.start(1) + len(" ".join(words[:n]))
                return replace(m, end=end, text=q[m.start:end], ids=(found,), how="owned")
        return None
    zh = _ZH_OWNED.match(rest)
    if zh is not None:
        said = zh.group(1)
        for n in range(len(said), 1, -1):
            found = _holding_zh(owner.id, owner, said[:n], gaz)
            if found is not None:
                end = m.end + zh.start(1) + n
                return replace(m, end=end, text=q[m.start:end], ids=(found,), how="owned")
    return None


def _holding_en(owner_id: str, owner_name: str, words: list[str], gaz: Gazetteer) -> str | None:
    """The one entity (not the owner) whose English name holds the owner's and the words."""
    hits = [e.id for e in gaz.entities.values()
            if e.id != owner_id and e.name_en and owner_name in e.name_en.lower()
            and all(re.search(rf"\b{re.escape(w)}\b", e.name_en.lower()) for w in words)]
    return hits[0] if len(hits) == 1 else None


def _holding_zh(owner_id: str, owner: object, said: str, gaz: Gazetteer) -> str | None:
    """The one entity whose name (or an alias) is the owner's name, or an alias of it,
    followed by what was said."""
    forms = {getattr(owner, "name", ""), *getattr(owner, "aliases", ())}
    wanted = {f + said for f in forms if f}
    hits = [e.id for e in gaz.entities.values() if e.id != owner_id
            and wanted & {e.name, *e.aliases}]
    return hits[0] if len(hits) == 1 else None


def _kind_word(word: str) -> bool:
    """A word for a kind of thing (ETDZs, parks, 园区) in the lexicon."""
    from queries.ask.lexicon import lexicon

    lex = lexicon()
    return any(word in words for words in lex.labels.values()) or any(
        word in k.words for k in lex.kinds) or any(word in q.words for q in lex.qualifiers
                                                   if "kind" in q.where)
