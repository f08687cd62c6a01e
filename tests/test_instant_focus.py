"""Where the focus goes after Material's instant navigation, in headless Chromium.

Instant navigation swaps the page's content without loading a page: the focus stayed on
<body> and a screen reader said nothing of the new page. It now goes to the new page's
heading, or to the #fragment's target, without moving the page from where Material
scrolled it: to the top, to the fragment, or back to where the learner left it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, Route, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from generator.models import Course, Module, MultipleChoice, Question, SingleChoice
from generator.project import review_target
from tests.browsing import answer, every_question, give_answer, hand_in, type_query, wait_for
from tests.conftest import VIEWPORTS, LearnerTabs, watched_tab
from tests.journeys import (
    expect_in_view_below_header,
    open_module,
    start_exam,
)
from tests.test_learner import open_page

pytestmark = pytest.mark.browser

HEADING = ".md-content h1"
IN_VIEW = ".md-content :is(h1, h2, h3, .mot-question, .mot-results:not([hidden]))"
"""What Back focuses: the first of these the view shows."""


def nav_link(page: Page, name: str) -> Locator:
    """The navigation's link to page ``name`` (instant navigation makes links absolute)."""
    return page.locator(f'nav.md-nav--primary a.md-nav__link[href$="/{name}.html"]').first


def expect_same_document(page: Page) -> None:
    """The page was not loaded anew: a window variable set before is still there."""
    assert page.evaluate("window.__sameDocument === true"), "the page was loaded anew"


def settled(page: Page) -> None:
    """Wait until Material has noted where the page is scrolled, 100 ms after a scroll, and
    the page has stopped scrolling (an answer's feedback brought into view may still move
    it on a busy machine): a page left sooner gets the place noted on the page shown next
    (a learner is slower)."""
    page.wait_for_function(
        """() => new Promise(resolve => {
            const y = scrollY;
            setTimeout(() => resolve(history.state && history.state.y === y && scrollY === y), 300);
        })"""
    )


def follow_by_keyboard(page: Page, link: Locator) -> None:
    """Focus ``link`` and press Enter."""
    link.focus()
    settled(page)
    page.keyboard.press("Enter")


def scrolled(page: Page) -> float:
    return float(page.evaluate("scrollY"))


def test_a_link_followed_by_keyboard_focuses_the_new_pages_heading_and_back_keeps_the_scroll(
    scheme_page: Page, fixture_site_url: str
) -> None:
    """Followed by keyboard (light and dark), a link takes the focus to the new page's
    heading at the top of the page; Back keeps the place Material restores, where the
    learner had scrolled to, and focuses the first heading or question in view there."""
    page = scheme_page
    open_page(page, fixture_site_url)
    page.evaluate("window.__sameDocument = true; scrollTo(0, 600)")
    expect(nav_link(page, "02-second")).to_be_in_viewport()  # the sidebar stays in view
    follow_by_keyboard(page, nav_link(page, "02-second"))
    expect(page.locator(HEADING)).to_contain_text("第二模块")
    expect(page.locator(HEADING)).to_be_focused()
    expect_same_document(page)
    assert scrolled(page) == 0
    settled(page)
    page.go_back()
    expect(page.locator(HEADING)).not_to_contain_text("第二模块")
    expect_focus_in_view(page)
    expect_same_document(page)
    assert scrolled(page) == 600, "Back returns where the learner was, not to the top"


def expect_focus_in_view(page: Page) -> Locator:
    """The focus is on the first heading, question or results panel the view shows, from
    its top or a line or two (48 px) of it."""
    focused = page.locator(":focus")
    expect(focused).to_have_count(1)
    assert focused.evaluate(f"el => el.matches('{IN_VIEW}')"), "a heading, question or panel"
    expect(focused).to_be_in_viewport()
    header = page.locator(".md-header").bounding_box()
    assert header is not None
    first = page.evaluate(
        f"""top => [...document.querySelectorAll('{IN_VIEW}')]
            .map(el => el.getBoundingClientRect())
            .findIndex(box => box.bottom > top + Math.min(box.height, 48)
                && box.top < innerHeight)""",
        header["y"] + header["height"],
    )
    expect(page.locator(IN_VIEW).nth(first)).to_be_focused()
    return focused


def leave_by_the_navigation(page: Page) -> float:
    """Note where the page is, follow the navigation's link to module 5 (instant
    navigation), and return with Back; returns the place the page was left at."""
    page.evaluate("window.__sameDocument = true")
    settled(page)
    place = scrolled(page)
    nav_link(page, "05-do").click()
    expect(page.locator(HEADING)).to_contain_text("执行")
    settled(page)
    page.go_back()
    return place


