"""A list's entry typed with two '- ' (``- - 移情``), or with a dash that is no '-'
(``－ 移情``), named as that slip at its line.

YAML reads ``- - 移情`` as a list inside the list, which is valid YAML: the schema then
finds a list where a text (an ordering question's item) or keys (an option) belong, and
would tell the trainer to write the text "without '-' or brackets", which does not say
which '-' is the one too many. A list whose entries start with ``－`` or ``——`` is one
text to YAML, which the schema finds where its key stands: the slip is on the line below.
"""

from __future__ import annotations

from pydantic_core import ErrorDetails

from generator.errors import Problem
from generator.models import Source
from generator.yaml_dash_hints import DASHES, double_dash
from generator.yaml_lines import filled_below, holds_value, indent, line_at
from generator.yaml_source import position, value_at


def doubled_dashes(
    source: Source, details: list[ErrorDetails]
) -> tuple[list[Problem], list[ErrorDetails]]:
    """The problems of the entries among pydantic's errors ``details`` that are lists for a
    second '- ' at their start, and the errors left to describe: not those entries', nor
    those of anything inside them."""
    problems: dict[tuple[int | str, ...], Problem] = {}
    for detail in details:
        location = tuple(detail["loc"])
        if location not in problems and (found := _doubled_dash(source, location)):
            problems[location] = found
    left = [
        detail
        for detail in details
        if not any(tuple(detail["loc"][: len(entry)]) == entry for entry in problems)
    ]
    return list(problems.values()), left


def _doubled_dash(source: Source, location: tuple[int | str, ...]) -> Problem | None:
    """The problem of the list's entry at ``location``, if it is a list for a second '- '
    written at its start."""
    if not location or not isinstance(location[-1], int):
        return None
    if not isinstance(value_at(source, location), list):
        return None
    line, _ = position(source, location)
    number = line - source.line_offset
    hint = double_dash(line_at(list(source.lines), number), number)
    if hint is None:
        return None
    _, column, message, fix, code = hint
    return Problem(source.path, line, column, message, fix, code)


def dashed_text_start(source: Source, location: tuple[int | str, ...]) -> tuple[int, int] | None:
    """Where the text at ``location``, found where a list belongs, starts, if it starts on
    the line below its key with a dash: ``－ 识别需求`` under ``items:``, the entries YAML
    joined into one text for their dashes, which the fix names."""
    if not isinstance(value_at(source, location), str):
        return None
    key_line = position(source, location)[0] - source.line_offset
    lines = list(source.lines)
    if holds_value(line_at(lines, key_line)):
        return None
    below = filled_below(lines, key_line)
    text = line_at(lines, below)
    if not text.lstrip().startswith(("-", *DASHES)):
        return None
    return below + source.line_offset, indent(text) + 1
