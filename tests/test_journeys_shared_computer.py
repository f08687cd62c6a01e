"""A learner on a computer others use too (a shop's, a branch's), on the real course.

The home page's dashboard ends in a button that clears the progress this browser keeps:
answers, scores, the 错题本, the exam, the certificate's name, and the copies kept of
records the runtime could not read. Every open tab follows. A SCORM package does not offer
it: there the launch page keeps each learner's progress apart (test_export_scorm.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Dialog, Locator, Page, expect

from generator.models import Course
from tests.browsing import STORAGE_KEY, answer, axe_violations, every_question, give_answer
from tests.conftest import TEST_MARK, new_window
from tests.journeys import open_module, open_page, passed_everything, stored_record
from tests.test_journeys_print import printed_sheets

pytestmark = pytest.mark.browser

UNREADABLE_COPY = f"{STORAGE_KEY}:unreadable:1733390000000"
"""A record of another version, kept aside by the runtime (mot-core.js)."""
OTHER_COPY = f"{STORAGE_KEY}:other:1733390000000"
"""Another course's record, published before at the same address, kept aside (mot-rehome.js)."""
CLEAR = "清除这台设备上的学习进度"
CLEARED = "这台设备上的学习进度已经清除。"


def a_learner_who_finished(course: Course) -> str:
    """Every quiz and the exam passed, a certificate name, a mistake still to redo and the
    order of a question's options drawn."""
    record: dict[str, Any] = json.loads(passed_everything(course))
    first = course.modules[0].quiz.questions[0].id
    record |= {
        "name": "王小明",
        "mistakes": {first: {"module": course.modules[0].page.name}},
        "shuffles": {first: 7},
    }
    return json.dumps(record, ensure_ascii=False)


def clear_button(page: Page) -> Locator:
    return page.locator(".mot-dashboard").get_by_role("button", name=CLEAR)


def press_clear(page: Page, confirm: bool) -> list[str]:
    """Press the dashboard's button and answer its confirmation; returns the messages asked."""
    asked: list[str] = []

    def reply(dialog: Dialog) -> None:
        asked.append(dialog.message)
        if confirm:
            dialog.accept()
        else:
            dialog.dismiss()

    page.once("dialog", reply)
    clear_button(page).click()
    return asked


def test_a_learner_leaving_a_shared_computer_clears_their_progress(
    page: Page, site_url: str, course: Course
) -> None:
    page.goto(site_url)
    page.evaluate(
        "([key, record, copy, other]) => { localStorage.setItem(key, record);"
        " localStorage.setItem(copy, '{}'); localStorage.setItem(other, '{}');"
        " localStorage.setItem('mine', 'kept'); }",
        [STORAGE_KEY, a_learner_who_finished(course), UNREADABLE_COPY, OTHER_COPY],
    )
    open_page(page, site_url, ".mot-dashboard")
    board = page.locator(".mot-dashboard")
    statuses = board.locator("[data-status]")
    expect(statuses).to_have_text(["已通过"] * len(course.modules))
    assert press_clear(page, confirm=False)
    expect(statuses).to_have_text(["已通过"] * len(course.modules))  # asked, and kept
    assert stored_record(page)["name"] == "王小明"

    asked = press_clear(page, confirm=True)
    assert asked == ["清除以后，这台设备上的学习进度不能恢复。确定要清除吗？"]
    expect(board.get_by_role("status")).to_have_text(CLEARED)
    expect(clear_button(page)).to_be_focused()
    expect(statuses).to_have_text(["未开始"] * len(course.modules))
    expect(board.locator("[data-overall]")).to_have_text("0%")
    expect(board.locator("[data-exam]")).to_have_text("未参加")
    expect(board.locator("[data-mistakes]")).to_have_text("没有错题")
    first_module = course.modules[0]
    expect(board.locator("[data-continue]")).to_have_text(f"开始学习：{first_module.meta.title}")
    kept = page.evaluate("Object.keys(localStorage).filter(key => !key.endsWith('__palette'))")
    assert set(kept) == {TEST_MARK, "mine"}  # the record and its copies gone, nothing else
    assert axe_violations(page) == []

    page.reload()
    expect(page.locator(".mot-dashboard[data-ready] [data-status]")).to_have_text(
        ["未开始"] * len(course.modules)
    )
    expect(board.get_by_role("status")).to_have_text("")
    open_module(page, site_url, first_module)
    expect(page.locator(".mot-module-status").first).to_have_text("本模块状态：未开始")
    expect(page.locator("form[data-question-id][data-result]")).to_have_count(0)
    page.goto(f"{site_url}exam_certificate.html")
    checklist = page.locator(".mot-cert-checklist li")
    expect(checklist).to_have_count(len(course.modules) + 1)
    expect(checklist.and_(page.locator("[data-done=true]"))).to_have_count(0)
    expect(page.get_by_label("证书上的姓名")).to_be_hidden()


