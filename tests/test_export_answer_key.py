"""The trainer's answer key: complete, printable, and never part of the published site."""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import cast

import lxml.html
import pypdfium2 as pdfium
import pytest
from lxml.html import HtmlElement

from generator.export import answer_key
from generator.load import load_course
from generator.markdown_config import published_site_url
from generator.models import (
    Course,
    FillIn,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Reply,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from generator.project import Project
from tests.conftest import PROJECT, run_generator

ANSWER_KEY = "dist/mot-course-answer-key.html"
ANSWER_KEY_PDF = "dist/mot-course-answer-key.pdf"
POOL_HEADING = "结业考试专用题（不在各模块测验中出现）"
PAIRS_HEADER = "项目 正确配对"
"""A matching question's table header, as the PDF's text gives it."""
WHOLE_ADDRESS = re.compile(r"(?:^|\s)\d\d-[a-z-]+\.html#[a-z0-9-]*[a-z0-9]$")
"""A review's address at the end of its line, not cut (pdfium marks a cut at a hyphen)."""
PUBLISHED = "https://trainer.example.org/mot/"


@pytest.fixture
def exported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    """The minimal course's answer key, exported as on a trainer's computer: no SITE_URL."""
    monkeypatch.delenv("SITE_URL", raising=False)
    assert run_generator(minimal_project, "build") == 0
    assert run_generator(minimal_project, "export", "answer-key") == 0
    return minimal_project, capsys.readouterr().out


@pytest.mark.browser
def test_writes_html_and_pdf_into_dist(exported: tuple[Path, str]) -> None:
    root, out = exported
    assert f"OK: answer key written to {ANSWER_KEY} and dist/mot-course-answer-key.pdf\n" in out
    assert "printing the PDF" in out
    assert (root / "dist/mot-course-answer-key.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(path.name for path in (root / "dist").iterdir()) == [
        "mot-course-answer-key.html",
        "mot-course-answer-key.pdf",
    ]


@pytest.mark.browser
def test_every_question_with_its_answer_feedback_and_review(exported: tuple[Path, str]) -> None:
    root, _ = exported
    page = cast(HtmlElement, lxml.html.document_fromstring((root / ANSWER_KEY).read_text("utf-8")))
    course = load_course(Project(root))
    for module in course.modules:
        section = page.get_element_by_id(f"module-{module.page.name}")
        assert section.findtext("h2") == module.meta.title
        for question in module.quiz.every_question:
            article = page.get_element_by_id(question.id)
            assert article.getparent() is section
            assert question.prompt in text_of(article.find("h3"))
            assert text_of(article.find_class("explanation")[0]) == f"讲解：{question.explanation}"
            assert_review(question, module.page.filename, article, site_url="")
            assert_key(question, article)


def assert_review(question: Question, page: str, article: HtmlElement, site_url: str) -> None:
    """The section to review, by page and heading, and where it is: a link to the published
    site when its address is known, else the place in the site, printed, not linked."""
    review = article.find_class("review")[0]
    address = site_url + f"{question.review.split('#')[0] or page}".replace(".md", ".html")
    address += "#" + question.review.split("#")[1]
    assert review.findtext("code") == address
    assert " › " in text_of(review)
    links = [link.get("href") for link in review.iter("a")]
    assert links == ([address] if site_url else [])


@pytest.mark.browser
def test_no_local_address_on_paper(exported: tuple[Path, str]) -> None:
    """Without SITE_URL, mkdocs.yml's site_url is the live preview's 127.0.0.1 address."""
    root, _ = exported
    assert "127.0.0.1" not in (root / ANSWER_KEY).read_text("utf-8")


@pytest.mark.browser
def test_review_links_go_to_the_published_site(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", PUBLISHED)
    assert run_generator(minimal_project, "export", "answer-key") == 0
    html = (minimal_project / ANSWER_KEY).read_text("utf-8")
    page = cast(HtmlElement, lxml.html.document_fromstring(html))
    for module in load_course(Project(minimal_project)).modules:
        for question in module.quiz.every_question:
            article = page.get_element_by_id(question.id)
            assert_review(question, module.page.filename, article, site_url=PUBLISHED)


@pytest.mark.parametrize(
    ("setting", "environment", "address"),
    [
        ('!ENV [SITE_URL, "http://127.0.0.1:8000/"]', {}, ""),
        ('!ENV [SITE_URL, "http://127.0.0.1:8000/"]', {"SITE_URL": PUBLISHED}, PUBLISHED),
        ('!ENV [SITE_URL, "http://127.0.0.1:8000/"]', {"SITE_URL": ""}, ""),
        (
            "!ENV [MOT_URL, SITE_URL, http://localhost/]",
            {"SITE_URL": "https://a.cn/x"},
            "https://a.cn/x/",
        ),
        ("!ENV SITE_URL", {}, ""),
        ("https://a.cn/x/", {}, "https://a.cn/x/"),
        ("", {}, ""),
    ],
)
def test_published_address_is_the_one_set(
    minimal_project: Path,
    monkeypatch: pytest.MonkeyPatch,
    setting: str,
    environment: dict[str, str],
    address: str,
) -> None:
    """An address given in mkdocs.yml or through its !ENV variables; not the fallback."""
    for name in ("SITE_URL", "MOT_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = minimal_project / "mkdocs.yml"
    source = settings.read_text(encoding="utf-8")
    line = "site_url: !ENV SITE_URL"
    assert line in source
    settings.write_text(source.replace(line, f"site_url: {setting}"), encoding="utf-8")
    assert published_site_url(Project(minimal_project)) == address


def test_settings_that_are_not_yaml_give_no_published_address(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The settings are read as the settings check reads them: YAML broken off in the
    middle names no address, without a traceback (MkDocs reports it at its line)."""
    monkeypatch.setenv("SITE_URL", "user.github.io")
    settings = minimal_project / "mkdocs.yml"
    settings.write_text(
        f"{settings.read_text(encoding='utf-8')}extra:\n  a: [1,\n", encoding="utf-8"
    )
    assert published_site_url(Project(minimal_project)) == ""


def text_of(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def marked_entries(article: HtmlElement) -> list[tuple[str, str, str]]:
    """(class, mark, text) of every option or reply, each read from its own list item."""
    return [
        (
            item.get("class"),
            text_of(item.find_class("mark")[0]),
            text_of(item.find_class("text")[0]),
        )
        for item in article.iter("li")
        if item.find_class("mark")
    ]


def assert_key(question: Question, article: HtmlElement) -> None:
    if isinstance(question, TrueFalse):
        assert (
            text_of(article.find_class("answer")[0])
            == f"答案：{'正确' if question.answer else '错误'}"
        )
    elif isinstance(question, SingleChoice | MultipleChoice):
        assert marked_entries(article) == [
            ("correct", "✓ 正确", o.text) if o.correct else ("wrong", "✗", o.text)
            for o in question.options
        ]
        for option, item in zip(question.options, article.iter("li"), strict=False):
            feedback = item.find_class("feedback")
            assert option.feedback is None or text_of(feedback[0]) == option.feedback
    elif isinstance(question, Scenario):
        assert marked_entries(article) == [
            ("correct", "✓ 最佳", r.text) if r.correct else ("wrong", "✗", r.text)
            for turn in question.turns
            for r in turn.replies
        ]
        assert [text_of(f) for f in article.find_class("feedback")] == [
            r.feedback for turn in question.turns for r in turn.replies
        ]
        assert_turns(question, article)
    else:
        assert_key_of_list_type(question, article)


def lead(question: Scenario, number: int, reply: Reply) -> tuple[str, str]:
    """Where a reply of turn ``number`` (from 1) leads, as the key should say it, and what
    says so: the turn by its place in the dialogue, or the dialogue's end."""
    places = {turn.id: place for place, turn in enumerate(question.turns, 1)}
    if reply.next == "end":
        return "→ 对话结束", "next: end"
    if reply.next is not None:
        return f"→ 第 {places[reply.next]} 轮", "next: another turn"
    if number < len(question.turns):
        return f"→ 第 {number + 1} 轮", "the turn below"
    return "→ 对话结束", "after the last turn"


def assert_turns(question: Scenario, article: HtmlElement) -> None:
    """Each turn named by its place (客户（第 1 轮）：), and each reply by where it leads;
    never by the ids in the YAML (``open``, ``end``), English a trainer never sees."""
    assert [text_of(line) for line in article.find_class("customer")] == [
        f"客户（第 {number} 轮）：{' '.join(turn.customer.split())}"
        for number, turn in enumerate(question.turns, 1)
    ]
    assert [text_of(words) for words in article.find_class("next")] == [
        lead(question, number, reply)[0]
        for number, turn in enumerate(question.turns, 1)
        for reply in turn.replies
    ]


def test_real_course_dialogues_name_their_turns_by_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Needs the real course. The key named a dialogue's turns by their ids (客户（check）：,
    each reply ending → gap or → end); it numbers them, and names the turn a reply leads
    to, whether its next: names one, ends the dialogue, or says nothing (the turn below, or
    the end after the last)."""
    monkeypatch.setattr(answer_key, "print_pdf", lambda _html, pdf: pdf.write_bytes(b"%PDF-"))
    output = tmp_path / "key.html"
    assert run_generator(PROJECT, "export", "answer-key", "--output", str(output)) == 0
    page = cast(HtmlElement, lxml.html.document_fromstring(output.read_text("utf-8")))
    leads = set()
    for module in load_course(Project(PROJECT)).modules:
        for question in module.quiz.every_question:
            if isinstance(question, Scenario):
                assert_turns(question, page.get_element_by_id(question.id))
                for number, turn in enumerate(question.turns, 1):
                    leads |= {lead(question, number, reply)[1] for reply in turn.replies}
    assert leads == {"next: end", "next: another turn", "the turn below", "after the last turn"}


def assert_key_of_list_type(question: Question, article: HtmlElement) -> None:
    if isinstance(question, Ordering):
        listed = [text_of(li) for li in article.find_class("options")[0].iter("li")]
        assert listed == question.items, "the items in their right order"
    elif isinstance(question, Matching):
        rows = [[text_of(cell) for cell in row.iter("td")] for row in article.iter("tr")][1:]
        assert rows == [[pair.item, pair.match] for pair in question.pairs]
    else:
        assert isinstance(question, FillIn)
        listed = [text_of(li) for li in article.find_class("options")[0].iter("li")]
        assert listed == [
            f"第 {n} 空可接受：{' / '.join(blank.accept)}"
            for n, blank in enumerate(question.blanks, 1)
        ]


@pytest.mark.browser
def test_site_never_contains_or_links_to_it(exported: tuple[Path, str]) -> None:
    root, _ = exported
    for path in (root / "site").rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert b"answer-key" not in content, path
            assert "培训师答案册".encode() not in content, path


def test_refuses_to_write_into_site(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = minimal_project / "site/key.html"
    assert run_generator(minimal_project, "export", "answer-key", "--output", str(target)) == 1
    err = capsys.readouterr().err
    assert "the answer key would be written into the published site" in err
    assert "write it outside site/" in err
    assert not target.exists()


def test_an_output_named_pdf_keeps_the_html_beside_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The HTML was written to key.pdf, then replaced by the PDF, with two OK lines."""
    monkeypatch.setattr(answer_key, "print_pdf", lambda _html, pdf: pdf.write_bytes(b"%PDF-"))
    output = minimal_project / "dist/key.pdf"
    assert run_generator(minimal_project, "export", "answer-key", "--output", str(output)) == 0
    ok = [line for line in capsys.readouterr().out.splitlines() if line.startswith("OK")]
    assert ok == ["OK: answer key written to dist/key.html and dist/key.pdf"]
    assert sorted(path.name for path in output.parent.iterdir()) == ["key.html", "key.pdf"]
    assert "培训师答案册" in output.with_suffix(".html").read_text(encoding="utf-8")
    assert output.read_bytes() == b"%PDF-"


def lead_ins(course: Course) -> set[str]:
    """The paragraphs that lead into a list, as the key prints them (without spaces):
    正确顺序：, a customer's line before the replies, a fill-in's text before its blanks."""
    leads = {"正确顺序："}
    for module in course.modules:
        for question in module.quiz.every_question:
            if isinstance(question, Scenario):
                leads |= {
                    f"客户（第 {number} 轮）：{turn.customer}"
                    for number, turn in enumerate(question.turns, 1)
                }
            if isinstance(question, FillIn):
                leads.add(question.text)
    return {re.sub(r"\s", "", lead) for lead in leads}


@pytest.mark.browser
def test_real_course_prints_on_full_pages_without_stranded_headings(tmp_path: Path) -> None:
    """Needs the real course. No page ends with a heading (the exam-only questions', or a
    question's) or starts with a question's last line, its review, or with a matching
    table's distractors (the table on the page before); each review's address
    stands whole on one line; questions run on across pages rather than leave most pages
    half empty."""
    output = tmp_path / "key.html"
    assert run_generator(PROJECT, "export", "answer-key", "--output", str(output)) == 0
    document = pdfium.PdfDocument(output.with_suffix(".pdf"))
    first_lines, last_lines, pages_ends, fills, addresses = [], [], [], [], []
    for page in document:
        text_page = page.get_textpage()
        lines = [line.strip() for line in text_page.get_text_range().splitlines()]
        lines = [line for line in lines if line]
        first_lines.append(lines[0])
        last_lines.append(lines[-1])
        pages_ends.append(re.sub(r"\s", "", "".join(lines[-12:])))
        addresses += [line for line in lines if ".html#" in line]
        boxes = [text_page.get_charbox(index) for index in range(text_page.count_chars())]
        lowest = min(bottom for _, bottom, _, _ in boxes if bottom > 0)
        fills.append(1 - lowest / page.get_size()[1])
    leads = lead_ins(load_course(Project(PROJECT)))
    stranded = [
        (number, line)
        for number, line in enumerate(last_lines, 1)
        if line in (POOL_HEADING, PAIRS_HEADER)
        or re.match(r"第 \d+ 题 |\S+ · 编号 ", line)
        or any(pages_ends[number - 1].endswith(lead) for lead in leads)
    ]
    assert stranded == [], (
        "a heading or lead-in at the foot of a page, what it leads to on the next"
    )
    cut_off = [
        (number, line)
        for number, line in enumerate(first_lines, 1)
        if line.startswith(("复习：", "干扰项："))
    ]
    assert cut_off == [], (
        "a question's review, or a matching table's distractors, at the top of a page, the "
        "question on the one before"
    )
    assert len(addresses) >= 100
    assert [line for line in addresses if not WHOLE_ADDRESS.search(line)] == []
    assert statistics.median(fills) > 0.8, f"pages filled to {statistics.median(fills):.0%}"


LONG_RUN = (
    "https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=2650888888&idx=1"
    "&sn=0b5c1e0f2a3d4c5b6a7980a1b2c3d4e5&chksm=84c8f0f1b3bf79e7a1b2c3d4e5f6a7b8c9d0e1f2"
    "a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7#rd"
)
"""A WeChat article's address as a trainer pastes it: 198 characters, few places to break."""
LONG_RUN_AFTER = {
    "quizzes/01-sample.yml": [
        "客户说话时，你首先应该怎么做？",  # a prompt
        "打断客户，直接给方案",  # an option
        "打断会让客户觉得没有被倾听。",  # its feedback
        "探索阶段先要听懂客户。",  # an explanation
        "“给我换根网线。”",  # a matching item
        "网络稳定不掉线",  # a match
        "降低月租",  # a distractor
        "      - 紧急复原",  # an ordering item
        "顺序完全正确。",  # a question's feedback (答对时)
        "倾听时要望、闻、___、___。",  # a fill-in's text
        "[切, 切脉",  # an accepted answer
        "我上周才买的路由器又坏了！",  # a customer's line
        "真抱歉给您添麻烦了，我马上帮您看看。",  # a reply
        "先道歉，稳住情绪。",  # its feedback
    ],
    "course/01-sample.md": ["title: 示例模块", "## 倾听"],  # in every 复习 line too
}
"""Where the long run goes: after each of these texts, in every field the key prints."""
RIGHT_MARGIN = 15 / 25.4 * 72
"""The right margin of the key's pages (``@page`` in answer-key.css), in PDF points."""


def with_long_runs(root: Path) -> None:
    for name, texts in LONG_RUN_AFTER.items():
        source = root / name
        content = source.read_text(encoding="utf-8")
        for text in texts:
            assert content.count(text) == 1, text
            content = content.replace(text, f"{text} {LONG_RUN}")
        source.write_text(content, encoding="utf-8")


def past_the_right_margin(page: pdfium.PdfPage) -> list[str]:
    """The characters drawn past the page's right margin (a line's end, where pdfium adds one)."""
    text_page = page.get_textpage()
    edge = page.get_size()[0] - RIGHT_MARGIN
    return [
        character
        for index in range(text_page.count_chars())
        if not (character := text_page.get_text_range(index, 1)).isspace()
        and text_page.get_charbox(index)[2] > edge + 0.5
    ]


@pytest.mark.browser
def test_long_unbreakable_text_wraps_within_the_page(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long address in an explanation ran past the paper's edge, and the PDF cut it off
    (the HTML, printed at 1200 px, was 1539 px wide): every field wraps such a run, and
    the PDF holds it whole, as often as the HTML does, with nothing past the right margin."""
    monkeypatch.delenv("SITE_URL", raising=False)
    with_long_runs(minimal_project)
    assert run_generator(minimal_project, "export", "answer-key") == 0
    html = (minimal_project / ANSWER_KEY).read_text("utf-8")
    body = cast(HtmlElement, lxml.html.document_fromstring(html)).body
    shown = re.sub(r"\s", "", body.text_content()).count(LONG_RUN)
    assert shown >= len(LONG_RUN_AFTER["quizzes/01-sample.yml"]) + 2
    document = pdfium.PdfDocument(minimal_project / ANSWER_KEY_PDF)
    beyond = {number: past_the_right_margin(page) for number, page in enumerate(document, 1)}
    assert {number: found for number, found in beyond.items() if found} == {}
    printed = "".join(page.get_textpage().get_text_range() for page in document)
    assert re.sub(r"\s", "", printed).count(LONG_RUN) == shown, "the run printed whole"
