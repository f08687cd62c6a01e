"""Slips in a list's items, named at their line with the item as it should be written.

A new option or question is where a trainer slips: an item started wrongly (``-text:``,
``—text:``, :mod:`generator.yaml_dash_hints`), an item whose key was left out (``- 专心倾听``
with its ``feedback:`` below it), a question whose ``- `` was left out (``id:`` under the
last one's keys, or the first one's under ``questions:``), or a ``- `` put before one of a
mapping's ``key: value`` lines (``- 02-principles: 3`` under the exam's ``draw:``). YAML
gives up on a line below, or says a key is indented wrongly or written twice, and its
advice (quotes, a full-width colon, more spaces) would not help.
"""

from __future__ import annotations

import re

from generator.schema_location import COURSE_KEYS
from generator.yaml_dash_hints import dash_slip
from generator.yaml_item_columns import first_item_out_of_line, item_out_of_line
from generator.yaml_lines import (
    BLOCK_HEADER,
    ITEM,
    KEY_LINE,
    Hint,
    enclosing_keys,
    filled_above,
    filled_below,
    holds_something,
    holds_value,
    indent,
    line_at,
    value_start,
)

REACH = 2
"""How many lines holding something, from the error line up, a slip is looked for on."""


def list_item_slip(lines: list[str], error_line: int, line_offset: int = 0) -> Hint | None:
    """A slip in a list's item at or just above the error line, if one is found there.
    ``line_offset``: how many lines of the file come before ``lines``, for a line that a
    message names."""
    filled = [n for n in range(min(error_line, len(lines)), 0, -1) if holds_something(lines[n - 1])]
    for number in filled[:REACH]:
        if _in_text_block(lines, number):
            continue
        hint = dash_slip(lines, number)
        if hint is not None:
            return hint
    return (
        item_out_of_line(lines, error_line, line_offset)
        or _item_without_key(lines, error_line)
        or _item_without_dash(lines, error_line)
        or _item_without_dash(lines, filled_above(lines, error_line))
        or _first_item_without_dash(lines, error_line)
        or first_item_out_of_line(lines, filled_above(lines, error_line), line_offset)
        or _dash_among_keys(lines, error_line, line_offset)
    )


def _in_text_block(lines: list[str], number: int) -> bool:
    """Whether line ``number`` is part of a text written below its key (``prompt: |``),
    where '-text: 看这里' is the learner's text, rightly written."""
    start = value_start(lines, number)
    key = KEY_LINE.match(lines[start - 1]) if start != number else None
    return (
        key is not None
        and BLOCK_HEADER.fullmatch((key.group(3) or "").split("#")[0].strip()) is not None
    )


def _item_without_key(lines: list[str], error_line: int) -> Hint | None:
    """A key at ``error_line`` under an item that holds a bare text (``- 专心倾听``): the
    item's own key left out. The key is the one its neighbours start with."""
    key = KEY_LINE.match(line_at(lines, error_line))
    above = filled_above(lines, error_line)
    item = ITEM.match(line_at(lines, above))
    if key is None or item is None or KEY_LINE.match(lines[above - 1]) is not None:
        return None
    spaces, text = item.groups()
    if text[:1].isascii():  # a key written wrongly ('text：', 'text 打断'), named elsewhere
        return None
    first_key = first_key_of_items(lines, above, len(spaces))
    if first_key is None or len(key.group(1)) not in {len(spaces) + 2, item.start(2)}:
        return None
    return (
        above,
        item.start(2) + 1,
        f"the list's item holds a text with no key before it, where the other items start "
        f"with '{first_key}:'",
        f"write the key before the text: - {first_key}: {text}",
        "yaml.item-without-key",
    )


def _item_without_dash(lines: list[str], number: int) -> Hint | None:
    """A key on line ``number`` where the items of a list around it start, named as the key
    each of them starts with: an item whose '- ' was left out, a new one below the others
    or the list's first."""
    key = KEY_LINE.match(line_at(lines, number))
    if key is None or key.group(1).strip():
        return None
    column = len(key.group(1))
    if first_key_of_items(lines, number, column) != key.group(2):
        return None
    if first_key_of_items(lines[:number], number, column) is not None:
        return _without_dash(number, key, "a new item of the list above", "before it")
    return _without_dash(number, key, _first_item_of(lines, number), "before it")


def _first_item_without_dash(lines: list[str], error_line: int) -> Hint | None:
    """A list's first item whose '- ' was left out, found at its second item, on
    ``error_line``: the first item's keys start 2 spaces right of the second item's '-',
    from the line below the list's key, with the key the second item starts with. YAML
    read them as keys of the list's key, and gave up at the second item's '-'."""
    item = KEY_LINE.match(line_at(lines, error_line))
    if item is None or item.group(1).strip() != "-":
        return None
    column = indent(lines[error_line - 1])
    above = (n for n in range(error_line - 1, 0, -1) if holds_something(lines[n - 1]))
    opener_number = next((n for n in above if indent(lines[n - 1]) <= column), 0)
    opener = KEY_LINE.match(line_at(lines, opener_number))
    first_number = filled_below(lines, opener_number)
    first = KEY_LINE.match(line_at(lines, first_number))
    if opener is None or holds_value(opener.string) or first is None:
        return None
    if first.group(1) != " " * (column + 2) or first.group(2) != item.group(2):
        return None
    where = "in place of the 2 spaces before it"
    return _without_dash(first_number, first, _first_item_of(lines, first_number), where)


