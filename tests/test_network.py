"""The real course on a slow or dropped network, with site data blocked, and through the
back button.

A quiz seen before its script has arrived must not send the form and reload the page; a
part whose script never arrives says so instead of showing progress it has not read; a
browser that keeps no site data still runs the theme's search and colour toggle; and a page
left by a full page load is kept for the back button.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page, Route, expect

from generator.export.pdf import CHROMIUM_FLAGS
from generator.load import load_course
from generator.models import Course, FillIn, Module, SingleChoice
from generator.project import Project
from tests.browsing import (
    LOGIN_PAGE_RUN,
    choose_dark,
    every_question,
    fail,
    give_answer,
    past_the_input,
    search,
    wait_for,
)
from tests.conftest import PROJECT, chromium_executable, new_window, own_browser
from tests.test_journeys_exam import exam_dialogues, exam_paper_of

pytestmark = pytest.mark.browser

NOT_LOADED = "请检查网络，然后刷新这一页"
BLOCKED_SITE_DATA = """for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, { get() {
    throw new DOMException("The operation is insecure.", "SecurityError");
  } });
}"""
"""What a browser set to keep no data for the site does: reading either storage throws."""


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(Project(PROJECT))


def module_with_fill_in(course: Course) -> tuple[Module, FillIn]:
    return next(
        (module, question)
        for module in course.modules
        for question in module.quiz.questions
        if isinstance(question, FillIn)
    )


def test_a_quiz_shown_before_its_script_arrives_cannot_be_sent(
    page: Page, site_url: str, course: Course
) -> None:
    """On a slow network the questions show before mot-questions.js has arrived. Pressing
    Enter in a blank (or 提交答案) then sent the form: the page reloaded with the answer in
    its address, and nothing was graded or saved. Now the question waits, disabled."""
    module, question = module_with_fill_in(course)
    held: list[Route] = []
    page.route("**/assets/mot-questions.js", lambda route: held.append(route))
    address = f"{site_url}{module.page.name}.html"
    page.goto(address, wait_until="domcontentloaded")  # the held script holds the load event
    form = page.locator(f'form[data-question-id="{question.id}"]')
    submit = form.locator(".mot-submit")
    blank = form.locator('input[type="text"]').first
    expect(blank).to_be_visible()
    expect(blank).to_be_disabled()
    expect(submit).to_be_disabled()
    expect(page.locator(".mot-module-status").first).to_be_hidden()  # not 未开始 before it is read
    # the core asks for the script once the page is parsed
    wait_for(page, lambda: bool(held), "the question code was asked for")
    for route in held:
        route.continue_()
    expect(submit).to_be_enabled()
    expect(page.locator(".mot-module-status").first).to_be_visible()
    blank.fill(question.blanks[0].accept[0])
    blank.press("Enter")
    expect(form).to_have_attribute(
        "data-result", "correct" if len(question.blanks) == 1 else "incorrect"
    )
    assert page.url == address


def test_a_grading_script_on_its_way_holds_up_no_other_page(
    page: Page, site_url: str, course: Course
) -> None:
    """On plain http the JavaScript SHA-256 loads at the first grading. The learner sent an
    answer and went home at once (instant navigation): the home page's dashboard waited
    for the hashing script, as scripts asked for in order run in that order."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    held: list[Route] = []
    page.route("**/assets/mot-sha256.js", lambda route: held.append(route))
    module = course.modules[0]
    page.goto(f"{site_url}{module.page.name}.html")
    question = module.quiz.questions[0]
    form = page.locator(f'form[data-question-id="{question.id}"]')
    give_answer(form, question, right=True)
    form.locator(".mot-submit").click()
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-header__button.md-logo").click()
    row = page.locator(f'.mot-dashboard[data-ready] tr[data-module="{module.page.name}"]')
    status = row.locator("[data-status]")
    expect(status).to_have_text("未开始")
    wait_for(page, lambda: bool(held), "grading asked for the hashing script")
    held[0].continue_()
    expect(status).to_contain_text("进行中")  # the answer saved once graded
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"


