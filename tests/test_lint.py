"""The giveaway lint: each rule trips just over its threshold and not at it.

Quizzes are written here as YAML (so every warning can be checked against the line it
points at), read the way ``check`` reads them, and linted one list at a time.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from generator.errors import Problem, Severity
from generator.lint import RULES
from generator.lint.feedback import verdict_opening
from generator.lint.patterns import (
    by_length,
    first_k,
    length_rank,
    right_count_problems,
    strictly_longest,
)
from generator.lint.prose import prose_problems
from generator.lint.questions import QuestionList
from generator.models import Option, Quiz
from generator.schema_problems import validate_model
from generator.yaml_source import parse_yaml
from tests.conftest import PROJECT, run_generator

Data = dict[str, Any]
EVEN = ["甲方案", "乙方案", "丙方案", "丁方案"]
"""Options of one length: no key is the longest."""
REASON = "这里写的是选这一项的理由。"
"""Feedback long enough to say why an answer is wrong (a course standard)."""
WARNING_LINE = re.compile(r"^quizzes/[\w.-]+:\d+:\d+: warning: [^;]+; .+ \[[a-z-]+\.[a-z-]+\]$")


def question(qid: str, kind: str, **fields: Any) -> Data:
    return {
        "id": qid,
        "type": kind,
        "objective": "s1-listen",
        "prompt": f"{qid} 的题干",
        **fields,
        "explanation": "讲解。",
        "review": "#listening",
    }


def single(qid: str, key: int, longest: bool = False) -> Data:
    texts = [*EVEN]
    if longest:
        texts[key] = f"{qid} 的正确方案最长"
    options = [
        {"text": text, "correct": i == key, "feedback": REASON} for i, text in enumerate(texts)
    ]
    return question(qid, "single", options=options)


def multiple(qid: str, right: set[int]) -> Data:
    options = [
        {"text": text, "correct": i in right, "feedback": REASON} for i, text in enumerate(EVEN)
    ]
    return question(qid, "multiple", options=options)


def dialogue(qid: str, turns: list[tuple[int, bool]]) -> Data:
    """A dialogue whose turn n has its best reply at ``turns[n][0]``, the longest if ``[1]``."""

    def reply(turn: int, index: int, best: int, longest: bool) -> Data:
        text = f"回复{'甲乙丙'[index]}"
        if index == best and longest:
            text = f"{qid} 第 {turn} 轮最好的回复"
        return {"text": text, "correct": index == best, "feedback": REASON}

    return question(
        qid,
        "scenario",
        stage="explore",
        turns=[
            {
                "id": f"t{turn}",
                "customer": "客户说。",
                "replies": [reply(turn, index, best, longest) for index in range(3)],
            }
            for turn, (best, longest) in enumerate(turns)
        ],
    )


def as_yaml(data: Data) -> str:
    yaml = YAML()
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def quiz_file(
    questions: list[Data], exam: list[Data] | None = None, name: str = "01-sample"
) -> tuple[str, list[QuestionList]]:
    """A quiz file with these lists, read the way ``check`` reads it: its text and its
    lists that hold questions."""
    data: Data = {"questions": questions}
    if exam:
        data["exam_questions"] = exam
    text = as_yaml(data)
    source = parse_yaml(text, Path(f"quizzes/{name}.yml"))
    quiz, problems = validate_model(Quiz, source)
    assert quiz is not None, problems
    lists = [QuestionList(source, key, listed) for key, listed in quiz.question_lists() if listed]
    return text, lists


def lint(questions: list[Data], exam: list[Data] | None = None) -> tuple[list[str], list[Problem]]:
    """Lint a quiz file with these lists; return its lines and the warnings."""
    text, lists = quiz_file(questions, exam)
    found = [problem for listed in lists for rule in RULES for problem in rule(listed)]
    assert {problem.severity for problem in found} <= {Severity.WARNING}
    return text.splitlines(), sorted(found)


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def line_of(lines: list[str], problem: Problem) -> str:
    return lines[problem.line - 1]


# Single choice ---------------------------------------------------------------------------

SPREAD_KEYS = [0, 1, 2, 3, 0, 1]
"""Six keys, no position above 40%."""


@pytest.mark.parametrize(("longest", "warned"), [(2, False), (3, True)])
def test_single_key_longest_in_forty_percent_is_fine_and_more_warns(
    longest: int, warned: bool
) -> None:
    """The other questions' options are all as long: length tells nothing there."""
    questions = [single(f"q{i}", key, longest=i < longest) for i, key in enumerate(SPREAD_KEYS)]
    lines, problems = lint(questions)
    assert codes(problems) == (["giveaway.single-length"] if warned else [])
    if warned:
        assert "q0 的正确方案最长" in line_of(lines, problems[0])
        assert problems[0].message == (
            "the key is the longest option in 3 of 6 single-choice questions of the module "
            "quiz (more than 40%): q0, q1, q2"
        )


