"""Numbers kept on the line of the Chinese beside them.

Trainers write a space between a number and Chinese (``传给 10 人``, ``差距 3``, ``80% 的客户``),
as Chinese set with Western digits usually is. A browser may break the line at such a
space, and on a phone it often does: ``传给 10`` ends a line and ``人`` starts the next.
Written as a no-break space, it looks the same and never breaks. Every text the generator
writes gets it: a page's Markdown outside code (:func:`body_with_numbers_kept`), and each
text a template writes (:func:`keep_numbers`, the templates' ``finalize``); the templates'
own words have ``&nbsp;`` written in. Heading ids do not change: the id of a heading
without one of its own is made from its text with a no-break space read as a space.

In a page's Markdown only the text the page shows gets it. A name is left as written: a
picture ``images/图 1 流程.png`` is the file of that name, and with no-break spaces the
site's picture, link or snippet named a file that is not there. So are left alone a link's
or picture's ``(address "title")``, whole HTML tags (their attributes, ``alt`` and
``title`` too), the content of ``<pre>``, ``<code>``, ``<kbd>``, ``<samp>``, ``<script>``
and ``<style>``, comments, autolinks and the lines that name snippets (pymdownx.snippets).
A reference-style link's definition (``[id]: images/图1.png``) needs nothing: its address
holds no space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown.inlinepatterns import AUTOLINK_RE, HTML_RE, LINK_RE, LinkInlineProcessor
from pymdownx.snippets import SnippetPreprocessor

from generator.models import Page
from generator.page_scan import UNSHOWN_TEXT
from generator.page_text import blanked, indented_code, searchable_lines

NO_BREAK_SPACE = "\u00a0"
NUMBER_SPACE = re.compile(r"(?<=[0-9%]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=[0-9])")
"""A space between a number (or a percentage) and a Chinese character, either way round."""
AS_WRITTEN = sorted(UNSHOWN_TEXT | {"code", "kbd", "samp"})
"""Elements whose text is not the page's own, or is code, keys or a program's output, which
a learner may copy: a no-break space pasted into a terminal or a form is no space."""
MARKUP = re.compile(
    rf"<({'|'.join(AS_WRITTEN)})\b.*?</\1\s*>|{AUTOLINK_RE}|{HTML_RE}",
    re.IGNORECASE | re.DOTALL,
)
"""An element whose text is kept as written (with its tags), an autolink, or an HTML tag,
comment, processing instruction or CDATA section as Python-Markdown finds one."""
LINK_ADDRESS = "]("
"""What comes before a link's or picture's ``(address "title")``."""


class _LinkAddresses(LinkInlineProcessor):
    """Python-Markdown's own reading of a link's ``(address "title")``, for where it ends
    (an address in angle brackets, or one with spaces or brackets in it)."""

    def unescape(self, text: str) -> str:
        return text  # no inline markup is set aside here: the text is as written


LINK_ADDRESSES = _LinkAddresses(LINK_RE)


def keep_numbers(text: str) -> str:
    """``text`` with each space between a number and a Chinese character made no-break."""
    return NUMBER_SPACE.sub(NO_BREAK_SPACE, text)


def body_with_numbers_kept(page: Page) -> str:
    """``page``'s body with :func:`keep_numbers` applied to the text it shows: code blocks
    (fenced or indented) and code spans keep their spaces, which a reader may copy, and so
    does what names a file or is HTML (see the module's docstring)."""
    kept = list(page.body)
    for found in NUMBER_SPACE.finditer(_shown_text(page)):
        kept[found.start()] = NO_BREAK_SPACE
    return "".join(kept)


def _shown_text(page: Page) -> str:
    """``page``'s body with all but the text it shows blanked, column for column."""
    lines = page.body.splitlines(keepends=True)  # as searchable_lines numbers them
    outside_code = searchable_lines(page)  # code spans blanked, fenced code left out
    numbers = range(page.body_line, page.body_line + len(lines))
    left_alone = indented_code(outside_code, page) | _snippet_lines(lines, numbers)
    shown = (
        _without_link_addresses(outside_code[number]) + line[len(outside_code[number]) :]
        if number in outside_code and number not in left_alone
        else blanked(line)
        for number, line in zip(numbers, lines, strict=True)
    )
    return MARKUP.sub(lambda found: blanked(found[0]), "".join(shown))


def _without_link_addresses(line: str) -> str:
    """``line`` with each link's and picture's ``(address "title")`` blanked."""
    start = line.find(LINK_ADDRESS)
    while start >= 0:
        opening = start + 1
        _, _, end, handled = LINK_ADDRESSES.getLink(line, opening)
        if handled:
            line = line[:opening] + blanked(line[opening:end]) + line[end:]
        start = line.find(LINK_ADDRESS, opening)
    return line


def _snippet_lines(lines: list[str], numbers: Iterable[int]) -> set[int]:
    """The numbers of the lines that name files for the snippets extension to read in, as
    it reads them (in code too): ``--8<-- "第 2 步.md"``, and the lines of a block between
    two ``--8<--``."""
    found: set[int] = set()
    in_block = False
    for number, line in zip(numbers, lines, strict=True):
        marker = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line.rstrip("\r\n"))
        if marker is not None and not marker["escape"]:
            found.add(number)
            in_block ^= marker["block_marker"] is not None
        elif in_block:
            found.add(number)
    return found
