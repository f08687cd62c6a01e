"""No page of the real course asks another host for anything: fonts, scripts, images.

Covers every page of the real course, the generated exam, certificate and 错题本 pages included.
The minimal course gets the same check under a GitHub Pages sub-path in test_pages.py, and
the offline package over file:// in test_export_offline.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from generator.load import load_course
from generator.project import EXAM_PAGES, MISTAKES_PAGE, Project, page_url
from tests.browsing import leaving
from tests.conftest import PROJECT

pytestmark = pytest.mark.browser


def pages_to_check() -> list[str]:
    course = load_course(Project(PROJECT))
    generated = [*(EXAM_PAGES if course.exam is not None else []), MISTAKES_PAGE]
    return [page_url(name) for name in [*(page.filename for page in course.pages), *generated]]


def test_the_pages_checked_include_the_generated_pages() -> None:
    checked = pages_to_check()
    assert {"index.html", "exam.html", "exam_certificate.html", "mistakes.html"} <= set(checked)
    assert len(checked) >= 9


def test_no_request_leaves_the_site(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for address in pages_to_check():
        page.goto(f"{site_url}{address}", wait_until="networkidle")
        page.mouse.wheel(0, 10_000)  # lazy images and the like load on scroll
        page.wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/mot-exam.js") for url in requests), "the exam part loaded"
    assert leaving(requests, site_url.removesuffix("/")) == []
