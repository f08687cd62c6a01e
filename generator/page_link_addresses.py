"""Markdown links with no address, and web addresses written as text, which are no links.

``[点击这里下载讲义]()`` (or ``[讲义](<>)``) becomes ``<a href="">``: a link to the page
itself, which only reloads it; ``![图]()`` a picture with no file, which shows nothing.
Both are reported (``link.empty-address``). A web address typed into the text
(``参见 https://www.example.com/mot``) is not made a link: the site has no extension that
does (no ``pymdownx.magiclink``), so it shows as text, which the learner cannot click.
That is told as a warning (``page.bare-address``), as a trainer may mean it as text;
angle brackets (``<https://…>``) or a Markdown link make it one. An address in code, in a
link, a tag, a comment, a reference's definition or an HTML element is left alone: there
it is a link already, or the brackets would not make it one. An address must start with
a letter or a digit after its ``//``, so that an example shortened to ``http://…`` is not
taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from markdown.util import BLOCK_LEVEL_ELEMENTS

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_text import blanked, place_of

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
OPENING_TAG = re.compile(
    r"<(?P<name>[A-Za-z][\w-]*)(?P<attributes>(?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*)>"
)
"""An HTML element's opening tag (its attribute values hold no ``<`` nor ``>``, which keeps
the search from reading on far past a stray quote)."""
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"})
"""The elements of a page's body that have no closing tag, and so nothing in them."""
ANY_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
"""A tag, opening or closing, and an address in angle brackets (``<https://…>``)."""
EMPTY_ADDRESS = re.compile(
    r"(?<![\\\]])(?P<bang>!?)\[(?P<text>(?!\^)[^\[\]\n]*)\]"
    r"\([ \t]*(?:<[ \t]*>)?[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*')?[ \t]*\)"
)
"""A Markdown link or picture with nothing between its parentheses but a title, if any
(``[讲义]()``, ``[讲义](<>)``, ``[讲义]( "标题")``); not a footnote's ``[^1]``."""
MARKDOWN_LINK = re.compile(
    r"!?\[[^\[\]\n]*\](?:\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|\[[^\[\]\n]*\])"
)
"""A Markdown link or picture, its text and its address (one level of brackets inside it,
as in ``(https://zh.wikipedia.org/wiki/A_(B))``), or a reference's name."""
DEFINITION_LINE = re.compile(r"^(?: {0,3}\[(?!\^)|\*\[)[^\]\n]+\]:.*$", re.MULTILINE)
"""A reference's definition (``[ref]: https://…``) or an abbreviation's (``*[MOT]: …``)."""
WEB_ADDRESS = re.compile(r"(?<![\w/.:@=\"'(<\[\\-])https?://[A-Za-z0-9](?:(?![<>\"'`])[!-~])*")
"""A web address written as text, as far as it goes without a space or a character that is
not ASCII (Chinese text right after it ends it, as the trainer reads it)."""
TRAILING = ".,;:!?*_~"
"""Marks that end a sentence, or emphasis, after an address rather than being a part of it."""
CLOSING = {")": "(", "]": "["}
"""A bracket that may close one opened before an address, and the one it closes."""
UNSHOWN_MARKUP = frozenset(
    {*BLOCK_LEVEL_ELEMENTS, "svg", "math", "a", "code", "kbd", "samp", "title", "button"}
)
"""The elements a web address in whose text is no bare address the fix would mend: a block
of raw HTML (Python-Markdown leaves ``<https://…>`` in it as a tag), SVG, a link, code."""
EMPTY_ADDRESS_CODE = "link.empty-address"
BARE_ADDRESS_CODE = "page.bare-address"


def without_comments(text: str) -> str:
    """``text`` with its HTML comments blanked, which the page does not show."""
    return COMMENT.sub(lambda found: blanked(found[0]), text)


