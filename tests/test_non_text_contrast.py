"""What shows a question's parts and the learner's progress stands out from the page at
3:1 (WCAG 1.4.11), in light and dark mode and in forced colours: the exam's progress bar
and an ordering question's rows. (Focus rings: test_learner.py; text: axe-core.)"""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

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
