"""The CSV files of Neo4j's offline importer (`neo4j-admin database import full`) for a
bundle: the same nodes, relationships and property values an online load writes.

A column of the importer has one type, so rows are grouped by the types of their values
(one file per label or relationship type and value signature): an int stays a long where a
float in the same property elsewhere is a double, as an online load stores them. A value the
importer's text cannot carry exactly (an empty list, a list of mixed types, a list item that
is empty or holds the array delimiter, a string with a NUL, an int beyond 64 bits, a
non-finite float) is left out of the files and written online after the import, as the
same SET an online load runs (`Residue`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph import cypher
from graph.neo4j_plan import Step, plan
from graph.store import StoreError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from graph.bundle import Bundle

ARRAY_DELIMITER = "\u001f"  # the ASCII unit separator: never in a name; checked anyway
_LONG = (-(2**63), 2**63 - 1)
# A key the importer's header reads back as itself (no name:type colon, no quoting).
_KEY = re.compile(r"[^:,\"\s]+")


@dataclass
class Residue:
    """What the files do not carry, written online after the import: properties of imported
    nodes by id, and whole relationships by type."""

    node_props: list[list[Any]] = field(default_factory=list)  # [id, {key: value}]
    relations: dict[str, list[list[Any]]] = field(default_factory=dict)  # [start, end, props]

    def __len__(self) -> int:
        return len(self.node_props) + sum(len(r) for r in self.relations.values())


def _text_ok(value: str) -> bool:
    return "\x00" not in value


def kind_of(value: Any) -> str | None:
    """The importer's type that carries `value` exactly, or None if none does."""
    kind = type(value)
    if kind is str:  # (the common cases first: this runs for every value of a big load)
        return "string" if "\x00" not in value else None
    if kind is list and value and all(type(v) is str for v in value):
        return "string[]" if all(v and ARRAY_DELIMITER not in v and "\x00" not in v
                                 for v in value) else None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long" if _LONG[0] <= value <= _LONG[1] else None
    if isinstance(value, float):
        return "double" if math.isfinite(value) else None
    if isinstance(value, str):
        return "string" if _text_ok(value) else None
    if isinstance(value, list | tuple) and value:
        kinds = {kind_of(v) if not isinstance(v, list | tuple) else None for v in value}
        if len(kinds) != 1 or None in kinds:
            return None
        (kind,) = kinds
        if kind == "string" and any(v == "" or ARRAY_DELIMITER in v for v in value):
            return None  # an empty item or the delimiter would not split back the same
        return f"{kind}[]"
    return None


def _quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


# The text of a value of each kind, one function a kind: no branching on
# the kind for each of the millions of cells of a big load.
_CELL_OF: dict[str, Callable[[Any], str]] = {
    "string": _quoted,
    "boolean": lambda v: "true" if v else "false",
    "long": str,
    "double": repr,
    "string[]": lambda v: _quoted(ARRAY_DELIMITER.join(v)),
    "long[]": lambda v: ARRAY_DELIMITER.join(map(str, v)),
    "double[]": lambda v: ARRAY_DELIMITER.join(map(repr, v)),
    "boolean[]": lambda v: ARRAY_DELIMITER.join("true" if x else "false" for x in v),
}
_KEY_OK: dict[str, bool] = {}  # _KEY.fullmatch by key, asked once a key


def _kind(value: Any) -> str | None:
    """kind_of, with the common cases of a load (a string, a list of strings) first."""
    kind = type(value)
    if kind is str:
        return "string" if "\x00" not in value else None
    if kind is list and value:
        try:
            joined = "".join(value)
        except TypeError:  # not all strings
            return kind_of(value)
        if all(value) and ARRAY_DELIMITER not in joined and "\x00" not in joined:
            return "string[]"
        return None
    return kind_of(value)


