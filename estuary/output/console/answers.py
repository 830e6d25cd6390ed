"""Rich tables for the core questions: search, show, neighbors, path, links, stats."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from estuary.output.console.base import console, evidence_lines, name_text, render
from queries.links import LinksResult
from queries.neighbors import NeighborsResult
from queries.paths import PathsResult
from queries.search import SearchResult
from queries.show import EntityDetail
from queries.stats import Stats


def _paths(paths: Any, shown: int, indent: str = "  ", total: int | None = None) -> None:
    for path in paths[:shown]:
        console.print(Text(f"{indent}{path.text()}", style="green"))
        names = {n.id: n.name for n in path.nodes}
        for hop in path.hops:
            evidence_lines(hop, names, indent + "    ")
    more = (len(paths) if total is None else total) - min(shown, len(paths))
    if more > 0:
        console.print(Text(f"{indent}… {more} more paths (--paths N or --json)", style="dim"))


@render.register(SearchResult)
def _search(result: SearchResult, **_: Any) -> None:
    table = Table(title=f"Search: {result.query}")
    for col in ("score", "id", "label", "name", "matched"):
        table.add_column(col)
    for hit in result.hits:
        table.add_row(f"{hit.score:.0f}", hit.entity.id, hit.entity.label,
                      name_text(hit.entity), hit.matched)
    console.print(table)
    if not result.hits:
        console.print("No matches.")


@render.register(EntityDetail)
def _show(detail: EntityDetail, **_: Any) -> None:
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


@render.register(NeighborsResult)
def _neighbors(result: NeighborsResult, **_: Any) -> None:
    table = Table(title=f"Within {result.depth} hop(s) of {result.center.name}"
                        + (f" ({result.label})" if result.label else ""))
    for col in ("hops", "id", "label", "name", "degree"):
        table.add_column(col, justify="right" if col == "degree" else "left")
    for n in result.neighbors:
        table.add_row(str(n.distance), n.entity.id, n.entity.label, name_text(n.entity),
                      str(n.degree))
    console.print(table)
    if result.note:
        console.print(Text(result.note, style="dim"))


@render.register(PathsResult)
def _paths_result(result: PathsResult, paths_shown: int = 3, **_: Any) -> None:
    console.print(Text(f"{len(result.paths)} shortest path(s) of {result.paths[0].length} hops "
                       f"between {result.a.name} and {result.b.name}", style="bold"))
    _paths(list(result.paths), max(paths_shown, len(result.paths)))


@render.register(LinksResult)
def _links(result: LinksResult, paths_shown: int = 1, **_: Any) -> None:
    from queries.link_kinds import KINDS

    when = f", as of {result.as_of}" if result.as_of else ""
    table = Table(title=f"{result.via.capitalize()} links between {result.a.name} "
                        f"({result.a.name_en}) and {result.b.name} ({result.b.name_en}){when}")
    numeric = ("#", "strength", "sources")
    # On a narrow terminal the evidence column would squeeze the names to nothing; the
    # evidence is printed under the table with each link's paths anyway.
    wide = console.width >= 110
    columns = ("#", "kind", "name", "strength", "conf.", "sources", "dates",
               *(("evidence",) if wide else ()))
    for col in columns:
        table.add_column(col, justify="right" if col in numeric else "left",
                         no_wrap=col not in ("name", "evidence", "kind"),
                         min_width=8 if col == "name" else None,
                         # Chinese names have no spaces to break at: fold them, never cut
                         overflow="fold" if col == "name" else "ellipsis",
                         ratio=2 if col == "evidence" else 1 if col == "name" else None)
    for rank, link in enumerate(result.links, 1):
        kind = KINDS[link.kind].title
        if link.distance:
            kind += f" (d={link.distance})"
        ev = link.evidence
        quote = ev.evidence if len(ev.evidence) <= 24 else ev.evidence[:23] + "…"
        evidence = Text(f"“{quote}” " if quote else "")
        evidence.append(f"{ev.type} {ev.source.removeprefix('source:')}", style="dim")
        table.add_row(str(rank), kind, Text(link.entity.name, style="bold"),
                      str(link.strength), link.confidence, str(len(link.sources)), link.dates,
                      *((evidence,) if wide else ()))
    console.print(table)
    console.print(Text(result.ranking, style="dim"))
    if result.total > len(result.links):
        console.print(Text(f"{len(result.links)} of {result.total} links shown "
                           "(--top N or --all for more)", style="dim"))
    if paths_shown <= 0:
        return
    for rank, link in enumerate(result.links, 1):
        console.print(Text(f"\n{rank}. {link.entity.display} [{link.entity.id}] — "
                           f"{KINDS[link.kind].title}: {KINDS[link.kind].meaning}",
                           style="bold"))
        _paths(list(link.paths), paths_shown, total=link.paths_total)


@render.register(Stats)
def _stats(result: Stats, **_: Any) -> None:
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
