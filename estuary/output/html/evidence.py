"""What the page needs besides nodes and edges: sources, the ranked answer, what matters most.

Payload parts built here (indices are into the page's sorted node and edge lists):

* ``sources``: ``[id, title, publisher, published, url]`` per cited Source, sorted by id; the
  url only when it is an ``http(s)`` address (anything else, e.g. ``javascript:`` or a local
  file, is dropped: the page turns it into a link).
* ``answers``: ``[rank, node, title, kind, strength, strength_text, [source], [edge]]`` per
  `AnswerRow`, best first; the edge list is empty when the row names no path (the page then
  lights the edges touching the node).
* ``order``: node indices by importance (endpoints, answers by rank, other results, then by
  degree): the page labels the first ones at load and the rest on zoom.
* ``collapse``: ``[hub, [leaf, ...]]`` for big graphs: leaves (one neighbour) of a hub with
  many of them start hidden behind the hub until it is double-clicked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from graph.model import AnswerRow, Entity, Relation

COLLAPSE_MIN_NODES = 300  # above this many nodes, hubs' leaves start collapsed
COLLAPSE_MIN_LEAVES = 4  # ... when a hub has at least this many
ORDER_MAX = 600  # importance order kept in the payload (the page labels far fewer)

_WEB = re.compile(r"^https?://[^\s\"'<>\\]+$", re.I)


def source_ids(value: Any) -> list[str]:
    """The source ids an entity's ``source`` property names (a string or a list)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, str) and v]
    return []


def web_address(value: Any) -> str:
    """``value`` if it is an http(s) address that is safe to put in a link, else ""."""
    return value.strip() if isinstance(value, str) and _WEB.match(value.strip()) else ""


def source_table(cited: Iterable[str], known: Mapping[str, Entity]) -> tuple[
        list[list[str]], dict[str, int]]:
    """One row per cited source id (sorted), with what `known` says about it."""
    rows: list[list[str]] = []
    for sid in sorted(set(cited)):
        e = known.get(sid)
        props = e.props if e is not None else {}
        title = str(props.get("title") or (e.name if e is not None else ""))
        rows.append([sid, title, str(props.get("publisher") or props.get("author") or ""),
                     str(props.get("published") or ""), web_address(props.get("url"))])
    return rows, {row[0]: i for i, row in enumerate(rows)}


def answer_rows(answers: Iterable[AnswerRow], index: Mapping[str, int],
                edges: list[Relation], src_index: Mapping[str, int]) -> list[list[Any]]:
    """The ranked answer as payload rows; rows whose node is not drawn are left out."""
    answers = list(answers)
    if not answers:
        return []
    by_pair: dict[tuple[str, str], list[int]] = {}
    for k, r in enumerate(edges):
        by_pair.setdefault((r.start, r.end), []).append(k)
    out = []
    for row in sorted(answers, key=lambda a: (a.rank, a.entity)):
        node = index.get(row.entity)
        if node is None:
            continue
        ks = sorted({k for pair in row.path_edges for k in by_pair.get(tuple(pair), ())})
        srcs = sorted({src_index[s] for s in row.sources if s in src_index})
        strength = row.strength if isinstance(row.strength, (int, float)) else 0
        out.append([row.rank, node, row.title, row.kind, strength, row.strength_text, srcs,
                    ks])
    return out


def importance(n: int, degree: list[int], focus: Iterable[int], answers: list[list[Any]],
               result: Iterable[int]) -> list[int]:
    """Node indices, most important first (see the module docstring); at most ORDER_MAX."""
    order: list[int] = []
    seen = bytearray(n)
    results = sorted(result, key=lambda i: (-degree[i], i))
    for i in [*sorted(focus), *(a[1] for a in answers), *results]:
        if not seen[i]:
            seen[i] = 1
            order.append(i)
    order += sorted((i for i in range(n) if not seen[i]), key=lambda i: (-degree[i], i))
    return order[:ORDER_MAX]


def collapsible(n: int, pairs: list[tuple[int, int]], keep: set[int]) -> list[list[Any]]:
    """Hubs and their leaves to hide at load (big graphs only; never a node in `keep`)."""
    if n <= COLLAPSE_MIN_NODES:
        return []
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for a, b in pairs:
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    leaves: dict[int, list[int]] = {}
    for i in range(n):
        if len(neighbours[i]) == 1 and i not in keep:
            (hub,) = neighbours[i]
            if len(neighbours[hub]) > 1:  # a hub, not the other end of a lone pair
                leaves.setdefault(hub, []).append(i)
    return [[hub, sorted(ls)] for hub, ls in sorted(leaves.items())
            if len(ls) >= COLLAPSE_MIN_LEAVES]
