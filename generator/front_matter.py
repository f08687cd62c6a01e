"""A page's front matter: found between its '---' lines, and read as YAML.

A fence mistyped, a '...' line closing it early or a closing line left out each make
MkDocs show fields as page text or page text as fields; each is named where it is, with
the line to write.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import Problem
from generator.models import Source
from generator.yaml_lines import KEY_LINE
from generator.yaml_source import YamlSyntaxError, parse_yaml

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = "..."
"""MkDocs, like YAML, also takes '...' for the end of the front matter, at the start of its
line (indented, it is a text's)."""
BODY_START = re.compile(r"^\s*$|^#{1,6}\s")
"""A blank line or a Markdown heading: where a page's text may start after its front matter."""
HEADING = re.compile(r"#{2,6}\s")
"""A heading of page text: a page's sections start at '##' ('# ' may be a YAML comment)."""
FENCE_MISTYPED = re.compile(r"\s*(?:[-‐–—－]\s*){2,}")
"""A line of dashes other than three hyphens: two or four, dashes (—) or full-width (－)."""


def read_front_matter(lines: list[str], path: Path) -> tuple[Source, int] | list[Problem]:
    """The front matter of the page ``lines`` (of the file ``path``) read as YAML, and the
    index of the line closing it; or what is wrong with it."""
    end = _front_matter_end(lines, path)
    if isinstance(end, Problem):
        return [end]
    ended_early = _fields_below_end(lines, end, path)
    if ended_early is not None:
        return [ended_early]
    try:
        return parse_yaml("\n".join(lines[1:end]), path, line_offset=1), end
    except YamlSyntaxError as error:
        unclosed = _closing_fence_missing(lines, path, error.problems[0])
        return [unclosed] if unclosed is not None else list(error.problems)


def _front_matter_end(lines: list[str], path: Path) -> int | Problem:
    """The index of the line closing the front matter, or what is wrong with it."""
    blank = next((index for index, line in enumerate(lines) if line.strip()), 0)
    if blank and lines[blank].strip() == FRONT_MATTER_FENCE:
        return Problem(
            path,
            blank + 1,
            1,
            "the front matter's '---' is not on the file's first line, so the page has no "
            "front matter",
            "delete the empty line above it"
            if blank == 1
            else f"delete the {blank} empty lines above it",
            "page.no-front-matter",
        )
    if (mistyped := _mistyped_opening(lines, path)) is not None:
        return mistyped
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return Problem(
            path,
            1,
            1,
            "the page has no front matter",
            "start the file with a '---' line, the title and the other fields, "
            "and another '---' line",
            "page.no-front-matter",
        )
    for index, line in enumerate(lines[1:], 1):
        if line.strip() == FRONT_MATTER_FENCE or line.rstrip(" \t") == FRONT_MATTER_END:
            return index
    return _mistyped_fence(lines, path) or _unclosed(
        path, 1, "the front matter that starts on line 1 is never closed"
    )


def _mistyped_opening(lines: list[str], path: Path) -> Problem | None:
    """The file's first line, typed to open the front matter but not as three hyphens
    (``———`` or ``－－－``, typed with a Chinese input method)."""
    if (
        not lines
        or not FENCE_MISTYPED.fullmatch(lines[0])
        or lines[0].strip() == FRONT_MATTER_FENCE
    ):
        return None
    return Problem(
        path,
        1,
        1,
        f"'{lines[0].strip()}' does not open the front matter: only a line of three hyphens "
        "does, so the page has no front matter",
        "write this line as '---'",
        "page.no-front-matter",
    )


def _mistyped_fence(lines: list[str], path: Path) -> Problem | None:
    """The first line of dashes below the front matter's fields, typed to close it but not
    as three hyphens (``--``): MkDocs would show it as page text above the page."""
    index = next((n for n, line in enumerate(lines[1:], 1) if FENCE_MISTYPED.fullmatch(line)), 0)
    if not index or not _reads_as_mapping(lines[1:index], path):
        return None
    return Problem(
        path,
        index + 1,
        1,
        f"'{lines[index].strip()}' does not close the front matter that starts on line 1: "
        "only a line of three hyphens does",
        "write this line as '---'",
        "page.front-matter-unclosed",
    )


def _fields_below_end(lines: list[str], end: int, path: Path) -> Problem | None:
    """A '...' line (at index ``end``) that closes the front matter above more of its
    fields: the lines down to a '---' line read as YAML keys, and would show as page text."""
    if lines[end].rstrip(" \t") != FRONT_MATTER_END:
        return None
    below = lines[end + 1 :]
    fence = next(
        (index for index, line in enumerate(below) if line.strip() == FRONT_MATTER_FENCE), None
    )
    if fence is None or not _reads_as_mapping(below[:fence], path):
        return None
    return Problem(
        path,
        end + 1,
        1,
        f"this '...' line closes the front matter, so the fields below it, down to the '---' "
        f"on line {end + fence + 2}, are read as page text",
        "delete this '...' line",
        "page.front-matter-ends-early",
    )


def _closing_fence_missing(lines: list[str], path: Path, error: Problem) -> Problem | None:
    """The likely place of a missing closing '---', when the front matter fails to parse.

    Without it, the front matter runs on to a '---' rule in the page text, and the YAML
    fails somewhere in that text: the closing fence probably belonged at the first blank
    line or heading before the failure up to which the front matter reads well, if page
    text follows it: below a blank line, fields alone fail where a field is out of line,
    which YAML's own message names.
    """
    for index in range(1, error.line - 1):
        if not BODY_START.match(lines[index]) or not _page_text_from(lines, index, error.line):
            continue
        if _reads_as_mapping(lines[1:index], path):
            return _unclosed(
                path,
                index + 1,
                "the closing '---' of the front matter that starts on line 1 is probably "
                "missing here: the page text below is read as front matter, which fails at "
                f"line {error.line}",
            )
    return None


def _page_text_from(lines: list[str], index: int, failed: int) -> bool:
    """Whether the lines from ``index`` down to line ``failed`` (counted from 1) hold page
    text: a heading, or a line at the left edge that is no field, list entry or comment."""
    return any(
        HEADING.match(line)
        or (line[:1].strip() and not KEY_LINE.match(line) and not line.startswith(("- ", "#")))
        for line in lines[index:failed]
    )


def _reads_as_mapping(lines: list[str], path: Path) -> bool:
    try:
        return isinstance(parse_yaml("\n".join(lines), path).tree, dict)
    except YamlSyntaxError:
        return False


def _unclosed(path: Path, line: int, message: str) -> Problem:
    return Problem(
        path,
        line,
        1,
        message,
        "add a line with '---' after the last front matter field",
        "page.front-matter-unclosed",
    )
