"""Quiz and module lint: giveaways, text not written as Chinese is, and what a module lacks
to meet the course's standards.

:func:`generator.build.check` runs it once the course is valid. Every finding is a
warning (``file:line:col: warning: …; fix [code]``): the course still builds, and
``check --strict`` fails. Each giveaway rule in :data:`RULES` reads one list of a quiz file
at a time, the module quiz (``questions:``) and, separately, its exam-only questions
(``exam_questions:``); the count of right options is read across the course, and the
exam-only questions of any two modules, which one paper may draw together, are read for a
text that gives the other's answer (:func:`generator.lint.shown.across_exam_papers`); each
standards rule (:mod:`generator.lint.standards`) reads one module, its page and its quiz
file. The thresholds live in :mod:`generator.lint.thresholds`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from generator.course_scan import CourseScan
from generator.errors import Problem
from generator.lint import standards
from generator.lint.comments import course_sources, cut_text_problems
from generator.lint.context import ModuleContext
from generator.lint.entries import entries_in_text_problems
from generator.lint.feedback import verdict_problems
from generator.lint.fill_in import (
    edge_mark_problems,
    joined_answer_problems,
    shown_answer_problems,
)
from generator.lint.patterns import pattern_problems, right_count_problems
from generator.lint.prose import front_matter_prose_problems, prose_problems
from generator.lint.questions import QuestionList, question_lists
from generator.lint.shown import across_exam_papers, shown_problems
from generator.models import Course, Module, Source
from generator.problem_cache import UNKEPT, Finding, ProblemCache

Rule = Callable[[QuestionList], Iterator[Problem]]
RULES: tuple[Rule, ...] = (
    pattern_problems,
    shown_answer_problems,
    joined_answer_problems,
    edge_mark_problems,
    verdict_problems,
    prose_problems,
    shown_problems,
)


def lint_course(course: Course, scan: CourseScan, kept: ProblemCache = UNKEPT) -> list[Problem]:
    """Every giveaway and text rule broken in the quizzes of ``course``, every text a
    comment cut short, and every standard a module misses, as warnings in file order.
    ``scan`` tells what each page renders; what each file holds on its own is ``kept``."""
    lists = [questions for module in course.modules for questions in question_lists(module)]
    with _in_files(course, lists, kept) as in_files:  # in workers, on a first check
        in_lists = [*right_count_problems(lists), *across_exam_papers(lists)]
        has_exam = course.exam is not None
        draws_quiz = course.exam is not None and course.exam.config.include_quiz_questions
        shortfalls = [
            problem
            for module in course.modules
            for problem in _shortfalls(
                module, ModuleContext(scan.pages[module.page.filename], draws_quiz, has_exam)
            )
        ]
        found = [problem for problems in in_files.problems() for problem in problems]
    return sorted([*found, *in_lists, *shortfalls])


def _in_files(course: Course, lists: list[QuestionList], kept: ProblemCache) -> Finding:
    """What the rules find in each file of ``course`` on its own, ``kept`` for its text:
    found in worker processes, started now, where many files are not kept."""
    pages = {page.source.path for page in course.pages}
    lists_of: dict[Path, list[QuestionList]] = {}
    for questions in lists:
        lists_of.setdefault(questions.source.path, []).append(questions)
    sources = course_sources(course)
    reads = [
        ["lint", source.path.as_posix(), str(source.line_offset), *source.lines]
        for source in sources
    ]
    finds = [
        partial(_file_problems, source, lists_of.get(source.path, []), is_page=source.path in pages)
        for source in sources
    ]
    return kept.finding(reads, finds)


def _file_problems(
    source: Source, lists: list[QuestionList], *, is_page: bool
) -> Iterator[Problem]:
    """What the rules find in one file on its own: its ``lists`` of questions, a text a
    comment cut short, and the prose of a page's front matter."""
    for questions in lists:
        yield from _list_problems(questions)
    yield from cut_text_problems(source)
    yield from entries_in_text_problems(source)
    if is_page:
        yield from front_matter_prose_problems(source)


def _list_problems(questions: QuestionList) -> Iterator[Problem]:
    for rule in RULES:
        yield from rule(questions)


def _shortfalls(module: Module, context: ModuleContext) -> Iterator[Problem]:
    """What ``module`` lacks to meet the standards, read from their module at each call, where
    a test may set them aside (tests/conftest.py)."""
    for rule in standards.STANDARDS:
        yield from rule(module, context)


__all__ = ["RULES", "lint_course"]
