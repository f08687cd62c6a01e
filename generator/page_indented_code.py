"""Paragraphs shown as code: a box's, after a paragraph above it lost its indent, and one
indented as Chinese paragraphs are (首行缩进).

A note box holds the paragraphs indented four spaces under it. When one of them loses its
indent, the box ends there: that paragraph shows below the box, and the box's next
paragraph, still indented, after an empty line and under no box now, is a code block, in
a grey monospace box. A paragraph whose first line is indented four spaces or a tab, as
Word and Chinese typing habit indent one, is a code block too. An indented code block
that starts as code does (with a letter, a digit or a sign typed half-width) may be meant
as code, and is left alone; one that starts with Chinese is prose. Two full-width spaces
(``　　``) are no indent to Python-Markdown, which strips them: the paragraph shows as any
other.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_blocks import BLOCK_MARKS, BOX_INDENT, opens_block
from generator.page_scan import HAN
from generator.page_text import INDENTED, Lines, indented_code, indented_code_in
from generator.yaml_lines import indent


def box_paragraphs_shown_as_code(page: Page, lines: Lines) -> Iterator[Problem]:
    """The first line of each indented code block of ``page`` (``lines``: its lines, fenced
    code left empty) below a box whose paragraph above the block lost its indent."""
    lines = _as_written(page, lines)
    for number in _code_blocks(page, lines):
        left = _paragraph_that_left(lines, number)
        if left is None:
            continue
        box, start = left
        yield Problem(
            page.source.path,
            number,
            indent(lines[number].expandtabs(BOX_INDENT)) + 1,
            f"this paragraph, indented under no box, shows as code, in a grey box: the box "
            f"'{lines[box].strip()}' (line {box}) ends at line {start}, which is not indented",
            f"indent line {start} {BOX_INDENT} spaces, as the box's other paragraphs are; if "
            "it is meant to follow the box, delete the spaces before this paragraph",
            "page.box-paragraph-as-code",
            Severity.WARNING,
        )


def prose_shown_as_code(page: Page, lines: Lines) -> Iterator[Problem]:
    """The first line of each indented code block of ``page`` (``lines``: its lines, fenced
    code left empty) that starts with Chinese (a character not typed half-width, in a line
    that holds Chinese): a paragraph indented as Chinese paragraphs are, which the site
    shows as code, in a grey monospace box. Code starts half-width; a box's text is told
    where the box went wrong (:func:`_held_by_a_box`)."""
    lines = _as_written(page, lines)
    for number in _code_blocks(page, lines, across_blanks=True):
        line = lines[number]
        text = line.lstrip(" \t")
        if text[:1].isascii() or not HAN.search(line) or _held_by_a_box(lines, number):
            continue
        spaces = line[: len(line) - len(text)]
        tab = "\t" in spaces
        how = "with a tab" if tab else f"{len(spaces)} spaces"
        yield Problem(
            page.source.path,
            number,
            len(spaces) + 1,
            f"this paragraph is indented {how}, so the site shows it as code, in a grey "
            "monospace box, not as a paragraph",
            f"delete the {'tab' if tab else 'spaces'} before the paragraph: the site starts "
            "every paragraph at the left edge (to show text as code, put it between two lines "
            "of ``` instead)",
            "page.prose-as-code",
        )


def box_text_shown_as_code(page: Page, lines: Lines) -> Iterator[Problem]:
    """The first line of each code block in a box (or a tab) at the left edge that starts
    with Chinese: a paragraph indented 4 spaces more than the box's text (the Tab key
    pressed twice), which the site shows as code, in a grey monospace box inside the box."""
    written = dict(enumerate(page.body.splitlines(), page.body_line))
    for opener, content in _box_contents(written):
        code = indented_code_in(content, lines)
        for number in sorted(code):
            line = written[number]
            text = line.lstrip(" \t")
            if number - 1 in code or text[:1].isascii() or not HAN.search(line):
                continue
            how = (
                "with tabs"
                if "\t" in line[: len(line) - len(text)]
                else (f"{len(line) - len(text)} spaces")
            )
            yield Problem(
                page.source.path,
                number,
                len(line) - len(text) + 1,
                f"this paragraph of the box '{written[opener].strip()}' (line {opener}) is "
                f"indented {how}, {BOX_INDENT} more than the box's text, so the site shows it "
                "as code, in a grey monospace box inside the box",
                f"indent it {BOX_INDENT} spaces, as the box's other text is (to show text as "
                "code, put it between two lines of ``` instead)",
                "page.box-text-as-code",
            )


def _box_contents(written: Lines) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """Each box (or tab) at the left edge of the page's lines ``written``: its line, and
    the lines under it that it holds, its indent taken off."""
    numbers = sorted(written)
    for index, opener in enumerate(numbers):
        if written[opener][:1] in " \t" or not opens_block(written[opener].strip()):
            continue
        content = []
        for number in numbers[index + 1 :]:
            line = written[number]
            if line.strip() and not INDENTED.match(line):
                break
            content.append((number, INDENTED.sub("", line, count=1)))
        yield opener, content


def _held_by_a_box(lines: Lines, number: int) -> bool:
    """Whether the code block on line ``number`` is a box's text: a paragraph of the box
    above it lost its indent (:func:`box_paragraphs_shown_as_code`), or the line meant to
    open the box does not (``！！！ example "情景"``, ``page.broken-block``). Once that is
    fixed, the block is the box's, rightly indented."""
    if _paragraph_that_left(lines, number):
        return True
    above = _filled_above(lines, number)
    while above and indent(lines[above]) >= BOX_INDENT:
        above = _filled_above(lines, above)
    return bool(above) and BLOCK_MARKS.match(lines[above]) is not None