def test_an_answer_waiting_to_be_graded_cannot_change(
    page: Page, site_url: str, course: Course
) -> None:
    """On plain http the first grading waits for the JavaScript SHA-256. A learner who saw
    nothing happen changed the answer and sent it again: the page showed the new answer
    marked with the first one's verdict, and saved the new answer as wrong. The question
    now takes no change until it is graded, and says it is grading."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    held: list[Route] = []
    page.route("**/assets/mot-sha256.js", lambda route: held.append(route))
    module = course.modules[0]
    question = module.quiz.questions[0]
    assert isinstance(question, SingleChoice)
    page.goto(f"{site_url}{module.page.name}.html")
    form = page.locator(f'form[data-question-id="{question.id}"]')
    give_answer(form, question, right=False)
    form.locator(".mot-submit").click()
    expect(form).to_have_attribute("aria-busy", "true")
    expect(form.locator(".mot-status")).to_match_aria_snapshot("- status: 正在判分……")
    right = next(option.text for option in question.options if option.correct)
    expect(form.get_by_label(right, exact=True)).to_be_disabled()
    form.get_by_label(right, exact=True).click(force=True)  # the learner tries another answer
    wait_for(page, lambda: bool(held), "grading asked for the hashing script")
    held[0].continue_()
    expect(form).to_have_attribute("data-result", "incorrect")
    expect(form.get_by_label(right, exact=True)).not_to_be_checked()
    expect(form).not_to_have_attribute("aria-busy", "true")


def test_a_blank_sent_by_enter_keeps_the_focus_when_grading_cannot_run(
    page: Page, site_url: str, course: Course
) -> None:
    """A question being graded is disabled, and the blank the learner pressed Enter in lost
    the focus with it: when the grading could not run (the hashing script did not load),
    the focus was left on the page, and the next Tab started from its top."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    page.route("**/assets/mot-sha256.js", lambda route: route.abort())
    module, question = module_with_fill_in(course)
    page.goto(f"{site_url}{module.page.name}.html")
    form = page.locator(f'form[data-question-id="{question.id}"]')
    blanks = form.locator('input[type="text"]')
    for blank in blanks.all():
        blank.fill("不知道")
    blanks.last.press("Enter")
    expect(form.locator(".mot-status")).to_contain_text("这道题没能判分")
    expect(blanks.last).to_be_focused()
    expect(blanks.last).to_be_enabled()


@pytest.mark.parametrize(
    ("address", "script", "part"),
    [
        ("01-significance.html", "mot-questions.js", ".mot-quiz"),
        ("exam.html", "mot-exam.js", ".mot-exam"),
        ("index.html", "mot-dashboard.js", ".mot-dashboard"),
        ("exam_certificate.html", "mot-certificate.js", ".mot-certificate-page"),
    ],
)
@pytest.mark.parametrize("how", ["no network", "login page"])
def test_a_part_whose_script_does_not_load_says_so(
    browser: Browser, site_url: str, address: str, script: str, part: str, how: str
) -> None:
    """The network dropped after the page arrived: the quiz looked ready and reloaded the
    page when sent, 开始考试 looked enabled and did nothing, and the dashboard said 未开始
    for every module of a learner half-way through. A login page served in the script's
    place "loaded": the quiz stayed greyed out without a word. The notice says what any part
    lacks: the certificate's had said 现在还不能作答, where nothing is answered."""
    login_page = re.compile(re.escape(LOGIN_PAGE_RUN)) if how == "login page" else None
    with own_browser(browser, tolerated=login_page) as context:
        page = new_window(context)
        page.route(f"**/assets/{script}", fail(how))
        page.goto(f"{site_url}{address}")
        notice = page.locator(f"{part} .mot-not-loaded")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(NOT_LOADED)
        expect(notice).not_to_contain_text("作答")
        expect(notice).to_have_attribute("role", "alert")
        disabled = [b for b in page.locator(f"{part} .md-button[disabled]").all() if b.is_visible()]
        assert all(float(b.evaluate("b => getComputedStyle(b).opacity")) < 1 for b in disabled)
        assert bool(disabled) == (part in (".mot-quiz", ".mot-exam")), "buttons shown, disabled"
        if part == ".mot-exam":
            expect(page.get_by_role("button", name="开始考试")).to_be_disabled()
        if part == ".mot-quiz":
            expect(page.locator(".mot-quiz .mot-submit").first).to_be_disabled()
        if part == ".mot-dashboard":
            expect(page.locator(".mot-dashboard [data-status]").first).to_be_hidden()
            expect(page.locator(".mot-dashboard [data-mistakes]")).to_be_hidden()
        if part == ".mot-certificate-page":
            expect(page.locator(".mot-cert-form")).to_have_count(1)
            expect(page.locator(".mot-cert-form")).to_be_hidden()  # no name box, no 生成证书


