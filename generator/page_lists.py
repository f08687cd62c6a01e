"""Lists that the site shows as lines of text, or flattens.

Python-Markdown, unlike GitHub or Typora, looks for a list only where a block starts: a
list right under a line of text (``要点：`` and ``- 先倾听`` on the next line) runs on
into that line as one paragraph, ``要点： - 先倾听 - 再提议``. A list inside an item needs
its items 4 spaces in; 2 (the habit of other editors) puts them in the outer list. And
bullets pasted from Word (``• 先倾听``) are text, whose lines run together, as are the
marks a Chinese keyboard or Word's Chinese numbering types (``－ ``, ``—— ``, ``1、``,
``１．``, ``（1）``, ``①``). A numbered
list right after a bulleted one, blank lines between, goes on as its items, with bullets
(and a bulleted list after a numbered one is numbered on). Whether a line
starts an item is decided by Python-Markdown's own patterns, so the checks agree with the
site.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import replace

import markdown
from markdown.blockprocessors import HRProcessor, OListProcessor, UListProcessor
from markdown.extensions.footnotes import FootnoteBlockProcessor

from generator.errors import Problem
from generator.models import Page
from generator.page_blocks import opens_block
from generator.page_headings import SPLITTERS, not_markdown_text
from generator.yaml_lines import indent

PARSER = markdown.Markdown().parser
UL_ITEM, OL_ITEM = UListProcessor(PARSER).RE, OListProcessor(PARSER).RE
ITEM_PATTERNS = (UL_ITEM, OL_ITEM)
"""How Python-Markdown tells a line that starts a list item (``- ``, ``* ``, ``1. ``)."""
NESTED = 4
"""How far in an item's own list starts: a tab's width, in Python-Markdown."""
SETEXT_EQUALS = re.compile(r"=+ *")
"""A line of '=' under a heading's text (a heading of level 1, which a check names)."""
WORD_BULLET = re.compile(r" *(?P<bullet>[•●○◦▪■□◆◇‣∙·・])\s*\S")
"""A line starting with a bullet Word or a web page puts before a list's items."""
CHINESE_NUMERALS = "一二三四五六七八九十"
CHINESE_BULLET = re.compile(r" *(?P<mark>—{1,2}|[－＋]|＊(?!＊)|-(?=[^\s\d-]))\s*\S")
"""A line starting with a bullet typed with a Chinese keyboard: a full-width '－', '＊' (not
two, a slip of full-width bold) or '＋', the dash Shift+- types ('——'), or '-' with no
space after it (``-先倾听``)."""
CHINESE_NUMBER = re.compile(
    rf" *(?P<mark>[0-9０-９]+(?:[、．]|\.(?=[^\s0-9０-９]))|[{CHINESE_NUMERALS}]+、"
    rf"|[（(][0-9０-９{CHINESE_NUMERALS}]+[）)]|[①-⒛])\s*\S"
)
r"""A line starting with a number as Word's Chinese numbering or a Chinese keyboard writes
it (``1、``, ``１．``, ``一、``, ``（1）``, ``①``, ``⑴``, ``⒈``), or as ``1.`` with no
space after it: none starts a list item in Markdown. ``１. `` (full-width digits, a
half-width stop and a space) does: Python-Markdown's ``\d`` reads any digit."""
NUMBERED = re.compile(r" {0,3}(\d+)\.[ ]+")
"""A numbered list's item at the left edge, and its number (Python-Markdown's pattern)."""
BLOCK_START = re.compile(r" *(?:#|!!!|\?\?\?|===|\||<|```|~~~|>)")
"""How a block that is no paragraph starts: a heading, a box, a tab, a table, HTML, fenced
code or a quote, which no indent puts in a list's item."""
HARD_BREAK = re.compile(r"(?: {2}|<br\s*/?>)$", re.IGNORECASE)
"""The end of a line that ends in a line break on the site: two spaces, or ``<br>``."""
CHINESE_MARKS = ((CHINESE_BULLET, "- "), (CHINESE_NUMBER, "1. "))
"""Each kind of Chinese mark, and the mark that starts a list item in Markdown."""


