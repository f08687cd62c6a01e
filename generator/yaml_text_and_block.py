"""A key given a text on its own line and, below it, the list or the keys it holds.

``options: 四选一`` above the options' list, ``feedback: 见下`` above its ``correct:`` and
``incorrect:``: a key holds a text or what is written below it, not both. YAML reads the
lines below as more of the text, and gives up on the first of them it cannot read so, a
line after the slip; its usual advice there (quotes, a full-width colon) would have the
trainer change a line that is right, and quoting it does not help. The fix is on the key's
line: delete the text, or keep it as a comment.

The lines below may also be the key's neighbours, out of line with it (``correct: true``
slipped in under ``- text: 继续购买``; an option's ``feedback:`` slipped out, above the
next options), which :mod:`generator.yaml_indentation` names: a list counts as the key's
own only under a key that holds one, and keys only when it may hold them and they are not
all keys that may stand beside it.
"""

from __future__ import annotations

from generator.schema_location import KEYS_BESIDE, KEYS_UNDER, LIST_KEYS
from generator.yaml_lines import (
    BLOCK_HEADER,
    ITEM,
    KEY_LINE,
    NO_TEXT,
    Hint,
    echoed,
    filled_below,
    holds_something,
    indent,
    line_at,
)

CODE = "yaml.text-and-block"


def text_above_block(lines: list[str], error_line: int, line_offset: int) -> Hint | None:
    """The key with a text on its line above the list or keys it holds, in which YAML gave
    up, at ``error_line``."""
    number = _owner_above(lines, error_line)
    key = KEY_LINE.match(line_at(lines, number)) if number else None
    if key is None or not _holds_text(key.group(3) or ""):
        return None
    below = _lines_below(lines, number, len(key.group(1)))
    if error_line not in below or not _holds_these(key.group(2), [lines[n - 1] for n in below]):
        return None
    start, name, text = key.groups()
    what = "a list" if ITEM.match(lines[below[0] - 1]) else "keys"
    return (
        number,
        key.start(3) + 1,
        f"'{name}:' has a text on its line ({echoed(text)}) and {what} below it (line "
        f"{below[0] + line_offset}); a key holds one or the other, so YAML reads the lines "
        "below as more of that text",
        f"delete the text after '{name}:', so that the line reads '{start.lstrip()}{name}:'; "
        f"to keep it as a note, write '# ' before it: {start.lstrip()}{name}:  # {echoed(text)}",
        CODE,
    )


def _owner_above(lines: list[str], number: int) -> int:
    """The nearest line above ``number`` that holds something further left than it."""
    column = indent(line_at(lines, number))
    above = range(min(number - 1, len(lines)), 0, -1)
    return next(
        (n for n in above if holds_something(lines[n - 1]) and indent(lines[n - 1]) < column), 0
    )


def _holds_text(value: str) -> bool:
    """Whether a key's ``value`` is a text begun on its line: not a block's header (``>-``),
    a comment, a tag alone, nor a quote left open (which goes on below, rightly)."""
    if NO_TEXT.fullmatch(value) or BLOCK_HEADER.fullmatch(value):
        return False
    return not (value[:1] in "'\"" and not value.endswith(value[0]))


def _lines_below(lines: list[str], number: int, column: int) -> list[int]:
    """The lines holding something below line ``number`` that start further in than
    ``column``, up to the first that does not."""
    below: list[int] = []
    while (number := filled_below(lines, number)) and indent(lines[number - 1]) > column:
        below.append(number)
    return below


def _holds_these(key: str, below: list[str]) -> bool:
    """Whether the lines ``below`` ``key`` start as what it holds: a list, where it holds
    one, or keys of its own (at the first line's column) that it may hold, not only keys
    that may stand beside it."""
    if ITEM.match(below[0]):
        return key in LIST_KEYS
    column = indent(below[0])
    names = {
        found.group(2)
        for line in below
        if indent(line) == column
        if (found := KEY_LINE.match(line))
    }
    own = KEYS_UNDER.get(key, frozenset())
    return bool(names) and names <= own and not names <= KEYS_BESIDE.get(key, frozenset())