@pytest.mark.parametrize(
    ("address", "part", "later"),
    [
        ("01-significance.html", ".mot-quiz", "02-principles"),
        ("exam.html", ".mot-exam", "exam"),
        ("mistakes.html", ".mot-mistakes", "mistakes"),
    ],
)
@pytest.mark.parametrize("how", ["no network", "login page"])
def test_a_question_script_lost_once_leaves_the_next_pages_working(
    browser: Browser, site_url: str, address: str, part: str, later: str, how: str
) -> None:
    """mot-questions.js lost on the first page, the part's own script arrived and kept the
    engine it found as it ran: none. The network back, every later quiz, exam and 错题本
    reached by instant navigation stayed greyed out, with no notice, until a reload. The
    next page now fetches the questions again, and the part sets up with them."""
    login_page = re.compile(re.escape(LOGIN_PAGE_RUN)) if how == "login page" else None
    with own_browser(browser, tolerated=login_page) as context:
        page = new_window(context)
        page.route("**/assets/mot-questions.js", fail(how))
        page.goto(f"{site_url}{address}")
        expect(page.locator(f"{part} .mot-not-loaded")).to_be_visible()
        page.unroute("**/assets/mot-questions.js")  # the network is back
        page.evaluate("window.__sameDocument = true")
        page.locator(".md-header__button.md-logo").click()
        expect(page.locator(".mot-dashboard[data-ready]")).to_have_count(1)
        page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{later}.html"]').first.click()
        expect(page.locator(f"{part}[data-ready]")).to_have_count(1)
        expect(page.locator(".mot-not-loaded")).to_have_count(0)
        if part == ".mot-quiz":
            expect(page.locator(".mot-quiz .mot-submit").first).to_be_enabled()
        if part == ".mot-exam":
            expect(page.get_by_role("button", name="开始考试")).to_be_enabled()
        assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"


def test_a_part_that_cannot_set_up_says_so(browser: Browser, site_url: str) -> None:
    """An empty file served in place of mot-questions.js "loads" and runs: the quiz found no
    engine as it set up, and stayed greyed out without a word."""
    empty = re.compile("reading 'bind'")  # the quiz's error, still reported
    with own_browser(browser, tolerated=empty) as context:
        page = new_window(context)
        page.route(
            "**/assets/mot-questions.js",
            lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
        )
        page.goto(f"{site_url}01-significance.html")
        notice = page.locator(".mot-quiz .mot-not-loaded")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text(NOT_LOADED)
        expect(notice).to_have_attribute("role", "alert")


def test_blocked_site_data_breaks_neither_search_nor_the_colour_toggle(
    page: Page, site_url: str
) -> None:
    """Material reads localStorage outside any try: with site data blocked the error
    stopped its search ("正在初始化搜索引擎" for ever) and removed the colour toggle."""
    page.add_init_script(BLOCKED_SITE_DATA)
    page.goto(f"{site_url}01-significance.html")
    expect(page.locator(".mot-storage-warning")).to_contain_text("进度不会保存")
    choose_dark(page)
    search(page, "聆听")


