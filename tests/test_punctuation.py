"""Chinese quotation marks as a learner reads them, on the real course's pages.

Material's fonts are Latin ones first (the system's, Helvetica, Arial): “” drawn by them
took a third of a character's width and squeezed what they quote (说：“记录……”陈阿姨).
The course's style sheet has them drawn by a Chinese font the device has."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from generator.models import Course

pytestmark = pytest.mark.browser

NARROWEST = 0.45
"""A quotation mark's width, in Chinese characters: a Chinese font's are half one (Noto Sans
CJK, Source Han Sans) or a whole one (PingFang, Microsoft YaHei); Arial's, a third."""

QUOTE_WIDTHS = """root => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const width = (node, index) => {
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range.getBoundingClientRect().width;
  };
  const found = [];
  const HAN = /\\p{Script=Han}/u;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest("code, pre, svg")) continue;
    const text = node.textContent;
    for (let index = 0; index < text.length; index += 1) {
      const neighbour = HAN.test(text[index + 1]) ? index + 1 : index - 1;
      if ("“”‘’".includes(text[index]) && HAN.test(text[neighbour])) {
        const ratio = width(node, index) / width(node, neighbour);
        found.push([text.slice(Math.max(0, index - 4), index + 5), ratio]);
      }
    }
  }
  return found;
}"""
"""Each quotation mark beside a Chinese character, with its width in that character's."""


def test_quotation_marks_in_chinese_text_take_a_chinese_fonts_width(
    page: Page, site_url: str, course: Course
) -> None:
    measured, narrow = 0, []
    for module in course.modules:
        page.goto(f"{site_url}{module.page.name}.html")
        page.evaluate("document.fonts.ready.then(() => true)")
        widths = page.locator("article").evaluate(QUOTE_WIDTHS)
        measured += len(widths)
        narrow += [(module.page.name, *found) for found in widths if found[1] < NARROWEST]
    assert measured > 100
    assert narrow == []
