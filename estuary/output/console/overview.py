"""Rich lines for an entity in brief (queries/overview.py): its record, then each group of
related things, best first, with the source of each relation and how many more there are."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from estuary.output.console.base import console, dates_note, name_text, render
from queries.overview import Overview

# The entity's own fields worth a line in brief (the rest: `estuary show`).
_FIELDS = ("name", "name_en", "aliases", "description", "level", "kind", "status", "opened",
           "established", "area_km2", "length_m", "until")


@render.register(Overview)
def _overview(detail: Overview, **_: Any) -> None:
    e = detail.entity
    table = Table(title=f"{e.name} ({e.id}, {e.label})", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    record = e.to_dict()
    for key in _FIELDS:
        value = record.get(key)
        if value not in ("", [], None):
            table.add_row(key, ", ".join(value) if isinstance(value, list) else str(value))
    console.print(table)
    if not detail.groups:
        console.print(Text("The graph relates nothing to it yet.", style="yellow"))
    for group in detail.groups:
        console.print(Text(f"{group.heading} · {group.rel_type} ({group.total})",
                           style="bold cyan"))
        for row in group.rows:
            line = Text("  ")
            line.append(name_text(row.other))
            line.append(f"  [{row.other.id}]", style="dim")
            cited = ", ".join(dict.fromkeys(
                f"{r.source}, {r.confidence}{dates_note(r)}" for r in row.relations))
            line.append(f"  ({cited})", style="dim")
            if row.ended:
                line.append("  ended", style="yellow")
            console.print(line)
        if group.more:
            console.print(Text(f"  … {group.more} more (estuary show {e.id})", style="dim"))
    if detail.sources:
        console.print(Text("Sources", style="bold"))
        for src in detail.sources:
            url = src.props.get("url") or src.props.get("file") or ""
            console.print(f"  {src.id}  {src.name}  {url}")
