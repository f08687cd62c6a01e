"""The learner's progress record in the browser: two tabs, damaged records, shuffled orders.

Two tabs keep both answers (every save reads, merges by question id and writes) and each
follows the other's answers through the storage event. A record of the right version but
the wrong shape keeps what is valid, drops the rest and says so once. Options, matching
choices and dialogue replies are shown in an order drawn for each learner and attempt,
kept across reloads. Runs on the fixture course; answers come from its YAML.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from generator.load import load_course
from generator.models import Course, Shuffled
from generator.project import Project
from tests.browsing import answer, chosen_keys
from tests.conftest import FIXTURES
from tests.test_learner import STORAGE_KEY

pytestmark = pytest.mark.browser

MODULE = "01-sample"


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(Project(FIXTURES / "minimal"))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One learner's browser: its tabs share the progress record."""
    made = browser.new_context(locale="zh-CN")
    errors: list[str] = []
    made.on("weberror", lambda error: errors.append(str(error.error)))
    yield made
    made.close()
    assert errors == []


def open_quiz(page: Page, url: str) -> None:
    page.goto(f"{url}{MODULE}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)


def stored(page: Page) -> dict[str, Any]:
    return dict(json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')")))


# Two tabs ---------------------------------------------------------------------------------


def two_tabs(context: BrowserContext, site_url: str) -> tuple[Page, Page]:
    """The first module's quiz open in two tabs of one browser."""
    tabs = context.new_page(), context.new_page()
    for tab in tabs:
        open_quiz(tab, site_url)
    return tabs


def test_two_tabs_keep_both_answers(
    context: BrowserContext, fixture_site_url: str, course: Course
) -> None:
    module = course.modules[0]
    first, second = two_tabs(context, fixture_site_url)
    answer(first, module, 0, right=True)
    answer(second, module, 1, right=False)
    other_tab = second.locator(f'form[data-question-id="{module.quiz.questions[0].id}"]')
    expect(other_tab).to_have_attribute("data-result", "correct")  # heard through storage
    assert set(stored(first)["questions"]) == {q.id for q in module.quiz.questions[:2]}
    first.reload()
    for index, result in enumerate(["correct", "incorrect"]):
        form = first.locator(f'form[data-question-id="{module.quiz.questions[index].id}"]')
        expect(form).to_have_attribute("data-result", result)
    expect(first.locator(".mot-score")).to_have_attribute("data-answered", "2")


def test_a_retry_in_one_tab_clears_the_other(
    context: BrowserContext, fixture_site_url: str, course: Course
) -> None:
    module = course.modules[0]
    first, second = two_tabs(context, fixture_site_url)
    answer(first, module, 0, right=True)
    form = second.locator(f'form[data-question-id="{module.quiz.questions[0].id}"]')
    expect(form).to_have_attribute("data-result", "correct")
    first.once("dialog", lambda dialog: dialog.accept())
    first.get_by_role("button", name="重新作答").click()
    expect(form).not_to_have_attribute("data-result", "correct")
    expect(second.locator(".mot-score")).to_have_attribute("data-answered", "0")


# Damaged records ---------------------------------------------------------------------------

DAMAGE = ["questions-null", "null-question", "unknown-result", "passed-exam-without-date"]


def damaged(name: str, course: Course) -> dict[str, Any]:
    """A record of the right version with one part of the wrong shape (issue 9's cases);
    where it has one, a valid entry for the multiple-choice question answered right."""
    first = course.modules[0].quiz.questions[0].id
    question = next(q for q in course.modules[0].quiz.questions if q.type == "multiple")
    valid = {"quiz": MODULE, "result": "correct", "answer": chosen_keys(question, True)}
    records: dict[str, dict[str, Any]] = {
        "questions-null": {"version": 1, "questions": None, "quizzes": {}},
        "null-question": {"version": 1, "questions": {first: None, question.id: valid}},
        "unknown-result": {
            "version": 1,
            "questions": {first: {"quiz": MODULE, "result": "maybe"}, question.id: valid},
        },
        "passed-exam-without-date": {
            "version": 1,
            "questions": {question.id: valid},
            "exam": {"best": 100, "passed": True, "passedScore": 100},
        },
    }
    return records[name]


@pytest.mark.parametrize("name", DAMAGE)
def test_a_damaged_record_keeps_what_is_valid_and_says_so_once(
    context: BrowserContext, fixture_site_url: str, course: Course, name: str
) -> None:
    record = damaged(name, course)
    page = context.new_page()
    page.goto(fixture_site_url)
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, record)", [STORAGE_KEY, json.dumps(record)]
    )
    open_quiz(page, fixture_site_url)
    notice = page.locator(".mot-storage-warning")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("部分学习记录已删除")
    for question_id in record["questions"] or {}:
        if (record["questions"][question_id] or {}).get("answer"):  # the valid entry is kept
            form = page.locator(f'form[data-question-id="{question_id}"]')
            expect(form).to_have_attribute("data-result", "correct")
    form = answer(page, course.modules[0], 0, right=True)
    expect(form).to_have_attribute("data-result", "correct")
    repaired, first = stored(page), course.modules[0].quiz.questions[0].id
    assert repaired["exam"] is None
    assert set(repaired["questions"]) <= {first, *(record["questions"] or {})}
    assert repaired["questions"][first]["result"] == "correct"
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect(page.locator(".mot-storage-warning")).to_have_count(0)


