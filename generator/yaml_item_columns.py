"""A list's item whose '-' stands left or right of its neighbours', named at its line.

An option pasted 2 spaces short of the others, a question 2 spaces too far in, the first
option's '- ' moved off the column of the options below it: YAML speaks of a key indented
wrongly, of a "block end", or of a key where a list's item belongs, and the other hints
would have the trainer delete the '- ' or move the question's keys. The item is told to
line its '-' up with the item next to it in the same list, which starts with the same key.
"""

from __future__ import annotations

from generator.yaml_lines import (
    ITEM,
    KEY_LINE,
    Hint,
    filled_above,
    filled_below,
    holds_something,
    holds_value,
    indent,
    line_at,
    spaces_in,
)


def item_out_of_line(lines: list[str], error_line: int, line_offset: int) -> Hint | None:
    """An item at ``error_line`` whose '-' stands left or right of the '-' of the item
    before it in its list, which starts with the same key: a question pasted 2 spaces too
    far in (it was told to lose its '- '), an option 2 spaces short of the others. When the
    item after it stands as it does, the item before it is the one out of line (the first
    option moved 2 spaces right, with all its lines)."""
    item = KEY_LINE.match(line_at(lines, error_line))
    if item is None or item.group(1).strip() != "-":
        return _text_item_out_of_line(lines, error_line, line_offset)
    key, column = item.group(2), indent(lines[error_line - 1])
    sibling = _same_item_above(lines, error_line, key, column)
    if sibling is None:
        return None
    after = _next_item(lines, error_line, key, column)
    if after is not None and after[1] == column:
        return lined_up_item(lines, sibling[0], key, (error_line, column), line_offset, "after")
    return lined_up_item(lines, error_line, key, sibling, line_offset, "before")


def lined_up_item(
    lines: list[str],
    number: int,
    key: str,
    sibling: tuple[int, int],
    line_offset: int,
    where: str,
) -> Hint:
    """The hint for the item on line ``number`` (starting with ``key``) to line its '-' up
    with the one of ``sibling`` (its line and column), the item ``where`` it in its list;
    its other lines move too, unless they already stand as they would under the sibling."""
    column = indent(lines[number - 1])
    below = filled_below(lines, number)
    in_place = below and indent(lines[below - 1]) == sibling[1] + 2 != column + 2
    last = number if in_place else _last_line_of_item(lines, number, key, column)
    moved = (
        f", and move its other lines (to line {last + line_offset}) by as much"
        if last > number
        else ""
    )
    return (
        number,
        column + 1,
        f"this item of the list starts its '-' {spaces_in(column)}, where the item {where} it "
        f"(line {sibling[0] + line_offset}) starts its '-' {spaces_in(sibling[1])}",
        f"line its '-' up with that one, {spaces_in(sibling[1])}{moved}",
        "yaml.item-out-of-line",
    )


def _text_item_out_of_line(lines: list[str], error_line: int, line_offset: int) -> Hint | None:
    """An item of a list of texts (``features:`` in mkdocs.yml) at ``error_line`` whose '-'
    stands left or right of the '-' of the text item on the line above: PyYAML spoke of a
    "block end" and a "block sequence start"."""
    above = filled_above(lines, error_line)
    item, sibling = ITEM.match(line_at(lines, error_line)), ITEM.match(line_at(lines, above))
    if item is None or sibling is None or KEY_LINE.match(lines[above - 1]) is not None:
        return None
    column, sibling_column = len(item.group(1)), len(sibling.group(1))
    if column == sibling_column or KEY_LINE.match(lines[error_line - 1]) is not None:
        return None
    below = ITEM.match(line_at(lines, filled_below(lines, error_line)))
    if below is not None and len(below.group(1)) == column:  # the one above is out of line
        return (
            above,
            sibling_column + 1,
            f"this item of the list starts its '-' {spaces_in(sibling_column)}, where the "
            f"items after it (line {error_line + line_offset} on) start theirs "
            f"{spaces_in(column)}",
            f"line its '-' up with theirs, {spaces_in(column)}",
            "yaml.item-out-of-line",
        )
    return (
        error_line,
        column + 1,
        f"this item of the list starts its '-' {spaces_in(column)}, where the item before it "
        f"(line {above + line_offset}) starts its '-' {spaces_in(sibling_column)}",
        f"line its '-' up with that one, {spaces_in(sibling_column)}",
        "yaml.item-out-of-line",
    )


def _same_item_above(
    lines: list[str], number: int, key: str, column: int
) -> tuple[int, int] | None:
    """The nearest item above line ``number`` that starts with ``key`` too, its line and
    the column of its '-', when that column is not ``column`` and the item is of the same
    list: no key between them opens a list further left than ``column`` (``turns:``, whose
    first turn starts with 'id' as the question above it does)."""
    for above in range(number - 1, 0, -1):
        line = lines[above - 1]
        found = KEY_LINE.match(line)
        if found is None or not holds_something(line):
            continue
        if found.group(1).strip() == "-" and found.group(2) == key:
            return None if indent(line) == column else (above, indent(line))
        if len(found.group(1)) < column and not found.group(1).strip() and not holds_value(line):
            return None
    return None


def same_item_below(lines: list[str], number: int, key: str, column: int) -> tuple[int, int] | None:
    """The next item below line ``number`` that starts with ``key`` too, its line and the
    column of its '-', when that column is not ``column`` and the item is of the same list."""
    after = _next_item(lines, number, key, column)
    return None if after is None or after[1] == column else after


def _next_item(lines: list[str], number: int, key: str, column: int) -> tuple[int, int] | None:
    """The next item below line ``number`` that starts with ``key`` too, its line and the
    column of its '-', when it is of the same list: no line between them starts left of
    ``column``."""
    for below in range(number + 1, len(lines) + 1):
        line = lines[below - 1]
        if not holds_something(line):
            continue
        found = KEY_LINE.match(line)
        if found is not None and found.group(1).strip() == "-" and found.group(2) == key:
            return below, indent(line)
        if indent(line) < column:
            return None
    return None


def _last_line_of_item(lines: list[str], number: int, key: str, column: int) -> int:
    """The last line holding something of the item whose '-' on line ``number`` stands at
    ``column``: up to a line as far left, or the next item starting with ``key``."""
    last = number
    for below in range(number + 1, len(lines) + 1):
        line = lines[below - 1]
        if not holds_something(line):
            continue
        found = KEY_LINE.match(line)
        if indent(line) <= column or (
            found and found.group(1).strip() == "-" and found.group(2) == key
        ):
            break
        last = below
    return last


def first_item_out_of_line(lines: list[str], number: int, line_offset: int) -> Hint | None:
    """The item on line ``number``, first under its list's key, whose '-' stands left or
    right of the '-' of the next item, which starts with the same key: the first option's
    '- ' moved 2 spaces left. Its key was told to line up with the question's ('id')."""
    item, above = KEY_LINE.match(line_at(lines, number)), filled_above(lines, number)
    column = indent(line_at(lines, number))
    if item is None or item.group(1).strip() != "-" or not _opens_list(lines, above, column):
        return None
    sibling = same_item_below(lines, number, item.group(2), column)
    if sibling is None:
        return None
    return lined_up_item(lines, number, item.group(2), sibling, line_offset, "after")


def _opens_list(lines: list[str], number: int, column: int) -> bool:
    """Whether line ``number`` is a key holding no value, no further in than ``column``."""
    key = KEY_LINE.match(line_at(lines, number))
    return (
        key is not None
        and not holds_value(lines[number - 1])
        and indent(lines[number - 1]) <= column
    )
