"""Live preview: regenerate the docs folder when a source changes; MkDocs reloads the browser.

A save with problems keeps the last good pages and shows the problems in the open page as
well as in the terminal: the preview's pages load a panel script (``assets/serve/``, added
to the MkDocs settings of ``serve`` only, never of a build) that reads the list of problems
the last save left beside it. Writing that list changes the docs folder, so MkDocs
rebuilds and the open page reloads with the panel; the next good save empties the list.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from importlib.resources import files
from typing import Any

from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import build
from generator.errors import CourseError, Problem, SetupError
from generator.project import SERVE_PROBLEMS, SERVE_SCRIPT, SERVE_STYLES, Project
from generator.search_terms import register_search_terms
from generator.write import DocsContents, sync_docs, update_docs

DEBOUNCE_SECONDS = 0.3


def serve_files(problems: list[Problem]) -> DocsContents:
    """The problems panel, its styles and the list of ``problems`` (empty: no panel)."""
    package = files("generator").joinpath("assets")
    lines = [str(problem) for problem in problems]
    return {
        SERVE_SCRIPT: package.joinpath("serve/mot-serve.js").read_bytes(),
        SERVE_STYLES: package.joinpath("serve/mot-serve.css").read_bytes(),
        SERVE_PROBLEMS: json.dumps(lines, ensure_ascii=False, indent=1).encode(),
    }


class _Regenerator(FileSystemEventHandler):
    """Regenerates the docs folder shortly after the last change in a burst of saves."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in {"opened", "closed_no_write"}:
            return
        with self._lock:
            if self._timer:
                self._timer.cancel()
            self._timer = threading.Timer(DEBOUNCE_SECONDS, self.regenerate)
            self._timer.start()

    def regenerate(self) -> bool:
        """Bring the docs folder up to date; on bad input, report and keep the last good pages."""
        try:
            checked = build.check(self.project)
        except CourseError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr, flush=True)
            print(
                "Not updated: fix the problems above and save again.", file=sys.stderr, flush=True
            )
            update_docs(self.project.docs_dir, serve_files(error.problems))
            return False
        for warning in checked.warnings:
            print(warning, file=sys.stderr, flush=True)
        contents = {**build.docs_contents(checked), **serve_files([])}
        changed = sync_docs(self.project.docs_dir, contents)
        if changed:
            print(f"Regenerated {len(changed)} file(s): {', '.join(changed)}", flush=True)
        return True


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


def preview_assets(project: Project) -> tuple[list[Any], list[str]]:
    """The project's scripts and styles, and the problems panel's, for ``mkdocs serve``."""
    config = load_config(str(project.config_file))
    return [*config.extra_javascript, SERVE_SCRIPT], [*config.extra_css, SERVE_STYLES]


def serve(project: Project, dev_addr: str) -> None:
    check_port_free(dev_addr)
    project.docs_dir.mkdir(parents=True, exist_ok=True)
    regenerator = _Regenerator(project)
    if not regenerator.regenerate() and not any(project.docs_dir.glob("*.md")):
        raise SystemExit(1)
    register_search_terms(project)
    observer = Observer()
    for folder in (project.course_dir, project.quiz_dir):
        if folder.is_dir():
            observer.schedule(regenerator, str(folder), recursive=True)
    observer.start()
    scripts, styles = preview_assets(project)
    try:
        mkdocs_serve(
            config_file=str(project.config_file),
            livereload=True,
            dev_addr=dev_addr,
            extra_javascript=scripts,
            extra_css=styles,
        )
    finally:
        observer.stop()
        observer.join()
