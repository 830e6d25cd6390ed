"""`estuary ask`: a question in words, Chinese or English, answered by the query that fits it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from estuary.errors import friendly
from estuary.options import AsOfOpt, PathsOpt, opened_store, with_output
from estuary.output.emit import Output, emit


def _list_questions(user: tuple[Any, ...], where: Path | None) -> None:
    from rich.table import Table
    from rich.text import Text

    from estuary.output.console import console
    from queries.ask import INTENTS, asked_rel_types

    table = Table(title="Questions estuary ask answers ({slots} are any names or aliases)")
    for col in ("intent", "question", "问题", "query"):
        table.add_column(col)
    for intent in (*user, *INTENTS):
        table.add_row(Text(intent.name), Text(intent.question), Text(intent.question_zh),
                      Text(", ".join(dict.fromkeys(s.query for s in intent.steps))))
    console.print(table)
    console.print(Text(f"Also, for every relationship type ({', '.join(asked_rel_types())}): "
                       "which <kind> <verb> <entity>, <entity> <verb> which <kind>, what is "
                       "<entity> connected to, which <kind> between <A> and <B> "
                       "(verbs and kinds: queries/ask/lexicon.yaml)."))
    if user:
        console.print(Text(f"{len(user)} of them from your questions file {where}."))
    else:
        console.print(Text(f"Add your own phrasings in {where} (see `estuary ask --help`)."))


@friendly
@with_output
def ask(
    ctx: typer.Context,
    question: Annotated[list[str] | None, typer.Argument(
        help="The question, in Chinese or English (quotes optional).", show_default=False)] = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Also say which query ran, with which entities, and why.")] = False,
    list_: Annotated[bool, typer.Option(
        "--list", help="List the questions ask understands (yours too), and exit.")] = False,
    questions: Annotated[Path | None, typer.Option(
        "--questions", help="Your phrasings: a YAML list of {pattern, query, args, kwargs} "
        "(default: questions.yaml in your config directory).", show_default=False)] = None,
    paths: PathsOpt = 3,
    as_of: AsOfOpt = None,
    *, out: Output,
) -> None:
    """Answer a question in words by mapping it to a query (links, why, related, …).

    Names, aliases (通, 沪, SIP), English names and pinyin are recognised; a question it
    cannot map gets the closest questions it can answer, and exit code 1. Add phrasings of
    your own in a questions file, e.g. `- pattern: "who puts money into {x}"`,
    `query: related`, `args: ["{x}"]`, `kwargs: {rel_type: CO_BUILDS, direction: in}`.

    Example: [bold]estuary ask "南通和苏州之间有哪些产业联系" --explain[/bold]
    """
    from queries.ask.user import default_questions_file, load_questions

    if questions is not None and not questions.exists():
        raise typer.BadParameter(f"{questions} does not exist", param_hint="--questions")
    where = questions or default_questions_file()
    user = load_questions(where)
    if list_:
        _list_questions(user, where)
        return
    text = " ".join(question or []).strip()
    if not text:
        raise typer.BadParameter("ask a question, or use --list to see the questions ask "
                                 "understands", param_hint="QUESTION")
    from dataclasses import replace

    from queries.ask import ask as run

    with opened_store(ctx, as_of) as store:
        answer = replace(run(store, text, extra=user), explain=explain)
        emit(answer, out, store=store, paths_shown=paths)
