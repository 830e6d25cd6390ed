"""Options shared by the commands, declared once, and opening the store a command asked for.

CLI choices are built from the library's own registries (`queries.choices.VIAS` and
`METRICS`, which `queries.links` and `queries.hubs` use; `estuary.output.export.FORMATS`;
`estuary.output.html.LAYOUTS`), so a kind of link, a metric, a format or a layout added there
appears here by itself.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from estuary.completion import complete_entity
from estuary.output.emit import Output, question
from estuary.output.export import FORMATS
from estuary.output.html import LANGS, LAYOUTS
from queries.choices import METRICS, VIAS

if TYPE_CHECKING:
    from graph.store import Store


def _choices(name: str, values: Any) -> type[StrEnum]:
    return StrEnum(name, {v: v for v in values})  # type: ignore[return-value]


Lang = _choices("Lang", LANGS)
Layout = _choices("Layout", LAYOUTS)
Via = _choices("Via", VIAS)
Metric = _choices("Metric", METRICS)
Format = _choices("Format", FORMATS)
DEFAULT_LANG = Lang("zh")
DEFAULT_LAYOUT = Layout("auto")
DEFAULT_VIA = Via("industry")
DEFAULT_METRIC = Metric("degree")

EntityArg = Annotated[str, typer.Argument(help="Id, name, alias or pinyin.",
                                          autocompletion=complete_entity, show_default=False)]
FirstArg = Annotated[str, typer.Argument(help="First entity: id, name, alias or pinyin.",
                                         autocompletion=complete_entity, show_default=False)]
SecondArg = Annotated[str, typer.Argument(help="Second entity.", autocompletion=complete_entity,
                                          show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
HtmlOpt = Annotated[Path | None, typer.Option(
    "--html", help="Also write the answer's subgraph as a self-contained HTML file.",
    dir_okay=False, show_default=False)]
PngOpt = Annotated[Path | None, typer.Option(
    "--png", help="Also write the drawing as a PNG picture (needs Chromium).",
    dir_okay=False, show_default=False)]
SvgOpt = Annotated[Path | None, typer.Option(
    "--svg", help="Also write the drawing as an SVG picture (needs Chromium).",
    dir_okay=False, show_default=False)]
PdfOpt = Annotated[Path | None, typer.Option(
    "--pdf", help="Also write the drawing as a one-page PDF (needs Chromium).",
    dir_okay=False, show_default=False)]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of labels in the HTML.")]
LayoutOpt = Annotated[Layout, typer.Option(
    "--layout", help="HTML layout: auto, force-directed, hierarchy (left to right: industry "
    "chains, taxonomies), geo (entities at their coordinates), or none.")]
LabelOpt = Annotated[str | None, typer.Option(
    "--type", "-t", help="Only entities of this label (City, Industry, Park, Mechanism, …).",
    show_default=False)]
PathsOpt = Annotated[int, typer.Option("--paths", min=0, help="Paths to print per answer.")]
DepthOpt = Annotated[int, typer.Option("--depth", "-d", min=1, max=4,
                                       help="Hops around --around.")]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", metavar="YYYY[-MM[-DD]]", show_default=False,
    help="Only what held at that date: relations (since/until) and entities "
         "(established/until) not valid then are left out; undated ones are kept.")]
AroundOpt = Annotated[str | None, typer.Option(
    "--around", help="Only the neighbourhood of this entity.", show_default=False,
    autocompletion=complete_entity)]


def label_option(value: str | None) -> str | None:
    """The schema label a --type value names (any case), or a usage error listing them."""
    from graph.schema import LABELS

    if value is None:
        return None
    for name in LABELS:
        if name.lower() == value.lower():
            return name
    raise typer.BadParameter(f"unknown label {value!r}; choose from {', '.join(LABELS)}",
                             param_hint="--type")


# The output options every answering command takes, in this order, after its own.
_OUTPUT_PARAMS = [
    inspect.Parameter("json", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=JsonOpt),
    inspect.Parameter("html", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=HtmlOpt),
    inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=DEFAULT_LANG,
                      annotation=LangOpt),
    inspect.Parameter("layout", inspect.Parameter.KEYWORD_ONLY, default=DEFAULT_LAYOUT,
                      annotation=LayoutOpt),
    inspect.Parameter("png", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=PngOpt),
    inspect.Parameter("svg", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=SvgOpt),
    inspect.Parameter("pdf", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=PdfOpt),
]


def with_output(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command the shared --json/--html/--lang/--layout/--png/--svg/--pdf options as
    one `out: Output`.

    The command declares a parameter `out: Output`; Typer sees the options in its place.
    """
    signature = inspect.signature(func, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "out"]

    @functools.wraps(func)
    def wrapper(*args: Any, json: bool = False, html: Path | None = None,
                lang: Any = "zh", layout: Any = "auto", png: Path | None = None,
                svg: Path | None = None, pdf: Path | None = None, **kwargs: Any) -> Any:
        ctx = next((a for a in (*args, *kwargs.values())
                    if hasattr(a, "command") and hasattr(a, "params")), None)
        out = Output(json=json, html=html, lang=str(getattr(lang, "value", lang)),
                     layout=str(getattr(layout, "value", layout)), png=png, svg=svg, pdf=pdf,
                     question=question(ctx))
        return func(*args, out=out, **kwargs)

    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
              if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD and p.name != "ctx" else p
              for p in own] + _OUTPUT_PARAMS
    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A Rich progress bar on stderr; the yielded callback takes (done, total). Rich is
    imported and the bar started only at the first call: most commands load nothing."""
    bar: Any = None
    task: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            console = Console(stderr=True)
            bar = Progress("[progress.description]{task.description}", BarColumn(),
                           MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                           transient=True, disable=not console.is_terminal)
            bar.start()
            task = bar.add_task(description, total=None)
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()


@contextmanager
def opened_store(ctx: typer.Context, as_of: str | None = None, *,
                 defer_new: bool = False) -> Iterator[Store]:
    """The store the global options chose (seen as of a date, if given), closed when the
    command ends; `defer_new`: stores.open_store's."""
    from estuary.output.marks import MARK_UNDATED
    from estuary.stores import open_store
    from queries.as_of import dated, parse_as_of

    if as_of is not None:
        parse_as_of(as_of)  # a bad date is an error before the store opens
    with progress_bar("Loading the bundled data") as update:
        store = open_store(ctx.obj, progress=update, defer_new=defer_new)
    token = MARK_UNDATED.set(as_of is not None)
    try:
        yield dated(store, as_of)
    finally:
        MARK_UNDATED.reset(token)
        store.close()
