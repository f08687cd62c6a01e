"""One question giving another's answer away on the same page: a text that holds both
sides of a matching question's pair, or names an ordering question's items in order.

Quizzes are written as YAML and linted as ``check`` lints them (tests/test_lint.py), each
case both ways: warned, and the near miss that is not.
"""

from __future__ import annotations

from typing import Any

import pytest

from generator.errors import Problem
from generator.lint.questions import QuestionList
from generator.lint.shown import across_exam_papers, in_order, shown_problems
from tests.test_lint import (
    Data,
    codes,
    dialogue,
    line_of,
    lint,
    question,
    quiz_file,
    single,
)

SHOWN = {"giveaway.pair-shown", "giveaway.order-shown"}
GAPS = [
    ("差距 1", "不了解客户的期望"),
    ("差距 2", "没能提出适当的服务方案"),
    ("差距 3", "未能履行承诺"),
]
STEPS = ["道歉", "紧急复原", "移情", "象征性赎罪", "跟踪"]


def matching(qid: str, pairs: list[tuple[str, str]] = GAPS, **fields: Any) -> Data:
    listed = [{"item": item, "match": match} for item, match in pairs]
    return question(qid, "matching", pairs=listed, **fields)


def ordering(qid: str, items: list[str] = STEPS, **fields: Any) -> Data:
    return question(qid, "ordering", items=items, **fields)


def with_option(qid: str, text: str) -> Data:
    """A single-choice question whose option 2 (not the key) reads ``text``."""
    asked = single(qid, 0)
    asked["options"][1]["text"] = text
    return asked


def with_explanation(qid: str, text: str) -> Data:
    told = question(qid, "true_false", answer=True)
    told["explanation"] = text
    return told


def shown(questions: list[Data], exam: list[Data] | None = None) -> tuple[list[str], list[Problem]]:
    """The lines of the quiz file and its warnings of these two rules."""
    lines, problems = lint(questions, exam)
    return lines, [problem for problem in problems if problem.code in SHOWN]


# Both sides of a pair --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("差距 1：不了解客户的期望", True),
        ("差距１——不了解客户的期望。", True),  # full-width digit, other marks: compared as typed
        ("不了解客户的期望，这是差距 1", True),  # either order, anywhere in the text
        ("差距 1", False),  # the item alone
        ("不了解客户的期望", False),  # the match alone
        ("差距 1：没能提出适当的服务方案", False),  # sides of two different pairs
        ("差距 1：不太了解客户的期望", False),  # the match in other words
    ],
)
def test_an_option_holding_both_sides_of_a_pair_warns(text: str, warned: bool) -> None:
    lines, problems = shown([with_option("s1", text), matching("m1")])
    assert codes(problems) == (["giveaway.pair-shown"] if warned else [])
    if warned:
        assert line_of(lines, problems[0]).strip() == f"- text: {text}"
        assert problems[0].message.startswith(
            "question 's1': its option 2 holds both sides of the pair '差距 1' → "
            "'不了解客户的期望' of the matching question 'm1', which the module quiz shows"
        )
        assert "move one of the two questions to exam_questions" in problems[0].fix


def test_the_two_sides_in_two_texts_of_a_question_do_not_warn() -> None:
    asked = with_option("s1", "差距 1")
    asked["options"][2]["text"] = "不了解客户的期望"
    asked["explanation"] = "差距 3 是未能履行承诺。"
    lines, problems = shown([asked, matching("m1")])
    assert [line_of(lines, problem).strip() for problem in problems] == [
        "explanation: 差距 3 是未能履行承诺。"
    ]


def test_each_text_warns_once_naming_every_pair_it_holds() -> None:
    told = with_explanation("t1", "差距 1 是不了解客户的期望，差距 2 是没能提出适当的服务方案。")
    _, problems = shown([matching("m1"), told])
    assert codes(problems) == ["giveaway.pair-shown"]
    assert "pairs '差距 1' → '不了解客户的期望', '差距 2' → '没能提出适当的服务方案'" in (
        problems[0].message
    )


