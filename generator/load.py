"""Load stage: read every page and quiz, check each against its schema."""

from __future__ import annotations

from pathlib import Path

from generator.errors import CourseError, Problem
from generator.layout import is_module, layout_problems, misnamed, orphan_quizzes, page_files
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
from generator.plain_text import plain_text_problems
from generator.project import Project
from generator.schema_problems import ModelT, validate_model
from generator.sources import read_source
from generator.yaml_source import YamlSyntaxError, parse_yaml

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
    page_paths = page_files(project)
    problems = layout_problems(project, page_paths)
    pages: list[Page] = []
    modules: list[Module] = []
    for path in (path for path in page_paths if not misnamed(path)):
        page = load_page(project, path, problems)
        if page is not None:
            pages.append(page)
        if is_module(path):
            module = load_module(project, path, page, problems)
            if module is not None:
                modules.append(module)
    problems.extend(orphan_quizzes(project, {path.stem for path in page_paths}))
    exam = load_exam(project, problems)
    if problems:
        raise CourseError(problems)
    return Course(pages=pages, modules=modules, exam=exam)


def load_page(project: Project, path: Path, problems: list[Problem]) -> Page | None:
    """Read the page at ``path``; its problems go to ``problems``."""
    relative = project.relative(path)
    text = read_source(path, relative)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    lines = text.splitlines()
    end = _front_matter_end(lines, relative)
    if isinstance(end, Problem):
        problems.append(end)
        return None
    try:
        source = parse_yaml("\n".join(lines[1:end]), relative, line_offset=1)
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    problems.extend(plain_text_problems(source))
    meta_model: type[ModuleMeta] | type[PageMeta] = ModuleMeta if is_module(path) else PageMeta
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


def load_module(
    project: Project, page_path: Path, page: Page | None, problems: list[Problem]
) -> Module | None:
    """The module of the page at ``page_path`` (``page`` if it loaded) with its quiz."""
    quiz_path = project.quiz_file(page_path.stem)
    if not quiz_path.exists():
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


def load_exam(project: Project, problems: list[Problem]) -> Exam | None:
    """The exam settings of ``quizzes/exam.yml``, if the course has them."""
    if not project.exam_file.exists():
        return None
    loaded = _load_yaml(project, ExamConfig, project.exam_file, problems)
    return None if loaded is None else Exam(config=loaded[0], source=loaded[1])


def _load_yaml(
    project: Project, model: type[ModelT], path: Path, problems: list[Problem]
) -> tuple[ModelT, Source] | None:
    """Read, parse and validate one YAML file; its problems go to ``problems``."""
    text = read_source(path, project.relative(path))
    if isinstance(text, Problem):
        problems.append(text)
        return None
    try:
        source = parse_yaml(text, project.relative(path))
    except YamlSyntaxError as error:
        problems.append(error.problem)
        return None
    problems.extend(plain_text_problems(source))
    loaded, model_problems = validate_model(model, source)
    problems.extend(model_problems)
    return None if loaded is None else (loaded, source)
