"""The real course on paper: question cards, headings and results kept whole on A4, no
buttons or blank verdict bands, light colours in dark mode, and the certificate on one
sheet and on a narrow screen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import Dialog, Locator, Page, expect

from generator.digests import match_choices
from generator.models import Course, Matching, Module, Ordering, Scenario
from tests.browsing import answer, choose_dark, every_question, hand_in, seed_progress
from tests.journeys import (
    LINES_OF_TEXT,
    form_of,
    open_every_question_as_a_mistake,
    open_module,
    open_page,
    passed_everything,
    start_exam,
    store,
    stored_record,
)
from tests.test_learner import assert_prints_on_one_a4_landscape_page

pytestmark = pytest.mark.browser


MARK_CARDS = """forms => forms.forEach((form, n) => {
  form.prepend(Object.assign(document.createElement('span'), {textContent: 'QS' + n + 'Q'}));
  form.append(Object.assign(document.createElement('span'), {textContent: 'QE' + n + 'Q'}));
})"""
"""Put a marker at the top and the bottom of each question card, to find them in a PDF."""


def printed_sheets(page: Page, pdf: Path) -> list[str]:
    """The text of each sheet when the page prints on A4."""
    page.pdf(path=pdf, format="A4")
    return [sheet.get_textpage().get_text_range() for sheet in pdfium.PdfDocument(pdf)]


def words(text: str) -> str:
    """``text`` with each run of spaces, no-break ones and line ends too, made one space."""
    return " ".join(text.split())


def unspaced(text: str) -> str:
    """``text`` without its spaces, no-break ones and line ends: a PDF's text has a space
    where a mark meets its words (``✗ 得分``) and a line end where a line wraps."""
    return "".join(text.split())


def on_sheets(sheets: list[str], ends: list[str]) -> dict[str, list[int]]:
    """For each of ``ends`` (texts as the page shows them), the sheets it prints on."""
    return {
        end: [n for n, text in enumerate(sheets) if unspaced(end) in unspaced(text)] for end in ends
    }


def split_cards(page: Page, cards: Locator, pdf: Path) -> tuple[list[str], list[str]]:
    """The cards whose top and bottom land on different sheets when the page prints on
    A4, and the text of each sheet (with a mark at the top and the bottom of each card)."""
    cards.evaluate_all(MARK_CARDS)
    printed = printed_sheets(page, pdf)
    sheets: dict[str, set[int]] = {}
    for index, text in enumerate(printed):
        for card in re.findall(r"Q[SE](\d+)Q", text):
            sheets.setdefault(card, set()).add(index)
    assert len(sheets) == cards.count(), "every card is printed"
    return [card for card, found in sheets.items() if len(found) > 1], printed


RESULTS_AND_SCORE = [".mot-results-title", ".mot-results-verdict", ".mot-score"]
"""What a finished quiz ends with: its results panel's first lines and the score line."""


def test_a_question_card_prints_on_one_sheet(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """Printed, a question's options, verdict and feedback stay together (Chromium keeps a
    block shorter than a sheet whole), on the module page and in the 错题本; no buttons.
    The results panel prints whole with the score line under it, without its links: the
    score line, then the link 打开错题本 under the panel's first half, were the last sheet.
    The link 查看本模块成绩, under the last answer, is not printed either."""
    module = course.modules[0]
    open_module(page, site_url, module)
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=index % 3 != 0)
    cards = page.locator(".mot-quiz .mot-question")
    split, sheets = split_cards(page, cards, tmp_path / "module.pdf")
    assert split == []
    ends = [page.locator(f".mot-quiz :is({part})").inner_text() for part in RESULTS_AND_SCORE]
    last = [len(sheets) - 1]
    assert on_sheets(sheets, ends) == dict.fromkeys(ends, last), "all on the last sheet"
    for link in (".mot-mistakes-link", ".mot-to-results"):  # 打开错题本, 查看本模块成绩
        assert page.locator(f".mot-quiz {link}").inner_text() not in "".join(sheets)
    page.emulate_media(media="print")  # after the PDF: a page set to a media prints in it
    expect(page.get_by_role("button", name="重新作答")).to_be_hidden()
    page.emulate_media(media="null")
    open_page(page, f"{site_url}mistakes.html", ".mot-mistakes")
    cards = page.locator(".mot-mistakes .mot-question:visible")
    assert split_cards(page, cards, tmp_path / "mistakes.pdf")[0] == []
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="提交答案")).to_have_count(0)


