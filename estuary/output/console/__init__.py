"""Results as Rich tables and lines: `render(result)` picks the renderer by result type.

The renderer modules (answers, ask, catalogue) each register their functions with `render`
for the result classes they draw; `render` imports the one a result needs when it first draws
one (RENDERERS in estuary/output/console/base.py says which), so a command loads only its own.
"""

from __future__ import annotations

from estuary.output.console.base import console, evidence_lines, name_text, render

__all__ = ["console", "evidence_lines", "name_text", "render"]
