"""Learner journeys through the real course, on a desktop and a phone screen.

A whole module quiz to its results panel (passed and failed), a customer dialogue played
through a wrong branch, the dashboard as progress grows, the 错题本 filling and emptying,
and every question answered wrong on a phone. Questions and answers come from the course's
YAML through the generator, never from the page, so the tests follow the course as it is
rewritten. The exam's journeys are in test_journeys_exam.py, printing in
test_journeys_print.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from benchmarks.courses import synthesise
from generator.digests import opaque_key
from generator.load import load_course
from generator.models import (
    AREA_NAMES,
    EODC_STAGES,
    Course,
    Matching,
    Module,
    Ordering,
    Question,
    Scenario,
)
from generator.project import Project, bank_file, review_target
from tests.browsing import answer, give_answer, record_requests, seed_progress
from tests.conftest import build_and_serve
from tests.journeys import (
    LINES_OF_TEXT,
    OVERFLOWING,
    PARTED_NUMBERS,
    expect_buttons_set_alike,
    expect_in_view_below_header,
    expect_whole_in_view,
    fewest_right_to_pass,
    form_of,
    open_every_question_as_a_mistake,
    open_module,
    open_page,
    passed_before,
    passed_everything,
    runtime_percent,
    store,
)

pytestmark = pytest.mark.browser


def review_suffix(question: Question, module: Module) -> str:
    return "#" + review_target(question.review, module.page.filename).anchor


@pytest.mark.parametrize("passing", [True, False], ids=["at-the-pass-mark", "just-under-it"])
def test_a_module_quiz_ends_in_its_results_panel(
    learner: Page, site_url: str, course: Course, passing: bool
) -> None:
    """答对 80% 即为通过: the fewest right answers that reach the pass mark pass (12 of 15
    is 80%), and one fewer fails."""
    page, module, following = learner, course.modules[1], course.modules[2]
    questions = module.quiz.questions
    pass_mark = course.pass_marks.module
    right = fewest_right_to_pass(len(questions), pass_mark) - (0 if passing else 1)
    open_module(page, site_url, module)
    status = page.locator(".mot-module-facts .mot-module-status")
    expect(status).to_have_text("本模块状态：未开始")
    expect(form_of(page, questions[0]).locator(".mot-question-number")).to_have_text(
        f"第 1/{len(questions)} 题"
    )
    for index in range(len(questions)):
        answer(page, module, index, right=index >= len(questions) - right)
        if index == 0:
            expect(status).to_have_text("本模块状态：进行中")
    # The last answer's explanation is read and seen like every other; the results panel,
    # shown below the quiz, is one link away.
    feedback = form_of(page, questions[-1]).locator(".mot-feedback")
    expect(feedback).to_be_focused()
    expect_whole_in_view(page, feedback)
    panel = page.locator(f'[data-results-for="{module.page.name}"]')
    expect(panel).to_be_visible()
    feedback.get_by_role("link", name="查看本模块成绩").press("Enter")
    expect(panel).to_be_focused()
    expect_in_view_below_header(page, panel)
    verdict = panel.locator("[data-passed]")
    expect(verdict).to_have_attribute("data-passed", str(passing).lower())
    expect(verdict).to_contain_text(
        f"得分 {right}/{len(questions)}（{runtime_percent(right, len(questions))}%）"
    )
    expect(verdict).to_contain_text(f"及格线 {pass_mark}%")  # the home page's and the exam's word
    next_module = panel.get_by_role("link", name=f"下一模块：{following.meta.title}")
    retry_wrong = panel.get_by_role("button", name="只重做答错的题")
    expect(panel.get_by_role("link", name="打开错题本")).to_be_visible()
    expect_missed_objectives(panel, module, questions[: len(questions) - right])
    assert page.evaluate(PARTED_NUMBERS) == []  # 最佳成绩 | 11/15 on a phone
    if passing:
        expect(status).to_contain_text("已通过")
        expect(next_module).to_have_attribute("href", re.compile(f"{following.page.name}\\.html$"))
        expect_buttons_set_alike(panel.locator(".md-button"))  # 下一模块 wraps on a phone
        return
    # Finished under the pass mark: not 进行中, as a quiz begun is, here and at home.
    best = f"最佳成绩 {right}/{len(questions)}（{runtime_percent(right, len(questions))}%）"
    expect(status).to_have_text(f"本模块状态：未通过 · {best}")
    expect(next_module).to_be_hidden()
    retry_wrong.click()
    expect(panel).to_be_hidden()
    expect(page.get_by_role("link", name="查看本模块成绩")).to_have_count(0)
    wrong = len(questions) - right
    expect(page.locator(".mot-quiz .mot-question[data-result]")).to_have_count(right)
    expect(page.locator(".mot-quiz .mot-question:not([data-result])")).to_have_count(wrong)
    page.goto(site_url)
    row = page.locator(f'.mot-dashboard[data-ready] tr[data-module="{module.page.name}"]')
    expect(row.locator("[data-status]")).to_have_text("未通过")


def expect_missed_objectives(panel: Locator, module: Module, missed: list[Question]) -> None:
    """One line per objective missed, with the review link of each question missed on it,
    under a heading that speaks of this attempt: a question put right since in the 错题本
    leaves it, not this list."""
    texts = {objective.id: objective.text for objective in module.meta.objectives}
    expect(panel.locator(".mot-results-details")).to_contain_text("答错的题涉及的学习目标：")
    lines = panel.locator(".mot-results-details li")
    objectives = {q.objective for q in missed}
    expect(lines).to_have_count(len(objectives))
    for objective in objectives:
        line = lines.filter(has_text=texts[objective])
        expect(line).to_have_count(1)
        hrefs = line.locator("a").evaluate_all("links => links.map(a => a.href)")
        wanted = {review_suffix(q, module) for q in missed if q.objective == objective}
        assert {"#" + href.partition("#")[2] for href in hrefs} == wanted
        text = line.inner_text()  # 复习 once, not before each section (复习：A、复习：B)
        assert text.startswith(f"{texts[objective]}（复习：") and text.endswith("）"), text
        assert text.count("复习：") == 1, text


Route = list[tuple[str, int]]
"""A way through a dialogue: (turn id, index of the reply chosen) for each turn played."""


def paths_through(question: Scenario) -> Iterator[Route]:
    """Every way through the dialogue (validation guarantees there is no circle)."""
    index_of = {turn.id: index for index, turn in enumerate(question.turns)}

    def walk(index: int, so_far: Route) -> Iterator[Route]:
        turn = question.turns[index]
        for reply_index, reply in enumerate(turn.replies):
            path = [*so_far, (turn.id, reply_index)]
            following = question.next_turn(index, reply)
            if following == "end":
                yield path
            else:
                yield from walk(index_of[following], path)

    yield from walk(0, [])


def branching_dialogue(course: Course) -> tuple[Module, Scenario, Route]:
    """The dialogue and way through it that test the transcript hardest: a wrong reply on the
    way, turns played out of the order they are written in, and as long as possible."""
    candidates = []
    for module in course.modules:
        for question in module.quiz.questions:
            if not isinstance(question, Scenario):
                continue
            order = [turn.id for turn in question.turns]
            for path in paths_through(question):
                turns = {turn.id: turn for turn in question.turns}
                wrong = any(not turns[t].replies[r].correct for t, r in path)
                places = [order.index(t) for t, _ in path]
                candidates.append(
                    ((wrong, places != sorted(places), len(path)), module, question, path)
                )
    rank, module, question, path = max(candidates, key=lambda found: found[0])
    assert rank[0] and rank[2] >= 2, "the course has a dialogue with a wrong reply that leads on"
    return module, question, path


CHOSEN_LINES = """rows => rows.map(row => {
  const select = row.querySelector('select'), line = row.querySelector('.mot-match-chosen');
  const box = line.getBoundingClientRect();
  return [select.selectedOptions[0].textContent, line.textContent,
          box.width > 0 && line.scrollWidth <= line.clientWidth];
})"""
"""Each matching row's chosen option, the text shown under its select, and whether that
text is drawn whole."""


TIMES_NAMED = """rows => rows.map(row => {
  const chosen = row.querySelector('select').selectedOptions[0].textContent;
  return [...row.querySelectorAll('.mot-match-chosen, .mot-mark')]
    .filter(shown => shown.getClientRects().length > 0 && shown.textContent.includes(chosen))
    .length;
})"""
"""How many times the text under each matching row's select names the option chosen: the
line that shows it whole, and the verdict of a row matched right."""


def longest_choice(question: Matching) -> str:
    return max([pair.match for pair in question.pairs] + question.distractors, key=len)


def test_a_matching_answer_reads_in_full_when_chosen_and_restored(
    learner: Page, site_url: str, course: Course
) -> None:
    """A closed select shows one line, cut off where a course's match is long: the chosen
    text is shown whole under it, when picked and when the graded answer comes back; a row
    matched right has it whole in its verdict instead, not a third time."""
    page = learner
    matching = [(m, q) for m in course.modules for q in m.quiz.questions if isinstance(q, Matching)]
    module, question = max(matching, key=lambda found: len(longest_choice(found[1])))
    longest = longest_choice(question)
    open_module(page, site_url, module)
    form = form_of(page, question)
    rows = form.locator(".mot-match")
    for row in range(rows.count()):
        rows.nth(row).locator("select").select_option(label=longest)
    shown = [[longest, longest, True]] * rows.count()
    assert rows.evaluate_all(CHOSEN_LINES) == shown
    matches = {pair.item: pair.match for pair in question.pairs}
    items = rows.locator("label").all_inner_texts()
    rows.first.locator("select").select_option(label=matches[items[0]])
    chosen = [matches[items[0]]] + [longest] * (rows.count() - 1)
    form.locator(".mot-submit").click()
    expect(form).to_have_attribute("data-result", "incorrect")
    # A row matched right names its choice whole in its verdict: the line under it goes.
    graded = [[text, text, matches[item] != text] for item, text in zip(items, chosen, strict=True)]
    assert rows.evaluate_all(CHOSEN_LINES) == graded
    assert rows.evaluate_all(TIMES_NAMED) == [1] * rows.count(), "once under each select"
    open_module(page, site_url, module)
    assert rows.evaluate_all(CHOSEN_LINES) == graded
    assert rows.evaluate_all(TIMES_NAMED) == [1] * rows.count(), "and when it comes back"


def test_a_branching_dialogue_reads_in_the_order_played(
    learner: Page, site_url: str, course: Course
) -> None:
    page = learner
    module, question, path = branching_dialogue(course)
    open_module(page, site_url, module)
    other = next(q for q in module.quiz.questions if q.id != question.id)
    answer(page, module, module.quiz.questions.index(other), right=True)
    form = form_of(page, question)
    turns = {turn.id: turn for turn in question.turns}
    for turn_id, reply in path:
        key = opaque_key(question.id, turns[turn_id].replies[reply].text)
        form.locator(f'label[for="{question.id}-{turn_id}-{key}"]').click()
        form.get_by_role("button", name="回复").click()
    expect(form).to_have_attribute("data-result", "incorrect")
    played = form.locator(".mot-turn:visible")
    assert played.evaluate_all("ts => ts.map(t => t.dataset.turn)") == [t for t, _ in path]
    tops = []
    for index, (turn_id, reply) in enumerate(path):
        turn = played.nth(index)
        tops += [box_top(turn.locator(".mot-customer")), box_top(turn.locator(".mot-chosen"))]
        expect(turn.locator(".mot-customer")).to_contain_text(turns[turn_id].customer)
        expect(turn.locator(".mot-chosen")).to_contain_text(turns[turn_id].replies[reply].text)
        expect(turn.locator(".mot-reply-feedback:visible")).to_contain_text(
            turns[turn_id].replies[reply].feedback
        )
        best = next(r for r in turns[turn_id].replies if r.correct)
        better = turn.locator('[data-solution="true"]')
        expect(better).to_have_count(0 if turns[turn_id].replies[reply].correct else 1)
        if not turns[turn_id].replies[reply].correct:
            assert_coaching(turn, best.text)
    assert tops == sorted(tops), "customer line, then the reply, turn after turn, downwards"
    good = sum(turns[t].replies[r].correct for t, r in path)
    last_turn, last_reply = path[-1]
    last = "得当" if turns[last_turn].replies[last_reply].correct else "欠妥"
    status = form.locator(".mot-status")
    expect(status).to_contain_text(
        f"对话结束：最后一轮回复{last}，{len(path)} 轮中有 {good} 轮回复得当。"
    )
    assert box_top(status) > tops[-1], "the verdict comes after the dialogue"
    assert page.evaluate(PARTED_NUMBERS) == []  # 5 | 轮中有 on a phone
    # A dialogue marks the better replies, not one right answer; so says its verdict, also
    # when it is shown again on the learner's return.
    expect(status).to_contain_text("✗回答错误。更好的回复已经标出，请看下面的讲解。")
    page.reload()
    form = form_of(page, question)
    expect(form.locator(".mot-status")).to_have_text(
        re.compile("^✗上次答错了。更好的回复已经标出。对话结束")
    )
    form.get_by_role("button", name="重来这段对话").click()
    expect(form).not_to_have_attribute("data-result", re.compile(".*"))
    expect(form.locator(".mot-turn:visible")).to_have_count(1)
    expect(form.locator(".mot-turn[data-played]")).to_have_count(0)
    expect(form_of(page, other)).to_have_attribute("data-result", "correct")


def assert_coaching(turn: Locator, best: str) -> None:
    """The better reply under a played ``turn`` is advice, labelled first and set in one
    note with the feedback, not a bubble beside it like the learner's own line (the
    customer's next line answers what the learner said, not the better reply)."""
    better = turn.locator('[data-solution="true"]')
    expect(better).to_have_text(f"✓更好的回复：{best}")
    edges = [
        (box["x"], box["x"] + box["width"])
        for box in (
            turn.locator(".mot-reply-feedback:visible").bounding_box(),
            better.bounding_box(),
        )
        if box is not None
    ]
    assert len(edges) == 2 and edges[0] == edges[1], "one note: the feedback and the better reply"
    chosen = turn.locator(".mot-chosen").bounding_box()
    assert chosen is not None and edges[1][0] < chosen["x"], "set in less than the learner's line"


