"""Pictures, scripts, styles, frames and media that a page would load from another site.

AUTHORING.md asks that a page load nothing from elsewhere: the course is read where many
sites are blocked (mainland China), where such a page waits on them, and every load tells
the other site who reads the page. A link to another site is fine: the learner follows it
by choice. Found in the body's text with its code blanked: a Markdown picture, an HTML
attribute that loads what it names (``src``, ``srcset``, ``poster``, ``data``, a
stylesheet ``<link>``'s ``href``, an SVG ``<image>``'s ``href`` or ``xlink:href``), and
CSS ``url(…)`` and ``@import``. CSS that loads a file on the trainer's own computer
(``url(file:///C:/…)``) is told as a link or picture naming one is (``link.local-file``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from generator.errors import Problem
from generator.media import ON_COMPUTER, computer_file_link
from generator.models import Page
from generator.page_text import place_of

ELSEWHERE = r"(?:(?!file:)[a-z][a-z0-9+.-]*:)?//[^\s\"'()<>]+"
"""An address on another site: ``https://…``, ``http://…`` or ``//…``; not ``file://…``, a
file on the trainer's computer (:func:`generator.media.computer_file_link`)."""
CSS_LOAD = r"(?:@import\s+(?:url\(\s*)?[\"']?|\burl\(\s*[\"']?)"
"""What comes before the address CSS loads: ``url(``, ``@import``, and a quote if any."""
LOADS = re.compile(
    r"(?:!\[[^\]]*\]\(\s*<?"  # a Markdown picture
    r"|\b(?:src|srcset|poster|data)\s*=\s*[\"']?"  # an HTML attribute that loads
    r"|<link\b[^>]*?\bhref\s*=\s*[\"']?"  # a style sheet (or any <link>)
    r"|<(?:image|feImage)\b[^>]*?\bhref\s*=\s*[\"']?"  # a picture in SVG (or xlink:href)
    rf"|{CSS_LOAD})"  # CSS
    rf"({ELSEWHERE})",
    re.IGNORECASE,
)


CSS_ON_COMPUTER = re.compile(
    rf"{CSS_LOAD}(?P<address>(?:{ON_COMPUTER.pattern})[^\"'()<>\n]*?)\s*[\"')]", re.IGNORECASE
)
"""CSS that loads a file on the trainer's computer: ``url('file:///C:/Users/li/bg.png')``."""


def resources_elsewhere(page: Page, text: str) -> Iterator[Problem]:
    """Each load from another site in ``text``, the page body with its code blanked (read
    whole: line by line took a tenth of a second on a course of 300 modules)."""
    if "//" not in text:
        return
    for found in LOADS.finditer(text):
        yield Problem(
            page.source.path,
            *place_of(text, found.start(1), page.body_line),
            f"'{found[1]}' is loaded from another site: the page would wait on it where "
            "the site is blocked (as many are in mainland China), and tell it who reads "
            "the page",
            "save the file in course/images/ or course/media/ and name it from there; a "
            "link to the other site, [text](address), is fine",
            "page.resource-elsewhere",
        )


def css_computer_files(page: Page, text: str, files: Collection[str]) -> Iterator[Problem]:
    """Each file on the trainer's computer that CSS in ``text`` (the page body with its code
    blanked) loads, in a ``<style>`` block or a ``style=""`` attribute: the page's HTML names
    it as written, which no learner's browser can open. ``files``: those under course/."""
    for found in CSS_ON_COMPUTER.finditer(text):
        problem = computer_file_link(found["address"], files)
        if problem is not None:
            message, fix, code = problem
            yield Problem(
                page.source.path,
                *place_of(text, found.start("address"), page.body_line),
                message,
                fix,
                f"link.{code}",
            )
