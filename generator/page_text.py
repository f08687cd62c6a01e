"""A page body as the page checks read it: its lines outside code, with their line numbers.

Link syntax, HTML and brackets written in code are text on the site, so fenced code blocks
are left out and code spans blanked (kept as spaces, so that columns stay right); the
checks of raw HTML leave out indented code blocks as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.models import Page

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+).+?\1")
INDENTED = re.compile(r" {4}|\t")
"""How a line of an indented code block starts."""
LIST_MARKER = r"(?:[*+-]|\d+\.)\s"
"""What starts a list item, after its indent."""
CONTENT_BLOCK = rf"(?:{LIST_MARKER}|!!!|\?\?\?|===|\[\^[^]]*\]:|:\s)"
"""What starts a block whose content is indented four spaces under it, after its indent: a
list item, an admonition or a collapsible one, a tab, a footnote, a definition."""
CONTAINER = re.compile(rf" {{0,3}}(?:{CONTENT_BLOCK}|<)")
"""How a block that takes indented lines as its content starts: one of those, or an HTML
block."""

Lines = dict[int, str]
"""The body's lines outside fenced code, code spans blanked, by their line number in the file."""
Place = tuple[int, int]
"""A line number in the file and a column."""


def searchable_lines(page: Page) -> Lines:
    return {
        number: CODE_SPAN.sub(lambda code: " " * len(code.group()), line)
        for number, line in body_lines(page)
    }


def body_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Lines of the body outside code blocks, with their line numbers in the source file."""
    in_fence = False
    for offset, line in enumerate(page.body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield page.body_line + offset, line


def searchable_text(page: Page, lines: Lines) -> str:
    """The body as :func:`searchable_lines` has it, code blocks (indented ones too) left as
    empty lines."""
    numbers = range(page.body_line, page.body_line + len(page.body.splitlines()))
    code = _indented_code(lines, numbers)
    return "\n".join("" if number in code else lines.get(number, "") for number in numbers)


def _indented_code(lines: Lines, numbers: range) -> set[int]:
    """The line numbers of indented code blocks: lines indented four spaces (or a tab) after
    a blank line or a heading, and the indented lines after them. In a list, an admonition,
    a tab, a footnote or an HTML block, such lines are its content instead, and left as they
    are; a heading (a line starting with '#') is at the top level, after any of them."""
    code: set[int] = set()
    after_blank, in_code, in_container = True, False, False
    for number in numbers:
        line = lines.get(number)
        if line is not None and not line.strip():
            after_blank = True
            continue
        indented = line is not None and INDENTED.match(line) is not None
        heading = line is not None and line.startswith("#")
        if indented and (in_code or (after_blank and not in_container)):
            code.add(number)
            in_code = True
        elif not indented:
            in_code = False
            if line is not None and CONTAINER.match(line):
                in_container = True
            elif after_blank or heading:
                in_container = False
        after_blank = heading
    return code


def text_places(lines: Lines, text: str) -> list[Place]:
    """Every line and column where ``text`` starts, in order."""
    found = []
    for number, line in lines.items():
        start = line.find(text)
        while start >= 0:
            found.append((number, start + 1))
            start = line.find(text, start + 1)
    return found