def box_top(element: Locator) -> float:
    box = element.bounding_box()
    assert box is not None, "on screen"
    return box["y"]


KEYS_AT_THE_WINDOW = """window.__pressed = 0; window.__reached = [];
addEventListener("keydown", () => { window.__pressed += 1; }, true);
addEventListener("keydown", event => { window.__reached.push(event.key); });"""
"""Counts the keys pressed (as they reach the window, first) and notes each that reaches the
window's listeners in the end, where Material's shortcuts listen."""


def test_one_key_shortcuts_are_off(page: Page, site_url: str) -> None:
    """Material turns the page on n and p and opens search on s and /: one key on a link,
    on the page or in the exam leaves the learner where they were (WCAG 2.1.4), and search
    opened by its button still takes what is typed."""
    page.add_init_script(KEYS_AT_THE_WINDOW)
    open_page(page, f"{site_url}exam.html", ".mot-exam")
    page.get_by_role("button", name="开始考试").click()
    pressed = 0
    for control in (
        ".mot-exam-paper input",
        ".mot-exam-bar .mot-exam-hand-in",
        "article a",
        "body",
    ):
        for key in ("n", "p", "s", "/"):
            page.locator(control).first.focus()
            page.keyboard.press(key)
            pressed += 1
            # the key's handling is over; Material, which would turn the page, never heard it
            page.wait_for_function("pressed => window.__pressed === pressed", arg=pressed)
            assert page.evaluate("window.__reached") == [], f"{key} on {control}: Material heard"
            assert page.url.endswith("/exam.html"), f"{key} on {control}: left for {page.url}"
            searching = page.evaluate("document.getElementById('__search').checked")
            assert not searching, f"{key} on {control}: search opened"
    page.locator(".md-search__input").click()
    page.keyboard.type("ns")
    expect(page.locator(".md-search__input")).to_have_value("ns")


