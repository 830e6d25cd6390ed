"""A Chinese text document -> a Source and one MENTIONS relation per entity it names.

The file is streamed once (loaders/sentences.py): split into sentences on 。！？； and line
breaks, each kept exactly as written (only surrounding whitespace trimmed; one over the
evidence limit cut at commas), so every quote is a substring of the document; time is linear
in the text and memory bounded by one 256 kB piece. Names are found by longest match over
every entity's name and aliases of two characters or more (single-character aliases such as
通 or 苏 would match half the text): at each position the longest known name wins, so 苏州工业园区
is one match, not 苏州. A name that two entities answer to is given to the one whose name it
is; if that still leaves several, the name is skipped and reported as ambiguous. ASCII names
(PTA, AI) must not touch other ASCII letters or digits, so AI does not match inside "CHAIN".

One relation per (source, entity), as the store keys relations by type, ends and source:

* `evidence` is the first sentence that names the entity;
* `note` says the relation was found by load-doc and in how many sentences;
* `confidence` is "medium": a machine match of a name, not a reader's judgement.

Loading is additive and idempotent. A relation already in the store (a curated MENTIONS of the
bundled article, or one an earlier load-doc made) is never overwritten, so loading the same
document twice changes nothing. Provenance cannot be forged: an existing Source is reused
only if load-doc made it for the same file name (`--title`/`--url` given again update it), or
if it is a bundled source and the document is byte for byte the text it ships (its title and
address never change); a source loaded from data files is never reused.

`plan_document` is pure; `load_document` is the one loader function that talks to a store,
because what a document names depends on what the graph already holds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from graph.gazetteer import NameScanner
from graph.limits import DEFAULT_LIMITS, Limits
from graph.model import Entity, Relation, Subgraph, sort_relations
from graph.names import lookup_keys, pinyin
from loaders.checks import value_problem
from loaders.errors import LoadError, ValidationFailed
from loaders.reading import InputError, stream_decode
from loaders.sentences import (  # noqa: F401  (split_sentences: part of this module's API)
    SENTENCE_ENDS,
    Sentence,
    _FastScanner,
    _Splitter,
    split_sentences,
)

if TYPE_CHECKING:
    from graph.bundle import Bundle
    from graph.store import LoadSummary, Store

CONFIDENCE = "medium"
CHUNK_BYTES = 256 * 1024  # read and scanned at a time: small enough that 1 MB costs < 2 MB
SOURCE_ID = re.compile(r"^source:[a-z0-9][a-z0-9-]*$")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
_MAX_NAME_FROM_TEXT = 60


@dataclass(frozen=True)
class Named:
    """An entity a document names, and the MENTIONS relation that records it."""

    entity: Entity
    relation: Relation  # the MENTIONS relation: new, or the one already in the store
    sentences: int  # how many sentences of the document name the entity
    new: bool

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.entity.ref(), "sentence": self.relation.evidence,
                "sentences": self.sentences, "new": self.new}


@dataclass(frozen=True)
class DocumentPlan:
    """What loading a document adds: the bundle, and everything it found."""

    path: Path
    source: Entity
    source_is_new: bool
    sentences: int
    mentions: tuple[Named, ...]  # by entity id
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]  # (name, candidate ids), by name
    bundle: Bundle
    split: int = 0  # sentences over the evidence limit, cut into pieces


@dataclass(frozen=True)
class DocumentLoad:
    """The outcome of `estuary load-doc`."""

    path: str
    source: Entity
    sentences: int
    mentions: tuple[Named, ...]
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]
    entities_created: int
    entities_updated: int
    relations_created: int
    relations_updated: int
    unchanged: int = field(default=0)  # relations found that were already in the store
    split: int = field(default=0)  # sentences over the evidence limit, cut into pieces

    @property
    def title(self) -> str:
        return f"{self.source.name} ({PurePath(self.path).name})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.path, "source": self.source.to_dict(), "sentences": self.sentences,
            "entities_named": len(self.mentions),
            "entities_created": self.entities_created,
            "entities_updated": self.entities_updated,
            "relations_created": self.relations_created,
            "relations_updated": self.relations_updated,
            "relations_already_present": self.unchanged,
            "long_sentences_cut": self.split,
            "mentions": [m.to_dict() for m in self.mentions],
            "ambiguous": [{"name": name, "candidates": list(ids)}
                          for name, ids in self.ambiguous],
        }

    def subgraph(self) -> Subgraph:
        nodes = sorted([self.source, *(m.entity for m in self.mentions)], key=lambda e: e.id)
        return Subgraph(nodes=tuple(nodes),
                        edges=tuple(sort_relations([m.relation for m in self.mentions])),
                        focus=(self.source.id,),
                        highlight=tuple(m.entity.id for m in self.mentions))


def slug(path: Path) -> str:
    """A source id slug from a file name: ASCII kept, Chinese as pinyin, the rest dashes."""
    text = _HAN_RUN.sub(lambda m: f"-{pinyin(m.group())}-", path.stem).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _fail(path: Path, message: str, line: int | None = None) -> ValidationFailed:
    return ValidationFailed([LoadError(path, line, None, message)])


def source_id_for(path: Path, given: str | None) -> str:
    if given is not None:
        if not SOURCE_ID.match(given) or len(given) > DEFAULT_LIMITS.id_length:
            raise _fail(path, f"--id {given!r} must look like 'source:slug' (lowercase ascii, "
                              "digits, dashes)")
        return given
    name = slug(path)[:DEFAULT_LIMITS.id_length - len("source:")].strip("-")
    if not name:
        raise _fail(path, "cannot make a source id from the file name: give --id source:…")
    return f"source:{name}"


ORIGIN = "load-doc"  # the `origin` of a Source that load-doc made


def _made_by_load_doc(source: Entity, relations: Iterable[Relation]) -> bool:
    """Did load-doc make this Source (marked so, or, in older stores, stating nothing but
    load-doc's MENTIONS)?"""
    if source.props.get("origin") == ORIGIN:
        return True
    stated = [r for r in relations if r.source == source.id]
    return bool(stated) and all(
        r.type == "MENTIONS" and str(r.props.get("note", "")).startswith("found by estuary "
                                                                          "load-doc")
        for r in stated)


def _same_bytes(a: Path, b: Path) -> bool:
    import filecmp

    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def check_source(path: Path, source_id: str, existing: Entity | None,
                 relations: Iterable[Relation], bundled: Mapping[str, Path | None],
                 title: str | None = None, url: str | None = None) -> None:
    """Refuse to attach a document to a Source it cannot belong to (provenance is not forged).

    A bundled source takes only the very text it ships (byte for byte), and its title and
    address never change; a source loaded from data files, or one load-doc made for another
    file, takes nothing.
    """
    if existing is None:
        return
    if source_id in bundled:
        shipped = bundled[source_id]
        if shipped is None or not _same_bytes(path, shipped):
            raise _fail(path, f"{source_id} is a bundled source and this is not the text it "
                              "ships: load-doc never adds to it; give this document another "
                              "--id")
        if title or url:
            raise _fail(path, f"{source_id} is a bundled source: its title and address are "
                              "not changed by load-doc; leave out --title/--url")
        return
    if not _made_by_load_doc(existing, relations):
        raise _fail(path, f"{source_id} is already in the graph as a source loaded from data "
                          "files (with its own text or relations); load-doc does not add to "
                          "it: give this document another --id")
    if existing.props.get("file") != path.name:
        held = existing.props.get("file") or existing.props.get("url") or "another document"
        raise _fail(path, f"{source_id} is already in the graph for {held}; give this "
                          "document another --id")


def _source_entity(path: Path, first: str, source_id: str, existing: Entity | None,
                   title: str | None, url: str | None, *, bundled: bool = False) -> Entity:
    if existing is not None:
        props = dict(existing.props)
        if not bundled:
            props["origin"] = ORIGIN
        if title:
            props["title"] = title
        if url:
            props["url"] = url
        return replace(existing, props=props) if props != existing.props else existing
    name = title or (first if len(first) <= _MAX_NAME_FROM_TEXT else "") or path.stem
    props: dict[str, Any] = {"file": path.name, "origin": ORIGIN}
    if title:
        props["title"] = title
    if url:
        props["url"] = url
    if py := pinyin(name):
        props["pinyin"] = py
    return Entity(id=source_id, label="Source", name=name, props=props,
                  keys=tuple(lookup_keys(name, "", ())))


def _note(count: int) -> str:
    if count == 1:
        return "found by estuary load-doc"
    return f"found by estuary load-doc: named in {count} sentences; the first is quoted"


def _check_options(path: Path, title: str | None, url: str | None, limits: Limits) -> None:
    for option, value in (("--title", title), ("--url", url)):
        if value is not None and (problem := value_problem(
                "name" if option == "--title" else "url", value, limits)):
            raise _fail(path, f"{option}: {problem}")


@dataclass
class _Scan:
    """What one pass over a document found."""

    sentences: int = 0
    split: int = 0
    first_line: str = ""
    first: dict[str, Sentence] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)


