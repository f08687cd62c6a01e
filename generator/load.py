"""Load stage: read every page and quiz, check each against its schema, and read the
search terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from generator.errors import CourseError, Problem
from generator.front_matter import read_front_matter
from generator.layout import (
    PAGE_SUFFIX,
    QUIZ_SUFFIX,
    files_and_not,
    is_module,
    layout_problems,
    meant_stem,
    misnamed,
    misspelt,
    not_a_file,
    ordinary_pages,
    page_files,
    unreadable_folders,
)
from generator.media import outside_link
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
from generator.project import HOME_PAGE, MODULE_NAME, Project
from generator.quiz_names import quiz_files, quiz_name_problems
from generator.schema_problems import ModelT, validate_model
from generator.search_terms import search_terms_problems
from generator.sources import read_source
from generator.yaml_source import YamlSyntaxError, parse_yaml


def load_course(
    project: Project, pages_loaded: Callable[[list[Page]], None] | None = None
) -> Course:
    """Read ``course/``, ``quizzes/`` and ``search-terms.txt``; raise CourseError listing
    every problem. The pages are read first, and handed to ``pages_loaded`` before the
    quizzes are read (see :class:`generator.course_scan.CourseScanner`)."""
    if folder_problems := _folder_problems(project):
        raise CourseError(folder_problems)
    page_paths, not_pages = files_and_not(page_files(project))
    problems = layout_problems(project, page_paths, not_pages)
    loaded = {path: load_page(project, path, problems) for path in page_paths if not misnamed(path)}
    pages = [page for page in loaded.values() if page is not None]
    if pages_loaded is not None:
        pages_loaded(pages)
    misspelt_pages = misspelt(project.course_dir, PAGE_SUFFIX)
    page_names = {meant_stem(path, PAGE_SUFFIX) for path in [*page_paths, *misspelt_pages]}
    quizzes = quiz_files(project, page_names, {path.stem for path in not_pages})
    problems.extend(_not_files(project, [*not_pages, *quizzes.not_files]))
    renamed_quizzes = {module: quiz for quiz, module in quizzes.renames.items()}
    modules = _load_modules(project, loaded, renamed_quizzes, problems)
    problems.extend(quiz_name_problems(project, quizzes))
    problems.extend(_quizzes_of_pages_not_modules(project, page_names))
    exam = load_exam(project, problems)
    problems.extend(search_terms_problems(project))
    if problems:
        raise CourseError(problems)
    return Course(pages=pages, modules=modules, exam=exam)


def _folder_problems(project: Project) -> list[Problem]:
    """What keeps the course's folders from being read at all: ``course/`` missing, either
    folder a link to outside the project, a folder that cannot be listed."""
    if not project.course_dir.is_dir():
        return [
            Problem(
                project.relative(project.course_dir),
                0,
                0,
                "the course folder is missing",
                "create course/ with index.md and the module files",
                "course.missing-folder",
            )
        ]
    return _folders_linked_outside(project) or unreadable_folders(project)


def _folders_linked_outside(project: Project) -> list[Problem]:
    """``course/`` or ``quizzes/`` as a link to a folder outside the project: it builds here,
    and the repository would hold only the link."""
    folders = (project.course_dir, project.quiz_dir)
    linked = [outside_link(project, folder) for folder in folders if folder.is_dir()]
    return [problem for problem in linked if problem is not None]


def _not_files(project: Project, paths: list[Path]) -> list[Problem]:
    """Each of ``paths``, a folder, pipe or device named as a page or a quiz, told to be no
    file (or a link to outside the project); it is not read, nor paired with another."""
    told = (_read(project, path) for path in paths)
    return [problem for problem in told if isinstance(problem, Problem)]


def _load_modules(
    project: Project,
    loaded: dict[Path, Page | None],
    renamed_quizzes: dict[str, str],
    problems: list[Problem],
) -> list[Module]:
    """The modules among the pages ``loaded``, each with its quiz. With no quizzes/ folder
    that is said once, not as one missing quiz per module; a module whose quiz is plainly one
    named after no page (module -> quiz in ``renamed_quizzes``) is told to rename that one."""
    module_paths = [path for path in loaded if is_module(path)]
    if module_paths and not project.quiz_dir.is_dir():
        problems.append(
            Problem(
                project.relative(project.quiz_dir),
                0,
                0,
                "the quizzes folder is missing, so no module has its quiz",
                "put quizzes/ back beside course/, with a quiz file for each module "
                "(see AUTHORING.md)",
                "quiz.missing-folder",
            )
        )
        return []
    found = (
        load_module(project, path, loaded[path], renamed_quizzes.get(path.stem), problems)
        for path in module_paths
    )
    return [module for module in found if module is not None]


def _read(project: Project, path: Path) -> str | Problem:
    """The text of the course file at ``path``, unless it is a link to outside the project."""
    return outside_link(project, path) or read_source(path, project.relative(path))


def load_page(project: Project, path: Path, problems: list[Problem]) -> Page | None:
    """Read the page at ``path``; its problems go to ``problems``."""
    relative = project.relative(path)
    text = _read(project, path)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    lines = text.splitlines()
    read = read_front_matter(lines, relative)
    if isinstance(read, list):
        problems.extend(read)
        return None
    source, end = read
    meta_model: type[ModuleMeta] | type[PageMeta] = ModuleMeta if is_module(path) else PageMeta
    meta, meta_problems = validate_model(meta_model, source)
    problems.extend(_unless_told(plain_text_problems(source), meta_problems))
    problems.extend(meta_problems)
    if meta is None:
        return None
    body = "\n".join(lines[end + 1 :]) + "\n"
    return Page(name=path.stem, source=source, meta=meta, body=body, body_line=end + 2)


def load_module(
    project: Project,
    page_path: Path,
    page: Page | None,
    renamed_quiz: str | None,
    problems: list[Problem],
) -> Module | None:
    """The module of the page at ``page_path`` (``page`` if it loaded) with its quiz, which
    may be the quiz ``renamed_quiz`` still has the module's old name."""
    quiz_path = project.quiz_file(page_path.stem)
    # a link to nothing is read, and reported as a link: created, it would be written through
    if not quiz_path.exists() and not quiz_path.is_symlink():
        misspelt_quizzes = misspelt(project.quiz_dir, QUIZ_SUFFIX)
        if any(meant_stem(path, QUIZ_SUFFIX) == page_path.stem for path in misspelt_quizzes):
            return None  # reported as a file to rename
        problems.append(
            Problem(
                project.relative(page_path),
                1,
                1,
                f"module '{page_path.stem}' has no quiz",
                _missing_quiz_fix(project, quiz_path, renamed_quiz),
                "quiz.missing",
            )
        )
        return None
    quiz = _load_yaml(project, Quiz, quiz_path, problems)
    if page is None or not isinstance(page.meta, ModuleMeta) or quiz is None:
        return None
    return Module(page=page, meta=page.meta, quiz=quiz[0], quiz_source=quiz[1])


