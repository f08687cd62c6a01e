"""The site's settings and Markdown dialect, read from ``mkdocs.yml``.

Checks see the course as MkDocs will: the same extensions give the same heading ids.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from generator.errors import SetupError
from generator.models import Course
from generator.project import EXAM_PAGES, MISTAKES_PAGE, Project

Anchors = dict[str, dict[str, str]]
"""Page file name -> heading id -> heading text, for every page of the course."""

GENERATED_HEADINGS = {"quiz": "本章测验"}
"""Headings the generator adds to every module page."""


def site_config(project: Project) -> MkDocsConfig:
    """The settings of the project's ``mkdocs.yml`` as MkDocs reads them (nothing is built)."""
    return _load_settings(project.config_file, project.course_dir)


@cache
def _load_settings(config_file: Path, any_folder: Path) -> MkDocsConfig:
    if not config_file.is_file():
        raise SetupError(
            "the site settings file is missing",
            "run the command in the project folder, or name it with --root",
            "setup.no-mkdocs-yml",
            config_file,
        )
    try:  # any existing folder will do for docs_dir: only settings are read
        return load_config(str(config_file), docs_dir=str(any_folder))
    except ConfigurationError as error:
        raise SetupError(
            f"MkDocs cannot read the settings ({' '.join(str(error).split())})",
            "fix the setting it names",
            "setup.mkdocs-config",
            config_file,
        ) from None


def markdown_settings(project: Project) -> tuple[list[Any], dict[str, Any]]:
    """Return the Markdown extensions and their settings configured in ``mkdocs.yml``."""
    config = site_config(project)
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def headings(body: str, project: Project) -> dict[str, str]:
    """Map every heading anchor MkDocs will give the headings of ``body`` to its text."""
    extensions, settings = markdown_settings(project)
    converter = markdown.Markdown(extensions=extensions, extension_configs=settings)
    converter.convert(body)
    found: dict[str, str] = {}
    pending: list[Any] = list(getattr(converter, "toc_tokens", []))
    while pending:
        token = pending.pop()
        found[token["id"]] = html.unescape(token["name"])
        pending.extend(token["children"])
    return found


def collect_anchors(course: Course, project: Project) -> Anchors:
    anchors = {page.filename: headings(page.body, project) for page in course.pages}
    for module in course.modules:
        anchors[module.page.filename].update(GENERATED_HEADINGS)
    if course.exam is not None:  # generated pages that trainers' pages may link to
        anchors.update({page: {} for page in EXAM_PAGES})
    if course.modules:
        anchors[MISTAKES_PAGE] = {}
    return anchors
