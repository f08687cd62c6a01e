"""The site's settings and Markdown dialect, read from ``mkdocs.yml``.

Checks see the course as MkDocs will: the same extensions give the same heading ids, and
the same HTML names the files a page uses (pictures, downloads).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from generator.errors import SetupError
from generator.models import Course
from generator.page_cache import PageScanCache
from generator.page_scan import scan_pages
from generator.project import EXAM_PAGES, MISTAKES_PAGE, Project

Anchors = dict[str, dict[str, str]]
"""Page file name -> heading id -> heading text, for every page of the course."""
References = dict[str, set[str]]
"""Page file name -> every address its HTML refers to (``src``, ``href`` and the like)."""

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


@dataclass(frozen=True)
class CourseScan:
    """What the pages' Markdown yields: the anchors of their headings, the files they use."""

    anchors: Anchors
    references: References


def scan_course(course: Course, project: Project) -> CourseScan:
    """Convert every page body once, as MkDocs will; collect its headings and references.

    Pages whose text the cache knows are not converted again (:mod:`generator.page_cache`).
    """
    cache = PageScanCache(project)
    scans = {page.filename: cache.get(page.body) for page in course.pages}
    unknown = [page for page in course.pages if scans[page.filename] is None]
    extensions, settings = markdown_settings(project)
    bodies = [page.body for page in unknown]
    for page, scan in zip(unknown, scan_pages(extensions, settings, bodies), strict=True):
        cache.put(page.body, scan)
        scans[page.filename] = scan
    cache.save()
    anchors: Anchors = {}
    references: References = {}
    for name, found in scans.items():
        assert found is not None
        anchors[name], references[name] = dict(found[0]), set(found[1])
    for module in course.modules:
        anchors[module.page.filename].update(GENERATED_HEADINGS)
    if course.exam is not None:  # generated pages that trainers' pages may link to
        anchors.update({page: {} for page in EXAM_PAGES})
    if course.modules:
        anchors[MISTAKES_PAGE] = {}
    return CourseScan(anchors, references)


def collect_anchors(course: Course, project: Project) -> Anchors:
    return scan_course(course, project).anchors
