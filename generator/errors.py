"""What goes wrong, in two kinds, each caught once at the edge (the command line).

A :class:`Problem` is a mistake in the course sources, located in the file the trainer
edits: ``file:line:col: what is wrong; how to fix it [code]``. A :class:`SetupError` is a
problem with the machine or the output (no Chromium, a refused output folder): it names
a path when there is one, never an invented line. Every problem has a stable code, as
MyST-Parser does (``[quiz.single-two-correct]``), so tests and trainers can refer to it
even when the wording changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    """Reported, but the course still builds (unless ``--strict``)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the course sources, located in the file the trainer edits."""

    path: Path
    line: int
    column: int
    message: str
    fix: str
    code: str
    """Stable identifier, ``area.what``: ``quiz.single-two-correct``, ``yaml.syntax``."""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """One line, whatever the quoted source holds (a link written across two lines)."""
        label = "warning: " if self.severity is Severity.WARNING else ""
        text = (
            f"{self.path.as_posix()}:{self.line}:{self.column}: "
            f"{label}{self.message}; {self.fix} [{self.code}]"
        )
        return " ".join(text.splitlines())


class CourseError(Exception):
    """Raised when the course cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = sorted(problems)


class SetupError(Exception):
    """The machine or the output is not fit for the job; the course itself may be fine."""

    def __init__(self, message: str, fix: str, code: str, path: Path | None = None) -> None:
        self.message, self.fix, self.code, self.path = message, fix, code, path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path.as_posix()}: " if self.path is not None else ""
        return f"{where}{self.message}; {self.fix} [{self.code}]"