RANKED = ["六个字的方案", "五个字方案", "四字方案", "三字案"]
"""Options of four lengths, longest first."""


def ranked(qid: str, key: int, rank: int) -> Data:
    """A single-choice question whose key, at position ``key``, is the ``rank``-th longest
    option (1: the longest), ``ties`` as long as it."""
    texts = [text for index, text in enumerate(RANKED) if index != rank - 1]
    texts.insert(key, RANKED[rank - 1])
    options = [
        {"text": text, "correct": i == key, "feedback": REASON} for i, text in enumerate(texts)
    ]
    return question(qid, "single", options=options)


@pytest.mark.parametrize(
    ("ranks", "warning"),
    [
        ([2, 2, 1, 3, 4], None),
        ([2, 2, 1, 2, 4], "the key is the second longest option in 3 of 5"),
        ([4, 3, 4], "the key is the fourth longest option in 2 of 3"),
        ([3], None),
    ],
)
def test_single_key_of_one_length_rank_in_forty_percent_is_fine(
    ranks: list[int], warning: str | None
) -> None:
    """A learner who always picks the second longest option found most keys of the exam."""
    questions = [ranked(f"q{i}", i % 4, rank) for i, rank in enumerate(ranks)]
    lines, problems = lint(questions)
    assert codes(problems) == (["giveaway.single-length"] if warning else [])
    if warning:
        assert problems[0].message.startswith(warning)
        rank = ranks[int(problems[0].message.rsplit(": q", 1)[1][0])]
        assert line_of(lines, problems[0]).strip() == f"- text: {RANKED[rank - 1]}"


def test_a_key_as_long_as_the_longest_other_ranks_first_with_it() -> None:
    assert length_rank(["一样长", "一样长", "短"], 1) == 1
    assert length_rank(["更长一点", "一样长", "一样长", "短"], 2) == 2
    assert length_rank(["更长一点", "一样长", "一样长", "短"], 3) == 4
    assert not strictly_longest(["一样长", "一样长", "短"], 0)
    assert strictly_longest(["更长一点", "一样长", "短"], 0)


@pytest.mark.parametrize(
    ("keys", "warning"),
    [
        ([0, 0, 1, 2, 3], None),
        ([1, 0, 0, 0, 2], "the key is option 1 in 3 of 5"),
        ([0, 1], None),
        ([2, 2], "the key is option 3 in 2 of 2"),
        ([3], None),
    ],
)
def test_single_key_at_one_position_in_forty_percent_is_fine(
    keys: list[int], warning: str | None
) -> None:
    questions = [single(f"q{i}", key) for i, key in enumerate(keys)]
    lines, problems = lint(questions)
    assert codes(problems) == (["giveaway.single-position"] if warning else [])
    if warning:
        assert problems[0].message.startswith(warning)
        position = int(warning.split("option ")[1][0]) - 1
        first = lines.index(f"- id: q{keys.index(position)}")
        key_line = lines.index(f"  - text: {EVEN[position]}", first) + 1
        assert problems[0].line == key_line