def _as_written(page: Page, lines: Lines) -> Lines:
    """``lines`` as the page has them: indents are read, and in ``lines`` a code span that
    opens a line (```` `mkdocs.yml` 这一段… ````) is blanked, and looks indented."""
    written = enumerate(page.body.splitlines(), page.body_line)
    return {number: line for number, line in written if number in lines}


def _code_blocks(page: Page, lines: Lines, across_blanks: bool = False) -> list[int]:
    """The first line of each indented code block of ``page``, in order; ``across_blanks``:
    code after blank lines goes on the block above it, one box on the site, rather than
    start a block of its own (``    - 列表``, a blank line, ``        标题`` is one block,
    of code that starts as code does)."""
    code = indented_code(lines, page)
    return [number for number in sorted(code) if _above(lines, number, across_blanks) not in code]


def _above(lines: Lines, number: int, across_blanks: bool) -> int:
    """The line above line ``number``, past blank lines if ``across_blanks``."""
    above = number - 1
    while across_blanks and above in lines and not lines[above].strip():
        above -= 1
    return above


def _paragraph_that_left(lines: Lines, number: int) -> tuple[int, int] | None:
    """The box's line and the first line of the paragraph not indented between it and the
    code block on line ``number``, with only the box's indented lines above that paragraph."""
    start = _filled_above(lines, number)
    if not start or indent(lines[start]) >= BOX_INDENT:
        return None
    while _filled(lines, start - 1) and indent(lines[start - 1]) < BOX_INDENT:
        start -= 1
    box = _filled_above(lines, start)
    if not box or indent(lines[box]) < BOX_INDENT:
        return None
    while box and indent(lines[box]) >= BOX_INDENT:
        box = _filled_above(lines, box)
    return (box, start) if box and opens_block(lines[box].strip()) else None


def _filled(lines: Lines, number: int) -> bool:
    return bool(lines.get(number, "").strip())


def _filled_above(lines: Lines, number: int) -> int:
    """The nearest line above ``number`` that holds something; 0 if none does."""
    return next((n for n in range(number - 1, 0, -1) if _filled(lines, n)), 0)
