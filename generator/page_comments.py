"""HTML comments in a page body that hide, or show, other than the trainer meant.

A comment (``<!--`` … ``-->``) ends at the first ``-->`` after it, as Python-Markdown reads
it. Where the two lie in one paragraph, the comment is hidden and the paragraph goes on
around it. Where paragraphs or headings lie between them, what the site makes of it depends
on where the ``<!--`` stands. Inside a paragraph, it is text: the site shows the ``<!--``,
the ``-->`` and all between. Opening a line, it is a block of raw HTML: the site hides
every paragraph and heading up to the ``-->``. That is a slip when the ``-->`` is a later
comment's (this one's was left out, or typed ``——>``), and likely one when text follows it
on its line (``要求 --> 需求``, an arrow); a ``-->`` that ends its line may close paragraphs
hidden on purpose, and is left alone. A ``<!--`` that no ``-->`` follows is shown as text
with the rest of its paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_text import place_of

COMMENT_OPENING = "<!--"
COMMENT_CLOSING = "-->"
UNCLOSED_CODE = "page.unclosed-comment"
HIDING_CODE = "page.comment-hides-text"
UNCLOSED_COMMENT = (
    "'<!--' is never closed, so the site shows it and the rest of its paragraph as text",
    "add '-->' where the comment ends",
)
BLOCK_INDENT = 3
"""The most spaces before a ``<!--`` that opens a line, as Python-Markdown reads it."""
HEADING_LINE = r" {0,3}#{1,6}(?:[ \t]|$)"
"""A heading (``## 标题``), which Python-Markdown takes out of a paragraph without a blank
line above it."""


def comment_problems(page: Page, text: str, paragraph_ends: set[int]) -> tuple[list[Problem], str]:
    """The comments of ``text`` (the body of ``page``, code blanked) never closed, or closed
    only past the end of their paragraph (``paragraph_ends``: the body's lines, counted from
    1, that end one); and ``text`` with the '<' of each comment the site shows as text
    blanked, so that Python's HTML parser does not read on to its '-->' either, past the
    HTML blocks in between."""
    problems: list[Problem] = []
    position = 0
    while (start := text.find(COMMENT_OPENING, position)) >= 0:
        end = text.find(COMMENT_CLOSING, start + len(COMMENT_OPENING))
        if end < 0:
            break
        position = end + len(COMMENT_CLOSING)
        if (problem := _closed_too_late(page, text, start, end, paragraph_ends)) is not None:
            problems.append(problem)
            if not _opens_line(text, start):
                text = f"{text[:start]} {text[start + 1 :]}"
    while (start := text.find(COMMENT_OPENING, position)) >= 0:
        problems.append(
            Problem(page.source.path, *_place(page, text, start), *UNCLOSED_COMMENT, UNCLOSED_CODE)
        )
        text = f"{text[:start]} {text[start + 1 :]}"
        position = start
    return problems, text


def _closed_too_late(
    page: Page, text: str, start: int, end: int, paragraph_ends: set[int]
) -> Problem | None:
    """The problem of the comment from ``start`` to ``end`` in ``text``, if a paragraph
    ends between the two."""
    first = text.count("\n", 0, start) + 1
    last = first + text.count("\n", start, end)
    if not any(number in paragraph_ends for number in range(first + 1, last + 1)):
        return None
    place = (page.source.path, *_place(page, text, start))
    if _opens_line(text, start):
        return _hiding(page, text, (start, end), (first, last), place)
    return Problem(
        *place,
        f"'<!--' is closed only by the '-->' on line {page.body_line + last - 1}, past the "
        "end of its paragraph, so the site shows the comment as text, '<!--' and '-->' too",
        "add '-->' where the comment ends, in its paragraph; to hide whole paragraphs, "
        "start the comment on a line of its own",
        UNCLOSED_CODE,
    )


def _hiding(
    page: Page,
    text: str,
    span: tuple[int, int],
    lines: tuple[int, int],
    place: tuple[Path, int, int],
) -> Problem | None:
    """The problem of a comment that opens a line and hides the paragraphs up to its '-->'
    (``span``: its offsets in ``text``; ``lines``: the body lines it starts and ends on):
    a later comment's '-->' ending it, or one with text after it on its line (an arrow,
    ``要求 --> 需求``); a '-->' ending its line may close paragraphs hidden on purpose."""
    start, end = span
    closing = page.body_line + lines[1] - 1
    hidden = f"so the site hides all from here to the '-->' on line {closing}"
    hidden += _headings_between(page, *lines)
    inner = text.find(COMMENT_OPENING, start + len(COMMENT_OPENING), end)
    if inner >= 0:
        return Problem(
            *place,
            f"'<!--' is not closed before the comment on line {_place(page, text, inner)[0]}, "
            f"whose '-->' ends this one, {hidden}",
            "add '-->' where this comment ends",
            UNCLOSED_CODE,
        )
    after = text[end + len(COMMENT_CLOSING) :].partition("\n")[0]
    if not after.strip():
        return None
    return Problem(
        *place,
        f"this comment runs on past the end of its paragraph to a '-->' with text after it, "
        f"{hidden}",
        "add '-->' where the comment ends (a '-->' in the text, as an arrow, ends a comment: "
        "write '→' instead); to hide paragraphs on purpose, put the '-->' on a line of its own",
        HIDING_CODE,
        Severity.WARNING,
    )


def _headings_between(page: Page, first: int, last: int) -> str:
    """The headings after body line ``first`` up to ``last``, which the comment hides."""
    lines = page.body.split("\n")[first:last]
    numbers = [
        str(page.body_line + first + index)
        for index, line in enumerate(lines)
        if re.match(HEADING_LINE, line)
    ]
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f", the heading on line {numbers[0]} too"
    return f", the headings on lines {', '.join(numbers)} too"


def _opens_line(text: str, start: int) -> bool:
    """Whether the '<!--' at ``start`` opens its line, where Python-Markdown reads it as a
    block of raw HTML (a comment inside a paragraph is text, unless it ends in it)."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return len(before) <= BLOCK_INDENT and not before.strip()


def _place(page: Page, text: str, offset: int) -> tuple[int, int]:
    return place_of(text, offset, page.body_line)
