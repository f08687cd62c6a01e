"""Course terms that Chinese search must keep whole.

MkDocs' search plugin splits Chinese text into words with jieba when it builds the
index. jieba splits course terms such as 服务补救 into 服务 + 补救, and a learner who
searches for the whole term then finds nothing. The terms listed in
``search-terms.txt`` are added to jieba's dictionary before a page is split (in this
process, which is the one that builds or serves the site, once the search has handed jieba
its dictionaries: :mod:`generator.search_dictionary`); the live preview applies an edited
list to its next build.

``check`` reads the list as the build does and reports what would break it or be lost
silently: a folder or a link to nothing in its place, a term with an invisible character
(nobody could type it into the search box), a line too long to be a term, or one
holding more than a term (a space, a comma, a comment after the term): jieba takes a
whole line for one word.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import CourseError, Problem
from generator.plain_text import not_plain
from generator.project import TERMS_FILE, Project
from generator.sources import TooLarge, file_kind, read_source

MAX_TERM_LENGTH = 50
"""The longest term accepted, in characters; the course's longest (服务质量差距) has 6. A
line of 100,000 characters made the build take half a minute."""
COMMENT = "#"
TERM_SEPARATORS = f"{COMMENT}，、,"
"""What starts a comment or separates terms: never part of a term."""
FULL_WIDTH_SPACE = "\u3000"
CONTROL_CHARACTER = "text.control-character"
TERMS_TOO_LARGE = TooLarge(
    f"{TERMS_FILE} is {{size:.1f}} MB; the list of course terms that search keeps whole may "
    "be at most {limit} MB (the course's is under 1 KB)",
    "keep only the course's terms in it, one a line such as 服务补救, and remove what was "
    "pasted in by mistake",
    "terms.too-large",
)
"""The list of terms is far larger than any course's: something was pasted into it."""


def read_search_terms(project: Project) -> list[str]:
    """The terms of ``search-terms.txt``; raises CourseError listing what is wrong with it."""
    terms, problems = _read_terms(project)
    if problems:
        raise CourseError(problems)
    return terms


def search_terms_problems(project: Project) -> list[Problem]:
    """What is wrong with ``search-terms.txt`` (nothing when there is no such file)."""
    return _read_terms(project)[1]


def _read_terms(project: Project) -> tuple[list[str], list[Problem]]:
    path, shown = project.terms_file, project.relative(project.terms_file)
    if not os.path.lexists(path):
        return [], []
    unusable = _not_a_file(path, shown)
    if unusable is not None:
        return [], [unusable]
    text = read_source(path, shown, TERMS_TOO_LARGE)
    if isinstance(text, Problem):
        return [], [text]
    terms: list[str] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), 1):
        term = line.strip()
        if term and not term.startswith(COMMENT):
            column = line.index(term) + 1
            terms.append(term)
            problem = _term_problem(term, shown, number, column)
            if problem is not None:
                problems.append(problem)
    return terms, problems


def _not_a_file(path: Path, shown: Path) -> Problem | None:
    """A link that points nowhere, or a folder (or pipe) where the list of terms goes."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return _broken_link(path, shown) if path.is_symlink() else None  # read_source says why
    if stat.S_ISREG(mode):
        return None
    return Problem(
        shown,
        1,
        1,
        f"{TERMS_FILE} is not a file but {file_kind(mode)}",
        f"delete it and put the file {TERMS_FILE} back in its place: one search term a line, "
        "saved as UTF-8",
        "terms.not-a-file",
    )


def _broken_link(path: Path, shown: Path) -> Problem:
    return Problem(
        shown,
        1,
        1,
        f"{TERMS_FILE} is a link that points nowhere ({os.readlink(path)} does not exist), so "
        "search would keep no course term whole",
        f"delete the link and put the file {TERMS_FILE} in its place, or make the link point to it",
        "terms.broken-link",
    )


def _term_problem(term: str, shown: Path, line: int, column: int) -> Problem | None:
    """What makes ``term``, at ``line`` and ``column``, unusable as a search term."""
    if len(term) > MAX_TERM_LENGTH:
        return Problem(
            shown,
            line,
            column,
            f"this line is {len(term):,} characters long; a search term may be at most "
            f"{MAX_TERM_LENGTH}",
            "write one term a line, such as 服务补救, and remove what was pasted in by mistake",
            "terms.too-long",
        )
    what = not_plain(term)
    if what is None:
        return _not_one_term(term, shown, line, column)
    message, fix, code = what
    if code == CONTROL_CHARACTER:
        fix = "delete the character"  # not_plain's hint names YAML escapes, unknown here
    at = next((offset for offset, char in enumerate(term) if not_plain(char)), 0)
    return Problem(shown, line, column + at, f"the search term {message}", fix, code)


def _not_one_term(term: str, shown: Path, line: int, column: int) -> Problem | None:
    """A space, comma or '#' inside ``term``: jieba would take the whole line for one word,
    one the text never holds, and keep none of the terms on it whole."""
    at = next((offset for offset, char in enumerate(term) if _splits_terms(char)), None)
    if at is None:
        return None
    char = term[at]
    what = "a space" if char.isspace() else f"'{char}'"
    if char == FULL_WIDTH_SPACE:
        what = "a full-width space (U+3000)"
    return Problem(
        shown,
        line,
        column + at,
        f"the search term holds {what}: search would take the whole line for one term, "
        "which no page holds, and keep none of its terms whole",
        f"one term a line; a comment needs a line of its own starting with {COMMENT}",
        "terms.not-one-term",
    )


def _splits_terms(char: str) -> bool:
    """Whether ``char`` inside a line shows it holds more than one term, or a comment."""
    return char.isspace() or char in TERM_SEPARATORS


def add_search_terms(terms: list[str]) -> None:
    """Add ``terms`` to jieba's dictionary (imported here: only builds need it)."""
    import jieba

    for term in terms:
        jieba.add_word(term)
