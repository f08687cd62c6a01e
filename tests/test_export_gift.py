"""GIFT export, read back by an independent parser (gift-pegjs from npm, run with node)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.export.gift import (
    ARROW_IN_MATCHING_ITEM,
    ARROW_IN_SHORT_ANSWER,
    UNSUPPORTED,
    exportable,
    header,
    percent,
    skip_reason,
    typed_forms,
)
from generator.load import load_course
from generator.models import (
    BLANK,
    FillIn,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)
from generator.normalise import normalise
from generator.project import Project
from tests.conftest import NODE_MODULES, PROJECT, run_generator
from tests.test_cli import keep_one_module

TRICKY = "[html]客户说：“我要 {退款} = 现在! #1 ~ 马上: C:\\temp <b>&amp;</b>”"
"""GIFT's control characters, a format marker and HTML: all of it text, shown as written."""
WRONG_WITH_WEIGHT = "%50% 的时候先打断客户"
"""A wrong option that begins like a GIFT weight."""
LITERAL_ANSWERS = ["问", "%50%", "x*y", "[html]<b>问</b>", "C:\\temp"]
"""Short answers Moodle would misread unless written with care: a weight, its wildcard, a
format marker, a backslash."""
MATCHING_FEEDBACK = {"correct": "三组都配对了。", "incorrect": "先想客户真正要达到什么。"}


