"""What every export gets: the checked course, where to write, and a way to report progress."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.build import CheckedCourse
from generator.project import Project


@dataclass(frozen=True)
class ExportJob:
    checked: CheckedCourse
    output: Path

    @property
    def project(self) -> Project:
        return self.checked.project

    def progress(self, step: str) -> None:
        """Tell the trainer which step of a long export is running."""
        print(f"  … {step}", flush=True)