def test_a_certificate_left_open_follows_the_clear(
    context: BrowserContext, site_url: str, course: Course, tmp_path: Path
) -> None:
    """The certificate page left open kept the last learner's certificate under a checklist
    of ✗, and printed it: its name, score and date, for the next learner to see."""
    certificate = new_window(context)
    certificate.goto(site_url)
    certificate.evaluate(
        "([key, record]) => localStorage.setItem(key, record)",
        [STORAGE_KEY, a_learner_who_finished(course)],
    )
    open_page(certificate, f"{site_url}exam_certificate.html", ".mot-cert-form")
    expect(certificate.locator(".mot-cert-name")).to_have_text("王小明")
    home = new_window(context)
    open_page(home, site_url, ".mot-dashboard")
    press_clear(home, confirm=True)
    expect(certificate.locator(".mot-cert-checklist [data-done=true]")).to_have_count(0)
    expect(certificate.locator(".mot-certificate")).to_be_hidden()
    expect(certificate.get_by_role("button", name="打印证书")).to_be_hidden()
    expect(certificate.get_by_label("证书上的姓名")).to_be_hidden()
    expect(certificate.get_by_label("证书上的姓名")).to_have_value("")
    printed = printed_sheets(certificate, tmp_path / "left-open.pdf")
    assert "王小明" not in "".join(printed) and "未参加" in "".join(printed)


def test_every_open_tab_follows_the_clear(
    context: BrowserContext, site_url: str, course: Course
) -> None:
    """A module page with an answer shows none, the exam takes its paper away, and an answer
    given afterwards does not bring back what was cleared."""
    module = course.modules[0]
    quiz = new_window(context)
    open_module(quiz, site_url, module)
    answered = answer(quiz, module, 0, right=True)
    exam = new_window(context)
    open_page(exam, f"{site_url}exam.html", ".mot-exam")
    exam.get_by_role("button", name="开始考试").click()
    drawn = exam.locator(".mot-exam-paper .mot-question").first
    question = every_question(course)[str(drawn.get_attribute("data-question-id"))]
    give_answer(drawn, question, right=False)

    home = new_window(context)
    open_page(home, site_url, ".mot-dashboard")
    press_clear(home, confirm=True)
    expect(home.get_by_role("status")).to_have_text(CLEARED)

    expect(answered).not_to_have_attribute("data-result", "correct")
    expect(quiz.locator(".mot-score")).to_have_attribute("data-answered", "0")
    expect(exam.locator(".mot-exam-paper .mot-question")).to_have_count(0)
    expect(exam.get_by_role("button", name="开始考试")).to_be_visible()
    for tab in quiz, exam:
        expect(tab.locator(".mot-storage-warning")).to_contain_text("学习进度已清除")
    second = module.quiz.questions[1].id
    answer(quiz, module, 1, right=True)
    home.wait_for_function(
        "([key, id]) => id in JSON.parse(localStorage.getItem(key)).questions",
        arg=[STORAGE_KEY, second],
    )
    record = stored_record(home)
    assert set(record["questions"]) == {second}
    assert (record["attempt"], record["exam"]) == (None, None)