def lists_shown_as_text(page: Page, text: str) -> Iterator[Problem]:
    """Each list of ``text`` (the body, code left as empty lines) that the site does not
    show as one: its first item right under a line of text, an item's own list indented
    less than 4 spaces, items marked with Word's bullets, or a list right after one of
    the other kind. A tab indents as far as the next multiple of 4 columns, as
    Python-Markdown reads it."""
    written, lines = page.body.splitlines(), text.expandtabs(NESTED).splitlines()
    start = 0  # the first line of the block the line is in
    kept = not_markdown_text(dict(enumerate(lines)))  # raw HTML, tables' rows
    told: set[int] = set()  # lines told they start with a Chinese mark
    for index, line in enumerate(lines):
        if index and _ends_block(lines[index - 1]):
            start = index
        number, block_start = page.body_line + index, lines[start]
        problem = None
        if start != index and _item(block_start, block_start):
            problem = _item_not_nested(page, number, line, block_start)
        elif start != index and not _item(lines[index - 1], block_start):
            led = index - 1 in told  # a list whose first item was told its mark
            problem = None if led else _item_under_text(page, number, line, block_start)
        if problem is None and WORD_BULLET.match(line) and _runs_on(lines, index, start):
            problem = _word_bullet(page, number, line, _marked_from(lines, index, WORD_BULLET))
        if problem is None and index not in kept:
            problem = _chinese_marks(page, lines, index, written)
            told.update(_marked_run(lines, index) if problem else ())
        if problem is not None:  # each at the line's first mark, counted as written
            yield replace(problem, column=indent(written[index]) + 1)
    yield from _joined_lists(page, lines, written)
    yield from _renumbered_lists(page, lines, written)


def _ends_block(line: str) -> bool:
    """Whether the block a line is in ends with ``line``, the line above it: a blank line,
    a heading (or its line of '='), the first line of a note box, whose text starts a
    block, or a line taken out of its block (a rule, a link reference, an abbreviation),
    not a footnote's."""
    written = line.strip()
    if not written or written.startswith("#") or SETEXT_EQUALS.fullmatch(written):
        return True
    if FootnoteBlockProcessor.RE.match(written):  # the lines after it are its text
        return False
    return opens_block(written) or any(pattern.match(written) for pattern in SPLITTERS)


def _item(line: str, block_start: str) -> re.Match[str] | None:
    """``line`` starting a list item as Python-Markdown reads it in a block whose first
    line is ``block_start``: at most 3 spaces further in than that line."""
    column = indent(block_start)
    if indent(line) < column:
        return None
    return next((found for p in ITEM_PATTERNS if (found := p.match(line[column:]))), None)


def _item_under_text(page: Page, number: int, line: str, block_start: str) -> Problem | None:
    """The first item of a list on line ``number``, right under a line of text."""
    if _item(line, block_start) is None or HRProcessor.SEARCH_RE.match(line.strip()):
        return None
    if block_start.lstrip()[:1] in ("<", "|", ">"):  # HTML, a table, a quote
        return None
    return Problem(
        page.source.path,
        number,
        indent(line) + 1,
        "this list item follows the line above it with no blank line between, so the site "
        "runs the list on into that line as text",
        "leave a blank line above the list's first item",
        "page.list-under-text",
    )


def _item_not_nested(page: Page, number: int, line: str, block_start: str) -> Problem | None:
    """An item on line ``number`` indented 1 to 3 spaces further than the list's first
    item: meant as a list inside the item above, it is one more item of the outer list."""
    further = indent(line) - indent(block_start)
    if not 0 < further < NESTED or _item(line, line[: indent(line)]) is None:
        return None
    return Problem(
        page.source.path,
        number,
        indent(line) + 1,
        f"this item is {further} space{'s' if further > 1 else ''} further in than the "
        "list's first item, which the site does not take for a list inside the item above: "
        "it shows it as one more item of the outer list",
        f"indent it {NESTED} spaces further than the item it belongs under (or start it "
        "where the list's first item starts, if it is one more item of that list)",
        "page.list-indent",
    )


def _kind(line: str) -> str | None:
    """Which list an item starts, if ``line`` starts one: 'bulleted' or 'numbered'."""
    text = line.lstrip(" ")
    if HRProcessor.SEARCH_RE.match(text):  # - - -, a rule
        return None
    if UL_ITEM.match(text):
        return "bulleted"
    return "numbered" if OL_ITEM.match(text) else None


def _joined_lists(page: Page, lines: list[str], written: list[str]) -> Iterator[Problem]:
    """The first item of each list that comes right after a list of the other kind at its
    indent, blank lines at most between: Python-Markdown takes it for more items of that
    list (a numbered list under a bulleted one loses its numbers). One pass down the page
    keeps, at each indent, the list open there: the kinds of its first and last items.
    ``written``: the lines as written, where code and comments, which part lists, are not
    blank."""
    open_lists: dict[int, tuple[str, str]] = {}
    for index, line in enumerate(lines):
        if not written[index].strip():
            continue
        column, kind = indent(line or written[index].expandtabs(NESTED)), _kind(line)
        open_lists = {
            at: kinds for at, kinds in open_lists.items() if at < column or (kind and at == column)
        }
        if kind is None:
            continue
        first, last = open_lists.get(column, (kind, kind))
        if kind != last and first == last:
            yield _joined(page, index, indent(written[index]) + 1, kind, last)
        open_lists[column] = (first, kind)