def stage_tallies(module: Module, results: dict[str, bool]) -> dict[str, tuple[int, int]]:
    """(right, answered) per stage over the answered questions of ``module``."""
    tallies: dict[str, tuple[int, int]] = {}
    for question in module.quiz.questions:
        if question.id in results:
            area = module.area_of(question) or ""
            right, answered = tallies.get(area, (0, 0))
            tallies[area] = (right + results[question.id], answered + 1)
    return tallies


def test_the_last_module_sends_the_learner_where_the_home_page_does(
    page: Page, site_url: str, course: Course
) -> None:
    """Module 6's next step was the exam even with modules 2 to 5 not passed, while the home
    page said to go on with module 2 (and the certificate needs every module), and the exam
    still once it was passed, where the home page offers the certificate. (The step does
    not depend on the screen: one screen size; the panel on a phone has its own tests.)"""
    first, skipped, last = *course.modules[:2], course.modules[-1]
    assert course.exam is not None
    others = course.modules[:-1]
    underway = json.loads(passed_before(course, others, exam=False))
    underway["attempt"] = {"seed": 1, "questions": [], "answers": {}, "handedIn": False}
    for record, text, address in [
        (
            passed_before(course, [first], False),
            f"继续学习：{skipped.meta.title}",
            f"{skipped.page.name}.html",
        ),
        (passed_before(course, others, False), f"参加{course.exam.config.title}", "exam.html"),
        (json.dumps(underway), f"继续{course.exam.config.title}", "exam.html"),  # a paper begun
        (passed_before(course, others, True), "领取结业证书", "exam_certificate.html"),
    ]:
        open_module(page, site_url, last)
        store(page, record)
        for index in range(len(last.quiz.questions)):
            answer(page, last, index)
        next_step = page.locator(f'[data-results-for="{last.page.name}"] .mot-next')
        expect(next_step).to_be_visible()
        expect(next_step).to_have_text(text)
        expect(next_step).to_have_attribute("href", re.compile(f"(^|/){re.escape(address)}$"))
        expect(next_step).to_have_css("text-decoration-line", "none")  # a button, as 重新作答


