"""The real course in headless Chromium: answering, feedback, score, retry, navigation, search.

Answer keys come from the course's own YAML through the generator, never from the page.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Literal

import pytest
from playwright.sync_api import Locator, Page, Route, expect

from generator.digests import opaque_key
from generator.models import (
    Course,
    Matching,
    Module,
    MultipleChoice,
    Question,
    SingleChoice,
    TrueFalse,
)
from generator.project import GENERATED_PAGES
from tests.browsing import (
    answer,
    axe_violations,
    contrast_violations,
    expect_scheme,
    give_answer,
    press_until,
    type_query,
)
from tests.conftest import PROJECT
from tests.journeys import expect_in_view_below_header

pytestmark = pytest.mark.browser


def first_of(module: Module, kind: type) -> Question:
    return next(question for question in module.quiz.questions if isinstance(question, kind))


def right_keys(question: Question) -> list[str]:
    if isinstance(question, TrueFalse):
        return ["true" if question.answer else "false"]
    assert isinstance(question, SingleChoice | MultipleChoice)
    return [opaque_key(question.id, option.text) for option in question.options if option.correct]


def wrong_keys(question: Question) -> list[str]:
    if isinstance(question, TrueFalse):
        return ["false" if question.answer else "true"]
    assert isinstance(question, SingleChoice | MultipleChoice)
    return [next(opaque_key(question.id, o.text) for o in question.options if not o.correct)]


def form_of(page: Page, question: Question) -> Locator:
    return page.locator(f'form[data-question-id="{question.id}"]')


def answer_by_click(page: Page, question: Question, keys: list[str]) -> Locator:
    form = form_of(page, question)
    for key in keys:
        form.locator(f'label[for="{question.id}-{key}"]').click()
    form.get_by_role("button", name="提交答案").click()
    return form


def open_module(page: Page, url: str, module: Module) -> None:
    page.goto(f"{url}{module.page.name}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)


@pytest.fixture
def first_module(course: Course) -> Module:
    return course.modules[0]


@pytest.mark.parametrize("kind", [SingleChoice, MultipleChoice, TrueFalse])
def test_right_answer_by_click(page: Page, site_url: str, first_module: Module, kind: type) -> None:
    open_module(page, site_url, first_module)
    question = first_of(first_module, kind)
    form = form_of(page, question)
    expect(form.locator(".mot-status")).to_have_attribute("role", "status")
    expect(form.locator(".mot-status")).to_have_text("")
    answer_by_click(page, question, right_keys(question))
    expect(form).to_have_attribute("data-result", "correct")
    expect(form.locator(".mot-status")).to_have_text("✓回答正确。")
    expect(form.locator(".mot-explanation")).to_be_visible()
    expect(form.locator(".mot-explanation")).to_contain_text(question.explanation)
    expect(form.locator(".mot-review a")).to_be_visible()
    total = len(first_module.quiz.questions)
    expect(page.locator(".mot-score")).to_have_text(f"已作答 1/{total} 题，答对 1 题")


@pytest.mark.parametrize("kind", [SingleChoice, MultipleChoice, TrueFalse])
def test_wrong_answer_by_click(page: Page, site_url: str, first_module: Module, kind: type) -> None:
    open_module(page, site_url, first_module)
    question = first_of(first_module, kind)
    form = answer_by_click(page, question, wrong_keys(question))
    expect(form).to_have_attribute("data-result", "incorrect")
    expect(form.locator(".mot-status")).to_have_text(
        "✗回答错误。正确答案已经标出，请看下面的讲解。"
    )
    expect(form.locator(".mot-explanation")).to_be_visible()
    if isinstance(question, SingleChoice | MultipleChoice):
        key = wrong_keys(question)[0]
        chosen = next(o for o in question.options if opaque_key(question.id, o.text) == key)
        if chosen.feedback:
            feedback = form.locator(f'.mot-option-feedback[data-option="{key}"]')
            expect(feedback).to_be_visible()
            expect(feedback).to_contain_text(chosen.feedback)
    elif isinstance(question, TrueFalse) and question.feedback.incorrect:
        expect(form.locator(".mot-option-feedback:visible")).to_have_text(
            question.feedback.incorrect
        )
    total = len(first_module.quiz.questions)
    expect(page.locator(".mot-score")).to_have_text(f"已作答 1/{total} 题，答对 0 题")


def test_partial_multiple_choice_is_incorrect(page: Page, site_url: str, course: Course) -> None:
    module, question = next(
        (module, question)
        for module in course.modules
        for question in module.quiz.questions
        if isinstance(question, MultipleChoice) and len(right_keys(question)) > 1
    )
    open_module(page, site_url, module)
    ticked = [right_keys(question)[0], *wrong_keys(question)]
    form = answer_by_click(page, question, ticked)
    expect(form).to_have_attribute("data-result", "incorrect")
    heard = {
        key: form.locator(f'.mot-option-feedback[data-option="{key}"] .mot-sr').inner_text()
        for key in [*right_keys(question), *ticked]
    }
    assert heard == {
        key: ("正确选项" if key in right_keys(question) else "错误选项")
        + ("，你选了：" if key in ticked else "，你没有选：")
        for key in heard
    }, "a screen reader hears each option's feedback with whether it was ticked"


def test_submit_without_choice_asks_for_one(
    page: Page, site_url: str, first_module: Module
) -> None:
    open_module(page, site_url, first_module)
    question = first_module.quiz.questions[0]
    form = form_of(page, question)
    form.get_by_role("button", name="提交答案").click()
    expect(form.locator(".mot-status")).to_have_text("请先选择答案，再提交。")
    expect(form).not_to_have_attribute("data-result", re.compile(".*"))


ROOM_UNDER_BUTTONS = """forms => forms.map(form => {
  const style = getComputedStyle(form);
  const inside = form.getBoundingClientRect().bottom - parseFloat(style.paddingBottom)
    - parseFloat(style.borderBottomWidth);
  const buttons = form.querySelector('.mot-actions').getBoundingClientRect().bottom;
  return [form.dataset.questionId, Math.round(inside - buttons)];
})"""
"""Each question and the room between the bottom of its buttons and the inside of its card."""


def test_an_unanswered_question_ends_at_its_buttons(
    learner: Page, site_url: str, course: Course
) -> None:
    """The empty status line kept its margin and a line for the verdict: a blank band
    36 px high under 提交答案 on every question not yet answered. It stays in the page, a
    live region, and the verdict, once there, stands under the buttons."""
    banded = []
    for module in course.modules:
        open_module(learner, site_url, module)
        banded += [
            (module.page.name, question, room)
            for question, room in learner.locator(".mot-question").evaluate_all(ROOM_UNDER_BUTTONS)
            if room > 0
        ]
    assert banded == []
    form = answer(learner, course.modules[-1], 0, right=False)
    status = form.locator(".mot-status")
    expect(status).to_have_attribute("role", "status")
    gap = status.evaluate(
        "s => s.getBoundingClientRect().top"
        " - s.previousElementSibling.getBoundingClientRect().bottom"
    )
    assert gap > 0 and status.evaluate("s => s.getBoundingClientRect().height") > 0


@pytest.mark.parametrize(
    ("width", "height"), [(320, 256), (390, 844), (1280, 800)], ids=["zoom-400", "phone", "desktop"]
)
def test_the_feedback_shows_from_its_verdict_on(
    page: Page, site_url: str, course: Course, width: int, height: int
) -> None:
    """Every question of module 3 answered wrong: the feedback takes the focus with the
    verdict over it (the status line) on screen, below the header. At 400% zoom (320 x
    256) the browser centred a feedback taller than the window, its verdict above the
    screen, on 7 of 15 questions."""
    page.set_viewport_size({"width": width, "height": height})
    module = course.modules[2]
    open_module(page, site_url, module)
    for index in range(len(module.quiz.questions)):
        form = answer(page, module, index, right=False)
        expect(form.locator(".mot-feedback")).to_be_focused()
        page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => done(true)))")
        header = page.locator(".md-header").evaluate("e => e.getBoundingClientRect().bottom")
        verdict = form.locator(".mot-status")  # the verdict, over the feedback
        box = verdict.evaluate("e => e.getBoundingClientRect()")
        assert header <= box["top"] and box["bottom"] < height, (form.get_attribute("id"), box)


@pytest.mark.parametrize("correct", [True, False], ids=["right", "wrong"])
def test_single_choice_by_keyboard_alone(
    page: Page, site_url: str, first_module: Module, correct: bool
) -> None:
    open_module(page, site_url, first_module)
    question = first_of(first_module, SingleChoice)
    form = form_of(page, question)
    target = (right_keys if correct else wrong_keys)(question)[0]
    form.locator("input").first.focus()
    page.keyboard.press("Space")
    press_until(
        page, "ArrowDown", lambda: form.locator(f'input[value="{target}"]').is_checked(), limit=10
    )
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="提交答案")).to_be_focused()
    page.keyboard.press("Enter")
    expect(form).to_have_attribute("data-result", "correct" if correct else "incorrect")
    expect(form.locator(".mot-feedback")).to_be_focused()


def test_multiple_choice_by_keyboard_alone(page: Page, site_url: str, first_module: Module) -> None:
    open_module(page, site_url, first_module)
    question = first_of(first_module, MultipleChoice)
    assert isinstance(question, MultipleChoice)
    form = form_of(page, question)
    shown = form.locator("input").evaluate_all("inputs => inputs.map(i => i.value)")  # shuffled
    right = set(right_keys(question))
    form.locator("input").first.focus()
    for index, key in enumerate(shown):
        if key in right:
            page.keyboard.press("Space")
        if index < len(shown) - 1:
            page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(form).to_have_attribute("data-result", "correct")


def test_a_tap_anywhere_on_an_option_row_picks_it_on_a_phone(
    page: Page, site_url: str, first_module: Module
) -> None:
    """On a phone an option's words alone were a 30 px target, the gap beside the box and the
    row's edges dead: every row is 44 px at least, and a tap on its far edge picks it."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_module(page, site_url, first_module)
    rows = page.locator(".mot-quiz .mot-options .mot-option")
    heights = rows.evaluate_all("rows => rows.map(row => row.getBoundingClientRect().height)")
    assert min(heights) >= 44, "every option a thumb's height"
    question = first_of(first_module, SingleChoice)
    row = form_of(page, question).locator(".mot-option").last
    row.scroll_into_view_if_needed()
    box = row.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] - 2, box["y"] + 2)  # the top right corner
    expect(row.locator("input")).to_be_checked()