def test_a_matching_question_s_own_texts_do_not_warn() -> None:
    own = matching("m1", explanation="差距 1 是不了解客户的期望。")
    own["prompt"] = "差距 1 是不了解客户的期望，其他呢？"
    assert shown([own])[1] == []


def test_a_side_held_only_inside_the_other_is_not_both() -> None:
    """The item 投诉 stands in its match 投诉处理: the match alone holds one side."""
    pairs = [("投诉", "投诉处理"), ("建议", "改进")]
    assert shown([with_option("s1", "做好投诉处理"), matching("m1", pairs)])[1] == []
    _, problems = shown([with_option("s1", "投诉要做好投诉处理"), matching("m1", pairs)])
    assert codes(problems) == ["giveaway.pair-shown"]


def test_a_dialogue_line_is_read_and_named() -> None:
    talk = dialogue("d1", [(1, False), (2, False)])
    talk["turns"][1]["customer"] = "你们这就是差距 1，不了解客户的期望！"
    lines, problems = shown([matching("m1"), talk])
    assert codes(problems) == ["giveaway.pair-shown"]
    assert line_of(lines, problems[0]).strip().startswith("customer: 你们这就是差距 1")
    assert "its turns turn 2 customer" not in problems[0].message
    assert "its turn 2 customer holds" in problems[0].message


# The items of an ordering question in order ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("先道歉，紧接着紧急复原，再移情，然后象征性赎罪，最后约好跟踪。", 5),
        ("道歉之后马上移情，最后跟踪。", 3),  # three of five, the others left out
        ("先道歉，再紧急复原。", 2),  # two in order: not yet the order
        ("跟踪、移情、道歉，顺序反了。", 1),  # all named backwards
        ("先移情再道歉，然后跟踪。", 2),  # three named, two in order
        ("不是先跟踪，而是道歉、紧急复原、移情。", 3),  # a run after a step out of order
        ("道歉，道歉，再道歉，然后紧急复原。", 2),  # a step named again is one mention
    ],
)
def test_an_explanation_naming_three_steps_in_order_warns(text: str, run: int) -> None:
    lines, problems = shown([ordering("o1"), with_explanation("t1", text)])
    assert codes(problems) == (["giveaway.order-shown"] if run >= 3 else [])
    assert len(in_order(text, STEPS)) == run
    if run >= 3:
        assert line_of(lines, problems[0]).strip() == f"explanation: {text}"
        assert problems[0].message.startswith(
            f"question 't1': its explanation names {run} of the 5 items of the ordering "
            "question 'o1' in their right order (道歉 → "
        )


def test_a_step_inside_a_longer_step_is_the_longer_one_s() -> None:
    """复述 in 复述要点 is a mention of 复述要点: 倾听 then 复述要点 are two steps."""
    steps = ["倾听", "复述", "复述要点", "确认"]
    assert in_order("先倾听，再复述要点。", steps) == [0, 2]
    assert shown([ordering("o1", steps), with_explanation("t1", "先倾听，再复述要点。")])[1] == []
    told = with_explanation("t1", "先倾听，再复述，然后复述要点。")
    assert codes(shown([ordering("o1", steps), told])[1]) == ["giveaway.order-shown"]


def test_long_items_count_only_as_written() -> None:
    steps = ["先向客户真诚道歉", "马上动手解决问题", "说出客户受到的损失"]
    quoted = "先向客户真诚道歉，接着马上动手解决问题，再说出客户受到的损失。"
    said_otherwise = "先向客户真诚道歉，接着立刻解决问题，再说出客户受到的损失。"
    assert codes(shown([ordering("o1", steps), with_option("s1", quoted)])[1]) == [
        "giveaway.order-shown"
    ]
    assert shown([ordering("o1", steps), with_option("s1", said_otherwise)])[1] == []


