"""Read YAML and CSV input safely, keeping the line of every mapping and key.

Input is untrusted: binary files, non-UTF-8 text and YAML alias bombs are refused before any
parsing work is spent on them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import yaml

from loaders.errors import LoadError

MAX_BYTES = 50 * 1024 * 1024  # a hand-written dataset is far smaller; bigger is a mistake


class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list):
    line: int = 0


class InputError(Exception):
    def __init__(self, error: LoadError) -> None:
        self.error = error
        super().__init__(str(error))


def decode(path: Path) -> str:
    """The file's text, or an InputError saying why it is not readable UTF-8 text."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(LoadError(path, None, None, f"cannot read file: {exc.strerror}")) from None
    if len(raw) > MAX_BYTES:
        raise InputError(LoadError(path, None, None, f"file is larger than {MAX_BYTES} bytes"))
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError(LoadError(path, line, None,
                                   "binary data (NUL byte): expected a UTF-8 text file"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = "save it as UTF-8"
        try:
            raw.decode("gb18030")
            hint = "it looks GBK/GB18030-encoded: save it as UTF-8"
        except UnicodeDecodeError:
            pass
        raise InputError(LoadError(path, line, None,
                                   f"not valid UTF-8 (byte {exc.start}); {hint}")) from None


def _plain(value: Any) -> Any:
    # YAML turns 2009-09-28 into a date; the graph stores ISO strings.
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _build(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _build(key_node, constructor)
            if not isinstance(key, str):
                key = str(key)
            out[key] = _build(value_node, constructor)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_build(item, constructor) for item in node.value)
        seq.line = node.start_mark.line + 1
        return seq
    return _plain(constructor.construct_object(node, deep=True))


def parse_yaml(path: Path, text: str) -> Any:
    """Parse YAML into LineDict/LineList trees; aliases are refused (no alias bombs)."""
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for event in yaml.parse(text, Loader=loader_cls):
            if isinstance(event, yaml.AliasEvent):
                raise InputError(LoadError(
                    path, event.start_mark.line + 1, None,
                    f"YAML alias '*{event.anchor}' is not allowed: write the value out"))
        loader = loader_cls(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            return _build(node, loader)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.context_mark and exc.context_mark != mark:
            problem += f" ({exc.context} started at line {exc.context_mark.line + 1})"
        raise InputError(LoadError(path, line, None, f"YAML syntax error: {problem}")) from None
    except yaml.YAMLError as exc:
        raise InputError(LoadError(path, None, None, f"YAML error: {exc}")) from None


def parse_csv(path: Path, text: str) -> LineDict:
    """A CSV of relations (header: type,from,to,source,evidence,…) as a `relations:` mapping."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError(LoadError(path, 1, None, "empty CSV: expected a header row"))
    rows = LineList()
    rows.line = 2
    for row in reader:
        item = LineDict()
        item.line = reader.line_num
        item.key_lines = {}
        if None in row:
            raise InputError(LoadError(path, reader.line_num, None,
                                       "more cells than header columns"))
        for key, value in row.items():
            if value not in (None, ""):
                item[key] = value
                item.key_lines[key] = reader.line_num
        rows.append(item)
    doc = LineDict(relations=rows)
    doc.line = 1
    doc.key_lines = {"relations": 1}
    return doc


def read_document(path: Path) -> Any:
    """Decode and parse one input file by its suffix."""
    text = decode(path)
    if not text.strip():
        raise InputError(LoadError(path, None, None,
                                   "file is empty: expected `sources`, `entities` or `relations`"))
    if path.suffix.lower() == ".csv":
        return parse_csv(path, text)
    return parse_yaml(path, text)
