"""Marks a trainer meant as text that the site takes for markup, and leaves out.

Python-Markdown pairs two stars that no space parts from the text into italics, wherever
they are: ``热线 7*24 小时，门店 5*8 小时`` shows "热线 7<em>24 小时，门店 5</em>8 小时",
and learners read "724" and "58"; ``姓名：____，电话：____`` loses its blanks the same way
(as bold). ``attr_list`` reads braces right after bold text, code or a link
(``**张先生**{称呼可换成女士}``), or ending a heading, a table's cell or a paragraph, as
that element's attributes: the words in them are gone. ``check`` said OK to both.

Which marks the site takes is decided by converting the block with the site's extensions
(:data:`EXTENSIONS`); only the marks plainly meant as text are told: a star between two
digits, italics or bold that would start on a closing mark (``*：``) or end on an opening
one (``（*``), braces holding a word no HTML attribute is named by (a Chinese one).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from generator.errors import Problem
from generator.models import Page
from generator.settings_needed import NEEDED_EXTENSIONS

EXTENSIONS = [*NEEDED_EXTENSIONS, "tables", "def_list"]
"""The site's Markdown extensions that bear on a block's text (not ``toc``'s ids)."""
DIGITS = "0123456789０１２３４５６７８９"
OPENING_MARKS = "（【「『“‘《〈〔［｛"
"""Marks that open what follows them: italics never end on one."""
CLOSING_MARKS = "，。、；：！？）】」』”’》〉〕］｝"
"""Marks that close or part what comes before them: italics never start on one."""
MAYBE_TAKEN = re.compile(
    rf"[{DIGITS}][*_]+[{DIGITS}]|[*_][{CLOSING_MARKS}]|[{OPENING_MARKS}][*_]"
    r"|\{[^{}\n]*[^\x00-\x7f]"
)
"""What may be such a slip, in a block worth converting to know: most blocks hold none."""
EMPHASIS = {"em": "italic", "strong": "bold"}
AFTER = {
    "strong": "bold text",
    "em": "italic text",
    "code": "code",
    "a": "a link",
    "img": "a picture",
}
"""Elements whose attributes ``attr_list`` reads right after them, as a trainer names each."""
ENDING = {"td": "a table's cell", "th": "a table's cell", "p": "a paragraph", "li": "a list item"}
"""Blocks whose attributes ``attr_list`` reads at their end; a heading's are read there too."""
DELIMITERS = r"(\*+|_+)"
WORD_BEFORE = re.compile(r"(?:[0-9A-Za-z０-９]+|[^\s*_])$")
WORD_AFTER = re.compile(r"[0-9A-Za-z０-９]+|[^\s*_]")
"""The number or word, or else the one character, either side of marks, quoted with them."""
LONGEST_QUOTE = 40
"""A longer span of text is quoted by its start and end."""
PRIORITY = 7
"""Right after ``attr_list`` (8), which has set the attributes it read."""
EMPHASIS_CODE = "page.mark-as-emphasis"
ATTRIBUTES_CODE = "page.text-as-attributes"


def marks_taken(page: Page, text: str) -> Iterator[Problem]:
    """Stars and underscores of ``page`` taken for italics or bold, and braces taken for
    attributes, where they are plainly text; ``text`` is its body, code left as empty lines
    and code spans blanked, where they are looked for."""
    written = page.body.splitlines()
    for first, block in _blocks(text.split("\n"), written):
        if MAYBE_TAKEN.search(block) is None:
            continue
        lines = written[first : first + block.count("\n") + 1]
        found = _converted(textwrap.dedent("\n".join(lines)))
        place = _Block(page, first, block)
        yield from _emphases_taken(place, found)
        yield from _attributes_taken(place, found)


def _blocks(lines: list[str], written: list[str]) -> Iterator[tuple[int, str]]:
    """Each run of ``lines`` with no blank line between, with the index of its first line:
    a line of code is empty, one of blanked code spans is not blank as ``written``."""
    start: int | None = None
    for index, line in enumerate([*lines, ""]):
        blank = not line or not (written[index] if index < len(written) else "").strip()
        if not blank and start is None:
            start = index
        elif blank and start is not None:
            yield start, "\n".join(lines[start:index])
            start = None


@dataclass
class _Found:
    """What converting a block gives: its text as the page shows it (a block element's
    parted from the next by line breaks), where each italic or bold text runs in it, and
    the attributes read from braces."""

    pieces: list[str] = field(default_factory=list)
    """The text as the page shows it, in pieces: see :attr:`shown`."""
    length: int = 0
    emphases: list[tuple[int, int, str]] = field(default_factory=list)
    """Each italic or bold text's start and end in :attr:`shown`, and its tag."""
    attributes: list[tuple[str, list[str]]] = field(default_factory=list)
    """Each element given attributes whose names are not ASCII: its tag and those names."""

    @property
    def shown(self) -> str:
        return "".join(self.pieces)

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)
            self.length += len(text)


class _Collect(Treeprocessor):
    """Runs right after ``attr_list``: fills in :attr:`found`, set before each block."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.found = _Found()

    def run(self, root: Element) -> None:
        self._walk(root)

    def _walk(self, element: Element) -> None:
        found, parted = self.found, "\n" if self.md.is_block_level(element.tag) else ""
        found.add(parted)
        start = found.length
        found.add(element.text)
        for child in element:
            self._walk(child)
            found.add(child.tail)
        if element.tag in EMPHASIS:
            found.emphases.append((start, found.length, str(element.tag)))
        found.add(parted)
        if names := [name for name in element.attrib if not name.isascii()]:
            found.attributes.append((str(element.tag), names))


@cache
def _converter() -> tuple[markdown.Markdown, _Collect]:
    """One Markdown instance, with the site's extensions, for every block to convert."""
    converter = markdown.Markdown(extensions=EXTENSIONS)
    collect = _Collect(converter)
    converter.treeprocessors.register(collect, "mot-stray-marks", PRIORITY)
    return converter, collect


