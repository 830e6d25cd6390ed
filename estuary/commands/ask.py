"""`estuary ask`: a question in words, Chinese or English, answered by the query that fits it."""

from __future__ import annotations

from typing import Annotated

import typer

from estuary.errors import friendly
from estuary.options import PathsOpt, opened_store, with_output
from estuary.output.emit import Output, emit


def _list_questions() -> None:
    from rich.table import Table

    from estuary.output.console import console
    from queries.ask import INTENTS

    table = Table(title="Questions estuary ask answers ({slots} are any names or aliases)")
    for col in ("intent", "question", "问题", "query"):
        table.add_column(col)
    for intent in INTENTS:
        table.add_row(intent.name, intent.question, intent.question_zh,
                      ", ".join(dict.fromkeys(s.query for s in intent.steps)))
    console.print(table)


@friendly
@with_output
def ask(
    ctx: typer.Context,
    question: Annotated[list[str] | None, typer.Argument(
        help="The question, in Chinese or English (quotes optional).", show_default=False)] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Also say which query ran, with which entities, and why.")] = False,
    list_: Annotated[bool, typer.Option(
        "--list", help="List the questions ask understands, and exit.")] = False,
    paths: PathsOpt = 3,
    *, out: Output,
) -> None:
    """Answer a question in words by mapping it to a query (links, why, related, …).

    Names, aliases (通, 沪, SIP), English names and pinyin are recognised; a question it
    cannot map gets the closest questions it can answer, and exit code 1.

    Example: [bold]estuary ask "南通和苏州之间有哪些产业联系" --explain[/bold]
    """
    if list_:
        _list_questions()
        return
    text = " ".join(question or []).strip()
    if not text:
        raise typer.BadParameter("ask a question, or use --list to see the questions ask "
                                 "understands", param_hint="QUESTION")
    from dataclasses import replace

    from queries.ask import ask as run

    with opened_store(ctx) as store:
        answer = replace(run(store, text), explain=explain)
        emit(answer, out, store=store, paths_shown=paths)
