"""What the question templates get: plain data computed from the models.

Digests, the order items are shown in, the choices of a matching question, the turn
each reply leads to, the sealed answers of fill-in blanks and the review link are all
worked out here, in Python, so the templates only lay them out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from generator.course_scan import Anchors
from generator.digests import (
    answer_digest,
    blank_digests,
    match_choices,
    opaque_key,
    place_digest,
    row_digest,
    salt_for,
    sealed_answer,
    shown_items,
    turn_digest,
)
from generator.models import (
    END_OF_DIALOGUE,
    FillIn,
    Matching,
    Module,
    MultipleChoice,
    Ordering,
    Question,
    Reply,
    ResultFeedback,
    Scenario,
    Shuffled,
    SingleChoice,
    TrueFalse,
)
from generator.project import review_target

TRUE_FALSE_OPTIONS = (("true", "正确"), ("false", "错误"))


@dataclass(frozen=True)
class Choice:
    """Something the learner picks: an option, an item, a match or a reply."""

    key: str
    text: str
    feedback: str | None = None
    next: str | None = None
    """For a dialogue reply: the turn it leads to, or ``end``."""
    digest: str | None = None
    """For an ordering item, its place digest; for a matching row, its right choice's."""


@dataclass(frozen=True)
class Blank:
    number: int
    digests: list[str]
    sealed: str
    """The first accepted answer, sealed (see :func:`generator.digests.sealed_answer`)."""


@dataclass(frozen=True)
class TurnView:
    id: str
    customer: str
    digest: str
    replies: list[Choice]


@dataclass(frozen=True)
class Link:
    href: str
    title: str


@dataclass(frozen=True)
class QuestionView:
    """One question as a template lays it out; type-specific lists are empty otherwise."""

    question: Question
    number: int
    total: int
    """How many questions the quiz has (``第 3/15 题``); 0 where the runtime numbers them."""
    stage: str
    salt: str
    digest: str | None
    shuffle: bool
    review: Link
    options: list[Choice] = field(default_factory=list)
    items: list[Choice] = field(default_factory=list)
    rows: list[Choice] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)
    blanks: list[Blank] = field(default_factory=list)
    turns: list[TurnView] = field(default_factory=list)
    result_feedback: ResultFeedback | None = None
    best_path: bool = False
    """See :attr:`Placement.best_path`."""


@dataclass(frozen=True)
class Placement:
    """Where a question is shown: with the question itself, all its view is made from."""

    number: int
    total: int
    stage: str
    review: Link
    best_path: bool = False
    """A dialogue shows only the turns its best replies reach, and every reply leads on to
    the same next turn (see :meth:`Scenario.best_path`)."""


def placement(
    question: Question,
    number: int,
    module: Module,
    anchors: Anchors,
    current_page: str,
    total: int = 0,
    best_path: bool = False,
) -> Placement:
    """``question`` (of ``module``) shown as number ``number`` of ``total`` on
    ``current_page`` (``best_path``: see :attr:`Placement.best_path`)."""
    target = review_target(question.review, module.page.filename)
    review = Link(target.href(current_page), anchors[target.page][target.anchor])
    return Placement(number, total, module.area_of(question) or "", review, best_path)


def placed_view(question: Question, placed: Placement) -> QuestionView:
    """The view of ``question`` shown where ``placed`` says."""
    view = QuestionView(
        question=question,
        number=placed.number,
        total=placed.total,
        stage=placed.stage,
        salt=salt_for(question.id),
        digest=answer_digest(question),
        shuffle=isinstance(question, Shuffled) and question.shuffle,
        review=placed.review,
        best_path=placed.best_path,
    )
    return _with_type_fields(view)


def _with_type_fields(view: QuestionView) -> QuestionView:
    """``view`` with the lists its question type lays out."""
    question = view.question
    if isinstance(question, SingleChoice | MultipleChoice):
        options = [
            Choice(opaque_key(question.id, option.text), option.text, option.feedback)
            for option in question.options
        ]
        return replace(view, options=options)
    if isinstance(question, TrueFalse):
        options = [Choice(key, text) for key, text in TRUE_FALSE_OPTIONS]
        return replace(view, options=options, result_feedback=question.feedback)
    if isinstance(question, Ordering):
        places = {text: place for place, text in enumerate(question.items, 1)}
        items = [
            Choice(key, text, digest=place_digest(question, text, places[text]))
            for key, text in shown_items(question)
        ]
        return replace(view, items=items, result_feedback=question.feedback)
    if isinstance(question, Matching):
        rows = [
            Choice(opaque_key(question.id, pair.item), pair.item, digest=row_digest(question, row))
            for row, pair in enumerate(question.pairs, 1)
        ]
        choices = [Choice(key, text) for key, text in match_choices(question)]
        return replace(view, rows=rows, choices=choices, result_feedback=question.feedback)
    if isinstance(question, FillIn):
        count = len(question.blanks)
        blanks = [
            Blank(index + 1, blank_digests(question, index), sealed_answer(question, index))
            for index in range(count)
        ]
        parts = question.text_parts()
        return replace(view, text_parts=parts, blanks=blanks, result_feedback=question.feedback)
    return replace(view, turns=_turn_views(question, view.best_path))


def _turn_views(question: Scenario, best_path: bool) -> list[TurnView]:
    """The turns as the page plays them: every turn with its branches, or only the turns
    of the best path, where whatever the learner replies the customer's next line is the
    same."""
    if not best_path:
        return [
            _turn_view(question, index, question.next_turn) for index in range(len(question.turns))
        ]
    shown = question.best_path()
    after = [*(question.turns[index].id for index in shown[1:]), END_OF_DIALOGUE]
    after_turn = dict(zip(shown, after, strict=True))
    return [_turn_view(question, index, lambda at, _reply: after_turn[at]) for index in shown]


def _turn_view(question: Scenario, index: int, leads_to: Callable[[int, Reply], str]) -> TurnView:
    """Turn ``index``, each reply leading where ``leads_to(index, reply)`` says."""
    turn = question.turns[index]
    return TurnView(
        id=turn.id,
        customer=turn.customer,
        digest=turn_digest(question, turn),
        replies=[
            Choice(
                opaque_key(question.id, reply.text),
                reply.text,
                reply.feedback,
                leads_to(index, reply),
            )
            for reply in turn.replies
        ],
    )
