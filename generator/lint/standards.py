"""The course's editorial standards: what a module must have before it is published.

Each rule reads one module — its page and its quiz file — and warns, at the line to edit,
about what the module still lacks: too few or too many questions, too few question types
or applied questions, a wrong answer whose feedback does not say why, an objective that
the quiz or the exam does not test, too short or too long a page, a teaching part left
out. A module copied from README's example starts with several of these warnings and
loses them as it is written out. The thresholds live in :mod:`generator.lint.thresholds`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from fractions import Fraction

from generator.errors import Problem, counted
from generator.lint import thresholds
from generator.lint.context import ModuleContext, ModuleRule
from generator.lint.prose import wrong_feedback_problems
from generator.lint.questions import LIST_NAMES, Where, question_lists, warning
from generator.lint.retold import exam_retells_page_problems
from generator.models import Module, Question
from generator.page_blocks import Box, boxes
from generator.page_scan import PageScan
from generator.yaml_source import position

OLD_DIALOGUE_NAMES = {"failure": ("fail", "missing"), "success": ("check", "done")}
"""The dialogue's boxes, and the names Material once took for each: its current version
(and Zensical) has no style for those, and shows them as it shows any kind it has no style
for, as a note box."""
TIPS = frozenset({"tip", "note", "abstract", "info", "warning", "question"}) | frozenset(
    {"hint", "important", "todo", "summary", "tldr", "caution", "attention", "help", "faq"}
).union(*OLD_DIALOGUE_NAMES.values())
"""The kinds of box that hold a key point or tip. The others are the names Material once
took for the first six and for the dialogue's boxes, which its current version shows as a
note."""
POORLY = 'a dialogue handled poorly (!!! failure "…")'
WELL = 'the same dialogue handled well (!!! success "…")'
DIALOGUE_PARTS = {POORLY: "failure", WELL: "success"}
PART_OF_DIALOGUE = {kind: part for part, kind in DIALOGUE_PARTS.items()}
NEW_DIALOGUE_NAME = {old: kind for kind, olds in OLD_DIALOGUE_NAMES.items() for old in olds}
"""Each old name of a dialogue's box, and the box's name now."""
SECTIONS = {"summary": "本模块要点", "reflection": "学以致用"}
"""The sections every module has, by the id the site finds them by, with their heading."""
SUMMARY = f"the summary section '## {SECTIONS['summary']} {{#summary}}'"
REFLECTION = f"the reflection section '## {SECTIONS['reflection']} {{#reflection}}'"
SECTION_PARTS = {SUMMARY: "summary", REFLECTION: "reflection"}
TEACHING_PARTS: dict[str, Callable[[PageScan], bool]] = {
    SUMMARY: lambda page: "summary" in page.headings,
    REFLECTION: lambda page: "reflection" in page.headings,
    POORLY: lambda page: "failure" in page.admonitions,
    WELL: lambda page: "success" in page.admonitions,
    "a key point or tip (!!! tip, note, abstract, info, warning or question)": (
        lambda page: not TIPS.isdisjoint(page.admonitions)
    ),
    "a table": lambda page: page.has_table,
}
"""What every module page teaches with, and whether the page's HTML has it: an admonition
counts written collapsible (``???``) too, a heading by its id, a table wherever it is."""


def quiz_size_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    count, size = len(module.quiz.questions), thresholds.QUIZ_QUESTIONS
    if not size.holds(count):
        yield warning(
            _quiz_at(module, "questions"),
            f"the module quiz has {counted(count, 'question')}; "
            f"a module needs {size.low} to {size.high}",
            "add questions" if count < size.low else "move some under exam_questions:",
            "standards.quiz-size",
        )


def quiz_types_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    types = sorted({question.type for question in module.quiz.questions})
    if len(types) < thresholds.QUIZ_TYPES:
        yield warning(
            _quiz_at(module, "questions"),
            f"the module quiz uses {counted(len(types), 'question type')} "
            f"({', '.join(types) or 'none'}); "
            f"a module needs at least {thresholds.QUIZ_TYPES}",
            "add questions of other types (AUTHORING.md lists them all)",
            "standards.quiz-types",
        )


def quiz_applied_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    yield from _applied_problems(
        module, "questions", thresholds.QUIZ_APPLIED, "a third", "standards.quiz-applied"
    )


def exam_only_unasked_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    count = len(module.quiz.exam_questions)
    them = "them" if count > 1 else "it"
    if count and not context.has_exam:
        yield warning(
            _quiz_at(module, "exam_questions"),
            f"the module has {counted(count, 'exam-only question')}, but the course has no "
            f"final exam (quizzes/exam.yml), so no learner is ever asked {them}",
            "add quizzes/exam.yml to give the course its final exam (AUTHORING.md, "
            f"Questions only the final exam asks), or move {them} under questions: to ask "
            f"{them} in the module quiz",
            "standards.exam-only-unasked",
        )


def exam_only_size_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    count, least = len(module.quiz.exam_questions), thresholds.EXAM_ONLY_QUESTIONS
    if context.has_exam and count < least:
        yield warning(
            _quiz_at(module, "exam_questions"),
            f"the module has {counted(count, 'exam-only question')}; it needs at least {least}",
            f"add questions under exam_questions: ({_exam_only_role(context)})",
            "standards.exam-only-size",
        )


def exam_only_applied_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    if not context.has_exam:
        return
    yield from _applied_problems(
        module,
        "exam_questions",
        thresholds.EXAM_ONLY_APPLIED,
        "half",
        "standards.exam-only-applied",
    )


def objective_quiz_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    least = thresholds.QUIZ_QUESTIONS_PER_OBJECTIVE
    testing = Counter(question.objective for question in module.quiz.questions)
    for index, objective in enumerate(module.meta.objectives):
        if testing[objective.id] < least:
            tested_by = counted(testing[objective.id], "question")
            yield warning(
                _objective_at(module, index),
                f"objective '{objective.id}' is tested by {tested_by} "
                f"of the module quiz; each objective needs at least {least}",
                f"add a question with objective: {objective.id} to the module quiz",
                "standards.objective-quiz",
            )


def objective_exam_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    if not context.has_exam:
        return
    examined = {question.objective for question in module.quiz.exam_questions}
    for index, objective in enumerate(module.meta.objectives):
        if objective.id not in examined:
            yield warning(
                _objective_at(module, index),
                f"objective '{objective.id}' has no exam-only question, so the final exam "
                f"{_untested(context)}",
                f"add a question with objective: {objective.id} under exam_questions:",
                "standards.objective-exam",
            )


def body_length_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    count = context.page.chinese_characters
    length = thresholds.BODY_CHARACTERS
    if not length.holds(count):
        yield warning(
            _page_at(module),
            f"the page has {count:,} Chinese characters of teaching text; "
            f"a module needs {length.low:,} to {length.high:,}",
            "write the sections out" if count < length.low else "cut it or split the module",
            "standards.body-length",
        )


def teaching_part_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    renamed = list(_dialogue_boxes_shown_as_notes(module, context.page))
    named = {NEW_DIALOGUE_NAME[old] for *_, old in renamed}
    for part, shown in TEACHING_PARTS.items():
        if shown(context.page) or DIALOGUE_PARTS.get(part) in named:
            continue
        unmarked = _heading_without_its_id(module, SECTION_PARTS.get(part))
        yield unmarked or warning(
            _page_at(module),
            f"the page lacks {part}",
            "add it (AUTHORING.md shows how each part is written)",
            "standards.teaching-part",
        )
    for box in renamed:
        yield _shown_as_note(module, context.page, box)


def _dialogue_boxes_shown_as_notes(module: Module, page: PageScan) -> Iterator[Box]:
    """Every dialogue box written under a name the site shows as a note box (``!!! check``
    for ``!!! success``), whether or not the page has the real one too."""
    shown = [name for name in NEW_DIALOGUE_NAME if name in page.admonitions]
    return boxes(module.page, shown)


def _shown_as_note(module: Module, page: PageScan, box: Box) -> Problem:
    """The dialogue's ``box`` shows as a note box: said as a part the page lacks when it has
    no real box of that kind, else with a note box as the other fix."""
    line, column, marks, old = box
    kind = NEW_DIALOGUE_NAME[old]
    shows = f"'{marks} {old}' shows as a plain note box, not as a {kind} box"
    fix = f"write '{marks} {kind}' instead"
    if kind in page.admonitions:
        message, fix = shows, f"{fix}, or '{marks} note' if it is meant as a note box"
    else:
        message = f"the page lacks {PART_OF_DIALOGUE[kind]}: {shows}"
    return warning((module.page.source.path, line, column), message, fix, "standards.teaching-part")


def _exam_only_role(context: ModuleContext) -> str:
    if context.exam_draws_quiz:
        return "the final exam's only questions the learner has not seen in a module quiz"
    return "the final exam draws from them"


def _untested(context: ModuleContext) -> str:
    """How the final exam leaves out an objective no exam-only question tests."""
    if context.exam_draws_quiz:
        return "never asks about it with a question the learner has not seen"
    return "never tests it"


def _applied_problems(
    module: Module, key: str, least: Fraction, words: str, code: str
) -> Iterator[Problem]:
    questions: list[Question] = getattr(module.quiz, key)
    applied = sum(question.applied for question in questions)
    if questions and applied < least * len(questions):
        verb = "is" if applied == 1 else "are"
        yield warning(
            _quiz_at(module, key),
            f"{applied} of {counted(len(questions), 'question')} {LIST_NAMES[key]} {verb} applied; "
            f"at least {words} must be",
            "mark workplace situations with applied: true, or write more of them",
            code,
        )


def _quiz_at(module: Module, key: str) -> Where:
    """The list ``key`` of the module's quiz file, or the file's top when it has none."""
    return module.quiz_source.path, *position(module.quiz_source, (key,))


def _objective_at(module: Module, index: int) -> Where:
    return module.page.source.path, *position(module.page.source, ("objectives", index))


def _page_at(module: Module) -> Where:
    """The first line of the page's text, below its front matter and any blank lines."""
    lines = module.page.body.split("\n")
    first = next((index for index, line in enumerate(lines) if line.strip()), 0)
    return module.page.source.path, module.page.body_line + first, 1


