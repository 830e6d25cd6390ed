"""A Chinese text document -> a Source and one MENTIONS relation per entity it names.

The text is split into sentences on 。！？； and line breaks; each sentence is kept exactly as
written (only surrounding whitespace trimmed), so every quote is a substring of the document.
Names are found by longest match over every entity's name and aliases of two characters or
more (single-character aliases such as 通 or 苏 would match half the text): at each position
the longest known name wins, so 苏州工业园区 is one match, not 苏州. A name that two entities
answer to is given to the one whose name it is; if that still leaves several, the name is
skipped and reported as ambiguous. ASCII names (PTA, AI) must not touch other ASCII letters
or digits, so AI does not match inside "CHAIN".

One relation per (source, entity), as the store keys relations by type, ends and source:

* `evidence` is the first sentence that names the entity;
* `note` says the relation was found by load-doc and in how many sentences;
* `confidence` is "medium": a machine match of a name, not a reader's judgement.

Loading is additive and idempotent. A relation already in the store (a curated MENTIONS of the
bundled article, or one an earlier load-doc made) is never overwritten, so loading the same
document twice changes nothing. An existing Source is reused only if it describes the same
file name; `--title`/`--url` given again update it.

`plan_document` is pure; `load_document` is the one loader function that talks to a store,
because what a document names depends on what the graph already holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from graph.gazetteer import NameScanner
from graph.model import Entity, Relation, Subgraph, sort_relations
from graph.names import lookup_keys, pinyin
from loaders.errors import LoadError, ValidationFailed
from loaders.reading import InputError, decode

if TYPE_CHECKING:
    from graph.bundle import Bundle
    from graph.store import LoadSummary, Store

SENTENCE_ENDS = "。！？；\n"
CONFIDENCE = "medium"
SOURCE_ID = re.compile(r"^source:[a-z0-9][a-z0-9-]*$")
_SPLIT = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
_MAX_NAME_FROM_TEXT = 60


@dataclass(frozen=True)
class Sentence:
    start: int  # offset in the text
    line: int  # 1-based line of the sentence's first character
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The non-empty sentences of a text, each an exact substring of it."""
    out: list[Sentence] = []
    pos = 0
    for piece in _SPLIT.split(text):
        stripped = piece.strip()
        if stripped:
            start = pos + piece.index(stripped)
            out.append(Sentence(start, text.count("\n", 0, start) + 1, stripped))
        pos += len(piece) + 1
    return out


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


def read_text(path: Path) -> str:
    """The document's text, decoded as `estuary load` decodes its files."""
    try:
        text = decode(path)
    except InputError as exc:
        raise ValidationFailed([exc.error]) from None
    if not text.strip():
        raise _fail(path, "file is empty: expected UTF-8 Chinese text")
    return text


def source_id_for(path: Path, given: str | None) -> str:
    if given is not None:
        if not SOURCE_ID.match(given):
            raise _fail(path, f"--id {given!r} must look like 'source:slug' (lowercase ascii, "
                              "digits, dashes)")
        return given
    name = slug(path)
    if not name:
        raise _fail(path, "cannot make a source id from the file name: give --id source:…")
    return f"source:{name}"


def _source_entity(path: Path, text: str, source_id: str, existing: Entity | None,
                   title: str | None, url: str | None) -> Entity:
    if existing is not None:
        if existing.props.get("file") != path.name:
            held = existing.props.get("file") or existing.props.get("url") or "another document"
            raise _fail(path, f"{source_id} is already in the graph for {held}; give this "
                              "document another --id")
        props = dict(existing.props)
        if title:
            props["title"] = title
        if url:
            props["url"] = url
        return replace(existing, props=props) if props != existing.props else existing
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    name = title or (first if len(first) <= _MAX_NAME_FROM_TEXT else "") or path.stem
    props: dict[str, Any] = {"file": path.name}
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


def plan_document(path: Path, *, known: Iterable[Entity], source_id: str | None = None,
                  title: str | None = None, url: str | None = None,
                  existing_source: Entity | None = None,
                  existing: Iterable[Relation] = ()) -> DocumentPlan:
    """Read a document and work out the Source and MENTIONS it adds (no store involved).

    `known` is the gazetteer (the store's entities); `existing_source` the Source already
    stored under the id, if any, and `existing` the relations already touching it.
    """
    from graph.bundle import Bundle

    text = read_text(path)
    sid = source_id_for(path, source_id)
    source = _source_entity(path, text, sid, existing_source, title, url)
    known = list(known)
    entities = {e.id: e for e in known}
    gazetteer = NameScanner(known)
    sentences = split_sentences(text)
    first: dict[str, Sentence] = {}
    counts: dict[str, int] = {}
    ambiguous: dict[str, tuple[str, ...]] = {}
    for sentence in sentences:
        named: set[str] = set()
        for mention in gazetteer.scan(sentence.text):
            key = mention.text
            if key in gazetteer.ambiguous:
                ambiguous[key] = gazetteer.ambiguous[key]
            else:
                named.add(gazetteer.owner[key])
        for entity_id in named:
            first.setdefault(entity_id, sentence)
            counts[entity_id] = counts.get(entity_id, 0) + 1

    stored = {r.key: r for r in existing if r.type == "MENTIONS" and r.start == sid}
    bundle = Bundle(files=[path])
    if existing_source is None or source is not existing_source:
        bundle.entities[sid] = source
        bundle.origins[sid] = (path, 1)
    mentions = []
    for entity_id in sorted(first):
        sentence = first[entity_id]
        rel = Relation(type="MENTIONS", start=sid, end=entity_id, source=sid,
                       evidence=sentence.text, confidence=CONFIDENCE,
                       props={"note": _note(counts[entity_id])})
        old = stored.get(rel.key)
        if old is None:
            bundle.relations[rel.key] = rel
            bundle.origins[rel.key] = (path, sentence.line)
        mentions.append(Named(entities[entity_id], old or rel, counts[entity_id],
                                new=old is None))
    return DocumentPlan(path, source, existing_source is None, len(sentences), tuple(mentions),
                        tuple(sorted(ambiguous.items())), bundle)


def load_document(store: Store, path: Path, *, source_id: str | None = None,
                  title: str | None = None, url: str | None = None) -> DocumentLoad:
    """Load a document into a store: its Source and a MENTIONS for every entity it names."""
    sid = source_id_for(path, source_id)
    existing_source = store.entities([sid]).get(sid)
    plan = plan_document(path, known=store.all_entities(), source_id=sid, title=title,
                         url=url, existing_source=existing_source,
                         existing=store.relations_of(sid) if existing_source else ())
    summary: LoadSummary = store.load(plan.bundle)
    return DocumentLoad(
        path=str(path), source=plan.source, sentences=plan.sentences, mentions=plan.mentions,
        ambiguous=plan.ambiguous, entities_created=summary.entities_created,
        entities_updated=summary.entities_updated,
        relations_created=summary.relations_created,
        relations_updated=summary.relations_updated,
        unchanged=sum(1 for m in plan.mentions if not m.new))
