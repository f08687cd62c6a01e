"""Headings that skip a level (``##``, then ``####``), headings with no space after their
'#'s, and lines of text that a line of '-' right under them makes headings.

The page's title is its level-1 heading, and its sections start at ``##``. A heading two
levels or more below the one before it leaves a level out: a screen reader's list of the
page's headings, which a blind learner moves through the page by, reads as if a section
were missing. Only headings written with '#' at a line's start count: one in a note box
is the box's own. A heading is found as Python-Markdown finds one: '#'s with or without a
space after them (``##客户``, ``##\u3000客户``), which Typora, GitHub and VS Code's preview
show as text. A ``---`` typed right under a paragraph's first line, meant as a line across
the page, makes that line a level-2 heading instead, in the page's contents too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_headings import heading_lines
from generator.page_text import Lines

HEADING = re.compile(r"(?P<marks>#{1,6})(?P<text>(?:\\.|[^\\#]|#+(?=[^#]))*?)#*$")
"""A heading as Python-Markdown's ``HashHeaderProcessor.RE`` reads a line: its text is
whatever follows the marks, stripped of spaces of any width and of closing '#'s."""
SPACES = {"\u3000": "a full-width space", "\u00a0": "a no-break space"}
"""Spaces after a heading's marks that other Markdown editors do not take for one, named."""
TITLE_LEVEL = 1
SENTENCE = re.compile(r"。|[，、；：…,;:.]$")
"""Text that is a sentence's, not a heading's: a '。' in it, or a comma or a colon at its
end."""


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
            heading = found["text"].strip()
            before = f"the heading on line {above_line}" if above_line else "the page's title"
            yield Problem(
                page.source.path,
                number,
                1,
                f"this heading is level {level} ({found['marks']}), but {before} is level "
                f"{above}: a screen reader's list of the page's headings reads as if a "
                "section were missing",
                f"make it level {above + 1}: {'#' * (above + 1)} {heading}",
                "page.heading-level-skipped",
                Severity.WARNING,
            )
        above, above_line = level, number


def unspaced_headings(page: Page, text: str) -> Iterator[Problem]:
    """Each heading of level 2 or more in ``text`` (the body, code left as empty lines) with
    no half-width space after its marks: the site shows it as a heading, but Typora, GitHub
    and VS Code's preview show it as text, so a trainer sees a page unlike the site's. A
    level-1 one is told as a second title (:mod:`generator.page_headings`)."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        found = HEADING.match(line)
        heading = found["text"].strip() if found else ""
        if found is None or len(found["marks"]) == 1 or not heading:
            continue
        after = found["text"][0]
        if after in " \t":
            continue
        what = SPACES.get(after, f"a space (U+{ord(after):04X})") if after.isspace() else ""
        marks = f"'{found['marks']}'"
        said = f"the space after {marks} is {what}" if what else f"no space after {marks}"
        yield Problem(
            page.source.path,
            number,
            len(found["marks"]) + 1,
            f"{said}: the site shows a heading, but most Markdown editors (Typora, VS Code's "
            "preview) and sites (GitHub) show the line as text",
            f"type a half-width space after the '#'s: {found['marks']} {heading}",
            "page.heading-without-space",
            Severity.WARNING,
        )


def underlined_headings(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each line of the body that the line of '-' under it makes a level-2 heading: a
    separator meant under a paragraph (``---``) makes its first line one. An error where the
    line is a sentence's; a warning where it may be a heading meant, which '## ' writes
    as the course's other headings are."""
    for number, mark in sorted(heading_lines(lines, page.body_line).items()):
        if mark != "-":
            continue
        text, underline = _unquoted(lines[number]), lines[number + 1]
        dashes = _unquoted(underline)
        across = "leave a blank line above it" + ("" if len(dashes) > 2 else " and write it '---'")
        yield Problem(
            page.source.path,
            number + 1,
            len(underline) - len(underline.lstrip("> ")) + 1,
            f"the '{dashes}' right under the line '{text}' makes that line a level-2 heading, "
            "which the site shows large and lists in the page's contents, not a line across "
            "the page",
            f"for a line across the page, {across}; for a heading, write it '## {text}' and "
            f"delete the '{dashes}'",
            "page.underlined-heading",
            Severity.ERROR if SENTENCE.search(text) else Severity.WARNING,
        )


def _unquoted(line: str) -> str:
    """``line`` without the spaces around it and a quote's marks (``> ``) before it."""
    return line.lstrip("> ").strip()
