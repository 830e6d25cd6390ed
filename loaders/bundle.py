"""Files -> one validated Bundle of entities and relations, or every error found in them.

Validation is all-or-nothing: a Bundle exists only when every file passed, so a store is never
handed half of a load.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.bundle import Bundle
from graph.limits import DEFAULT_LIMITS, Limits
from graph.model import Entity, Relation
from graph.names import lookup_keys, pinyin
from graph.schema import ID_PATTERN, LABELS, REL_TYPES, label_for_id
from loaders.checks import record_problems
from loaders.endpoints import FindByKey, Names
from loaders.errors import LoadError, ValidationFailed
from loaders.formats import is_input, read_document
from loaders.reading import InputError, LineDict, decode
from loaders.records import EntityBase, RelationBase, entity_model, extra_props, relation_model
from loaders.sheets import stable_id

TOP_LEVEL_KEYS = ("sources", "entities", "relations")
MAX_ERRORS = 50

# Looks up the label of an id already in the store (for files that refer to earlier loads).
KnownLabel = Callable[[str], str | None]
_ID = re.compile(ID_PATTERN)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the input files inside any directory, in a stable order; a file
    named twice (or inside two given directories) is read once."""
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        found = (sorted(p for p in path.rglob("*") if is_input(p))
                 if path.is_dir() else [path])
        for file in found:
            key = file.resolve() if file.exists() else file
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def _field_path(prefix: str, loc: tuple[Any, ...]) -> str:
    return prefix + "".join(f".{part}" if isinstance(part, str) else f"[{part}]" for part in loc)


