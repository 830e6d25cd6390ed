"""What every question's answer offers its renderers: a title, a JSON form and a subgraph."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from graph.model import Subgraph


@runtime_checkable
class Result(Protocol):
    """The answer to one question, whichever store answered it.

    `to_dict` is its JSON form (plain data, one key order on both stores); `subgraph` is the
    part of the graph that shows it (what `--html` draws); `title` names it in one line.
    """

    @property
    def title(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...

    def subgraph(self) -> Subgraph: ...
