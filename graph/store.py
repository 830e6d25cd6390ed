"""The store contract both backends fulfil, and the errors they raise.

Queries speak only this protocol: small graph primitives that each store answers natively
(networkx calls or one Cypher statement each). Results are plain models, in a defined order, so
the same query gives the same answer on either store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from graph.follow import Follow
from graph.model import Entity, Relation
from graph.schema import TRAVERSAL_EXCLUDED_LABELS  # noqa: F401  (queries import it from here)

if TYPE_CHECKING:
    from graph.bundle import Bundle


# A bound on path enumeration, so a dense neighbourhood cannot run away.
MAX_PATHS = 5000

Progress = Callable[[int, int], None]  # (done, total)


class StoreError(Exception):
    """A store cannot do what was asked; the message says what and how to fix it."""


class TooManyPaths(StoreError):
    """Path enumeration hit MAX_PATHS; answering with an arbitrary part would mislead."""

    def __init__(self, a: str, b: str, max_len: int) -> None:
        super().__init__(
            f"more than {MAX_PATHS} paths of up to {max_len} hops between {a} and {b}; "
            "ask for fewer hops (--max-hops) or, for links, a narrower --via")


@dataclass(frozen=True)
class LoadSummary:
    entities_created: int
    entities_updated: int
    relations_created: int
    relations_updated: int

    @property
    def changed(self) -> bool:
        return any((self.entities_created, self.entities_updated,
                    self.relations_created, self.relations_updated))


def path_sort_key(path: list[str]) -> tuple[int, list[str]]:
    """The one order of paths: shorter first, then by the ids along them."""
    return (len(path), path)


# Name search scores at most this many candidates: those sharing the most bigrams with the
# query (graph/names.grams), ties by id. Below it, search sees every entity that shares one.
MAX_NAME_CANDIDATES = 5000


@dataclass(frozen=True)
class NameKeys:
    """What search scores of a name candidate (name_keys): not the whole entity."""

    id: str
    name: str
    keys: tuple[str, ...]  # normalised lookup keys (names, aliases, pinyin)


def rank_candidates(shared: dict[str, int], limit: int) -> list[str]:
    """Candidate ids, most shared grams first, then by id: the one order both stores use."""
    return sorted(shared, key=lambda i: (-shared[i], i))[:limit]


# Half paths walked from one end before giving up (see simple_paths_from_halves).
MAX_HALVES = 50 * MAX_PATHS

# Simple paths from `start` of 1..depth hops whose nodes after `start` are allowed inner nodes
# other than `target`, or `target` itself as the last node.
HalfPaths = Callable[[str, int, str], list[list[str]]]


def simple_paths_from_halves(half_paths: HalfPaths, a: str, b: str,
                             max_len: int) -> list[list[str]]:
    """All simple a..b paths of at most `max_len` hops, met in the middle.

    Walking max_len hops from one end explores degree^max_len paths; two half walks explore
    about 2 * degree^(max_len/2). A whole path of l hops is cut exactly once, after hop
    ceil(l/2): a left half a..m of i hops and a right half b..m of j hops, j in (i, i - 1),
    that share no node but m. Both stores supply the half walks; the join is this one code.
    """
    left = half_paths(a, (max_len + 1) // 2, b)
    right = half_paths(b, max_len // 2, a) if max_len >= 2 else []
    if len(left) > MAX_HALVES or len(right) > MAX_HALVES:
        raise TooManyPaths(a, b, max_len)
    by_meeting: dict[tuple[str, int], list[list[str]]] = {(b, 0): [[b]]}
    for half in right:
        by_meeting.setdefault((half[-1], len(half) - 1), []).append(half)
    found: list[list[str]] = []
    for half in left:
        i, meeting = len(half) - 1, half[-1]
        seen = set(half)
        for j in (i, i - 1):
            if j < 0 or i + j > max_len:
                continue
            for other in by_meeting.get((meeting, j), ()):
                tail = other[-2::-1]  # b..m reversed, without m
                if seen.isdisjoint(tail):
                    found.append(half + tail)
                    if len(found) > MAX_PATHS:
                        raise TooManyPaths(a, b, max_len)
    return sorted(found, key=path_sort_key)


class Store(Protocol):
    """What a graph store answers; every method returns plain models in a defined order."""

    kind: str
    location: str

    def close(self) -> None: ...

    def load(self, bundle: Bundle, progress: Progress | None = None,
             meta: dict[str, str] | None = None) -> LoadSummary:
        """Upsert a validated bundle (and store metadata), all or nothing."""
        ...

    def meta_items(self, prefix: str) -> dict[str, str]:
        """The store's metadata whose keys start with `prefix` (e.g. the load ledger)."""
        ...

    def unload(self, relations: Iterable[tuple[str, str, str, str]], entities: Iterable[str],
               *, drop_meta: Iterable[str] = (), set_meta: dict[str, str] | None = None,
               ) -> tuple[int, list[str], list[str]]:
        """Remove relations by key, then the listed entities no relation uses any more, and
        update metadata, all or nothing: (relations removed, entities removed, kept)."""
        ...

    def bundled_digest(self) -> str | None:
        """The fingerprint of the bundled dataset last loaded, if any."""
        ...

    def label_of(self, entity_id: str) -> str | None: ...

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]: ...

    def find_by_key(self, key: str) -> list[Entity]:
        """Entities whose id equals `key` or whose normalised lookup keys include it."""
        ...

    def all_entities(self) -> list[Entity]:
        """Every entity but sources, sorted by id (the gazetteer of `ask`, exports)."""
        ...

    def name_candidates(self, grams: Iterable[str], label: str | None,
                        limit: int, offset: int = 0) -> list[Entity]:
        """Entities but sources (of `label`, if given) whose keys or normalised id share at
        least one of `grams`; the `limit` sharing the most (rank_candidates), in that order,
        after the first `offset` of that order (a page of it: search reads until the rest
        cannot score)."""
        ...

    def name_keys(self, grams: Iterable[str], label: str | None, limit: int,
                  offset: int = 0, min_shared: int = 1) -> list[NameKeys]:
        """name_candidates' page as the ids, names and lookup keys search scores, in the same
        order (a server ships these, not whole entities), but only those sharing at least
        `min_shared` of the grams (the order's first ones: fewer rows, same order)."""
        ...

    def relations_of(self, entity_id: str) -> list[Relation]:
        """Every relation that starts or ends at an entity, sorted by key."""
        ...

    def relations_of_many(self, ids: Iterable[str], types: Iterable[str | Follow] | None = None
                          ) -> dict[str, list[Relation]]:
        """relations_of for each of the ids (every id a key, [] if it has none), in one read:
        a walk's whole frontier at once; only relations of `types` if given (a walk that
        follows LOCATED_IN reads no hub's thousands of other relations). A type may be a
        `Follow` (graph/follow.py): only that direction and those labels at the other end
        (the places LOCATED_IN a hub city, not the companies seated in it)."""
        ...

    def all_relations(self) -> list[Relation]:
        """Every relation in the graph, sorted by key (for whole-graph metrics and export)."""
        ...

    def relations_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relation]:
        """Every relation joining the two ends of one of the pairs (either direction), sorted
        by key: the hops of known paths, without expanding every relation of a hub."""
        ...

    def relations_among(self, ids: Iterable[str]) -> list[Relation]:
        """Every relation whose both ends are among `ids`, sorted by key."""
        ...

    def distances(self, entity_id: str, depth: int) -> dict[str, int]:
        """Hop distance (ignoring direction) of every entity within `depth` hops."""
        ...

    def degrees(self, ids: Iterable[str]) -> dict[str, int]:
        """How many entities each id neighbours, as walks see them (ignoring direction, no
        Sources, no self loops, parallel relations once); 0 for a Source or an unknown id."""
        ...

    def walkable_neighbors(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """The entities each id neighbours, as walks see them, sorted; [] for a Source or an
        unknown id (one read for a whole BFS layer)."""
        ...

    def shortest_paths(self, a: str, b: str, max_len: int) -> list[list[str]]:
        """All shortest paths (as id lists, ignoring direction) of at most `max_len` hops."""
        ...

    def simple_paths(self, a: str, b: str, max_len: int, inner_labels: frozenset[str],
                     exclude_levels: frozenset[str] = frozenset()) -> list[list[str]]:
        """Simple paths of at most `max_len` hops whose inner nodes have one of those labels
        and no `level` property among `exclude_levels`."""
        ...

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Entities by label and relations by type."""
        ...
