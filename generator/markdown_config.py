"""The site's settings and Markdown dialect, read from ``mkdocs.yml``.

Checks see the course as MkDocs will: the same extensions give the same heading ids, and
the same HTML names the files a page uses (pictures, downloads).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from generator.errors import SetupError
from generator.models import Course
from generator.page_cache import PageScanCache
from generator.project import EXAM_PAGES, MISTAKES_PAGE, Project

Anchors = dict[str, dict[str, str]]
"""Page file name -> heading id -> heading text, for every page of the course."""
References = dict[str, set[str]]
"""Page file name -> every address its HTML refers to (``src``, ``href`` and the like)."""
REFERENCE_ATTRIBUTES = {"src", "href", "poster", "data"}

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
    """Convert every page body once, as MkDocs will; collect its headings and references."""
    anchors: Anchors = {}
    references: References = {}
    cache = PageScanCache(project)
    converter: markdown.Markdown | None = None
    for page in course.pages:
        scan = cache.get(page.body)
        if scan is None:
            converter = converter or _converter(project)
            scan = _scan_page(page.body, converter)
            cache.put(page.body, scan)
        anchors[page.filename], references[page.filename] = dict(scan[0]), set(scan[1])
    cache.save()
    for module in course.modules:
        anchors[module.page.filename].update(GENERATED_HEADINGS)
    if course.exam is not None:  # generated pages that trainers' pages may link to
        anchors.update({page: {} for page in EXAM_PAGES})
    if course.modules:
        anchors[MISTAKES_PAGE] = {}
    return CourseScan(anchors, references)


def collect_anchors(course: Course, project: Project) -> Anchors:
    return scan_course(course, project).anchors


def _converter(project: Project) -> markdown.Markdown:
    """One Markdown instance with the site's extensions, reset before each page."""
    extensions, settings = markdown_settings(project)
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def _scan_page(body: str, converter: markdown.Markdown) -> tuple[dict[str, str], set[str]]:
    """Map every heading anchor MkDocs will give the headings of ``body`` to its text;
    and list the addresses the resulting HTML refers to. ``converter`` is reset first, so
    one instance with the site's extensions serves every page."""
    converter.reset()
    collector = _ReferenceCollector()
    collector.feed(converter.convert(body))
    collector.close()
    found: dict[str, str] = {}
    pending: list[Any] = list(getattr(converter, "toc_tokens", []))
    while pending:
        token = pending.pop()
        found[token["id"]] = html.unescape(token["name"])
        pending.extend(token["children"])
    return found, collector.references


class _ReferenceCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in REFERENCE_ATTRIBUTES:
                self.references.add(value)
            elif value and name == "srcset":
                self.references.update(part.split()[0] for part in value.split(",") if part.strip())