def element_spans(text: str, names: Collection[str]) -> list[tuple[int, int, str]]:
    """The start and end of each outermost element of ``text`` named one of ``names``, from
    its opening tag to its closing one, and its opening tag. One never closed runs to the end
    of ``text``, as a block of raw HTML does; a void one (``<hr>``) holds nothing."""
    spans: list[tuple[int, int, str]] = []
    position = 0
    while (opening := OPENING_TAG.search(text, position)) is not None:
        name = opening["name"].lower()
        if name not in names or name in VOID or opening["attributes"].rstrip().endswith("/"):
            position = opening.end()
            continue
        position = _element_end(text, name, opening.end())
        spans.append((opening.start(), position, opening[0]))
    return spans


def _element_end(text: str, name: str, start: int) -> int:
    """Where the element ``name`` whose opening tag ends at ``start`` ends."""
    depth = 1
    for tag in re.finditer(rf"<(/?){re.escape(name)}\b[^<>]*>", text[start:], re.IGNORECASE):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return start + tag.end()
    return len(text)


def empty_addresses(page: Page, text: str) -> Iterator[Problem]:
    """Each Markdown link and picture of ``text`` (the body, code blanked) with no address,
    outside comments and blocks of raw HTML, where it is text."""
    shown = without_comments(text)
    blocks = [(start, end) for start, end, _ in element_spans(shown, BLOCK_LEVEL_ELEMENTS)]
    for found in EMPTY_ADDRESS.finditer(shown):
        if not any(start <= found.start() < end for start, end in blocks):
            yield Problem(
                page.source.path,
                *place_of(text, found.start(), page.body_line),
                *_empty_address(found[0], found["text"], bool(found["bang"])),
                EMPTY_ADDRESS_CODE,
            )


def _empty_address(written: str, label: str, picture: bool) -> tuple[str, str]:
    """What is wrong with the link or picture ``written``, with the text ``label`` and no
    address, and how to fix it."""
    if picture:
        described = label if label.strip() else "what the picture shows"
        return (
            f"the picture '{written}' has no address, so the page shows no picture there",
            f"write the picture's address between the parentheses: ![{described}](images/name.png)",
        )
    wrong = (
        f"the link '{written}' has no address, so the site makes it a link to the page "
        "itself, which only reloads it"
    )
    if not label.strip():
        return wrong, "delete it, or write its text and address: [text](media/name.pdf)"
    return wrong, (
        "write the address of the file or page it leads to between the parentheses "
        f"([{label}](media/name.pdf), [{label}](03-explore.md)); if it is no link, drop the "
        f"brackets: {label}"
    )


def bare_addresses(page: Page, text: str) -> Iterator[Problem]:
    """Each web address written as text in ``text`` (the body, code blanked), which the site
    shows as text, not as a link."""
    shown = without_comments(text)
    unshown = [(start, end) for start, end, _ in element_spans(shown, UNSHOWN_MARKUP)]
    for pattern in (DEFINITION_LINE, MARKDOWN_LINK, ANY_TAG):
        shown = pattern.sub(lambda found: blanked(found[0]), shown)
    for found in WEB_ADDRESS.finditer(shown):
        if any(start <= found.start() < end for start, end in unshown):
            continue
        address = _trimmed(found[0])
        yield Problem(
            page.source.path,
            *place_of(text, found.start(), page.body_line),
            f"'{address}' is written as text, which the site shows as it is: the learner "
            "cannot click it",
            f"make it a link: <{address}>, or give it a name: [name]({address})",
            BARE_ADDRESS_CODE,
            Severity.WARNING,
        )


def _trimmed(address: str) -> str:
    """``address`` without the marks after it that end a sentence or emphasis, and the
    brackets that close one opened before it (``(见 https://a.example)``)."""
    while address[-1] in TRAILING or (
        address[-1] in CLOSING and address.count(address[-1]) > address.count(CLOSING[address[-1]])
    ):
        address = address[:-1]
    return address
