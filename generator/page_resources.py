"""Pictures, scripts, styles, frames and media that a page would load from another site.

AUTHORING.md asks that a page load nothing from elsewhere: the course is read where many
sites are blocked (mainland China), where such a page waits on them, and every load tells
the other site who reads the page. A link to another site is fine: the learner follows it
by choice. Found in the body's text with its code blanked: an HTML attribute that loads
what it names (``src``, ``srcset``, ``poster``, ``data``, ``background``, a stylesheet
``<link>``'s ``href``, an SVG ``<image>``'s ``href`` or ``xlink:href``), and CSS
``url(…)``, ``@import`` and ``image-set(…)`` in a ``<style>`` block or a ``style``
attribute, each read as the browser reads it (:mod:`generator.css_loads`). A Markdown
picture, the reference forms too, is taken from the converted page
(:func:`picture_elsewhere`). CSS that loads a file on the trainer's own computer
(``url(file:///C:/…)``) is told as a link or picture naming one is (``link.local-file``),
and CSS that names a file under course/ that is not there as a link to it is
(``link.missing-file``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from generator.css_loads import (
    Decoded,
    Load,
    css_decoded,
    css_loads,
    html_decoded,
    load_at,
    read_elsewhere,
)
from generator.errors import Problem
from generator.media import css_file_problem
from generator.models import Page
from generator.page_text import Place, place_of

ATTRIBUTE = re.compile(
    r"(?=[bcdfhimpsx])(?<![\w:.-])(?P<name>src|srcset|imagesrcset|poster|ping|data|background|(?:xlink:)?href"
    r"|style|fill|stroke|filter|mask|clip-path|cursor|marker-(?:start|mid|end))\s*=\s*"
    r"(?:\"(?P<double>[^\"<>]*)\"|'(?P<single>[^'<>]*)'|(?P<bare>[^\s\"'=<>`{}]+))",
    re.IGNORECASE,
)
"""An HTML attribute (or attr_list's: ``{ style="…" }``) that may load what it names (the
lookahead for the names' first letters keeps the search as fast as the old one, which
looked for ``//``)."""
SETS = {"srcset", "imagesrcset", "ping"}
"""Attributes that name several addresses: pictures (``a.png 1x, b.png 2x``), or the
addresses a link's ``ping`` tells when it is followed."""
CSS_ATTRIBUTES = {"style", "fill", "stroke", "filter", "mask", "clip-path", "cursor"}
"""Attributes whose value is CSS, or may name a resource with ``url(…)`` (SVG's ``marker-*``
too)."""
HREF_LOADING = re.compile(r"<(?:link|image|feImage|script)\b[^<>]*\Z", re.IGNORECASE)
"""An element up to its ``href``, if the browser loads that: a style sheet's ``<link>``,
SVG's ``<image>``, ``<feImage>`` and ``<script>``; not a link's ``<a>``."""
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)(?:</style\s*>|\Z)", re.IGNORECASE | re.DOTALL)
HEAD_ELEMENT = re.compile(r"<(?:(base)|meta\b[^<>]*?\bhttp-equiv)\b", re.IGNORECASE)
"""An element that belongs in a page's head, which the site writes, and that acts on the
whole page wherever it is: ``<base>`` and ``<meta http-equiv>``."""
SET_PART = re.compile(r"[^\s,]+")
"""An address or a size in a ``srcset`` (a size is never an address)."""

CSS, PING, HTML = "css", "ping", "html"
"""What loads an address: CSS, a link's ``ping`` or another attribute of HTML."""
ELSEWHERE_FIX = (
    "save the file in course/images/ or course/media/ and name it from there; a link to the "
    "other site, [text](address), is fine"
)


def elsewhere_problem(
    path: Path,
    place: Place,
    written: str,
    read: str,
    fix: str = ELSEWHERE_FIX,
    waiting: str = "the page",
) -> Problem:
    """The problem of ``written``, which the browser reads as ``read``, an address on another
    site, told at ``place`` in ``path``; ``waiting``: the pages that load it."""
    return Problem(path, *place, *_elsewhere(written, read, fix, waiting))


def _elsewhere(
    written: str, read: str, fix: str = ELSEWHERE_FIX, waiting: str = "the page"
) -> tuple[str, str, str]:
    """(message, fix, code) for ``written``, read as ``read``, loaded from another site."""
    return (
        f"'{written}'{_as_read(written, read)} is loaded from another site: {waiting} would wait "
        "on it where the site is blocked (as many are in mainland China), and tell it who "
        "reads the page",
        fix,
        "page.resource-elsewhere",
    )


def _as_read(written: str, read: str) -> str:
    """What to say of ``written`` when the browser reads it otherwise, as ``read``."""
    return "" if read == written else f" (the browser reads it as '{read}')"


