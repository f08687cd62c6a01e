"""Tables that the site shows as lines of text.

A pipe table needs a line of ``| --- |`` cells under its first row, as many as that row
has, and its pipes half-width. A Chinese keyboard types them full-width (｜), and the line
under the first row in dashes (``| —— |``); a table copied from elsewhere may have no
such line at all. The site then shows the rows as a paragraph of text; so it does a
table whose first row follows a line of text with no blank line between, as the tables
extension looks for a table only where a block starts. Whether two rows make a table is
decided by the tables extension's own test, so the check agrees with the site. A row with
more cells than the first row loses the extra ones, without a word; and a line of text right
under a table, with no blank line between, is one more row of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

import markdown
from markdown.blockprocessors import HRProcessor
from markdown.extensions.tables import TableProcessor

from generator.errors import Problem
from generator.models import Page
from generator.page_blocks import opens_block
from generator.yaml_lines import SPACE_NAMES, indent, named_space

TABLES = TableProcessor(markdown.Markdown().parser, {"use_align_attribute": False})
"""The tables extension's reader, which tells whether a block opens a table."""
ROW = re.compile(r" *[|｜]")
"""How a row meant for a table starts."""
DASHES = re.compile(r"[—–－─━ー]")
"""Dashes and lines a Chinese keyboard types for '-'."""
SEPARATOR_CELLS = frozenset("|｜:：- ")
"""What the line under a table's first row is made of, besides dashes."""
ODD_SPACE = re.compile(f"[{''.join(SPACE_NAMES)}]")
"""A full-width or no-break space."""
TABLE_SEPARATOR = frozenset("|:- ")
"""What the line under a table's first row is made of, as the tables extension reads it."""
HALF_WIDTH = str.maketrans({"｜": "|", "：": ":"})
Rows = tuple[tuple[int, str], tuple[int, str]]
"""A table's first two rows: their line numbers and lines."""
Wrong = tuple[int, int, str, str]
"""Where a table goes wrong (a line and a column), what is wrong there, and how to fix it."""


def broken_tables(page: Page, text: str) -> Iterator[Problem]:
    """Each table of ``text`` (the body, code left as empty lines) that the site shows as
    text: two rows at the start of a block, that start with a pipe (or hold a full-width
    one) and are no table; or a table whose first row follows a line of text."""
    lines = text.splitlines()
    start = 0  # the first line of the block the line is in
    for index, line in enumerate(lines[:-1]):
        if _starts_block(lines, index):
            start = index
        rows = ((page.body_line + index, line), (page.body_line + index + 1, lines[index + 1]))
        if start == index and _meant_as_table(line, lines[index + 1]):
            yield _broken_table(page, _what_is_wrong(rows))
        elif start != index and _under_text(lines, start, index):
            yield _broken_table(page, _glued(rows))


def lost_cells(page: Page, text: str) -> Iterator[Problem]:
    """Each row of a table of ``text`` (the body, code left as empty lines) with text in
    more cells than the table has columns: the tables extension leaves out the cells after
    the last column, as it reads the row (a '|' in code or written '\\|' splits none)."""
    lines = text.splitlines()
    for start, end, columns in _tables(lines):
        for number in range(start + 2, end):
            row = lines[number].strip(" ")
            cells = TABLES._split_row(row)  # type: ignore[attr-defined]  # unlisted in its stubs
            dropped = [cell.strip() for cell in cells[columns:]]
            if any(dropped):
                yield _lost(page, number, lines[number], columns, dropped)


def text_under_tables(page: Page, text: str) -> Iterator[Problem]:
    """The first line with no '|' under the rows of each table of ``text`` (the body, code
    left as empty lines), with no blank line between: the tables extension reads every line
    of the table's block as a row, a paragraph, a list or a heading too, and shows it in the
    table's first cell; in a table of one column, whose rows each need a '|', it shows the
    whole table as text. A line further left than the table (out of its box) or starting
    with a tag (raw HTML may start a block of its own) is left alone."""
    lines = text.splitlines()
    for start, end, columns in _tables(lines):
        content = indent(lines[start]) // 4 * 4  # a box's text, or the page's
        for number in range(start + 2, end):
            line = lines[number]
            if indent(line) < content or line.lstrip().startswith("<"):
                break
            if "|" not in line:
                yield _text_under_table(page, number, line, columns)
                break


def _text_under_table(page: Page, index: int, line: str, columns: int) -> Problem:
    shown = "it as one more row of the table, its text in the first cell"
    code = "page.text-in-table"
    if columns == 1:  # each row of a table of one column needs a '|'
        shown, code = "the table and this line as lines of text", "page.broken-table"
    return Problem(
        page.source.path,
        page.body_line + index,
        indent(line) + 1,
        f"this line follows the table's rows with no blank line between, so the site shows {shown}",
        "leave a blank line between the table and this line",
        code,
    )


def _tables(lines: list[str]) -> Iterator[tuple[int, int, int]]:
    """The index of each table's first row among ``lines``, of the line after its block (a
    blank line, or the end), and its number of columns."""
    for index, line in enumerate(lines[:-1]):
        if _starts_block(lines, index) and is_table(line, lines[index + 1]):
            columns = len(TABLES.separator)  # the test above read the table's first two rows
            end = index + 2
            while end < len(lines) and lines[end].strip():
                end += 1
            yield index, end, columns


