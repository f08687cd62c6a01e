"""Live preview: a save regenerates the docs folder and MkDocs rebuilds what changed.

One watcher polls the course's sources (``course/``, ``quizzes/``, ``mkdocs.yml``,
``search-terms.txt``, the search's dictionaries), also through a folder being deleted and put back
(:class:`SourceWatch`), and one builder does both steps, so a save is served well within
a second: the generator writes only the docs files that changed, and MkDocs rebuilds only
those pages unless the navigation or the search terms changed (:mod:`generator.preview`).
The server is MkDocs' own live-reload server, set up as ``mkdocs serve`` sets it up. The
docs folder and the site are the preview's own, in a temporary folder: a build run
meanwhile swaps its docs folder into ``build/docs``, and would take files from under the
preview if it used that one.

A save with problems, in the course or in ``mkdocs.yml``, keeps the last good pages and
shows the problems in the open page as well as in the terminal: the preview's pages load a
panel script (``assets/serve/``, added to the MkDocs settings of ``serve`` only, never of a
build) that reads the list of problems the last save left beside it; the next good save
empties the list.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from importlib.resources import files
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from generator import build
from generator.errors import (
    CourseError,
    Problem,
    SetupError,
    capped,
    generator_failed,
    system_problem,
)
from generator.listen_address import ListenAddress, check_port_free, listen_address
from generator.markdown_config import load_settings
from generator.mkdocs_run import MKDOCS_WARNING, mkdocs_problems, use_course_theme
from generator.preview import PageTitles, PreviewPlugin, page_titles, remove_from_site
from generator.preview_signals import stopped_as_by_ctrl_c
from generator.preview_start import NOT_STARTED, started, waiting_page
from generator.preview_terminal import WarningsShown, changes, report, report_new, say_why_whole
from generator.project import (
    BUILT_DOCS,
    BUILT_SITE,
    NEXT_SITE,
    OLD_SITE,
    SERVE_PROBLEMS,
    SERVE_SCRIPT,
    SERVE_STYLES,
    Project,
)
from generator.publish import swap_in
from generator.render import QuestionMemo
from generator.search_dictionary import PreviewDictionary
from generator.search_terms import read_search_terms
from generator.settings_source import settings_bytes
from generator.source_watch import (
    POLL_SECONDS,
    FileState,
    PreviewServer,
    SourceWatch,
    files_read_in,
    source_state,
)
from generator.write import DocsContents, sync_docs, update_docs

DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every partial build, which :mod:`generator.preview` makes whole."""
Reported = list[Problem | SetupError]
"""What a save got wrong, as the terminal and the problems panel show it."""
NOT_UPDATED = "Not updated: fix the problems above and save again."
BuiltFor = tuple[bytes, PageTitles | None, list[str], FileState, FileState, FileState]
"""What a whole build of the preview's site was made with: mkdocs.yml's bytes, the
navigation's pages and titles, the search terms, the theme's own folder, the snippets, the
search's dictionaries."""
FIXED = "Fixed: the preview shows the course as saved."
"""Said once a save clears the problems last reported, which a page reload alone would not
tell the terminal (a mended mkdocs.yml regenerates no page)."""
BUG_FIX = "the preview keeps the last good pages; undo the last edit and save again"
"""What to do when the generator fails on a save through a bug of its own."""


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


@contextmanager
def _dirty_warning_dropped() -> Iterator[None]:
    """MkDocs' warning on a dirty build, dropped: strict, it would fail every such build."""
    logger = logging.getLogger("mkdocs.commands.build")
    logger.addFilter(_not_the_dirty_warning)
    try:
        yield
    finally:
        logger.removeFilter(_not_the_dirty_warning)


def serve_files(problems: Reported, warnings: Sequence[Problem] = ()) -> DocsContents:
    """The problems panel, its styles and the lists of ``problems`` (none: no panel) and of
    the course's ``warnings`` (shown folded when there is no problem)."""
    package = files("generator").joinpath("assets")
    listed = {
        "problems": [str(problem) for problem in problems],
        "warnings": [str(warning) for warning in warnings],
    }
    return {
        SERVE_SCRIPT: package.joinpath("serve/mot-serve.js").read_bytes(),
        SERVE_STYLES: package.joinpath("serve/mot-serve.css").read_bytes(),
        SERVE_PROBLEMS: json.dumps(listed, ensure_ascii=False, indent=1).encode(),
    }


