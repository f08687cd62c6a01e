"""What the editorial standards read of a module beside its own files, and the shape of
a standard's rule: shared by :mod:`generator.lint.standards` and the rules kept in modules
of their own (:mod:`generator.lint.retold`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.errors import Problem
from generator.models import Module
from generator.page_scan import PageScan


@dataclass(frozen=True)
class ModuleContext:
    """What the standards read beside a module's own files."""

    page: PageScan
    """What the module's page renders (:mod:`generator.page_scan`)."""
    exam_draws_quiz: bool = False
    """The final exam draws the module quiz's questions too (``include_quiz_questions:
    true``): an objective the exam-only questions leave out is still tested, but only with
    questions the learner has seen."""
    has_exam: bool = True
    """The course has a final exam (``quizzes/exam.yml``): without one, no learner is asked
    the exam-only questions, and the standards for them do not apply."""


ModuleRule = Callable[[Module, ModuleContext], Iterator[Problem]]