def expect_back_at(page: Page, place: float) -> None:
    """Back has put the page where it was left, with the focus in view there, without
    loading it. The page comes back as Material shows it, short of its place until the
    quiz has drawn it, which on a busy machine takes a moment: the place is waited for."""
    try:
        page.wait_for_function(f"scrollY === {place}", timeout=5000)
    except PlaywrightTimeoutError:
        noted = page.evaluate("history.state && history.state.y")
        raise AssertionError(
            f"Back returns where the learner was: at {scrolled(page)} (noted {noted}), not {place}"
        ) from None
    expect_focus_in_view(page)
    expect_same_document(page)
    assert scrolled(page) == place, "Back returns where the learner was, and stays there"


def test_back_to_a_quiz_half_way_down_keeps_the_keyboard_there(
    page: Page, site_url: str, course: Course
) -> None:
    """On the real course: a learner answers the first 8 questions of module 4, goes on to
    module 5 by the navigation, and comes Back. The view returns to question 8 and so does
    the focus: Tab goes on from there, and a screen reader reads on from there. It used to
    go to the page's title, 15,000 pixels up, and Tab jumped to the top of the page; and
    the page came back a few questions off, as the explanations had not been drawn yet
    when Material scrolled."""
    module = next(module for module in course.modules if module.page.name == "04-offer")
    open_module(page, site_url, module)
    for index in range(8):
        answer(page, module, index, right=index % 2 == 0)
    question = page.locator(".mot-quiz form[data-question-id]").nth(7)
    place = leave_by_the_navigation(page)
    expect(page.locator(HEADING)).to_contain_text("提议")
    expect(question).to_be_in_viewport()
    expect_back_at(page, place)
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_be_in_viewport()
    assert scrolled(page) > 5000, "Tab went on from the quiz, not from the top of the page"


def test_back_again_and_again_keeps_a_module_page_in_its_place(
    page: Page, site_url: str, course: Course
) -> None:
    """Above its quiz, a module page with its quiz done came back 26 pixels further down at
    each Back: Material scrolled back before the status line at the top (with the best
    score) was drawn, which the browser then kept in view as the line grew."""
    module = next(module for module in course.modules if module.page.name == "04-offer")
    open_module(page, site_url, module)
    for index in range(len(module.quiz.questions)):  # the status line then gives a best score
        answer(page, module, index, right=index % 2 == 0)
    page.evaluate("scrollTo(0, 3000)")
    for _ in range(3):
        expect_back_at(page, leave_by_the_navigation(page))
        assert scrolled(page) == 3000
    # A quiz just answered is taller than shown again (what was said to a screen reader as
    # each answer was graded is not said again): its end is out of reach, and the return
    # held the focus back for 5 s. It gives up once the page has stayed as it is for 1 s
    # (waited for up to 4 s: a busy machine draws the page late, and 5 s is the old hold).
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")
    leave_by_the_navigation(page)
    page.wait_for_function("document.activeElement !== document.body", timeout=4000)
    expect_focus_in_view(page)
    assert page.evaluate("scrollY + innerHeight === document.documentElement.scrollHeight")


def test_back_to_a_page_reached_by_a_link_to_a_section_focuses_where_the_learner_read_on(
    page: Page, site_url: str
) -> None:
    """A page opened at a section (a 复习 link), read on 3,000 pixels and left: Back put the
    page back in its place, but the focus on the section's heading, far above."""
    page.goto(f"{site_url}01-significance.html#service-economy")
    page.evaluate("scrollBy(0, 3000)")
    expect(page.locator("#service-economy")).not_to_be_in_viewport()
    expect_back_at(page, leave_by_the_navigation(page))


def hand_in_with_mistakes(page: Page, site_url: str, course: Course) -> None:
    """Take the real exam, every third question answered wrong, and hand it in."""
    start_exam(page, site_url, every_question(course), right=lambda place: place % 3 != 0)
    hand_in(page, page)


def test_back_to_a_page_drawn_after_it_is_shown_returns_to_the_place_left(
    page: Page, site_url: str, course: Course
) -> None:
    """A handed-in exam's paper and the 错题本's questions are drawn once the page is shown,
    after Material has scrolled a returning learner back: Back from a 复习 link put the
    learner at the top of the page. The place is scrolled to again as the page grows, until
    the learner moves (one exam handed in serves every case)."""
    hand_in_with_mistakes(page, site_url, course)
    page.evaluate("scrollTo(0, 5000)")
    expect_back_at(page, leave_by_the_navigation(page))
    expect(page.locator(".mot-exam")).to_have_attribute("data-exam-state", "finished")
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight)")  # the results
    expect_back_at(page, leave_by_the_navigation(page))
    expect(page.locator('[data-results-for="exam"]')).to_be_focused()
    expect_a_learners_move_to_end_the_return(page)
    page.goto(f"{site_url}mistakes.html")
    expect(page.locator(".mot-mistakes form[data-question-id]").nth(5)).to_be_visible()
    page.evaluate("scrollTo(0, document.documentElement.scrollHeight / 2)")
    expect_back_at(page, leave_by_the_navigation(page))


