"""Markdown written inside a block of raw HTML, which the site shows as written.

Python-Markdown passes a block of HTML through as it is: between ``<details>`` and
``</details>``, ``**参考答案**`` shows with its stars and ``[复习](03-explore.md)`` with its
brackets, and ``check`` said OK. The ``markdown`` attribute on the start tag
(``<details markdown>``, md_in_html) has the site read the block's content as Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_headings import START_TAG, raw_html_opened
from generator.page_text import Lines, blanked
from generator.yaml_lines import echoed

INLINE_MARKDOWN = re.compile(r"\*\*[^*\s][^*\n]*?\*\*|!?\[[^\]\n]+\]\([^)\s]+\)")
"""Bold text, a link or a picture, as Markdown writes them."""
BLOCK_MARKDOWN = re.compile(r" {0,3}(?:#{1,6} |[-*+] |\d+\. )\S")
"""A heading or a list's item, as Markdown starts the line."""
VOID = frozenset({"hr", "br", "img", "input", "wbr", "col", "area", "embed", "source", "track"})
"""Elements with no end tag, which hold nothing."""
AS_WRITTEN = frozenset({"pre", "script", "style", "textarea"})
"""Blocks whose text shows as written by design, Markdown or not."""
NOT_SHOWN_AS_TEXT = re.compile(
    r"<!--.*?-->|<(code|samp|kbd|var|pre|textarea|script|style)\b[^>]*>.*?</\1\s*>|<[^<>]*>",
    re.IGNORECASE,
)
"""What a line of a block of HTML holds that is not its text for Markdown to have been
meant in: a comment, code and the like, shown as written on purpose, and a tag."""
MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\b", re.IGNORECASE)
"""The attribute that has the site read a block's content as Markdown, on one line with
it too (``<p markdown>详见[复习](03-explore.md)。</p>``)."""


def markdown_in_raw_html(page: Page, lines: Lines) -> Iterator[Problem]:
    """The first Markdown in each block of raw HTML of ``page`` (``lines``: its lines, code
    left empty) whose start tag does not have its content read as Markdown. A block meant
    to show its text as written (``<pre>``, ``<textarea>``, a script's data) is left
    alone, as are code, comments and the tags' attributes within a block; and a block never
    closed, which swallows the page after it, is told as such (``page.unclosed-html``)."""
    opened: tuple[int, re.Pattern[str], bool] | None = None  # start, its end, as written
    found: Problem | None = None  # the block's first Markdown, told once the block ends
    in_comment = False
    for number in sorted(lines):
        line = lines[number]
        if opened is None and (closing := raw_html_opened(line)) is not None:
            start = START_TAG.match(line)
            read = MARKDOWN_ATTRIBUTE.search(line.partition(">")[0])
            if start is not None and not read and start.group(1).lower() not in VOID:
                opened = (number, closing, start.group(1).lower() in AS_WRITTEN)
        if opened is None:
            continue
        shown, in_comment = _shown_text(line, in_comment)
        markdown = INLINE_MARKDOWN.search(shown) or BLOCK_MARKDOWN.match(shown)
        if markdown is not None and found is None and not opened[2]:
            found = _markdown_shown(page, (number, markdown), lines[opened[0]])
        if opened[1].search(line):
            if found is not None:
                yield found
            opened, found, in_comment = None, None, False


def _shown_text(line: str, in_comment: bool) -> tuple[str, bool]:
    """``line`` of a block of HTML with what the page does not show as text blanked (a
    comment, code, the tags and their attributes), and whether a comment goes on past it."""
    if in_comment:
        end = line.find("-->")
        if end < 0:
            return blanked(line), True
        line = blanked(line[: end + 3]) + line[end + 3 :]
    opened_comment = re.search(r"<!--(?!.*-->)", line)
    if opened_comment is not None:
        line = line[: opened_comment.start()] + blanked(line[opened_comment.start() :])
    return NOT_SHOWN_AS_TEXT.sub(lambda found: blanked(found[0]), line), opened_comment is not None


def _markdown_shown(page: Page, found: tuple[int, re.Match[str]], start_line: str) -> Problem:
    number, markdown = found
    start = START_TAG.match(start_line)
    assert start is not None
    tag, written = start.group(1), start_line.strip().partition(">")[0].rstrip(" /")
    quoted = markdown.group(0) if markdown.re is INLINE_MARKDOWN else markdown.string
    return Problem(
        page.source.path,
        number,
        markdown.start() + 1,
        f"'{echoed(quoted.strip())}' is Markdown inside a block of HTML (<{tag}>), which "
        "the site shows as written",
        "add markdown to the block's start tag, so that the site reads what it holds as "
        f"Markdown: {written} markdown>",
        "page.markdown-in-html",
    )
