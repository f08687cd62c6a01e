"""No page of the real course asks another host for anything: fonts, scripts, images.

Covers the home page, the first module and the final exam (any page named *exam*). The
minimal course gets the same check under a GitHub Pages sub-path in test_pages.py, and the
offline package over file:// in test_export_offline.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from generator.load import load_course
from generator.project import Project
from tests.browsing import leaving
from tests.conftest import PROJECT

pytestmark = pytest.mark.browser


def pages_to_check() -> list[str]:
    course = load_course(Project(PROJECT))
    modules = [f"{module.page.name}.html" for module in course.modules[:1]]
    exams = [f"{page.name}.html" for page in course.pages if "exam" in page.name]
    return ["index.html", *modules, *exams]


def test_no_request_leaves_the_site(page: Page, site_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    checked = pages_to_check()
    assert len(checked) >= 2, "the real course has no module yet"
    for address in checked:
        page.goto(f"{site_url}{address}", wait_until="networkidle")
        page.mouse.wheel(0, 10_000)  # lazy images and the like load on scroll
        page.wait_for_load_state("networkidle")
    assert leaving(requests, site_url.removesuffix("/")) == []