def expect_a_learners_move_to_end_the_return(page: Page) -> None:
    """On the handed-in exam: the place is scrolled to again only until the learner moves.
    A learner who presses a key (or scrolls) while the paper is still being drawn keeps
    their place and their focus. The exam's style sheet is held back, which holds the
    drawing of the paper."""
    page.evaluate("scrollTo(0, 5000)")
    held: list[Route] = []
    page.route("**/mot-exam.css", lambda route: held.append(route))
    leave_by_the_navigation(page)
    wait_for(page, lambda: bool(held), "the exam's style sheet was asked for")
    assert scrolled(page) < 5000, "the paper is not drawn yet"
    page.keyboard.press("Tab")
    focused = page.evaluate_handle("document.activeElement")
    held[0].continue_()
    page.unroute("**/mot-exam.css")
    expect(page.locator(".mot-exam")).to_have_attribute("data-exam-state", "finished")
    expect(page.locator(":focus")).to_be_in_viewport()
    assert page.evaluate("el => el === document.activeElement", focused)
    assert scrolled(page) < 5000, "the learner moved on: the page stays where they are"


def test_the_first_page_load_leaves_the_focus_where_the_browser_puts_it(
    page: Page, fixture_site_url: str
) -> None:
    open_page(page, fixture_site_url)
    expect(page.locator(HEADING)).not_to_be_focused()
    assert page.locator(HEADING).get_attribute("tabindex") is None


def test_a_link_followed_from_the_phones_drawer_closes_it_and_focuses_the_heading(
    tabs: LearnerTabs, fixture_site_url: str
) -> None:
    """On a phone the link is in the navigation drawer: tapped, the drawer closes and the
    new page's heading has the focus, shown without a focus ring (it was not the keyboard)."""
    for page in watched_tab(tabs, size=VIEWPORTS["phone"]):
        open_page(page, fixture_site_url)
        page.evaluate("window.__sameDocument = true")
        page.locator('label.md-header__button[for="__drawer"]').click()
        expect(page.locator("#__drawer")).to_be_checked()
        link = nav_link(page, "02-second")
        expect(link).to_be_in_viewport()
        link.click()
        expect(page.locator(HEADING)).to_contain_text("第二模块")
        expect(page.locator(HEADING)).to_be_focused()
        expect(page.locator("#__drawer")).not_to_be_checked()
        expect_same_document(page)
        assert not page.locator(HEADING).evaluate("h1 => h1.matches(':focus-visible')")


def test_a_link_to_a_section_of_another_page_focuses_that_section(
    page: Page, site_url: str
) -> None:
    """On the real course: a link in the text to a section of another module focuses that
    section's heading, in view below the header."""
    page.goto(f"{site_url}02-principles.html")
    page.evaluate("window.__sameDocument = true")
    follow_by_keyboard(page, page.locator('.md-content a[href$="#round-or-square"]'))
    section = page.locator("#round-or-square")
    expect(section).to_be_focused()
    expect_in_view_below_header(page, section)
    expect_same_document(page)


UNSUBMITTED = "form => window.mot.engine.answer(form)"


def mark_as_drawn(page: Page) -> None:
    """Mark the page's article, which Material draws a page again with, and the window,
    which a page load replaces."""
    page.evaluate("document.querySelector('article.md-content__inner').dataset.drawn = 'once'")
    page.evaluate("window.__sameDocument = true")


def expect_not_drawn_again(page: Page) -> None:
    drawn = page.evaluate("document.querySelector('article.md-content__inner').dataset.drawn")
    assert drawn == "once", "Material drew the page again"


def answer_left_unsubmitted(page: Page, module: Module, reviewed: list[Question]) -> Locator:
    """Give the last choice question not in ``reviewed`` an answer, and do not submit it."""
    q = [q for q in module.quiz.questions if isinstance(q, SingleChoice | MultipleChoice)][-1]
    assert q not in reviewed
    form = page.locator(f'.mot-quiz form[data-question-id="{q.id}"]')
    give_answer(form, q, right=False)
    assert form.evaluate(UNSUBMITTED)
    return form


