"""Links that Python-Markdown shows as text, a mark left out or out of place.

``[确认](06-confirm.md#confirm`` (its ')' left out), ``[执行] (05-do.md)`` (a space between
its brackets) and ``[提议][offer]`` (a reference the page never defines) are on the site as
written, brackets and all, and the learner has no link: ``check`` said OK. A link is told
only when what it points to is plainly an address (:data:`generator.page_full_width.ADDRESS`),
as round brackets and square ones are everyday marks in Chinese text too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_full_width import ADDRESS
from generator.page_text import place_of

LINK_START = re.compile(
    r"!?\[(?P<text>[^\[\]\n]*)\]\((?P<address>[^\s()\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+)"
)
"""A link or picture up to the end of its address, which a Chinese character or mark ends
(``[图](images/x.png。``)."""
SPACED = re.compile(r"(?P<bang>!?)\[(?P<text>[^\[\]\n]+)\][ \t]+\((?P<address>[^\s()]+)\)")
"""A link with a space between its brackets and its address's."""
REFERENCE = re.compile(r"!?\[(?P<text>[^\[\]\n]+)\]\[(?P<name>[^\[\]\n^]*)\]")
"""A link to a reference, ``[提议][offer]`` (``[提议][]`` names its text)."""
DEFINITION = re.compile(r"^ {0,3}\[(?P<name>[^\]\n]+)\]:[ \t]*\S", re.MULTILINE)
"""A reference's definition, ``[offer]: 04-offer.md``."""
CODE = "page.link-shown-as-text"


def link_slips(page: Page, text: str) -> Iterator[Problem]:
    """Each link of ``text`` (the body, code blanked) the site shows as text."""
    yield from _unclosed(page, text)
    yield from _spaced(page, text)
    yield from _undefined(page, text)


def _unclosed(page: Page, text: str) -> Iterator[Problem]:
    for found in LINK_START.finditer(text):
        line_end = text.find("\n", found.end())
        rest = text[found.end() : line_end if line_end >= 0 else len(text)]
        if ")" in rest or "）" in rest or not _plain(found["address"]):  # closed, if oddly
            continue
        yield _problem(
            page,
            text,
            found,
            f"the link '{found[0]}' has no ')' after its address",
            f"close it: {found[0]})",
        )


def _spaced(page: Page, text: str) -> Iterator[Problem]:
    for found in SPACED.finditer(text):
        if _plain(found["address"]):
            fixed = f"{found['bang']}[{found['text']}]({found['address']})"
            yield _problem(
                page,
                text,
                found,
                f"the link '{found[0]}' has a space between ']' and '('",
                f"delete the space: {fixed}",
            )


def _undefined(page: Page, text: str) -> Iterator[Problem]:
    defined = {_name(found["name"]) for found in DEFINITION.finditer(text)}
    for found in REFERENCE.finditer(text):
        name = found["name"] or found["text"]
        if _name(name) in defined or name.isdigit():  # 见[1][2]: notes, not a link
            continue
        yield _problem(
            page,
            text,
            found,
            f"the link '{found[0]}' names the reference '{name}', which no line of the page "
            f"defines",
            f"add a line '[{name}]: address' below its paragraph, or write the address in the "
            f"link: [{found['text']}](address)",
        )


def _problem(page: Page, text: str, found: re.Match[str], what: str, fix: str) -> Problem:
    return Problem(
        page.source.path,
        *place_of(text, found.start(), page.body_line),
        f"{what}, so the site shows it as text",
        fix,
        CODE,
    )


def _plain(address: str) -> bool:
    return ADDRESS.fullmatch(address) is not None


def _name(name: str) -> str:
    """A reference's name as Python-Markdown matches it: case and runs of spaces aside."""
    return " ".join(name.lower().split())
