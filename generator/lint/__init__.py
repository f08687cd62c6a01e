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

from generator.course_scan import CourseScan
from generator.errors import Problem
from generator.lint import standards
from generator.lint.comments import course_sources, cut_text_problems
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
from generator.lint.standards import ModuleContext
from generator.models import Course, Module

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


def lint_course(course: Course, scan: CourseScan) -> list[Problem]:
    """Every giveaway and text rule broken in the quizzes of ``course``, every text a
    comment cut short, and every standard a module misses, as warnings in file order.
    ``scan`` tells what each page renders."""
    lists = [questions for module in course.modules for questions in question_lists(module)]
    in_lists = list_problems(lists)
    in_sources = [
        problem
        for source in course_sources(course)
        for rule in (cut_text_problems, entries_in_text_problems)
        for problem in rule(source)
    ]
    in_sources += [
        problem for page in course.pages for problem in front_matter_prose_problems(page.source)
    ]
    has_exam = course.exam is not None
    draws_quiz = course.exam is not None and course.exam.config.include_quiz_questions
    shortfalls = [
        problem
        for module in course.modules
        for problem in _shortfalls(
            module, ModuleContext(scan.pages[module.page.filename], draws_quiz, has_exam)
        )
    ]
    return sorted([*in_lists, *in_sources, *shortfalls])


def list_problems(lists: list[QuestionList]) -> list[Problem]:
    """What the rules find in the course's ``lists`` of questions: each list on its own,
    then the rules that read them together."""
    found = [problem for questions in lists for rule in RULES for problem in rule(questions)]
    found += right_count_problems(lists)
    found += across_exam_papers(lists)
    return found


def _shortfalls(module: Module, context: ModuleContext) -> Iterator[Problem]:
    """What ``module`` lacks to meet the standards, read from their module at each call, where
    a test may set them aside (tests/conftest.py)."""
    for rule in standards.STANDARDS:
        yield from rule(module, context)


__all__ = ["RULES", "lint_course", "list_problems"]
