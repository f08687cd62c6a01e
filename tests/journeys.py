"""What the learner-journey tests share: opening pages, finding a question's card, the
records a learner who has passed stores, and where things sit on the screen."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from playwright.sync_api import FloatRect, Locator, Page, expect

from generator.models import Course, Module, Question
from tests.browsing import STORAGE_KEY, every_question, give_answer


def open_module(page: Page, url: str, module: Module) -> None:
    page.goto(f"{url}{module.page.name}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)


def open_page(page: Page, url: str, part: str) -> None:
    """Go to ``url`` and wait until the runtime has set up ``part`` there."""
    page.goto(url)
    expect(page.locator(f"{part}[data-ready]")).to_have_count(1)


def form_of(page: Page, question: Question) -> Locator:
    return page.locator(f'form[data-question-id="{question.id}"]:visible')


def below_header(page: Page, element: Locator) -> tuple[FloatRect, float]:
    """``element``'s box, its top checked not to be under Material's sticky header, and the
    viewport's height."""
    box, header = element.bounding_box(), page.locator(".md-header").bounding_box()
    viewport = page.viewport_size
    assert box is not None and header is not None and viewport is not None
    assert header["y"] + header["height"] <= box["y"] + 1, "hidden under the header"
    return box, viewport["height"]


def expect_in_view_below_header(page: Page, element: Locator) -> None:
    """The top of ``element`` is on screen and not under Material's sticky header."""
    box, height = below_header(page, element)
    assert box["y"] < height * 0.6, "below the fold"


def expect_whole_in_view(page: Page, element: Locator) -> None:
    """All of ``element`` is on screen, below Material's sticky header."""
    box, height = below_header(page, element)
    assert box["y"] + box["height"] <= height + 1, "cut off at the bottom"


def runtime_percent(right: int, total: int) -> int:
    """A share as the runtime shows it and judges it: a whole percent, rounded down."""
    return 100 * right // total


def fewest_right_to_pass(total: int, pass_mark: int) -> int:
    """The fewest right answers that pass, as the runtime judges: their share, as it shows
    it, at the pass mark or more."""
    return next(right for right in range(total + 1) if runtime_percent(right, total) >= pass_mark)


def paper_state(page: Page) -> dict[str, object]:
    """The questions on the paper, the order of each one's choices and the answers given."""
    return dict(
        page.evaluate(
            """() => {
              const forms = [...document.querySelectorAll('.mot-exam-paper .mot-question')];
              return {
                ids: forms.map(f => f.dataset.questionId),
                orders: forms.map(f => [...f.querySelectorAll('input, option')].map(i => i.value)),
                answers: forms.map(f => window.mot.engine.answer(f)),
              };
            }"""
        )
    )


def start_exam(
    page: Page,
    site_url: str,
    questions: dict[str, Question],
    right: Callable[[int], bool] = lambda place: True,
) -> list[str]:
    """Open the exam, start an attempt and answer every question, right where ``right``
    says of its place on the paper (from 0; all, by default); returns the ids."""
    open_page(page, f"{site_url}exam.html", ".mot-exam")
    page.get_by_role("button", name="开始考试").click()
    drawn: list[str] = paper_state(page)["ids"]  # type: ignore[assignment]
    for place, question_id in enumerate(drawn):
        form = page.locator(f'.mot-exam-paper [data-question-id="{question_id}"]')
        give_answer(form, questions[question_id], right=right(place))
    return drawn


def passed_everything(course: Course) -> str:
    """A progress record of a learner who passed every quiz (all right) and the exam."""
    record = {
        "version": 1,
        "questions": {
            q.id: {"quiz": m.page.name, "result": "correct"}
            for m in course.modules
            for q in m.quiz.questions
        },
        "quizzes": {
            m.page.name: {
                "best": len(m.quiz.questions),
                "total": len(m.quiz.questions),
                "passed": True,
            }
            for m in course.modules
        },
        "exam": {"best": 100, "passed": True, "passedScore": 100, "passedOn": "2025-03-08"},
        "name": "",
    }
    return json.dumps(record, ensure_ascii=False)


def store(page: Page, record: str) -> None:
    page.evaluate("([key, record]) => localStorage.setItem(key, record)", [STORAGE_KEY, record])
    page.reload()


