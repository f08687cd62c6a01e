"""What a page body must not hold for the site's Markdown converter to read it in time.

Python-Markdown and Python's HTML parser read on from some characters to the one that ends
them, and start again from the next: each '<' that opens no tag is read on to the next
'>', each '[' to its ']' and each '(' of a link to its ')'. A page with thousands of them
takes minutes (16,000 ``a <b`` in a paragraph, half a minute; 20,000 nested '[', as long).
Python-Markdown also writes the whole text of a paragraph again for each piece of inline
markup it finds there (an entity such as ``&amp;``, an emphasis mark, a code span, an escape,
a tag, a link), and each costs it some time besides: 100,000 ``&amp;`` in a paragraph take
half a minute, 200,000 ``*a*`` on a page minutes. And after each heading, rule,
abbreviation, tab or definition it takes from a block (lines with no blank line between
them), it reads all the rest of the block again: 10,000 lines of ``- `` take eight seconds,
4,000 abbreviations (``*[a]: b``) as long; and each code block costs it time (40,000, half a
minute). Its attribute lists look for a closing ``{...}`` after each space of a heading, a
table cell or a definition term, reading on to the end of each run of spaces: a heading with
100,000 spaces between two words takes three seconds, 300,000 half a minute. These checks
cost one pass over the text and run before the page is converted; a
page over a limit is reported at its first offending line and not converted or checked
further. The limits are far above what a course page holds (the course has no stray '<',
brackets one deep, at most 80 pieces of inline markup in a paragraph and 228 on a page, at
most 386 lines on a page and two pieces taken one at a time in a block), and keep the
worst a page of the largest size the project reads (1 MB) can cost to a few seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_nesting import nested_too_deep, opening_depths
from generator.page_scan import MAX_NESTING
from generator.page_tables import is_table
from generator.page_text import LIST_MARKER, Lines, body_lines

MAX_STRAY_TAG_STARTS = 20
"""'<' that open no tag (no '>' before the next '<') a page may hold."""
MAX_BRACKET_DEPTH = 20
"""How deep '[' or '(' may nest in one paragraph."""
TAG_START = re.compile(r"<[A-Za-z/!?]")
ANGLE_BRACKET = re.compile(r"[<>]")
STRAY = re.compile(r"<[A-Za-z/!?][^<>]*(?=<|\Z)")
"""A '<' that starts a tag and is followed by another '<' before any '>', or by neither:
what :func:`_strays` finds one at a time, with its place."""
BRACKET = re.compile(r"\\.|[][()]")
CLOSING = {"]": "[", ")": "("}
MAX_PARAGRAPH_MARKUP = 2_000
"""Pieces of inline markup a paragraph may hold: each costs a pass over the paragraph."""
MAX_PAGE_MARKUP = 20_000
"""Pieces of inline markup a page may hold."""
INLINE_MARKUP = re.compile(r"&#?\w+;|\\.|`+|\*+|_+|<|\[| {2,}$")
"""What may start a piece of inline markup, counted generously: an entity, an escape, a
code span's or an emphasis's marks, a tag, a link, a line break."""
MARKUP_STARTS = "&\\`*_<["
"""The characters the pieces but a line break start with."""
LIST_ITEM = re.compile(rf"( *){LIST_MARKER}")
"""The start of a list item, and its indent."""
MAX_PAGE_LINES = 3_000
"""Lines a page body may have, code included."""
MAX_BLOCK_PIECES = 200
"""Lines a block (lines with no blank line between them, code included) may have that
Python-Markdown takes out of it one at a time."""
PIECE = re.compile(
    r"[ \t>]*(?:#|[=-]+[ \t]*$|([*_-])(?:[ \t]*\1){2,}[ \t]*$|\*\[|===|\?\?\?|!!!|:[ \t]|```|~~~)"
)
"""A line Python-Markdown takes out of its block on its own, counted generously, in a list or a
quote too: a heading, a line of '-' or '=' (the underline of the line above, which makes
that a heading), a rule, an abbreviation, a definition, a tab, a collapsible block, an
admonition, a fence."""
PIECE_LINES = re.compile(f"^{PIECE.pattern}", re.MULTILINE)
MAX_SPACE_RUN = 1_000
"""How wide (a tab counted as four spaces) a run of spaces between two words may be."""
SPACE_RUN = re.compile(rf"(?<=[^ \t\n])[ \t]{{{MAX_SPACE_RUN // 4},}}(?=[^ \t\n])")
"""A run of spaces and tabs between two words that may be too wide: each start is tried only
after a word, so the search costs one pass."""


def costly_markup(page: Page, lines: Lines) -> Problem | None:
    """The first reason converting ``page`` (whose ``lines`` outside code the page checks
    read) would take too long, if there is one.

    Each check first counts over the whole body what it looks for, which bounds what it
    could find (``lines`` only blank code spans out of the body): a page far within the
    limits, as course pages are, is passed without reading it line by line."""
    return (
        _too_many_lines(page)
        or _many_pieces(page)
        or _stray_tag_starts(page, lines)
        or _deep_brackets(page, lines)
        or _deep_blocks(page, lines)
        or _much_markup(page)
        or _wide_space_run(page)
    )


def _line_count(page: Page) -> int:
    return len(page.body.splitlines())


def _may_have_many_pieces(page: Page) -> bool:
    pieces = PIECE_LINES.findall("\n".join(page.body.splitlines()))
    return len(pieces) > MAX_BLOCK_PIECES


def _may_have_strays(lines: Lines) -> bool:
    return len(STRAY.findall("\n".join(lines.values()))) > MAX_STRAY_TAG_STARTS


def _may_nest_deep(page: Page) -> bool:
    return max(page.body.count("["), page.body.count("(")) > MAX_BRACKET_DEPTH


def _may_nest_blocks_deep(lines: Lines) -> bool:
    return DEEP_OPENING.search("\n".join(lines.values())) is not None


def _may_hold_much_markup(page: Page) -> bool:
    starts = sum(page.body.count(character) for character in MARKUP_STARTS)
    return starts + len(page.body.splitlines()) > MAX_PARAGRAPH_MARKUP  # a line break a line


def _may_have_wide_space_runs(page: Page) -> bool:
    return SPACE_RUN.search(page.body) is not None


def _too_many_lines(page: Page) -> Problem | None:
    lines = _line_count(page)
    if lines <= MAX_PAGE_LINES:
        return None
    return Problem(
        page.source.path,
        page.body_line + MAX_PAGE_LINES,
        1,
        f"the page has {lines:,} lines, more than the {MAX_PAGE_LINES:,} a page may have "
        "(this is the first line over): a course page needs far fewer, and some kinds of "
        "line (list items, headings, code blocks) take the site's Markdown converter "
        "seconds to minutes by the thousand",
        "split the page into shorter pages",
        "page.too-many-lines",
    )


def _many_pieces(page: Page) -> Problem | None:
    """The first block with more than :data:`MAX_BLOCK_PIECES` pieces (:data:`PIECE`). A
    blank line is one that holds only spaces and tabs, as Python-Markdown reads it."""
    if not _may_have_many_pieces(page):
        return None
    block_line, pieces = page.body_line, 0
    for number, line in enumerate(page.body.splitlines(), page.body_line):
        if not line.strip(" \t"):
            block_line, pieces = number + 1, 0
        elif PIECE.match(line):
            pieces += 1
            if pieces > MAX_BLOCK_PIECES:
                return _too_many_pieces(page, block_line)
    return None


def _too_many_pieces(page: Page, block_line: int) -> Problem:
    return Problem(
        page.source.path,
        block_line,
        1,
        f"this block (lines with no blank line between them) has more than "
        f"{MAX_BLOCK_PIECES:,} lines that the site's Markdown converter takes out of it one at "
        "a time, reading the rest of the block again after each, which takes minutes: "
        "headings, lines of '-' or '=' (an empty list item '- ' too), rules, abbreviations, "
        "definitions, tabs, admonitions, fences",
        "put a blank line after each of them, or delete the empty list items and stray lines "
        "of '-'",
        "page.block-pieces",
    )


def _stray_tag_starts(page: Page, lines: Lines) -> Problem | None:
    if not _may_have_strays(lines):
        return None
    strays = list(_strays(lines))
    if len(strays) <= MAX_STRAY_TAG_STARTS:
        return None
    line, column = strays[0]
    return Problem(
        page.source.path,
        line,
        column,
        f"{len(strays)} '<' on this page open no tag (no '>' before the next '<'; a page may "
        f"have {MAX_STRAY_TAG_STARTS}), the first here: the site's Markdown converter reads on "
        "from each to the next '>', which takes minutes when they are many",
        "write '&lt;' for a '<' that is text, or end each tag with '>'",
        "page.stray-tag-starts",
    )


def _strays(lines: Lines) -> Iterator[tuple[int, int]]:
    """Where a '<' that starts a tag is followed by another '<' before any '>', or by
    neither."""
    pending: tuple[int, int] | None = None
    for number, line in lines.items():
        for found in ANGLE_BRACKET.finditer(line):
            if found.group() == "<" and pending is not None:
                yield pending
            pending = None
            if TAG_START.match(line, found.start()):
                pending = (number, found.start() + 1)
    if pending is not None:
        yield pending


def _deep_brackets(page: Page, lines: Lines) -> Problem | None:
    """The first place where '[' or '(' nests deeper than the limit in one paragraph."""
    if not _may_nest_deep(page):
        return None
    depth = {"[": 0, "(": 0}
    for number, line in lines.items():
        if not line.strip():
            depth = {"[": 0, "(": 0}  # a blank line ends the paragraph
        for found in BRACKET.finditer(line):
            bracket = found.group()
            if bracket in depth:
                depth[bracket] += 1
                if depth[bracket] > MAX_BRACKET_DEPTH:
                    return _too_deep(page, number, found.start() + 1, bracket)
            elif bracket in CLOSING:
                depth[CLOSING[bracket]] = max(depth[CLOSING[bracket]] - 1, 0)
    return None


def _too_deep(page: Page, line: int, column: int, bracket: str) -> Problem:
    closing = next(end for end, start in CLOSING.items() if start == bracket)
    return Problem(
        page.source.path,
        line,
        column,
        f"'{bracket}' nests more than {MAX_BRACKET_DEPTH} deep in this paragraph: the site's "
        f"Markdown converter reads on from each '{bracket}' to its '{closing}', which takes "
        "minutes when they are many",
        f"write '\\{bracket}' for a '{bracket}' that is text, or close each with '{closing}'",
        "page.bracket-depth",
    )


def _much_markup(page: Page) -> Problem | None:
    """The first paragraph, table row or list item with more inline markup than a paragraph
    may hold, or that brings the page's over what a page may hold. Code spans count: the
    lines are read unblanked."""
    if not _may_hold_much_markup(page):
        return None
    in_page = in_paragraph = 0
    paragraph_line = page.body_line
    for number, line in _paragraph_starts(page):
        if number:
            in_paragraph = 0
            paragraph_line = number
        found = len(INLINE_MARKUP.findall(line))
        in_paragraph += found
        in_page += found
        if in_paragraph > MAX_PARAGRAPH_MARKUP:
            where = f"this paragraph holds more than {MAX_PARAGRAPH_MARKUP:,}"
            return _too_much_markup(page, paragraph_line, where)
        if in_page > MAX_PAGE_MARKUP:
            where = f"with this paragraph the page holds more than {MAX_PAGE_MARKUP:,}"
            return _too_much_markup(page, paragraph_line, where)
    return None


def _paragraph_starts(page: Page) -> Iterator[tuple[int, str]]:
    """The body's lines outside fenced code, each with its line number if Python-Markdown
    converts the inline markup from there on its own (0 if not): a paragraph's first line,
    each row of a table (a cell at a time) and each item of a list (nested items are
    counted with theirs)."""
    block: list[str] = []  # the paragraph's first two lines
    list_indent: str | None = None  # the indent of its items, if it is a list
    table = False  # whether those two lines open a table (told once per paragraph)
    for number, line in body_lines(page):
        if not line.strip():
            block = []
            continue
        item = LIST_ITEM.match(line)
        if not block:
            list_indent = None if item is None else item.group(1)
        if len(block) < 2:
            block.append(line)
            table = len(block) == 2 and is_table(*block)
        new_item = item is not None and item.group(1) == list_indent
        starts = len(block) == 1 or table or new_item
        yield (number if starts else 0), line


def _too_much_markup(page: Page, line: int, where: str) -> Problem:
    return Problem(
        page.source.path,
        line,
        1,
        f"{where} pieces of inline markup (entities such as '&amp;', '*', '`', '\\', '<', "
        "'['): the site's Markdown converter takes minutes over so many",
        "write the characters themselves instead of entities, leave out markup that does "
        "nothing, or split the text into shorter paragraphs or pages",
        "page.inline-markup",
    )


def _wide_space_run(page: Page) -> Problem | None:
    """The first run of spaces between two words wider than :data:`MAX_SPACE_RUN`, in code
    too (counted generously)."""
    if not _may_have_wide_space_runs(page):
        return None
    for number, line in enumerate(page.body.splitlines(), page.body_line):
        for run in SPACE_RUN.finditer(line):
            width = len(run.group().replace("\t", "    "))
            if width > MAX_SPACE_RUN:
                return _too_wide(page, number, run.start() + 1, width)
    return None


def _too_wide(page: Page, line: int, column: int, width: int) -> Problem:
    return Problem(
        page.source.path,
        line,
        column,
        f"{width:,} spaces in a row between two words here (a tab counts as four), more than "
        f"the {MAX_SPACE_RUN:,} a page may have: in a heading, a table cell or a definition "
        "term the site's Markdown converter takes time growing with the square of their "
        "number (100,000 take three seconds, 300,000 half a minute)",
        "leave one space between the words: the page lays out the text itself",
        "page.space-run",
    )


DEEP_OPENING = re.compile(rf"^[ \t>*+\-\d.)]{{{MAX_NESTING + 1},}}", re.MULTILINE)
"""A line that opens with enough quote marks, list markers and spaces to nest deeper than
:data:`MAX_NESTING`."""


def _deep_blocks(page: Page, lines: Lines) -> Problem | None:
    """The page's nesting (:func:`nested_too_deep`) if the quote marks and list markers its
    lines open with nest one deeper than :data:`MAX_NESTING` alone. Python-Markdown reads a
    nested block's lines again at each level: 1,000 lines of '>', each with one more than the
    last, took it 20 seconds to find the page too deep, 700 lines of ``- x`` each indented a
    level more, as long."""
    if _may_nest_blocks_deep(lines) and max(opening_depths(lines), default=0) > MAX_NESTING:
        return nested_too_deep(page, lines)
    return None
