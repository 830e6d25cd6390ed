"""Load errors that name the file, the line and the field, so a user can fix the input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


@dataclass(frozen=True)
class LoadError:
    """One problem in one input file."""

    path: Path
    line: int | None
    field: str | None
    message: str
    column: str | None = None  # a spreadsheet's column letter (A, B, …), for sheets

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        # One line, always: a parser's message may span several.
        return f"{where}:{field} {_LINE_BREAKS.sub(' ', self.message.strip())}"


class ValidationFailed(Exception):
    """Raised when input files do not validate; nothing of them may be loaded."""

    def __init__(self, errors: list[LoadError], total: int | None = None,
                 warnings: list[str] | None = None) -> None:
        self.errors = errors  # the first few, to show
        self.total = total if total is not None else len(errors)
        self.warnings = warnings or []  # e.g. a file that may be cut off: worth saying too
        super().__init__("\n".join(str(e) for e in errors))
