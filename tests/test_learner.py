"""The learner's experience on the fixture course, in headless Chromium.

Every question type answered right, wrong and by keyboard alone; progress across reloads,
navigation and broken storage; the final exam; the certificate; digest parity between
Python and JavaScript; axe-core in light and dark mode. Answers come from the YAML.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect

from generator.digests import opaque_key, salt_for
from generator.load import load_course
from generator.models import (
    Course,
    FillIn,
    Matching,
    Module,
    MultipleChoice,
    Ordering,
    Question,
    Scenario,
    SingleChoice,
)
from generator.normalise import normalise
from generator.project import Project
from tests.browsing import (
    AXE,
    FOLLOWING_SAVES,
    STORAGE_KEY,
    answer_exam,
    answer_form,
    axe_violations,
    caught_up,
    choose_options,
    every_question,
    expect_hand_in_over,
    expect_no_storage_notice,
    expect_scheme,
    fill_answers,
    give_answer,
    hand_in,
    hand_in_left_open,
    matching_keys,
    ordering_keys,
    past_the_input,
    press_until,
    seed_progress,
    type_query,
    window_beside,
)
from tests.conftest import FIXTURES, new_window, own_browser
from tests.journeys import runtime_percent

pytestmark = pytest.mark.browser

CASES = json.loads((Path(__file__).parent / "normalisation_cases.json").read_text("utf-8"))["cases"]
VERDICT = {True: "回答正确。", False: "回答错误。正确答案已经标出，请看下面的讲解。"}
"""What the status line says, and the feedback focused after an answer reads out first, by
whether the answer was right."""


def wrong_parts_verdict(parts: str, restored: bool = False) -> str:
    """The verdict of a question in parts answered wrong: the parts it got wrong come before
    the pointer to the explanation, which they had followed."""
    if restored:
        return f"上次答错了：{parts}正确答案已经标出。"
    return f"回答错误：{parts}正确答案已经标出，请看下面的讲解。"


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(Project(FIXTURES / "minimal"))


def question(course: Course, question_id: str) -> Question:
    return next(q for m in course.modules for q in m.quiz.every_question if q.id == question_id)


def open_page(page: Page, url: str, name: str = "01-sample") -> None:
    page.goto(f"{url}{name}.html")
    expect(
        page.locator(".mot-quiz[data-ready], .mot-exam[data-ready], .mot-dashboard")
    ).not_to_have_count(0)


def key(question_id: str, text: str) -> str:
    """The key of an option or reply: it follows its text, never its place."""
    return opaque_key(question_id, text)


def form_of(page: Page, question_id: str) -> Locator:
    return page.locator(f'form[data-question-id="{question_id}"]:visible')


def answer(page: Page, q: Question, right: bool) -> Locator:
    return answer_form(form_of(page, q.id), q, right)


TYPES = ["s1-single", "s1-multiple", "s1-true-false", "s1-ordering", "s1-matching"]
TYPES += ["s1-fill-in", "s1-scenario"]


@pytest.mark.parametrize("question_id", TYPES)
def test_right_answer(page: Page, fixture_site_url: str, course: Course, question_id: str) -> None:
    open_page(page, fixture_site_url)
    q = question(course, question_id)
    form = answer(page, q, right=True)
    expect(form).to_have_attribute("data-result", "correct")
    expect(form.locator(".mot-status")).to_contain_text("✓")
    expect(form.locator(".mot-explanation")).to_have_text(f"讲解：{q.explanation}")
    expect(form.locator(".mot-review a")).to_be_visible()
    expect(page.locator(".mot-score")).to_have_text("已作答 1/7 题，答对 1 题")


@pytest.mark.parametrize("question_id", TYPES)
def test_wrong_answer(page: Page, fixture_site_url: str, course: Course, question_id: str) -> None:
    open_page(page, fixture_site_url)
    q = question(course, question_id)
    form = answer(page, q, right=False)
    expect(form).to_have_attribute("data-result", "incorrect")
    expect(form.locator(".mot-status")).to_contain_text("✗")
    expect(form.locator(".mot-explanation")).to_be_visible()
    if isinstance(q, Ordering | Matching | FillIn) and q.feedback.incorrect:
        expect(form.locator(".mot-option-feedback:visible")).to_have_text(q.feedback.incorrect)
    expect(form.locator('[data-solution="true"]:visible')).to_have_count(solution_count(q))


def solution_count(q: Question) -> int:
    """How many elements show the right answer once ``q`` is answered wrong (stable hook)."""
    if isinstance(q, SingleChoice | MultipleChoice):
        return sum(option.correct for option in q.options)
    if isinstance(q, Ordering):
        return len(q.items)
    if isinstance(q, Matching):
        return len(q.pairs)
    if isinstance(q, FillIn):
        return len(q.blanks)
    if isinstance(q, Scenario):  # each turn answered wrong shows its best reply
        return len(wrong_path(q))
    return 1  # true/false: the right one of the two


def wrong_path(q: Scenario) -> list[str]:
    """The turns a learner who always picks a wrong reply plays, in order."""
    played, index = [], 0
    while True:
        turn = q.turns[index]
        played.append(turn.id)
        following = q.next_turn(index, next(r for r in turn.replies if not r.correct))
        if following == "end":
            return played
        index = next(i for i, t in enumerate(q.turns) if t.id == following)


@pytest.mark.parametrize("question_id", TYPES)
def test_the_right_answer_is_shown_with_the_learners_own(
    page: Page, fixture_site_url: str, course: Course, question_id: str
) -> None:
    """What marks the right answer says it in text, and the learner's choice stays in view."""
    open_page(page, fixture_site_url)
    q = question(course, question_id)
    form = answer(page, q, right=False)
    shown = form.locator('[data-solution="true"]').all_inner_texts()
    if isinstance(q, SingleChoice | MultipleChoice):
        right = [o.text for o in q.options if o.correct]
        assert sorted(text.split("\n")[0] for text in shown) == sorted(right)
        expect(form.locator(".mot-option.mot-chosen")).to_contain_text("你的选择")
    elif isinstance(q, Ordering):
        items = form.locator(".mot-order-item")
        for index in range(items.count()):
            item_text = items.nth(index).locator(".mot-order-text").inner_text()
            place = q.items.index(item_text) + 1
            expect(items.nth(index).locator("[data-solution]")).to_contain_text(f"第 {place} 项")
    elif isinstance(q, Matching):
        assert [text.split("：", 1)[1] for text in shown] == [pair.match for pair in q.pairs]
    elif isinstance(q, FillIn):
        assert [text.split("：", 1)[1] for text in shown] == [b.accept[0] for b in q.blanks]
        expect(form.locator("input.mot-blank").first).to_have_value(fill_answers(q, False)[0])
    elif isinstance(q, Scenario):
        turns = {turn.id: turn for turn in q.turns}
        best = [next(r.text for r in turns[i].replies if r.correct) for i in wrong_path(q)]
        assert shown == [f"✓更好的回复：{text}" for text in best]
    else:
        expect(form.locator(".mot-option.mot-chosen")).to_contain_text("你的选择")
        assert len(shown) == 1


