"""Turn model dataclasses into store rows and back, following their type hints."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from collections.abc import Callable
from typing import Any


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def plain(value: Any) -> Any:
    """Dataclasses, lists and tuples as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def to_row(obj: Any, sql_types: dict[str, str]) -> dict[str, Any]:
    row = {}
    for f in dataclasses.fields(obj):
        if f.name not in sql_types:
            continue
        v = getattr(obj, f.name)
        row[f.name] = json.dumps(plain(v), ensure_ascii=False) if sql_types[f.name] == "JSON" else v
    return row


def build(tp: Any, value: Any) -> Any:
    """Rebuild a value of type ``tp`` from plain data (JSON text is parsed first)."""
    return None if value is None else _builder(tp)(value)


@cache
def _builder(tp: Any) -> Callable[[Any], Any]:
    """A converter for one type, worked out once: the link stage rebuilds millions of values."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            return _same
        inner = _builder(args[0])
        return lambda v: None if v is None else inner(v)
    if origin in (list, tuple):
        (arg, *_) = typing.get_args(tp) or (Any,)
        inner = _builder(arg)

        def seq(v: Any) -> list[Any]:
            if isinstance(v, str):
                v = json.loads(v)
            return [None if x is None else inner(x) for x in v]

        return seq if inner is not _same else (lambda v: list(json.loads(v) if isinstance(v, str) else v))
    if origin is dict:
        return lambda v: json.loads(v) if isinstance(v, str) else v
    if dataclasses.is_dataclass(tp):
        def obj(v: Any) -> Any:
            return from_dict(tp, json.loads(v) if isinstance(v, str) else v)

        return obj
    return _same


def _same(value: Any) -> Any:
    return value


@cache
def _field_builders(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    hints = _hints(cls)
    return tuple((f.name, _builder(hints[f.name])) for f in dataclasses.fields(cls))


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    kwargs = {}
    for name, conv in _field_builders(cls):
        if name in data:
            v = data[name]
            kwargs[name] = None if v is None else conv(v)
    return cls(**kwargs)