def _converted(block: str) -> _Found:
    converter, collect = _converter()
    converter.reset()
    collect.found = _Found()
    converter.convert(block)
    return collect.found


@dataclass(frozen=True)
class _Block:
    """A block of a page's text, to tell a finding at its line and column."""

    page: Page
    first: int
    """The index of its first line in the page's body."""
    text: str

    def problem(self, offset: int, message: str, fix: str, code: str) -> Problem:
        line = self.page.body_line + self.first + self.text.count("\n", 0, offset)
        column = offset - self.text.rfind("\n", 0, offset)
        return Problem(self.page.source.path, line, column, message, fix, code)


def _emphases_taken(block: _Block, found: _Found) -> Iterator[Problem]:
    """Each italic or bold text of ``block`` whose marks are plainly text, told at its first
    marks: those are looked for, in order, by the characters either side of them."""
    shown, searched_from, told = found.shown, 0, set()
    for start, end, tag in sorted(found.emphases):
        before, first, last, after = (shown[at : at + 1] for at in (start - 1, start, end - 1, end))
        plainly_text = _text(before, first, CLOSING_MARKS) or _text(after, last, OPENING_MARKS)
        if start in told or not plainly_text:
            continue
        told.add(start)
        opening = _marks(before, first).search(block.text, searched_from)
        closing = opening and _marks(last, after).search(block.text, opening.end())
        if opening and closing:
            searched_from = opening.end()
            yield _emphasis_problem(block, opening, closing, shown[start - 1 : end + 1], tag)


def _text(outside: str, inside: str, never_inside: str) -> bool:
    """Whether marks between ``outside`` and ``inside``, the first (or last) character of
    italics, are plainly text: they part two digits, or the italics would start on a
    closing mark (end on an opening one)."""
    if not inside:
        return False
    return _digits(outside, inside) or inside in never_inside


def _digits(*characters: str) -> bool:
    return all(character and character in DIGITS for character in characters)


def _marks(left: str, right: str) -> re.Pattern[str]:
    """Stars or underscores written between ``left`` and ``right``, where they are seen."""
    behind = f"(?<={re.escape(left)})" if left.strip() else ""
    ahead = f"(?={re.escape(right)})" if right.strip() else ""
    return re.compile(f"{behind}{DELIMITERS}{ahead}")


def _emphasis_problem(
    block: _Block, opening: re.Match[str], closing: re.Match[str], shown: str, tag: str
) -> Problem:
    (opened, opened_fixed), (closed, closed_fixed) = (
        _written(block.text, marks) for marks in (opening, closing)
    )
    marks = "stars" if opening[1].startswith("*") else "underscores"
    line = re.sub(r"\s*\n\s*", " ", shown.strip("\n"))
    half = LONGEST_QUOTE // 2 - 1
    shown_line = line if len(line) <= LONGEST_QUOTE else f"{line[:half]}…{line[-half:]}"
    return block.problem(
        opening.start(),
        f"the {marks} in '{opened}' and '{closed}' are taken to mark {EMPHASIS[tag]} text between "
        f"them, and the page leaves them out: learners read '{shown_line}'",
        f"write {opened_fixed} and {closed_fixed}",
        EMPHASIS_CODE,
    )


def _written(text: str, marks: re.Match[str]) -> tuple[str, str]:
    """``marks`` with the word or the character either side of them on their line, as
    written and as meant: a multiplication sign between two digits, a blank's full-width
    underscores, stars each after a backslash, which shows it."""
    left = WORD_BEFORE.search(text, 0, marks.start())
    right = WORD_AFTER.match(text, marks.end())
    before, after = (side[0] if side else "" for side in (left, right))
    if marks[1] == "*" and _digits(before[-1:], after[:1]):
        meant = "×"
    elif marks[1].startswith("_"):
        meant = "＿" * len(marks[1])
    else:
        meant = "".join(f"\\{mark}" for mark in marks[1])
    return f"{before}{marks[1]}{after}", f"{before}{meant}{after}"


def _attributes_taken(block: _Block, found: _Found) -> Iterator[Problem]:
    """Each element of ``block`` given attributes from braces that hold words no attribute
    is named by, told at the braces: those are looked for by the first such word."""
    told: set[int] = set()
    for tag, names in found.attributes:
        word = re.findall(r"[^\x00-\x7f]+", names[0])[0]
        braces = re.compile(rf"\{{[^{{}}\n]*{re.escape(word)}[^{{}}\n]*\}}")
        written = next((at for at in braces.finditer(block.text) if at.start() not in told), None)
        if written is not None:
            told.add(written.start())
            yield _attributes_problem(block, written[0], written.start(), tag)


def _attributes_problem(block: _Block, braces: str, offset: int, tag: str) -> Problem:
    if tag in AFTER:
        where = f"right after {AFTER[tag]}"
    else:
        where = (
            "ending a heading"
            if re.fullmatch(r"h[1-6]", tag)
            else f"ending {ENDING.get(tag, 'a line')}"
        )
    return block.problem(
        offset,
        f"'{braces}' {where} is read as attributes for it (attr_list), and the page leaves it out",
        f"type the brackets full-width: （{braces[1:-1]}）, or a backslash before '{{' to show "
        f"the braces: \\{braces}",
        ATTRIBUTES_CODE,
    )
