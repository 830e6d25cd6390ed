"""What a command tells its renderers besides the result: whether to mark undated relations.

A module of its own, importing nothing, so that opening a store for `--json` does not import
every console renderer (estuary.output.console) just to set a flag.
"""

from __future__ import annotations

from contextvars import ContextVar

# Set while a command answers --as-of a date: evidence lines then say "undated" where a
# relation carries no date, since such relations were kept without knowing they held.
MARK_UNDATED: ContextVar[bool] = ContextVar("MARK_UNDATED", default=False)
