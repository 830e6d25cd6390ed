"""Every Cypher statement estuary sends, in one place (with its two parts: cypher_load.py for
loads bigger than one transaction, cypher_names.py for search candidates).

Values always travel as parameters. The only things formatted into the text are labels and
relationship types, and `label()`/`rel_type()` admit only names the schema declares, and the
integer hop bounds that Cypher does not accept as parameters.
"""

from __future__ import annotations

from typing import Any

from graph.follow import Follow
from graph.model import Entity, Relation
from graph.names import entity_grams, entity_keys
from graph.neo4j_rows import chars_of
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
# The characters of the same keys (graph/neo4j_rows.chars_of): a search level asks Lucene
# for the candidates holding enough of the query's characters to score, not every one that
# shares a common suffix's bigrams (queries/search.py, graph/cypher_names.py).
CHARS_INDEX = "estuary_entity_chars"
CHARS = "_chars"
NAME_INDEXES = tuple(
    f"CREATE FULLTEXT INDEX {index} IF NOT EXISTS FOR (n:{ENTITY}) ON EACH [n.{prop}] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}"
    for index, prop in ((KEYS_INDEX, "keys"), (GRAMS_INDEX, GRAMS), (CHARS_INDEX, CHARS)))
# The meta key that says every entity carries GRAMS (set once the indexes exist and older
# nodes were given their grams), so name_candidates may trust the index.
NAME_INDEX_META = "neo4j_name_index"
NAME_INDEX_VERSION = "1"
# ... and the one that says every entity carries CHARS (a database indexed before them
# is given them once, by its next load: Neo4jStore.index_names; until then search reads
# without them, as before).
NAME_CHARS_META = "neo4j_name_chars"
NAME_CHARS_VERSION = "1"
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
                             GRAMS: sorted(entity_grams(entity)),
                             CHARS: sorted(chars_of(entity.id, entity_keys(entity)))}
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
DROP_NAME_INDEXES = tuple(f"DROP INDEX {index} IF EXISTS"
                          for index in (KEYS_INDEX, GRAMS_INDEX, CHARS_INDEX))

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
  MATCH (n)-[r]-(m:{ENTITY})
  RETURN collect({{type: type(r), start: startNode(r).id, end: endNode(r).id,
                  props: properties(r)}}) AS rels, collect(DISTINCT m) AS ends
}}
RETURN id, rels, [x IN ends + [n] | {{node: x,
        label: [l IN labels(x) WHERE l <> '{ENTITY}'][0]}}] AS ends"""
# (MATCH, not OPTIONAL MATCH: a node with no relations aggregates to empty lists, where an
# OPTIONAL MATCH would collect one map of nulls for it; see relations_of_many_typed)


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
