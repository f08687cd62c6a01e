"""Live preview: regenerate the docs folder when a source changes; MkDocs reloads the browser."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from mkdocs.commands.serve import serve as mkdocs_serve
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.cli import load_and_render
from generator.errors import CourseError
from generator.search_terms import register_search_terms
from generator.write import DOCS_FOLDER, docs_files, sync_docs

SOURCE_FOLDERS = ("course", "quizzes")
DEBOUNCE_SECONDS = 0.3


class _Regenerator(FileSystemEventHandler):
    """Regenerates the docs folder shortly after the last change in a burst of saves."""

    def __init__(self, root: Path, docs_dir: Path) -> None:
        self.root, self.docs_dir = root, docs_dir
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
            _, rendered = load_and_render(self.root)
        except CourseError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr, flush=True)
            print(
                "Not updated: fix the problems above and save again.", file=sys.stderr, flush=True
            )
            return False
        changed = sync_docs(self.docs_dir, docs_files(self.root, rendered))
        if changed:
            print(f"Regenerated {len(changed)} file(s): {', '.join(changed)}", flush=True)
        return True


def serve(root: Path, config_file: Path, dev_addr: str) -> None:
    docs_dir = root / DOCS_FOLDER
    docs_dir.mkdir(parents=True, exist_ok=True)
    regenerator = _Regenerator(root, docs_dir)
    if not regenerator.regenerate() and not any(docs_dir.iterdir()):
        raise SystemExit(1)
    register_search_terms(root)
    observer = Observer()
    for folder in SOURCE_FOLDERS:
        if (root / folder).is_dir():
            observer.schedule(regenerator, str(root / folder), recursive=True)
    observer.start()
    try:
        mkdocs_serve(config_file=str(config_file), livereload=True, dev_addr=dev_addr)
    finally:
        observer.stop()
        observer.join()
