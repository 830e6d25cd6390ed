"""The embedded store: a networkx MultiDiGraph persisted to one JSON file.

Writes go to a temporary file renamed over the old one under a file lock, so a crash or a
concurrent `estuary load` never leaves a half-written graph.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.model import Entity, Relation, sort_relations
from graph.names import entity_grams, entity_keys, normalize
from graph.store import (
    TRAVERSAL_EXCLUDED_LABELS,
    LoadSummary,
    Progress,
    StoreError,
    path_sort_key,
    rank_candidates,
    simple_paths_from_halves,
)
from graph.walks import all_shortest_paths, half_paths

if TYPE_CHECKING:
    import networkx as nx

    from graph.bundle import Bundle

FORMAT = 1


def _edge_key(rel: Relation) -> str:
    return f"{rel.type}|{rel.source}"


class EmbeddedStore:
    """A networkx graph in a file; loads the bundled data on first use."""

    kind = "embedded"

    def __init__(self, path: Path) -> None:
        import networkx as nx

        self.path = path
        self.location = str(path)
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self.meta: dict[str, Any] = {}
        self._keys: dict[str, list[str]] | None = None
        self._walk: nx.Graph | None = None
        if path.is_dir():
            raise StoreError(f"{path} is a directory: --db must name a file (e.g. "
                             f"{path / 'graph.json'})")
        if path.exists() and not path.is_file():  # /dev/zero, a FIFO: never read
            raise StoreError(f"{path} is not a regular file: --db must name the store's JSON "
                             "file")
        self._remove_stale_temporaries()
        if path.exists():
            self._read()

    @property
    def target(self) -> Path:
        """The file the store lives in: a symlinked store is written through to its target."""
        return Path(os.path.realpath(self.path))

    def _temporary_prefix(self) -> str:
        return f".estuary-{self.target.name}."

    def _remove_stale_temporaries(self) -> None:
        """Remove what a killed save left behind, if no other process is saving right now."""
        from filelock import FileLock, Timeout

        folder = self.target.parent
        if not folder.is_dir():
            return
        try:
            with FileLock(str(self.target) + ".lock", timeout=0):
                for tmp in folder.glob(f"{self._temporary_prefix()}*.tmp"):
                    tmp.unlink(missing_ok=True)
                # Older versions named them .estuary-XXXXXXXX.tmp, whatever the store: only
                # those no save could still be writing (an hour old) are surely stale.
                old = time.time() - 3600
                for tmp in folder.glob(".estuary-????????.tmp"):
                    if tmp.stat().st_mtime < old:
                        tmp.unlink(missing_ok=True)
        except (Timeout, OSError):
            pass  # a save is under way (its file is not stale), or the folder is read-only

    def _reread(self) -> None:
        self.graph.clear()
        self.meta = {}
        self._keys = None
        self._walk = None
        self._read()

    # -- persistence -------------------------------------------------------------------------

    @contextmanager
    def _lock(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        try:
            with FileLock(str(self.target) + ".lock", timeout=30):
                yield
        except Timeout:
            raise StoreError(f"{self.path} is locked by another estuary process (a load?) "
                             f"for over 30 s; try again, or remove {self.path}.lock if no "
                             "estuary is running") from None

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                found = data.get("format") if isinstance(data, dict) else type(data).__name__
                raise ValueError(f"format {found!r}, expected {FORMAT}")
            g = self.graph
            for node in data["nodes"]:
                entity = Entity(**{**node, "aliases": tuple(node["aliases"]),
                                   "keys": tuple(node.get("keys", ()))})
                g.add_node(entity.id, e=entity)
            for edge in data["edges"]:
                rel = Relation(**edge)
                if rel.start not in g or rel.end not in g:
                    raise ValueError(f"relation {rel.type} {rel.start} -> {rel.end} has an "
                                     "endpoint that is not in the file")
                g.add_edge(rel.start, rel.end, key=_edge_key(rel), r=rel)
            meta = data.get("meta", {})
            if not isinstance(meta, dict):
                raise ValueError("'meta' is not a mapping")
            self.meta = meta
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError(
                f"cannot read the embedded store {self.path}: {exc}. Delete the file to "
                "rebuild it from the bundled data, or point --db at another file.") from None

    def save(self) -> None:
        """Write the graph atomically: a temporary file renamed over the old one."""
        target = self.target
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "format": FORMAT,
            "meta": self.meta,
            "nodes": [asdict(d["e"]) for _, d in sorted(self.graph.nodes(data=True))],
            "edges": [asdict(r) for r in sort_relations(
                [d["r"] for _, _, d in self.graph.edges(data=True)])],
        }
        try:
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=self._temporary_prefix(),
                                       suffix=".tmp")
        except OSError as exc:
            raise StoreError(f"cannot write the store {target}: {exc.strerror}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())  # the rename must never expose an unwritten file
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide a shared store
            os.replace(tmp, target)
        except OSError as exc:  # e.g. no space left: say which store, keep the old file
            Path(tmp).unlink(missing_ok=True)
            raise StoreError(f"cannot write the store {target}: {exc.strerror or exc}; it is "
                             "unchanged") from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def close(self) -> None:
        pass

    def bundled_digest(self) -> str | None:
        return self.meta.get("bundled_digest")

    # -- writing -----------------------------------------------------------------------------

    def load(self, bundle: Bundle, progress: Progress | None = None,
             meta: dict[str, Any] | None = None) -> LoadSummary:
        """Upsert a bundle and save, all or nothing (the file is replaced only on success)."""
        with self._lock():
            if self.path.exists():  # another process may have loaded since we opened
                self._reread()
            summary = self._apply(bundle, progress)
            if meta:
                self.meta.update(meta)
            if summary.changed or meta or not self.path.exists():
                self.save()
        return summary

    def _apply(self, bundle: Bundle, progress: Progress | None) -> LoadSummary:
        g = self.graph
        ec = eu = rc = ru = 0
        total = len(bundle.entities) + len(bundle.relations)
        done = 0
        for entity in bundle.entities.values():
            old = g.nodes[entity.id]["e"] if entity.id in g else None
            if old is None:
                ec += 1
            elif asdict(old) != asdict(entity):
                eu += 1
            g.add_node(entity.id, e=entity)
            done += 1
            if progress and done % 5000 == 0:
                progress(done, total)
        for rel in bundle.relations.values():
            key = _edge_key(rel)
            old_rel = g.edges[rel.start, rel.end, key]["r"] if g.has_edge(
                rel.start, rel.end, key) else None
            if old_rel is None:
                rc += 1
            elif asdict(old_rel) != asdict(rel):
                ru += 1
            g.add_edge(rel.start, rel.end, key=key, r=rel)
            done += 1
            if progress and done % 5000 == 0:
                progress(done, total)
        if progress:
            progress(total, total)
        self._keys = None
        self._walk = None
        return LoadSummary(ec, eu, rc, ru)

    def meta_items(self, prefix: str) -> dict[str, str]:
        """The store's metadata whose keys start with `prefix` (e.g. the load ledger)."""
        return {k: v for k, v in sorted(self.meta.items()) if k.startswith(prefix)}

    def unload(self, relations: Iterable[tuple[str, str, str, str]], entities: Iterable[str],
               *, drop_meta: Iterable[str] = (), set_meta: dict[str, str] | None = None,
               ) -> tuple[int, list[str], list[str]]:
        """Remove these relations, then those of these entities that no relation uses any
        more, and update the metadata, all or nothing: (relations removed, entities removed,
        entities kept because other relations still use them)."""
        with self._lock():
            if self.path.exists():
                self._reread()
            g = self.graph
            removed = 0
            for rel_type, start, end, source in relations:
                key = f"{rel_type}|{source}"
                if g.has_edge(start, end, key):
                    g.remove_edge(start, end, key)
                    removed += 1
            gone: list[str] = []
            kept: list[str] = []
            for entity_id in sorted(set(entities)):
                if entity_id not in g:
                    continue
                if g.degree(entity_id):
                    kept.append(entity_id)
                else:
                    g.remove_node(entity_id)
                    gone.append(entity_id)
            for key in drop_meta:
                self.meta.pop(key, None)
            self.meta.update(set_meta or {})
            self._keys = None
            self._walk = None
            self.save()
        return removed, gone, kept

    # -- reading -----------------------------------------------------------------------------

    def _entity(self, entity_id: str) -> Entity:
        return self.graph.nodes[entity_id]["e"]

    def label_of(self, entity_id: str) -> str | None:
        return self._entity(entity_id).label if entity_id in self.graph else None

    def entities(self, ids: Iterable[str]) -> dict[str, Entity]:
        return {i: self._entity(i) for i in ids if i in self.graph}

    def find_by_key(self, key: str) -> list[Entity]:
        if self._keys is None:
            index: dict[str, list[str]] = {}
            for node_id, data in self.graph.nodes(data=True):
                e: Entity = data["e"]
                if e.label in TRAVERSAL_EXCLUDED_LABELS:
                    continue
                for k in entity_keys(e):
                    index.setdefault(k, []).append(node_id)
            self._keys = index
        ids = set(self._keys.get(normalize(key), []))
        if key in self.graph:
            ids.add(key)
        return [self._entity(i) for i in sorted(ids)]

    def all_entities(self) -> list[Entity]:
        return [self._entity(i) for i in sorted(self.graph)
                if self._entity(i).label not in TRAVERSAL_EXCLUDED_LABELS]

    def name_candidates(self, grams: Iterable[str], label: str | None,
                        limit: int) -> list[Entity]:
        wanted = set(grams)
        shared = {e.id: n for e in self.all_entities()
                  if (label is None or e.label == label)
                  and (n := len(wanted & entity_grams(e)))}
        return [self._entity(i) for i in rank_candidates(shared, limit)]

    def relations_of(self, entity_id: str) -> list[Relation]:
        if entity_id not in self.graph:
            return []
        g = self.graph
        rels = [d["r"] for _, _, d in g.out_edges(entity_id, data=True)]
        rels += [d["r"] for _, _, d in g.in_edges(entity_id, data=True)
                 if d["r"].start != entity_id]
        return sort_relations(rels)

    def all_relations(self) -> list[Relation]:
        return sort_relations([d["r"] for _, _, d in self.graph.edges(data=True)])

    def relations_between(self, pairs: Iterable[tuple[str, str]]) -> list[Relation]:
        succ = self.graph.succ
        rels: list[Relation] = []
        for x, y in {tuple(sorted(p)) for p in pairs}:
            for a, b in ((x, y), (y, x)):
                if a in succ and b in succ[a]:
                    rels.extend(d["r"] for d in succ[a][b].values())
        return sort_relations(rels)

    def relations_among(self, ids: Iterable[str]) -> list[Relation]:
        keep = {i for i in ids if i in self.graph}
        rels: list[Relation] = []
        for a in keep:
            succ = self.graph.succ[a]
            # A hub's neighbours can far outnumber the ids asked about: scan the smaller side.
            ends = ([b for b in succ if b in keep] if len(succ) <= len(keep)
                    else [b for b in keep if b in succ])
            rels.extend(d["r"] for b in ends for d in succ[b].values())
        return sort_relations(rels)

    def _walkable(self) -> nx.Graph:
        """The undirected simple graph that paths and neighbourhoods walk (no Source nodes)."""
        if self._walk is None:
            import networkx as nx

            walk = nx.Graph()
            excluded = {n for n, d in self.graph.nodes(data=True)
                        if d["e"].label in TRAVERSAL_EXCLUDED_LABELS}
            walk.add_nodes_from(n for n in self.graph if n not in excluded)
            walk.add_edges_from((a, b) for a, b in self.graph.edges()
                                if a not in excluded and b not in excluded and a != b)
            self._walk = walk
        return self._walk

    def distances(self, entity_id: str, depth: int) -> dict[str, int]:
        import networkx as nx

        walk = self._walkable()
        if entity_id not in walk:
            return {entity_id: 0} if entity_id in self.graph else {}
        return dict(nx.single_source_shortest_path_length(walk, entity_id, cutoff=depth))

    # Both read the node's own relations, not the walk graph: a bounded neighbourhood costs
    # what it visits (queries/neighbors.py).
    def _walk_neighbors(self, entity_id: str) -> set[str]:
        g = self.graph
        if entity_id not in g or self._entity(entity_id).label in TRAVERSAL_EXCLUDED_LABELS:
            return set()
        return {n for n in (*g.succ[entity_id], *g.pred[entity_id])
                if n != entity_id and self._entity(n).label not in TRAVERSAL_EXCLUDED_LABELS}

    def degrees(self, ids: Iterable[str]) -> dict[str, int]:
        walk = self._walk  # once built (by a whole-neighbourhood walk), a degree is a lookup
        if walk is not None:
            return {i: walk.degree(i) if i in walk else 0 for i in ids}
        return {i: len(self._walk_neighbors(i)) for i in ids}

    def walkable_neighbors(self, ids: Iterable[str]) -> dict[str, list[str]]:
        return {i: sorted(self._walk_neighbors(i)) for i in ids}

    def shortest_paths(self, a: str, b: str, max_len: int) -> list[list[str]]:
        walk = self._walkable()
        if a not in walk or b not in walk:
            return []
        return sorted(all_shortest_paths(walk.adj, a, b, max_len), key=path_sort_key)

    def simple_paths(self, a: str, b: str, max_len: int, inner_labels: frozenset[str],
                     exclude_levels: frozenset[str] = frozenset()) -> list[list[str]]:
        walk = self._walkable()
        if a not in walk or b not in walk or a == b:
            return []

        def allowed(node: str) -> bool:
            e = self._entity(node)
            return e.label in inner_labels and e.props.get("level", "") not in exclude_levels

        def halves(start: str, depth: int, target: str) -> list[list[str]]:
            return half_paths(walk.adj, start, depth, target, allowed)

        return simple_paths_from_halves(halves, a, b, max_len)

    def counts(self) -> tuple[dict[str, int], dict[str, int]]:
        labels: dict[str, int] = {}
        for _, d in self.graph.nodes(data=True):
            labels[d["e"].label] = labels.get(d["e"].label, 0) + 1
        types: dict[str, int] = {}
        for _, _, d in self.graph.edges(data=True):
            types[d["r"].type] = types.get(d["r"].type, 0) + 1
        return dict(sorted(labels.items())), dict(sorted(types.items()))