def test_the_certificate_page_leads_to_what_is_left_to_do(
    learner: Page, site_url: str, course: Course
) -> None:
    """The certificate page said what was left (✗ 未开始：module 4) in plain text: a learner
    who came for the certificate had to find the module in the contents. The title of each
    line left to do now leads to its page, by keyboard too; a line done is no link, which a
    keyboard would pass on its way to the name box."""
    page, left = learner, course.modules[3]
    assert course.exam is not None
    others = [module for module in course.modules if module is not left]
    seed_progress(page, site_url, passed_before(course, others, exam=False))
    page.goto(f"{site_url}exam_certificate.html")
    checklist = page.locator(".mot-cert-checklist")
    exam_title = course.exam.config.title
    expect(checklist.locator('li[data-done="false"]')).to_have_text(
        [f"✗ 未开始：{left.meta.title}", f"✗ 未参加：{exam_title}"]
    )
    expect(checklist.get_by_role("link")).to_have_count(2)
    checklist.get_by_role("link", name=left.meta.title, exact=True).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"{left.page.name}\\.html$"))
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    page.go_back()
    checklist.get_by_role("link", name=exam_title, exact=True).click()
    expect(page).to_have_url(re.compile(r"exam\.html$"))
    expect(page.locator(".mot-exam[data-ready]")).to_have_count(1)


