"""Command-line values turned into Python values without pydantic, for every estuary command.

Typer (0.2x) coerces each parameter it parses through a pydantic TypeAdapter, built on first
use: every command imported pydantic and built one adapter per parameter it was given or
defaulted (the global options included), about a third of the CPU time of `estuary show X
--json`. estuary's parameters are all plain types (str, int with a range, bool, Path, an Enum
of choices, a list or a pair of those); this module coerces them with Typer's own path and
choice helpers, which need no pydantic, and leaves anything else to Typer.

It is installed per command through `cls=` (estuary/cli.py), before the command parses its
arguments, so `CliRunner` tests run the same coercion as the console script. It reaches into
Typer's parameter objects (`type_descriptor`, `_runtime_param`); if a Typer release renames
them, `install` does nothing and Typer's own coercion runs, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

try:  # Typer's runtime-coercion layer (0.2x); without it Typer coerces as it always did
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_choice, coerce_cli_path, routes_to_path
except ImportError:  # pragma: no cover - an older or newer Typer
    RuntimeParam = None  # type: ignore[assignment,misc]

Coerce = Callable[[Any, Any, Any], Any]  # (value, param, ctx) -> value

_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off", ""})


def _text(value: Any, param: Any, ctx: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _flag(value: Any, param: Any, ctx: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    raise typer.BadParameter(f"{value!r} is not a valid boolean (true/false).", ctx=ctx,
                             param=param)


def _integer(low: float | None, high: float | None) -> Coerce:
    def coerce(value: Any, param: Any, ctx: Any) -> int:
        try:
            number = value if isinstance(value, int) else int(str(value).strip())
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a valid integer.", ctx=ctx,
                                     param=param) from None
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = " and ".join(p for p in (f">= {low}" if low is not None else "",
                                              f"<= {high}" if high is not None else "") if p)
            raise typer.BadParameter(f"{number} is not in the range: it must be {bounds}.",
                                     ctx=ctx, param=param)
        return number
    return coerce


def _choice(choices: tuple[Any, ...], case_sensitive: bool) -> Coerce:
    def coerce(value: Any, param: Any, ctx: Any) -> Any:
        try:
            return coerce_cli_choice(value, choices=choices, case_sensitive=case_sensitive,
                                     ctx=ctx)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), ctx=ctx, param=param) from None
    return coerce


def _path(info: Any) -> Coerce:
    def coerce(value: Any, param: Any, ctx: Any) -> Any:
        # Typer validates a str through pydantic; handed a Path it checks only exists, file
        # or dir, readable... as it always does.
        path = value if isinstance(value, Path) else Path(_text(value, param, ctx))
        return coerce_cli_path(path, info, path_type=Path, param=param, ctx=ctx)
    return coerce


def _leaf(annotation: Any, info: Any) -> Coerce | None:
    if getattr(info, "parser", None) is not None:
        return None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(tuple(annotation), bool(info.case_sensitive))
    if annotation is bool:
        return _flag
    if annotation is int:
        return _integer(info.min, info.max) if not info.clamp else None
    if annotation is str:
        return _text
    if annotation is Path and routes_to_path(annotation, info):
        return _path(info)
    return None


def _coercer(annotation: Any, info: Any) -> Coerce | None:
    """A plain coercion for the annotation, or None: Typer's own then runs."""
    origin = get_origin(annotation)
    if origin is list:
        (item,) = get_args(annotation)
        one = _leaf(item, info)
        if one is None:
            return None
        return lambda value, param, ctx: [one(v, param, ctx) for v in _many(value)]
    if origin is tuple:
        items = [_leaf(a, info) for a in get_args(annotation)]
        if any(i is None for i in items) or Ellipsis in get_args(annotation):
            return None

        def pair(value: Any, param: Any, ctx: Any) -> tuple[Any, ...]:
            values = list(_many(value))
            if len(values) != len(items):
                raise typer.BadParameter(f"{len(items)} values are required, but "
                                         f"{len(values)} given.", ctx=ctx, param=param)
            return tuple(c(v, param, ctx) for c, v in zip(items, values, strict=True))  # type: ignore[misc]
        return pair
    return _leaf(annotation, info)


def _many(value: Any) -> Iterable[Any]:
    return value if isinstance(value, (list, tuple)) else [value]


if RuntimeParam is not None:
    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):  # type: ignore[misc,valid-type]
        """Typer's runtime coercion contract, kept by a plain function."""

        run: Coerce

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            return self.run(value, param, ctx)


def install(params: Iterable[Any]) -> None:
    """Give each Typer parameter not yet coerced a plain coercion, where one fits."""
    if RuntimeParam is None:
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        if descriptor.file_annotation is not None:
            continue
        run = _coercer(descriptor.annotation, descriptor.parameter_info)
        if run is not None:
            param._runtime_param = PlainRuntimeParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
                run=run)


class PlainCommand(TyperCommand):
    """A Typer command whose parameters are coerced without pydantic (see the module)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        install(self.get_params(ctx))
        return super().parse_args(ctx, args)


class PlainGroup(TyperGroup):
    """The app's group (global options), coerced the same way."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        install(self.get_params(ctx))
        return super().parse_args(ctx, args)
