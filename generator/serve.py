"""Live preview: regenerate the docs folder when a source changes; MkDocs reloads the browser."""

from __future__ import annotations

import socket
import sys
import threading

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator import build
from generator.errors import CourseError, SetupError
from generator.project import Project
from generator.search_terms import register_search_terms
from generator.write import sync_docs

DEBOUNCE_SECONDS = 0.3


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
            return False
        for warning in checked.warnings:
            print(warning, file=sys.stderr, flush=True)
        changed = sync_docs(self.project.docs_dir, build.docs_contents(checked))
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


def serve(project: Project, dev_addr: str) -> None:
    check_port_free(dev_addr)
    project.docs_dir.mkdir(parents=True, exist_ok=True)
    regenerator = _Regenerator(project)
    if not regenerator.regenerate() and not any(project.docs_dir.iterdir()):
        raise SystemExit(1)
    register_search_terms(project)
    observer = Observer()
    for folder in (project.course_dir, project.quiz_dir):
        if folder.is_dir():
            observer.schedule(regenerator, str(folder), recursive=True)
    observer.start()
    try:
        mkdocs_serve(config_file=str(project.config_file), livereload=True, dev_addr=dev_addr)
    finally:
        observer.stop()
        observer.join()