def test_the_dashboard_follows_the_learner(learner: Page, site_url: str, course: Course) -> None:
    page = learner
    open_page(page, site_url, ".mot-dashboard")
    board = page.locator(".mot-dashboard")
    start, advice = board.locator("[data-continue]"), board.locator("[data-advice]")
    first = course.modules[0]
    expect(start).to_have_text(f"开始学习：{first.meta.title}")
    expect(start).to_have_css("text-decoration-line", "none")  # a button, not a link in text
    expect(start).to_have_attribute("href", re.compile(f"{first.page.name}\\.html$"))
    for stage in EODC_STAGES:
        expect(board.locator(f'[data-stage="{stage}"] [data-score]')).to_have_text("尚未作答")
    expect(advice).to_contain_text("还没有作答")
    module = next(m for m in course.modules if m.meta.stage in EODC_STAGES)
    results = {q.id: index % 3 == 0 for index, q in enumerate(module.quiz.questions)}
    open_module(page, site_url, module)
    for index, question in enumerate(module.quiz.questions):
        answer(page, module, index, right=results[question.id])
    open_page(page, site_url, ".mot-dashboard")
    expect(start).to_have_text(f"继续学习：{first.meta.title}")
    tallies = stage_tallies(module, results)
    for stage in EODC_STAGES:
        right, answered = tallies.get(stage, (0, 0))
        expect(board.locator(f'[data-stage="{stage}"] [data-score]')).to_have_text(
            f"答对 {right}/{answered} 题（{runtime_percent(right, answered)}%）"
            if answered
            else "尚未作答"
        )
    shares = {s: runtime_percent(r, a) for s, (r, a) in tallies.items()}
    weak = {s: share for s, share in shares.items() if share < 80}
    weakest = min((stage for stage in EODC_STAGES if stage in weak), key=lambda s: weak[s])
    expect(advice).to_contain_text(f"最需要加强的阶段：{AREA_NAMES[weakest]}（{weak[weakest]}%）")
    review = next(m for m in course.modules if m.meta.stage == weakest)  # the one teaching it
    expect(advice.locator("a")).to_have_count(1)
    expect(advice.locator("a")).to_have_text(review.meta.title)
    expect(advice.locator("a")).to_have_css("text-decoration-line", "underline")
    expect(advice.locator("a")).to_have_attribute("href", re.compile(f"{review.page.name}\\.html$"))
    lines = board.locator("[data-status]").evaluate_all(LINES_OF_TEXT)
    assert set(lines) == {1}, "each module's status reads on one line"
    store(page, passed_everything(course))
    expect(start).to_have_text("领取结业证书")
    expect(board.locator("[data-overall]")).to_have_text("100%")
    for stage in EODC_STAGES:
        expect(board.locator(f'[data-stage="{stage}"] [data-score]')).to_contain_text("（100%）")
    expect(advice).to_have_text(
        f"已作答的阶段都达到了 {course.pass_marks.module}%。下一步：领取结业证书"
    )


@pytest.fixture(scope="module")
def two_modules_a_stage(
    tmp_path_factory: pytest.TempPathFactory, course: Course
) -> Iterator[tuple[Course, str]]:
    """The real course and a copy of its first three modules, served: two modules teach
    Explore, as a trainer's seventh module on a stage does (README's example)."""
    root = synthesise(tmp_path_factory.mktemp("two-on-a-stage"), len(course.modules) + 3)
    for url in build_and_serve(root):
        yield load_course(Project(root)), url


@pytest.mark.parametrize("failed", [0, 1], ids=["the-first-failed", "the-second-failed"])
def test_the_dashboard_names_the_module_failed_of_two_on_a_stage(
    page: Page, two_modules_a_stage: tuple[Course, str], failed: int
) -> None:
    """Of two modules teaching Explore, the learner passed one with full marks and failed
    the other: the advice names the one failed. The build named one module per stage, the
    one with the most questions on it, whatever the learner answered: a learner who failed
    the second was sent to the first, passed with full marks."""
    course, url = two_modules_a_stage
    teaching = [module for module in course.modules if module.meta.stage == "explore"]
    assert len(teaching) == 2
    results = {
        question.id: {
            "quiz": module.page.name,
            "result": "incorrect" if index == failed else "correct",
        }
        for index, module in enumerate(teaching)
        for question in module.quiz.questions
    }
    open_page(page, url, ".mot-dashboard")
    store(page, json.dumps({"version": 1, "questions": results}, ensure_ascii=False))
    advice = page.locator("[data-advice]")
    expect(advice).to_contain_text(f"最需要加强的阶段：{AREA_NAMES['explore']}（50%）")
    expect(advice.locator("a")).to_have_text(teaching[failed].meta.title)
    expect(advice.locator("a")).to_have_attribute(
        "href", re.compile(f"{teaching[failed].page.name}\\.html$")
    )


