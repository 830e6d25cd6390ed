"""How big one record may be: the same limits for both stores, checked when input is validated.

A store must never be the first to notice a value is too large (Neo4j refuses an indexed
property over ~8 kB with a raw driver error; the embedded store would take 100,000-character
ids and slow every lookup), so the loaders check these before any store sees the data, and
the error names the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# The text property a limit applies to (by name); any other text property gets `text_length`.
FIELD_LIMITS: dict[str, str] = {
    "id": "id_length", "source": "id_length", "from": "id_length", "to": "id_length",
    "name": "name_length", "name_en": "name_length", "aliases": "name_length",
    "description": "description_length", "evidence": "evidence_length",
    "note": "description_length",
}


@dataclass(frozen=True)
class Limits:
    """Upper bounds on one record; `relations_per_file` can be raised (`--max-relations`)."""

    id_length: int = 120  # well under Neo4j's index key limit, whatever the characters
    name_length: int = 200  # a name, English name or alias
    aliases_per_entity: int = 64
    description_length: int = 5_000  # description, note
    evidence_length: int = 2_000  # a quote: one sentence, not a chapter
    text_length: int = 5_000  # any other text property (title, url, role, …)
    relations_per_file: int = 100_000
    entities_per_file: int = 100_000

    def for_field(self, name: str) -> int:
        """The length limit of a text property."""
        return getattr(self, FIELD_LIMITS.get(name, "text_length"))

    def raised(self, *, relations_per_file: int | None = None) -> Limits:
        return self if relations_per_file is None else replace(
            self, relations_per_file=relations_per_file)


DEFAULT_LIMITS = Limits()
