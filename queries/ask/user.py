"""Phrasings an analyst adds: a questions file mapping patterns to catalogue queries.

    # questions.yaml (the user's config directory, or `estuary ask --questions FILE`)
    - pattern: "who puts money into {x}"     # {name}: any entity; * : any words
      query: related                         # a key of queries.ask.QUERIES
      args: ["{x}"]
      kwargs: {rel_type: CO_BUILDS, direction: in}
      question: "Who invests in {x}?"        # optional: how --list and --explain name it

Each entry becomes an intent that is tried before the built-in ones. The file is validated
like a data file: every problem is reported as file:line, and nothing of a bad file is used.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import yaml

from graph.gazetteer import prepare
from graph.schema import LABELS, REL_TYPES
from queries.ask.lexicon import LexiconError, compose, entries, plain
from queries.ask.records import QUERIES, Cue, Intent, Slot, Step

_SLOT = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_KEYS = ("pattern", "query", "args", "kwargs", "question")
USER_PRIORITY = 20  # the analyst's own phrasing wins over a built-in intent


def default_questions_file() -> Path:
    """questions.yaml in the user's config directory (it need not exist)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("estuary", appauthor=False)) / "questions.yaml"


def _regex(pattern: str) -> str:
    """A pattern as a cue regex on the masked question: {x} an entity, * any words."""
    out = []
    for part in re.split(r"(\{[a-z_][a-z0-9_]*\}|\*)", prepare(pattern.replace("*", " * "))):
        if part == "*":
            out.append(".*?")
        elif _SLOT.fullmatch(part):
            out.append(r"(?:the\s)?" + part)  # "into {x}" reads "into the Nantong airport"
        else:
            out.append(r"\s?".join(re.escape(w) for w in part.split()))
    return r"\s?".join(p for p in out if p)


def _check_call(query: str, args: list[Any], kwargs: dict[str, Any]) -> str:
    """Why a call would not work, or ''."""
    module, name = QUERIES[query]
    func = getattr(importlib.import_module(module), name)
    try:
        inspect.signature(func).bind(None, *args, **kwargs)
    except TypeError as exc:
        return f"{query}() {exc}"
    rel_type = kwargs.get("rel_type")
    if rel_type is not None and rel_type not in REL_TYPES:
        return f"unknown rel_type {rel_type!r}; choose from {', '.join(REL_TYPES)}"
    label = kwargs.get("label")
    if isinstance(label, str) and not label.startswith("{") and label not in LABELS:
        return f"unknown label {label!r}; choose from {', '.join(LABELS)}"
    return ""


def parse_questions(text: str, where: str) -> tuple[Intent, ...]:
    """The intents a questions file declares; raises LexiconError naming file:line."""
    root = compose(text, where)
    if root is None:
        return ()
    if not isinstance(root, yaml.SequenceNode):
        raise LexiconError(f"{where}:{root.start_mark.line + 1}: expected a list of entries "
                           "(- pattern: …, query: …)")
    errors: list[str] = []
    intents: list[Intent] = []
    for n, node in enumerate(root.value, 1):
        line = f"{where}:{node.start_mark.line + 1}"
        parts = {k: plain(v) for k, v in entries(node).items()}
        if not isinstance(node, yaml.MappingNode):
            errors.append(f"{line}: expected an entry with pattern and query")
            continue
        unknown = [k for k in parts if k not in _KEYS]
        if unknown:
            errors.append(f"{line}: unknown key {unknown[0]!r}; an entry has "
                          f"{', '.join(_KEYS)}")
        pattern, query = parts.get("pattern"), parts.get("query")
        args, kwargs = parts.get("args", []), parts.get("kwargs", {})
        if not isinstance(pattern, str) or not prepare(pattern):
            errors.append(f"{line}: pattern must be the question's words, with {{x}} for an "
                          "entity")
            continue
        if query not in QUERIES:
            errors.append(f"{line}: unknown query {query!r}; choose from "
                          f"{', '.join(QUERIES)}")
            continue
        if not isinstance(args, list) or not isinstance(kwargs, dict):
            errors.append(f"{line}: args must be a list and kwargs a mapping")
            continue
        slots = list(dict.fromkeys(_SLOT.findall(pattern)))
        used = {s for v in (*args, *kwargs.values()) if isinstance(v, str)
                for s in _SLOT.findall(v)}
        missing = sorted(used - set(slots))
        if missing:
            errors.append(f"{line}: {{{missing[0]}}} is used in args but not in the pattern")
            continue
        problem = _check_call(query, args, kwargs)
        if problem:
            errors.append(f"{line}: {problem}")
            continue
        question = str(parts.get("question") or pattern)
        regex = _regex(pattern)
        intents.append(Intent(
            f"user:{n}", question, question, (Cue(zh=regex),),
            tuple(Slot(s) for s in slots), (Step(query, tuple(args), kwargs),),
            (pattern,), f"your questions file ({line}) maps this pattern to {query}.",
            priority=USER_PRIORITY))
    if errors:
        raise LexiconError("\n".join(errors))
    return tuple(intents)


def load_questions(path: Path) -> tuple[Intent, ...]:
    """The intents of a questions file (none if it does not exist)."""
    if not path.exists():
        return ()
    return parse_questions(path.read_text(encoding="utf-8"), str(path))