def test_the_mistakes_book_fills_and_empties(learner: Page, site_url: str, course: Course) -> None:
    page, module = learner, course.modules[0]
    missed = module.quiz.questions[:2]
    open_page(page, f"{site_url}mistakes.html", ".mot-mistakes")
    count = page.locator(".mot-mistakes-count")
    expect(count).to_contain_text("错题本是空的")
    expect(page.locator(".mot-mistakes .mot-question:visible")).to_have_count(0)
    open_module(page, site_url, module)
    for index in range(3):
        answer(page, module, index, right=index == 2)
    open_page(page, site_url, ".mot-dashboard")
    expect(page.locator(".mot-dashboard [data-mistakes]")).to_have_text("2 道题待重做")
    page.locator('.mot-dashboard a[href$="mistakes.html"]').click()  # linked from the home page
    expect(page).to_have_url(re.compile(r"mistakes\.html$"))
    expect(page.locator(".mot-mistakes[data-ready]")).to_have_count(1)
    shown = page.locator(".mot-mistakes .mot-question:visible")
    assert shown.evaluate_all("fs => fs.map(f => f.dataset.questionId)") == [q.id for q in missed]
    expect(count).to_contain_text("错题本里有 2 道题")
    group = page.locator(f'.mot-mistakes-module[data-module="{module.page.name}"]')
    expect(group.get_by_role("heading", name=module.meta.title)).to_be_visible()
    stage = AREA_NAMES[module.area_of(missed[0]) or ""]
    expect(group.get_by_role("heading", name=stage)).to_be_visible()
    open_module(page, site_url, module)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重新作答").click()
    answer(page, module, 1, right=True)  # answered right in the module, it leaves the book
    open_page(page, f"{site_url}mistakes.html", ".mot-mistakes")
    expect(count).to_contain_text("错题本里有 1 道题")
    assert shown.evaluate_all("fs => fs.map(f => f.dataset.questionId)") == [missed[0].id]
    form = form_of(page, missed[0])
    give_answer(form, missed[0], right=True)
    if not isinstance(missed[0], Scenario):
        form.locator(".mot-submit").click()
    expect(form).to_have_attribute("data-result", "correct")
    expect(count).to_have_text(  # not "empty" above the question just answered
        "这些题你都答对了，错题本清空了。它们留在这一页供你回看，下次打开就不在了。"
    )
    expect(shown).to_have_count(1)
    page.reload()
    expect(count).to_contain_text("错题本是空的")
    expect(page.locator(".mot-mistakes-module:visible")).to_have_count(0)


def test_an_item_moved_by_keyboard_stays_in_view(page: Page, site_url: str, course: Course) -> None:
    """下移 pressed again and again at the foot of the window: the item and its focused button
    went on down below the window's edge, and the page did not follow."""
    module, question = next(
        (m, q) for m in course.modules for q in m.quiz.questions if isinstance(q, Ordering)
    )
    open_module(page, site_url, module)
    form = form_of(page, question)
    key = form.locator(".mot-order-item").first.get_attribute("data-key")
    down = form.locator(f'.mot-order-item[data-key="{key}"] [data-move="1"]')
    down.focus()
    page.evaluate(  # the button's foot a few pixels above the window's
        "button => scrollBy(0, button.getBoundingClientRect().bottom + 4 - innerHeight)",
        down.element_handle(),
    )
    for _ in question.items[1:]:
        page.keyboard.press("Enter")
        expect(down).to_be_focused()
        box = page.evaluate(
            "() => { const box = document.activeElement.getBoundingClientRect();"
            " return [box.top, box.bottom, innerHeight]; }"
        )
        assert box[0] >= 0 and box[1] <= box[2] + 1, box  # + 1: a fraction of a pixel


WORKS = "c => !c.disabled && c.getAttribute('aria-disabled') !== 'true'"
"""A control that does something when pressed: the top item's 上移 is aria-disabled."""


