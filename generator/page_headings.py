"""Level-1 headings in a page body, written with '#' or underlined with '=', and the headings
underlined with '-'.

The site shows a page's title (from ``title:``) as its level-1 heading; a second one in
the body would give the page two. A line of '-' right under the first line of a block
makes that line a level-2 heading (:mod:`generator.page_heading_levels` tells of it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import markdown
from markdown.blockprocessors import BlockQuoteProcessor, HRProcessor, ReferenceProcessor
from markdown.extensions.abbr import AbbrBlockprocessor
from markdown.extensions.footnotes import FootnoteBlockProcessor
from markdown.extensions.md_in_html import HTMLExtractorExtra

from generator.errors import Problem
from generator.models import Page
from generator.page_tables import is_table
from generator.page_text import CONTENT_BLOCK, LIST_MARKER, Lines

LEVEL_ONE_HEADING = re.compile(r"^#(?!#)")
"""A level-1 heading as Python-Markdown's ``HashHeaderProcessor`` finds one: a '#' at a
line's start, with a space after it or none (``#标题`` is one too)."""
UNSPACED = " (a '#' starts a heading with no space after it too)"
SHOWN_AS_TEXT = "; to show the '#' as text, write '\\#'"
SETEXT_UNDERLINE = re.compile(r"^( *)(=+|-+) *$")
"""The line of '=' (or '-') under the text of a level-1 (or level-2) heading written
Setext-style."""
LEVEL_ONE_MARKS = frozenset("#=")
"""What makes a line a level-1 heading: '#' before its text, or '=' under it."""
CONTENT_OPENER = re.compile(r" *(?:(?:!!!|\?\?\?\+?|===) |\[\^[^]]*\]: *$)")
"""An admonition, a collapsible one, a tab or a footnote with nothing after its label: its
content may start on the next line."""
CONTAINER = re.compile(rf" *{CONTENT_BLOCK}")
"""Such a block at any depth."""
LIST_ITEM = re.compile(rf" *{LIST_MARKER}")
BLOCK_END = re.compile(r" *(?:#|$)")
"""A line after which a new block starts: a blank one, or a heading."""
SPLITTERS = (AbbrBlockprocessor.RE, ReferenceProcessor.RE, HRProcessor.SEARCH_RE)
"""Lines Python-Markdown takes out of a block wherever they are (an abbreviation, a link
reference, a rule), so that the line after them starts a block of its own."""
QUOTE = BlockQuoteProcessor.RE
"""A line of a blockquote (``> …``); its second group is the line in the quote."""
COMMENT_START = re.compile(r" {0,3}<!--")
"""A comment that Python-Markdown takes out as raw HTML: one that starts a line."""
HTML_BLOCK_TAGS = frozenset(markdown.Markdown().block_level_elements)
CLOSING_TAG = re.compile(r" {0,3}<(?:.*</|/)([a-z][a-z0-9]*)\s*>\s*$", re.IGNORECASE)
"""A line that starts with a tag and ends with an end tag (``</div>``, ``<p>…</p>``)."""
START_TAG_LINE = re.compile(r" {0,3}<[a-z][^<>]*>\s*$", re.IGNORECASE)
"""A line holding a start tag alone."""
START_TAG = re.compile(r" {0,3}<([a-z][a-z0-9]*)[\s/>]", re.IGNORECASE)
"""A line starting with a start tag; its group is the tag's name."""
HTML_EXTRACTOR = HTMLExtractorExtra(markdown.Markdown(extensions=["md_in_html"]))
"""md_in_html's own reader of raw HTML, which tells whether a tag's content is Markdown."""


