"""The course's diagrams as a learner sees them, on a desktop and on a phone: drawn as wide
as the text, their labels large enough to read and each inside its box, none over another.
The diagrams are the real course's, so a diagram added or redrawn is checked too."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal, TypedDict

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.models import Course, Module
from generator.page_diagrams import SMALLEST_LABEL  # the check's: unscaled, a phone drew 8-9 px
from tests.conftest import VIEWPORTS, LearnerTabs, watched_tab

pytestmark = pytest.mark.browser

SLACK = 0.5
"""Pixels a label may pass its box or another label by: rounding, not a collision."""


class Label(TypedDict):
    text: str
    size: float
    box: list[float]  # left, top, right, bottom, as drawn
    holder: list[float]  # the smallest box or circle (as its box) it is anchored in, or the SVG
    round: bool  # whether the holder is a circle


MEASURE_LABELS = """svg => {
  const frame = svg.getBoundingClientRect();
  const edges = box => [box.left, box.top, box.right, box.bottom];
  const shapes = [...svg.querySelectorAll("rect, circle")].map(shape =>
    ({ box: edges(shape.getBoundingClientRect()), round: shape.tagName === "circle" }));
  const holding = ({ x, y }) => shapes
    .filter(({ box }) => box[0] <= x && x <= box[2] && box[1] <= y && y <= box[3])
    .sort((a, b) => (a.box[2] - a.box[0]) * (a.box[3] - a.box[1])
      - (b.box[2] - b.box[0]) * (b.box[3] - b.box[1]))[0];
  return [...svg.querySelectorAll("text")].map(text => {
    const style = getComputedStyle(text);
    const drawing = text.getScreenCTM();   /* the diagram's, and the label's own scale */
    const size = parseFloat(style.fontSize) * Math.hypot(drawing.a, drawing.b);
    const drawn = text.getBoundingClientRect();
    const middle = (drawn.top + drawn.bottom) / 2;   /* the glyphs, not the line's leading */
    const glyphs = text.hasAttribute("transform") ? edges(drawn)   /* turned: as drawn */
      : [drawn.left, middle - size / 2, drawn.right, middle + size / 2];
    const plain = text.getBBox();
    const along = { start: 0, middle: 0.5, end: 1 }[text.getAttribute("text-anchor") || "start"];
    const anchor = new DOMPoint(plain.x + plain.width * along, plain.y + plain.height / 2)
      .matrixTransform(text.getScreenCTM());
    const holder = holding(anchor);
    return { text: text.textContent.trim(), size, box: glyphs,
      holder: holder ? holder.box : edges(frame), round: holder ? holder.round : false };
  });
}"""
"""Each label of a diagram: its text, its size and box as drawn (the glyphs' height, not the
line's), and the smallest rectangle or circle holding the point it is anchored at."""


def labels_of(
    page: Page, url: str, module: Module, read_as: Callable[[Page], None] | None = None
) -> list[list[Label]]:
    """The labels of each diagram on ``module``'s page, with its style sheets ``read_as``
    an older browser reads them, if given."""
    page.goto(f"{url}{module.page.name}.html")
    page.evaluate("document.fonts.ready.then(() => true)")
    if read_as:
        read_as(page)
    return [svg.evaluate(MEASURE_LABELS) for svg in page.locator(".mot-figure svg").all()]


def outside(label: Label) -> bool:
    """Whether a label reaches past the box or circle it is anchored in."""
    left, top, right, bottom = label["box"]
    h_left, h_top, h_right, h_bottom = label["holder"]
    if not label["round"]:
        return (
            left < h_left - SLACK
            or top < h_top - SLACK
            or right > h_right + SLACK
            or bottom > h_bottom + SLACK
        )
    centre_x, centre_y, radius = (
        (h_left + h_right) / 2,
        (h_top + h_bottom) / 2,
        (h_right - h_left) / 2,
    )
    return any(
        ((x - centre_x) ** 2 + (y - centre_y) ** 2) ** 0.5 > radius + SLACK
        for x in (left, right)
        for y in (top, bottom)
    )


def overlap(one: Label, other: Label) -> bool:
    (left, top, right, bottom), (o_left, o_top, o_right, o_bottom) = one["box"], other["box"]
    return (
        min(right, o_right) - max(left, o_left) > SLACK
        and min(bottom, o_bottom) - max(top, o_top) > SLACK
    )


SCREENS = {**VIEWPORTS, "small phone": (360, 780)}


@pytest.fixture(params=list(SCREENS))
def reader(tabs: LearnerTabs, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A tab on a desktop, a phone, or a phone as narrow as most are."""
    yield from watched_tab(tabs, size=SCREENS[request.param])


def test_diagram_labels_are_readable_and_each_in_its_place(
    reader: Page, site_url: str, course: Course
) -> None:
    """On a phone a diagram is drawn about half its size, and its labels were 8 to 9 px
    high. They grow there, so each is checked where it is drawn: large enough, inside the
    box or circle it is anchored in, and clear of every other label."""
    assert label_problems(reader, site_url, course) == ([], [], [])


def label_problems(
    page: Page, url: str, course: Course, read_as: Callable[[Page], None] | None = None
) -> tuple[list[tuple[object, ...]], ...]:
    """The course's diagram labels too small, past their box, and over another label."""
    small: list[tuple[object, ...]] = []
    astray: list[tuple[object, ...]] = []
    crossing: list[tuple[object, ...]] = []
    for module in course.modules:
        for figure, labels in enumerate(labels_of(page, url, module, read_as)):
            where = f"{module.page.name}, figure {figure + 1}"
            small += [
                (where, label["text"], round(label["size"], 1))
                for label in labels
                if label["size"] < SMALLEST_LABEL
            ]
            astray += [(where, label["text"]) for label in labels if outside(label)]
            crossing += [
                (where, one["text"], other["text"])
                for index, one in enumerate(labels)
                for other in labels[index + 1 :]
                if overlap(one, other)
            ]
    return small, astray, crossing


TURNED = """<figure class="mot-figure"><svg viewBox="0 0 640 400" role="img" aria-label="t">
<rect x="200" y="150" width="240" height="100"/>
<text x="320" y="205" font-size="16" text-anchor="middle">客户满意度</text>
<text x="30" y="200" font-size="16" transform="rotate(-90 30 200)">满意度 Satisfaction</text>
</svg></figure>"""
"""A trainer's diagram with a label turned on its side, as an axis's often is."""


def test_a_turned_label_stays_where_it_is_drawn(page: Page, site_url: str, course: Course) -> None:
    """A label the grown labels' rule turned about another origin was thrown off the
    diagram on a phone (a y axis's name, turned by a transform): it keeps its size."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}{course.modules[0].page.name}.html")
    page.locator(".md-content__inner").evaluate(
        "(content, figure) => content.insertAdjacentHTML('beforeend', figure)", TURNED
    )
    level, turned = page.locator(".mot-figure svg").last.evaluate(MEASURE_LABELS)
    assert level["size"] >= SMALLEST_LABEL
    assert not outside(level) and not outside(turned)


DRAWN_AND_ROOM = """svgs => svgs.map(svg => [svg.getBoundingClientRect().width,
  Math.min(svg.closest('.md-typeset').clientWidth, parseFloat(getComputedStyle(svg).maxWidth))])"""
"""Each diagram's width, and the width it has room for: the text's, up to its largest."""


def test_a_diagram_is_drawn_as_wide_as_the_text(
    learner: Page, site_url: str, course: Course
) -> None:
    """Material sizes a figure to fit what it holds, and a diagram as wide as its figure
    then takes the 300 px a browser gives a picture of no size of its own: every diagram
    was drawn 340 px wide on a desktop too, its smallest labels 7 px high."""
    narrow = []
    for module in course.modules:
        learner.goto(f"{site_url}{module.page.name}.html")
        for drawn, room in learner.locator(".mot-figure svg").evaluate_all(DRAWN_AND_ROOM):
            if drawn < room - 1:
                narrow.append((module.page.name, round(drawn), round(room)))
    assert narrow == []


MEASURE_CONTRAST = """svg => {
  const rgba = text => {
    const parts = text.match(/[\\d.]+/g).map(Number);
    return parts.length > 3 ? parts : [...parts, 1];
  };
  const filled = shape => {
    const fill = getComputedStyle(shape).fill;
    return fill.startsWith("rgb") ? rgba(fill) : null;
  };
  const over = (top, under) =>
    top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3])).concat(1);
  const luminance = colour => colour.slice(0, 3).map(c => c / 255)
    .map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (one, other) => {
    const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
    return (light + 0.05) / (dark + 0.05);
  };
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const shapes = [...svg.querySelectorAll("rect, circle")].filter(filled)
    .map(shape => ({ shape, box: shape.getBoundingClientRect() }));
  return [...svg.querySelectorAll("text")].map(text => {
    const drawn = text.getBoundingClientRect();
    const [x, y] = [(drawn.left + drawn.right) / 2, (drawn.top + drawn.bottom) / 2];
    const ground = shapes
      .filter(({ box }) => box.left <= x && x <= box.right && box.top <= y && y <= box.bottom)
      .reduce((under, { shape }) => over(filled(shape), under), page);   /* in the order drawn */
    return [text.textContent.trim(), ratio(over(filled(text) || [0, 0, 0, 1], ground), ground)];
  });
}"""
"""Each label of a diagram and its contrast with what it is drawn on: the shapes under its
middle, each over the one before, over the page."""
LEAST_CONTRAST = 4.5
"""WCAG's least contrast for text (AA)."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_labels_stand_out_from_what_they_are_drawn_on(
    page: Page, site_url: str, course: Course, scheme: Literal["light", "dark"]
) -> None:
    """In dark mode a label on the accent colour (the EODC circle, the numbered gaps) took
    the text's light colour, on orange: 1.9:1."""
    page.emulate_media(color_scheme=scheme)
    faint = []
    for module in course.modules:
        page.goto(f"{site_url}{module.page.name}.html")
        for figure, svg in enumerate(page.locator(".mot-figure svg").all()):
            faint += [
                (module.page.name, figure + 1, text, round(contrast, 2))
                for text, contrast in svg.evaluate(MEASURE_CONTRAST)
                if contrast < LEAST_CONTRAST
            ]
    assert faint == []


