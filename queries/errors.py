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
    def __init__(self, a: Entity, b: Entity, via: str, *, hints: tuple[str, ...] = (),
                 as_of: str | None = None, inside: bool = False) -> None:
        kind = "" if via == "any" else f"{via} "
        when = f" as of {as_of}" if as_of else ""
        if inside:
            hint = (f"; one lies in the other (LOCATED_IN): `estuary why {a.id} {b.id}` or "
                    f"`estuary path {a.id} {b.id}` shows how")
        else:
            hint = f"; try {' or '.join(hints)}" if hints and a.id != b.id else ""
        super().__init__(f"no {kind}link between {a.display} and {b.display}{when}{hint}")


class NoPath(QueryError):
    def __init__(self, a: Entity, b: Entity, max_len: int) -> None:
        super().__init__(f"no path of up to {max_len} hops between {a.display} and {b.display}")
