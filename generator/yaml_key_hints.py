"""A key written where YAML reads it as part of a text, named with where it belongs.

YAML gives up at a colon it finds inside a text ("mapping values are not allowed here").
When the words before that colon end in a key a course file has (``correct``, ``match``),
the colon is no colon of the text: the key was written on the line of the key before it
(``- text: 继续购买 correct: true``, ``- item: 消极者, match: 不争辩``), or under a list's
entry that is a text alone (``correct: true`` under an ordering question's ``- 移情``).
YAML's usual advice, a full-width colon or quotes, would make the file read well and show
the key to learners as part of the text (:func:`generator.yaml_value_fixes.entry_with_colon`
says the same of such a key where YAML read the entry as ``key: value``).

English prose holds such words too (``prompt: The answer type: single``): a word is taken
for a key only where it reads as one typed on the wrong line, after Chinese text or a
comma, or with true or false after it; and after a key's text, only if that key's mapping
may hold it and does not already.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from generator.schema_location import COURSE_KEYS, KEYS_BESIDE
from generator.yaml_lines import (
    ITEM,
    KEY,
    KEY_LINE,
    Hint,
    echoed,
    enclosing_keys,
    filled_above,
    holds_something,
    indent,
    line_at,
    spaces_in,
    value_start,
)
from generator.yaml_list_hints import first_key_of_items

KEY_BEFORE = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)[ \t]*$")
"""The word that ends the text before a colon, which may be a key's name."""
FIRST_KEY = re.compile(rf"^(\s*(?:-\s+)?)({KEY})\s*:\s+(.*?)[\s,，、;；]*$")
"""A line's first key and its text, up to the key written after it: its indent (with a
list's ``- ``), its name, and its text without the comma or spaces typed before that key."""
NO_KEY_REASONS = {
    ("items", "correct"): "an ordering question's items have no 'correct:', the order they "
    "are written in is the right order"
}
"""Why the entries of a list (its key) take no such key, where a trainer may expect one."""
CODE = "yaml.key-in-text"


def no_key_reason(owner: str, key: str) -> str:
    """Why an entry of the list ``owner``, a text alone, takes no ``key``."""
    return NO_KEY_REASONS.get(
        (owner, key), f"the entries of '{owner}' are plain texts, with no keys"
    )


WORD_END = re.compile(r"[A-Za-z0-9][\s,，、;；]*$")
"""A text that ends in a Latin word (before the spaces or comma typed after it)."""


def key_ending(text: str, value: object) -> re.Match[str] | None:
    """The key of a course file that ``text`` ends with, before ``value``, if it reads as a
    key typed on the line of a text (``继续购买 correct``, ``“给我换根网线。”, match``), not
    as a word of English prose (``The answer type``, before ``single``): after a Latin word,
    only a key with true or false after it is taken for one."""
    found = KEY_BEFORE.search(text)
    if found is None or found.group(1) not in COURSE_KEYS:
        return None
    if WORD_END.search(text[: found.start(1)]) and str(value).casefold() not in {"true", "false"}:
        return None
    return found


class Slip(NamedTuple):
    """A key YAML read as part of a text: its line and column, its name and its value."""

    number: int
    column: int
    key: str
    value: str

    def written(self) -> str:
        return f"{self.key}: {echoed(self.value)}".rstrip()


def misplaced_key(lines: list[str], number: int, column: int) -> Hint | None:
    """A key of a course file that YAML read as part of a text, and gave up at its colon,
    at ``column`` of line ``number``: written on the line of the key before it, after its
    text, or under a list's entry that is a text alone."""
    line = line_at(lines, number)
    name = key_ending(line[: max(column - 1, 0)], line[column:].strip())
    if line[column - 1 : column] != ":" or name is None:
        return None
    head = line[: name.start(1)]
    slip = Slip(number, name.start(1) + 1, name.group(1), line[column:].strip())
    first = FIRST_KEY.match(head)
    if first is not None:
        return _after_keys_text(lines, slip, first)
    above = filled_above(lines, number)
    if head.strip() or not above:
        return None
    return _under_text_entry(lines, slip, value_start(lines, above))


