"""What a page body must not hold for the site's Markdown converter to read it in time.

Python-Markdown and Python's HTML parser read on from some characters to the one that ends
them, and start again from the next: each '<' that opens no tag is read on to the next
'>', each '[' to its ']' and each '(' of a link to its ')'. A page with thousands of them
takes minutes (16,000 ``a <b`` in a paragraph, half a minute; 20,000 nested '[', as long).
These checks cost one pass over the text and run before the page is converted; a page
over a limit is reported at its first offending line and not converted or checked
further. The limits are far above what a course page holds (the course has no stray '<'
and brackets one deep), and keep the worst a page of the largest size the project reads
(1 MB) can cost to a few seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_text import Lines

MAX_STRAY_TAG_STARTS = 20
"""'<' that open no tag (no '>' before the next '<') a page may hold."""
MAX_BRACKET_DEPTH = 20
"""How deep '[' or '(' may nest in one paragraph."""
TAG_START = re.compile(r"<[A-Za-z/!?]")
ANGLE_BRACKET = re.compile(r"[<>]")
BRACKET = re.compile(r"\\.|[][()]")
CLOSING = {"]": "[", ")": "("}


def costly_markup(page: Page, lines: Lines) -> Problem | None:
    """The first reason converting ``page`` (whose ``lines`` outside code the page checks
    read) would take too long, if there is one."""
    return _stray_tag_starts(page, lines) or _deep_brackets(page, lines)


def _stray_tag_starts(page: Page, lines: Lines) -> Problem | None:
    strays = list(_strays(lines))
    if len(strays) <= MAX_STRAY_TAG_STARTS:
        return None
    line, column = strays[0]
    return Problem(
        page.source.path,
        line,
        column,
        f"{len(strays)} '<' on this page open no tag (no '>' before the next '<'; a page may "
        f"have {MAX_STRAY_TAG_STARTS}), the first here: the site's Markdown converter reads on "
        "from each to the next '>', which takes minutes when they are many",
        "write '&lt;' for a '<' that is text, or end each tag with '>'",
        "page.stray-tag-starts",
    )


def _strays(lines: Lines) -> Iterator[tuple[int, int]]:
    """Where a '<' that starts a tag is followed by another '<' before any '>', or by
    neither."""
    pending: tuple[int, int] | None = None
    for number, line in lines.items():
        for found in ANGLE_BRACKET.finditer(line):
            if found.group() == "<" and pending is not None:
                yield pending
            pending = None
            if TAG_START.match(line, found.start()):
                pending = (number, found.start() + 1)
    if pending is not None:
        yield pending


def _deep_brackets(page: Page, lines: Lines) -> Problem | None:
    """The first place where '[' or '(' nests deeper than the limit in one paragraph."""
    depth = {"[": 0, "(": 0}
    for number, line in lines.items():
        if not line.strip():
            depth = {"[": 0, "(": 0}  # a blank line ends the paragraph
        for found in BRACKET.finditer(line):
            bracket = found.group()
            if bracket in depth:
                depth[bracket] += 1
                if depth[bracket] > MAX_BRACKET_DEPTH:
                    return _too_deep(page, number, found.start() + 1, bracket)
            elif bracket in CLOSING:
                depth[CLOSING[bracket]] = max(depth[CLOSING[bracket]] - 1, 0)
    return None


def _too_deep(page: Page, line: int, column: int, bracket: str) -> Problem:
    closing = next(end for end, start in CLOSING.items() if start == bracket)
    return Problem(
        page.source.path,
        line,
        column,
        f"'{bracket}' nests more than {MAX_BRACKET_DEPTH} deep in this paragraph: the site's "
        f"Markdown converter reads on from each '{bracket}' to its '{closing}', which takes "
        "minutes when they are many",
        f"write '\\{bracket}' for a '{bracket}' that is text, or close each with '{closing}'",
        "page.bracket-depth",
    )