def test_an_answer_s_option_feedback_follows_the_order_the_options_are_shown_in(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """The options are drawn in another order for each learner, and the feedback on each
    was listed in the order written: the learner matched them up by reading."""
    q = question(course, "s1-multiple")
    assert isinstance(q, MultipleChoice)
    shown_apart = False
    for seed in range(1, 7):
        seed_progress(page, fixture_site_url, json.dumps({"version": 1, "shuffles": {q.id: seed}}))
        open_page(page, fixture_site_url)
        form = answer(page, q, right=False)
        shown = form.locator(".mot-options input").evaluate_all("all => all.map(i => i.value)")
        told = form.locator(".mot-option-feedback:not([hidden])").evaluate_all(
            "items => items.map(item => item.dataset.option)"
        )
        assert len(told) > 1, "a wrong answer is told about more than one option"
        assert told == [option for option in shown if option in told]
        shown_apart = shown_apart or shown != [key(q.id, option.text) for option in q.options]
    assert shown_apart, "some seed shows the options in another order than written"


def test_the_learners_choice_is_tinted_apart_from_the_verdict_colours(
    scheme_page: Page, fixture_site_url: str, course: Course
) -> None:
    """The tint that marks 你的选择 says nothing of right or wrong: its hue is far from
    both the correct and the incorrect colour, whichever the answer was."""
    page = scheme_page
    open_page(page, fixture_site_url)
    form = answer(page, question(course, "s1-single"), right=True)
    hues = form.locator(".mot-option.mot-chosen").evaluate(HUES)
    for verdict in ("correct", "incorrect"):
        distance = abs(hues["chosen"] - hues[verdict]) % 360
        assert min(distance, 360 - distance) >= 45, f"the choice looks {verdict}: {hues}"


HUES = """option => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const paint = canvas.getContext('2d', { willReadFrequently: true });
  const style = getComputedStyle(option);
  const hueOf = colour => {
    paint.fillStyle = getComputedStyle(document.body).backgroundColor;
    paint.fillRect(0, 0, 1, 1);
    paint.fillStyle = colour;
    paint.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...paint.getImageData(0, 0, 1, 1).data].map(v => v / 255);
    const max = Math.max(r, g, b), span = max - Math.min(r, g, b);
    if (span === 0) { throw new Error(colour + ' has no hue'); }
    const sixth = max === r ? (g - b) / span : max === g ? (b - r) / span + 2 : (r - g) / span + 4;
    return (sixth * 60 + 360) % 360;
  };
  return {
    chosen: hueOf(style.backgroundColor),
    correct: hueOf(style.getPropertyValue('--mot-correct')),
    incorrect: hueOf(style.getPropertyValue('--mot-incorrect'))
  };
}"""
"""The hues (0–360) of the choice's tint as drawn on the page and of the verdict colours."""


@pytest.mark.parametrize(
    "typed",
    [
        (" 问。", "（切脉）"),
        # pasted from a web page or WeChat: invisible characters come along
        ("问\u200b", "\ufeff切\u200d脉\u2060"),
    ],
    ids=["spaces-and-punctuation", "zero-width-characters"],
)
def test_fill_in_accepts_what_a_chinese_learner_types(
    page: Page, fixture_site_url: str, typed: tuple[str, str]
) -> None:
    open_page(page, fixture_site_url)
    form = form_of(page, "s1-fill-in")
    for number, text in enumerate(typed, 1):
        form.locator(f'input[id="s1-fill-in-{number}"]').fill(text)
    form.locator(".mot-submit").click()
    expect(form).to_have_attribute("data-result", "correct")


def test_fill_in_names_the_wrong_blank(page: Page, fixture_site_url: str) -> None:
    open_page(page, fixture_site_url)
    form = form_of(page, "s1-fill-in")
    form.locator('input[id="s1-fill-in-1"]').fill("问")
    form.locator('input[id="s1-fill-in-2"]').fill("看")
    form.locator(".mot-submit").click()
    expect(form.locator(".mot-status")).to_have_text("✗" + wrong_parts_verdict("第 2 空不对。"))
    expect(form.locator(".mot-spoken")).to_have_text(wrong_parts_verdict("第 2 空不对。"))
    expect(form.locator('input[id="s1-fill-in-2"]')).to_have_attribute("aria-invalid", "true")
    expect(form.locator('[data-solution="true"]').nth(1)).to_have_text("✗第 2 空答案：切")
    page.reload()
    expect(form_of(page, "s1-fill-in").locator(".mot-status")).to_have_text(
        "✗" + wrong_parts_verdict("第 2 空不对。", restored=True)
    )


def test_scenario_branches_and_scores_each_turn(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    open_page(page, fixture_site_url)
    form = form_of(page, "s1-scenario")
    blame = key("s1-scenario", "这是厂家的问题，不归我们管，您直接去找厂家售后吧。")
    form.locator(f'label[for="s1-scenario-open-{blame}"]').click()
    form.get_by_role("button", name="回复").click()
    angry = form.locator('.mot-turn[data-turn="angry"]')
    expect(angry).to_be_visible()
    expect(form.locator('.mot-turn[data-turn="fix"]')).to_be_hidden()
    feedback = form.locator(".mot-reply-feedback:visible")
    expect(feedback).to_contain_text("推卸责任")
    expect(feedback).to_be_focused()  # read before the customer's next line
    scenario = question(course, "s1-scenario")
    assert isinstance(scenario, Scenario)
    better = next(reply.text for reply in scenario.turns[0].replies if reply.correct)
    expect(feedback.locator(".mot-sr")).to_have_text(f"更好的回复：{better}")
    first_turn = form.locator('.mot-turn[data-turn="open"]')
    assert first_turn.aria_snapshot().count(better) == 1, "read once, in the feedback"
    sorry = key("s1-scenario", "对不起，是我说得不对。我马上帮您处理。")
    form.locator(f'label[for="s1-scenario-angry-{sorry}"]').click()
    form.get_by_role("button", name="回复").click()
    replace = key("s1-scenario", "我现在就给您换一台新的，并帮您设置好。")
    form.locator(f'label[for="s1-scenario-fix-{replace}"]').click()
    form.get_by_role("button", name="回复").click()
    expect(form).to_have_attribute("data-result", "incorrect")
    expect(form.locator(".mot-status")).to_contain_text("3 轮中有 2 轮回复得当")
    turns = form.locator(".mot-turn:visible")
    assert turns.evaluate_all("ts => ts.map(t => t.dataset.turn)") == ["open", "angry", "fix"]
    tops = [turns.nth(i).bounding_box()["y"] for i in range(3)]  # type: ignore[index]
    assert tops == sorted(tops), "the transcript reads top to bottom in the order played"
    form.get_by_role("button", name="重来这段对话").click()
    expect(form.locator(".mot-turn:visible")).to_have_count(1)
    expect(form.locator(".mot-option[aria-hidden]")).to_have_count(0)  # every reply read again


# Keyboard alone -------------------------------------------------------------------------


def tab_to_submit_and_press(page: Page, form: Locator, name: str = "提交答案") -> None:
    submit = form.get_by_role("button", name=name)
    press_until(page, "Tab", lambda: submit.evaluate("b => b === document.activeElement"), 30)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_ordering_by_keyboard(
    page: Page, fixture_site_url: str, course: Course, right: bool
) -> None:
    open_page(page, fixture_site_url)
    q = question(course, "s1-ordering")
    assert isinstance(q, Ordering)
    form = form_of(page, q.id)
    for place, key in enumerate(ordering_keys(q, right)):
        keys = form.locator(".mot-order-item").evaluate_all(
            "items => items.map(i => i.dataset.key)"
        )
        up = form.locator(f'.mot-order-item[data-key="{key}"] [data-move="-1"]')
        up.focus()
        for _ in range(keys.index(key) - place):
            page.keyboard.press("Enter")
        expect(up).to_be_focused()
    expect(form.locator(".mot-status")).to_contain_text("现在是第")
    tab_to_submit_and_press(page, form)
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")
    expect(form.locator(".mot-feedback")).to_be_focused()
    # the wrong answer is every item moved up one place: all five are out of place
    wrong_places = wrong_parts_verdict("第 1、2、3、4、5 项位置不对。")
    expect(form.locator(".mot-spoken")).to_have_text(VERDICT[True] if right else wrong_places)


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_matching_by_keyboard(
    page: Page, fixture_site_url: str, course: Course, right: bool
) -> None:
    open_page(page, fixture_site_url)
    q = question(course, "s1-matching")
    assert isinstance(q, Matching)
    form = form_of(page, q.id)
    for row, key in enumerate(matching_keys(q, right), 1):
        select = form.locator(f'select[id="{q.id}-{row}"]')
        select.focus()
        press_until(page, "ArrowDown", lambda s=select, k=key: s.input_value() == k)  # type: ignore[misc]
    tab_to_submit_and_press(page, form)
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")
    # the wrong answer is the matches reversed: of three rows, the middle one stays right
    wrong_rows = wrong_parts_verdict("第 1、3 项配错了。")
    expect(form.locator(".mot-spoken")).to_have_text(VERDICT[True] if right else wrong_rows)


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_fill_in_by_keyboard(
    page: Page, fixture_site_url: str, course: Course, right: bool
) -> None:
    open_page(page, fixture_site_url)
    q = question(course, "s1-fill-in")
    assert isinstance(q, FillIn)
    form = form_of(page, q.id)
    form.locator("input.mot-blank").first.focus()
    for number, text in enumerate(fill_answers(q, right)):
        if number:
            page.keyboard.press("Tab")
        page.keyboard.insert_text(text)
    page.keyboard.press("Enter")
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_scenario_by_keyboard(
    page: Page, fixture_site_url: str, course: Course, right: bool
) -> None:
    open_page(page, fixture_site_url)
    q = question(course, "s1-scenario")
    assert isinstance(q, Scenario)
    form = form_of(page, q.id)
    form.locator(".mot-turn input").first.focus()
    turn_index = 0
    while True:
        turn = q.turns[turn_index]
        reply = next(i for i, r in enumerate(turn.replies) if r.correct == right)
        target = form.locator(f'input[id="{q.id}-{turn.id}-{key(q.id, turn.replies[reply].text)}"]')
        page.keyboard.press("Space")
        press_until(page, "ArrowDown", target.is_checked)
        tab_to_submit_and_press(page, form, "回复")
        following = q.next_turn(turn_index, turn.replies[reply])
        if following == "end":
            break
        turn_index = next(i for i, t in enumerate(q.turns) if t.id == following)
        expect(
            form.locator(f'.mot-turn[data-turn="{turn.id}"] .mot-reply-feedback:visible')
        ).to_be_focused()
        page.keyboard.press("Tab")
        expect(form.locator(f'.mot-turn[data-turn="{following}"] input').first).to_be_focused()
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")


# Progress -------------------------------------------------------------------------------


def test_progress_survives_reload_and_navigation(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    open_page(page, fixture_site_url)
    answer(page, question(course, "s1-single"), right=True)
    answer(page, question(course, "s1-ordering"), right=False)
    page.reload()
    expect(form_of(page, "s1-single")).to_have_attribute("data-result", "correct")
    expect(form_of(page, "s1-single").locator(".mot-status")).to_have_text("✓上次已答对。")
    expect(page.locator(".mot-quiz-intro")).to_have_text(
        re.compile("讲解；你的进度保存在这台设备的浏览器里。$"), use_inner_text=True
    )
    single = question(course, "s1-single")
    assert isinstance(single, SingleChoice)
    right = next(i for i, option in enumerate(single.options) if option.correct)
    chosen = form_of(page, "s1-single").locator(".mot-option.mot-chosen")
    expect(chosen).to_contain_text(single.options[right].text)  # the learner's own answer,
    expect(chosen).to_contain_text("你的选择")  # still in view on return
    expect(chosen.locator("input")).to_be_checked()
    expect(form_of(page, "s1-ordering")).to_have_attribute("data-result", "incorrect")
    expect(page.locator(".mot-score")).to_have_text("已作答 2/7 题，答对 1 题")
    expect(page.locator(".mot-module-status").first).to_have_text("本模块状态：进行中")
    page.evaluate("window.__sameDocument = true")
    page.locator('nav a.md-nav__link[href$="index.html"]').first.click()
    row = page.locator('.mot-dashboard tr[data-module="01-sample"]')
    expect(row.locator("[data-status]")).to_have_text("进行中")
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
    explore = page.locator('.mot-stage-scores [data-stage="explore"] [data-score]')
    expect(explore).to_have_text("答对 1/2 题（50%）")
    expect(page.locator("[data-advice]")).to_contain_text("最需要加强的阶段：探索 Explore（50%）")


SPOKEN = """() => {
  window.__spoken = [];
  const region = node => (node.nodeType === 1 ? node : node.parentElement)
    ?.closest('[aria-live], [role="status"], [role="alert"]');
  const liveness = element => element.getAttribute('aria-live') || 'polite';
  new MutationObserver(records => {
    const now = new Map();   /* a region's aria-live at each record, replayed backwards */
    const spoken = [];
    records.reverse().forEach(record => {
      const alerts = [...record.addedNodes].filter(node => node.nodeType === 1)
        .flatMap(node => [node, ...node.querySelectorAll('[role="alert"]')])
        .filter(node => node.getAttribute('role') === 'alert');
      if (alerts.length) { spoken.unshift(...alerts.map(alert => alert.textContent)); return; }
      const live = region(record.target);
      if (!live) { return; }
      if (!now.has(live)) { now.set(live, liveness(live)); }
      if (record.type === 'attributes') { now.set(live, record.oldValue || 'polite'); return; }
      const added = (record.type === 'characterData' ? record.target.data
        : [...record.addedNodes].map(node => node.textContent).join('')).replaceAll('\\u00a0', ' ');
      if (added.trim() && now.get(live) !== 'off') { spoken.unshift(added); }
    });
    window.__spoken.push(...spoken);
  }).observe(document, {subtree: true, childList: true, characterData: true,
                        attributeFilter: ['aria-live'], attributeOldValue: true});
}"""
"""Record in window.__spoken each text written into a live region while it is live (an
aria-live changed after the write, in the same task, does not hide it), a no-break space
heard as a space, and the whole text of each alert added to the page. A status region
added with its text already in it is not heard: most screen readers read a live region's
changes only once it is on the page, and an alert as it appears."""


def test_answers_shown_again_on_return_are_not_read_out(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """Only the learner's own answers speak, not the verdicts and score a page fills in on
    arrival, by loading or by instant navigation."""
    open_page(page, fixture_site_url)
    for number, question_id in enumerate(TYPES):
        answer(page, question(course, question_id), right=number % 2 == 0)
    page.add_init_script(f"document.addEventListener('readystatechange', {SPOKEN}, {{once: true}})")
    page.reload()
    answered = page.locator(".mot-quiz[data-ready] .mot-question[data-result]")
    expect(answered).to_have_count(len(TYPES))
    assert page.evaluate("window.__spoken") == [], "on loading the page"
    page.locator('nav a.md-nav__link[href$="index.html"]').first.click()
    expect(answered).to_have_count(0)
    page.locator('nav a.md-nav__link[href$="01-sample.html"]').first.click()
    expect(answered).to_have_count(len(TYPES))
    assert page.evaluate("window.__spoken") == [], "on instant navigation to the page"
    form = form_of(page, "s1-scenario")
    page.once("dialog", lambda dialog: dialog.accept())  # played right: it asks first
    form.get_by_role("button", name="重来这段对话").click()
    answer(page, question(course, "s1-scenario"), right=True)
    # the verdict is read where the focus lands (test_spoken.py), not from the status line
    assert page.evaluate("window.__spoken") == [
        "已作答 6/7 题，答对 3 题",
        "已作答 7/7 题，答对 4 题",
    ], "the learner's own answers are read out"
    spoken_verdict = form.locator(".mot-feedback:focus .mot-spoken")
    expect(spoken_verdict).to_contain_text("回答正确。对话结束：最后一轮回复得当")


def test_a_resumed_exam_and_the_mistakes_book_are_not_read_out_on_arrival(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """The exam's count of answers, brought up to date on resuming an attempt, and the
    错题本's count, filled in on arrival, are not news: only the learner's answers speak."""
    open_page(page, fixture_site_url)
    answer(page, question(course, "s1-single"), right=False)
    drawn = take_exam_started(page, fixture_site_url)
    first = page.locator(f'.mot-exam-paper form[data-question-id="{drawn[0]}"]')
    give_answer(first, every_question(course)[drawn[0]], right=True)
    page.add_init_script(f"document.addEventListener('readystatechange', {SPOKEN}, {{once: true}})")
    page.goto(f"{fixture_site_url}exam.html")
    expect(page.locator(".mot-exam[data-ready] .mot-exam-bar .mot-score")).to_have_text(
        "已作答 1/3 题"
    )
    assert page.evaluate("window.__spoken") == [], "on resuming the exam"
    page.goto(f"{fixture_site_url}mistakes.html")
    expect(page.locator(".mot-mistakes[data-ready] .mot-mistakes-count")).to_contain_text(
        "错题本里有 1 道题"
    )
    assert page.evaluate("window.__spoken") == [], "on opening the 错题本"


AN_ATTEMPT_UNANSWERED = (
    "localStorage.setItem('" + STORAGE_KEY + "', JSON.stringify({version: 1, questions: {},"
    " quizzes: {}, exam: null, name: '', attempt: {seed: 1, handedIn: false, answers: {},"
    " questions: ['s2-single', 's1-fill-in', 's2-exam-promise']}}));"
)
"""An exam under way (as the fixture draws it: one question of module 1, two of module 2)
whose paper holds a single choice and a fill-in, none answered yet."""


def test_the_exam_reads_out_its_count_only_when_it_goes_up(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """Trying the options one after another (an arrow key checks each in turn) and typing a
    blank key by key change the answer, not the count of questions answered: a screen
    reader heard 已作答 1/3 题 again at every key, over the option it had moved to."""
    page.add_init_script(AN_ATTEMPT_UNANSWERED)
    page.add_init_script(f"document.addEventListener('readystatechange', {SPOKEN}, {{once: true}})")
    page.goto(f"{fixture_site_url}exam.html")
    expect(page.locator(".mot-exam[data-ready]")).to_have_attribute(
        "data-exam-state", "in-progress"
    )
    form_of(page, "s2-single").locator("input").first.focus()
    for pressed in ["Space", "ArrowDown", "ArrowDown"]:
        page.keyboard.press(pressed)
    form_of(page, "s1-fill-in").locator("input").first.focus()
    fill_in = question(course, "s1-fill-in")
    assert isinstance(fill_in, FillIn)
    for number, text in enumerate(fill_answers(fill_in, right=False)):
        if number:
            page.keyboard.press("Tab")
        page.keyboard.type(text)
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 2/3 题")
    assert page.evaluate("window.__spoken") == ["已作答 1/3 题", "已作答 2/3 题"]


def test_the_mistakes_book_reads_out_its_count_only_when_it_changes(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """A question answered wrong again stays in the 错题本: its verdict is read (where the
    focus lands), and the count, the same as before, is not read out; one answered right empties
    the book, and that is read out."""
    open_page(page, fixture_site_url)
    single = question(course, "s1-single")
    answer(page, single, right=False)
    page.add_init_script(f"document.addEventListener('readystatechange', {SPOKEN}, {{once: true}})")
    page.goto(f"{fixture_site_url}mistakes.html")
    answer(page, single, right=False)
    spoken_verdict = form_of(page, single.id).locator(".mot-feedback:focus .mot-spoken")
    expect(spoken_verdict).to_have_text(VERDICT[False])
    spoken = page.evaluate("window.__spoken")
    assert not [said for said in spoken if "错题本" in said], spoken
    form_of(page, single.id).get_by_role("button", name="重做这道题").click()
    answer(page, single, right=True)
    cleared = "这些题你都答对了，错题本清空了。它们留在这一页供你回看，下次打开就不在了。"
    assert page.evaluate("window.__spoken").count(cleared) == 1
    assert not [said for said in page.evaluate("window.__spoken") if "错题本是空的" in said]


def test_retry_only_what_i_got_wrong(page: Page, fixture_site_url: str, course: Course) -> None:
    open_page(page, fixture_site_url)
    for number, question_id in enumerate(TYPES):
        answer(page, question(course, question_id), right=number % 2 == 0)
    verdict = page.locator('[data-results-for="01-sample"] [data-passed]')
    expect(verdict).to_have_text("✗得分 4/7（57%）。还没有达到及格线 80%。")
    mistakes = page.locator('[data-results-for="01-sample"]').get_by_role("link", name="打开错题本")
    expect(mistakes).to_be_visible()
    page.get_by_role("button", name="只重做答错的题").click()
    expect(page.locator(".mot-question[data-result]")).to_have_count(4)
    expect(page.locator('.mot-question[data-result="incorrect"]')).to_have_count(0)
    expect(page.locator('[data-results-for="01-sample"]')).to_be_hidden()
    for question_id in TYPES[1::2]:
        answer(page, question(course, question_id), right=True)
    expect(verdict).to_have_text("✓得分 7/7（100%）。达到了及格线 80%，本模块测验通过！")
    expect(page.locator(".mot-module-status").first).to_have_text(
        "本模块状态：已通过 · 最佳成绩 7/7（100%）"
    )
    expect(page.get_by_role("button", name="只重做答错的题")).to_be_hidden()
    expect(mistakes).to_be_hidden()  # it led to a page that said 错题本是空的


def test_progress_event_still_fires(page: Page, fixture_site_url: str, course: Course) -> None:
    open_page(page, fixture_site_url)
    page.evaluate(
        "window.__events = []; document.addEventListener('mot:quiz-progress',"
        " e => window.__events.push(e.detail))"
    )
    answer(page, question(course, "s1-matching"), right=True)
    expect(form_of(page, "s1-matching")).to_have_attribute("data-result", "correct")
    assert page.evaluate("window.__events") == [
        {
            "quizId": "01-sample",
            "answered": 1,
            "correct": 1,
            "total": 7,
            "complete": False,
            "passMark": 80,
            "passed": False,
        }
    ]


def throwing(method: str) -> str:
    """Make the storage throw for the course's key (Material's own keys are left alone)."""
    return (
        f"const original = Storage.prototype.{method};"
        f"Storage.prototype.{method} = function (key, ...rest) {{"
        "  if (String(key).startsWith('mot-course')) {"
        "    throw new DOMException('The operation is insecure.', 'SecurityError'); }"
        "  return original.call(this, key, ...rest); };"
    )


@pytest.mark.parametrize(
    "init",
    [
        throwing("getItem"),
        throwing("setItem"),
    ],
    ids=["throwing", "quota"],
)
def test_broken_storage_falls_back_to_memory(
    page: Page, fixture_site_url: str, course: Course, init: str
) -> None:
    page.add_init_script(init)
    page.add_init_script(f"document.addEventListener('readystatechange', {SPOKEN}, {{once: true}})")
    open_page(page, fixture_site_url)
    form = answer(page, question(course, "s1-single"), right=True)
    expect(form).to_have_attribute("data-result", "correct")
    warning = page.locator(".mot-storage-warning")
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text("进度不会保存")  # nothing was ever saved here
    expect(warning).not_to_contain_text("已经保存的进度还在")
    # nor does the quiz's intro say, under the notice, that progress is kept in this browser
    expect(page.locator(".mot-quiz-intro")).to_have_text(
        "共 7 题，答对 80% 即为通过。作答后马上就能看到对错和讲解。", use_inner_text=True
    )
    read_out = page.evaluate("window.__spoken")
    assert warning.text_content() in read_out, "the warning is read out as it appears"
    page.locator('nav a.md-nav__link[href$="02-second.html"]').first.click()
    expect(page.locator('.mot-quiz[data-quiz-id="02-second"][data-ready]')).to_have_count(1)
    expect_no_storage_notice(page)
    # the notice shows once a visit; the next page's intro does not say progress is kept
    expect(page.locator(".mot-quiz-intro")).not_to_contain_text(
        "你的进度保存在", use_inner_text=True
    )
    page.locator('nav a.md-nav__link[href$="01-sample.html"]').first.click()
    expect(form_of(page, "s1-single")).to_have_attribute("data-result", "correct")


# Final exam and certificate -------------------------------------------------------------


def take_exam_started(page: Page, url: str) -> list[str]:
    """Start the exam; returns the ids of the questions drawn, in the order shown."""
    page.goto(f"{url}exam.html")
    page.get_by_role("button", name="开始考试").click()
    paper = page.locator(".mot-exam-paper .mot-question")
    expect(paper).to_have_count(3)
    return list(paper.evaluate_all("forms => forms.map(form => form.dataset.questionId)"))


def take_exam(page: Page, url: str, course: Course, right: bool) -> list[str]:
    take_exam_started(page, url)
    return answer_exam(page, page, every_question(course), right)


def test_exam_pass(page: Page, fixture_site_url: str, course: Course) -> None:
    """With every module quiz passed too, the next step is the certificate."""
    seed_progress(page, fixture_site_url, QUIZZES_PASSED)
    take_exam(page, fixture_site_url, course, right=True)
    result = page.locator('[data-results-for="exam"]')
    expect(result).to_be_focused()
    expect(result.locator("[data-passed]")).to_have_attribute("data-passed", "true")
    expect(result.locator("[data-passed]")).to_have_text(
        "✓得分 3/3（100%），及格（及格线 80%），恭喜通过结业考试！"
    )
    expect(result.locator('li[data-stage="principles"]')).to_have_text(
        "原则 Principles：答对 2/2 题（100%）"
    )
    expect(result.locator(".mot-exam-misses")).to_have_count(0)
    expect(result.get_by_role("link", name="领取结业证书")).to_be_visible()
    expect(result.get_by_role("link", name="打开错题本")).to_be_hidden()  # 错题本是空的
    expect(result.locator(".mot-results-details p").first).to_have_text("各部分得分：")


def test_a_first_exam_with_misses_offers_the_mistakes_it_filled(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """The results panel was shown before the misses went into the 错题本: a learner with
    no mistakes before this hand-in was offered no 打开错题本 until a reload."""
    take_exam(page, fixture_site_url, course, right=False)
    result = page.locator('[data-results-for="exam"]')
    expect(result.locator("[data-passed]")).to_have_attribute("data-passed", "false")
    expect(result.get_by_role("link", name="打开错题本")).to_be_visible()


def test_an_exam_failed_after_a_pass_says_the_pass_stands(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """再考一次 failed after a pass showed only 未及格: no certificate link, and no word that
    the pass still counts (the certificate keeps it), as if it were lost."""
    seed_progress(page, fixture_site_url, QUIZZES_PASSED)
    take_exam(page, fixture_site_url, course, right=True)
    page.get_by_role("button", name="再考一次（重新抽题）").click()
    answer_exam(page, page, every_question(course), right=False)
    result = page.locator('[data-results-for="exam"]')
    expect(result.locator("[data-passed]")).to_have_attribute("data-passed", "false")
    expect(result.locator(".mot-pass-kept")).to_have_text(
        "结业考试已经通过，最佳成绩 100%；这次的得分不会改变它。"
    )
    expect(result.get_by_role("link", name="领取结业证书")).to_be_visible()
    page.reload()
    expect(result.locator(".mot-pass-kept")).to_be_visible()


def test_an_exam_s_stage_lines_advise_review_under_the_pass_mark_without_a_verdict(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """A stage under the pass mark said 未达到及格线, three times on a paper passed (a stage
    of three questions with one wrong): it is advice, 建议复习, and only there. Each line is
    worded as the home page's stage scores (答对 1/3 题（33%）), where it said 1/3 alone."""
    take_exam_started(page, fixture_site_url)
    answer_exam(page, page, every_question(course), right=True, wrong_first=1)
    lines = page.locator('[data-results-for="exam"] .mot-exam-stages li')
    expect(lines.first).to_be_visible()
    texts = lines.all_inner_texts()
    for text in texts:
        score = re.fullmatch(r".+：答对\s(\d+)/(\d+)\s题（(\d+)%）(，建议复习)?", text)
        assert score is not None, text
        right, total, percent = map(int, score.groups()[:3])
        assert percent == runtime_percent(right, total), text
        assert text.endswith("，建议复习") == (percent < 80), text
    assert any(text.endswith("，建议复习") for text in texts)
    assert not any("及格线" in text for text in texts)


def dismissing_dialogs(page: Page) -> list[str]:
    """Dismiss every dialog ``page`` opens from now on; returns the list their messages go to."""
    asked: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return asked


def test_the_exam_s_restart_asks_only_of_a_paper_with_an_answer(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """重新开始 warned 重新开始会放弃这次考试里已经作答的内容 at 已作答 0/3 too: with
    nothing answered it draws the new paper at once; with an answer it asks first, and
    declined, keeps the paper and the answer."""
    asked = dismissing_dialogs(page)
    take_exam_started(page, fixture_site_url)
    first_seed = stored_attempt(page)["seed"]
    page.get_by_role("button", name="重新开始").click()
    paper = page.locator(".mot-exam-paper .mot-question")
    expect(paper.first.locator(":focus")).to_have_count(1)  # the new paper's first question
    assert stored_attempt(page)["seed"] != first_seed and asked == []
    answered = paper.first.get_attribute("data-question-id")
    assert answered is not None
    give_answer(paper.first, every_question(course)[answered], right=True)
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 1/3 题")
    before = stored_attempt(page)
    page.get_by_role("button", name="重新开始").click()
    past_the_input(page)
    assert asked == ["重新开始会放弃这次考试里已经作答的内容，并重新抽题。确定要重新开始吗？"]
    assert stored_attempt(page) == before
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 1/3 题")


def test_the_exam_s_restart_asks_nothing_of_a_matching_row_chosen_and_put_back(
    page: Page, fixture_site_url: str
) -> None:
    """A row chosen, then put back to 请选择, is stored as 'row:' with no choice: 重新开始
    asked about answers at 已作答 0 with nothing chosen."""
    asked = dismissing_dialogs(page)
    take_exam_started(page, fixture_site_url)
    questions = stored_attempt(page)["questions"]
    assert isinstance(questions, list)
    drawn = next(id for id in questions if id.startswith("s1-"))  # the one drawn of 01-sample
    page.evaluate(  # made 01-sample's matching question
        """([key, drawn]) => {
          const record = JSON.parse(localStorage.getItem(key));
          record.attempt.questions = record.attempt.questions.map(
            id => id === drawn ? "s1-matching" : id);
          localStorage.setItem(key, JSON.stringify(record));
        }""",
        [STORAGE_KEY, drawn],
    )
    page.reload()
    expect(page.locator(".mot-exam[data-ready]")).to_have_count(1)
    row = page.locator('select[id="s1-matching-1"]')
    row.select_option(index=1)
    row.select_option(index=0)
    page.wait_for_function(  # stored as rows with no choice
        """key => {
          const answer = JSON.parse(localStorage.getItem(key)).attempt.answers["s1-matching"];
          return answer && !answer.some(part => /[^:]$/.test(part));
        }""",
        arg=STORAGE_KEY,
    )
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 0/3 题")
    page.get_by_role("button", name="重新开始").click()
    past_the_input(page)
    assert asked == []


def stored_attempt(page: Page) -> dict[str, object]:
    """The exam paper under way as the page has stored it."""
    record: dict[str, dict[str, object]] = json.loads(
        page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY)
    )
    return record["attempt"]


def pass_exam_with_a_module_left(page: Page, url: str, course: Course) -> tuple[Module, Locator]:
    """Pass the exam with every module quiz passed but the second's; returns that module and
    the exam's results panel."""
    second = course.modules[1]
    record = json.loads(QUIZZES_PASSED)
    del record["quizzes"][second.page.name]
    seed_progress(page, url, json.dumps(record))
    take_exam(page, url, course, right=True)
    return second, page.locator('[data-results-for="exam"]')


def test_an_exam_passed_before_the_modules_leads_on_to_the_first_not_passed(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """The results panel offered 领取结业证书 to a learner with module quizzes still to pass,
    and the certificate page then said 未通过 and made no certificate. The next step is the
    first module not passed, as on the home page, and the panel says how many are left."""
    second, result = pass_exam_with_a_module_left(page, fixture_site_url, course)
    expect(result.locator("[data-passed]")).to_have_attribute("data-passed", "true")
    expect(result.get_by_role("link", name="领取结业证书")).to_have_count(0)
    expect(result).to_contain_text("领取结业证书还要通过每个模块的测验：还有 1 个模块没有通过。")
    onward = result.get_by_role("link", name=f"继续学习：{second.meta.title}")
    expect(onward).to_have_attribute("href", f"{second.page.name}.html")
    onward.click()
    expect(page).to_have_url(f"{fixture_site_url}{second.page.name}.html")


def test_a_passed_papers_next_step_follows_a_module_passed_in_another_tab(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """A learner passes the exam with one module still to pass, and passes it in another
    tab. The paper's next step still led to that module, and still said one was left,
    until the page was loaded again; it now leads on to the certificate at once."""
    second, result = pass_exam_with_a_module_left(page, fixture_site_url, course)
    expect(result.get_by_role("link", name=f"继续学习：{second.meta.title}")).to_be_visible()
    other = new_window(page.context)
    other.goto(f"{fixture_site_url}{second.page.name}.html")
    for question in second.quiz.questions:
        answer(other, question, right=True)
    expect(result.get_by_role("link", name="领取结业证书")).to_be_visible()
    expect(result).not_to_contain_text("还有 1 个模块没有通过")
    expect(result.locator("[data-passed]")).to_contain_text("及格（及格线 80%），恭喜通过")
    other.close()


def test_an_option_ticked_and_unticked_comes_back_unanswered(
    page: Page, fixture_site_url: str
) -> None:
    """Unticking the one option ticked stores the answer [] (nothing chosen): on the
    learner's return it was taken for an answer the trainer's changes no longer fit, and
    the question said 这道题更新过 though nothing had changed."""
    take_exam_started(page, fixture_site_url)
    page.evaluate(
        """() => { const attempt = mot.progress.attempt();
        attempt.questions = ['s1-multiple', 's2-exam-promise', 's1-single'];
        mot.progress.setAttempt(attempt); }"""
    )
    page.reload()
    form = page.locator('.mot-exam-paper form[data-question-id="s1-multiple"]')
    option = form.locator(".mot-options input").first
    option.check()
    option.uncheck()
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 0/3 题")
    page.reload()
    expect(form.locator(".mot-status")).to_have_text("")
    expect(form.locator(".mot-options input:checked")).to_have_count(0)
    expect(page.locator(".mot-exam-bar .mot-score")).to_have_text("已作答 0/3 题")


def test_a_blank_paper_is_handed_in_with_a_plain_question(
    page: Page, fixture_site_url: str
) -> None:
    """交卷 on a paper with nothing answered listed every question's number (第 1、2、3…、20
    题 on the real exam) in the confirmation; it says the paper is blank, and what it scores.
    A double click asks once, and hands in once."""
    take_exam_started(page, fixture_site_url)
    asked = hand_in(page, page, double_click=True)
    assert asked == "你还一道题都没有作答，现在交卷得 0 分。\n确定现在交卷吗？"
    verdict = page.locator('[data-results-for="exam"] [data-passed]')
    expect(verdict).to_contain_text("得分 0/3（0%）")


def test_exam_fail_lists_every_miss_with_its_review_link(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    take_exam(page, fixture_site_url, course, right=False)
    result = page.locator('[data-results-for="exam"]')
    expect(result.locator("[data-passed]")).to_have_attribute("data-passed", "false")
    expect(result.locator("[data-passed]")).to_contain_text("未及格（及格线 80%）")
    misses = result.locator(".mot-exam-misses li")
    expect(misses).to_have_count(3)
    paper = page.locator(".mot-exam-paper .mot-question")
    for place in range(3):  # every question was answered wrong
        line = misses.nth(place)
        expect(line).to_contain_text(re.compile(rf"^第\s{place + 1}\s题："))
        on_paper = line.get_by_role("link", name=f"第 {place + 1} 题")
        question_id = paper.nth(place).get_attribute("data-question-id")
        expect(on_paper).to_have_attribute("href", f"#question-{question_id}")
        expect(line.get_by_role("link", name=re.compile("^复习："))).to_have_attribute(
            "href", re.compile(r"0[12]-[a-z]+\.html#[a-z-]+$")
        )
    misses.last.get_by_role("link", name="第 3 题").click()
    expect(paper.nth(2)).to_be_in_viewport()
    with page.context.expect_page() as opened:  # Ctrl+click: a tab of its own, as a link's
        misses.first.get_by_role("link", name="第 1 题").click(modifiers=["Control"])
    assert opened.value.url.endswith(
        f"exam.html#question-{paper.first.get_attribute('data-question-id')}"
    )
    opened.value.close()
    expect(result.get_by_role("link", name="领取结业证书")).to_be_hidden()
    expect(result.locator(".mot-pass-kept")).to_have_count(0)
    expect(page.locator(".mot-exam-paper .mot-explanation").first).to_be_visible()


def test_exam_draws_and_shuffles_per_attempt(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    orders = {tuple(take_exam(page, fixture_site_url, course, right=True))}
    for _ in range(4):
        page.get_by_role("button", name="再考一次（重新抽题）").click()
        drawn = answer_exam(page, page, every_question(course), right=True)
        assert len(drawn) == 3, "every attempt draws a full paper"
        orders.add(tuple(drawn))
    assert len(orders) > 1
    fixed = page.locator('.mot-exam [data-question-id="s2-single"] .mot-option input')
    texts = ["从客户的角度看问题", "公司的规定永远比客户的要求优先", "以上都不对"]
    assert fixed.evaluate_all("inputs => inputs.map(i => i.value)") == [
        key("s2-single", text) for text in texts
    ]


def test_a_hand_in_left_waiting_in_another_tab_keeps_the_paper_handed_in_first(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """Tab B asks to hand in the paper unanswered and waits; tab A answers everything and
    hands in. Confirming in B afterwards must not replace A's paper and score."""
    questions = every_question(course)
    drawn = take_exam_started(page, fixture_site_url)
    other = new_window(page.context)
    other.goto(f"{fixture_site_url}exam.html")
    expect(other.locator(".mot-exam")).to_have_attribute("data-exam-state", "in-progress")
    confirmation = hand_in_left_open(other, elsewhere=page)
    answer_exam(page, page, questions, right=True)
    confirmation.accept()
    expect(other.locator(".mot-exam")).to_have_attribute("data-exam-state", "finished")
    expect_hand_in_over(other)  # B's hand-in, if it were to go ahead, has written by now
    for tab in (other, page):
        tab.reload()
        verdict = tab.locator('[data-results-for="exam"] [data-passed]')
        expect(verdict).to_contain_text(f"得分 {len(drawn)}/{len(drawn)}")
        graded = tab.locator(".mot-exam-paper .mot-question[data-result='correct']")
        expect(graded).to_have_count(len(drawn))
    other.close()


COUNT_WRITES = """window.__writes = 0;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (/^mot-course:.*:progress$/.test(key)) { window.__writes += 1; }
  return setItem.call(this, key, value);
};"""
"""Counts the saves of the learner's progress record (not the theme's own settings, nor the
check on arrival that a save would work)."""


def test_a_tab_following_another_writes_nothing_it_did_not_change(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """Tab B shows a finished quiz while tab A hands in the exam. B follows every save A
    makes, a save behind; were it to write back what it read, it would undo A's newer saves
    (the exam's misses in the 错题本 were lost that way)."""
    other = new_window(page.context)
    other.add_init_script(COUNT_WRITES)
    other.add_init_script(FOLLOWING_SAVES)
    module = course.modules[0]
    other.goto(f"{fixture_site_url}{module.page.name}.html")
    for question in module.quiz.questions:
        answer(other, question, right=True)
    other.evaluate("window.__writes = 0")
    drawn = take_exam(page, fixture_site_url, course, right=False)
    caught_up(other)  # B has heard of every save
    assert other.evaluate("window.__writes") == 0
    record = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert set(drawn) <= set(record["mistakes"]), "every miss of the exam is in the 错题本"
    other.close()


def test_a_tab_told_of_a_save_made_on_its_own_makes_none_of_its_changes_again(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """Tab B answers a question of its module quiz right; a moment later tab A, which has
    heard of that answer, hands in an exam that got the same question wrong. A's save was
    made on B's record, so it has B's answer already: B made it again all the same (a change
    of its last second), which took the exam's miss out of the 错题本, and the two tabs then
    undid each other's change again and again until that second was over."""
    drawn = take_exam_started(page, fixture_site_url)
    questions = every_question(course)
    for question_id in drawn:
        give_answer(form_of(page, question_id), questions[question_id], right=False)
    module = course.modules[0]
    missed = next(q for q in module.quiz.questions if q.id in drawn)
    other = window_beside(page)
    other.add_init_script(COUNT_WRITES)
    other.add_init_script(FOLLOWING_SAVES)
    other.goto(f"{fixture_site_url}{module.page.name}.html")
    answer(other, missed, right=True)
    page.wait_for_function(
        f"JSON.parse(localStorage.getItem('{STORAGE_KEY}')).questions['{missed.id}']"
        "?.result === 'correct'"
    )
    other.evaluate("window.__writes = 0")
    hand_in(page, page)
    other.wait_for_function(f"JSON.parse(localStorage.getItem('{STORAGE_KEY}')).attempt.handedIn")
    caught_up(other)  # B has followed A's save
    assert other.evaluate("window.__writes") == 0
    record = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert missed.id in record["mistakes"], "the exam's miss is in the 错题本"
    assert record["questions"][missed.id]["result"] == "correct", "B's answer is kept"


def test_a_quiz_opened_for_the_first_time_saves_its_orders_at_once(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """Each question's option order was saved on its own: 15 saves on a module page, and
    15 storage events, each bringing every part of every other open tab up to date."""
    page.add_init_script(COUNT_WRITES)
    open_page(page, fixture_site_url)
    assert page.evaluate("window.__writes") == 1
    record = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert set(record["shuffles"]) == {q.id for q in course.modules[0].quiz.questions}
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__writes") == 0, "the orders drawn are kept"


QUIZZES_PASSED = json.dumps(
    {
        "version": 1,
        "questions": {},
        "quizzes": {
            "01-sample": {"best": 7, "total": 7, "passed": True},
            "02-second": {"best": 2, "total": 2, "passed": True},
        },
        "exam": None,
        "name": "",
    }
)
PASSED_ALL = (
    "localStorage.setItem('" + STORAGE_KEY + "', JSON.stringify({version: 1, questions: {},"
    " quizzes: {'01-sample': {best: 7, total: 7, passed: true},"
    " '02-second': {best: 2, total: 2, passed: true}},"
    " exam: {best: 100, passed: true, passedScore: 100, passedOn: '2025-03-08'}, name: ''}));"
)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_certificate_after_everything_is_passed(
    page: Page, fixture_site_url: str, scheme: Literal["light", "dark"], tmp_path: Path
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.add_init_script(PASSED_ALL)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    expect(page.locator(".mot-cert-checklist li")).to_have_count(3)
    page.get_by_label("证书上的姓名").fill("李小梅")
    page.get_by_role("button", name="生成证书").click()
    certificate = page.locator(".mot-certificate")
    expect(certificate).to_be_visible()
    # a heading, for a screen reader that moves from one to the next (it was a paragraph)
    expect(certificate.get_by_role("heading", name="结业证书", level=2)).to_be_visible()
    expect(certificate.locator(".mot-cert-course")).to_have_text("示例课程")
    expect(certificate.locator(".mot-cert-name")).to_have_text("李小梅")
    expect(certificate.locator(".mot-cert-score")).to_have_text("100%")
    expect(certificate.locator(".mot-cert-date")).to_have_text("日期：2025 年 3 月 8 日")
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")


@pytest.mark.parametrize(
    ("name", "direction"),
    [("(عبد الله) محمد!", "rtl"), ("李小梅 (Li)!", "ltr")],
    ids=["rtl", "ltr"],
)
def test_a_name_is_laid_out_in_its_own_direction(
    page: Page, fixture_site_url: str, name: str, direction: str
) -> None:
    """A right-to-left name with punctuation was laid out left to right, in its box and on
    the certificate: its '!' printed at the far right, and its brackets moved. The status
    line under the box, which says the name again, lays it out as the certificate does."""
    page.add_init_script(PASSED_ALL)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    box = page.get_by_label("证书上的姓名")
    box.fill(name)
    page.get_by_role("button", name="生成证书").click()
    line = page.locator(".mot-certificate .mot-cert-name")
    expect(line).to_have_text(name)
    for element in (box, line):
        assert element.evaluate("element => getComputedStyle(element).direction") == direction
    status = page.locator(".mot-cert-form .mot-status")
    expect(status).to_contain_text(name)
    assert status.evaluate(DRAWN_ORDER, name) == line.evaluate(DRAWN_ORDER, name)


DRAWN_ORDER = """(element, name) => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.data.includes(name)) { node = walker.nextNode(); }
  const start = node.data.indexOf(name);
  const lefts = [...name].map((_, i) => {
    const range = document.createRange();
    range.setStart(node, start + i);
    range.setEnd(node, start + i + 1);
    return range.getBoundingClientRect().left;
  });
  return lefts.map((left, i) => i).sort((a, b) => lefts[a] - lefts[b]);
}"""
"""The places in ``name`` of its characters, from the leftmost drawn to the rightmost."""


@pytest.mark.parametrize("passed", [False, True], ids=["nothing-passed", "not-yet-made"])
def test_a_certificate_not_made_does_not_print(
    page: Page, fixture_site_url: str, passed: bool, tmp_path: Path
) -> None:
    """Printed before 生成证书, the page had printed an empty certificate on a second sheet,
    a pass to fill in by hand, and dropped the checklist that says what is left to do."""
    if passed:
        page.add_init_script(PASSED_ALL)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    expect(page.locator(".mot-cert-checklist li")).to_have_count(3)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=pdf, prefer_css_page_size=True)
    document = pdfium.PdfDocument(pdf)
    text = "".join(sheet.get_textpage().get_text_range() for sheet in document)
    assert len(document) == 1
    assert "兹证明" not in text and "成绩通过结业考试" not in text
    for item in page.locator(".mot-cert-checklist li").all_inner_texts():
        assert "".join(item.split()) in "".join(text.split())


PASSED_ONE = (
    "localStorage.setItem('" + STORAGE_KEY + "', JSON.stringify({version: 1, questions: {},"
    " quizzes: {'02-second': {best: 2, total: 2, passed: true}}}));"
)


def test_the_certificate_checklist_reads_each_line_once(page: Page, fixture_site_url: str) -> None:
    """A line shows ✓ or ✗ before its status, which says the same: a screen reader read
    the symbol ("check mark"), then the words. It reads the words only, and the title of
    a module or the exam left to do is a link to its page (it was plain text)."""
    page.add_init_script(PASSED_ONE)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    checklist = page.locator(".mot-cert-checklist")
    expect(checklist.locator("li")).to_have_text(
        ["✗ 未开始：示例模块", "✓ 已通过：第二模块", "✗ 未参加：结业考试"]
    )
    assert checklist.aria_snapshot() == (
        "- list:\n"
        "  - listitem:\n"
        "    - text: 未开始：\n"
        '    - link "示例模块":\n'
        "      - /url: 01-sample.html\n"
        "  - listitem: 已通过：第二模块\n"
        "  - listitem:\n"
        "    - text: 未参加：\n"
        '    - link "结业考试":\n'
        "      - /url: exam.html"
    )


def test_the_certificate_checklist_words_each_status_as_the_home_page_does(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """The checklist said 未通过 of a module not begun and of an exam never taken, where the
    home page says 未开始 and 未参加; a quiz or an exam under way is 进行中 on both."""
    first = course.modules[0]
    open_page(page, fixture_site_url, first.page.name)
    page.evaluate(PASSED_ONE)
    page.reload()
    answer(page, first.quiz.questions[0], right=False)
    take_exam_started(page, fixture_site_url)
    checklist = page.locator(".mot-cert-checklist li")
    page.goto(f"{fixture_site_url}exam_certificate.html")
    expect(checklist).to_have_text(
        [f"✗ 进行中：{first.meta.title}", "✓ 已通过：第二模块", "✗ 进行中：结业考试"]
    )
    page.goto(f"{fixture_site_url}exam.html")
    answer_exam(page, page, every_question(course), right=False)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    expect(checklist.last).to_have_text("✗ 未通过：结业考试")
    page.goto(fixture_site_url)
    dashboard = page.locator(".mot-dashboard[data-ready]")
    expect(dashboard.locator(f'tr[data-module="{first.page.name}"] [data-status]')).to_have_text(
        "进行中"
    )
    expect(dashboard.locator("[data-exam]")).to_contain_text("未通过")


def test_the_home_page_counts_modules_passed_as_module_completion_not_overall(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """With every module passed and no exam taken, the home page said 总体完成度：100%
    while the exam and the certificate were still ahead (the certificate page said ✗
    未参加：结业考试). It names what it counts: the modules."""
    seed_progress(page, fixture_site_url, QUIZZES_PASSED)
    page.goto(fixture_site_url)
    dashboard = page.locator(".mot-dashboard[data-ready]")
    count = len(course.modules)
    expect(dashboard.locator(".mot-overall")).to_have_text(
        f"模块完成度：100%（已通过 {count}/{count} 个模块）"
    )
    expect(dashboard.locator("[data-exam]")).to_have_text("未参加")


def test_a_certificate_asked_for_with_no_name_marks_the_name_box(
    page: Page, fixture_site_url: str
) -> None:
    """A screen reader hears why the name box is wrong where it is, not only in passing, and
    what the certificate it made says."""
    page.add_init_script(PASSED_ALL)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    name_box = page.get_by_label("证书上的姓名")
    name_box.fill("   ")
    page.get_by_role("button", name="生成证书").click()
    expect(name_box).to_be_focused()
    expect(name_box).to_have_attribute("aria-invalid", "true")
    expect(name_box).to_have_accessible_description("请先输入姓名。")
    name_box.fill("李小梅")
    page.get_by_role("button", name="生成证书").click()
    expect(name_box).to_have_attribute("aria-invalid", "false")
    expect(name_box).to_have_accessible_description("证书已生成（李小梅，成绩 100%），可以打印了。")


def assert_prints_on_one_a4_landscape_page(page: Page, pdf: Path) -> None:
    """Chromium's print-to-PDF gives one A4 landscape sheet, white, the certificate filling it."""
    page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
    document = pdfium.PdfDocument(pdf)
    assert len(document) == 1, "the certificate prints on exactly one page"
    width, height = document[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210), "A4 landscape"
    image = document[0].render(scale=1).to_pil().convert("L")
    ink = image.point(lambda level: 255 if level < 200 else 0).getbbox()
    assert ink is not None
    left, top, right, bottom = ink
    assert (right - left) / image.width > 0.85 and (bottom - top) / image.height > 0.85
    corners = [image.getpixel((x, y)) for x in (2, image.width - 3) for y in (2, image.height - 3)]
    assert min(corners) > 250, "no dark background on paper"


def pass_exam_at(page: Page, url: str, course: Course, when: datetime) -> None:
    """With every module quiz passed, pass the exam on the page's clock fixed at ``when``."""
    page.clock.set_fixed_time(when)
    seed_progress(page, url, QUIZZES_PASSED)
    take_exam(page, url, course, right=True)


def certificate_date(page: Page) -> Locator:
    """From the exam's results, make the certificate; its date line."""
    page.get_by_role("link", name="领取结业证书").click()
    page.get_by_label("证书上的姓名").fill("李小梅")
    page.get_by_role("button", name="生成证书").click()
    return page.locator(".mot-cert-date")


def test_the_certificate_is_dated_by_the_learners_clock(
    browser: Browser, fixture_site_url: str, course: Course
) -> None:
    """An exam passed at 07:30 in Shanghai (23:30 the day before in UTC) is dated that day."""
    with own_browser(browser, timezone_id="Asia/Shanghai") as context:
        page = new_window(context)
        pass_exam_at(page, fixture_site_url, course, datetime(2025, 3, 8, 23, 30, tzinfo=UTC))
        expect(certificate_date(page)).to_have_text("日期：2025 年 3 月 9 日")


def test_the_certificate_keeps_the_day_of_the_best_score(
    browser: Browser, fixture_site_url: str, course: Course
) -> None:
    """Passing again with the same score, weeks later or on a clock set back, moved the
    certificate's date each time; it keeps the day the best score was first reached."""
    with own_browser(browser, timezone_id="Asia/Shanghai") as context:
        page = new_window(context)
        pass_exam_at(page, fixture_site_url, course, datetime(2025, 3, 9, 2, 0, tzinfo=UTC))
        for later in (
            datetime(2025, 4, 1, 2, 0, tzinfo=UTC),
            datetime(2024, 12, 1, 2, 0, tzinfo=UTC),
        ):
            page.clock.set_fixed_time(later)
            page.get_by_role("button", name="再考一次（重新抽题）").click()
            answer_exam(page, page, every_question(course), right=True)
        expect(certificate_date(page)).to_have_text("日期：2025 年 3 月 9 日")


def test_the_exam_bar_leaves_a_short_screen_to_the_questions(
    page: Page, fixture_site_url: str
) -> None:
    """At 400% zoom (1280×800 seen as 320×200) the bar kept in view at the bottom took half
    the screen, and most controls that took the focus were partly under it."""

    bar = page.locator(".mot-exam-bar")
    page.set_viewport_size({"width": 320, "height": 200})
    take_exam_started(page, fixture_site_url)
    expect(bar).to_have_css("position", "static")
    # the bar is measured again as the window's resize is handled, which a busy machine delays
    page.set_viewport_size({"width": 390, "height": 844})
    expect(bar).to_have_css("position", "sticky")


def test_certificate_is_locked_until_everything_is_passed(
    page: Page, fixture_site_url: str
) -> None:
    page.goto(f"{fixture_site_url}exam_certificate.html")
    expect(page.locator('.mot-cert-checklist li[data-done="false"]')).to_have_count(3)
    expect(page.locator(".mot-cert-form")).to_be_hidden()
    lead = page.locator(".mot-cert-eligibility p:visible")
    expect(lead).to_have_text("通过全部模块的测验和结业考试后，就可以在这里生成结业证书。")


# Answer keys ----------------------------------------------------------------------------


def test_a_double_click_grades_once_while_the_hash_is_slow(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """On plain http away from localhost there is no Web Crypto: the JavaScript SHA-256 loads
    and runs, and a second click on 提交答案 meanwhile must not grade the question again."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    page.add_init_script(RECORD_GRADED)
    open_page(page, fixture_site_url)
    question = next(q for q in course.modules[0].quiz.questions if isinstance(q, SingleChoice))
    form = form_of(page, question.id)
    choose_options(form, question, right=False)
    form.locator(".mot-submit").dblclick()
    expect(form).to_have_attribute("data-result", "incorrect")
    # A second grading, were one under way, has finished: it waited for the same hashing
    # script as the first, and ends with it, before the task that runs after this input.
    past_the_input(page)
    expect(form.locator(".mot-mark", has_text="你的选择")).to_have_count(1)
    assert page.evaluate("window.__graded") == 1


def test_a_grade_whose_script_does_not_load_says_so_and_can_be_tried_again(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """On plain http the JavaScript SHA-256 loads on the first grading; when the network
    had dropped, 提交答案 did nothing and said nothing."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    page.route("**/mot-sha256.js", lambda route: route.abort())
    open_page(page, fixture_site_url)
    question = next(q for q in course.modules[0].quiz.questions if isinstance(q, SingleChoice))
    form = form_of(page, question.id)
    choose_options(form, question, right=False)
    form.locator(".mot-submit").click()
    expect(form.locator(".mot-status")).to_have_text(
        "这道题没能判分：判分要用的文件没有加载（可能是网络断了）。请检查网络，然后再提交一次。"
    )
    expect(form).not_to_have_attribute("data-result", re.compile(".*"))
    page.unroute("**/mot-sha256.js")
    form.locator(".mot-submit").click()
    expect(form).to_have_attribute("data-result", "incorrect")


def test_an_exam_that_cannot_be_graded_is_not_handed_in_until_it_can(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """On plain http the JavaScript SHA-256 loads at hand-in. When it did not, the attempt
    was stored as handed in but never graded: 交卷 again showed a pass that the record,
    the home page and the certificate never had. Then 交卷 seemed to do nothing: the line
    that said why was on a question far below, and asked to 提交 again."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    page.route("**/mot-sha256.js", lambda route: route.abort())
    drawn = take_exam_started(page, fixture_site_url)
    questions = every_question(course)
    for question_id in drawn:
        form = page.locator(f'.mot-exam-paper form[data-question-id="{question_id}"]')
        give_answer(form, questions[question_id], right=True)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="交卷").click()
    first = page.locator(".mot-exam-paper .mot-question").first
    expect(first.locator(".mot-status")).to_have_text(
        "这道题没能判分：判分要用的文件没有加载（可能是网络断了）。请检查网络，然后再交卷。"
    )
    expect(first.locator(".mot-status")).to_be_focused()  # 交卷 is far above: nothing showed
    expect(page.locator(".mot-exam")).to_have_attribute("data-exam-state", "in-progress")
    record = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert record["attempt"]["handedIn"] is False
    page.unroute("**/mot-sha256.js")
    hand_in(page, page)
    record = json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))
    assert record["exam"]["best"] == 100


def test_a_handed_in_exam_that_cannot_be_graded_again_is_not_sent_back_to_hand_in(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """On a return to a handed-in paper the page grades it again to show it. When the
    script for that did not load, its lines said to 交卷 again, and the first took the focus
    from the page."""
    take_exam(page, fixture_site_url, course, right=True)
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    page.route("**/mot-sha256.js", lambda route: route.abort())
    page.goto(f"{fixture_site_url}exam.html")
    status = page.locator(".mot-exam-paper .mot-question").first.locator(".mot-status")
    expect(status).to_contain_text("这道题没能判分")
    expect(status).not_to_contain_text("交卷")
    expect(status).not_to_be_focused()


RECORD_GRADED = """window.__graded = 0;
document.addEventListener('mot:question-graded', () => { window.__graded += 1; });"""


def test_python_and_javascript_produce_the_same_digests(page: Page, fixture_site_url: str) -> None:
    open_page(page, fixture_site_url)
    inputs = [case["input"] for case in CASES]
    browser = page.evaluate(
        """async inputs => Promise.all(inputs.map(async text => {
            await window.mot.load("folds");
            await window.mot.load("sha256");
            const normal = window.mot.normalise(text);
            return [normal, await window.mot.sha256('salt:0:' + normal),
                    window.mot.sha256Fallback('salt:0:' + normal)];
        }))""",
        inputs,
    )
    for case, (normal, subtle, fallback) in zip(CASES, browser, strict=True):
        expected = hashlib.sha256(f"salt:0:{normalise(case['input'])}".encode()).hexdigest()
        assert normal == case["normalised"], case
        assert subtle == fallback == expected, case


def test_page_source_holds_no_answer(page: Page, fixture_site_url: str, course: Course) -> None:
    """Neither the module page, nor the exam, nor the 错题本's bank of the module holds a
    right answer or an accepted one in the clear: only their digests (the accepted answers
    were looked for on the exam page alone)."""
    fill = question(course, "s1-fill-in")
    assert isinstance(fill, FillIn)
    for name in ("01-sample.html", "exam.html", "assets/banks/01-sample.js"):
        source = page.request.get(f"{fixture_site_url}{name}").text()
        assert re.search(r"data-correct|data-answer|\bcorrect=|data-accept", source) is None
        assert salt_for(fill.id) in source, name
        for accepted in (answer for blank in fill.blanks for answer in blank.accept):
            assert not re.search(f"[>\"'=]{re.escape(accepted)}[<\"']", source), (name, accepted)


# Accessibility --------------------------------------------------------------------------


def test_axe_module_page_before_and_after_answering(
    scheme_page: Page, fixture_site_url: str, course: Course
) -> None:
    page = scheme_page
    open_page(page, fixture_site_url)
    expect_scheme(page)
    assert axe_violations(page) == []
    for number, question_id in enumerate(TYPES):
        answer(page, question(course, question_id), right=number % 2 == 0)
    assert axe_violations(page) == []


def test_axe_exam_and_certificate(scheme_page: Page, fixture_site_url: str, course: Course) -> None:
    page = scheme_page
    take_exam(page, fixture_site_url, course, right=False)
    expect_scheme(page)
    assert axe_violations(page) == []
    page.add_init_script(PASSED_ALL)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    page.get_by_label("证书上的姓名").fill("李小梅")
    page.get_by_role("button", name="生成证书").click()
    assert axe_violations(page) == []
    page.goto(fixture_site_url)
    assert axe_violations(page) == []


def test_the_buttons_under_a_question_name_it(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """提交答案, 回复 and 重来这段对话 say which question they are for, by the number the page
    shows: a screen reader's list of buttons, or a Tab out of a question, gave seven
    提交答案 alike. In the 错题本, which numbers its questions anew, the names follow."""
    open_page(page, fixture_site_url)
    for number, question_id in enumerate(TYPES, 1):
        name = "回复" if question_id == "s1-scenario" else "提交答案"
        expect(form_of(page, question_id).locator(".mot-submit")).to_have_accessible_name(
            f"{name} 第 {number}/{len(TYPES)} 题"
        )
    answer(page, question(course, "s1-scenario"), right=False)
    restart = form_of(page, "s1-scenario").get_by_role("button", name="重来这段对话")
    expect(restart).to_have_accessible_name(f"重来这段对话 第 {len(TYPES)}/{len(TYPES)} 题")
    page.goto(f"{fixture_site_url}mistakes.html")
    expect(form_of(page, "s1-scenario").locator(".mot-submit")).to_have_accessible_name(
        "回复 第 1 题"
    )


def test_the_mistakes_books_try_again_button_names_its_question(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """重做这道题, added under a question answered wrong again in the 错题本, is named like the
    question's other buttons, and stands apart from 提交答案 (it touched it)."""
    open_page(page, fixture_site_url)
    single = question(course, "s1-single")
    answer(page, single, right=False)
    page.goto(f"{fixture_site_url}mistakes.html")
    answer(page, single, right=False)
    again = form_of(page, single.id).locator(".mot-again")
    expect(again).to_have_accessible_name("重做这道题 第 1 题")
    submit = form_of(page, single.id).locator(".mot-submit").bounding_box()
    beside = again.bounding_box()
    assert submit and beside and beside["y"] == submit["y"], "side by side"
    assert beside["x"] - (submit["x"] + submit["width"]) >= 8


RING = """element => {
  const luminance = colour => colour.match(/[\\d.]+/g).slice(0, 3)
    .map(c => c / 255).map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const style = getComputedStyle(element);
  const page = getComputedStyle(document.body).backgroundColor;
  let opacity = 1;
  for (let node = element; node; node = node.parentElement) {
    opacity *= Number(getComputedStyle(node).opacity);
  }
  const channels = colour => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const under = channels(page);
  const shown = channels(style.outlineColor).map((c, i) => c * opacity + under[i] * (1 - opacity));
  const [ring, ground] = [`rgb(${shown})`, page].map(luminance).sort((a, b) => b - a);
  return [style.outlineStyle, (ring + 0.05) / (ground + 0.05)];
}"""
"""The focused element's outline style and the contrast of its colour, as drawn through the
opacity of the element and its ancestors, with the page's."""


def focus_ring(page: Page, within: str) -> float:
    """Tab on from the first control in ``within`` (by keyboard, so that its ring shows);
    the contrast of the focused control's ring with the page."""
    page.locator(f"{within} :is(input, button):visible").first.focus()
    page.keyboard.press("Tab")
    expect(page.locator(f"{within} *:focus")).to_have_count(1)
    style, contrast = page.locator("*:focus").evaluate(RING)
    assert style == "solid"
    return float(contrast)


def test_focus_rings_stand_out_from_the_page(scheme_page: Page, fixture_site_url: str) -> None:
    """A ring of at least 3:1 against the page, in light and in dark mode: on a question,
    on the exam paper and on the certificate page."""
    page = scheme_page
    open_page(page, fixture_site_url)
    rings = [focus_ring(page, ".mot-question")]
    take_exam_started(page, fixture_site_url)
    rings.append(focus_ring(page, ".mot-exam-paper"))
    page.add_init_script(PASSED_ALL)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    rings.append(focus_ring(page, ".mot-certificate-page"))
    assert min(rings) >= 3, rings


def test_a_move_that_can_go_no_further_keeps_its_focus_ring(
    scheme_page: Page, fixture_site_url: str, course: Course
) -> None:
    """An item moved to the top keeps the focus on its 上移, which can go no further: the
    button was faded with an opacity, and its ring with it, to 2:1 against the page."""
    page = scheme_page
    open_page(page, fixture_site_url)
    form = form_of(page, question(course, "s1-ordering").id)
    name = form.locator(".mot-move").nth(2).get_attribute("aria-label")  # the second item's 上移
    assert name
    up = form.get_by_role("button", name=name, exact=True)
    up.focus()
    page.keyboard.press("Enter")
    expect(up).to_be_focused()
    expect(up).to_have_attribute("aria-disabled", "true")
    style, contrast = up.evaluate(RING)
    assert style == "solid" and contrast >= 3, contrast


MATERIAL_RING = """element => {
  const luminance = colour => colour.match(/[\\d.]+/g).slice(0, 3)
    .map(c => c / 255).map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ringed = element.matches('.md-option') ? element.nextElementSibling : element;
  let behind = ringed;
  while (Number(getComputedStyle(behind).backgroundColor.match(/[\\d.]+/g)[3] ?? 1) < 1) {
    behind = behind.parentElement;
  }
  const [ring, page] = [getComputedStyle(ringed).outlineColor,
    getComputedStyle(behind).backgroundColor].map(luminance).sort((a, b) => b - a);
  return [getComputedStyle(ringed).outlineStyle, (ring + 0.05) / (page + 0.05)];
}"""
"""Like ``RING`` for Material's own controls: the outline of the focused element (of the
palette toggle's label, for its hidden radio button) against the nearest opaque background
behind it (the indigo header's, for the header's buttons; past a search result's tint)."""

MATERIAL_CONTROLS = {
    "a link in the text (a heading's ¶)": "article a.headerlink",
    "the colour scheme toggle": ".md-header .md-option",
    "a navigation link": ".md-nav--primary a.md-nav__link",
    "the next page": ".md-footer__link--next",
}


def test_materials_own_focus_rings_stand_out(scheme_page: Page, fixture_site_url: str) -> None:
    """Material draws its focus outlines in its accent, 2.8:1 on white; on its links, its
    header's buttons and its footer the ring has 3:1 with what is behind it,
    in light and dark mode. (The keyboard is used first, so that the rings show.)"""
    page = scheme_page
    open_page(page, fixture_site_url)
    page.keyboard.press("Tab")
    rings = {}
    for name, selector in MATERIAL_CONTROLS.items():
        page.locator(selector).first.focus()
        style, contrast = page.locator(selector).first.evaluate(MATERIAL_RING)
        assert style != "none", name
        rings[name] = round(contrast, 2)
    assert min(rings.values()) >= 3, rings


def test_the_drawer_logo_s_focus_ring_stands_out_on_a_tablet(
    scheme_page: Page, fixture_site_url: str
) -> None:
    """Below 1220 px the navigation drawer opens from the header's menu button, its title
    white on indigo: the logo's ring was Material's deep orange there (1.6:1 in light mode)."""
    page = scheme_page
    page.set_viewport_size({"width": 768, "height": 1024})
    open_page(page, fixture_site_url)
    page.keyboard.press("Tab")
    page.locator('.md-header label[for="__drawer"] button').press("Enter")
    logo = page.locator(".md-nav--primary > .md-nav__title .md-logo")
    logo.focus()
    expect(logo).to_be_focused()
    style, contrast = logo.evaluate(MATERIAL_RING)
    assert style != "none"
    assert contrast >= 3


def test_a_search_result_reached_by_keyboard_shows_its_focus(
    scheme_page: Page, site_url: str
) -> None:
    """Material moves the focus to a search result, then to its page's further results, on
    ArrowDown, and shows it only by a tint of about 1.1:1; both now have a ring of 3:1, in
    light and dark mode."""
    page = scheme_page
    open_page(page, site_url, "index")
    type_query(page, "客户")  # found many times on a page: its further results fold
    expect(page.locator(".md-search-result__more").first).to_be_visible(timeout=15_000)
    rings: dict[str, tuple[str, float]] = {}
    for _ in range(12):
        page.keyboard.press("ArrowDown")
        focused = page.locator(":focus")
        kind = focused.evaluate("element => element.tagName")
        rings.setdefault(kind, focused.evaluate(MATERIAL_RING))
    assert set(rings) == {"A", "SUMMARY"}, rings
    assert all(style != "none" and contrast >= 3 for style, contrast in rings.values()), rings


def test_a_graded_choice_stays_marked_in_light_and_dark_mode(
    scheme_page: Page, fixture_site_url: str, course: Course
) -> None:
    """A graded question's options are disabled, and Chromium greyed the chosen radio button
    almost into the dark background: it is ringed in the text colour, at 3:1 at least."""
    page = scheme_page
    open_page(page, fixture_site_url)
    for question_id in ("s1-single", "s1-multiple"):
        form = answer(page, question(course, question_id), right=False)
        chosen_inputs = form.locator("input:checked:disabled").all()
        assert chosen_inputs, question_id
        for chosen in chosen_inputs:
            style, contrast = chosen.evaluate(MATERIAL_RING)
            assert (style, contrast >= 3) == ("solid", True), (question_id, contrast)


SECONDARY_BUTTONS = ".md-typeset .md-button:not(.md-button--primary):visible"
BUTTON_CONTRAST = """button => axe
  .run(button, {runOnly: {type: 'rule', values: ['color-contrast']}})
  .then(r => r.violations.flatMap(v => v.nodes.map(n => n.any[0].message)))"""


STILL = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().map(animation => animation.finished));
}"""
"""Waits until every transition the last change started has ended."""


def secondary_button_contrast(page: Page, names: set[str]) -> list[str]:
    """axe's text-contrast findings for the secondary buttons on the page (named ``names``:
    the first of each name, as those of one name share their styles), focused and then
    hovered, once Material's transition to indigo has ended."""
    page.add_script_tag(path=str(AXE))
    buttons = page.locator(SECONDARY_BUTTONS)
    assert set(buttons.all_inner_texts()) == names
    found = []
    for name in sorted(names):
        button = buttons.filter(has_text=name).first
        for act in (button.focus, button.hover):
            page.mouse.move(0, 0)
            page.evaluate("document.activeElement.blur()")
            button.scroll_into_view_if_needed()
            page.evaluate(STILL)
            act()
            page.evaluate(STILL)
            said = button.evaluate(BUTTON_CONTRAST)
            found += [f"{name} ({act.__name__}): {message}" for message in said]
    return found


def test_secondary_buttons_keep_their_contrast_focused_or_hovered_in_dark_mode(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """重新作答, 只重做答错的题, 重来这段对话, 查看本模块成绩, 重做这道题, 重新开始, 再考一次 and
    打印证书."""
    page.emulate_media(color_scheme="dark")
    open_page(page, fixture_site_url)
    for question_id in TYPES:
        answer(page, question(course, question_id), right=False)
    found = secondary_button_contrast(
        page, {"重新作答", "只重做答错的题", "重来这段对话", "查看本模块成绩"}
    )
    page.goto(f"{fixture_site_url}mistakes.html")
    answer(page, question(course, TYPES[0]), right=False)
    found += secondary_button_contrast(page, {"重做这道题"})
    take_exam_started(page, fixture_site_url)
    found += secondary_button_contrast(page, {"重新开始"})
    answer_exam(page, page, every_question(course), right=False)
    found += secondary_button_contrast(page, {"再考一次（重新抽题）"})
    page.add_init_script(PASSED_ALL)
    page.goto(f"{fixture_site_url}exam_certificate.html")
    page.get_by_label("证书上的姓名").fill("李小梅")
    page.get_by_role("button", name="生成证书").click()
    found += secondary_button_contrast(page, {"打印证书"})
    assert found == []


def test_each_graded_question_is_announced(
    page: Page, fixture_site_url: str, course: Course
) -> None:
    """mot:question-graded carries what an LMS needs to record the question as an interaction."""
    open_page(page, fixture_site_url)
    page.evaluate(
        "window.__graded = []; document.addEventListener('mot:question-graded',"
        " e => window.__graded.push(e.detail))"
    )
    answer(page, question(course, "s1-multiple"), right=True)
    answer(page, question(course, "s1-scenario"), right=False)
    expect(form_of(page, "s1-scenario")).to_have_attribute("data-result", "incorrect")
    graded = page.evaluate("window.__graded")
    assert [(g["questionId"], g["type"], g["objective"], g["result"]) for g in graded] == [
        ("s1-multiple", "multiple", "s1-need", "correct"),
        ("s1-scenario", "scenario", "s1-recover", "incorrect"),
    ]
    assert graded[0]["response"] == sorted(
        [key("s1-multiple", "尽快恢复上网"), key("s1-multiple", "晚上能正常视频会议")]
    )
    blame = key("s1-scenario", "这是厂家的问题，不归我们管，您直接去找厂家售后吧。")
    manager = key("s1-scenario", "经理今天不在店里，您有意见的话明天再来找他说吧。")
    assert graded[1]["response"] == [f"open:{blame}", f"angry:{manager}"]
    assert all(g["quizId"] == "01-sample" and g["latency"] >= 0 for g in graded)
    assert all(re.match(r"\d{4}-\d\d-\d\dT", g["time"]) for g in graded)
