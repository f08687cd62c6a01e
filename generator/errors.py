"""Problems a trainer can fix, reported as ``file:line:col: what is wrong; how to fix it``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the course sources, located in the file the trainer edits."""

    path: Path
    line: int
    column: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path.as_posix()}:{self.line}:{self.column}: {self.message}; {self.fix}"


class CourseError(Exception):
    """Raised when the course cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = sorted(problems)
