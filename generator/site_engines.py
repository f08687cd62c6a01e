"""What the two site engines, MkDocs and Zensical, share: the generator's templates laid
over the theme's, and the places in the files a trainer edits of what they complain about.

An engine names the generated page it warns about; a trainer edits ``course/01-x.md``, not
the generated copy, and the exam's generated pages come from ``quizzes/exam.yml``
(:func:`source_of`). A template that fails is told in the trainer's own template, at its
line, or at the setting that gave the theme a value it could not use
(:func:`template_problem`).
"""

from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

from generator.errors import Problem
from generator.markdown_config import site_config
from generator.project import EXAM_PAGES, Project

THEME_OVERRIDES = Path(__file__).parent / "templates/theme"
"""Templates that replace the theme's own, for MkDocs and Zensical: a Chinese 404 page, the
style sheets a page names in its front matter linked in its head (``partials/mot-styles.html``),
the theme's storage reads kept from throwing when site data is blocked
(``partials/mot-storage.html``), and a footer whose links name the neighbour pages without
escaping their titles twice, after a Chinese colon (上一页：…)."""
MATERIAL_OVERRIDES = Path(__file__).parent / "templates/theme-material"
"""Templates for Material under MkDocs only: a search dialog with a name, and search that
loads its index when the learner opens it (Zensical has its own search)."""


def overridden_templates() -> list[str]:
    """The theme's templates the generator replaces, by their path in a theme's folder."""
    return sorted(
        {
            path.relative_to(folder).as_posix()
            for folder in (THEME_OVERRIDES, MATERIAL_OVERRIDES)
            for path in folder.rglob("*")
            if path.is_file()
        }
    )


def template_problem(project: Project, error: Exception) -> Problem:
    """Where a template failed: in a template of the trainer's own (``theme.custom_dir``), at
    its line; else a file a setting names that the theme lacks (an icon misspelt), or the
    theme's own template, failing on what a setting gave it."""
    at = _trainers_template_line(project, error)
    if at is not None:
        path, line = at
        return Problem(
            project.relative(path),
            line,
            1,
            f"the template failed: {_what_failed(error)}",
            "correct the template (Jinja2, as Material's own), or delete it to use the theme's",
            "settings.template-error",
        )
    if isinstance(error, TemplateNotFound):
        return missing_template_problem(project, str(error.name))
    frames = template_frames(error)
    failed = Path(frames[-1].filename) if frames else None
    where = f" (at {failed.name}:{frames[-1].lineno})" if failed else ""
    setting = failed and first_line_with(project.config_file, [f"{failed.stem}:"])
    return Problem(
        project.relative(project.config_file),
        setting or 1,
        1,
        f"the theme's templates failed{where}: {_what_failed(error)}",
        "a setting here gives the theme a value of the wrong kind (a number or a word where "
        "it expects a list, under extra: most often); undo the last change to the settings, "
        "and run the command again",
        "settings.template-error",
    )


def _what_failed(error: Exception) -> str:
    """Jinja2's complaint, without the search paths it lists for a template not found."""
    if isinstance(error, TemplateNotFound):
        return f"it names the template '{error.name}', which neither this folder nor the theme has"
    if isinstance(error, TemplateError):
        return f"{type(error).__name__}: {error.message}"
    return f"{type(error).__name__}: {error}"


def template_frames(error: Exception) -> list[traceback.FrameSummary]:
    """The frames of ``error``'s traceback in templates, which Jinja2 puts there by name."""
    frames = traceback.extract_tb(error.__traceback__)
    return [frame for frame in frames if frame.filename.endswith(".html")]


def _trainers_template_line(project: Project, error: Exception) -> tuple[Path, int] | None:
    """The template of the theme's own folder (``theme.custom_dir``), and its line, where
    ``error`` arose: Jinja2 names it in a syntax error, and puts the templates' own lines in
    the traceback of any other."""
    custom_dir = site_config(project).theme.custom_dir
    if custom_dir is None:
        return None
    if isinstance(error, TemplateSyntaxError) and error.filename:
        places = [(error.filename, error.lineno)]
    else:
        places = [
            (frame.filename, frame.lineno or 1)
            for frame in traceback.extract_tb(error.__traceback__)
        ]
    folder = Path(custom_dir).resolve()
    found = [
        (path, line)
        for name, line in places
        if (path := Path(name).resolve()).is_relative_to(folder)
    ]
    return found[-1] if found else None


def missing_template_problem(project: Project, name: str) -> Problem:
    """The theme has no file ``name`` (``.icons/material/weather-nite.svg``): a name in
    mkdocs.yml, found by the end of its path (``material/weather-nite``, ``weather-nite``)."""
    parts = name.rsplit(".", 1)[0].split("/")
    needles = ["/".join(parts[start:]) for start in range(len(parts))]
    lines = (first_line_with(project.config_file, [needle]) for needle in needles)
    return Problem(
        project.relative(project.config_file),
        next((line for line in lines if line is not None), 1),
        1,
        f"the theme has no file '{name}', which a setting here names (an icon, a language)",
        "correct the name: Material's icons are named like material/weather-night, and its "
        "languages like zh",
        "settings.theme-file",
    )


def source_of(project: Project, docs_name: str) -> Path | None:
    """The file a trainer edits for the generated page ``docs_name``, if it is one."""
    if docs_name in EXAM_PAGES:
        return project.exam_file
    page = project.course_dir / docs_name
    return page if docs_name.endswith(".md") and "/" not in docs_name and page.is_file() else None


def first_line_with(path: Path, needles: list[str]) -> int | None:
    """The number of the first line of ``path`` that holds one of ``needles`` (an empty one
    is none), if one does."""
    needles = [needle for needle in needles if needle]
    if not needles or not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if any(needle in line for needle in needles):
            return number
    return None