# Multiple choice -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rights", "warned"),
    [
        ([{0, 2}, {0, 3}, {1, 2}], False),
        ([{0, 2}, {0, 3}, {0, 2}], True),
        ([{0, 2}], False),  # one question is no pattern
        ([{0, 2}, {0, 1}], True),
    ],
)
def test_option_one_right_in_two_thirds_is_fine_and_more_warns(
    rights: list[set[int]], warned: bool
) -> None:
    lines, problems = lint([multiple(f"q{i}", right) for i, right in enumerate(rights)])
    assert codes(problems) == (["giveaway.multiple-first-option"] if warned else [])
    if warned:
        assert line_of(lines, problems[0]).strip() == "- text: 甲方案"
        assert f"in {len(rights)} of {len(rights)} multiple-choice questions" in problems[0].message


@pytest.mark.parametrize(
    ("rights", "warned"),
    [
        ([{0}, {1, 3}, {2}, {1, 2}], False),
        ([{1, 3}, {0}, {0, 1}, {1, 2}], True),
        ([{1, 3}, {0}, {1, 2}], False),  # one question of three is no pattern
    ],
)
def test_first_k_right_in_a_quarter_is_fine_and_more_warns(
    rights: list[set[int]], warned: bool
) -> None:
    lines, problems = lint([multiple(f"q{i}", right) for i, right in enumerate(rights)])
    assert codes(problems) == (["giveaway.multiple-first-k"] if warned else [])
    if warned:
        assert line_of(lines, problems[0]).strip() == "options:"
        assert lines[problems[0].line - 2].strip() == "prompt: q1 的题干"
        assert problems[0].message.endswith("(more than a quarter): q1, q2")


def lengths(qid: str, texts: list[str], right: set[int]) -> Data:
    options = [
        {"text": text, "correct": i in right, "feedback": REASON} for i, text in enumerate(texts)
    ]
    return question(qid, "multiple", options=options)


LENGTH_SPREAD = ["较长的一项", "短项", "中等一项", "长长的一项啊"]
"""Options of four lengths, not in length order."""


@pytest.mark.parametrize(
    ("rights", "warned"),
    [
        ([{1, 2}, {0, 1}, {2, 3}, {1, 3}], False),
        ([{1, 2}, {0, 3}, {2, 3}, {1, 3}], True),
        ([{1, 2}, {2, 3}, {1, 3}], False),  # one question of three is no pattern
    ],
)
def test_right_options_by_length_in_a_quarter_is_fine_and_more_warns(
    rights: list[set[int]], warned: bool
) -> None:
    """The right options, all shorter than every wrong one (or all longer), were the key
    of eight multiple-choice questions: a learner leaving out the two longest got them."""
    questions = [lengths(f"q{i}", LENGTH_SPREAD, right) for i, right in enumerate(rights)]
    _, problems = lint(questions)
    assert codes(problems) == (["giveaway.multiple-length"] if warned else [])
    if warned:
        assert problems[0].message == (
            "the right options are exactly the shortest or exactly the longest ones in 2 of 4 "
            "multiple-choice questions of the module quiz (more than a quarter): q0, q1"
        )


def test_by_length_compares_every_right_option_with_every_wrong_one() -> None:
    def options(*texts: tuple[str, bool]) -> list[Option]:
        return [Option(text=text, correct=flag) for text, flag in texts]

    assert by_length(options(("短", True), ("长一点", False), ("更长一些", False)))
    assert by_length(options(("更长一些", True), ("长一点", True), ("短", False)))
    assert not by_length(options(("短", True), ("长一点", False), ("更长一些", True)))
    assert not by_length(options(("一样", True), ("一样", False)))


def test_first_k_means_the_right_options_lead() -> None:
    def marks(*right: bool) -> list[Option]:
        return [Option(text=str(i), correct=flag) for i, flag in enumerate(right)]

    assert first_k(marks(True, False, False))
    assert first_k(marks(True, True, False))
    assert not first_k(marks(True, False, True))
    assert not first_k(marks(False, True, True))


