"""GitHub Pages: the site built for a project address, https://<user>.github.io/<repo>/.

The test server behaves like Pages for a project site: everything lives under /mot-course/
and a missing address answers 404 with the site's 404.html, whatever its depth.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Response, expect

from generator.load import load_course
from generator.models import Module
from generator.project import Project
from tests.browsing import answer, leaving, search
from tests.conftest import FIXTURES, copy_project, run_generator, serving

pytestmark = pytest.mark.browser

PREFIX = "/mot-course/"


class _ProjectPagesHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "missing")
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pages"), FIXTURES / "minimal")


@pytest.fixture(scope="module")
def pages_url(project: Path) -> Iterator[str]:
    """The minimal course built with SITE_URL set, as the Pages workflow does, and served."""
    handler = functools.partial(_ProjectPagesHandler, directory=str(project / "site"))
    with serving(handler) as origin:
        url = f"{origin}{PREFIX}"
        os.environ["SITE_URL"] = url
        try:
            assert run_generator(project, "build") == 0
        finally:
            del os.environ["SITE_URL"]
        yield url


@pytest.fixture(scope="module")
def module(project: Path) -> Module:
    return load_course(Project(project)).modules[0]


def watch_responses(page: Page) -> list[Response]:
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    return responses


def assert_all_assets_load(responses: list[Response], url: str) -> None:
    assets = [r for r in responses if r.request.resource_type in {"stylesheet", "script", "image"}]
    assert assets, "the page loaded no styles or scripts"
    assert [(r.url, r.status) for r in assets if r.status != 200] == []
    assert [r.url for r in assets if not r.url.startswith(url)] == []


def test_module_page_and_quiz_under_the_sub_path(
    page: Page, pages_url: str, module: Module
) -> None:
    responses = watch_responses(page)
    page.goto(pages_url)
    # Instant navigation makes the links absolute, under the sub-path.
    page.locator(f'.md-content a[href$="/{module.page.name}.html"]').first.click()
    expect(page).to_have_url(f"{pages_url}{module.page.name}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    answer(page, module, 0, right=True)
    expect(page.locator(".mot-score")).to_have_attribute("data-answered", "1")
    assert_all_assets_load(responses, pages_url)


def test_search_under_the_sub_path(page: Page, pages_url: str) -> None:
    page.goto(f"{pages_url}index.html")
    search(page, "倾听")


def test_404_page_loads_its_styles_and_scripts(page: Page, pages_url: str) -> None:
    responses = watch_responses(page)
    response = page.goto(f"{pages_url}no/such/page.html")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("404：页面不存在")
    expect(page.locator(".md-content").get_by_role("link", name="课程首页")).to_have_attribute(
        "href", re.compile(rf"^({re.escape(pages_url)}|{re.escape(PREFIX)})index\.html$")
    )
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in {
        "sticky",
        "fixed",
    }
    assert page.evaluate("typeof window.document$") == "object"
    assert_all_assets_load(responses, pages_url)
    home = page.locator("a.md-header__button.md-logo")
    expect(home).to_have_attribute("href", re.compile(rf"^{re.escape(PREFIX)}|^{pages_url}"))


def test_no_request_leaves_the_site(page: Page, pages_url: str, module: Module) -> None:
    origin = pages_url.removesuffix(PREFIX)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for address in ("index.html", f"{module.page.name}.html"):
        page.goto(f"{pages_url}{address}", wait_until="networkidle")
    assert requests
    assert leaving(requests, origin) == []
