"""How the lines of a YAML text hang together, read as the trainer wrote them.

When YAML gives up, its marks say only where; the hints (:mod:`generator.yaml_hints`,
:mod:`generator.yaml_indentation`) read the lines around that place themselves: which line
starts a key, which lines go on with a value begun above them, which mappings enclose a
line. Each hint is a :data:`Hint`.
"""

from __future__ import annotations

import re

from generator.errors import counted

KEY_REST = r"[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*"
"""The rest of a key's name after its first character: mkdocs.yml names an extension with
dots (``pymdownx.tabbed:``), and its settings go below it."""
KEY = rf"[A-Za-z_]{KEY_REST}"
"""A key's name, as a trainer types it in a course file or mkdocs.yml."""
KEY_LINE = re.compile(rf"^(\s*(?:-\s+)?)([A-Za-z0-9_]{KEY_REST})\s*:(?:\s+(.*?))?\s*$")
"""A line that starts a key: its indent (with a list's ``- ``), its key and its value. A key
may start with a digit, as the exam's module names do (``02-principles: 3``); a time
(``10:30``) has no space after its colon and is no key."""
NO_TEXT = re.compile(r"(?:!\S*)?\s*(?:#.*)?")
"""What after a key's colon holds no text: nothing, a comment, or a tag alone, which tags the
keys or the list below it."""
BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
"""``|``, ``>-`` …: a text on the lines below its key, rightly written."""
ITEM = re.compile(r"^(\s*)-\s+(.*?)\s*$")
"""A list's item: its indent and what follows its '- '."""
FULL_WIDTH_SPACE = "\u3000"
SPACE_NAMES = {FULL_WIDTH_SPACE: "a full-width space", "\u00a0": "a no-break space"}
"""The spaces YAML does not take for one, typed with a Chinese input method or pasted from
a web page, which a message names."""
Hint = tuple[int, int, str, str, str]
"""Line, column, what is wrong, how to fix it, and the problem's code."""


def named_space(space: str) -> str:
    """``space``, one that is not taken for one, as a message names it: ``a full-width space
    (U+3000)``."""
    return f"{SPACE_NAMES.get(space, 'a space')} (U+{ord(space):04X})"


def line_at(lines: list[str], number: int) -> str:
    """Line ``number`` (1-based) of ``lines``, or nothing past their ends."""
    return lines[number - 1] if 0 < number <= len(lines) else ""


def spaces_in(column: int) -> str:
    return f"{counted(column, 'space')} in" if column else "at the left edge"


def filled_above(lines: list[str], number: int) -> int:
    """The nearest line above ``number`` that holds something; 0 if none does."""
    above = range(min(number - 1, len(lines)), 0, -1)
    return next((n for n in above if holds_something(lines[n - 1])), 0)


def filled_below(lines: list[str], number: int) -> int:
    """The nearest line below ``number`` that holds something; 0 if none does."""
    below = range(number + 1, len(lines) + 1)
    return next((n for n in below if holds_something(lines[n - 1])), 0)


def key_line_above(lines: list[str], number: int) -> tuple[int, re.Match[str]] | None:
    """The key line that the nearest line above ``number`` holding something belongs to:
    that line, or the key whose value it goes on with. The lines of a text below ``key: |``
    are the key's, and so are the next lines of a plain or quoted text: a ``MOT: 关键时刻``
    among them is no key to line up with. (YAML counts a lone carriage return as a line
    end, which ``lines`` do not: ``number`` may lie past them.)"""
    for above in range(min(number - 1, len(lines)), 0, -1):
        if holds_something(lines[above - 1]):
            start = value_start(lines, above)
            match = KEY_LINE.match(lines[start - 1])
            return (start, match) if match is not None else None
    return None


def value_start(lines: list[str], number: int) -> int:
    """The line where the value that line ``number`` is part of starts: the nearest line above
    it that is less indented and holds a value, for as long as there is one."""
    start = number
    while (owner := _less_indented_above(lines, start)) is not None:
        if not holds_value(lines[owner - 1]):
            break
        start = owner
    return start


def _less_indented_above(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` that holds something starting left of its indent."""
    start = indent(lines[number - 1])
    for above in range(number - 1, 0, -1):
        if holds_something(lines[above - 1]) and _column(lines[above - 1]) < start:
            return above
    return None


def holds_something(line: str) -> bool:
    """Whether ``line`` holds more than spaces or a comment."""
    text = line.strip()
    return bool(text) and not text.startswith("#")


def holds_value(line: str) -> bool:
    """Whether ``line`` holds a text, or its start, rather than a key with keys or a list
    below it (``draw:``, ``options:  # 四项``, in mkdocs.yml ``slugify: !!python/…``) or a
    list's bare ``-``."""
    key = KEY_LINE.match(line)
    if key is None:
        return line.strip() != "-"
    return not NO_TEXT.fullmatch(key.group(3) or "")


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _column(line: str) -> int:
    """Where what ``line`` holds starts: its key (after a list's ``- ``) or its text."""
    key = KEY_LINE.match(line)
    return len(key.group(1)) if key is not None else indent(line)


def enclosing_columns(lines: list[str], number: int) -> set[int]:
    """Where the keys of the mappings that enclose line ``number`` start."""
    return {len(key.group(1)) for _, key in enclosing_keys(lines, number)}


def enclosing_keys(lines: list[str], number: int) -> list[tuple[int, re.Match[str]]]:
    """The key lines of the mappings that enclose line ``number``, nearest first: each line's
    number and match."""
    found: list[tuple[int, re.Match[str]]] = []
    deepest = indent(lines[number - 1])
    for above in range(number - 1, 0, -1):
        key = KEY_LINE.match(lines[above - 1])
        if key is not None and indent(lines[above - 1]) < deepest:
            found.append((above, key))
            deepest = indent(lines[above - 1])
    return found


ECHO_LENGTH = 120
"""The most characters of a value a fix writes out as the line should read: a paragraph
pasted onto one line (200,000 characters) is shown by its ends."""


def echoed(value: str) -> str:
    """``value`` as a fix writes it out, shortened to its ends when it is long."""
    return value if len(value) <= ECHO_LENGTH else f"{value[:80]}…{value[-30:]}"


def stray_space(text: str) -> str | None:
    """The space YAML does not take for one at the end or start of ``text`` (a full-width
    space typed after a word), which YAML keeps as part of it: named, with where it stands."""
    for space, where in ((text[-1:], "after"), (text[:1], "before")):
        if space in SPACE_NAMES:
            name = SPACE_NAMES[space].removeprefix("a ")
            return f"the {name} (U+{ord(space):04X}) {where} it"
    return None