def test_a_matching_rows_verdict_keeps_its_select_in_line_with_the_others(
    page: Page, site_url: str, course: Course
) -> None:
    """A row graded right hid its line of the choice, so in a column wide enough (a tablet's)
    its verdict sat beside the select and pushed it left of the rows graded wrong."""
    page.set_viewport_size({"width": 768, "height": 1024})
    module, question = next(
        (module, question)
        for module in course.modules
        for question in module.quiz.questions
        if isinstance(question, Matching) and len(question.pairs) % 2 == 1
    )
    open_module(page, site_url, module)
    form = form_of(page, question)
    give_answer(form, question, right=False)  # the choices reversed: the middle row is right
    form.get_by_role("button", name="提交答案").click()
    expect(form.locator(".mot-match .mot-mark-correct")).to_have_count(1)
    selects = form.locator("select")
    lefts = selects.evaluate_all("all => all.map(one => one.getBoundingClientRect().left)")
    assert len(set(lefts)) == 1, f"the selects line up: {lefts}"


def test_score_and_retry(page: Page, site_url: str, first_module: Module) -> None:
    """重新作答 shows once a question is answered: at 0/15 it had nothing to clear."""
    open_module(page, site_url, first_module)
    retry = page.get_by_role("button", name="重新作答")
    expect(retry).to_be_hidden()
    questions = first_module.quiz.questions
    for number in range(len(questions)):
        answer(page, first_module, number, right=number % 2 == 0)
    right = (len(questions) + 1) // 2
    score = page.locator(".mot-score")
    expect(score).to_have_text(f"已作答 {len(questions)}/{len(questions)} 题，答对 {right} 题")
    verdict = page.locator(f'[data-results-for="{first_module.page.name}"] [data-passed]')
    expect(verdict).to_contain_text(f"得分 {right}/{len(questions)}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重新作答").click()
    expect(page.locator(".mot-question[data-result]")).to_have_count(0)
    expect(page.locator(".mot-options input:checked")).to_have_count(0)
    expect(page.locator(".mot-feedback:visible")).to_have_count(0)
    expect(score).to_have_text(f"已作答 0/{len(questions)} 题，答对 0 题")
    expect(retry).to_be_hidden()
    answer_by_click(page, questions[0], right_keys(questions[0]))
    expect(form_of(page, questions[0])).to_have_attribute("data-result", "correct")
    expect(retry).to_be_visible()
    page.reload()
    expect(retry).to_be_visible()  # an answer kept from before


