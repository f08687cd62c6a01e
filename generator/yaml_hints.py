"""Likely causes of a YAML syntax error, named in the trainer's terms with the fix.

YAML says what its parser expected where it gave up, often a line or more after the
slip. Slips common in a Chinese course: a full-width colon after a key (``prompt：``,
what a Chinese input method types), a text that starts with a character YAML reads as
syntax (``!重要``, ``[注意] 以下``, ``@客户``), a quote opened but never closed
(``prompt: "服务补救…``) and a key with no space after its colon (``prompt:一位客户``).
Each is looked for on the lines the error names, or above them, and the fix quotes the
trainer's own line. ``mkdocs.yml`` gets the same hints, read as its own file: any name may
be a setting, and the tags MkDocs reads (``!ENV``, ``!!python/name:``) are rightly written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from generator.models import StrictModel

KEY_REST = r"[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*"
"""The rest of a key's name after its first character: mkdocs.yml names an extension with
dots (``pymdownx.tabbed:``), and its settings go below it."""
KEY = rf"[A-Za-z_]{KEY_REST}"
"""A key's name, as a trainer types it in a course file or mkdocs.yml."""
FULL_WIDTH_COLONS = "：︰﹕"
"""What a Chinese input method may type for ':' (U+FF1A, U+FE30, U+FE55)."""
FULL_WIDTH_COLON = re.compile(rf"^(\s*(?:-\s+)?)({KEY})\s*[{FULL_WIDTH_COLONS}]\s*(.*)$")
"""A key followed by a full-width colon instead of ':'."""
VALUE = re.compile(rf"^(\s*(?:-\s+)?)(?:({KEY})\s*:\s+)?(.*?)\s*$")
"""A line holding a key and its value, or a list's entry: its indent, key and value."""
SPECIAL_START = {
    "!": "which YAML reads as a tag",
    "'": "so YAML takes the text to end where the quotes close",
    '"': "so YAML takes the text to end where the quotes close",
    "[": "which YAML reads as the start of a list",
    "{": "which YAML reads as the start of a group of 'key: value' lines",
    "|": "which YAML reads as the start of a text on the lines below",
    ">": "which YAML reads as the start of a text on the lines below",
    "@": "which YAML reserves: no text may start with it",
    "`": "which YAML reserves: no text may start with it",
    "%": "which YAML reserves: no text may start with it",
    ",": "which YAML reads as punctuation of a list",
    "]": "which YAML reads as the end of a list",
    "}": "which YAML reads as the end of a group",
}
"""What YAML makes of a value that starts with each character (``#``, a comment, and
``&`` and ``*``, an anchor or alias, are found elsewhere)."""
NO_SPACE = re.compile(rf"^(\s*(?:-\s+)?)({KEY}):(\S.*?)\s*$")
"""A key and its value with no space between the colon and the value (``prompt:一位``)."""
NO_SPACE_REACH = 2
"""How many lines above the error a key with no space after its colon is looked for: YAML
reads the key and its value as one text, and gives up on the line after it, or the next."""
QUOTED = re.compile(rf"^(\s*(?:-\s+)?)(?:({KEY})\s*:\s+)?(['\"])(.*?)\s*$")
"""A key or a list's entry whose value starts with a quote: indent, key, quote, the rest."""
QUOTE_NAMES = {'"': "a double quote", "'": "a single quote"}
ESCAPED_QUOTE = {'"': re.compile(r"\\."), "'": re.compile("''")}
"""What inside quotes is no closing quote: a backslash and what follows it, two single quotes."""
BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
"""``|``, ``>-`` …: a text on the lines below, rightly written."""
BRACKETS = {"[": "a list", "{": "a group"}
KEY_LINE = re.compile(rf"^(\s*(?:-\s+)?)([A-Za-z0-9_]{KEY_REST})\s*:(?:\s+(.*?))?\s*$")
"""A line that starts a key: its indent (with a list's ``- ``), its key and its value. A key
may start with a digit, as the exam's module names do (``02-principles: 3``); a time
(``10:30``) has no space after its colon and is no key."""
SETTINGS_TAG = re.compile(r"!!\S|!ENV\b|!relative\b")
"""A tag MkDocs reads in mkdocs.yml: ``!ENV``, ``!relative`` or one of YAML's own (``!!``)."""
NO_TEXT = re.compile(r"(?:!\S*)?\s*(?:#.*)?")
"""What after a key's colon holds no text: nothing, a comment, or a tag alone, which tags the
keys or the list below it."""
Hint = tuple[int, int, str, str, str]
"""Line, column, what is wrong, how to fix it, and the problem's code."""