def test_an_ordering_question_s_own_texts_do_not_warn() -> None:
    own = ordering("o1", explanation="依次是道歉、紧急复原、移情、象征性赎罪、跟踪。")
    assert shown([own])[1] == []


def test_the_items_of_another_ordering_question_are_separate_texts() -> None:
    assert shown([ordering("o1"), ordering("o2", ["道歉", "紧急复原", "移情", "回访"])])[1] == []


# The module quiz and the exam-only questions ---------------------------------------------


def test_each_list_is_read_on_its_own() -> None:
    told = with_explanation("t1", "依次是道歉、紧急复原、移情。")
    assert shown([ordering("o1")], exam=[told])[1] == []
    assert shown([told], exam=[ordering("o1")])[1] == []


@pytest.mark.parametrize(
    ("where", "warned"),
    [("prompt", True), ("option", True), ("explanation", False), ("feedback", False)],
)
def test_the_exam_reads_only_what_it_shows_before_hand_in(where: str, warned: bool) -> None:
    """The exam hides feedback and explanations until the paper is handed in."""
    text = "差距 1：不了解客户的期望"
    asked = with_option("s1", text if where == "option" else "乙方案")
    if where in {"prompt", "explanation"}:
        asked[where] = text
    if where == "feedback":
        asked["options"][1]["feedback"] = f"{text}，这里讲的是另一个差距。"
    lines, problems = shown([single("q1", 0)], exam=[asked, matching("m1")])
    assert codes(problems) == (["giveaway.pair-shown"] if warned else [])
    if warned:
        assert "which an exam paper that draws both shows before hand-in" in problems[0].message
        assert "exam_questions" not in problems[0].fix
        assert problems[0].line > lines.index("exam_questions:")


def shown_in(lists: list[QuestionList]) -> list[Problem]:
    """What the answer-shown rules find in ``lists``, as ``check`` reads a course: each list
    on its own, then the exam-only lists of two modules together."""
    return [
        *(problem for questions in lists for problem in shown_problems(questions)),
        *across_exam_papers(lists),
    ]


def across_two_modules(first_exam: list[Data], second_exam: list[Data]) -> list[Problem]:
    """The two rules between the exam-only questions of two modules, as ``check`` reads a
    course; each module's quiz is one question of its own."""
    lists = [
        listed
        for number, exam in enumerate((first_exam, second_exam), start=1)
        for listed in quiz_file([single(f"q{number}", 0)], exam, f"0{number}-sample")[1]
    ]
    return shown_in(lists)


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("差距 1：不了解客户的期望", True),  # both sides, visible on the paper
        ("差距 1", False),  # one side
    ],
)
def test_the_exam_only_questions_of_two_modules_are_read_together(text: str, warned: bool) -> None:
    """One exam paper may draw a matching question of module 1 and another module's
    question whose option holds its pair."""
    problems = across_two_modules([matching("m1")], [with_option("s2", text)])
    assert codes(problems) == (["giveaway.pair-shown"] if warned else [])
    if warned:
        assert problems[0].path.as_posix() == "quizzes/02-sample.yml"
        assert "'m1' (quizzes/01-sample.yml)" in problems[0].message


def test_an_order_shown_in_another_module_s_exam_question_is_warned() -> None:
    told = with_option("s2", "先道歉，再紧急复原，然后移情")
    problems = across_two_modules([told], [ordering("o2")])
    assert codes(problems) == ["giveaway.order-shown"]
    assert "'o2' (quizzes/02-sample.yml)" in problems[0].message


def test_a_module_quiz_is_not_read_with_another_module_s_exam_questions() -> None:
    """The learner has read the module quiz, its explanations too, on its page already."""
    lists = [
        *quiz_file([matching("m1")], [single("e1", 0)], "01-sample")[1],
        *quiz_file([single("q2", 0)], [with_option("s2", "差距 1：不了解客户的期望")], "02-sample")[
            1
        ],
    ]
    assert shown_in(lists) == []
