"""Where the graph lives: the settings a store is opened with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STORES = ("embedded", "neo4j")


@dataclass(frozen=True)
class StoreSettings:
    """Where the graph lives; fields left None fall back to the environment."""

    kind: str = "embedded"
    db: Path | None = None
    neo4j_uri: str | None = None
    neo4j_user: str | None = None
    neo4j_password: str | None = None
    neo4j_database: str | None = None
