"""Every Cypher statement estuary sends, in one place.

Values always travel as parameters. The only things formatted into the text are labels and
relationship types, and `label()`/`rel_type()` admit only names the schema declares, and the
integer hop bounds that Cypher does not accept as parameters.
"""

from __future__ import annotations

from itertools import combinations
from math import comb
from typing import Any

from graph.follow import Follow
from graph.model import Entity, Relation
from graph.names import entity_grams, entity_keys
from graph.schema import LABELS, REL_TYPES, TRAVERSAL_EXCLUDED_LABELS

# Every estuary node also carries this label, so one uniqueness constraint covers all ids.
ENTITY = "Entity"
META = "EstuaryMeta"

CONSTRAINTS = (
    f"CREATE CONSTRAINT estuary_entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
    f"CREATE CONSTRAINT estuary_meta_key IF NOT EXISTS FOR (m:{META}) REQUIRE m.key IS UNIQUE",
)

# Names by index (issue 14): full-text indexes whose keyword analyser keeps each list item
# as one exact term, so a lookup key or a bigram is found without scanning every entity.
KEYS_INDEX = "estuary_entity_keys"
GRAMS_INDEX = "estuary_entity_grams"
GRAMS = "_grams"  # a node's name bigrams (graph/names.entity_grams); underscore: not data
NAME_INDEXES = tuple(
    f"CREATE FULLTEXT INDEX {index} IF NOT EXISTS FOR (n:{ENTITY}) ON EACH [n.{prop}] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}"
    for index, prop in ((KEYS_INDEX, "keys"), (GRAMS_INDEX, GRAMS)))
# The meta key that says every entity carries GRAMS (set once the indexes exist and older
# nodes were given their grams), so name_candidates may trust the index.
NAME_INDEX_META = "neo4j_name_index"
NAME_INDEX_VERSION = "1"
# Lucene refuses a query of more than 1,024 clauses: grams are asked in chunks.
TERMS_PER_QUERY = 500


def lucene_terms(terms: list[str]) -> list[str]:
    """Full-text queries matching any of `terms` exactly (each quoted and escaped), in
    chunks of TERMS_PER_QUERY."""
    quoted = ['"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"' for t in terms]
    return [" OR ".join(quoted[i:i + TERMS_PER_QUERY])
            for i in range(0, len(quoted), TERMS_PER_QUERY)]


def label(name: str) -> str:
    if name not in LABELS:
        raise ValueError(f"not a schema label: {name!r}")
    return name


def rel_type(name: str) -> str:
    if name not in REL_TYPES:
        raise ValueError(f"not a schema relationship type: {name!r}")
    return name


def not_excluded(var: str) -> str:
    """A Cypher condition: `var` is not a node that traversals leave out (a Source)."""
    return " AND ".join(f"NOT {var}:{label(name)}" for name in TRAVERSAL_EXCLUDED_LABELS)


def any_excluded(var: str) -> str:
    """A Cypher condition: `var` is a node that traversals leave out."""
    return "(" + " OR ".join(f"{var}:{label(name)}" for name in TRAVERSAL_EXCLUDED_LABELS) + ")"


# -- the one shape of a node and of a relationship in Neo4j ---------------------------------

def node_properties(entity: Entity) -> dict[str, Any]:
    """Every property a node keeps: names, lookup keys, then the label's own, sorted."""
    props: dict[str, Any] = {"id": entity.id, "name": entity.name, "name_en": entity.name_en,
                             "aliases": list(entity.aliases), "description": entity.description,
                             "keys": list(entity_keys(entity)),
                             GRAMS: sorted(entity_grams(entity))}
    _add_own(props, entity.props)
    return props


def relationship_properties(rel: Relation) -> dict[str, Any]:
    """Every property a relationship keeps: provenance, then the type's own, sorted."""
    props: dict[str, Any] = {"source": rel.source, "evidence": rel.evidence,
                             "confidence": rel.confidence}
    _add_own(props, rel.props)
    return props


def _add_own(props: dict[str, Any], own: dict[str, Any]) -> None:
    """The label's or type's own properties after the common ones, sorted by key (a plain
    loop: this runs for every row of a load, most of them without own properties)."""
    if own:
        for key in sorted(own):
            if key not in props:
                props[key] = own[key]


