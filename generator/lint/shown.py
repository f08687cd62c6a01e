"""One question giving another's answer away: a text of the page that holds both sides of
a matching question's pair, or names an ordering question's items in their right order.

A module quiz shows all its questions on one page, and each question's feedback and
explanation as soon as it is answered, so a learner who answers one question first may
read the key of another before answering it. Texts are compared as typed answers are
(:func:`generator.normalise.normalise`: full-width, case and a space beside a Chinese
character do not matter), the way ``giveaway.fill-in-answer-shown`` finds an answer in
its own question's text; an item, a match or a step is found only whole, as written, so a
text that says it in other words is not caught.

The exam-only questions (``exam_questions:``) are read as a list of their own, and
across modules (:func:`across_exam_papers`): an attempt may draw any two of them onto its
paper. The exam shows no feedback, explanation or right answer before the paper is handed
in, and after that the answers cannot change; so under ``exam_questions`` only what the
paper shows before hand-in counts (prompts, options, items, matches, a dialogue's lines
and replies). Module quiz questions the exam also draws (``include_quiz_questions:
true``) are not read together with the exam-only ones: the learner has seen them, with
their explanations, on the module page already.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.errors import Problem
from generator.lint.questions import QuestionList, warning
from generator.lint.thresholds import ORDER_SHOWN
from generator.models import Matching, Ordering, Pair
from generator.normalise import normalise
from generator.plain_text import Location, strings

NOT_SHOWN = frozenset({"id", "type", "objective", "stage", "review", "next"})
"""Keys whose values a learner never reads: ids, a stage, a review link's address."""
HIDDEN_IN_EXAM = frozenset({"feedback", "explanation", "accept"})
"""Keys whose texts the exam shows only once the paper is handed in."""
EXAM_LIST = "exam_questions"
SINGULAR = {
    "options": "option",
    "turns": "turn",
    "replies": "reply",
    "items": "item",
    "pairs": "pair",
    "distractors": "distractor",
    "blanks": "blank",
    "accept": "accepted answer",
}
"""How a text's place names a list it is in: ``option 2``, ``turn 1 reply 3``."""


@dataclass(frozen=True)
class ShownText:
    """A text of one question of the list, as the learner reads it on the page."""

    index: int
    """The question's index in its list."""
    question_id: str
    keys: Location
    """The keys inside the question down to the text."""
    compared: str
    """The text normalised as typed answers are."""

    @property
    def place(self) -> str:
        """Where in its question the text is, in words: ``prompt``, ``option 2 feedback``."""
        words: list[str] = []
        for step in self.keys:
            if isinstance(step, int) and words:
                words[-1] = f"{SINGULAR.get(words[-1], words[-1])} {step + 1}"
            else:
                words.append(str(step))
        return " ".join(words[:-1] if len(words) > 1 and words[-1] == "text" else words)


def pair_shown_problems(questions: QuestionList) -> Iterator[Problem]:
    """A text of another question that holds both the item and the match of a pair of a
    matching question: one text, both sides, anywhere in it (overlapping is not both)."""
    yield from _pairs_shown(questions, questions)


def order_shown_problems(questions: QuestionList) -> Iterator[Problem]:
    """A text of another question that names at least :data:`ORDER_SHOWN` items of an
    ordering question one after another in their right order (see :func:`in_order`)."""
    yield from _orders_shown(questions, questions)


def across_exam_papers(lists: list[QuestionList]) -> Iterator[Problem]:
    """The same two rules between the exam-only questions of two modules, which one exam
    paper may draw together."""
    exam_lists = [questions for questions in lists if questions.key == EXAM_LIST]
    for asked in exam_lists:
        for showing in exam_lists:
            if showing is not asked:
                yield from _pairs_shown(asked, showing)
                yield from _orders_shown(asked, showing)


def _pairs_shown(asked: QuestionList, showing: QuestionList) -> Iterator[Problem]:
    """The pairs of the matching questions of ``asked`` that texts of ``showing`` hold."""
    texts = shown_texts(showing)
    for index, question in enumerate(asked.questions):
        if not isinstance(question, Matching):
            continue
        sides = [(pair, normalise(pair.item), normalise(pair.match)) for pair in question.pairs]
        for text in texts:
            held = [pair for pair, item, match in sides if _holds_both(text.compared, item, match)]
            if held and not (showing is asked and text.index == index):
                yield _pair_warning(showing, text, _named(question.id, asked, showing), held)


