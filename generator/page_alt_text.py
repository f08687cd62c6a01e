"""Pictures with no text alternative, which a learner using a screen reader misses.

The course is to work with a screen reader, which reads a picture's alt text in its place.
A Markdown picture's alt text is the text between its brackets: ``![](images/kano.png)``
gives ``alt=""``, which tells a screen reader to pass the picture over, as one that only
decorates the page; an ``<img>`` with no ``alt`` at all has it read out the file's name, or
say only "image". Both are reported (``page.missing-alt-text``). An empty alt written in
HTML, ``<img src="images/line.png" alt="">``, is taken as meant: that is how a picture that
only decorates the page is written, and the fix says so. Left alone too: a picture named
otherwise (``aria-label``, ``aria-labelledby``; an ``<img>``'s ``title``, read when it has
no alt; an alt or a name given in attr_list's braces, ``![](images/x.png){ alt="…" }``) or
marked as decoration (``role="presentation"`` or ``"none"``, ``aria-hidden="true"``); a
picture in a ``<figure>`` whose ``<figcaption>`` names it, which HTML lets go without alt;
and a Markdown picture in a block of raw HTML with no ``markdown`` attribute, which the site
shows as text. The course's diagrams are inline SVG named by their ``<title>`` (``role="img"
aria-labelledby="…"``), no ``<img>``; markup the generator writes is not in a page's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser

from markdown.util import BLOCK_LEVEL_ELEMENTS

from generator.errors import Problem
from generator.models import Page
from generator.page_link_addresses import ANY_TAG, element_spans, without_comments
from generator.page_text import place_of

UNDESCRIBED = re.compile(
    r"(?<!\\)!\[(?P<blank>[ \t]*)\]"
    r"(?:\((?P<inside>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)|\[(?P<name>[^\[\]\n]+)\])"
    r"(?P<attributes>\{[^{}\n]*\})?"
)
"""A Markdown picture with nothing between its brackets, its address in parentheses or
named by a reference (``![][kano]``), and attr_list's braces after it, if any."""
NAMING = re.compile(r"(?<![\w-])(?:alt|aria-label|aria-labelledby|aria-hidden|role)\s*=")
"""An attribute in attr_list's braces that gives a picture its alt text or another name, or
marks it as decoration."""
DEFINITION = re.compile(
    r"^ {0,3}\[(?P<name>[^\]\n]+)\]:[ \t]*(?:<(?P<angled>[^>\n]*)>|(?P<plain>\S+))", re.MULTILINE
)
"""A reference's definition (``[kano]: images/kano.png``) and its address."""
IMG_TAG = re.compile(r"<img\b(?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*>", re.IGNORECASE)
CAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.IGNORECASE | re.DOTALL)
DECORATION_ROLES = {"presentation", "none"}
NAME_ATTRIBUTES = ("aria-label", "aria-labelledby", "title")
"""Attributes that name an ``<img>`` with no alt."""
DESCRIPTION = "what the picture shows"
CODE = "page.missing-alt-text"
MISSED = "and a learner who cannot see it misses what it shows"


def pictures_without_text(page: Page, text: str) -> Iterator[Problem]:
    """Each picture of ``text`` (the body, code blanked) with no text alternative, outside
    comments: Markdown's with nothing between its brackets, HTML's with no alt."""
    shown = without_comments(text)
    captioned = [
        (start, end)
        for start, end, _ in element_spans(shown, {"figure"})
        if _has_caption(shown[start:end])
    ]
    as_text = [
        (start, end)
        for start, end, tag in element_spans(shown, BLOCK_LEVEL_ELEMENTS)
        if "markdown" not in _attributes(tag)
    ]
    found = [
        (picture.start(), _markdown_problem(picture, shown))
        for picture in UNDESCRIBED.finditer(shown)
        if not _within(picture.start(), as_text)
    ]
    found += [(tag.start(), _html_problem(tag[0])) for tag in IMG_TAG.finditer(shown)]
    for offset, problem in sorted(found, key=lambda each: each[0]):
        if problem is not None and not _within(offset, captioned):
            place = place_of(text, offset, page.body_line)
            yield Problem(page.source.path, *place, *problem, CODE)


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _has_caption(figure: str) -> bool:
    """Whether ``figure`` has a ``<figcaption>`` with text, which names its picture."""
    return any(ANY_TAG.sub("", caption[1]).strip() for caption in CAPTION.finditer(figure))


def _markdown_problem(found: re.Match[str], text: str) -> tuple[str, str] | None:
    """What is wrong with the Markdown picture ``found`` (nothing between its brackets) and
    how to fix it; None if it is named in its braces, or has no address, which
    :mod:`generator.page_link_addresses` tells."""
    if found["attributes"] and NAMING.search(found["attributes"]):
        return None
    address = _address(found["inside"]) if found["name"] is None else _defined(found["name"], text)
    if not address:
        return None
    written = found[0]
    blank = found.start("blank") - found.start()
    described = f"{written[:blank]}{DESCRIPTION}{written[blank + len(found['blank']) :]}"
    return (
        f"the picture '{written}' has no text between its brackets, which the site makes its "
        f"alt text: a screen reader passes the picture over, {MISSED}",
        f"describe what it shows between the brackets: {described}; if it only decorates the "
        f'page, write it in HTML with an empty alt: <img src="{address}" alt="">',
    )


def _address(inside: str) -> str:
    """The address of an inline picture, from what its parentheses hold."""
    inside = inside.strip()
    if inside.startswith("<"):
        return inside[1:].partition(">")[0].strip()
    first = inside.split(maxsplit=1)[0] if inside else ""
    return "" if first.startswith(('"', "'")) else first


def _defined(name: str, text: str) -> str:
    """The address the reference ``name`` is defined as in ``text``, if it is."""
    wanted = " ".join(name.lower().split())
    for definition in DEFINITION.finditer(text):
        if " ".join(definition["name"].lower().split()) == wanted:
            return (definition["angled"] or definition["plain"] or "").strip()
    return ""


def _html_problem(tag: str) -> tuple[str, str] | None:
    """What is wrong with the ``<img>`` ``tag`` if it has no alt nor another name, and is not
    marked as decoration, and how to fix it."""
    attributes = _attributes(tag)
    if "alt" in attributes or "hidden" in attributes:
        return None
    if any(attributes.get(name, "").strip() for name in NAME_ATTRIBUTES):
        return None
    if attributes.get("role", "").strip().lower() in DECORATION_ROLES:
        return None
    if attributes.get("aria-hidden", "").strip().lower() == "true":
        return None
    closing = "/>" if tag.endswith("/>") else ">"
    fixed = f'{tag[: -len(closing)].rstrip()} alt="{DESCRIPTION}"{closing}'
    return (
        f"the picture '{tag}' has no alt text: a screen reader reads out its file name, or "
        f'says only "image", {MISSED}',
        f"describe what it shows in an alt attribute: {fixed}; if it only decorates the page, "
        'write alt=""',
    )


def _attributes(tag: str) -> Mapping[str, str]:
    """The attributes of the opening ``tag``, by their names in lower case (an attribute
    with no value has an empty one)."""
    return _OpeningTag(tag).attributes


class _OpeningTag(HTMLParser):
    """Reads one opening tag's attributes as the browser reads them."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: dict[str, str] = {}  # the first of an attribute given twice, as read
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = {name: value or "" for name, value in reversed(attrs)}
