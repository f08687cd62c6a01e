"""Characters no page or quiz file name may hold, and what is said of a name that holds one.

A name is printed in the terminal and becomes part of the page's web address: a control
character in it acts on the terminal, a direction mark prints it backwards, and bytes that
are not UTF-8 (Python reads them as lone surrogates) stopped MkDocs with a traceback.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from generator.errors import CONTROL, Problem
from generator.project import Project

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
