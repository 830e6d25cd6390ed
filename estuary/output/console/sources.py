"""Rich renderer for `sources_of`: each document, who published it and when, how far it is
trusted, and the facts it backs."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from estuary.output.console.base import console, evidence_lines, name_text, render
from queries.sources import SourcesResult


@render.register(SourcesResult)
def _sources(result: SourcesResult, **_: Any) -> None:
    table = Table(title=Text(result.title, style="italic"))
    for col in ("#", "source", "publisher", "published", "kind", "facts"):
        table.add_column(col, justify="right" if col in ("#", "facts") else "left",
                         no_wrap=col in ("#", "published", "facts"))
    for n, item in enumerate(result.items, 1):
        props = item.entity.props
        facts = len(item.relations) + len(result.facts_of(item.entity.id))
        table.add_row(str(n), name_text(item.entity), Text(str(props.get("publisher", ""))),
                      Text(str(props.get("published", ""))), Text(str(props.get("kind", ""))),
                      Text(str(facts)))
    console.print(table)
    names = {e.id: e.name for e in (*result.about, *result.ends)}
    for item in result.items:
        src = item.entity
        head = Text(f"\n{src.name}", style="bold")
        head.append(f"  [{src.id}]", style="dim")
        where = src.props.get("url")
        if where:
            head.append(f"  {where}", style="dim")
        console.print(head)
        if src.description:
            console.print(Text(f"  {src.description}", style="dim"))
        for entity, _, confidence in (r for r in result.records if r[1] == src.id):
            console.print(Text(f"  the record of {names.get(entity, entity)} "
                               f"(name, dates, size) [{confidence or 'no confidence given'}]"))
        evidence_lines(item.relations, names, "  ")
