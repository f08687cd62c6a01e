"""The focus of a learner with two windows on the real course, when the other window's save
draws again the part the focus is in: an exam paper begun anew or handed in there, an answer
changed there, a module quiz answered or started again there; and the focus that stays where
it is when that save changed nothing the page shows (another page opened there).

The part drawn again moved, hid or disabled the control in focus, and the focus fell to the
page: a screen reader said nothing, and Tab started again from the top. It goes back to the
control if that is still shown, else where the page says what the other window did, read
out as it takes the focus. Focus elsewhere on the page stays where it is.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Dialog, Locator, Page, expect

from generator.models import Course, Module, Question, SingleChoice
from tests.browsing import FOLLOWING_SAVES, answer, answer_form, caught_up, choose_options
from tests.conftest import new_window
from tests.journeys import open_module, open_page, paper_state
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
    other.get_by_role("button", name="重新开始").click()  # nothing answered: nothing asked
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
    other.get_by_role("button", name="重新开始").click()  # nothing answered: nothing asked
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


def single_choices(questions: list[Question]) -> list[Question]:
    return [q for q in questions if isinstance(q, SingleChoice)]


def quiz_form(page: Page, question: Question) -> Locator:
    return page.locator(f'.mot-quiz [data-question-id="{question.id}"]')


HEARD = """() => {
    const text = el => (el.getAttribute('aria-label') || (el.labels || [el])[0].textContent).trim();
    const named = el => `${el.tagName.toLowerCase()}.${el.className} "${text(el).slice(0, 40)}"`;
    const lines = [...document.querySelectorAll('.mot-quiz .mot-status, .mot-quiz .mot-score')]
      .filter(line => line.textContent.trim())
      .map(line => `${line.textContent} [aria-label=${line.getAttribute('aria-label')}]`);
    return [`focus: ${named(document.activeElement)}`, ...lines].join('\\n');
}"""
"""The element in focus, with the name it is read by, and each quiz line that says anything."""


def heard(page: Page) -> str:
    """What a screen reader has of the page: the element in focus, with its name, and each
    question's status line (and the score line) that says anything, with the name it is
    read by. Printed, for a look with ``-s``."""
    said: str = page.evaluate(HEARD)
    print(said)
    return said


def expect_no_word_of_change(page: Page) -> None:
    """Nothing on the page says, or is named as saying, that another window changed an answer."""
    expect(page.get_by_text(CHANGED)).to_have_count(0)
    expect(page.locator(f'[aria-label*="{CHANGED}"]')).to_have_count(0)
    assert CHANGED not in heard(page)


def expect_read_as_answered(form: Locator) -> None:
    """``form``'s status line reads its verdict as every answer's does: no word of another
    window, and no name left over from a line focused before."""
    status = form.locator(".mot-status")
    expect(status).to_have_text("✓回答正确。")
    expect(status).not_to_have_attribute("aria-label", re.compile(""))


def open_quiz_beside(page: Page, site_url: str, module: Module) -> Page:
    """Open ``module`` in ``page`` and in another window; returns that window."""
    open_module(page, site_url, module)
    other = new_window(page.context)
    open_module(other, site_url, module)
    return other


def test_a_module_quiz_answer_given_in_another_window_says_so_at_its_status_line(
    page: Page, site_url: str, course: Course
) -> None:
    """The focus is on an option of a question the other window answers: the option is
    disabled, and the question's status line takes the focus and says another window
    changed its answer, before the verdict. On an option of a question the other window
    neither answers nor has answered, when it answers another and when it presses 重新作答,
    the focus stays on the option: its question is not drawn again."""
    module = course.modules[0]
    other = open_quiz_beside(page, site_url, module)
    answered, left = single_choices(module.quiz.questions)[1:3]
    form = quiz_form(page, answered)
    focus_first_control(form)
    answer_form(quiz_form(other, answered), answered, right=True)
    expect(form).to_have_attribute("data-result", "correct")
    status = form.locator(".mot-status")
    expect(status).to_be_focused()
    expect(status).to_have_text(f"✓{CHANGED}上次已答对。")
    expect(status).to_have_attribute("aria-label", f"✓{CHANGED}上次已答对。")
    assert f"aria-label=✓{CHANGED}" in heard(page)
    form = quiz_form(page, left)
    focus_first_control(form)
    option = form.locator(":focus")
    answer(other, module, index=0)
    expect(page.locator(".mot-quiz .mot-score")).to_have_attribute("data-answered", "2")
    expect(option).to_be_focused()
    accept_next(other)
    other.get_by_role("button", name="重新作答").click()
    expect(page.locator(".mot-quiz .mot-score")).to_have_attribute("data-answered", "0")
    expect(option).to_be_focused()
    expect_no_word_of_change(page)
    other.close()


def test_a_module_quiz_begun_again_in_another_window_says_so_where_the_focus_was(
    page: Page, site_url: str, course: Course
) -> None:
    """The focus is on the feedback of the question just answered when the other window
    presses 重新作答: the feedback went, and the question's status line takes the focus and
    says another window changed its answer. The other window answers it, and starts again:
    each time the line, in focus, says so again (drawn again, it had lost the word and its
    name). The learner answers it here: the line reads the verdict alone.

    Seconds pass between the windows' steps, as they do for a learner: a save heard within
    a moment of the hearing window's own change gets that change made again on it
    (mot-core.js, withOurs), and an answer given here would come back."""
    page.clock.install()
    module = course.modules[0]
    other = open_quiz_beside(page, site_url, module)
    first = module.quiz.questions[0]
    form = answer_form(quiz_form(page, first), first, right=True)
    expect(form.locator(".mot-feedback")).to_be_focused()
    status, score = form.locator(".mot-status"), page.locator(".mot-quiz .mot-score")
    page.clock.fast_forward("00:02")
    accept_next(other)
    other.get_by_role("button", name="重新作答").click()
    expect_focus_on_line(status, CHANGED)
    expect(score).to_have_attribute("data-answered", "0")
    page.clock.fast_forward("00:02")
    answer_form(quiz_form(other, first), first, right=True)
    expect(form).to_have_attribute("data-result", "correct")
    expect(status).to_be_focused()
    expect(status).to_have_attribute("aria-label", f"✓{CHANGED}上次已答对。")
    page.clock.fast_forward("00:02")
    accept_next(other)
    other.get_by_role("button", name="重新作答").click()
    expect(score).to_have_attribute("data-answered", "0")
    expect_focus_on_line(status, CHANGED)
    assert f"aria-label={CHANGED}" in heard(page)
    page.clock.fast_forward("00:02")
    answer_form(form, first, right=True)
    expect_read_as_answered(form)
    expect_no_word_of_change(page)
    other.close()


@pytest.mark.parametrize("opened", ["the same module", "another module", "the home page"])
def test_a_page_opened_in_another_window_leaves_the_focus_on_its_option(
    page: Page, site_url: str, course: Course, opened: str
) -> None:
    """The focus is on an option of a question not yet answered, with one answered above it,
    when the other window opens a page: the module's own, another module's (which draws its
    questions' orders: a save) or the home page. Nothing the page shows changed: nothing is
    drawn again, the focus stays on the option and nothing says another window changed an
    answer. The learner answers: the status line reads the verdict alone."""
    page.add_init_script(FOLLOWING_SAVES)
    module = course.modules[0]
    open_module(page, site_url, module)
    answer_form(quiz_form(page, module.quiz.questions[0]), module.quiz.questions[0], right=True)
    question = single_choices(module.quiz.questions)[1]
    form = quiz_form(page, question)
    focus_first_control(form)
    option = form.locator(":focus")
    other = new_window(page.context)
    if opened == "the home page":
        open_page(other, site_url, ".mot-dashboard")
    else:
        open_module(other, site_url, module if opened == "the same module" else course.modules[1])
    caught_up(page)
    expect(option).to_be_focused()
    expect_no_word_of_change(page)
    answer_form(form, question, right=True)
    expect_read_as_answered(form)
    expect(page.locator(".mot-quiz .mot-score")).not_to_have_attribute("aria-label", re.compile(""))
    expect_no_word_of_change(page)
    other.close()


def test_a_page_opened_in_another_window_leaves_the_focus_in_the_results_panel(
    page: Page, site_url: str, course: Course
) -> None:
    """The quiz is done, some answers wrong, and the focus is on a review link of the
    results panel when the other window opens another module's page (a save: it draws that
    module's orders). The panel says what it said: it is not drawn again, and the focus
    stays on the link."""
    page.add_init_script(FOLLOWING_SAVES)
    module = course.modules[0]
    open_module(page, site_url, module)
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=index % 2 == 0)
    link = page.locator(".mot-quiz .mot-results-details a").first
    link.focus()
    expect(link).to_be_focused()
    other = new_window(page.context)
    open_module(other, site_url, course.modules[1])
    caught_up(page)
    expect(link).to_be_focused()
    heard(page)
    other.close()
