"""Entries that YAML read as one text, each of their keys followed by a full-width colon.

``- text：客户第一…`` with ``feedback：…`` on the line under it is valid YAML: a text
folded over two lines, where the schema wants an option. Its fix for text found there
("write it as '- text: text：客户第一…'") would keep both slips, so each key is named at its
colon instead, as where the colon stops the YAML reader (:mod:`generator.yaml_hints`).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic_core import ErrorDetails

from generator.errors import Problem
from generator.models import Source
from generator.schema_location import COURSE_KEYS
from generator.yaml_hints import FULL_WIDTH_COLON, full_width_colon
from generator.yaml_source import position
from generator.yaml_written import lines_below


def full_width_keys(
    source: Source, details: list[ErrorDetails]
) -> tuple[list[Problem], list[ErrorDetails]]:
    """The problems of the keys with a full-width colon in the texts among pydantic's
    errors ``details`` where keys belong, and the errors left to describe."""
    problems, left = [], []
    for detail in details:
        found = list(_keys_in_text(source, detail)) if isinstance(detail.get("input"), str) else []
        problems += found
        if not found:
            left.append(detail)
    return problems, left


def _keys_in_text(source: Source, detail: ErrorDetails) -> Iterator[Problem]:
    """Each line of the text at the error's place, its first and those it goes on to, that
    starts with a course file's key and a full-width colon."""
    at = position(source, detail["loc"])
    first = at[0] - 1 - source.line_offset
    if not 0 <= first < len(source.lines):
        return
    lines = [(at[0], source.lines[first]), *lines_below(source, detail["loc"], at)]
    for number, row in lines:
        colon = FULL_WIDTH_COLON.match(row)
        if colon is not None and colon.group(2) in COURSE_KEYS:
            yield Problem(source.path, *full_width_colon(number, colon))
