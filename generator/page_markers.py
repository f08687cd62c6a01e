"""The lines the generator fills in: ``<!-- mot:outline -->`` and ``<!-- mot:progress -->``.

A marker is replaced where it stands alone on a line, outside code, indented as the
marker is (in a note box, a list or an HTML block). In code it is text the trainer means
to show (how to use the marker). Sharing its line with other text, it would leave a table
or the dashboard's HTML inside a paragraph: ``check`` reports such a marker instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from generator.errors import Problem
from generator.models import Page
from generator.page_text import Lines, searchable_lines, searchable_text
from generator.project import OUTLINE_MARKER, PROGRESS_MARKER

MARKERS = (OUTLINE_MARKER, PROGRESS_MARKER)


def standing_markers(page: Page) -> dict[int, str]:
    """The markers of ``page`` the generator replaces, each alone on its line (indented into
    a note box or an HTML block too), outside code, by the index of their line in the body."""
    text = searchable_text(page, searchable_lines(page)).split("\n")
    return {index: line.strip() for index, line in enumerate(text) if line.strip() in MARKERS}


def fill_in_markers(page: Page, replacements: Mapping[str, str]) -> str:
    """The body of ``page`` with each standing marker's line replaced, indented as the marker
    is, a blank line either side (a table or an HTML block starts a block of its own)."""
    lines = page.body.splitlines(keepends=True)
    for index, marker in standing_markers(page).items():
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        rows = replacements[marker].split("\n")
        filled = "\n".join(f"{indent}{row}" if row else "" for row in rows)
        lines[index] = f"\n{filled}\n\n"
    return "".join(lines)


def misplaced_markers(page: Page, lines: Lines) -> Iterator[Problem]:
    """Markers outside code that share their line with other text."""
    standing = {page.body_line + index for index in standing_markers(page)}
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
            f"'{marker}' is filled in only on a line of its own; here it shares its line with "
            "other text, and the page would show nothing in its place",
            "put it on a line of its own; to show the marker itself as text, put it in backticks",
            "page.misplaced-marker",
        )
