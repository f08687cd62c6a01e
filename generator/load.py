"""Load stage: read every page and quiz, check each against its schema."""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import CourseError, Problem
from generator.models import (
    Course,
    Exam,
    ExamConfig,
    Module,
    ModuleMeta,
    Page,
    PageMeta,
    Quiz,
    Source,
)
from generator.yaml_source import ModelT, YamlSyntaxError, parse_yaml, validate_model

MODULE_NAME = re.compile(r"^\d{2}-[a-z0-9-]+$")
FRONT_MATTER_FENCE = "---"
EXAM_NAME = "exam"
"""``quizzes/exam.yml`` configures the final exam; it belongs to no module."""


def load_course(root: Path) -> Course:
    """Read ``course/`` and ``quizzes/`` under ``root``; raise CourseError listing every problem."""
    problems: list[Problem] = []
    pages: list[Page] = []
    modules: list[Module] = []
    course_dir, quiz_dir = root / "course", root / "quizzes"
    if not course_dir.is_dir():
        raise CourseError(
            [
                Problem(
                    Path("course"),
                    1,
                    1,
                    "the course folder is missing",
                    "create course/ with index.md and the module files",
                )
            ]
        )
    page_paths = sorted(course_dir.glob("*.md"))
    for path in page_paths:
        page = _load_page(path, root, problems)
        if page is not None:
            pages.append(page)
        if MODULE_NAME.match(path.stem):
            quiz = _load_quiz(path, quiz_dir / f"{path.stem}.yml", root, problems)
            if page is not None and isinstance(page.meta, ModuleMeta) and quiz is not None:
                modules.append(Module(page=page, meta=page.meta, quiz=quiz[0], quiz_source=quiz[1]))
    problems.extend(_orphan_quizzes(quiz_dir, {path.stem for path in page_paths}, root))
    exam = _load_exam(quiz_dir / f"{EXAM_NAME}.yml", root, problems)
    if problems:
        raise CourseError(problems)
    return Course(pages=pages, modules=modules, exam=exam)


def _load_page(path: Path, root: Path, problems: list[Problem]) -> Page | None:
    relative = path.relative_to(root)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        problems.append(
            Problem(
                relative,
                1,
                1,
                "the page has no front matter",
                "start the file with a '---' line, the title and the other "
                "fields, and another '---' line",
            )
        )
        return None
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        problems.append(
            Problem(
                relative,
                1,
                1,
                "the front matter is never closed",
                "add a line with '---' after the last front matter field",
            )
        )
        return None
    try:
        source = parse_yaml("\n".join(lines[1:end]), relative, line_offset=1)
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    is_module = MODULE_NAME.match(path.stem) is not None
    meta_model: type[ModuleMeta] | type[PageMeta] = ModuleMeta if is_module else PageMeta
    meta, meta_problems = validate_model(meta_model, source)
    problems.extend(meta_problems)
    if meta is None:
        return None
    body = "\n".join(lines[end + 1 :]) + "\n"
    return Page(name=path.stem, source=source, meta=meta, body=body, body_line=end + 2)


def _load_quiz(
    page_path: Path, quiz_path: Path, root: Path, problems: list[Problem]
) -> tuple[Quiz, Source] | None:
    if not quiz_path.is_file():
        problems.append(
            Problem(
                page_path.relative_to(root),
                1,
                1,
                f"module '{page_path.stem}' has no quiz",
                f"create quizzes/{quiz_path.name} (see AUTHORING.md)",
            )
        )
        return None
    return _load_yaml(Quiz, quiz_path, root, problems)


def _load_exam(path: Path, root: Path, problems: list[Problem]) -> Exam | None:
    if not path.is_file():
        return None
    loaded = _load_yaml(ExamConfig, path, root, problems)
    return None if loaded is None else Exam(config=loaded[0], source=loaded[1])


def _load_yaml(
    model: type[ModelT], path: Path, root: Path, problems: list[Problem]
) -> tuple[ModelT, Source] | None:
    """Parse and validate one YAML file; its problems go to ``problems``."""
    try:
        source = parse_yaml(path.read_text(encoding="utf-8"), path.relative_to(root))
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    loaded, model_problems = validate_model(model, source)
    problems.extend(model_problems)
    return None if loaded is None else (loaded, source)


def _orphan_quizzes(quiz_dir: Path, page_names: set[str], root: Path) -> list[Problem]:
    if not quiz_dir.is_dir():
        return []
    return [
        Problem(
            path.relative_to(root),
            1,
            1,
            f"quiz '{path.name}' belongs to no module",
            f"rename it after its module in course/ (course/{path.stem}.md) or delete it",
        )
        for path in sorted(quiz_dir.glob("*.y*ml"))
        if path.stem not in page_names and path.stem != EXAM_NAME
    ]