def test_a_retry_puts_the_focus_on_a_control_that_works(
    learner: Page, site_url: str, course: Course
) -> None:
    """重新作答 focused the first question's first control: on an ordering question the top
    item's 上移, which only says 已经到头了. The focus now lands on one that moves an item."""
    page = learner
    module = next(m for m in course.modules if isinstance(m.quiz.questions[0], Ordering))
    open_module(page, site_url, module)
    form = answer(page, module, 0, right=False)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重新作答").click()
    focused = form.locator(".mot-options :focus")
    expect(focused).to_have_count(1)
    assert focused.evaluate(WORKS), focused.evaluate("c => c.outerHTML")
    keys = "f => [...f.querySelectorAll('.mot-order-item')].map(i => i.dataset.key)"
    order = form.evaluate(keys)
    page.keyboard.press("Enter")
    assert form.evaluate(keys) != order


def test_every_question_s_first_control_works(page: Page, site_url: str, course: Course) -> None:
    """The control a question's focus goes to (重新作答, 重做这道题, an exam question opened,
    a dialogue begun again), for every question of the course, quiz and exam pool alike."""
    questions = open_every_question_as_a_mistake(page, site_url, course)
    first_control = "f => window.mot.engine.firstControl(f) || null"
    for question in questions.values():
        control = form_of(page, question).evaluate_handle(first_control)
        assert control.evaluate("c => c !== null"), f"{question.id}: no control"
        assert control.evaluate(WORKS), (question.id, control.evaluate("c => c.outerHTML"))


