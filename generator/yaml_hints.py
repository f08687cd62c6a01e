"""Likely causes of a YAML syntax error, named in the trainer's terms with the fix.

YAML says what its parser expected where it gave up, often a line or more after the
slip. Slips common in a Chinese course: a full-width colon after a key (``prompt：``,
what a Chinese input method types), a text that starts with a character YAML reads as
syntax (``!重要``, ``[注意] 以下``, ``@客户``), a text after ``>-`` on its key's line,
a quote opened but never closed (``prompt: "服务补救…``,
:mod:`generator.yaml_quote_hints`), a key with no colon (``prompt 一位客户``), a key with
no space after its colon (``prompt:一位客户``) or a full-width space there
(``prompt:\u3000一位``), a comment typed with a full-width '＃'
(:mod:`generator.yaml_comment_hints`), a key indented unlike its neighbours
(:mod:`generator.yaml_indentation`), and slips in a list's items
(:mod:`generator.yaml_list_hints`). A key written where YAML reads it as part of a text
is named by :mod:`generator.yaml_key_hints`.
Each is looked for on the lines the error names, or above them, and the fix quotes the
trainer's own line. ``mkdocs.yml`` gets the same hints, read as its own file: any name may
be a setting, and the tags MkDocs reads (``!ENV``, ``!!python/name:``) are rightly written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from generator.schema_location import COURSE_KEYS, FILE_KEYS
from generator.yaml_comment_hints import full_width_comment
from generator.yaml_indentation import (
    dedented_key,
    file_key_indented,
    misaligned_key,
    text_under_its_key,
)
from generator.yaml_key_blocks import keys_amid_entries
from generator.yaml_key_hints import key_alone
from generator.yaml_lines import BLOCK_HEADER, KEY, Hint, indent, named_space, spaces_in
from generator.yaml_list_hints import list_item_slip
from generator.yaml_quote_hints import (
    quoted,
    quotes_inside_fix,
    unclosed_quote,
    where,
    wrapped_in_its_quotes,
    written,
)
from generator.yaml_text_and_block import text_above_block

FULL_WIDTH_COLONS = "：︰﹕"
"""What a Chinese input method may type for ':' (U+FF1A, U+FE30, U+FE55)."""
MODULE_KEY = r"[0-9]{2}-[a-z0-9-]+"
"""A module's name, a key under the exam's ``draw:`` (``06-confirm: 3``)."""
FULL_WIDTH_COLON = re.compile(
    rf"^(\s*(?:-\s+)?)({KEY}|{MODULE_KEY})\s*[{FULL_WIDTH_COLONS}]\s*(.*)$"
)
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
``&`` and ``*`` before a name, an anchor or alias, are found elsewhere)."""
NAMELESS_MARKS = {
    "*": "which YAML reads as an alias (a reference to another part of the file)",
    "&": "which YAML reads as an anchor (a name for a part of the file)",
}
"""What YAML makes of a value that starts with ``*`` or ``&`` and a space, a Markdown
bullet (``* 员工出勤率``): a mark with no name after it, which it refuses."""
NO_SPACE = re.compile(rf"^(\s*(?:-\s+)?)({KEY}|{MODULE_KEY}):(\S.*?)\s*$")
"""A key and its value with no space between the colon and the value (``prompt:一位``)."""
OTHER_SPACE = re.compile(rf"^(\s*(?:-\s+)?)({KEY}):([^\S \t])\s*(.*?)\s*$")
"""A key whose colon is followed by a space YAML does not take for one (a full-width or a
no-break space): its indent, key, that space and the value after it."""
NO_SPACE_REACH = 2
"""How many lines above the error a key with no space after its colon is looked for: YAML
reads the key and its value as one text, and gives up on the line after it, or the next."""
NO_COLON = re.compile(
    rf"^(\s*(?:-\s+)?)({KEY}|{MODULE_KEY})[ \t]+([^\s:#{FULL_WIDTH_COLONS}].*?)\s*$"
)
"""A name, then a space and a value, with no colon between (``prompt 一位客户``): a key
of a course file, or a module's name under the exam's ``draw:`` (``06-confirm 3``)."""
BRACKETS = {"[": "a list", "{": "a group"}
TEXT_AFTER_MARK = re.compile(r"([|>](?:[-+][1-9]?|[1-9][-+]))[ \t]+([^#\s].*)")
"""A text on the line of ``>-`` or ``|+`` (not ``>`` or ``|`` alone, which may be a
quotation or a table's row in Markdown), which start a text on the lines below."""
SETTINGS_TAG = re.compile(r"!!\S|!ENV\b|!relative\b")
"""A tag MkDocs reads in mkdocs.yml: ``!ENV``, ``!relative`` or one of YAML's own (``!!``)."""


