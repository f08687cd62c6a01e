"""What goes wrong, in two kinds, each caught once at the edge (the command line).

A :class:`Problem` is a mistake in the course sources, located in the file the trainer
edits: ``file:line:col: what is wrong; how to fix it [code]``. A :class:`SetupError` is a
problem with the machine or the output (no Chromium, a refused output folder): it names
a path when there is one, never an invented line. Every problem has a stable code, as
MyST-Parser does (``[quiz.single-two-correct]``), so tests and trainers can refer to it
even when the wording changes.
"""

from __future__ import annotations

import errno
import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.project import Project

PROBLEMS_PER_FILE = 50
"""How many problems of one file are shown; the rest are counted in one line after them. A
mistake repeated down a file (a list of 150,000 items that are not questions) would otherwise
print one line per item: megabytes in the terminal and in the preview's problems panel."""
MORE_PROBLEMS = "problems.more-in-file"


def raising_modules(error: BaseException) -> list[str]:
    """The module of each frame ``error`` went through, from where it was caught to where it
    was raised: which library's code raised it, for the trainer's setting or page that led
    there to be told instead of a traceback."""
    return [
        str(frame.f_globals.get("__name__", ""))
        for frame, _ in traceback.walk_tb(error.__traceback__)
    ]


def counted(count: int, noun: str, plural: str = "") -> str:
    """``count`` and ``noun``, plural unless there is exactly one: "1 module", "2 modules"
    (``plural`` where adding an s will not do: "entries")."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {plural or noun + 's'}"


def joined_with_and(items: list[str]) -> str:
    """``items`` as a trainer reads a list: 'a', 'a and b', 'a, b and c'."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    """Reported, but the course still builds (unless ``--strict``)."""


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in the course sources, located in the file the trainer edits."""

    path: Path
    line: int
    """0 for a folder as a whole, shown with no line or column (``quizzes/: …``)."""
    column: int
    message: str
    fix: str
    code: str
    """Stable identifier, ``area.what``: ``quiz.single-two-correct``, ``yaml.syntax``."""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """One line, whatever the quoted source holds (a link written across two lines)."""
        label = "warning: " if self.severity is Severity.WARNING else ""
        where = (
            f"{self.path.as_posix()}:{self.line}:{self.column}"
            if self.line
            else f"{self.path.as_posix()}/"
        )
        return printable(f"{where}: {label}{self.message}; {self.fix} [{self.code}]")


CONTROL = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
"""What a terminal acts on instead of showing, but for tab and what Python counts as a line
break: control characters (ESC starts a sequence that recolours or clears the screen) and
those that reorder the text around them (a file named ``07-\u202eevil.md`` printed its line
backwards); and the lone surrogates that stand for a file name's bytes that are not UTF-8,
which no text stream can write."""


LONG_RUN = re.compile(r"\S{200,}")
"""Text with no space in it long enough to fill a terminal: a value a message repeats (a
paragraph pasted into a key, 200,000 characters on one line) is shown by its ends."""


def printable(text: str) -> str:
    """``text`` on one line with control characters shown as escapes (``\\x1b``,
    ``\\u202e``): a file name or a quoted key can hold any of them; a long run of text
    without a space is shortened to its ends."""
    one_line = LONG_RUN.sub(_ends, " ".join(text.splitlines()))
    return CONTROL.sub(_escaped, one_line)


def _ends(found: re.Match[str]) -> str:
    return f"{found[0][:100]}…{found[0][-40:]}"


def _escaped(found: re.Match[str]) -> str:
    code = ord(found[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def capped(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` in order, each file's first PROBLEMS_PER_FILE followed by one line that
    counts the rest (where there are at least two more: one more is shown as it is)."""
    shown: list[Problem] = []
    for _, in_file in groupby(sorted(problems), key=lambda problem: problem.path):
        found = list(in_file)
        if len(found) > PROBLEMS_PER_FILE + 1:
            shown.extend([*found[:PROBLEMS_PER_FILE], _more(found[PROBLEMS_PER_FILE:])])
        else:
            shown.extend(found)
    return shown


def _more(hidden: list[Problem]) -> Problem:
    """One line for the ``hidden`` problems of a file, where the first of them is."""
    first = hidden[0]
    errors = any(problem.severity is Severity.ERROR for problem in hidden)
    return Problem(
        first.path,
        first.line,
        first.column,
        f"… and {len(hidden):,} more problems in this file from here on, most like the ones above",
        "fix those first: the rest often go with them",
        MORE_PROBLEMS,
        Severity.ERROR if errors else Severity.WARNING,
    )


class CourseError(Exception):
    """Raised when the course cannot be built; carries the problems found, as shown
    (:func:`capped`), and how many were found in all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = capped(problems)
        self.count = len(problems)
        self.outcome = ""
        """What the failed command left as it was, said after its problems."""
        super().__init__("\n".join(str(problem) for problem in self.problems))


class SetupError(Exception):
    """The machine or the output is not fit for the job; the course itself may be fine."""

    def __init__(self, message: str, fix: str, code: str, path: Path | None = None) -> None:
        self.message, self.fix, self.code, self.path = message, fix, code, path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path.as_posix()}: " if self.path is not None else ""
        return printable(f"{where}{self.message}; {self.fix} [{self.code}]")


def system_problem(project: Project, error: OSError) -> SetupError:
    """What the operating system refused, at the file the command was writing.

    A failed copy names the file it read first and the one it wrote second: the second is
    where the trainer can act (a full disk, a folder without write access). An OSError that
    is not the system's has no text of the system's (``strerror``): it is named by its own.
    """
    name = error.filename2 or error.filename
    path = project.relative(Path(name)) if name else None
    if error.errno == errno.ENOSPC:
        return SetupError(
            "the disk is full: no space was left to write this file",
            "free some space on that disk, then run the command again",
            "setup.disk-full",
            path,
        )
    if error.strerror is None:  # not the system's: a library's error (jinja2's TemplateNotFound)
        return SetupError(
            f"{type(error).__name__}: {error}",
            "undo the last change to the course or its settings, and run the command again",
            "setup.unexpected-error",
            path,
        )
    return SetupError(
        error.strerror, "check the path, free space and permissions", "setup.os-error", path
    )


def generator_failed(error: Exception, what: str, fix: str) -> SetupError:
    """``error``, raised by a bug of the generator's as far as it can tell, not a fault of
    the input: ``what`` failed, and ``fix`` says what to do until the bug is mended."""
    return SetupError(
        f"the generator failed {what} ({type(error).__name__}: {error})",
        f"{fix}, and report this, with the lines above and the files you changed, as a bug "
        "in the generator",
        "setup.generator-failed",
    )