class _Collector:
    def __init__(self, known: KnownLabel | None, limits: Limits = DEFAULT_LIMITS,
                 find: FindByKey | None = None) -> None:
        self.limits = limits
        self.find = find
        self.bundle = Bundle()
        self.names = Names(self.bundle.entities, find)
        self.errors: list[LoadError] = []
        self.known = known
        self.pending: list[tuple[Path, str, LineDict]] = []
        self.source_dirs: dict[str, Path] = {}
        self.unreadable = False  # a file could not be parsed: its ids are unknown

    def error(self, path: Path, line: int | None, fld: str | None, msg: str,
              column: str | None = None) -> None:
        self.errors.append(LoadError(path, line, fld, msg, column))

    def at(self, path: Path, item: LineDict, where: str, key: str | None, msg: str,
           line: int | None = None) -> None:
        """An error at a record's key: its line (row), and for a sheet its column and the
        header the user wrote."""
        columns = getattr(item, "key_columns", None)
        headers = getattr(item, "key_headers", {})
        fld = f"{where}.{headers.get(key, key)}" if key else where
        if line is None:
            line = item.key_lines.get(key, item.line) if key else item.line
        self.error(path, line, fld, msg, columns.get(key) if columns and key else None)

    def read(self, path: Path) -> None:
        self.bundle.files.append(path)
        try:
            doc = read_document(path)
        except InputError as exc:
            self.errors.append(exc.error)
            self.unreadable = True
            return
        self.bundle.notes.extend(getattr(doc, "notes", ()))
        if not isinstance(doc, LineDict):
            line = getattr(doc, "line", 1)
            kind = type(doc).__name__.replace("LineList", "list")
            self.error(path, line, None,
                       f"expected a mapping with keys {', '.join(TOP_LEVEL_KEYS)}; got a {kind}")
            return
        for key in doc:
            if key not in TOP_LEVEL_KEYS:
                self.error(path, doc.key_lines[key], key,
                           f"unknown top-level key; allowed: {', '.join(TOP_LEVEL_KEYS)}")
        last: tuple[str, LineDict] | None = None  # the last record read, and the one before
        before_last: tuple[str, LineDict] | None = None
        for key in TOP_LEVEL_KEYS:
            items = doc.get(key)
            if items is None:
                continue
            if not isinstance(items, list):
                self.error(path, doc.key_lines[key], key, "expected a list of mappings")
                continue
            cap = (self.limits.relations_per_file if key == "relations"
                   else self.limits.entities_per_file)
            if len(items) > cap:
                flag = " or raise it with --max-relations" if key == "relations" else ""
                self.error(path, doc.key_lines[key], key,
                           f"{len(items)} {key} in one file, more than the limit of {cap}: "
                           f"split the file{flag}")
                continue
            for index, item in enumerate(items):
                if isinstance(item, LineDict):
                    before_last, last = last, (f"{key}[{index}]", item)
                where = getattr(item, "where", None) or f"{key}[{index}]"
                if not isinstance(item, LineDict):
                    self.error(path, getattr(items, "line", None), where,
                               f"expected a mapping, got {type(item).__name__}")
                elif self._text_problems(path, where, item):
                    continue
                elif key == "relations":
                    self.pending.append((path, where, item))
                else:
                    self._entity(path, where, item, source=(key == "sources"))
        if not getattr(doc, "ends_cleanly", True) and last is not None:
            self._truncation_warning(path, before_last)

    def _truncation_warning(self, path: Path, complete: tuple[str, LineDict] | None) -> None:
        if complete is None:
            last = "no record is surely complete"
        else:
            where, item = complete
            ident = item.get("id") or " ".join(
                str(item.get(k, "?")) for k in ("type", "from", "to"))
            last = f"the last complete record is {where} ({ident}, line {item.line})"
        self.bundle.warnings.append(
            f"{path}: the file does not end with a line break, so it may be cut off: {last}. "
            "Check its end.")

    def _text_problems(self, path: Path, where: str, item: LineDict) -> bool:
        """Report limits, hidden characters and non-text values; True if there were any."""
        problems = record_problems(item, self.limits)
        for fld, message in problems:
            root = fld.split("[", 1)[0]
            self.at(path, item, where, root, message)
        return bool(problems)

    def _pydantic_errors(self, path: Path, where: str, item: LineDict,
                         exc: ValidationError) -> None:
        for err in exc.errors():
            loc = err["loc"]
            key = str(loc[0]) if loc else None
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = "unknown key"
            elif err["type"] == "string_pattern_mismatch":
                message = "must look like 'label:slug' (lowercase ascii, digits, dashes)"
            got = err.get("input")
            if err["type"] not in ("missing", "extra_forbidden") and not isinstance(got, dict):
                message += f" (got {got!r})"
            if getattr(item, "key_columns", None) is not None and key:
                self.at(path, item, where, key, message)
            else:
                line = item.key_lines.get(key, item.line) if key else item.line
                self.error(path, line, _field_path(where, loc), message)

    def _entity(self, path: Path, where: str, item: LineDict, *, source: bool) -> None:
        # a sheet row without an id
        if ("id" not in item and hasattr(item, "key_columns")
                and not self._sheet_id(path, where, item)):
            return
        raw_id = item.get("id")
        label = label_for_id(raw_id) if isinstance(raw_id, str) else None
        if label is None:
            prefixes = ", ".join(sorted(f"{lbl.prefix}:" for lbl in LABELS.values()))
            self.error(path, item.key_lines.get("id", item.line), f"{where}.id",
                       f"id {raw_id!r} must start with a known prefix ({prefixes})")
            return
        if source and label.name != "Source":
            self.error(path, item.key_lines["id"], f"{where}.id",
                       f"a source id must start with 'source:', got {raw_id!r}")
            return
        try:
            record = entity_model(label.name).model_validate(dict(item))
        except ValidationError as exc:
            self._pydantic_errors(path, where, item, exc)
            return
        if record.label is not None and record.label != label.name:
            self.at(path, item, where, "label",
                    f"label {record.label!r} does not match id prefix "
                    f"'{label.prefix}:' ({label.name})")
            return
        props = extra_props(record, EntityBase)
        for key in ("source", "confidence"):
            if getattr(record, key) is not None:
                props[key] = getattr(record, key)
        if (py := pinyin(record.name)):
            props["pinyin"] = py
        entity = Entity(
            id=record.id, label=label.name, name=record.name, name_en=record.name_en,
            aliases=tuple(record.aliases), description=record.description, props=props,
            keys=tuple(lookup_keys(record.name, record.name_en, record.aliases)))
        if record.id in self.bundle.entities:
            first = self.bundle.origins[record.id]
            same = self.bundle.entities[record.id]
            if first[0] != path and same == entity and same.props == entity.props:
                if hasattr(item, "key_columns"):
                    item.resolved_id = record.id  # type: ignore[attr-defined]
                return  # another file (an export of the store?) states the very same
            self.error(path, item.line, f"{where}.id",
                       f"duplicate id {record.id!r}; first defined at {first[0]}:{first[1]}"
                       + (" with other properties" if first[0] != path else ""))
            return
        self.bundle.entities[record.id] = entity
        self.names.add(entity)
        self.bundle.origins[record.id] = (path, item.line)
        if hasattr(item, "key_columns"):
            item.resolved_id = record.id  # type: ignore[attr-defined]
        if source:
            self.source_dirs[record.id] = path.parent

    def _sheet_id(self, path: Path, where: str, item: LineDict) -> bool:
        """Give a sheet row without an id one: the existing entity of that label its name
        means (then the row only adds relations), else an id made from label and name, the
        same on every load. False if the row cannot be an entity (and said why)."""
        label, name = item.get("label"), item.get("name")
        if not isinstance(label, str) or not isinstance(name, str):
            self.at(path, item, where, "label" if "label" in item else "name",
                    "类型/label is empty: fill it, or give the 编号/id")
            return False
        made = stable_id(label, name)
        if made not in self.bundle.entities and self.known and self.known(made) is None:
            existing = self.names.existing(name, label)
            if existing is not None and existing.id != made:
                item.resolved_id = existing.id  # type: ignore[attr-defined]
                self.bundle.notes.append(
                    f"{path.name}:{item.line}: {name} is the existing {existing.id}: the row "
                    "adds its relations and leaves the entity as it is")
                return False
        item["id"] = made
        item.key_lines["id"] = item.line
        return True

    def _resolve_ends(self, path: Path, where: str, item: LineDict, rel_type: str) -> bool:
        """Replace names at `from`/`to` by the id they mean (in the files or the store); False
        (with an error naming the candidates) for a name that is unknown or ambiguous."""
        spec = REL_TYPES[rel_type]
        ok = True
        for key, allowed in (("from", spec.sources), ("to", spec.targets)):
            text = item.get(key)
            if not isinstance(text, str) or _ID.match(text):
                continue
            found, problem = self.names.resolve(text, allowed)
            if found is None:
                self.at(path, item, where, key, problem)
                ok = False
            else:
                item[key] = found
        return ok

    def _label_of(self, entity_id: str) -> str | None:
        if entity_id in self.bundle.entities:
            return self.bundle.entities[entity_id].label
        return self.known(entity_id) if self.known else None

    def relations(self) -> None:
        texts: dict[str, str | None] = {}
        for path, where, item in self.pending:
            subject = getattr(item, "subject", None)
            if subject is not None:  # a relation of an entity row: from (or to) that row
                if subject.resolved_id is None:
                    continue  # the row itself was refused, and said so
                item[item.subject_key] = subject.resolved_id
            rel_type = item.get("type")
            if not isinstance(rel_type, str) or rel_type not in REL_TYPES:
                self.error(path, item.key_lines.get("type", item.line), f"{where}.type",
                           f"unknown relationship type {rel_type!r}; "
                           f"allowed: {', '.join(REL_TYPES)}")
                continue
            if not self._resolve_ends(path, where, item, rel_type):
                continue
            try:
                record = relation_model(rel_type).model_validate(dict(item))
            except ValidationError as exc:
                self._pydantic_errors(path, where, item, exc)
                continue
            self._relation(path, where, item, record, texts)

    def _relation(self, path: Path, where: str, item: LineDict, record: RelationBase,
                  texts: dict[str, str | None]) -> None:
        spec = REL_TYPES[record.type]
        ok = True
        if record.start == record.end and not spec.allows_self:
            self.error(path, item.key_lines.get("to", item.line), f"{where}.to",
                       f"a {record.type} relation cannot start and end at the same entity "
                       f"({record.start})")
            return
        for key, entity_id, allowed in (("from", record.start, spec.sources),
                                        ("to", record.end, spec.targets)):
            label = self._label_of(entity_id)
            if label is None:
                self.at(path, item, where, key,
                        f"unknown entity {entity_id!r}{self._suggest(entity_id)}")
                ok = False
            elif label not in allowed:
                end = "start" if key == "from" else "end"
                self.at(path, item, where, key, f"{record.type} cannot {end} at {entity_id} "
                        f"({label}); allowed: {', '.join(sorted(allowed))}")
                ok = False
        if self._label_of(record.source) != "Source":
            self.at(path, item, where, "source",
                    f"source {record.source!r} is not a known Source id"
                    f"{self._suggest(record.source)}")
            ok = False
        elif (text := self._source_text(record.source, texts)) is not None:
            if not record.evidence:
                self.at(path, item, where, "evidence",
                        f"required: the exact quote from {record.source} that states this",
                        line=item.line)
                ok = False
            elif record.evidence not in text:
                self.at(path, item, where, "evidence",
                        f"quote not found in the text of {record.source}")
                ok = False
        if not ok:
            return
        relation = Relation(
            type=record.type, start=record.start, end=record.end, source=record.source,
            evidence=record.evidence, confidence=record.confidence,
            props={**extra_props(record, RelationBase),
                   **({"note": record.note} if record.note else {})})
        if relation.key in self.bundle.relations:
            first = self.bundle.origins[relation.key]
            if first[0] != path and self.bundle.relations[relation.key] == relation and (
                    relation.props == self.bundle.relations[relation.key].props):
                return  # another file states the very same: loading it changes nothing
            if first[0] != path:
                self.at(path, item, where, None,
                        f"{record.type} {record.start} -> {record.end} from {record.source} "
                        f"is already stated at {first[0]}:{first[1]} with other properties: "
                        "write it the same, or cite another source")
                return
            self.error(path, item.line, where,
                       f"duplicate relation {record.type} {record.start} -> {record.end} "
                       f"from {record.source}; first at {first[0]}:{first[1]}")
            return
        self.bundle.relations[relation.key] = relation
        self.bundle.origins[relation.key] = (path, item.line)

    def _source_text(self, source_id: str, texts: dict[str, str | None]) -> str | None:
        """The text of a source that ships its document (evidence must quote it)."""
        if source_id not in texts:
            texts[source_id] = None
            entity = self.bundle.entities.get(source_id)
            rel = entity.props.get("file") if entity else None
            base = self.source_dirs.get(source_id)
            if rel and base:
                texts[source_id] = self._read_source_file(source_id, str(rel), base)
        return texts[source_id]

    def _read_source_file(self, source_id: str, rel: str, base: Path) -> str | None:
        path, line = self.bundle.origins[source_id]
        root = base.resolve()
        for candidate in (base / rel, base / "sources" / rel):
            # Only files beside the YAML that names them: input must not probe other files.
            if candidate.resolve().is_relative_to(root) and candidate.is_file():
                try:
                    return decode(candidate)
                except InputError as exc:
                    self.error(path, line, "file", f"{rel}: {exc.error.message}")
                    return None
        self.error(path, line, "file", f"{rel!r} not found beside {path.name} (or in its "
                   "sources/ folder): evidence for this source cannot be checked")
        return None

    def _suggest(self, entity_id: str) -> str:
        from rapidfuzz import process

        match = process.extractOne(entity_id, list(self.bundle.entities), score_cutoff=80)
        return f" (did you mean {match[0]!r}?)" if match else ""


def read_bundle(paths: Iterable[Path], *, known: KnownLabel | None = None,
                limits: Limits = DEFAULT_LIMITS, find: FindByKey | None = None) -> Bundle:
    """Read and validate input files together; raise ValidationFailed listing every problem.

    `known` and `find` see the store: ids and names the files refer to but do not define.
    """
    collector = _Collector(known, limits, find)
    paths = list(paths)
    for path in paths:
        if path.is_dir() and not expand_paths([path]):
            collector.error(path, None, None, "no YAML or CSV files in this directory")
    files = expand_paths(paths)
    if not files:
        raise ValidationFailed([LoadError(Path("."), None, None, "no input files given")])
    for path in files:
        if not path.exists():
            collector.error(path, None, None, "no such file")
            continue
        collector.read(path)
    if not collector.unreadable:  # else every reference into that file would be noise
        collector.relations()
    if collector.errors:
        raise ValidationFailed(collector.errors[:MAX_ERRORS], total=len(collector.errors),
                               warnings=collector.bundle.warnings)
    return collector.bundle
