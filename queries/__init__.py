"""The catalogue: one question, one function; each runs on either store."""

from queries.errors import AmbiguousEntity, EntityNotFound, NoLinks, NoPath, QueryError
from queries.links import VIAS, links
from queries.neighbors import neighbors
from queries.paths import shortest_paths
from queries.resolve import resolve
from queries.search import search
from queries.show import show
from queries.stats import stats

__all__ = [
    "VIAS", "AmbiguousEntity", "EntityNotFound", "NoLinks", "NoPath", "QueryError", "links",
    "neighbors", "resolve", "search", "shortest_paths", "show", "stats",
]
