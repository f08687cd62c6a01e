"""Lines that fall out of a note box, a collapsible block or a tab.

A box holds the lines indented under its first line (``!!! tip "小贴士"``). A line right
below them that starts further left is no more of the box's text, as it would be of a
paragraph or a list item: the box ends above it, and the site shows it below the box as a
paragraph of its own. Joined to the line above it, as a line break in Chinese is told to
be, it would move into the box.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_blocks import BOX_INDENT, opens_block
from generator.page_text import Lines
from generator.yaml_lines import indent

OWN_BLOCK = re.compile(r" *(?:[|｜#<>]|[-*+] |\d+\. |!!!|\?\?\?|===)")
"""A line that starts a block of its own (a table, a heading, HTML, a quote, a list, a box),
as one would below the box: only a line of text was meant as more of the box's."""


def lines_out_of_boxes(lines: Lines) -> dict[int, int]:
    """Each line of text right below a box's text that starts further left than it, with no
    blank line between: its number -> the number of the line opening the box (the innermost, of
    boxes inside boxes). A box with no text is told of as empty, elsewhere."""
    out: dict[int, int] = {}
    boxes: list[tuple[int, int]] = []  # each box open: its first line, its text's indent
    for number in sorted(lines):
        line, above = lines[number], lines.get(number - 1, "")
        if not line.strip():
            continue
        while boxes and indent(line) < boxes[-1][1]:
            opened, _ = boxes.pop()
            if above.strip() and opened != number - 1 and not OWN_BLOCK.match(line):
                out.setdefault(number, opened)
        if opens_block(line.strip()):
            boxes.append((number, indent(line) + BOX_INDENT))
    return out


def box_lines_out(page: Page, lines: Lines, out_of_boxes: Mapping[int, int]) -> Iterator[Problem]:
    """Each line that falls out of the box above it: ``out_of_boxes``, as
    :func:`lines_out_of_boxes` finds them in ``lines``."""
    for number, opened in out_of_boxes.items():
        yield Problem(
            page.source.path,
            number,
            indent(lines[number]) + 1,
            f"this line starts further left than the text of the box that line {opened} "
            "opens, so the site shows it below the box as a paragraph of its own",
            f"indent it {BOX_INDENT} spaces further than line {opened} if it belongs in the "
            "box; if it belongs below the box, leave a blank line above it",
            "page.line-out-of-box",
            Severity.WARNING,
        )
