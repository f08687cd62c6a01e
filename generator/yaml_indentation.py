"""A key indented unlike its neighbours, named at its line with the column it belongs in.

YAML reads a line indented deeper than a key with a value as more of that value, and then
complains of a colon; a line indented less, of a "block end", or of nothing until a line
below it no longer fits. Adding quotes or a full-width colon, its usual advice, would hide
the slip. Line numbers in a message count in the file: ``line_offset`` is how many of its
lines come before the YAML text (a page's front matter starts on line 2).
"""

from __future__ import annotations

import re

from generator.errors import counted
from generator.yaml_item_columns import first_item_out_of_line
from generator.yaml_key_blocks import keys_out_of_line, line_it_up
from generator.yaml_lines import (
    BLOCK_HEADER,
    KEY_LINE,
    Hint,
    enclosing_columns,
    enclosing_keys,
    holds_something,
    holds_value,
    indent,
    key_line_above,
    line_at,
    spaces_in,
    value_start,
)

LOWER_CASE_WORD = re.compile(r"\s*[a-z_][a-z0-9_-]*[ \t]")
"""A line that starts with a lower-case word and a space, which may be a key whose colon
was left out (``promt 一位客户``), not a text's next line."""


def file_key_indented(
    lines: list[str], number: int, line_offset: int, file_keys: frozenset[str]
) -> Hint | None:
    """A key of the file itself (one of ``file_keys``, ``exam_questions:``) indented on
    line ``number``. Lined up with the key above it, YAML's usual way out, it would be one
    more key of the last question, and its list more questions of the quiz."""
    key = KEY_LINE.match(line_at(lines, number))
    if key is None or key.group(2) not in file_keys or not key.group(1) or key.group(1).strip():
        return None
    name, column = key.group(2), len(key.group(1))
    edge = next(
        (
            (above, found.group(2))
            for above in range(number - 1, 0, -1)
            if (found := KEY_LINE.match(lines[above - 1])) and not found.group(1)
        ),
        None,
    )
    as_there = f", as '{edge[1]}:' does (line {edge[0] + line_offset})" if edge else ""
    return (
        number,
        column + 1,
        f"'{name}' is a key of the file itself, which starts at the left edge, but it is "
        f"indented {counted(column, 'space')}",
        f"delete the spaces before '{name}:', so that it starts at the left edge of its "
        f"line{as_there}",
        "yaml.indentation",
    )


def misaligned_key(lines: list[str], number: int, line_offset: int) -> Hint | None:
    """The key on line ``number`` indented neither like the key line above it nor as a key
    inside it."""
    key = KEY_LINE.match(line_at(lines, number))
    above = key_line_above(lines, number)
    if key is None or above is None or key.group(1).strip():
        return None
    column, above_number, above_key = len(key.group(1)), *above
    if column == 0:
        top = _indented_top(lines)
        if top is not None:
            return top
    above_column = len(above_key.group(1))
    if column != above_column:
        block = keys_out_of_line(lines, above_number, number, line_offset)
        if block is not None:
            return block
    holds_keys = not holds_value(lines[above_number - 1])
    if column > above_column and not holds_keys and _above_out_of_line(lines, above_number, number):
        slip, below = (above_number, above_key), (number, key)
        return (
            first_item_out_of_line(lines, above_number, line_offset)
            or _entry_or_below(lines, slip, below, line_offset)
            or line_it_up(slip, (number + line_offset, key), "indented less than", "below")
        )
    if column == above_column or (column > above_column and holds_keys):
        return None
    if column < above_column and column in enclosing_columns(lines, above_number):
        return None
    line_up_with = _written_so_elsewhere(lines, above_number, key.group(2)) or (
        above_number,
        above_key,
    )
    if column < above_column and line_up_with[0] == above_number:
        line_up_with = _nearest_outward(lines, above_number, column) or line_up_with
    return line_it_up(
        (number, key), (line_up_with[0] + line_offset, line_up_with[1]), "indented differently from"
    )


def _above_out_of_line(lines: list[str], above_number: int, number: int) -> bool:
    """Whether the key on line ``above_number``, left of the key on line ``number`` below
    it, is the one out of line: both keys start elsewhere in the file where the key below
    starts, and the key above nowhere else where it starts (an ``explanation:`` written at
    the left edge, its question's ``review:`` below it). Lining the key below up with it
    would take that key out of its mapping too."""
    above_key, key = KEY_LINE.match(lines[above_number - 1]), KEY_LINE.match(lines[number - 1])
    assert above_key is not None and key is not None
    column, above_column = len(key.group(1)), len(above_key.group(1))
    above_elsewhere = columns_elsewhere(lines, above_key.group(2), above_number)
    return column in above_elsewhere & columns_elsewhere(lines, key.group(2), number) and (
        above_column not in above_elsewhere
    )


