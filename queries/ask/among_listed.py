"""Which of the things listed: "NEVs as a priority: Shanghai, Suzhou, Nantong, Changzhou -
which ones?", 上海、苏州、南通、常州中，哪些有新能源汽车产业, "Which of Wuxi, Changzhou and
Huzhou have an NEV chain?".

A list of things of one kind, with the question asking "which" of them, says the candidates,
not several subjects: read as subjects, the question named too many things and was refused
(or asked what they have in common). The question is asked of their kind ("which cities have
NEVs") and the answer kept to the listed ones, with a note naming those that are not among
the answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.gazetteer import Gazetteer

# the words for a kind in the question asked instead of the list
_KIND_EN = {"City": "cities", "Region": "regions", "Park": "parks", "Industry": "industries",
            "Organization": "organisations", "Mechanism": "mechanisms",
            "Infrastructure": "crossings", "Initiative": "initiatives"}
_KIND_ZH = {"City": "城市", "Region": "地区", "Park": "园区", "Industry": "产业",
            "Organization": "机构", "Mechanism": "机制", "Infrastructure": "通道",
            "Initiative": "举措"}
_BETWEEN = re.compile(r"\s*(?:[,，、/;；]|\band\b|\bor\b|和|与|及|或|或者|还是|以及)?\s*")
_EN_WHICH = re.compile(r"\bwhich(?: ones?| of (?:them|these|those|the above)| one)?\b")
_EN_WHICH_OF = re.compile(r"\b(?:which|what) (?:ones? )?(?:of|among) (?:the )?\s*$")
_EN_AMONG = re.compile(r"\b(?:of|among|from) (?:the )?\s*$")
# 哪些 not followed by a kind word (哪些有…); a kind word after it is the list's kind, kept
_ZH_WHICH = re.compile(r"哪(?:些|几个|个|一个|几家|家|几座)")
_ZH_AFTER = re.compile(r"^\s*(?:这几个|这些|这几座|这几家)?\s*(?:之中|当中|中间|中|里面|里头|里)?"
                       r"\s*[，,:：\-—]*\s*")


@dataclass(frozen=True)
class Listed:
    """A question asked of the kind of the things it lists as candidates."""

    bare: str
    members: tuple[str, ...]  # the ids listed, in order


def without_list(question: str, gaz: Gazetteer) -> Listed | None:
    """The question asked of the listed things' kind, or None when it lists none to choose
    among (two named but none asked "which" of, or a list of subjects)."""
    from queries.ask.text import names_in

    q, mentions = names_in(question, gaz)
    run = _longest_run(q, mentions, gaz)
    if run is None:
        return None
    first, last = run
    listed = mentions[first:last + 1]
    label = gaz.entities[listed[0].ids[0]].label
    if label not in _KIND_EN or len(mentions) == len(listed):
        return None  # (nothing else named: a ranking or a comparison among them, not this)
    before, after = q[:listed[0].start], q[listed[-1].end:]
    if not re.search(r"[\u4e00-\u9fff]", q):
        bare = _english(before, after, label, len(listed))
    else:
        bare = _chinese(before, after, label, len(listed))
    if bare is None:
        return None
    return Listed(re.sub(r"\s+", " ", bare).strip(), tuple(m.ids[0] for m in listed))


def _longest_run(q: str, mentions: tuple, gaz: Gazetteer) -> tuple[int, int] | None:
    """The first and last index of the longest run of two or more mentions of one thing each,
    of one kind, said one after another with only a comma or 'and' / 'or' between."""
    best: tuple[int, int] | None = None
    start = 0
    for n in range(1, len(mentions) + 1):
        joined = n < len(mentions) and _same_kind(mentions[n - 1], mentions[n], gaz) and \
            _BETWEEN.fullmatch(q[mentions[n - 1].end:mentions[n].start]) is not None
        if joined:
            continue
        if n - 1 > start and (best is None or n - 1 - start > best[1] - best[0]):
            best = (start, n - 1)
        start = n
    return best


def _same_kind(a, b, gaz: Gazetteer) -> bool:  # type: ignore[no-untyped-def]
    if len(a.ids) != 1 or len(b.ids) != 1 or a.ids[0] == b.ids[0]:
        return False
    ea, eb = gaz.entities.get(a.ids[0]), gaz.entities.get(b.ids[0])
    return ea is not None and eb is not None and ea.label == eb.label


def _english(before: str, after: str, label: str, n: int) -> str | None:
    """'Which of A, B and C have X?' / 'X: A, B, C - which ones?' asked of the kind."""
    kind = _KIND_EN[label]
    if _EN_WHICH_OF.search(before):  # "which of A, B and C have X"
        return _EN_WHICH_OF.sub(f"which {kind} ", before) + after
    if _EN_AMONG.search(before) and _EN_WHICH.search(after):  # "among A, B, C, which has X"
        return _EN_AMONG.sub("", before) + _EN_WHICH.sub(f"which {kind}", after, count=1)
    whole = before + " " + after
    found = _EN_WHICH.search(whole)
    if n < 3 or found is None or _other_kind(whole[found.end():], label):
        return None  # (two named with 'which': "which links A and B" asks of both)
    return _EN_WHICH.sub(f"which {kind}", whole, count=1)


def _other_kind(tail: str, label: str) -> bool:
    """Whether the words after the asking word name a kind other than the listed one's
    ("which industries do A, B and C share": industries asked, the list their holders)."""
    from queries.ask.reading import label_words

    head = tail.strip().lower()

    def starts(word: str) -> bool:
        return head == word or head.startswith(word + " ") if word.isascii() \
            else head.startswith(word)

    said = [(str(w), str(of)) for w, of in label_words()]
    return any(starts(w) for w, of in said if of != label) and \
        not any(starts(w) for w, of in said if of == label)


def _chinese(before: str, after: str, label: str, n: int) -> str | None:
    """上海、苏州、南通中，哪些有X / X：上海、苏州、南通，哪几个有 asked of the kind."""
    kind = _KIND_ZH[label]
    rest = _ZH_AFTER.sub("", after, count=1)
    found = _ZH_WHICH.search(rest)
    if found is None or found.start() > 0:
        return None  # (…这几个县的园区分别跟苏州哪个地方合作: 哪 asks of another thing)
    said_among = rest != after.lstrip() or n >= 3
    if not said_among or re.search(r"哪|什么|谁", before):
        return None
    tail = rest[found.end():]
    if _other_kind(tail, label):
        return None  # 上海、苏州、南通共同有哪些产业: industries asked, not which of them
    if tail.startswith(kind) or any(tail.startswith(w) for w in ("城市", "地方", "园区")):
        asked = rest  # (哪些城市: the kind said already)
    else:
        asked = rest[:found.start()] + f"哪些{kind}" + tail
    return before.rstrip("，,：: ") + ("，" if before.strip() else "") + asked


def kept_note(listed: Listed, found: set[str], gaz: Gazetteer) -> str:
    """Said of an answer kept to the listed things: which are among it, which are not."""
    def names(ids: list[str]) -> str:
        return ", ".join(gaz.entities[i].display for i in ids if i in gaz.entities)

    among = [i for i in listed.members if i in found]
    left = [i for i in listed.members if i not in found]
    said = f"Kept to the {len(listed.members)} listed: {len(among)} of them"
    return said + (f" ({names(among)})" if among else "") + (
        f"; not among the answers: {names(left)}." if left else ".")
