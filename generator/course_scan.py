"""Every page body converted once, as MkDocs will convert it, for what the checks need: the
ids of its headings, the files its HTML names, its links and ids, the lines of its text.

The Markdown extensions and their settings are mkdocs.yml's
(:func:`generator.markdown_config.markdown_settings`), so the same extensions give the same
heading ids. Pages are converted in worker processes (:mod:`generator.page_scan`), and
what was found is kept between runs (:mod:`generator.page_cache`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import markdown

from generator.errors import CourseError, Problem, SetupError
from generator.markdown_config import markdown_settings
from generator.models import Course, Page
from generator.page_cache import PageScanCache
from generator.page_limits import costly_markup
from generator.page_scan import PageScan, Scans, scan_page
from generator.page_snippets import SNIPPETS
from generator.page_text import Lines, searchable_lines
from generator.project import Project

Anchors = dict[str, dict[str, str]]
"""Page file name -> heading id -> heading text, for every page of the course."""
References = dict[str, set[str]]
"""Page file name -> every address its HTML refers to (``src``, ``href`` and the like)."""

PageCheck = Callable[[Page, PageScan, bool], list[Problem]]
"""A page's own checks (:class:`generator.page_checks.OwnChecks`), given the page, its scan
and whether mkdocs.yml adds the snippets extension: run where the page is scanned."""
Scanned = tuple[PageScan, list[Problem] | None]
"""A page's scan, and what its own checks found (None: not checked as it was scanned)."""

GENERATED_HEADINGS = {"quiz": "本模块测验"}
"""Headings the generator adds to every module page."""
UNREAD = PageScan({}, set(), [], [])
"""The scan of a page that was not converted."""


@dataclass(frozen=True)
class CourseScan:
    """What the pages' Markdown yields: the anchors of their headings, the files they use."""

    anchors: Anchors
    """With the headings the generator adds."""
    references: References
    pages: dict[str, PageScan]
    """Page file name -> everything its scan found (links and ids for the checks)."""
    costly: dict[str, Problem]
    """Page file name -> why the page was not converted (:mod:`generator.page_limits`);
    nothing is known of its headings, links and ids."""
    lines: dict[str, Lines]
    """Page file name -> its body's lines outside code, as the page checks read them."""
    reads_snippets: bool
    """Whether mkdocs.yml adds the snippets extension, which reads ``--8<--`` lines."""
    own_problems: dict[str, list[Problem]] = field(default_factory=dict)
    """Page file name -> what :attr:`checked_by` found of the page as it was scanned."""
    checked_by: PageCheck | None = None


class CourseScanner:
    """Converts every page body once, as MkDocs will, for its headings and references.

    Pages whose text the cache knows are not converted again (:mod:`generator.page_cache`),
    nor are pages that would take too long to convert (:mod:`generator.page_limits`).
    :meth:`start`, given the pages as soon as they are loaded, sets worker processes
    converting them while this process reads the quizzes (on a first check of a large
    course); :meth:`scan` collects what they found. Use it in a ``with`` block, which ends
    the workers however the block ends. Given ``check``, a page's own checks, the workers
    run it on each page they scan: a first check of a large course spreads those over the
    workers too, rather than running them all in this process once the scans are in.
    """

    def __init__(self, project: Project, check: PageCheck | None = None) -> None:
        self.project = project
        self.check = check
        self.reads_snippets = False
        self.cache = PageScanCache(project)
        self.pages: list[Page] = []
        self.lines: dict[str, Lines] = {}
        self.costly: dict[str, Problem] = {}
        self.known: dict[str, PageScan | None] = {}
        self.unknown: list[Page] = []
        self.scans: Scans[Page, Scanned] | None = None

    def __enter__(self) -> CourseScanner:
        return self

    def __exit__(self, *exception: object) -> None:
        if self.scans is not None:
            self.scans.stop()

    def start(self, pages: list[Page]) -> None:
        """Start converting ``pages``; a broken mkdocs.yml is left for :meth:`scan` to report."""
        self.pages = pages
        self.lines = {page.filename: searchable_lines(page) for page in pages}
        self.costly = {
            page.filename: problem
            for page in pages
            if (problem := costly_markup(page, self.lines[page.filename])) is not None
        }
        self.known = {
            page.filename: UNREAD if page.filename in self.costly else self.cache.get(page.body)
            for page in pages
        }
        self.unknown = [page for page in pages if self.known[page.filename] is None]
        try:
            extensions, settings = markdown_settings(self.project)
        except (CourseError, SetupError):
            return
        self.reads_snippets = SNIPPETS in extensions
        work = partial(_scanned, check=self.check, reads_snippets=self.reads_snippets)
        self.scans = Scans(extensions, settings, self.unknown, work)

    def scan(self, course: Course) -> CourseScan:
        """What the pages of ``course`` yield (started now if :meth:`start` was not given
        them)."""
        extensions, _ = markdown_settings(self.project)  # a broken one is reported here
        if self.scans is None or self.pages != course.pages:
            self.start(course.pages)
        own = self._collect()
        pages = {name: found for name, found in self.known.items() if found is not None}
        anchors = {name: dict(found.headings) for name, found in pages.items()}
        references = {name: set(found.references) for name, found in pages.items()}
        for module in course.modules:
            anchors[module.page.filename].update(GENERATED_HEADINGS)
        # generated pages that trainers' pages may link to
        anchors.update({page: {} for page in course.generated_pages})
        reads_snippets = SNIPPETS in extensions
        # the pages were checked for the settings read when they were started
        checked_by = self.check if reads_snippets == self.reads_snippets else None
        return CourseScan(
            anchors, references, pages, self.costly, self.lines, reads_snippets, own, checked_by
        )

    def _collect(self) -> dict[str, list[Problem]]:
        """Take in the scans of the pages not known before, keeping them for the next run;
        return what their own checks found, by page."""
        assert self.scans is not None
        own: dict[str, list[Problem]] = {}
        for page, (found, problems) in zip(self.unknown, self.scans.results(), strict=True):
            if found.keepable:
                self.cache.put(page.body, found)
            self.known[page.filename] = found
            if problems is not None:
                own[page.filename] = problems
        self.cache.save()
        return own


def _scanned(
    page: Page, converter: markdown.Markdown, check: PageCheck | None, reads_snippets: bool
) -> Scanned:
    """The scan of ``page`` and, given ``check``, what the page's own checks find, run
    where it was scanned (a worker process, on a first check of a large course)."""
    found = scan_page(page.body, converter)
    return found, None if check is None else check(page, found, reads_snippets)


def scan_course(course: Course, project: Project) -> CourseScan:
    """Convert every page body once, as MkDocs will; collect its headings and references."""
    with CourseScanner(project) as scanner:
        return scanner.scan(course)


def collect_anchors(course: Course, project: Project) -> Anchors:
    return scan_course(course, project).anchors
