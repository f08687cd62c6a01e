"""Results read back from the JSON a run wrote (``--json``), to print or re-render the tables."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any

from benchmarks.suite import Results


def load_results(path: Path) -> Results:
    data = json.loads(path.read_text(encoding="utf-8"))
    results: Results = decode(Results, data)
    return results


def decode(kind: Any, value: Any) -> Any:
    """``value`` (parsed JSON) as an instance of the type ``kind``."""
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = typing.get_type_hints(kind)
        fields = {
            field.name: decode(hints[field.name], value[field.name])
            for field in dataclasses.fields(kind)
        }
        return kind(**fields)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        return decode(next(argument for argument in arguments if argument is not type(None)), value)
    if origin is list:
        return [decode(arguments[0], item) for item in value]
    if origin is tuple:
        items = arguments[:1] * len(value) if arguments[-1:] == (...,) else arguments
        return tuple(decode(item_kind, item) for item_kind, item in zip(items, value, strict=True))
    return value