def _missing_quiz_fix(project: Project, quiz_path: Path, renamed_quiz: str | None) -> str:
    """How to give a module its quiz: the quiz ``renamed_quiz`` is named, or a new one. A
    quiz named but for capitals (``01-Sample.yml``) is not offered the page's renaming back:
    ``check`` refuses a capital in a module's name."""
    if renamed_quiz is None:
        return f"create {project.shown(quiz_path)} (see AUTHORING.md)"
    renamed = project.shown(project.quiz_file(renamed_quiz))
    if renamed_quiz.lower() == quiz_path.stem.lower():
        return f"rename {renamed} to {project.shown(quiz_path)}: the names differ only in capitals"
    return (
        f"rename {renamed} to {project.shown(quiz_path)}; or, if renaming the page was a slip, "
        f"rename it back to course/{renamed_quiz}{PAGE_SUFFIX}"
    )


def _quizzes_of_pages_not_modules(project: Project, page_names: set[str]) -> list[Problem]:
    """Quizzes named after a page that is no module (``glossary.yml``): never read, as only
    a module has a quiz (``exam.yml`` holds the exam settings, and a page ``exam.md`` is
    reported as a reserved name), or named so but for capitals (``Glossary.yml``: told to
    restore a page ``Glossary.md``, a trainer would have made a second glossary). A quiz
    named after no page is reported by
    :func:`generator.quiz_names.quiz_name_problems`, and one after a page whose name starts
    with a digit but is no module's, with that page."""
    number = 1 + max((int(name[:2]) for name in page_names if MODULE_NAME.match(name)), default=0)
    pages = ordinary_pages(page_names)
    return [
        _quiz_of_a_page_problem(project, path, pages[path.stem.lower()], f"{min(number, 99):02d}")
        for path in sorted(project.quiz_dir.glob(f"*{QUIZ_SUFFIX}"))
        if path.stem.lower() in pages and not not_a_file(path)
    ]


