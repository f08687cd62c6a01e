"""Diagram labels too small to read on a phone.

A diagram (inline SVG in a ``<figure class="mot-figure">``) is drawn as wide as the text:
on a phone 360 px wide, :data:`PHONE_TEXT_WIDTH` px for a ``viewBox`` 640 units wide. There
``mot.css`` grows each label by :data:`LABEL_GROWTH`, but for a label turned by a
``transform``, which keeps its size. A label whose ``font-size`` is drawn under
:data:`SMALLEST_LABEL` px so is told at its line, with the size that would do (a warning:
the site builds). The browser tests measure the real course's labels as drawn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import NamedTuple

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_text import place_of
from generator.yaml_lines import echoed

PHONE_TEXT_WIDTH = 328
"""Pixels: the text column of a phone 360 px wide (Material pads it 16 px a side). ``mot.css``
draws a diagram there a little wider, to the screen's edges but 0.35rem a side (346 px):
the check keeps to the column, on the safe side."""
LABEL_GROWTH = 1.3
"""How much ``mot.css`` grows a level label where its figure is at most 480 px wide."""
SMALLEST_LABEL = 10
"""Pixels: the smallest a label may be drawn at."""

NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
FIGURE = re.compile(
    r"<figure\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmot-figure\b[^>]*>"
    r"((?:(?!<figure\b).)*?)</figure>",  # up to the next figure: never the rest of the page
    re.IGNORECASE | re.DOTALL,
)
SVG_TAG = re.compile(r"<svg\b[^>]*>", re.IGNORECASE)
VIEW_WIDTH = re.compile(
    rf"\bviewBox\s*=\s*[\"']\s*{NUMBER}[\s,]+{NUMBER}[\s,]+({NUMBER})", re.IGNORECASE
)
LABEL = re.compile(r"<text\b([^>]*)>((?:(?!<text\b).)*?)</text>", re.IGNORECASE | re.DOTALL)
FONT_SIZE = re.compile(rf"\bfont-size\s*(?:=\s*[\"']?|:)\s*({NUMBER})(?:px)?\b", re.IGNORECASE)
TURNED = re.compile(r"\btransform\s*=", re.IGNORECASE)
TAG = re.compile(r"<[^>]*>")


class Label(NamedTuple):
    """A diagram label whose font-size is written, as a phone draws it."""

    at: int
    """Where its ``<text`` starts in the page body."""
    words: str
    size: float
    per_unit: float
    """Pixels a unit of font-size is drawn at on a phone 360 px wide."""
    turned: bool

    @property
    def drawn(self) -> float:
        return self.size * self.per_unit


def small_labels(page: Page, text: str) -> Iterator[Problem]:
    """Each label of the page's diagrams drawn under :data:`SMALLEST_LABEL` px on a phone
    360 px wide; ``text`` is the page body with its code blanked."""
    for label in _labels(text):
        if label.drawn < SMALLEST_LABEL:
            yield _too_small(page, text, label)


def _labels(text: str) -> Iterator[Label]:
    for figure in FIGURE.finditer(text):
        svg = SVG_TAG.search(figure[1])
        width = VIEW_WIDTH.search(svg[0]) if svg else None
        scale = PHONE_TEXT_WIDTH / float(width[1]) if width and float(width[1]) > 0 else 0
        if not svg or not 0 < scale < math.inf:
            continue  # drawn at a size of its own: nothing to reckon with
        for found in LABEL.finditer(figure[1], svg.end()):
            if not (size := FONT_SIZE.search(found[1])):
                continue  # the page's own size: not written here
            turned = bool(TURNED.search(found[1]))
            per_unit = scale * (1 if turned else LABEL_GROWTH)
            words = " ".join(TAG.sub(" ", found[2]).split())
            yield Label(figure.start(1) + found.start(), words, float(size[1]), per_unit, turned)


def _too_small(page: Page, text: str, label: Label) -> Problem:
    shown = math.floor(label.drawn * 10) / 10  # 9.99 is not "10.0 px, under 10 px"
    return Problem(
        page.source.path,
        *place_of(text, label.at, page.body_line),
        f"the diagram label '{echoed(label.words)}' (font-size {label.size:g}) is drawn "
        f"{shown:.1f} px high on a phone 360 px wide, under the {SMALLEST_LABEL} px a label "
        "needs to be read",
        f"set its font-size to at least {math.ceil(SMALLEST_LABEL / label.per_unit)}"
        + (", or write it level: a turned label does not grow on a phone" if label.turned else ""),
        "page.diagram-label-small",
        Severity.WARNING,
    )
