"""Feedback that opens with a verdict: the right answer readable in the page source.

The runtime announces ✓ 回答正确 / ✗ 回答错误 itself; feedback says why. Feedback sits
hidden next to its option, so feedback that opens with 对。 marks the key for anyone who
reads the page source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem
from generator.lint.questions import QuestionList, warning
from generator.models import MultipleChoice, Question, Scenario, SingleChoice

STANDING_ALONE = (
    "对", "错", "是", "不是", "正确", "不正确", "错误", "没错", "不对", "不错", "对头",
    "好", "很好", "非常好", "可以", "不行", "恰当", "不恰当", "妥当", "欠妥",
)  # fmt: skip
"""Verdicts when punctuation or the end follows them, a particle (了, 的 …) at most between:
对。 好的， 没错！ 正确 — but not 对方…, 好口碑…, 正确的做法…, 对 MOT 来说…"""
OPENINGS = (
    "答对", "答错", "回答正确", "回答错误", "选对", "选错", "判断正确", "判断错误",
    "完全正确", "完全错误", "非常正确", "说得对", "恭喜", "✓", "✔", "✗", "✘", "√", "×",
)  # fmt: skip
"""Verdicts whatever follows them: 答对了就… 恭喜你…"""
PARTICLES = "了啦呀的哦嘛啊"


def _either(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


VERDICT = re.compile(
    rf"^(?:(?:{_either(STANDING_ALONE)})[{PARTICLES}]?(?=[^\w\s]|$)|(?:{_either(OPENINGS)}))"
)


def verdict_opening(text: str) -> str | None:
    """The verdict ``text`` opens with, if any."""
    found = VERDICT.match(text.strip())
    return found.group() if found else None


def verdict_problems(questions: QuestionList) -> Iterator[Problem]:
    for index, question in enumerate(questions.questions):
        for keys, text in feedback_of(question):
            verdict = verdict_opening(text)
            if verdict:
                yield warning(
                    questions.at(index, *keys),
                    f"question '{question.id}': the feedback opens with the verdict '{verdict}'",
                    "leave the verdict to the page (it shows ✓ 回答正确 or ✗ 回答错误) and "
                    "open with the reason",
                    "feedback.verdict",
                )


def feedback_of(question: Question) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every feedback text of ``question`` with the keys that lead to it."""
    if isinstance(question, SingleChoice | MultipleChoice):
        for index, option in enumerate(question.options):
            if option.feedback:
                yield ("options", index, "feedback"), option.feedback
    elif isinstance(question, Scenario):
        for turn_index, turn in enumerate(question.turns):
            for reply_index, reply in enumerate(turn.replies):
                yield ("turns", turn_index, "replies", reply_index, "feedback"), reply.feedback
    else:
        for when in ("correct", "incorrect"):
            text = getattr(question.feedback, when)
            if text:
                yield ("feedback", when), text
