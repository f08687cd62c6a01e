"""Tags in a page body whose name is no HTML element: ``按 <Enter> 键``, ``<Ctrl+C>``.

The body may hold raw HTML, so Python-Markdown passes whatever it reads as a tag through
as it is, and a browser drops a tag it does not know, with all that is written between its
'<' and '>': the learner read "按  键确认", and ``check`` said OK. Keyboard keys in angle
brackets and comparisons (``X<Y 且 Z>W``) are the usual cause. The page's scan names the
tags the converter kept as raw HTML (:mod:`generator.page_scan`), so a link's address in
angle brackets (``[术语表](<glossary.md>)``) or an abbreviation's title is none; a custom
element's name holds a '-', and SVG and MathML have elements of their own: those are left
as written. Each such tag is reported where the page's text, its code blanked, writes it.
A backslash escapes no '<' in Python-Markdown: ``\\<Tab>`` shows the backslash, and drops
the tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown.inlinepatterns import HTML_RE

from generator.errors import Problem
from generator.models import Page
from generator.page_text import blanked, place_of

ELEMENT_NAMES = """
a abbr address area article aside audio b base bdi bdo blockquote body br button canvas
caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe
img input ins kbd label legend li link main map mark math menu meta meter nav noscript object
ol optgroup option output p picture pre progress q rp rt ruby s samp script search section
select slot small source span strong style sub summary sup svg table tbody td template
textarea tfoot th thead time title tr track u ul var video wbr
acronym applet basefont bgsound big blink center dir font frame frameset image isindex keygen
listing marquee menuitem multicol nextid nobr noembed noframes param plaintext rb rtc spacer
strike tt xmp
"""
"""The elements of the HTML standard, and (from acronym on) the obsolete ones browsers still
parse."""
HTML_ELEMENTS = frozenset(ELEMENT_NAMES.split())
FOREIGN = {"svg", "math"}
"""Elements whose elements are not HTML's: an SVG drawing, a MathML formula."""
SPAN = re.compile(r"<!--|<(?P<name>svg|math|script|style)\b", re.IGNORECASE)
"""The start of what holds no HTML tags: a comment, a script's or style sheet's code, an SVG
drawing or a MathML formula."""
TAG = re.compile(HTML_RE)
UNKNOWN_TAG = "page.unknown-tag"


def unknown_tags(page: Page, text: str, names: list[str]) -> Iterator[Problem]:
    """Each tag in ``text``, the body with its code blanked, named one of ``names``: the
    names, in lower case, of the tags in the page's raw HTML that name no HTML element."""
    if not names:
        return
    tags_only = _without_spans(text)
    alternatives = "|".join(map(re.escape, names))
    named = re.compile(rf"</?(?P<name>{alternatives})(?=[\s/>])", re.IGNORECASE)
    for start in named.finditer(tags_only):
        if (found := TAG.match(tags_only, start.start())) is None:
            continue
        yield Problem(
            page.source.path,
            *place_of(text, found.start(), page.body_line),
            f"'{found[0]}' reads as an HTML tag, but no element is named '{start['name']}': "
            "the browser drops it, and the learner sees nothing of what it says",
            "to show it as text, write '&lt;' for its '<' (or put it in backticks); if it is "
            "meant as HTML, correct the element's name",
            UNKNOWN_TAG,
        )


def _without_spans(text: str) -> str:
    """``text`` with each :data:`SPAN` blanked to its end, or to the end of ``text`` where
    it has none (one pass, however many are never closed)."""
    pieces, done = [], 0
    while (opening := SPAN.search(text, done)) is not None:
        name = opening["name"]
        closing = re.compile(rf"</{name}\s*>" if name else "-->", re.IGNORECASE)
        end = found.end() if (found := closing.search(text, opening.end())) else len(text)
        pieces += [text[done : opening.start()], blanked(text[opening.start() : end])]
        done = end
    return "".join([*pieces, text[done:]])
