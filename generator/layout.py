"""Which files make up a course, and what is wrong with their names.

Pages are the ``*.md`` files directly in ``course/``; names that start with a digit are
modules and need the form of :data:`generator.project.MODULE_NAME`. The names of the
pages the generator writes itself are reserved, the home page is required, and so is a
module. Hidden files (editors' lock and swap files) are never pages or quizzes.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import Problem
from generator.project import (
    ASSETS_FOLDER,
    EXAM_NAME,
    GENERATED_PAGES,
    HOME_PAGE,
    MEDIA_FOLDERS,
    MODULE_NAME,
    Project,
)

LOOKS_LIKE_MODULE = re.compile(r"^\d")
"""A page whose name starts with a digit is meant to be a module."""


def page_files(project: Project) -> list[Path]:
    """The course's page files, in file-name order (the order of the navigation)."""
    return _visible(project.course_dir, "*.md")


def _visible(folder: Path, pattern: str) -> list[Path]:
    return sorted(path for path in folder.glob(pattern) if not path.name.startswith("."))


def misnamed(path: Path) -> bool:
    """Is ``path`` a page that must not be loaded: a reserved name or a module misnamed?"""
    reserved = path.name in GENERATED_PAGES
    return reserved or (LOOKS_LIKE_MODULE.match(path.stem) is not None and not is_module(path))


def is_module(path: Path) -> bool:
    return MODULE_NAME.match(path.stem) is not None


def layout_problems(project: Project, pages: list[Path]) -> list[Problem]:
    """A missing home page or module, reserved names, misnamed modules."""
    problems = [_name_problem(project, path) for path in pages if misnamed(path)]
    if (project.course_dir / ASSETS_FOLDER).exists():
        problems.append(
            _course_problem(
                project,
                ASSETS_FOLDER,
                f"the generator puts the quiz runtime in '{ASSETS_FOLDER}/', which would mix "
                "with these files",
                f"move them into course/{MEDIA_FOLDERS[0]}/ or course/{MEDIA_FOLDERS[1]}/",
                "course.reserved-name",
            )
        )
    if not (project.course_dir / HOME_PAGE).exists():
        problems.append(
            _course_problem(
                project,
                HOME_PAGE,
                "the course has no home page",
                f"create course/{HOME_PAGE} with a title and an introduction (see AUTHORING.md)",
                "course.no-home",
            )
        )
    if not any(LOOKS_LIKE_MODULE.match(path.stem) for path in pages):
        problems.append(
            _course_problem(
                project,
                "",
                "the course has no module",
                "add a module page such as course/01-intro.md and its quiz "
                "quizzes/01-intro.yml (see AUTHORING.md)",
                "course.no-modules",
            )
        )
    return problems


def _course_problem(project: Project, name: str, message: str, fix: str, code: str) -> Problem:
    """A problem with the file or folder ``name`` in ``course/`` as a whole."""
    return Problem(project.relative(project.course_dir / name), 1, 1, message, fix, code)


def _name_problem(project: Project, path: Path) -> Problem:
    if path.name in GENERATED_PAGES:
        return Problem(
            project.relative(path),
            1,
            1,
            f"the generator writes a page named '{path.name}' itself, which would replace this one",
            f"rename this page; these names are reserved: {', '.join(GENERATED_PAGES)}",
            "course.reserved-name",
        )
    suggestion = _module_name_like(path.stem)
    return Problem(
        project.relative(path),
        1,
        1,
        f"'{path.name}' starts with a digit, so it is a module, but a module's file name is "
        "two digits, a hyphen and lower-case letters, digits or hyphens",
        f"rename it and its quiz, e.g. to {suggestion}.md and {suggestion}.yml",
        "course.module-name",
    )


def _module_name_like(stem: str) -> str:
    """A valid module name close to ``stem``: '01-Intro' -> '01-intro', '1-意义' -> '01-module'."""
    number = re.match(r"\d+", stem)
    digits = (number.group() if number else "1").zfill(2)[-2:]
    slug = re.sub(r"[^a-z0-9]+", "-", stem[len(number.group()) if number else 0 :].lower())
    return f"{digits}-{slug.strip('-') or 'module'}"


MISSPELT_QUIZ_SUFFIX = ".yaml"
"""YAML's other file ending; quiz files are ``.yml``, so such a file is never read."""


def quiz_name_problems(project: Project, page_names: set[str]) -> list[Problem]:
    """Quiz files named ``.yaml``, or with no module page of the same name."""
    if not project.quiz_dir.is_dir():
        return []
    found = (
        _quiz_name_problem(project, path, page_names)
        for path in _visible(project.quiz_dir, "*.y*ml")
    )
    return [problem for problem in found if problem is not None]


def _quiz_name_problem(project: Project, path: Path, page_names: set[str]) -> Problem | None:
    if path.suffix == MISSPELT_QUIZ_SUFFIX:
        return Problem(
            project.relative(path),
            1,
            1,
            "quiz files end in '.yml', and this one is not read",
            f"rename it to {path.stem}.yml",
            "quiz.yaml-extension",
        )
    if path.stem in page_names or path.stem == EXAM_NAME:
        return None
    return Problem(
        project.relative(path),
        1,
        1,
        f"quiz '{path.name}' belongs to no module",
        f"rename it after its module in course/ (course/{path.stem}.md) or delete it",
        "quiz.orphan",
    )
