"""The oldest browsers the course serves read our style sheets as well as they can.

Learners open the course in WeChat on their own phones: the floor is iOS 15.0 Safari
(WeChat on iOS 15; eslint.config.mjs bans what its JavaScript cannot parse) and Chrome 80
(the engine of Android browsers built on older Chromium). Their CSS parsers drop a rule
whose selector they cannot read (`:has()`: Safari 15.4, Chrome 105), a declaration whose
value they do not know (`overflow-wrap: anywhere`: Safari 15.4), and an `@supports` block
whose condition fails; they apply one for browsers without `:has()`. Our Chromium is
newer: these tests make its parsed sheets as an iOS 15.0 parser would have left them,
then look at the page and print it. A fallback written before a newer value
(`color-mix()`: Safari 16.2, Chrome 111) is gone from the sheets Chromium parsed; the
sheets the site serves are read for it instead.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.models import Course, Matching
from tests.browsing import answer
from tests.journeys import open_module, open_page, passed_everything, store
from tests.test_journeys import TIMES_NAMED
from tests.test_journeys_exam import expect_focus_above_the_bar
from tests.test_journeys_print import printed_buttons, with_ordering_and_dialogue
from tests.test_learner import assert_prints_on_one_a4_landscape_page

AS_IOS_15_0 = """() => {
  const unknown = /:has\\(|overflow-wrap:\\s*anywhere/;
  const strip = holder => {
    for (let index = holder.cssRules.length - 1; index >= 0; index -= 1) {
      const rule = holder.cssRules[index];
      if (/^not selector\\(:has\\(/.test(rule.conditionText || "")) {
        holder.deleteRule(index);
        [...rule.cssRules].reverse().forEach(inner => holder.insertRule(inner.cssText, index));
        index += rule.cssRules.length;
        continue;
      }
      if (unknown.test(rule.selectorText || rule.conditionText || "")) {
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
"""Our style sheets in the page as iOS 15.0 reads them; how many there are."""


def as_ios_15_0(page: Page) -> None:
    assert page.evaluate(AS_IOS_15_0) > 0, "the page has style sheets of ours"


@pytest.mark.browser
def test_a_quiz_passed_is_framed_in_the_colour_of_a_pass(
    page: Page, site_url: str, course: Course
) -> None:
    """The results panel's frame turned from red to green through `:has()`: a learner on
    iOS 15.0 or Chrome 104 who passed read 本模块测验通过 in a red frame."""
    module = course.modules[0]
    open_page(page, f"{site_url}{module.page.name}.html", ".mot-quiz")
    as_ios_15_0(page)
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
        as_ios_15_0(page)
        cut += page.locator(".md-nav__link .md-ellipsis").evaluate_all(
            """entries => entries
              .filter(entry => entry.clientWidth > 0 && entry.scrollWidth > entry.clientWidth + 1)
              .map(entry => entry.textContent.trim())"""
        )
    assert cut == []


@pytest.mark.browser
def test_a_printed_module_page_leaves_out_its_buttons(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """The print rule that left out the buttons and the on-screen hints named a quiz with
    nothing answered through `:has()`: an old browser dropped the whole rule, and printed
    an ordering question's 上移 and 下移 and the dialogue's 回复."""
    module = with_ordering_and_dialogue(course)
    open_module(page, site_url, module)
    as_ios_15_0(page)
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
    as_ios_15_0(page)
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")
    page.evaluate("window.__sameDocument = true")
    page.locator('nav a.md-nav__link[href$="index.html"]').first.click()
    expect(page.locator(".mot-dashboard[data-ready]")).to_have_count(1)
    assert page.evaluate("window.__sameDocument === true"), "instant navigation"
    expect(page.locator("html")).not_to_have_class(re.compile("mot-certificate-shown"))


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


@pytest.mark.browser
def test_a_matching_row_graded_right_names_its_choice_once_under_its_select(
    page: Page, site_url: str, course: Course
) -> None:
    """The line under a select that names the choice in full went, once the row was graded
    right, through `:has()`: an old browser named the choice in the select, in that line,
    and in the row's verdict."""
    module, index = next(
        (module, index)
        for module in course.modules
        for index, question in enumerate(module.quiz.questions)
        if isinstance(question, Matching)
    )
    open_module(page, site_url, module)
    as_ios_15_0(page)
    rows = answer(page, module, index, right=True).locator(".mot-match")
    expect(rows.locator(".mot-mark-correct")).to_have_count(rows.count())
    assert rows.evaluate_all(TIMES_NAMED) == [1] * rows.count()


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
    as_ios_15_0(page)
    page.get_by_role("button", name="开始考试").click()
    expect(page.locator(".mot-exam-bar")).to_be_visible()
    expect_focus_above_the_bar(page)  # 开始考试 took it to the first question
    for presses in itertools.count(1):
        page.keyboard.press("Tab")
        if page.evaluate(IN_THE_BAR) or presses == 400:
            break
        expect_focus_above_the_bar(page)
    assert 20 < presses < 400, "Tab goes through the paper's controls to the bar's buttons"
