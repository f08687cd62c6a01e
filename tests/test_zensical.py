"""Zensical as a second engine: the same checks and atomic swap, and the real course in Chromium.

``make test`` runs this file with the rest (``make test-zensical`` runs it alone): the real
course built by ``python -m generator build --engine zensical`` and served, a module quiz
answered to its results panel, the exam started and a course term found by Zensical's own search.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import Locator, Page, expect

from generator import zensical_run
from generator.load import load_course
from generator.models import Course
from generator.project import Project
from generator.search_terms import read_search_terms
from tests.browsing import answer, axe_violations
from tests.conftest import (
    NO_SITE,
    PROJECT,
    SITE_KEPT,
    build_and_serve,
    copy_project,
    run_generator,
    scratch_left,
    snapshot,
)
from tests.journeys import expect_in_view_below_header
from tests.test_settings_files import COPYRIGHT, add_theme_folder

pytestmark = pytest.mark.zensical


def test_a_zensical_warning_points_at_the_source_and_keeps_the_site(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """HTML in an indented code block is code to the generator (and MkDocs), a link to
    Zensical's own check."""
    assert run_generator(minimal_project, "build", "--engine", "zensical") == 0
    assert capsys.readouterr().out.rstrip().endswith("site written to site/ by Zensical")
    before = snapshot(minimal_project / "site")
    page = minimal_project / "course/01-sample.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n    <a href="nowhere.md">讲义</a>\n', encoding="utf-8")
    capsys.readouterr()
    assert run_generator(minimal_project, "build", "--engine", "zensical") == 1
    [problem, summary, outcome] = capsys.readouterr().err.splitlines()
    line = len(text.splitlines()) + 2
    assert problem.startswith(
        f"course/01-sample.md:{line}:1: Zensical: page does not exist (generated page 01-sample.md"
    )
    assert problem.endswith("; fix what it names here [zensical.warning]")
    assert summary == "FAILED: 1 problem"
    assert outcome == SITE_KEPT
    assert snapshot(minimal_project / "site") == before
    assert scratch_left(minimal_project) == []
    assert (minimal_project / "build/docs").is_dir()


