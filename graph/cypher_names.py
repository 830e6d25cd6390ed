"""The Cypher that finds search candidates by the full-text bigram index (queries/search.py
through Neo4jStore.name_candidates / name_keys*): pages ranked as graph.store.rank_candidates
ranks them, "at least k of n bigrams" as one Lucene query, the server-side cut of
candidates that cannot reach the floor, and levels read through the characters index
(what a candidate must hold of the query's characters to reach the floor: least_chars).
Kept apart from graph/cypher.py."""

from __future__ import annotations

from itertools import combinations
from math import comb

from graph.cypher import (
    CHARS,
    CHARS_INDEX,
    ENTITY,
    GRAMS,
    GRAMS_INDEX,
    META,
    NAME_CHARS_META,
    NAME_CHARS_VERSION,
    TERMS_PER_QUERY,
    lucene_terms,
    not_excluded,
)

# Entities sharing a bigram with the query, found by GRAMS_INDEX ($queries is
# lucene_terms($grams)), ranked as graph.store.rank_candidates ranks them.
_NAME_RANKED = f"""
UNWIND $queries AS q
CALL db.index.fulltext.queryNodes('{GRAMS_INDEX}', q) YIELD node AS n
WITH DISTINCT n
WHERE {not_excluded('n')} AND ($label IS NULL OR $label IN labels(n))
WITH n, size([g IN n.{GRAMS} WHERE g IN $grams]) AS shared
WHERE shared >= $min_shared
ORDER BY shared DESC, n.id
SKIP $offset
LIMIT $limit"""
NAME_CANDIDATES = f"""{_NAME_RANKED}
RETURN n AS node, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label, shared"""
# the same page as what search scores: names and keys, not whole nodes
NAME_CANDIDATE_KEYS = f"""{_NAME_RANKED}
RETURN n.id AS id, n.name AS name, n.name_en AS name_en, n.aliases AS aliases,
       n.keys AS keys, shared"""

# The same page as NAME_CANDIDATE_KEYS when $min_shared >= 2, found by one full-text query
# ($lucene is lucene_at_least($grams, $min_shared)) matching the nodes that hold at least
# $min_shared of the grams (and, for long names, a few more): Lucene intersects postings
# from the rarest term, so a bigram shared by half the graph (有限, 公司) is never read
# whole unless the answer needs it.
_AT_LEAST_RANKED = f"""
CALL db.index.fulltext.queryNodes('{GRAMS_INDEX}', $lucene) YIELD node AS n
WITH n WHERE {not_excluded('n')} AND ($label IS NULL OR $label IN labels(n))
WITH n, size([g IN n.{GRAMS} WHERE g IN $grams]) AS shared
WHERE shared >= $min_shared
ORDER BY shared DESC, n.id
SKIP $offset
LIMIT $limit"""
NAME_KEYS_AT_LEAST = f"""{_AT_LEAST_RANKED}
RETURN n.id AS id, n.name AS name, n.name_en AS name_en, n.aliases AS aliases,
       n.keys AS keys, shared"""
