"""A YAML reader's error in the trainer's terms: where, what is wrong, the fix and the code.

The reader (:mod:`generator.yaml_source`) raises what YAML refuses and what a course file
does not accept (:class:`Refused`); the hints (:mod:`generator.yaml_hints`) find the slip
behind a syntax error, often a line or more above where YAML gave up.
"""

from __future__ import annotations

import re

from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, StreamMark

from generator.yaml_hints import COURSE, context_line_of, syntax_hint
from generator.yaml_indentation import columns_elsewhere
from generator.yaml_key_hints import misplaced_key
from generator.yaml_lines import (
    KEY_LINE,
    SPACE_NAMES,
    Hint,
    holds_something,
    holds_value,
    spaces_in,
)
from generator.yaml_list_hints import repeated_first_key

INDENT_FIX = "indent with ordinary spaces (half-width), two per level"
FULL_WIDTH_INDENT = (
    "the line is indented with full-width spaces (U+3000)",
    INDENT_FIX,
    "yaml.full-width-indent",
)
TAB_FIX = "use spaces, not tabs"
DOCUMENT_MARKER = re.compile(r"(?:---|\.\.\.)(?:[ \t]|$)")
"""A line that ends a YAML document ('...') or starts one ('---')."""
DOCUMENT_END_FIX = "delete this '...' line (a text that starts with '...' goes in quotes)"


