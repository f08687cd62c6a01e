"""The map of a course project: every folder, file and page name, defined once.

A project folder holds ``course/`` (pages), ``quizzes/`` (one quiz per module and the
exam settings), ``mkdocs.yml`` and ``search-terms.txt``. The generator writes the docs
folder MkDocs reads into ``build/docs``, the site into ``site/`` and exports into
``dist/``. Pages are flat and their URLs end in ``.html`` (``use_directory_urls: false``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

COURSE_FOLDER = "course"
QUIZ_FOLDER = "quizzes"
CONFIG_FILE = "mkdocs.yml"
TERMS_FILE = "search-terms.txt"
WORK_FOLDER = "build"
DOCS_FOLDER = "build/docs"
"""The generated docs folder; ``docs_dir`` in mkdocs.yml names it too, for ``mkdocs serve``."""
CACHE_FOLDER = "build/cache"
"""What a check learnt from unchanged sources, kept for the next one (safe to delete)."""
SITE_FOLDER = "site"
BUILT_DOCS = "docs"
BUILT_SITE = "site"
"""The docs folder and the site a build writes in its scratch folder, and the preview in its
temporary one, before they take the place of the project's."""
OLD_DOCS = "old-docs"
OLD_SITE = "old-site"
"""Where the docs folder and the site they replace are put aside, beside the new ones."""
NEXT_SITE = "next-site"
"""Where a whole rebuild of the preview goes, in its temporary folder, until it replaces the
served site."""
DIST_FOLDER = "dist"
"""Where exports go by default; never part of the published site."""
ASSETS_FOLDER = "assets"
"""The quiz runtime's folder in the docs folder and the site."""
BANKS_FOLDER = f"{ASSETS_FOLDER}/banks"
"""The 错题本's question banks: one script per module with the HTML of its questions, which
the page loads only for the modules the learner has mistakes in (``mot-mistakes.js``)."""
SERVE_FOLDER = f"{ASSETS_FOLDER}/serve"
"""Live preview only (in the package and the preview's docs folder): the problems panel,
its styles and the list of problems it shows; never part of a build."""
SERVE_SCRIPT = f"{SERVE_FOLDER}/mot-serve.js"
SERVE_STYLES = f"{SERVE_FOLDER}/mot-serve.css"
SERVE_PROBLEMS = f"{SERVE_FOLDER}/problems.json"
NOT_FOUND_PAGE = "404.html"
"""The site's own 'page not found' page, which MkDocs writes (and a package leaves out)."""
SCORM_MANIFEST = "imsmanifest.xml"
"""The SCORM package's manifest, which the SCORM export writes at the root of the site it
packages (:mod:`generator.export.scorm`); named here, where the checks of the course's file
names read it too, as they cannot import the export."""
SCORM_LAUNCH_FOLDER = "scorm"
"""The folder of the SCORM package that the export writes its launch pages in, one per SCO
(``scorm/01-intro.html``); named here for the same checks, which keep the course's own files
out of it."""

MODULE_NAME = re.compile(r"^[0-9]{2}-[a-z0-9-]+$")
"""A module's file name without ``.md``: two digits, a hyphen, a slug, all ASCII; full-width
digits (``０７``) make a name that review links could not name."""
HOME_PAGE = "index.md"
HOME_TITLE = "课程首页"
"""What the navigation and the footer's links call the home page. Its heading is its title,
the course's name, which the header and the navigation's own title already show: the
navigation read the course's name twice, one line under the other."""
EXAM_NAME = "exam"
"""``quizzes/exam.yml`` configures the final exam; it belongs to no module."""
EXAM_PAGE = "exam.md"
CERTIFICATE_PAGE = "exam_certificate.md"
"""Named to follow the exam page in the navigation, which MkDocs sorts by file name."""
EXAM_PAGES = (EXAM_PAGE, CERTIFICATE_PAGE)
"""The pages the generator writes when the course has an exam."""
MISTAKES_PAGE = "mistakes.md"
"""错题本: every question the learner got wrong and has not answered right since."""
OUTLINE_MARKER = "<!-- mot:outline -->"
"""A line in a page that the generator replaces with the list of modules."""
PROGRESS_MARKER = "<!-- mot:progress -->"
"""A line in a page that the generator replaces with the learner's progress dashboard."""
GENERATED_PAGES: tuple[str, ...] = (*EXAM_PAGES, MISTAKES_PAGE)
"""Every page name the generator may write: add a new generated page here. A trainer's
page with one of these names is reported, never silently replaced."""
MEDIA_FOLDERS = ("images", "media")
"""Folders in ``course/`` published whole (pictures, downloads); any other file under
``course/`` is published only when a page links to it."""


@dataclass(frozen=True)
class Project:
    """Where everything of one course project lives, under ``root``."""

    root: Path

    @property
    def course_dir(self) -> Path:
        return self.root / COURSE_FOLDER

    @property
    def quiz_dir(self) -> Path:
        return self.root / QUIZ_FOLDER

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def terms_file(self) -> Path:
        return self.root / TERMS_FILE

    @property
    def work_dir(self) -> Path:
        return self.root / WORK_FOLDER

    @property
    def cache_dir(self) -> Path:
        return self.root / CACHE_FOLDER

    @property
    def docs_dir(self) -> Path:
        return self.root / DOCS_FOLDER

    @property
    def site_dir(self) -> Path:
        return self.root / SITE_FOLDER

    @property
    def dist_dir(self) -> Path:
        return self.root / DIST_FOLDER

    @property
    def exam_file(self) -> Path:
        return self.quiz_dir / f"{EXAM_NAME}.yml"

    def quiz_file(self, module_name: str) -> Path:
        return self.quiz_dir / f"{module_name}.yml"

    def relative(self, path: Path) -> Path:
        """``path`` as the trainer sees it: relative to the project when inside it."""
        return path.relative_to(self.root) if path.is_relative_to(self.root) else path

    def shown(self, path: Path) -> str:
        return self.relative(path).as_posix()


def page_url(page: str, from_page: str = "") -> str:
    """The URL of the page whose file is ``page`` (``01-x.md``), as linked from ``from_page``.

    Pages are flat, so a link is the file name with ``.html``; a link to the page itself
    is empty (a bare ``#anchor`` follows).
    """
    if page == from_page:
        return ""
    return PurePosixPath(page).with_suffix(".html").name


def bank_file(module_name: str) -> str:
    """A module's question bank for the 错题本, in the docs folder and the site."""
    return f"{BANKS_FOLDER}/{module_name}.js"


@dataclass(frozen=True)
class ReviewTarget:
    """The section a question's ``review:`` points at."""

    page: str
    anchor: str

    def href(self, from_page: str = "", base_url: str = "") -> str:
        return f"{base_url}{page_url(self.page, from_page)}#{self.anchor}"


def review_target(review: str, module_page: str) -> ReviewTarget:
    """Resolve ``page.md#id`` or ``#id`` (a section of the module's own page)."""
    page, _, anchor = review.partition("#")
    return ReviewTarget(page or module_page, anchor)
