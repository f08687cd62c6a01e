"""Typed models of the course: one class per YAML object, unknown keys rejected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ReviewLink = Annotated[str, StringConstraints(pattern=r"^([A-Za-z0-9_-]+\.md)?#[^\s#]+$")]
Stage = Literal["explore", "offer", "do", "confirm"]

STAGE_NAMES: dict[str, str] = {
    "explore": "探索 Explore",
    "offer": "提议 Offer",
    "do": "执行 Do",
    "confirm": "确认 Confirm",
}


class StrictModel(BaseModel):
    """Base for every source object: no unknown keys, no silent type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


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
    minutes: Annotated[int, Field(gt=0, le=600)]
    stage: Stage | None = None
    objectives: Annotated[list[Objective], Field(min_length=3, max_length=6)]


class Option(StrictModel):
    text: Text
    correct: bool = False
    feedback: Text | None = None


class QuestionBase(StrictModel):
    id: Slug
    objective: Slug
    applied: bool = False
    prompt: Text
    explanation: Text
    review: ReviewLink


class SingleChoice(QuestionBase):
    type: Literal["single"]
    options: Annotated[list[Option], Field(min_length=2, max_length=6)]


class MultipleChoice(QuestionBase):
    type: Literal["multiple"]
    options: Annotated[list[Option], Field(min_length=2, max_length=8)]


class TrueFalseFeedback(StrictModel):
    correct: Text | None = None
    incorrect: Text | None = None


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    answer: bool
    feedback: TrueFalseFeedback = TrueFalseFeedback()


Question = Annotated[SingleChoice | MultipleChoice | TrueFalse, Field(discriminator="type")]
ChoiceQuestion = SingleChoice | MultipleChoice
QUESTION_TYPES = ("single", "multiple", "true_false")


class Quiz(StrictModel):
    questions: Annotated[list[Question], Field(min_length=1)]


@dataclass(frozen=True)
class Source:
    """A parsed source file, kept so later stages can point at its lines.

    ``tree`` is the ruamel.yaml round-trip data (which knows each node's line);
    ``line_offset`` is the number of lines before the YAML starts in the file.
    """

    path: Path
    tree: Any
    line_offset: int = 0


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


@dataclass(frozen=True)
class Course:
    pages: list[Page] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)

    @property
    def question_count(self) -> int:
        return sum(len(module.quiz.questions) for module in self.modules)
