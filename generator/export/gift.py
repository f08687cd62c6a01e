"""Question bank in Moodle's GIFT format: every question, its keys and its feedback.

One ``$CATEGORY`` per module, and one inside it for the module's exam-only questions, then
one question per block::

    ::s1-single::[plain]客户说话时，你首先应该怎么做？{
    ~打断客户，直接给方案#打断会让客户觉得没有被倾听。
    =专心倾听并确认理解#对，先听懂再回应。
    ####探索阶段先要听懂客户。
    }

Every question is marked ``[plain]``: the course's quiz fields are plain text, and Moodle
reads a question without a marker, and its answers and feedback, as its own auto-format,
where ``<b>`` is a tag and ``&amp;`` an entity. Its answers and feedback take the
question's format, so one marker covers them (gift-pegjs reads it the same way); an answer
or feedback that itself begins like a marker (``[html]…``) gets its own ``[plain]``.

Multiple choice gives each right option an equal share of 100% and each wrong option an
equal share of -100%, so ticking every box scores nothing. True/false puts the feedback
for a wrong answer first, then for a right one, as Moodle reads it. Matching lists its
pairs, then each distractor as a pair with no item (``= -> 竞争``), which Moodle keeps as an
extra wrong answer; GIFT has no place for feedback after a right or a wrong answer: that
goes into the general feedback, labelled, before the explanation. GIFT has no ordering
question: an ordering question becomes a matching one, each place matched with its item
(``=第 1 步 -> 道歉``), which Moodle shows as a drop-down per step. A fill-in
question with one blank becomes a short-answer question accepting every listed answer at
100%, as written and as the site also takes it typed (:func:`typed_forms`), each with the
feedback for a right answer, then ``*`` (anything else) at 0% with the
feedback for a wrong one; a ``*`` in an accepted answer is written ``\\*``, which Moodle
compares as a literal asterisk. What GIFT cannot express is skipped, with the reason listed
(see :func:`skip_reason`) on the terminal and in comment lines at the top of the file.

What Moodle's importer (question/format/gift/format.php) does with text, and so what this
file guards against:

- ``~ = # { } :`` and the backslash are escaped with a backslash, a line break as ``\\n``.
- An answer beginning with ``%50%`` would be read as a weight: short answers always carry
  their weight (``=%100%``), as Moodle's own export writes them, and a wrong single-choice
  option that begins with ``%`` gets ``~%0%``.
- There is no escape for ``->``: Moodle takes any question whose answers hold both ``=`` and
  ``->`` for matching, and splits each pair at its first ``->``. A fill-in with ``->`` in an
  answer or its feedback, and a matching question with ``->`` in an item, are skipped.
- A category line is a ``/``-separated path: ``/`` inside a name is written ``//`` (with a
  space between it and a separator), as Moodle's own export writes it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import assert_never

from generator.errors import counted
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
    ResultFeedback,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from generator.write import write_output

CATEGORY_ROOT = "MOT"
EXAM_CATEGORY_TITLE = "结业考试专用题"
SPECIAL = re.compile(r"([~=#{}:\\])")
FORMAT_MARKER = re.compile(r"\s*\[(?:html|markdown|plain|moodle)\]")
"""What Moodle and gift-pegjs take for a format at the start of a text."""
ARROW = "->"
"""Moodle's sign of a matching question, and the split of a pair; GIFT cannot escape it."""
RIGHT_LABEL, WRONG_LABEL, EXPLANATION_LABEL = "答对时：", "答错时：", "讲解："
"""As the answer key labels them."""


STEP = "第 {} 步"
"""How a matching question made of an ordering one names each place."""
UNSUPPORTED = {
    "scenario": "GIFT has no multi-turn dialogue",
    "fill_in": "GIFT's short answer has one blank; this question has several",
}
"""Question types, or a fill-in's shape, that GIFT cannot express."""
ARROW_IN_SHORT_ANSWER = (
    'Moodle would read the "->" in its answers or feedback as a matching pair '
    "(GIFT cannot escape it)"
)
ARROW_IN_MATCHING_ITEM = (
    'Moodle splits a matching pair at its first "->", and one of its items has one '
    "(GIFT cannot escape it)"
)


