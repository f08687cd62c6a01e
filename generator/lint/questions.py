"""The lists of questions the lint reads, and how it points at their lines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, Severity
from generator.models import Module, Question, Source
from generator.yaml_source import position

Where = tuple[Path, int, int]
"""A file, line and column."""

LIST_NAMES = {"questions": "of the module quiz", "exam_questions": "under exam_questions"}
"""How a message names each list: "… in 3 of 4 single-choice questions under exam_questions"."""


@dataclass(frozen=True)
class QuestionList:
    """One list of a quiz file: the module quiz (``questions``) or ``exam_questions``."""

    source: Source
    key: str
    questions: list[Question]

    @property
    def name(self) -> str:
        """``of the module quiz`` or ``under exam_questions``."""
        return LIST_NAMES[self.key]

    def at(self, index: int, *keys: str | int) -> Where:
        """Where question ``index`` of the list, or a value inside it, is written."""
        line, column = position(self.source, (self.key, index, *keys))
        return self.source.path, line, column


def question_lists(module: Module) -> Iterator[QuestionList]:
    for key, questions in module.quiz.question_lists():
        if questions:
            yield QuestionList(module.quiz_source, key, questions)


def warning(where: Where, message: str, fix: str, code: str) -> Problem:
    return Problem(*where, message, fix, code, Severity.WARNING)