def test_an_unanswered_question_prints_no_blank_band_for_its_verdict(
    page: Page, site_url: str, course: Course
) -> None:
    """An unanswered question printed the room it kept for its verdict as a blank band; it
    keeps none now, on screen either (test_browser.py), and a verdict still prints."""
    module = course.modules[0]
    open_module(page, site_url, module)
    answer(page, module, 0, right=False)
    answered, unanswered = (
        form_of(page, question).locator(".mot-status") for question in module.quiz.questions[:2]
    )
    height = "status => status.getBoundingClientRect().height"
    page.emulate_media(media="print")
    assert unanswered.evaluate(height) == 0
    assert answered.evaluate(height) > 0, "a verdict prints"
    page.emulate_media(media="null")


def test_a_module_page_prints_its_score_line_with_the_last_question(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """Printed with a question answered, the score line prints on the sheet of the last
    question: on three modules it was alone on the last sheet."""
    stranded = []
    for module in course.modules:
        open_module(page, site_url, module)
        answer(page, module, 0, right=False)
        number = form_of(page, module.quiz.questions[-1]).locator(".mot-question-number")
        ends = [number.inner_text(), page.locator(".mot-quiz .mot-score").inner_text()]
        sheets = printed_sheets(page, tmp_path / f"{module.page.name}.pdf")
        on = [n for n, text in enumerate(sheets) if any(words(end) in words(text) for end in ends)]
        if on != [len(sheets) - 1]:
            stranded.append((module.page.name, on))
    assert stranded == []


MARK_BUTTONS = "controls => controls.forEach(control => control.append('BTN'))"
"""Mark every button of the page, and every link that looks like one, to find them in a PDF."""


def printed_buttons(page: Page, pdf: Path) -> tuple[list[str], list[str]]:
    """The lines holding a button when the page prints on A4, and the text of each sheet."""
    page.locator(".md-content :is(button, .md-button)").evaluate_all(MARK_BUTTONS)
    sheets = printed_sheets(page, pdf)
    return [line for text in sheets for line in text.splitlines() if "BTN" in line], sheets


def with_ordering_and_dialogue(course: Course) -> Module:
    """The first module whose quiz has an ordering question and a dialogue: the buttons of
    both, and their on-screen hints, are left off paper."""
    return next(
        m for m in course.modules if {Ordering, Scenario} <= {type(q) for q in m.quiz.questions}
    )


def test_a_printed_page_leaves_out_its_buttons(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """A button does nothing on paper: an ordering question's 上移 and 下移, the home
    page's 开始学习 and the exam's 开始考试 were printed (the home page's offer to clear the
    progress goes with its button). Nor does the ordering's hint
    send the reader to 上移 and 下移, or a dialogue's to 回复: each says what to do."""
    module = with_ordering_and_dialogue(course)
    open_module(page, site_url, module)
    buttons, sheets = printed_buttons(page, tmp_path / "module.pdf")
    assert buttons == []
    printed = re.sub(r"\s", "", "".join(sheets))
    assert "排序题：把各项排成正确的先后顺序，第一步放在最上面。" in printed
    assert "情景对话：每一轮选出你要说的话。" in printed
    assert not re.search("上移|下移|回复”", printed)
    open_page(page, site_url, ".mot-dashboard")
    buttons, sheets = printed_buttons(page, tmp_path / "home.pdf")
    assert buttons == []
    assert "共用的电脑" not in "".join(sheets)  # the offer the button made, with it
    open_page(page, f"{site_url}exam.html", ".mot-exam")
    assert printed_buttons(page, tmp_path / "exam.pdf")[0] == []


def test_an_unanswered_matching_question_prints_its_choices(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """On paper a drop-down shows only 请选择: a matching question printed its rows with
    nothing to match them to. Its choices print under the rows (in the page's order, which
    tells nothing), until it is graded and each row shows its match."""
    module, index, question = next(
        (m, i, q)
        for m in course.modules
        for i, q in enumerate(m.quiz.questions)
        if isinstance(q, Matching) and q.distractors
    )
    choices = [text for _, text in match_choices(question)]
    listed = re.sub(r"\s", "", "可选的配对：" + "；".join(choices))
    open_module(page, site_url, module)
    printed = re.sub(r"\s", "", "".join(printed_sheets(page, tmp_path / "before.pdf")))
    assert listed in printed
    answer(page, module, index, right=True)
    printed = re.sub(r"\s", "", "".join(printed_sheets(page, tmp_path / "after.pdf")))
    assert listed not in printed
    expect(form_of(page, question).locator(".mot-match-choices")).to_be_hidden()  # on screen


def test_a_status_line_without_a_verdict_does_not_print(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """What a status line says for the screen reader as the learner works (an item moved,
    in the ordering question) means nothing on paper: it was printed in the card."""
    module, question = next(
        (m, q) for m in course.modules for q in m.quiz.questions if isinstance(q, Ordering)
    )
    open_module(page, site_url, module)
    form = form_of(page, question)
    form.locator(".mot-order-item").first.get_by_role("button", name="下移").click()
    moved = form.locator(".mot-status")
    expect(moved).to_contain_text("现在是第 2 项")
    printed = "".join(printed_sheets(page, tmp_path / "module.pdf"))
    assert "现在是第" not in re.sub(r"\s", "", printed)


def test_a_page_shorter_than_a_sheet_prints_on_one(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    """The exam page before an attempt and an empty 错题本 printed a blank second sheet."""
    sheets = {}
    for name, part in {"exam": ".mot-exam", "mistakes": ".mot-mistakes"}.items():
        open_page(page, f"{site_url}{name}.html", part)
        sheets[name] = len(printed_sheets(page, tmp_path / f"{name}.pdf"))
    assert sheets == {"exam": 1, "mistakes": 1}


def test_the_exam_prints_without_its_buttons_and_ends_with_its_results(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """The paper printed without 交卷 and 重新开始, alone on the last sheet; handed in, it
    ends with its whole results panel, which had the link 打开错题本 alone on a sheet."""
    start_exam(page, site_url, every_question(course))
    assert printed_buttons(page, tmp_path / "paper.pdf")[0] == []
    hand_in(page, page)
    buttons, sheets = printed_buttons(page, tmp_path / "graded.pdf")
    assert buttons == []
    panel = page.locator(".mot-exam .mot-results")
    ends = [panel.locator(part).inner_text() for part in (".mot-results-title", "[data-passed]")]
    last = [len(sheets) - 1]
    assert on_sheets(sheets, ends) == dict.fromkeys(ends, last), "the panel, on the last sheet"
    assert panel.locator(".mot-mistakes-link").inner_text() not in "".join(sheets)


def test_a_failed_exams_results_panel_prints_on_one_sheet(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """Handed in all wrong, the panel listed each miss with its whole stem and ran onto a
    second sheet; printed, it names each by its number on the paper above and its review
    link, in two columns."""
    drawn = start_exam(page, site_url, every_question(course), right=lambda place: False)
    hand_in(page, page)
    stems = page.locator(".mot-exam-misses .mot-miss-stem")
    expect(stems).to_have_count(len(drawn))
    stems.evaluate_all("stems => stems.forEach(stem => stem.prepend('STEM'))")
    sheets = printed_sheets(page, tmp_path / "failed.pdf")
    title = page.locator(".mot-exam .mot-results-title").inner_text()
    misses = [f"第 {place} 题 复习：" for place in range(1, len(drawn) + 1)]
    assert [n for n, text in enumerate(sheets) if title in text] == [len(sheets) - 1]
    panel = sheets[-1].split(title, 1)[1]
    assert [miss for miss in misses if miss not in panel] == []
    assert "STEM" not in panel, "stems on the paper only"


MARK_HEADINGS = """headings => headings.forEach((heading, n) => {
  heading.append('H' + n + 'H');
  const first = heading.parentElement.querySelector('.mot-question:not([hidden])');
  first.prepend('F' + n + 'F');
})"""
"""Mark each heading of the 错题本 and the first question printed after it."""


def printed_images(page: Page, pdf: Path) -> list[bytes]:
    """Each sheet as it looks when the page prints on A4 (grey levels)."""
    page.pdf(path=pdf, format="A4")
    return [sheet.render().to_pil().convert("L").tobytes() for sheet in pdfium.PdfDocument(pdf)]


def test_a_page_prints_in_light_colours_in_dark_mode(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """In dark mode a module page printed its verdicts in light green and pink, links in
    light blue, the chosen option in a dark tint and every option's box filled dark, hard
    to read on white paper; it prints as in light mode now."""
    module = course.modules[0]
    open_module(page, site_url, module)
    answer(page, module, 0, right=False)
    answer(page, module, 1, right=True)
    light = printed_images(page, tmp_path / "light.pdf")
    choose_dark(page)
    dark = printed_images(page, tmp_path / "dark.pdf")
    assert len(dark) == len(light)
    assert [n for n, (a, b) in enumerate(zip(light, dark, strict=True)) if a != b] == []


def headings_apart(sheets: list[str], count: int) -> list[str]:
    """The marked headings (MARK_HEADINGS, MARK_EVERY_HEADING) printed on another sheet
    than the mark after them."""
    found: dict[str, set[int]] = {}
    for index, text in enumerate(sheets):
        for mark in re.findall(r"([HF]\d+)[HF]", text):
            found.setdefault(mark[1:], set()).add(index)
    assert len(found) == count, "every heading is printed"
    return [n for n, on in found.items() if len(on) > 1]


def test_the_mistakes_book_prints_each_heading_with_its_first_question(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """A module's or a stage's heading never ends a sheet, its first question on the next."""
    open_every_question_as_a_mistake(page, site_url, course)
    headings = page.locator(".mot-mistakes :is(h2, h3):visible")
    headings.evaluate_all(MARK_HEADINGS)
    sheets = printed_sheets(page, tmp_path / "mistakes.pdf")
    assert headings_apart(sheets, headings.count()) == []


MARK_EVERY_HEADING = """headings => headings.forEach((heading, n) => {
  const text = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  text.currentNode = heading;
  while (text.nextNode() && (heading.contains(text.currentNode) ||
    !text.currentNode.data.trim() || !text.currentNode.parentElement.checkVisibility()));
  text.currentNode.data = 'F' + n + 'F' + text.currentNode.data;
  heading.append('H' + n + 'H');
})"""
"""Mark each heading and the first text shown after it."""


def test_a_module_page_prints_each_heading_with_what_follows(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """No heading ends a sheet, what follows it on the next, as section headings did
    across the modules. The quiz's heading (本模块测验), its opening lines and question 1
    print on one sheet: on two modules the heading ended a sheet, its opening paragraph
    broken in two. Before any answer the score line (已作答 0/15 题) is left out: on two
    modules it was the last sheet."""
    apart, stranded, scores = [], [], []
    for module in course.modules:
        open_module(page, site_url, module)
        score = page.locator(".mot-quiz .mot-score").inner_text()
        headings = page.locator(".md-content :is(h1, h2, h3, h4, h5, h6):visible")
        headings.evaluate_all(MARK_EVERY_HEADING)
        sheets = printed_sheets(page, tmp_path / f"{module.page.name}.pdf")
        apart += [(module.page.name, n) for n in headings_apart(sheets, headings.count())]
        first = f"第 1/{len(module.quiz.questions)} 题"
        on = [index for index, text in enumerate(sheets) if "本模块测验" in text or first in text]
        if len(on) != 1:
            stranded.append((module.page.name, on))
        scores += [module.page.name for text in sheets if unspaced(score) in unspaced(text)]
    assert apart == []
    assert stranded == []
    assert scores == []


def test_a_long_name_prints_on_one_line_of_the_certificate(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """The name was set in 1.8em with 2em either side, and broke after about 16 Chinese
    characters or 30 Latin letters (Fernández- / Smith); a long one is set smaller, by its
    width as drawn: 40 Chinese characters, or 40 letters as wide as W, broke at the least
    size allowed, or where a W was counted as wide as an i."""
    page.goto(f"{site_url}exam_certificate.html")
    store(page, passed_everything(course))
    field = page.get_by_label("证书上的姓名（最多 40 个字）")
    expect(field).to_have_attribute("maxlength", "40")
    printed = page.locator(".mot-certificate .mot-cert-name")
    sizes = []
    widest = ("欧阳晓梅" * 10, "Wolfgang Maximilian Wojciechowski-Mwangi", "W" * 40)
    for name in ("李小梅", "Maria José de la Cruz Fernández-Smith", "欧阳晓梅" * 7, *widest):
        page.emulate_media(media="screen")
        field.fill(name)
        page.get_by_role("button", name="生成证书").click()
        expect(printed).to_have_text(name)
        page.emulate_media(media="print")
        assert printed.evaluate_all(LINES_OF_TEXT) == [1], name
        sizes.append(printed.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    full = 1.8 * 16 * 4 / 3  # 1.8em of the sheet's 16pt
    assert sizes[:2] == [full, full], "a short name, or 37 Latin letters, keeps 1.8em"
    assert full > sizes[2] > sizes[3] and full > sizes[4] > sizes[5], "a longer one smaller"
    assert min(sizes) >= 0.8 * 16 * 4 / 3, "to 0.8em at the least"
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")


def test_a_name_pasted_past_the_limit_is_said_to_be_cut(
    page: Page, site_url: str, course: Course
) -> None:
    """The box keeps 40 characters of a name pasted into it, and said nothing: a learner
    with a longer name printed a certificate cut mid-word (…Fitzgerald-Montgome)."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}exam_certificate.html")
    store(page, passed_everything(course))
    field, status = page.get_by_label("证书上的姓名"), page.locator("#mot-cert-status")
    for name, cut in [("李小梅", False), ("Maximilian Alexander Fitzgerald-Montgomery", True)]:
        page.evaluate("name => navigator.clipboard.writeText(name)", name)
        field.fill("")
        field.focus()
        page.keyboard.press("Control+V")
        expect(field).to_have_value(name[:40])
        if cut:
            expect(status).to_have_text(
                "姓名最多 40 个字，粘贴的内容超出了，后面的部分没有填进来；请检查姓名是否完整。"
            )
        else:
            expect(status).to_have_text("")
    page.get_by_role("button", name="生成证书").click()
    expect(status).to_contain_text("证书已生成")


def gap_between(first: Locator, second: Locator) -> float:
    """The space between two elements on screen: across if side by side, else down."""
    a, b = first.bounding_box(), second.bounding_box()
    assert a is not None and b is not None, "both on screen"
    across = b["x"] - (a["x"] + a["width"])
    down = b["y"] - (a["y"] + a["height"])
    return across if across > 0 else down


def make_certificate(page: Page, site_url: str, course: Course, name: str) -> Locator:
    """Pass everything, and make the certificate in ``name``; returns the certificate."""
    page.goto(f"{site_url}exam_certificate.html")
    store(page, passed_everything(course))
    page.get_by_label("证书上的姓名").fill(name)
    page.get_by_role("button", name="生成证书").click()
    certificate = page.locator(".mot-certificate")
    expect(certificate.locator(".mot-cert-name")).to_have_text(name)
    return certificate


def test_a_certificate_made_is_there_when_the_learner_comes_back(
    page: Page, site_url: str, course: Course, tmp_path: Path
) -> None:
    """The name was kept but the certificate was drawn only by 生成证书: back on the page
    (instant navigation, a reload, the next day) the learner saw the name in its box and no
    certificate, and printing gave the checklist alone."""
    certificate = make_certificate(page, site_url, course, "欧阳晓梅")
    page.get_by_role("navigation", name="导航栏").get_by_role("link", name="术语表").click()
    expect(page).to_have_url(re.compile(r"glossary\.html$"))
    page.go_back()
    for arrival in ("back", "reload"):
        expect(certificate.locator(".mot-cert-name"), arrival).to_have_text("欧阳晓梅")
        expect(certificate, arrival).to_be_visible()
        expect(page.get_by_role("button", name="打印证书"), arrival).to_be_visible()
        expect(page.locator(".mot-cert-form .mot-status"), arrival).to_have_text("")
        page.reload()
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")
    printed = pdfium.PdfDocument(tmp_path / "certificate.pdf")[0].get_textpage().get_text_range()
    assert "欧阳晓梅" in printed


def test_a_module_added_after_the_certificate_is_passed_before_it_shows_again(
    page: Page, site_url: str, course: Course
) -> None:
    """README: a module the trainer adds after the certificate is made has to be passed
    too before it shows again, and the name is kept. A record with the last module's quiz
    not passed stands for a course that module was added to."""
    certificate = make_certificate(page, site_url, course, "欧阳晓梅")
    record = stored_record(page)
    added = course.modules[-1].page.name
    passed = record["quizzes"].pop(added)
    store(page, json.dumps(record, ensure_ascii=False))
    expect(certificate).to_be_hidden()
    expect(page.locator('.mot-cert-checklist li[data-done="false"]')).to_have_count(1)
    record["quizzes"][added] = passed
    store(page, json.dumps(record, ensure_ascii=False))
    expect(certificate.locator(".mot-cert-name")).to_have_text("欧阳晓梅")
    expect(certificate).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_certificate_fits_a_narrow_screen_and_one_sheet(
    page: Page,
    site_url: str,
    course: Course,
    scheme: Literal["light", "dark"],
    tmp_path: Path,
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{site_url}exam_certificate.html")
    store(page, passed_everything(course))
    expect(page.locator('.mot-cert-checklist li[data-done="true"]')).to_have_count(
        len(course.modules) + 1
    )
    lead = page.locator(".mot-cert-eligibility p:visible")
    expect(lead).to_have_text("你已通过全部模块的测验和结业考试，填写姓名就可以生成结业证书。")
    checklist = page.locator(".mot-cert-checklist")
    assert checklist.evaluate("list => getComputedStyle(list).listStyleType") == "none"
    expect(checklist.get_by_role("link")).to_have_count(0)  # nothing left to go to
    name_field = page.get_by_label("证书上的姓名")
    button = page.get_by_role("button", name="生成证书")
    assert gap_between(name_field, button) >= 4, "the button touches the name field"
    name_field.fill("欧阳晓梅阿卜杜热合曼·买买提明")
    button.click()
    expect(page.locator(".mot-certificate")).to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360, "no sideways scrolling"
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"
    )
    page.get_by_role("button", name="打印证书").click()
    assert page.evaluate("window.__printed") == 1, "打印证书 opens the print dialog"
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")


def test_the_checklist_lines_up_with_its_lead_and_the_name_box_shows_a_long_name(
    page: Page, site_url: str, course: Course
) -> None:
    """Material's weightier list rules indented the ticks with no bullet to explain it, and
    the name box kept the browser's 20 characters on a tablet with room for the whole name."""
    page.set_viewport_size({"width": 768, "height": 1024})
    page.goto(f"{site_url}exam_certificate.html")
    store(page, passed_everything(course))
    lead = page.locator(".mot-cert-eligibility p:visible")
    lines = page.locator(".mot-cert-checklist li")
    expect(lines).to_have_count(len(course.modules) + 1)
    lead_box, line_box = lead.bounding_box(), lines.first.bounding_box()
    assert lead_box is not None and line_box is not None
    assert line_box["x"] == lead_box["x"], "the ticks start where the text above starts"
    name_field = page.get_by_label("证书上的姓名")
    name_field.fill("欧阳晓梅阿卜杜热合曼·买买提明·司马相如")
    assert name_field.evaluate("box => box.scrollWidth <= box.clientWidth"), "the name shows whole"


FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
"""👩‍👩‍👧‍👦: one character drawn, of 11 UTF-16 units (what the box's maxlength counts)."""


SCREENS: list[tuple[int, int, Literal["light", "dark"]]] = [
    (1280, 800, "light"),
    (390, 844, "dark"),
]
"""A desktop screen in light mode and a phone's in dark mode: width, height, scheme."""


def seed_name(page: Page, site_url: str, course: Course, name: str) -> None:
    """Store the record of a learner who passed everything, with ``name`` as the name."""
    record = json.loads(passed_everything(course))
    record["name"] = name
    seed_progress(page, site_url, json.dumps(record, ensure_ascii=False))


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("李" * 3000, "李" * 40),
        ("W" * 300, "W" * 40),
        ("欧阳晓梅" * 50, "欧阳晓梅" * 10),
        ("W" * 35 + FAMILY, "W" * 35),
    ],
    ids=["3000-chinese", "300-latin", "200-chinese", "emoji-past-the-limit"],
)
def test_a_name_stored_past_the_boxs_limit_is_cut_to_it(
    page: Page, site_url: str, course: Course, tmp_path: Path, stored: str, shown: str
) -> None:
    """A name edited into the stored record past the box's 40 was shown whole: 3,000
    characters made a certificate 7,000 pixels tall that printed on three sheets, 300
    letters filled the sheet. It is cut to the box's limit between whole characters, as the
    box cuts a pasted name, on a desktop and a phone screen and on paper."""
    seed_name(page, site_url, course, stored)
    for width, height, scheme in SCREENS:
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(color_scheme=scheme)
        page.goto(f"{site_url}exam_certificate.html")
        certificate = page.locator(".mot-certificate")
        expect(certificate.locator(".mot-cert-name")).to_have_text(shown)
        expect(page.get_by_label("证书上的姓名")).to_have_value(shown)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        drawn = certificate.bounding_box()
        assert drawn is not None and drawn["height"] < height, "no taller than the screen"
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")
    printed = pdfium.PdfDocument(tmp_path / "certificate.pdf")[0].get_textpage().get_text_range()
    printed = re.sub(r"\s", "", printed)
    assert shown in printed and shown + stored[len(shown)] not in printed


@pytest.mark.parametrize(
    "blank",
    ["     ", "\u200b\u200b\u200b", " \u3000\u200b\u200d\u2060\ufeff\u200e\u00a0 "],
    ids=["spaces", "zero-width", "mixed"],
)
def test_a_name_of_nothing_visible_is_no_name(
    page: Page, site_url: str, course: Course, blank: str
) -> None:
    """A stored name of spaces made a certificate with a blank line for the name as the page
    opened, and zero-width spaces, stored or typed, were taken as a name. Neither is a name
    now: the box stays empty and 生成证书 asks for one."""
    seed_name(page, site_url, course, blank)
    page.goto(f"{site_url}exam_certificate.html")
    expect(page.locator(".mot-cert-all-done")).to_be_visible()  # the page has run
    certificate = page.locator(".mot-certificate")
    expect(certificate).to_be_hidden()
    name_box = page.get_by_label("证书上的姓名")
    expect(name_box).to_have_value("")
    name_box.fill(blank)
    page.get_by_role("button", name="生成证书").click()
    expect(name_box).to_have_accessible_description("请先输入姓名。")
    expect(certificate).to_be_hidden()
    assert stored_record(page)["name"] == blank, "nothing saved over it"


def test_marks_stacked_on_a_letter_stay_on_the_name_line(
    page: Page, site_url: str, course: Course
) -> None:
    """A letter with marks stacked on it above and below (Zalgo), within the box's 40, was
    drawn over the lines around the name, on screen and on paper, and over the button above
    the status line that says the name again (on a phone, where it is under the button)."""
    page.set_viewport_size({"width": 390, "height": 844})
    certificate = make_certificate(page, site_url, course, "Z")
    around = [certificate.locator("p", has_text=text) for text in ("兹证明", "已完成全部模块")]
    button = page.get_by_role("button", name="生成证书")

    def drawn_around() -> list[bytes]:
        """The button, and the lines above and below the name on screen and on paper (with
        transitions at their end: the button just pressed changes its colours over 125 ms)."""
        shots = [button.screenshot(animations="disabled")]
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            shots += [line.screenshot(animations="disabled") for line in around]
        page.emulate_media(media="screen")
        return shots

    plain = drawn_around()
    below, above = [*range(0x316, 0x31A), *range(0x31C, 0x334)], range(0x300, 0x30B)
    zalgo = "Z" + "".join(map(chr, [*below, *above]))  # 40 UTF-16 units, as the box allows
    page.get_by_label("证书上的姓名").fill(zalgo)
    button.click()
    expect(certificate.locator(".mot-cert-name")).to_have_text(zalgo)
    assert drawn_around() == plain


@pytest.mark.parametrize(
    "name",
    ["<b>x</b><img src=x onerror=alert(1)>", "محمد אברהם 李小梅", "李小梅 " + FAMILY * 2],
    ids=["markup", "right-to-left", "emoji"],
)
def test_a_name_of_markup_or_mixed_scripts_shows_as_typed(
    page: Page, site_url: str, course: Course, tmp_path: Path, name: str
) -> None:
    """Markup in a name is text, never run; right-to-left text and emoji joined into one
    fit a phone screen and one sheet."""
    dialogs: list[str] = []

    def heard(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", heard)
    page.set_viewport_size({"width": 390, "height": 844})
    line = make_certificate(page, site_url, course, name).locator(".mot-cert-name")
    assert line.evaluate("line => line.children.length") == 0, "no element made from the name"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    assert_prints_on_one_a4_landscape_page(page, tmp_path / "certificate.pdf")
    assert dialogs == []
