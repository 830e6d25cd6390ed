"""Read YAML and CSV input safely, keeping the line of every mapping and key.

Input is untrusted: binary files, non-UTF-8 text and YAML alias bombs are refused before any
parsing work is spent on them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import stat
from collections.abc import Iterator
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


class YamlNumber(str):
    """A plain YAML number kept as written (`name: 2020`): text, but not written as text."""


class YamlDate(str):
    """A plain YAML date as an ISO string (`name: 2020-01-01`): text, not written as text."""


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: Path) -> int:
    """A file descriptor of `path`, or an InputError if it is not a regular file.

    Opened without blocking (a FIFO would wait for a writer forever) and checked on the open
    descriptor, so the file cannot be swapped between the check and the read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(LoadError(path, None, None, f"cannot read file: {exc.strerror}")) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError(LoadError(path, None, None,
                                   f"is {_kind(mode)}: expected a regular file"))
    return fd


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, reading at most `limit` + 1 of them (never all of
    /dev/zero)."""
    fd = open_regular(path)
    try:
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(LoadError(path, None, None, f"cannot read file: {exc.strerror}")) from None
    if len(raw) > limit:
        raise InputError(LoadError(path, None, None, f"file is larger than {limit} bytes"))
    return raw


def stream_decode(path: Path, *, limit: int = MAX_BYTES,
                  chunk_bytes: int = 1 << 20) -> Iterator[str]:
    """The text of a regular file, decoded as UTF-8 piece by piece (at most `limit` bytes read
    past the check): a big document is never held whole."""
    import codecs

    fd = open_regular(path)
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    total, line = 0, 1
    with os.fdopen(fd, "rb") as fh:
        while True:
            try:
                raw = fh.read(min(chunk_bytes, limit + 1 - total))
            except OSError as exc:
                raise InputError(LoadError(path, None, None,
                                           f"cannot read file: {exc.strerror}")) from None
            total += len(raw)
            if total > limit:
                raise InputError(LoadError(path, None, None,
                                           f"file is larger than {limit} bytes"))
            if b"\x00" in raw:
                raise InputError(LoadError(
                    path, line + raw[: raw.index(b"\x00")].count(b"\n"), None,
                    "binary data (NUL byte): expected a UTF-8 text file"))
            try:
                text = decoder.decode(raw, final=not raw)
            except UnicodeDecodeError as exc:
                at = line + raw[: max(exc.start, 0)].count(b"\n")
                byte = total - len(raw) + max(exc.start, 0)
                raise InputError(LoadError(path, at, None,
                                           f"not valid UTF-8 (byte {byte}); {_hint(raw)}")
                                 ) from None
            line += raw.count(b"\n")
            if text:
                yield text
            if not raw:
                return


def _hint(raw: bytes) -> str:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return "save it as UTF-8"
    return "it looks GBK/GB18030-encoded: save it as UTF-8"


def decode(path: Path) -> str:
    """The file's text, or an InputError saying why it is not readable UTF-8 text."""
    raw = read_bounded(path)
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
        return YamlDate(value.isoformat())
    return value


_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


def _build(path: Path, node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _build(path, key_node, constructor)
            if not isinstance(key, str):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in out:  # PyYAML keeps the last silently: the first would be lost
                raise InputError(LoadError(path, line, key,
                                           f"duplicate key (first at line {out.key_lines[key]})"))
            out[key] = _build(path, value_node, constructor)
            out.key_lines[key] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_build(path, item, constructor) for item in node.value)
        seq.line = node.start_mark.line + 1
        return seq
    if node.tag in _NUMBER_TAGS and not node.style:  # plain (C loader: "", Python: None)
        # YAML 1.1 reads 0320600 as octal, 1:30 as base 60 and 2020.10 as 2020.1: keep the
        # text as written; the record models parse real numbers from it.
        return YamlNumber(node.value)
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
            return _build(path, node, loader)
        finally:
            loader.dispose()
    except RecursionError:
        raise InputError(LoadError(path, None, None, "YAML nested too deeply")) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem and exc.context_mark and exc.context_mark != mark:
            problem += f" ({exc.context} started at line {exc.context_mark.line + 1})"
        raise InputError(LoadError(path, line, None, f"YAML syntax error: {problem}")) from None
    except yaml.YAMLError as exc:
        raise InputError(LoadError(path, None, None, f"YAML error: {exc}")) from None


def _unneutralised(cell: str) -> str:
    """A cell without the apostrophe `estuary export -f csv` puts before =, +, -, @ (so that
    spreadsheets do not run it as a formula)."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def parse_csv(path: Path, text: str) -> LineDict:
    """A CSV of relations (header: type,from,to,source,evidence,…) as a `relations:` mapping."""
    # strict: an unterminated quote is an error, not the rest of the file in one cell.
    reader = csv.DictReader(io.StringIO(text), strict=True)
    first_line = 1
    try:
        header = reader.fieldnames
        if not header:
            raise InputError(LoadError(path, 1, None, "empty CSV: expected a header row"))
        repeated = sorted({h for h in header if header.count(h) > 1})
        if repeated:
            raise InputError(LoadError(path, 1, None,
                                       f"header names a column twice: {', '.join(repeated)}"))
        if "type" not in header:
            raise InputError(LoadError(
                path, 1, None, "no 'type' column: expected a comma-separated header such as "
                "type,from,to,source,evidence"))
        rows = LineList()
        rows.line = 2
        first_line = 2
        for row in reader:
            item = LineDict()
            item.line = first_line  # where the row starts (a quoted cell may span lines)
            item.key_lines = {}
            if None in row:
                raise InputError(LoadError(path, first_line, None,
                                           "more cells than header columns"))
            for key, value in row.items():
                if value not in (None, ""):
                    item[key] = _unneutralised(value)
                    item.key_lines[key] = first_line
            rows.append(item)
            first_line = reader.line_num + 1
    except csv.Error as exc:
        message = f"CSV error: {exc}"
        if "unexpected end of data" in str(exc):
            message = (f"CSV error: a quoted cell starting at line {first_line} is never closed "
                       "(a missing \"?)")
        raise InputError(LoadError(path, first_line, None, message)) from None
    doc = LineDict(relations=rows)
    doc.line = 1
    doc.key_lines = {"relations": 1}
    return doc