@dataclass(frozen=True)
class Reading:
    """How one kind of file is read: what is a key, given its name and what follows its
    colon, and which value starting with '!' is a tag rightly written."""

    is_key: Callable[[str, str], bool]
    tag: re.Pattern[str] | None = None


class MarkedError(Protocol):
    """A YAML error, from ruamel.yaml (a course file) or PyYAML (mkdocs.yml)."""

    context: Any
    context_mark: Any


def context_line_of(error: MarkedError) -> int | None:
    """The line where YAML began to read what failed: a key, a quoted text, a list in
    brackets; not the start of the whole block around it, which may be far above."""
    if error.context_mark is None or (error.context or "").startswith("while parsing a block"):
        return None
    return int(error.context_mark.line) + 1


def syntax_hint(
    text: str, error_line: int, context_line: int | None, reading: Reading
) -> Hint | None:
    """The slip that likely caused a syntax error at ``error_line`` (1-based) of a file read
    as ``reading`` says, which YAML noticed while reading from ``context_line``, if one is
    found."""
    lines = text.split("\n")
    unclosed = _unclosed_quote(lines, error_line)
    if unclosed is not None:
        return unclosed
    no_space = _no_space_after_colon(lines, error_line, reading.is_key)
    if no_space is not None:
        return no_space
    misaligned = _misaligned_key(lines, error_line)
    if misaligned is not None:
        return misaligned
    first = min(context_line or error_line, error_line - 1)
    for number in range(max(first, 1), min(error_line, len(lines)) + 1):
        colon = FULL_WIDTH_COLON.match(lines[number - 1])
        if colon is not None:
            return _full_width_colon(number, colon)
    for number in dict.fromkeys(n for n in (context_line, error_line) if n is not None):
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        special = _special_start(line, number, reading.tag)
        if special is not None:
            return special
    return None


def _full_width_colon(number: int, colon: re.Match[str]) -> Hint:
    indent, key, value = colon.groups()
    space = ", and a space" if value else ""
    return (
        number,
        len(indent) + len(key) + 1,
        f"the key '{key}' is followed by a full-width colon '：'",
        f"write a half-width ':' after the key{space}: {key}: {value}".rstrip(),
        "yaml.full-width-colon",
    )


def _course_key(name: str, value: str) -> bool:
    return name in COURSE_KEYS


def _setting_key(name: str, value: str) -> bool:
    """MkDocs, the theme and the extensions take too many settings to list, so any name
    counts but a web address's scheme (``https://``)."""
    return not value.startswith("//")


def _no_space_after_colon(
    lines: list[str], error_line: int, is_key: Callable[[str, str], bool]
) -> Hint | None:
    """A key followed by ':' and its value with no space between, at or just above the
    error line. Only what ``is_key`` takes for a key (name, value) counts: in a course file,
    the keys a quiz or a page's front matter holds, so that a web address (``https://``) or
    a time (``10:30``) is no key."""
    for number in range(min(error_line, len(lines)), max(error_line - NO_SPACE_REACH, 1) - 1, -1):
        key = NO_SPACE.match(lines[number - 1])
        if key is not None and is_key(key.group(2), key.group(3)):
            return _no_space(number, key)
    return None


def _no_space(number: int, key: re.Match[str]) -> Hint:
    indent, name, value = key.groups()
    return (
        number,
        len(indent) + len(name) + 1,
        f"there is no space after '{name}:', so YAML does not read '{name}' as a key",
        f"write a space after the colon: {name}: {value}",
        "yaml.space-after-colon",
    )


