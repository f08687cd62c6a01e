"""A text cut short by a comment: YAML ends an unquoted text where a space and ``#`` begin a
comment, and drops the rest of the line without a word.

``prompt: 最早提出的是谁 #1 号人物？`` is the prompt 最早提出的是谁. A comment a trainer
means to write (README's examples have them) starts ``# ``; a ``#`` with text right after it
(``#1``, ``#标签``) is taken for part of the text, and named with the fix, on the text's
first line or on a line it goes on to. A text in quotes, or a block (``>-``, ``|``), is
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.lint.questions import warning
from generator.models import Course, Source
from generator.plain_text import key_name
from generator.yaml_events import Location
from generator.yaml_source import position, value_at
from generator.yaml_written import line_from, lines_below, quoted_start

CUT = re.compile(r"[ \t]#(?=\S)")
"""Where a comment that reads as text begins: a space, then ``#`` with no space after it."""
COMMENT = re.compile(r"(?:^|[ \t])#")
"""Where a comment begins: ``#`` at the start of a line or after a space."""
CUT_ANYWHERE = re.compile(rf"{COMMENT.pattern}(?=\S)")
"""A comment with text right after its ``#``, at a line's start or after a space: what
every cut, on a text's first line (:data:`CUT`) or a later one, begins with."""
AFTER_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'"].*?)[ \t]*:[ \t]+(?=\S)""")
"""A key (in quotes, which may hold a colon, or not), its colon and the spaces before a
value written on the key's line."""
BLOCK_START = re.compile(r"[ \t-]*")
"""What stands before a key or a list entry of block style on its line: indentation and
the dashes of list entries. Inside brackets (``{correct: 好的} #注释``) a text ends at the
bracket, and a comment after it cuts nothing."""
NOT_PLAIN = tuple("\"'|>[{")
"""How a text in quotes, a block of lines or a list or mapping written in brackets starts."""


def course_sources(course: Course) -> list[Source]:
    """Every YAML source of the course: the pages' front matter and the quiz files."""
    sources = [page.source for page in course.pages]
    sources += [module.quiz_source for module in course.modules]
    if course.exam is not None:
        sources.append(course.exam.source)
    return list({source.path: source for source in sources}.values())


def cut_text_problems(source: Source) -> Iterator[Problem]:
    """Each unquoted text of ``source`` that a comment with text right after its ``#``
    cut short, on its first line or a line it goes on to, warned about at the ``#``. A
    file with no such comment on any line is not read text by text."""
    if not any(CUT_ANYWHERE.search(row) for row in source.lines):
        return
    for location in source.positions:
        text = value_at(source, location) if location else None
        written = written_on_its_line(source, location) if isinstance(text, str) else None
        if written is None:
            continue
        line, column = position(source, location)
        cut = CUT.search(written[1])
        found = (
            (line, column + written[0] + cut.end() - 1)
            if cut
            else _cut_on_a_later_line(source, location, (line, column), written[1])
        )
        if found is None:
            continue
        row = source.lines[found[0] - 1 - source.line_offset]
        comment = row[found[1] - 1 :].strip()
        yield warning(
            (source.path, *found),
            f"{named(location)} ends at {quoted_start(str(text))}: YAML reads "
            f"{quoted_start(comment)}, to the end of the line, as a comment",
            "if it belongs to the text, put the whole text in quotes; if it is a comment, "
            "write a space after '#'",
            "text.cut-by-comment",
        )


def _cut_on_a_later_line(
    source: Source, location: Location, at: tuple[int, int], first: str
) -> tuple[int, int] | None:
    """Where a comment with text right after its ``#`` cuts a plain text that goes on past
    its first line (``first``, at ``at``: line, column), on the lines indented deeper than
    its key (or its list entry's dash): (line, column)."""
    if COMMENT.search(first):
        return None  # the text ends on its first line
    for number, row in lines_below(source, location, at):
        comment = COMMENT.search(row)
        if comment:
            hashed = comment.end() - 1
            cut = hashed + 1 < len(row) and not row[hashed + 1].isspace()
            return (number, hashed + 1) if cut else None
    return None


def written_on_its_line(source: Source, location: Location) -> tuple[int, str] | None:
    """The plain text at ``location`` as written on its line, with its offset from where
    ``location`` starts (the key, or the list entry): None for a text in quotes, a block,
    a text that starts on the next line or an entry of a list written in brackets."""
    row = line_from(source, location)
    line, column = position(source, location)
    before = source.lines[line - 1 - source.line_offset][: column - 1]
    if not BLOCK_START.fullmatch(before):
        return None
    if isinstance(location[-1], str):
        after_key = AFTER_KEY.match(row)
        offset = after_key.end() if after_key else -1
    else:
        offset = 0 if before.rstrip().endswith("-") else -1
    if offset < 0 or row[offset:].startswith(NOT_PLAIN):
        return None
    return offset, row[offset:]


def named(location: Location) -> str:
    """'prompt', or an entry of 'items'."""
    key = key_name(location)
    return f"'{key}'" if isinstance(location[-1], str) else f"an entry of '{key}'"
