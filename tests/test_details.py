"""Smaller things a learner notices: step numbers, edge buttons, messages that go away, a
question before wiping answers, punctuation, where a warning appears, Chinese throughout,
tables on a phone, and accessibility after answering and scrolling.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import lxml.html
import pytest
from playwright.sync_api import Page, expect

from generator.load import load_course
from generator.models import Course
from generator.project import Project
from tests.browsing import COLOUR_SWITCH, Confirms, answer, axe_violations, choose_dark
from tests.conftest import FIXTURES, PROJECT, course_name
from tests.journeys import PARTED_NUMBERS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def fixture_course() -> Course:
    return load_course(Project(FIXTURES / "minimal"))


def open_quiz(page: Page, url: str, name: str = "01-sample") -> None:
    page.goto(f"{url}{name}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)


def test_ordering_items_show_their_step_and_no_move_past_either_end(
    page: Page, fixture_site_url: str
) -> None:
    open_quiz(page, fixture_site_url)
    items = page.locator('form[data-question-id="s1-ordering"] .mot-order-item')
    steps = items.evaluate_all("items => items.map(i => getComputedStyle(i, '::before').content)")
    assert steps and all("counter(mot-step" in step for step in steps), "numbered 1, 2, 3 …"
    ends = items.evaluate_all(
        "items => items.map(i => [...i.querySelectorAll('.mot-move')]"
        ".map(b => b.getAttribute('aria-disabled')))"
    )
    count = len(ends)
    assert ends == [
        ["true" if i == 0 else "false", "true" if i == count - 1 else "false"] for i in range(count)
    ]
    last_up = items.nth(count - 1).locator('[data-move="-1"]')
    last_up.click()
    expect(last_up).to_have_attribute("aria-disabled", "false")
    expect(items.nth(count - 1).locator('[data-move="1"]')).to_have_attribute(
        "aria-disabled", "true"
    )


def test_a_validation_message_goes_once_the_problem_is_fixed(
    page: Page, fixture_site_url: str
) -> None:
    open_quiz(page, fixture_site_url)
    form = page.locator('form[data-question-id="s1-single"]')
    form.get_by_role("button", name="提交答案").click()
    status = form.locator(".mot-status")
    expect(status).to_have_text("请先选择答案，再提交。")
    form.locator("label").first.click()
    expect(status).to_have_text("")


def test_starting_again_asks_before_wiping_answers(
    page: Page, fixture_site_url: str, fixture_course: Course
) -> None:
    open_quiz(page, fixture_site_url)
    module = fixture_course.modules[0]
    for index in range(2):
        answer(page, module, index, right=True)
    confirms = Confirms(page)
    page.get_by_role("button", name="重新作答").click()
    expect(page.locator(".mot-question[data-result]")).to_have_count(2)
    assert confirms.asked and "2\xa0道题" in confirms.asked[0]
    confirms.accepting = True
    page.get_by_role("button", name="重新作答").click()
    expect(page.locator(".mot-question[data-result]")).to_have_count(0)


FULL_LATER = """window.__full = false;
const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, ...rest) {
  if (window.__full && String(key).startsWith('mot-course')) {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }
  return setItem.call(this, key, ...rest); };"""


def test_a_storage_warning_appears_where_the_learner_is(
    page: Page, fixture_site_url: str, fixture_course: Course
) -> None:
    """Storage that fills up while the learner answers far down the page warns right there:
    in view when it appears (a dialogue's first turn saves, so the warning may come before
    the results panel takes the view)."""
    page.add_init_script(FULL_LATER)
    page.add_init_script(WARNING_SEEN)
    open_quiz(page, fixture_site_url)
    page.evaluate("window.__full = true")
    module = fixture_course.modules[0]
    answer(page, module, len(module.quiz.questions) - 1, right=True)
    warning = page.locator(".mot-storage-warning")
    expect(warning).to_have_count(1)
    assert page.evaluate("window.__warningSeen") is True
    after = "note => note.previousElementSibling.matches('.mot-question, .mot-results')"
    assert warning.evaluate(after), "under the question or the results panel"


WARNING_SEEN = """window.__warningSeen = null;
new MutationObserver(() => {
  const note = document.querySelector('.mot-storage-warning');
  if (note && window.__warningSeen === null) {
    const box = note.getBoundingClientRect();
    window.__warningSeen = box.top >= 0 && box.bottom <= innerHeight + 1;   // sub-pixel
  }
}).observe(document, { childList: true, subtree: true });"""
"""Whether the storage warning was in the viewport when it was put into the page."""


def test_material_speaks_chinese_throughout(built_site: Path) -> None:
    pages = sorted(built_site.glob("*.html"))
    assert len(pages) > 9
    assert [page.name for page in pages if "Made with" in page.read_text("utf-8")] == []
    assert "<h1>404：页面不存在</h1>" in (built_site / "404.html").read_text("utf-8")


def test_the_home_page_s_table_of_contents_leads_to_the_dashboard(built_site: Path) -> None:
    """Its heading was HTML, which the table of contents leaves out: reading the dashboard,
    the learner saw 这门课适合谁 marked as the section read."""
    home = built_page(built_site / "index.html")
    contents = home.xpath("//nav[contains(@class, 'md-nav--secondary')]//a")
    titles = {link.get("href"): link.text_content().strip() for link in contents}
    assert titles.get("#mot-dashboard-title") == "我的学习进度"
    (dashboard,) = home.xpath("//section[contains(@class, 'mot-dashboard')]")
    heading = dashboard.getprevious()
    assert heading.tag == "h2" and heading.get("id") == "mot-dashboard-title"
    assert dashboard.get("aria-label") == "我的学习进度"  # not the heading, with its ¶


def test_each_page_names_the_course_once_in_its_title(built_site: Path) -> None:
    """The home page, named as the course is, was titled "关键时刻 MOT 客户服务课程 -
    关键时刻 MOT 客户服务课程" in the browser's tab and in bookmarks."""
    site_name = course_name()
    titles = {
        page.stem: re.findall(r"<title>([^<]*)</title>", page.read_text("utf-8"))
        for page in built_site.glob("*.html")
    }
    assert titles["index"] == [site_name]
    for module in load_course(Project(PROJECT)).modules:
        assert titles[module.page.name] == [f"{module.meta.title} - {site_name}"]
    assert all(len(shown) == 1 and shown[0].count(site_name) == 1 for shown in titles.values())