def scan_document(path: Path, gazetteer: NameScanner, limits: Limits = DEFAULT_LIMITS) -> _Scan:
    """Stream a document once: count its sentences and find the entities each names.

    Linear in the text, holding one chunk (1 MB) and the first sentence naming each entity.
    """
    fast = _FastScanner(gazetteer)
    splitter = _Splitter(limits.evidence_length)
    found = _Scan()
    last_seen: dict[str, int] = {}  # entity -> index of the last sentence that named it
    head = ""

    def take(done: str, offset: int, sentences: list[Sentence]) -> None:
        base = found.sentences
        found.sentences += len(sentences)
        if not sentences:
            return
        starts = [s.start - offset for s in sentences]
        for at, key in fast.scan(done):
            index = bisect.bisect_right(starts, at) - 1
            if index < 0:
                continue
            sentence = sentences[index]
            if at + len(key) > starts[index] + len(sentence.text):
                continue  # across the cut of an over-long sentence
            if key in gazetteer.ambiguous:
                found.ambiguous[key] = gazetteer.ambiguous[key]
                continue
            entity_id = gazetteer.owner[key]
            if last_seen.get(entity_id) != base + index:
                last_seen[entity_id] = base + index
                found.first.setdefault(entity_id, sentence)
                found.counts[entity_id] = found.counts.get(entity_id, 0) + 1

    try:
        for chunk in stream_decode(path, chunk_bytes=CHUNK_BYTES):
            if len(head) < 4 * _MAX_NAME_FROM_TEXT:
                head += chunk[:4 * _MAX_NAME_FROM_TEXT]
            take(*splitter.feed(chunk))
        take(*splitter.feed("", final=True))
    except InputError as exc:
        raise ValidationFailed([exc.error]) from None
    if found.sentences == 0:
        raise _fail(path, "file is empty: expected UTF-8 Chinese text")
    found.split = splitter.split
    found.first_line = next((line.strip() for line in head.splitlines() if line.strip()), "")
    return found