def _joined(page: Page, index: int, column: int, kind: str, other: str) -> Problem:
    """A list on line ``index`` of ``page``, at ``column`` as written, joined to the one above."""
    shown = "with bullets, not numbers" if kind == "numbered" else "numbered on from it"
    return Problem(
        page.source.path,
        page.body_line + index,
        column,
        f"this {kind} list comes right after a {other} list, so the site shows its items "
        f"as more items of that list, {shown}",
        "put a line of text between the two lists, such as a lead-in to this one (具体做法：), "
        "with a blank line above and below it",
        "page.list-joined",
    )


def _renumbered_lists(page: Page, lines: list[str], written: list[str]) -> Iterator[Problem]:
    """The first item of each numbered list at the left edge whose number is not 1 and that
    starts a list of its own: a blank line above it, and above that a block that is no
    list (a paragraph, or one indented less than 4 spaces, meant to be in an item).
    Python-Markdown numbers every list from 1, so steps written 1, 2, a paragraph, 3 show
    as 1, 2, then 1. ``written``: the lines as written, where code is not blank."""
    for index, line in enumerate(lines):
        number = NUMBERED.match(line)
        if number is None or number.group(1).lstrip("0") == "1":
            continue
        above = _block_above(written, index)
        if above is None or _kind(lines[above]):
            continue
        if indent(written[above].expandtabs(NESTED)) >= NESTED:  # the item's own, a tab too
            continue
        listed = _block_above(written, above)
        while listed is not None and indent(written[listed].expandtabs(NESTED)) >= NESTED:
            listed = _block_above(written, listed)
        said = f"this numbered list starts at {number.group(1)}, but the site numbers every list "
        said += "from 1"
        fix = "number its items from 1, or write them on in the list they follow"
        in_item = not BLOCK_START.match(written[above])
        if in_item and listed is not None and OL_ITEM.match(lines[listed]):
            first = page.body_line + above
            said += f": the lines from line {first} end the list above it"
            fix = (
                f"indent line {first} and the lines after it 4 spaces, to keep them in the "
                "item above, so that the list goes on"
            )
        yield Problem(
            page.source.path,
            page.body_line + index,
            indent(written[index]) + 1,
            said,
            fix,
            "page.list-renumbered",
        )


def _block_above(written: list[str], index: int) -> int | None:
    """The first line of the block above line ``index``, blank lines between them; None
    if no blank line is right above it, or no block is above."""
    above = index - 1
    if above < 0 or written[above].strip():
        return None
    while above >= 0 and not written[above].strip():
        above -= 1
    if above < 0:
        return None
    while above > 0 and written[above - 1].strip():
        above -= 1
    return above


def _runs_on(lines: list[str], index: int, start: int) -> bool:
    """Whether line ``index``, which starts with one of Word's bullets, is the first of
    those that run together with another line of their block (``start``): a line of text
    above it, or another bullet's line below."""
    if index > start:
        return not WORD_BULLET.match(lines[index - 1])
    return _marked_from(lines, index, WORD_BULLET) > 1


def _marked_from(lines: list[str], index: int, marks: re.Pattern[str]) -> int:
    """How many lines from ``index`` on start with one of ``marks``."""
    count = 0
    while index + count < len(lines) and marks.match(lines[index + count]):
        count += 1
    return count


def breaks_list(lines: Mapping[int, str], number: int) -> bool:
    """Whether the line break after line ``number`` of ``lines`` parts a list's items: the
    next line starts an item, as Python-Markdown reads one (``１. 先倾听``, in full-width
    digits, too), or one of the two lines is in a list the site shows as text (told as
    such, :func:`lists_shown_as_text`). Joined, the list would be less of one still."""
    return (
        _kind(lines.get(number + 1, "")) is not None
        or _in_text_list(lines, number)
        or _in_text_list(lines, number + 1)
    )


def _in_text_list(lines: Mapping[int, str], number: int) -> bool:
    """Whether line ``number`` of ``lines`` is one of two or more in a row that start with
    list marks the site shows as text (Word's bullets, a Chinese keyboard's marks): told as
    such, it is no paragraph's line to be joined to the next."""
    for marks in (WORD_BULLET, CHINESE_BULLET, CHINESE_NUMBER):
        if marks.match(lines.get(number, "")) and any(
            marks.match(lines.get(near, "")) for near in (number - 1, number + 1)
        ):
            return True
    return False


