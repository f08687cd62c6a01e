"""The fast way to read a course file: plain data and positions from libyaml's events.

ruamel.yaml's round-trip loader, pure Python, takes about 30 ms for one quiz file: most of
``check`` on a large course. libyaml (through PyYAML's C parser, when PyYAML was built
with it) produces the same events in a fraction of that. This module turns those events
into plain Python data and the line and column of every key and item, with YAML 1.2's
meaning of plain scalars (``no`` and ``on`` stay strings) as ruamel.yaml gives it.

It reads only the plain documents course files are: one document of mappings, sequences
and scalars, with no anchors, aliases, tags or directives, keys that are scalars and
appear once, and scalars that are text, ``true``/``false``, a whole number in plain digits
or null. For anything else it returns None and the caller reads the file with ruamel.yaml,
which gives the established answer and, where the file is refused, the established
message. ``tests/test_yaml_source.py`` checks that both readers agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml.resolver import implicit_resolvers

from generator.line_folds import unfold_wide

Location = tuple[int | str, ...]
"""The keys and list indexes from a document's top down to a key or an item."""
Positions = dict[Location, tuple[int, int]]
"""Location of a key or item -> its 0-based line and column."""

EVENT_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it; the pure-Python one gives the same events."""
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULL = {"", "~", "null", "Null", "NULL"}
_WHOLE_NUMBER = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
PLAIN_DIGITS = re.compile(r"-?[0-9]+")
"""A whole number as a page shows one: digits alone, a minus before them at most."""
_NUMBER_PREFIX = re.compile(r"^[-+]?(?:0[box])?")
_BASES = {"0x": ("hexadecimal", 16), "0o": ("octal", 8), "0b": ("binary", 2)}
LONGEST_NUMBER = 100
"""Most digits of a whole number read as it is written: far more than any value in a course
needs, and far fewer than the 4,300 past which Python refuses to turn text into a number."""
_YAML_1_2_TYPES: dict[str, list[Any]] = {}
"""ruamel.yaml's own patterns for plain scalars that are not text in YAML 1.2 (floats,
dates, other ways to write a number, merge keys …), by the first characters they allow: a
scalar that matches one and is not handled below is left to ruamel.yaml."""
for _versions, _, _pattern, _first in implicit_resolvers:
    if (1, 2) in _versions:
        for _character in _first:
            _YAML_1_2_TYPES.setdefault(_character, []).append(_pattern)


class LongNumber(int):
    """A whole number written with more than LONGEST_NUMBER digits: it stands for a number
    beyond every limit a course sets, and shows itself by its first digits and its length,
    so that a message about it says which number it is without printing all of it."""

    written: str

    def __new__(cls, written: str) -> LongNumber:
        sign = -1 if written.startswith("-") else 1
        number = super().__new__(cls, sign * 10**LONGEST_NUMBER)
        number.written = written
        return number

    def __repr__(self) -> str:
        return f"{self.written[:10]}… ({len(_digits(self.written))} digits)"

    def without_leading_zeros(self) -> str | None:
        """The number in plain digits with no leading zeros, ``-0x00_ff`` as ``-255``; None
        when that is still too many digits."""
        shortest = _digits(self.written).lstrip("0") or "0"
        if len(shortest) > LONGEST_NUMBER:
            return None
        _, base = _BASES.get(self.written.lstrip("+-")[:2], ("", 10))
        plain = f"{'-' if self.written.startswith('-') else ''}{int(shortest, base)}"
        return None if is_long_number(plain) else plain

    __str__ = __repr__


@dataclass(frozen=True)
class OtherNotation:
    """A whole number written as no page shows one: in hexadecimal (``0x50``), octal
    (``0o17``) or binary (``0b101``), with ``_`` between its digits (``1_000``) or a ``+``
    before it (``+80``). YAML reads each as a number; it is kept as written instead, not as
    a number, so that no key that takes a number takes one its page never shows (``0o17``
    read as 15), and a message quotes it as the trainer wrote it."""

    written: str
    number: int
    """The number YAML reads: 80 for ``0x50``."""

    def __str__(self) -> str:
        return self.written

    def notation(self) -> str:
        """How the number is written, as a message names it: "in hexadecimal"."""
        base = _BASES.get(self.written.lstrip("+-")[:2])
        if base is not None:
            return f"in {base[0]}"
        return "with a '+' before it" if self.written.startswith("+") else "with '_' in it"


def is_long_number(written: str) -> bool:
    """Whether the whole number ``written`` (``-123``, ``0x1F``, ``1_000``) has too many digits
    to be read as it is written."""
    return len(_digits(written)) > LONGEST_NUMBER


def _digits(written: str) -> str:
    return _NUMBER_PREFIX.sub("", written.replace("_", ""))


class _NotPlain(Exception):
    """The document holds something this reader leaves to ruamel.yaml."""


_LEFT_TO_RUAMEL = re.compile(
    r"[\t\r\x85\u2028\u2029\ufeff]"
    r"|(?:^|[:\-?]\s)\s*[|>][+\-0-9]*(?:[^+\-0-9\s]| *\n *\n)",
    re.MULTILINE,
)
"""Text where libyaml may read otherwise than ruamel.yaml: tabs; carriage returns (Windows
line ends are read the slow way); the line breaks of YAML 1.1 that YAML 1.2 dropped (U+0085,
U+2028, U+2029); a byte order mark inside the text; a block scalar header with something
other than its indicators (``>#``) or followed by a blank line."""


def read_plain(text: str, max_depth: int) -> tuple[Any, Positions] | None:
    """Plain data and positions of ``text``, or None to leave it to ruamel.yaml."""
    if _LEFT_TO_RUAMEL.search(text):
        return None
    try:
        events = yaml.parse(text, Loader=EVENT_PARSER)
        return _Builder(text, events, max_depth).document()
    except (_NotPlain, yaml.YAMLError):
        return None


class _Builder:
    """Builds values from events, recording where each key and item starts."""

    def __init__(self, text: str, events: Iterator[Any], max_depth: int) -> None:
        self.text = text
        self.events = events
        self.max_depth = max_depth
        self.positions: Positions = {}

    def document(self) -> tuple[Any, Positions]:
        self._expect(yaml.StreamStartEvent)
        start = self._expect(yaml.DocumentStartEvent)
        if start.version or start.tags:
            raise _NotPlain
        first = next(self.events)
        self.positions[()] = _start(first)
        data = self._value(first, (), 0)
        self._expect(yaml.DocumentEndEvent)
        self._expect(yaml.StreamEndEvent)
        return data, self.positions

    def _expect(self, kind: type) -> Any:
        event = next(self.events)
        if not isinstance(event, kind):
            raise _NotPlain
        return event

    def _value(self, event: Any, location: Location, depth: int) -> Any:
        if depth >= self.max_depth or getattr(event, "anchor", None) or _tagged(event):
            raise _NotPlain
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(location, depth)
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(location, depth)
        raise _NotPlain  # an alias

    def _scalar(self, event: Any) -> Any:
        value = _scalar(event)
        if not isinstance(value, str):
            return value
        raw = self.text[event.start_mark.index : event.end_mark.index]
        return unfold_wide(value, raw, event.style)

    def _sequence(self, location: Location, depth: int) -> list[Any]:
        items: list[Any] = []
        for event in self.events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            here = (*location, len(items))
            self.positions[here] = _start(event)
            items.append(self._value(event, here, depth + 1))
        raise _NotPlain

    def _mapping(self, location: Location, depth: int) -> dict[str, Any]:
        entries: dict[str, Any] = {}
        seen: set[Any] = set()
        for event in self.events:
            if isinstance(event, yaml.MappingEndEvent):
                return entries
            if not isinstance(event, yaml.ScalarEvent) or event.anchor or _tagged(event):
                raise _NotPlain
            key = _scalar(event)
            if key in seen:
                raise _NotPlain  # ruamel.yaml names the duplicate key
            seen.add(key)
            here = (*location, str(key))
            self.positions[here] = _start(event)
            entries[str(key)] = self._value(next(self.events), here, depth + 1)
        raise _NotPlain


def _start(event: Any) -> tuple[int, int]:
    return event.start_mark.line, event.start_mark.column


def _tagged(event: Any) -> bool:
    """An explicit tag (``!!str``, ``!x``, ``!``): the parser leaves implicit ones unset."""
    return event.tag is not None


def _scalar(event: Any) -> Any:
    """The value of a scalar, as YAML 1.2's core schema and ruamel.yaml read it."""
    value: str = event.value
    if event.style:  # quoted, literal or folded: always text (plain is "" or None)
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _WHOLE_NUMBER.match(value):
        return LongNumber(value) if is_long_number(value) else int(value)
    if any(pattern.match(value) for pattern in _YAML_1_2_TYPES.get(value[:1], ())):
        raise _NotPlain
    return value
