"""Level-1 headings in a page body, written with '#' or underlined with '='.

The site shows a page's title (from ``title:``) as its level-1 heading; a second one in
the body would give the page two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_text import Lines

LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s")
SETEXT_LEVEL_ONE_UNDERLINE = re.compile(r"^=+ *$")
"""The line of '=' under the text of a level-1 heading written Setext-style."""


def level_one_headings(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each level-1 heading of the body: the page's title is its one level-1 heading."""
    for number, line in lines.items():
        if LEVEL_ONE_HEADING.match(line) or _setext_level_one(lines, number):
            yield Problem(
                page.source.path,
                number,
                1,
                "level-1 heading in the page body",
                "start sections at '##'; the page title comes from 'title:'",
                "page.level-one-heading",
            )


def _setext_level_one(lines: Lines, number: int) -> bool:
    """Whether line ``number`` is the text of a heading underlined with '=' on the next line.
    Python-Markdown reads one only from the first line of a block, not indented as code."""
    text, before = lines[number], lines.get(number - 1, "")
    return (
        bool(SETEXT_LEVEL_ONE_UNDERLINE.match(lines.get(number + 1, "")))
        and bool(text.strip())
        and not text.startswith(("    ", "\t", "#"))
        and not before.strip()
    )