def _heading_without_its_id(module: Module, section: str | None) -> Problem | None:
    """A warning at the heading of ``section`` (``summary``) written without the id the site
    finds the section by (``## 本模块要点``), if the page has one."""
    if section is None:
        return None
    lines = module.page.body.split("\n")
    heading = re.compile(rf"^#{{2,6}}\s+{SECTIONS[section]}\s*(?:\{{.*\}})?\s*$")
    found = next((index for index, line in enumerate(lines) if heading.match(line)), None)
    if found is None:
        return None
    return warning(
        (module.page.source.path, module.page.body_line + found, 1),
        f"the heading '{SECTIONS[section]}' lacks the id {{#{section}}}, by which the site "
        f"finds the {section} section",
        f"end its line with ' {{#{section}}}', in place of any id it has: "
        f"## {SECTIONS[section]} {{#{section}}}",
        "standards.teaching-part",
    )


def feedback_problems(module: Module, context: ModuleContext) -> Iterator[Problem]:
    """Every wrong answer, in the quiz and the exam-only questions, says why it is wrong."""
    for questions in question_lists(module):
        yield from wrong_feedback_problems(questions)


STANDARDS: tuple[ModuleRule, ...] = (
    quiz_size_problems,
    quiz_types_problems,
    quiz_applied_problems,
    objective_quiz_problems,
    exam_only_unasked_problems,
    exam_only_size_problems,
    exam_only_applied_problems,
    objective_exam_problems,
    exam_retells_page_problems,
    body_length_problems,
    teaching_part_problems,
    feedback_problems,
)