def _quiz_of_a_page_problem(project: Project, path: Path, name: str, number: str) -> Problem:
    """``path``, the quiz of the ordinary page ``name`` (or named so but for capitals)."""
    page = f"{name}{PAGE_SUFFIX}"
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "module"
    if page == HOME_PAGE:
        fix = "the home page has no quiz: move the file out of quizzes/ or delete it"
    else:
        fix = (
            f"to make the page a module, rename it and its quiz with the next number, such as "
            f"{number}-{slug}.md and {number}-{slug}.yml (see AUTHORING.md); otherwise move "
            "the quiz out of quizzes/ or delete it"
        )
    return Problem(
        project.relative(path),
        1,
        1,
        f"quiz '{path.name}' belongs to no module, so it is never read: course/{page} is an "
        "ordinary page, as a module's file name is two digits, a hyphen and lower-case "
        "letters, digits or hyphens",
        fix,
        "quiz.orphan",
    )


def load_exam(project: Project, problems: list[Problem]) -> Exam | None:
    """The exam settings of ``quizzes/exam.yml``, if the course has them."""
    if not project.exam_file.exists() and not project.exam_file.is_symlink():
        return None  # a link to nothing is read, and said to be one
    loaded = _load_yaml(project, ExamConfig, project.exam_file, problems)
    return None if loaded is None else Exam(config=loaded[0], source=loaded[1])


def _load_yaml(
    project: Project, model: type[ModelT], path: Path, problems: list[Problem]
) -> tuple[ModelT, Source] | None:
    """Read, parse and validate one YAML file; its problems go to ``problems``. A folder or
    a pipe was told to be no file where the quizzes were listed (:func:`_not_files`)."""
    if not_a_file(path):
        return None
    text = _read(project, path)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    loaded, source, found = _parsed(model, project.relative(path), text)
    problems.extend(found)
    return None if loaded is None or source is None else (loaded, source)


@lru_cache(maxsize=4096)
def _parsed(
    model: type[ModelT], path: Path, text: str
) -> tuple[ModelT | None, Source | None, tuple[Problem, ...]]:
    """Parse and validate ``text``, once per text: the live preview re-reads the whole course
    on every save, and most files have not changed (the models are frozen)."""
    try:
        source = parse_yaml(text, path)
    except YamlSyntaxError as error:
        return None, None, error.problems
    loaded, model_problems = validate_model(model, source)
    return (
        loaded,
        source,
        (*_unless_told(plain_text_problems(source), model_problems), *model_problems),
    )


def _unless_told(problems: list[Problem], told: Sequence[Problem]) -> list[Problem]:
    """``problems`` but a text too long at a place ``told`` names: what belongs there (true
    or false, a review link) says more than that a paragraph pasted there is too long."""
    places = {(problem.line, problem.column) for problem in told}
    return [
        problem
        for problem in problems
        if problem.code != "text.too-long" or (problem.line, problem.column) not in places
    ]