def export_gift(job: ExportJob) -> list[Path]:
    course = job.checked.course
    every = [question for _, questions in categories(course) for question in questions]
    skipped = [
        f"skipped {question.id} ({question.type}): {reason}"
        for question in every
        if (reason := skip_reason(question))
    ]
    exported = counted(len(every) - len(skipped), "question")
    written = f"{exported} from {counted(len(course.modules), 'module')}"
    job.progress(written)
    for line in skipped:
        job.progress(line)
    text = gift_text(course, header(written, skipped))
    return [write_output(job.output, lambda partial: partial.write_text(text, encoding="utf-8"))]


def header(written: str, skipped: list[str]) -> str:
    """The file's first block: what it holds, and each question left out and why, for whoever
    is handed the file without the export's output. Comment lines only: Moodle's importer
    drops them, and passes over a block that holds nothing else."""
    left_out = f"; {len(skipped)} skipped, which GIFT cannot express:" if skipped else ""
    return "\n".join([f"// {written}{left_out}", *(f"// {line}" for line in skipped)])


def skip_reason(question: Question) -> str | None:
    """Why ``question`` is left out of the GIFT file, or None when it is written."""
    if isinstance(question, Scenario):
        return UNSUPPORTED[question.type]
    if isinstance(question, FillIn):
        if len(question.blanks) != 1:
            return UNSUPPORTED[question.type]
        feedback = [question.feedback.correct or "", question.feedback.incorrect or ""]
        if any(ARROW in text for text in [*question.blanks[0].accept, *feedback]):
            return ARROW_IN_SHORT_ANSWER
    if isinstance(question, Matching) and any(ARROW in pair.item for pair in question.pairs):
        return ARROW_IN_MATCHING_ITEM
    return None


def exportable(question: Question) -> bool:
    return skip_reason(question) is None


def categories(course: Course) -> list[tuple[str, list[Question]]]:
    """(category path, questions): each module's quiz, then its exam-only questions, in a
    category inside the module's."""
    found = []
    for module in course.modules:
        category = f"{CATEGORY_ROOT}/{category_name(f'{module.page.name} {module.meta.title}')}"
        found.append((category, module.quiz.questions))
        if module.quiz.exam_questions:
            exam = f"{category}/{category_name(f'exam {EXAM_CATEGORY_TITLE}')}"
            found.append((exam, module.quiz.exam_questions))
    return found


def category_name(text: str) -> str:
    """One name of a ``$CATEGORY`` path, as Moodle's ``assemble_category_path`` writes it:
    ``/`` doubled, and a space between a doubled ``/`` and a separator (Moodle trims names).

    Moodle reads the whole GIFT block through its escapes first, so a backslash is doubled
    too; a line break would end the line, so white space becomes one space.
    """
    name = " ".join(text.split()).replace("\\", "\\\\").replace("/", "//")
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name += " "
    return name


def gift_text(course: Course, opening: str) -> str:
    """The GIFT file: ``opening`` (:func:`header`), then each category and its questions."""
    blocks = [opening]
    for category, questions in categories(course):
        blocks.append(f"$CATEGORY: {category}")
        blocks.extend(gift_question(question) for question in questions if exportable(question))
    return "\n\n".join(blocks) + "\n"


def gift_question(question: Question) -> str:
    reason = skip_reason(question)
    if reason:
        raise ValueError(f"{question.id}: {reason}")
    head = f"// {question.type}\n::{escape(question.id)}::[plain]{escape(question.prompt)}"
    if isinstance(question, FillIn):
        head += "\\n" + BLANK_MARK.sub("_____", escape(question.text))
    if isinstance(question, SingleChoice):
        answers = [single_choice(option) for option in question.options]
    elif isinstance(question, MultipleChoice):
        answers = weighted_choices(question.options)
    elif isinstance(question, TrueFalse):
        answers = [true_false(question)]
    elif isinstance(question, Matching):
        answers = [f"={field(pair.item)} -> {escape(pair.match)}" for pair in question.pairs]
        answers += [f"= -> {escape(distractor)}" for distractor in question.distractors]
    elif isinstance(question, Ordering):
        places = enumerate(question.items, 1)
        answers = [f"={STEP.format(place)} -> {escape(item)}" for place, item in places]
    elif isinstance(question, FillIn):
        answers = short_answers(question)
    elif isinstance(question, Scenario):
        raise AssertionError("skipped above")
    else:
        assert_never(question)
    lines = [f"{head}{{", *answers, f"####{field(general_feedback(question))}", "}"]
    return "\n".join(lines)


