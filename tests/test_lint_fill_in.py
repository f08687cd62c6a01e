"""A fill-in answer with a full-width comma between its words is one answer, and is named.

``accept: [切，切脉]`` reads as the one answer '切，切脉': YAML separates a list's entries
only at an ordinary ','. The rule is read on a quiz as ``check`` reads it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Severity
from generator.lint import Rule
from generator.lint.fill_in import edge_mark_problems, joined_answer_problems
from generator.lint.questions import QuestionList
from generator.models import Quiz
from generator.normalise import normalise
from generator.schema_problems import validate_model
from generator.yaml_source import parse_yaml

QUIZ = """\
questions:
  - id: s1-fill-in
    type: fill_in
    objective: s1-listen
    prompt: 补全倾听的四个字。
    text: 倾听时要望、闻、问、___。
    blanks:
      - accept: {accept}
    explanation: 望闻问切。
    review: "#listening"
"""


def warnings_of(rule: Rule, accept: str) -> list[str]:
    """What ``rule`` warns of in the quiz whose one blank accepts ``accept``."""
    source = parse_yaml(QUIZ.format(accept=accept), Path("quizzes/01-sample.yml"))
    quiz, problems = validate_model(Quiz, source)
    assert quiz is not None, problems
    found = list(rule(QuestionList(source, "questions", quiz.questions)))
    assert all(problem.severity is Severity.WARNING for problem in found)
    return [str(problem) for problem in found]


def joined_answers(accept: str) -> list[str]:
    return warnings_of(joined_answer_problems, accept)


@pytest.mark.parametrize(
    ("accept", "column", "answer", "fixed"),
    [
        ("[切，切脉]", 18, "切，切脉", "[切, 切脉]"),
        ("[切, 切脉、切诊]", 21, "切脉、切诊", "[切, 切脉, 切诊]"),
        ("\n          - 切，切脉", 13, "切，切脉", "[切, 切脉]"),
    ],
    ids=["full-width-comma", "enumeration-comma", "one-per-line"],
)
def test_an_answer_joined_by_a_full_width_comma_warns(
    accept: str, column: int, answer: str, fixed: str
) -> None:
    line = 8 + accept.count("\n")
    assert joined_answers(accept) == [
        f"quizzes/01-sample.yml:{line}:{column}: warning: question 's1-fill-in': the accepted "
        f"answer '{answer}' is one answer, punctuation and all: YAML separates answers only "
        f"with an ordinary comma ','; if they are 2 answers, write accept: {fixed}; if it is "
        "one, leave out the punctuation, which the learner would have to type too "
        "[fill-in.joined-answers]"
    ]


@pytest.mark.parametrize("accept", ["[切, 切脉]", "[切]", '["1,000"]', "[切。]"])
def test_answers_apart_or_alone_do_not_warn(accept: str) -> None:
    assert joined_answers(accept) == []


def edge_marks(accept: str) -> list[str]:
    return warnings_of(edge_mark_problems, accept)


@pytest.mark.parametrize(
    ("accept", "column", "mark", "answer", "loose"),
    [
        ('["-5"]', 18, "-", "-5", "5"),
        ("[C#]", 18, "#", "C#", "c"),
        ("[C#, C♯]", 18, "#", "C#", "c"),
        ("[８０％]", 18, "%", "８０％", "80"),
    ],
    ids=["minus", "sharp", "sharp-beside-another-form", "full-width-percent"],
)
def test_an_answer_whose_meaningful_end_mark_is_dropped_warns(
    accept: str, column: int, mark: str, answer: str, loose: str
) -> None:
    """A typed answer loses the punctuation at its ends, so that a full stop after it does
    not count against the learner: a blank that accepted '-5' took '5' as right, unsaid."""
    assert normalise(answer) == loose
    assert edge_marks(accept) == [
        f"quizzes/01-sample.yml:8:{column}: warning: question 's1-fill-in': the '{mark}' of "
        f"the accepted answer '{answer}' is dropped when answers are compared, as punctuation "
        f"at an answer's ends is, so '{loose}' counts as right too; if '{loose}' must not "
        "count, ask for the answer in words (负5, 百分之80) or put the mark inside it; if it "
        "may, add it to the accepted answers [fill-in.edge-mark-dropped]"
    ]


@pytest.mark.parametrize(
    "accept", ['["60", "60%"]', "[切。]", "[C, C#]", '["5-10"]', "[百分之六十]"]
)
def test_an_end_mark_the_blank_accepts_without_or_a_sentence_s_does_not_warn(
    accept: str,
) -> None:
    assert edge_marks(accept) == []