def _split(props: dict[str, Any], skip: str | None = None) -> tuple[
        tuple[tuple[str, str], ...], list[str], dict[str, Any]]:
    """(signature, cells of the values carried, residue) of one row's properties (None:
    not stored)."""
    signature, cells, rest = [], [], {}
    for key in sorted(props):
        value = props[key]
        if value is None or key == skip:
            continue
        ok = _KEY_OK.get(key)
        if ok is None:
            ok = _KEY_OK[key] = bool(_KEY.fullmatch(key))
        kind = _kind(value) if ok else None
        if kind is None:
            rest[key] = value
        else:
            signature.append((key, kind))
            cells.append(_CELL_OF[kind](value))
    return tuple(signature), cells, rest


class _Files:
    """Open CSV files, one per (label or type, value signature)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.open: dict[tuple[str, str, tuple[tuple[str, str], ...]], Any] = {}
        self.args: list[str] = []

    def write(self, kind: str, name: str, signature: tuple[tuple[str, str], ...],
              ends: list[str], cells: list[str]) -> None:
        key = (kind, name, signature)
        f = self.open.get(key)
        if f is None:
            path = self.folder / f"{kind}-{name}-{len(self.open)}.csv"
            f = self.open[key] = path.open("w", encoding="utf-8", newline="")
            f.write(",".join([*ends, *(f'"{k}:{t}"' for k, t in signature)]) + "\n")
            self.args.append(f"--nodes={cypher.ENTITY}:{name}={path}" if kind == "entities"
                             else f"--relationships={name}={path}")
        f.write(",".join(cells) + "\n")

    def close(self) -> None:
        for f in self.open.values():
            f.close()


NODE_ENDS = ['"id:ID"']
RELATIONSHIP_ENDS = ['":START_ID"', '":END_ID"']


def write_csvs(steps: list[Step], folder: Path) -> tuple[list[str], Residue]:
    """Write the rows of a load plan (graph/neo4j_plan.plan) as the importer's CSV files in
    `folder`; return the importer's --nodes/--relationships arguments and the residue."""
    files, residue = _Files(folder), Residue()
    try:
        for step in steps:
            if step.kind == "entities":
                for row in step.rows:
                    signature, cells, rest = _split(row["props"], skip="id")
                    if rest:
                        residue.node_props.append([row["id"], rest])
                    files.write("entities", step.name, signature, NODE_ENDS,
                                [_quoted(row["id"]), *cells])
            else:
                for row in step.rows:
                    signature, cells, rest = _split(row["props"])
                    if rest:  # the whole relationship online: it is found by no other key
                        residue.relations.setdefault(step.name, []).append(
                            [row["start"], row["end"], row["props"]])
                        continue
                    files.write("relations", step.name, signature, RELATIONSHIP_ENDS,
                                [_quoted(row["start"]), _quoted(row["end"]), *cells])
    finally:
        files.close()
    return files.args, residue


def write_bundle_csvs(bundle: Bundle, folder: Path) -> tuple[list[str], Residue]:
    """write_csvs of the whole bundle, the relationships' files written by a forked process
    while this one writes the nodes' (the rows are pure Python work, and the importer too
    uses every CPU). Where fork is not offered, all in this process."""
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return write_csvs(plan(bundle, sized=False), folder)
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_write_relationships, args=(bundle, folder, writer),
                            name="estuary-bulk-csv", daemon=True)
    child.start()
    writer.close()
    try:
        args, residue = write_csvs(plan(bundle, sized=False, kinds=("entities",)), folder)
        try:
            status, result = reader.recv()
        except EOFError:
            status, result = "error", "the process exited without an answer"
    finally:
        reader.close()
        child.join()
    if status != "ok":
        raise StoreError(f"writing the relationships' CSV files failed: {result}")
    rel_args, rel_residue = result
    residue.relations = rel_residue.relations
    return [*args, *rel_args], residue


def _write_relationships(bundle: Bundle, folder: Path, answer: Connection) -> None:
    """The forked half of write_bundle_csvs."""
    try:
        result = write_csvs(plan(bundle, sized=False, kinds=("relations",)), folder)
        answer.send(("ok", result))
    except Exception as exc:  # (said to the parent, which raises it)
        answer.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        answer.close()


def importer_options(threads: int) -> list[str]:
    """The importer's options that read these files as written."""
    return ["--multiline-fields=true", f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
            "--quote=\"", "--delimiter=,", "--ignore-empty-strings=false",
            "--trim-strings=false", f"--threads={threads}"]
