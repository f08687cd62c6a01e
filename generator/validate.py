"""Validate stage: checks that need the whole course (ids, answer keys, links)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from pathlib import Path

from generator.course_scan import GENERATED_HEADINGS, CourseScan
from generator.dialogues import Locator, dialogue_problems
from generator.errors import CourseError, Problem, Severity, counted, joined_with_and
from generator.layout import did_you_mean, renamed_modules
from generator.models import (
    BLANK,
    Course,
    FillIn,
    Matching,
    Module,
    MultipleChoice,
    Ordering,
    Page,
    Question,
    Scenario,
    SingleChoice,
    Source,
)
from generator.normalise import normalise
from generator.page_checks import link_targets, page_problems
from generator.page_links import Targets, broken_link
from generator.problem_cache import UNKEPT, ProblemCache
from generator.project import review_target
from generator.quiz_repeats import Place, distractors_matched, repeated_texts
from generator.yaml_source import position
from generator.yaml_written import key_as_written

_OR_INCLUDE = " (or set include_quiz_questions: true)"
RESERVED_IDS = frozenset({"constructor"})
"""Ids the id pattern allows that every JavaScript object already has (Object.prototype's
names in lower case): the quiz runtime keys the learner's record and the objectives' texts
by id, and would read the object's own property for a question or objective of that name
(the exam stopped drawing at it, and the 错题本 listed it unanswered)."""
_RESERVED_FIX = "choose another id, e.g. one that starts with the module's prefix"
FULL_WIDTH_UNDERSCORE = "\uff3f"
"""＿, which a Chinese input method types for '_'."""
DASHES_FOR_BLANK = re.compile("—{2,}|－{2,}")
"""A Chinese input method's dash (``——``, its key for '_' pressed twice), typed for a blank."""


def validate_course(
    course: Course, scan: CourseScan, files: Collection[str], kept: ProblemCache = UNKEPT
) -> list[Problem]:
    """Raise CourseError with every cross-file error in ``course``; return the warnings.

    ``files``: the files under course/ that pages may link to (:func:`media.linkable_files`);
    ``kept``: each page's own problems, found again only for a page that changed.
    """
    pages, cut_short = page_problems(course, scan, files, kept)
    problems = [
        *pages,
        *_objective_problems(course),
        *_title_problems(course),
        *_question_problems(course, link_targets(scan.anchors, scan, cut_short)),
        *_exam_problems(course),
        *_not_drawn_problems(course),
    ]
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    if errors:
        raise CourseError(errors)
    return sorted(problem for problem in problems if problem.severity is Severity.WARNING)


def _title_problems(course: Course) -> Iterator[Problem]:
    """A module titled as a module before it: the navigation, the home page and the exam's
    results name two modules alike, and a learner cannot tell which is which."""
    first: dict[str, Page] = {}
    for module in course.modules:
        title, page = module.meta.title, module.page
        if title in first:
            yield Problem(
                page.source.path,
                *position(page.source, ("title",)),
                f"the title '{title}' is also the title of {first[title].source.path.as_posix()}"
                ": the navigation and the home page show two modules of one name",
                "give each module its own title",
                "module.duplicate-title",
                Severity.WARNING,
            )
        first.setdefault(title, page)


def _objective_problems(course: Course) -> Iterator[Problem]:
    seen: dict[str, tuple[Path, int, int]] = {}
    for module in course.modules:
        for index, objective in enumerate(module.meta.objectives):
            line, column = position(module.page.source, ("objectives", index, "id"))
            at = (module.page.source.path, line, column)
            yield from _reserved_id("objective", objective.id, at, "module.reserved-id")
            if objective.id in seen:
                path, first_line, _ = seen[objective.id]
                yield Problem(
                    *at,
                    f"objective id '{objective.id}' is already used in "
                    f"{path.as_posix()}, line {first_line}",
                    "give the newer of the two objectives an id of its own, and name it in the "
                    "'objective:' of the questions that test it",
                    "module.duplicate-objective",
                )
            seen.setdefault(objective.id, at)


def _question_problems(course: Course, anchors: Targets) -> Iterator[Problem]:
    first_seen: dict[str, str] = {}
    for module in course.modules:
        for key, questions in module.quiz.question_lists():
            for index, question in enumerate(questions):
                at = _locator(module.quiz_source, key, index)
                label = f"question '{question.id}'"
                yield from _identity_problems(question, label, at, first_seen)
                yield from _placement_problems(question, label, at, module, anchors)
                yield from _type_problems(question, label, at)


def _identity_problems(
    question: Question, label: str, at: Locator, first_seen: dict[str, str]
) -> Iterator[Problem]:
    """A question id the runtime cannot key by, or used twice in the course; ``first_seen``
    remembers where each was."""
    place = at("id")
    yield from _reserved_id("question", question.id, place, "quiz.reserved-id")
    if question.id in first_seen:
        yield Problem(
            *place,
            f"{label} is already used at {first_seen[question.id]}",
            "give the newer of the two questions an id of its own (learners' answers are kept "
            "under the id of the one they answered); never reuse an old one",
            "quiz.duplicate-id",
        )
    else:
        path, line, _ = place
        first_seen[question.id] = f"{path.as_posix()}:{line}"


