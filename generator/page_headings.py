"""Level-1 headings in a page body, written with '#' or underlined with '='.

The site shows a page's title (from ``title:``) as its level-1 heading; a second one in
the body would give the page two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_text import CONTENT_BLOCK, Lines

LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s")
SETEXT_LEVEL_ONE_UNDERLINE = re.compile(r"^( *)=+ *$")
"""The line of '=' under the text of a level-1 heading written Setext-style."""
CONTENT_OPENER = re.compile(r" *(?:(?:!!!|\?\?\?\+?|===) |\[\^[^]]*\]: *$)")
"""An admonition, a collapsible one, a tab or a footnote with nothing after its label: its
content may start on the next line."""
CONTAINER = re.compile(rf" *{CONTENT_BLOCK}")
"""Such a block at any depth."""
BLOCK_END = re.compile(r" *(?:#|$)")
"""A line after which a new block starts: a blank one, or a heading."""


def level_one_headings(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each level-1 heading of the body: the page's title is its one level-1 heading."""
    for number, line in lines.items():
        if LEVEL_ONE_HEADING.match(line) or _setext_level_one(lines, number, page.body_line):
            yield Problem(
                page.source.path,
                number,
                1,
                "level-1 heading in the page body",
                "start sections at '##'; the page title comes from 'title:'",
                "page.level-one-heading",
            )


def _setext_level_one(lines: Lines, number: int, first: int) -> bool:
    """Whether line ``number`` is the text of a heading underlined with '=' on the next line.

    Python-Markdown reads one from the first line of a block, at the top level or in the
    content of a list item, an admonition or a tab (indented four spaces a level, as the
    '=' line must be); indented four spaces more, the lines are code instead.
    """
    underline = SETEXT_LEVEL_ONE_UNDERLINE.match(lines.get(number + 1, ""))
    text = lines[number]
    if underline is None or not text.strip() or text.lstrip().startswith("#"):
        return False
    indent = len(underline.group(1))
    return (
        indent <= _indent(text) < indent + 4
        and _starts_block(lines, number, first, indent)
        and _in_content(lines, number, indent)
    )


def _starts_block(lines: Lines, number: int, first: int, indent: int) -> bool:
    """Whether line ``number`` is the first of a block: the body's first line, after a blank
    line or a heading, or the first of an admonition, a tab or a footnote opened above it.
    After a fenced code block (left out of ``lines``) the line continues a paragraph."""
    before = lines.get(number - 1, "" if number == first else None)
    return before is not None and (
        BLOCK_END.match(before) is not None
        or (CONTENT_OPENER.match(before) is not None and _indent(before) == indent - 4)
    )


def _in_content(lines: Lines, number: int, indent: int) -> bool:
    """Whether line ``number``, at ``indent``, is at the top level or in the content of a
    block that is (not code)."""
    if indent == 0:
        return True
    owner = _owner(lines, number, indent)
    return (
        owner is not None
        and CONTAINER.match(lines[owner]) is not None
        and _indent(lines[owner]) == indent - 4
        and _in_content(lines, owner, indent - 4)
    )


def _owner(lines: Lines, number: int, indent: int) -> int | None:
    """The number of the nearest line above ``number`` indented less than ``indent``."""
    return next(
        (
            above
            for above in range(number - 1, min(lines) - 1, -1)
            if (line := lines.get(above)) and line.strip() and _indent(line) < indent
        ),
        None,
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