@dataclass(frozen=True)
class Reading:
    """How one kind of file is read: what is a key, given its name and what follows its
    colon, which value starting with '!' is a tag rightly written, and which keys start at
    the left edge only."""

    is_key: Callable[[str, str], bool]
    tag: re.Pattern[str] | None = None
    file_keys: frozenset[str] = frozenset()
    """The keys the file has at its left edge only."""


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
    text: str, error_line: int, context_line: int | None, reading: Reading, line_offset: int = 0
) -> Hint | None:
    """The slip that likely caused a syntax error at ``error_line`` (1-based) of a file read
    as ``reading`` says, which YAML noticed while reading from ``context_line``, if one is
    found. ``line_offset``: how many lines of the file come before ``text``, for a line that
    a message names; the hint's own line counts in ``text``, as ``error_line`` does."""
    lines = text.split("\n")
    quote_or_comment = unclosed_quote(lines, error_line) or full_width_comment(lines, error_line)
    if quote_or_comment is not None:
        return quote_or_comment
    no_space = _no_space_after_colon(lines, error_line, reading.is_key)
    if no_space is not None:
        return no_space
    misaligned = (
        file_key_indented(lines, error_line, line_offset, reading.file_keys)
        or text_above_block(lines, error_line, line_offset)
        or list_item_slip(lines, error_line, line_offset)
        or keys_amid_entries(lines, error_line, line_offset)
        or dedented_key(lines, error_line, line_offset)
        or misaligned_key(lines, error_line, line_offset)
    )
    if misaligned is not None:
        return misaligned
    no_colon = _no_colon(lines, error_line, reading.is_key) or key_alone(
        lines, error_line, reading.is_key
    )
    if no_colon is not None:
        return no_colon
    first = min(context_line or error_line, error_line - 1)
    for number in range(max(first, 1), min(error_line, len(lines)) + 1):
        colon = FULL_WIDTH_COLON.match(lines[number - 1])
        if colon is not None:
            return full_width_colon(number, colon)
    for number in dict.fromkeys(n for n in (context_line, error_line) if n is not None):
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        special = _bad_escape(line, number) or _special_start(line, number, reading.tag)
        if special is not None:
            return special
    return text_under_its_key(lines, context_line, line_offset) if context_line else None