def hops(n: int) -> int:
    if not isinstance(n, int) or not 0 < n <= 10:
        raise ValueError(f"hop bound out of range: {n!r}")
    return n


# -- writes: one UNWIND batch per label or type --------------------------------------------

def upsert_entities(name: str) -> str:
    """Rows {id, props}; returns how many rows were new, changed or the same."""
    return f"""
UNWIND $rows AS row
OPTIONAL MATCH (old:{ENTITY} {{id: row.id}})
WITH row, CASE WHEN old IS NULL THEN 'created'
               WHEN properties(old) = row.props THEN 'same' ELSE 'updated' END AS status
MERGE (n:{ENTITY} {{id: row.id}})
SET n = row.props, n:{label(name)}
RETURN status, count(*) AS n"""


def upsert_relations(name: str) -> str:
    """Rows {start, end, source, props}; one relationship per type, endpoints and source."""
    t = rel_type(name)
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY} {{id: row.start}})
MATCH (b:{ENTITY} {{id: row.end}})
OPTIONAL MATCH (a)-[old:{t} {{source: row.source}}]->(b)
WITH a, b, row, CASE WHEN old IS NULL THEN 'created'
                     WHEN properties(old) = row.props THEN 'same' ELSE 'updated' END AS status
MERGE (a)-[r:{t} {{source: row.source}}]->(b)
SET r = row.props
RETURN status, count(*) AS n"""


# -- a first load into an empty database: nothing to compare with, so no lookups ----------
# Rows are plain lists (less to pack and unpack than maps): entities [props], relations
# [start, end, props]. Every row is new: the database held no entity when the load began.

def create_entities(name: str) -> str:
    """Also returns each new node's element id by its id (`handles`): the relationships of
    the same first load find their ends by it, without an index seek."""
    return f"""
UNWIND $rows AS row
CREATE (n:{ENTITY}:{label(name)})
SET n = row[0]
RETURN count(*) AS n, collect([n.id, elementId(n)]) AS handles"""


def create_relations(name: str) -> str:
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY} {{id: row[0]}})
MATCH (b:{ENTITY} {{id: row[1]}})
CREATE (a)-[r:{rel_type(name)}]->(b)
SET r = row[2]
RETURN count(*) AS n"""


def create_relations_by_handle(name: str) -> str:
    """Rows [start handle, end handle, props]: the ends by element id (create_entities)."""
    return f"""
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:{rel_type(name)}]->(b)
SET r = row[2]
RETURN count(*) AS n"""


# The handles of entities a resumed first load did not create itself.
HANDLES = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
RETURN id, elementId(n) AS handle"""

# A first load writes its rows before the full-text name indexes exist and builds them after
# the last row, before it commits: one population instead of an index update per row.
DROP_NAME_INDEXES = tuple(f"DROP INDEX {index} IF EXISTS" for index in (KEYS_INDEX, GRAMS_INDEX))

ANY_ENTITY = f"MATCH (n:{ENTITY}) RETURN n.id AS id LIMIT 1"

SET_META = f"""
UNWIND $rows AS row
MERGE (m:{META} {{key: row.key}})
SET m.value = row.value"""

GET_META = f"MATCH (m:{META} {{key: $key}}) RETURN m.value AS value"

# -- undoing a load (issue 13): rows {start, end, source} per type; ids; meta keys -----------

def delete_relations(name: str) -> str:
    """Rows {start, end, source}: delete the one relationship of type `name` each names."""
    t = rel_type(name)
    # Both ends found by id first, then the relationship between them: matched as one
    # pattern, the planner may walk in from a hub (a city with 10,000 parks) for every row.
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY} {{id: row.start}})
MATCH (b:{ENTITY} {{id: row.end}})
MATCH (a)-[r:{t} {{source: row.source}}]->(b)
DELETE r
RETURN count(r) AS n"""


