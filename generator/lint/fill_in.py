"""A fill-in question that shows its own answer before the learner types it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Problem
from generator.lint.questions import QuestionList, warning
from generator.models import FillIn
from generator.normalise import normalise


def shown_answer_problems(questions: QuestionList) -> Iterator[Problem]:
    """An accepted answer that stands in the question's prompt or text."""
    for index, question in enumerate(questions.questions):
        if not isinstance(question, FillIn):
            continue
        shown = _shown(question)
        for keys, answer in _accepted(question):
            for where in [where for where, pieces in shown.items() if _holds(pieces, answer)]:
                yield warning(
                    questions.at(index, *keys),
                    f"question '{question.id}': the accepted answer '{answer}' stands in its "
                    f"{where}, which the learner reads before answering",
                    f"reword the {where} so that it does not hold the answer, or ask for "
                    "another word",
                    "giveaway.fill-in-answer-shown",
                )


def _shown(question: FillIn) -> dict[str, list[str]]:
    """What the learner reads before answering, normalised as typed answers are.

    The text is read piece by piece between its blanks: an answer spanning a blank is not
    on the page.
    """
    return {
        "prompt": [normalise(question.prompt)],
        "text": [normalise(piece) for piece in question.text_parts()],
    }


def _accepted(question: FillIn) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for blank_index, blank in enumerate(question.blanks):
        for answer_index, answer in enumerate(blank.accept):
            yield ("blanks", blank_index, "accept", answer_index), answer


def _holds(pieces: list[str], answer: str) -> bool:
    typed = normalise(answer)
    return bool(typed) and any(typed in piece for piece in pieces)
