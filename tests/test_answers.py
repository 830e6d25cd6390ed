"""Ranked results carry their answer rows into the drawing (`Subgraph.answers`), on both
stores: the HTML page's ranked panel reads nothing else."""

from __future__ import annotations

from graph.model import AnswerRow
from queries.hubs import hubs
from queries.link_kinds import KINDS
from queries.links import links
from queries.search import search


def test_links_rows_follow_the_ranking(store: object) -> None:
    result = links(store, "南通", "苏州", via="industry")  # type: ignore[arg-type]
    sg = result.subgraph()
    assert [a.entity for a in sg.answers] == [link.entity.id for link in result.links]
    assert [a.rank for a in sg.answers] == list(range(1, len(result.links) + 1))
    first, link = sg.answers[0], result.links[0]
    assert isinstance(first, AnswerRow)
    # The row says the link's kind and strength as the console does (issue 9's ranking).
    assert first.kind == KINDS[link.kind].title and first.strength == link.strength
    assert first.strength_text.startswith(f"{link.strength} · {link.confidence}")
    drawn = {(r.start, r.end) for r in sg.edges}
    assert first.path_edges and set(first.path_edges) <= drawn
    cited = {r.source for p in link.paths for hop in p.hops for r in hop}
    assert set(first.sources) == cited - {""}
    assert [a.strength for a in sg.answers] == sorted((a.strength for a in sg.answers),
                                                      reverse=True)
    assert sg.to_dict()["answers"][0]["entity"] == first.entity


def test_hubs_and_search_rows(store: object) -> None:
    ranked = hubs(store, limit=5)  # type: ignore[arg-type]
    rows = ranked.subgraph().answers
    assert [(a.rank, a.entity, a.strength) for a in rows] == [
        (h.rank, h.entity.id, h.score) for h in ranked.hubs]
    assert all(a.path_edges == () for a in rows)  # the page lights the edges touching it
    found = search(store, "苏通")  # type: ignore[arg-type]
    rows = found.subgraph().answers
    assert [a.entity for a in rows] == [h.entity.id for h in found.hits]
    assert rows[0].rank == 1 and rows[0].kind == found.hits[0].entity.label
