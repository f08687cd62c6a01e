"""Typed models of the course: one class per YAML object, unknown keys rejected."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from generator.project import EXAM_PAGES, HOME_PAGE, MISTAKES_PAGE

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""An id or a module's name: lower-case letters and digits, single hyphens between."""
Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
REVIEW_PAGE = r"[A-Za-z0-9_-]+\.md"
"""A page's file as a review link names it: ``06-confirm.md``."""
REVIEW_LINK = rf"^({REVIEW_PAGE})?#[^\s#]+$"
"""``page.md#section-id``, or ``#section-id`` on the module's own page."""
ReviewLink = Annotated[str, StringConstraints(pattern=REVIEW_LINK)]
Stage = Literal["explore", "offer", "do", "confirm"]
"""The four steps of the EODC behaviour model."""
Area = Literal["meaning", "principles", "explore", "offer", "do", "confirm"]
"""What a question assesses: an EODC stage, or the meaning or principles modules."""
EODC_STAGES: tuple[Stage, ...] = ("explore", "offer", "do", "confirm")
MOST_MINUTES = 600
"""The longest a module may take, in minutes."""
MOST_PERCENT = 100
"""The highest pass mark, a percentage."""

AREA_NAMES: dict[str, str] = {
    "meaning": "意义 Meaning",
    "principles": "原则 Principles",
    "explore": "探索 Explore",
    "offer": "提议 Offer",
    "do": "执行 Do",
    "confirm": "确认 Confirm",
}


EMPTY_VALUE = "empty_value"
"""The error of a key written with no value."""
OPTIONAL_FIELDS = ("summary", "stage", "feedback", "correct", "incorrect", "next")
"""The keys that may be left out, and are then None: written with no value, they are refused."""


