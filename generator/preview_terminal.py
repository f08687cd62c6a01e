"""What the preview prints in the terminal after each save: the problems and what became
of the save, the files regenerated, why every page was rebuilt, and the warnings."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from generator.errors import Problem, SetupError, printable
from generator.project import CONFIG_FILE, TERMS_FILE
from generator.write import DocsContents

WHOLE_BUILD_CAUSES = (
    f"{CONFIG_FILE} changed",
    "the pages or their titles changed",
    f"{TERMS_FILE} changed",
    "the theme's own folder (custom_dir) changed",
    "a snippet (pymdownx.snippets) changed",
    "a search dictionary (jieba_dict, jieba_dict_user) changed",
)
"""What each part of a whole build's record (serve.BuiltFor) changing means."""
NO_WARNINGS_LEFT = "No warnings left: the course passes `check --strict`, as publishing asks."


def report(problems: Sequence[Problem | SetupError], outcome: str) -> None:
    """Print ``problems``, then ``outcome``: what the preview did about them."""
    if not problems:
        return
    for problem in problems:
        print(problem, file=sys.stderr, flush=True)
    print(outcome, file=sys.stderr, flush=True)


def report_new(
    problems: Sequence[Problem | SetupError], outcome: str, shown: list[str]
) -> list[str]:
    """``report`` the ``problems`` unless they are the lines ``shown`` last; returns the lines
    shown now. A preview that cannot start tries again at every change of the sources, an
    editor's swap file written while the trainer types among them, and printed the same
    problems each time."""
    lines = [str(problem) for problem in problems]
    if lines != shown:
        report(problems, outcome)
    return lines


def say_why_whole(before: tuple[object, ...] | None, now: tuple[object, ...]) -> None:
    """Say what a save that rebuilt every page changed since the build ``before`` (none: the
    first): a save of the settings or the search terms regenerates no page, and the
    terminal had said nothing of it. A part ``before`` does not know is no change: a start
    on a broken course builds the last build's pages, whose navigation it has not read,
    and the save that mended the course said the pages or their titles had changed."""
    causes = zip(WHOLE_BUILD_CAUSES, before or now, now, strict=True)
    if changed := [cause for cause, old, new in causes if old is not None and old != new]:
        print(f"Rebuilt every page: {', '.join(changed)}", flush=True)


def changes(changed: list[str], contents: DocsContents) -> str:
    """``Regenerated 2 file(s): a, b; removed 1: c``: the ``changed`` files of the docs
    folder, written or removed (those not in its ``contents``), with what a terminal would
    act on in their names (a picture's name may hold ESC) shown as escapes."""
    written = [name for name in changed if name in contents]
    removed = [name for name in changed if name not in contents]
    if not written:
        return printable(f"Removed {len(removed)} file(s): {', '.join(removed)}")
    line = f"Regenerated {len(written)} file(s): {', '.join(written)}"
    return printable(f"{line}; removed {len(removed)}: {', '.join(removed)}" if removed else line)


class WarningsShown:
    """The course's warnings, printed when they change. Printed again at every good save,
    the same list (16 lines for a new module still being written) buried the lines that
    say what the save did; the problems panel shows them all the while."""

    def __init__(self) -> None:
        self.last: list[str] = []

    def print_if_new(self, warnings: Sequence[Problem]) -> None:
        """Print ``warnings`` if they are not those printed last; and say so when the last
        is fixed, which printed nothing at all."""
        shown = [str(warning) for warning in warnings]
        if shown != self.last:
            for line in shown:
                print(line, file=sys.stderr, flush=True)
            if not shown:
                print(NO_WARNINGS_LEFT, flush=True)
        self.last = shown
