"""The course's editorial standards: each trips just over its threshold and not at it.

A module is written here as a page (front matter and body) and a quiz file, read the way
``check`` reads them, and every standard is applied to it: a module that meets them all
gets no warning, and each change below breaks exactly one standard.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest

from generator.errors import Problem, Severity
from generator.lint.context import ModuleContext
from generator.lint.standards import OLD_DIALOGUE_NAMES, STANDARDS, TIPS
from generator.lint.thresholds import BODY_CHARACTERS
from generator.markdown_config import markdown_settings
from generator.models import Module, ModuleMeta, Page, Quiz
from generator.page_scan import HAN, new_converter, scan_page
from generator.project import Project
from generator.schema_problems import validate_model
from generator.yaml_source import parse_yaml
from tests.conftest import PROJECT
from tests.test_lint import REASON, as_yaml, multiple, question, single

Data = dict[str, Any]
OBJECTIVES = ["s1-listen", "s1-need", "s1-recover"]
FRONT_MATTER = {
    "title": "示例模块",
    "summary": "只为测试而写。",
    "minutes": 30,
    "stage": "explore",
    "objectives": [{"id": name, "text": f"{name} 的目标"} for name in OBJECTIVES],
}
PARTS = [
    "## 本模块要点 {#summary}",
    "## 学以致用 {#reflection}",
    '!!! failure "做得不好"',
    '!!! success "做得好"',
    '!!! tip "小贴士"',
    "| 甲 | 乙 |\n| --- | --- |\n| 一 | 二 |",
]
FILLER = "服"


def of_each_kind(qid: str, number: int, applied: bool) -> Data:
    """Question ``number`` of a quiz: four types in turn, the objectives in turn."""
    kinds = [
        single(qid, number % 4),
        multiple(qid, {number % 4}),
        question(qid, "true_false", answer=number % 2 == 0, feedback={"incorrect": REASON}),
        question(qid, "ordering", items=["一", "二", "三"], feedback={"incorrect": REASON}),
    ]
    found = kinds[number % 4]
    return {**found, "objective": OBJECTIVES[number % 3], "applied": applied}


def questions(prefix: str, count: int, applied: int) -> list[Data]:
    return [of_each_kind(f"{prefix}{n}", n, n < applied) for n in range(count)]


def body(characters: int = BODY_CHARACTERS.low, parts: list[str] = PARTS) -> str:
    written = len(HAN.findall("".join(parts)))
    return "\n\n".join([*parts, FILLER * (characters - written)]) + "\n"


def module(
    quiz: list[Data] | None = None, exam: list[Data] | None = None, text: str | None = None
) -> Module:
    """A module that meets every standard, with ``quiz``, ``exam`` or ``text`` instead."""
    quiz_data = {
        "questions": questions("q", 12, 4) if quiz is None else quiz,
        "exam_questions": questions("e", 6, 3) if exam is None else exam,
    }
    quiz_source = parse_yaml(as_yaml(quiz_data), Path("quizzes/01-sample.yml"))
    parsed, problems = validate_model(Quiz, quiz_source)
    assert parsed is not None, problems
    front = as_yaml(FRONT_MATTER)
    page_source = parse_yaml(front, Path("course/01-sample.md"), line_offset=1)
    meta, problems = validate_model(ModuleMeta, page_source)
    assert meta is not None, problems
    body_line = front.count("\n") + 3
    page = Page("01-sample", page_source, meta, body() if text is None else text, body_line)
    return Module(page, meta, parsed, quiz_source)


CONVERTER = new_converter(*markdown_settings(Project(PROJECT)))
"""The course's Markdown dialect, which tells the standards what a page renders."""


def standards(of: Module, exam_draws_quiz: bool = False, has_exam: bool = True) -> list[Problem]:
    context = ModuleContext(scan_page(of.page.body, CONVERTER), exam_draws_quiz, has_exam)
    found = sorted(problem for rule in STANDARDS for problem in rule(of, context))
    assert {problem.severity for problem in found} <= {Severity.WARNING}
    return found


def codes(of: Module) -> list[str]:
    return [problem.code for problem in standards(of)]


def test_a_module_that_meets_every_standard_gets_no_warning() -> None:
    assert standards(module()) == []


