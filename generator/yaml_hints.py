"""Likely causes of a YAML syntax error, named in the trainer's terms with the fix.

YAML says what its parser expected where it gave up, often a line or more after the
slip. Two slips are common in a Chinese course: a full-width colon after a key (``prompt：``,
what a Chinese input method types) and a text that starts with a character YAML reads as
syntax (``!重要``, ``[注意] 以下``, ``@客户``). Both are looked for on the lines the error
names, and the fix quotes the trainer's own line.
"""

from __future__ import annotations

import re

FULL_WIDTH_COLON = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*)\s*[：︰﹕]\s*(.*)$")
"""A key followed by a full-width colon (U+FF1A, U+FE30, U+FE55) instead of ':'."""
VALUE = re.compile(r"^(\s*(?:-\s+)?)(?:([A-Za-z_][A-Za-z0-9_-]*)\s*:\s+)?(.*?)\s*$")
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
BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
"""``|``, ``>-`` …: a text on the lines below, rightly written."""
BRACKETS = {"[": "a list", "{": "a group"}
Hint = tuple[int, int, str, str, str]
"""Line, column, what is wrong, how to fix it, and the problem's code."""


def syntax_hint(text: str, error_line: int, context_line: int | None) -> Hint | None:
    """The slip that likely caused a syntax error at ``error_line`` (1-based), which YAML
    noticed while reading from ``context_line``, if one is found."""
    lines = text.split("\n")
    first = min(context_line or error_line, error_line - 1)
    for number in range(max(first, 1), min(error_line, len(lines)) + 1):
        colon = FULL_WIDTH_COLON.match(lines[number - 1])
        if colon is not None:
            return _full_width_colon(number, colon)
    for number in dict.fromkeys(n for n in (context_line, error_line) if n is not None):
        special = _special_start(lines[number - 1] if 0 < number <= len(lines) else "", number)
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


def _special_start(line: str, number: int) -> Hint | None:
    """A value that starts with a character YAML reads as syntax, not as text."""
    match = VALUE.match(line)
    if match is None:
        return None
    indent, key, value = match.groups()
    if not value or value[0] not in SPECIAL_START or not (key or indent.strip()):
        return None
    if BLOCK_HEADER.fullmatch(value):
        return None
    where = f"the text after '{key}:'" if key else "the list entry"
    written = f"{key}: {quoted(value)}" if key else f"- {quoted(value)}"
    closing = "]" if value[0] == "[" else "}"
    bracketed = (
        f"; if it is {BRACKETS[value[0]]}, end it with '{closing}' and write nothing after it"
        if value[0] in BRACKETS
        else ""
    )
    return (
        number,
        len(line.rstrip()) - len(value) + 1,
        f"{where} starts with {value[0]!r}, {SPECIAL_START[value[0]]}",
        f"put the whole text in quotes: {written}{bracketed}",
        "yaml.needs-quotes",
    )


def quoted(text: str) -> str:
    """``text`` as a quoted YAML scalar: in double quotes, or in single quotes when it holds
    a double quote or a backslash (which double quotes would read as an escape)."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'
