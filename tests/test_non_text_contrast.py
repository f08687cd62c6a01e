"""What shows a question's parts and the learner's progress stands out from the page at
3:1 (WCAG 1.4.11), in light and dark mode and in forced colours: the exam's progress bar
and an ordering question's rows. (Focus rings: test_learner.py; text: axe-core.)"""

from __future__ import annotations

import io
from typing import Literal

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from tests.browsing import COLOUR_SWITCH
from tests.journeys import open_page

pytestmark = pytest.mark.browser

Colour = tuple[int, ...]

BORDER = """element => {
  const rgba = colour => (colour.match(/[\\d.]+/g) || []).map(Number);
  let behind = element.parentElement;
  while (rgba(getComputedStyle(behind).backgroundColor)[3] === 0) {
    behind = behind.parentElement;
  }
  const ground = rgba(getComputedStyle(behind).backgroundColor).slice(0, 3);
  const [r, g, b, a = 1] = rgba(getComputedStyle(element).borderTopColor);
  return [[r, g, b].map((c, i) => Math.round(c * a + ground[i] * (1 - a))), ground];
}"""
"""``element``'s border colour laid over the opaque background behind it (Material's greys
are see-through), and that background."""


def luminance(colour: Colour) -> float:
    """WCAG's relative luminance of an sRGB colour."""
    channels = [c / 255 for c in colour[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return sum(
        weight * value for weight, value in zip((0.2126, 0.7152, 0.0722), linear, strict=True)
    )


def ratio(one: Colour, other: Colour) -> float:
    """The contrast ratio of two colours, as WCAG defines it."""
    light, dark = sorted([luminance(one), luminance(other)], reverse=True)
    return round((light + 0.05) / (dark + 0.05), 2)


def border_ratio(element: Locator) -> float:
    border, ground = element.evaluate(BORDER)
    return ratio(tuple(border), tuple(ground))


def drawn(page: Page, bar: Locator) -> dict[str, Colour]:
    """The colours a progress ``bar`` is drawn in, read off the screen: the page just left
    of it, its fill a sixth of the way in and its track five sixths in."""
    box = bar.bounding_box()
    assert box is not None
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
    middle = round(box["y"] + box["height"] / 2)
    at = {"page": -3.0, "fill": box["width"] / 6, "track": box["width"] * 5 / 6}
    rows = shot.crop((0, middle, shot.width, middle + 1)).tobytes()
    return {name: tuple(rows[3 * round(box["x"] + x) :][:3]) for name, x in at.items()}


def exam_progress(page: Page, url: str) -> Locator:
    """The exam's progress bar, a third of the way: one question of the three answered."""
    page.goto(f"{url}exam.html")
    page.get_by_role("button", name="开始考试").click()
    choices = ":is([data-question-type=single], [data-question-type=true_false]) input"
    page.locator(f".mot-exam-paper .mot-question{choices}").first.check()
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 1/3 题")
    return page.locator(".mot-exam-progress")


def test_the_exam_s_progress_bar_shows_what_is_answered(
    scheme_page: Page, fixture_site_url: str
) -> None:
    """In dark mode the browser's own bar kept a light track, 14:1 on the page, and filled
    it at 2.3:1: what was left to answer stood out, not what was answered. The fill stands
    out from the page, and the track is the page's own colour inside a 3:1 border."""
    bar = exam_progress(scheme_page, fixture_site_url)
    colours = drawn(scheme_page, bar)
    assert ratio(colours["fill"], colours["page"]) >= 3, colours
    assert ratio(colours["track"], colours["page"]) < 1.1, colours
    assert border_ratio(bar) >= 3


def test_the_progress_bar_keeps_its_fill_in_forced_colours(
    page: Page, fixture_site_url: str
) -> None:
    """Drawn in the page's colours, the bar lost its fill to forced colours: it takes the
    system's highlight there."""
    page.emulate_media(forced_colors="active")
    colours = drawn(page, exam_progress(page, fixture_site_url))
    assert ratio(colours["fill"], colours["page"]) >= 3, colours


def test_an_ordering_question_s_rows_are_outlined(scheme_page: Page, fixture_site_url: str) -> None:
    """At 1280 px the 上移/下移 buttons sit far from their row's text: the row's outline, at
    2.2:1, was what tied them together."""
    open_page(scheme_page, f"{fixture_site_url}01-sample.html", ".mot-quiz")
    assert border_ratio(scheme_page.locator(".mot-order-item").first) >= 3


DIAGRAM_COLOURS = """() => {
  const paint = element => getComputedStyle(element);
  const drawn = [];
  const all = selector => document.querySelectorAll(`.mot-figure :is(${selector})`);
  for (const element of all('.mot-text, .mot-arrowhead')) { drawn.push(paint(element).fill); }
  for (const element of all('.mot-stroke, [class*=mot-fill]')) {
    drawn.push(paint(element).stroke);
  }
  return [drawn, paint(document.body).backgroundColor];
}"""
"""The colours a page's diagrams draw their labels, arrowheads, lines and boxes' edges in, and
the page's own."""


def rgb(colour: str) -> Colour:
    return tuple(int(channel) for channel in colour[colour.index("(") + 1 : -1].split(","))


@pytest.mark.parametrize("system", ["dark", "light"])
@pytest.mark.parametrize("name", ["02-principles", "03-explore", "05-do"])
def test_diagrams_keep_their_lines_and_labels_in_forced_colours_whatever_scheme_is_picked(
    page: Page, site_url: str, system: Literal["dark", "light"], name: str
) -> None:
    """Forced colours leave an SVG's fill and stroke alone: with the header's switch pressed
    (the other scheme than the system's), the Kano curves, the matrix's axes and the EODC
    arrows were drawn in that scheme's colours, black on the system's black page."""
    page.emulate_media(color_scheme=system, forced_colors="active")
    open_page(page, f"{site_url}{name}.html", ".mot-quiz")
    page.locator(COLOUR_SWITCH).click()
    expect(page.locator("body")).not_to_have_attribute(
        "data-md-color-scheme", "slate" if system == "dark" else "default"
    )
    drawn, ground = page.evaluate(DIAGRAM_COLOURS)
    assert drawn
    faint = {colour for colour in drawn if ratio(rgb(colour), rgb(ground)) < 4.5}
    assert not faint, (faint, ground)


def test_a_focused_button_is_ringed_in_forced_colours(page: Page, site_url: str) -> None:
    """A button's focus showed as its background turning indigo, which forced colours take
    away: 开始学习 and 清除… on the home page, 下一模块 and 只重做答错的题 under a quiz."""
    page.emulate_media(forced_colors="active")
    open_page(page, site_url, ".mot-dashboard")
    page.keyboard.press("Tab")
    for button in page.locator(".mot-dashboard .md-button:visible").all():
        button.focus()
        ring = "e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]"
        assert button.evaluate(ring) == ["solid", "3px"]
