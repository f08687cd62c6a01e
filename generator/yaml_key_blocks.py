"""Keys out of line with the keys around them, named with the column they belong in.

A mapping's keys start at one column; YAML takes it from the first key, reads a key further
in after a key with a value as more of that value, and one further out as a key of an
enclosing mapping. Where the keys that are out of line are several, one after another (the
first modules under the exam's ``draw:``, or two of them slipped in the middle of the list),
they are named together, as the lines to move; the file's own keys at the left edge among
them (``title:`` between two modules) are to move above the key they cut in two. Line
numbers in a message count in the file: ``line_offset`` is how many of its lines come
before the YAML text.
"""

from __future__ import annotations

import re

from generator.schema_location import COURSE_KEYS
from generator.yaml_lines import (
    KEY_LINE,
    Hint,
    enclosing_keys,
    filled_above,
    filled_below,
    holds_something,
    holds_value,
    indent,
    line_at,
    spaces_in,
)


def keys_out_of_line(
    lines: list[str], above_number: int, number: int, line_offset: int
) -> Hint | None:
    """The keys out of line as a block, when the key on line ``number`` starts elsewhere than
    the key line above it, on ``above_number``: two keys or more between keys lined up with
    each other, or the first keys under the key that holds them."""
    return _keys_amid(lines, above_number, number, line_offset) or _first_keys(
        lines, above_number, number, line_offset
    )


def _keys_amid(lines: list[str], above_number: int, number: int, line_offset: int) -> Hint | None:
    """Two keys or more with values, one after another, that start elsewhere than the keys
    with values right above and below them, which line up with each other (``03-explore: 4``
    and ``04-offer: 4`` at the left edge, or 4 spaces in, in the middle of ``draw:``): they
    start on line ``number``, below the key on ``above_number``, or end there, above it.
    The keys of the block and around it are all course keys, or none is: ``title:`` and
    ``pass_mark:`` at the left edge between modules under ``draw:`` may be the rightly
    placed ones."""
    column, above_column = indent(lines[number - 1]), indent(lines[above_number - 1])
    below = _keys_in_line(lines, number, 1)
    above = _keys_in_line(lines, above_number, -1)
    if len(below) > 1 and _line_up(lines, (above_number, filled_below(lines, below[-1])), below):
        block, into = (number, below[-1]), above_column
    elif len(above) > 1 and _line_up(lines, (filled_above(lines, above[-1]), number), above):
        block, into = (above[-1], above_number), column
    else:
        return None
    first, last = block
    outer = filled_above(lines, first)
    owners = enclosing_keys(lines, outer)
    start = indent(lines[first - 1])
    opened = f"'{owners[0][1].group(2)}:' (line {owners[0][0] + line_offset})" if owners else ""
    outside = bool(owners) and start <= indent(owners[0][1].string)
    return _keys_to_move(
        (first + line_offset, last + line_offset, start),
        _why_out_of_line(opened, outside, into),
        (
            into,
            f"the keys above and below them do (lines {outer + line_offset} and "
            f"{filled_below(lines, last) + line_offset})",
        ),
    )


def _line_up(lines: list[str], neighbours: tuple[int, int], block: list[int]) -> bool:
    """Whether the lines ``neighbours`` hold keys with values that start as far in as each
    other, and elsewhere than the keys on the lines ``block``, which are as much course keys
    as theirs."""
    keys = [KEY_LINE.match(line_at(lines, number)) for number in (*neighbours, *block)]
    if any(key is None or key.group(1).strip() for key in keys):
        return False
    above, below = neighbours
    columns = {indent(lines[number - 1]) for number in neighbours}
    course = {key.group(2) in COURSE_KEYS for key in keys if key is not None}
    return (
        holds_value(lines[above - 1])
        and holds_value(lines[below - 1])
        and len(columns) == 1
        and indent(lines[block[0] - 1]) not in columns
        and len(course) == 1
    )


def _why_out_of_line(opened: str, outside: bool, column: int) -> str:
    """Why keys are out of line under the key ``opened`` (``'draw:' (line 9)``), whose other
    keys start at ``column``: they start no further in than it (``outside``), or elsewhere."""
    if outside:
        return f"no further in than {opened} above them, so YAML does not read them as under it"
    under = f"under {opened} " if opened else ""
    return f"where the other keys {under}start {spaces_in(column)}"


def _first_keys(lines: list[str], above_number: int, number: int, line_offset: int) -> Hint | None:
    """The first keys under a key that holds keys, down to line ``above_number``, when they
    are the ones out of line, not the key on line ``number`` and the keys in line with it
    below: they start no further in than that key, so they are not under it (``draw:``,
    then two modules at the left edge and four indented), or they are fewer. YAML takes a
    mapping's indent from its first key, and gave up at the first key lined up rightly."""
    first_keys, rest = _keys_in_line(lines, above_number, -1), _keys_in_line(lines, number, 1)
    opener_number = filled_above(lines, first_keys[-1]) if first_keys else 0
    opener = KEY_LINE.match(line_at(lines, opener_number))
    if not rest or opener is None or opener.group(1).strip() or holds_value(opener.string):
        return None
    opener_column, column = len(opener.group(1)), indent(lines[number - 1])
    above_column = indent(lines[above_number - 1])
    outside = above_column <= opener_column
    if column <= opener_column or not (outside or len(first_keys) < len(rest)):
        return None
    first = first_keys[-1]
    if len(first_keys) == 1:
        key, below_key = KEY_LINE.match(lines[first - 1]), KEY_LINE.match(lines[number - 1])
        assert key is not None and below_key is not None
        how = "indented less than" if above_column < column else "indented more than"
        return line_it_up((first, key), (number + line_offset, below_key), how, "below")
    opened = f"'{opener.group(2)}:' (line {opener_number + line_offset})"
    return _keys_to_move(
        (first + line_offset, above_number + line_offset, above_column),
        _why_out_of_line(opened, outside, column),
        (column, f"the keys below them do (line {number + line_offset} on)"),
    )