class Preview:
    """One step per change in a burst of saves: regenerate the docs folder, rebuild the site.

    The first build and any that changes what the navigation shows build every page; the
    rest rebuild only the pages whose generated Markdown changed (:mod:`generator.preview`).
    """

    def __init__(self, project: Project, address: ListenAddress, folder: Path) -> None:
        self.project = project
        self.address = address
        self.serve_url = address.url
        self.folder = folder
        """The preview's docs folder and site, apart from a build's (see the module)."""
        self.docs_dir = self.folder / BUILT_DOCS
        self.docs_dir.mkdir(parents=True)
        self.site_dir = self.folder / BUILT_SITE
        self.plugin = PreviewPlugin()
        self.pages: PageTitles | None = None
        """The navigation of the docs folder's pages, as the last good save wrote them."""
        self.built_for: BuiltFor | None = None
        """The settings, navigation, search terms and theme the site was last built with."""
        self.last_good: BuiltFor | None = None
        """The same, of the last build that succeeded (``built_for`` is None after a failed one)."""
        self.dictionary = PreviewDictionary(project)
        """jieba's, which splits the search's Chinese: loaded only when it changes."""
        self.removed: set[str] = set()
        """Files gone from the docs folder since the last build: one of the changed pages alone
        would leave them in the site."""
        self.questions = QuestionMemo()
        """The questions' HTML, rendered again only when a save changed them."""
        self.warnings = WarningsShown()
        self.shown: list[str] = []
        """The problems the last start or save reported, as the terminal printed them."""
        self.touched = False
        """Whether the last update changed the docs folder or built the site."""

    def start(self) -> bool:
        """Generate the docs folder and build the site the server starts with, beginning with
        the last build's docs folder so that a course broken at start-up still shows its last
        good pages. With nothing to serve, say why; returns whether there is a site."""
        # No build yet, or one swapping its docs folder in meanwhile: the first good save
        # fills the preview's.
        with suppress(OSError):
            shutil.copytree(self.project.docs_dir, self.docs_dir, dirs_exist_ok=True)
        reported = self.update()
        if self.built_for is None:
            self.shown = report_new(reported, NOT_STARTED, self.shown)
            return False
        self.shown = [str(problem) for problem in reported]
        report(reported, NOT_UPDATED)
        return True

    def config(self, site_dir: Path | None = None) -> MkDocsConfig:
        """The project's MkDocs settings for the preview, building into ``site_dir`` (else
        the served site): strict and with the site's theme, as a build has them, and the
        problems panel."""
        config = load_settings(
            self.project,
            docs_dir=str(self.docs_dir),
            site_dir=str(site_dir or self.site_dir),
            dev_addr=self.address.setting,
            strict=True,
        )
        use_course_theme(config)
        config.extra_javascript.append(SERVE_SCRIPT)
        config.extra_css.append(SERVE_STYLES)
        config.plugins["mot/preview"] = self.plugin
        config.site_url = self.serve_url
        return config

    def rebuild(self) -> bool:
        """Bring the docs folder up to date, then the site; on problems, list them in the
        terminal and beside the last good site, which the problems panel shows. Returns
        whether the open pages are to reload.

        Problems found while a save was still being written are not listed: an editor that
        saves in place empties the file, then writes it, and a file read in between is
        empty (or half there). The watch asks for the next rebuild, which reads it whole.
        A rebuild that changed nothing is not told either: one save may ask for several (an
        editor's swap, backup or lock file beside the file), and each reloaded the page and
        printed the same problems again."""
        before = source_state(self.project)
        reported = self.update()
        shown = [str(problem) for problem in reported]
        if (reported and source_state(self.project) != before) or (
            not self.touched and shown == self.shown
        ):
            return False
        if reported:
            listing = self.site_dir / SERVE_PROBLEMS
            listing.parent.mkdir(parents=True, exist_ok=True)
            listing.write_bytes(serve_files(reported)[SERVE_PROBLEMS])
        elif self.shown:
            print(FIXED, file=sys.stderr, flush=True)
        self.shown = shown
        report(reported, NOT_UPDATED)
        return True

    def update(self) -> Reported:
        """Bring the docs folder up to date, then the site. On problems the site stays the
        last good one: settings ``check`` refused are not built into it. With no site yet,
        the last good pages (of the last build) are built, if there are any. Returns what
        went wrong: nothing when the site is up to date.

        Every error is returned (a broken mkdocs.yml, a file that cannot be written, and
        a failure of the generator's own, with its traceback in the terminal): one let
        through would leave MkDocs' server stuck until the next save.
        """
        reported: Reported = []
        self.touched = False
        try:
            reported = self.regenerate()
            if not reported or (self.last_good is None and any(self.docs_dir.glob("*.md"))):
                self.build_site()
        except (CourseError, SetupError, OSError) as error:
            shown = {str(problem) for problem in reported}
            reported += [
                problem
                for problem in self.problems(error)
                if str(problem) not in shown and not (reported and _mkdocs_warning(problem))
            ]
        except Exception as error:  # a bug of ours: listed, so the server is not left stuck
            traceback.print_exc()
            reported.append(generator_failed(error, "on this save", BUG_FIX))
        return reported

    def build_site(self) -> None:
        """Build the site: whole when the settings, the navigation, the search terms, the
        search's dictionaries, the theme's own folder or a snippet changed since the last
        good build, else only the pages whose Markdown changed.

        A MkDocs warning is a problem, as in a build (a nav entry naming no page). A whole
        build goes into a folder of its own and replaces the served site only when it
        succeeds, so a failed one leaves the last good site.
        """
        terms = read_search_terms(self.project)
        built_for = (settings_bytes(self.project), self.pages, terms, *files_read_in(self.project))
        dirty = built_for == self.built_for
        if dirty and not self.touched:  # nothing changed: the site is up to date
            return
        self.touched = True
        self.plugin.dirty = dirty
        self.built_for = None  # until this build succeeds: a failed one may leave pages half-built
        target = self.site_dir if dirty else self.folder / NEXT_SITE
        if dirty:  # files gone, not pages: a page removed changes the navigation (a whole build)
            remove_from_site(self.site_dir, self.removed)
        with _dirty_warning_dropped(), mkdocs_problems(self.project):
            config = self.config(target)
            self.dictionary.use(config, terms)
            mkdocs_build(config, serve_url=self.serve_url, dirty=dirty)
        if not dirty:
            self.serve_site(target)
            say_why_whole(self.last_good, built_for)
        self.removed.clear()
        self.built_for = self.last_good = built_for

    def serve_site(self, built: Path) -> None:
        """Put the whole site ``built`` in place of the served one, as a build publishes."""
        old = self.folder / OLD_SITE
        swap_in(built, self.site_dir, old)
        shutil.rmtree(old, ignore_errors=True)

    def regenerate(self) -> Reported:
        """Bring the docs folder up to date; on bad input, keep the last good pages.

        Returns the problems of the input: none when the docs folder is up to date.
        """
        try:
            checked = build.check(self.project)
        except (CourseError, SetupError) as error:
            problems = self.problems(error)
            self.touched = bool(update_docs(self.docs_dir, serve_files(problems)))
            return problems
        warnings = capped(checked.warnings)
        self.warnings.print_if_new(warnings)
        contents = {**build.docs_contents(checked, self.questions), **serve_files([], warnings)}
        synced = sync_docs(self.docs_dir, contents)
        self.touched = bool(synced)
        changed = [name for name in synced if name != SERVE_PROBLEMS]
        self.removed.update(name for name in changed if name not in contents)
        if changed:
            print(changes(changed, contents), flush=True)
        self.pages = page_titles(contents)
        return []

    def problems(self, error: CourseError | SetupError | OSError) -> Reported:
        """What ``error`` reports; a file the preview cannot read or write as ``cli`` has it."""
        if isinstance(error, CourseError):
            return list(error.problems)
        if isinstance(error, SetupError):
            return [error]
        return [system_problem(self.project, error)]

    def not_found_page(self, code: int) -> bytes | None:
        """The site's own 404 page, as ``mkdocs serve`` answers with it."""
        page = self.site_dir / f"{code}.html"
        return page.read_bytes() if code == 404 and page.is_file() else None