# A page as above (any gram, or at least $min_shared: NAME_KEYS_*REACHING), sent back
# only for the candidates one of whose keys (or normalised id) may score $floor, by
# queries.search.most_by_chars: `held` is what the key holds of the query's characters
# counted as a multiset ($counts: [character, times in the query]; a key's longest common
# subsequence with the query is at most that), with the key's length. The id is
# normalised here as graph.names.normalize does it for printable ASCII (lower-cased, the
# separators among ASCII -- space - _ ' " ( ) -- dropped), so it is bounded by its length
# like any key: a Latin query's letters are in almost every id, so the id bounded without
# its length let nearly every row through. Keys stored empty, or an id beyond printable
# ASCII: sent (Python derives their keys). Only a node holding every one of the query's
# bigrams may have a key the query is in (exact, prefix or substring: up to 100; a
# one-character query's candidates all hold its one "gram"); any other
# key scores its fuzzy ratio at most, 200 * LCS / (len(query) + len(key)), however many of
# the query's letters it holds. A key whose length alone keeps it under the floor (the
# query's length held) is not counted: most keys of a short query are much longer. And
# how many the page held.
_REACHING_CUT = """
WITH n, shared, CASE WHEN n.keys IS NULL OR size(n.keys) = 0 OR NOT n.id =~ '[ -~]*'
  THEN [null] ELSE n.keys + [replace(replace(replace(replace(replace(replace(replace(
    toLower(n.id), ' ', ''), '-', ''), '_', ''), "'", ''), '"', ''), '(', ''), ')', '')]
  END AS keys
UNWIND keys AS key
WITH n, shared, key, size(key) AS length
WITH n, shared, key, length, shared >= size($grams) AND length >= $length AS whole,
     200.0 * CASE WHEN length < $length THEN length ELSE $length END
       / ($length + length) AS by_length
WITH n, shared, key IS NULL AS any, length, CASE
  WHEN key IS NULL OR NOT whole AND (CASE WHEN by_length >= 88.0
    AND abs($length - length) <= 2 THEN by_length ELSE 0.75 * by_length END) < $floor THEN 0
  ELSE reduce(h = 0, c IN $counts | h + CASE WHEN length - size(replace(key, c[0], '')) < c[1]
    THEN length - size(replace(key, c[0], '')) ELSE c[1] END) END AS held
WITH n, shared, any, held, length,
     CASE WHEN length < held THEN length ELSE held END AS most
WITH n, shared, any, held, length, most, 200.0 * most / ($length + length) AS ratio
WITH n, shared, max(CASE WHEN any OR held >= $length AND shared >= size($grams) THEN 100.0
  WHEN ratio >= 88.0 AND abs($length - length) <= 2 THEN ratio
  ELSE 0.75 * ratio END) AS bound
WITH count(*) AS read, collect(CASE WHEN bound >= $floor THEN
  {id: n.id, name: n.name, name_en: n.name_en, aliases: n.aliases, keys: n.keys,
   shared: shared} END) AS rows"""
_REACHING = _REACHING_CUT + "\nRETURN read, rows"
NAME_KEYS_REACHING = _NAME_RANKED + _REACHING
NAME_KEYS_AT_LEAST_REACHING = _AT_LEAST_RANKED + _REACHING

# Does every entity carry CHARS? (Neo4jStore.name_chars_ready)
NAME_CHARS_READY = f"""
MATCH (m:{META} {{key: '{NAME_CHARS_META}'}}) RETURN m.value = '{NAME_CHARS_VERSION}' AS ready"""

# Entities indexed before CHARS (or loaded before the indexes): given them in batches,
# from the keys search scores (the stored ones, else those of the names).
WITHOUT_CHARS = f"""
MATCH (n:{ENTITY}) WHERE n.{CHARS} IS NULL
RETURN n.id AS id, n.keys AS keys, n.name AS name, n.name_en AS name_en, n.aliases AS aliases
LIMIT $limit"""

SET_CHARS = f"""
UNWIND $rows AS row
MATCH (n:{ENTITY} {{id: row[0]}})
SET n.{CHARS} = row[1]"""

# Leaf clauses one lucene_at_least query may hold (Lucene refuses more than 1,024).
MAX_AT_LEAST_CLAUSES = 1000


