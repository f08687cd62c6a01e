"""Run ``mkdocs build --strict`` on a generated docs folder; report its warnings at their source.

MkDocs names the generated page it warns about (``Doc file '01-x.md' contains a link
'y.md' ...``). A trainer edits ``course/01-x.md``, not the generated copy, so every
warning is reported against the source file, at the first line that holds what the
warning quotes, and with the exam's generated pages against ``quizzes/exam.yml``. A name in
mkdocs.yml the theme has no file for (an icon misspelt) is reported at the line naming it:
Jinja2's error for it is an OSError, with no text of the system's.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.errors import CourseError, Problem
from generator.markdown_config import site_config
from generator.project import EXAM_PAGES, Project
from generator.search_cache import SearchEntryCache

ConfigAdjustment = Callable[[MkDocsConfig], None]
"""Changes a variant build makes to the loaded mkdocs.yml settings (an export's site)."""

THEME_OVERRIDES = Path(__file__).parent / "templates/theme"
"""Templates that replace the theme's own, for MkDocs and Zensical: a Chinese 404 page, the
style sheets a page names in its front matter linked in its head (``partials/mot-styles.html``),
the theme's storage reads kept from throwing when site data is blocked
(``partials/mot-storage.html``), and a footer whose links name the neighbour pages without
escaping their titles twice."""
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


QUOTED = re.compile(r"'([^']+)'")
MKDOCS_WARNING = "mkdocs.warning"
"""The code of a problem MkDocs warned about."""


def run_mkdocs(
    project: Project, docs_dir: Path, site_dir: Path, adjust: ConfigAdjustment | None = None
) -> None:
    """Build ``docs_dir`` into ``site_dir``; raise CourseError on any MkDocs warning or error."""
    with mkdocs_problems(project):
        config = load_config(
            str(project.config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True
        )
        use_course_theme(config)
        config.plugins["mot/search-cache"] = SearchEntryCache(project)
        if adjust is not None:
            adjust(config)
        build(config)


@contextmanager
def mkdocs_problems(project: Project) -> Iterator[None]:
    """Turn MkDocs' failing in the block into a CourseError that lists every warning it
    logged at its source (a strict build fails on any warning; the live preview's too)."""
    collector = _WarningCollector()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collector)
    try:
        yield
    except MkDocsException as error:  # includes Abort, which is also a SystemExit
        messages = collector.messages or [str(error)]
        raise CourseError([warning_problem(project, message) for message in messages]) from None
    except TemplateError as error:  # TemplateNotFound, TemplateSyntaxError, UndefinedError…
        raise CourseError([template_problem(project, error)]) from None
    except Exception as error:  # Python's own, raised in a template: `extra: {social: 3}`
        if not _template_frames(error):
            raise
        raise CourseError([template_problem(project, error)]) from None
    finally:
        mkdocs_logger.removeHandler(collector)


def use_course_theme(config: MkDocsConfig) -> None:
    """Material entirely in Chinese (our 404 page, no English "Made with" line), with a
    named search dialog whose index loads when the learner opens search."""
    config.theme.dirs[0:0] = [str(MATERIAL_OVERRIDES), str(THEME_OVERRIDES)]
    config.extra["generator"] = False


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def warning_problem(project: Project, message: str) -> Problem:
    """A MkDocs warning, placed at the source of the page it names (else at mkdocs.yml)."""
    text = " ".join(message.split())
    quoted = QUOTED.findall(text)
    named = next((part for part in quoted if source_of(project, part)), None)
    path = project.config_file if named is None else source_of(project, named)
    assert path is not None
    needles = [part for part in quoted if part != named]
    return Problem(
        project.relative(path),
        _first_line_with(path, needles) or 1,
        1,
        f"MkDocs: {text}",
        "fix what it names here",
        MKDOCS_WARNING,
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
    frames = _template_frames(error)
    failed = Path(frames[-1].filename) if frames else None
    where = f" (at {failed.name}:{frames[-1].lineno})" if failed else ""
    setting = failed and _first_line_with(project.config_file, [f"{failed.stem}:"])
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


def _template_frames(error: Exception) -> list[traceback.FrameSummary]:
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
    lines = (_first_line_with(project.config_file, [needle]) for needle in needles)
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


def _first_line_with(path: Path, needles: list[str]) -> int | None:
    if not needles or not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if any(needle in line for needle in needles):
            return number
    return None