def test_review_links_within_a_page_focus_their_section_and_back_the_question(
    page: Page, site_url: str, course: Course
) -> None:
    """On the real course, the page just loaded: a question's 复习 link to a section of its
    own page focuses that section, the second time too (it went to <body>), and Back
    focuses the question in view, named by its number (it had no name), not the section
    far above it (Tab then jumped back up there); Forward, the section again.
    Neither the link nor Back draws the page again: Material drew it anew for the first
    place it was told of, and an answer not yet submitted was gone."""
    module = course.modules[0]
    open_module(page, site_url, module)
    mark_as_drawn(page)
    targets = [(q, review_target(q.review, module.page.filename)) for q in module.quiz.questions]
    sections = {target.anchor: q for q, target in targets if target.page == module.page.filename}
    reviewed = list(sections.items())[:2]
    assert len(reviewed) == 2, "module 1 reviews two sections of its own page"
    for _, q in reviewed:
        answer(page, module, module.quiz.questions.index(q), right=False)
    unsubmitted = answer_left_unsubmitted(page, module, [q for _, q in reviewed])
    given = unsubmitted.evaluate(UNSUBMITTED)
    for anchor, q in reviewed:
        form = page.locator(f'.mot-quiz form[data-question-id="{q.id}"]')
        form.locator(".mot-review a").focus()
        settled(page)
        place = scrolled(page)
        page.keyboard.press("Enter")
        section = page.locator(f"#{anchor}")
        expect(section).to_be_focused()
        expect_in_view_below_header(page, section)
        settled(page)
        page.go_back()
        expect(form).to_be_focused()
        expect(form).to_have_accessible_name(re.compile(r"^第\s\d+/\d+\s题$"))
        expect_back_at(page, place)
        page.go_forward()  # the section, not a heading above it half under the header
        expect(section).to_be_focused()
        page.go_back()
        expect(form).to_be_focused()
        expect_not_drawn_again(page)
        assert unsubmitted.evaluate(UNSUBMITTED) == given


@pytest.mark.parametrize("link", ["contents", "skip"])
def test_the_first_link_within_a_page_keeps_answers_not_yet_submitted(
    page: Page, site_url: str, course: Course, link: str
) -> None:
    """The first link followed within a page just loaded, from the table of contents or
    Material's 跳转至 (the first Tab on a page), and Back: the page is not drawn again,
    and an answer given but not submitted stays."""
    module = course.modules[2]
    open_module(page, site_url, module)
    mark_as_drawn(page)
    unsubmitted = answer_left_unsubmitted(page, module, [])
    given = unsubmitted.evaluate(UNSUBMITTED)
    page.evaluate("scrollTo(0, 0)")
    settled(page)
    if link == "contents":
        page.locator(".md-sidebar--secondary a.md-nav__link").nth(1).click()
    else:
        page.locator(".md-skip").focus()  # the first Tab on a page
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#."))
    page.go_back()
    expect(page).not_to_have_url(re.compile("#."))
    expect_not_drawn_again(page)
    assert unsubmitted.evaluate(UNSUBMITTED) == given


def test_a_miss_in_the_exam_results_leads_to_its_named_question_and_back(
    page: Page, site_url: str, course: Course
) -> None:
    """On the real exam, handed in: a miss's 第 N 题 link focuses the question, named by its
    number (it had no name), and Back returns to the results on the exam page (it left the
    exam for the page before)."""
    hand_in_with_mistakes(page, site_url, course)
    mark_as_drawn(page)
    miss = page.locator(".mot-exam-misses li").first.get_by_role("link", name=re.compile("^第"))
    follow_by_keyboard(page, miss)
    question = page.locator(f"{miss.get_attribute('href')}")
    expect(question).to_be_focused()
    expect(question).to_have_accessible_name(re.compile(r"^第\s\d+/\d+\s题$"))
    expect_in_view_below_header(page, question)
    settled(page)
    page.go_back()
    expect(page).to_have_url(f"{site_url}exam.html")
    expect(page.locator('[data-results-for="exam"]')).to_be_in_viewport()
    expect_focus_in_view(page)
    expect_not_drawn_again(page)


