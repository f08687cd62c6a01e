"""Every page body converted once, as MkDocs will convert it, for what the checks need: the
ids of its headings, the files its HTML names, its links and ids, the lines of its text.

The Markdown extensions and their settings are mkdocs.yml's
(:func:`generator.markdown_config.markdown_settings`), so the same extensions give the same
heading ids. Pages are converted in worker processes (:mod:`generator.page_scan`), and
what was found is kept between runs (:mod:`generator.page_cache`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.errors import CourseError, Problem, SetupError
from generator.markdown_config import markdown_settings
from generator.models import Course, Page
from generator.page_cache import PageScanCache
from generator.page_limits import costly_markup
from generator.page_scan import PageScan, Scans
from generator.page_snippets import SNIPPETS
from generator.page_text import Lines, searchable_lines
from generator.project import Project

Anchors = dict[str, dict[str, str]]
"""Page file name -> heading id -> heading text, for every page of the course."""
References = dict[str, set[str]]
"""Page file name -> every address its HTML refers to (``src``, ``href`` and the like)."""

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


class CourseScanner:
    """Converts every page body once, as MkDocs will, for its headings and references.

    Pages whose text the cache knows are not converted again (:mod:`generator.page_cache`),
    nor are pages that would take too long to convert (:mod:`generator.page_limits`).
    :meth:`start`, given the pages as soon as they are loaded, sets worker processes
    converting them while this process reads the quizzes (on a first check of a large
    course); :meth:`scan` collects what they found. Use it in a ``with`` block, which ends
    the workers however the block ends.
    """

    def __init__(self, project: Project) -> None:
        self.project = project
        self.cache = PageScanCache(project)
        self.pages: list[Page] = []
        self.lines: dict[str, Lines] = {}
        self.costly: dict[str, Problem] = {}
        self.known: dict[str, PageScan | None] = {}
        self.unknown: list[Page] = []
        self.scans: Scans | None = None

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
        self.scans = Scans(extensions, settings, [page.body for page in self.unknown])

    def scan(self, course: Course) -> CourseScan:
        """What the pages of ``course`` yield (started now if :meth:`start` was not given
        them)."""
        extensions, _ = markdown_settings(self.project)  # a broken one is reported here
        if self.scans is None or self.pages != course.pages:
            self.start(course.pages)
        assert self.scans is not None
        for page, found in zip(self.unknown, self.scans.results(), strict=True):
            if found.keepable:
                self.cache.put(page.body, found)
            self.known[page.filename] = found
        self.cache.save()
        pages = {name: found for name, found in self.known.items() if found is not None}
        anchors = {name: dict(found.headings) for name, found in pages.items()}
        references = {name: set(found.references) for name, found in pages.items()}
        for module in course.modules:
            anchors[module.page.filename].update(GENERATED_HEADINGS)
        # generated pages that trainers' pages may link to
        anchors.update({page: {} for page in course.generated_pages})
        reads_snippets = SNIPPETS in extensions
        return CourseScan(anchors, references, pages, self.costly, self.lines, reads_snippets)


def scan_course(course: Course, project: Project) -> CourseScan:
    """Convert every page body once, as MkDocs will; collect its headings and references."""
    with CourseScanner(project) as scanner:
        return scanner.scan(course)


def collect_anchors(course: Course, project: Project) -> Anchors:
    return scan_course(course, project).anchors