def _after_keys_text(lines: list[str], slip: Slip, first: re.Match[str]) -> Hint | None:
    """A key written after the text of the key its line starts with: it belongs on a line
    of its own below, lined up with that key, if that key's mapping may hold it and does
    not hold it already."""
    start, first_key, text = first.groups()
    if not text or first_key == slip.key or slip.key not in KEYS_BESIDE.get(first_key, ()):
        return None
    if slip.key in _keys_written_beside(lines, slip.number, len(start)):
        return None
    return (
        slip.number,
        slip.column,
        f"'{slip.key}:' is written on the line of '{first_key}:', after its text, so YAML "
        "reads it as part of that text",
        f"end this line at the text ({start.lstrip()}{first_key}: {echoed(text)}) and put "
        f"'{slip.written()}' on a line of its own below it, right under '{first_key}', "
        f"{spaces_in(len(start))}",
        CODE,
    )


def _under_text_entry(lines: list[str], slip: Slip, item_line: int) -> Hint | None:
    """A key under a list's entry that is a text alone, on ``item_line``, in a list whose
    entries are all texts (an ordering question's ``items:``), which take no keys."""
    item = ITEM.match(line_at(lines, item_line))
    if item is None or KEY_LINE.match(item.string) is not None:
        return None
    dash = len(item.group(1))
    if indent(line_at(lines, slip.number)) <= dash or first_key_of_items(lines, item_line, dash):
        return None
    owners = enclosing_keys(lines, item_line)
    if not owners:
        return None
    owner = owners[0][1].group(2)
    return (
        slip.number,
        slip.column,
        f"'{slip.key}:' is under the entry '- {echoed(item.group(2))}' of '{owner}', which is "
        "a text alone, so YAML reads it as more of that text",
        f"delete this line: {no_key_reason(owner, slip.key)}",
        CODE,
    )


def _keys_written_beside(lines: list[str], number: int, column: int) -> set[str]:
    """The keys of the mapping whose key on line ``number`` starts at ``column``: those
    starting there on the lines above and below it, up to a line further left, to the next
    list's entry below, and up to the mapping's first key, after its list's '- ', above."""
    keys: set[str] = set()
    for step in (-1, 1):
        other, line = number, lines[number - 1]
        while not (step < 0 and _opens_entry(line)) and 0 < (other := other + step) <= len(lines):
            line = lines[other - 1]
            if not holds_something(line):
                continue
            key = KEY_LINE.match(line)
            if step > 0 and _opens_entry(line):
                break
            if key is not None and len(key.group(1)) == column:
                keys.add(key.group(2))
            elif indent(line) < column:
                break
    return keys


def _opens_entry(line: str) -> bool:
    """Whether ``line`` starts a list's entry with a key (``- text: 道歉``)."""
    key = KEY_LINE.match(line)
    return key is not None and "-" in key.group(1)


KEY_ALONE = re.compile(rf"^(\s*)({KEY})[ \t]*(#.*)?$")
"""A name alone on its line, or with a comment after it: the key of a block, had it its
colon (``questions`` over its list)."""


def key_alone(lines: list[str], error_line: int, is_key: Callable[[str, str], bool]) -> Hint | None:
    """A block's key with no colon: YAML reads it and the block below it as one text, and
    gives up somewhere in that block, at ``error_line``. The key is the line the error
    line is part of: the nearest above it that is indented less, or as far and no list's
    entry when the error line is one (a list may start as far in as its key)."""
    row = line_at(lines, error_line)
    number = filled_above(lines, error_line)
    while number and _inside(lines[number - 1], row):
        number = filled_above(lines, number)
    key = KEY_ALONE.match(line_at(lines, number))
    if key is None or not is_key(key[2], ""):
        return None
    return (
        number,
        len(key[1]) + len(key[2]) + 1,
        f"'{key[2]}' has no colon after it, so YAML does not read it as the key of the lines "
        "below it",
        f"write a colon after it: {key[2]}:",
        "yaml.missing-colon",
    )


def _inside(line: str, row: str) -> bool:
    """Whether ``line`` is a part of the block ``row`` is in, or deeper, not its key."""
    is_entry = ITEM.match(line) is not None
    if ITEM.match(row) is not None:
        return indent(line) > indent(row) or (indent(line) == indent(row) and is_entry)
    return indent(line) >= indent(row)
