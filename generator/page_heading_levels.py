"""Headings that skip a level (``##``, then ``####``).

The page's title is its level-1 heading, and its sections start at ``##``. A heading two
levels or more below the one before it leaves a level out: a screen reader's list of the
page's headings, which a blind learner moves through the page by, reads as if a section
were missing. Only headings written with '#' at a line's start count: one in a note box
is the box's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem, Severity
from generator.models import Page

HEADING = re.compile(r"(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t#]*$")
TITLE_LEVEL = 1


def skipped_heading_levels(page: Page, text: str) -> Iterator[Problem]:
    """Each heading of ``text`` (the body, code left as empty lines) more than one level
    below the heading before it, or below the page's title."""
    above, above_line = TITLE_LEVEL, 0
    for number, line in enumerate(text.splitlines(), page.body_line):
        found = HEADING.match(line)
        if found is None:
            continue
        level = len(found["marks"])
        if level > above + 1:
            before = f"the heading on line {above_line}" if above_line else "the page's title"
            yield Problem(
                page.source.path,
                number,
                1,
                f"this heading is level {level} ({found['marks']}), but {before} is level "
                f"{above}: a screen reader's list of the page's headings reads as if a "
                "section were missing",
                f"make it level {above + 1}: {'#' * (above + 1)} {found['text']}",
                "page.heading-level-skipped",
                Severity.WARNING,
            )
        above, above_line = level, number