def parse_gift(path: Path) -> list[dict[str, Any]]:
    assert (NODE_MODULES / "gift-pegjs").is_dir(), "run `make test` (it runs `npm install`)"
    result = subprocess.run(
        ["node", str(PROJECT / "tests/node/parse-gift.js"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    parsed: list[dict[str, Any]] = json.loads(result.stdout)
    return parsed


def text(node: dict[str, Any] | None) -> str | None:
    return None if node is None else str(node["text"])


def text_formats(node: object) -> set[str]:
    """The format of every text in a parsed question (a text is a dict with ``format``)."""
    if isinstance(node, dict):
        own = {str(node["format"])} if "format" in node else set()
        return own.union(*(text_formats(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(text_formats(item) for item in node))
    return set()


def typed_as_well(answer: str) -> list[str]:
    """``answer``, then as a learner may also type it: without a closing 。, in full-width
    characters (the space too), and ended with 。."""
    base = answer.removesuffix("。")
    wide = "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in base
    )
    widths = [base] + ([wide] if wide != base else [])
    return list(dict.fromkeys([answer, *widths, *(f"{form}。" for form in widths)]))


def test_a_short_answer_is_listed_as_learners_also_type_it() -> None:
    """The site takes ６０ and 60。 for 60 (it compares typed answers after NFKC, without
    punctuation at either end); Moodle compares them as written, less case and outer
    spaces, and had marked both wrong."""
    assert typed_forms("60%") == ["60%", "６０％", "60%。", "６０％。"]
    assert typed_forms("百分之六十") == ["百分之六十", "百分之六十。"]
    assert typed_forms("60 %") == ["60 %", "６０\u3000％", "60 %。", "６０\u3000％。"]
    assert typed_forms("好的。") == ["好的。", "好的"]
    assert {normalise(form) for form in typed_forms("Explore 60%")} == {normalise("Explore 60%")}


def assert_round_trip(question: Question, parsed: dict[str, Any]) -> None:
    assert parsed["title"] == question.id
    assert text_formats(parsed) == {"plain"}, "Moodle shows every text as written, not as HTML"
    if isinstance(question, Matching | Ordering) and (
        question.feedback.correct or question.feedback.incorrect
    ):
        # GIFT has no place for them but the general feedback: there, each labelled.
        labelled = [
            f"{label}{feedback}"
            for label, feedback in (
                ("答对时：", question.feedback.correct),
                ("答错时：", question.feedback.incorrect),
            )
            if feedback
        ]
        explanation = "\n".join([*labelled, f"讲解：{question.explanation}"])
    else:
        explanation = question.explanation
    assert text(parsed["globalFeedback"]) == explanation
    if isinstance(question, FillIn):
        assert parsed["type"] == "Short"
        assert text(parsed["stem"]) == f"{question.prompt}\n{question.text}".replace(BLANK, "_____")
        # Moodle compares a short answer with "*" as its wildcard; "\\*" is an asterisk.
        forms = [form for answer in question.blanks[0].accept for form in typed_as_well(answer)]
        accepted = [form.replace("*", "\\*") for form in dict.fromkeys(forms)]
        expected = [(answer, 100, question.feedback.correct) for answer in accepted]
        if question.feedback.incorrect:  # anything else: no marks, the wrong-answer feedback
            expected.append(("*", 0, question.feedback.incorrect))
        choices = parsed["choices"]
        assert [(text(c["text"]), c["weight"], text(c["feedback"])) for c in choices] == expected
        assert all(choice["isCorrect"] for choice in choices)
        return
    assert text(parsed["stem"]) == question.prompt
    if isinstance(question, Matching):
        assert parsed["type"] == "Matching"
        assert [
            (text(pair["subquestion"]), pair["subanswer"]) for pair in parsed["matchPairs"]
        ] == [(pair.item, pair.match) for pair in question.pairs] + [
            ("", distractor) for distractor in question.distractors
        ]
        return
    if isinstance(question, Ordering):  # GIFT has none: each place matched with its item
        assert parsed["type"] == "Matching"
        assert [
            (text(pair["subquestion"]), pair["subanswer"]) for pair in parsed["matchPairs"]
        ] == [(f"第 {place} 步", item) for place, item in enumerate(question.items, 1)]
        return
    if isinstance(question, TrueFalse):
        assert parsed["type"] == "TF"
        assert parsed["isTrue"] is question.answer
        # Moodle order: feedback for a wrong answer, then for a right one.
        assert text(parsed["trueFeedback"]) == (question.feedback.incorrect or None)
        assert text(parsed["falseFeedback"]) == (question.feedback.correct or None)
        return
    assert isinstance(question, SingleChoice | MultipleChoice)
    assert parsed["type"] == "MC"
    choices = parsed["choices"]
    assert [text(choice["text"]) for choice in choices] == [o.text for o in question.options]
    assert [text(choice["feedback"]) for choice in choices] == [
        option.feedback for option in question.options
    ]
    if isinstance(question, SingleChoice):
        assert [choice["isCorrect"] for choice in choices] == [o.correct for o in question.options]
        assert all(not choice["weight"] for choice in choices), "no share of the marks"
        return
    weights = [choice["weight"] for choice in choices]
    assert [weight > 0 for weight in weights] == [o.correct for o in question.options]
    assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.001)
    assert sum(w for w in weights if w < 0) == pytest.approx(-100, abs=0.001)


def question_block(source: str, question_id: str) -> str:
    """The YAML of one question in a quiz file, from its ``- id:`` line to the next."""
    return source[source.index(f"  - id: {question_id}\n") :].split("\n  - id:")[0].rstrip("\n")


def with_text_gift_misreads(project: Path) -> None:
    """Give the minimal course text a trainer can write and GIFT reads otherwise unless it is
    escaped: control characters, a weight, a wildcard, a format marker, "->"; and feedback on
    the matching and short-answer questions."""
    quiz = project / "quizzes/01-sample.yml"
    source = quiz.read_text(encoding="utf-8")
    source = source.replace(
        "prompt: 客户说话时，你首先应该怎么做？", f"prompt: {json.dumps(TRICKY)}"
    ).replace("text: 一边听一边看手机", f"text: {json.dumps(WRONG_WITH_WEIGHT)}")
    matching = question_block(source, "s1-matching")
    source = source.replace(
        matching,
        matching.replace("match: 尽快恢复上网", 'match: "网线 -> 尽快恢复上网"')
        + f"\n    feedback: {json.dumps(MATCHING_FEEDBACK, ensure_ascii=False)}",
    )
    # GIFT's short answer has one blank (the fixture's fill-in has two).
    fill_in = question_block(source, "s1-fill-in")
    single_blank = (
        fill_in.replace("s1-fill-in", "s1-fill-in-one")
        .replace("望、闻、___、___", "望、闻、___、切")
        .replace("      - accept: [切, 切脉]\n", "")
        .replace("accept: [问]", f"accept: {json.dumps(LITERAL_ANSWERS, ensure_ascii=False)}")
    )
    # "->" cannot be escaped: in a short answer, or in a matching item, the question is skipped.
    arrow_answer = single_blank.replace("s1-fill-in-one", "s1-fill-in-arrow").replace(
        json.dumps(LITERAL_ANSWERS, ensure_ascii=False), '["问->答"]'
    )
    arrow_item = matching.replace("s1-matching", "s1-matching-arrow").replace(
        "item: “给我换根网线。”", 'item: "网线 -> 路由器"'
    )
    quiz.write_text(
        "\n".join([source.rstrip("\n"), single_blank, arrow_answer, arrow_item]) + "\n",
        encoding="utf-8",
    )


MOODLE_ESCAPES = {
    "\\:": "&&058;",
    "\\#": "&&035;",
    "\\=": "&&061;",
    "\\{": "&&123;",
    "\\}": "&&125;",
    "\\~": "&&126;",
    "\\n": "&&010",
}
"""Moodle's placeholders for GIFT's escapes (qformat_gift::escapedchar_pre)."""


def moodle_category(title: str) -> list[str]:
    """The category names Moodle makes of a ``$CATEGORY:`` line's path: it reads the block
    through its escapes (a doubled backslash becomes one; the others become placeholders that
    stay in a category's name), then splits at a ``/`` that is not doubled, undoubles and
    trims (question/format/gift/format.php, qformat_default::split_category_path)."""
    path = title.replace("\\\\", "\0")
    for escaped, placeholder in MOODLE_ESCAPES.items():
        path = path.replace(escaped, placeholder)
    path = path.replace("\0", "\\")
    return [name.replace("//", "/").strip() for name in re.split(r"(?<!/)/(?!/)", path)]


def test_every_question_round_trips(
    minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_text_gift_misreads(minimal_project)
    output = tmp_path / "bank.gift.txt"
    assert run_generator(minimal_project, "export", "gift", "--output", str(output)) == 0
    course = load_course(Project(minimal_project))
    parsed = parse_gift(output)
    categories = [item for item in parsed if item["type"] == "Category"]
    questions = [item for item in parsed if item["type"] != "Category"]
    assert [moodle_category(c["title"]) for c in categories] == [
        ["MOT", "01-sample 示例模块"],
        ["MOT", "02-second 第二模块"],
        ["MOT", "02-second 第二模块", "exam 结业考试专用题"],
    ]
    every = [q for module in course.modules for q in module.quiz.every_question]
    expected = [q for q in every if exportable(q)]
    assert {q.type for q in expected} >= {
        "single",
        "multiple",
        "true_false",
        "ordering",
        "matching",
        "fill_in",
    }
    skipped = {q.id: skip_reason(q) for q in every if not exportable(q)}
    assert skipped == {
        "s1-fill-in": UNSUPPORTED["fill_in"],
        "s1-scenario": UNSUPPORTED["scenario"],
        "s1-fill-in-arrow": ARROW_IN_SHORT_ANSWER,
        "s1-matching-arrow": ARROW_IN_MATCHING_ITEM,
    }
    printed = capsys.readouterr().out
    for question in every:
        if question.id in skipped:
            assert f"skipped {question.id} ({question.type}): {skipped[question.id]}" in printed
    assert len(questions) == len(expected)
    assert text(questions[0]["stem"]) == TRICKY
    for question, item in zip(expected, questions, strict=True):
        assert_round_trip(question, item)
    gift = output.read_text(encoding="utf-8")
    assert "~%0%%50% 的时候先打断客户" in gift, "Moodle reads no weight into the wrong option"
    assert "=%100%%50%#" in gift, "nor into the short answer"


def moodle_blocks(gift: str) -> list[list[str]]:
    """The blocks Moodle's importer reads a category or a question from: the lines up to a
    blank one, less their comment lines; a block of nothing else is passed over
    (qformat_default::readquestions, qformat_gift::readquestion)."""
    blocks: list[list[str]] = []
    block: list[str] = []
    for line in [*gift.splitlines(), ""]:
        if line.strip():
            block.append(line.strip())
            continue
        kept = [entry for entry in block if not entry.startswith("//")]
        blocks += [kept] if kept else []
        block = []
    return blocks


def test_the_file_names_the_questions_it_leaves_out(
    minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The skipped questions were named on the terminal only: a colleague handed the file,
    or importing it into Moodle, could not tell that any were missing. The file opens with
    what the export printed, in comment lines, which neither Moodle nor gift-pegjs imports."""
    with_text_gift_misreads(minimal_project)
    output = tmp_path / "bank.gift.txt"
    assert run_generator(minimal_project, "export", "gift", "--output", str(output)) == 0
    printed = capsys.readouterr().out.splitlines()
    steps = [line.removeprefix("  … ") for line in printed if line.startswith("  … ")]
    course = load_course(Project(minimal_project))
    every = [q for module in course.modules for q in module.quiz.every_question]
    skipped = [f"skipped {q.id} ({q.type}): {skip_reason(q)}" for q in every if not exportable(q)]
    parsed = parse_gift(output)
    written = len([item for item in parsed if item["type"] != "Category"])
    assert steps == [f"{written} questions from 2 modules", *skipped]
    gift = output.read_text(encoding="utf-8")
    assert gift.split("\n\n")[0].splitlines() == [
        f"// {written} questions from 2 modules; {len(skipped)} skipped, which GIFT cannot "
        "express:",
        *(f"// {line}" for line in skipped),
    ]
    assert parsed[0]["type"] == "Category", "the header is no question"
    assert len(moodle_blocks(gift)) == len(parsed), "nor to Moodle"
    assert header("3 questions from 1 module", []) == "// 3 questions from 1 module"


def test_a_course_of_one_module_says_module_not_modules(
    minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep_one_module(minimal_project)
    output = tmp_path / "bank.gift.txt"
    assert run_generator(minimal_project, "export", "gift", "--output", str(output)) == 0
    assert "questions from 1 module\n" in capsys.readouterr().out


def test_category_names_keep_their_slashes(minimal_project: Path, tmp_path: Path) -> None:
    """Moodle splits a category path at "/": a "/" in a module's title is doubled, and a
    backslash too, as Moodle's escapes would otherwise eat one."""
    page = minimal_project / "course/02-second.md"
    title = "/售后/维修 \\n 课程/"
    page.write_text(
        page.read_text(encoding="utf-8").replace("title: 第二模块", f"title: {json.dumps(title)}"),
        encoding="utf-8",
    )
    output = tmp_path / "bank.gift.txt"
    assert run_generator(minimal_project, "export", "gift", "--output", str(output)) == 0
    categories = [item["title"] for item in parse_gift(output) if item["type"] == "Category"]
    assert [moodle_category(title) for title in categories][1:] == [
        ["MOT", f"02-second {title}"],
        ["MOT", f"02-second {title}", "exam 结业考试专用题"],
    ]


def test_weights_use_moodle_grades() -> None:
    assert [percent(100 / n) for n in (1, 2, 3, 6)] == ["100", "50", "33.33333", "16.66667"]
    assert percent(-100 / 3) == "-33.33333"


def test_real_course_round_trips(tmp_path: Path) -> None:
    """Needs the real course in course/ and quizzes/."""
    course = load_course(Project(PROJECT))
    output = tmp_path / "real.gift.txt"
    assert run_generator(PROJECT, "export", "gift", "--output", str(output)) == 0
    categories = [
        moodle_category(i["title"]) for i in parse_gift(output) if i["type"] == "Category"
    ]
    expected_categories = []
    for module in course.modules:
        expected_categories.append(["MOT", f"{module.page.name} {module.meta.title}"])
        if module.quiz.exam_questions:  # inside the module's category
            expected_categories.append([*expected_categories[-1], "exam 结业考试专用题"])
    assert categories == expected_categories
    parsed = [item for item in parse_gift(output) if item["type"] != "Category"]
    expected = [q for m in course.modules for q in m.quiz.every_question if exportable(q)]
    for question, item in zip(expected, parsed, strict=True):
        assert_round_trip(question, item)


TYPE_NAMES = {
    "single": "单选题",
    "multiple": "多选题",
    "true_false": "判断题",
    "matching": "配对题",
    "ordering": "排序题",
    "fill_in": "填空题",
    "scenario": "情景对话题",
}
"""Each question type, as the trainer's guide names it."""


def test_the_trainers_guide_names_the_types_gift_leaves_out_of_the_course() -> None:
    """The guide said GIFT holds no ordering questions, to be assessed apart: they are in the
    file, as matching ones."""
    course = load_course(Project(PROJECT))
    every = [q for m in course.modules for q in m.quiz.every_question]
    left_out = {q.type for q in every if not exportable(q)}
    guide = (PROJECT / "course/trainer.md").read_text(encoding="utf-8")
    said = next(part for part in re.split("[。；]", guide) if "GIFT 装不下" in part)
    assert {kind for kind, name in TYPE_NAMES.items() if name in said} == left_out