def test_instant_navigation_then_answer(page: Page, site_url: str, course: Course) -> None:
    first, second = course.modules[0], course.modules[1]
    open_module(page, site_url, first)
    page.evaluate("window.__sameDocument = true")
    # Instant navigation rewrites links to absolute URLs, hence the suffix match.
    page.locator(f'a.md-footer__link--next[href$="/{second.page.name}.html"]').click()
    expect(page).to_have_url(re.compile(re.escape(f"{second.page.name}.html")))
    expect(page.locator(".mot-quiz[data-ready]")).to_have_attribute(
        "data-quiz-id", second.page.name
    )
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
    question = first_of(second, SingleChoice)
    form = answer_by_click(page, question, right_keys(question))
    expect(form).to_have_attribute("data-result", "correct")


def test_module_after_module_fetches_no_more_question_code(
    page: Page, site_url: str, course: Course
) -> None:
    """The modules' quizzes have different question types; the code of all of them comes in
    one file, fetched with the first module, so the next modules need none of their own."""
    fetched: list[str] = []
    page.on(
        "request",
        lambda request: (
            fetched.append(PurePosixPath(request.url).name)
            if re.search(r"/assets/mot-[^/]*\.js$", request.url)
            else None
        ),
    )
    open_module(page, site_url, course.modules[0])
    for module in course.modules[1:]:
        page.locator(f'a.md-footer__link--next[href$="/{module.page.name}.html"]').click()
        expect(page.locator(".mot-quiz[data-ready]")).to_have_attribute(
            "data-quiz-id", module.page.name
        )
    kinds = {question.type for module in course.modules for question in module.quiz.questions}
    assert {"fill_in", "scenario"} <= kinds, "the real course has every question type"
    assert fetched == ["mot-core.js", "mot-questions.js", "mot-quiz.js"]