def key_read_as_text(line: str, number: int, reading: Reading) -> Hint | None:
    """A key on line ``number`` that YAML read as a text, valid where it stands, for its
    full-width colon or the missing space after its colon: ``alternate_style:true`` alone
    below ``- pymdownx.tabbed:`` gives the extension a text for its settings."""
    colon = FULL_WIDTH_COLON.match(line)
    if colon is not None:
        return _full_width_colon(number, colon)
    key = NO_SPACE.match(line)
    if key is not None and reading.is_key(key.group(2), key.group(3)):
        return _no_space(number, key)
    return None


def _misaligned_key(lines: list[str], number: int) -> Hint | None:
    """A key indented neither like the key line above it nor as a key inside it.

    YAML reads a line indented deeper than a key with a value as more of that value, and
    then complains of the colon; one indented less, of a "block end". Adding quotes or a
    full-width colon, its usual advice, would hide the slip.
    """
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    key = KEY_LINE.match(line)
    above = _key_line_above(lines, number)
    if key is None or above is None or key.group(1).strip():
        return None
    column, above_number, above_key = len(key.group(1)), *above
    above_column = len(above_key.group(1))
    holds_keys = not _holds_value(lines[above_number - 1])
    if column == above_column or (column > above_column and holds_keys):
        return None
    if column < above_column and column in _enclosing_columns(lines, above_number):
        return None
    return (
        number,
        column + 1,
        f"the key '{key.group(2)}' is indented differently from the key above it "
        f"(line {above_number})",
        f"line it up with it: start '{key.group(2)}' right under '{above_key.group(2)}', "
        f"{above_column} spaces in",
        "yaml.indentation",
    )


def _key_line_above(lines: list[str], number: int) -> tuple[int, re.Match[str]] | None:
    """The key line that the nearest line above ``number`` holding something belongs to:
    that line, or the key whose value it goes on with. The lines of a text below ``key: |``
    are the key's, and so are the next lines of a plain or quoted text: a ``MOT: 关键时刻``
    among them is no key to line up with. (YAML counts a lone carriage return as a line
    end, which ``lines`` do not: ``number`` may lie past them.)"""
    for above in range(min(number - 1, len(lines)), 0, -1):
        if _holds_something(lines[above - 1]):
            start = _value_start(lines, above)
            match = KEY_LINE.match(lines[start - 1])
            return (start, match) if match is not None else None
    return None


def _value_start(lines: list[str], number: int) -> int:
    """The line where the value that line ``number`` is part of starts: the nearest line above
    it that is less indented and holds a value, for as long as there is one."""
    start = number
    while (owner := _less_indented_above(lines, start)) is not None:
        if not _holds_value(lines[owner - 1]):
            break
        start = owner
    return start