class StrictModel(BaseModel):
    """Base for every source object: no unknown keys, no silent type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @field_validator(*OPTIONAL_FIELDS, mode="before", check_fields=False)
    @classmethod
    def _written_but_empty(cls, value: object, info: ValidationInfo) -> object:
        """A key left with no value (``next:``) is a slip, not the key left out: an optional
        one would otherwise take its default (the next turn) with nothing said."""
        field = cls.model_fields.get(info.field_name or "")
        if value is None and field is not None and field.default is None:  # not correct: true
            raise PydanticCustomError(EMPTY_VALUE, "the key has no value")
        return value


class Objective(StrictModel):
    id: Slug
    text: Text


class PageMeta(StrictModel):
    """Front matter of an ordinary page (home, glossary, trainer's guide)."""

    title: Text
    summary: Text | None = None


class ModuleMeta(StrictModel):
    """Front matter of a module page."""

    title: Text
    summary: Text
    minutes: Annotated[int, Field(gt=0, le=MOST_MINUTES)]
    stage: Area | None = None
    """An EODC stage, or meaning / principles for the two opening modules."""
    objectives: Annotated[list[Objective], Field(min_length=3, max_length=6)]


class Option(StrictModel):
    text: Text
    correct: bool = False
    feedback: Text | None = None


class QuestionBase(StrictModel):
    id: Slug
    objective: Slug
    applied: bool = False
    stage: Area | None = None
    """Overrides the module's stage for per-stage scores."""
    prompt: Text
    explanation: Text
    review: ReviewLink


class Shuffled(QuestionBase):
    """A question whose options, matches or replies each learner sees in a new order."""

    shuffle: bool = True
    """Shuffle for each learner and attempt? Say false to keep the written order ("以上都对")."""


class SingleChoice(Shuffled):
    type: Literal["single"]
    options: Annotated[list[Option], Field(min_length=2, max_length=6)]


class MultipleChoice(Shuffled):
    type: Literal["multiple"]
    options: Annotated[list[Option], Field(min_length=2, max_length=8)]


class ResultFeedback(StrictModel):
    """Feedback shown after a right or a wrong answer."""

    correct: Text | None = None
    incorrect: Text | None = None


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool
    feedback: ResultFeedback = ResultFeedback()


class Ordering(QuestionBase):
    """Put the items in order; ``items`` lists them in the right order."""

    type: Literal["ordering"]
    items: Annotated[list[Text], Field(min_length=3, max_length=8)]
    feedback: ResultFeedback = ResultFeedback()


class Pair(StrictModel):
    item: Text
    match: Text


class Matching(Shuffled):
    """Pair each item with its match; extra ``distractors`` join the choices."""

    type: Literal["matching"]
    pairs: Annotated[list[Pair], Field(min_length=2, max_length=8)]
    distractors: Annotated[list[Text], Field(max_length=4)] = []
    feedback: ResultFeedback = ResultFeedback()


class Blank(StrictModel):
    accept: Annotated[list[Text], Field(min_length=1, max_length=20)]
    """Accepted answers; compared after normalisation (see generator/normalise.py)."""


BLANK = "___"
"""How a fill-in question marks a blank in its text, as messages spell it."""
BLANK_MARK = re.compile("_{3,}")
"""What marks one blank: three underscores or more, so that ``______`` drawn long is one
blank, not two (nor ``____`` one and a stray ``_``)."""


class FillIn(QuestionBase):
    """A sentence in ``text`` with one ``___`` per blank, in the order of ``blanks``."""

    type: Literal["fill_in"]
    text: Text
    blanks: Annotated[list[Blank], Field(min_length=1, max_length=6)]
    feedback: ResultFeedback = ResultFeedback()

    def text_parts(self) -> list[str]:
        """The text between the blanks: one part more than the text marks blanks."""
        return BLANK_MARK.split(self.text)


END_OF_DIALOGUE = "end"
"""The ``next:`` of a reply that finishes the dialogue."""


class Reply(StrictModel):
    text: Text
    correct: bool = False
    feedback: Text
    next: Slug | None = None
    """The turn this reply leads to; default the next turn in the list, ``end`` to finish."""


class Turn(StrictModel):
    id: Slug
    customer: Text
    replies: Annotated[list[Reply], Field(min_length=2, max_length=5)]


class Scenario(Shuffled):
    """A customer dialogue: at each turn the learner picks a reply; branches allowed."""

    type: Literal["scenario"]
    stage: Stage
    turns: Annotated[list[Turn], Field(min_length=2, max_length=10)]

    def next_turn(self, index: int, reply: Reply) -> str:
        """The turn ``reply`` at turn ``index`` leads to: its 'next', else the following one."""
        if reply.next is not None:
            return reply.next
        following = self.turns[index + 1 : index + 2]
        return following[0].id if following else END_OF_DIALOGUE

    def best_path(self) -> list[int]:
        """The indices of the turns the dialogue reaches when every reply is the best one.

        The exam shows a dialogue along this path only: were a wrong reply to end the
        dialogue or lead elsewhere, the learner would know it wrong before handing in.
        A path visits each turn once at most (the checks refuse a dialogue that loops).
        """
        index_of = {turn.id: index for index, turn in enumerate(self.turns)}
        path = [0]
        for _ in self.turns:
            turn = self.turns[path[-1]]
            best = next(reply for reply in turn.replies if reply.correct)
            following = self.next_turn(path[-1], best)
            if following == END_OF_DIALOGUE:
                break
            path.append(index_of[following])
        return path


Question = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | Ordering | Matching | FillIn | Scenario,
    Field(discriminator="type"),
]
QUESTION_MODELS: dict[str, type[QuestionBase]] = {
    "single": SingleChoice,
    "multiple": MultipleChoice,
    "true_false": TrueFalse,
    "ordering": Ordering,
    "matching": Matching,
    "fill_in": FillIn,
    "scenario": Scenario,
}
QUESTION_TYPES = tuple(QUESTION_MODELS)


class Quiz(StrictModel):
    questions: Annotated[list[Question], Field(min_length=1)]
    """The module quiz, shown at the end of the module page."""
    exam_questions: list[Question] = []
    """Questions only the final exam draws; never shown in the module quiz."""

    @property
    def every_question(self) -> list[Question]:
        """The quiz's questions, then the exam-only ones."""
        return [*self.questions, *self.exam_questions]

    def question_lists(self) -> list[tuple[str, list[Question]]]:
        """Each list of questions with its key in the YAML file."""
        return [("questions", self.questions), ("exam_questions", self.exam_questions)]