def test_the_trainers_own_theme_folder_is_kept(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Zensical takes one theme folder: the generator's had replaced the trainer's."""
    add_theme_folder(minimal_project, {"partials/copyright.html": COPYRIGHT})
    assert run_generator(minimal_project, "build", "--engine", "zensical") == 0, (
        capsys.readouterr().err
    )
    site = minimal_project / "site"
    assert COPYRIGHT in (site / "01-sample.html").read_text(encoding="utf-8")
    assert "404：页面不存在" in (site / "404.html").read_text(encoding="utf-8")


def test_a_broken_template_of_the_trainers_is_named_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_theme_folder(minimal_project, {"partials/copyright.html": '\n{% include "nothere.html" %}'})
    assert run_generator(minimal_project, "build", "--engine", "zensical") == 1
    [problem, summary, outcome] = capsys.readouterr().err.splitlines()
    assert problem.startswith("overrides/partials/copyright.html:2:1: Zensical: ")
    assert '"nothere.html"' in problem and summary == "FAILED: 1 problem"
    assert outcome == NO_SITE


def test_without_zensical_the_build_says_how_to_install_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zensical_run, "PACKAGE", "zensical_is_not_installed")
    assert run_generator(minimal_project, "build", "--engine", "zensical") == 1
    err = capsys.readouterr().err
    assert err.startswith("Zensical is not installed; install it with ")
    assert err.endswith("[setup.no-zensical]\nFAILED\n")
    assert not (minimal_project / "site").exists()


def test_a_zensical_build_that_never_finishes_is_stopped(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """It had no time limit: the trainer waited on it for ever, with no word."""
    monkeypatch.setattr(zensical_run, "PACKAGE", "tests.hanging_engine")
    monkeypatch.setattr(zensical_run, "MOST_SECONDS", 2)
    monkeypatch.setenv("PYTHONPATH", str(PROJECT))
    assert run_generator(minimal_project, "build", "--engine", "zensical") == 1
    err = capsys.readouterr().err
    assert err.startswith("Zensical did not finish building within ")
    assert " minutes and was stopped; build with the default engine, MkDocs" in err
    assert err.endswith("[setup.engine-timeout]\nFAILED\n")
    assert not (minimal_project / "site").exists()


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(Project(PROJECT))


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real course built with Zensical for the address it is served at."""
    root = copy_project(tmp_path_factory.mktemp("zensical-course"))
    yield from build_and_serve(root, "--engine", "zensical")


@pytest.mark.browser
def test_a_module_quiz_answers(page: Page, zensical_site: str, course: Course) -> None:
    module = course.modules[0]
    page.goto(zensical_site)
    page.locator(f'.md-content a[href$="{module.page.name}.html"]').first.click()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_attribute(
        "data-quiz-id", module.page.name
    )
    for index, right in ((0, True), (1, False)):
        form = answer(page, module, index, right)
        expect(form.locator(".mot-explanation")).to_be_visible()
    expect(page.locator(".mot-score")).to_have_attribute("data-answered", "2")
    expect(page.locator(".mot-score")).to_have_attribute("data-correct", "1")
    for index in range(2, len(module.quiz.questions)):
        answer(page, module, index, right=True)
    # Zensical's instant navigation, too, leaves the link to the results panel to the quiz.
    page.get_by_role("link", name="查看本模块成绩").click()
    panel = page.locator(f'[data-results-for="{module.page.name}"]')
    expect(panel).to_be_focused()
    expect_in_view_below_header(page, panel)


@pytest.mark.browser
def test_the_exam_starts(page: Page, zensical_site: str, course: Course) -> None:
    assert course.exam is not None
    page.goto(f"{zensical_site}exam.html")
    page.get_by_role("button", name="开始考试").click()
    drawn = page.locator(".mot-exam-paper .mot-question")
    expect(drawn).to_have_count(sum(course.exam.config.draw.values()))
    expect(drawn.first).to_be_visible()
    # The exam's own style sheet, which the theme override links in the page's head.
    bar = page.locator(".mot-exam-bar")
    assert bar.evaluate("bar => getComputedStyle(bar).position") == "sticky"


@pytest.mark.browser
@pytest.mark.parametrize("term", [read_search_terms(Project(PROJECT))[0], "Kano"])
def test_search_finds_a_course_term(page: Page, zensical_site: str, term: str) -> None:
    """Zensical's search dialog (its own, in a shadow root) finds a page that teaches the term,
    a Latin word after a Chinese mark too (卡诺模型（Kano 模型）), with the course's separator."""
    page.goto(zensical_site)
    page.locator(".md-search__button").click()
    box = page.get_by_role("combobox", name="Search")
    box.fill(term)
    box.press("End")
    first = page.get_by_role("option").first
    expect(first).to_be_visible(timeout=15_000)
    expect(first.locator("mark").first).to_be_visible()
    first.click()
    expect(page.locator(".md-content")).to_contain_text(term)


NARROW_SCREENS = [390, 768, 959]
"""Widths under 960 px, where Zensical's header button is a label that ticks Material's
search checkbox (``#__search``), and Zensical opens or closes its dialog whenever it changes."""


def search_on_a_narrow_screen(page: Page, term: str) -> Locator:
    """Zensical's search dialog, opened with the header's button and ``term`` typed in."""
    page.locator('.md-header label[for="__search"]').click()
    dialog = page.get_by_role("dialog", name="Search")
    box = dialog.get_by_role("combobox", name="Search")
    box.fill(term)
    box.press("End")
    return dialog


def tick_the_drawer(page: Page) -> Locator:
    """The drawer's checkbox, ticked: Material unticks it, then the search checkbox, when the
    address changes; waiting for it tells when the dialog can be looked at."""
    drawer = page.locator("#__drawer")
    drawer.evaluate("box => { box.checked = true; }")
    return drawer


@pytest.mark.browser
@pytest.mark.parametrize("width", NARROW_SCREENS)
@pytest.mark.parametrize("same_page", [False, True], ids=["another-page", "same-page"])
def test_a_search_result_followed_on_a_narrow_screen_closes_the_dialog(
    page: Page, zensical_site: str, course: Course, width: int, same_page: bool
) -> None:
    """The result closed the dialog and left the search checkbox ticked; Material's unticking
    it when the address changed opened the dialog again over the result's page."""
    term = read_search_terms(Project(PROJECT))[0]
    shown = f"{zensical_site}{course.modules[0].page.name}.html"
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(shown)
    dialog = search_on_a_narrow_screen(page, term)
    on_this_page = f'[href^="{shown}?"]'
    result = dialog.locator(on_this_page if same_page else f":not({on_this_page})")
    result = result.and_(dialog.get_by_role("option")).first
    section = unquote((result.get_attribute("href") or "").partition("#")[2])
    drawer = tick_the_drawer(page)
    result.click()
    expect(drawer).not_to_be_checked()
    expect(dialog).to_be_hidden()
    expect(page.locator(".md-content")).to_contain_text(term)
    # The focus on the result's section or heading (mot-instant.js), as on a wide screen.
    expect(page.locator(f'[id="{section}"]' if section else ".md-content h1")).to_be_focused()
    search_on_a_narrow_screen(page, term)  # one tap opens it again
    expect(dialog.get_by_role("option").first).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("key", ["Escape", "Close search"])
def test_a_search_closed_on_a_narrow_screen_stays_closed_on_the_next_page(
    page: Page, zensical_site: str, course: Course, key: str
) -> None:
    """Closed with Esc or its ✕, the dialog left the checkbox ticked too, and opened again
    over the next page, here one chosen in the drawer (which Material closes with it)."""
    page.set_viewport_size({"width": NARROW_SCREENS[0], "height": 900})
    page.goto(zensical_site)
    dialog = search_on_a_narrow_screen(page, "Kano")
    if key == "Escape":
        page.keyboard.press(key)
    else:
        dialog.get_by_role("button", name=key).click()
    expect(dialog).to_be_hidden()
    page.locator('.md-header label[for="__drawer"]').click()
    page.locator(f'.md-nav--primary a[href$="{course.modules[1].page.name}.html"]').click()
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(dialog).to_be_hidden()


@pytest.mark.browser
def test_the_theme_speaks_chinese(page: Page, zensical_site: str) -> None:
    """The generator's 404 page, no English "Made with" line and the footer's links named
    with a Chinese colon (下一页：…), as with MkDocs."""
    home = page.request.get(zensical_site).text()
    assert "Made with" not in home
    assert 'aria-label="下一页：' in home and 'aria-label="下一页:' not in home
    assert "<h1>404：页面不存在</h1>" in page.request.get(f"{zensical_site}404.html").text()


@pytest.mark.browser
def test_the_search_dialog_has_a_name(page: Page, zensical_site: str) -> None:
    """Zensical's own dialog is named (the MkDocs build names Material's by an override)."""
    page.goto(zensical_site)
    page.locator(".md-search__button").click()
    expect(page.get_by_role("dialog", name="Search")).to_be_visible()
    assert [found for found in axe_violations(page) if "aria-dialog-name" in found] == []