def _reserved_id(noun: str, name: str, at: tuple[Path, int, int], code: str) -> Iterator[Problem]:
    """An id in RESERVED_IDS, at ``at`` (path, line, column)."""
    if name in RESERVED_IDS:
        yield Problem(
            *at,
            f"{noun} id '{name}' is a name the browser's JavaScript keeps for itself",
            _RESERVED_FIX,
            code,
        )


def _placement_problems(
    question: Question, label: str, at: Locator, module: Module, anchors: Targets
) -> Iterator[Problem]:
    """The question's objective, stage and review link, against its module."""
    objective_ids = {objective.id for objective in module.meta.objectives}
    if question.objective not in objective_ids:
        yield Problem(
            *at("objective"),
            f"{label} names objective '{question.objective}', which "
            f"{module.page.filename} does not have",
            f"use one of: {', '.join(sorted(objective_ids))}",
            "quiz.unknown-objective",
        )
    if module.area_of(question) is None:
        yield Problem(
            *at("id"),
            f"{label} has no stage, and neither has {module.page.filename}",
            "add 'stage:' (meaning, principles, explore, offer, do or confirm) "
            "to the module's front matter or to the question",
            "quiz.no-stage",
        )
    broken = broken_link(question.review, module.page.filename, anchors)
    if broken:
        message, fix, code = broken
        yield Problem(*at("review"), f"{label}: review {message}", fix, f"review.{code}")
    target = review_target(question.review, module.page.filename)
    if not broken and target.anchor in GENERATED_HEADINGS:
        yield Problem(
            *at("review"),
            f"{label}: review links to the quiz itself ('#{target.anchor}'), where the "
            "learner who follows it already is",
            f"link to the section of {target.page} that teaches what the question asks",
            "review.to-quiz",
        )


def _locator(source: Source, list_key: str, index: int) -> Locator:
    def at(*keys: str | int) -> tuple[Path, int, int]:
        line, column = position(source, (list_key, index, *keys))
        return source.path, line, column

    return at


def _type_problems(question: Question, label: str, at: Locator) -> Iterator[Problem]:
    if isinstance(question, SingleChoice | MultipleChoice):
        yield from _answer_key_problems(question, label, at)
    elif isinstance(question, Ordering):
        items: list[tuple[str, Place]] = [
            (item, ("items", index)) for index, item in enumerate(question.items)
        ]
        yield from repeated_texts(items, label, "item", at)
    elif isinstance(question, Matching):
        pairs = list(enumerate(question.pairs))
        items = [(pair.item, ("pairs", index, "item")) for index, pair in pairs]
        matches = [(pair.match, ("pairs", index, "match")) for index, pair in pairs]
        yield from repeated_texts(items, label, "item", at)
        yield from repeated_texts(matches, label, "match", at)
        yield from distractors_matched(question, label, at)
    elif isinstance(question, FillIn):
        yield from _blank_problems(question, label, at)
    elif isinstance(question, Scenario):
        yield from dialogue_problems(question, label, at)


def _full_width_blank(text: str, too_few: bool) -> str:
    """What to say of the full-width underscores (＿, U+FF3F) a Chinese input method types,
    which look like a blank and mark none, and, where ``too_few`` blanks are marked, of its
    dash (``——``), which a trainer may have typed for one (or meant as a dash)."""
    said = ""
    if FULL_WIDTH_UNDERSCORE in text:
        said += (
            f"; the text's '{FULL_WIDTH_UNDERSCORE}' are full-width underscores, which mark no "
            "blank: type them with the input method in English mode"
        )
    if too_few and (dash := DASHES_FOR_BLANK.search(text)) is not None:
        said += (
            f"; the text's '{dash.group()}' is a dash, which marks no blank: if it stands for "
            f"one, write '{BLANK}' in its place, with the input method in English mode"
        )
    return said


def _blank_problems(question: FillIn, label: str, at: Locator) -> Iterator[Problem]:
    marked = len(question.text_parts()) - 1
    if marked != len(question.blanks):
        yield Problem(
            *at("text"),
            f"{label} marks {counted(marked, 'blank')} with '{BLANK}' in its text but lists "
            f"{len(question.blanks)} under 'blanks'",
            f"write one '{BLANK}' (three underscores or more) in the text for each entry under "
            f"'blanks', in the same order"
            f"{_full_width_blank(question.text, marked < len(question.blanks))}",
            "fill-in.blank-count",
        )
    for blank_index, blank in enumerate(question.blanks):
        for answer_index, answer in enumerate(blank.accept):
            unknown = next((c for c in answer if unicodedata.category(c) == "Cn"), None)
            if unknown is not None:
                yield Problem(
                    *at("blanks", blank_index, "accept", answer_index),
                    f"{label}: accepted answer '{answer}' has a character (U+{ord(unknown):04X}) "
                    f"that this Python's Unicode {unicodedata.unidata_version} does not know",
                    "remove the character, or build with a newer Python",
                    "fill-in.unknown-character",
                )
            if not normalise(answer):
                yield Problem(
                    *at("blanks", blank_index, "accept", answer_index),
                    f"{label}: accepted answer '{answer}' is only punctuation or spaces, "
                    "which are ignored when answers are compared",
                    "write the words the learner should type",
                    "fill-in.punctuation-only",
                )