def test_every_question_answered_wrong_fits_a_phone(
    page: Page, site_url: str, course: Course
) -> None:
    """Every question of the course, quiz and exam pool alike, in the 错题本 and answered
    wrong, so that every tag, right answer and feedback shows: nothing runs off a phone's
    screen, down to the 320 px that WCAG's reflow criterion asks for. Answered once, at
    390 px, and laid out again at each width (the page's layout follows the width alone)."""
    page.set_viewport_size({"width": 390, "height": 800})
    questions = open_every_question_as_a_mistake(page, site_url, course)
    shown = page.locator(".mot-mistakes .mot-question:visible")
    expect(shown).to_have_count(len(questions))
    for question in questions.values():
        form = form_of(page, question)
        give_answer(form, question, right=False)
        if not isinstance(question, Scenario):
            form.locator(".mot-submit").press("Enter")  # the keyboard's way: no wait to scroll
        expect(form).to_have_attribute("data-result", "incorrect")
    for width in (390, 360, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert shown.evaluate_all(OVERFLOWING) == [], width
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width


def test_large_text_on_a_small_phone_scrolls_no_page_sideways(
    page: Page, site_url: str, course: Course
) -> None:
    """A phone's text set to twice its size (Android's font size, a 320 px screen): an
    ordering question's items were a few characters wide, Material's list indents on top of
    the question's own, and their 下移 buttons ran off the screen; the header's three buttons
    and the title's margins ran past its edge on every page."""
    page.set_viewport_size({"width": 320, "height": 640})
    browser_settings = page.context.new_cdp_session(page)
    browser_settings.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    wide = []
    pages = {"": ".mot-dashboard", "exam.html": ".mot-exam"}
    pages.update({f"{module.page.name}.html": ".mot-quiz" for module in course.modules})
    for address, part in pages.items():
        open_page(page, f"{site_url}{address}", part)
        if page.evaluate("document.scrollingElement.scrollWidth") > 320:
            wide.append(address or "index.html")
    questions = open_every_question_as_a_mistake(page, site_url, course)
    shown = page.locator(".mot-mistakes .mot-question:visible")
    expect(shown).to_have_count(len(questions))
    assert shown.evaluate_all(OVERFLOWING) == []
    assert wide == []


@pytest.mark.parametrize("width", [360, 390, 414, 430])
def test_large_text_on_a_phone_leaves_the_header_s_title_readable(
    page: Page, site_url: str, course: Course, width: int
) -> None:
    """With the text at twice its size, from 390 px up the header's title had room for one
    character (关), or one and a half: the margins came off only under 384 px."""
    page.set_viewport_size({"width": width, "height": 844})
    browser_settings = page.context.new_cdp_session(page)
    browser_settings.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    open_page(page, f"{site_url}{course.modules[0].page.name}.html", ".mot-quiz")
    title = page.locator(".md-header__topic:not([data-md-component]) .md-ellipsis").first
    room, size = title.evaluate(
        "title => [title.getBoundingClientRect().width, "
        "parseFloat(getComputedStyle(title).fontSize)]"
    )
    assert room >= 2.5 * size, (room, size)


ROOM_FOR_THE_TEXT = """tables => tables.map(table => {
  const han = cell => (cell.textContent.match(/\\p{sc=Han}/gu) || []).length;
  const text = [...table.querySelectorAll('td')].reduce((a, b) => (han(b) > han(a) ? b : a));
  const style = getComputedStyle(text);
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  return (text.clientWidth - padding) / parseFloat(style.fontSize);
})"""
"""For each table, how many characters a line its longest Chinese text has room for."""


def test_the_glossarys_definitions_keep_room_on_a_small_phone(page: Page, site_url: str) -> None:
    """At 320 px (a small phone, or 400 % zoom), a whole English word took a column's width
    from the Chinese beside it: the glossary's definitions ran two or three characters a
    line. Each table's longest text now has room for six or more."""
    page.set_viewport_size({"width": 320, "height": 568})
    page.goto(f"{site_url}glossary.html")
    room = page.locator(".md-typeset table:not([class])").evaluate_all(ROOM_FOR_THE_TEXT)
    assert len(room) > 1
    assert min(room) >= 6, [round(characters, 1) for characters in room]


NUMBERS_PARTED = """blocks => blocks.flatMap(block => {
  const parted = [], walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const top = (node, at) => {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect().top;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const found of node.data.matchAll(/\\d\\s\\S/gu)) {
      if (top(node, found.index) !== top(node, found.index + 2)) { parted.push(found[0]); }
    }
  }
  return parted;
})"""
"""Each number in ``blocks`` that ends a line whose next line starts with its unit."""


def test_the_home_page_lists_each_module_once_with_its_figures(
    page: Page, site_url: str, course: Course
) -> None:
    """The home page showed a table of the modules' figures and, under it, a list of the
    same modules written by hand; on a phone the table's cells broke 15 题 and 305 分钟
    across lines. One list now gives each module's summary and figures, each number held
    to its unit at every width."""
    open_page(page, site_url, ".mot-dashboard")
    outline = page.locator("#path ~ ol").first
    expected = [
        f"{module.meta.title}：{module.meta.summary} {len(module.meta.objectives)} 个学习目标 · "
        f"{module.meta.minutes} 分钟 · 测验 {len(module.quiz.questions)} 题"
        for module in course.modules
    ]
    expect(outline.locator("> li")).to_have_text(expected)
    links = outline.locator("> li > a")
    expect(links).to_have_text([module.meta.title for module in course.modules])
    total = outline.locator("xpath=following-sibling::p[1]")
    minutes = sum(module.meta.minutes for module in course.modules)
    expect(total).to_have_text(re.compile(f"^合计：.*{minutes}\\s分钟"))
    for width in (390, 360, 320):
        page.set_viewport_size({"width": width, "height": 800})
        assert outline.or_(total).evaluate_all(NUMBERS_PARTED) == [], width


def test_the_top_of_a_module_page_leads_to_its_quiz(
    learner: Page, site_url: str, course: Course
) -> None:
    """A learner back for the quiz: 测验：N 题 among the module's facts leads to it (a
    module's page is many screens of a phone, whose contents are in the drawer), and the
    next Tab is in its first question."""
    page, module = learner, course.modules[2]
    open_module(page, site_url, module)
    facts = page.locator(".mot-module-facts").first
    facts.get_by_role("link", name=f"测验：{len(module.quiz.questions)} 题").click()
    heading = page.locator("#quiz")
    expect(heading).to_be_focused()
    expect_in_view_below_header(page, heading)
    page.keyboard.press("Tab")
    expect(form_of(page, module.quiz.questions[0]).locator(":focus")).to_have_count(1)


@pytest.mark.parametrize("size", [(667, 375), (390, 844), (1280, 800)], ids=str)
def test_material_s_back_to_top_button_covers_nothing_the_runtime_scrolls_to(
    page: Page, site_url: str, course: Course, size: tuple[int, int]
) -> None:
    """Material shows its 回到页面顶部 button below the header when the learner scrolls up;
    the runtime brings what it focuses (a dialogue reply's feedback, a question from the
    results panel) to the page's scroll padding, 5rem down, and on a phone held on its side
    the button lay over the learner's reply and the top of its feedback."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_module(page, site_url, course.modules[1])
    button = page.locator(".md-top")
    button.evaluate("button => button.removeAttribute('hidden')")
    box = button.bounding_box()
    assert box is not None
    padding = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)"
    )
    assert box["y"] + box["height"] <= padding


def test_the_mistakes_book_loads_only_the_banks_it_needs(
    learner: Page, site_url: str, course: Course
) -> None:
    page, module = learner, course.modules[1]
    open_module(page, site_url, module)
    answer(page, module, 0, right=False)
    requests = record_requests(page)
    open_page(page, f"{site_url}mistakes.html", ".mot-mistakes")
    shown = page.locator(".mot-mistakes .mot-question:visible")
    assert shown.evaluate_all("fs => fs.map(f => f.dataset.questionId)") == [
        module.quiz.questions[0].id
    ]
    assert [url for url in requests if "/banks/" in url] == [
        f"{site_url}{bank_file(module.page.name)}"
    ]
    assert page.locator(".mot-mistakes .mot-question").count() == 1, "only the mistakes"