PHONES = {"phone": (390, 844), "small phone": (360, 780), "phone, text at 200%": (195, 422)}
"""Phones, the last as a phone 390 px wide lays a page out with its text at twice the size."""
READABLE = 11
"""Pixels: the smallest a diagram's label may be drawn at on a phone."""
AFTER_A_FRAME = "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0, true)))"


def smallest_label(figure: Locator) -> float:
    labels: list[Label] = figure.locator("svg").evaluate(MEASURE_LABELS)
    return min(label["size"] for label in labels)


def reachable(figure: Locator) -> bool:
    """Whether a figure fits, or scrolls sideways with the focus, named by its caption."""
    if figure.evaluate("figure => figure.scrollWidth <= figure.clientWidth"):
        return True
    named = bool(figure.locator("figcaption").inner_text().strip())
    return figure.get_attribute("tabindex") == "0" and named


@pytest.mark.parametrize("size", list(PHONES.values()), ids=list(PHONES))
def test_a_diagram_on_a_phone_is_large_enough_to_read(
    page: Page, site_url: str, course: Course, size: tuple[int, int]
) -> None:
    """Drawn as wide as the text, a diagram's smallest labels were 10.7 px on a phone 360 px
    wide, and shrank as a phone's text grew: 5.3 px at twice the size, where the text
    around them was 16 px. A diagram is now never drawn narrower than a phone's width:
    narrower, it scrolls sideways in its figure, which takes the focus and is named by its
    caption; the page itself never scrolls sideways."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    small, unreachable, page_wide = [], [], []
    for module in course.modules:
        page.goto(f"{site_url}{module.page.name}.html")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_function(AFTER_A_FRAME)  # each figure's size observed (mot-material.js)
        for number, figure in enumerate(page.locator(".mot-figure").all(), start=1):
            if (smallest := smallest_label(figure)) < READABLE:
                small.append((module.page.name, number, round(smallest, 1)))
            if not reachable(figure):
                unreachable.append((module.page.name, number))
        if page.evaluate("document.documentElement.scrollWidth") > width:
            page_wide.append(module.page.name)
    assert (small, unreachable, page_wide) == ([], [], [])


def test_a_diagram_wider_than_the_screen_scrolls_by_keyboard(
    page: Page, site_url: str, course: Course
) -> None:
    """A figure that scrolls sideways takes the focus, and the arrow keys scroll it."""
    page.set_viewport_size({"width": 195, "height": 422})
    page.goto(f"{site_url}{course.modules[0].page.name}.html")
    figure = page.locator(".mot-figure").first
    expect(figure).to_have_attribute("tabindex", "0")
    figure.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("figure => figure.scrollLeft > 0", arg=figure.element_handle())
