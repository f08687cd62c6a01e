"""Slips whose fix is certain, made on a copy of the text so that YAML can read on.

YAML stops at its first error, so a trainer who typed ``prompt：`` with a Chinese input
method on twenty lines would learn of them one run at a time. Where the fix named for a
slip is the one a trainer would make, to the letter (a half-width colon for a full-width
one, a space after a colon, a colon after a key, a text put in quotes, a backslash
doubled, a half-width '#' for a comment's '＃'), the reader makes it on its copy and
reads again, and each slip is reported in one run. A slip whose fix is a guess (the
indentation a line should have, where a quote should close) ends the reading there: a
wrong guess would report slips the trainer never made. Each fix replaces one line with one
line, so the lines below keep their numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.yaml_comment_hints import half_width_comment
from generator.yaml_hints import (
    FULL_WIDTH_COLON,
    NO_COLON,
    NO_SPACE,
    OTHER_SPACE,
    VALUE,
    doubled_backslashes,
)
from generator.yaml_key_hints import KEY_ALONE
from generator.yaml_lines import Hint
from generator.yaml_quote_hints import quote_for


def _key_and_value(indent: str, key: str, value: str) -> str:
    return f"{indent}{key}: {value}".rstrip() if value else f"{indent}{key}:"


def _half_width_colon(line: str) -> str | None:
    found = FULL_WIDTH_COLON.match(line)
    return None if found is None else _key_and_value(*found.groups())


def _colon_added(line: str) -> str | None:
    found = NO_COLON.match(line) or KEY_ALONE.match(line)
    return None if found is None else _key_and_value(*found.groups())


def _space_after_colon(line: str) -> str | None:
    found = NO_SPACE.match(line)
    if found is not None:
        return _key_and_value(*found.groups())
    other = OTHER_SPACE.match(line)
    return None if other is None else _key_and_value(other[1], other[2], other[4])


def _in_quotes(line: str) -> str | None:
    found = VALUE.match(line)
    if found is None:
        return None
    indent, key, value = found.groups()
    return f"{indent}{key}: {quote_for(value)}" if key else f"{indent}{quote_for(value)}"


def _backslashes_doubled(line: str) -> str | None:
    found = VALUE.match(line)
    if found is None or not found[3].startswith('"'):
        return None
    value = found[3]
    return line[: found.start(3)] + doubled_backslashes(value)[0] + line[found.end(3) :]


MENDS: dict[str, Callable[[str], str | None]] = {
    "yaml.full-width-colon": _half_width_colon,
    "yaml.missing-colon": _colon_added,
    "yaml.space-after-colon": _space_after_colon,
    "yaml.needs-quotes": _in_quotes,
    "yaml.bad-escape": _backslashes_doubled,
    "yaml.full-width-comment": half_width_comment,
}
"""For each slip whose fix is certain, its line as fixed."""


def mended(lines: list[str], hint: Hint) -> list[str] | None:
    """``lines`` with the slip ``hint`` names fixed, if its fix is certain and changes the
    line (a line-based text; ``hint``'s line counts in it)."""
    number, _, _, _, code = hint
    mend = MENDS.get(code)
    if mend is None or not 0 < number <= len(lines):
        return None
    line = mend(lines[number - 1])
    if line is None or line == lines[number - 1]:
        return None
    return [*lines[: number - 1], line, *lines[number:]]