class Refused(Exception):
    """YAML that is valid but not accepted in a course file."""

    def __init__(self, mark: StreamMark, message: str, fix: str, code: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.fix, self.code = mark, message, fix, code


def describe_yaml_error(
    error: Refused | MarkedYAMLError, text: str, line_offset: int
) -> tuple[int, int, str, str, str]:
    """Line and column in ``text``, what is wrong, how to fix it, and the problem's code; a
    line the message names counts in the file, ``line_offset`` lines above ``text``."""
    if isinstance(error, Refused):
        return error.mark.line + 1, error.mark.column + 1, error.message, error.fix, error.code
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(error, DuplicateKeyError):
        repeated = repeated_first_key(text.split("\n"), line)
        return repeated or (line, column, *duplicate_key(_duplicate_key_name(error)))
    hint = (
        indent_hint(text, line, column)
        or syntax_hint(text, line, context_line_of(error), COURSE, line_offset)
        or misplaced_key(text.split("\n"), line, column)
    )
    if hint is not None:
        return hint
    what = error.problem or error.context or "the text is not valid YAML"
    if "found another document" in what:
        return _second_document(text.split("\n"), line, column)
    return line, column, f"YAML syntax error: {what}", _syntax_fix(what), "yaml.syntax"


def _second_document(lines: list[str], line: int, column: int) -> Hint:
    """Where another YAML document starts, found at ``line``: after a '...' line, which
    ends the one before, or at a second '---' line."""
    ended = document_end_above(lines, line)
    if ended is not None:
        return (
            ended,
            1,
            "a '...' line ends the YAML document, so the lines below it start another, but a "
            "course file holds only one",
            DOCUMENT_END_FIX,
            "yaml.document-end",
        )
    return (
        line,
        column,
        "a second '---' line starts another YAML document, but a course file holds only one",
        "remove this '---' line",
        "yaml.second-document",
    )


def document_end_above(lines: list[str], line: int) -> int | None:
    """The number of the '...' line that ends a YAML document at or above ``line`` (where
    a parser found another document), unless a '---' line comes after it."""
    marker = next(
        (number for number in range(line, 0, -1) if DOCUMENT_MARKER.match(lines[number - 1])),
        None,
    )
    return marker if marker is not None and lines[marker - 1].startswith("...") else None


def duplicate_key(name: str) -> tuple[str, str, str]:
    """What is wrong with a key written twice in one mapping, how to fix it, and the code."""
    return (
        f"duplicate key '{name}'",
        "each key may appear only once in a mapping: remove or rename one of them",
        "yaml.duplicate-key",
    )


def indent_hint(text: str, line: int, column: int) -> Hint | None:
    """A line indented with full-width or no-break spaces at or just above ``line``, where
    YAML gave up, or a tab at its ``column``: YAML refuses tabs wherever they could be
    taken for indentation, and reads a full-width or a no-break space as text."""
    indented = _odd_space_indent(text, line)
    if indented is not None:
        number, space = indented
        name = SPACE_NAMES[space].removeprefix("a ")
        said = f"the line is indented with {name}s (U+{ord(space):04X})"
        return number, 1, said, INDENT_FIX, "yaml.full-width-indent"
    if _character_at(text, line, column) == "\t":
        return line, column, *_tab_problem(text, line, column)
    return None


def _character_at(text: str, line: int, column: int) -> str:
    """The character at the 1-based ``line`` and ``column`` of ``text``, if there is one."""
    lines = text.split("\n")
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    return row[column - 1 : column]


def _tab_problem(text: str, line: int, column: int) -> tuple[str, str, str]:
    lines = text.split("\n")
    row = lines[line - 1]
    if not row[: column - 1].strip():
        return "the line is indented with a tab", _tab_indent_fix(lines, line), "yaml.tab"
    return (
        "a tab stands where YAML does not allow one",
        f"{TAB_FIX}: replace it with a space, or put the text in quotes",
        "yaml.tab",
    )


def _tab_indent_fix(lines: list[str], line: int) -> str:
    """How to indent line ``line``, a key indented with a tab: with spaces, as the key below
    it when the line above opens their block (``theme:``, then ``name``, ``language``: a
    ``name`` stands deeper under each palette), else as far as the key starts elsewhere in
    the file, or else as the key with a value on the line above it (a question's keys are
    4 spaces in, not 2)."""
    key = KEY_LINE.match(lines[line - 1].lstrip("\t "))
    if key is None or key.group(1).strip():
        return f"{TAB_FIX}: two spaces per level"
    name = key.group(2)
    above = next((row for row in reversed(lines[: line - 1]) if holds_something(row)), "")
    below = next((row for row in lines[line:] if holds_something(row)), "")
    if (column := _column_in_block(above, below)) is not None:
        return f"{TAB_FIX}: start '{name}' {spaces_in(column)}, as the key below it starts"
    elsewhere = columns_elsewhere(lines, name, line)
    if len(elsewhere) == 1:
        return f"{TAB_FIX}: start '{name}' {spaces_in(elsewhere.pop())}, as it starts elsewhere"
    above_key = KEY_LINE.match(above)
    if elsewhere or above_key is None or not holds_value(above):
        return f"{TAB_FIX}: two spaces per level"
    where = f"as '{above_key.group(2)}' on the line above it starts"
    return f"{TAB_FIX}: start '{name}' {spaces_in(len(above_key.group(1)))}, {where}"


def _column_in_block(above: str, below: str) -> int | None:
    """Where ``below`` starts, if ``above`` is a key that opens a block of keys (``theme:``)
    and ``below``, a key deeper than it with no tab, is of that block, as the line between
    them is."""
    above_key, below_key = KEY_LINE.match(above), KEY_LINE.match(below)
    if above_key is None or below_key is None or holds_value(above) or "\t" in below_key[1]:
        return None
    deeper = not below_key[1].strip() and len(below_key[1]) > len(above_key[1])
    return len(below_key[1]) if deeper else None


def _odd_space_indent(text: str, error_line: int) -> tuple[int, str] | None:
    """The line at or just above ``error_line`` (empty lines passed over) that is indented
    with full-width or no-break spaces, which YAML reads as text, and the first such space."""
    lines = text.split("\n")
    above = (n for n in range(min(error_line, len(lines)) - 1, 0, -1) if lines[n - 1].strip())
    for number in (error_line, next(above, 0)):
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        odd = [space for space in line[: len(line) - len(line.lstrip())] if space in SPACE_NAMES]
        if odd:
            return number, odd[0]
    return None


def _syntax_fix(what: str) -> str:
    if "mapping values are not allowed" in what:
        return "put the value in quotes, or write the colon inside it as a full-width '：'"
    return "check the indentation and quoting on this line and the one above it"


def _duplicate_key_name(error: DuplicateKeyError) -> str:
    """ruamel says: found duplicate key "objective" with value "x" (original value: "y")."""
    quoted = re.search(r'"([^"]*)"', error.problem or "")
    return quoted.group(1) if quoted else "?"