# Dialogues -------------------------------------------------------------------------------


def twenty_turns(shown: int, best_first: bool) -> list[Data]:
    """Two dialogues of ten turns; ``shown`` turns, every other one, show the pattern."""
    showing = [*range(0, 20, 2), *range(1, 20, 2)][:shown]
    turns = [
        (0 if best_first and n in showing else 1, not best_first and n in showing)
        for n in range(20)
    ]
    return [dialogue("d1", turns[:10]), dialogue("d2", turns[10:])]


@pytest.mark.parametrize(("shown", "warned"), [(9, False), (10, True)])
def test_best_reply_longest_in_45_percent_of_turns_is_fine(shown: int, warned: bool) -> None:
    lines, problems = lint(twenty_turns(shown, best_first=False))
    assert codes(problems) == (["giveaway.dialogue-longest"] if warned else [])
    if warned:
        assert "d1 第 0 轮最好的回复" in line_of(lines, problems[0])
        assert "in 10 of 20 dialogue turns of the module quiz (more than 45%)" in (
            problems[0].message
        )


@pytest.mark.parametrize(("shown", "warned"), [(9, False), (10, True)])
def test_best_reply_first_in_45_percent_of_turns_is_fine(shown: int, warned: bool) -> None:
    lines, problems = lint(twenty_turns(shown, best_first=True))
    assert codes(problems) == (["giveaway.dialogue-first"] if warned else [])
    if warned:
        assert line_of(lines, problems[0]).strip() == "- text: 回复甲"
        assert problems[0].message.endswith(
            ": d1/t0, d1/t2, d1/t4, d1/t6, d1/t8, d2/t0, d2/t2, d2/t4, d2/t6, d2/t8"
        )


# Multiple choice across the course -------------------------------------------------------


def lint_course_counts(files: list[tuple[list[Data], list[Data]]]) -> list[Problem]:
    """The right-count rule over quiz files 01, 02 … with these (quiz, exam-only) lists."""
    lists = [
        listed
        for number, (questions, exam) in enumerate(files, start=1)
        for listed in quiz_file(questions, exam, f"{number:02}-sample")[1]
    ]
    return list(right_count_problems(lists))


def right(prefix: str, count: int, how_many: int) -> list[Data]:
    """``count`` questions with ``how_many`` of their four options right."""
    return [
        multiple(f"{prefix}{i}", {(i + step) % 4 for step in range(how_many)}) for i in range(count)
    ]


@pytest.mark.parametrize(("twos", "warned"), [(6, False), (7, True)])
def test_one_count_of_right_options_in_60_percent_of_the_course_is_fine(
    twos: int, warned: bool
) -> None:
    """Ten questions in two files, the quiz of one and the exam-only list of the other,
    counted together (a learner meets both); three of them have one right option, and
    the others two or three."""
    first = right("a", 3, 1) + right("a2-", twos - 2, 2)
    problems = lint_course_counts(
        [(first, []), ([single("s", 0)], right("b2-", 2, 2) + right("b", 7 - twos, 3))]
    )
    assert codes(problems) == (["giveaway.multiple-count"] if warned else [])
    if warned:
        warning = problems[0]
        lines = as_yaml({"questions": first}).splitlines()
        assert str(warning.path) == "quizzes/01-sample.yml"
        assert lines[warning.line - 2 : warning.line] == ["  prompt: a2-0 的题干", "  options:"]
        assert warning.message.startswith(
            "exactly 2 right options in 7 of 10 multiple-choice questions of the course"
        )
        assert warning.message.endswith("(more than 60%): a2-0, a2-1, a2-2, a2-3, a2-4, b2-0, b2-1")


@pytest.mark.parametrize(("count", "warned"), [(3, False), (4, True)])
def test_it_takes_four_questions_to_teach_a_count(count: int, warned: bool) -> None:
    problems = lint_course_counts([(right("q", count, 2), [])])
    assert codes(problems) == (["giveaway.multiple-count"] if warned else [])