NAVIGATION = '//nav[contains(@class, "md-nav--primary")]'
"""The site's navigation (Material's primary sidebar, the drawer on a phone)."""


def built_page(page: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page.read_text("utf-8"))


def texts(tree: lxml.html.HtmlElement, path: str) -> list[str]:
    """The text of each element of ``tree`` that the XPath ``path`` finds, spaces joined."""
    found = tree.xpath(path)
    assert isinstance(found, list)
    elements = [element for element in found if isinstance(element, lxml.html.HtmlElement)]
    return [" ".join(element.text_content().split()) for element in elements]


def test_the_navigation_names_the_course_once(built_site: Path) -> None:
    """The navigation's title is the course's name, and its first entry, the home page,
    read the course's name again on the line under it (on a phone, right under the
    drawer's header). The home page is 课程首页 there and in the footer's link back from
    module 1; its heading is still the course's name."""
    site_name, first = course_name(), load_course(Project(PROJECT)).modules[0]
    home = f'{NAVIGATION}//a[contains(@class, "md-nav__link")][@href="./" or @href="index.html"]'
    for page in sorted(built_site.glob("*.html")):
        if page.name != "404.html":
            tree = built_page(page)
            assert [text.count(site_name) for text in texts(tree, NAVIGATION)] == [1], page.name
            assert texts(tree, home) == ["课程首页"], page.name
    home_page = built_page(built_site / "index.html")
    assert texts(home_page, "//h1") == [f"{site_name}¶"]  # ¶: the heading's permalink
    module_page = built_page(built_site / f"{first.page.name}.html")
    back = '//a[contains(@class, "md-footer__link--prev")]'
    assert texts(module_page, back) == ["上一页 课程首页"]


def test_no_label_doubles_its_punctuation(built_site: Path) -> None:
    """An option's feedback is labelled with its text and a colon, but never "客户是谁？："."""
    doubled = re.compile(r"[。？！；：…?!;:.]：</strong>")
    found = {
        page.name: doubled.findall(page.read_text("utf-8")) for page in built_site.glob("*.html")
    }
    assert {name: hits for name, hits in found.items() if hits} == {}


COURSE_PAGES = sorted(path.stem for path in (PROJECT / "course").glob("*.md"))


@pytest.mark.parametrize("width", [390, 360])
def test_every_table_fits_a_phone_with_its_words_whole(
    page: Page, site_url: str, width: int
) -> None:
    """And no number parts from the Chinese beside it, in a table or not (传给 10 | 人)."""
    page.set_viewport_size({"width": width, "height": 800})
    for name in COURSE_PAGES:
        page.goto(f"{site_url}{name}.html")
        assert page.evaluate(PARTED_NUMBERS) == [], f"{name}: a number parted from its word"
        wide = page.evaluate(
            "[...document.querySelectorAll('.md-typeset__scrollwrap, .md-typeset table')]"
            ".filter(t => t.scrollWidth > t.clientWidth + 1).length"
        )
        assert wide == 0, f"{name}: a table is cut off"
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width, name
        assert page.evaluate(BROKEN_WORDS) == [], f"{name}: a word in a table is broken"