@pytest.fixture
def back_forward_browser(browser: Browser) -> Iterator[Browser]:
    """Chromium with its back-forward cache, which Playwright turns off by default."""
    launched = browser.browser_type.launch(
        executable_path=chromium_executable(),
        args=CHROMIUM_FLAGS,
        headless=True,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    yield launched
    launched.close()


HEAR_THE_WORKER_ASK = """if (location.pathname.endsWith("/02-principles.html")) {
  new BroadcastChannel("mot-search:/").onmessage = event => {
    if (event.data === "ask") { window.__workerAsked = true; }
  };
}"""
"""Notes the search worker's asking whether search is open, the message that would drop the
page left behind from the cache if it heard it; on the second page only, as a channel left
open on the first would."""


def test_the_back_button_finds_the_page_it_left(
    back_forward_browser: Browser, site_url: str
) -> None:
    """Every page's search worker asks on a channel whether search is open; the page left
    behind heard the next page's worker ask, and the browser dropped it from its back-forward
    cache: going back after a full page load (a reload, a link out of the site) ran the
    page again."""
    page = back_forward_browser.new_page()
    page.add_init_script(HEAR_THE_WORKER_ASK)
    page.goto(f"{site_url}01-significance.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    page.evaluate("window.__left = true")
    page.goto(f"{site_url}02-principles.html")  # a full page load, not instant navigation
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    page.wait_for_function("window.__workerAsked === true")  # the search worker has asked
    page.go_back(wait_until="commit")  # a page from the cache fires no load event
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__left === true"), "the page was loaded again"


NOT_GRADED = "这道题没能判分：判分要用的文件没有加载（可能是网络断了）。请检查网络，然后再交卷。"
QUIET_TYPES = ("single", "multiple", "true_false", "fill_in")
"""Question types whose answering leaves the status line alone."""


def test_an_exam_that_cannot_be_graded_takes_the_learner_to_its_first_question(
    page: Page, site_url: str, course: Course
) -> None:
    """On plain http the JavaScript SHA-256 loads at 交卷. When it does not, 交卷 seemed to do
    nothing: the line that said why was on a question far below, and asked to 提交 again.
    The questions fail in no set order (a fill-in loads its fold table first): the focus
    went to whichever failed first, question 4 of the real course's paper. The paper starts
    with a dialogue, which an unanswered one hashes too, to mark its better reply."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    page.route("**/mot-sha256.js", lambda route: route.abort())
    exam_paper_of(page, site_url, exam_dialogues(course)[:1])
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="交卷").click()
    first = page.locator(".mot-exam-paper .mot-question").first
    expect(first).to_have_attribute("data-question-type", "scenario")
    status = first.locator(".mot-status")
    expect(status).to_be_focused()
    expect(status).to_have_text(NOT_GRADED)
    expect(status).to_have_accessible_name(NOT_GRADED)  # a status is named by its author only
    # every question has failed: none is being graded, and each failure has moved the focus
    expect(page.locator(".mot-exam-paper .mot-question[aria-busy]")).to_have_count(0)
    expect(status).to_be_focused()
    expect(page.locator(".mot-exam")).to_have_attribute("data-exam-state", "in-progress")
    questions = every_question(course)
    # answered by a choice or a typed answer: a move of an ordering says so in the same line
    quiet = ", ".join(f'[data-question-type="{kind}"]' for kind in QUIET_TYPES)
    answered = page.locator(f".mot-exam-paper .mot-question:is({quiet})").first
    answered_status = answered.locator(".mot-status")
    expect(answered_status).to_have_text(NOT_GRADED)
    give_answer(answered, questions[str(answered.get_attribute("data-question-id"))], right=True)
    expect(answered_status).to_have_text("")  # the line was about the answer before


def test_a_paper_being_graded_is_not_handed_in_twice(page: Page, site_url: str) -> None:
    """On plain http the hand-in waits for the JavaScript SHA-256, and the page showed no
    change: 交卷 pressed again asked again, and the paper was handed in twice."""
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', { value: undefined })")
    held: list[Route] = []
    page.route("**/mot-sha256.js", lambda route: held.append(route))
    asked: list[str] = []

    def accept(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.goto(f"{site_url}exam.html")
    page.get_by_role("button", name="开始考试").click()
    hand_in_button = page.get_by_role("button", name="交卷")
    hand_in_button.click()
    expect(page.locator(".mot-exam-paper .mot-question[aria-busy]").first).to_be_attached()
    hand_in_button.click()
    past_the_input(page)  # a second confirmation would be asked by now
    assert len(asked) == 1
    for route in held:
        route.continue_()
    expect(page.locator(".mot-exam")).to_have_attribute("data-exam-state", "finished")


NO_RUNTIME = "请允许这个网站运行脚本、检查网络（从文件夹打开的，请改用网址打开），然后刷新这一页"
PARTS = [
    ("01-significance.html", ".mot-quiz"),
    ("exam.html", ".mot-exam"),
    ("index.html", ".mot-dashboard"),
]


def test_a_part_whose_runtime_never_runs_says_so(browser: Browser, site_url: str) -> None:
    """With JavaScript off the questions stayed greyed out, 开始考试 did nothing and the
    dashboard was blank, with no word why. (The pages are opened side by side: each notice
    waits six seconds.)"""
    with own_browser(browser, java_script_enabled=False) as context:
        notices = []
        for address, part in PARTS:
            page = new_window(context)
            page.goto(f"{site_url}{address}")
            notices.append(page.locator(f"{part} .mot-no-runtime"))
        for notice in notices:
            expect(notice).to_be_visible(timeout=10_000)
            expect(notice).to_contain_text(NO_RUNTIME)


def test_the_site_opened_from_a_folder_says_why_its_quiz_does_not_start(
    browser: Browser, built_site: Path, course: Course
) -> None:
    """The built site opened from a folder (a double-click on site/index.html): Material
    never starts the page there, and the notice blamed the browser or the network."""
    module = built_site / f"{course.modules[0].page.name}.html"
    with own_browser(browser) as context:
        page = context.new_page()
        page.goto(module.as_uri())
        notice = page.locator(".mot-quiz .mot-no-runtime")
        expect(notice).to_be_visible(timeout=10_000)
        expect(notice).to_contain_text("直接从电脑的文件夹里打开")
        expect(notice).to_contain_text(NO_RUNTIME)


def test_the_runtime_notice_waits_for_a_slow_core_and_goes_as_it_runs(
    page: Page, site_url: str, course: Course
) -> None:
    """A page that is about to work shows no notice; one whose core is lost says so after a
    few seconds; the core removes the notice as soon as it arrives."""
    held: list[Route] = []
    page.route("**/assets/mot-core.js", lambda route: held.append(route))
    page.goto(f"{site_url}{course.modules[0].page.name}.html", wait_until="commit")
    notice = page.locator(".mot-quiz .mot-no-runtime")
    expect(notice).to_be_attached()
    expect(notice).to_be_hidden()
    assert notice.evaluate("note => note.getBoundingClientRect().height") == 0, "it takes room"
    expect(notice).to_be_visible(timeout=10_000)
    assert held, "the core was asked for"
    for route in held:
        route.continue_()
    expect(notice).to_have_count(0)
    expect(page.locator(".mot-quiz .mot-submit").first).to_be_enabled()
