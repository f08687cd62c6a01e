"""Keys that form a pattern: the right answer found by its place or its length alone.

Learners may see options shuffled, but the GIFT bank, the trainer's answer key and any LMS
import keep the written order, and a key that is always the longest option shows in
any order. Each rule counts, in one list of a quiz file (the count of right options: in
the whole course), the questions (or dialogue turns) that show its pattern and warns
once, at the first of them, when they are more than its share
(:mod:`generator.lint.thresholds`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.errors import Problem
from generator.lint import thresholds
from generator.lint.questions import QuestionList, Where, warning
from generator.models import MultipleChoice, Option, Scenario, SingleChoice


@dataclass(frozen=True)
class Sighting:
    """One question, or one dialogue turn, that a rule looked at."""

    shows: bool
    """Does it show the pattern?"""
    label: str
    """The question id, or ``question-id/turn-id`` for a turn."""
    index: int
    """The question's index in its list (or, for a rule that reads the whole course, in
    the rule's own list of the course's questions)."""
    keys: tuple[str | int, ...]
    """The keys inside the question down to the line to point at."""


Sightings = Callable[[QuestionList], list[Sighting]]


@dataclass(frozen=True)
class Pattern:
    """One share rule: its code, its threshold and how its warning reads."""

    code: str
    share: thresholds.Share
    shows: str
    """What the pattern is, as the message says it."""
    among: str
    fix: str


def pattern_problems(questions: QuestionList) -> Iterator[Problem]:
    """Every pattern rule, then the key positions and lengths of single choice, on one list."""
    for pattern, sightings in PATTERNS:
        yield from _share_problem(pattern, questions, sightings(questions))
    yield from _position_problems(questions)
    yield from _length_problems(questions)


def _share_problem(
    pattern: Pattern, questions: QuestionList, sightings: list[Sighting]
) -> Iterator[Problem]:
    yield from _share_warning(
        pattern, questions.name, sightings, lambda hit: questions.at(hit.index, *hit.keys)
    )


def _share_warning(
    pattern: Pattern, name: str, sightings: list[Sighting], at: Callable[[Sighting], Where]
) -> Iterator[Problem]:
    """The warning of ``pattern`` when more than its share of ``sightings`` show it, at
    the first that does; ``name`` says where they were counted ("of the module quiz")."""
    hits = [sighting for sighting in sightings if sighting.shows]
    if hits and pattern.share.exceeded(len(hits), len(sightings)):
        yield warning(
            at(hits[0]),
            f"{pattern.shows} in {len(hits)} of {len(sightings)} {pattern.among} "
            f"{name} (more than {pattern.share.words}): " + ", ".join(hit.label for hit in hits),
            pattern.fix,
            pattern.code,
        )


def right_count_problems(lists: list[QuestionList]) -> Iterator[Problem]:
    """How many options are right, across every multiple-choice question of the course.

    Unlike the other rules this one reads the whole course at once: one quiz holds two
    or three multiple-choice questions, but a learner who takes all six sees the count
    that keeps coming back, and ticks that many every time."""
    asked = [
        (questions, index, question, sum(option.correct for option in question.options))
        for questions in lists
        for index, question in _multiples(questions)
        if len(question.options) > 2  # two options: always one right, no count to vary
    ]

    def at(hit: Sighting) -> Where:
        questions, index, *_ = asked[hit.index]
        return questions.at(index, *hit.keys)

    for count in sorted({found for *_, found in asked}):
        sightings = [
            Sighting(found == count, question.id, place, ("options",))
            for place, (_, _, question, found) in enumerate(asked)
        ]
        shows = SAME_COUNT.shows.format(count=count, s="" if count == 1 else "s")
        pattern = dataclasses.replace(SAME_COUNT, shows=shows)
        yield from _share_warning(
            pattern, "of the course, module quizzes and exam-only questions together", sightings, at
        )


def _position_problems(questions: QuestionList) -> Iterator[Problem]:
    keys = [(index, question, _key(question)) for index, question in _singles(questions)]
    for position in sorted({key for _, _, key in keys}):
        sightings = [
            Sighting(key == position, question.id, index, ("options", key))
            for index, question, key in keys
        ]
        shows = SAME_POSITION.shows.format(position=position + 1)
        pattern = dataclasses.replace(SAME_POSITION, shows=shows)
        yield from _share_problem(pattern, questions, sightings)


def _length_problems(questions: QuestionList) -> Iterator[Problem]:
    """For each length rank (the longest option, the second longest …), the single-choice
    questions whose key has it. A question whose options are all as long tells nothing by
    length: it counts among the questions, at no rank."""
    ranked = [
        (index, question, key, length_rank(texts, key) if len(set(map(len, texts))) > 1 else 0)
        for index, question in _singles(questions)
        for key, texts in [(_key(question), [option.text for option in question.options])]
    ]
    for rank in sorted({rank for *_, rank in ranked} - {0}):
        sightings = [
            Sighting(found == rank, question.id, index, ("options", key))
            for index, question, key, found in ranked
        ]
        shows = SAME_LENGTH.shows.format(nth=_nth_longest(rank))
        yield from _share_problem(
            dataclasses.replace(SAME_LENGTH, shows=shows), questions, sightings
        )


def length_rank(texts: list[str], index: int) -> int:
    """1 when ``texts[index]`` is the longest (alone or with others as long), 2 when one
    text is longer, and so on: one more than the texts longer than it, in characters."""
    return 1 + sum(len(text) > len(texts[index]) for text in texts)


def _nth_longest(rank: int) -> str:
    return "the longest" if rank == 1 else f"the {ORDINALS.get(rank, f'{rank}th')} longest"


ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def _singles(questions: QuestionList) -> list[tuple[int, SingleChoice]]:
    return [(i, q) for i, q in enumerate(questions.questions) if isinstance(q, SingleChoice)]


def _multiples(questions: QuestionList) -> list[tuple[int, MultipleChoice]]:
    return [(i, q) for i, q in enumerate(questions.questions) if isinstance(q, MultipleChoice)]


def _key(question: SingleChoice) -> int:
    return next(index for index, option in enumerate(question.options) if option.correct)


def strictly_longest(texts: list[str], index: int) -> bool:
    """Is ``texts[index]`` longer, in characters, than every other text?"""
    others = texts[:index] + texts[index + 1 :]
    return all(len(texts[index]) > len(other) for other in others)


def first_k(options: list[Option]) -> bool:
    """Are the right options exactly the first k (option 1, or 1–2, or 1–3 …)?"""
    marks = [option.correct for option in options]
    right = marks.count(True)
    return right > 0 and marks[:right] == [True] * right


def _first_option_keys(questions: QuestionList) -> list[Sighting]:
    return [
        Sighting(question.options[0].correct, question.id, index, ("options", 0))
        for index, question in _multiples(questions)
    ]


def by_length(options: list[Option]) -> bool:
    """Are the right options exactly the shortest ones, or exactly the longest: each right
    option shorter than every wrong one, or each longer?"""
    right = [len(option.text) for option in options if option.correct]
    wrong = [len(option.text) for option in options if not option.correct]
    return bool(right and wrong) and (max(right) < min(wrong) or min(right) > max(wrong))


def _length_keys(questions: QuestionList) -> list[Sighting]:
    return [
        Sighting(by_length(question.options), question.id, index, ("options",))
        for index, question in _multiples(questions)
    ]


def _first_k_keys(questions: QuestionList) -> list[Sighting]:
    return [
        Sighting(first_k(question.options), question.id, index, ("options",))
        for index, question in _multiples(questions)
    ]


def _turns(questions: QuestionList) -> Iterator[tuple[int, Scenario, int, list[str], int]]:
    """(question index, dialogue, turn index, reply texts, index of the best reply)."""
    for index, question in enumerate(questions.questions):
        if isinstance(question, Scenario):
            for turn_index, turn in enumerate(question.turns):
                best = next(i for i, reply in enumerate(turn.replies) if reply.correct)
                yield index, question, turn_index, [reply.text for reply in turn.replies], best


def _longest_replies(questions: QuestionList) -> list[Sighting]:
    return [
        Sighting(
            strictly_longest(texts, best),
            f"{question.id}/{question.turns[turn].id}",
            index,
            ("turns", turn, "replies", best),
        )
        for index, question, turn, texts, best in _turns(questions)
    ]


def _first_replies(questions: QuestionList) -> list[Sighting]:
    return [
        Sighting(
            best == 0,
            f"{question.id}/{question.turns[turn].id}",
            index,
            ("turns", turn, "replies", 0),
        )
        for index, question, turn, _, best in _turns(questions)
    ]


PATTERNS: tuple[tuple[Pattern, Sightings], ...] = (
    (
        Pattern(
            "giveaway.multiple-first-option",
            thresholds.MULTIPLE_FIRST_OPTION,
            "option 1 is right",
            "multiple-choice questions",
            "make option 1 a wrong option in some of them",
        ),
        _first_option_keys,
    ),
    (
        Pattern(
            "giveaway.multiple-first-k",
            thresholds.MULTIPLE_FIRST_K,
            "the right options are exactly the first ones",
            "multiple-choice questions",
            "vary which options are right: put a wrong option before a right one",
        ),
        _first_k_keys,
    ),
    (
        Pattern(
            "giveaway.multiple-length",
            thresholds.MULTIPLE_LENGTH,
            "the right options are exactly the shortest or exactly the longest ones",
            "multiple-choice questions",
            "make a right option longer than a wrong one, or shorter: as specific as each other",
        ),
        _length_keys,
    ),
    (
        Pattern(
            "giveaway.dialogue-longest",
            thresholds.DIALOGUE_LONGEST,
            "the best reply is the strictly longest",
            "dialogue turns",
            "make the other replies as long and as plausible as the best one",
        ),
        _longest_replies,
    ),
    (
        Pattern(
            "giveaway.dialogue-first",
            thresholds.DIALOGUE_FIRST,
            "the best reply is the first",
            "dialogue turns",
            "put the best reply further down in some turns",
        ),
        _first_replies,
    ),
)
SAME_POSITION = Pattern(
    "giveaway.single-position",
    thresholds.SINGLE_SAME_POSITION,
    "the key is option {position}",
    "single-choice questions",
    "move the key to other positions in some of them (the GIFT bank, the answer key and "
    "LMS imports keep the written order)",
)
"""Checked once for each position a key takes (:func:`_position_problems`)."""
SAME_LENGTH = Pattern(
    "giveaway.single-length",
    thresholds.SINGLE_SAME_LENGTH,
    "the key is {nth} option",
    "single-choice questions",
    "make the key longer or shorter than it is, or a wrong option as long, in some of them: "
    "a learner who always picks the option of that length would find the key",
)
"""Checked once for each length rank a key takes (:func:`_length_problems`)."""
SAME_COUNT = Pattern(
    "giveaway.multiple-count",
    thresholds.MULTIPLE_SAME_COUNT,
    "exactly {count} right option{s}",
    "multiple-choice questions",
    "give some of them another number of right options (make a wrong option right, or a "
    "right one wrong): a learner who notices the count ticks that many every time",
)
"""Checked once for each count of right options (:func:`right_count_problems`)."""