def _keys_to_move(keys: tuple[int, int, int], why: str, into: tuple[int, str]) -> Hint:
    """The hint for the keys from line ``keys[0]`` to ``keys[1]`` (counted in the file),
    which start at column ``keys[2]`` for ``why``, to start at column ``into[0]``, as the
    keys that ``into[1]`` names do (``the keys below them do (line 8 on)``)."""
    (first, last, column), (into_column, like) = keys, into
    span, shift = f"lines {first}-{last}", into_column - column
    return (
        first,
        column + 1,
        f"the keys on {span} start {spaces_in(column)}, {why}",
        f"indent {span} by {abs(shift)} {'more' if shift > 0 else 'fewer'} "
        f"{'space' if abs(shift) == 1 else 'spaces'}, to start "
        f"{spaces_in(into_column)} as {like}",
        "yaml.indentation",
    )


def keys_amid_entries(lines: list[str], number: int, line_offset: int) -> Hint | None:
    """Keys of the file's own (``title:``, ``pass_mark:``) written at the left edge between
    the entries under a key, or right below it (the modules under the exam's ``draw:``),
    up to the entry on line ``number``: YAML ends ``draw:`` above them, and gives up at the
    indented entry below them. Lined up with the entries, as their indent alone suggests,
    they would be read as modules; they belong above ``draw:``, with the file's other keys."""
    entry, last = KEY_LINE.match(line_at(lines, number)), filled_above(lines, number)
    moved = _keys_in_line(lines, last, -1) if last and not indent(lines[last - 1]) else []
    above = KEY_LINE.match(line_at(lines, filled_above(lines, moved[-1]))) if moved else None
    if entry is None or above is None or entry.group(1).strip() or above.group(1).strip():
        return None
    if indent(above.string) < indent(entry.string):  # right below the key that holds them
        entries, owners = [entry], [(filled_above(lines, moved[-1]), above)]
    else:
        entries, owners = [entry, above], enclosing_keys(lines, filled_above(lines, moved[-1]))
    if not owners or indent(owners[0][1].string) or holds_value(owners[0][1].string):
        return None
    keys = (KEY_LINE.match(lines[line - 1]) for line in reversed(moved))
    names = [key.group(2) for key in keys if key is not None]
    if any(key.group(2) in COURSE_KEYS for key in entries) or not COURSE_KEYS.issuperset(names):
        return None
    opener = (owners[0][1].group(2), owners[0][0])
    return _keys_to_move_up((moved[-1], moved[0], number), names, opener, line_offset)


def _keys_to_move_up(
    span: tuple[int, int, int], names: list[str], opener: tuple[str, int], line_offset: int
) -> Hint:
    """The hint for the keys ``names`` from line ``span[0]`` to ``span[1]``, at the left
    edge amid the keys under ``opener`` (its name and line); YAML gave up at the indented
    key below them, on line ``span[2]``. The lines a message names are counted in the file,
    ``line_offset`` further on."""
    first, end, below = (line + line_offset for line in span)
    owner, owner_line = opener[0], opener[1] + line_offset
    lines = f"lines {first}-{end}" if end > first else f"line {first}"
    keys, many = " and ".join(f"'{name}'" for name in names), len(names) > 1
    return (
        span[0],
        1,
        f"the {'keys' if many else 'key'} {keys} on {lines} {'start' if many else 'starts'} "
        f"at the left edge amid the keys under '{owner}:' (line {owner_line}), so YAML ends "
        f"'{owner}:' there, and cannot read the indented key below {'them' if many else 'it'} "
        f"(line {below})",
        f"move {lines} above '{owner}:', beside the other keys at the left edge",
        "yaml.indentation",
    )


def _keys_in_line(lines: list[str], number: int, step: int) -> list[int]:
    """Line ``number`` and the lines holding something next to it, up (``step`` -1) or down
    (1), that start a key with a value as far in as it does, no list's entry: each one's
    number, nearest first; none if line ``number`` is not such a line."""
    column, found = indent(lines[number - 1]), []
    while 0 < number <= len(lines):
        line = lines[number - 1]
        if holds_something(line):
            key = KEY_LINE.match(line)
            if key is None or key.group(1) != " " * column or not holds_value(line):
                break
            found.append(number)
        number += step
    return found


def line_it_up(
    slip: tuple[int, re.Match[str]],
    other: tuple[int, re.Match[str]],
    how: str,
    where: str = "above",
) -> Hint:
    """The hint for the key ``slip`` (its line and match), to be lined up with the ``other``
    key (its line, counted in the file, and match), which is ``where`` it."""
    (number, key), (other_number, other_key) = slip, other
    name, column = key.group(2), len(key.group(1))
    return (
        number,
        column + 1,
        f"the key '{name}' is {how} the key {where} it (line {other_number})",
        f"line it up with it: start '{name}' right {'under' if where == 'above' else 'above'} "
        f"'{other_key.group(2)}', {len(other_key.group(1))} spaces in",
        "yaml.indentation",
    )
