"""Checks of a page body: level-1 headings, links and anchors, balanced block HTML.

The body is the one place raw HTML is allowed. Python-Markdown passes a block of raw HTML
through until the tag that opened it closes, so a ``<div>`` never closed swallows the
rest of the page, the quiz heading included, as literal text. Every block element that
needs its end tag is followed from its start tag to its end tag, and what is left open or
closed twice is reported at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import markdown

from generator.errors import Problem
from generator.markdown_config import Anchors
from generator.models import Course, Page

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+).+?\1")
LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s")
MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

IMPLIED_END = {"p", "li", "dt", "dd", "option", "colgroup", "thead", "tbody", "tfoot", "tr"}
IMPLIED_END |= {"td", "th"}
"""Elements whose end tag HTML lets an enclosing element's end tag imply."""
TRACKED = set(markdown.Markdown().block_level_elements) - {"hr", "html", "body"}
"""Block-level elements as Python-Markdown knows them, less the ones without an end tag."""

LinkProblem = tuple[str, str, str]
"""What is wrong with a link, how to fix it, and the last part of its code."""


def page_problems(course: Course, anchors: Anchors) -> Iterator[Problem]:
    for page in course.pages:
        for line_number, line in _body_lines(page):
            if LEVEL_ONE_HEADING.match(line):
                yield Problem(
                    page.source.path,
                    line_number,
                    1,
                    "level-1 heading in the page body",
                    "start sections at '##'; the page title comes from 'title:'",
                    "page.level-one-heading",
                )
            for match in MARKDOWN_LINK.finditer(line):
                target = match.group(1)
                if EXTERNAL.match(target):
                    continue
                broken = broken_link(target, page.filename, anchors)
                if broken:
                    message, fix, code = broken
                    column = match.start(1) + 1
                    yield Problem(
                        page.source.path, line_number, column, message, fix, f"link.{code}"
                    )
        yield from _html_balance_problems(page)


def _body_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Lines of the body outside code blocks, with their line numbers in the source file."""
    in_fence = False
    for offset, line in enumerate(page.body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield page.body_line + offset, line


def broken_link(target: str, current_page: str, anchors: Anchors) -> LinkProblem | None:
    """Return (what is wrong, how to fix it, code) if ``target`` does not resolve."""
    page_part, _, anchor = target.partition("#")
    page = page_part or current_page
    if page not in anchors:
        known = ", ".join(sorted(anchors))
        return (
            f"link to '{page_part}', which is not a page of the course",
            f"link to one of: {known}",
            "unknown-page",
        )
    if anchor and anchor not in anchors[page]:
        return (
            f"link to '#{anchor}', which is not a heading of {page}",
            f"add '{{#{anchor}}}' to the heading it should open, or link to an existing one",
            "unknown-anchor",
        )
    return None


def _html_balance_problems(page: Page) -> list[Problem]:
    """Block HTML in the body (code left out) that is never closed, or closed twice."""
    lines = {number: line for number, line in _body_lines(page)}
    last = page.body_line + len(page.body.splitlines())
    text = "\n".join(
        CODE_SPAN.sub(lambda code: " " * len(code.group()), lines.get(number, ""))
        for number in range(page.body_line, last)
    )
    balance = _BlockBalance(page.body_line)
    balance.feed(text)
    balance.close()
    return [
        Problem(page.source.path, line, column, message, fix, code)
        for line, column, message, fix, code in balance.problems
    ]


class _BlockBalance(HTMLParser):
    """Follows block elements from start tag to end tag; records what does not match."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.open: list[tuple[str, int, int]] = []
        self.problems: list[tuple[int, int, str, str, str]] = []

    def where(self) -> tuple[int, int]:
        """Line and column in the page's file (the parser counts from the body's start, 0-based)."""
        line, offset = self.getpos()
        return self.first_line + line - 1, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in TRACKED:
            self.open.append((tag, *self.where()))

    def handle_endtag(self, tag: str) -> None:
        if tag not in TRACKED:
            return
        if tag not in (name for name, _, _ in self.open):
            self.problems.append(
                (
                    *self.where(),
                    f"'</{tag}>' closes no '<{tag}>' that is open",
                    f"delete it, or add the '<{tag}>' it should close",
                    "page.unmatched-end-tag",
                )
            )
            return
        closing_line = self.where()[0]
        while self.open:
            name, line, column = self.open.pop()
            if name == tag:
                break
            if name not in IMPLIED_END:
                self._unclosed(name, line, column, f"before '</{tag}>' on line {closing_line}")

    def close(self) -> None:
        super().close()
        for index, (name, line, column) in enumerate(self.open):
            if index == 0 or name not in IMPLIED_END:
                self._unclosed(
                    name,
                    line,
                    column,
                    "by the end of the page; the Markdown after it, the quiz heading included, "
                    "would be shown as literal text",
                )
        self.open.clear()

    def _unclosed(self, name: str, line: int, column: int, detail: str) -> None:
        self.problems.append(
            (
                line,
                column,
                f"'<{name}>' is not closed {detail}",
                f"add '</{name}>' where the block ends",
                "page.unclosed-html",
            )
        )
