"""Tables that the site shows as lines of text.

A pipe table needs a line of ``| --- |`` cells under its first row, as many as that row
has, and its pipes half-width. A Chinese keyboard types them full-width (｜), and the line
under the first row in dashes (``| —— |``); a table copied from elsewhere may have no
such line at all. The site then shows the rows as a paragraph of text. Whether two rows
make a table is decided by the tables extension's own test, so the check agrees with the
site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions.tables import TableProcessor

from generator.errors import Problem
from generator.models import Page

TABLES = TableProcessor(markdown.Markdown().parser, {"use_align_attribute": False})
"""The tables extension's reader, which tells whether a block opens a table."""
ROW = re.compile(r" *[|｜]")
"""How a row meant for a table starts."""
DASHES = re.compile(r"[—–－─━ー]")
"""Dashes and lines a Chinese keyboard types for '-'."""
SEPARATOR_CELLS = frozenset("|｜:：- ")
"""What the line under a table's first row is made of, besides dashes."""
HALF_WIDTH = str.maketrans({"｜": "|", "：": ":"})
Rows = tuple[tuple[int, str], tuple[int, str]]
"""A table's first two rows: their line numbers and lines."""


def broken_tables(page: Page, text: str) -> Iterator[Problem]:
    """Each table of ``text`` (the body, code left as empty lines) that the site shows as
    text: two rows that start with a pipe, at the start of a block, that are no table."""
    lines = text.splitlines()
    for index, line in enumerate(lines[:-1]):
        above = lines[index - 1].strip() if index else ""
        if (above and not above.startswith("#")) or not ROW.match(line):
            continue
        if not ROW.match(lines[index + 1]) or _is_table(line, lines[index + 1]):
            continue
        first = page.body_line + index
        yield _broken_table(page, ((first, line), (first + 1, lines[index + 1])))


def _is_table(header: str, separator: str) -> bool:
    return TABLES.test(Element("div"), f"{header.strip(' ')}\n{separator.strip(' ')}")


def _broken_table(page: Page, rows: Rows) -> Problem:
    line, column, message, fix = _what_is_wrong(rows)
    return Problem(
        page.source.path,
        line,
        column,
        f"{message}, so the site shows the table as lines of text",
        fix,
        "page.broken-table",
    )


def _what_is_wrong(rows: Rows) -> tuple[int, int, str, str]:
    """Where the first two rows of a table the site shows as text go wrong (a line and a
    column), what is wrong there, and how to fix it."""
    (first, header), (second, separator) = rows
    cells = len(header.strip().translate(HALF_WIDTH).strip("|").split("|"))
    wanted = "| " + " | ".join(["---"] * cells) + " |"
    if "｜" in header + separator:
        line, typed = (first, header) if "｜" in header else (second, separator)
        fix = "type every '｜' of the table half-width, as '|'"
        if not _is_table(header.translate(HALF_WIDTH), separator.translate(HALF_WIDTH)):
            fix += f", and put this line under its first row: {wanted}"
        return line, typed.index("｜") + 1, "the table's pipes are typed full-width, '｜'", fix
    if (dash := DASHES.search(separator)) and set(DASHES.sub("-", separator)) <= SEPARATOR_CELLS:
        return (
            second,
            dash.start() + 1,
            "the line under the table's first row is made of dashes, not of '-'",
            f"type it with the '-' key, half-width: {wanted}",
        )
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
