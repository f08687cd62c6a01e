"""What every export gets: the checked course, where to write, and a way to report progress."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.markdown_config import Anchors
from generator.models import Course
from generator.render import Rendered
from generator.write import docs_files


@dataclass(frozen=True)
class ExportJob:
    root: Path
    config_file: Path
    course: Course
    anchors: Anchors
    rendered: Rendered
    output: Path

    def docs_contents(self) -> dict[str, bytes]:
        """The docs folder ``build`` would hand to MkDocs: pages, runtime assets, media."""
        return docs_files(self.root, self.rendered)

    def progress(self, step: str) -> None:
        """Tell the trainer which step of a long export is running."""
        print(f"  … {step}", flush=True)


def environment_problem(path: Path, message: str, fix: str) -> Problem:
    """A problem with the machine rather than the course (a missing tool or file)."""
    return Problem(path, 1, 1, message, fix)