@pytest.mark.parametrize("width", [390, 360])
def test_no_paragraph_or_heading_ends_in_a_line_of_one_or_two_characters_on_a_phone(
    page: Page, site_url: str, width: int
) -> None:
    """A Chinese paragraph breaks between any two characters, and on a phone one in ten
    ended in a line of 开。 or 时刻。 alone, read as a line on its own. The paragraphs of
    three lines or more are checked: a two-line one is left as the browser breaks it. So
    did 30 headings (对话练习：一份急着送出的合 / 同); each with a space or a punctuation
    mark to break at is checked."""
    page.set_viewport_size({"width": width, "height": 800})
    for name in COURSE_PAGES:
        page.goto(f"{site_url}{name}.html")
        assert page.evaluate(STRANDED_ENDS) == [], f"{name}: a paragraph ends in a stray line"
        assert page.evaluate(STRANDED_HEADINGS) == [], f"{name}: a heading ends in a stray line"


def test_no_entry_of_the_navigation_ends_in_a_line_of_one_or_two_characters(
    page: Page, site_url: str
) -> None:
    """On a desktop the sidebars' entries broke as paragraphs did (内部客户：客户经理与服务工程
    / 师, 原则二：做得好，要让客户看到 / 或知道)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    for name in COURSE_PAGES:
        page.goto(f"{site_url}{name}.html")
        stranded = page.evaluate(stranded_lines(".md-sidebar .md-nav__link"))
        assert stranded == [], f"{name}: an entry ends in a stray line"


DRAWN_CHARACTERS = """(block) => {
  const drawn = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (box) { drawn.push({ char: node.data[i], top: box.top }); }
    }
  }
  return drawn;
}"""
"""Script: each character of ``block``'s text that is drawn, and the top of its box."""

STRANDED_ENDS = (
    "() => { const drawnCharacters = "
    + DRAWN_CHARACTERS
    + """;
  const found = [];
  for (const paragraph of document.querySelectorAll('.md-content .md-typeset p')) {
    if (!paragraph.checkVisibility() || paragraph.querySelector('br, input, select')) {
      continue;
    }
    const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight);
    const lines = Math.round(paragraph.getBoundingClientRect().height / lineHeight);
    const seen = drawnCharacters(paragraph).filter((drawn) => drawn.char.trim());
    const top = Math.max(...seen.map((drawn) => drawn.top));
    if (lines >= 3 && seen.filter((drawn) => drawn.top > top - 2).length <= 2) {
      found.push(paragraph.textContent.trim());
    }
  }
  return found;
}"""
)
"""The paragraphs of three lines or more whose last line holds one or two characters."""


def stranded_lines(selector: str) -> str:
    """Script: the texts of the elements ``selector`` finds, of two lines or more, whose
    last line holds one or two characters, each with a space or a punctuation mark to break
    at (one with none breaks where it must); a heading's ¶ aside."""
    return (
        "() => { const drawnCharacters = "
        + DRAWN_CHARACTERS
        + f"""; const found = [];
  for (const block of document.querySelectorAll('{selector}')) {{"""
        + """
    const seen = drawnCharacters(block).filter((drawn) => drawn.char.trim() && drawn.char !== '¶');
    const text = seen.map((drawn) => drawn.char).join('');
    if (!block.checkVisibility() || !/[\\s\\p{P}]/u.test(block.textContent.replace('¶', ''))) {
      continue;
    }
    const top = Math.max(...seen.map((drawn) => drawn.top));
    const last = seen.filter((drawn) => drawn.top > top - 2).length;
    if (seen.some((drawn) => drawn.top < top - 2) && last <= 2) { found.push(text); }
  }
  return found;
}"""
    )


STRANDED_HEADINGS = stranded_lines(".md-content .md-typeset :is(h1, h2, h3, h4)")


BROKEN_WORDS = (
    "() => { const drawnCharacters = "
    + DRAWN_CHARACTERS
    + """;
  const latin = /[A-Za-z0-9]/, han = /\\p{Script=Han}/u;
  const found = [];
  for (const cell of document.querySelectorAll('.md-typeset table :is(th, td)')) {
    let before = null;
    for (const drawn of drawnCharacters(cell)) {
      const newLine = before && drawn.top > before.top + 2;
      const inWord = before && ((latin.test(before.char) && latin.test(drawn.char)) ||
        (cell.tagName === 'TH' && han.test(before.char) && han.test(drawn.char)));
      if (newLine && inWord) {
        found.push(cell.textContent.trim() + ': ' + before.char + drawn.char);
      }
      before = drawn;
    }
  }
  return found;
}"""
)
"""Where a table cell's text breaks onto a new line inside an English word or number, or,
in a heading, between two Chinese characters: character by character, where each one
is drawn."""