def _first_item_of(lines: list[str], number: int) -> str:
    """The first item of the list that line ``number`` is in, named by the list's key."""
    owners = enclosing_keys(lines, number)
    return f"the first item of the list '{owners[0][1].group(2)}'" if owners else "a list"


def _without_dash(number: int, key: re.Match[str], which: str, where: str) -> Hint:
    """The hint for the key ``key`` on line ``number``, which starts ``which`` item of a
    list with no '- ' before it, to be written ``where``."""
    return (
        number,
        len(key.group(1)) + 1,
        f"'{key.group(2)}' starts {which}, but has no '- ' before it",
        f"write '- ' {where}, where the other items have theirs: - {key.group(2)}: "
        f"{key.group(3) or ''}".rstrip(),
        "yaml.item-without-dash",
    )


def _dash_among_keys(lines: list[str], error_line: int, line_offset: int) -> Hint | None:
    """'- key: value' lines among 'key: value' lines (the exam's ``draw:``), no list: the
    error line after a key line, or the line above a key line that is the error line; with
    the '- key: value' lines next to it, which are told together."""
    above = filled_above(lines, error_line)
    for item_line, key_line in ((error_line, above), (above, error_line)):
        item, key = (
            KEY_LINE.match(line_at(lines, item_line)),
            KEY_LINE.match(line_at(lines, key_line)),
        )
        if item is None or key is None or item.group(1).strip() != "-" or key.group(1).strip():
            continue
        column = indent(lines[item_line - 1])
        if not (item.group(3) and key.group(3) and column == len(key.group(1))):
            continue
        first, last = _dashed_keys(lines, item_line, column)
        blanked = [*lines[: first - 1], *[""] * (last - first + 1), *lines[last:]]
        if first_key_of_items(blanked, first, column) is None and (
            first == last or _among_keys(lines, (first, last), column)
        ):  # no list's other item
            first_item = KEY_LINE.match(lines[first - 1])
            assert first_item is not None
            return _stray_dash(first_item, (first, last), line_offset)
    return None


def _among_keys(lines: list[str], span: tuple[int, int], column: int) -> bool:
    """Whether the '- key: value' lines ``span`` are keys with a '- ' too many: between
    'key: value' lines lined up with their '-', or keys of no course file (the modules under
    the exam's ``draw:``). A list's items of one key each (``- text: 道歉``) above a key
    indented too far (``explanation:``) are no such lines."""
    first, last = span
    neighbours = [KEY_LINE.match(line_at(lines, filled_above(lines, first)))]
    neighbours.append(KEY_LINE.match(line_at(lines, filled_below(lines, last))))
    if all(key is not None and key.group(1) == " " * column and key.group(3) for key in neighbours):
        return True
    names = [KEY_LINE.match(lines[number - 1]) for number in range(first, last + 1)]
    return not any(name is not None and name.group(2) in COURSE_KEYS for name in names)


def _dashed_keys(lines: list[str], number: int, column: int) -> tuple[int, int]:
    """The first and last of the '- key: value' lines next to each other around line
    ``number``, their '-' at ``column``."""

    def dashed(other: int) -> bool:
        item = KEY_LINE.match(line_at(lines, other))
        return item is not None and item.group(1) == f"{' ' * column}- " and bool(item.group(3))

    first, last = number, number
    while dashed(filled_above(lines, first)):
        first = filled_above(lines, first)
    while dashed(filled_below(lines, last)):
        last = filled_below(lines, last)
    return first, last


def _stray_dash(item: re.Match[str], span: tuple[int, int], line_offset: int) -> Hint:
    """The hint for the '- ' on the lines ``span``, the first of which is ``item``."""
    first, last = span
    if first == last:
        said = "'- ' starts a list's item, but the lines around it are 'key: value' lines"
        fix = f"delete the '- ': {item.group(2)}: {item.group(3) or ''}".rstrip()
    else:
        lines = f"lines {first + line_offset}-{last + line_offset}"
        said = (
            f"'- ' starts {lines} as a list's items, but the lines around them are "
            "'key: value' lines"
        )
        fix = f"delete the '- ' at the start of {lines}"
    column = len(item.group(1)) - len(item.group(1).lstrip()) + 1
    return first, column, said, fix, "yaml.dash-among-keys"


def repeated_first_key(lines: list[str], number: int) -> Hint | None:
    """A key written twice in a list's item (YAML's duplicate key), the second time on line
    ``number`` in line with the item's keys, where the item starts with it: most likely a
    new item whose '- ' was left out."""
    key = KEY_LINE.match(line_at(lines, number))
    if key is None or key.group(1).strip():
        return None
    name, column = key.group(2), len(key.group(1))
    if column < 2 or first_key_of_items(lines, number, column - 2) != name:
        return None
    return (
        number,
        column + 1,
        f"duplicate key '{name}': the list's item this line is in already starts with '{name}:'",
        f"if this line starts a new item, write '- ' before it, 2 spaces to the left, in line "
        f"with the other items' '-': - {name}: {key.group(3) or ''}".rstrip()
        + "; if not, remove one of the two",
        "yaml.duplicate-key",
    )


def first_key_of_items(lines: list[str], number: int, column: int) -> str | None:
    """The key that the other items of the list around line ``number`` start with, where
    their '-' stands at ``column``: the nearest such item above it, else below it."""
    for side in (reversed(lines[: number - 1]), lines[number:]):
        for line in side:
            if holds_something(line) and indent(line) < column:
                break
            key = KEY_LINE.match(line)
            if key is not None and indent(line) == column and key.group(1).strip() == "-":
                return key.group(2)
    return None
