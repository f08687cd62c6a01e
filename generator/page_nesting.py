"""How deep a page's lines nest, roughly, read from the marks they open with: for the
Markdown converter, a page nested deeper than :data:`generator.page_scan.MAX_NESTING` is
too deep to follow (``[page.too-deep]``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_scan import MAX_NESTING
from generator.page_text import Lines

NESTING_MARKS = re.compile(r"(?:[ \t]*(?:>|[-*+](?=\s)|\d+[.)](?=\s)))+[ \t]*")
"""The quote marks and list markers a line opens with, and the spaces among them."""
MARK = re.compile(r">|[-*+]|\d+[.)]")
EMPHASIS_RUN = re.compile(r"[*_]{2,}")


def nested_too_deep(page: Page, lines: Lines) -> Problem:
    """The page nests deeper than the site's Markdown converter follows, told at its
    deepest line."""
    return Problem(
        page.source.path,
        _deepest_line(lines) or page.body_line,
        1,
        f"the page nests lists, quotes, emphasis or HTML blocks more than {MAX_NESTING} "
        "levels deep, more than the site's Markdown converter can follow",
        "flatten the deepest part, or close the '*' and '_' that are left open",
        "page.too-deep",
    )


def opening_depths(lines: Lines) -> Iterator[int]:
    """How deep the quote marks and list markers each line that is not blank opens with nest
    it, roughly. Its indent before them takes it no deeper than the line above it: a list
    item indented 300,000 spaces under a paragraph is one level deep (in code)."""
    above = 0
    for line in lines.values():
        if line.strip():
            opening = NESTING_MARKS.match(line)
            marks = opening.group() if opening else _indent(line)
            indent = _indent(marks)
            above = min(_marks_depth(indent), above) + _marks_depth(marks[len(indent) :])
            yield above


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" \t"))]


def _marks_depth(marks: str) -> int:
    """A level a quote mark or list marker, and one for each four spaces but the one that
    follows each mark (``> > x`` is two deep, as ``    - x``)."""
    count = len(MARK.findall(marks))
    return count + max(marks.count(" ") - count, 0) // 4


def _deepest_line(lines: Lines) -> int | None:
    """The number of the line that nests deepest, roughly: by the quote marks, list markers
    and indents it opens with, and its longest run of emphasis marks; None when no line
    nests at all."""

    def depth(line: str) -> int:
        opening = NESTING_MARKS.match(line)
        marks = opening.group() if opening else line[: len(line) - len(line.lstrip())]
        emphasis = max((len(run) for run in EMPHASIS_RUN.findall(line)), default=0)
        return _marks_depth(marks) + emphasis

    deepest = max(lines, key=lambda number: depth(lines[number]), default=None)
    return deepest if deepest is not None and depth(lines[deepest]) else None