def _entry_or_below(
    lines: list[str],
    slip_line: tuple[int, re.Match[str]],
    below_line: tuple[int, re.Match[str]],
    line_offset: int,
) -> Hint | None:
    """The hint for the key ``slip_line`` (its line and match), out of line between a list
    entry's last key and the key ``below_line`` under it, when the file has that key in
    both places: a last option's ``feedback:`` above its question's ``explanation:``, where
    a true-or-false question has its own feedback. The file cannot tell which was meant."""
    (slip_number, slip), (below_number, below) = slip_line, below_line
    entry = key_line_above(lines, slip_number)
    if entry is None:
        return None
    name, (entry_number, entry_key) = slip.group(2), entry
    lists = enclosing_keys(lines, entry_number)
    owner = f"the last of '{lists[0][1].group(2)}'" if lists else "the entry above"
    entry_column, below_column = len(entry_key.group(1)), len(below.group(1))
    if entry_column == below_column or entry_column not in columns_elsewhere(
        lines, name, slip_number
    ):
        return None
    return (
        slip_number,
        len(slip.group(1)) + 1,
        f"the key '{name}' is indented less than the keys above and below it (lines "
        f"{entry_number + line_offset} and {below_number + line_offset})",
        f"start '{name}' right under '{entry_key.group(2)}', {entry_column} spaces in, if it "
        f"belongs to {owner}; or right above '{below.group(2)}', {below_column} spaces in, "
        f"if it belongs beside '{below.group(2)}'",
        "yaml.indentation",
    )


def columns_elsewhere(lines: list[str], name: str, number: int) -> set[int]:
    """Where the key ``name`` starts on the lines other than line ``number``."""
    return {
        len(match.group(1))
        for line, match in enumerate(map(KEY_LINE.match, lines), 1)
        if match is not None and match.group(2) == name and line != number
    }


def _written_so_elsewhere(
    lines: list[str], number: int, name: str
) -> tuple[int, re.Match[str]] | None:
    """The key line ``number``, or the nearest one enclosing it, that starts where the key
    ``name`` starts elsewhere in the file: an ``explanation:`` indented 6 spaces, between
    an option's keys (8 in) and the question's (4), lines up with the question's keys when
    the other questions' explanations do."""
    columns = columns_elsewhere(lines, name, 0)
    keys = _key_and_enclosing(lines, number)
    return next(((line, key) for line, key in keys if len(key.group(1)) in columns), None)


def _key_and_enclosing(lines: list[str], number: int) -> list[tuple[int, re.Match[str]]]:
    """The key line ``number`` (if it holds a key) and those of the mappings enclosing it,
    nearest first: each line's number and match."""
    own = KEY_LINE.match(lines[number - 1])
    return ([(number, own)] if own is not None else []) + enclosing_keys(lines, number)


def _nearest_outward(
    lines: list[str], number: int, column: int
) -> tuple[int, re.Match[str]] | None:
    """The key line ``number``, or one enclosing it, that starts the least far right of
    ``column`` (the nearest, of two as far): a key indented 2 spaces, where the question's
    keys start 4 in, belongs with them, not with the option's key just above it (lined up
    there, it became the option's)."""
    keys = _key_and_enclosing(lines, number)
    wider = [(line, key) for line, key in keys if len(key.group(1)) > column]
    return min(wider, key=lambda entry: len(entry[1].group(1)), default=None)


def _indented_top(lines: list[str]) -> Hint | None:
    """The file's first line, when it is an indented list's entry though a key below starts
    at the left edge: the key it stood under (``questions:``) deleted. Lining the key below
    up with the lines above it would make it part of the list's last entry. Its line is
    counted in the YAML text, as every hint's."""
    number, first = next(
        ((number, line) for number, line in enumerate(lines, 1) if holds_something(line)),
        (0, ""),
    )
    if not indent(first) or not first.lstrip().startswith("- "):
        return None
    return (
        number,
        indent(first) + 1,
        "the file starts with an indented list, though keys further down start at the left "
        "edge: the key the list stands under is missing",
        "write that key above it, at the left edge (in a quiz file, 'questions:')",
        "yaml.indentation",
    )