@pytest.mark.parametrize(
    ("feedback", "code"),
    [
        (None, "standards.feedback-missing"),
        ("客户的问题还没解决。", "standards.feedback-too-short"),  # 9 Chinese characters
        ("客户的问题还是没解决。", None),  # 10
    ],
)
def test_every_wrong_answer_says_why_it_is_wrong(feedback: str | None, code: str | None) -> None:
    """Of a true/false question in the quiz, and of a wrong option under exam_questions;
    a right option's feedback may be short."""
    quiz, exam = questions("q", 12, 4), questions("e", 6, 3)
    statement = next(q for q in quiz if q["type"] == "true_false")
    chosen = next(q for q in exam if q["type"] == "single")
    wrong = next(option for option in chosen["options"] if not option["correct"])
    if feedback is None:
        del statement["feedback"], wrong["feedback"]
    else:
        statement["feedback"] = {"incorrect": feedback}
        wrong["feedback"] = feedback
    next(option for option in chosen["options"] if option["correct"])["feedback"] = "先听再说。"
    found = standards(module(quiz=quiz, exam=exam))
    assert [problem.code for problem in found] == ([code] * 2 if code else [])
    for problem, owner in zip(found, (statement, chosen), strict=False):
        assert f"question '{owner['id']}'" in problem.message


@pytest.mark.parametrize(("count", "warned"), [(9, True), (10, False), (15, False), (16, True)])
def test_a_quiz_of_10_to_15_questions(count: int, warned: bool) -> None:
    found = standards(module(quiz=questions("q", count, count)))
    assert [problem.code for problem in found] == (["standards.quiz-size"] if warned else [])
    if warned:
        assert (found[0].path.as_posix(), found[0].line) == ("quizzes/01-sample.yml", 1)
        assert f"the module quiz has {count} questions" in found[0].message


def test_a_quiz_of_one_question_is_counted_in_the_singular() -> None:
    """It said "the module quiz has 1 questions", "uses 1 question types" and "0 of the 1
    questions"."""
    quiz = [{**questions("q", 1, 0)[0]}]
    messages = " ".join(problem.message for problem in standards(module(quiz=quiz)))
    for said in ("has 1 question;", "uses 1 question type (", "0 of 1 question of"):
        assert said in messages
    assert not re.search(r"\b1 questions|\b1 question types", messages)


@pytest.mark.parametrize(("kinds", "warned"), [(4, False), (3, True)])
def test_a_quiz_of_four_question_types(kinds: int, warned: bool) -> None:
    quiz = [q for q in questions("q", 16, 16) if q["type"] != "ordering" or kinds == 4][:12]
    assert codes(module(quiz=quiz)) == (["standards.quiz-types"] if warned else [])


@pytest.mark.parametrize(("applied", "warned"), [(4, False), (3, True)])
def test_a_third_of_the_quiz_applied(applied: int, warned: bool) -> None:
    assert codes(module(quiz=questions("q", 12, applied))) == (
        ["standards.quiz-applied"] if warned else []
    )


@pytest.mark.parametrize(("testing", "warned"), [(2, False), (1, True)])
def test_two_quiz_questions_per_objective(testing: int, warned: bool) -> None:
    quiz = questions("q", 12, 12)
    for found in [q for q in quiz if q["objective"] == "s1-recover"][testing:]:
        found["objective"] = "s1-listen"
    problems = standards(module(quiz=quiz))
    assert [problem.code for problem in problems] == (
        ["standards.objective-quiz"] if warned else []
    )
    if warned:
        assert (problems[0].path.as_posix(), problems[0].line) == ("course/01-sample.md", 11)
        assert "objective 's1-recover' is tested by 1 question" in problems[0].message


@pytest.mark.parametrize(("count", "warned"), [(6, False), (5, True)])
def test_six_exam_only_questions(count: int, warned: bool) -> None:
    assert codes(module(exam=questions("e", count, count))) == (
        ["standards.exam-only-size"] if warned else []
    )


