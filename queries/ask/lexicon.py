"""The words `ask` reads questions with, as data: queries/ask/lexicon.yaml (shipped with the
package, loaded with importlib.resources). Label words, verbs for every relationship type of
the schema, qualifiers, an analyst's concepts, what the graph does not hold, framing words.

A relationship type the schema gains later is understood without an entry here: its Chinese
name (`RelType.zh`) and its name in words ("CO_BUILDS" -> "co builds") are its verbs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from graph.gazetteer import prepare
from graph.schema import LABELS, REL_TYPES
from queries.errors import QueryError

LEXICON_FILE = "lexicon.yaml"


class LexiconError(QueryError):
    """A lexicon or questions file that does not validate; the message names file:line."""


@dataclass(frozen=True)
class Verb:
    rel_type: str
    text: str  # prepared
    active: bool  # the relation's source comes before it
    symmetric: bool = False


@dataclass(frozen=True)
class Qualifier:
    words: tuple[str, ...]  # prepared
    where: dict[str, str]
    # where no relation holds `where`, the value the data records the same thing by
    # (主导: role lead, else tier 主导产业)
    otherwise: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Kind:
    """A word for a kind of thing that also names property values (大桥 -> kind bridge)."""

    words: tuple[str, ...]  # prepared
    where: dict[str, tuple[str, ...]]
    # values listed beside it but not of the kind the word names, and never counted as it
    # (联盟: the councils analysts call alliances too)
    also: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Lexicon:
    labels: dict[str, tuple[str, ...]]  # label -> prepared words
    verbs: tuple[Verb, ...]
    qualifiers: tuple[Qualifier, ...]
    concepts: dict[str, tuple[str, ...]]  # entity id -> the terms an analyst uses for it
    unheld: tuple[str, ...]
    wording: tuple[str, ...]
    properties: dict[str, tuple[str, ...]] = field(default_factory=dict)  # property -> words
    sets: frozenset[frozenset[str]] = frozenset()  # concepts that name several entities
    kinds: tuple[Kind, ...] = ()  # 县级市, bridges: a kind word with a property's values
    otherwise: dict[str, tuple[str, ...]] = field(default_factory=dict)  # label -> words
    # an English word of a name said another way -> as the data spells it (hi-tech, petrochem)
    spellings: dict[str, str] = field(default_factory=dict)


    def verbs_of(self, rel_type: str) -> list[Verb]:
        return [v for v in self.verbs if v.rel_type == rel_type]


# -- reading YAML with line numbers ------------------------------------------------------------


def _condition(parts: dict[str, Any], error: str, errors: list[str]) -> dict[Any, Any] | None:
    """An entry's `where:` mapping (a qualifier's or a kind's), or None with `error` noted."""
    where_node = parts.get("where")
    cond = plain(where_node) if where_node is not None else None
    if not isinstance(cond, dict) or not cond:
        errors.append(error)
        return None
    return cond

def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def plain(node: yaml.Node) -> Any:
    """A composed YAML node as Python values."""
    if isinstance(node, yaml.MappingNode):
        return {plain(k): plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(v) for v in node.value]
    return yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:str" \
        else node.value


