"""Which quiz files belong to which module, and what to tell of those that belong to none.

A quiz is read when it is named after a module page (``quizzes/03-explore.yml`` for
``course/03-explore.md``), or is the exam's. Any other is an orphan, and the fix says what
it plainly is: the quiz of a module renamed or moved, one named so but for capitals, a file
manager's copy of a quiz, or the quiz of a page saved under another name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem
from generator.file_names import copied_from, unfit_character, unfit_name_problem
from generator.layout import (
    PAGE_SUFFIX,
    QUIZ_SUFFIX,
    files_and_not,
    meant_stem,
    misnamed_module,
    misspelt,
    ordinary_pages,
    same_name,
    same_number,
    suffix_problem,
    visible,
)
from generator.project import EXAM_NAME, MODULE_NAME, Project

COPY_MARK = re.compile(r"(?:\s|_|\(|（|[-\s]*(?:copy|副本|拷贝))", re.IGNORECASE)
"""How a file manager's copy of a file goes on after the file's own name: a space, brackets
or the word copy (``01-intro (copy)``, ``01-intro copy 2``, ``01-intro - 副本``)."""


@dataclass(frozen=True)
class QuizFiles:
    """The quiz files as they stand beside the pages, the folder read once."""

    misspelt: list[Path] = field(default_factory=list)
    """Named ``.yaml`` or ``.YML``: not read."""
    orphans: list[Path] = field(default_factory=list)
    """Named after no page (nor the exam)."""
    without_quiz: list[str] = field(default_factory=list)
    """The modules with no quiz file (one misspelt counts as there)."""
    renames: dict[str, str] = field(default_factory=dict)
    """Each orphan -> the module (or ``exam``) it is plainly to be renamed after: one named
    so but for capitals, or a module renamed or moved."""
    copies: dict[str, str] = field(default_factory=dict)
    """Each other orphan named as a file manager names a copy of a quiz, or as the quiz but
    for capitals -> that quiz: ``01-intro (copy)``, ``01-intro - 副本``, ``01-intro copy 2``,
    ``01-Intro``."""
    not_files: list[Path] = field(default_factory=list)
    """Folders, pipes and devices named like a quiz: told to be no file, and neither read
    nor an orphan; a module's quiz so named is not missing (its name is held)."""


def quiz_files(project: Project, page_names: set[str], not_pages: set[str]) -> QuizFiles:
    """The quiz files of ``project``, beside the pages named ``page_names`` and the folders
    (or pipes) named as pages ``not_pages``, whose quizzes are no orphans."""
    if not project.quiz_dir.is_dir():
        return QuizFiles()
    listed = visible(project.quiz_dir, f"*{QUIZ_SUFFIX}")
    quizzes, not_files = files_and_not(listed)
    misspelt_quizzes = misspelt(project.quiz_dir, QUIZ_SUFFIX)
    quiz_names = {meant_stem(path, QUIZ_SUFFIX) for path in [*listed, *misspelt_quizzes]}
    misnamed = {name.lower() for name in page_names if misnamed_module(name)}
    told = misnamed | ordinary_pages(page_names).keys()  # told with its page (Glossary.yml)
    orphans = [  # a module page named but for capitals is told to be renamed (06-Confirm.md)
        path
        for path in quizzes
        if path.stem not in page_names | not_pages | {EXAM_NAME} and path.stem.lower() not in told
    ]
    without_quiz = sorted(name for name in page_names - quiz_names if MODULE_NAME.match(name))
    no_exam = [] if EXAM_NAME in quiz_names else [EXAM_NAME]
    orphan_names = [path.stem for path in orphans]
    recased = _case_renames(orphan_names, [*without_quiz, *no_exam])
    renames = recased | _renames(
        [quiz for quiz in orphan_names if quiz not in recased],
        [name for name in without_quiz if name not in recased.values()],
    )
    originals = sorted(quiz_names - set(orphan_names))
    twins = {name.lower(): name for name in originals}
    copied = {
        orphan: twins.get(orphan.lower()) or copied_from(orphan, originals, COPY_MARK)
        for orphan in orphan_names
    }
    copies = {orphan: quiz for orphan, quiz in copied.items() if quiz and orphan not in renames}
    return QuizFiles(misspelt_quizzes, orphans, without_quiz, renames, copies, not_files)


