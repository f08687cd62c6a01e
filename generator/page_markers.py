"""The lines the generator fills in: ``<!-- mot:outline -->`` and ``<!-- mot:progress -->``.

A marker is replaced where it stands alone on a line, outside code, indented as the
marker is (in a note box, a list or an HTML block). In code it is text the trainer means
to show (how to use the marker). Sharing its line with other text, it would leave a list
or the dashboard's HTML inside a paragraph: ``check`` reports such a marker instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from difflib import get_close_matches

from generator.errors import Problem
from generator.models import Page
from generator.page_text import place_of, searchable_lines, searchable_text
from generator.project import OUTLINE_MARKER, PROGRESS_MARKER

MARKERS = (OUTLINE_MARKER, PROGRESS_MARKER)
BY_NAME = {marker.removeprefix("<!-- mot:").removesuffix(" -->"): marker for marker in MARKERS}
"""Each marker by its name: ``outline``, ``progress``."""
MARKER_LIKE = re.compile(r"<!--\s*mot\s*[:：]\s*(?P<name>[A-Za-z_-]+)\s*-->")
"""A comment written as a marker is, whether it is one or not (``<!-- mot:progess -->``,
``<!--mot:progress-->``)."""


def standing_markers(text: str) -> dict[int, str]:
    """The markers the generator replaces in ``text``, a page's body with its code blanked
    (:func:`generator.page_text.searchable_text`), each alone on its line (indented into a
    note box or an HTML block too), by the index of their line in the body."""
    lines = text.split("\n")
    return {index: line.strip() for index, line in enumerate(lines) if line.strip() in MARKERS}


def markers_of(page: Page) -> dict[int, str]:
    """:func:`standing_markers` of ``page``, for a caller without its searchable text (not
    worked out for a page whose text names no marker, as most do not)."""
    if not any(marker in page.body for marker in MARKERS):
        return {}
    return standing_markers(searchable_text(page, searchable_lines(page)))


def fill_in_markers(page: Page, replacements: Mapping[str, str]) -> str:
    """The body of ``page`` with each standing marker's line replaced, indented as the marker
    is, a blank line either side (a list or an HTML block starts a block of its own)."""
    lines = page.body.splitlines(keepends=True)
    for index, marker in markers_of(page).items():
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        rows = replacements[marker].split("\n")
        filled = "\n".join(f"{indent}{row}" if row else "" for row in rows)
        lines[index] = f"\n{filled}\n\n"
    return "".join(lines)


def misplaced_markers(page: Page, text: str) -> Iterator[Problem]:
    """Markers outside code that share their line with other text (``text``: the body as
    :func:`generator.page_text.searchable_text` gives it)."""
    standing = standing_markers(text)
    for offset, line in enumerate(text.split("\n")):
        found = [(line.find(marker), marker) for marker in MARKERS if marker in line]
        if offset in standing or not found:
            continue
        column, marker = min(found)
        yield Problem(
            page.source.path,
            page.body_line + offset,
            column + 1,
            f"'{marker}' is filled in only on a line of its own; here it shares its line with "
            "other text, and the page would show nothing in its place",
            "put it on a line of its own; to show the marker itself as text, put it in backticks",
            "page.misplaced-marker",
        )


def unknown_markers(page: Page, text: str) -> Iterator[Problem]:
    """Comments written as markers that are none (``<!-- mot:progess -->``): the generator
    fills in only a marker written exactly, and the page would show nothing in its place
    (``text``: the body as :func:`generator.page_text.searchable_text` gives it)."""
    for found in MARKER_LIKE.finditer(text):
        if found[0] in MARKERS:
            continue
        close = get_close_matches(found["name"].lower(), list(BY_NAME), n=1)
        meant = [BY_NAME[close[0]]] if close else MARKERS
        yield Problem(
            page.source.path,
            *place_of(text, found.start(), page.body_line),
            f"'{found[0]}' is no marker the generator fills in, so the page would show nothing "
            "in its place",
            f"write it exactly as {' or '.join(meant)}, on a line of its own",
            "page.unknown-marker",
        )