PAGE_STYLE_SHEETS = ("mot-exam.css", "mot-certificate.css")


def page_style_sheets(page: Page) -> list[str]:
    """The exam's and the certificate's style sheets that the page has loaded."""
    loaded = page.evaluate(
        "[...document.styleSheets].map(sheet => sheet.href && sheet.href.split('/').pop())"
    )
    return [name for name in loaded if name in PAGE_STYLE_SHEETS]


def test_the_exam_and_certificate_styles_load_on_their_pages_only(
    page: Page, site_url: str, course: Course
) -> None:
    open_module(page, site_url, course.modules[0])
    assert page_style_sheets(page) == []
    page.goto(f"{site_url}exam_certificate.html")
    assert page_style_sheets(page) == ["mot-certificate.css"]
    page.goto(f"{site_url}exam.html")
    assert page_style_sheets(page) == ["mot-exam.css"]


def test_after_instant_navigation_the_exam_waits_for_its_styles(
    page: Page, site_url: str, course: Course
) -> None:
    """Material adds the exam's sheet to the head as it shows the page; the exam's start
    button stays off until the sheet is in, so nothing is drawn unstyled."""
    held: list[Route] = []
    page.route("**/assets/mot-exam.css", lambda route: held.append(route))
    open_module(page, site_url, course.modules[-1])
    page.evaluate("window.__sameDocument = true")
    with page.expect_request("**/assets/mot-exam.css"):
        page.locator('a.md-footer__link--next[href$="/exam.html"]').click()
    start = page.get_by_role("button", name="开始考试")
    expect(start).to_be_attached()
    # The exam's script has run (its load event with it): had the part not waited for the
    # sheet, it would have set up and turned the button on in that same task.
    page.wait_for_function("window.mot.examResults !== undefined")
    assert held, "the exam page asked for its style sheet"
    expect(start).to_be_disabled()
    held[0].continue_()
    expect(start).to_be_enabled()
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
    assert page_style_sheets(page) == ["mot-exam.css"]
    start.click()
    actions = page.locator(
        '.mot-exam-paper .mot-question:not([data-question-type="scenario"]) .mot-actions'
    ).first
    expect(actions).to_be_hidden()
    assert page.locator(".mot-exam-bar").evaluate("bar => getComputedStyle(bar).position") == (
        "sticky"
    )
    page.locator('a.md-footer__link--prev[href$=".html"]').click()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    assert page_style_sheets(page) == []


