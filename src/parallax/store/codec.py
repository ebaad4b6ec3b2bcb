"""Turn model dataclasses into store rows and back, following their type hints."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
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
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return build(args[0], value) if len(args) == 1 else value
    if origin in (list, tuple):
        if isinstance(value, str):
            value = json.loads(value)
        (inner, *_) = typing.get_args(tp) or (Any,)
        return [build(inner, v) for v in value]
    if origin is dict:
        return json.loads(value) if isinstance(value, str) else value
    if dataclasses.is_dataclass(tp):
        if isinstance(value, str):
            value = json.loads(value)
        return from_dict(tp, value)
    return value


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {f.name: build(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)
