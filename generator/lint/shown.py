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
from generator.plain_text import strings
from generator.yaml_events import Location

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


def shown_problems(questions: QuestionList) -> Iterator[Problem]:
    """Texts of the list that give away another question's answer: a text holding both the
    item and the match of a matching question's pair (one text, both sides, anywhere in it;
    overlapping is not both), or naming at least :data:`ORDER_SHOWN` items of an ordering
    question one after another in their right order (see :func:`in_order`). The list's texts
    are read once for both, and not at all in a list with neither kind of question."""
    asked = Asked(questions)
    if asked.matchings or asked.orderings:
        shown = ShownTexts(questions)
        yield from _pairs_shown(asked, questions, shown)
        yield from _orders_shown(asked, questions, shown)


def across_exam_papers(lists: list[QuestionList]) -> Iterator[Problem]:
    """The same two rules between the exam-only questions of two modules, which one exam
    paper may draw together. Each list's texts and keys are read once, not once for each
    other list (at 300 modules, 90,000 times)."""
    exam_lists = [questions for questions in lists if questions.key == EXAM_LIST]
    texts = [ShownTexts(questions) for questions in exam_lists]
    for asked in map(Asked, exam_lists):
        if not asked.matchings and not asked.orderings:
            continue
        for showing, shown in zip(exam_lists, texts, strict=True):
            if showing is not asked.questions:
                yield from _pairs_shown(asked, showing, shown)
                yield from _orders_shown(asked, showing, shown)


class ShownTexts:
    """The texts of a list a learner reads (:func:`shown_texts`), and all of them in one
    string: a side or an item found nowhere in it is in none of them, and the texts need
    not be read one by one for it."""

    def __init__(self, questions: QuestionList) -> None:
        self.texts = shown_texts(questions)
        self.all = "\0".join(text.compared for text in self.texts)


class Asked:
    """The matching and ordering questions of a list, their pairs' sides and their items
    normalised as typed answers are."""

    def __init__(self, questions: QuestionList) -> None:
        self.questions = questions
        self.matchings = [
            (
                index,
                question,
                [(pair, normalise(pair.item), normalise(pair.match)) for pair in question.pairs],
            )
            for index, question in enumerate(questions.questions)
            if isinstance(question, Matching)
        ]
        self.orderings = [
            (index, question, [normalise(item) for item in question.items])
            for index, question in enumerate(questions.questions)
            if isinstance(question, Ordering)
        ]


def _pairs_shown(asked: Asked, showing: QuestionList, shown: ShownTexts) -> Iterator[Problem]:
    """The pairs of the matching questions ``asked`` that texts ``shown`` of ``showing`` hold."""
    for index, question, all_sides in asked.matchings:
        sides = [side for side in all_sides if side[1] in shown.all and side[2] in shown.all]
        for text in shown.texts if sides else ():
            held = [pair for pair, item, match in sides if _holds_both(text.compared, item, match)]
            if held and not (showing is asked.questions and text.index == index):
                named = _named(question.id, asked.questions, showing)
                yield _pair_warning(showing, text, named, held)


def _orders_shown(asked: Asked, showing: QuestionList, shown: ShownTexts) -> Iterator[Problem]:
    """The ordering questions ``asked`` whose order texts ``shown`` of ``showing`` name."""
    for index, question, steps in asked.orderings:
        need = min(ORDER_SHOWN, len(steps))
        named_somewhere = sum(1 for step in steps if step and step in shown.all)
        for text in shown.texts if named_somewhere >= need else ():
            run = in_order(text.compared, steps)
            own = showing is asked.questions and text.index == index
            if len(run) >= need and not own:
                named = " → ".join(question.items[step] for step in run)
                yield warning(
                    showing.at(text.index, *text.keys),
                    f"question '{text.question_id}': its {text.place} names {len(run)} of the "
                    f"{len(steps)} items of the ordering question "
                    f"{_named(question.id, asked.questions, showing)} in their right order "
                    f"({named}), {_seen(showing)}",
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
