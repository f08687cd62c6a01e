"""Characters no page or quiz file name may hold, and what is said of a name that holds one.

A name is printed in the terminal and becomes part of the page's web address: a control
character in it acts on the terminal, a direction mark prints it backwards, and bytes that
are not UTF-8 (Python reads them as lone surrogates) stopped MkDocs with a traceback.

A page's name must also be one Windows can hold: the offline and SCORM packages are
unzipped there (a classroom PC, an LMS's server), and git checks the course out there.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.errors import CONTROL, Problem
from generator.project import Project

WINDOWS_UNFIT = frozenset('\\:*?"<>|')
"""The characters Windows refuses in a file name (besides ``/``, which no name holds)."""
WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}
)
"""Names Windows keeps for devices, whatever follows the first dot (``nul.md``)."""
UNFIT_IN_A_NAME = {"Cc", "Zl", "Zp"}
"""Unicode categories no page or quiz name may hold besides what a terminal acts on
(:data:`generator.errors.CONTROL`): tabs and line breaks, which that leaves alone in text."""


def unfit_character(name: str) -> str | None:
    """The first character of ``name`` that no page or quiz name may hold, if any: one that
    a terminal acts on (ESC; a direction mark, which prints the name backwards), a line
    break, or a byte that is not UTF-8 (a name made on a computer set to another encoding,
    which Python reads as a lone surrogate and MkDocs cannot put in an address: its build
    stopped with a traceback). Other format characters are fine: the joiner inside 👨‍💻, a
    soft hyphen."""
    return next(
        (
            char
            for char in name
            if CONTROL.match(char) or unicodedata.category(char) in UNFIT_IN_A_NAME
        ),
        None,
    )


def unfit_name_problem(project: Project, path: Path, unfit: str) -> Problem:
    """A page or quiz whose name holds ``unfit``: not read."""
    what = (
        "a byte that is not UTF-8 text (it was named on a computer set to another encoding)"
        if unicodedata.category(unfit) == "Cs"
        else f"a control character or a direction mark (U+{ord(unfit):04X}), which a terminal "
        "or a browser acts on instead of showing"
    )
    return Problem(
        project.relative(path),
        1,
        1,
        f"the file's name holds {what}, so the file is not read",
        "rename it with letters, digits, hyphens or Chinese characters (a module's page and "
        "quiz keep the same name)",
        "course.unfit-name",
    )


def unportable(name: str) -> str | None:
    """What keeps Windows from holding a file named ``name``, if anything."""
    char = next((char for char in name if char in WINDOWS_UNFIT), None)
    if char is not None:
        return f"holds '{char}', which Windows does not allow in a file name"
    device = name.split(".")[0]
    if device.upper() in WINDOWS_DEVICES:
        return f"is '{device}', which Windows keeps as the name of a device"
    return None


def unportable_problem(project: Project, path: Path, what: str) -> Problem:
    """A page whose name Windows cannot hold: not read."""
    return Problem(
        project.relative(path),
        1,
        1,
        f"the file's name {what}, so the offline and SCORM packages could not be unzipped "
        "on Windows; the file is not read",
        "rename it with letters, digits, hyphens or Chinese characters",
        "course.unfit-name",
    )


def case_clashes(project: Project, pages: list[Path]) -> list[Problem]:
    """Pages whose names differ only in letter case: Windows and macOS keep one file for
    both, so one page replaces the other where the offline package is unzipped."""
    first: dict[str, Path] = {}
    problems = []
    for path in pages:
        earlier = first.setdefault(path.name.casefold(), path)
        if earlier is not path:
            problems.append(
                Problem(
                    project.relative(path),
                    1,
                    1,
                    f"the name differs from '{earlier.name}' only in letter case; Windows and "
                    "macOS keep one file for both, so one page would replace the other where "
                    "the offline package is unzipped",
                    "rename one of the two pages",
                    "course.case-clash",
                )
            )
    return problems