@pytest.mark.parametrize(
    ("exam_draws_quiz", "why"),
    [
        (False, "(the final exam draws from them)"),
        (True, "(the final exam's only questions the learner has not seen in a module quiz)"),
    ],
)
def test_too_few_exam_only_questions_say_what_they_are_for(exam_draws_quiz: bool, why: str) -> None:
    problems = standards(module(exam=questions("e", 5, 5)), exam_draws_quiz)
    assert [problem.fix for problem in problems] == [f"add questions under exam_questions: {why}"]


@pytest.mark.parametrize(("count", "them"), [(2, "them"), (1, "it")])
def test_exam_only_questions_in_a_course_without_an_exam(count: int, them: str) -> None:
    """No learner is asked them: one warning says so at their list, and the standards for
    exam-only questions (how many, how many applied, every objective) ask nothing more."""
    unasked = module(exam=questions("e", count, 0))
    problems = standards(unasked, has_exam=False)
    assert [problem.code for problem in problems] == ["standards.exam-only-unasked"]
    assert problems[0].path.as_posix() == "quizzes/01-sample.yml"
    assert unasked.quiz_source.lines[problems[0].line - 1] == "exam_questions:"
    assert problems[0].message.endswith(f"so no learner is ever asked {them}")
    assert problems[0].fix.endswith(
        f"or move {them} under questions: to ask {them} in the module quiz"
    )
    assert standards(module(exam=[]), has_exam=False) == []


@pytest.mark.parametrize(("applied", "warned"), [(3, False), (2, True)])
def test_half_the_exam_only_questions_applied(applied: int, warned: bool) -> None:
    assert codes(module(exam=questions("e", 6, applied))) == (
        ["standards.exam-only-applied"] if warned else []
    )


@pytest.mark.parametrize(
    ("exam_draws_quiz", "untested"),
    [
        (False, "never tests it"),
        (True, "never asks about it with a question the learner has not seen"),
    ],
)
def test_every_objective_in_the_exam_only_questions(exam_draws_quiz: bool, untested: str) -> None:
    """With include_quiz_questions: true the exam may ask about the objective, but only with
    the module quiz's questions, which the learner has seen."""
    exam = questions("e", 6, 6)
    for found in exam:
        if found["objective"] == "s1-need":
            found["objective"] = "s1-listen"
    problems = standards(module(exam=exam), exam_draws_quiz)
    assert [problem.code for problem in problems] == ["standards.objective-exam"]
    assert (problems[0].path.as_posix(), problems[0].line) == ("course/01-sample.md", 9)
    assert problems[0].message == (
        f"objective 's1-need' has no exam-only question, so the final exam {untested}"
    )


@pytest.mark.parametrize(
    ("characters", "warned"),
    [
        (BODY_CHARACTERS.low - 1, True),
        (BODY_CHARACTERS.low, False),
        (BODY_CHARACTERS.high, False),
        (BODY_CHARACTERS.high + 1, True),
    ],
)
def test_a_page_of_3000_to_8000_chinese_characters(characters: int, warned: bool) -> None:
    problems = standards(module(text=body(characters)))
    assert [problem.code for problem in problems] == (["standards.body-length"] if warned else [])
    if warned:
        assert (problems[0].path.as_posix(), problems[0].line) == ("course/01-sample.md", 14)
        assert f"the page has {characters:,} Chinese characters" in problems[0].message


@pytest.mark.parametrize(
    "unshown",
    [
        f"<!-- {FILLER * 3000} -->",
        f"```text\n{FILLER * 3000}\n```",
        f"    {FILLER * 3000}",
    ],
    ids=["comment", "fenced-code", "indented-code"],
)
def test_a_page_is_as_long_as_the_text_it_shows(unshown: str) -> None:
    shown = BODY_CHARACTERS.low - 1
    problems = standards(module(text=f"{body(shown)}\n{unshown}\n"))
    assert [problem.message for problem in problems] == [
        f"the page has {shown:,} Chinese characters of teaching text; a module needs "
        f"{BODY_CHARACTERS.low:,} to {BODY_CHARACTERS.high:,}"
    ]


@pytest.mark.parametrize("missing", PARTS)
def test_every_teaching_part(missing: str) -> None:
    parts = [part for part in PARTS if part != missing]
    problems = standards(module(text=body(parts=parts)))
    assert [problem.code for problem in problems] == ["standards.teaching-part"]
    assert (problems[0].path.as_posix(), problems[0].line) == ("course/01-sample.md", 14)