def _pinged(written: str, read: str) -> tuple[str, str, str]:
    """(message, fix, code) for ``written``, read as ``read``, another site a link's ``ping``
    names: the browser sends it a request whenever a learner follows the link."""
    return (
        f"'{written}'{_as_read(written, read)} is another site that the link's ping tells "
        "each time a learner follows the link: it would learn who reads the page",
        "delete the ping attribute: the link works without it",
        "page.resource-elsewhere",
    )


def picture_elsewhere(address: str) -> tuple[str, str, str] | None:
    """What is wrong with a Markdown picture of ``address`` (as the converted page holds it,
    character references unread), if it is on another site: (message, fix, code)."""
    written = address.strip()
    read = read_elsewhere(html_decoded(written).text.strip())
    return None if read is None else _elsewhere(written, read)


def head_elements(page: Page, text: str) -> Iterator[Problem]:
    """Each ``<base>`` and ``<meta http-equiv>`` in ``text``, the body with its code blanked.
    A ``<base href>`` makes every address of the page start from it: Material's scripts and
    styles, the quiz's and the icon load from the other site it names (or, from a bad
    address, from nowhere); ``refresh`` sends the learner elsewhere."""
    for found in HEAD_ELEMENT.finditer(text):
        if found[1]:
            wrong = (
                "'<base>' makes every address of the page start from the one it names: the "
                "theme's scripts and styles, the quiz's and the icon would load from there"
            )
        else:
            wrong = (
                "'<meta http-equiv>' acts on the whole page ('refresh' sends the learner to "
                "another address, or reloads the page, and what they were doing is lost)"
            )
        yield Problem(
            page.source.path,
            *place_of(text, found.start(), page.body_line),
            wrong,
            "delete it: the site writes each page's head itself; to lead to another page or "
            "site, link to it: [text](address)",
            "page.head-element",
        )


def resource_problems(page: Page, text: str, files: Collection[str]) -> Iterator[Problem]:
    """Each load from another site in ``text``, the page body with its code blanked (read
    whole: line by line took a tenth of a second on a course of 300 modules), and each file
    that CSS in it loads, in a ``<style>`` block or a ``style=""`` attribute, that the site
    does not have: on the trainer's computer (the page's HTML names it as written, which no
    learner's browser can open), outside course/, or not there. ``files``: those under
    course/."""
    for load, kind in _loads(text):
        written = text[load.start : load.end]
        if (read := read_elsewhere(load.address)) is not None:
            place = place_of(text, load.start, page.body_line)
            if kind == PING:
                yield Problem(page.source.path, *place, *_pinged(written, read))
            else:
                yield elsewhere_problem(page.source.path, place, written, read)
        elif kind == CSS and (missing := css_file_problem(written, load.address, ".", files)):
            message, fix, code = missing
            place = place_of(text, load.start, page.body_line)
            yield Problem(page.source.path, *place, message, fix, f"link.{code}")


def _loads(text: str) -> Iterator[tuple[Load, str]]:
    """What the HTML and CSS in ``text`` load, in order, and what loads it: CSS, a link's
    ping or another attribute of HTML."""
    found: list[tuple[Load, str]] = []
    for attribute in ATTRIBUTE.finditer(text):
        name = attribute["name"].lower()
        if name.endswith("href") and not HREF_LOADING.match(
            text, text.rfind("<", 0, attribute.start()), attribute.start()
        ):
            continue
        group = str(attribute.lastgroup)  # the value's: double, single or bare
        value = html_decoded(attribute[group])
        is_css = name in CSS_ATTRIBUTES or name.startswith("marker-")
        kind = CSS if is_css else PING if name == PING else HTML
        found += _moved(_value_loads(name, value, is_css), attribute.start(group), kind)
    for style in STYLE_ELEMENT.finditer(text):
        found += _moved(css_loads(css_decoded(style[1])), style.start(1), CSS)
    return iter(sorted(found, key=lambda load: load[0].start))


def _value_loads(name: str, value: Decoded, is_css: bool) -> Iterable[Load]:
    """What an attribute's ``value`` (its character references read) loads."""
    if is_css:
        return css_loads(value.then(css_decoded(value.text)))
    spans = [part.span() for part in SET_PART.finditer(value.text)]
    loads = (load_at(value, *span) for span in (spans if name in SETS else [(0, len(value.text))]))
    return [load for load in loads if load is not None]


def _moved(loads: Iterable[Load], offset: int, kind: str) -> list[tuple[Load, str]]:
    """``loads`` found in a part of the text that starts at ``offset``, by ``kind``."""
    return [(Load(load.address, load.start + offset, load.end + offset), kind) for load in loads]