def _less_indented_above(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` that holds something starting left of its indent."""
    indent = _indent(lines[number - 1])
    for above in range(number - 1, 0, -1):
        if _holds_something(lines[above - 1]) and _column(lines[above - 1]) < indent:
            return above
    return None


def _holds_something(line: str) -> bool:
    """Whether ``line`` holds more than spaces or a comment."""
    text = line.strip()
    return bool(text) and not text.startswith("#")


def _holds_value(line: str) -> bool:
    """Whether ``line`` holds a text, or its start, rather than a key with keys or a list
    below it (``draw:``, ``options:  # 四项``, in mkdocs.yml ``slugify: !!python/…``) or a
    list's bare ``-``."""
    key = KEY_LINE.match(line)
    if key is None:
        return line.strip() != "-"
    return not NO_TEXT.fullmatch(key.group(3) or "")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _column(line: str) -> int:
    """Where what ``line`` holds starts: its key (after a list's ``- ``) or its text."""
    key = KEY_LINE.match(line)
    return len(key.group(1)) if key is not None else _indent(line)


def _enclosing_columns(lines: list[str], number: int) -> set[int]:
    """Where the keys of the mappings that enclose line ``number`` start."""
    columns: set[int] = set()
    deepest = _indent(lines[number - 1])
    for line in reversed(lines[: number - 1]):
        indent = _indent(line)
        key = KEY_LINE.match(line)
        if key is not None and indent < deepest:
            columns.add(len(key.group(1)))
            deepest = indent
    return columns


def _unclosed_quote(lines: list[str], error_line: int) -> Hint | None:
    """A quoted text whose quote is not closed on its line, with a key on the next line.

    YAML reads such a text on over the lines below, up to the next quote of its kind, and
    gives up there or later, often many lines away. Putting the text in other quotes, the
    advice for a quote closed too early, would keep the stray quote in the text. A line
    that goes on with a value begun above it, such as a line of a text below ``key: |``,
    is that text's, whatever quotes it holds.
    """
    for number in range(1, min(error_line, len(lines)) + 1):
        opened = QUOTED.match(lines[number - 1])
        if opened is None or not (opened.group(2) or opened.group(1).strip()):
            continue
        if _value_start(lines, number) != number:
            continue
        quote, rest = opened.group(3), opened.group(4)
        column = len(opened.group(1))
        if quote not in ESCAPED_QUOTE[quote].sub("", rest) and _key_follows(lines, number, column):
            return _unclosed_quote_hint(number, opened)
    return None


def _key_follows(lines: list[str], number: int, column: int) -> bool:
    """Whether the text on line ``number`` ends where it is: the next line that holds
    something starts a key or a list's entry no deeper than ``column``, where the key on
    line ``number`` starts; or none does."""
    for line in lines[number:]:
        if _holds_something(line):
            starts = line.lstrip().startswith("- ") or KEY_LINE.match(line) is not None
            return starts and _indent(line) <= column
    return True


def _unclosed_quote_hint(number: int, opened: re.Match[str]) -> Hint:
    _, key, quote, rest = opened.groups()
    closed = f"{quote}{rest}{quote}"
    return (
        number,
        opened.start(3) + 1,
        f"{_where(key)} opens {QUOTE_NAMES[quote]} ({quote}) that is never closed, so YAML "
        "reads the lines below as part of the text",
        f"add the closing quote at the end of the text: {_written(key, closed)} "
        "(or remove the opening one)",
        "yaml.unclosed-quote",
    )


def _where(key: str | None) -> str:
    return f"the text after '{key}:'" if key else "the list entry"


def _written(key: str | None, value: str) -> str:
    """A key's or a list entry's line as it should read."""
    return f"{key}: {value}" if key else f"- {value}"


def _special_start(line: str, number: int, tag: re.Pattern[str] | None) -> Hint | None:
    """A value that starts with a character YAML reads as syntax, not as text: a text
    block's header (``|``) or a tag that ``tag`` matches is rightly written."""
    match = VALUE.match(line)
    if match is None:
        return None
    indent, key, value = match.groups()
    if not value or value[0] not in SPECIAL_START or not (key or indent.strip()):
        return None
    if BLOCK_HEADER.fullmatch(value) or (tag is not None and tag.match(value)):
        return None
    closing = "]" if value[0] == "[" else "}"
    bracketed = (
        f"; if it is {BRACKETS[value[0]]}, end it with '{closing}' and write nothing after it"
        if value[0] in BRACKETS
        else ""
    )
    return (
        number,
        len(line.rstrip()) - len(value) + 1,
        f"{_where(key)} starts with {value[0]!r}, {SPECIAL_START[value[0]]}",
        f"put the whole text in quotes: {_written(key, quoted(value))}{bracketed}",
        "yaml.needs-quotes",
    )


def quoted(text: str) -> str:
    """``text`` as a quoted YAML scalar: in double quotes, or in single quotes when it holds
    a double quote or a backslash (which double quotes would read as an escape)."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _keys_of(model: type[StrictModel]) -> frozenset[str]:
    """The keys ``model`` and the models derived from it may hold."""
    keys = frozenset(model.model_fields)
    return keys.union(*(_keys_of(derived) for derived in model.__subclasses__()))


COURSE_KEYS = _keys_of(StrictModel)
"""Every key of a quiz, the exam settings and a page's front matter."""
COURSE = Reading(_course_key)
"""A quiz, the exam settings or a page's front matter, which hold no tags."""
SETTINGS = Reading(_setting_key, SETTINGS_TAG)
"""mkdocs.yml."""