DELETE_UNUSED_ENTITIES = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
WITH n, id, EXISTS {{ (n)--() }} AS used
FOREACH (_ IN CASE WHEN used THEN [] ELSE [1] END | DELETE n)
RETURN id, used
ORDER BY id"""

LIST_META = f"""
MATCH (m:{META}) WHERE m.key STARTS WITH $prefix
RETURN m.key AS key, m.value AS value
ORDER BY key"""

DELETE_META = f"""
UNWIND $keys AS key
MATCH (m:{META} {{key: key}})
DELETE m"""

# -- reads ---------------------------------------------------------------------------------

LABEL_OF = f"""
MATCH (n:{ENTITY} {{id: $id}})
RETURN [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label"""

ENTITIES = f"""
MATCH (n:{ENTITY}) WHERE n.id IN $ids
RETURN n AS node, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label
ORDER BY n.id"""

FIND_BY_KEY = f"""
MATCH (n:{ENTITY})
WHERE n.id = $id OR ({not_excluded('n')} AND $key IN n.keys)
RETURN n AS node, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label
ORDER BY n.id"""

# The same answer as FIND_BY_KEY: the id by its unique index, the key by KEYS_INDEX ($terms
# is lucene_terms([$key]); the IN check keeps the answer exact whatever Lucene matched).
FIND_BY_KEY_INDEXED = f"""
CALL () {{
  MATCH (n:{ENTITY} {{id: $id}}) RETURN n
  UNION
  CALL db.index.fulltext.queryNodes('{KEYS_INDEX}', $terms) YIELD node AS n
  WITH n WHERE {not_excluded('n')} AND $key IN n.keys
  RETURN n
}}
RETURN n AS node, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label
ORDER BY n.id"""

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
# only for the candidates one of whose keys may score $floor, by queries.search.most_by_chars
# (the characters of the query, $chars, a key holds, and its length; the lower-cased ASCII
# id without a length, as its normalised form may be shorter); and how many the page held.
# Keys stored empty, or an id beyond printable ASCII: sent (Python derives their keys).
_REACHING = """
WITH n, shared, CASE WHEN n.keys IS NULL OR size(n.keys) = 0 OR NOT n.id =~ '[ -~]*'
  THEN [[null, 'any']] ELSE [k IN n.keys | [k, 'key']] + [[toLower(n.id), 'id']] END AS keys
UNWIND keys AS key
WITH n, shared, key[1] AS kind, size(key[0]) AS length,
     size([c IN split(key[0], '') WHERE c IN $chars]) AS held
WITH n, shared, kind, length, held,
     CASE WHEN held < $length THEN held ELSE $length END AS most
WITH n, shared, kind, held, length,
     CASE WHEN kind = 'key' AND length < most THEN length ELSE most END AS most
WITH n, shared, kind, held, length, most,
     200.0 * most / ($length + CASE WHEN kind = 'key' THEN length ELSE most END) AS ratio
WITH n, shared, max(CASE WHEN kind = 'any' OR held >= $length THEN 100.0
  WHEN ratio >= 88.0 AND (kind = 'id' OR abs($length - length) <= 2) THEN ratio
  ELSE 0.75 * ratio END) AS bound
WITH count(*) AS read, collect(CASE WHEN bound >= $floor THEN
  {id: n.id, name: n.name, name_en: n.name_en, aliases: n.aliases, keys: n.keys,
   shared: shared} END) AS rows
RETURN read, rows"""
NAME_KEYS_REACHING = _NAME_RANKED + _REACHING
NAME_KEYS_AT_LEAST_REACHING = _AT_LEAST_RANKED + _REACHING
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


NAME_INDEX_READY = f"""
MATCH (m:{META} {{key: '{NAME_INDEX_META}'}}) RETURN m.value = '{NAME_INDEX_VERSION}' AS ready"""

# Entities loaded before the grams existed: given them in batches (Neo4jStore.index_names).
WITHOUT_GRAMS = f"""
MATCH (n:{ENTITY}) WHERE n.{GRAMS} IS NULL
RETURN n.id AS id, n.keys AS keys
LIMIT $limit"""

SET_GRAMS = f"""
UNWIND $rows AS row
MATCH (n:{ENTITY} {{id: row[0]}})
SET n.{GRAMS} = row[1]"""

ALL_ENTITIES = f"""
MATCH (n:{ENTITY}) WHERE {not_excluded('n')}
RETURN n AS node, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label
ORDER BY n.id"""

_REL_RETURN = ("RETURN type(r) AS type, startNode(r).id AS start, endNode(r).id AS end, "
               "properties(r) AS props")

RELATIONS_OF = f"""
MATCH (n:{ENTITY} {{id: $id}})-[r]-(:{ENTITY})
{_REL_RETURN}"""

# The same relations, with the entities at both ends in the same read: a question that asks
# for an entity's relations asks for their ends next (Neo4jStore.entities answers from these).
RELATIONS_OF_WITH_ENDS = f"""
MATCH (n:{ENTITY} {{id: $id}})
CALL (n) {{
  OPTIONAL MATCH (n)-[r]-(m:{ENTITY})
  RETURN collect({{type: type(r), start: startNode(r).id, end: endNode(r).id,
                  props: properties(r)}}) AS rels, collect(DISTINCT m) AS ends
}}
RETURN rels, [x IN ends + [n] | {{node: x,
        label: [l IN labels(x) WHERE l <> '{ENTITY}'][0]}}] AS ends"""

# relations_of for a whole frontier: one row per id found, with the entities at the ends.
RELATIONS_OF_MANY_WITH_ENDS = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
CALL (n) {{
  OPTIONAL MATCH (n)-[r]-(m:{ENTITY})
  RETURN collect({{type: type(r), start: startNode(r).id, end: endNode(r).id,
                  props: properties(r)}}) AS rels, collect(DISTINCT m) AS ends
}}
RETURN id, rels, [x IN ends + [n] | {{node: x,
        label: [l IN labels(x) WHERE l <> '{ENTITY}'][0]}}] AS ends"""



def relations_of_many_typed(types: list[str]) -> str:
    """RELATIONS_OF_MANY_WITH_ENDS for relations of these types only: Neo4j follows only
    those relationship chains of a node (a hub city's thousands of others are not read)."""
    pattern = "|".join(rel_type(t) for t in types)
    # MATCH, not OPTIONAL MATCH: a node without such relations aggregates to empty lists
    # (an OPTIONAL MATCH would collect one map of nulls for it)
    return f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
CALL (n) {{
  MATCH (n)-[r:{pattern}]-(m:{ENTITY})
  RETURN collect({{type: type(r), start: startNode(r).id, end: endNode(r).id,
                  props: properties(r)}}) AS rels, collect(DISTINCT m) AS ends
}}
RETURN id, rels, [x IN ends + [n] | {{node: x,
        label: [l IN labels(x) WHERE l <> '{ENTITY}'][0]}}] AS ends"""


def relations_of_many_following(reads: list[Follow]) -> tuple[str, dict[str, Any]]:
    """RELATIONS_OF_MANY_WITH_ENDS for the relations these reads follow (graph/follow.py):
    each a type, a direction, the other end's labels and ids; reads alike are one pattern.
    The tests are on the other end's node record, so a hub's relations of other types and
    directions are never expanded and its filtered ones never leave the server. Returns the
    query and its parameters besides $ids (the ends' ids: `$ends0`, ...)."""
    groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for f in reads:
        key = (f.direction or "", tuple(sorted(f.labels or ())),
               tuple(sorted(f.ends)) if f.ends is not None else ("*",))
        groups.setdefault(key, []).append(rel_type(f.type))
    branches, params = [], {}
    for k, ((direction, labels, ends), types) in enumerate(sorted(groups.items())):
        left, right = {"out": ("-", "->"), "in": ("<-", "-")}.get(direction, ("-", "-"))
        tests = [" OR ".join(f"m:{label(x)}" for x in labels)] if labels else []
        if ends != ("*",):
            tests.append(f"m.id IN $ends{k}")
            params[f"ends{k}"] = list(ends)
        where = (" WHERE " + " AND ".join(f"({t})" for t in tests)) if tests else ""
        branches.append(f"  MATCH (n){left}[r:{'|'.join(types)}]{right}(m:{ENTITY}){where}\n"
                        "  RETURN r, m")
    body = "\n  UNION ALL\n".join(branches)
    return f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
CALL (n) {{
  CALL (n) {{
{body}
  }}
  RETURN collect({{type: type(r), start: startNode(r).id, end: endNode(r).id,
                  props: properties(r)}}) AS rels, collect(DISTINCT m) AS ends
}}
RETURN id, rels, [x IN ends + [n] | {{node: x,
        label: [l IN labels(x) WHERE l <> '{ENTITY}'][0]}}] AS ends""", params


ALL_RELATIONS = f"""
MATCH (a:{ENTITY})-[r]->(b:{ENTITY})
{_REL_RETURN}"""

# Both ends bound: Neo4j expands from the end with fewer relationships, so a hub is cheap.
RELATIONS_BETWEEN = f"""
UNWIND $pairs AS pair
MATCH (a:{ENTITY} {{id: pair[0]}})-[r]-(b:{ENTITY} {{id: pair[1]}})
{_REL_RETURN}"""

RELATIONS_AMONG = f"""
MATCH (a:{ENTITY})-[r]->(b:{ENTITY})
WHERE a.id IN $ids AND b.id IN $ids
{_REL_RETURN}"""

# One BFS level: the unvisited neighbours of a frontier, never through a Source.
NEXT_LEVEL = f"""
UNWIND $frontier AS fid
MATCH (:{ENTITY} {{id: fid}})--(m:{ENTITY})
WHERE {not_excluded('m')}
RETURN DISTINCT m.id AS id"""


# One BFS layer for graph/walks.FetchedAdjacency: the walkable neighbours of each node asked
# about (no Sources, and none for a Source asked about; no self loops, parallel relationships
# once; also the bounded neighbourhood's layers, walkable_neighbors). With $keep set, only the
# neighbours a links-style walk may enter: one of the $inner labels and no level among
# $exclude_levels, or one of the two ends ($keep).
ADJACENCY = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) WHERE {not_excluded('n')}
OPTIONAL MATCH (n)--(m:{ENTITY})
WHERE m <> n AND {not_excluded('m')}
  AND ($keep IS NULL OR m.id IN $keep
       OR (any(l IN labels(m) WHERE l IN $inner)
           AND NOT coalesce(m.level, '') IN $exclude_levels))
RETURN id, collect(DISTINCT m.id) AS ids"""

LABELS_OF = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
RETURN id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label"""

# How many walkable neighbours each id has (counted as ADJACENCY lists them): one read for a
# whole BFS layer of a bounded neighbourhood, which ranks by degree (queries/neighbors.py).
DEGREES = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) WHERE {not_excluded('n')}
OPTIONAL MATCH (n)--(m:{ENTITY}) WHERE {not_excluded('m')} AND m <> n
RETURN id, count(DISTINCT m) AS degree"""

def shortest_paths(max_len: int) -> str:
    return f"""
MATCH (a:{ENTITY} {{id: $a}}), (b:{ENTITY} {{id: $b}})
MATCH p = allShortestPaths((a)-[*..{hops(max_len)}]-(b))
WHERE none(n IN nodes(p) WHERE {any_excluded('n')})
RETURN DISTINCT [n IN nodes(p) | n.id] AS ids
LIMIT $cap"""


def half_paths(depth: int) -> str:
    """Simple paths from $start of 1..depth hops through allowed nodes (an allowed label, no
    excluded level, not $target), or ending at $target: one half of a met-in-the-middle path
    search (graph.store.simple_paths_from_halves). Cypher paths are only relationship-unique,
    so node repeats are ruled out here, before the LIMIT counts them."""
    return f"""
MATCH p = (s:{ENTITY} {{id: $start}})-[*1..{hops(depth)}]-(m:{ENTITY})
WHERE all(n IN nodes(p)[1..] WHERE
          (n.id = $target AND n = m)
          OR (n.id <> $target AND any(l IN labels(n) WHERE l IN $inner)
              AND NOT coalesce(n.level, '') IN $exclude_levels))
  AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
RETURN DISTINCT [n IN nodes(p) | n.id] AS ids
LIMIT $cap"""


def count_label(name: str) -> str:
    return f"MATCH (n:{label(name)}) RETURN count(n) AS n"


def count_type(name: str) -> str:
    return f"MATCH ()-[r:{rel_type(name)}]->() RETURN count(r) AS n"


SERVER_CHECK = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"


# -- loads bigger than one transaction (graph/neo4j_load.py) --------------------------------
# A marker node says which load is running and how far it got; new nodes and relationships
# carry `_load`, changed ones are first copied to an EstuaryBackup node (underscore keys
# are estuary's, never data).
LOAD = "EstuaryLoad"
BACKUP = "EstuaryBackup"

LOAD_CONSTRAINTS = (
    # One marker at a time: a second load fails to create its own.
    f"CREATE CONSTRAINT estuary_load_slot IF NOT EXISTS FOR (m:{LOAD}) REQUIRE m.slot IS UNIQUE",
    f"CREATE INDEX estuary_entity_load IF NOT EXISTS FOR (n:{ENTITY}) ON (n._load)",
    f"CREATE INDEX estuary_backup_load IF NOT EXISTS FOR (k:{BACKUP}) ON (k._load)",
)

TX_MEMORY_SETTINGS = """
SHOW SETTINGS YIELD name, value
WHERE name IN ['db.memory.transaction.max', 'dbms.memory.transaction.total.max']
RETURN name, value"""

START_LOAD = f"""
CREATE (m:{LOAD} {{slot: 'load', id: $id, state: 'loading', digest: $digest, fresh: $fresh,
                   rows_total: $total, rows_done: 0, ec: 0, eu: 0, rc: 0, ru: 0,
                   started: datetime(), updated: datetime()}})"""

# SET before the test: the write lock is taken first, so the test reads the latest commit.
_LOCK_LOAD = f"MATCH (m:{LOAD} {{id: $id}}) SET m._lock = true REMOVE m._lock WITH m"

CLAIM_BATCH = f"""
{_LOCK_LOAD} WHERE m.state = 'loading' AND m.rows_done = $done
SET m.rows_done = $done + $n, m.updated = datetime()
RETURN m.id AS id"""

COUNT_BATCH = f"""
MATCH (m:{LOAD} {{id: $id}})
SET m.ec = m.ec + $ec, m.eu = m.eu + $eu, m.rc = m.rc + $rc, m.ru = m.ru + $ru"""

COMMIT_LOAD = f"""
{_LOCK_LOAD} WHERE m.state = 'loading' AND m.rows_done = m.rows_total
SET m.state = 'committed', m.updated = datetime()
WITH m
CALL (m) {{
  UNWIND $meta AS row
  MERGE (x:{META} {{key: row.key}})
  SET x.value = row.value
}}
RETURN m.ec AS entities_created, m.eu AS entities_updated,
       m.rc AS relations_created, m.ru AS relations_updated"""

GET_LOAD = f"""
MATCH (m:{LOAD})
RETURN m.id AS id, m.state AS state, m.digest AS digest, m.rows_total AS rows_total,
       m.rows_done AS rows_done, toString(m.started) AS started,
       duration.inSeconds(m.updated, datetime()).seconds AS idle,
       m.ec AS ec, m.eu AS eu, m.rc AS rc, m.ru AS ru, coalesce(m.fresh, false) AS fresh
LIMIT 1"""

LOAD_LEASES = """
SHOW TRANSACTIONS YIELD metaData
WHERE metaData.estuary_load = $id
RETURN count(*) AS n"""

BEGIN_ROLLBACK = f"""
{_LOCK_LOAD} WHERE m.state IN ['loading', 'rolling back']
SET m.state = 'rolling back', m.updated = datetime()"""


def upsert_entities_marked(name: str) -> str:
    """Like upsert_entities, for a load under a marker: rows that change nothing are not
    written; a changed node is first copied to a backup; every written node gets `_load`."""
    return f"""
UNWIND $rows AS row
OPTIONAL MATCH (old:{ENTITY} {{id: row.id}})
WITH row, old, CASE WHEN old IS NULL THEN 'created'
                    WHEN properties(old) = row.props AND old:{label(name)} THEN 'same'
                    ELSE 'updated' END AS status
CALL (row, old, status) {{
  WITH * WHERE status = 'updated'
  CREATE (k:{BACKUP})
  SET k = properties(old), k._of = row.id, k._load = $load, k._kind = 'node',
      k._labels = labels(old)
}}
CALL (row, status) {{
  WITH * WHERE status <> 'same'
  MERGE (n:{ENTITY} {{id: row.id}})
  SET n = row.props, n:{label(name)}, n._load = $load
}}
RETURN status, count(*) AS n"""


def upsert_relations_marked(name: str) -> str:
    """Like upsert_relations, marked and backed up as upsert_entities_marked."""
    t = rel_type(name)
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY} {{id: row.start}})
MATCH (b:{ENTITY} {{id: row.end}})
OPTIONAL MATCH (a)-[old:{t} {{source: row.source}}]->(b)
WITH a, b, row, old, CASE WHEN old IS NULL THEN 'created'
                          WHEN properties(old) = row.props THEN 'same' ELSE 'updated' END AS status
