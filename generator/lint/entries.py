"""A list entry read as more of the text above it: ``- 紧急复原`` indented a space deeper
than the ``- 道歉`` above goes on that entry's text, which the site shows as one entry,
``道歉 - 紧急复原``, as an unquoted text goes on over every line indented under it.

Folded into one line, such a text cannot have meant a list; a text in quotes, or a block
(``>-``, ``|``), is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.lint.comments import named, written_on_its_line
from generator.lint.questions import warning
from generator.models import Source
from generator.yaml_events import Location
from generator.yaml_lines import indent
from generator.yaml_source import position, value_at
from generator.yaml_written import lines_below, quoted_start

ENTRY = re.compile(r"-(?:[ \t]|$)")
"""How a list entry starts: a dash, then a space or nothing more on the line."""


def entries_in_text_problems(source: Source) -> Iterator[Problem]:
    """Each unquoted text of ``source`` that goes on to a line starting with '-', warned
    about at that dash."""
    for location in source.positions:
        text = value_at(source, location) if location else None
        written = written_on_its_line(source, location) if isinstance(text, str) else None
        if written is None:
            continue  # not a plain text
        dash = _entry_below(source, location)
        if dash is None:
            continue
        yield warning(
            (source.path, *dash),
            f"{named(location)} reads {quoted_start(str(text))}: this line, indented deeper, "
            "goes on the text above it, so YAML reads its '-' as text, not as a new entry",
            "to make it an entry of a list, line its '-' up with the other entries' (or "
            "under the key the list belongs to); if the '-' is text, put the whole text "
            "in quotes",
            "text.entry-in-text",
        )


def _entry_below(source: Source, location: Location) -> tuple[int, int] | None:
    """Where a line starting with '-' goes on the plain text at ``location``, among the
    lines indented deeper than its key (or its entry's dash): (line, column)."""
    for number, row in lines_below(source, location, position(source, location)):
        if ENTRY.match(row.lstrip()):
            return number, indent(row) + 1
    return None
