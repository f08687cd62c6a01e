"""A page body as the page checks read it: its lines outside code, with their line numbers.

Link syntax, HTML and brackets written in code are text on the site, so fenced code blocks
are left out and code spans blanked (kept as spaces, so that columns stay right).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.models import Page

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+).+?\1")

Lines = dict[int, str]
"""The body's lines outside fenced code, code spans blanked, by their line number in the file."""


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
    """The body as :func:`searchable_lines` has it, code blocks left as empty lines."""
    last = page.body_line + len(page.body.splitlines())
    return "\n".join(lines.get(number, "") for number in range(page.body_line, last))
