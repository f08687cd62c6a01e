"""Live preview: a save regenerates the docs folder and MkDocs rebuilds what changed.

One watcher polls the course's sources (``course/``, ``quizzes/``, ``mkdocs.yml``) and one
builder does both steps, so a save is served well within a second: the generator writes
only the docs files that changed, and MkDocs rebuilds only those pages unless the
navigation changed (:mod:`generator.preview`). The server is MkDocs' own live-reload
server, set up as ``mkdocs serve`` sets it up.

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
import socket
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer, _serve_url

from generator import build
from generator.errors import CourseError, Problem, SetupError
from generator.markdown_config import load_settings, settings_bytes
from generator.mkdocs_run import use_course_theme, warning_problem
from generator.preview import PageTitles, PreviewPlugin, page_titles
from generator.project import SERVE_PROBLEMS, SERVE_SCRIPT, SERVE_STYLES, Project
from generator.search_terms import register_search_terms
from generator.write import DocsContents, sync_docs, update_docs

POLL_SECONDS = 0.1
"""How often the sources are looked at (a few hundred files: cheap)."""
DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every partial build, which :mod:`generator.preview` makes whole."""
Reported = list[Problem | SetupError]
"""What a save got wrong, as the terminal and the problems panel show it."""


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


def serve_files(problems: Reported) -> DocsContents:
    """The problems panel, its styles and the list of ``problems`` (empty: no panel)."""
    package = files("generator").joinpath("assets")
    lines = [str(problem) for problem in problems]
    return {
        SERVE_SCRIPT: package.joinpath("serve/mot-serve.js").read_bytes(),
        SERVE_STYLES: package.joinpath("serve/mot-serve.css").read_bytes(),
        SERVE_PROBLEMS: json.dumps(lines, ensure_ascii=False, indent=1).encode(),
    }


class Preview:
    """One step per change in a burst of saves: regenerate the docs folder, rebuild the site.

    The first build and any that changes what the navigation shows build every page; the
    rest rebuild only the pages whose generated Markdown changed (:mod:`generator.preview`).
    """

    def __init__(self, project: Project, dev_addr: str) -> None:
        self.project = project
        self.dev_addr = dev_addr
        host, _, port = dev_addr.rpartition(":")
        self.serve_url = _serve_url(host, int(port), "/")
        self.site_dir = tempfile.mkdtemp(prefix="mot-preview-")
        self.plugin = PreviewPlugin()
        self.pages: PageTitles | None = None
        """The navigation of the docs folder's pages, as the last good save wrote them."""
        self.built_for: tuple[bytes, PageTitles | None] | None = None
        """The settings and navigation the site was last built with."""

    def config(self) -> MkDocsConfig:
        """The project's MkDocs settings for the preview: the site's theme, as a build has
        it, and the problems panel."""
        config = load_settings(self.project, site_dir=self.site_dir, dev_addr=self.dev_addr)
        use_course_theme(config)
        config.extra_javascript.append(SERVE_SCRIPT)
        config.extra_css.append(SERVE_STYLES)
        config.plugins["mot/preview"] = self.plugin
        config.site_url = self.serve_url
        return config

    def rebuild(self) -> None:
        """Bring the docs folder up to date, then the site. When MkDocs cannot build (a
        broken mkdocs.yml), report why and keep the last good site."""
        reported = self.regenerate()
        try:
            self.build_site()
        except (CourseError, SetupError) as error:
            shown = {str(problem) for problem in reported}
            found = [problem for problem in _problems(error) if str(problem) not in shown]
            _report(found)
            listing = Path(self.site_dir) / SERVE_PROBLEMS
            listing.parent.mkdir(parents=True, exist_ok=True)
            listing.write_bytes(serve_files([*reported, *found])[SERVE_PROBLEMS])

    def build_site(self) -> None:
        """Build the site: whole when the settings or the navigation changed since the last
        good build, else only the pages whose Markdown changed."""
        built_for = (settings_bytes(self.project), self.pages)
        self.plugin.dirty = built_for == self.built_for
        self.built_for = None  # until this build succeeds: a failed one may leave pages half-built
        try:
            mkdocs_build(self.config(), serve_url=self.serve_url, dirty=self.plugin.dirty)
        except MkDocsException as error:  # includes Abort, which is also a SystemExit
            raise CourseError([warning_problem(self.project, str(error))]) from None
        self.built_for = built_for

    def regenerate(self) -> Reported:
        """Bring the docs folder up to date; on bad input, report and keep the last good pages.

        Returns what was reported: nothing when the docs folder is up to date.
        """
        try:
            checked = build.check(self.project)
        except (CourseError, SetupError) as error:
            problems = _problems(error)
            _report(problems)
            update_docs(self.project.docs_dir, serve_files(problems))
            return problems
        for warning in checked.warnings:
            print(warning, file=sys.stderr, flush=True)
        contents = {**build.docs_contents(checked), **serve_files([])}
        changed = sync_docs(self.project.docs_dir, contents)
        if changed:
            print(f"Regenerated {len(changed)} file(s): {', '.join(changed)}", flush=True)
        self.pages = page_titles(contents)
        return []

    def not_found_page(self, code: int) -> bytes | None:
        """The site's own 404 page, as ``mkdocs serve`` answers with it."""
        page = Path(self.site_dir) / f"{code}.html"
        return page.read_bytes() if code == 404 and page.is_file() else None


def _problems(error: CourseError | SetupError) -> Reported:
    return list(error.problems) if isinstance(error, CourseError) else [error]


def _report(problems: Reported) -> None:
    """Print ``problems`` and say that the preview kept the last good version."""
    if not problems:
        return
    for problem in problems:
        print(problem, file=sys.stderr, flush=True)
    print("Not updated: fix the problems above and save again.", file=sys.stderr, flush=True)


def check_port_free(dev_addr: str) -> None:
    """Fail at once, saying what to do, when another program holds the preview's port."""
    host, _, port = dev_addr.rpartition(":")
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the dev server does
        try:
            probe.bind((host, int(port)))
        except OSError:
            other = int(port) + 1
            raise SetupError(
                f"port {port} on {host} is in use by another program (another preview?)",
                f"stop that program, or preview on another port: make serve PORT={other} "
                f"(python -m generator serve --dev-addr {host}:{other})",
                "setup.port-in-use",
            ) from None


def serve(project: Project, dev_addr: str) -> None:
    check_port_free(dev_addr)
    project.docs_dir.mkdir(parents=True, exist_ok=True)
    preview = Preview(project, dev_addr)
    config = preview.config()  # a broken mkdocs.yml stops here, with its problem
    if preview.regenerate() and not any(project.docs_dir.glob("*.md")):
        raise SystemExit(1)
    register_search_terms(project)
    logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
    config.plugins.on_startup(command="serve", dirty=False)
    host, _, port = dev_addr.rpartition(":")
    server = LiveReloadServer(
        builder=preview.rebuild,
        host=host,
        port=int(port),
        root=preview.site_dir,
        polling_interval=POLL_SECONDS,
    )
    server.error_handler = preview.not_found_page
    try:
        preview.build_site()
        for source in (project.course_dir, project.quiz_dir, project.config_file):
            if source.exists():
                server.watch(str(source))
        server = config.plugins.on_serve(server, config=config, builder=preview.rebuild)
        print(f"Serving on {preview.serve_url} (Ctrl+C stops)", flush=True)
        try:
            server.serve()  # type: ignore[no-untyped-call]
        except KeyboardInterrupt:
            print("Shutting down...", flush=True)
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(preview.site_dir, ignore_errors=True)