def plan_document(path: Path, *, known: Iterable[Entity], source_id: str | None = None,
                  title: str | None = None, url: str | None = None,
                  existing_source: Entity | None = None,
                  existing: Iterable[Relation] = (),
                  bundled: Mapping[str, Path | None] | None = None,
                  limits: Limits = DEFAULT_LIMITS) -> DocumentPlan:
    """Read a document and work out the Source and MENTIONS it adds (no store involved).

    `known` is the gazetteer (the store's entities); `existing_source` the Source already
    stored under the id, if any, `existing` the relations already touching it, and `bundled`
    the ids of the bundled sources (never attached to).
    """
    from graph.bundle import Bundle

    existing = list(existing)
    sid = source_id_for(path, source_id)
    _check_options(path, title, url, limits)
    bundled = bundled or {}
    check_source(path, sid, existing_source, existing, bundled, title, url)
    known = list(known)
    entities = {e.id: e for e in known}
    found = scan_document(path, NameScanner(known), limits)
    source = _source_entity(path, found.first_line, sid, existing_source, title, url,
                            bundled=sid in bundled)

    stored = {r.key: r for r in existing if r.type == "MENTIONS" and r.start == sid}
    bundle = Bundle(files=[path])
    if existing_source is None or source is not existing_source:
        bundle.entities[sid] = source
        bundle.origins[sid] = (path, 1)
    mentions = []
    for entity_id in sorted(found.first):
        sentence = found.first[entity_id]
        count = found.counts[entity_id]
        rel = Relation(type="MENTIONS", start=sid, end=entity_id, source=sid,
                       evidence=sentence.text, confidence=CONFIDENCE,
                       props={"note": _note(count)})
        old = stored.get(rel.key)
        if old is None:
            bundle.relations[rel.key] = rel
            bundle.origins[rel.key] = (path, sentence.line)
        mentions.append(Named(entities[entity_id], old or rel, count, new=old is None))
    return DocumentPlan(path, source, existing_source is None, found.sentences,
                        tuple(mentions), tuple(sorted(found.ambiguous.items())), bundle,
                        split=found.split)


def load_document(store: Store, path: Path, *, source_id: str | None = None,
                  title: str | None = None, url: str | None = None) -> DocumentLoad:
    """Load a document into a store: its Source and a MENTIONS for every entity it names."""
    from loaders.bundled import bundled_source_texts

    sid = source_id_for(path, source_id)
    existing_source = store.entities([sid]).get(sid)
    bundled = bundled_source_texts()
    plan = plan_document(path, known=store.all_entities(), source_id=sid, title=title,
                         url=url, existing_source=existing_source,
                         existing=store.relations_of(sid) if existing_source else (),
                         bundled=bundled)
    summary: LoadSummary = store.load(plan.bundle)
    return DocumentLoad(
        path=str(path), source=plan.source, sentences=plan.sentences, mentions=plan.mentions,
        ambiguous=plan.ambiguous, entities_created=summary.entities_created,
        entities_updated=summary.entities_updated,
        relations_created=summary.relations_created,
        relations_updated=summary.relations_updated,
        unchanged=sum(1 for m in plan.mentions if not m.new), split=plan.split)
