"""What a screen reader reads where the focus lands, on the fixture course, through the
accessibility tree (Playwright's ARIA snapshot), not the page's attributes.

An answer moves the focus to its feedback. The verdict, written into a polite status line
at the same moment, was cut short by what the focus reads; it is now the first thing the
focused feedback says, and the status line is read once. A dialogue's last reply had its
verdict, feedback and better reply above the focus, never read; they now come first. A
quiz's last answer says the quiz's verdict before the link to the results panel, which
appears without a word. A reordered item keeps the focus on its button without losing it
for a moment (the button was read out again before the new place), and a matching row's
two verdicts no longer differ only in word order.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.digests import opaque_key
from generator.load import load_course
from generator.models import Course, Scenario
from generator.project import Project
from tests.browsing import answer_form, dialogue_path
from tests.conftest import FIXTURES
from tests.test_learner import TYPES, form_of, open_page, question

pytestmark = pytest.mark.browser

ICONS = re.compile(r"[✓✗]")


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(Project(FIXTURES / "minimal"))


def spoken_lines(surface: Locator) -> list[str]:
    """The names and texts a screen reader reads in ``surface``, in order, from its ARIA
    snapshot (lines such as ``- paragraph: text``, ``- link "name":``, ``- /url: …``)."""
    lines = []
    for line in surface.aria_snapshot().splitlines():
        item = line.strip().removeprefix("- ")
        named = re.fullmatch(r'[a-z]+ "(.*)"(?: \[[^]]*\])?:?', item)
        text = named.group(1) if named else re.sub(r"^[a-z]+: ", "", item).strip('"')
        if text and not item.startswith("/") and not re.fullmatch(r"[a-z]+:?", text):
            lines.append(text)
    return lines


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
@pytest.mark.parametrize("question_id", TYPES)
def test_the_focused_feedback_says_the_verdict_first(
    page: Page, fixture_site_url: str, course: Course, question_id: str, right: bool
) -> None:
    open_page(page, fixture_site_url)
    q = question(course, question_id)
    form = answer_form(form_of(page, q.id), q, right)
    feedback = form.locator(".mot-feedback")
    expect(feedback).to_be_focused()
    status = ICONS.sub("", form.locator(".mot-status").inner_text()).strip().replace("\xa0", " ")
    assert status.startswith("回答正确" if right else "回答错误")
    heard = " ".join(spoken_lines(feedback))
    if isinstance(q, Scenario):
        heard = heard.removeprefix(last_turn_heard(q, right))
    assert heard.startswith(status), heard
    assert status not in " ".join(spoken_lines(form)).replace(heard, ""), "read twice"
    retry(page)
    expect(form.locator(".mot-spoken")).to_have_count(0)
    expect(form.locator(".mot-status")).not_to_have_attribute("aria-hidden", "true")


def retry(page: Page) -> None:
    """重新作答, accepting the question it asks first."""
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".mot-quiz .mot-retry").click()
    expect(page.locator(".mot-quiz .mot-question[data-result]")).to_have_count(0)


def last_turn_heard(q: Scenario, right: bool) -> str:
    """What the dialogue's last turn says first: the verdict and feedback of the reply
    played, and the better reply when it was not the best."""
    turn_id, reply_key, _ = dialogue_path(q, right)[-1]
    turn = next(t for t in q.turns if t.id == turn_id)
    played = next(r for r in turn.replies if opaque_key(q.id, r.text) == reply_key)
    best = next(r for r in turn.replies if r.correct)
    heard = f"{'回复得当' if right else '回复欠妥'}：{played.feedback} "
    return heard + ("" if right else f"更好的回复：{best.text} ")


def test_a_dialogue_s_last_turn_is_read_once(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """Its feedback and the better reply, read where the focus lands, are hidden where they
    show above, as the earlier turns' better replies are."""
    open_page(page, fixture_site_url)
    q = question(course, "s1-scenario")
    assert isinstance(q, Scenario)
    form = answer_form(form_of(page, q.id), q, right=False)
    heard = spoken_lines(form)
    turn_id, reply_key, _ = dialogue_path(q, right=False)[-1]
    turn = next(t for t in q.turns if t.id == turn_id)
    played = next(r for r in turn.replies if opaque_key(q.id, r.text) == reply_key)
    assert sum(played.feedback in line for line in heard) == 1, heard