CALL (row, old, status) {{
  WITH * WHERE status = 'updated'
  CREATE (k:{BACKUP})
  SET k = properties(old), k._load = $load, k._kind = '{t}', k._start = row.start,
      k._end = row.end, k._source = row.source
}}
CALL (a, b, row, status) {{
  WITH * WHERE status <> 'same'
  MERGE (a)-[r:{t} {{source: row.source}}]->(b)
  SET r = row.props, r._load = $load
}}
RETURN status, count(*) AS n"""


# Each runs as its own auto-commit statement, in batches; each is safe to run again, so a
# rollback or clean-up that is itself interrupted is finished by running it again. Batches
# that delete or restore whole nodes are small: a deleted node's properties count in the
# transaction's memory, and rows may be wide (a 60 kB description is 30 MiB per 500).
ROLLBACK_STEPS = (
    f"""MATCH (k:{BACKUP} {{_load: $load}}) WHERE k._kind <> 'node'
CALL (k) {{
  OPTIONAL MATCH (:{ENTITY} {{id: k._start}})-[r]->(:{ENTITY} {{id: k._end}})
  WHERE type(r) = k._kind AND r.source = k._source
  FOREACH (x IN CASE WHEN r IS NULL THEN [] ELSE [r] END |
    SET x = properties(k) REMOVE x._load, x._kind, x._start, x._end, x._source)
  DELETE k
}} IN TRANSACTIONS OF 500 ROWS""",
    "MATCH ()-[r]->() WHERE r._load = $load CALL (r) { DELETE r } IN TRANSACTIONS OF 2000 ROWS",
    f"""MATCH (k:{BACKUP} {{_load: $load}}) WHERE k._kind = 'node'
