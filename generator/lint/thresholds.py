"""The lint's thresholds, all in one place: the giveaway rules' shares and the course's
standards (AUTHORING.md lists them for trainers).

A share rule looks at one list of a quiz file — the module quiz or its exam-only
questions (the count of right options: the whole course) — and warns when *more than* its
share of the questions (or dialogue turns) there shows the pattern; exactly the share is
still fine. A standard is a count
a module keeps within (:class:`Between`) or reaches.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Share:
    """More than ``limit`` of a list showing a pattern is a giveaway."""

    limit: Fraction
    words: str
    """The limit as messages say it: "a third", "40%"."""
    at_least: int = 1
    """The fewest questions showing the pattern that make a warning."""

    def exceeded(self, count: int, total: int) -> bool:
        return count >= self.at_least and count > self.limit * total


SINGLE_SAME_LENGTH = Share(Fraction(2, 5), "40%", at_least=2)
"""Single choice: the key has the same length rank (the longest option, alone or as long as
another; the second longest …). As with positions, it takes two keys of one rank."""
SINGLE_SAME_POSITION = Share(Fraction(2, 5), "40%", at_least=2)
"""Single choice: the key sits at the same position. One question is no pattern: with one
or two single-choice questions some position always holds more than 40%, so it takes two
keys at one position (from three questions on, more than 40% is at least two anyway)."""
MULTIPLE_FIRST_OPTION = Share(Fraction(2, 3), "two thirds", at_least=2)
"""Multiple choice: option 1 is one of the right options. As with single choice, one
question is no pattern: a list with one multiple-choice question always showed it, and
its trainer had to move a right option no learner could learn anything from."""
MULTIPLE_FIRST_K = Share(Fraction(1, 4), "a quarter", at_least=2)
"""Multiple choice: the right options are exactly the first k (1, 1–2, 1–3 …); it takes
two such questions."""
MULTIPLE_SAME_COUNT = Share(Fraction(3, 5), "60%", at_least=4)
"""Multiple choice, across the whole course: the same number of options is right. A course
with three or fewer multiple-choice questions teaches no count, so it takes four. With
questions that allow only two counts (three options: one or two right), the best split
is half and half; from four questions on, that is never more than 60%."""
MULTIPLE_LENGTH = Share(Fraction(1, 4), "a quarter", at_least=2)
"""Multiple choice: the right options are exactly the shortest, or exactly the longest; it
takes two such questions."""
DIALOGUE_LONGEST = Share(Fraction(45, 100), "45%")
"""Dialogue turns: the best reply is the strictly longest."""
DIALOGUE_FIRST = Share(Fraction(45, 100), "45%")
"""Dialogue turns: the best reply is the first."""


@dataclass(frozen=True)
class Between:
    """A count from ``low`` to ``high``, both included."""

    low: int
    high: int

    def holds(self, count: int) -> bool:
        return self.low <= count <= self.high


QUIZ_QUESTIONS = Between(10, 15)
"""Questions in a module quiz (``questions:``)."""
QUIZ_TYPES = 4
"""The fewest question types a module quiz uses."""
QUIZ_APPLIED = Fraction(1, 3)
"""The least share of a module quiz's questions that are ``applied: true``."""
QUIZ_QUESTIONS_PER_OBJECTIVE = 2
"""The fewest module-quiz questions that test each objective."""
EXAM_ONLY_QUESTIONS = 6
"""The fewest exam-only questions (``exam_questions:``) of a module."""
EXAM_ONLY_APPLIED = Fraction(1, 2)
"""The least share of a module's exam-only questions that are ``applied: true``."""
BODY_CHARACTERS = Between(3000, 8000)
"""Chinese characters in a module page's body (front matter not counted)."""
WRONG_ANSWER_FEEDBACK = 10
"""The fewest Chinese characters in the feedback on a wrong answer: enough to say why."""
ORDER_SHOWN = 3
"""Items of an ordering question that another question's text, naming them one after
another in their right order, gives the order away with. Two in order is a hint a sentence
often drops (先道歉，再……); three is the order. Every ordering question has at least three
items (were one to have fewer, naming all of them in order would count)."""
