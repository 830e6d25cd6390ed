"""Walks over an adjacency read on demand find what they find on a dict, a layer per read."""

from __future__ import annotations

from graph.walks import FetchedAdjacency, all_shortest_paths, distances, half_paths

# Two routes a..d, then a tail d..e; f hangs off e and is never needed for a..e.
GRAPH = {"a": ["b", "c"], "b": ["a", "d"], "c": ["a", "d"], "d": ["b", "c", "e"],
         "e": ["d", "f"], "f": ["e"]}


def fetched() -> tuple[FetchedAdjacency, list[list[str]]]:
    asked: list[list[str]] = []

    def fetch(nodes: list[str]) -> dict[str, list[str]]:
        asked.append(nodes)
        return {n: GRAPH[n] for n in nodes}

    return FetchedAdjacency(fetch), asked


def test_distances_read_one_layer_per_hop() -> None:
    adj, asked = fetched()
    assert distances(adj, "a", 2) == distances(GRAPH, "a", 2) == {"a": 0, "b": 1, "c": 1,
                                                                  "d": 2}
    assert asked == [["a"], ["b", "c"]]


def test_shortest_paths_agree_with_a_dict_and_never_read_f() -> None:
    adj, asked = fetched()
    found = sorted(all_shortest_paths(adj, "a", "e", 4))
    assert found == sorted(all_shortest_paths(GRAPH, "a", "e", 4)) == [
        ["a", "b", "d", "e"], ["a", "c", "d", "e"]]
    assert "f" not in {n for nodes in asked for n in nodes}
    assert adj.reads == len(asked) <= 4


def test_half_paths_prefetch_layers_before_the_depth_first_walk() -> None:
    adj, asked = fetched()
    found = half_paths(adj, "a", 2, "e", lambda n: n != "c")
    assert found == half_paths(GRAPH, "a", 2, "e", lambda n: n != "c")
    assert asked == [["a"], ["b"]]
