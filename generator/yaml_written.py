"""What the trainer wrote, read back from a YAML source's lines to quote it in a fix.

YAML reads ``0800`` as the number 800 and ``3.50`` as 3.5; a fix that tells the trainer
to put the value in quotes must quote what they wrote, not what YAML made of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

from generator.models import Source
from generator.yaml_events import OtherNotation
from generator.yaml_lines import echoed, indent
from generator.yaml_quote_hints import quoted
from generator.yaml_source import position

WRITTEN_ITEM = re.compile(r"[^\s,\[\]{}#]+")
"""A number or true/false where a list's item starts, as written: up to a space, a
comment or the end of a list written in brackets."""
WRITTEN_VALUE = re.compile(r"[^:]*:\s+([^\s,\[\]{}#]+)")
"""The same after its key and colon, on the key's line."""
COMMENT_AFTER_KEY = re.compile(r"[^:]*:\s+(#.*?)\s*$")
"""A key whose value is a comment: ``prompt: #1 最重要的是？`` leaves 'prompt' empty."""
TEXT_THEN_COMMENT = r"[^:]*:[ \t]+((?P<quote>[\"']?){text}(?P=quote)[ \t]+#\S.*?)[ \t]*$"
"""A key's text, plain or in quotes, followed on its line by a comment with text right after
its ``#``: ``review: 06-confirm.md #four-lenses`` and ``review: "06-confirm.md" #four-lenses``
are read as ``06-confirm.md``."""


def as_written(source: Source, location: Sequence[int | str], value: object) -> str:
    """A number or true/false as the trainer wrote it (``0800``, ``3.50``, ``1e3``, where YAML
    read 800, 3.5 and 1000.0), the comment YAML read in place of an empty value (``#1 …``);
    any other value as YAML writes it."""
    if not location or not (value is None or isinstance(value, int | float)):
        return as_yaml(value)
    row = line_from(source, location)
    if value is None:
        comment = COMMENT_AFTER_KEY.match(row) if isinstance(location[-1], str) else None
        return comment.group(1) if comment else as_yaml(value)
    if isinstance(location[-1], int):
        item = WRITTEN_ITEM.match(row)
        return item.group() if item else as_yaml(value)
    after_key = WRITTEN_VALUE.match(row)
    return after_key.group(1) if after_key else as_yaml(value)


def with_comment(source: Source, location: Sequence[int | str], text: str) -> str:
    """The text of the key at ``location`` with the comment YAML dropped after it on its line,
    if the comment's ``#`` has text right after it (``06-confirm.md #four-lenses``, where
    YAML read ``06-confirm.md``), its quotes too if it is in quotes; else ``text``."""
    if not location or not isinstance(location[-1], str):
        return text
    found = re.match(TEXT_THEN_COMMENT.format(text=re.escape(text)), line_from(source, location))
    return found[1] if found else text


WRITTEN_KEY = re.compile(r"(.*?)\s*:(?:\s|$)")
"""A key as written on its line, up to the colon that ends it (a colon inside a plain key
has no space after it)."""


def key_as_written(source: Source, location: Sequence[int | str], key: str) -> str:
    """The key at ``location`` as the trainer wrote it where YAML read it as no text: ``~``
    and ``null`` are read as nothing, which the course's data names 'None', and ``0x1``
    as the number 1. A text key, quoted or not, is ``key`` itself."""
    row = line_from(source, location)
    found = WRITTEN_KEY.match(row)
    if row.startswith(("'", '"')) or found is None:  # in quotes: text, and may hold a colon
        return key
    return found.group(1)


def line_from(source: Source, location: Sequence[int | str]) -> str:
    """The line of ``source`` that holds the key or item at ``location``, from where it starts."""
    line, column = position(source, location)
    index = line - 1 - source.line_offset
    return source.lines[index][column - 1 :] if 0 <= index < len(source.lines) else ""


def lines_below(
    source: Source, location: Sequence[int | str], at: tuple[int, int]
) -> Iterator[tuple[int, str]]:
    """The lines a plain text at ``location`` (its key or entry at ``at``: line, column) may
    go on to, below its first, each with its number in the file: up to the first line with
    something on it that is indented no deeper than its key (or its list entry's dash, or
    the text's first line, for a whole document)."""
    line, column = at
    start = line - source.line_offset
    keyed = bool(location) and isinstance(location[-1], str)
    deeper = column - 1 if keyed else indent(source.lines[start - 1])
    for index, row in enumerate(source.lines[start:], start + 1):
        if row.strip() and indent(row) <= deeper:
            return
        yield index + source.line_offset, row


def empty_value(key: str, written: str, optional: bool = False) -> tuple[str, str]:
    """What is wrong and the fix, when ``key`` has no value: ``written`` says whether YAML
    read the text the trainer wrote as a comment; an ``optional`` key may go instead."""
    if not written.startswith("#"):
        fix = (
            f"write the value of '{key}', or delete the line"
            if optional
            else f"write the text of '{key}'"
        )
        return f"'{key}' is empty", fix
    if written == "#" or written.startswith(("# ", "#\t")):  # a note left beside the value
        return (
            f"'{key}' is empty: what follows it is a comment",
            f"write the value before the comment: {key}: …  {written}",
        )
    return (
        f"'{key}' is empty: the '#' after '{key}:' starts a comment, which YAML leaves out",
        f"put the whole text in quotes: {key}: {echoed(quoted(written))}",
    )


def as_yaml(value: object) -> str:
    """A scalar as YAML writes it: true and false in lower case."""
    return str(value).lower() if isinstance(value, bool) else str(value)


NAME_VALUE = "'key: value'"
"""How a message names a line of a mapping."""

QUOTED_LENGTH = 40
"""The most characters of a value a message repeats: a paragraph pasted into the wrong key
is named by its start, and the fix still reads on one screen."""


def quoted_start(value: object) -> str:
    """A text in quotes, as a message names it; a long one cut short."""
    text = str(value)
    return repr(text if len(text) <= QUOTED_LENGTH else f"{text[:QUOTED_LENGTH]}…")


def found_value(value: object) -> str:
    """A value as the trainer wrote it in YAML."""
    if isinstance(value, bool):
        return as_yaml(value)
    if isinstance(value, int | float | OtherNotation):
        return f"the number {value}"
    if isinstance(value, date):  # YAML reads 2024-01-01 as a date (and a time, a datetime)
        return f"the date {value}"
    if isinstance(value, dict):
        return f"a group of {NAME_VALUE} lines"
    if isinstance(value, list):
        return "a list"
    return "empty" if value is None else quoted_start(value)
