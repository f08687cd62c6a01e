"""The trainer's answer key: complete, printable, and never part of the published site."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

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
    page = html.unescape((root / ANSWER_KEY).read_text(encoding="utf-8"))
    course = load_course(Project(root))
    for module in course.modules:
        assert module.meta.title in page
        for question in module.quiz.questions:
            article = page.split(f'<article class="question" id="{question.id}">')[1]
            article = article.split("</article>")[0]
            assert question.prompt in article
            assert question.explanation in article
            review = question.review.split("#")[1]
            assert f".html#{review}" in article
            if isinstance(question, TrueFalse):
                assert f"答案：<strong>{'正确' if question.answer else '错误'}</strong>" in article
                continue
            if isinstance(question, SingleChoice | MultipleChoice):
                for option in question.options:
                    mark = "correct" if option.correct else "wrong"
                    assert f'<li class="{mark}">' in article
                    assert option.text in article
                    assert option.feedback is None or option.feedback in article
            else:
                assert_key_of_new_type(question, article)


def assert_key_of_new_type(question: Question, article: str) -> None:
    if isinstance(question, Ordering):
        listed = re.findall(r'<li class="correct">([^<]*)</li>', article)
        assert listed == question.items, "the items in their right order"
    elif isinstance(question, Matching):
        for pair in question.pairs:
            assert f'<td>{pair.item}</td><td class="correct">{pair.match}</td>' in article
    elif isinstance(question, FillIn):
        for blank in question.blanks:
            assert " / ".join(blank.accept) in article
    else:
        assert isinstance(question, Scenario)
        for turn in question.turns:
            assert turn.customer in article
            for reply in turn.replies:
                mark = "correct" if reply.correct else "wrong"
                assert f'<li class="{mark}"><span class="mark">' in article
                assert reply.text in article and reply.feedback in article


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
