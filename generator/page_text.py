"""A page body as the page checks read it: its lines outside code, with their line numbers.

Link syntax, HTML and brackets written in code are text on the site, so fenced code blocks
are left out and code spans blanked (kept as spaces, so that columns stay right); the
checks of raw HTML leave out indented code blocks as well.

A code span is found as Python-Markdown finds one: a run of backticks no backslash escapes,
some text, then the next run of exactly as many backticks (or, if there is none, the
longest run after it when that is shorter). Runs are matched by their lengths, never by
reading the line again from each one: a line of thousands of backticks costs one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pymdownx.superfences import RE_NESTED_FENCE_START

from generator.models import Page

BACKTICKS = re.compile(r"`+")
OPENING = re.compile(r"(?<!\\)((?:\\{2})+)(?=`)|(?<!\\)`")
"""What may open a code span, as Python-Markdown reads it (``markdown.inlinepatterns.
BACKTICK_RE``): a backtick no backslash escapes, or backslashes escaping each other before a
backtick, which then opens one."""
INDENTED = re.compile(r" {4}|\t")
"""How a line of an indented code block starts."""
LIST_MARKER = r"(?:[*+-]|\d+\.)\s"
"""What starts a list item, after its indent."""
CONTENT_BLOCK = rf"(?:{LIST_MARKER}|!!!|\?\?\?|===|\[\^[^]]*\]:|:\s)"
"""What starts a block whose content is indented four spaces under it, after its indent: a
list item, an admonition or a collapsible one, a tab, a footnote, a definition."""
CONTAINER = re.compile(rf" {{0,3}}(?:{CONTENT_BLOCK}|<)")
"""How a block that takes indented lines as its content starts: one of those, or an HTML
block."""

Lines = dict[int, str]
"""The body's lines outside fenced code, code spans blanked, by their line number in the file."""
Place = tuple[int, int]
"""A line number in the file and a column."""


def searchable_lines(page: Page) -> Lines:
    return {number: _blank_code_spans(line) for number, line in body_lines(page)}


def _blank_code_spans(line: str) -> str:
    if "`" not in line:  # most lines: no span, and nothing to build
        return line
    pieces: list[str] = []
    done = 0
    for start, end in code_spans(line):
        pieces += [line[done:start], " " * (end - start)]
        done = end
    return "".join([*pieces, line[done:]])


def code_spans(line: str) -> Iterator[tuple[int, int]]:
    """The start and end of each code span in ``line``, from its opening backticks to the end
    of its closing ones, found as Python-Markdown finds them (its BacktickInlineProcessor)."""
    runs = _BacktickRuns(line)
    position = 0
    while (found := OPENING.search(line, position)) is not None:
        start = found.end() if found.group(1) else found.start()
        run = runs.containing(start)
        ticks = runs.ends[run] - start
        closing = runs.closing(run, ticks)
        if closing is None:  # no span: Python-Markdown reads on as far again past the run
            position = start + 2 * ticks
            continue
        yield start, runs.ends[closing]
        position = runs.ends[closing]


