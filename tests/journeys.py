"""What the learner-journey tests share: opening pages, finding a question's card, the
records a learner who has passed stores, and where things sit on the screen."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from playwright.sync_api import FloatRect, Locator, Page, expect

from generator.models import AREA_NAMES, Course, Module, Question
from generator.project import review_target
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


Given = Callable[[int], bool | None]
"""How a question is answered, by its place on the paper: right (True), wrong, or not at all."""


def answer_some(
    page: Page, questions: dict[str, Question], drawn: list[str], given: Given
) -> dict[str, bool]:
    """Answer the questions ``drawn`` on the exam paper right or wrong, or leave them, as
    ``given`` says of each one's place (from 0: True, False or None); returns whether each
    one is answered right, in the paper's order (one left counts as wrong)."""
    paper = {}
    for place, question_id in enumerate(drawn):
        right = given(place)
        if right is not None:
            form = page.locator(f'.mot-exam-paper [data-question-id="{question_id}"]')
            give_answer(form, questions[question_id], right=right)
        paper[question_id] = bool(right)
    return paper


MISS_LINES = """lines => lines.map(line => { const links = [...line.querySelectorAll('a')];
  return [links[0].textContent, links[0].getAttribute('href'),
    links.at(-1).textContent.startsWith('复习：'), links.at(-1).href]; })"""
"""Each line of a results panel's misses: its question's number, the link to it on the paper,
whether its last link is a review link, and the address that goes to."""


def expect_exam_results(page: Page, course: Course, paper: dict[str, bool]) -> None:
    """The results panel of the paper handed in, ``paper`` being each question on it, in
    order, right or not: its score and verdict, its stage lines (stage_lines), and each
    question missed, by its number on the paper, with its review link."""
    assert course.exam is not None
    pass_mark = course.exam.config.pass_mark
    right, total = sum(paper.values()), len(paper)
    passed = runtime_percent(right, total) >= pass_mark
    panel = page.locator('[data-results-for="exam"]')
    verdict = panel.locator("[data-passed]")
    expect(verdict).to_have_attribute("data-passed", "true" if passed else "false")
    expect(verdict).to_contain_text(
        f"得分 {right}/{total}（{runtime_percent(right, total)}%），"
        + ("及格" if passed else f"未及格（及格线 {pass_mark}%）")
    )
    expect(panel.locator(".mot-exam-stages li")).to_have_text(stage_lines(course, paper))
    missed = [
        [
            f"第\xa0{place}\xa0题",
            f"#question-{question_id}",
            True,
            review_address(page, course, question_id),
        ]
        for place, (question_id, correct) in enumerate(paper.items(), 1)
        if not correct
    ]
    shown = panel.locator(".mot-exam-misses li").evaluate_all(MISS_LINES)
    assert shown == missed, f"{shown} != {missed}"


def stage_lines(course: Course, paper: dict[str, bool]) -> list[str]:
    """各部分得分 for ``paper`` (each question on it, right or not): each part's right/total
    and percentage, worded as the home page's stage scores, a question counting towards its
    own stage where it names one, else its module's; and 建议复习 under the pass mark."""
    assert course.exam is not None
    module_of = {q.id: m for m in course.modules for q in m.quiz.every_question}
    questions = every_question(course)
    stages = {area: [0, 0] for area in AREA_NAMES}
    for question_id, correct in paper.items():
        area = module_of[question_id].area_of(questions[question_id])
        assert area is not None
        stages[area][0] += correct
        stages[area][1] += 1
    weak = "，建议复习"
    return [
        f"{AREA_NAMES[area]}：答对 {right}/{total} 题（{runtime_percent(right, total)}%）"
        + (weak if runtime_percent(right, total) < course.exam.config.pass_mark else "")
        for area, (right, total) in stages.items()
        if total
    ]


def review_address(page: Page, course: Course, question_id: str) -> str:
    """Where the review link of the question ``question_id`` goes from ``page``."""
    module, question = next(
        (m, q) for m in course.modules for q in m.quiz.every_question if q.id == question_id
    )
    return urljoin(page.url, review_target(question.review, module.page.filename).href())


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