def full_width_colon(number: int, colon: re.Match[str]) -> Hint:
    indent, key, value = colon.groups()
    space = ", and a space" if value else ""
    return (
        number,
        len(indent) + len(key) + 1,
        f"the key '{key}' is followed by a full-width colon '：'",
        f"write a half-width ':' after the key{space}: {written(key, value)}".rstrip(),
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
    """A key followed by ':' and its value with no ordinary space between, at or just above
    the error line."""
    for number in range(min(error_line, len(lines)), max(error_line - NO_SPACE_REACH, 1) - 1, -1):
        is_here = _drawn_module_or(is_key) if _under_draw(lines, number) else is_key
        hint = _key_without_space(lines[number - 1], number, is_here)
        if hint is not None:
            return hint
    return None


def _no_colon(lines: list[str], error_line: int, is_key: Callable[[str, str], bool]) -> Hint | None:
    """A key written with no colon after it, on the error line or on one of the two lines
    with something on them above it: YAML reads the key and its value as one text, and
    gives up at the next key (or where the file ends, a line after the last)."""
    filled = [n for n in range(min(error_line, len(lines)), 0, -1) if lines[n - 1].strip()]
    for number in filled[:NO_SPACE_REACH]:
        key = NO_COLON.match(lines[number - 1])
        if key is not None and (is_key(key[2], key[3]) or _under_draw(lines, number)):
            indent, name, value = key.groups()
            return (
                number,
                len(indent) + len(name) + 1,
                f"'{name}' has no colon after it, so YAML does not read it as a key",
                f"write a colon and a space after it: {written(name, value)}",
                "yaml.missing-colon",
            )
    return None


def _drawn_module_or(is_key: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
    """``is_key``, and under the exam's ``draw:`` a module's name too."""
    return lambda name, value: is_key(name, value) or re.fullmatch(MODULE_KEY, name) is not None


def _under_draw(lines: list[str], number: int) -> bool:
    """Whether line ``number`` is in the exam's ``draw:``, where modules' names are keys:
    the nearest line above it that is indented less is ``draw:``."""
    depth = indent(lines[number - 1])
    above = (line for line in reversed(lines[: number - 1]) if line.strip())
    parent = next((line for line in above if indent(line) < depth), "")
    return parent.strip() == "draw:"


def _key_without_space(line: str, number: int, is_key: Callable[[str, str], bool]) -> Hint | None:
    """A key on line ``number`` with no space after its colon, or a space YAML does not take
    for one. Only what ``is_key`` takes for a key (name, value) counts: in a course file,
    the keys a quiz or a page's front matter holds, so that a web address (``https://``) or
    a time (``10:30``) is no key."""
    key = NO_SPACE.match(line)
    if key is not None and is_key(key.group(2), key.group(3)):
        return _no_space(number, key)
    other = OTHER_SPACE.match(line)
    if other is not None and is_key(other.group(2), other.group(4)):
        return _other_space(number, other)
    return None


def _other_space(number: int, key: re.Match[str]) -> Hint:
    start, name, space, value = key.groups()
    return (
        number,
        len(start) + len(name) + 2,
        f"after '{name}:' comes {named_space(space)}, which YAML does not read as a "
        f"space, so it does not read '{name}' as a key",
        f"replace it with an ordinary (half-width) space: {name}: {value}",
        "yaml.space-after-colon",
    )


def _no_space(number: int, key: re.Match[str]) -> Hint:
    indent, name, value = key.groups()
    return (
        number,
        len(indent) + len(name) + 1,
        f"there is no space after '{name}:', so YAML does not read '{name}' as a key",
        f"write a space after the colon: {written(name, value)}",
        "yaml.space-after-colon",
    )


def key_read_as_text(line: str, number: int, reading: Reading) -> Hint | None:
    """A key on line ``number`` that YAML read as a text, valid where it stands, for its
    full-width colon or the missing space after its colon: ``alternate_style:true`` alone
    below ``- pymdownx.tabbed:`` gives the extension a text for its settings."""
    colon = FULL_WIDTH_COLON.match(line)
    if colon is not None:
        return full_width_colon(number, colon)
    return _key_without_space(line, number, reading.is_key)


ESCAPE = re.compile(
    r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0abtnvfre \t\"/\\N_LP]|$|(?P<none>.))"
)
"""A backslash in double quotes and what follows it: an escape YAML knows, the end of the
line (the text goes on below), or none (``none``): ``C:\\Users`` holds ``\\U`` with no
eight hexadecimal digits after it."""


def _bad_escape(line: str, number: int) -> Hint | None:
    """A text in double quotes with a backslash that starts no escape (a Windows path).
    The fix doubles each such backslash and leaves the rest of the line as it is: the
    escapes that are right (\\" or \\n), the closing quote and a comment after it."""
    match = VALUE.match(line)
    if match is None or not match.group(3).startswith('"'):
        return None
    key, value = match.group(2), match.group(3)
    fixed, bad = doubled_backslashes(value)
    if not bad:
        return None
    return (
        number,
        len(line.rstrip()) - len(value) + 1 + bad[0],
        f"{where(key)} is in double quotes, where '\\' starts an escape (\\n is a line "
        f"break), and '{value[bad[0] : bad[0] + 2]}' is none",
        f"write a backslash that is itself as two: {written(key, fixed)}",
        "yaml.bad-escape",
    )


def doubled_backslashes(value: str) -> tuple[str, list[int]]:
    """``value``, a text in double quotes, with each backslash that starts no escape
    doubled, and where those backslashes stand in ``value``."""
    bad = [found.start() for found in ESCAPE.finditer(value) if found["none"]]
    fixed = value
    for place in reversed(bad):
        fixed = fixed[:place] + "\\" + fixed[place:]
    return fixed, bad


def _special_start(line: str, number: int, tag: re.Pattern[str] | None) -> Hint | None:
    """A value that starts with a character YAML reads as syntax, not as text: a text
    block's header (``|``) or a tag that ``tag`` matches is rightly written."""
    match = VALUE.match(line)
    if match is None:
        return None
    indent, key, value = match.groups()
    nameless = value[:1] in NAMELESS_MARKS and not value[1:2].strip()
    reason = NAMELESS_MARKS[value[0]] if nameless else SPECIAL_START.get(value[:1])
    if reason is None or not (key or indent.strip()):
        return None
    if BLOCK_HEADER.fullmatch(value) or (tag is not None and tag.match(value)):
        return None
    marked = TEXT_AFTER_MARK.fullmatch(value)
    if marked is not None:
        return _text_after_mark(number, line, key, marked)
    if wrapped_in_its_quotes(value):
        return (
            number,
            len(line.rstrip()) - len(value) + 1,
            f"{where(key)} is in quotes {value[0]} {value[0]} and holds them inside too, so "
            "YAML takes the text to end at the second one",
            quotes_inside_fix(key, value),
            "yaml.needs-quotes",
        )
    closing = "]" if value[0] == "[" else "}"
    bracketed = (
        f"; if it is {BRACKETS[value[0]]}, end it with '{closing}' and write nothing after it"
        if value[0] in BRACKETS
        else ""
    )
    return (
        number,
        len(line.rstrip()) - len(value) + 1,
        f"{where(key)} starts with {value[0]!r}, {reason}",
        f"put the whole text in quotes: {written(key, quoted(value))}{bracketed}",
        "yaml.needs-quotes",
    )


def _text_after_mark(number: int, line: str, key: str | None, marked: re.Match[str]) -> Hint:
    """A text after ``>-`` or ``|-`` on its key's line: quoting the value, the advice for
    a text that starts with '>', would show the mark to learners."""
    mark, text = marked.groups()
    after = f"'{key}:'" if key else "the list's '- '"
    return (
        number,
        len(line.rstrip()) - len(marked.string) + 1,
        f"'{mark}' after {after} starts a text written on the lines below it, so no text may "
        "follow it on its own line",
        f"move the text to a line of its own below, "
        f"{spaces_in(len(line) - len(line.lstrip(' -')) + 2)}, or delete '{mark}' to keep it "
        f"on this line: {written(key, text)}",
        "yaml.text-after-mark",
    )


COURSE = Reading(_course_key, file_keys=FILE_KEYS)
"""A quiz, the exam settings or a page's front matter, which hold no tags."""
SETTINGS = Reading(_setting_key, SETTINGS_TAG)
"""mkdocs.yml."""
