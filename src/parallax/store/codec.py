"""Turn model dataclasses into store rows and back, following their type hints."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from collections.abc import Callable, Mapping, Sequence
from typing import Any


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """Dataclasses, lists and tuples as JSON-ready data."""
    kind = type(value)
    if kind in _SCALARS:  # most values: answered before the costlier dataclass check
        return value
    if kind is list and all(type(v) is str for v in value):
        return list(value)
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


def _json(value: Any) -> str:
    return json.dumps(plain(value), ensure_ascii=False)


def to_columns(objs: Sequence[Any], sql_types: Mapping[str, str]) -> dict[str, list[Any]]:
    """Dataclass objects (all of one class) as the table's column lists, exactly as :func:`to_row` fills rows:
    a pass per column is several times faster than a dict per object, and a table write wants columns anyway."""
    if not objs:
        return {}
    names = [f.name for f in dataclasses.fields(objs[0]) if f.name in sql_types]
    return {n: [_json(getattr(o, n)) for o in objs] if sql_types[n] == "JSON" else [getattr(o, n) for o in objs]
            for n in names}


@cache
def _defaults(cls: type) -> tuple[tuple[str, Any, Callable[[], Any] | None], ...]:
    """(field, default value, default factory) of each field; a required field has neither."""
    return tuple((f.name, f.default, None if f.default_factory is dataclasses.MISSING else f.default_factory)
                 for f in dataclasses.fields(cls))


def dict_columns(cls: type, items: Sequence[Mapping[str, Any]], sql_types: Mapping[str, str]) -> dict[str, list[Any]]:
    """Stored plain objects of ``cls`` (a per-document result decoded from JSON) as the table's column lists,
    the same values as ``to_row(from_dict(cls, item))`` without building the dataclass: the link stage streams
    hundreds of thousands of mentions straight from results to their table."""
    out: dict[str, list[Any]] = {}
    builders = dict(_field_builders(cls))
    for name, default, factory in _defaults(cls):
        if name not in sql_types:
            continue
        if factory is None and default is dataclasses.MISSING:
            col = [x[name] for x in items]  # a required field: a KeyError here is from_dict's TypeError
        else:
            fill = factory() if factory is not None else default
            col = [x.get(name, fill) for x in items]
        if sql_types[name] == "JSON":
            conv = builders[name]
            col = [_json(None if v is None else conv(v)) for v in col]
        out[name] = col
    return out


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
