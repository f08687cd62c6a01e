"""The offline package, unzipped and opened from the file system with no server at all."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from generator.load import load_course
from generator.models import Course
from generator.project import Project
from generator.search_index import OFFLINE_DOCUMENTS, OFFLINE_INDEX
from tests.browsing import answer, every_question, give_answer, hand_in, record_requests, search
from tests.conftest import copy_project, run_generator
from tests.journeys import expect_exam_results, paper_state


def unzip(package_path: Path, target: Path) -> Path:
    """Unzip as `unzip` does, into ``target`` itself; the site is the one folder it holds,
    named as the zip (so the files do not spill over the desktop)."""
    with zipfile.ZipFile(package_path) as package:
        package.extractall(target)
    assert [entry.name for entry in target.iterdir()] == [package_path.stem]
    return target / package_path.stem


@pytest.fixture
def unzipped(minimal_project: Path, tmp_path: Path) -> Path:
    assert run_generator(minimal_project, "export", "offline") == 0
    return unzip(minimal_project / "dist/mot-course-offline.zip", tmp_path / "classroom-pc")


@pytest.fixture(scope="module")
def real_course_unzipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course's offline package, exported once for the module's tests, unzipped."""
    root = copy_project(tmp_path_factory.mktemp("real-course"))
    assert run_generator(root, "export", "offline") == 0
    return unzip(root / "dist/mot-course-offline.zip", tmp_path_factory.mktemp("classroom-pc"))


@dataclass(frozen=True)
class Offline:
    """A course's offline package, unzipped; the course; a Chinese term its search finds."""

    site: Path
    course: Course
    term: str


@pytest.fixture(params=["fixture course", "real course"])
def offline(request: pytest.FixtureRequest) -> Offline:
    """The fixture course's package (every question type), or the real course's."""
    if request.param == "real course":
        return Offline(
            request.getfixturevalue("real_course_unzipped"),
            request.getfixturevalue("course"),
            "服务补救",  # a term of search-terms.txt: found whole, not as 服务 + 补救
        )
    project = request.getfixturevalue("minimal_project")
    return Offline(request.getfixturevalue("unzipped"), load_course(Project(project)), "倾听")


def test_a_package_named_otherwise_unzips_into_a_folder_of_its_name(
    minimal_project: Path, tmp_path: Path
) -> None:
    output = tmp_path / "服务课程 2026.zip"
    assert run_generator(minimal_project, "export", "offline", "--output", str(output)) == 0
    assert (unzip(output, tmp_path / "desktop") / "index.html").is_file()


def inlined(script: Path, name: str) -> dict[str, Any]:
    text = script.read_text(encoding="utf-8")
    assert text.startswith(f"var {name} = ")
    value: dict[str, Any] = json.loads(text.removeprefix(f"var {name} = "))
    return value


def test_package_holds_the_shim_and_the_inlined_index(unzipped: Path) -> None:
    shim = unzipped / "assets/vendor/iframe-worker/shim.js"
    assert shim.is_file()
    assert (unzipped / "assets/vendor/iframe-worker/LICENSE").is_file()
    settings = inlined(unzipped / OFFLINE_INDEX, "__index")
    assert settings["docs"] == [] and settings["config"]["lang"] == ["zh"]
    documents = inlined(unzipped / OFFLINE_DOCUMENTS, "__motSearchIndex")
    assert len(documents["docs"]) > 10 and documents["config"] == settings["config"]
    index = (unzipped / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in index
    assert "unpkg.com" not in index


def test_package_has_no_404_page(unzipped: Path) -> None:
    """No server answers with it from the file system, and its links from the site's root
    (``/assets/…``) would load nothing there: a bare page with giant icons."""
    assert not (unzipped / "404.html").exists()
    assert (unzipped / "index.html").is_file()


def test_package_has_no_source_maps(unzipped: Path) -> None:
    """Material's source maps were a fifth of the zip, for a browser's developer tools only."""
    assert list(unzipped.rglob("*.min.js")), "the theme's scripts themselves"
    assert list(unzipped.rglob("*.map")) == []


@pytest.mark.browser
def test_works_from_the_file_system_without_any_host(page: Page, offline: Offline) -> None:
    """Pages, a module quiz, the 错题本, Chinese search and an exam handed in, from the
    unzipped folder, with no request to any host."""
    site, module = offline.site, offline.course.modules[0]
    requests = record_requests(page)
    page.goto((site / "index.html").as_uri())
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if url.endswith(OFFLINE_INDEX)], "the settings load"
    assert not [url for url in requests if url.endswith(OFFLINE_DOCUMENTS)], "not the documents"
    page.locator(f'.md-content a[href="{module.page.name}.html"]').first.click()
    expect(page).to_have_url((site / f"{module.page.name}.html").as_uri())
    form = answer(page, module)
    expect(form.locator(".mot-explanation")).to_be_visible()
    expect(page.locator(".mot-score")).to_have_attribute("data-answered", "1")
    search(page, offline.term)
    page.keyboard.press("Escape")  # close search
    answer(page, module, 1, right=False)
    page.goto((site / "mistakes.html").as_uri())
    missed = page.locator(f'.mot-mistakes form[data-question-id="{module.quiz.questions[1].id}"]')
    expect(missed).to_be_visible()
    hand_in_one_right(page, site, offline.course)
    hosts = [url for url in requests if url.startswith(("http:", "https:"))]
    assert hosts == []
    assert any(url.endswith(OFFLINE_DOCUMENTS) for url in requests), "loaded on search"


def hand_in_one_right(page: Page, site: Path, course: Course) -> None:
    """Start the exam of the package at ``site``, answer its first question right and hand
    in: the results show, stage by stage, with review links into the package."""
    page.goto((site / "exam.html").as_uri())
    page.get_by_role("button", name="开始考试").click()
    first = page.locator(".mot-exam-paper .mot-question").first
    expect(first).to_be_visible()
    bar = page.locator(".mot-exam-bar")
    assert bar.evaluate("bar => getComputedStyle(bar).position") == "sticky", "the exam's styles"
    drawn = paper_state(page)["ids"]
    assert isinstance(drawn, list)
    give_answer(first, every_question(course)[drawn[0]], right=True)
    hand_in(page, page)
    expect_exam_results(
        page, course, {question_id: not place for place, question_id in enumerate(drawn)}
    )


@pytest.mark.browser
def test_a_course_term_is_searched_whole_offline(
    page: Page, minimal_project: Path, tmp_path: Path
) -> None:
    """The offline package's search worker cuts a Chinese query into the words of the index
    too: Material's own cutting never tries a word that ends the query, so 服务补救 was
    searched as 服务 + 补 wherever both are words of the index."""
    (minimal_project / "search-terms.txt").write_text("服务补救\n", encoding="utf-8")
    page_with_parts = minimal_project / "course/02-second.md"
    text = page_with_parts.read_text(encoding="utf-8")
    page_with_parts.write_text(f"{text}\n好的服务让客户满意，及时补上漏洞。\n", encoding="utf-8")
    assert run_generator(minimal_project, "export", "offline") == 0
    target = unzip(minimal_project / "dist/mot-course-offline.zip", tmp_path / "classroom-pc")
    page.goto((target / "index.html").as_uri())
    search(page, "服务补救")
    assert set(page.locator(".md-search-result mark").all_inner_texts()) == {"服务补救"}
    link = page.locator(".md-search-result__item a").first
    expect(link).to_have_attribute("href", re.compile("h=" + quote("服务补救") + "$"))
