"""&, < and > in a page's text, as the search finds them and shows them.

Material's search index holds the pages' text escaped for HTML (``&amp;``, ``&lt;``,
``&gt;``), and its worker splits that text into words where the course's separator matches.
The separator split at the ';' alone, so SLA<24h held the words 'sla&lt' and '24h': a search
for SLA marked 'SLA&lt', which the results showed as "SLA<" with a stray ';' after it
(SLA<;24h), and a search for AT&T, split nowhere in the query, found nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.browsing import type_query
from tests.conftest import build_and_serve, copy_project

pytestmark = pytest.mark.browser

LINE = "服务承诺 SLA<24h，专线 AT&T 接通，评分 NPS>70 为佳。"
"""A line of a page's text with each of the three marks the index escapes."""
SECTION = "index.html?h={}#tips"
"""The address of the section the line ends, for the words searched."""


@pytest.fixture(scope="module")
def marked_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real course with :data:`LINE` at the end of its home page, built and served."""
    root = copy_project(tmp_path_factory.mktemp("marks"))
    home = root / "course" / "index.md"
    home.write_text(f"{home.read_text(encoding='utf-8')}\n{LINE}\n", encoding="utf-8")
    yield from build_and_serve(root)


@pytest.mark.parametrize("word", ["SLA", "24h", "AT", "NPS", "70"])
def test_a_word_next_to_a_mark_is_found_and_marked_alone(
    page: Page, marked_site_url: str, word: str
) -> None:
    page.goto(marked_site_url)
    shown = page.locator(".md-content p").filter(has_text="SLA<24h").inner_text()
    type_query(page, word)
    result = page.locator(".md-search-result__item").filter(has_text="SLA<")
    expect(result).to_have_count(1, timeout=15_000)
    assert result.inner_text().replace("\u200b", "").endswith(shown)  # no stray ';'
    assert result.locator("mark").all_inner_texts() == [word]


def test_a_word_holding_a_mark_is_found(page: Page, marked_site_url: str) -> None:
    page.goto(marked_site_url)
    type_query(page, "AT&T")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    links = page.locator(".md-search-result__link")
    hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert any(href.endswith(SECTION.format("at+t")) for href in hrefs), hrefs