def _lost(page: Page, index: int, row: str, columns: int, dropped: list[str]) -> Problem:
    shown = "、".join(cell for cell in dropped if cell)
    return Problem(
        page.source.path,
        page.body_line + index,
        indent(row) + 1,
        f"this row has {columns + len(dropped)} cells and the table {columns} columns, so the "
        f"site leaves out what is after its cell {columns} ({shown})",
        "add a column to the table's first row and to the '| --- |' line under it, or move "
        f"the text into the row's first {columns} cells (a '|' in a cell's text is written '\\|')",
        "page.table-cells-lost",
    )


def _starts_block(lines: list[str], index: int) -> bool:
    """Whether line ``index`` starts a block: the page's first line, or one after a blank
    line, a heading or a rule."""
    above = lines[index - 1].strip() if index else ""
    return not above or above.startswith("#") or bool(HRProcessor.SEARCH_RE.match(above))


def _meant_as_table(header: str, separator: str) -> bool:
    """Whether two lines at the start of a block are meant as a table but are none: both
    start with a pipe, or they would be a table with their full-width pipes half-width."""
    if ROW.match(header) and ROW.match(separator):
        return not is_table(header, separator)
    full_width = "｜" in header + separator
    return (
        full_width and _is_table_half_width(header, separator) and not is_table(header, separator)
    )


def _under_text(lines: list[str], start: int, index: int) -> bool:
    """Whether the lines at ``index`` are a table's first two rows (their pipes half-width)
    that go on a block of text starting at ``start``: the tables extension looks for a
    table at a block's start only. Not where the block starts as a table (this is a row of
    it), with HTML, or with a note box the table is not indented into (it starts a block)."""
    header, separator = lines[index], lines[index + 1]
    if "|" not in header and "｜" not in header:
        return False  # the quickest test, and true of most lines
    if not set(separator) <= SEPARATOR_CELLS or not _is_table_half_width(header, separator):
        return False  # the first test is quick, and true of few lines
    first = lines[start]
    if is_table(first, lines[start + 1]) or lines[index - 1].lstrip().startswith("<"):
        return False
    if not opens_block(first.strip()):
        return True
    return index - 1 > start and indent(header) > indent(first)


def is_table(header: str, separator: str) -> bool:
    """Whether ``header`` and ``separator`` open a table, as the tables extension reads them.
    Two lines that cannot (no pipe in the first, the second not all pipes, colons, dashes
    and spaces) are not handed to it: most lines of a page are neither."""
    if "|" not in header or not set(separator) <= TABLE_SEPARATOR:
        return False
    return TABLES.test(Element("div"), f"{header.strip(' ')}\n{separator.strip(' ')}")


def _is_table_half_width(header: str, separator: str) -> bool:
    """Whether two lines would be a table with their full-width pipes typed half-width."""
    return is_table(header.translate(HALF_WIDTH), separator.translate(HALF_WIDTH))


def _broken_table(page: Page, wrong: Wrong) -> Problem:
    line, column, message, fix = wrong
    return Problem(
        page.source.path,
        line,
        column,
        f"{message}, so the site shows the table as lines of text",
        fix,
        "page.broken-table",
    )


def _glued(rows: Rows) -> Wrong:
    """What is wrong with a table whose first row follows a line of text."""
    (line, header), (_, separator) = rows
    fix = "leave a blank line above the table's first row"
    if "｜" in header + separator:
        fix += ", and type every '｜' of the table half-width, as '|'"
    return (
        line,
        indent(header) + 1,
        "the table's first row follows the line above it with no blank line between",
        fix,
    )


def _what_is_wrong(rows: Rows) -> Wrong:
    """Where the first two rows of a table the site shows as text go wrong (a line and a
    column), what is wrong there, and how to fix it."""
    (first, header), (second, separator) = rows
    cells = len(header.strip().translate(HALF_WIDTH).strip("|").split("|"))
    wanted = "| " + " | ".join(["---"] * cells) + " |"
    if "｜" in header + separator:
        line, typed = (first, header) if "｜" in header else (second, separator)
        fix = "type every '｜' of the table half-width, as '|'"
        if not _is_table_half_width(header, separator):
            fix += f", and put this line under its first row: {wanted}"
        return line, typed.index("｜") + 1, "the table's pipes are typed full-width, '｜'", fix
    if (dash := DASHES.search(separator)) and set(DASHES.sub("-", separator)) <= SEPARATOR_CELLS:
        return (
            second,
            dash.start() + 1,
            "the line under the table's first row is made of dashes, not of '-'",
            f"type it with the '-' key, half-width: {wanted}",
        )
    if (spaced := _odd_space(second, separator, wanted)) is not None:
        return spaced
    column = len(separator) - len(separator.lstrip()) + 1
    if set(separator) <= SEPARATOR_CELLS:
        return (
            second,
            column,
            f"the line under the table's first row does not have its {cells} cells",
            f"give it one '---' for each cell of the first row: {wanted}",
        )
    return (
        second,
        column,
        "the table has no line of '| --- |' under its first row",
        f"put this line under its first row, a '---' for each of its cells: {wanted}",
    )


def _odd_space(line: int, separator: str, wanted: str) -> Wrong | None:
    """What is wrong with the line under a table's first row (``line``) that is right but
    for a full-width or no-break space in it, or at its end, which the tables extension
    does not take for a space."""
    spaced = ODD_SPACE.search(separator)
    if spaced is None or not set(ODD_SPACE.sub(" ", separator)) <= SEPARATOR_CELLS:
        return None
    return (
        line,
        spaced.start() + 1,
        f"the line under the table's first row holds {named_space(spaced[0])}, which the "
        "site does not take for a space",
        f"type its spaces half-width: {wanted}",
    )
