"""Run ``mkdocs build --strict`` on a generated docs folder; report its warnings at their source.

MkDocs names the generated page it warns about (``Doc file '01-x.md' contains a link
'y.md' ...``). A trainer edits ``course/01-x.md``, not the generated copy, so every
warning is reported against the source file, at the first line that holds what the
warning quotes, and with the exam's generated pages against ``quizzes/exam.yml``. A name in
mkdocs.yml the theme has no file for (an icon misspelt) is reported at the line naming it:
Jinja2's error for it is an OSError, with no text of the system's. A plugin's settings that
the plugin itself refuses as the build starts (a search ``boost`` that is no number), and a
Chinese dictionary for the search that jieba cannot read, are reported at their line of
mkdocs.yml, not as a failure of the generator's.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jinja2 import TemplateError
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.errors import CourseError, Problem
from generator.project import Project
from generator.search_cache import SearchEntryCache
from generator.search_dictionary import dictionaries_from_root, start_afresh
from generator.settings_search import DICTIONARIES
from generator.site_engines import (
    MATERIAL_OVERRIDES,
    THEME_OVERRIDES,
    first_line_with,
    source_of,
    template_frames,
    template_problem,
)

ConfigAdjustment = Callable[[MkDocsConfig], None]
"""Changes a variant build makes to the loaded mkdocs.yml settings (an export's site)."""

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
        dictionaries_from_root(project, config)
        config.plugins["mot/search-cache"] = SearchEntryCache(project)
        if adjust is not None:
            adjust(config)
        start_afresh(project)  # as a fresh process has it: an earlier build's is not kept
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
    except ValidationError as error:  # a plugin's check of its settings, as the build starts
        raise CourseError([_plugin_settings_problem(project, error)]) from None
    except Exception as error:  # Python's own, raised in a template: `extra: {social: 3}`
        if _raised_by_jieba(error):
            raise CourseError([_dictionary_problem(project, error)]) from None
        if not template_frames(error):
            raise
        raise CourseError([template_problem(project, error)]) from None
    finally:
        mkdocs_logger.removeHandler(collector)


def _plugin_settings_problem(project: Project, error: ValidationError) -> Problem:
    """A setting a plugin refuses as the build starts, at the first line naming the option
    its message quotes (``Sub-option 'boost': Expected type: …``)."""
    text = " ".join(str(error).split())
    option = QUOTED.search(text)
    line = first_line_with(project.config_file, [f"{option.group(1)}:"]) if option else None
    return Problem(
        project.relative(project.config_file),
        line or 1,
        1,
        f"a plugin refuses its settings: {text}",
        "write the setting it names as the plugin's documentation gives it, or delete it",
        "settings.invalid",
    )


def _raised_by_jieba(error: Exception) -> bool:
    """Whether jieba raised ``error``: its errors are Python's own (``ValueError``), which
    only the frame they came from tells apart from a failure of the generator's."""
    frames = traceback.extract_tb(error.__traceback__)
    return bool(frames) and "jieba" in Path(frames[-1].filename).parts


def _dictionary_problem(project: Project, error: Exception) -> Problem:
    """A Chinese dictionary for the search (``jieba_dict``, ``jieba_dict_user``) that jieba
    could not read, at the line naming it."""
    return Problem(
        project.relative(project.config_file),
        first_line_with(project.config_file, list(DICTIONARIES)) or 1,
        1,
        f"the search's Chinese dictionary cannot be read: {error}",
        "name a UTF-8 file of one word a line (then its frequency and tag, if any), or delete "
        "the setting: the course's own terms go in search-terms.txt",
        "settings.search-dictionary",
    )


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
        first_line_with(path, needles) or 1,
        1,
        f"MkDocs: {text}",
        "fix what it names here",
        MKDOCS_WARNING,
    )