def single_choice(option: Option) -> str:
    if option.correct:
        return choice(option, "=")  # Moodle reads no weight after "="
    return choice(option, "~%0%" if option.text.startswith("%") else "~")


def weighted_choices(options: list[Option]) -> list[str]:
    right = sum(option.correct for option in options)
    wrong = len(options) - right
    return [
        choice(option, f"~%{percent(100 / right if option.correct else -100 / wrong)}%")
        for option in options
    ]


def choice(option: Option, marker: str) -> str:
    return f"{marker}{field(option.text)}{feedback_of(option.feedback)}"


def true_false(question: TrueFalse) -> str:
    wrong, right = question.feedback.incorrect, question.feedback.correct
    feedback = f"#{field(wrong or '')}#{field(right or '')}" if wrong or right else ""
    return ("TRUE" if question.answer else "FALSE") + feedback


def short_answers(question: FillIn) -> list[str]:
    """Every accepted answer at 100%, literally and as it is also typed (:func:`typed_forms`);
    then anything else at 0% when there is feedback for a wrong answer (Moodle takes the
    first answer that matches)."""
    right = feedback_of(question.feedback.correct)
    forms = dict.fromkeys(
        form for answer in question.blanks[0].accept for form in typed_forms(answer)
    )
    answers = [f"=%100%{field(literal(form))}{right}" for form in forms]
    if question.feedback.incorrect:
        answers.append(f"=%0%*{feedback_of(question.feedback.incorrect)}")
    return answers


FULL_WIDTH = {0x20: 0x3000} | {code: code + 0xFEE0 for code in range(0x21, 0x7F)}
"""ASCII letters, digits, signs and the space to the full-width forms a Chinese input
method types."""


def typed_forms(answer: str) -> list[str]:
    """``answer`` and the ways a learner also types it that the site accepts (it compares
    typed answers after NFKC, and without punctuation at either end) but Moodle, which
    compares as written less case and outer spaces, would mark wrong: in full-width
    characters (６０ for 60), and ended with 。 (or, for one written with it, without)."""
    base = answer.removesuffix("。")
    widths = list(dict.fromkeys([base, base.translate(FULL_WIDTH)]))
    return list(dict.fromkeys([answer, *widths, *(f"{form}。" for form in widths)]))


def literal(answer: str) -> str:
    """A short answer Moodle compares as written: ``*`` is its wildcard, ``\\*`` an asterisk."""
    return answer.replace("*", "\\*")


def general_feedback(question: Question) -> str:
    """The explanation; for matching (and ordering, written as matching), after the feedback
    for a right and a wrong answer, each labelled (GIFT has nowhere else to put them)."""
    feedback = question.feedback if isinstance(question, Matching | Ordering) else ResultFeedback()
    labelled = [
        f"{label}{text}"
        for label, text in ((RIGHT_LABEL, feedback.correct), (WRONG_LABEL, feedback.incorrect))
        if text
    ]
    if not labelled:
        return question.explanation
    return "\n".join([*labelled, f"{EXPLANATION_LABEL}{question.explanation}"])


def feedback_of(text: str | None) -> str:
    return f"#{field(text)}" if text else ""


def percent(value: float) -> str:
    """Moodle's grade list uses five decimals: 33.33333, 16.66667, -50."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def field(text: str) -> str:
    """``text`` escaped, and marked ``[plain]`` when it begins like a format marker, which
    Moodle would otherwise take off and apply."""
    return ("[plain]" if FORMAT_MARKER.match(text) else "") + escape(text)


def escape(text: str) -> str:
    """Escape GIFT's control characters; a line break becomes GIFT's ``\\n``."""
    return SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")
