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
from generator.page_text import Lines
from generator.yaml_lines import echoed

INLINE_MARKDOWN = re.compile(r"\*\*[^*\s][^*\n]*?\*\*|!?\[[^\]\n]+\]\([^)\s]+\)")
"""Bold text, a link or a picture, as Markdown writes them."""
BLOCK_MARKDOWN = re.compile(r" {0,3}(?:#{1,6} |[-*+] |\d+\. )\S")
"""A heading or a list's item, as Markdown starts the line."""
MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\b", re.IGNORECASE)
"""The attribute that has the site read a block's content as Markdown, on one line with
it too (``<p markdown>详见[复习](03-explore.md)。</p>``)."""


def markdown_in_raw_html(page: Page, lines: Lines) -> Iterator[Problem]:
    """The first Markdown in each block of raw HTML of ``page`` (``lines``: its lines, code
    left empty) whose start tag does not have its content read as Markdown."""
    opened: tuple[int, re.Pattern[str]] | None = None
    for number in sorted(lines):
        line = lines[number]
        if opened is None and (closing := raw_html_opened(line)) is not None:
            read = MARKDOWN_ATTRIBUTE.search(line.partition(">")[0])
            opened = (number, closing) if START_TAG.match(line) and not read else None
        if opened is None:
            continue
        found = INLINE_MARKDOWN.search(line) or BLOCK_MARKDOWN.match(line)
        if found is not None:
            yield _markdown_shown(page, (number, found), lines[opened[0]])
            opened = None
        elif opened[1].search(line):
            opened = None


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