def _answer_key_problems(
    question: SingleChoice | MultipleChoice, label: str, at: Locator
) -> Iterator[Problem]:
    correct = sum(option.correct for option in question.options)
    if isinstance(question, SingleChoice) and correct != 1:
        marked = [
            str(at("options", index, "correct")[1])
            for index, option in enumerate(question.options)
            if option.correct
        ]
        where = f" (marked on lines {joined_with_and(marked)})" if marked else ""
        yield Problem(
            *at("options"),
            f"{label} has {correct} correct options{where}; a single-choice question needs "
            "exactly one",
            "mark exactly one option 'correct: true'"
            + (", or change the type to multiple" if correct > 1 else ""),
            "quiz.single-two-correct" if correct > 1 else "quiz.single-no-correct",
        )
    if isinstance(question, MultipleChoice) and not 0 < correct < len(question.options):
        yield Problem(
            *at("options"),
            f"{label} has {correct} correct options out of {len(question.options)}; "
            "a multiple-choice question needs at least one right and one wrong option",
            "mark the right options 'correct: true' and leave at least one without it",
            "quiz.multiple-key",
        )
    options = [
        (option.text, ("options", index, "text")) for index, option in enumerate(question.options)
    ]
    yield from repeated_texts(options, label, "option", at)


def _exam_problems(course: Course) -> Iterator[Problem]:
    if course.exam is None:
        return
    config = course.exam.config
    pools = {
        module.page.name: len(module.exam_pool(config.include_quiz_questions))
        for module in course.modules
    }
    source = course.exam.source
    drawn = _drawn_as_written(course)
    for name, count in config.draw.items():
        line, column = position(source, ("draw", name))
        if name not in pools:
            yield Problem(
                source.path,
                line,
                column,
                f"the exam draws from module '{drawn[name]}', which the course does not have",
                did_you_mean(_renamed_draws(drawn[name], drawn.values(), pools), f": {count}")
                or f"use the file name of a module: {', '.join(sorted(pools))}",
                "exam.unknown-module",
            )
        elif count > pools[name]:
            yield Problem(
                source.path,
                line,
                column,
                f"the exam draws {count} questions from '{name}', whose exam pool has only "
                f"{pools[name]}",
                (f"draw at most {pools[name]}" if pools[name] else "delete the line")
                + f", or add questions under 'exam_questions:' in "
                f"quizzes/{name}.yml{'' if config.include_quiz_questions else _OR_INCLUDE}",
                "exam.pool-too-small",
            )


def _drawn_as_written(course: Course) -> dict[str, str]:
    """Each module's name in the exam's draw, as the trainer wrote it: ``06: 3`` is read as
    the number 6, and drawn from module '6'."""
    assert course.exam is not None
    source = course.exam.source
    return {name: key_as_written(source, ("draw", name), name) for name in course.exam.config.draw}


def _renamed_draws(name: str, draw: Collection[str], modules: Collection[str]) -> list[str]:
    """The modules the draw's line for ``name``, which the course does not have, may mean:
    those renamed from it (:func:`renamed_modules`) that the draw does not name already."""
    if name in modules:
        return []
    return [new for new in renamed_modules(name, modules) if new not in draw]


def _not_drawn_problems(course: Course) -> Iterator[Problem]:
    """The exam page says it draws from each module's pool: a module with a pool that the
    draw leaves out breaks that, and its exam-only questions are never asked. (A module
    with no pool, no exam-only questions and the quizzes' not included, has none to ask.) A
    module the draw names by an old name is told so once, at that line."""
    if course.exam is None:
        return
    config = course.exam.config
    line, column = position(course.exam.source, ("draw",))
    names = [module.page.name for module in course.modules]
    drawn = _drawn_as_written(course).values()
    renamed = {new for old in drawn for new in _renamed_draws(old, drawn, names)}
    for module in course.modules:
        name = module.page.name
        pool = len(module.exam_pool(config.include_quiz_questions))
        if name in config.draw or name in renamed or not pool:
            continue  # drawn, or told to be under its old name (exam.unknown-module)
        if exam_only := len(module.quiz.exam_questions):
            plural = "s are" if exam_only > 1 else " is"
            why = f"its {exam_only} exam-only question{plural} never asked"
        else:
            why = "the exam page says it draws from every module's pool"
        yield Problem(
            course.exam.source.path,
            line,
            column,
            f"the exam draws nothing from module {name} ({why})",
            f"add '{name}: K' under draw:, with K from 1 to {pool}, the questions in its pool",
            "exam.not-drawn",
        )
