"""Another course published at the address of the last one: the record says whose it is.

The record is kept under the site's address, and stays so (every learner's progress made
before the record named its course is still there). It carries the identity of its course
(a hash of ``site_name``): a page that knows the course's modules adopts a record of no
course's, keeps one of its own course renamed (a module in common), and puts another
course's aside, whole, under a key of its own, telling the learner once; then the course
starts afresh, with none of the other course's exam, name or certificate. A page that
knows no module list (a glossary) leaves the record as it is.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from generator.course_data import course_identity
from generator.load import load_course
from generator.models import Course
from generator.project import Project
from tests.browsing import STORAGE_KEY, expect_no_storage_notice, seed_progress
from tests.conftest import (
    FIXTURES,
    PROJECT,
    build_and_serve,
    copy_project,
    course_name,
    new_window,
    run_generator,
)
from tests.journeys import stored_record

pytestmark = pytest.mark.browser

OTHER_COURSE = "客户投诉处理课程"
"""The name of the course published first at the address."""
SET_ASIDE = "这台设备上存的是另一门课程的学习进度，已另存一份；这门课程从头开始。"
PAGES_READY = {
    "index.html": ".mot-dashboard[data-ready]",
    "01-sample.html": ".mot-quiz[data-ready]",
    "exam.html": ".mot-exam[data-ready]",
    "exam_certificate.html": ".mot-cert-checklist li",
    "mistakes.html": ".mot-mistakes[data-ready]",
}
"""Each page of the fixture course that knows its modules, with what it shows once set up."""


def rename_course(root: Path, name: str) -> None:
    """Give the course at ``root`` another ``site_name``."""
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(re.sub(r"^site_name: .+$", f"site_name: {name}", text, count=1, flags=re.M))


def passed_course(course: Course, identity: str | None) -> dict[str, Any]:
    """Every module quiz of ``course`` passed, the exam passed at 85% and the name typed,
    in a record of the course named ``identity`` (None: a record from before records named
    their course)."""
    quizzes = {
        module.page.name: {"best": n, "total": n, "passed": True}
        for module in course.modules
        if (n := len(module.quiz.questions))
    }
    record = {
        "version": 1,
        "quizzes": quizzes,
        "exam": {"best": 85, "passed": True, "passedScore": 85, "passedOn": "2026-03-08"},
        "name": "王芳",
    }
    return record if identity is None else {**record, "course": identity}


def set_aside(page: Page) -> list[str]:
    """The records kept aside as another course's."""
    copies = page.evaluate(
        "key => Object.keys(localStorage).filter(k => k.startsWith(key + ':other:'))"
        ".map(k => localStorage.getItem(k))",
        STORAGE_KEY,
    )
    return [str(copy) for copy in copies]


def expect_put_aside(page: Page, record: dict[str, Any]) -> dict[str, Any]:
    """Expect ``record``, another course's, put aside whole with a notice, and a fresh
    record of this course in its place; returns that."""
    expect(page.locator(".mot-storage-warning")).to_have_count(1)
    expect(page.locator(".mot-storage-warning")).to_contain_text(SET_ASIDE)
    assert [json.loads(copy) for copy in set_aside(page)] == [record]
    fresh = stored_record(page)
    assert fresh["course"] == course_identity(course_name())
    assert (fresh["exam"], fresh["name"], fresh["quizzes"]) == (None, "", {})
    return fresh


def open_home(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".mot-dashboard[data-ready]")).to_be_attached()


@pytest.fixture(scope="module")
def fixture_course() -> Course:
    return load_course(Project(FIXTURES / "minimal"))


@pytest.fixture
def served_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    """The fixture course, named :data:`OTHER_COURSE`, built and served; built again at the
    same address after a change to the project (``SITE_URL`` stays the served address)."""
    root = copy_project(tmp_path / "course", FIXTURES / "minimal")
    rename_course(root, OTHER_COURSE)
    for url in build_and_serve(root):
        monkeypatch.setenv("SITE_URL", url)
        yield root, url


