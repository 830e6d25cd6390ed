"""What a question says that nothing recognised: leftover words, words joined to an entity
(which may be entities too), and the entity a misspelt word almost names (南桶, Suzhuo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.gazetteer import HAN, Gazetteer, Mention, latin_key
from graph.model import Entity
from graph.names import has_han, normalize, pinyin
from queries.ask.matching import label_spans
from queries.ask.other_names import names_another

_STOP_EN = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "and", "or",
    "by", "between", "among", "is", "are", "was", "were", "be", "been", "do", "does",
    "did", "has", "have", "had", "which", "what", "who", "whom", "whose", "where", "when",
    "how", "why", "that", "this", "these", "those", "it", "its", "they", "them", "their",
    "there", "me", "my", "i", "we", "our", "you", "your", "can", "could", "would",
    "should", "will", "please", "tell", "show", "list", "give", "about", "any", "all",
    "some", "much", "many", "as", "into", "than", "then", "also", "just", "up", "out",
    "so", "not", "no", "yes", "s", "each", "other", "both", "one", "two",
))
_STOP_ZH = ("之间", "哪些", "哪个", "哪几个", "哪几", "什么", "怎么", "怎样", "如何", "一下",
            "两地", "两者", "二者", "以及", "请问", "有没有", "是否", "请", "有", "是", "的",
            "了", "吗", "呢", "吧", "和", "与", "跟", "同", "及", "在", "都", "还", "也", "被",
            "对", "从")


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with each span replaced by spaces."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = [" "] * (end - start)
    return "".join(chars)


def _drop_stop_zh(text: str) -> str:
    for word in _STOP_ZH:
        text = text.replace(word, " ")
    return text


def leftover_words(masked: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """The words of the question no cue read and no entity named (nor stop words, nor
    words for a kind of thing such as 城市 or parks)."""
    text = _drop_stop_zh(re.sub(r"⟨\d+⟩", " ", _blank(masked, [*spans, *label_spans(masked)])))
    out = []
    for chunk in text.split():
        if chunk.isascii():
            out.extend(w for w in re.findall(r"[a-z0-9+]+", chunk) if w not in _STOP_EN)
        else:
            out.append(chunk)
    return out


# Chinese text joined to an entity by 和/与/、 is an entity too ("南通和亚特兰蒂斯之间"): if it
# is not one the gazetteer knows, the question must not be answered without it.
_HAN_RUN = f"[{HAN}]+?"
_CONJUNCT = (
    re.compile(rf"⟨\d+⟩ ?(?:和|与|跟|同|及|以及| ) ?({_HAN_RUN})"
               r"(?=⟨| |之间|两地|两者|的|有|是|在|共|合作|都|比|相比|怎么|如何|$)"),
    re.compile(rf"(?:^| )({_HAN_RUN}) ?(?:和|与|跟|同|及|以及) ?⟨\d+⟩"),
    re.compile(r"⟨\d+⟩ (?:and|&|with|or|vs|versus) (?!⟨)([a-z][a-z0-9]*)"),
    re.compile(r"\b([a-z][a-z0-9]*) (?:and|&|or) ⟨\d+⟩"),
)


def conjunct_words(masked: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """Words joined to an entity by 和/and that no cue read."""
    blanked = _blank(masked, spans)
    out = []
    for pattern in _CONJUNCT:
        for found in pattern.finditer(masked):
            text = blanked[slice(*found.span(1))]
            if has_han(text):
                text = _drop_stop_zh(text)
            out.extend(w for w in text.split()
                       if len(w) >= 2 and w not in _STOP_EN and w not in out)
    return out


def original(question: str, text: str) -> str:
    """The user's own spelling of a prepared word."""
    found = re.search(re.escape(text), question, flags=re.IGNORECASE)
    return found.group(0) if found else text