def _orders_shown(asked: QuestionList, showing: QuestionList) -> Iterator[Problem]:
    """The ordering questions of ``asked`` whose order texts of ``showing`` name."""
    texts = shown_texts(showing)
    for index, question in enumerate(asked.questions):
        if not isinstance(question, Ordering):
            continue
        steps = [normalise(item) for item in question.items]
        for text in texts:
            run = in_order(text.compared, steps)
            own = showing is asked and text.index == index
            if len(run) >= min(ORDER_SHOWN, len(steps)) and not own:
                named = " → ".join(question.items[step] for step in run)
                yield warning(
                    showing.at(text.index, *text.keys),
                    f"question '{text.question_id}': its {text.place} names {len(run)} of the "
                    f"{len(steps)} items of the ordering question "
                    f"{_named(question.id, asked, showing)} in their right order ({named}), "
                    f"{_seen(showing)}",
                    "name fewer of them, or not one after another in their order" + _move(showing),
                    "giveaway.order-shown",
                )


def shown_texts(questions: QuestionList) -> list[ShownText]:
    """Every text of the list a learner reads on the page (under ``exam_questions``: before
    hand-in), normalised, with where it is written."""
    unread = NOT_SHOWN | (HIDDEN_IN_EXAM if questions.key == EXAM_LIST else frozenset())
    found: list[ShownText] = []
    for index, question in enumerate(questions.questions):
        for keys, text in strings(questions.source.tree[questions.key][index]):
            if not unread & {step for step in keys if isinstance(step, str)}:
                found.append(ShownText(index, question.id, keys, normalise(text)))
    return found


def in_order(text: str, steps: list[str]) -> list[int]:
    """The longest run of ``steps`` (by index) that ``text`` names one after another in
    their order, each later in the list than the one before (a step may be left out).

    What counts: each step found whole, as written, in ``text`` (both normalised as typed
    answers are); a step found only inside a longer step's mention (复述 in 复述要点) is
    that longer step's; a step named again right after itself is one mention. A mention
    that goes back in the order ends a run and starts the next, so a text that names the
    steps in another order (跟踪、移情、道歉) has runs of one, and 先跟踪，再道歉、移情 has
    the run 道歉、移情."""
    mentions = _mentions(text, steps)
    best: list[int] = []
    run: list[int] = []
    for step in mentions:
        run = [*run, step] if run and step > run[-1] else [step]
        best = run if len(run) > len(best) else best
    return best


def _mentions(text: str, steps: list[str]) -> list[int]:
    """The steps ``text`` names, by index, in the order it names them, a repeat of the one
    before counted once; a mention inside a longer one's is left out."""
    found = [
        (start, start + len(step), index)
        for index, step in enumerate(steps)
        if step
        for start in _starts(text, step)
    ]
    whole = [
        (start, index)
        for start, end, index in found
        if not any(s <= start and end <= e and e - s > end - start for s, e, _ in found)
    ]
    named = [index for _, index in sorted(whole)]
    return [step for place, step in enumerate(named) if place == 0 or named[place - 1] != step]


def _starts(text: str, part: str) -> Iterator[int]:
    start = text.find(part)
    while start >= 0:
        yield start
        start = text.find(part, start + len(part))


def _holds_both(text: str, item: str, match: str) -> bool:
    """Does ``text`` hold ``item`` and ``match``, neither only inside the other?"""
    if not item or not match:
        return False
    longer, shorter = sorted((item, match), key=len, reverse=True)
    return longer in text and shorter in text.replace(longer, "\0")


def _pair_warning(
    questions: QuestionList, text: ShownText, matching: str, held: list[Pair]
) -> Problem:
    pairs = ", ".join(f"'{pair.item}' → '{pair.match}'" for pair in held)
    s = "s" if len(held) > 1 else ""
    return warning(
        questions.at(text.index, *text.keys),
        f"question '{text.question_id}': its {text.place} holds both sides of the pair{s} "
        f"{pairs} of the matching question {matching}, {_seen(questions)}",
        f"show only one side of {'each' if s else 'the'} pair there" + _move(questions),
        "giveaway.pair-shown",
    )


def _named(question_id: str, asked: QuestionList, showing: QuestionList) -> str:
    """The question asked, by its id, and by its file where that is not the text's."""
    if asked.source is showing.source:
        return f"'{question_id}'"
    return f"'{question_id}' ({asked.source.path.as_posix()})"


def _seen(questions: QuestionList) -> str:
    """Why the other question's text gives the answer away, list by list."""
    if questions.key == EXAM_LIST:
        return "which an exam paper that draws both shows before hand-in"
    return "which the module quiz shows on the same page"


def _move(questions: QuestionList) -> str:
    return (
        "" if questions.key == EXAM_LIST else ", or move one of the two questions to exam_questions"
    )
