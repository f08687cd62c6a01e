"""The site's settings and Markdown dialect, read from ``mkdocs.yml``.

Checks see the course as MkDocs will: the same extensions give the same heading ids, and
the same HTML names the files a page uses (pictures, downloads).
"""

from __future__ import annotations

import html
import multiprocessing
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
from generator.page_cache import PageScan, PageScanCache
from generator.project import EXAM_PAGES, MISTAKES_PAGE, Project

Anchors = dict[str, dict[str, str]]
"""Page file name -> heading id -> heading text, for every page of the course."""
References = dict[str, set[str]]
"""Page file name -> every address its HTML refers to (``src``, ``href`` and the like)."""
REFERENCE_ATTRIBUTES = {"src", "href", "poster", "data"}

GENERATED_HEADINGS = {"quiz": "本章测验"}
"""Headings the generator adds to every module page."""
PARALLEL_FROM = 40
"""Pages to convert before worker processes pay for their start (about 0.3 s each)."""
MAX_WORKERS = 8
PAGES_PER_TASK = 4


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
    for page, scan in zip(unknown, _scan_pages(project, [p.body for p in unknown]), strict=True):
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


def _scan_pages(project: Project, bodies: list[str]) -> list[PageScan]:
    """Scan ``bodies``; many of them (a first check of a large course) in worker processes."""
    extensions, settings = markdown_settings(project)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(bodies) >= PARALLEL_FROM and workers > 1:
        try:
            with ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(extensions, settings),
            ) as pool:
                return list(pool.map(_scan_in_worker, bodies, chunksize=PAGES_PER_TASK))
        except (BrokenProcessPool, pickle.PicklingError, AttributeError, OSError):
            pass  # settings that cannot be sent to another process: scan here
    converter = _converter(extensions, settings)
    return [_scan_page(body, converter) for body in bodies]


_worker_converter: list[markdown.Markdown] = []
"""A worker process's one Markdown instance (see :func:`_start_worker`)."""


def _start_worker(extensions: list[Any], settings: dict[str, Any]) -> None:
    _worker_converter.append(_converter(extensions, settings))


def _scan_in_worker(body: str) -> PageScan:
    return _scan_page(body, _worker_converter[0])


def _converter(extensions: list[Any], settings: dict[str, Any]) -> markdown.Markdown:
    """One Markdown instance with the site's extensions, reset before each page."""
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def _scan_page(body: str, converter: markdown.Markdown) -> PageScan:
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
