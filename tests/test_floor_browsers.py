"""The oldest browsers the course serves read our style sheets as well as they can.

Learners open the course in WeChat on their own phones: the floor is iOS 15.0 Safari
(WeChat on iOS 15; eslint.config.mjs bans what its JavaScript cannot parse) and Chrome 80
(the engine of Android browsers built on older Chromium). Their CSS parsers drop a rule
whose selector they cannot read (`:has()`: Safari 15.4, Chrome 105; `:focus-visible`:
Safari 15.4, Chrome 86; `:is()`, `:where()` and a list in `:not()`: Chrome 88), a
declaration whose value they do not know (`overflow-wrap: anywhere`: Safari 15.4), a
container query (Safari 16, Chrome 105) and an `@supports` block whose condition fails;
they apply one for browsers without `:has()` or container queries. Our Chromium is newer:
these tests make its parsed sheets as a parser that reads only what both floor browsers
read would have left them, then look at the page and print it. A fallback written before
a newer value (`color-mix()`: Safari 16.2, Chrome 111) is gone from the sheets Chromium
parsed; the sheets the site serves are read for it instead, and for selectors that have a
form the floor reads.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from generator.models import Course, Matching, Module, Question, Scenario
from tests.browsing import answer, wait_for
from tests.journeys import open_module, open_page, passed_everything, store
from tests.test_diagrams import label_problems
from tests.test_journeys import TIMES_NAMED
from tests.test_journeys_exam import expect_focus_above_the_bar
from tests.test_journeys_print import printed_buttons, with_ordering_and_dialogue
from tests.test_learner import assert_prints_on_one_a4_landscape_page

WRITTEN_OUT = re.compile(r":(is|where)\(|:not\([^()]*[,\s>+~]")
"""Selectors that came with Chrome 88 and have a form Chrome 80 reads: `:is()`, `:where()`,
and a list or a combinator in `:not()`."""

NEWER_ONLY = re.compile(r":has\(|:focus-visible")
"""Selectors with no form the floor browsers read (`:has()`: Safari 15.4, Chrome 105;
`:focus-visible`: Safari 15.4, Chrome 86): their rules come with fallbacks."""

UNREAD_BY_THE_FLOOR = re.compile(f"{WRITTEN_OUT.pattern}|{NEWER_ONLY.pattern}")
"""Every selector a floor browser cannot read."""

AS_THE_FLOOR = """unread => {
  const unknown = new RegExp(unread + "|overflow-wrap:\\\\s*anywhere");
  const strip = holder => {
    for (let index = holder.cssRules.length - 1; index >= 0; index -= 1) {
      const rule = holder.cssRules[index];
      if (/^not (selector\\(:has\\(|\\(container-type)/.test(rule.conditionText || "")) {
        holder.deleteRule(index);
        [...rule.cssRules].reverse().forEach(inner => holder.insertRule(inner.cssText, index));
        index += rule.cssRules.length;
        continue;
      }
      const unread = unknown.test(rule.selectorText || rule.conditionText || "");
      if (unread || rule instanceof CSSContainerRule) {
        holder.deleteRule(index);
        continue;
      }
      if (rule.style && rule.style.overflowWrap === "anywhere") {
        rule.style.removeProperty("overflow-wrap");
      }
      if (rule.cssRules) { strip(rule); }
    }
  };
  const ours = [...document.styleSheets].filter(sheet => /\\/assets\\/mot/.test(sheet.href));
  ours.forEach(strip);
  return ours.length;
}"""
"""Our style sheets in the page as iOS 15.0 and Chrome 80 both read them, given the
selectors they cannot read; how many there are."""


def as_the_floor(page: Page) -> None:
    assert page.evaluate(AS_THE_FLOOR, UNREAD_BY_THE_FLOOR.pattern) > 0, "our style sheets"


@pytest.mark.browser
def test_a_quiz_passed_is_framed_in_the_colour_of_a_pass(
    page: Page, site_url: str, course: Course
) -> None:
    """The results panel's frame turned from red to green through `:has()`: a learner on
    iOS 15.0 or Chrome 104 who passed read 本模块测验通过 in a red frame."""
    module = course.modules[0]
    open_page(page, f"{site_url}{module.page.name}.html", ".mot-quiz")
    as_the_floor(page)
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=True)
    panel = page.locator(f'[data-results-for="{module.page.name}"]')
    verdict = panel.locator("[data-passed]")
    expect(verdict).to_have_attribute("data-passed", "true")
    passed = verdict.evaluate("element => getComputedStyle(element).color")
    expect(panel).to_have_css("border-top-color", passed)


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 360])
def test_no_contents_entry_is_cut_short_on_a_phone(
    page: Page, site_url: str, course: Course, width: int
) -> None:
    """The sidebars' entries are kept whole between their spaces and punctuation, broken
    where they must be with `overflow-wrap: anywhere`; iOS 15.0 kept them whole without it,
    and Material cut them short with "…" (为什么客户和我们看到的不…)."""
    page.set_viewport_size({"width": width, "height": 740})
    cut = []
    for module in course.modules:
        open_page(page, f"{site_url}{module.page.name}.html", ".mot-quiz")
        as_the_floor(page)
        cut += page.locator(".md-nav__link .md-ellipsis").evaluate_all(
            """entries => entries
              .filter(entry => entry.clientWidth > 0 && entry.scrollWidth > entry.clientWidth + 1)
              .map(entry => entry.textContent.trim())"""
        )
    assert cut == []


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 360])
def test_diagram_labels_on_a_phone_are_readable_in_the_floor_browsers(
    page: Page, site_url: str, course: Course, width: int
) -> None:
    """A diagram's labels grow on a phone through a container query (Safari 16, Chrome
    105): iOS 15 and Chrome 80 drew them 8 to 9 px high. There they grow by the window's
    width, each still inside its box and clear of the others."""
    page.set_viewport_size({"width": width, "height": 800})
    assert label_problems(page, site_url, course, as_the_floor) == ([], [], [])


@pytest.mark.browser
def test_a_printed_module_page_leaves_out_its_buttons(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """The print rule that left out the buttons and the on-screen hints named a quiz with
    nothing answered through `:has()`: an old browser dropped the whole rule, and printed
    an ordering question's 上移 and 下移 and the dialogue's 回复."""
    module = with_ordering_and_dialogue(course)
    open_module(page, site_url, module)
    as_the_floor(page)
    assert printed_buttons(page, tmp_path / "module.pdf")[0] == []


@pytest.mark.browser
def test_a_certificate_prints_alone_on_one_sheet(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """The print styles found a shown certificate with `:has()`: on Chrome 85 to 104, which
    name pages but read no `:has()`, the page's title and checklist printed with it, on
    paper of the default size. The document marked for it is unmarked on the next page,
    reached by instant navigation, which keeps the document: it prints whole."""
    page.goto(f"{site_url}exam_certificate.html")
    store(page, passed_everything(course))
    page.get_by_label("证书上的姓名").fill("李小梅")
    page.get_by_role("button", name="生成证书").click()
    expect(page.locator(".mot-certificate")).to_be_visible()
    as_the_floor(page)
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")
    page.evaluate("window.__sameDocument = true")
    page.locator('nav a.md-nav__link[href$="index.html"]').first.click()
    expect(page.locator(".mot-dashboard[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation"
    expect(page.locator("html")).not_to_have_class(re.compile("mot-certificate-shown"))


def first_of_kind(course: Course, kind: type[Question]) -> tuple[Module, int]:
    """The first module with a question of ``kind``, and that question's index in its quiz."""
    return next(
        (module, index)
        for module in course.modules
        for index, question in enumerate(module.quiz.questions)
        if isinstance(question, kind)
    )


LOOKS = """parts => parts.map(part => {
  const style = getComputedStyle(part);
  return [part.className, style.display, style.marginLeft, style.marginTop, style.boxShadow,
          style.borderRadius, style.backgroundColor, getComputedStyle(part, "::before").content];
})"""
"""How each part of a played dialogue is set: its box, its place, its bubble or its bar."""


@pytest.mark.browser
def test_a_played_dialogue_reads_as_a_chat_in_the_floor_browsers(
    page: Page, site_url: str, course: Course
) -> None:
    """A played turn shows the learner's reply as a bubble headed 你： without its radio
    button, and the coaching set in under it, through rules written with `:is()`: Chrome 80
    to 87 dropped them, and showed each reply as an option still to be picked."""
    module, index = first_of_kind(course, Scenario)
    open_module(page, site_url, module)
    played = answer(page, module, index, right=False).locator(
        ".mot-turn[data-played] :is(.mot-option:not([hidden]), .mot-option:not([hidden]) input,"
        " .mot-reply-feedback:not([hidden]))"
    )
    looks = played.evaluate_all(LOOKS)
    assert any("mot-chosen" in look[0] for look in looks), "the learner's replies"
    as_the_floor(page)
    assert played.evaluate_all(LOOKS) == looks


DASHBOARD_PLACEHOLDERS = (
    ".mot-dashboard :is([data-status], [data-best], .mot-overall, [data-score], [data-advice],"
    " [data-exam], [data-mistakes])"
)


@pytest.mark.browser
def test_the_dashboard_shows_no_placeholder_in_the_floor_browsers_before_it_reads_progress(
    page: Page, site_url: str
) -> None:
    """Until the runtime has read the learner's progress the dashboard's placeholders are
    hidden, through a rule written with `:is()`: on a slow network Chrome 80 to 87 showed
    未开始 against every module a learner had passed."""
    held: list[Route] = []
    page.route("**/assets/mot-core.js", lambda route: held.append(route))
    page.goto(f"{site_url}index.html", wait_until="commit")
    page.wait_for_function(
        """() => document.querySelector('.mot-dashboard') !== null
          && [...document.styleSheets].some(sheet => /\\/assets\\/mot\\.css/.test(sheet.href))"""
    )
    as_the_floor(page)
    placeholders = page.locator(DASHBOARD_PLACEHOLDERS)
    shown = placeholders.evaluate_all(
        "parts => parts.filter(part => getComputedStyle(part).visibility !== 'hidden')"
        ".map(part => part.textContent.trim())"
    )
    assert placeholders.count() > 0 and shown == []
    wait_for(page, lambda: bool(held), "the core was asked for")
    for route in held:
        route.continue_()
    expect(page.locator(".mot-dashboard[data-ready] [data-status]").first).to_be_visible()


def test_a_colour_mixed_in_the_sheets_has_one_before_it_for_older_browsers(
    built_site: Path,
) -> None:
    """`color-mix()` came with Safari 16.2 and Chrome 111: on iOS 15 the option a learner
    chose lost its tint, and a dialogue's 你： bubble went white. A declaration that mixes a
    colour follows one of the same property without it, which older browsers keep, in the
    sheets as the site serves them (minified)."""
    sheets = sorted(built_site.glob("assets/mot*.css"))
    assert sheets, "the site's style sheets of ours"
    for sheet in sheets:
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        for body in re.findall(r"\{([^{}]*)\}", text):
            declared = [
                (name.strip(), value) for name, value in re.findall(r"([\w-]+)\s*:([^;]*)", body)
            ]
            for index, (name, value) in enumerate(declared):
                plain = {earlier for earlier, kept in declared[:index] if "color-mix(" not in kept}
                assert "color-mix(" not in value or name in plain, (sheet.name, body)


def selector_lists(built_site: Path) -> list[tuple[str, list[str]]]:
    """Each style rule of the site's sheets of ours (as served, minified): the sheet's name
    and the rule's selectors. Keyframes' steps and at-rules' conditions are not selectors."""
    sheets = sorted(built_site.glob("assets/mot*.css"))
    assert sheets, "the site's style sheets of ours"
    lists = []
    for sheet in sheets:
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
        for prelude in re.findall(r"(?:^|[{};])\s*([^{};@\s][^{};]*)\{", text):
            if not re.fullmatch(r"(from|to|[\d.]+%)(\s*,\s*[\d.]+%)*", prelude.strip()):
                lists.append((sheet.name, split_at_top_level_commas(prelude)))
    return lists


def split_at_top_level_commas(prelude: str) -> list[str]:
    """A selector list's selectors: its commas outside brackets split it."""
    selectors, depth, start = [], 0, 0
    for index, character in enumerate(prelude):
        depth += (character in "([") - (character in ")]")
        if character == "," and depth == 0:
            selectors.append(prelude[start:index].strip())
            start = index + 1
    return [*selectors, prelude[start:].strip()]


def test_every_selector_is_written_as_the_floor_browsers_read_it(built_site: Path) -> None:
    """Chrome 80 to 87 dropped every rule that used `:is()` or a list in `:not()` (a played
    dialogue, the dashboard before it has read progress, a printed certificate). Each is
    written out instead, as a list of selectors or a chain of `:not()`s."""
    lists = selector_lists(built_site)
    assert len(lists) > 100, "the rules were read"
    assert [(name, s) for name, listed in lists for s in listed if WRITTEN_OUT.search(s)] == []


STRING_LITERAL = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'|`[^`]*`")
"""A string in a script as the build writes it (minified, so no comments)."""


def test_no_script_of_ours_names_a_selector_chrome_80_cannot_read(built_site: Path) -> None:
    """The runtime's selectors, in the scripts the site serves: Chrome 80 to 87 throw at one
    they cannot read (test_the_runtime_works_where_selectors_are_read_as_chrome_80_reads_them),
    in the scripts of every page, not only the pages that test walks."""
    scripts = sorted(built_site.glob("assets/mot*.js"))
    assert len(scripts) > 5, "the site's scripts of ours"
    found = [
        (script.name, literal)
        for script in scripts
        for literal in re.findall(STRING_LITERAL, script.read_text(encoding="utf-8"))
        if UNREAD_BY_THE_FLOOR.search(literal)
    ]
    assert found == []


def test_no_rule_for_newer_browsers_takes_a_floor_browser_s_selectors_with_it(
    built_site: Path,
) -> None:
    """A browser drops a rule whose list holds one selector it cannot read: the selectors
    beside a `:has()` or a `:focus-visible` (Safari 15.4, Chrome 86 and 105), which the
    floor browsers read, would go with it. Such a selector has a rule of its own."""
    mixed = [
        (name, listed)
        for name, listed in selector_lists(built_site)
        if len({bool(NEWER_ONLY.search(selector)) for selector in listed}) > 1
    ]
    assert mixed == []


@pytest.mark.browser
def test_a_matching_row_graded_right_names_its_choice_once_under_its_select(
    page: Page, site_url: str, course: Course
) -> None:
    """The line under a select that names the choice in full went, once the row was graded
    right, through `:has()`: an old browser named the choice in the select, in that line,
    and in the row's verdict."""
    module, index = first_of_kind(course, Matching)
    open_module(page, site_url, module)
    as_the_floor(page)
    rows = answer(page, module, index, right=True).locator(".mot-match")
    expect(rows.locator(".mot-mark-correct")).to_have_count(rows.count())
    assert rows.evaluate_all(TIMES_NAMED) == [1] * rows.count()


AS_CHROME_80_READS_SELECTORS = """(() => {
  const newer = /:(is|where|has)\\(|:focus-visible/;
  /* Chrome 80 reads in :not() one simple selector: no list, no combinator */
  const complexNot = selector => {
    for (let at = selector.indexOf(":not("); at !== -1; at = selector.indexOf(":not(", at + 5)) {
      let depth = 0;
      let quote = null;
      for (const character of selector.slice(at + 5)) {
        if (quote) { quote = character === quote ? null : quote; continue; }
        if (character === '"' || character === "'") { quote = character; continue; }
        if (character === ")" && depth === 0) { break; }
        depth += "[(".includes(character) - "])".includes(character);
        if (depth === 0 && /[\\s,>+~]/.test(character)) { return true; }
      }
    }
    return false;
  };
  for (const holder of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
    for (const name of ["querySelector", "querySelectorAll", "closest", "matches"]) {
      const own = Object.getOwnPropertyDescriptor(holder, name);
      if (!own) { continue; }
      holder[name] = function (selector) {
        if (newer.test(selector) || complexNot(String(selector))) {
          throw new DOMException(`'${selector}' is no selector to Chrome 80`, "SyntaxError");
        }
        return own.value.apply(this, arguments);
      };
    }
  }
})();"""
"""The DOM's selector methods as Chrome 80 to 87 have them: a selector with `:is()`,
`:where()`, `:has()`, `:focus-visible` or a list or combinator in `:not()` throws."""


@pytest.mark.browser
def test_the_runtime_works_where_selectors_are_read_as_chrome_80_reads_them(
    page: Page, site_url: str, course: Course
) -> None:
    """The runtime found a question's first control with `:is()` and `:not(a, b *)`, the
    place a page is left at with `:is()`, and a link within the page with `:not(a, b)`:
    Chrome 80 to 87 threw at each, as a learner started the exam (the focus went nowhere),
    began a quiz again, or followed a link to a section of the page. (The tab fails the
    test on any error the page throws.)"""
    page.add_init_script(AS_CHROME_80_READS_SELECTORS)
    module = with_ordering_and_dialogue(course)
    first_control = "document.activeElement.closest('.mot-options') !== null"
    open_module(page, site_url, module)
    answer(page, module, 0, right=False)
    page.goto(f"{site_url}mistakes.html")
    expect(page.locator(".mot-mistakes[data-ready]")).to_have_count(1)
    answer(page, module, 0, right=False).locator(".mot-again").click()
    assert page.evaluate(first_control), "重做这道题 put the focus on the question"
    open_module(page, site_url, module)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重新作答").click()
    wait_for(page, lambda: page.evaluate(first_control), "重新作答 put the focus on the quiz")
    section = page.locator(".md-sidebar--secondary a.md-nav__link").nth(1)
    section.click()
    expect(page).to_have_url(re.compile(re.escape(section.get_attribute("href") or "-") + "$"))
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="结业考试").click()
    open_page(page, page.url, ".mot-exam")
    page.go_back()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    page.go_forward()
    page.get_by_role("button", name="开始考试").click()
    wait_for(page, lambda: page.evaluate(first_control), "开始考试 put the focus on question 1")


IN_THE_BAR = "document.activeElement.closest('.mot-exam-bar') !== null"


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_a_control_reached_by_tab_in_the_exam_is_above_its_bar(
    page: Page, site_url: str, size: tuple[int, int]
) -> None:
    """The room the exam page keeps at the bottom for its bar was given through `:has()`:
    on Chrome 83 to 104, the engine of many Chinese desktop browsers, a control reached by
    Tab sat under the bar."""
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_page(page, f"{site_url}exam.html", ".mot-exam")
    as_the_floor(page)
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator(".mot-exam-bar")).to_be_visible()
    expect_focus_above_the_bar(page)  # 开始考试 took it to the first question
    for presses in itertools.count(1):
        page.keyboard.press("Tab")
        if page.evaluate(IN_THE_BAR) or presses == 400:
            break
        expect_focus_above_the_bar(page)
    assert 20 < presses < 400, "Tab goes through the paper's controls to the bar's buttons"