def test_review_link_opens_the_section(page: Page, site_url: str, course: Course) -> None:
    module = course.modules[1]
    open_module(page, site_url, module)
    question = module.quiz.questions[0]
    form = answer(page, module, 0, right=True)
    form.locator(".mot-review a").click()
    page_name, _, anchor = question.review.partition("#")
    expect(page).to_have_url(
        re.compile(re.escape(f"{page_name.removesuffix('.md') or module.page.name}.html#{anchor}"))
    )
    expect(page.locator(f'[id="{anchor}"]')).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_section_a_link_leads_to_is_marked_and_placed_below_the_header(
    learner: Page, site_url: str, course: Course, scheme: Literal["light", "dark"]
) -> None:
    """A heading a link led to (#section) was marked by Material's ¶ alone, in its accent
    (2.8:1 on white; on a phone, on a line of its own), and sat a whole Material margin
    below the focus's (the end of the section before filling the gap): it is tinted, its ¶
    goes (the address names the section), and it sits where a focused element does."""
    page = learner
    page.emulate_media(color_scheme=scheme)
    module = course.modules[2]
    page.goto(f"{site_url}{module.page.name}.html")
    anchor = page.locator(".md-typeset h2[id]").nth(2).get_attribute("id")
    page.goto(f"{site_url}{module.page.name}.html#{anchor}")
    heading = page.locator(f'[id="{anchor}"]')
    expect(heading.locator(".headerlink")).to_be_hidden()
    expect(page.locator(".md-typeset h2[id]").first.locator(".headerlink")).to_be_attached()
    tint = heading.evaluate("h => getComputedStyle(h).backgroundColor")
    assert tint not in ("rgba(0, 0, 0, 0)", "transparent"), "the heading is marked"
    expect_in_view_below_header(page, heading)
    box = heading.bounding_box()
    padding = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)"
    )
    assert box is not None and box["y"] <= padding + 1, "no second margin above it"
    assert contrast_violations(page, heading) == []


@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=str)
def test_the_contents_name_the_section_a_link_leads_to(
    page: Page, site_url: str, course: Course, size: tuple[int, int]
) -> None:
    """Material marks a section in the table of contents once its heading is above its own
    line, 3.6rem down: a heading a link led to, placed below the 回到页面顶部 button (6rem),
    left the section before it marked."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    module = course.modules[2]
    page.goto(f"{site_url}{module.page.name}.html")
    anchors = page.locator(".md-typeset h2[id]").evaluate_all("hs => hs.map(h => h.id)")
    for anchor in (anchors[2], anchors[-3]):
        page.goto(f"{site_url}{module.page.name}.html#{anchor}")
        marked = page.locator(".md-sidebar--secondary .md-nav__link--active")
        expect(marked).to_have_attribute("href", re.compile(f"#{re.escape(anchor)}$"))
        heading = page.locator(f'[id="{anchor}"]')
        expect_in_view_below_header(page, heading)
        button = page.locator(".md-top")
        button.evaluate("button => button.removeAttribute('hidden')")
        top, box = button.bounding_box(), heading.bounding_box()
        assert top is not None and box is not None
        assert box["y"] >= top["y"] + top["height"], "not under the 回到页面顶部 button"


@pytest.mark.parametrize(
    ("term", "teaching_page"), [("服务补救", "06-confirm"), ("首人负责", "05-do")]
)
def test_chinese_search_finds_a_word_mid_sentence(
    page: Page, site_url: str, term: str, teaching_page: str
) -> None:
    page.goto(site_url)
    search = page.get_by_role("textbox", name="搜索")
    search.click()
    search.fill(term)
    search.press("End")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    whole_term = page.locator(".md-search-result mark").filter(has_text=re.compile(f"^{term}$"))
    expect(whole_term).not_to_have_count(0)
    teaching_result = page.locator(f'a.md-search-result__link[href*="{teaching_page}.html"]')
    expect(teaching_result.first).to_be_visible()


@pytest.mark.parametrize(
    ("term", "teaching_page"),
    [("Kano", "03-explore"), ("SAS", "01-significance"), ("Theodore", "05-do")],
)
def test_search_finds_a_latin_word_after_a_chinese_mark(
    page: Page, site_url: str, term: str, teaching_page: str
) -> None:
    """卡诺模型（Kano 模型）: with Material's Chinese separator the word was '（kano', which a
    search for Kano (kano*) never found; 11 of the course's English words were lost so."""
    page.goto(site_url)
    type_query(page, term)
    teaching_result = page.locator(f'a.md-search-result__link[href*="{teaching_page}.html"]')
    expect(teaching_result.first).to_be_visible(timeout=15_000)
    expect(teaching_result.locator("mark").filter(has_text=term)).not_to_have_count(0)