def test_a_module_quiz_s_dialogue_ends_with_one_move_of_the_focus(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """The focus went to 这段对话结束了 and at once on to the feedback, cutting the first
    short; the feedback says the dialogue is over (the exam, which shows none, keeps the
    status line: tests/test_journeys_exam.py)."""
    open_page(page, fixture_site_url)
    q = question(course, "s1-scenario")
    form = form_of(page, q.id)
    form.evaluate(
        "f => { window.__focused = []; f.addEventListener('focusin', e =>"
        " window.__focused.push(e.target.className)); }"
    )
    answer_form(form, q, right=False)
    expect(form.locator(".mot-feedback")).to_be_focused()
    assert "mot-status" not in " ".join(page.evaluate("window.__focused"))
    assert " ".join(spoken_lines(form.locator(".mot-feedback"))).count("对话结束") == 1


def test_a_mistakes_book_dialogue_ends_with_one_move_of_the_focus(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """On the 错题本 too, the dialogue's last reply moved the focus to the exam's line
    (这段对话结束了, 交卷后判分: no exam there) and at once on to the feedback."""
    open_page(page, fixture_site_url)
    q = question(course, "s1-scenario")
    answer_form(form_of(page, q.id), q, right=False)
    page.goto(f"{fixture_site_url}mistakes.html")
    form = page.locator(f'.mot-mistakes[data-ready] form[data-question-id="{q.id}"]')
    form.evaluate(
        "f => { window.__focused = []; f.addEventListener('focusin', e =>"
        " window.__focused.push(e.target.className)); }"
    )
    answer_form(form, q, right=True)
    expect(form.locator(".mot-feedback")).to_be_focused()
    assert "mot-status" not in " ".join(page.evaluate("window.__focused"))
    expect(form.locator(".mot-status")).not_to_contain_text("交卷")


def test_a_quiz_s_last_answer_says_the_quiz_s_verdict_before_its_link(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    open_page(page, fixture_site_url)
    module = course.modules[0]
    for q in module.quiz.questions:
        form = answer_form(form_of(page, q.id), q, right=False)
    heard = spoken_lines(form.locator(".mot-feedback"))
    total = len(module.quiz.questions)
    verdict = f"得分 0/{total}（0%）。还没有达到及格线 {course.pass_marks.module}%。"
    assert heard[-2:] == [verdict, "查看本模块成绩"], heard
    retry(page)
    expect(page.locator(".mot-to-results-verdict")).to_have_count(0)


def test_a_moved_item_keeps_the_focus_on_its_button_throughout(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    open_page(page, fixture_site_url)
    form = form_of(page, "s1-ordering")
    first = form.locator(".mot-order-item").first.get_attribute("data-key")
    down = form.locator(f'.mot-order-item[data-key="{first}"] [data-move="1"]')
    down.evaluate("b => { window.__lost = 0; b.addEventListener('blur', () => window.__lost++); }")
    down.focus()
    for place in (2, 3):
        page.keyboard.press("Enter")
        expect(form.locator(".mot-status")).to_contain_text(f"现在是第 {place} 项")
        expect(down).to_be_focused()
    assert page.evaluate("window.__lost") == 0


def test_a_matching_row_s_verdicts_say_different_words(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    open_page(page, fixture_site_url)
    q = question(course, "s1-matching")
    form = answer_form(form_of(page, q.id), q, right=False)
    tags = [ICONS.sub("", text) for text in form.locator(".mot-match .mot-mark").all_inner_texts()]
    wrong = [text for text in tags if text.startswith("配错了，应配：")]
    assert wrong and all(text.startswith(("配错了，应配：", "配对正确：")) for text in tags), tags


def test_a_blank_is_described_by_the_sentence_it_is_in(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """A screen reader in forms mode, tabbing into a blank, heard 第 1 空 and nothing of the
    sentence around it: the question itself was missing."""
    open_page(page, fixture_site_url)
    blanks = form_of(page, "s1-fill-in").get_by_role("textbox")
    expect(blanks).to_have_count(2)
    for number, blank in enumerate(blanks.all(), 1):
        expect(blank).to_have_accessible_name(f"第 {number} 空")
        expect(blank).to_have_accessible_description(re.compile("^倾听时要望、闻、.*。$"))