@pytest.mark.parametrize("count", range(4, 13))
def test_questions_that_allow_two_counts_can_always_pass(count: int) -> None:
    """Three options allow one or two right: half and half is never more than 60%."""
    three = [lengths(f"q{i}", EVEN[:3], {0} if i % 2 else {0, 1}) for i in range(count)]
    assert lint_course_counts([(three, [])]) == []


def test_a_question_of_two_options_has_no_count_to_vary() -> None:
    two = [lengths(f"q{i}", EVEN[:2], {0}) for i in range(6)]
    assert lint_course_counts([(two, [])]) == []


# The module quiz and its exam-only questions, each on its own ----------------------------


def six_singles(prefix: str, longest: int) -> list[Data]:
    return [single(f"{prefix}{i}", key, i < longest) for i, key in enumerate(SPREAD_KEYS)]


def test_the_quiz_and_the_exam_only_questions_are_judged_apart() -> None:
    """3 of 6 trips 40%; 3 of 12 would not, had the lists been counted together."""
    lines, problems = lint(six_singles("q", 3), exam=six_singles("e", 0))
    assert codes(problems) == ["giveaway.single-length"]
    assert "of the module quiz" in problems[0].message

    lines, problems = lint(six_singles("q", 0), exam=six_singles("e", 3))
    assert codes(problems) == ["giveaway.single-length"]
    assert "under exam_questions" in problems[0].message
    assert problems[0].line > lines.index("exam_questions:")


# Fill-in ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prompt", "text", "accept", "where"),
    [
        ("补全四诊法。", "望、闻、___、切", ["问"], None),
        ("请问四诊法的第三个字是什么？", "望、闻、___、切", ["问"], "prompt"),
        ("补全。", "望、闻、___、问切", ["问"], "text"),
        ("什么是 ｍｏｔ？", "它叫 ___。", ["MOT"], "prompt"),
        ("补全这个词。", "服务___补救", ["务补"], None),
    ],
)
def test_a_fill_in_answer_shown_before_answering_warns(
    prompt: str, text: str, accept: list[str], where: str | None
) -> None:
    fill_in = question("f1", "fill_in", text=text, blanks=[{"accept": accept}])
    fill_in["prompt"] = prompt
    lines, problems = lint([fill_in])
    assert codes(problems) == (["giveaway.fill-in-answer-shown"] if where else [])
    if where:
        assert f"stands in its {where}" in problems[0].message
        assert line_of(lines, problems[0]).strip() == f"- {accept[0]}"


def test_an_accepted_answer_joined_by_a_full_width_comma_warns_in_check() -> None:
    """``[切，切脉]`` is one answer: the rule is among those ``check`` runs."""
    fill_in = question("f1", "fill_in", text="望、闻、问、___。", blanks=[{"accept": ["切，切脉"]}])
    lines, problems = lint([fill_in])
    assert codes(problems) == ["fill-in.joined-answers"]
    assert line_of(lines, problems[0]).strip() == "- 切，切脉"


# Feedback that opens with a verdict ------------------------------------------------------

VERDICTS = ["对。", "对，先听懂再回应。", "对", "没错，先道歉。", "答对了！", "不对：", "正确"]
VERDICTS += ["好的，", "错误！", "是的。", "对了，", "不错，", "✓ 回答", "恭喜你答对", "回答正确"]
REASONS = ["对方还没说完", "对客户来说", "对 MOT 来说", "好口碑传得慢", "正确的做法是先道歉"]
REASONS += ["错过了时机", "不是所有客户都会投诉", "可以看出", "没错过一个细节", "是否"]


@pytest.mark.parametrize("text", VERDICTS)
def test_a_verdict_opening_is_caught(text: str) -> None:
    assert verdict_opening(text)


@pytest.mark.parametrize("text", REASONS)
def test_a_reason_that_starts_like_a_verdict_is_not(text: str) -> None:
    assert verdict_opening(text) is None


