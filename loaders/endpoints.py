"""Names in input files: what entity a relation's end (or a sheet row without an id) means.

One resolver per load, over the entities of its files (indexed as they are read) and the
store's (`Store.find_by_key`), deciding with `graph.matching.choose`, the core the CLI's
resolver uses too, so a name means the same in a sheet as on the command line.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.matching import choose
from graph.model import Entity
from graph.names import normalize, pinyin
from graph.schema import TRAVERSAL_EXCLUDED_LABELS

# The store's entities a name (id, name, alias, pinyin) may mean: `Store.find_by_key`.
FindByKey = Callable[[str], list[Entity]]


class Names:
    """The entities of the files read so far and of the store, by every name they answer to."""

    def __init__(self, entities: dict[str, Entity], find: FindByKey | None) -> None:
        self.entities = entities  # the load's entities by id (the bundle's, growing)
        self.find = find
        self._by_key: dict[str, list[Entity]] = {}
        self._resolved: dict[tuple[str, frozenset[str]], tuple[str | None, str]] = {}
        self._names: list[tuple[str, str]] | None = None

    def add(self, entity: Entity) -> None:
        """Index an entity just read (sources are named by id only, as on the CLI)."""
        if entity.label not in TRAVERSAL_EXCLUDED_LABELS:
            for key in entity.keys:
                self._by_key.setdefault(key, []).append(entity)

    def candidates(self, text: str) -> list[Entity]:
        """Entities of the files and the store that `text` may name (duplicates possible)."""
        found = list(self._by_key.get(normalize(text), ()))
        if text in self.entities:
            found.append(self.entities[text])
        return found + (self.find(text) if self.find else [])

    def existing(self, name: str, label: str) -> Entity | None:
        """The one entity of this label `name` means, if there is one."""
        entity, _ = choose(name, [e for e in self.candidates(name) if e.label == label], label)
        return entity

    def resolve(self, text: str, allowed: frozenset[str]) -> tuple[str | None, str]:
        """The id `text` means at an end that allows these labels, or None and why not (the
        candidates, or suggestions)."""
        key = (text, allowed)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(text, allowed)
        return self._resolved[key]

    def _resolve(self, text: str, allowed: frozenset[str]) -> tuple[str | None, str]:
        entity, several = choose(text, self.candidates(text))
        if entity is None and several:
            # Several things have this name: the relation type may allow only one of them.
            fitting = [e for e in several if e.label in allowed]
            entity, _ = choose(text, fitting) if fitting else (None, [])
            if entity is None:
                listed = ", ".join(f"{e.display} [{e.id}]" for e in several[:8])
                return None, (f"{text!r} is ambiguous: {listed}. Write the id, or a fuller "
                              "name")
        if entity is None:
            return None, f"no entity is named {text!r}{self._suggest(text)}"
        return entity.id, ""

    def _suggest(self, text: str) -> str:
        from rapidfuzz import fuzz, process

        # A homophone is the commonest slip of a pinyin keyboard: 苏洲 for 苏州.
        sound = pinyin(text)
        alike = sorted({e.id: e for e in self.candidates(sound)}.values(),
                       key=lambda e: e.id) if sound else []
        if alike:
            return "; did you mean: " + ", ".join(f"{e.name} [{e.id}]" for e in alike[:3])
        if self._names is None:
            self._names = sorted({(e.name, e.id) for e in self.entities.values()
                                  if e.label not in TRAVERSAL_EXCLUDED_LABELS})
        matches = process.extract(text, [n for n, _ in self._names], scorer=fuzz.WRatio,
                                  limit=3, score_cutoff=60)
        if not matches:
            return ": write an id (label:slug) or add the entity to the file"
        return "; did you mean: " + ", ".join(
            f"{self._names[i][0]} [{self._names[i][1]}]" for _, _, i in matches)