def _mkdocs_warning(problem: Problem | SetupError) -> bool:
    """A warning of MkDocs' building the last good pages with settings ``check`` refused
    (a ``nav`` naming no page): the check's own problem says it better, at its line."""
    return isinstance(problem, Problem) and problem.code == MKDOCS_WARNING


def serve(project: Project, dev_addr: str) -> None:
    """Preview the project on ``dev_addr`` until Ctrl+C, ``kill`` or the terminal's closing;
    its docs folder and site live in a temporary folder, removed on the way out."""
    address = listen_address(dev_addr)
    check_port_free(address)
    with (
        stopped_as_by_ctrl_c(),
        tempfile.TemporaryDirectory(prefix="mot-preview-", ignore_cleanup_errors=True) as folder,
    ):
        try:
            _serve(Preview(project, address, Path(folder)))
        except KeyboardInterrupt:
            print("Shutting down...", flush=True)


def _serve(preview: Preview) -> None:
    with waiting_page(preview.address) as waiting:
        config = started(preview, waiting)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        server = PreviewServer(
            builder=preview.rebuild,
            host=preview.address.host,
            port=preview.address.port,
            root=str(preview.site_dir),
            polling_interval=POLL_SECONDS,
        )
        server.error_handler = lambda code: server.reloading(preview.not_found_page(code))
        SourceWatch(preview.project, server).start()
        served: LiveReloadServer = config.plugins.on_serve(
            server, config=config, builder=server.builder
        )
        print(f"Serving on {preview.serve_url} (Ctrl+C stops)", flush=True)
        try:
            served.serve()  # type: ignore[no-untyped-call]
        finally:
            served.shutdown()
    finally:
        config.plugins.on_shutdown()
