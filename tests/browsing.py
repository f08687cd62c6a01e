"""Steps the browser tests of the exports share: answer a question, search, watch requests."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Dialog, FrameLocator, Locator, Page, Route, expect

from generator.digests import opaque_key
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
    TrueFalse,
)

AXE = Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"]

Surface = Page | FrameLocator
"""A top-level page or a page inside a frame (the SCORM package in its LMS)."""
LOGIN_PAGE = "<!doctype html><html><body>请先登录 Wi-Fi</body></html>"
"""What a Wi-Fi login page (or a proxy's error page) sends in place of any file asked for."""
LOGIN_PAGE_RUN = "Unexpected token '<'"
"""The error a login page served as a script throws when the browser runs it."""
STORAGE_KEY = "mot-course:/:progress"
"""Where a course served at the root of its address keeps the learner's progress."""
SEED_PAGE = "mot-test-seed.html"
"""A page of the site's address, served by the test itself, that runs none of the course."""


SHOWN_ORDERS = """() => Object.fromEntries([...document.querySelectorAll('.mot-quiz .mot-question')]
  .map(form => [form.dataset.questionId,
    [...form.querySelectorAll('.mot-options > .mot-option > input, .mot-turn input')]
      .map(i => i.name + '=' + i.value)
      .concat([...(form.querySelector('.mot-match-select') || {options: []}).options]
        .map(o => o.value))])
)"""
"""Per question, the values of its options, replies and matching choices in page order."""


def every_question(course: Course) -> dict[str, Question]:
    """Every question of the course, module quizzes' and exam pools', by its id."""
    return {q.id: q for module in course.modules for q in module.quiz.every_question}


def window_beside(page: Page) -> Page:
    """A tab of ``page``'s browser context in a window of its own. Headless Chromium runs a
    tab behind another in its window at a frame a second, so that tab heard of the other's
    saves a second late; two windows side by side, as a learner may have, run both at once."""
    assert page.context.browser is not None
    session = page.context.browser.new_browser_cdp_session()
    mark = f"mot-window-{id(page)}"
    page.evaluate("mark => { document.title = mark; }", mark)
    targets = session.send("Target.getTargets")["targetInfos"]
    context_id = next(t["browserContextId"] for t in targets if t["title"] == mark)
    with page.context.expect_page() as opened:
        new_window = {"url": "about:blank", "newWindow": True, "browserContextId": context_id}
        session.send("Target.createTarget", new_window)
    session.detach()
    return opened.value


def fail(how: str) -> Callable[[Route], None]:
    """A route handler that loses a file: ``no network``, or a ``login page`` served in its
    place (with 200 OK, so that a script "loads", and throws when it runs)."""
    if how == "no network":
        return lambda route: route.abort()
    return lambda route: route.fulfill(status=200, content_type="text/html", body=LOGIN_PAGE)


def answer(surface: Surface, module: Module, index: int = 0, right: bool = True) -> Locator:
    """Answer question ``index`` of ``module`` right or wrong by clicking; returns its form."""
    question = module.quiz.questions[index]
    form = answer_form(surface.locator(f'form[data-question-id="{question.id}"]'), question, right)
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")
    return form


# Answering each type, right or wrong, with the mouse ------------------------------------


def chosen_keys(q: Question, right: bool) -> list[str]:
    """The options a right (or a wrong) answer ticks: every right one, or the first wrong one."""
    if isinstance(q, TrueFalse):
        return ["true" if q.answer == right else "false"]
    assert isinstance(q, SingleChoice | MultipleChoice)
    keys = [opaque_key(q.id, option.text) for option in q.options if option.correct == right]
    return keys if right else keys[:1]


def choose_options(form: Locator, q: Question, right: bool) -> None:
    for key in chosen_keys(q, right):
        form.locator(f'label[for="{q.id}-{key}"]').click()


def put_in_order(form: Locator, keys: list[str]) -> None:
    """Move the items into the order ``keys``; at least one move, as a learner makes."""
    moves = 0
    for place, key in enumerate(keys):
        items = form.locator(".mot-order-item")
        current = [items.nth(i).get_attribute("data-key") for i in range(items.count())]
        for _ in range(current.index(key) - place):
            form.locator(f'.mot-order-item[data-key="{key}"] [data-move="-1"]').click()
            moves += 1
    if not moves:
        form.locator(f'.mot-order-item[data-key="{keys[0]}"] [data-move="1"]').click()
        form.locator(f'.mot-order-item[data-key="{keys[0]}"] [data-move="-1"]').click()


def ordering_keys(q: Ordering, right: bool) -> list[str]:
    keys = [opaque_key(q.id, item) for item in q.items]
    return keys if right else keys[1:] + keys[:1]


def matching_keys(q: Matching, right: bool) -> list[str]:
    keys = [opaque_key(q.id, pair.match) for pair in q.pairs]
    return keys if right else keys[::-1]


def fill_answers(q: FillIn, right: bool) -> list[str]:
    return [blank.accept[-1] if right else "不知道" for blank in q.blanks]


def give_answer(form: Locator, q: Question, right: bool) -> None:
    """Put a right or wrong answer to ``q`` into its ``form`` with the mouse, not submitted
    (a dialogue is played to its end, turn by turn)."""
    if isinstance(q, Ordering):
        put_in_order(form, ordering_keys(q, right))
    elif isinstance(q, Matching):
        for row, key in enumerate(matching_keys(q, right), 1):
            form.locator(f'select[id="{q.id}-{row}"]').select_option(key)
    elif isinstance(q, FillIn):
        for number, text in enumerate(fill_answers(q, right), 1):
            form.locator(f'input[id="{q.id}-{number}"]').fill(text)
    elif isinstance(q, Scenario):
        reply_through(form, q, right)
    else:
        choose_options(form, q, right)


def answer_form(form: Locator, q: Question, right: bool) -> Locator:
    """Answer ``q`` in its ``form`` right or wrong, with the mouse, and submit; returns the form."""
    give_answer(form, q, right)
    if not isinstance(q, Scenario):
        form.locator(".mot-submit").click()
    return form


def answer_exam(
    page: Page, surface: Surface, questions: dict[str, Question], right: bool, wrong_first: int = 0
) -> list[str]:
    """Answer every question drawn on the exam paper and hand in (accepting the confirmation).

    ``questions`` maps every question id of the course to its question; the first
    ``wrong_first`` questions shown are answered wrong whatever ``right`` says. Returns the
    ids drawn, in the order shown.
    """
    paper = surface.locator(".mot-exam-paper .mot-question")
    expect(paper.first).to_be_visible()
    drawn: list[str] = paper.evaluate_all("forms => forms.map(form => form.dataset.questionId)")
    for index, question_id in enumerate(drawn):
        form = surface.locator(f'.mot-exam-paper form[data-question-id="{question_id}"]')
        give_answer(form, questions[question_id], right and index >= wrong_first)
    hand_in(page, surface)
    return drawn


def hand_in(page: Page, surface: Surface, double_click: bool = False) -> str:
    """Press 交卷 (or click it twice, as some learners click every button) and accept the
    confirmation, which must be asked once; returns what it said, a no-break space (which
    keeps a number beside its word) read as a space."""
    said: list[str] = []

    def accept(dialog: Dialog) -> None:
        said.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    button = surface.get_by_role("button", name="交卷")
    if double_click:
        button.dblclick()
    else:
        button.click()
    expect(surface.locator(".mot-exam")).to_have_attribute("data-exam-state", "finished")
    past_the_input(page)  # a second confirmation would be asked by now
    page.remove_listener("dialog", accept)
    assert len(said) == 1, f"asked once, not {said}"
    return said[0].replace("\xa0", " ")


def past_the_input(page: Page) -> None:
    """Wait until ``page`` has run a task after the input just given. The runtime handles a
    click at once, and a ``window.confirm`` it asks holds the page until the test's dialog
    handler has answered it: by then any confirmation the click asked has been heard."""
    page.evaluate("() => new Promise(done => setTimeout(done))")


FOLLOWING_SAVES = """window.__known = [];
const storeKnown = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  window.__known.push(value);
  return storeKnown.call(this, key, value);
};
const afterHandlers = new MessageChannel();
afterHandlers.port1.onmessage = message => window.__known.push(message.data);
addEventListener("storage", event => afterHandlers.port2.postMessage(event.newValue));"""
"""Keeps in ``__known`` each value a tab stores, and each one another tab stored that it
heard of, a task after its storage handlers (the runtime's follow a save there). A message
rather than a timer: a tab behind another runs its timers once a second."""


def caught_up(tab: Page) -> None:
    """Wait until ``tab`` (set up with FOLLOWING_SAVES) has handled the progress record as
    stored now, saved by itself or heard of, and every grading this started has ended."""
    tab.wait_for_function(
        "key => window.__known.includes(localStorage.getItem(key))"
        " && !document.querySelector('[aria-busy]')",
        arg=STORAGE_KEY,
        polling=50,  # a tab behind another draws a frame a second
    )


def expect_hand_in_over(surface: Surface) -> None:
    """The 交卷 pressed on ``surface`` has run its course: past its wait for the storage to
    settle, and past its grading if it went on to one (a hand-in is stored as that ends)."""
    expect(surface.locator(".mot-exam[data-handing-in]")).to_have_count(0)
    expect(surface.locator(".mot-exam .mot-question[aria-busy]")).to_have_count(0)


def hand_in_left_open(page: Page, elsewhere: Page) -> Dialog:
    """Press 交卷 in ``page`` and leave its confirmation open, as a learner who switches
    tabs does: ``page`` stands still until it is answered, while ``elsewhere`` goes on."""
    waiting: list[Dialog] = []
    page.on("dialog", lambda dialog: waiting.append(dialog))
    page.evaluate("setTimeout(() => document.querySelector('.mot-exam-hand-in').click())")
    wait_for(elsewhere, lambda: bool(waiting), "the confirmation opened")
    assert len(waiting) == 1, "one confirmation opened"
    return waiting[0]


def wait_for(page: Page, done: Callable[[], bool], what: str) -> None:
    """Wait up to 5 s for ``done``, a test of what Playwright's handlers have collected
    (a held request, an opened dialog). They run only while the test waits on the browser:
    an element the request follows can be there before the handler has run."""
    for _ in range(50):
        if done():
            return
        page.wait_for_timeout(100)
    assert done(), what


def dialogue_path(q: Scenario, right: bool, along_best: bool = False) -> list[tuple[str, str, str]]:
    """(turn id, reply key, next turn id or "end") for each turn when every reply is right
    (or every reply is wrong). ``along_best``: as the exam shows the dialogue, where every
    reply leads where the turn's best reply does."""
    path = []
    turn_index = 0
    while True:
        turn = q.turns[turn_index]
        reply = next(reply for reply in turn.replies if reply.correct == right)
        leading = next(reply for reply in turn.replies if reply.correct) if along_best else reply
        following = q.next_turn(turn_index, leading)
        path.append((turn.id, opaque_key(q.id, reply.text), following))
        if following == "end":
            return path
        turn_index = next(i for i, t in enumerate(q.turns) if t.id == following)


ONE_WAY_ON = """form => [...form.querySelectorAll('.mot-turn')].every(turn =>
  new Set([...turn.querySelectorAll('input')].map(input => input.dataset.next)).size === 1)"""
"""Whether every turn of a dialogue's form leads on to one next turn, whatever the reply."""


def reply_through(form: Locator, q: Scenario, right: bool) -> None:
    """Play the dialogue in ``form`` to its end, as the page shows it: with its branches
    (a module quiz), or along its best replies, where every reply of a turn leads to the
    same next turn (the exam, and an exam-only dialogue in the 错题本)."""
    along_best = form.evaluate(ONE_WAY_ON)
    for turn_id, reply_key, following in dialogue_path(q, right, along_best):
        form.locator(f'label[for="{q.id}-{turn_id}-{reply_key}"]').click()
        form.get_by_role("button", name="回复").click()
        if following != "end":
            expect(form.locator(f'.mot-turn[data-turn="{following}"]')).to_be_visible()


class Confirms:
    """What the page asks with ``window.confirm``, answered Cancel until ``accepting``."""

    def __init__(self, page: Page) -> None:
        self.asked: list[str] = []
        self.accepting = False
        page.on("dialog", self._answer)

    def _answer(self, dialog: Dialog) -> None:
        self.asked.append(dialog.message)
        (dialog.accept if self.accepting else dialog.dismiss)()


def restart_exam_dialogue(page: Page, form: Locator, accept: bool = True) -> str:
    """Press 重来这段对话 in the exam's dialogue ``form`` and answer the question it asks
    first; returns the question."""
    asked: list[str] = []

    def answer(dialog: Dialog) -> None:
        asked.append(dialog.message)
        (dialog.accept if accept else dialog.dismiss)()

    page.once("dialog", answer)
    form.get_by_role("button", name="重来这段对话").click()
    expect(form.get_by_role("button", name="重来这段对话")).to_be_visible(visible=not accept)
    return asked[0]


def type_query(page: Page, term: str) -> None:
    """Type ``term`` into Material's search box (it searches on a key event)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(term)
    box.press("End")


def search(page: Page, term: str) -> Locator:
    """Type ``term`` into Material's search and return the first result once it shows."""
    type_query(page, term)
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result mark").first).to_have_text(term)
    return first


def record_requests(page: Page) -> list[str]:
    """Every URL ``page`` requests from now on (frames and workers included)."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def leaving(urls: list[str], origin: str) -> list[str]:
    """The URLs that go anywhere but ``origin`` (data: and blob: stay in the page)."""
    own = re.compile(rf"^({re.escape(origin)}/|data:|blob:|about:)")
    return [url for url in urls if not own.match(url)]


def axe_violations(page: Page) -> list[str]:
    """axe-core's findings for the page at rest: the pointer is moved off any link first, so
    a hover colour left by the last click is not judged as the link's colour."""
    page.mouse.move(0, 0)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' | ')))",
        AXE_TAGS,
    )
    return list(found)