def test_a_missing_part_is_named_at_the_first_line_of_text() -> None:
    """It was named at the blank line under the front matter, where nothing is to edit."""
    parts = [part for part in PARTS if "tip" not in part]
    problems = standards(module(text="\n\n" + body(parts=parts)))
    assert [(problem.line, problem.code) for problem in problems] == [
        (16, "standards.teaching-part")
    ]


@pytest.mark.parametrize(
    ("section", "written"),
    [("summary", "## 本模块要点"), ("reflection", "### 学以致用 {#practice}")],
)
def test_a_section_heading_without_its_id_is_told_the_id_at_its_line(
    section: str, written: str
) -> None:
    """The page has the heading, and was told it lacked the section, at its first line: the
    site finds the section by its id."""
    parts = [written if f"{{#{section}}}" in part else part for part in PARTS]
    heading = written.split(" {")[0].lstrip("# ")
    problems = standards(module(text=body(parts=parts)))
    assert [(problem.line, problem.message, problem.fix) for problem in problems] == [
        (
            14 + 2 * parts.index(written),
            f"the heading '{heading}' lacks the id {{#{section}}}, by which the site finds "
            f"the {section} section",
            f"end its line with ' {{#{section}}}', in place of any id it has: "
            f"## {heading} {{#{section}}}",
        )
    ]


@pytest.mark.parametrize(
    ("missing", "written"),
    [
        ("## 本模块要点 {#summary}", "## 本模块要点 { #summary }"),
        ("## 本模块要点 {#summary}", "## 本模块要点 {: #summary }"),
        ('!!! failure "做得不好"', '???+ failure "做得不好"\n    **客户：**不行。'),
        ('!!! success "做得好"', "!!! success\n    **客户：**好的。"),
        ('!!! tip "小贴士"', '??? tip "小贴士"\n    先听。'),
        ('!!! tip "小贴士"', "???+ note\n    先听。"),
        (PARTS[-1], '!!! note "对照"\n    | 甲 | 乙 |\n    | --- | --- |\n    | 一 | 二 |'),
    ],
)
def test_a_teaching_part_counts_as_the_page_renders_it(missing: str, written: str) -> None:
    parts = [written if part == missing else part for part in PARTS]
    assert standards(module(text=body(parts=parts))) == []


@pytest.mark.parametrize(
    "kind",
    [
        *("info", "hint", "important", "todo", "summary", "tldr", "caution", "attention"),
        *("help", "faq", "fail", "missing", "check", "done"),
    ],
)
def test_a_tip_counts_under_any_name_that_shows_a_tip_or_note_box(kind: str) -> None:
    """Material shows the names it once took for a tip, note, abstract, warning or question,
    or for the dialogue's failure and success boxes, as a note box: the page lacks no tip,
    though a dialogue's old name is named at its line (below)."""
    parts = [f'!!! {kind} "小贴士"\n    先听。' if "tip" in part else part for part in PARTS]
    old_names = set().union(*OLD_DIALOGUE_NAMES.values())
    expected = [(22, "standards.teaching-part")] if kind in old_names else []
    assert [(p.line, p.code) for p in standards(module(text=body(parts=parts)))] == expected


STYLED = {"note", "abstract", "info", "tip", "success", "question", "warning", "failure"}
"""Kinds of box the theme styles that a page may use for a teaching part; any other name
counted above shows as a note box."""


