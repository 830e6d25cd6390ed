"""Results as Rich tables and lines: `render(result)` picks the renderer by result type.

The renderer modules are imported here, in one visible place; each registers its functions
with `render` (functools.singledispatch) for the result classes it draws.
"""

from __future__ import annotations

from estuary.output.console import answers, ask, catalogue  # noqa: F401  (registrations)
from estuary.output.console.base import console, evidence_lines, name_text, render

__all__ = ["console", "evidence_lines", "name_text", "render"]
