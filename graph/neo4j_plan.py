"""Planning a Neo4j load: every row in a fixed order, each with its estimated transaction
memory, cut into batches that fit a budget (graph/neo4j_load.py runs them).

The estimate is a fixed cost per row plus a cost per character of the row's JSON, measured
on the server (bench/neo4j_txmem.py, bench/bench_load.py; docs/benchmarks.md), so wide rows
get smaller batches. The fixed order (labels, then types, ids sorted) is what lets an
interrupted load resume at a row offset, and its digest what tells the same rows again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph import cypher
from graph.model import Entity, Relation
from graph.schema import LABELS, REL_TYPES

if TYPE_CHECKING:
    from graph.bundle import Bundle

# Per-row transaction memory on Neo4j 5.26, a fixed cost per row plus a cost per character
# of the row's JSON. bench/neo4j_txmem.py measured it after each batch (entities about 2,900
# + 2.8/char, relations about 1,400 + 2.0/char); bench/bench_load.py sampled the peak during
# the batches, about twice that for entities (the query's own working memory), so these are
# the peak figures (see docs/benchmarks.md).
ROW_BYTES = {"entities": 6_500, "relations": 3_200, "meta": 1_000}
BYTES_PER_CHAR = {"entities": 6, "relations": 4, "meta": 3}
MAX_BATCH_ROWS = 20_000  # beyond this, bigger batches gain nothing


def entity_row(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "props": cypher.node_properties(entity)}


def relation_row(rel: Relation) -> dict[str, Any]:
    return {"start": rel.start, "end": rel.end, "source": rel.source,
            "props": cypher.relationship_properties(rel)}


@dataclass
class Step:
    """Rows of one kind that one query writes; `sizes` are their estimated bytes."""

    kind: str  # entities | relations | meta
    name: str  # label or relationship type
    rows: list[dict[str, Any]]
    sizes: list[int]


def _row_text(row: dict[str, Any]) -> str:
    """A row as the digest reads it (its length, the same in any key order, sizes it)."""
    return json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)


def _row_bytes(kind: str, row: dict[str, Any]) -> int:
    return ROW_BYTES[kind] + BYTES_PER_CHAR[kind] * len(_row_text(row))


def plan(bundle: Bundle, *, sized: bool = True,
         kinds: tuple[str, ...] = ("entities", "relations")) -> list[Step]:
    """Every row of the bundle in one fixed order (labels, then types; ids sorted), so an
    interrupted load resumes at a row offset. Without `sized`, no estimates (`sizes` all
    0): the bulk path writes files, not transactions. `kinds` leaves out the nodes' or the
    relationships' steps (the bulk path writes the two in two processes)."""
    return _plan(bundle, sized, None, kinds)


def plan_and_digest(bundle: Bundle) -> tuple[list[Step], str]:
    """plan(bundle) and digest() of it, reading each row's JSON once for both."""
    h = hashlib.sha256()
    steps = _plan(bundle, True, h)
    return steps, h.hexdigest()[:24]


def _plan(bundle: Bundle, sized: bool, h: Any,
          kinds: tuple[str, ...] = ("entities", "relations")) -> list[Step]:
    def step(kind: str, name: str, rows: list[dict[str, Any]]) -> Step:
        if not sized:
            return Step(kind, name, rows, [0] * len(rows))
        if h is None:
            return Step(kind, name, rows, [_row_bytes(kind, r) for r in rows])
        h.update(f"{kind}:{name}:{len(rows)}\n".encode())
        fixed, per_char, sizes = ROW_BYTES[kind], BYTES_PER_CHAR[kind], []
        for row in rows:
            text = _row_text(row)
            h.update(text.encode())
            sizes.append(fixed + per_char * len(text))
        return Step(kind, name, rows, sizes)

    steps: list[Step] = []
    by_label: dict[str, list[Entity]] = {}
    for entity in bundle.entities.values() if "entities" in kinds else ():
        by_label.setdefault(entity.label, []).append(entity)
    for name in LABELS:
        rows = [entity_row(e) for e in sorted(by_label.get(name, []), key=lambda e: e.id)]
        if rows:
            steps.append(step("entities", name, rows))
    by_type: dict[str, list[Relation]] = {}
    for rel in bundle.relations.values() if "relations" in kinds else ():
        by_type.setdefault(rel.type, []).append(rel)
    for name in REL_TYPES:
        rels = sorted(by_type.get(name, []), key=lambda r: (r.start, r.end, r.source))
        rows = [relation_row(r) for r in rels]
        if rows:
            steps.append(step("relations", name, rows))
    return steps


def digest(steps: list[Step], meta: dict[str, str] | None = None) -> str:
    """A fingerprint of the rows a load writes, so a resume is checked to write the same ones.

    The metadata is left out: it is written once, at the end, and may carry the time of the
    load (the ledger of loaded files), which a resume sets anew.
    """
    del meta
    h = hashlib.sha256()
    for step in steps:
        h.update(f"{step.kind}:{step.name}:{len(step.rows)}\n".encode())
        for row in step.rows:
            h.update(_row_text(row).encode())
    return h.hexdigest()[:24]


def batches(steps: list[Step], budget: int, start: int = 0
            ) -> Iterator[tuple[Step, int, int]]:
    """(step, first, end) slices of at most `budget` estimated bytes (and MAX_BATCH_ROWS),
    skipping the first `start` rows of the whole plan."""
    offset = 0
    for step in steps:
        n = len(step.rows)
        i = max(0, min(n, start - offset))
        while i < n:
            j, used = i, 0
            while j < n and j - i < MAX_BATCH_ROWS and (j == i or used + step.sizes[j] <= budget):
                used += step.sizes[j]
                j += 1
            yield step, i, j
            i = j
        offset += n


_SIZE = re.compile(r"^\s*([\d.]+)\s*([KMGT]?i?B?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


def parse_bytes(text: str) -> int | None:
    match = _SIZE.match(text or "")
    if not match:
        return None
    return int(float(match.group(1)) * _UNITS[match.group(2)[:1].lower()])