def level_one_headings(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each level-1 heading of the body: the page's title is its one level-1 heading."""
    found = heading_lines(lines, page.body_line)
    for number in sorted(n for n, mark in found.items() if mark in LEVEL_ONE_MARKS):
        line = lines[number]
        unspaced = line.startswith("#") and line[1:2].strip() != ""
        yield Problem(
            page.source.path,
            number,
            1,
            "level-1 heading in the page body" + (UNSPACED if unspaced else ""),
            "start sections at '##'"
            + (" and a space" if unspaced else "")
            + "; the page title comes from 'title:'"
            + (SHOWN_AS_TEXT if unspaced else ""),
            "page.level-one-heading",
        )


def heading_lines(lines: Lines, first: int) -> dict[int, str]:
    """The level-1 headings of the body ``lines`` (starting at ``first``) and the headings
    underlined with '-', outside raw HTML and tables: by their line's number, the mark that
    makes each a heading, '#' before its text, or the '=' or '-' of the line under it."""
    kept = not_markdown_text(lines)
    found = _heading_lines(lines, first, top=True)
    return {number: mark for number, mark in found.items() if number not in kept}


def _heading_lines(lines: Lines, first: int, top: bool) -> dict[int, str]:
    """The lines of ``lines`` (starting at ``first``) that are level-1 headings or headings
    underlined with '-', in the blockquotes among them too, and their marks; ``top``: they are
    the page's own lines, not a quote's, where raw HTML may stand."""
    found: dict[int, str] = {}
    setext: set[int] = set()  # read in order: the line after one's underline starts a block
    for number, line in lines.items():
        if LEVEL_ONE_HEADING.match(line):
            found[number] = "#"
        elif (underline := _setext_underline(lines, number, first, top, setext)) is not None:
            found[number] = underline
            setext.add(number)
    for quote in _quotes(lines, setext):
        found |= _heading_lines(quote, min(quote), top=False)
    return found


def not_markdown_text(lines: Lines) -> set[int]:
    """The numbers of the lines of ``lines`` that are no heading's, paragraph's or list's
    text, whatever they start with (``#1``, ``1、``): raw HTML, which Python-Markdown passes
    through as it is (a comment that starts a line, to its '-->'; a block element's start
    tag at a line's start, to its end tag, unless its content is Markdown), and a table's
    rows, from the line above its separator line to a blank line."""
    kept: set[int] = set()
    closing: re.Pattern[str] | None = None
    in_table = False
    for number in sorted(lines):
        line = lines[number]
        closing = closing or raw_html_opened(line)
        in_table = bool(line.strip()) and (in_table or is_table(line, lines.get(number + 1, "")))
        if closing is not None or in_table:
            kept.add(number)
        if closing is not None and closing.search(line):
            closing = None
    return kept


def raw_html_opened(line: str) -> re.Pattern[str] | None:
    """What ends the raw HTML ``line`` opens (a comment's '-->', a block element's end tag),
    or None for a line that opens none."""
    if COMMENT_START.match(line):
        return re.compile("-->")
    start = START_TAG.match(line)
    if start is None or start.group(1).lower() not in HTML_BLOCK_TAGS:
        return None
    if _opens_markdown_block(line):
        return None
    return re.compile(rf"</{start.group(1)}\s*>", re.IGNORECASE)


def _setext_underline(
    lines: Lines, number: int, first: int, top: bool, above: set[int]
) -> str | None:
    """The mark, '=' or '-', of the line under line ``number`` if that makes it a heading's
    text (a level-1 one, or a level-2 one); else None.

    Python-Markdown reads one from the first line of a block, at the top level or in the
    content of a list item, an admonition or a tab (indented four spaces a level, as the
    '=' line must be); indented four spaces more, the lines are code instead. It reads on
    from the line after the '=' line as a new block, at the same indent: ``above`` holds
    the lines above ``number`` found to be such headings. A note box, a tab or a footnote
    opened on the line is no heading's text.
    """
    underline = SETEXT_UNDERLINE.match(lines.get(number + 1, ""))
    text = lines[number]
    if underline is None or not text.strip() or text.lstrip().startswith("#"):
        return None
    if CONTENT_OPENER.match(text):
        return None
    indent = len(underline.group(1))
    heading = (
        indent <= _indent(text) < indent + 4
        and (
            _starts_block(lines, number, first, indent, top)
            or (number - 2 in above and _indent(lines[number - 1]) == indent)
        )
        and _in_content(lines, number, indent)
    )
    return underline.group(2)[0] if heading else None


def _starts_block(lines: Lines, number: int, first: int, indent: int, top: bool) -> bool:
    """Whether line ``number`` is the first of a block: the body's first line, after a blank
    line, a heading, an abbreviation, a link reference or a rule, or the first of an
    admonition, a tab or a footnote opened above it; at the top level, after a comment or
    other raw HTML too. After a fenced code block (left out of ``lines``) the line continues
    a paragraph."""
    before = lines.get(number - 1, "" if number == first else None)
    if before is None:
        return False
    return (
        BLOCK_END.match(before) is not None
        or (CONTENT_OPENER.match(before) is not None and _indent(before) == indent - 4)
        or _splits_block(lines, number - 1, indent)
        or (top and indent == 0 and _ends_raw_html(lines, number - 1))
    )


def _splits_block(lines: Lines, number: int, indent: int) -> bool:
    """Whether line ``number``, in content indented ``indent``, is one of :data:`SPLITTERS`
    (a footnote is none: the lines after it are its text)."""
    line = lines[number]
    if line[:indent].strip() or _in_item_text(lines, number, indent):
        return False
    content = line[indent:]
    return not FootnoteBlockProcessor.RE.match(content) and any(
        pattern.match(content) for pattern in SPLITTERS
    )


def _ends_raw_html(lines: Lines, number: int) -> bool:
    """Whether line ``number`` ends what Python-Markdown takes out of the page as raw HTML: a
    comment that starts a line, a block element's end tag, or a start tag whose content is
    Markdown (``<div markdown>``), which starts anew inside it."""
    line = lines[number]
    closing = CLOSING_TAG.match(line)
    if closing is not None:
        return closing.group(1).lower() in HTML_BLOCK_TAGS
    if line.rstrip().endswith("-->"):
        return _closes_comment(lines, number)
    return _opens_markdown_block(line)


def _closes_comment(lines: Lines, number: int) -> bool:
    """Whether the first '-->' after the nearest '<!--' at or above line ``number`` ends that
    line, and that '<!--' starts its line."""
    opening = next(
        (above for above in range(number, min(lines) - 1, -1) if "<!--" in lines.get(above, "")),
        None,
    )
    if opening is None or not COMMENT_START.match(lines[opening]):
        return False
    comment = "\n".join(lines.get(line, "") for line in range(opening, number + 1)).rstrip()
    return comment.find("-->", comment.find("<!--") + 4) == len(comment) - 3


def _opens_markdown_block(line: str) -> bool:
    """Whether ``line`` is a start tag alone, at the start of the line, of an element md_in_html
    reads the content of as blocks of Markdown."""
    if not START_TAG_LINE.match(line):
        return False
    start = _StartTag(line)
    state = HTML_EXTRACTOR.get_state(start.tag, start.attrs)
    return start.tag in HTML_BLOCK_TAGS and state == "block"


class _StartTag(HTMLParser):
    """The first start tag of a line: its name and attributes (one without a value, such as
    ``markdown``, has its name as value, as md_in_html reads it)."""

    def __init__(self, line: str) -> None:
        super().__init__()
        self.tag = ""
        self.attrs: dict[str, str] = {}
        self.feed(line)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.tag:
            self.tag = tag
            self.attrs = {name: name if value is None else value for name, value in attrs}


def _quotes(lines: Lines, setext: set[int]) -> Iterator[Lines]:
    """The content of each blockquote among ``lines`` (at the top level or in a block's
    content), its marks taken off as Python-Markdown takes them: from the first line that
    starts with '>', or a list item's first line whose text does, to the end of its block,
    lines without '>' (lazy ones) included. ``setext``: the lines of ``lines`` that are
    headings underlined with '='."""
    quote: Lines = {}
    indent = 0
    for number, line in lines.items():
        if quote and not (number - 1 in quote and line.strip() and not line[:indent].strip()):
            yield quote
            quote = {}
        if not quote:
            indent = _indent(line) // 4 * 4
            opened = _quote_opened(lines, number, indent, setext)
            if opened is not None and _in_blocks(lines, number, indent):
                quote[number] = opened
            continue
        marked = QUOTE.match(line[indent:])
        quote[number] = marked.group(2) if marked else line[indent:]
    if quote:
        yield quote


def _quote_opened(lines: Lines, number: int, indent: int, setext: set[int]) -> str | None:
    """The first line of the quote that line ``number``, at ``indent``, opens, its marks taken
    off: a line that starts with '>', or a list item's first line whose text does
    (``- > 标题``); else None. A list starts only a block: a marker under a paragraph's line
    is more of its text."""
    line = lines[number][indent:]
    if ">" not in line:
        return None
    item = LIST_ITEM.match(line)
    marked = QUOTE.match(line[item.end() :] if item else line)
    if marked is None or (item is not None and not _in_list(lines, number, indent, setext)):
        return None
    return marked.group(2)


def _in_list(lines: Lines, number: int, indent: int, setext: set[int]) -> bool:
    """Whether the block that holds line ``number`` starts with a list item at ``indent``:
    a block ends at a blank line, a heading (the '=' line of one of ``setext`` too) and a
    rule (Python-Markdown reads no list after an abbreviation or a link reference)."""
    start = number
    while (before := lines.get(start - 1)) is not None and not (
        start - 2 in setext or _ends_block(before[indent:])
    ):
        start -= 1
    return LIST_ITEM.match(lines[start][indent:]) is not None


def _ends_block(line: str) -> bool:
    return BLOCK_END.match(line) is not None or HRProcessor.SEARCH_RE.match(line) is not None


def _in_blocks(lines: Lines, number: int, indent: int) -> bool:
    """Whether line ``number``, at ``indent``, is read as blocks: in content (not code), and
    not in the text of a list item that goes on from its first line without a blank line,
    which Python-Markdown reads as that text's lines whatever they hold."""
    return _in_content(lines, number, indent) and not _in_item_text(lines, number, indent)


def _in_item_text(lines: Lines, number: int, indent: int) -> bool:
    """Whether line ``number``, at ``indent``, goes on the first line of a list item above it
    with no blank line between."""
    for above in range(number - 1, min(lines) - 1, -1):
        line = lines.get(above, "")
        if not line.strip():
            return False
        if _indent(line) < indent:
            return LIST_ITEM.match(line) is not None
    return False


def _in_content(lines: Lines, number: int, indent: int) -> bool:
    """Whether line ``number``, at ``indent``, is at the top level or in the content of a
    block that is (not code)."""
    if indent == 0:
        return True
    owner = _owner(lines, number, indent)
    return (
        owner is not None
        and CONTAINER.match(lines[owner]) is not None
        and _indent(lines[owner]) == indent - 4
        and _in_content(lines, owner, indent - 4)
    )


def _owner(lines: Lines, number: int, indent: int) -> int | None:
    """The number of the nearest line above ``number`` indented less than ``indent``."""
    return next(
        (
            above
            for above in range(number - 1, min(lines) - 1, -1)
            if (line := lines.get(above)) and line.strip() and _indent(line) < indent
        ),
        None,
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
