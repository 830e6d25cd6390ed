"""Rich renderers for `ask`: its answer (each query's own renderer in turn), `related` and the
quotes naming an entity."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.table import Table
from rich.text import Text

from estuary.output.console.base import console, evidence_lines, name_text, render
from queries.ask import AskAnswer
from queries.ask.basis import basis
from queries.ask.counted import beside_note, counted
from queries.ask.ended import ended_note
from queries.ask.listing import listed as listed_by
from queries.ask.split import PartsAnswer
from queries.related import CommonResult, QuotesResult, RelatedResult
from queries.stakes import StakesResult

_SKIP_PROPS = ("note",)


def _details(relations: Any) -> str:
    """The relation properties worth a column: tier, role, aspect, status, share, …"""
    seen: dict[str, None] = {}
    for rel in relations:
        for key, value in sorted(rel.props.items()):
            if key not in _SKIP_PROPS and value not in ("", None):
                seen.setdefault(f"{key}: {value}", None)
    return "; ".join(seen)


@render.register(RelatedResult)
def _related(result: RelatedResult, **_: Any) -> None:
    center = f"{result.center.name} ({result.center.name_en})" if result.center.name_en \
        else result.center.name
    n = len(result.items)
    kind = result.label or ("entity" if n == 1 else "entities")
    where = ", ".join(f"{k}={v}" for k, v in result.where.items())
    rel_type = result.rel_type or "*"
    through = getattr(result, "through", ())  # queries/narrower.py: the industries under it
    arrow = {"out": f"{center} -{rel_type}-> ?",
             "in": f"? -{rel_type}-> " + (f"(under {center})" if through else center),
             "both": f"{center} -{rel_type}- ?"}[result.direction]
    title = f"{arrow}: {n} ({kind})" + (f" where {where}" if where else "")
    if not result.items:
        console.print(Text(f"{arrow}: no {kind}" + (f" where {where}" if where else "")
                           + " in the graph.", style="bold"))
        return
    table = Table(title=Text(title, style="italic"))
    for col in ("#", "name", "id", "label", "details"):
        table.add_column(col, justify="right" if col == "#" else "left",
                         no_wrap=col in ("#", "id", "label"))
    for n, item in enumerate(result.items, 1):
        table.add_row(str(n), name_text(item.entity), Text(item.entity.id),
                      Text(item.entity.label), Text(_details(item.relations)))
    console.print(table)
    for item in result.items:
        names = {result.center.id: result.center.name, item.entity.id: item.entity.name,
                 **{e.id: e.name for e in through}}
        evidence_lines(item.relations, names, "  ")


@render.register(StakesResult)
def _stakes(result: StakesResult, **_: Any) -> None:
    if not result.items:
        console.print(Text("No stake recorded in the graph.", style="bold"))
        return
    held = {e.id: e for e in result.held}
    table = Table(title=Text(f"Stakes recorded: {len(result.items)} holders", style="italic"))
    for col in ("#", "holder", "id", "share", "in"):
        table.add_column(col, justify="right" if col in ("#", "share") else "left",
                         no_wrap=col in ("#", "id", "share"))
    n = 0
    for item in result.items:
        for rel in item.relations:
            n += 1
            what = held.get(rel.end)
            table.add_row(str(n), name_text(item.entity), Text(item.entity.id),
                          Text(f"{rel.props.get('share')}%"),
                          name_text(what) if what else Text(rel.end))
    console.print(table)
    names = {e.id: e.name for e in result.held} | {i.entity.id: i.entity.name
                                                  for i in result.items}
    for item in result.items:
        evidence_lines(item.relations, names, "  ")


@render.register(CommonResult)
def _common(result: CommonResult, **_: Any) -> None:
    what = result.label or "entities"
    through = result.rel_type or "any relation"
    title = f"{result.a.display} & {result.b.display} -{through}- ?: {len(result.items)} ({what})"
    if not result.items:
        console.print(Text(f"No {what} related to both {result.a.display} and "
                           f"{result.b.display} ({through}).", style="bold"))
        return
    table = Table(title=Text(title, style="italic"))
    for col in ("#", "name", "id", "label", "relations"):
        table.add_column(col, justify="right" if col == "#" else "left",
                         no_wrap=col in ("#", "id", "label"))
    for n, item in enumerate(result.items, 1):
        rels = "; ".join(f"{r.start} -{r.type}-> {r.end}" for r in item.relations)
        table.add_row(str(n), name_text(item.entity), Text(item.entity.id),
                      Text(item.entity.label), Text(rels))
    console.print(table)
    for item in result.items:
        names = {result.a.id: result.a.name, result.b.id: result.b.name,
                 item.entity.id: item.entity.name}
        evidence_lines(item.relations, names, "  ")


@render.register(QuotesResult)
def _quotes(result: QuotesResult, **_: Any) -> None:
    names = "、".join(result.names)
    console.print(Text(f"{len(result.quotes)} quote(s) behind the graph's relations name "
                       f"{result.entity.display} (looked for: {names})", style="bold"))
    for quote in result.quotes:
        console.print(Text(f"\n“{quote.text}”"))
        console.print(Text(f"  [{quote.source}]", style="dim"))
        for rel in quote.relations:
            line = Text("    ")
            line.append(rel.type, style="cyan")
            line.append(f" {rel.start} → {rel.end}", style="dim")
            console.print(line)


def explain(answer: Any) -> None:
    """Which intent, which entities, which query calls, and why they answer."""
    info = answer.explanation()
    table = Table(title="How ask read the question", show_header=False)
    table.add_column("what", style="bold")
    table.add_column("value")
    rows = [("question", answer.parsed.question),
            ("intent", f"{info['intent']}: {info['question']}")]
    for m in answer.parsed.mentions:
        names = ", ".join(f"{answer.parsed.known[i].display} [{i}]" for i in m.ids)
        rows.append(("entity", f"{m.text!r} ({m.how}) → {names}"))
    rows.extend(("query", call) for call in info["calls"])
    rows.append(("because", info["because"]))
    for what, value in rows:  # Text, not markup: ids in [brackets] must print as they are
        table.add_row(what, Text(value))
    console.print(table)


@render.register(PartsAnswer)
def _parts(answer: PartsAnswer, paths_shown: int = 3, **_: Any) -> None:
    """A question of several parts: each part in its own section."""
    for n, part in enumerate(answer.parts, 1):
        console.rule(Text(f"Part {n}/{len(answer.parts)}: {part.question}", style="bold"))
        if part.answer is None:
            console.print(Text(f"Not answered: {part.refused}", style="yellow"))
            continue
        _ask(replace(part.answer, explain=answer.explain), paths_shown=paths_shown)
    if answer.summary:  # the parts together: which of the two counts is more
        console.rule()
        console.print(Text(answer.summary, style="bold"))


@render.register(AskAnswer)
def _ask(answer: AskAnswer, paths_shown: int = 3, **_: Any) -> None:
    if answer.explain:
        explain(answer)
    if answer.verdict is not None:  # a yes-or-no question: the verdict first
        console.print(Text(answer.verdict.text, style="bold green"
                           if answer.verdict.answer == "yes" else "bold yellow"))
    for note in answer.parsed.notes:
        console.print(Text(note, style="yellow"))
    if answer.kind_note:
        console.print(Text(answer.kind_note, style="yellow"))
    if answer.count is not None:
        listed = counted(answer.parsed.filters, answer.entities)
        names = "、".join(e.name for e in listed)
        now = " now" if answer.ended else ""  # 7 now; 港闸区 until 2020-07
        named = f" ({len(listed)} named in the graph)" if len(listed) < answer.count else ""
        console.print(Text(f"{answer.count}{now}{named}: {names}", style="bold"))
    if answer.ended:
        console.print(Text(ended_note(list(answer.ended)), style="yellow"))
    beside = beside_note(answer.parsed.filters, answer.entities)  # 联盟: the councils too
    if beside:
        console.print(Text(beside, style="yellow"))
    for ran in answer.ran:
        if ran.note:
            console.print(Text(ran.note, style="yellow"))
        if ran.result is None:
            continue
        render(ran.result, paths_shown=paths_shown)
    asked = answer.parsed.asked
    found = answer.found
    # (a set the answer keeps to, 利益共享机制 among Nantong's: the table shows all it read)
    kept = bool(answer.parsed.only) and len(answer.entities) < len(
        [e for r in answer.ran if r.result is not None for e in listed_by(r.result)])
    if (answer.entities != found or kept) and not answer.kind_note and answer.verdict is None:
        names = "、".join(e.name for e in answer.entities) or "none"
        what = [" or ".join(sorted(asked))] if asked else []
        # (an aspect said keeps to the relations of that aspect only where one matches: no
        # condition to name)
        what += [f.describe() for f in answer.parsed.filters if f.op != "said"]
        kept = f" ({'; '.join(what)})" if what else ""  # (a tie's two ends: no condition)
        console.print(Text(f"The answer{kept}: {names}", style="bold"))
    for of, prop, value in answer.values:  # the value asked about: its area, the longest
        console.print(Text(f"{of}: {prop} = {value}", style="bold"))
    if answer.comparison:  # 哪座更长: which one, not only the two values
        console.print(Text(answer.comparison, style="bold"))
    console.print(Text(basis(answer).line(), style="dim"))  # how, how strong, from where
