"""A fill-in question that shows its own answer before the learner types it, holds two
answers joined into one by a full-width comma, or an answer whose end mark is dropped."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from generator.errors import Problem
from generator.lint.questions import QuestionList, warning
from generator.models import FillIn
from generator.normalise import normalise
from generator.yaml_value_fixes import FULL_WIDTH_SEPARATORS, flow_list, split_entries

MEANINGFUL_MARKS = frozenset("-#%‰‱@&*/\\§")
"""Punctuation that is part of an answer, not a sentence's (a minus sign, C#, a percent),
which normalising drops at an answer's ends all the same."""


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


def joined_answer_problems(questions: QuestionList) -> Iterator[Problem]:
    """An accepted answer with a '，' or '、' between its words: YAML separates the answers
    of ``accept: [切，切脉]`` only at an ordinary ',', so it holds the one answer '切，切脉',
    which a learner who types '切' does not give."""
    for index, question in enumerate(questions.questions):
        if not isinstance(question, FillIn):
            continue
        for blank_index, blank in enumerate(question.blanks):
            words = [_parts(answer) for answer in blank.accept]
            separated = [word for answer_words in words for word in answer_words]
            for answer_index, (answer, answer_words) in enumerate(
                zip(blank.accept, words, strict=True)
            ):
                if len(answer_words) < 2:
                    continue
                yield warning(
                    questions.at(index, "blanks", blank_index, "accept", answer_index),
                    f"question '{question.id}': the accepted answer '{answer}' is one answer, "
                    "punctuation and all: YAML separates answers only with an ordinary comma ','",
                    f"if they are {len(answer_words)} answers, write accept: "
                    f"{flow_list(separated)}; if it is one, leave out the punctuation, which the "
                    "learner would have to type too",
                    "fill-in.joined-answers",
                )


def edge_mark_problems(questions: QuestionList) -> Iterator[Problem]:
    """An accepted answer that starts or ends with a mark that carries meaning (``-5``,
    ``C#``, ``80%``): punctuation at an answer's ends is dropped when answers are compared,
    so that a full stop typed after it does not count against the learner; and with it the
    minus sign, so ``5`` counts as right too. Not when the blank accepts that answer too."""
    for index, question in enumerate(questions.questions):
        if not isinstance(question, FillIn):
            continue
        for blank_index, blank in enumerate(question.blanks):
            bare = {normalise(answer) for answer in blank.accept if not _edge_marks(answer)}
            for answer_index, answer in enumerate(blank.accept):
                loose, marks = normalise(answer), _edge_marks(answer)
                if not marks or not loose or loose in bare:
                    continue
                yield warning(
                    questions.at(index, "blanks", blank_index, "accept", answer_index),
                    f"question '{question.id}': the '{marks[0]}' of the accepted answer "
                    f"'{answer}' is dropped when answers are compared, as punctuation at an "
                    f"answer's ends is, so '{loose}' counts as right too",
                    f"if '{loose}' must not count, ask for the answer in words (负5, 百分之80) "
                    "or put the mark inside it; if it may, add it to the accepted answers",
                    "fill-in.edge-mark-dropped",
                )


def _edge_marks(answer: str) -> list[str]:
    """The marks that carry meaning at the start and the end of ``answer``."""
    written = unicodedata.normalize("NFKC", answer).strip()
    return [mark for mark in (written[:1], written[-1:]) if mark in MEANINGFUL_MARKS]


def _parts(answer: str) -> list[str]:
    """The words of ``answer`` between full-width commas and '、'."""
    return split_entries(answer, FULL_WIDTH_SEPARATORS)


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