def quiz_name_problems(project: Project, files: QuizFiles) -> list[Problem]:
    """Quiz files named ``.yaml`` or ``.YML``, or with no module page of the same name."""
    free = [name for name in files.without_quiz if name not in files.renames.values()]
    return [
        *(suffix_problem(project, path, QUIZ_SUFFIX, "quiz") for path in files.misspelt),
        *(
            unfit_name_problem(project, path, unfit)
            if (unfit := unfit_character(path.name)) is not None
            else _copy_problem(project, path, files.copies[path.stem])
            if path.stem in files.copies
            else _orphan_problem(project, path, files.renames.get(path.stem), free)
            for path in files.orphans
        ),
    ]


def _case_renames(orphans: list[str], unread: list[str]) -> dict[str, str]:
    """Each quiz named as a module without a quiz, or the exam, are named but for capitals
    ('Exam.yml', '03-Explore.yml') -> that name. File names tell capitals apart on the
    server, in git and on Linux, and a Mac or Windows laptop may read the file as it is."""
    lowered = {name.lower(): name for name in unread}
    return {quiz: lowered[quiz.lower()] for quiz in orphans if quiz.lower() in lowered}


def _copy_problem(project: Project, path: Path, original: str) -> Problem:
    """A quiz named as a copy of the quiz ``original``, or as it but for capitals
    (``Exam.yml`` beside ``exam.yml``): the course reads only the quiz named after its
    module, and restoring a page of the copy's name was no fix."""
    kept = project.shown(project.quiz_file(original))
    named = (
        f"it differs from {kept} only in capitals, which a Mac or Windows laptop cannot tell apart"
        if path.stem.lower() == original.lower()
        else f"it is named as a copy of {kept}"
    )
    return Problem(
        project.relative(path),
        1,
        1,
        f"quiz '{path.name}' belongs to no module: {named}, and the course reads only the "
        "quiz named after its module",
        f"move what you need from it into {kept}, then delete it",
        "quiz.orphan",
    )


def _orphan_problem(project: Project, path: Path, rename: str | None, free: list[str]) -> Problem:
    """A quiz named after no module page: to be renamed ``rename`` (see :func:`_renames`),
    or else after one of the modules ``free`` that lack a quiz, or to go."""
    page = f"course/{path.stem}{PAGE_SUFFIX}"
    if rename is not None and rename.lower() == path.stem.lower():
        return Problem(
            project.relative(path),
            1,
            1,
            f"quiz '{path.name}' differs from {project.shown(project.quiz_file(rename))} "
            "only in capitals; file names tell capitals from small letters on Linux, in git "
            "and on the server, where the course does not read it",
            f"rename it to {project.shown(project.quiz_file(rename))}",
            "quiz.orphan",
        )
    if rename is not None:
        fix = (
            f"rename it to {project.shown(project.quiz_file(rename))}; or, if renaming "
            f"{page} to course/{rename}{PAGE_SUFFIX} was a slip, rename that page back"
        )
    elif free:
        pages = ", ".join(f"course/{name}{PAGE_SUFFIX}" for name in free)
        fix = (
            f"restore {page}, rename the quiz after the module it now belongs to, one of "
            f"those without a quiz ({pages}), or delete it"
        )
    else:
        fix = f"restore {page}, or delete the quiz"
    return Problem(
        project.relative(path),
        1,
        1,
        f"quiz '{path.name}' belongs to no module: there is no {page}",
        fix,
        "quiz.orphan",
    )


def _renames(orphans: list[str], without_quiz: list[str]) -> dict[str, str]:
    """Each quiz named after no module that was plainly renamed with its module -> the
    module's name. After modules were renamed, each lacks a quiz, and a quiz is to be
    renamed after one only when the two names plainly say the same module
    (:func:`generator.layout.same_name`, then :func:`generator.layout.same_number`) and
    neither says so of another: renamed after another module, a quiz would give it the
    questions of one that was deleted."""
    renames: dict[str, str] = {}
    for same in (same_name, same_number):
        free = [name for name in without_quiz if name not in renames.values()]
        matches = {
            quiz: [name for name in free if same(quiz, name)]
            for quiz in orphans
            if quiz not in renames
        }
        claims = Counter(name for names in matches.values() for name in names)
        renames |= {
            quiz: names[0]
            for quiz, names in matches.items()
            if len(names) == 1 and claims[names[0]] == 1
        }
    return renames