MODULES = [name for name in COURSE_PAGES if re.match(r"^\d\d-", name)]


@pytest.mark.parametrize("name", MODULES)
def test_axe_after_answering_and_while_scrolling(page: Page, site_url: str, name: str) -> None:
    """Answered questions, and Material's table of contents following the page as it
    scrolls (its links are targets of at least 24 px wherever the sidebar stands)."""
    course = load_course(Project(PROJECT))
    module = next(m for m in course.modules if m.page.name == name)
    open_quiz(page, site_url, name)
    answer(page, module, 0, right=False)
    answer(page, module, 1, right=True)
    assert axe_violations(page) == []
    assert page.evaluate(SWEEP) == [], "a target under 24 px somewhere down the page"


SWEEP = """async () => {
  const found = [];
  const stops = [...document.querySelectorAll('article :is(h2, h3)')];
  for (const heading of [null, ...stops]) {
    if (heading) { heading.scrollIntoView(); } else { window.scrollTo(0, 0); }
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const result = await axe.run({include: ['.md-sidebar']},
                                 {runOnly: {type: 'rule', values: ['target-size']}});
    const at = heading ? heading.id : 'top';
    result.violations.forEach(v => v.nodes.forEach(n => found.push(at + ': ' + n.target)));
  }
  return found;
}"""
"""Scroll down the page section by section (the top, then each heading at the top of the
view); at each stop, axe's target-size rule on the navigation (Material's table of
contents follows the page as it scrolls, marking the section in view)."""


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)])
def test_tab_out_of_search_lands_on_something_to_see(
    page: Page, fixture_site_url: str, size: tuple[int, int]
) -> None:
    """Material closes search when Tab leaves its box; the next stop was its result list,
    by then folded to no height, so the focus vanished from the screen."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_quiz(page, fixture_site_url)
    page.click("label[for=__search]" if size[0] < 1220 else ".md-search__input")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const box = document.activeElement.getBoundingClientRect();"
        " return [document.activeElement.className, box.width * box.height]; })()"
    )
    assert "md-search" not in focused[0] and focused[1] > 0, focused


def test_the_colours_follow_the_system_until_the_learner_picks_them(
    page: Page, site_url: str
) -> None:
    """A learner who never touched the switch gets the system's light or dark, when the
    system turns dark at night too, and on later visits; her own choice then stays. Before,
    the first visit stored light for good."""
    body, switch = page.locator("body"), page.locator(COLOUR_SWITCH)
    page.emulate_media(color_scheme="light")
    page.goto(f"{site_url}01-significance.html")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    choose_dark(page)
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    switch.click()  # light again: the system's, followed
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")


@pytest.mark.parametrize("system", ["light", "dark"])
def test_each_press_of_the_colour_switch_shows_the_other_scheme(
    page: Page, site_url: str, system: Literal["light", "dark"]
) -> None:
    """Material's switch went from the system's colours to light, then dark: on a light
    system its first press showed light again, and nothing seemed to happen. Each press,
    or Enter or Space on the switch, shows the other scheme, and names it (Space did
    nothing: it ticks a radio button, and the switch's is ticked)."""
    schemes = {"light": ("default", "切换到深色模式"), "dark": ("slate", "切换到浅色模式")}
    other = "dark" if system == "light" else "light"
    body, switch = page.locator("body"), page.locator(COLOUR_SWITCH)
    page.emulate_media(color_scheme=system)
    page.goto(f"{site_url}01-significance.html")
    for shown in [system, other, system, other]:
        expect(body).to_have_attribute("data-md-color-scheme", schemes[shown][0])
        expect(switch).to_have_attribute("title", schemes[shown][1])
        assert (
            switch.evaluate("label => label.previousElementSibling.ariaLabel") == schemes[shown][1]
        )
        switch.click()
    expect(body).to_have_attribute("data-md-color-scheme", schemes[system][0])
    switch.evaluate("label => label.previousElementSibling.focus()")
    for shown, key in [(other, "Enter"), (system, "Enter"), (other, " "), (system, " ")]:
        page.keyboard.press(key)
        expect(body).to_have_attribute("data-md-color-scheme", schemes[shown][0])
        assert switch.evaluate("label => label.previousElementSibling === document.activeElement")
    page.evaluate("window.__sameDocument = true")
    page.locator('nav a.md-nav__link[href$="03-explore.html"]').first.click()  # instant
    expect(page).to_have_url(re.compile(r"03-explore\.html$"))
    switch.click()
    expect(body).to_have_attribute("data-md-color-scheme", schemes[other][0])
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"
