"""What the trainer wrote, read back from a YAML source's lines to quote it in a fix.

YAML reads ``0800`` as the number 800 and ``3.50`` as 3.5; a fix that tells the trainer
to put the value in quotes must quote what they wrote, not what YAML made of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.models import Source
from generator.yaml_source import position

WRITTEN_ITEM = re.compile(r"[^\s,\[\]{}#]+")
"""A number or true/false where a list's item starts, as written: up to a space, a
comment or the end of a list written in brackets."""
WRITTEN_VALUE = re.compile(r"[^:]*:\s+([^\s,\[\]{}#]+)")
"""The same after its key and colon, on the key's line."""


def as_written(source: Source, location: Sequence[int | str], value: object) -> str:
    """A number or true/false as the trainer wrote it (``0800``, ``3.50``, ``1e3``, where YAML
    read 800, 3.5 and 1000.0); any other value as YAML writes it."""
    if not isinstance(value, int | float) or not location:
        return as_yaml(value)
    row = line_from(source, location)
    if isinstance(location[-1], int):
        item = WRITTEN_ITEM.match(row)
        return item.group() if item else as_yaml(value)
    after_key = WRITTEN_VALUE.match(row)
    return after_key.group(1) if after_key else as_yaml(value)


def line_from(source: Source, location: Sequence[int | str]) -> str:
    """The line of ``source`` that holds the key or item at ``location``, from where it starts."""
    line, column = position(source, location)
    index = line - 1 - source.line_offset
    return source.lines[index][column - 1 :] if 0 <= index < len(source.lines) else ""


def as_yaml(value: object) -> str:
    """A scalar as YAML writes it: true and false in lower case."""
    return str(value).lower() if isinstance(value, bool) else str(value)
