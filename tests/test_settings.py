"""Course settings in quizzes/exam.yml reach every page that uses them, and nothing else decides.

Pass marks and option shuffling are changed away from their defaults and followed to the
generated pages, the course data the runtime reads, and the learner's screen.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator import build
from generator.course_data import course_data
from generator.load import load_course
from generator.project import Project
from generator.settings_screen import settings_text_problems
from tests.browsing import STORAGE_KEY, answer_exam, every_question
from tests.conftest import FIXTURES, build_and_serve, copy_project, with_non_default_settings
from tests.test_learner import answer, take_exam


def test_settings_reach_the_generated_pages(minimal_project: Path) -> None:
    project = Project(with_non_default_settings(minimal_project))
    checked = build.check(project)
    pages = {name: data.decode() for name, data in build.docs_contents(checked).items()}
    quiz = pages["01-sample.md"]
    assert 'data-pass-mark="60"' in quiz and "答对&nbsp;60%&nbsp;即为通过" in quiz
    exam = pages["exam.md"]
    assert 'data-pass-mark="70"' in exam and 'data-shuffle-options="false"' in exam
    assert "答对&nbsp;70%&nbsp;及格" in exam
    assert "每次开考，题目的顺序都会重新打乱，选项按原来的顺序排列。" in exam  # not 和选项
    data = json.loads(course_data(checked.course))
    assert data["passMarks"] == {"module": 60, "exam": 70}
    assert data["exam"]["passMark"] == 70 and data["exam"]["shuffleOptions"] is False
    assert not re.search(r"\b80\s*%", quiz + exam), "no page states the default pass mark"
    named = [pages[name] for name in ("exam.md", "exam_certificate.md", "mistakes.md")]
    assert all("期末测评" in page and "结业考试" not in page for page in named)


@pytest.fixture(scope="module")
def lenient_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = with_non_default_settings(
        copy_project(tmp_path_factory.mktemp("lenient"), FIXTURES / "minimal")
    )
    yield from build_and_serve(root)


@pytest.mark.browser
def test_the_exam_keeps_option_order_when_shuffling_is_off(page: Page, lenient_site: str) -> None:
    """Options, matching choices and dialogue replies stay in the order they are written in,
    attempt after attempt (a fresh learner each time)."""
    page.goto(f"{lenient_site}exam.html")
    written = page.evaluate(WRITTEN_ORDERS, f"{lenient_site}exam.html")
    checked = 0
    for _ in range(6):
        page.goto(f"{lenient_site}exam.html")
        page.evaluate("localStorage.clear()")
        page.reload()
        page.get_by_role("button", name="开始考试").click()
        expect(page.locator(".mot-exam-paper .mot-question")).to_have_count(3)
        for form in page.locator(".mot-exam-paper .mot-question[data-shuffle]").all():
            groups = form.evaluate(SHOWN_ORDERS)
            assert groups and groups == written[form.get_attribute("data-question-id")]
            checked += len(groups)
    assert checked >= 3, "the draws held questions that would otherwise be shuffled"


SHOWN_ORDERS = """form => [
    [...form.querySelectorAll('.mot-options > .mot-option > input')].map(i => i.value),
    [...form.querySelectorAll('.mot-match-select')].slice(0, 1).flatMap(
        s => [[...s.options].map(o => o.value).filter(Boolean)]),
    ...[...form.querySelectorAll('.mot-turn')].map(
        t => [...t.querySelectorAll('.mot-option > input')].map(i => i.value)),
].filter(values => values.length)"""
"""Each group of choices a shuffled question shows, as the values in the order on the page."""
WRITTEN_ORDERS = f"""async url => {{
  const html = await (await fetch(url)).text();
  const page = new DOMParser().parseFromString(html, 'text/html');
  const orders = {SHOWN_ORDERS};
  return Object.fromEntries([...page.querySelectorAll('.mot-question[data-shuffle]')]
    .map(form => [form.dataset.questionId, orders(form)]));
}}"""
"""Per question of the exam page as served (before the runtime runs), its groups of choices
in the order the YAML writes them."""


@pytest.mark.browser
def test_the_exam_is_called_by_its_own_title(page: Page, lenient_site: str) -> None:
    """An exam the trainer calls 期末测评 was still 结业考试 in the home page's next step,
    in the verdict of a paper passed and in the line that says a pass stands after a paper
    failed."""
    course = load_course(Project(FIXTURES / "minimal"))
    page.goto(lenient_site)
    passed = {m.page.name: {"best": 1, "total": 1, "passed": True} for m in course.modules}
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, record)",
        [STORAGE_KEY, json.dumps({"version": 1, "quizzes": passed})],
    )
    page.reload()
    expect(page.locator(".mot-dashboard[data-ready] [data-continue]")).to_have_text("参加期末测评")
    take_exam(page, lenient_site, course, right=True)
    verdict = page.locator('[data-results-for="exam"] [data-passed]')
    expect(verdict).to_have_text("✓得分 3/3（100%），及格（及格线 70%），恭喜通过期末测评！")
    page.get_by_role("button", name="再考一次（重新抽题）").click()
    answer_exam(page, page, every_question(course), right=False)
    expect(page.locator('[data-results-for="exam"] .mot-pass-kept')).to_have_text(
        "期末测评已经通过，最佳成绩 100%；这次的得分不会改变它。"
    )


@pytest.mark.browser
def test_the_exam_fails_below_its_own_pass_mark(page: Page, lenient_site: str) -> None:
    page.goto(f"{lenient_site}exam.html")
    expect(page.locator(".mot-exam-intro")).to_contain_text("答对 70% 及格")


@pytest.mark.parametrize(
    "settings",
    [
        "extra:\n  contacts: &contacts [客服热线]\n  again: *contacts\n",
        "extra:\n  outer: &outer [&inner [客服热线], *inner]\n",
    ],
)
def test_an_alias_after_its_value_is_not_taken_for_one_inside_it(settings: str) -> None:
    """Only an alias inside the value its anchor names makes a setting hold itself
    (tests/bad_input/mkdocs-yml-alias-holds-itself); one after it only repeats it."""
    assert settings_text_problems(settings.encode(), Path("mkdocs.yml")) == []


def test_check_says_exam_only_questions_are_never_asked_without_an_exam(tmp_path: Path) -> None:
    """Without quizzes/exam.yml, check said nothing of the exam-only questions no learner
    is ever asked, and still asked six of them of each module."""
    root = copy_project(tmp_path, FIXTURES / "minimal")
    (root / "quizzes/exam.yml").unlink()
    exam_codes = [
        (problem.path.as_posix(), problem.code)
        for problem in build.check(Project(root)).warnings
        if "exam" in problem.code
    ]
    assert exam_codes == [("quizzes/02-second.yml", "standards.exam-only-unasked")]


@pytest.fixture(scope="module")
def course_without_exam(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture course with its quizzes/exam.yml taken away."""
    root = copy_project(tmp_path_factory.mktemp("no-exam"), FIXTURES / "minimal")
    (root / "quizzes/exam.yml").unlink()
    yield from build_and_serve(root)


