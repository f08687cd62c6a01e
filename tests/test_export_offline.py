"""The offline package, unzipped and opened from the file system with no server at all."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.load import load_course
from generator.project import Project
from tests.browsing import answer, record_requests, search
from tests.conftest import run_generator

pytestmark = pytest.mark.browser


@pytest.fixture
def unzipped(minimal_project: Path, tmp_path: Path) -> Path:
    assert run_generator(minimal_project, "export", "offline") == 0
    target = tmp_path / "classroom-pc"
    with zipfile.ZipFile(minimal_project / "dist/mot-course-offline.zip") as package:
        package.extractall(target)
    return target


def test_package_holds_the_shim_and_the_inlined_index(unzipped: Path) -> None:
    shim = unzipped / "assets/vendor/iframe-worker/shim.js"
    assert shim.is_file()
    assert (unzipped / "assets/vendor/iframe-worker/LICENSE").is_file()
    inlined_index = (unzipped / "search/search_index.js").read_text(encoding="utf-8")
    assert inlined_index.startswith("var __index")
    index = (unzipped / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in index
    assert "unpkg.com" not in index


def test_works_from_the_file_system_without_any_host(
    page: Page, unzipped: Path, minimal_project: Path
) -> None:
    module = load_course(Project(minimal_project)).modules[0]
    requests = record_requests(page)
    page.goto((unzipped / "index.html").as_uri())
    page.locator(f'.md-content a[href="{module.page.name}.html"]').first.click()
    expect(page).to_have_url((unzipped / f"{module.page.name}.html").as_uri())
    form = answer(page, module)
    expect(form.locator(".mot-explanation")).to_be_visible()
    expect(page.locator(".mot-score")).to_have_attribute("data-answered", "1")
    search(page, "倾听")
    hosts = [url for url in requests if url.startswith(("http:", "https:"))]
    assert hosts == []
    assert any(url.endswith("/search/search_index.js") for url in requests)
