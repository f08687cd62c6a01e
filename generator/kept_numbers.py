"""Numbers kept on the line of the Chinese beside them.

Trainers write a space between a number and Chinese (``传给 10 人``, ``差距 3``, ``80% 的客户``),
as Chinese set with Western digits usually is. A browser may break the line at such a
space, and on a phone it often does: ``传给 10`` ends a line and ``人`` starts the next.
Written as a no-break space, it looks the same and never breaks. Every text the generator
writes gets it: a page's Markdown outside code (:func:`body_with_numbers_kept`), and each
text a template writes (:func:`keep_numbers`, the templates' ``finalize``); the templates'
own words have ``&nbsp;`` written in. Heading ids do not change: the id of a heading
without one of its own is made from its text with a no-break space read as a space.
"""

from __future__ import annotations

import re

from generator.models import Page
from generator.page_text import indented_code, searchable_lines

NO_BREAK_SPACE = "\u00a0"
NUMBER_SPACE = re.compile(r"(?<=[0-9%]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=[0-9])")
"""A space between a number (or a percentage) and a Chinese character, either way round."""


def keep_numbers(text: str) -> str:
    """``text`` with each space between a number and a Chinese character made no-break."""
    return NUMBER_SPACE.sub(NO_BREAK_SPACE, text)


def body_with_numbers_kept(page: Page) -> str:
    """``page``'s body with :func:`keep_numbers` applied outside code: code blocks (fenced or
    indented) and code spans keep their spaces, which a reader may copy."""
    lines = page.body.splitlines(keepends=True)  # as searchable_lines numbers them
    outside_code = searchable_lines(page)  # code spans blanked, fenced code left out
    numbers = range(page.body_line, page.body_line + len(lines))
    indented = indented_code(outside_code, numbers)
    return "".join(
        _kept_outside_spans(line, outside_code[number])
        if number in outside_code and number not in indented
        else line
        for number, line in zip(numbers, lines, strict=True)
    )


def _kept_outside_spans(line: str, blanked: str) -> str:
    """``line`` with the spaces :data:`NUMBER_SPACE` finds in ``blanked`` (the line with its
    code spans blanked, column for column) made no-break."""
    kept = list(line)
    for found in NUMBER_SPACE.finditer(blanked):
        kept[found.start()] = NO_BREAK_SPACE
    return "".join(kept)
