"""The errors a query raises, one hierarchy, each message ready to show a user."""

from __future__ import annotations

from graph.model import Entity


class QueryError(Exception):
    """A question that cannot be answered as asked."""


class EntityNotFound(QueryError):
    def __init__(self, text: str, suggestions: list[Entity]) -> None:
        self.text = text
        self.suggestions = suggestions
        hint = ""
        if suggestions:
            hint = "; did you mean: " + ", ".join(
                f"{e.display} [{e.id}]" for e in suggestions)
        super().__init__(f"no entity matches {text!r}{hint}")


class AmbiguousEntity(QueryError):
    def __init__(self, text: str, candidates: list[Entity]) -> None:
        self.text = text
        self.candidates = candidates
        listed = ", ".join(f"{e.display} [{e.id}]" for e in candidates)
        super().__init__(f"{text!r} is ambiguous: {listed}. Use a fuller name or the id")


class NoLinks(QueryError):
    def __init__(self, a: Entity, b: Entity, via: str, max_len: int) -> None:
        kind = "entity" if via == "any" else via
        super().__init__(f"no {kind} links {a.display} and {b.display} within {max_len} hops")


class NoPath(QueryError):
    def __init__(self, a: Entity, b: Entity, max_len: int) -> None:
        super().__init__(f"no path of up to {max_len} hops between {a.display} and {b.display}")