def test_every_kind_of_feedback_is_read_at_its_line() -> None:
    choice = single("c1", 1)
    choice["options"][1]["feedback"] = "对，选项的反馈。"
    true_false = question("t1", "true_false", answer=True, feedback={"incorrect": "错。判断的反馈"})
    ordering = question(
        "o1", "ordering", items=["一", "二", "三"], feedback={"correct": "没错，排序的反馈"}
    )
    talk = dialogue("d1", [(1, False), (2, False)])
    talk["turns"][1]["replies"][0]["feedback"] = "不对！对话的反馈"
    lines, problems = lint([choice, true_false, ordering, talk])
    assert codes(problems) == ["feedback.verdict"] * 4
    assert [line_of(lines, problem).split(": ", 1)[1] for problem in problems] == [
        "对，选项的反馈。",
        "错。判断的反馈",
        "没错，排序的反馈",
        "不对！对话的反馈",
    ]


# Chinese text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('客户说"我要投诉"，你该怎么办？', "text.straight-quote"),
        ("客户说'好'。", "text.straight-quote"),
        ("客户 满意了吗？", "text.space-in-chinese"),
        ("满意了吗？ 还是没有？", "text.space-in-chinese"),
        ("理由又是什么？  ＃ TODO 改短一点", "text.full-width-comment"),  # not a space to remove
        ("排第几？ ﹟待定", "text.full-width-comment"),
        ("第＃1号窗口在哪里？", None),  # a full-width '＃' in the text, not after a space
        ("客户说“我要投诉”，你该怎么办？", None),
        ("服务补救的第一步是道歉。”", "text.unpaired-quote"),  # closed with a curly quote
        ("客户说“我要投诉。", "text.unpaired-quote"),
        ("读过《服务的细节吗？", "text.unpaired-quote"),
        ("他说：“她问‘好吗’。”", None),  # ‘’ within “”
        ("McDonald’s 的服务怎样？", None),  # ’ is an apostrophe too
        ('What does "MOT" mean?', None),  # no Chinese: not held to its rules
        ("EODC 四步里的 MOT 是什么？", None),  # a space beside a Latin word is written so
        ("它叫 ｍｏｔ。", None),  # full-width letters are not Chinese characters
        ("请选择**最好**的做法", "text.markup-shown"),
        ("第一句<br>第二句", "text.markup-shown"),
        ("这是<b>重点</b>", "text.markup-shown"),
        ("回顾[EODC](03-explore.md)", "text.markup-shown"),
        ("输入`退款`二字", "text.markup-shown"),
        ("3*4 等于几？a<b 时呢？", None),  # one star, a '<' before no tag: no markup
        ("<font color=red>重点</font>", "text.markup-shown"),
        ("最好的&nbsp;第一步", "text.markup-shown"),
        ("再谈&#8212;怎么做", "text.markup-shown"),
        ("AT&T 的 Q&A 环节，&amp 与 &nope; 呢？", None),  # no character reference
        ("……", "text.placeholder"),
        ("待补充", "text.placeholder"),
        ("TODO", "text.placeholder"),
        ("略有不同吗？", None),  # a word that starts like a placeholder
    ],
)
def test_chinese_text_has_chinese_quotation_marks_and_no_spaces(
    text: str, code: str | None
) -> None:
    asked = question("c1", "true_false", answer=True)
    asked["prompt"] = text
    lines, problems = lint([asked])
    assert codes(problems) == ([code] if code else [])
    if code:
        assert line_of(lines, problems[0]).strip() == f"prompt: {text}"


@pytest.mark.parametrize(("text", "fix"), [("再谈&mdash;怎么做", "'—'"), ("&nbsp;", "a space")])
def test_a_character_reference_is_told_to_be_typed_as_its_character(text: str, fix: str) -> None:
    asked = question("c1", "true_false", answer=True)
    asked["prompt"] = text
    _, problems = lint([asked])
    assert problems[0].message.endswith("which the site shows as written")
    assert problems[0].fix == f"type the character itself: {fix}"