def test_a_course_published_where_another_was_starts_afresh_and_keeps_the_other_aside(
    context: BrowserContext, served_root: tuple[Path, str], fixture_course: Course
) -> None:
    """A classroom laptop served one course, then the next at the same address: the second
    course's home page said 结业考试：最佳成绩 85%，已通过 before the learner opened anything,
    and its certificate, once its own modules were passed, came finished with the first
    course's score, day and name. Now the first course's record is put aside whole, the
    learner is told once, and the new course starts afresh; its glossary, which knows no
    modules, changes nothing."""
    root, url = served_root
    page = new_window(context)
    seed_progress(page, url, json.dumps(passed_course(fixture_course, None)))
    open_home(page, url)
    expect(page.locator("[data-exam]")).to_have_text("最佳成绩 85%，已通过")
    first = stored_record(page)
    assert first["course"] == course_identity(OTHER_COURSE)  # adopted: no course named before
    for folder in ("course", "quizzes"):
        shutil.rmtree(root / folder)
        shutil.copytree(PROJECT / folder, root / folder)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    assert run_generator(root, "build") == 0
    page.goto(f"{url}glossary.html")
    expect(page.locator("h1")).to_be_visible()
    expect_no_storage_notice(page)
    assert stored_record(page) == first
    open_home(page, url)
    expect(page.locator("[data-exam]")).to_have_text("未参加")
    fresh = expect_put_aside(page, first)
    real = load_course(Project(PROJECT))
    passed = {**fresh, "quizzes": passed_course(real, None)["quizzes"]}
    seed_progress(page, url, json.dumps(passed))  # its own modules passed, not its exam
    page.goto(f"{url}exam_certificate.html")
    checklist = page.locator(".mot-cert-checklist li")
    expect(checklist.locator("xpath=self::*[@data-done='true']")).to_have_count(len(real.modules))
    expect(checklist.last).to_contain_text("未参加")
    expect(page.locator(".mot-certificate")).to_be_hidden()
    expect(page.locator(".mot-cert-form")).to_be_hidden()
    expect_no_storage_notice(page)
    open_home(page, url)
    expect_no_storage_notice(page)


def test_a_course_renamed_keeps_its_progress_under_its_new_name(
    context: BrowserContext, served_root: tuple[Path, str], fixture_course: Course
) -> None:
    """The trainer mended a typo in site_name: the record names the old name, and has
    modules of this course, so it is this course's, and takes the new name."""
    root, url = served_root
    page = new_window(context)
    seed_progress(page, url, json.dumps(passed_course(fixture_course, None)))
    open_home(page, url)
    rename_course(root, f"{OTHER_COURSE}（第二版）")
    assert run_generator(root, "build") == 0
    open_home(page, url)
    expect(page.locator("[data-exam]")).to_have_text("最佳成绩 85%，已通过")
    expect_no_storage_notice(page)
    assert set_aside(page) == []
    assert stored_record(page)["course"] == course_identity(f"{OTHER_COURSE}（第二版）")


@pytest.mark.parametrize("name", PAGES_READY)
def test_every_page_that_knows_the_modules_puts_another_course_s_record_aside(
    context: BrowserContext, fixture_site_url: str, fixture_course: Course, name: str
) -> None:
    """Whichever page of the course the learner opens first decides alike: the record of
    another course (another name, none of this course's modules) goes aside."""
    other = {
        **passed_course(fixture_course, "mot-course-000000000000"),
        "quizzes": {"09-other": {"best": 3, "total": 3, "passed": True}},
    }
    page = new_window(context)
    seed_progress(page, fixture_site_url, json.dumps(other))
    page.goto(f"{fixture_site_url}{name}")
    expect(page.locator(PAGES_READY[name]).first).to_be_attached()
    expect_put_aside(page, other)


def test_a_course_renamed_keeps_an_exam_under_way_that_is_all_its_progress(
    context: BrowserContext, fixture_site_url: str
) -> None:
    """A learner whose only progress was an exam paper under way lost it when the trainer
    mended site_name: no module in common, so the module page and the exam page took the
    record for another course's. A paper of this course's questions is this course's, and
    a module page, which knows no exam pools, puts no record of an exam alone aside."""
    page = new_window(context)
    page.goto(f"{fixture_site_url}exam.html")
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator(".mot-exam[data-exam-state=in-progress]")).to_be_attached()
    renamed = {**stored_record(page), "course": "mot-course-000000000000"}
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, record)", [STORAGE_KEY, json.dumps(renamed)]
    )
    for name in ("01-sample.html", "exam.html"):
        page.goto(f"{fixture_site_url}{name}")
        expect(page.locator(PAGES_READY[name])).to_be_attached()
        expect_no_storage_notice(page)
    expect(page.locator(".mot-exam[data-exam-state=in-progress]")).to_be_attached()
    assert set_aside(page) == []
    assert stored_record(page)["attempt"]["questions"] == renamed["attempt"]["questions"]