def _near_miss(chunk: str, gaz: Gazetteer) -> str | None:
    """The id of the one entity a chunk almost names, or None."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    if has_han(chunk):
        ids = gaz.latin.get(pinyin(chunk), frozenset())
        return next(iter(ids)) if len(ids) == 1 else None
    key = latin_key(chunk)
    if len(key) < 5:
        return None
    hits = [h for h in process.extract(key, list(gaz.latin), scorer=OSA.normalized_similarity,
                                       score_cutoff=0.8, limit=5)
            if not any(names_another(key, h[0], gaz.entities[i].label)
                       for i in gaz.latin[h[0]])]  # Hangzhou is no misspelt Changzhou
    if not hits:
        return None
    best = hits[0]
    rivals = [h for h in hits[1:] if h[1] == best[1] and gaz.latin[h[0]] != gaz.latin[best[0]]]
    ids = gaz.latin[best[0]]
    if rivals or len(ids) != 1:
        return None
    return next(iter(ids))


def near_misses(question: str, q: str, words: Iterable[str], mentions: tuple[Mention, ...],
                gaz: Gazetteer, notes: list[str]) -> list[Mention]:
    """Leftover words read as the entity each almost names (南桶 -> 南通, Suzhuo -> 苏州)."""
    added: list[Mention] = []
    for word in dict.fromkeys(words):
        hit = _near_miss(word, gaz)
        start = q.find(word)
        if hit is None or start < 0 or any(m.start < start + len(word) and start < m.end
                                           for m in (*mentions, *added)):
            continue
        entity = gaz.entities[hit]
        added.append(Mention(start, start + len(word), word, (entity.id,), "near miss"))
        notes.append(f"Read {original(question, word)!r} as {entity.display} [{entity.id}].")
    return added


def suggest_entities(chunk: str, gaz: Gazetteer, limit: int = 3) -> list[Entity]:
    """Entities whose names look like a word nothing recognised."""
    from rapidfuzz import fuzz, process

    key = latin_key(chunk) if not has_han(chunk) else normalize(chunk)
    if not key:
        return []
    pool = gaz.latin if not has_han(chunk) else gaz.han
    out: list[Entity] = _holding_the_word(chunk, gaz)  # "Jinqiao": the names that hold it
    limit = max(limit, min(len(out), 6))
    for form, _score, _ in process.extract(key, list(pool), scorer=fuzz.ratio,
                                           score_cutoff=60, limit=10):
        for i in sorted(pool[form]):
            entity = gaz.entities[i]
            if entity not in out:
                out.append(entity)
    return out[:limit]


def _holding_the_word(chunk: str, gaz: Gazetteer) -> list[Entity]:
    """The entities whose English names hold this word whole ("Jinqiao": the group, the
    bureau, the zone and the parks named after it), where it is no common word: a short name
    the graph holds no one referent for, so the question names none of them."""
    word = chunk.strip().casefold()
    if has_han(word) or not re.fullmatch(r"[a-z]{4,}", word):
        return []
    from queries.ask.text import COMMON, GENERIC

    if word in GENERIC or word in COMMON:
        return []
    found = re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")
    return [e for e in gaz.entities.values() if e.label != "Source" and any(
        found.search(t.casefold()) for t in (e.name_en or "", *e.aliases) if t)]


def _with_next_words(q: str, words: list[str], most: int = 2) -> list[str]:
    """A misspelt English word with the words after it, longest first: a long name is
    misspelt in the word that names it ("the Zhangjingao bridge": Zhangjinggao Bridge),
    which alone is close to no whole name."""
    out: list[str] = []
    for word in words:
        if not word.isascii():
            continue
        found = re.search(rf"(?<![a-z0-9]){re.escape(word)}((?: [a-z0-9]+){{1,{most}}})", q)
        if found:
            after = found.group(1).split()
            out.extend(" ".join([word, *after[:n]]) for n in range(len(after), 0, -1))
    return out


def respelt(question: str, gaz: Gazetteer) -> tuple[str, list[str]] | None:
    """The question with each misspelt name written as the entity it almost names
    ("biomedecine" -> Biomedicine, 苏洲工业园区 -> 苏州工业园区) and a note for each, or None
    when no word nothing read is one. Tried once every reading has failed: a near miss is
    never read where the words as written answer."""
    from graph.gazetteer import mask, prepare
    from queries.ask.reading import find, label_words, read
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    masked = mask(q, mentions)
    reading = read(masked, text=q)
    spans = [(h.start, h.end) for h in (*reading.verbs, *reading.questions,
                                        *find(label_words(), masked))]
    words = [w for w in leftover_words(masked, spans) if len(w) >= (3 if w.isascii() else 2)]
    words = [*_with_next_words(q, words), *words]
    notes: list[str] = []
    found = near_misses(question, q, words, mentions, gaz, notes)
    if not found:
        return None
    out = prepare(question)
    for m in sorted(found, key=lambda m: -m.start):
        entity = gaz.entities[m.ids[0]]
        said = entity.name if has_han(m.text) else (entity.name_en or entity.name)
        out = out[:m.start] + said + out[m.end:]
    return out, notes
