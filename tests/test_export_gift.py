"""GIFT export, read back by an independent parser (gift-pegjs from npm, run with node)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.export.gift import UNSUPPORTED, exportable, percent
from generator.load import load_course
from generator.models import (
    BLANK,
    FillIn,
    Matching,
    MultipleChoice,
    Question,
    SingleChoice,
    TrueFalse,
)
from generator.project import Project
from tests.conftest import NODE_MODULES, PROJECT, run_generator

TRICKY = "[html]客户说：“我要 {退款} = 现在! #1 ~ 马上: C:\\temp <b>&amp;</b>”"
"""GIFT's control characters, a format marker and HTML: all of it text, shown as written."""


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


def assert_round_trip(question: Question, parsed: dict[str, Any]) -> None:
    assert parsed["title"] == question.id
    assert text_formats(parsed) == {"plain"}, "Moodle shows every text as written, not as HTML"
    assert text(parsed["globalFeedback"]) == question.explanation
    if isinstance(question, FillIn):
        assert parsed["type"] == "Short"
        assert text(parsed["stem"]) == f"{question.prompt}\n{question.text}".replace(BLANK, "_____")
        assert [text(choice["text"]) for choice in parsed["choices"]] == question.blanks[0].accept
        assert all(choice["isCorrect"] for choice in parsed["choices"])
        return
    assert text(parsed["stem"]) == question.prompt
    if isinstance(question, Matching):
        assert parsed["type"] == "Matching"
        assert [
            (text(pair["subquestion"]), pair["subanswer"]) for pair in parsed["matchPairs"]
        ] == [(pair.item, pair.match) for pair in question.pairs]
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
        return
    weights = [choice["weight"] for choice in choices]
    assert [weight > 0 for weight in weights] == [o.correct for o in question.options]
    assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.001)
    assert sum(w for w in weights if w < 0) == pytest.approx(-100, abs=0.001)


def test_every_question_round_trips(
    minimal_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = minimal_project / "quizzes/01-sample.yml"
    source = quiz.read_text(encoding="utf-8")
    source = source.replace(
        "prompt: 客户说话时，你首先应该怎么做？", f"prompt: {json.dumps(TRICKY)}"
    )
    # A second fill-in with one blank: GIFT's short answer (the fixture's own has two blanks).
    single_blank = source[source.index("  - id: s1-fill-in") :].split("\n  - id:")[0]
    single_blank = (
        single_blank.replace("s1-fill-in", "s1-fill-in-one")
        .replace("望、闻、___、___", "望、闻、问、___")
        .replace("      - accept: [问]\n", "")
    )
    quiz.write_text(source.rstrip("\n") + "\n" + single_blank.rstrip("\n") + "\n", encoding="utf-8")
    output = tmp_path / "bank.gift.txt"
    assert run_generator(minimal_project, "export", "gift", "--output", str(output)) == 0
    course = load_course(Project(minimal_project))
    parsed = parse_gift(output)
    categories = [item for item in parsed if item["type"] == "Category"]
    questions = [item for item in parsed if item["type"] != "Category"]
    assert [c["title"].split()[0] for c in categories] == [
        "MOT/01-sample",
        "MOT/02-second",
        "MOT/02-second/exam",
    ]
    every = [q for module in course.modules for q in module.quiz.every_question]
    expected = [q for q in every if exportable(q)]
    assert {q.type for q in expected} >= {"single", "multiple", "true_false", "matching", "fill_in"}
    skipped = [q for q in every if not exportable(q)]
    assert {q.type for q in skipped} == set(UNSUPPORTED)
    printed = capsys.readouterr().out
    for question in skipped:
        assert f"skipped {question.id} ({question.type}): {UNSUPPORTED[question.type]}" in printed
    assert len(questions) == len(expected)
    assert text(questions[0]["stem"]) == TRICKY
    for question, item in zip(expected, questions, strict=True):
        assert_round_trip(question, item)


def test_weights_use_moodle_grades() -> None:
    assert [percent(100 / n) for n in (1, 2, 3, 6)] == ["100", "50", "33.33333", "16.66667"]
    assert percent(-100 / 3) == "-33.33333"


def test_real_course_round_trips(tmp_path: Path) -> None:
    """Needs the real course in course/ and quizzes/."""
    course = load_course(Project(PROJECT))
    output = tmp_path / "real.gift.txt"
    assert run_generator(PROJECT, "export", "gift", "--output", str(output)) == 0
    parsed = [item for item in parse_gift(output) if item["type"] != "Category"]
    expected = [q for m in course.modules for q in m.quiz.every_question if exportable(q)]
    for question, item in zip(expected, parsed, strict=True):
        assert_round_trip(question, item)
