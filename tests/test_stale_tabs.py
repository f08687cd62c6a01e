"""Tabs opened before the trainer published again, left open beside a tab of the new build.

A page brings the progress record to its course as it arrives: a renamed module's answers
and best score go to its new name, questions the course no longer has leave. Told of
another tab's save, a page only shows the record: the other tab may be of a build the
trainer published since, whose course this page's would undo.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.load import load_course
from generator.models import Course
from generator.project import Project
from tests.browsing import FOLLOWING_SAVES, answer, answer_form, caught_up
from tests.conftest import (
    FIXTURES,
    build_and_serve,
    copy_project,
    new_window,
    own_browser,
    run_generator,
)
from tests.journeys import stored_record
from tests.test_learner import COUNT_WRITES

pytestmark = pytest.mark.browser

NEW_QUESTION = """  - id: s1-new
    type: true_false
    objective: s1-recover
    prompt: 客户投诉时，先解释公司的规定，再道歉。
    answer: false
    explanation: 服务补救从道歉开始。
    review: 01-sample.md#recovery
"""
"""A question the trainer adds to the first module, which the old build's pages lack."""
OLD_PAGES = {
    "index.html": ".mot-dashboard[data-ready]",
    "mistakes.html": ".mot-mistakes[data-ready]",
    "exam_certificate.html": ".mot-cert-checklist li",
    "02-second.html": ".mot-quiz[data-ready]",
}
"""The pages of the first build left open, each with what it shows once set up: each
follows the whole course, or the quiz of the module that the trainer renames."""


class Republished(NamedTuple):
    url: str
    old_tabs: list[Page]
    new_tab: Page
    course_now: Course


def publish_again(root: Path) -> None:
    """Rename the second module (as inserting a module before it takes) and add a question
    to the first; build again."""
    for folder, suffix in (("course", ".md"), ("quizzes", ".yml")):
        (root / folder / f"02-second{suffix}").rename(root / folder / f"02-renamed{suffix}")
    for path in (root / "quizzes").glob("*.yml"):
        text = path.read_text(encoding="utf-8").replace("02-second", "02-renamed")
        path.write_text(text, encoding="utf-8")
    first = root / "quizzes/01-sample.yml"
    first.write_text(first.read_text(encoding="utf-8") + NEW_QUESTION, encoding="utf-8")
    assert run_generator(root, "build") == 0


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(Project(FIXTURES / "minimal"))


@pytest.fixture
def republished(
    browser: Browser, course: Course, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Republished]:
    """A learner who answered both modules on the first build (the first question of each
    wrong), with its pages in :data:`OLD_PAGES` open; the course published again, and a new
    tab."""
    root = copy_project(tmp_path / "course", FIXTURES / "minimal")
    for url in build_and_serve(root):
        with own_browser(browser) as context:
            context.add_init_script(COUNT_WRITES)
            context.add_init_script(FOLLOWING_SAVES)
            page = new_window(context)
            for module in course.modules:
                page.goto(f"{url}{module.page.name}.html")
                for index in range(len(module.quiz.questions)):
                    answer(page, module, index, right=index > 0)
            old_tabs = [new_window(context) for _ in OLD_PAGES]
            for tab, (name, ready) in zip(old_tabs, OLD_PAGES.items(), strict=True):
                tab.goto(f"{url}{name}")
                expect(tab.locator(ready).first).to_be_attached()
            monkeypatch.setenv("SITE_URL", url)
            publish_again(root)
            yield Republished(url, old_tabs, page, load_course(Project(root)))


def test_tabs_of_the_old_build_undo_nothing_the_new_build_saves(
    republished: Republished, course: Course
) -> None:
    """The new build's module page moved the renamed module's answers to its new name; each
    old page, told of the save, moved them back, and the new page moved them again: the two
    wrote without end (1,500 saves in 3 s), while the learner did nothing. A question only
    the new build has was answered, and the old home page, 错题本 or certificate page,
    told of it, dropped the answer and its 错题本 entry as a question the course lacks."""
    new = republished.new_tab
    for tab in republished.old_tabs:
        tab.evaluate("window.__writes = 0")
    new.goto(f"{republished.url}02-renamed.html")
    expect(new.locator(".mot-quiz[data-ready] .mot-score")).to_have_text("已作答 2/2 题，答对 1 题")
    new.goto(f"{republished.url}01-sample.html")
    added = republished.course_now.modules[0].quiz.questions[-1]
    form = answer_form(new.locator(f'form[data-question-id="{added.id}"]'), added, right=False)
    expect(form).to_have_attribute("data-result", "incorrect")
    for tab in [new, *republished.old_tabs]:
        caught_up(tab)  # each has handled the last save, and would have written back by now
    assert [tab.evaluate("window.__writes") for tab in republished.old_tabs] == [0] * len(OLD_PAGES)
    kept = stored_record(new)
    assert kept["questions"][added.id]["quiz"] == "01-sample"
    assert added.id in kept["mistakes"]
    renamed = [id for id, entry in kept["questions"].items() if entry["quiz"] == "02-renamed"]
    assert sorted(renamed) == sorted(q.id for q in course.modules[1].quiz.questions)
    assert "02-renamed" in kept["quizzes"] and "02-second" not in kept["quizzes"]
