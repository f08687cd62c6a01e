"""The trainer's answer key: complete, printable, and never part of the published site."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import lxml.html
import pytest
from lxml.html import HtmlElement

from generator.load import load_course
from generator.models import (
    FillIn,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from generator.project import Project
from tests.conftest import run_generator

ANSWER_KEY = "dist/mot-course-answer-key.html"


@pytest.fixture
def exported(minimal_project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    assert run_generator(minimal_project, "build") == 0
    assert run_generator(minimal_project, "export", "answer-key") == 0
    return minimal_project, capsys.readouterr().out


@pytest.mark.browser
def test_writes_html_and_pdf_into_dist(exported: tuple[Path, str]) -> None:
    root, out = exported
    assert f"written to {ANSWER_KEY}" in out
    assert "written to dist/mot-course-answer-key.pdf" in out
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
            review = article.find_class("review")[0].find("a").get("href")
            assert review.endswith(".html#" + question.review.split("#")[1])
            assert_key(question, article)


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
    else:
        assert_key_of_list_type(question, article)


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
