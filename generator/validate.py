"""Validate stage: checks that need the whole course (ids, answer keys, links)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.errors import CourseError, Problem
from generator.markdown_config import Anchors
from generator.models import (
    BLANK,
    END_OF_DIALOGUE,
    Course,
    FillIn,
    Matching,
    MultipleChoice,
    Ordering,
    Page,
    Question,
    Scenario,
    SingleChoice,
    Source,
)
from generator.normalise import normalise
from generator.yaml_source import position

FENCE = re.compile(r"^\s*(```|~~~)")
LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s")
MARKDOWN_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
_OR_INCLUDE = " (or set include_quiz_questions: true)"
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

Locator = Callable[..., tuple[Path, int, int]]
"""Maps keys inside the current question to (file, line, column)."""


def validate_course(course: Course, anchors: Anchors) -> None:
    """Raise CourseError with every cross-file problem in ``course``."""
    problems = [
        *_page_problems(course, anchors),
        *_objective_problems(course),
        *_question_problems(course, anchors),
        *_exam_problems(course),
    ]
    if problems:
        raise CourseError(problems)


def _page_problems(course: Course, anchors: Anchors) -> Iterator[Problem]:
    for page in course.pages:
        for line_number, line in _body_lines(page):
            if LEVEL_ONE_HEADING.match(line):
                yield Problem(
                    page.source.path,
                    line_number,
                    1,
                    "level-1 heading in the page body",
                    "start sections at '##'; the page title comes from 'title:'",
                )
            for match in MARKDOWN_LINK.finditer(line):
                target = match.group(1)
                if EXTERNAL.match(target):
                    continue
                broken = _broken_link(target, page.filename, anchors)
                if broken:
                    yield Problem(page.source.path, line_number, match.start(1) + 1, *broken)


def _body_lines(page: Page) -> Iterator[tuple[int, str]]:
    """Lines of the body outside code blocks, with their line numbers in the source file."""
    in_fence = False
    for offset, line in enumerate(page.body.splitlines()):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield page.body_line + offset, line


def _broken_link(target: str, current_page: str, anchors: Anchors) -> tuple[str, str] | None:
    """Return (what is wrong, how to fix it) if ``target`` does not resolve."""
    page_part, _, anchor = target.partition("#")
    page = page_part or current_page
    if page not in anchors:
        known = ", ".join(sorted(anchors))
        return (
            f"link to '{page_part}', which is not a page of the course",
            f"link to one of: {known}",
        )
    if anchor and anchor not in anchors[page]:
        return (
            f"link to '#{anchor}', which is not a heading of {page}",
            f"add '{{#{anchor}}}' to the heading it should open, or link to an existing one",
        )
    return None


def _objective_problems(course: Course) -> Iterator[Problem]:
    seen: dict[str, Path] = {}
    for module in course.modules:
        for index, objective in enumerate(module.meta.objectives):
            if objective.id in seen:
                line, column = position(module.page.source, ("objectives", index, "id"))
                yield Problem(
                    module.page.source.path,
                    line,
                    column,
                    f"objective id '{objective.id}' is already used in "
                    f"{seen[objective.id].as_posix()}",
                    "give every objective its own id",
                )
            seen[objective.id] = module.page.source.path


def _question_problems(course: Course, anchors: Anchors) -> Iterator[Problem]:
    first_seen: dict[str, str] = {}
    for module in course.modules:
        objective_ids = {objective.id for objective in module.meta.objectives}
        located = [
            (_locator(module.quiz_source, key, index), question)
            for key, questions in module.quiz.question_lists()
            for index, question in enumerate(questions)
        ]
        for at, question in located:
            label = f"question '{question.id}'"
            if question.id in first_seen:
                yield Problem(
                    *at("id"),
                    f"{label} is already used at {first_seen[question.id]}",
                    "give every question its own id; never reuse an old one",
                )
            else:
                path, line, _ = at("id")
                first_seen[question.id] = f"{path.as_posix()}:{line}"
            if question.objective not in objective_ids:
                yield Problem(
                    *at("objective"),
                    f"{label} names objective '{question.objective}', which "
                    f"{module.page.filename} does not have",
                    f"use one of: {', '.join(sorted(objective_ids))}",
                )
            if module.area_of(question) is None:
                yield Problem(
                    *at("id"),
                    f"{label} has no stage, and neither has {module.page.filename}",
                    "add 'stage:' (meaning, principles, explore, offer, do or confirm) "
                    "to the module's front matter or to the question",
                )
            yield from _type_problems(question, label, at)
            broken = _broken_link(question.review, module.page.filename, anchors)
            if broken:
                yield Problem(*at("review"), f"{label}: review {broken[0]}", broken[1])


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
        yield from _repeated_texts(items, label, "item", at)
    elif isinstance(question, Matching):
        pairs = list(enumerate(question.pairs))
        items = [(pair.item, ("pairs", index, "item")) for index, pair in pairs]
        choices: list[tuple[str, Place]] = [
            (pair.match, ("pairs", index, "match")) for index, pair in pairs
        ]
        choices += [
            (text, ("distractors", index)) for index, text in enumerate(question.distractors)
        ]
        yield from _repeated_texts(items, label, "item", at)
        yield from _repeated_texts(choices, label, "match", at)
    elif isinstance(question, FillIn):
        yield from _blank_problems(question, label, at)
    elif isinstance(question, Scenario):
        yield from _dialogue_problems(question, label, at)


Place = tuple[str | int, ...]
"""Keys from a question down to one of its values."""


def _repeated_texts(
    entries: list[tuple[str, Place]], label: str, noun: str, at: Locator
) -> Iterator[Problem]:
    seen: set[str] = set()
    for text, place in entries:
        if text in seen:
            yield Problem(
                *at(*place),
                f"{label} has two {noun}es with the text '{text}'"
                if noun == "match"
                else f"{label} has two {noun}s with the text '{text}'",
                f"make every {noun} different",
            )
        seen.add(text)


def _blank_problems(question: FillIn, label: str, at: Locator) -> Iterator[Problem]:
    marked = question.text.count(BLANK)
    if marked != len(question.blanks):
        yield Problem(
            *at("text"),
            f"{label} marks {marked} blanks with '{BLANK}' in its text but lists "
            f"{len(question.blanks)} under 'blanks'",
            f"write one '{BLANK}' in the text for each entry under 'blanks', in the same order",
        )
    for blank_index, blank in enumerate(question.blanks):
        for answer_index, answer in enumerate(blank.accept):
            if not normalise(answer):
                yield Problem(
                    *at("blanks", blank_index, "accept", answer_index),
                    f"{label}: accepted answer '{answer}' is only punctuation or spaces, "
                    "which are ignored when answers are compared",
                    "write the words the learner should type",
                )


def _dialogue_problems(question: Scenario, label: str, at: Locator) -> Iterator[Problem]:
    turn_ids = [turn.id for turn in question.turns]
    for index, turn in enumerate(question.turns):
        if turn.id in turn_ids[:index]:
            yield Problem(
                *at("turns", index, "id"),
                f"{label} has two turns with the id '{turn.id}'",
                "give every turn its own id",
            )
        correct = sum(reply.correct for reply in turn.replies)
        if correct != 1:
            yield Problem(
                *at("turns", index, "replies"),
                f"{label}: turn '{turn.id}' has {correct} best replies; a turn needs exactly one",
                "mark exactly one reply of the turn 'correct: true'",
            )
        for reply_index, reply in enumerate(turn.replies):
            if reply.next is not None and reply.next not in (*turn_ids, END_OF_DIALOGUE):
                yield Problem(
                    *at("turns", index, "replies", reply_index, "next"),
                    f"{label}: a reply leads to turn '{reply.next}', which the dialogue lacks",
                    f"use one of: {', '.join([*turn_ids, END_OF_DIALOGUE])}",
                )
    if _loops(question):
        yield Problem(
            *at("turns"),
            f"{label}: the dialogue can go round in a circle and never end",
            "change a 'next:' so that every path reaches 'end' without repeating a turn",
        )


def _loops(question: Scenario) -> bool:
    """Can the dialogue come back to a turn it has already been through?"""
    leads_to = {
        turn.id: {question.next_turn(index, reply) for reply in turn.replies}
        for index, turn in enumerate(question.turns)
    }

    def revisits(turn_id: str, path: frozenset[str]) -> bool:
        if turn_id in path:
            return True
        return any(revisits(after, path | {turn_id}) for after in leads_to.get(turn_id, ()))

    return revisits(question.turns[0].id, frozenset())


def _answer_key_problems(
    question: SingleChoice | MultipleChoice, label: str, at: Locator
) -> Iterator[Problem]:
    correct = sum(option.correct for option in question.options)
    if isinstance(question, SingleChoice) and correct != 1:
        yield Problem(
            *at("options"),
            f"{label} has {correct} correct options; a single-choice question needs exactly one",
            "mark exactly one option 'correct: true', or change the type to multiple",
        )
    if isinstance(question, MultipleChoice) and not 0 < correct < len(question.options):
        yield Problem(
            *at("options"),
            f"{label} has {correct} correct options out of {len(question.options)}; "
            "a multiple-choice question needs at least one right and one wrong option",
            "mark the right options 'correct: true' and leave at least one without it",
        )
    seen_texts: set[str] = set()
    for option_index, option in enumerate(question.options):
        if option.text in seen_texts:
            yield Problem(
                *at("options", option_index, "text"),
                f"{label} has two options with the text '{option.text}'",
                "make every option's text different",
            )
        seen_texts.add(option.text)


def _exam_problems(course: Course) -> Iterator[Problem]:
    if course.exam is None:
        return
    config = course.exam.config
    pools = {
        module.page.name: len(module.exam_pool(config.include_quiz_questions))
        for module in course.modules
    }
    source = course.exam.source
    for name, count in config.draw.items():
        line, column = position(source, ("draw", name))
        if name not in pools:
            yield Problem(
                source.path,
                line,
                column,
                f"the exam draws from module '{name}', which the course does not have",
                f"use the file name of a module: {', '.join(sorted(pools))}",
            )
        elif count > pools[name]:
            yield Problem(
                source.path,
                line,
                column,
                f"the exam draws {count} questions from '{name}', whose exam pool has only "
                f"{pools[name]}",
                f"draw at most {pools[name]}, or add questions under 'exam_questions:' in "
                f"quizzes/{name}.yml{'' if config.include_quiz_questions else _OR_INCLUDE}",
            )