REAL_PAGES = [
    *sorted(path.stem for path in (PROJECT / "course").glob("*.md")),
    *(PurePosixPath(name).stem for name in GENERATED_PAGES),
]
"""Every page of the real course, and the generated pages (listed, not loaded: a broken
course fails these tests one by one instead of stopping the collection)."""


@pytest.mark.parametrize("name", REAL_PAGES)
def test_axe_finds_nothing_on_the_real_course(scheme_page: Page, site_url: str, name: str) -> None:
    """Diagrams, tables and dialogues of the real content, in light and dark mode."""
    scheme_page.goto(f"{site_url}{name}.html")
    expect_scheme(scheme_page)
    assert axe_violations(scheme_page) == []


def test_search_results_keep_their_contrast(scheme_page: Page, site_url: str) -> None:
    """Material draws a match in its accent (2.8:1 on white), and the count line and a
    result's text in a grey short of 4.5:1 on their tints (4.0:1 in dark mode): the whole
    results list is judged at rest, then with a result and 在该页上还有… in focus."""
    page = scheme_page
    page.goto(f"{site_url}index.html")
    expect_scheme(page)
    type_query(page, "倾听")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result mark")).not_to_have_count(0)
    results = page.locator(".md-search-result")
    assert contrast_violations(page, results) == []
    first.locator(".md-search-result__link").first.focus()
    assert contrast_violations(page, first) == [], "a result in focus"
    more = page.locator(".md-search-result__more > summary").first
    more.focus()
    assert contrast_violations(page, more) == [], "在该页上还有… in focus"


def chromium_names(page: Page, selector: str) -> list[str]:
    """The names Chromium's accessibility tree gives the elements of ``selector`` it shows a
    screen reader (a closed ``<details>`` hides what it holds)."""
    session = page.context.new_cdp_session(page)
    root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = session.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
    names = []
    for node_id in found["nodeIds"]:
        tree = session.send("Accessibility.getPartialAXTree", {"nodeId": node_id})
        node = tree["nodes"][0]
        if not node.get("ignored"):
            names.append(node.get("name", {}).get("value", ""))
    session.detach()
    return names


def test_search_results_are_named_by_their_titles(page: Page, site_url: str) -> None:
    """A result is a link around an article, which Chromium named '': going through the
    results with the arrow keys, a screen reader said "link" and nothing more. A page's
    result is named by its title, a section's by its heading and then its page's title."""
    page.goto(f"{site_url}index.html")
    type_query(page, "客户")  # found many times on a page: its further results fold
    item = page.locator(".md-search-result__item:has(.md-search-result__more)").first
    expect(item).to_be_visible(timeout=15_000)
    item.locator("summary").click()
    titles = [
        text.replace("\u200b", "").strip() for text in item.locator("h1, h2").all_inner_texts()
    ]
    expected = [titles[0]] + [f"{section}，{titles[0]}" for section in titles[1:]]
    assert len(expected) > 1
    links = ".md-search-result__item:has(.md-search-result__more[open]) a"
    assert chromium_names(page, links) == expected
    assert all(chromium_names(page, "a.md-search-result__link")), "every result shown"


LINKS = {
    "in running text": ".md-content .md-typeset p a:not(.headerlink)",
    "in an answer's feedback": ".mot-feedback a",
    "in the navigation": ".md-sidebar--primary .md-nav__link[href]",
    "in the table of contents": ".md-sidebar--secondary .md-nav__link[href]",
}


def test_a_link_keeps_its_contrast_when_focused_or_hovered(
    scheme_page: Page, site_url: str, course: Course
) -> None:
    """Material turns a focused or hovered link its accent colour: deep orange, 2.8:1 on
    white (2.5:1 on a feedback box) in light mode, below the 4.5:1 text needs. At rest,
    where axe_violations judges every page, links are indigo."""
    page, module = scheme_page, course.modules[3]
    page.goto(f"{site_url}{module.page.name}.html")
    expect_scheme(page)
    answer(page, module, 0, right=False)
    for where, selector in LINKS.items():
        link = page.locator(selector).first
        link.focus()
        assert contrast_violations(page, link) == [], f"a link {where}, focused"
        link.hover()
        assert contrast_violations(page, link) == [], f"a link {where}, hovered"