def compose(text: str, where: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise LexiconError(f"{where}{line}: not valid YAML: "
                           f"{getattr(exc, 'problem', exc)}") from None


def entries(node: yaml.Node) -> dict[str, yaml.Node]:
    return {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}


# -- the lexicon --------------------------------------------------------------------------------

def _words(node: yaml.Node | None, where: str, errors: list[str]) -> tuple[str, ...]:
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        errors.append(f"{where}:{_line(node)}: expected a list of words")
        return ()
    out = []
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or not prepare(str(item.value)):
            errors.append(f"{where}:{_line(item)}: expected a word, got {plain(item)!r}")
            continue
        out.append(prepare(str(item.value)))
    return tuple(out)


def _both(node: yaml.Node | None, where: str, errors: list[str]) -> tuple[str, ...]:
    """The zh and en words of a {zh: [...], en: [...]} entry."""
    if node is None:
        return ()
    parts = entries(node)
    for key, value in parts.items():
        if key not in ("zh", "en"):
            errors.append(f"{where}:{_line(value)}: unknown key {key!r} (zh or en)")
    return _words(parts.get("zh"), where, errors) + _words(parts.get("en"), where, errors)


def schema_verbs(rel_type: str) -> list[Verb]:
    """What every relationship type is called without a lexicon entry."""
    rel = REL_TYPES[rel_type]
    return [Verb(rel_type, prepare(rel.zh), True),
            Verb(rel_type, prepare(rel_type.replace("_", " ")), True)]


def parse_lexicon(text: str, where: str = LEXICON_FILE) -> Lexicon:
    """The lexicon a YAML text declares; raises LexiconError naming file:line."""
    errors: list[str] = []
    root = compose(text, where)
    top = entries(root) if root is not None else {}
    labels: dict[str, tuple[str, ...]] = {}
    for key, node in entries(top["labels"]).items() if "labels" in top else ():
        if key not in LABELS:
            errors.append(f"{where}:{_line(node)}: unknown label {key!r}; the schema has "
                          f"{', '.join(LABELS)}")
            continue
        labels[key] = _both(node, where, errors)
    verbs: list[Verb] = []
    relations = entries(top["relations"]) if "relations" in top else {}
    for key, node in relations.items():
        if key not in REL_TYPES:
            errors.append(f"{where}:{_line(node)}: unknown relationship type {key!r}; the "
                          f"schema has {', '.join(REL_TYPES)}")
            continue
        parts = entries(node)
        symmetric = plain(parts["symmetric"]) is True if "symmetric" in parts else False
        for side in parts:
            if side not in ("active", "reverse", "symmetric"):
                errors.append(f"{where}:{_line(parts[side])}: unknown key {side!r} "
                              "(active, reverse or symmetric)")
        for side in ("active", "reverse"):
            for word in _both(parts.get(side), where, errors):
                verbs.append(Verb(key, word, side == "active", symmetric))
    for rel_type in REL_TYPES:  # types without an entry (added later): their names
        if rel_type not in relations:
            verbs.extend(schema_verbs(rel_type))
    qualifiers: list[Qualifier] = []
    for node in top["qualifiers"].value if "qualifiers" in top else ():
        parts = entries(node)
        cond = _condition(parts, f"{where}:{_line(node)}: a qualifier needs words and where: "
                                 "{property: value}", errors)
        if cond is None:
            continue
        other = plain(parts["otherwise"]) if "otherwise" in parts else {}
        if not isinstance(other, dict):
            errors.append(f"{where}:{_line(node)}: a qualifier's otherwise: is "
                          "{property: value}")
            other = {}
        qualifiers.append(Qualifier(_words(parts.get("words"), where, errors),
                                    {str(k): str(v) for k, v in cond.items()},
                                    {str(k): str(v) for k, v in other.items()}))
    concepts: dict[str, list[str]] = {}
    sets: set[frozenset[str]] = set()
    for node in top["concepts"].value if "concepts" in top else ():
        parts = entries(node)
        terms = _words(parts.get("terms"), where, errors)
        means = plain(parts["means"]) if "means" in parts else None
        if not terms or not isinstance(means, list) or not means:
            errors.append(f"{where}:{_line(node)}: a concept needs terms and means: [ids]")
            continue
        if len(means) > 1:
            sets.add(frozenset(str(m) for m in means))
        for entity_id in means:
            if not isinstance(entity_id, str) or not re.match(r"^[a-z]+:[a-z0-9-]+$",
                                                                entity_id):
                errors.append(f"{where}:{_line(node)}: {entity_id!r} is not an entity id")
                continue
            concepts.setdefault(entity_id, []).extend(terms)
    kinds: list[Kind] = []
    for node in top["kinds"].value if "kinds" in top else ():
        parts = entries(node)
        cond = _condition(parts, f"{where}:{_line(node)}: a kind needs words and where: "
                                 "{property: value or [values]}", errors)
        if cond is None:
            continue
        also = plain(parts["also"]) if "also" in parts else {}
        if not isinstance(also, dict):
            errors.append(f"{where}:{_line(node)}: a kind's also is {{property: values}}")
            also = {}
        kinds.append(Kind(_words(parts.get("words"), where, errors),
                          {str(k): tuple(str(x) for x in (v if isinstance(v, list) else [v]))
                           for k, v in cond.items()},
                          {str(k): tuple(str(x) for x in (v if isinstance(v, list) else [v]))
                           for k, v in also.items()}))
    otherwise: dict[str, tuple[str, ...]] = {}
    for key, node in entries(top["otherwise"]).items() if "otherwise" in top else ():
        if key not in LABELS:
            errors.append(f"{where}:{_line(node)}: unknown label {key!r}; the schema has "
                          f"{', '.join(LABELS)}")
            continue
        otherwise[key] = _both(node, where, errors)
    properties = {str(k): _words(v, where, errors)
                  for k, v in entries(top["properties"]).items()} if "properties" in top else {}
    spellings: dict[str, str] = {}
    for key, node in entries(top["spellings"]).items() if "spellings" in top else ():
        value = plain(node)
        if not isinstance(value, str) or not str(key).isascii() or not value.isascii():
            errors.append(f"{where}:{_line(node)}: a spelling maps an English word to the "
                          "word the data spells it with (hi-tech: high-tech)")
            continue
        spellings[prepare(str(key))] = prepare(value)
    lexicon = Lexicon(labels, tuple(verbs), tuple(qualifiers),
                      {k: tuple(v) for k, v in concepts.items()},
                      _both(top.get("unheld"), where, errors),
                      _both(top.get("wording"), where, errors), properties, frozenset(sets),
                      tuple(kinds), otherwise, spellings)
    if errors:
        raise LexiconError("\n".join(errors))
    return lexicon


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon (queries/ask/lexicon.yaml)."""
    text = resources.files("queries.ask").joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return parse_lexicon(text)