DEFAULT_PASS_MARK = 80


@dataclass(frozen=True)
class PassMarks:
    """Percent of right answers that passes a module quiz and the final exam."""

    module: int = DEFAULT_PASS_MARK
    exam: int = DEFAULT_PASS_MARK


class ExamConfig(StrictModel):
    """``quizzes/exam.yml``: the final exam drawn from the module quizzes."""

    title: Text = "结业考试"
    pass_mark: Annotated[int, Field(ge=1, le=MOST_PERCENT)] = DEFAULT_PASS_MARK
    """Percent needed to pass the exam."""
    module_pass_mark: Annotated[int, Field(ge=1, le=MOST_PERCENT)] = DEFAULT_PASS_MARK
    """Percent a module quiz needs to count as passed."""
    shuffle_options: bool = True
    """Shuffle options, matches and replies in the exam (unless a question says shuffle: false)."""
    include_quiz_questions: bool = False
    """Let the module quiz's questions join each module's exam pool (``exam_questions``)."""
    draw: Annotated[dict[Slug, Annotated[int, Field(ge=1)]], Field(min_length=1)]
    """How many questions to draw from each module's exam pool, by module file name."""


@dataclass(frozen=True)
class Source:
    """A parsed source file, kept so later stages can point at its lines.

    ``tree`` is the plain data (mappings with text keys, lists, scalars); ``positions``
    maps the location of every key and item to its 0-based line and column;
    ``line_offset`` is the number of lines before the YAML starts in the file; ``lines``
    are the YAML's own lines, for quoting what the trainer wrote.
    """

    path: Path
    tree: Any
    positions: Mapping[tuple[int | str, ...], tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """A Markdown page of the course; ``meta`` is a ModuleMeta for modules."""

    name: str
    source: Source
    meta: PageMeta | ModuleMeta
    body: str
    body_line: int

    @property
    def filename(self) -> str:
        return f"{self.name}.md"


@dataclass(frozen=True)
class Module:
    page: Page
    meta: ModuleMeta
    quiz: Quiz
    quiz_source: Source

    def exam_pool(self, include_quiz_questions: bool) -> list[Question]:
        """The questions the final exam may draw from this module."""
        quiz = self.quiz.questions if include_quiz_questions else []
        return [*self.quiz.exam_questions, *quiz]

    def area_of(self, question: Question) -> Area | None:
        """The stage a question counts towards: its own, else its module's."""
        return question.stage or self.meta.stage


@dataclass(frozen=True)
class Exam:
    config: ExamConfig
    source: Source


@dataclass(frozen=True)
class Course:
    pages: list[Page] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    exam: Exam | None = None
    identity: str = ""
    """The course's identifier (:func:`generator.course_data.course_identity` of its
    ``site_name``), set once the settings are checked (:func:`generator.build.check`)."""

    @property
    def question_count(self) -> int:
        """Questions of the module quizzes (exam-only questions not included)."""
        return sum(len(module.quiz.questions) for module in self.modules)

    @property
    def exam_question_count(self) -> int:
        return sum(len(module.quiz.exam_questions) for module in self.modules)

    @property
    def pass_marks(self) -> PassMarks:
        if self.exam is None:
            return PassMarks()
        return PassMarks(module=self.exam.config.module_pass_mark, exam=self.exam.config.pass_mark)

    @property
    def home(self) -> Page | None:
        return next((page for page in self.pages if page.filename == HOME_PAGE), None)

    @property
    def generated_pages(self) -> tuple[str, ...]:
        """The pages the generator writes for this course beside its own: the exam and its
        certificate when it has an exam, the 错题本 when it has modules."""
        exam = EXAM_PAGES if self.exam is not None else ()
        return (*exam, *((MISTAKES_PAGE,) if self.modules else ()))