def test_a_search_result_for_the_page_shown_keeps_answers_not_yet_submitted(
    page: Page, site_url: str, course: Course
) -> None:
    """A search result carries the words found (?h=…): one for a section of the page shown,
    followed first after the page loaded, drew the page again and cleared an answer not
    yet submitted. The section is now reached on the page as it is, and focused."""
    module = course.modules[2]
    open_module(page, site_url, module)
    mark_as_drawn(page)
    unsubmitted = answer_left_unsubmitted(page, module, [])
    given = unsubmitted.evaluate(UNSUBMITTED)
    heading = page.locator(".md-content h2[id]").nth(1)
    section = heading.get_attribute("id")
    type_query(page, heading.evaluate("h => h.firstChild.textContent.trim()"))
    result = page.locator(f'.md-search-result__link[href*="{module.page.name}.html?h="]')
    result = result.filter(has=page.locator(f'xpath=self::a[contains(@href, "#{section}")]'))
    expect(result.first).to_be_visible(timeout=15_000)
    result.first.click()
    expect(page.locator(f"#{section}")).to_be_focused()
    expect(page.locator("[data-md-toggle=search]")).not_to_be_checked()
    expect_not_drawn_again(page)
    assert unsubmitted.evaluate(UNSUBMITTED) == given


def without_instant_navigation(page: Page) -> None:
    """Serve each page with Material's instant navigation turned off, as a SCORM package
    has it (the offline zip, over file://, has it off too): the history notes no places."""

    def turned_off(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace('"navigation.instant"', '"navigation.instant.off"')
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"\.html$"), turned_off)


def test_back_from_a_miss_without_instant_navigation_focuses_what_the_view_shows(
    page: Page, site_url: str, course: Course
) -> None:
    """Without instant navigation every history entry's place is empty, which was taken
    for a link just followed: Back from a miss listed after the exam left the focus on the
    question, far above the results the page was scrolled back to."""
    without_instant_navigation(page)
    hand_in_with_mistakes(page, site_url, course)
    assert page.evaluate("history.state") is None
    miss = page.locator(".mot-exam-misses li").first.get_by_role("link", name=re.compile("^第"))
    miss.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{miss.get_attribute('href')}")).to_be_focused()
    page.go_back()
    expect(page.locator('[data-results-for="exam"]')).to_be_in_viewport()
    expect_focus_in_view(page)


@pytest.mark.parametrize("reduced", [True, False], ids=["reduced motion", "motion"])
def test_a_smooth_scroll_is_made_at_once_when_motion_is_reduced(
    page: Page, site_url: str, reduced: bool
) -> None:
    """Material scrolls the contents sidebar after the page (toc.follow) with behavior
    "smooth", whatever the learner asked: it glided over several frames under reduced
    motion. A learner who did not ask keeps Material's smooth scrolling."""
    page.emulate_media(reduced_motion="reduce" if reduced else "no-preference")
    page.set_viewport_size({"width": 1280, "height": 450})
    page.goto(f"{site_url}03-explore.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    positions = page.evaluate(
        """() => {
          const sidebar = document.querySelector('.md-sidebar--secondary .md-sidebar__scrollwrap');
          sidebar.scrollTo({top: 200, behavior: 'smooth'});
          const before = sidebar.scrollTop;
          sidebar.scrollBy({top: 20, behavior: 'smooth'});
          return [before, sidebar.scrollTop];
        }"""
    )
    assert (positions == [200, 220]) is reduced, positions


def test_back_from_a_review_link_focuses_its_question_not_the_foot_of_the_one_above(
    page: Page, site_url: str, course: Course
) -> None:
    """The view shows a question from its top, and below the header the foot of the one
    above it, a line's height: Back from the question's 复习 link focused that foot (its
    question's number was read out, and Tab went on up there), not the question the
    learner had left."""
    module = course.modules[0]
    open_module(page, site_url, module)
    own_page = [
        q
        for q in module.quiz.questions[1:]
        if review_target(q.review, module.page.filename).page == module.page.filename
    ]
    q = own_page[0]
    answer(page, module, module.quiz.questions.index(q), right=False)
    form = page.locator(f'.mot-quiz form[data-question-id="{q.id}"]')
    header = page.locator(".md-header").bounding_box()
    above = form.evaluate("f => f.previousElementSibling.getBoundingClientRect().bottom")
    assert header is not None
    gap = form.evaluate("f => f.getBoundingClientRect().top") - above
    # the foot of the question above, 20 px of it, shows under the header
    page.evaluate("y => scrollBy(0, y)", above - (header["y"] + header["height"]) - 20)
    assert gap < 28, "the question above ends just above this one"
    settled(page)
    place = scrolled(page)
    page.evaluate("window.__sameDocument = true")
    form.locator(".mot-review a").evaluate("a => a.click()")  # as it is: no scroll first
    expect(page.locator(":focus")).not_to_have_count(0)
    settled(page)
    page.go_back()
    expect_back_at(page, place)
    expect(form).to_be_focused()
