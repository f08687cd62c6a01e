"""The focus of a learner with two windows on the real course, when the other window's save
draws again the part the focus is in: an exam paper begun anew or handed in there, or an
answer changed there. (A module quiz does not yet: see CHANGELOG.)

The part drawn again moved, hid or disabled the control in focus, and the focus fell to the
page: a screen reader said nothing, and Tab started again from the top. It goes back to the
control if that is still shown, else where the page says what the other window did, read
out as it takes the focus. Focus elsewhere on the page stays where it is.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Dialog, Locator, Page, expect

from generator.models import Course, SingleChoice
from tests.browsing import choose_options
from tests.conftest import new_window
from tests.journeys import open_page, paper_state
from tests.test_journeys_exam import HOLD_HASHING

pytestmark = pytest.mark.browser

CHANGED = "另一个窗口改了这道题的答案。"
"""What a question's status line says when another window changed its answer."""

NEW_PAPER = "另一个窗口开始了新的考试：下面是新抽的试卷。"
"""What the line above the exam paper says of a paper begun in another window."""


def accept_next(page: Page) -> None:
    """Accept the next confirmation ``page`` asks."""

    def accept(dialog: Dialog) -> None:
        dialog.accept()

    page.once("dialog", accept)


def focus_first_control(form: Locator) -> None:
    form.evaluate("form => window.mot.engine.firstControl(form).focus()")
    expect(form.locator(":focus")).to_have_count(1)


def expect_focus_on_line(line: Locator, text: str) -> None:
    """``line`` has the focus and is named by what it says, ``text``: a screen reader reads
    it as it takes the focus (a status line has no name of its own)."""
    expect(line).to_have_text(text)
    expect(line).to_be_focused()
    expect(line).to_have_attribute("aria-label", text.replace(" ", "\xa0"))


def begin_exam_beside(page: Page, site_url: str) -> Page:
    """Begin an exam paper in ``page`` and open it in another window too; returns that."""
    open_page(page, f"{site_url}exam.html", ".mot-exam")
    page.get_by_role("button", name="开始考试").click()
    other = new_window(page.context)
    open_page(other, f"{site_url}exam.html", ".mot-exam")
    return other


def test_an_exam_paper_begun_again_in_another_window_says_so_where_the_focus_was(
    page: Page, site_url: str
) -> None:
    """The focus is in the third question when the other window presses 重新开始: the
    question went back to its pool, and the focus to the page. The line above the new
    paper takes it and says another window began it."""
    other = begin_exam_beside(page, site_url)
    first_paper = paper_state(page)["ids"]
    focus_first_control(page.locator(".mot-exam-paper .mot-question").nth(2))
    accept_next(other)
    other.get_by_role("button", name="重新开始").click()
    expect_focus_on_line(page.locator(".mot-exam-refitted"), NEW_PAPER)
    assert paper_state(page)["ids"] == paper_state(other)["ids"] != first_paper
    other.close()


def test_an_exam_paper_handed_in_in_another_window_takes_the_focus_to_the_results(
    page: Page, site_url: str
) -> None:
    """The focus is in the third question when the other window hands the paper in: the
    results panel takes it, named with the verdict."""
    other = begin_exam_beside(page, site_url)
    focus_first_control(page.locator(".mot-exam-paper .mot-question").nth(2))
    accept_next(other)
    other.get_by_role("button", name="交卷").click()
    expect(page.locator(".mot-exam")).to_have_attribute("data-exam-state", "finished")
    expect(page.locator('[data-results-for="exam"]')).to_be_focused()
    other.close()


def test_a_hand_in_under_way_ended_by_another_window_s_new_paper_says_so(
    page: Page, site_url: str
) -> None:
    """The learner pressed 交卷 and the grading waits (for its script, on a slow network)
    when the other window presses 重新开始: nothing comes of the hand-in, and the focus,
    still on 交卷, heard nothing of it. The line above the new paper takes it."""
    page.add_init_script(HOLD_HASHING)
    other = begin_exam_beside(page, site_url)
    accept_next(page)
    page.get_by_role("button", name="交卷").click()
    expect(page.locator(".mot-exam-paper [aria-busy]").first).to_be_attached()
    expect(page.get_by_role("button", name="交卷")).to_be_focused()
    accept_next(other)
    other.get_by_role("button", name="重新开始").click()
    expect_focus_on_line(page.locator(".mot-exam-refitted"), NEW_PAPER)
    page.evaluate("window.__releaseHashing()")
    expect(page.locator(".mot-exam")).to_have_attribute("data-exam-state", "in-progress")
    other.close()


def test_an_exam_answer_changed_in_another_window_keeps_the_focus_on_its_option(
    page: Page, site_url: str, course: Course
) -> None:
    """The focus is on an option of a question whose answer the other window changes: the
    options laid out again took it away; it stays on the option."""
    other = begin_exam_beside(page, site_url)
    questions = {q.id: q for m in course.modules for q in m.quiz.exam_questions}
    ids = paper_state(page)["ids"]
    assert isinstance(ids, list)
    question_id = next(id_ for id_ in ids if isinstance(questions[id_], SingleChoice))
    form = page.locator(f'.mot-exam-paper [data-question-id="{question_id}"]')
    focus_first_control(form)
    focused = form.evaluate("form => document.activeElement.value")
    there = other.locator(f'[data-question-id="{question_id}"]')
    choose_options(there, questions[question_id], right=True)
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 1/20 题")
    expect(form.locator(f'input[value="{focused}"]')).to_be_focused()
    other.close()
