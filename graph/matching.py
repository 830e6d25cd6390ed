"""Which one entity a name means, among the candidates a store (or a file) offers.

The core the CLI's resolver (queries/resolve.py) and the loaders (names as relation ends in
input files) share, so a name means the same thing whether it is typed or written in a sheet.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.model import Entity
from graph.names import normalize


def choose(text: str, candidates: Iterable[Entity],
           label: str | None = None) -> tuple[Entity | None, list[Entity]]:
    """The entity `text` names among `candidates` (by id, or by one of their lookup keys), or
    None with the candidates it could mean (several: ambiguous; none: unknown)."""
    text = text.strip()
    unique = {e.id: e for e in candidates}
    matches = [unique[i] for i in sorted(unique)]
    if label:
        matches = [e for e in matches if e.label == label]
    exact_id = [e for e in matches if e.id == text]
    if exact_id:
        return exact_id[0], []
    if len(matches) == 1:
        return matches[0], []
    if len(matches) > 1:
        # A full name beats an alias: "苏州" is Suzhou even if some alias is also "苏州".
        key = normalize(text)
        by_name = [e for e in matches if key in (normalize(e.name), normalize(e.name_en))]
        if len(by_name) == 1:
            return by_name[0], []
        return None, matches
    return None, []
