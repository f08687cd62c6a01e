"""The tests' tabs share one browser context; each test still starts as a learner new to
the course (tests/conftest.py, ``LearnerTabs``).

What one test's tabs keep, open or are granted must be gone before the next test's tab
opens: a progress record left behind would pass a later test that should fail, or fail
one that should pass.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.conftest import LearnerTabs, new_window, window_of

pytestmark = pytest.mark.browser

KEPT = """() => {
    localStorage.setItem("mot-test", "kept");
    document.cookie = "mot-test=kept; max-age=3600";
    return new Promise((done) => {
        const opened = indexedDB.open("mot-test");
        opened.onupgradeneeded = () => opened.result.createObjectStore("kept");
        opened.onsuccess = () => { opened.result.close(); done(); };
    });
}"""

LEFT = """async () => ({
    storage: Object.keys(localStorage),
    cookie: document.cookie,
    databases: (await indexedDB.databases()).map((database) => database.name),
    clipboard: (await navigator.permissions.query({ name: "clipboard-read" })).state,
})"""


def left_behind(tab: Page, url: str) -> dict[str, Any]:
    tab.goto(url)
    left: dict[str, Any] = tab.evaluate(LEFT)
    return left


def test_a_test_s_tabs_leave_nothing_to_the_next(
    tabs: LearnerTabs, site_url: str, fixture_site_url: str
) -> None:
    urls = [f"{site_url}01-significance.html", f"{fixture_site_url}01-sample.html"]
    first = tabs.open()
    tabs.context.grant_permissions(["clipboard-read"])
    for url in urls:
        first.goto(url)
        first.evaluate(KEPT)
    beside = new_window(tabs.context)
    beside.goto(urls[0])
    assert "mot-test" in left_behind(first, urls[0])["storage"]
    tabs.clear()
    assert tabs.context.pages == tabs.keepers
    second = tabs.open()
    for url in urls:
        left = left_behind(second, url)
        assert "mot-test" not in left["storage"], url
        assert left["cookie"] == "" and left["databases"] == [], url
        assert left["clipboard"] == "prompt", url
    tabs.clear()


class _ClearThatMisses:
    """Chromium's clear as it sometimes was for a renderer's copy of the storage: no clear."""

    def send(self, method: str, params: dict[str, Any]) -> None:
        assert method == "Storage.clearDataForOrigin", method


def test_what_the_clear_missed_is_gone_at_the_next_test_s_first_page(
    tabs: LearnerTabs, fixture_site_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record an earlier test left, which Chromium's clear missed, is gone when the next
    test's first page of the site opens; what that test's pages store stays for its other
    pages, in the same tab or another (``LearnerTabs.one_test``)."""
    url = f"{fixture_site_url}01-sample.html"
    monkeypatch.setattr(tabs, "_storage", _ClearThatMisses())
    with tabs.one_test():
        tabs.open().goto(url)
        tabs.context.pages[-1].evaluate("localStorage.setItem('mot-test', 'left')")
    with tabs.one_test():
        first = tabs.open()
        first.goto(url)
        assert first.evaluate("localStorage.getItem('mot-test')") is None
        first.evaluate("localStorage.setItem('mot-test', 'mine')")
        first.reload()
        beside = new_window(tabs.context)
        beside.goto(url)
        assert [tab.evaluate("localStorage.getItem('mot-test')") for tab in (first, beside)] == [
            "mine",
            "mine",
        ]
    monkeypatch.undo()
    tabs.clear()


def test_a_tab_is_the_size_asked_for_or_playwright_s_default(tabs: LearnerTabs) -> None:
    assert tabs.open((390, 844)).viewport_size == {"width": 390, "height": 844}
    assert tabs.open().viewport_size == {"width": 1280, "height": 720}
    tabs.clear()


def test_a_learners_pages_are_each_in_sight(
    context: BrowserContext, tabs: LearnerTabs, site_url: str
) -> None:
    """One learner's browser is the shared context: its first two pages are tabs in front
    of the keepers, each in the window of its own a keeper keeps (a new window costs
    Chromium more), each next one a window of its own, none a tab behind another, which
    Chromium hardly draws (``new_window``)."""
    pages = [new_window(context) for _ in range(3)]
    for page in pages:
        page.goto(site_url)
    kept = {window_of(keeper) for keeper in tabs.keepers}
    windows = [window_of(page) for page in pages]
    assert len(kept) == 2 and set(windows[:2]) == kept
    assert windows[2] not in kept
    assert sorted(page.evaluate("innerWidth") for page in pages) == [1280] * 3