@pytest.mark.browser
def test_a_course_without_an_exam_ends_its_last_module_on_the_next_step(
    page: Page, course_without_exam: str
) -> None:
    """The last module's results offered no next step at all in a course without an exam,
    and the 错题本 said that the exam's wrong answers go into it. The next step is now the
    first module not passed, else the home page with the learner's progress."""
    course = load_course(Project(FIXTURES / "minimal"))
    first, last = course.modules
    page.goto(f"{course_without_exam}mistakes.html")
    expect(page.locator(".mot-mistakes-count")).to_have_text(
        "错题本是空的。测验里答错的题会自动收进来，答对了就会离开。"
    )
    for passed, text, address in [
        (False, f"继续学习：{first.meta.title}", f"{first.page.name}.html"),
        (True, "回到课程首页", "index.html"),
    ]:
        quizzes = {first.page.name: {"best": 1, "total": 1, "passed": passed}}
        page.evaluate(
            "([key, record]) => localStorage.setItem(key, record)",
            [STORAGE_KEY, json.dumps({"version": 1, "quizzes": quizzes})],
        )
        page.goto(f"{course_without_exam}{last.page.name}.html")
        for question in last.quiz.questions:
            answer(page, question, right=True)
        next_step = page.locator(f'[data-results-for="{last.page.name}"] .mot-next')
        expect(next_step).to_have_text(text)
        expect(next_step).to_have_attribute("href", address)