class _BacktickRuns:
    """The runs of backticks in a line, and the run that closes a code span opened in each."""

    def __init__(self, line: str) -> None:
        spans = [found.span() for found in BACKTICKS.finditer(line)]
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self.of_length: defaultdict[int, list[int]] = defaultdict(list)
        for run, (start, end) in enumerate(spans):
            self.of_length[end - start].append(run)
        self.longest_from = self._longest_from()

    def _longest_from(self) -> list[int]:
        """For each run, the first of the longest runs from it on."""
        longest = list(range(len(self.starts)))
        for run in reversed(range(len(longest) - 1)):
            if self._length(longest[run + 1]) > self._length(run):
                longest[run] = longest[run + 1]
        return longest

    def _length(self, run: int) -> int:
        return self.ends[run] - self.starts[run]

    def containing(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def closing(self, run: int, ticks: int) -> int | None:
        """The run that closes the code span ``ticks`` backticks at the end of ``run`` open:
        the next run of as many backticks (a backslash in code is text), or else the first
        of the longest runs after it if they are shorter; None if there is neither."""
        same = self.of_length.get(ticks, [])
        following = bisect_right(same, run)
        if following < len(same):
            return same[following]
        if run + 1 < len(self.starts) and self._length(self.longest_from[run + 1]) < ticks:
            return self.longest_from[run + 1]
        return None


def body_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Lines of the body outside fenced code blocks, with their line numbers in the source file."""
    lines = page.body.splitlines()
    code = fenced_code(lines).lines
    for offset, line in enumerate(lines):
        if offset not in code:
            yield page.body_line + offset, line


@dataclass(frozen=True)
class SpacedClosing:
    """The first line of a fenced code block's fence but for a space the site does not take
    for one around it (```` ```　````, a full-width space typed after it), which so does not
    close the block. Later ones are not told: once it is fixed, the blocks after it are not
    the same blocks."""

    index: int
    opening: int
    """The index of the fence that opened the block."""
    closing: int | None
    """The index of the line that closes the block after all, if one does."""


@dataclass(frozen=True)
class FencedCode:
    lines: set[int]
    """The indices of the lines fenced code blocks take, their fences included."""
    unclosed: list[tuple[int, str]]
    """The index and marks of each fence no line closes: the site shows it as text."""
    spaced_closings: list[SpacedClosing]


def fenced_code(lines: list[str]) -> FencedCode:
    """The fenced code blocks of ``lines``, as pymdownx.superfences finds them: a fence opens
    a block, a line of the same fence at the same indent closes it, and a line indented
    less than the fence (or the end of the page) first leaves the fence unclosed, text."""
    found = FencedCode(set(), [], [])
    opening: tuple[int, str, str] | None = None  # the fence's index, indent and marks
    spaced: int | None = None  # the block's first line of its fence but for a space
    for index, line in enumerate(lines):
        if opening is None:
            fence_opened = _fence_opened(line)
            if fence_opened:
                opening, spaced = (index, *fence_opened), None
            continue
        start, indent, fence = opening
        if not line.strip():
            continue
        if not line.startswith(indent):
            _unclosed(found, start, fence, spaced)
            opening = None
        elif re.fullmatch(f"{re.escape(fence)}[ \t]*", line[len(indent) :]):
            found.lines.update(range(start, index + 1))
            if spaced is not None:
                found.spaced_closings.append(SpacedClosing(spaced, start, index))
            opening = None
        elif spaced is None and _fence_but_for_an_odd_space(line[len(indent) :], fence):
            spaced = index
    if opening is not None:
        _unclosed(found, opening[0], opening[2], spaced)
    return found


def _fence_but_for_an_odd_space(line: str, fence: str) -> bool:
    """Whether ``line`` is ``fence`` but for a space around it that is no space or tab
    (full-width, no-break): ASCII spaces alone around it are the fence's own business."""
    return line.strip() == fence and line.strip(" \t") != fence


def _unclosed(found: FencedCode, start: int, fence: str, spaced: int | None) -> None:
    """Record the block opened at ``start`` with ``fence`` as never closed, and the line
    ``spaced`` that was meant to close it, if there is one."""
    found.unclosed.append((start, fence))
    if spaced is not None:
        found.spaced_closings.append(SpacedClosing(spaced, start, None))


def _fence_opened(line: str) -> tuple[str, str] | None:
    """The indent and the marks of the fence ``line`` opens, if it opens one: three
    backticks or tildes or more, and a header superfences understands (```` ```python ````,
    not ```` ```text``` ````)."""
    indent = len(line) - len(line.lstrip(" \t"))
    found = RE_NESTED_FENCE_START.match(line, indent)
    if found is None or found["unrecognized"]:
        return None
    return line[:indent], found["fence"]


def searchable_text(page: Page, lines: Lines) -> str:
    """The body as :func:`searchable_lines` has it, code blocks (indented ones too) left as
    empty lines."""
    numbers = range(page.body_line, page.body_line + len(page.body.splitlines()))
    code = indented_code(lines, page)
    return "\n".join("" if number in code else lines.get(number, "") for number in numbers)


def indented_code(lines: Lines, page: Page) -> set[int]:
    """The line numbers of indented code blocks among ``lines``, the lines of ``page``'s
    body: lines indented four spaces (or a tab) after a blank line or a heading, and the
    indented lines after them. In a list, an admonition, a tab, a footnote or an HTML block,
    such lines are its content instead, and left as they are; a heading (a line starting
    with '#') is at the top level, after any of them. Fenced code, left out of ``lines``, is
    read as the page has it: a fence indented four spaces is the content of the block it is
    under, and does not end it. Indents are read as written: in ``lines`` a code span that
    opens a line (```` `mkdocs.yml` 里… ````) is blanked, and looked indented."""
    return indented_code_in(enumerate(page.body.splitlines(), page.body_line), lines)


def indented_code_in(numbered: Iterable[tuple[int, str]], lines: Lines) -> set[int]:
    """The line numbers of indented code blocks among ``numbered`` lines of a page, as
    :func:`indented_code` reads them; a box's lines, their box's indent taken off, for
    the code blocks inside the box."""
    code: set[int] = set()
    after_blank, in_code, in_container = True, False, False
    for number, line in numbered:
        if number not in lines:  # fenced code
            in_container = _fence_keeps(in_container, after_blank, line)
            after_blank = in_code = False
        elif not line.strip():
            after_blank = True
        elif INDENTED.match(line) and (in_code or (after_blank and not in_container)):
            code.add(number)
            after_blank, in_code = False, True
        elif not INDENTED.match(line):
            heading = line.startswith("#")
            if CONTAINER.match(line):
                in_container = True
            elif after_blank or heading:
                in_container = False
            after_blank, in_code = heading, False
        else:
            after_blank = False
    return code


def _fence_keeps(in_container: bool, after_blank: bool, fenced: str) -> bool:
    """Whether a list, a box or another block is still open at the fenced line ``fenced``:
    after a blank line, only if the fence is indented as its content is."""
    return in_container and (not after_blank or INDENTED.match(fenced) is not None)


def blanked(text: str) -> str:
    """``text`` as spaces, its line breaks kept: the places after it stay where they were."""
    return re.sub(r"[^\r\n]", " ", text)


def place_of(text: str, offset: int, first_line: int) -> Place:
    """The line (in the file: ``text`` starts at ``first_line``) and column of ``offset``."""
    return first_line + text.count("\n", 0, offset), offset - text.rfind("\n", 0, offset)


def text_places(lines: Lines, text: str) -> list[Place]:
    """Every line and column where ``text`` starts, in order."""
    found = []
    for number, line in lines.items():
        start = line.find(text)
        while start >= 0:
            found.append((number, start + 1))
            start = line.find(text, start + 1)
    return found
