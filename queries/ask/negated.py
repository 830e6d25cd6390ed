"""Whether a question says a negation anywhere (没, 不, 未, never, not, stopped): the readings
that read loosely (who_does, loose, narrower) do not apply to one, and a list asked with a
negation right before a relation's verb is refused (negation.py).

Kept apart from negation.py, which raises parsing's Unmappable, so that the readers parsing
imports can use it.
"""

from __future__ import annotations

import re

# Any negation, for the readings that read loosely (who_does, loose, narrower): 没, 不, 未,
# never, not, stopped; not 不同, 不断, 不仅, 不少, 不过 (but), 未来, 非常, 别的, 有没有, 是不是
# or an A-not-A.
_NOT_ZH = re.compile(r"(?:从未|尚未|并非|没有|没|不|未|非|(?<!分|区|特|个|级)别)"
                     r"(?!同|断|仅|少|过|但|久|错|论|管|然|如|止|光|只|外乎|少于|低于|限|一|来|常|"
                     r"的|人|处|具|遗)")
_NOT_EN = re.compile(r"\b(?:not|never|no longer|stopped|stop|ceased|quit|without|none|nobody|"
                     r"no one)\b|n't\b", re.IGNORECASE)
A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1|有没有|是不是")


# a negation right before a verb of a relation the graph records (没在搞, 不做, 从未采用), not
# "regardless of" (不管建成没建成都算)
NOT_VERB = re.compile(r"(?:从未|尚未|没有|没|不|未)(?:在|再|曾)?(?:搞|做|干|弄|推|发展|布局|采用|"
                       r"实行|加入|参与|共建|合作|投资)")
REGARDLESS = re.compile(r"不管|不论|无论|不算")


def says_not(question: str) -> bool:
    """Whether the question says a negation anywhere (not only in the shapes refused above)."""
    zh = A_NOT_A.sub("", question)
    return bool(_NOT_ZH.search(zh) or _NOT_EN.search(question))
