"""Rich tables for every result model; one function per result type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

# Data is never markup: a name such as "Foo [/bar]" or ":warning:" prints as written.
console = Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def name_text(entity: Any) -> Text:
    text = Text(entity.name, style="bold")
    if entity.name_en:
        text.append(f"  {entity.name_en}", style="dim")
    return text


def evidence_lines(relations: Any, names: dict[str, str], indent: str) -> None:
    """Each relation on one line with its source; the quote, if any, on the next."""
    for rel in relations:
        line = Text(indent)
        line.append(f"{rel.type} ", style="cyan")
        line.append(f"{names.get(rel.start, rel.start)} → {names.get(rel.end, rel.end)}")
        line.append(f"  [{rel.source}, {rel.confidence}]", style="dim")
        console.print(line)
        if rel.evidence:
            console.print(Text(f"{indent}  “{rel.evidence}”"))


def _paths(paths: Any, shown: int, indent: str = "  ") -> None:
    for path in paths[:shown]:
        console.print(Text(f"{indent}{path.text()}", style="green"))
        names = {n.id: n.name for n in path.nodes}
        for hop in path.hops:
            evidence_lines(hop, names, indent + "    ")
    if len(paths) > shown:
        console.print(Text(f"{indent}… {len(paths) - shown} more paths (--paths N or --json)",
                           style="dim"))


def _search(result: Any, **_: Any) -> None:
    table = Table(title=f"Search: {result.query}")
    for col in ("score", "id", "label", "name", "matched"):
        table.add_column(col)
    for hit in result.hits:
        table.add_row(f"{hit.score:.0f}", hit.entity.id, hit.entity.label,
                      name_text(hit.entity), hit.matched)
    console.print(table)
    if not result.hits:
        console.print("No matches.")


def _show(detail: Any, **_: Any) -> None:
    e = detail.entity
    table = Table(title=f"{e.name} ({e.id})", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    for key, value in e.to_dict().items():
        if value not in ("", [], None):
            table.add_row(key, ", ".join(value) if isinstance(value, list) else str(value))
    console.print(table)
    for rel_type, edges in detail.grouped().items():
        console.print(Text(f"{rel_type} ({len(edges)})", style="bold cyan"))
        for edge in edges:
            arrow = "→" if edge.outgoing else "←"
            line = Text(f"  {arrow} ")
            line.append(name_text(edge.other))
            line.append(f"  [{edge.other.id}]", style="dim")
            console.print(line)
            names = {e.id: e.name, edge.other.id: edge.other.name}
            evidence_lines([edge.relation], names, "      ")
    if detail.sources:
        console.print(Text("Sources", style="bold"))
        for src in detail.sources:
            url = src.props.get("url") or src.props.get("file") or ""
            console.print(f"  {src.id}  {src.name}  {url}")


def _neighbors(result: Any, **_: Any) -> None:
    table = Table(title=f"Within {result.depth} hop(s) of {result.center.name}"
                        + (f" ({result.label})" if result.label else ""))
    for col in ("hops", "id", "label", "name"):
        table.add_column(col)
    for n in result.neighbors:
        table.add_row(str(n.distance), n.entity.id, n.entity.label, name_text(n.entity))
    console.print(table)


def _paths_result(result: Any, paths_shown: int = 3, **_: Any) -> None:
    console.print(Text(f"{len(result.paths)} shortest path(s) of {result.paths[0].length} hops "
                       f"between {result.a.name} and {result.b.name}", style="bold"))
    _paths(list(result.paths), max(paths_shown, len(result.paths)))


def _links(result: Any, paths_shown: int = 3, **_: Any) -> None:
    table = Table(title=f"{result.via.capitalize()} links between {result.a.name} "
                        f"({result.a.name_en}) and {result.b.name} ({result.b.name_en})")
    numeric = ("#", "indep.", "paths", "hops")
    for col in ("#", "name", "id", *numeric[1:]):
        table.add_column(col, justify="right" if col in numeric else "left",
                         no_wrap=col != "name", ratio=1 if col == "name" else None)
    for rank, link in enumerate(result.links, 1):
        table.add_row(str(rank), name_text(link.entity), Text(link.entity.id, style="dim"),
                      str(link.score), str(len(link.paths)), str(link.shortest))
    console.print(table)
    console.print(Text("indep.: independent paths (the fewer distinct routes from either end); "
                       "hops: the shortest path's length", style="dim"))
    for rank, link in enumerate(result.links, 1):
        console.print(Text(f"\n{rank}. {link.entity.display} — {link.score} independent, "
                           f"{len(link.paths)} path(s) in all",
                           style="bold"))
        _paths(list(link.paths), paths_shown)


def _stats(result: Any, **_: Any) -> None:
    table = Table(title=f"{result.store} store: {result.location}")
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for label, n in result.labels.items():
        table.add_row("label", label, str(n))
    for rel_type, n in result.types.items():
        table.add_row("relation", rel_type, str(n))
    table.add_row("total", "entities", str(sum(result.labels.values())), style="bold")
    table.add_row("total", "relations", str(sum(result.types.values())), style="bold")
    console.print(table)


RENDERERS: dict[str, Callable[..., None]] = {
    "SearchResult": _search,
    "EntityDetail": _show,
    "NeighborsResult": _neighbors,
    "PathsResult": _paths_result,
    "LinksResult": _links,
    "Stats": _stats,
}


def render(result: Any, *, paths_shown: int = 3) -> None:
    """Print a result model as Rich tables and lines."""
    # The catalogue's and ask's renderers register themselves in RENDERERS on import.
    from estuary import render_ask, render_catalogue  # noqa: F401

    RENDERERS[type(result).__name__](result, paths_shown=paths_shown)