def theme_stylesheets() -> list[Path]:
    """The main stylesheets of Material and of Zensical (with each of its looks), installed."""
    found: list[Path] = []
    for package in ("material", "zensical"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin is not None:
            found += Path(spec.origin).parent.glob("templates/assets/stylesheets/**/main.*.css")
    return found


@pytest.mark.parametrize("stylesheet", theme_stylesheets(), ids=lambda path: path.parent.name)
def test_the_names_counted_as_a_note_box_have_no_style_of_their_own(stylesheet: Path) -> None:
    """What the counts above take for a note box is one in the site: the theme styles no box
    of those names, so they take the note box's colour and icon."""
    styled = set(re.findall(r"\.admonition\.([\w-]+)", stylesheet.read_text(encoding="utf-8")))
    shown_as_note = (TIPS - STYLED).union(*OLD_DIALOGUE_NAMES.values())
    assert styled >= STYLED
    assert styled.isdisjoint(shown_as_note)


@pytest.mark.parametrize(
    ("written", "line", "column", "message", "fix"),
    [
        (
            '!!! fail "做得不好"',
            18,
            1,
            "the page lacks a dialogue handled poorly (!!! failure \"…\"): '!!! fail' shows as a "
            "plain note box, not as a failure box",
            "write '!!! failure' instead",
        ),
        (
            '???+ missing "做得不好"\n    **客户：**不行。',
            18,
            1,
            "the page lacks a dialogue handled poorly (!!! failure \"…\"): '???+ missing' shows "
            "as a plain note box, not as a failure box",
            "write '???+ failure' instead",
        ),
        (
            '!!! check "做得好"',
            20,
            1,
            "the page lacks the same dialogue handled well (!!! success \"…\"): '!!! check' shows "
            "as a plain note box, not as a success box",
            "write '!!! success' instead",
        ),
        (
            '- 对话\n\n    !!! done "做得好"\n        **客户：**好的。',
            22,
            5,
            "the page lacks the same dialogue handled well (!!! success \"…\"): '!!! done' shows "
            "as a plain note box, not as a success box",
            "write '!!! success' instead",
        ),
    ],
    ids=["fail", "missing-collapsible", "check", "done-in-list"],
)
def test_a_dialogue_box_the_site_shows_as_a_note_is_named_at_its_line(
    written: str, line: int, column: int, message: str, fix: str
) -> None:
    """Material (and Zensical) no longer style the names it once took for the dialogue's
    boxes: the learner sees a note box, and the trainer is told so where it is written."""
    kind = "failure" if "做得不好" in written else "success"
    parts = [written if kind in part else part for part in PARTS]
    problems = standards(module(text=body(parts=parts)))
    assert [
        (problem.line, problem.column, problem.message, problem.fix, problem.code)
        for problem in problems
    ] == [(line, column, message, fix, "standards.teaching-part")]


def test_every_dialogue_box_the_site_shows_as_a_note_is_named_beside_the_real_one() -> None:
    """A page with a real success box still shows a '!!! check' box as a note: each such box
    is named at its line, and a page lacking the real box is told so once per box, never
    again at the top of its text."""
    beside = [*PARTS, '!!! check "做得好"', '???+ fail "做得不好"\n    **客户：**不行。']
    instead = [*PARTS[:3], '!!! done "做得好"', *PARTS[4:], '!!! check "也做得好"']
    problems = standards(module(text=body(parts=beside))) + standards(
        module(text=body(parts=instead))
    )
    assert [(p.line, p.column, p.message, p.fix) for p in problems] == [
        (
            28,
            1,
            "'!!! check' shows as a plain note box, not as a success box",
            "write '!!! success' instead, or '!!! note' if it is meant as a note box",
        ),
        (
            30,
            1,
            "'???+ fail' shows as a plain note box, not as a failure box",
            "write '???+ failure' instead, or '???+ note' if it is meant as a note box",
        ),
        (
            20,
            1,
            "the page lacks the same dialogue handled well (!!! success \"…\"): '!!! done' shows "
            "as a plain note box, not as a success box",
            "write '!!! success' instead",
        ),
        (
            28,
            1,
            "the page lacks the same dialogue handled well (!!! success \"…\"): '!!! check' "
            "shows as a plain note box, not as a success box",
            "write '!!! success' instead",
        ),
    ]


@pytest.mark.parametrize(
    "written",
    [
        '```markdown\n!!! failure "做得不好"\n```',
        "!!! failure '做得不好'\n    **客户：**不行。",  # Markdown takes only "" titles
    ],
)
def test_a_teaching_part_shown_as_text_is_not_on_the_page(written: str) -> None:
    parts = [written if "failure" in part else part for part in PARTS]
    code = len(HAN.findall(written))  # more than enough text if code counts for none
    problems = standards(module(text=body(BODY_CHARACTERS.low + code, parts=parts)))
    assert [problem.message for problem in problems] == [
        'the page lacks a dialogue handled poorly (!!! failure "…")'
    ]
