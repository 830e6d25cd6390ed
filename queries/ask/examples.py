"""Things a question names as examples of its answer, not as what it is about:
像财税分成、GDP双算这一类的 (mechanisms like these), 外高桥算一个吧，还有别的吗 (that one is
one of them; which others), 宝山、太仓、崇明这些都算上 (count those too), 除了苏宿工业园区本身
(besides that one), "Besides 'base plus extension zone', what other models …", "such as
PetroChina or Tongkun".

Read as entities of the question, they would be slots it does not use ("also names 南通…",
a refusal) or an anchor the answer is built around (the parks inside 苏宿工业园区). The
question is asked without them, and the answer says which of them it lists: an example the
answer leaves out is said, not hidden (the graph may not record it as one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.gazetteer import Gazetteer, Mention

_STOP = r"[，,。？?！!；;]"
# each frame: the examples in group `ex`; the frame is cut from the question
_FRAMES = (
    # 像财税分成、GDP双算这一类的 / 比如苏通园、锡通园 / 例如…等 (after a clause, to its end)
    re.compile(r"[，,]?\s*(?:像是?|比如说?|例如|诸如|譬如)(?P<ex>[^，,。？?！!；;]{1,40}?)"
               r"(?:这一?类的?|这类的?|这样的|这些的?|那些的?|之类的?|等等?|什么的)?"
               rf"(?=\s*(?:{_STOP}|$))"),
    # 哪些研发中心之类的载体: an example said before 之类的 and the kind it is of
    re.compile(r"(?:(?<=哪些)|(?<=哪几个)|(?<=什么))(?P<ex>[^，,。？?！!；;哪]{2,12}?)(?:之类|这一?类|一类)的"
               rf"(?=[\u4e00-\u9fff]{{1,4}}\s*(?:{_STOP}|$))"),
    # …？外高桥算一个吧，还有别的吗: that one is one of them, the rest asked again
    re.compile(r"(?<=[?？])\s*(?P<ex>[^，,。？?！!；;]{1,20}?)(?:应该)?(?:算|是)其?中?一个吧?"
               r"(?:[，,。]?\s*(?:还有|另外还有|其他还有)(?:别的|其他的?|哪些|哪几个|什么)?"
               r"(?:吗|呢|没有)?)?\s*[？?。.!！]*\s*$"),
    # …？宝山、太仓、崇明这些都算上(，我要报个数): those counted too
    re.compile(r"(?<=[?？])\s*(?P<ex>[^，,。？?！!；;]{1,30}?)(?:这些|这几个|这几处|等)?"
               r"(?:都|也)(?:要)?(?:算上|算进去|算在内|包括在内|包括进去)(?:[，,][^？?]{0,20})?"
               r"\s*[。.!！]?\s*$"),
    # 除了苏宿工业园区本身(以外)，还有哪几个: the one the analyst knows already
    re.compile(r"(?:^|(?<=[，,]))\s*除了(?P<ex>[^，,。？?！!；;]{1,30}?)(?:本身)?(?:以外|之外)?"
               r"[，,]\s*"),
    # "Besides X, what other …", "Apart from X, …"
    re.compile(r"^\s*(?:besides|apart from|aside from|other than)\s+(?P<ex>[^,?]{1,60}?)"
               r"(?: itself)?,\s*", re.I),
    # "… such as X and Y", "…, e.g. X", "(for example X)": the examples to the clause's end
    re.compile(r",?\s*\(?\b(?:such as|e\.g\.,?|for example|for instance)\s+"
               r"(?P<ex>[^,?()!;]{1,60}?)\)?(?=\s*(?:[,?.!;)]|$))", re.I),
    # "…, like X or Y": after a comma only (a verb 'like' is never after one)
    re.compile(r",\s*(?:things |ones )?like\s+(?P<ex>[^,?()!;]{1,60}?)(?=\s*(?:[,?.!;]|$))",
               re.I),
)
# what may stand between examples: separators, quotes, "and", "or", a closing 等
_BETWEEN = re.compile(r"[\s、,，/'\"‘’“”「」]|\band\b|\bor\b|\bthe\b|和|或者?|及|与|跟|等|还有")


# 崇启大桥那几条通道: the examples then the kind they are of, said with a demonstrative
_THOSE = re.compile(r"(?:那|这)几?[条个座家些项种]?(?P<kind>[\u4e00-\u9fff]{1,4})\s*$")


def _kind_after(rest: str) -> str:
    """The words outside the names less a closing 那几条<kind word> (see `_THOSE`)."""
    from queries.ask.reading import label_word_set

    found = _THOSE.search(rest)
    if found is None or found.group("kind") not in label_word_set():
        return rest
    return rest[:found.start()]


@dataclass(frozen=True)
class Examples:
    """A question with its examples cut out, and the entities they name."""

    bare: str
    said: str  # the examples as the analyst wrote them
    named: tuple[Mention, ...]


def without_examples(question: str, gaz: Gazetteer) -> Examples | None:
    """The question without the examples it gives of its answer (see above), or None when it
    gives none: every word of a frame's span must be a name the graph holds (or a separator),
    so that 比如说南通有哪些园区 is never cut."""
    from queries.ask.colloquial import ASKING
    from queries.ask.text import names_in

    for frame in _FRAMES:
        found = frame.search(question)
        if found is None:
            continue
        span = found.group("ex")
        q, named = names_in(span, gaz)
        if not named:
            continue
        rest = "".join(ch for i, ch in enumerate(q)
                       if not any(m.start <= i < m.end for m in named))
        if _BETWEEN.sub("", _kind_after(rest)).strip():
            continue  # words that are not names: not a list of examples
        bare = question[:found.start()] + question[found.end():]
        if not bare.strip() or not ASKING.search(bare):
            continue
        return Examples(bare, span.strip(" '\"‘’“”"), named)
    return None


def examples_note(examples: Examples, listed: set[str], gaz: Gazetteer) -> str:
    """What the answer says of the examples the analyst gave: listed, or not among them."""
    parts = []
    for m in examples.named:
        names = "/".join(gaz.entities[i].name for i in m.ids if i in gaz.entities)
        where = "listed" if set(m.ids) & listed else "not in this answer"
        parts.append(f"{m.text} ({names}: {where})")
    return (f"Named as examples or as ones already known, not as what it is about: "
            f"{'; '.join(parts)}."
            if parts else "")

