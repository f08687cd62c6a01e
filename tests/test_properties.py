"""Whatever a trainer saves, the checker answers with the project's own error or accepts it.

Random YAML-ish text and random mutations of the fixture course's quiz, pages and exam
settings go through load and validate (and render, when they pass). Only CourseError may
come out, and every problem it carries is one line naming a line and column. The
examples Hypothesis found are kept in build/hypothesis/examples and tried again first.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from generator.course_scan import scan_course
from generator.errors import CourseError, Problem
from generator.load import load_course, load_exam, load_module, load_page
from generator.media import linkable_files
from generator.models import Course, ModuleMeta
from generator.project import Project
from generator.render import render_course
from generator.validate import validate_course
from tests.conftest import FIXTURES, HYPOTHESIS_HOME, copy_project

SETTINGS = settings(
    database=DirectoryBasedExampleDatabase(HYPOTHESIS_HOME / "examples"),
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
QUIZ = "quizzes/01-sample.yml"
PAGE = "course/01-sample.md"
HOME = "course/index.md"
EXAM = "quizzes/exam.yml"

TOKENS = [
    *"\n\n\n  :-#[]{},'\"&*!|>?%@`\t",
    "- ",
    ": ",
    "    ",
    "---\n",
    "...",
    "&a ",
    "*a",
    "<<: ",
    "!!binary ",
    "!!python/object:os.system ",
    "!!float ",
    "{: ",
    "\u3000",
    "\u2028",
    "\x85",
    "\x00",
    "\x0b",
    "\ufeff",
    "：",
    "id: ",
    "type: ",
    "questions:",
    "options:",
    "turns:",
    "next: end",
    "correct: true",
    "review: 01-sample.md#listening",
    "<div>",
    "</div>",
    "```",
]
"""Pieces of YAML and Markdown syntax that random text is made of."""
yamlish = st.lists(st.sampled_from(TOKENS) | st.text(max_size=3), max_size=60).map("".join)
payloads = st.sampled_from(TOKENS).map(str.encode) | st.binary(max_size=6)


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` with a few bytes, pieces of syntax or lines changed."""
    data = original
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "repeat-line", "cut"]))
        if kind == "insert":
            data = data[:at] + draw(payloads) + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        elif kind == "replace":
            data = data[:at] + draw(payloads) + data[at + 1 :]
        elif kind == "repeat-line":
            start = data.rfind(b"\n", 0, at) + 1
            data = data[:start] + data[start:at] + b"\n" + data[start:]
        else:
            data = data[:at]
    return data


def one_question_quizzes() -> list[bytes]:
    """The fixture's quiz cut into one quiz per question, so each example parses quickly."""
    text = (FIXTURES / "minimal" / QUIZ).read_text(encoding="utf-8")
    questions = re.split(r"(?m)^(?=  - id: )", text.removeprefix("questions:\n"))
    return [f"questions:\n{question}".encode() for question in questions if question.strip()]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return Project(copy_project(tmp_path_factory.mktemp("properties"), FIXTURES / "minimal"))


@pytest.fixture(scope="module")
def course(project: Project) -> Course:
    return load_course(project)


def load_with(project: Project, course: Course, relative: str, data: bytes) -> Course | None:
    """The course with ``data`` saved as ``relative``; None when loading it found problems."""
    path = project.root / relative
    path.write_bytes(data)
    problems: list[Problem] = []
    modules, pages, exam = list(course.modules), list(course.pages), course.exam
    if relative == EXAM:
        exam = load_exam(project, problems)
    elif relative.endswith(".md"):
        index = [page.filename for page in pages].index(Path(relative).name)
        page = load_page(project, path, problems)
        pages[index] = page or pages[index]
        if page is not None and isinstance(page.meta, ModuleMeta):
            modules[0] = replace(modules[0], page=page, meta=page.meta)
    else:
        module = load_module(project, project.root / PAGE, course.pages[0], None, problems)
        modules[0] = module or modules[0]
    assert_one_line_each(problems)
    return None if problems else Course(pages=pages, modules=modules, exam=exam)


def assert_one_line_each(problems: list[Problem]) -> None:
    for problem in problems:
        line = str(problem)
        assert "\n" not in line and "\r" not in line, line
        assert problem.line >= 1 and problem.column >= 1, line


def check_and_render(project: Project, course: Course, relative: str, data: bytes) -> None:
    """Only CourseError may leave load, validate and render; the original file is put back."""
    original = (FIXTURES / "minimal" / relative).read_bytes()
    try:
        changed = load_with(project, course, relative, data)
        if changed is not None:
            scan = scan_course(changed, project)
            validate_course(changed, scan, linkable_files(project))
            render_course(changed, scan.anchors)
    except CourseError as error:
        assert_one_line_each(error.problems)
    finally:
        (project.root / relative).write_bytes(original)


@settings(SETTINGS, max_examples=700)
@given(text=yamlish, target=st.sampled_from([QUIZ, EXAM]))
def test_random_yamlish_quizzes(project: Project, course: Course, text: str, target: str) -> None:
    check_and_render(project, course, target, text.encode())


@settings(SETTINGS, max_examples=500)
@given(text=yamlish, body=yamlish)
def test_random_yamlish_pages(project: Project, course: Course, text: str, body: str) -> None:
    page = f"---\n{text}\n---\n{body}"
    check_and_render(project, course, PAGE, page.encode())


@settings(SETTINGS, max_examples=900)
@given(data=st.sampled_from(one_question_quizzes()).flatmap(mutated))
def test_mutated_quizzes(project: Project, course: Course, data: bytes) -> None:
    check_and_render(project, course, QUIZ, data)


@settings(SETTINGS, max_examples=700)
@given(
    case=st.sampled_from([PAGE, HOME, EXAM]).flatmap(
        lambda target: st.tuples(
            st.just(target), mutated((FIXTURES / "minimal" / target).read_bytes())
        )
    )
)
def test_mutated_pages_and_exam_settings(
    project: Project, course: Course, case: tuple[str, bytes]
) -> None:
    check_and_render(project, course, *case)