def stored_record(page: Page) -> dict[str, Any]:
    """The learner's progress record as the page has stored it."""
    record: dict[str, Any] = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    return record


def passed_before(course: Course, passed: list[Module], exam: bool) -> str:
    """A progress record of a learner who passed the modules ``passed`` (all right), and
    the exam if ``exam``."""
    record = json.loads(passed_everything(course))
    names = {module.page.name for module in passed}
    record["quizzes"] = {name: found for name, found in record["quizzes"].items() if name in names}
    record["questions"] = {
        question_id: found
        for question_id, found in record["questions"].items()
        if found["quiz"] in names
    }
    if not exam:
        del record["exam"]
    return json.dumps(record, ensure_ascii=False)


LINES_OF_TEXT = """cells => cells.map(cell => {
  const range = document.createRange();
  range.selectNodeContents(cell);
  return new Set([...range.getClientRects()].map(box => Math.round(box.top))).size;
})"""
"""How many lines each cell's text is drawn on."""


PARTED_NUMBERS = """() => {
  /* overlapping: 第 3 步 holds two */
  const found = [], pair = /(?=([0-9%][ \\u00a0]\\p{Script=Han}|\\p{Script=Han}[ \\u00a0][0-9]))/gu;
  const content = document.querySelector('.md-content');
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('code, pre, [hidden]')) { continue; }
    for (const match of node.data.matchAll(pair)) {
      const [before, after] = [match.index, match.index + 2].map(i => {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getClientRects()[0];
      });
      if (before && after && after.top > before.top + 2) { found.push(match[1]); }
    }
  }
  return found;
}"""
"""Where a number and the Chinese character beside it, a space apart, are drawn on two
lines."""


BUTTONS_OFF_CENTRE = """buttons => buttons.filter(button => button.offsetParent).flatMap(button => {
  const box = button.getBoundingClientRect(), range = document.createRange(), lines = {};
  range.selectNodeContents(button);
  for (const run of range.getClientRects()) {   /* a line is drawn in runs, one per font */
    const line = lines[Math.round(run.bottom)] ||= {left: run.left, right: run.right};
    line.left = Math.min(line.left, run.left);
    line.right = Math.max(line.right, run.right);
  }
  const label = range.getBoundingClientRect();
  const off = [label.top + label.bottom - box.top - box.bottom, ...Object.values(lines).map(line =>
    line.left + line.right - box.left - box.right)].map(twice => Math.abs(twice) / 2);
  return Math.max(...off) > 1.5 ? [button.textContent] : [];
})"""
"""The visible buttons with a line of their label off its centre, across or down."""


def expect_buttons_set_alike(buttons: Locator) -> None:
    """Each of ``buttons`` has every line of its label centred, and those side by side (a
    link set as a button beside a button) stand as high and as tall as each other."""
    off_centre = buttons.evaluate_all(BUTTONS_OFF_CENTRE)
    assert off_centre == [], f"labels off their button's centre: {off_centre}"
    boxes = [button.bounding_box() for button in buttons.all() if button.is_visible()]
    spans = [(round(box["y"]), round(box["y"] + box["height"])) for box in boxes if box]
    side_by_side = [(a, b) for a in spans for b in spans if a < b and a[1] > b[0]]
    assert side_by_side == [], f"buttons side by side, out of line (top, bottom): {side_by_side}"


OVERFLOWING = """forms => forms.filter(form => form.scrollWidth > form.clientWidth + 1 ||
  [...form.querySelectorAll('*')].some(el => el.getBoundingClientRect().right >
    form.getBoundingClientRect().right + 1)).map(form => form.dataset.questionId)"""
"""The questions with something drawn past their right edge."""


def open_every_question_as_a_mistake(
    page: Page, site_url: str, course: Course
) -> dict[str, Question]:
    """Open the 错题本 of a learner with every question of the course in it; its questions."""
    questions = every_question(course)
    module_of = {q.id: m.page.name for m in course.modules for q in m.quiz.every_question}
    record = {"version": 1, "questions": {}, "quizzes": {}, "exam": None, "name": ""}
    record["mistakes"] = {
        question_id: {"module": module_of[question_id]} for question_id in questions
    }
    page.goto(site_url)
    store(page, json.dumps(record))
    open_page(page, f"{site_url}mistakes.html", ".mot-mistakes")
    return questions
