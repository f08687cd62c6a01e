"""The lines the generator fills in: ``<!-- mot:outline -->`` and ``<!-- mot:progress -->``.

A marker is replaced where it stands alone on a line, from the line's start, outside
fenced code. In code it is text the trainer means to show (how to use the marker). Indented
into a box or a list, or sharing its line with other text, it would break the page: the
table or the dashboard's HTML put in its place is not indented, and ends the box. ``check``
reports such a marker instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from generator.errors import Problem
from generator.models import Page
from generator.page_text import Lines, fenced_code, searchable_text
from generator.project import OUTLINE_MARKER, PROGRESS_MARKER

MARKERS = (OUTLINE_MARKER, PROGRESS_MARKER)


def standing_markers(body: str) -> dict[int, str]:
    """The markers of ``body`` the generator replaces, by the index of their line."""
    lines = body.splitlines()
    code = fenced_code(lines).lines
    return {
        index: line.rstrip()
        for index, line in enumerate(lines)
        if line.rstrip() in MARKERS and index not in code
    }


def fill_in_markers(body: str, replacements: Mapping[str, str]) -> str:
    """``body`` with each standing marker's line replaced, a blank line either side (a
    table or an HTML block starts a block of its own)."""
    lines = body.splitlines(keepends=True)
    for index, marker in standing_markers(body).items():
        lines[index] = f"\n{replacements[marker]}\n{lines[index][len(marker) :]}"
    return "".join(lines)


def misplaced_markers(page: Page, lines: Lines) -> Iterator[Problem]:
    """Markers outside code that are not alone on their line, from its start."""
    standing = {page.body_line + index for index in standing_markers(page.body)}
    for offset, line in enumerate(searchable_text(page, lines).split("\n")):
        number = page.body_line + offset
        found = [(line.find(marker), marker) for marker in MARKERS if marker in line]
        if number in standing or not found:
            continue
        column, marker = min(found)
        yield Problem(
            page.source.path,
            number,
            column + 1,
            f"'{marker}' is filled in only on a line of its own, from the line's start; here "
            "it is indented or shares its line, and the page would show nothing in its place",
            "put it on a line of its own, not indented and not inside a box (!!!) or a list; "
            "to show the marker itself as text, put it in backticks",
            "page.misplaced-marker",
        )