def test_a_record_of_another_version_is_never_overwritten(
    context: BrowserContext, fixture_site_url: str, course: Course
) -> None:
    newer = json.dumps({"version": 2, "questions": {}, "whatever": True})
    page = context.new_page()
    page.goto(fixture_site_url)
    page.evaluate("([key, record]) => localStorage.setItem(key, record)", [STORAGE_KEY, newer])
    open_quiz(page, fixture_site_url)
    answer(page, course.modules[0], 0, right=True)
    expect(page.locator(".mot-storage-warning")).to_contain_text("进度不会保存")
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == newer


# Shuffled orders ---------------------------------------------------------------------------

SHOWN_ORDERS = """() => Object.fromEntries([...document.querySelectorAll('.mot-quiz .mot-question')]
  .map(form => [form.dataset.questionId,
    [...form.querySelectorAll('.mot-options > .mot-option > input, .mot-turn input')]
      .map(i => i.name + '=' + i.value)
      .concat([...(form.querySelector('.mot-match-select') || {options: []}).options]
        .map(o => o.value))])
)"""
"""Per question, the values of its options, replies and matching choices in page order."""


def orders_of_a_fresh_learner(browser: Browser, url: str) -> dict[str, list[str]]:
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    open_quiz(page, url)
    orders = dict(page.evaluate(SHOWN_ORDERS))
    context.close()
    return orders


def test_each_learner_sees_a_new_order_and_keeps_it(
    browser: Browser, context: BrowserContext, fixture_site_url: str, course: Course
) -> None:
    questions = course.modules[0].quiz.questions
    shuffled = {q.id for q in questions if isinstance(q, Shuffled) and q.shuffle}
    kinds = {q.type for q in questions if q.id in shuffled}
    assert {"single", "multiple", "matching", "scenario"} <= kinds, "the fixture has each kind"
    learners = [orders_of_a_fresh_learner(browser, fixture_site_url) for _ in range(2)]
    assert any(learners[0][id_] != learners[1][id_] for id_ in shuffled), "orders differ"
    page = context.new_page()
    open_quiz(page, fixture_site_url)
    first_visit = page.evaluate(SHOWN_ORDERS)
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    assert page.evaluate(SHOWN_ORDERS) == first_visit, "the same order after a reload"
    true_false = next(q.id for q in questions if q.type == "true_false")
    assert first_visit[true_false] == [f"{true_false}=true", f"{true_false}=false"]
    retries = []
    for _ in range(3):
        page.once("dialog", lambda dialog: dialog.accept())
        answer(page, course.modules[0], 0, right=True)
        page.get_by_role("button", name="重新作答").click()
        expect(page.locator(".mot-question[data-result]")).to_have_count(0)
        retries.append(page.evaluate(SHOWN_ORDERS))
    assert any(retry[id_] != first_visit[id_] for retry in retries for id_ in shuffled), (
        "a retry draws a new order"
    )


def test_shuffle_false_keeps_the_written_order(
    browser: Browser, fixture_site_url: str, course: Course
) -> None:
    """A question that says shuffle: false shows its options as written, to every learner."""
    module, fixed = next(
        (m, [q for q in m.quiz.questions if isinstance(q, Shuffled) and not q.shuffle])
        for m in course.modules
        if any(isinstance(q, Shuffled) and not q.shuffle for q in m.quiz.questions)
    )
    for _ in range(3):
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.goto(f"{fixture_site_url}{module.page.name}.html")
        expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
        orders = page.evaluate(SHOWN_ORDERS)
        context.close()
        for question in fixed:
            values = [value.split("=")[1] for value in orders[question.id]]
            assert values == sorted(values), question.id
