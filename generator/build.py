"""The pipeline, top to bottom: check the course, render it, build the site.

Every entry point goes through here: the command line, live preview, each export and
the benchmark. ``check`` loads and validates everything before anything is written;
``build_variant`` builds a site in a scratch folder with every course setting applied
(search terms, pass marks), and ``build`` swaps that site into ``site/``. Exports build
a variant of the same site with their own changes to the MkDocs settings.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path

from generator.course_data import course_identity
from generator.course_scan import Anchors, CourseScan, CourseScanner
from generator.errors import CourseError, Problem
from generator.file_names import published_name_problems, unpublished_name_warnings
from generator.lint import lint_course
from generator.load import load_course
from generator.markdown_config import site_config
from generator.media import Media, link_problems, linkable_files, pages_in_folders, select_media
from generator.mkdocs_run import ConfigAdjustment, run_mkdocs
from generator.models import Course
from generator.page_checks import OwnChecks
from generator.problem_cache import ProblemCache
from generator.project import BUILT_DOCS, BUILT_SITE, Project
from generator.publish import publish_site, recover_output, refuse_site_target, scratch_folder
from generator.render import QuestionMemo, render_course
from generator.runtime import runtime_assets
from generator.search_index import defer_search_index
from generator.settings_excluded import excluded_file_problems
from generator.settings_files import (
    missing_file_problems,
    named_files,
    shadowed_template_problems,
    template_syntax_problems,
)
from generator.settings_nav import nav_problems
from generator.settings_palette import palette_warnings
from generator.settings_search import dictionary_warnings, search_plugin_warnings
from generator.settings_source import settings_bytes
from generator.style_sheets import (
    course_style_sheets,
    style_sheet_files,
    style_sheet_loads,
    style_sheet_problems,
)
from generator.validate import validate_course
from generator.write import DocsContents, sync_docs
from generator.zensical_run import run_zensical


@dataclass(frozen=True)
class CheckedCourse:
    """A course that passed every check, with what later stages need to know about it."""

    project: Project
    course: Course
    anchors: Anchors
    warnings: list[Problem]
    media: Media
    """The files under ``course/`` the site publishes, and those it leaves out."""


def check(project: Project) -> CheckedCourse:
    """Load and validate the whole course; raise CourseError listing every problem.

    First puts back a site that a killed build left aside (see :mod:`generator.publish`).
    A valid course is then linted for giveaways (:mod:`generator.lint`): warnings only.
    Last, the names of the files published from course/ are checked for Windows and
    against the pages' addresses (:func:`generator.file_names.published_name_problems`;
    those left out, for Windows, are warnings), and ``nav`` in mkdocs.yml, if
    it has one, and the files it names against the pages and files the docs folder will
    hold (:mod:`generator.settings_nav`, :mod:`generator.settings_files`): only then are
    their names all known. The course returned carries its identity, from ``site_name``.
    """
    recover_output(project)
    course, scan, files = _scanned_course(project)
    problems = _course_problems(project, course, scan, files)
    named = named_files(project)
    sheets = course_style_sheets(project, named, files)
    sheet_loads = style_sheet_loads(sheets)
    used = [*(file.name for file in named), *style_sheet_files(sheet_loads, files)]
    media = select_media(project, scan.references, used)
    left_out = [
        *unpublished_name_warnings(project, media.skipped),
        *pages_in_folders(project, media.skipped),
    ]
    settings = _settings_warnings(project, [sheet.text for sheet in sheets])
    warnings = sorted([*problems, *left_out, *settings])
    pages = [page.filename for page in course.pages]
    if late_problems := [
        *published_name_problems(project, media.published, pages),
        *nav_problems(project, course, media.published),
        *excluded_file_problems(project, course, scan.references, media.published),
        *missing_file_problems(project, named, media.published),
        *style_sheet_problems(sheet_loads, files),
        *shadowed_template_problems(project),
        *template_syntax_problems(project),
    ]:
        raise CourseError(late_problems)
    named_course = replace(course, identity=course_identity(site_config(project).site_name))
    return CheckedCourse(project, named_course, scan.anchors, warnings, media)


def _scanned_course(project: Project) -> tuple[Course, CourseScan, set[str]]:
    """The course, its pages' scan, and the files under course/ that a page may link to,
    listed before the course is read so that the workers that scan the pages run each
    page's own checks for them (:class:`generator.page_checks.OwnChecks`). Links under
    course/ or quizzes/ that lead outside the project are told once the course is read."""
    links = link_problems(project)
    files = set() if links else linkable_files(project)
    with CourseScanner(project, OwnChecks(frozenset(files))) as scanner:
        course = load_course(project, scanner.start)
        if links:
            raise CourseError(links)
        return course, scanner.scan(course), files


def _course_problems(
    project: Project, course: Course, scan: CourseScan, files: Collection[str]
) -> list[Problem]:
    """The warnings of the pages and quizzes, after raising CourseError with their errors.
    What each file holds on its own is kept for the next check (:mod:`generator.problem_cache`)."""
    kept = ProblemCache(project)
    try:
        return [*validate_course(course, scan, files, kept), *lint_course(course, scan, kept)]
    finally:
        kept.save()


def _settings_warnings(project: Project, sheets: list[str]) -> list[Problem]:
    """What in mkdocs.yml leaves the site working, but not as the trainer meant: a colour
    Material does not have (``sheets``: the course's style sheets, which may define one),
    the course's Chinese search left out, or a line of its dictionary that jieba misreads."""
    data = settings_bytes(project)
    shown = project.relative(project.config_file)
    return [
        *palette_warnings(project, sheets),
        *search_plugin_warnings(data, shown),
        *dictionary_warnings(data, project.root),
    ]


def docs_contents(checked: CheckedCourse, memo: QuestionMemo | None = None) -> DocsContents:
    """Everything the docs folder must hold: rendered pages, the runtime, course media
    (``memo``: see :class:`generator.render.QuestionMemo`)."""
    rendered = render_course(checked.course, checked.anchors, memo)
    contents = {name: text.encode("utf-8") for name, text in rendered.items()}
    contents.update(runtime_assets())
    contents.update({name: path.read_bytes() for name, path in checked.media.published.items()})
    return contents


def build_variant(
    checked: CheckedCourse,
    scratch: Path,
    adjust: ConfigAdjustment | None = None,
    extra: DocsContents | None = None,
) -> Path:
    """Build the site into ``scratch/site`` (docs in ``scratch/docs``); return the site folder.

    ``adjust`` changes the settings of mkdocs.yml for this build only and ``extra`` adds
    files to the docs folder (an export's variant). The search index is split so that pages
    load it only when the learner searches (:mod:`generator.search_index`). Raises
    CourseError on a MkDocs warning.
    """
    sync_docs(scratch / BUILT_DOCS, {**docs_contents(checked), **(extra or {})})
    run_mkdocs(checked.project, scratch / BUILT_DOCS, scratch / BUILT_SITE, adjust)
    defer_search_index(scratch / BUILT_SITE)
    return scratch / BUILT_SITE


def build_with_zensical(checked: CheckedCourse, scratch: Path) -> Path:
    """Build the site with Zensical into ``scratch/site``; return the site folder.

    The same docs folder as for MkDocs. Zensical segments Chinese for search on its own:
    the course's search terms (``search-terms.txt``, for jieba) play no part.
    """
    sync_docs(scratch / BUILT_DOCS, docs_contents(checked))
    run_zensical(checked.project, scratch / BUILT_DOCS, scratch / BUILT_SITE)
    return scratch / BUILT_SITE


ENGINES: dict[str, Callable[[CheckedCourse, Path], Path]] = {
    "mkdocs": build_variant,
    "zensical": build_with_zensical,
}
"""The site builders ``build --engine`` offers; MkDocs (with Material) is the default."""
DEFAULT_ENGINE = "mkdocs"


def build(project: Project, engine: str = DEFAULT_ENGINE) -> CheckedCourse:
    """Check the course, build it with ``engine`` (strict) and publish it to ``site/``.

    The previous site stays exactly as it was unless the whole build succeeds.
    """
    refuse_site_target(project)
    checked = check(project)
    with scratch_folder(project) as scratch:
        ENGINES[engine](checked, scratch)
        publish_site(project, scratch)
    return checked