def _chinese_marks(page: Page, lines: list[str], index: int, written: list[str]) -> Problem | None:
    """The first of two or more lines in a row, from line ``index``, that start with one
    kind of Chinese mark: the site runs them together as one paragraph. One such line alone
    stays a line of its paragraph, as in prose (``1、2 号线都停运了``), unless a Markdown
    list of its kind is right above or below it: it is one of that list's items, shown as
    text. Lines that each end in a line break (``written``: the lines as written) are
    shown one under another."""
    for marks, markdown_mark in CHINESE_MARKS:
        found = marks.match(lines[index])
        if found is None or (index and marks.match(lines[index - 1])):
            continue
        count = _marked_from(lines, index, marks)
        if count < 2 and not _beside_list(lines, index, markdown_mark):
            continue
        if count > 1 and all(
            HARD_BREAK.search(line) for line in written[index : index + count - 1]
        ):
            continue
        return _chinese_mark(page, page.body_line + index, found, count, markdown_mark)
    return None


def _chinese_mark(
    page: Page, number: int, found: re.Match[str], count: int, markdown_mark: str
) -> Problem:
    """The ``count`` lines from line ``number`` that start with a Chinese mark (``found``
    on the first), which ``markdown_mark`` would make a list's items."""
    mark = found["mark"]
    unspaced = mark == "-" or (mark.endswith(".") and mark.isascii())
    what = f"'{mark}' with no space after it" if unspaced else f"'{mark}'"
    fix = "'- '" if markdown_mark == "- " else "'1. ', '2. ' and so on (half-width digits)"
    shown = "runs these lines together as one paragraph of text"
    where = f"lines {number}-{number + count - 1}"
    if count == 1:
        fix = fix if markdown_mark == "- " else f"'{_digits(mark)}. '"
        shown = "shows this line as text, not as an item of the list by it"
        where = f"line {number}"
    return Problem(
        page.source.path,
        number,
        found.start("mark") + 1,
        f"{what} does not start a list item in Markdown, so the site {shown}",
        f"write {fix} in place of '{mark}' on {where}, with a blank line above the list",
        "page.chinese-list-mark",
    )


def _beside_list(lines: list[str], index: int, markdown_mark: str) -> bool:
    """Whether an item of a list of the kind ``markdown_mark``, as far in, is on the line
    right above or below line ``index``, which starts with a Chinese mark: that line is
    one of its items (``1、`` over ``2. ``, ``4、`` under ``3. ``). A numeral's mark
    (``一、``) is left out: over a list, it is a line of text, a section's title; so is
    ``——``, which starts a quotation's source; and so are lines past a blank line."""
    kind = "bulleted" if markdown_mark == "- " else "numbered"
    mark = CHINESE_BULLET if kind == "bulleted" else CHINESE_NUMBER
    found = mark.match(lines[index])
    if found is None or (kind == "numbered" and not _digits(found["mark"])):
        return False
    if found["mark"].startswith("—"):  # ——某位店长, a quotation's source under it
        return False
    near = [lines[n] for n in (index - 1, index + 1) if 0 <= n < len(lines)]
    return any(_kind(line) == kind and indent(line) == indent(lines[index]) for line in near)


def _digits(mark: str) -> str:
    """The number a Chinese mark holds in digits (``1、``, ``（２）``, ``①``), if any."""
    found = re.search(r"\d+", unicodedata.normalize("NFKC", mark))
    return found[0] if found else ""


def _marked_run(lines: list[str], index: int) -> range:
    """The lines from ``index`` on that start with the Chinese mark line ``index`` starts with."""
    for marks, _ in CHINESE_MARKS:
        if marks.match(lines[index]):
            return range(index, index + _marked_from(lines, index, marks))
    return range(0)


def _word_bullet(page: Page, number: int, line: str, count: int) -> Problem:
    found = WORD_BULLET.match(line)
    assert found is not None
    bullet = found["bullet"]
    lines = f"lines {number}-{number + count - 1}" if count > 1 else f"line {number}"
    return Problem(
        page.source.path,
        number,
        found.start("bullet") + 1,
        f"'{bullet}' is not a list item's mark in Markdown, so the site runs these lines "
        "together as one paragraph of text",
        f"write '- ' in place of '{bullet}' on {lines}, with a blank line above the list",
        "page.word-bullet",
    )
