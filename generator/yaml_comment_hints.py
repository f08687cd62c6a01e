"""A comment typed with a Chinese keyboard's full-width '＃', named at its line.

YAML starts a comment only at a half-width '#'. A line ``＃ 第二题`` between two questions,
or ``＃ quizzes/…`` at the top of a quiz, is text to it: a key with no colon, which it gives
up on a line below, in words of its own (``could not find expected ':'``) or with advice
that misleads (write a colon full-width). A ``＃`` line further in than the text above it
goes on with that text, which YAML reads, and :mod:`generator.lint.prose` names.
"""

from __future__ import annotations

from generator.yaml_lines import (
    NO_TEXT,
    Hint,
    echoed,
    filled_above,
    indent,
    key_line_above,
    line_at,
)

FULL_WIDTH_HASHES = ("＃", "﹟")
"""What a Chinese input method may type for '#' (U+FF03, U+FE5F)."""


def full_width_comment(lines: list[str], error_line: int) -> Hint | None:
    """A line that starts with a full-width '＃', on the line where YAML gave up or on the
    nearest line above it holding something; the first of several such lines together."""
    above = filled_above(lines, error_line)
    number = next((n for n in (error_line, above) if _hashed(line_at(lines, n))), 0)
    if not number:
        return None
    while _hashed(line_at(lines, first := filled_above(lines, number))):
        number = first
    if _goes_on_with_text_above(lines, number):
        return None
    line = lines[number - 1]
    return (
        number,
        indent(line) + 1,
        f"the line starts with a full-width '{line.lstrip()[0]}', which YAML does not read "
        "as the start of a comment, so it reads the line as text",
        f"type '#' half-width to make it a comment: {echoed(half_width_comment(line).strip())}",
        "yaml.full-width-comment",
    )


def half_width_comment(line: str) -> str:
    """``line``, which starts with a full-width '＃', as a comment."""
    start = indent(line)
    return f"{line[:start]}#{line[start + 1 :]}"


def _hashed(line: str) -> bool:
    return line.lstrip().startswith(FULL_WIDTH_HASHES)


def _goes_on_with_text_above(lines: list[str], number: int) -> bool:
    """Whether line ``number`` stands further in than the key whose text is above it, so
    that YAML reads it as more of that text. A key that holds none (``questions:``) has
    its value below it: a list, or keys, which a comment may stand among."""
    owner = key_line_above(lines, number)
    if owner is None or NO_TEXT.fullmatch(owner[1].group(3) or ""):
        return False
    return indent(lines[number - 1]) > len(owner[1].group(1))
