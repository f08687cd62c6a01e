"""A list's item started wrongly, named at its line with the item as it should start.

An input method types a full-width ``－`` or a dash (``—``) for a list's '-', or a
full-width space after it (``-\u3000text:``); a trainer leaves out the space (``-text:``)
or types '- ' twice (``- - text:``). YAML reads such a line as a text, or as a list in the
list, and gives up on a line below.
"""

from __future__ import annotations

import re

from generator.yaml_lines import (
    ITEM,
    KEY,
    SPACE_NAMES,
    Hint,
    echoed,
    filled_above,
    filled_below,
    line_at,
    named_space,
)

DASHES = "－—–"
"""What an input method may type for a list's '-': a full-width hyphen, an em or en dash."""
ODD_SPACES = "".join(SPACE_NAMES)
BAD_DASH = re.compile(
    rf"^(\s*)(-(?=[A-Za-z_])|-[{ODD_SPACES}]\s*|[{DASHES}]+\s*)({KEY})\s*:\s*(.*?)\s*$"
)
"""An item started by '-' with no space after it, or a space YAML does not take for one, or
by a dash that is no '-': its indent, that start, its key and its value."""
BAD_TEXT_DASH = re.compile(rf"^(\s*)(-(?=[^\s\-])|-[{ODD_SPACES}]\s*|[{DASHES}]+\s*)(\S.*?)\s*$")
"""A line started by '-' with no space after it, or a space YAML does not take for one, or
by a dash that is no '-': its indent, that start and the text after it."""
DOUBLE_DASH = re.compile(r"^( *- +)(- +)(\S.*?)\s*$")
"""An item started by two '- ' (``- - text: 道歉``), which YAML reads as a list in the list:
the first '- ' with its indent, the second, and what follows them."""


def dash_slip(lines: list[str], number: int) -> Hint | None:
    """A list's item on line ``number`` started wrongly, if it is."""
    return (
        _bad_dash(lines[number - 1], number)
        or _bad_text_dash(lines, number)
        or double_dash(lines[number - 1], number)
    )


def _bad_dash(line: str, number: int) -> Hint | None:
    found = BAD_DASH.match(line)
    if found is None:
        return None
    spaces, start, key, value = found.groups()
    dash = start.strip()
    what = (
        "has no space after it, so YAML reads it as part of a text"
        if dash == "-"
        else "is not the half-width '-' that starts a list's item"
    )
    return (
        number,
        len(spaces) + 1,
        f"the '{dash}' before '{key}' {_odd_space_after(start) or what}",
        f"{_dash_fix(start, 'key')}: - {key}: {value}".rstrip(),
        "yaml.list-dash",
    )


def _odd_space_after(start: str) -> str | None:
    """What is wrong with the space after the '-' that opens ``start``, if YAML does not
    take it for one (a full-width space)."""
    space = start[1:2]
    if start[:1] != "-" or space not in SPACE_NAMES:
        return None
    return (
        f"is followed by {named_space(space)}, which YAML does not read "
        "as a space, so it reads the line as a text"
    )


def _dash_fix(start: str, before: str) -> str:
    """How to start a list's item instead of with ``start``, before its ``before``."""
    if _odd_space_after(start):
        return "replace that space with an ordinary (half-width) one"
    return f"write a half-width '-' and a space before the {before}"


def _bad_text_dash(lines: list[str], number: int) -> Hint | None:
    """A text item of a list (an ordering question's ``items:``) started by a dash that is
    no '-' (``— 移情``) or by '-' with no space after it (``-移情``), among the list's
    items: YAML reads it as more of the item above, and gives up on a line below."""
    found = BAD_TEXT_DASH.match(lines[number - 1])
    if found is None:
        return None
    spaces, start, text = found.groups()
    neighbours = (filled_above(lines, number), filled_below(lines, number))
    if not any(_item_at(lines, other, len(spaces)) for other in neighbours):
        return None
    dash = start.strip()
    what = "has no space after it" if dash == "-" else "is not the half-width '-' of a list"
    if _odd_space_after(start):
        what = f"is followed by {named_space(start[1])}"
    return (
        number,
        len(spaces) + 1,
        f"the '{dash}' before '{text}' {what}, so YAML reads the line as more of the item above it",
        f"{_dash_fix(start, 'text')}: - {text}",
        "yaml.list-dash",
    )


def _item_at(lines: list[str], number: int, column: int) -> bool:
    """Whether line ``number`` is a list's item whose '-' stands at ``column``."""
    item = ITEM.match(line_at(lines, number))
    return item is not None and len(item.group(1)) == column


def double_dash(line: str, number: int) -> Hint | None:
    """An item on line ``number`` started by two '- ': YAML reads it as a list inside the
    list, and gives up where its key's lines below, lined up with the first, end that list;
    or, with none, reads on, and the schema finds a list where a text or keys belong."""
    found = DOUBLE_DASH.match(line)
    if found is None:
        return None
    return (
        number,
        found.end(1) + 1,
        "the line starts with two '- ', so YAML reads its item as a list inside the list",
        f"delete the second '- ': - {echoed(found.group(3))}",
        "yaml.list-dash",
    )