def contrast_violations(page: Page, element: Locator) -> list[str]:
    """axe-core's colour-contrast findings for ``element`` as it is now (focused, hovered)."""
    page.add_script_tag(path=str(AXE))
    found = element.evaluate(
        "node => axe.run(node, {runOnly: ['color-contrast']})"
        ".then(r => r.violations.flatMap(v => v.nodes.map(n => n.failureSummary)))"
    )
    return list(found)


COLOUR_SWITCH = "form[data-md-component=palette] label:visible"
"""The header's colour switch, as the palette shown has it."""


def choose_dark(page: Page) -> None:
    """Switch the page to dark as a learner does, on a light system: one press."""
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.locator(COLOUR_SWITCH).click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def expect_scheme(page: Page) -> None:
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    expect(page.locator("body")).to_have_attribute(
        "data-md-color-scheme", "slate" if dark else "default"
    )


def press_until(page: Page, key: str, done: Callable[[], bool], limit: int = 12) -> None:
    """Press ``key`` until ``done()`` holds; fail after ``limit`` presses."""
    for _ in range(limit):
        if done():
            return
        page.keyboard.press(key)
    assert done(), f"pressing {key} {limit} times did not get there"


def seed_progress(page: Page, url: str, record: str) -> None:
    """Store ``record`` as the learner's progress before any page of the course runs.

    It is stored from a blank page at the site's address: stored from a course page, that
    page, still open as the next one loads, could save over it (the home page moves the
    answers of questions it cannot find) or reach the next page as another tab's save.
    """
    blank = f"{url}{SEED_PAGE}"
    page.route(
        blank, lambda route: route.fulfill(content_type="text/html", body="<title>-</title>")
    )
    page.goto(blank)
    page.evaluate("([key, record]) => localStorage.setItem(key, record)", [STORAGE_KEY, record])
    page.unroute(blank)


def expect_no_storage_notice(page: Page) -> None:
    """No notice about saving progress is shown; one that is, is named by its text."""
    notices = page.locator(".mot-storage-warning")
    try:
        expect(notices).to_have_count(0)
    except AssertionError:
        raise AssertionError(f"notices shown: {notices.all_inner_texts()}") from None
