"""Raw HTML in a page body: block elements and other markup that are never closed.

The body is the one place raw HTML is allowed. Python-Markdown passes a block of raw HTML
through until the tag that opened it closes, so a ``<div>`` never closed swallows the
rest of the page, the quiz heading included, as literal text. Every block element that
needs its end tag is followed from its start tag to its end tag, and what is left open or
closed twice is reported at its line, and so is an inline formatting element (``<b>``,
``<a>``…) left open at the end of its paragraph, which the browser carries on into every
paragraph after it. So is a processing instruction (``<?``) or a CDATA
section (``<![CDATA[``) that opens a line and is never closed, or a declaration
(``<!DOCTYPE``) that opens a line and does not end on it: Python-Markdown then splices
every later block of raw HTML, the quiz's included, into the wrong places. Comments never
closed, or closed paragraphs later, are told by :mod:`generator.page_comments`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown

from generator.errors import Problem
from generator.models import Page
from generator.page_comments import HEADING_LINE, comment_problems
from generator.page_text import place_of

IMPLIED_END = {"p", "li", "dt", "dd", "option", "colgroup", "thead", "tbody", "tfoot", "tr"}
IMPLIED_END |= {"td", "th"}
"""Elements whose end tag HTML lets an enclosing element's end tag imply."""
SWALLOWING = {"xmp", "title", "template", "select", "noembed", "noframes"}
"""Elements that take the rest of the page into them, as text or hidden, until their end
tag, which Python-Markdown does not know as block-level and passes through inline as they
are (``script``, ``style``, ``textarea``, ``iframe`` and ``noscript``, which swallow too, it
knows)."""
KEPT_OPEN = {"applet", "button", "dialog", "dir", "listing", "marquee", "search"}
"""Elements that Python-Markdown passes through inline but the browser keeps open past the
end of their paragraph, so that the rest of the page, the quiz included, is inside them: an
unclosed ``<dialog>`` hides it, ``<button>`` makes it one button, ``<marquee>`` scrolls it."""
TRACKED = set(markdown.Markdown().block_level_elements) - {"hr", "html", "body"}
TRACKED |= SWALLOWING | KEPT_OPEN
"""Block-level elements as Python-Markdown knows them, less the ones without an end tag, and
the elements that swallow what follows them or that the browser keeps open."""
FORMATTING = {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike"}
FORMATTING |= {"strong", "tt", "u"}
"""Inline elements that HTML carries on into every later paragraph while they are open: an
unclosed ``<strong>`` makes the rest of the page bold, an unclosed ``<a>`` a link."""
PARAGRAPH_END = re.compile(rf"[ \t]*$|{HEADING_LINE}")
"""A line that ends the paragraph before it: a blank one, or a heading."""
ENDLESS = "plaintext"
"""An element no end tag closes: the browser shows all that follows it as text."""
MARKUP_OPENING_A_LINE = re.compile(r" {0,3}(<\?|<!\[CDATA\[)")
"""Markup that Python-Markdown reads as raw HTML where it opens a line (indented less than
a code block), up to its closing however far after it (:data:`MARKUP_ENDS`)."""
MARKUP_ENDS = {
    "<?": ("processing instruction", "?>", re.compile(r"\?>")),
    "<![CDATA[": ("CDATA section", "]]>", re.compile(r"]\s*]\s*>")),
}
"""Opening -> what it opens, its closing, and the pattern Python-Markdown finds it with."""

UNCLOSED = "page.unclosed-html"
"""The code of a block (or other markup) left open, which swallows the rest of the page."""
DECLARATION_OPENING_A_LINE = re.compile(r" {0,3}(<!)[A-Za-z]")
"""A declaration (``<!DOCTYPE html>``) where it opens a line: pasted from a web page."""
DECLARATION_PROBLEM = (
    "'<!' opens a declaration that does not end on its line; the site's Markdown converter "
    "would read on to the next '>', a later tag's, and splice what lies between, the quiz "
    "included, into the wrong places",
    "end it with '>' on the same line, or better leave it out (a course page needs no "
    "declarations); write '&lt;!' to show the characters",
    UNCLOSED,
)
TAG_RUNNING_ON = re.compile(
    r"<(/?[A-Za-z][\w:-]*+)(?:[^<>\"']|\"[^\"]{0,1000}\"|'[^']{0,1000}')*+(?=</?([A-Za-z][\w:-]*))"
)
"""A tag with no '>' before the next tag (``第一行<br`` and, lines below, ``<figure>``): it
runs on to the next tag's '>' and takes that tag into it. Quoted values may hold '<' (the
bound keeps a quote never closed from sending every search to the end of the page; the
possessive repeats give nothing back, so a long run of letters is read once)."""
NOT_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
"""What holds '<' that is no tag: a script's or style sheet's code (``i<n``), a comment."""
Finding = tuple[int, int, str, str, str]
"""Line and column in the page's file, what is wrong, how to fix it, and the code."""


def html_problems(page: Page, text: str) -> list[Problem]:
    """Block HTML in ``text``, the body with its code blanked, that is never closed, or
    closed twice, inline formatting left open at the end of its paragraph, and processing
    instructions or CDATA sections never closed, and comments that hide or show more than
    meant. These are left out of the blocks' balance: Python's HTML parser would end them at
    the next '>', a tag's."""
    ends = {n for n, line in enumerate(page.body.split("\n"), 1) if PARAGRAPH_END.match(line)}
    comments, text = comment_problems(page, text, ends)
    unclosed, text = _unclosed_markup(text, page.body_line)
    running_on, text = _tags_running_on(text, page.body_line)
    balance = _BlockBalance(page.body_line, ends)
    balance.feed(text)
    balance.close()
    findings = [*unclosed, *running_on, *balance.problems]
    return comments + [
        Problem(page.source.path, line, column, message, fix, code)
        for line, column, message, fix, code in findings
    ]


def _tags_running_on(text: str, first_line: int) -> tuple[list[Finding], str]:
    """Each tag of ``text`` (the body, from ``first_line`` of the page's file) that runs on
    into the next where either is a block, and ``text`` with its '<' blanked, so that the
    tag it would take in is followed as written (its end tag, many lines on, is no longer
    "closes nothing")."""
    findings: list[Finding] = []
    kept: list[str] = []
    taken = 0
    tags_only = NOT_MARKUP.sub(lambda found: " " * len(found[0]), text)
    for found in TAG_RUNNING_ON.finditer(tags_only):
        if not {found[1].lstrip("/").lower(), found[2].lower()} & TRACKED:
            continue  # inline tags run together (a <b a <b): the blocks stay as written
        start = found.start()
        findings.append((*place_of(text, start, first_line), *_running_on_problem(found[1])))
        kept.append(f"{text[taken:start]} ")
        taken = start + 1
    return findings, "".join([*kept, text[taken:]])


def _running_on_problem(name: str) -> tuple[str, str, str]:
    return (
        f"'<{name}' has no '>' before the next tag; the site's Markdown converter reads on to "
        "that tag's '>' and takes it in, and the HTML after it falls apart",
        f"end it with '>' (<{name}>), or write '&lt;' to show a less-than sign",
        UNCLOSED,
    )


def _unclosed_markup(text: str, first_line: int) -> tuple[list[Finding], str]:
    """Each processing instruction or CDATA section that opens a line of ``text`` (the
    body, from ``first_line`` of the page's file) and is never closed, and each declaration
    that opens a line and does not end on it; ``text`` with their '<' blanked."""
    last_closing = {
        opening: max((found.start() for found in closing.finditer(text)), default=-1)
        for opening, (_, _, closing) in MARKUP_ENDS.items()
    }
    unclosed = []
    kept = []
    line_start = 0
    for number, line in enumerate(text.split("\n"), first_line):
        found = _unclosed_opening(line, line_start, last_closing)
        if found is None:
            kept.append(line)
        else:
            column, problem = found
            unclosed.append((number, column, *problem))
            kept.append(f"{line[: column - 1]} {line[column:]}")
        line_start += len(line) + 1
    return unclosed, "\n".join(kept)


def _unclosed_opening(
    line: str, line_start: int, last_closing: dict[str, int]
) -> tuple[int, tuple[str, str, str]] | None:
    """The column of markup that opens ``line`` (at ``line_start`` in the body) and is not
    closed, and its problem: a processing instruction or CDATA section with no closing after
    it, or a declaration (``<!DOCTYPE``) that does not end on its line. Python-Markdown reads
    a declaration up to the next '>' however far on, a later tag's included, so what lies
    between (the quiz too) is spliced as raw HTML."""
    found = MARKUP_OPENING_A_LINE.match(line)
    if found and line_start + found.end() > last_closing[found[1]]:
        return found.start(1) + 1, _unclosed_markup_problem(found[1])
    declaration = DECLARATION_OPENING_A_LINE.match(line)
    if declaration and ">" not in line[declaration.end() :]:
        return declaration.start(1) + 1, DECLARATION_PROBLEM
    return None


def _unclosed_markup_problem(opening: str) -> tuple[str, str, str]:
    name, closing, _ = MARKUP_ENDS[opening]
    return (
        f"'{opening}' opens a {name} that no '{closing}' closes; the site's Markdown converter "
        "would splice every HTML block after it, the quiz included, into the wrong places",
        f"write '&lt;{opening[1:]}' to show the characters (a course page has no use for {name}s)",
        UNCLOSED,
    )


def _swallowed(name: str) -> str:
    """What becomes of the rest of the page after the element ``name`` left open."""
    if name in KEPT_OPEN:
        return (
            "the browser keeps it open to the end, with the rest of the page, the quiz "
            "included, inside it (hidden in a <dialog>, one button in a <button>)"
        )
    return "the Markdown after it, the quiz heading included, would be shown as literal text"


class _BlockBalance(HTMLParser):
    """Follows block elements from start tag to end tag; records what does not match."""

    def __init__(self, first_line: int, paragraph_ends: set[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.paragraph_ends = paragraph_ends
        """The body's lines that end a paragraph as written (:data:`PARAGRAPH_END`; a line of
        code, blanked, is none), counted from 1 as the parser counts."""
        self.open: list[tuple[str, int, int]] = []
        self.inline: list[tuple[str, int, int]] = []
        """Formatting elements open in the paragraph being read."""
        self.problems: list[Finding] = []

    def where(self) -> tuple[int, int]:
        """Line and column in the page's file (the parser counts from the body's start, 0-based)."""
        line, offset = self.getpos()
        return self.first_line + line - 1, offset + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORMATTING:
            self.inline.append((tag, *self.where()))
        elif tag in TRACKED:
            self.open.append((tag, *self.where()))
        elif tag == ENDLESS:
            self.problems.append(
                (
                    *self.where(),
                    f"'<{tag}>' has no end: the browser shows the rest of the page after it, "
                    "the quiz included, as text",
                    f"delete it; to show code, use a fenced code block, or write '&lt;{tag}>'",
                    UNCLOSED,
                )
            )

    def handle_data(self, data: str) -> None:
        """A blank line or a heading ends a paragraph, outside blocks of raw HTML (a <pre> or
        a <div> passes through whole, blank lines and all)."""
        if self.open or not self.inline:
            return
        first = self.getpos()[0]
        if any(first + step in self.paragraph_ends for step in range(1, data.count("\n") + 1)):
            self._paragraph_ended()

    def handle_endtag(self, tag: str) -> None:
        if tag in FORMATTING:
            opened = [index for index, (name, _, _) in enumerate(self.inline) if name == tag]
            if opened:
                del self.inline[opened[-1]]
            return
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
        self._paragraph_ended()
        for index, (name, line, column) in enumerate(self.open):
            if index == 0 or name not in IMPLIED_END:
                self._unclosed(name, line, column, f"by the end of the page; {_swallowed(name)}")
        self.open.clear()

    def _paragraph_ended(self) -> None:
        for name, line, column in self.inline:
            self.problems.append(
                (
                    line,
                    column,
                    f"'<{name}>' is not closed in its paragraph; the browser carries it on "
                    "into every paragraph after it (the rest of the page turns bold, italic "
                    "or into a link)",
                    f"add '</{name}>' where it should end, in the same paragraph",
                    UNCLOSED,
                )
            )
        self.inline.clear()

    def _unclosed(self, name: str, line: int, column: int, detail: str) -> None:
        self.problems.append(
            (
                line,
                column,
                f"'<{name}>' is not closed {detail}",
                f"add '</{name}>' where the block ends",
                UNCLOSED,
            )
        )