def test_every_text_of_a_question_is_read_at_its_line() -> None:
    talk = dialogue("d1", [(1, False), (2, False)])
    talk["turns"][1]["customer"] = '那你说"怎么办"？'
    choice = single("s1", 2)
    choice["options"][3]["feedback"] = "这样做 客户会更着急。"
    lines, problems = lint([choice], exam=[talk])
    assert codes(problems) == ["text.space-in-chinese", "text.straight-quote"]
    assert [line_of(lines, problem).strip() for problem in problems] == [
        "feedback: 这样做 客户会更着急。",
        'customer: 那你说"怎么办"？',
    ]
    assert "question 'd1'" in problems[1].message and "“”" in problems[1].fix


def test_a_text_folded_between_two_chinese_characters_has_no_space() -> None:
    """YAML joins the lines of a folded text with a space; the generator joins them
    without one between two Chinese characters, so a fold is not a typed space."""
    text, lists = quiz_file([question("f1", "true_false", answer=True)])
    folded = text.replace("prompt: f1 的题干", "prompt: >-\n    客户\n    满意了吗？")
    assert folded != text
    source = parse_yaml(folded, Path("quizzes/01-sample.yml"))
    assert source.tree["questions"][0]["prompt"] == "客户满意了吗？"
    assert list(prose_problems(QuestionList(source, "questions", lists[0].questions))) == []


def test_a_page_s_front_matter_is_held_to_the_same_rules(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The navigation, the page's head and the dashboard show a title, a summary and an
    objective as written, a note typed with a full-width '＃' too."""
    edits = {
        "course/01-sample.md": [
            ("title: 示例模块", "title: 示例模块 ＃ TODO 改名"),
            ("text: 区分要求和需求", 'text: 区分"要求"和需求'),
        ],
        "course/index.md": [("summary: 用来测试", "summary: 用来 **测试**")],
    }
    for name, changes in edits.items():
        page = minimal_project / name
        text = page.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text
            text = text.replace(old, new)
        page.write_text(text, encoding="utf-8")
    assert run_generator(minimal_project, "check") == 0
    warned = [line.split(": warning: ") for line in capsys.readouterr().err.splitlines()]
    assert [(where, said.split(": ")[0], said.rsplit("[", 1)[1]) for where, said in warned] == [
        ("course/01-sample.md:2:1", "'title'", "text.full-width-comment]"),
        ("course/01-sample.md:10:5", "'text'", "text.straight-quote]"),
        ("course/index.md:3:1", "'summary'", "text.markup-shown]"),
    ]


# The command line ------------------------------------------------------------------------


def test_the_fixture_course_passes_check_strict(minimal_project: Path) -> None:
    assert run_generator(minimal_project, "check", "--strict") == 0


def test_check_prints_warnings_and_passes_unless_strict(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = minimal_project / "quizzes/02-second.yml"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace(
            "feedback: 从客户的角度看", "feedback: 对。从客户的角度看"
        ),
        encoding="utf-8",
    )
    assert run_generator(minimal_project, "check") == 0
    output = capsys.readouterr()
    assert output.out == "OK: 2 modules, 9 questions and 1 exam-only question\n"
    warning = (
        "quizzes/02-second.yml:9:9: warning: question 's2-single': the feedback opens with the "
        "verdict '对'; leave the verdict to the page (it shows ✓ 回答正确 or ✗ 回答错误) and "
        "open with the reason [feedback.verdict]"
    )
    assert output.err.splitlines() == [warning]
    assert WARNING_LINE.match(warning)

    assert run_generator(minimal_project, "check", "--strict") == 1
    strict = capsys.readouterr()
    assert strict.out == ""
    assert strict.err.splitlines() == [warning, "FAILED: 1 problem"]


def test_the_real_course_passes_check_strict(capsys: pytest.CaptureFixture[str]) -> None:
    """`make test` holds the course to the lint (issue 12): every warning is a failure."""
    exit_code = run_generator(PROJECT, "check", "--strict")
    assert exit_code == 0, capsys.readouterr().err
