"""Question bank in Moodle's GIFT format: every question, its keys and its feedback.

One ``$CATEGORY`` per module (and one below it for the module's exam-only questions),
then one question per block::

    ::s1-single::[plain]客户说话时，你首先应该怎么做？{
    ~打断客户，直接给方案#打断会让客户觉得没有被倾听。
    =专心倾听并确认理解#对，先听懂再回应。
    ####探索阶段先要听懂客户。
    }

Every question is marked ``[plain]``: the course's quiz fields are plain text, and Moodle
reads a question without a marker, and its answers and feedback, as its own auto-format,
where ``<b>`` is a tag and ``&amp;`` an entity. Its answers and feedback take the
question's format, so one marker covers them (gift-pegjs reads it the same way).

Multiple choice gives each right option an equal share of 100% and each wrong option an
equal share of -100%, so ticking every box scores nothing. True/false puts the feedback
for a wrong answer first, then for a right one, as Moodle reads it. Matching lists its
pairs (GIFT has no place for distractors); a fill-in question with one blank becomes a
short-answer question accepting every listed answer. What GIFT cannot express is skipped,
with the reason listed (see ``UNSUPPORTED``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import assert_never

from generator.export.job import ExportJob
from generator.models import (
    BLANK_MARK,
    Course,
    FillIn,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    Question,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from generator.write import write_output

CATEGORY_ROOT = "MOT"
EXAM_CATEGORY_TITLE = "结业考试专用题"
SPECIAL = re.compile(r"([~=#{}:\\])")


UNSUPPORTED = {
    "ordering": "GIFT has no ordering question",
    "scenario": "GIFT has no multi-turn dialogue",
    "fill_in": "GIFT's short answer has one blank; this question has several",
}


def export_gift(job: ExportJob) -> list[Path]:
    course = job.checked.course
    text = gift_text(course)
    every = [question for _, _, questions in categories(course) for question in questions]
    skipped = [question for question in every if not exportable(question)]
    job.progress(f"{len(every) - len(skipped)} questions from {len(course.modules)} modules")
    for question in skipped:
        job.progress(f"skipped {question.id} ({question.type}): {UNSUPPORTED[question.type]}")
    return [write_output(job.output, lambda partial: partial.write_text(text, encoding="utf-8"))]


def exportable(question: Question) -> bool:
    if isinstance(question, FillIn):
        return len(question.blanks) == 1
    return not isinstance(question, Ordering | Scenario)


def categories(course: Course) -> list[tuple[str, str, list[Question]]]:
    """(category, title, questions): each module's quiz, then its exam-only questions."""
    found = []
    for module in course.modules:
        category = f"{CATEGORY_ROOT}/{module.page.name}"
        found.append((category, module.meta.title, module.quiz.questions))
        if module.quiz.exam_questions:
            found.append((f"{category}/exam", EXAM_CATEGORY_TITLE, module.quiz.exam_questions))
    return found


def gift_text(course: Course) -> str:
    blocks: list[str] = []
    for category, title, questions in categories(course):
        blocks.append(f"$CATEGORY: {category} {title}")
        blocks.extend(gift_question(question) for question in questions if exportable(question))
    return "\n\n".join(blocks) + "\n"


def gift_question(question: Question) -> str:
    head = f"// {question.type}\n::{escape(question.id)}::[plain]{escape(question.prompt)}"
    if isinstance(question, FillIn):
        head += "\\n" + BLANK_MARK.sub("_____", escape(question.text))
    if isinstance(question, SingleChoice):
        answers = [choice(option, "=" if option.correct else "~") for option in question.options]
    elif isinstance(question, MultipleChoice):
        answers = weighted_choices(question.options)
    elif isinstance(question, TrueFalse):
        answers = [true_false(question)]
    elif isinstance(question, Matching):
        answers = [f"={escape(pair.item)} -> {escape(pair.match)}" for pair in question.pairs]
    elif isinstance(question, FillIn):
        answers = [f"={escape(answer)}" for answer in question.blanks[0].accept]
    elif isinstance(question, Ordering | Scenario):
        raise ValueError(f"{question.type}: {UNSUPPORTED[question.type]}")
    else:
        assert_never(question)
    lines = [f"{head}{{", *answers, f"####{escape(question.explanation)}", "}"]
    return "\n".join(lines)


def weighted_choices(options: list[Option]) -> list[str]:
    right = sum(option.correct for option in options)
    wrong = len(options) - right
    return [
        choice(option, f"~%{percent(100 / right if option.correct else -100 / wrong)}%")
        for option in options
    ]


def choice(option: Option, marker: str) -> str:
    feedback = f"#{escape(option.feedback)}" if option.feedback else ""
    return f"{marker}{escape(option.text)}{feedback}"


def true_false(question: TrueFalse) -> str:
    wrong, right = question.feedback.incorrect, question.feedback.correct
    feedback = f"#{escape(wrong or '')}#{escape(right or '')}" if wrong or right else ""
    return ("TRUE" if question.answer else "FALSE") + feedback


def percent(value: float) -> str:
    """Moodle's grade list uses five decimals: 33.33333, 16.66667, -50."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def escape(text: str) -> str:
    """Escape GIFT's control characters; a line break becomes GIFT's ``\\n``."""
    return SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")