def at_least_groups(terms: list[str], k: int) -> list[tuple[str, ...]] | None:
    """Groups of `terms` (distinct) such that whatever holds `k` of them holds every term of
    one group: every k-subset if that takes at most MAX_AT_LEAST_CLAUSES terms in all;
    otherwise the terms dealt into as few blocks as make it fit, one of which must hold
    its share ceil(k / blocks) (pigeonhole), so a few more match than hold k (the reader
    counts). None if no split fits with shares of two or more (then: any of the terms)."""
    if not 2 <= k <= len(terms):
        return None
    for blocks in range(1, k):
        share = -(-k // blocks)
        parts = [terms[i::blocks] for i in range(blocks)]
        if share >= 2 and sum(comb(len(p), share) * share for p in parts) \
                <= MAX_AT_LEAST_CLAUSES:
            return [group for p in parts for group in combinations(p, share)]
    return None


def lucene_at_least(terms: list[str], k: int) -> str | None:
    """A full-text query matching what holds at least `k` of `terms` (and, for many terms,
    a few that hold fewer: at_least_groups), or None (ask for any of them)."""
    groups = at_least_groups(terms, k)
    if groups is None:
        return None
    return " OR ".join("(" + " AND ".join(lucene_terms([t])[0] for t in group) + ")"
                       for group in groups)


# Levels as NAME_KEYS_AT_LEAST_REACHING reads them, where they are whole (the candidates
# sharing $lowest to $top grams: the $offset sharing more were read) and fit in $limit,
# found through CHARS_INDEX: $char_lucene matches (at least) the nodes holding enough of
# the query's characters to score $floor (least_chars), so the nodes sharing only a
# common suffix's bigrams (有限公司) are not read. Two counts by the grams index (Lucene
# and labels only: $lucene matches exactly what holds $lowest grams, $above what holds
# $top + 1) say whether the levels are such and how many they hold; if not, rows is
# empty and the caller reads the level as before.
def char_level_query(above: bool) -> str:
    """The level's Cypher: with the count of what holds more grams, or without it (the
    level holds every gram: nothing holds more)."""
    def count(param: str, name: str) -> str:
        return f"""CALL {{
  CALL db.index.fulltext.queryNodes('{GRAMS_INDEX}', ${param}) YIELD node AS m
  WITH m WHERE {not_excluded('m')} AND ($label IS NULL OR $label IN labels(m))
  RETURN count(*) AS {name}
}}"""
    higher = count("above", "higher") if above else "WITH total, 0 AS higher"
    return f"""{count("lucene", "total")}
{higher}
CALL {{
  WITH total, higher
  WITH total, higher WHERE higher = $offset AND total <= $offset + $limit
  CALL db.index.fulltext.queryNodes('{CHARS_INDEX}', $char_lucene) YIELD node AS n
  WITH n WHERE {not_excluded('n')} AND ($label IS NULL OR $label IN labels(n))
  WITH n, size([g IN n.{GRAMS} WHERE g IN $grams]) AS shared
  WHERE $lowest <= shared <= $top{_REACHING_CUT}
  RETURN rows
}}
RETURN total, higher, rows"""


def exact_at_least(terms: list[str], k: int) -> str | None:
    """A full-text query matching exactly what holds at least `k` of `terms` (distinct),
    or None if none fits in one query (or k is out of 1..len(terms))."""
    if k == 1:
        queries = lucene_terms(terms)
        return queries[0] if len(queries) == 1 and len(terms) <= TERMS_PER_QUERY else None
    groups = at_least_groups(terms, k)
    if groups is None or len(groups) != comb(len(terms), k):  # (blocks: it matches more)
        return None
    return lucene_at_least(terms, k)


def char_units(query: str) -> list[str]:
    """The query's characters as cypher.chars_of tokens, one per character of it (a
    character it holds twice: `c` and `c2`), sorted: a node holding k of them may have a
    key whose longest common subsequence with the query is k, never more."""
    units: set[str] = set()
    seen: dict[str, int] = {}
    for c in query:
        seen[c] = n = seen.get(c, 0) + 1
        units.add(c if n == 1 else f"{c}{n}")
    return sorted(units)


def least_chars(query: str, floor: float) -> int | None:
    """The fewest of the query's char_units a node must hold (its keys and id together)
    for one of its keys to score `floor` (None: any number may; 0: none can). A key's
    fuzzy ratio is 200 * LCS / (len(query) + len(key)), its LCS is at most the units the
    node holds, D, so queries.search.most_by_chars(query, D) bounds its score (rising with
    D; 100 at D = len(query), where a substring match may be)."""
    lq = len(query)
    for d in range(lq + 1):
        if d >= lq:
            bound = 100.0
        else:
            ratio = 200.0 * d / (lq + d)
            bound = ratio if ratio >= 88.0 else 0.75 * ratio
        if bound >= floor:
            return d if d >= 1 else None
    return 0
