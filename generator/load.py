"""Load stage: read every page and quiz, check each against its schema."""

from __future__ import annotations

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
from generator.project import EXAM_NAME, MODULE_NAME, Project
from generator.yaml_source import ModelT, YamlSyntaxError, parse_yaml, validate_model

FRONT_MATTER_FENCE = "---"


def load_course(project: Project) -> Course:
    """Read ``course/`` and ``quizzes/``; raise CourseError listing every problem."""
    if not project.course_dir.is_dir():
        raise CourseError(
            [
                Problem(
                    project.relative(project.course_dir),
                    1,
                    1,
                    "the course folder is missing",
                    "create course/ with index.md and the module files",
                    "course.missing-folder",
                )
            ]
        )
    problems: list[Problem] = []
    pages: list[Page] = []
    modules: list[Module] = []
    page_paths = sorted(project.course_dir.glob("*.md"))
    for path in page_paths:
        page = _load_page(project, path, problems)
        if page is not None:
            pages.append(page)
        if MODULE_NAME.match(path.stem):
            module = _load_module(project, path, page, problems)
            if module is not None:
                modules.append(module)
    problems.extend(_orphan_quizzes(project, {path.stem for path in page_paths}))
    exam = _load_exam(project, problems)
    if problems:
        raise CourseError(problems)
    return Course(pages=pages, modules=modules, exam=exam)


def _load_page(project: Project, path: Path, problems: list[Problem]) -> Page | None:
    relative = project.relative(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    end = _front_matter_end(lines, relative)
    if isinstance(end, Problem):
        problems.append(end)
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


def _front_matter_end(lines: list[str], path: Path) -> int | Problem:
    """The index of the line closing the front matter, or what is wrong with it."""
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return Problem(
            path,
            1,
            1,
            "the page has no front matter",
            "start the file with a '---' line, the title and the other fields, "
            "and another '---' line",
            "page.no-front-matter",
        )
    for index, line in enumerate(lines[1:], 1):
        if line.strip() == FRONT_MATTER_FENCE:
            return index
    return Problem(
        path,
        1,
        1,
        "the front matter is never closed",
        "add a line with '---' after the last front matter field",
        "page.front-matter-unclosed",
    )


def _load_module(
    project: Project, page_path: Path, page: Page | None, problems: list[Problem]
) -> Module | None:
    quiz_path = project.quiz_file(page_path.stem)
    if not quiz_path.is_file():
        problems.append(
            Problem(
                project.relative(page_path),
                1,
                1,
                f"module '{page_path.stem}' has no quiz",
                f"create {project.shown(quiz_path)} (see AUTHORING.md)",
                "quiz.missing",
            )
        )
        return None
    quiz = _load_yaml(project, Quiz, quiz_path, problems)
    if page is None or not isinstance(page.meta, ModuleMeta) or quiz is None:
        return None
    return Module(page=page, meta=page.meta, quiz=quiz[0], quiz_source=quiz[1])


def _load_exam(project: Project, problems: list[Problem]) -> Exam | None:
    if not project.exam_file.is_file():
        return None
    loaded = _load_yaml(project, ExamConfig, project.exam_file, problems)
    return None if loaded is None else Exam(config=loaded[0], source=loaded[1])


def _load_yaml(
    project: Project, model: type[ModelT], path: Path, problems: list[Problem]
) -> tuple[ModelT, Source] | None:
    """Parse and validate one YAML file; its problems go to ``problems``."""
    try:
        source = parse_yaml(path.read_text(encoding="utf-8"), project.relative(path))
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    loaded, model_problems = validate_model(model, source)
    problems.extend(model_problems)
    return None if loaded is None else (loaded, source)


def _orphan_quizzes(project: Project, page_names: set[str]) -> list[Problem]:
    if not project.quiz_dir.is_dir():
        return []
    return [
        Problem(
            project.relative(path),
            1,
            1,
            f"quiz '{path.name}' belongs to no module",
            f"rename it after its module in course/ (course/{path.stem}.md) or delete it",
            "quiz.orphan",
        )
        for path in sorted(project.quiz_dir.glob("*.y*ml"))
        if path.stem not in page_names and path.stem != EXAM_NAME
    ]