CALL (k) {{
  OPTIONAL MATCH (n:{ENTITY} {{id: k._of}})
  FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END |
    SET x = properties(k) REMOVE x._load, x._of, x._kind, x._labels
    REMOVE x:$([l IN labels(x) WHERE NOT l IN k._labels]))
  DELETE k
}} IN TRANSACTIONS OF 500 ROWS""",
    f"MATCH (n:{ENTITY}) WHERE n._load = $load "
    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 500 ROWS",
    f"MATCH (m:{LOAD} {{id: $load}}) DELETE m",
)

# A first load into an empty database marks nothing: rolling it back empties the database
# again (it held no entity before; other loads wait for the marker), committing it leaves
# only the marker to delete.
FRESH_ROLLBACK_STEPS = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH (n:{ENTITY}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 2000 ROWS",
    f"MATCH (m:{LOAD} {{id: $load}}) DELETE m",
)
FRESH_CLEANUP_STEPS = (f"MATCH (m:{LOAD} {{id: $load, state: 'committed'}}) DELETE m",)

CLEANUP_STEPS = (
    "MATCH ()-[r]->() WHERE r._load = $load "
    "CALL (r) { REMOVE r._load } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH (n:{ENTITY}) WHERE n._load = $load "
    "CALL (n) { REMOVE n._load } IN TRANSACTIONS OF 10000 ROWS",
    f"MATCH (k:{BACKUP} {{_load: $load}}) CALL (k) {{ DELETE k }} IN TRANSACTIONS OF 500 ROWS",
    f"MATCH (m:{LOAD} {{id: $load, state: 'committed'}}) DELETE m",
)
