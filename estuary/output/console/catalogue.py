"""Rich renderers for why, compare, hubs, mentions, load-doc and export."""

from __future__ import annotations

from itertools import zip_longest
from typing import Any

from rich.table import Table
from rich.text import Text

from estuary.output.console.base import console, name_text, render
from estuary.output.export.result import ExportResult
from loaders.document import DocumentLoad
from queries.compare import CompareResult
from queries.hubs import HubsResult
from queries.mentions import MentionsResult
from queries.strength import not_open
from queries.why import WhyResult


def _source_line(source: Any, source_id: str, indent: str) -> None:
    line = Text(indent + "— ", style="dim")
    if source is None:
        line.append(source_id)
    else:
        line.append(source.name, style="italic")
        line.append(f"  [{source.id}]", style="dim")
        where = source.props.get("url") or source.props.get("file")
        if where:
            line.append(f"  {where}", style="dim")
    console.print(line)


@render.register(WhyResult)
def _why(result: WhyResult, **_: Any) -> None:
    a, b = result.a, result.b
    console.print(Text(f"{len(result.statements)} direct relation(s) between {a.name} and "
                       f"{b.name}", style="bold"))
    for st in result.statements:
        r = st.relation
        start, end = (a, b) if r.start == a.id else (b, a)
        head = Text("\n")
        head.append(start.name, style="bold")
        head.append(f" -{r.type}-> ", style="cyan")
        head.append(end.name, style="bold")
        extra = {k: v for k, v in r.props.items() if k != "note"}
        if extra:
            head.append("  " + ", ".join(f"{k}: {v}" for k, v in sorted(extra.items())),
                        style="dim")
        head.append(f"  ({r.confidence})", style="dim")
        console.print(head)
        console.print(Text("  " + (f"“{r.evidence}”" if r.evidence
                                   else "(no quote: curated fact)")))
        if r.props.get("note"):
            console.print(Text(f"  note: {r.props['note']}", style="dim"))
        _source_line(st.source, r.source, "  ")


def _held(entity: Any) -> str:
    """A holding's name, with its status when it is not open yet (a planned bridge)."""
    status = not_open(entity.props.get("status"))
    return entity.name + (f" ({status})" if status else "")


@render.register(CompareResult)
def _compare(result: CompareResult, **_: Any) -> None:
    a, b = result.a, result.b
    console.print(Text(f"{a.display} [{a.id}]  vs  {b.display} [{b.id}]", style="bold"))
    if result.within_note:
        console.print(Text(result.within_note, style="yellow"))
    for aspect in result.aspects:
        if not aspect.a and not aspect.b:
            console.print(Text(f"{aspect.name.capitalize()}: none on either side.", style="dim"))
            continue
        shared = set(aspect.shared)
        table = Table(title=f"{aspect.name.capitalize()} ({len(aspect.a)} vs {len(aspect.b)}, "
                            f"{len(shared)} shared)", expand=False)
        table.add_column(f"{a.name} only")
        table.add_column("both", style="green")
        table.add_column(f"{b.name} only")
        both = [_held(h.entity) for h in aspect.a if h.entity.id in shared]
        rows = zip_longest([_held(h.entity) for h in aspect.only("a")], both,
                           [_held(h.entity) for h in aspect.only("b")], fillvalue="")
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if result.categories:
        table = Table(title="Industry categories both fall under (via BROADER)")
        table.add_column("category", style="green")
        table.add_column(f"{a.name} via")
        table.add_column(f"{b.name} via")
        for cat in result.categories:
            table.add_row(cat.category.name, "、".join(e.name for e in cat.a_via),
                          "、".join(e.name for e in cat.b_via))
        console.print(table)
    else:
        console.print("No common industry category.")


@render.register(HubsResult)
def _hubs(result: HubsResult, **_: Any) -> None:
    scope = f" {result.label}" if result.label else ""
    table = Table(title=f"Top{scope} hubs by {result.metric}")
    columns = ["#", "id", "label", "name", result.metric]
    if result.metric != "degree":
        columns.append("degree")
    for col in columns:
        table.add_column(col, justify="right" if col in ("#", result.metric, "degree")
                         else "left")
    for hub in result.hubs:
        row = [str(hub.rank), hub.entity.id, hub.entity.label, name_text(hub.entity)]
        if result.metric == "degree":
            row.append(str(hub.score))
        else:
            row += [f"{hub.score:.6f}", str(hub.degree)]
        table.add_row(*row)
    console.print(table)
    if not result.hubs:
        console.print("No entities.")


@render.register(MentionsResult)
def _mentions(result: MentionsResult, **_: Any) -> None:
    e = result.entity
    if not result.mentions:
        console.print(Text(f"No loaded document names {e.display} [{e.id}]. Add documents "
                           "with `estuary load-doc FILE`."))
        return
    console.print(Text(f"{e.display} [{e.id}] is named by {len(result.mentions)} document(s)",
                       style="bold"))
    for m in result.mentions:
        console.print()
        _source_line(m.source, m.relation.start, "")
        console.print(Text(f"  “{m.sentence}”"))
        if m.relation.props.get("note"):
            console.print(Text(f"  {m.relation.props['note']}", style="dim"))


@render.register(DocumentLoad)
def _load_doc(result: DocumentLoad, **_: Any) -> None:
    src = result.source
    console.print(Text(f"{result.path} → {src.id} ({src.name}): {result.sentences} sentences, "
                       f"{len(result.mentions)} entities named", style="bold"))
    console.print(f"{result.entities_created} new and {result.entities_updated} changed "
                  f"entities, {result.relations_created} new and {result.relations_updated} "
                  f"changed relations, {result.unchanged} already present.")
    for m in result.mentions:
        line = Text("  ")
        line.append(m.entity.name, style="bold")
        line.append(f"  [{m.entity.id}]", style="dim")
        line.append(f"  ×{m.sentences}", style="cyan")
        if m.new:
            line.append("  new", style="green")
        sentence = m.relation.evidence
        if len(sentence) > 48:
            sentence = sentence[:47] + "…"
        line.append(f"  “{sentence}”")
        console.print(line)
    for name, ids in result.ambiguous:
        console.print(Text(f"skipped ambiguous name {name}: {', '.join(ids)}", style="yellow"))
    if result.split:
        console.print(Text(f"{result.split} sentence(s) longer than the evidence limit were cut "
                           "into pieces at commas (each piece is quoted as written)",
                           style="yellow"))


@render.register(ExportResult)
def _export(result: ExportResult, **_: Any) -> None:
    where = ", ".join(result.files) or "standard output"
    console.print(Text(f"Wrote {where}: {result.format}, {result.nodes} nodes, "
                       f"{result.edges} edges ({result.selection})."))
    for warning in result.warnings:
        console.print(Text(f"warning: {warning}", style="yellow"))