def dedented_key(lines: list[str], number: int, line_offset: int) -> Hint | None:
    """A key indented less than the key above it, though the key on line ``number`` below
    it (or the list entry starting with one) lines up with that key: an option's
    ``correct: true`` written under the question's keys. YAML takes the key for one of the
    mapping further out, which is valid, and the line below, indented deeper, for more of
    the key's text, where its colon is not; it is the key that is out of line."""
    entry = KEY_LINE.match(line_at(lines, number))
    if entry is None:
        return None
    start = value_start(lines, number)
    key = KEY_LINE.match(lines[start - 1])
    above = key_line_above(lines, start)
    if start == number or key is None or key.group(1).strip() or above is None:
        return None
    above_number, above_key = above
    if not len(key.group(1)) < len(above_key.group(1)) == len(entry.group(1)):
        return None
    if _out_of_its_place(lines, (number, entry), (start, key)):
        return line_it_up((number, entry), (start + line_offset, key), "indented more than")
    return line_it_up((start, key), (above_number + line_offset, above_key), "indented less than")


def _out_of_its_place(
    lines: list[str], below: tuple[int, re.Match[str]], key: tuple[int, re.Match[str]]
) -> bool:
    """Whether the key ``below`` (its line and match, no list's entry) is the one out of
    line, not ``key`` above it: ``key`` starts where it starts elsewhere in the file, and
    ``below`` starts elsewhere where ``key`` does, never where it is (a question's
    ``review:`` pushed in under its ``explanation:``, which lines up with the other
    questions' explanations)."""
    (below_number, below_key), (key_number, the_key) = below, key
    if below_key.group(1).strip():  # a list's entry: where a key after ``key`` starts
        return False
    key_columns = columns_elsewhere(lines, the_key.group(2), key_number)
    below_columns = columns_elsewhere(lines, below_key.group(2), below_number)
    column = len(the_key.group(1))
    return column in key_columns & below_columns and len(below_key.group(1)) not in below_columns


def text_under_its_key(lines: list[str], number: int, line_offset: int) -> Hint | None:
    """A text with no key on line ``number``, below a key with a text and as far in as it
    or less far, even at the left edge: the next line of that text, or the first below
    ``>-``, not indented further. YAML reads it as a key (of a mapping further out, if it
    stands left of the key), and gives up where no ':' follows it (``number``: where it
    began to read that key). A text after a key that holds a word (``applied: true``) is
    more likely a key's text whose key was lost; and a key that starts where it starts
    nowhere else is the line out of line."""
    text, above = line_at(lines, number), key_line_above(lines, number)
    if not _text_alone(text) or above is None:
        return None
    (key_number, key), column = above, indent(text)
    mark = (key.group(3) or "").split("#")[0].strip()
    is_text = BLOCK_HEADER.fullmatch(mark) or not mark.isascii() or " " in mark
    if not is_text or column > len(key.group(1)):
        return None
    elsewhere = columns_elsewhere(lines, key.group(2), key_number)
    if elsewhere and len(key.group(1)) not in elsewhere:  # the key is out of line itself
        return None
    last = number
    while _text_alone(below := line_at(lines, last + 1)) and indent(below) == column:
        last += 1
    first, end = number + line_offset, last + line_offset
    where = f"lines {first}-{end} hold" if last > number else f"line {first} holds"
    name, deeper = key.group(2), spaces_in(len(key.group(1)) + 2)
    return (
        number,
        column + 1,
        f"{where} a text with no key, below '{name}:' (line {key_number + line_offset}) and no "
        f"further in than '{name}', so YAML reads it as a new key, with no ':' after it",
        _text_under_its_key_fix(
            (name, key_number + line_offset), mark, deeper, "them" if last > number else "it"
        ),
        "yaml.indentation",
    )


def _text_under_its_key_fix(key: tuple[str, int], mark: str, deeper: str, them: str) -> str:
    """How to write the lines of text (``them``) below ``key`` (its name and line), whose
    value is ``mark`` (``>-``, or the text's start), as more of its text: ``deeper``."""
    name, key_line = key
    indented = f"indent {them} further than '{name}', {deeper}"
    if BLOCK_HEADER.fullmatch(mark):
        return f"{indented}, as every line of a text below '{name}: {mark}' must be"
    return (
        f"if the text goes on from '{name}:', put {them} on line {key_line}, after the text "
        f"there, or {indented} (or write '{name}: >-' and the whole text on the lines below "
        f"it, {deeper}); if it belongs to a key of its own, write that key before it"
    )


def _text_alone(line: str) -> bool:
    """Whether ``line`` holds a text alone: no key, nor a word that may be one with its
    colon left out (``promt 一位客户``), no list's entry, no comment."""
    if not holds_something(line) or KEY_LINE.match(line) or LOWER_CASE_WORD.match(line):
        return False
    return line.lstrip()[:2] != "- "
